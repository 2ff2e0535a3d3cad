"""The kiosk's OSC server: UDP and TCP (SLIP, OSC 1.1) on one port, on its own thread.

Everything network-facing happens on that thread: receiving, the allow-list, rate limits, parsing (our own strict
parser, `osc.py`), sessions, replies and pushes. The show is driven only through `App.post()`; the render loop never
waits on the network. Commands of one message or one bundle are handed over as one job and run in order in a single
loop turn (atomically). Bundles with a future timetag wait in a heap on this thread, never in a sleep.
"""

from __future__ import annotations

import heapq
import hmac
import ipaddress
import json
import logging
import math
import queue
import selectors
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..show.commands import Command, CommandError, make
from . import osc
from .methods import BY_PARTS, ECHOED, LEVELS, RANK, Method, OscError, check_args
from .pattern import BadPattern, is_pattern, match_part

log = logging.getLogger("installation.osc")

MAX_AHEAD = 3600.0  # seconds: later timetags answer timetag_out_of_range
MAX_SCHEDULED = 1000
MAX_TCP_CLIENTS = 32
MAX_TCP_BACKLOG = 1 << 20  # bytes waiting for a slow TCP reader before we hang up
UDP_BATCH = 512  # datagrams read per wake-up before looking at the other sockets
RCVBUF = 4 << 20
LOG_EVERY = 10.0  # seconds between two "dropped …" lines
JOB = "osc_job"  # name of the carrier command for jobs that start with something other than a show command


# --------------------------------------------------------------------------- errors counted from the log
class ErrorCounter(logging.Handler):
    """Counts ERROR (and worse) log records: the kiosk's error count in /state."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


ERRORS = ErrorCounter()


def install_error_counter() -> None:
    root = logging.getLogger()
    if ERRORS not in root.handlers:
        root.addHandler(ERRORS)


# --------------------------------------------------------------------------- settings
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


# --------------------------------------------------------------------------- clients
@dataclass
class Session:
    level: str
    always_reply: bool = False
    reply_port: int | None = None
    last_seen: float = 0.0


NETWORK_NICENESS = 3


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


class Conn:
    """One TCP client: SLIP in, SLIP out, its own session."""

    def __init__(self, sock: socket.socket, ip: str, port: int, session: Session, max_packet: int):
        self.sock, self.ip, self.port, self.session = sock, ip, port, session
        self.decoder = osc.SlipDecoder(max_packet)
        self.out = bytearray()
        self.closed = False
        self.writing = False


@dataclass
class Client:
    """Where a request came from and where its replies go."""

    ip: str
    port: int
    session: Session
    conn: Conn | None = None

    def destinations(self) -> list[tuple[str, int]]:
        dests = [(self.ip, self.port)]
        if self.session.reply_port and self.session.reply_port != self.port:
            dests.append((self.ip, self.session.reply_port))
        return dests


@dataclass
class Subscriber:
    client: Client
    prefix: str  # "" or "/screen/{name}": echoes use the form the subscriber used
    echoed: dict[str, Any] = field(default_factory=dict)


@dataclass
class Step:
    kind: str  # command | query | screenshot
    client: Client
    address: str
    method: Method
    command: Command | None = None
    path: str | None = None
    args: tuple = ()
    reply_ok: bool = False  # send ok (with the new value for value methods) once done


@dataclass
class Job:
    steps: list[Step] = field(default_factory=list)

    @property
    def on_main(self) -> bool:
        return bool(self.steps)


def normalise_ip(ip: str) -> str:
    if ip.startswith("::ffff:") and "." in ip:
        return ip[7:]
    return ip.split("%", 1)[0]


# --------------------------------------------------------------------------- the server
class OscServer:
    def __init__(self, app, settings: Settings | None = None, wake_app: bool = True):
        self.app = app
        self.settings = settings or Settings()
        self.wake_app = wake_app
        self.name = app.library.exhibition.screen_name
        self.networks = [ipaddress.ip_network(item, strict=False) for item in self.settings.allow]
        self.passcodes = effective_passcodes(self.settings.passcodes)
        self.default_level = open_level(self.settings.passcodes)
        self.allowed_cache: dict[str, bool] = {}
        self.sessions: dict[str, Session] = {}
        self.buckets: dict[str, Bucket] = {}
        self.subscribers: dict[tuple, Subscriber] = {}
        self.conns: dict[socket.socket, Conn] = {}
        self.scheduled: list[tuple[float, int, Client, list[osc.Message]]] = []
        self.schedule_serial = 0
        self.outbox: queue.SimpleQueue = queue.SimpleQueue()
        self.stats = dict(received=0, messages=0, malformed=0, oversized=0, dropped_source=0, rate_limited=0,
                          denied=0, errors=0, send_failed=0, scheduled=0, tcp_dropped=0)
        self.logged = dict(self.stats)
        self.last_reason = ""
        self.last_log = -1e9
        self.first_unlogged: float | None = None
        self.last_go = -1e9
        self.last_heartbeat = time.monotonic()
        self.stories_cache: tuple[int, list] | None = None
        self.running = False
        self.thread: threading.Thread | None = None
        self._net_wake_pending = False
        self._app_wake_pending = False
        self._listener = self._state_changed
        self._job_snapshot: dict | None = None
        self.submitted = 0  # jobs handed to the App (network thread) …
        self.completed = 0  # … and run by it (main thread)
        self._bind()

    # ------------------------------------------------------------ sockets
    def _bind(self) -> None:
        host, port = self.settings.host, self.settings.port
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM, flags=socket.AI_PASSIVE)
        family, _, _, _, address = infos[0]
        self.family = family
        for attempt in range(20):
            udp = socket.socket(family, socket.SOCK_DGRAM)
            try:
                udp.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUFFORCE, RCVBUF)
            except (OSError, AttributeError):
                try:
                    udp.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RCVBUF)
                except OSError:
                    pass
            udp.bind(address)
            bound = udp.getsockname()[1]
            tcp = None
            if self.settings.tcp:
                tcp = socket.socket(family, socket.SOCK_STREAM)
                tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                try:
                    tcp.bind((address[0], bound) + tuple(address[2:]))
                except OSError:
                    tcp.close()
                    udp.close()
                    if port == 0 and attempt < 19:
                        continue
                    raise
                tcp.listen(16)
                tcp.setblocking(False)
            break
        udp.setblocking(False)
        self.udp, self.tcp, self.port = udp, tcp, bound
        self.rcvbuf = udp.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)
        self.wake_r, self.wake_w = socket.socketpair()
        self.wake_r.setblocking(False)
        self.wake_w.setblocking(False)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.udp, selectors.EVENT_READ, self._read_udp)
        if self.tcp is not None:
            self.selector.register(self.tcp, selectors.EVENT_READ, self._accept)
        self.selector.register(self.wake_r, selectors.EVENT_READ, self._read_wake)

    def start(self) -> "OscServer":
        self.running = True
        self.app.change_listeners.append(self._listener)
        hooks = getattr(self.app, "step_hooks", None)
        if hooks is not None:
            hooks.append(self._turn_done)
        self.thread = threading.Thread(target=self._loop, name="osc", daemon=True)
        self.thread.start()
        log.info("OSC on %s port %d (UDP%s); allowed sources: %s; receive buffer %d KiB", self.settings.host,
                 self.port, " and TCP/SLIP" if self.tcp else "", ", ".join(self.settings.allow), self.rcvbuf // 1024)
        return self

    def close(self) -> None:
        if not self.running:
            return
        self.running = False
        for hooks, hook in ((self.app.change_listeners, self._listener),
                            (getattr(self.app, "step_hooks", []), self._turn_done)):
            try:
                hooks.remove(hook)
            except ValueError:
                pass
        self._wake_net()
        if self.thread is not None:
            self.thread.join(timeout=2)
        for sub in list(self.subscribers.values()):
            self._send_now(sub.client, osc.encode_message(f"/update/screen/{self.name}/disconnect"))
        for conn in list(self.conns.values()):
            self._flush(conn)
            self._close_conn(conn)
        for sock in (self.udp, self.tcp, self.wake_r, self.wake_w):
            if sock is not None:
                sock.close()
        self.selector.close()

    # ------------------------------------------------------------ the network thread
    def _loop(self) -> None:
        from ..kiosk.motion import lower_priority

        lower_priority(NETWORK_NICENESS)  # a flood may slow the replies, never the picture
        while self.running:
            now = time.monotonic()
            timeout = 0.5
            if self.scheduled:
                timeout = max(0.0, min(timeout, self.scheduled[0][0] - now))
            try:
                events = self.selector.select(timeout)
                for key, _ in events:
                    key.data(key.fileobj)
                self._drain_outbox()
                self._run_due()
                self._housekeeping()
            except Exception:  # never let one bad moment end remote control
                log.exception("OSC server loop")
                time.sleep(0.01)

    def _wake_net(self) -> None:
        if not self._net_wake_pending:
            self._net_wake_pending = True
            try:
                self.wake_w.send(b"x")
            except OSError:
                pass

    def _read_wake(self, sock) -> None:
        try:
            while sock.recv(4096):
                pass
        except OSError:
            pass
        self._net_wake_pending = False

    def _read_udp(self, sock) -> None:
        settings, stats, buckets, monotonic = self.settings, self.stats, self.buckets, time.monotonic
        rate, burst, recvfrom = settings.rate_limit, settings.burst, sock.recvfrom
        for _ in range(UDP_BATCH):
            try:
                data, addr = recvfrom(65536)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                continue  # e.g. an ICMP error reported on the socket
            stats["received"] += 1
            ip = addr[0]
            if ip[0] == ":" or "%" in ip:
                ip = normalise_ip(ip)
            allowed = self.allowed_cache.get(ip)
            if not (allowed if allowed is not None else self._allowed(ip)):
                stats["dropped_source"] += 1
                continue
            now = monotonic()
            bucket = buckets.get(ip)
            if bucket is None:
                bucket = buckets[ip] = Bucket(burst, now)
            if not bucket.take(rate, burst, now):
                self._rate_limited(data, ip, addr[1])
                continue
            if len(data) > settings.max_packet:
                self._drop("oversized", f"{len(data)}-byte datagram from {ip} (limit {settings.max_packet})")
                continue
            client = Client(ip, addr[1], self._session(ip, now))
            self._packet(data, client)

    def _accept(self, sock) -> None:
        while True:
            try:
                conn_sock, addr = sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            ip = normalise_ip(addr[0])
            if not self._allowed(ip):
                self.stats["dropped_source"] += 1
                conn_sock.close()
                continue
            if len(self.conns) >= MAX_TCP_CLIENTS:
                self.stats["tcp_dropped"] += 1
                self._drop("tcp_refused", f"too many TCP clients; refused {ip}")
                conn_sock.close()
                continue
            conn_sock.setblocking(False)
            conn_sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn = Conn(conn_sock, ip, addr[1], Session(self.default_level, last_seen=time.monotonic()),
                        self.settings.max_packet)
            self.conns[conn_sock] = conn
            self.selector.register(conn_sock, selectors.EVENT_READ, self._read_tcp)

    def _read_tcp(self, sock) -> None:
        conn = self.conns.get(sock)
        if conn is None:
            return
        try:
            data = sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._close_conn(conn)
            return
        now = time.monotonic()
        conn.session.last_seen = now
        client = Client(conn.ip, conn.port, conn.session, conn)
        for frame in conn.decoder.feed(data):
            if conn.closed:
                return
            self.stats["received"] += 1
            if not self._admit(conn.ip, now):
                self._rate_limited(frame or b"", conn.ip, conn.port, conn)
                continue
            if frame is None:
                self._drop("oversized", f"bad or oversized SLIP frame from {conn.ip}")
                continue
            self._packet(frame, client)

    def _writable(self, sock) -> None:
        conn = self.conns.get(sock)
        if conn is not None:
            self._flush(conn)

    def _flush(self, conn: Conn) -> None:
        while conn.out and not conn.closed:
            try:
                sent = conn.sock.send(conn.out)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                self._close_conn(conn)
                return
            del conn.out[:sent]
        if conn.closed:
            return
        want = bool(conn.out)
        if want != conn.writing:
            conn.writing = want
            events = selectors.EVENT_READ | (selectors.EVENT_WRITE if want else 0)
            self.selector.modify(conn.sock, events, self._read_or_write)

    def _read_or_write(self, sock) -> None:
        conn = self.conns.get(sock)
        if conn is None:
            return
        if conn.out:
            self._flush(conn)
        if not conn.closed:
            self._read_tcp(sock)

    def _close_conn(self, conn: Conn) -> None:
        if conn.closed:
            return
        conn.closed = True
        self.conns.pop(conn.sock, None)
        try:
            self.selector.unregister(conn.sock)
        except (KeyError, ValueError):
            pass
        conn.sock.close()
        for key in [k for k, sub in self.subscribers.items() if sub.client.conn is conn]:
            del self.subscribers[key]

    # ------------------------------------------------------------ gatekeeping
    def _allowed(self, ip: str) -> bool:
        verdict = self.allowed_cache.get(ip)
        if verdict is None:
            try:
                address = ipaddress.ip_address(ip)
                verdict = any(address in network for network in self.networks)
            except ValueError:
                verdict = False
            if len(self.allowed_cache) > 4096:
                self.allowed_cache.clear()
            self.allowed_cache[ip] = verdict
        return verdict

    def _admit(self, ip: str, now: float, n: float = 1.0) -> bool:
        bucket = self.buckets.get(ip)
        if bucket is None:
            bucket = self.buckets[ip] = Bucket(self.settings.burst, now)
        return bucket.take(self.settings.rate_limit, self.settings.burst, now, n)

    def _rate_limited(self, data: bytes, ip: str, port: int, conn: Conn | None = None) -> None:
        """Count a dropped packet; tell the sender at most once a second (cheap: floods come through here)."""
        self.stats["rate_limited"] += 1
        bucket = self.buckets[ip]
        now = bucket.stamp
        if now - bucket.last_notice < 1.0:
            return
        bucket.last_notice = now
        client = Client(ip, port, conn.session if conn else self._session(ip, now, touch=False), conn)
        address = ""
        try:
            packet = osc.parse(data) if len(data) <= self.settings.max_packet else None
            while isinstance(packet, osc.Bundle) and packet.elements:
                packet = packet.elements[0]
            if isinstance(packet, osc.Message):
                address = packet.address
        except osc.Malformed:
            return
        self._reply(client, address, "error", error=("rate_limited", f"more than {self.settings.rate_limit:g} "
                                                     "messages a second from this address; the excess is dropped"))

    def _drop(self, kind: str, reason: str) -> None:
        if kind in self.stats:
            self.stats[kind] += 1
        self.last_reason = reason

    def _session(self, ip: str, now: float, touch: bool = True) -> Session:
        session = self.sessions.get(ip)
        if session is None:
            session = self.sessions[ip] = Session(self.default_level, last_seen=now)
        if touch:
            session.last_seen = now
        return session

    # ------------------------------------------------------------ packets
    def _packet(self, data: bytes, client: Client) -> None:
        try:
            packet = osc.parse(data)
        except osc.Malformed as exc:
            self._drop("malformed", f"malformed packet from {client.ip}: {exc}")
            return
        if isinstance(packet, osc.Message):
            self.stats["messages"] += 1
            job = Job()
            self._message(packet, client, job)
            self._submit(job)
            return
        flat: list[tuple[float | None, osc.Message]] = []
        self._flatten(packet, None, flat)
        self.stats["messages"] += len(flat)
        if len(flat) > 1 and not self._admit(client.ip, time.monotonic(), len(flat) - 1):
            self._rate_limited(data, client.ip, client.port, client.conn)
            return
        now_unix = time.time()
        groups: list[tuple[float | None, list[osc.Message]]] = []
        for due, message in flat:
            if due is not None and due <= now_unix + 0.001:
                due = None  # late or due now: run at once
            if groups and groups[-1][0] == due:
                groups[-1][1].append(message)
            else:
                groups.append((due, [message]))
        job = Job()
        for due, messages in groups:
            if due is None:
                for message in messages:
                    self._message(message, client, job)
                continue
            if due > now_unix + MAX_AHEAD:
                for message in messages:
                    self._reply(client, message.address, "error", error=(
                        "timetag_out_of_range", f"timetag is {due - now_unix:.0f} s ahead (limit {MAX_AHEAD:.0f} s)"))
                continue
            if len(self.scheduled) >= MAX_SCHEDULED:
                for message in messages:
                    self._reply(client, message.address, "error",
                                error=("rate_limited", f"more than {MAX_SCHEDULED} bundles are waiting"))
                continue
            self.schedule_serial += 1
            self.stats["scheduled"] += 1
            heapq.heappush(self.scheduled, (time.monotonic() + (due - now_unix), self.schedule_serial, client,
                                            messages))
        self._submit(job)

    def _flatten(self, bundle: osc.Bundle, parent: float | None, out: list) -> None:
        tag = osc.ntp_to_unix(bundle.timetag)
        due = parent if tag is None else (tag if parent is None else max(parent, tag))
        for element in bundle.elements:
            if isinstance(element, osc.Bundle):
                self._flatten(element, due, out)
            else:
                out.append((due, element))

    def _run_due(self) -> None:
        now = time.monotonic()
        while self.scheduled and self.scheduled[0][0] <= now:
            _, _, client, messages = heapq.heappop(self.scheduled)
            job = Job()
            for message in messages:
                self._message(message, client, job)
            self._submit(job)

    # ------------------------------------------------------------ routing
    def resolve(self, address: str) -> Method | None | bool:
        """The method for an address; False when it is meant for another screen; None when nothing matches."""
        parts = address[1:].split("/")
        if len(parts) >= 3 and match_part(parts[0], "screen"):
            if match_part(parts[1], self.name):
                found = self._lookup(parts[2:])
                if found is not None or parts[0] == "screen":
                    return found
            elif parts[0] == "screen":
                return False  # addressed to other screens of a group
        return self._lookup(parts)

    def _lookup(self, parts: list[str]) -> Method | None:
        method = BY_PARTS.get(tuple(parts))
        if method is not None or not any(is_pattern(p) for p in parts):
            return method
        found = [m for key, m in BY_PARTS.items()
                 if len(key) == len(parts) and all(match_part(p, k) for p, k in zip(parts, key))]
        if len(found) > 1:
            raise OscError("not_found", f"the pattern matches {len(found)} methods; it must match one")
        return found[0] if found else None

    def _message(self, message: osc.Message, client: Client, job: Job) -> None:
        address = message.address
        try:
            try:
                method = self.resolve(address)
            except BadPattern as exc:
                raise OscError("not_found", str(exc)) from None
            if method is False:
                return  # addressed to another screen of a group: not ours to answer
            if method is None:
                raise OscError("not_found", f"no method at {address}")
            reading = method.kind == "value" and not message.args
            needed = "view" if reading else method.level
            if RANK[client.session.level] < RANK[needed]:
                self.stats["denied"] += 1
                self._reply(client, address, "denied", error=(
                    "denied", f"{address} needs the '{needed}' level; send /connect with its passcode"))
                return
            if reading or method.kind == "query":
                self._query(method, message, client, job)
            elif method.kind == "session":
                self._session_method(method, message, client)
            else:
                self._action(method, message, client, job)
        except OscError as exc:
            self.stats["errors"] += 1
            self._reply(client, address, "error", data=exc.data, error=(exc.code, exc.message))

    # ------------------------------------------------------------ queries
    def _query(self, method: Method, message: osc.Message, client: Client, job: Job) -> None:
        if job.on_main or self.submitted != self.completed:
            # after a command still on its way to the show: answer after it, on the main thread, so that a query
            # always sees the effect of every command received before it
            job.steps.append(Step("query", client, message.address, method, args=message.args))
            return
        received = time.time()
        data = self.answer(method, message.args, self.current(), received)
        self._reply(client, message.address, "ok", data)

    def answer(self, method: Method, args: tuple, snapshot: dict, received: float) -> Any:
        path = method.path
        if path == "thump":
            return "thump"
        if path == "version":
            return __version__
        if path == "state":
            return self.state_data(snapshot)
        if path == "stories":
            return self.stories()
        if path == "sync/ping":
            check_args(method, args)
            return {"received": received, "sent": time.time(), "echo": args[0] if args else None}
        value = snapshot.get(method.state_key or "")
        return _plain(value)

    def state_data(self, snapshot: dict) -> dict:
        data = dict(snapshot)
        exhibition = self.app.library.exhibition
        data.update(
            name=self.name,
            exhibition=exhibition.id,
            uptime=round(time.monotonic() - getattr(self.app, "started", time.monotonic()), 1),
            version=__version__,
            errors=ERRORS.count,
            osc={k: v for k, v in self.stats.items()} | {
                "clients": len(self.sessions) + len(self.conns), "subscribers": len(self.subscribers)},
        )
        return data

    def stories(self) -> list:
        library = self.app.library
        if self.stories_cache is None or self.stories_cache[0] != id(library):
            items = []
            for story_id, story in library.stories.items():
                durations = {}
                for language in library.exhibition.languages:
                    try:
                        durations[language] = round(library.story_length(story_id, language), 1)
                    except KeyError:
                        pass
                items.append({"id": story_id, "kind": story.kind, "title": dict(story.name),
                              "place": dict(story.place), "scenes": len(story.scenes), "durations": durations})
            self.stories_cache = (id(library), items)
        return self.stories_cache[1]

    # ------------------------------------------------------------ session methods
    def _session_method(self, method: Method, message: osc.Message, client: Client) -> None:
        args = check_args(method, message.args)
        session, address, path = client.session, message.address, method.path
        if path == "connect":
            level = self._level_for(args[0] if args else None)
            if level is None:
                self.stats["denied"] += 1
                self._reply(client, address, "denied", "badpass", error=("badpass", "wrong passcode"))
                return
            session.level = level
            self._reply(client, address, "ok", f"ok:{level}")
            return
        if path == "disconnect":
            always = session.always_reply
            self._unsubscribe(client)
            session.level, session.always_reply, session.reply_port = self.default_level, False, None
            if always:
                self._reply(client, address, "ok")
            return
        if path == "alwaysReply":
            if not args:
                self._reply(client, address, "ok", int(session.always_reply))
                return
            session.always_reply = args[0]
        elif path == "udpReplyPort":
            if not args:
                self._reply(client, address, "ok", session.reply_port)
                return
            if not 1 <= args[0] <= 65535:
                raise OscError("bad_args", "/udpReplyPort expects a port number 1–65535")
            session.reply_port = args[0] if client.conn is None else None
        elif path == "updates":
            key = self._sub_key(client)
            if not args:
                self._reply(client, address, "ok", int(key in self.subscribers))
                return
            if args[0]:
                prefix = address[: -len("/updates")] if address.startswith("/screen/") else ""
                prefix = f"/screen/{self.name}" if prefix else ""
                sub = self.subscribers[key] = Subscriber(Client(client.ip, client.session.reply_port or client.port,
                                                                client.session, client.conn), prefix)
                self._push_state(sub, self.current(), full=True)
            else:
                self._unsubscribe(client)
        if session.always_reply:
            self._reply(client, address, "ok")

    def _level_for(self, passcode: str | None) -> str | None:
        """The level a /connect earns, or None for badpass."""
        if passcode is None:
            return self.default_level if self.default_level != "none" else None
        if not any(self.passcodes.values()):
            return self.default_level  # no passcodes configured: any passcode is fine
        matched = [level for level in LEVELS[1:] if self.passcodes[level] is not None
                   and hmac.compare_digest(self.passcodes[level].encode(), passcode.encode())]
        return matched[-1] if matched else None

    def _sub_key(self, client: Client) -> tuple:
        if client.conn is not None:
            return ("tcp", id(client.conn))
        return ("udp", client.ip, client.session.reply_port or client.port)

    def _unsubscribe(self, client: Client) -> None:
        if client.conn is not None:
            keys = [k for k, s in self.subscribers.items() if s.client.conn is client.conn]
        else:
            keys = [k for k in self.subscribers if k[0] == "udp" and k[1] == client.ip]
        for key in keys:
            del self.subscribers[key]

    # ------------------------------------------------------------ actions
    def _action(self, method: Method, message: osc.Message, client: Client, job: Job) -> None:
        if not method.args and len(message.args) == 1 and isinstance(message.args[0], (int, float, bool)):
            # a button (TouchOSC, Companion) sends 1 on press and 0 on release: act on press only
            if not message.args[0]:
                if client.session.always_reply:
                    self._reply(client, message.address, "ok")
                return
            message = osc.Message(message.address)
        args = check_args(method, message.args)
        path = method.path
        step = Step("command", client, message.address, method, reply_ok=client.session.always_reply)
        if path == "screenshot":
            target = Path(args[0]).expanduser()
            if target.suffix.lower() != ".png":
                raise OscError("bad_args", "/screenshot needs a path ending in .png")
            step.kind, step.path, step.reply_ok = "screenshot", str(target), True
            job.steps.append(step)
            return
        if path in ("go", "open") and args[0] not in self.app.library.stories:
            raise OscError("unknown_story", f"no playable story '{args[0]}'",
                           data=list(self.app.library.stories))
        if path == "language" and args[0] not in self.app.library.exhibition.languages:
            raise OscError("bad_args", f"unknown language '{args[0]}' (use one of: "
                           f"{', '.join(self.app.library.exhibition.languages)})")
        if path == "volume" and not 0.0 <= args[0] <= 1.0:
            raise OscError("bad_args", "/volume expects 0–1")
        if path == "volume/+" and not -1.0 <= args[0] <= 1.0:
            raise OscError("bad_args", "/volume/+ expects a change between -1 and 1")
        if path == "textsize" and not 0.5 <= args[0] <= 3.0:
            raise OscError("bad_args", "/textsize expects 1, 1.5 or 2")
        if path == "identify" and args and not 0.0 <= args[0] <= 600.0:
            raise OscError("bad_args", "/identify expects 0–600 seconds")
        try:
            step.command = make(method.command or "", *args, source="osc")
        except CommandError as exc:
            raise OscError(exc.code, str(exc)) from None
        if path == "go":
            now = time.monotonic()
            left = self.settings.min_go_interval - (now - self.last_go)
            if left > 0:
                raise OscError("go_locked", f"another /go was {now - self.last_go:.2f} s ago; wait {left:.2f} s",
                               data={"seconds_left": round(left, 3)})
            self.last_go = now
        job.steps.append(step)

    def _submit(self, job: Job) -> None:
        """Hand a job to the main thread as one posted command: its steps run in order in one loop turn."""
        if not job.steps:
            return
        first = job.steps[0]
        # The first command itself is the carrier (so the App's own handling of quit/reload applies), unless it
        # must be checked against the live state first; otherwise a no-op command carries the job.
        use_first = first.kind == "command" and first.command is not None and first.method.path != "scene"
        carrier = first.command if use_first else Command(JOB, (), "osc")
        steps = job.steps[1:] if use_first else job.steps

        def run(snapshot: dict) -> None:
            self._app_wake_pending = False
            try:
                self._job_snapshot = self.app.show.snapshot()  # answers /state until the App publishes this turn
                if use_first:
                    self._finish(first)
                for step in steps:
                    self._run_step(step)
                self._job_snapshot = self.app.show.snapshot()
            except Exception:  # never let a remote command break the render loop
                log.exception("OSC job failed")
            finally:
                self.completed += 1

        self.submitted += 1
        self.app.post(carrier, run)
        self._wake_app()

    def _wake_app(self) -> None:
        if not self.wake_app or self._app_wake_pending:
            return
        self._app_wake_pending = True
        try:
            import pygame

            pygame.event.post(pygame.event.Event(pygame.USEREVENT, {"osc": True}))
        except Exception:
            pass

    # ------------------------------------------------------------ on the main thread
    def _run_step(self, step: Step) -> None:
        app = self.app
        try:
            if step.kind == "command":
                command = step.command
                if command.name == "quit":
                    app.running = False
                else:
                    self._check_on_main(step)
                    app.dispatch(command)
                self._finish(step)
            elif step.kind == "query":
                data = self.answer(step.method, step.args, app.show.snapshot(), time.time())
                self._reply(step.client, step.address, "ok", data)
            elif step.kind == "screenshot":
                path = app.screenshot(Path(step.path))
                self._reply(step.client, step.address, "ok", str(path))
        except OscError as exc:
            self._reply(step.client, step.address, "error", data=exc.data, error=(exc.code, exc.message))
        except Exception as exc:  # never let a remote command break the render loop
            log.exception("OSC %s failed", step.address)
            self._reply(step.client, step.address, "error", error=("failed", f"{type(exc).__name__}: {exc}"))

    def _check_on_main(self, step: Step) -> None:
        if step.method.path == "scene":
            show = self.app.show
            if show.state.screen != "story":
                raise OscError("bad_args", "/scene works while a story plays")
            count = show.scene_count()
            if not 1 <= step.command.args[0] <= count:
                raise OscError("bad_args", f"this story has scenes 1–{count}")

    def _finish(self, step: Step) -> None:
        """After a step's command has run: reply ok (with the new value for value methods) if asked to."""
        if step.reply_ok:
            data = None
            if step.method.state_key:
                data = _plain(self.app.show.snapshot().get(step.method.state_key or ""))
            self._reply(step.client, step.address, "ok", data)

    def current(self) -> dict:
        """The latest state: what the App published, or newer if a job ran since (any thread)."""
        fresh = self._job_snapshot
        return fresh if fresh is not None else self.app.snapshot()

    def _turn_done(self) -> None:
        """App step hook (main thread, after publishing): the published snapshot is current again."""
        self._job_snapshot = None

    def _state_changed(self, snapshot: dict) -> None:
        """App change listener (main thread): hand the new snapshot to the network thread."""
        self._job_snapshot = None
        if self.subscribers:
            self.outbox.put(("state", snapshot))
            self._wake_net()

    # ------------------------------------------------------------ replies and pushes
    def _reply(self, client: Client, address: str, status: str, data: Any = None,
               error: tuple[str, str] | None = None) -> None:
        body = {"screen": self.name, "address": address, "status": status, "data": data,
                "error": {"code": error[0], "message": error[1]} if error else None}
        text = json.dumps(body, ensure_ascii=True, separators=(",", ":"), default=str)
        self._send(client, osc.encode_message("/reply" + address, text))

    def _send(self, client: Client, packet: bytes) -> None:
        if threading.current_thread() is not self.thread:
            self.outbox.put(("send", client, packet))
            self._wake_net()
            return
        self._send_now(client, packet)

    def _send_now(self, client: Client, packet: bytes) -> None:
        conn = client.conn
        if conn is not None:
            if conn.closed:
                return
            conn.out += osc.slip_encode(packet)
            if len(conn.out) > MAX_TCP_BACKLOG:
                self._drop("tcp_dropped", f"TCP client {conn.ip} does not read its replies; hung up")
                self._close_conn(conn)
                return
            self._flush(conn)
            return
        for dest in client.destinations():
            try:
                self.udp.sendto(packet, dest)
            except OSError:
                self.stats["send_failed"] += 1

    def _drain_outbox(self) -> None:
        while True:
            try:
                item = self.outbox.get_nowait()
            except queue.Empty:
                return
            if item[0] == "send":
                self._send_now(item[1], item[2])
            elif item[0] == "state":
                latest = item[1]
                for sub in list(self.subscribers.values()):
                    self._push_state(sub, latest)

    def _push_state(self, sub: Subscriber, snapshot: dict, full: bool = False) -> None:
        state = self.state_data(snapshot)
        text = json.dumps(state, ensure_ascii=True, separators=(",", ":"), default=str)
        self._send_now(sub.client, osc.encode_message(f"/update/screen/{self.name}/state", text))
        for method in ECHOED:
            value = _plain(snapshot.get(method.state_key or ""))
            if value is None:
                value = 0 if method.osc_type == "i" else None
            if value is None or (not full and sub.echoed.get(method.path) == value):
                continue
            sub.echoed[method.path] = value
            typed = {"f": float, "i": int, "s": str}[method.osc_type](value)
            self._send_now(sub.client, osc.encode_message(f"{sub.prefix}/{method.path}", typed))

    def _housekeeping(self) -> None:
        now = time.monotonic()
        forget = self.settings.forget_after
        if now - self.last_heartbeat >= self.settings.heartbeat:
            self.last_heartbeat = now
            if self.subscribers:
                snapshot = self.app.snapshot()
                for key, sub in list(self.subscribers.items()):
                    if sub.client.conn is None and now - sub.client.session.last_seen > forget:
                        del self.subscribers[key]
                        continue
                    self._push_state(sub, snapshot)
            for ip, session in list(self.sessions.items()):
                if now - session.last_seen > forget:
                    del self.sessions[ip]
            for ip, bucket in list(self.buckets.items()):
                if now - bucket.stamp > forget:
                    del self.buckets[ip]
        if now - self.last_log >= LOG_EVERY:
            counted = ("malformed", "oversized", "dropped_source", "rate_limited", "tcp_dropped")
            new = {k: self.stats[k] - self.logged[k] for k in counted if self.stats[k] != self.logged[k]}
            if new and self.first_unlogged is None:
                self.first_unlogged = now  # wait a moment so that a burst makes one line
            elif new and now - self.first_unlogged >= 0.5:
                self.first_unlogged = None
                self.last_log = now
                self.logged = dict(self.stats)
                summary = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in new.items())
                log.warning("OSC: dropped %s%s", summary, f" (last: {self.last_reason})" if self.last_reason else "")


def _plain(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
