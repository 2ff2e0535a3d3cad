"""Who may talk to the kiosk, how fast, and at which level: the allow-list, rate limits, sessions and passcodes.

No sockets here: the transport asks the gate about each packet's source; the dispatcher asks it about levels.
"""

from __future__ import annotations

import hmac
import ipaddress
import math
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from .limits import PasscodeGate
from .methods import LEVELS

ALLOWED_CACHE = 4096  # source addresses remembered before the allow-list cache starts again
LOG_EVERY = 10.0  # seconds between two "dropped …" lines
BURST_WAIT = 0.5  # seconds a burst of drops may go on before its line is written


@dataclass
class Settings:
    host: str = "127.0.0.1"
    port: int = 53100
    tcp: bool = True
    allow: tuple[str, ...] = ("127.0.0.0/8", "::1/128")
    passcodes: dict[str, str | None] = field(default_factory=dict)
    rate_limit: float = 200.0
    burst: int = 400
    min_go_interval: float = 1.0
    forget_after: float = 60.0
    heartbeat: float = 5.0
    max_packet: int = 16384

    @classmethod
    def from_config(cls, config: Any) -> "Settings":
        if config is None:
            return cls()
        passcodes = config.passcodes.model_dump() if hasattr(config.passcodes, "model_dump") else dict(config.passcodes)
        return cls(host=config.host, port=config.port, tcp=config.tcp, allow=tuple(config.allow),
                   passcodes=passcodes, rate_limit=config.rate_limit, burst=config.burst,
                   min_go_interval=config.min_go_interval, forget_after=config.forget_after,
                   heartbeat=config.heartbeat, max_packet=config.max_packet)


def effective_passcodes(passcodes: dict[str, str | None]) -> dict[str, str | None]:
    """A level without a passcode above a locked level needs the nearest lower level's passcode."""
    out: dict[str, str | None] = {}
    current = None
    for level in LEVELS[1:]:
        current = passcodes.get(level) or current
        out[level] = current
    return out


def open_level(passcodes: dict[str, str | None]) -> str:
    effective = effective_passcodes(passcodes)
    level = "none"
    for name in LEVELS[1:]:
        if effective[name] is not None:
            break
        level = name
    return level


def normalise_ip(ip: str) -> str:
    if ip.startswith("::ffff:") and "." in ip:
        return ip[7:]
    return ip.split("%", 1)[0]


@dataclass
class Session:
    level: str
    always_reply: bool = False
    reply_port: int | None = None
    last_seen: float = 0.0


class Bucket:
    __slots__ = ("tokens", "stamp", "last_notice")

    def __init__(self, burst: float, now: float):
        self.tokens, self.stamp, self.last_notice = float(burst), now, -1e9

    def take(self, rate: float, burst: float, now: float, n: float = 1.0) -> bool:
        self.tokens = min(burst, self.tokens + (now - self.stamp) * rate)
        self.stamp = now
        if self.tokens >= n:
            self.tokens -= n
            return True
        return False


@dataclass
class Client:
    """Where a request came from and where its replies go (`conn`: the TCP connection, None for UDP)."""

    ip: str
    port: int
    session: Session
    conn: Any = None

    def destinations(self) -> list[tuple[str, int]]:
        dests = [(self.ip, self.port)]
        if self.session.reply_port and self.session.reply_port != self.port:
            dests.append((self.ip, self.session.reply_port))
        return dests


class Gate:
    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic):
        self.settings, self.clock = settings, clock
        self.networks = [ipaddress.ip_network(item, strict=False) for item in settings.allow]
        self.passcodes = effective_passcodes(settings.passcodes)
        self.default_level = open_level(settings.passcodes)
        self.allowed_cache: dict[str, bool] = {}
        self.sessions: dict[str, Session] = {}
        self.buckets: dict[str, Bucket] = {}
        self.guesses = PasscodeGate(clock())  # how fast passcodes may be guessed

    def allowed(self, ip: str) -> bool:
        verdict = self.allowed_cache.get(ip)
        if verdict is None:
            try:
                address = ipaddress.ip_address(ip)
                verdict = any(address in network for network in self.networks)
            except ValueError:
                verdict = False
            if len(self.allowed_cache) > ALLOWED_CACHE:
                self.allowed_cache.clear()
            self.allowed_cache[ip] = verdict
        return verdict

    def bucket(self, ip: str, now: float) -> Bucket:
        bucket = self.buckets.get(ip)
        if bucket is None:
            bucket = self.buckets[ip] = Bucket(self.settings.burst, now)
        return bucket

    def admit(self, ip: str, now: float, n: float = 1.0) -> bool:
        return self.bucket(ip, now).take(self.settings.rate_limit, self.settings.burst, now, n)

    def should_notify(self, ip: str) -> bool:
        """Tell a rate-limited sender at most once a second (cheap: floods come through here)."""
        bucket = self.buckets[ip]
        if bucket.stamp - bucket.last_notice < 1.0:
            return False
        bucket.last_notice = bucket.stamp
        return True

    def session(self, ip: str, now: float, touch: bool = True) -> Session:
        session = self.sessions.get(ip)
        if session is None:
            session = self.sessions[ip] = Session(self.default_level, last_seen=now)
        if touch:
            session.last_seen = now
        return session

    def new_session(self, now: float) -> Session:
        """A TCP connection's own session."""
        return Session(self.default_level, last_seen=now)

    def level_for(self, passcode: str | None) -> str | None:
        """The level a /connect earns, or None for badpass."""
        if passcode is None:
            return self.default_level if self.default_level != "none" else None
        if not any(self.passcodes.values()):
            return self.default_level  # no passcodes configured: any passcode is fine
        matched = [level for level in LEVELS[1:] if self.passcodes[level] is not None
                   and hmac.compare_digest(self.passcodes[level].encode(), passcode.encode())]
        return matched[-1] if matched else None

    def connect(self, ip: str, passcode: str | None, now: float) -> tuple[str | None, str | None]:
        """(the level a /connect earns, or None; why it was not compared, or None). With passcodes configured, a
        passcode is compared only if the guess budget allows it (limits.PasscodeGate)."""
        guessing = passcode is not None and any(self.passcodes.values())
        if guessing:
            wait = self.guesses.wait(ip, now)
            if wait is not None:
                return None, f"/connect refused {wait[1]}; try again in {max(1, math.ceil(wait[0]))} s"
        level = self.level_for(passcode)
        if guessing:
            (self.guesses.wrong(ip, now) if level is None else self.guesses.right(ip))
        return level, None

    def forget(self, now: float) -> None:
        """Drop sessions and buckets of sources silent for `forget_after` seconds."""
        forget = self.settings.forget_after
        for ip, session in list(self.sessions.items()):
            if now - session.last_seen > forget:
                del self.sessions[ip]
        for ip, bucket in list(self.buckets.items()):
            if now - bucket.stamp > forget:
                del self.buckets[ip]
        self.guesses.forget(now)


class Drops:
    """Counts what the gate and the parser turn away; one log line for a burst, at most every LOG_EVERY seconds."""

    COUNTED = ("malformed", "oversized", "dropped_source", "rate_limited", "tcp_dropped", "tcp_evicted")

    def __init__(self, stats: dict[str, int]):
        self.stats = stats
        self.logged = dict(stats)
        self.last_reason = ""
        self.last_log = -1e9
        self.first_unlogged: float | None = None

    def drop(self, kind: str, reason: str) -> None:
        if kind in self.stats:
            self.stats[kind] += 1
        self.last_reason = reason

    def summary(self, now: float) -> str | None:
        """The line to log now, if any: what was dropped since the last line."""
        if now - self.last_log < LOG_EVERY:
            return None
        new = {k: self.stats[k] - self.logged[k] for k in self.COUNTED if self.stats[k] != self.logged[k]}
        if new and self.first_unlogged is None:
            self.first_unlogged = now  # wait a moment so that a burst makes one line
        elif new and now - self.first_unlogged >= BURST_WAIT:
            self.first_unlogged = None
            self.last_log = now
            self.logged = dict(self.stats)
            summary = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in new.items())
            return f"OSC: dropped {summary}" + (f" (last: {self.last_reason})" if self.last_reason else "")
        return None
