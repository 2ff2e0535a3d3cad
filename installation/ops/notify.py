"""sd_notify, in a few lines: READY=1 once the first frame is on screen, WATCHDOG=1 from the render loop.

systemd gives the socket in $NOTIFY_SOCKET (a path, or '@name' for the abstract namespace) and, with WatchdogSec=,
the interval in $WATCHDOG_USEC (and the pid it applies to in $WATCHDOG_PID). A loop that stops turning stops the
pings, and systemd kills and restarts the kiosk.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from typing import Callable

log = logging.getLogger(__name__)


def send(message: str, environ=os.environ) -> bool:
    """Send one notification; False (quietly) when not running under a supervisor that asked for them."""
    address = environ.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(message.encode("utf-8"))
        return True
    except OSError as exc:
        log.warning("sd_notify to %s failed (%s)", environ.get("NOTIFY_SOCKET"), exc)
        return False


def watchdog_interval(environ=os.environ) -> float | None:
    """Seconds between pings (a third of the watchdog timeout: a loop turn may run late by two pings' worth before
    systemd acts), or None if no watchdog applies to this process."""
    usec = environ.get("WATCHDOG_USEC")
    pid = environ.get("WATCHDOG_PID")
    if not usec or (pid and pid.isdigit() and int(pid) != os.getpid()):
        return None
    try:
        return max(0.05, int(usec) / 1e6 / 3)
    except ValueError:
        return None


class Notifier:
    """A per-loop-turn hook: READY=1 (with the screen as STATUS) on the first turn, then WATCHDOG=1 at intervals."""

    def __init__(self, status: Callable[[], str] = lambda: "", environ=os.environ, clock=time.monotonic):
        self.environ, self.clock, self.status = environ, clock, status
        self.enabled = bool(environ.get("NOTIFY_SOCKET"))
        self.interval = watchdog_interval(environ)
        self.ready = False
        self.last_ping = 0.0
        self.last_status = ""

    def __call__(self) -> None:
        if not self.enabled:
            return
        now = self.clock()
        text = self.status()
        if not self.ready:
            self.ready = True
            self.last_ping, self.last_status = now, text
            send(f"READY=1\nSTATUS={text}\nMAINPID={os.getpid()}", self.environ)
            return
        parts = []
        if self.interval is not None and now - self.last_ping >= self.interval:
            parts.append("WATCHDOG=1")
            self.last_ping = now
        if text != self.last_status:
            parts.append(f"STATUS={text}")
            self.last_status = text
        if parts:
            send("\n".join(parts), self.environ)

    def stopping(self) -> None:
        if self.enabled:
            send("STOPPING=1", self.environ)
