"""Console passcodes (stored as scrypt hashes), failed-login limits and CSRF tokens. No web framework here."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
import time
from collections import deque

log = logging.getLogger(__name__)

N, R, P = 2**14, 8, 1  # scrypt cost: ~50 ms and 16 MiB per check


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_passcode(passcode: str, salt: bytes | None = None) -> str:
    """`scrypt$N$r$p$salt$hash`, for the fleet file's passcode_hash (made by `installation fleet hash`)."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(passcode.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def check_passcode(passcode: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(passcode.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected), maxmem=64 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


class LoginLimiter:
    """At most `attempts` failed logins per source address in `window` seconds; failures are logged, the log line
    at most once per `quiet` seconds per source."""

    def __init__(self, attempts: int = 5, window: float = 60.0, quiet: float = 10.0, clock=time.monotonic):
        self.attempts, self.window, self.quiet, self.clock = attempts, window, quiet, clock
        self.failures: dict[str, deque[float]] = {}
        self.logged: dict[str, float] = {}
        self.unlogged: dict[str, int] = {}

    def _recent(self, source: str, now: float) -> deque[float]:
        times = self.failures.setdefault(source, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def blocked(self, source: str) -> float:
        """Seconds until this source may try again (0: now)."""
        now = self.clock()
        times = self._recent(source, now)
        if len(times) < self.attempts:
            return 0.0
        return max(0.0, self.window - (now - times[0]))

    def failed(self, source: str) -> None:
        now = self.clock()
        self._recent(source, now).append(now)
        count = self.unlogged.get(source, 0) + 1
        if now - self.logged.get(source, -1e9) >= self.quiet:
            log.warning("fleet console: %d failed login(s) from %s", count, source)
            self.logged[source], self.unlogged[source] = now, 0
        else:
            self.unlogged[source] = count
        if len(self.failures) > 10_000:  # a flood of sources: forget the oldest
            for key in list(self.failures)[:5_000]:
                self.failures.pop(key, None)

    def succeeded(self, source: str) -> None:
        self.failures.pop(source, None)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same_token(given: str | None, expected: str | None) -> bool:
    return bool(given and expected) and hmac.compare_digest(given.encode(), expected.encode())
