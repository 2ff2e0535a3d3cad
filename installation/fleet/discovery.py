"""Kiosks on the LAN by mDNS/DNS-SD (zeroconf): `installation fleet announce` beside a kiosk, and the console's
browser that adds every kiosk it hears of (when the fleet file says `discover: true`)."""

from __future__ import annotations

import logging
import socket
import threading
from typing import Callable

from .config import Kiosk

log = logging.getLogger(__name__)

SERVICE = "_kiosk-osc._tcp.local."  # DNS-SD service names are at most 15 bytes


def announce(name: str, port: int, address: str | None = None, stop: threading.Event | None = None) -> int:
    from zeroconf import ServiceInfo, Zeroconf

    address = address or _own_address()
    info = ServiceInfo(SERVICE, f"{name}.{SERVICE}", port=port, addresses=[socket.inet_aton(address)],
                       properties={"screen": name}, server=f"{name}.local.")
    zc = Zeroconf()
    try:
        zc.register_service(info)
        print(f"fleet: announcing {name} at {address}:{port} as {SERVICE}", flush=True)
        (stop or threading.Event()).wait()
    except KeyboardInterrupt:
        pass
    finally:
        zc.unregister_service(info)
        zc.close()
    return 0


def _own_address() -> str:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent; this picks the outgoing interface
            return s.getsockname()[0]
        except OSError:
            return "127.0.0.1"


class Browser:
    """Calls `found(Kiosk)` for each kiosk announced on the LAN."""

    def __init__(self, found: Callable[[Kiosk], None]):
        self.found = found
        self.zc = None
        self.browser = None

    def start(self) -> "Browser":
        from zeroconf import ServiceBrowser, Zeroconf

        self.zc = Zeroconf()
        self.browser = ServiceBrowser(self.zc, SERVICE, handlers=[self._changed])
        return self

    def _changed(self, zeroconf, service_type: str, name: str, state_change) -> None:
        from zeroconf import ServiceStateChange

        if state_change is not ServiceStateChange.Added:
            return
        info = zeroconf.get_service_info(service_type, name, timeout=3000)
        if info is None or not info.parsed_addresses():
            return
        screen = (info.properties or {}).get(b"screen", b"").decode("utf-8", "replace") or name.split(".")[0]
        try:
            self.found(Kiosk(screen, info.parsed_addresses()[0], int(info.port), discovered=True))
        except Exception as exc:  # a bad announcement must not stop the browser
            log.warning("fleet: cannot add discovered kiosk %s: %s", name, exc)

    def close(self) -> None:
        if self.zc is not None:
            self.zc.close()
