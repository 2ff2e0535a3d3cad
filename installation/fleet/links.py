"""One OSC link per kiosk (TCP, with its passcode): subscribe to its pushes, send /thump every heartbeat, keep its
last state and when it last answered. Actions go over a connection of their own (like `installation send`)."""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any, Callable

from ..control import osc
from ..control.client import OscClient, decode_reply
from .config import Kiosk
from .tiles import Seen

log = logging.getLogger(__name__)


def hello(kiosk: Kiosk, subscribe: bool = True) -> bytes:
    elements = [osc.encode_message("/connect", kiosk.passcode)] if kiosk.passcode else []
    elements.append(osc.encode_message("/alwaysReply", 0))
    if subscribe:
        elements.append(osc.encode_message("/updates", 1))
    elements.append(osc.encode_message("/state"))
    return osc.encode_bundle(elements)


def state_from(message: osc.Message) -> dict | None:
    """A state snapshot from a push or a /state reply, else None."""
    if message.address.startswith("/update/screen/") and message.address.endswith("/state"):
        try:
            state = json.loads(message.args[0]) if message.args and isinstance(message.args[0], str) else None
        except ValueError:
            return None
        return state if isinstance(state, dict) else None
    if message.address.endswith("/state") and message.address.startswith("/reply"):
        reply = decode_reply(message)
        if reply and reply.get("status") == "ok" and isinstance(reply.get("data"), dict):
            return reply["data"]
    return None


class Link:
    def __init__(self, kiosk: Kiosk, heartbeat: float, changed: Callable[[str], None]):
        self.kiosk, self.heartbeat, self.changed = kiosk, heartbeat, changed
        self.seen = Seen(since=time.monotonic())
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"fleet-{kiosk.name}", daemon=True)
        self.client: OscClient | None = None
        self._failed_once = False

    def start(self) -> "Link":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=5)

    def _connect(self) -> OscClient | None:
        try:
            client = OscClient(self.kiosk.host, self.kiosk.port, tcp=True, timeout=min(2.0, self.heartbeat))
            client.send_raw(hello(self.kiosk))
            self._failed_once = False
            return client
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if not self._failed_once:
                log.info("fleet: %s (%s): cannot connect: %s", self.kiosk.name, self.kiosk.target, reason)
                self._failed_once = True
            if self.seen.error != reason:
                self.seen.error = reason
                self.changed(self.kiosk.name)
            return None

    def _run(self) -> None:
        last_thump = 0.0
        while not self.stopping.is_set():
            if self.client is None:
                self.client = self._connect()
                if self.client is None:
                    self.stopping.wait(min(1.0, self.heartbeat))
                    continue
                last_thump = time.monotonic()
            now = time.monotonic()
            try:
                if now - last_thump >= self.heartbeat:
                    self.client.send_raw(hello(self.kiosk, subscribe=False))  # /thump-like: answers with /state
                    last_thump = now
                message = self.client.receive(min(0.2, self.heartbeat / 2))
            except OSError:
                message, self.client = None, self._drop()
                continue
            if message is None:
                if self.client is not None and self._closed():
                    self.client = self._drop()
                continue
            self._take(message)

    def _closed(self) -> bool:
        """True when the kiosk closed the connection (a read of b'' ends the link)."""
        import select

        sock = self.client.sock
        try:
            if select.select([sock], [], [], 0)[0]:
                return sock.recv(1, 2) == b""  # MSG_PEEK
        except OSError:
            return True
        return False

    def _drop(self) -> None:
        if self.client is not None:
            self.client.close()
        return None

    def _take(self, message: osc.Message) -> None:
        seen = self.seen
        seen.last_answer = time.monotonic()
        seen.error = None
        state = state_from(message)
        if state is not None:
            if seen.state is None or state.get("uptime", 0) < (seen.state.get("uptime") or 0):
                seen.errors_seen = 0  # a new kiosk process: its error count starts again
            seen.state = state
            self.changed(self.kiosk.name)
        elif message.address.endswith("/disconnect"):
            self.changed(self.kiosk.name)


def act(kiosk: Kiosk, address: str, *args: Any, timeout: float = 3.0) -> dict:
    """Send one action to one kiosk and return its reply ({"status": …}); never raises."""
    try:
        with OscClient(kiosk.host, kiosk.port, tcp=True, timeout=timeout) as client:
            reply = client.request(address, *args, passcode=kiosk.passcode, timeout=timeout)
    except OSError as exc:
        return {"status": "error", "error": {"code": "unreachable", "message": exc.strerror or str(exc)}}
    if reply is None:
        return {"status": "error", "error": {"code": "timeout", "message": f"no reply in {timeout:g} s"}}
    return reply
