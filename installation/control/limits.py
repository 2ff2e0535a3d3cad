"""Limits that keep remote control usable under attack (docs/osc.md, "Limits"): how many TCP connections are held and
which one makes room for a newcomer, and how fast passcodes can be guessed. Pure bookkeeping on the network thread:
no sockets, no clock of its own (every call is given `now`, time.monotonic())."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Iterable, Protocol

TCP_TOTAL = 64  # connections held at once, from all sources
TCP_PER_SOURCE = 8  # connections held at once from one address
# A connection that sends nothing for `forget_after` seconds (60 by default, as for UDP clients) is closed.

BACKOFF_MAX = 300.0  # seconds: the longest one address waits between two passcode guesses
GUESS_BURST = 5  # wrong passcodes at once, from all addresses together …
GUESSES_PER_MINUTE = 10  # … and then at most this many a minute (so under 20 in any minute); right ones are free
SOURCES_KEPT = 4096  # addresses whose wrong passcodes are remembered (the oldest is forgotten first)
LOG_EVERY = 10.0  # seconds between two log lines about wrong passcodes


class Held(Protocol):
    ip: str
    last_active: float


def make_room(held: Iterable[Held], ip: str, total: int = TCP_TOTAL, per_source: int = TCP_PER_SOURCE) -> Held | None:
    """The connection to close so that a new one from `ip` can be served, or None if there is room. A source at its
    own limit gives up its longest-idle connection; otherwise, when all places are taken, the longest-idle
    connection of the busiest source goes. A new client is always served."""
    held = list(held)
    same = [conn for conn in held if conn.ip == ip]
    if len(same) >= per_source:
        return min(same, key=lambda conn: conn.last_active)
    if len(held) < total:
        return None
    counts: dict[str, int] = {}
    for conn in held:
        counts[conn.ip] = counts.get(conn.ip, 0) + 1
    busiest = max(counts.values())
    return min((conn for conn in held if counts[conn.ip] == busiest), key=lambda conn: conn.last_active)


def idle(held: Iterable[Held], now: float, after: float) -> list[Held]:
    """Connections that have sent nothing for `after` seconds."""
    return [conn for conn in held if now - conn.last_active > after]


def backoff(failures: int, longest: float = BACKOFF_MAX) -> float:
    """Seconds an address waits after its n-th wrong passcode in a row: 0 after the first (a typo), then 1, 2, 4 …"""
    return 0.0 if failures <= 1 else min(longest, 2.0 ** (failures - 2))


@dataclass
class Source:
    failures: int = 0
    until: float = 0.0  # no guess from this address is compared before this moment


class PasscodeGate:
    """Slows passcode guessing. Per address: after its second wrong passcode in a row it waits 1, then 2, 4 … up to
    BACKOFF_MAX seconds before its next /connect is even compared. For all addresses together: at most GUESS_BURST passcodes at once and
    GUESSES_PER_MINUTE a minute are compared; past that, /connect with a passcode is locked for everyone until the
    budget refills (the lock-out shows in /thump and /state). A /connect refused by the gate is not compared, so a
    bundle of 256 guesses or 100 addresses guessing at once get no further than one guess each."""

    def __init__(self, now: float, burst: int = GUESS_BURST, per_minute: float = GUESSES_PER_MINUTE,
                 backoff_max: float = BACKOFF_MAX):
        self.burst, self.rate, self.backoff_max = float(burst), per_minute / 60.0, backoff_max
        self.tokens, self.stamp = float(burst), now
        self.sources: OrderedDict[str, Source] = OrderedDict()
        self.failed = 0  # wrong passcodes, in all
        self.refused = 0  # /connect attempts not compared (back-off or lock-out)
        self.unlogged_failed = 0
        self.unlogged_refused = 0
        self.unlogged_sources: set[str] = set()
        self.last_log = -1e9

    def _refill(self, now: float) -> None:
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now

    def wait(self, ip: str, now: float) -> tuple[float, str] | None:
        """None if a passcode from `ip` may be compared now (it takes one place in the budget); else (seconds to
        wait, why)."""
        source = self.sources.get(ip)
        if source is not None and now < source.until:
            self._refuse(ip)
            return source.until - now, "after wrong passcodes from this address"
        self._refill(now)
        if self.tokens < 1.0:
            self._refuse(ip)
            return self.locked_for(now), "after too many wrong passcodes from anywhere"
        self.tokens -= 1.0
        return None

    def _refuse(self, ip: str) -> None:
        self.refused += 1
        self.unlogged_refused += 1
        self.unlogged_sources.add(ip)

    def wrong(self, ip: str, now: float) -> None:
        source = self.sources.pop(ip, None) or Source()
        source.failures += 1
        source.until = now + backoff(source.failures, self.backoff_max)
        self.sources[ip] = source  # the most recent last
        while len(self.sources) > SOURCES_KEPT:
            self.sources.popitem(last=False)
        self.failed += 1
        self.unlogged_failed += 1
        self.unlogged_sources.add(ip)

    def right(self, ip: str) -> None:
        """The passcode was right: the address starts afresh, and its place in the budget is given back (only wrong
        passcodes use the budget up, so tools that connect for every action are never locked out)."""
        self.sources.pop(ip, None)
        self.tokens = min(self.burst, self.tokens + 1.0)

    def locked_for(self, now: float) -> float:
        """Seconds until anyone's passcode is compared again (0: not locked)."""
        self._refill(now)
        return 0.0 if self.tokens >= 1.0 else (1.0 - self.tokens) / self.rate

    def forget(self, now: float) -> None:
        """Drop addresses whose back-off ended long ago (their next wrong passcode starts again at 1 s)."""
        for ip in [ip for ip, s in self.sources.items() if now - s.until > self.backoff_max]:
            del self.sources[ip]

    def log_line(self, now: float) -> str | None:
        """A summary of wrong passcodes since the last one, at most every LOG_EVERY seconds."""
        if not (self.unlogged_failed or self.unlogged_refused) or now - self.last_log < LOG_EVERY:
            return None
        sources = sorted(self.unlogged_sources)
        shown = ", ".join(sources[:5]) + (f" and {len(sources) - 5} more" if len(sources) > 5 else "")
        line = (f"OSC /connect: {self.unlogged_failed} wrong passcode{'s' if self.unlogged_failed != 1 else ''}, "
                f"{self.unlogged_refused} refused unread (slowed down) from {shown}")
        locked = self.locked_for(now)
        if locked > 0:
            line += f"; /connect with a passcode is locked for everyone for {locked:.0f} s"
        self.unlogged_failed = self.unlogged_refused = 0
        self.unlogged_sources = set()
        self.last_log = now
        return line
