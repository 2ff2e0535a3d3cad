"""Discovery on the LAN by mDNS/DNS-SD (zeroconf): a kiosk announced with `installation fleet announce` is found by
the console's browser, with its screen name, address and port."""

from __future__ import annotations

import threading
import uuid

from installation.fleet.discovery import Browser, announce

from .conftest import wait_until


def test_an_announced_kiosk_is_found():
    name = f"kiosk-{uuid.uuid4().hex[:8]}"  # other runs on this network may announce kiosks too
    stop = threading.Event()
    announcer = threading.Thread(target=announce, args=(name, 53177, "127.0.0.1", stop), daemon=True)
    announcer.start()
    found = []
    browser = Browser(found.append).start()
    try:
        kiosk = wait_until(lambda: next((k for k in found if k.name == name), None), 60, what=f"{name} to be found")
        assert (kiosk.host, kiosk.port, kiosk.discovered) == ("127.0.0.1", 53177, True)
    finally:
        browser.close()
        stop.set()
        announcer.join(timeout=10)
