"""OSC over UDP and TCP (SLIP, OSC 1.1) on one port, on its own thread: bytes in, bytes out.

The transport asks the gate about each packet's source (allow-list, rate limit) and hands admitted packets to
`on_packet(data, client)`; everything else it counts. `send()` may be called from any thread.
"""

from __future__ import annotations

import logging
import queue
import selectors
import socket
import threading
import time
from typing import Callable

from . import limits, osc
from .gate import Client, Drops, Gate, Session, normalise_ip

log = logging.getLogger("installation.osc")

MAX_TCP_BACKLOG = 1 << 20  # bytes waiting for a slow TCP reader before we hang up
UDP_BATCH = 512  # datagrams read per wake-up before looking at the other sockets
RCVBUF = 4 << 20
BIND_ATTEMPTS = 20  # port 0: tries to find a port free for both UDP and TCP
LONGEST_WAIT = 0.5  # seconds the loop sleeps in select() at most
NETWORK_NICENESS = 3


class Conn:
    """One TCP client: SLIP in, SLIP out, its own session."""

    def __init__(self, sock: socket.socket, ip: str, port: int, session: Session, max_packet: int):
        self.sock, self.ip, self.port, self.session = sock, ip, port, session
        self.decoder = osc.SlipDecoder(max_packet)
        self.out = bytearray()
        self.closed = False
        self.writing = False

    @property
    def last_active(self) -> float:
        return self.session.last_seen


class Transport:
    def __init__(self, gate: Gate, drops: Drops, on_packet: Callable[[bytes, Client], None],
                 on_rate_limited: Callable[[bytes, Client], None]):
        self.gate, self.drops, self.stats = gate, drops, drops.stats
        self.settings = gate.settings
        self.on_packet, self.on_rate_limited = on_packet, on_rate_limited
        self.on_turn: Callable[[], None] = lambda: None  # after each wake-up, on the network thread
        self.timeout: Callable[[float], float] = lambda longest: longest
        self.on_close: Callable[[Conn], None] = lambda conn: None
        self.conns: dict[socket.socket, Conn] = {}
        self.outbox: queue.SimpleQueue = queue.SimpleQueue()
        self.running = False
        self.thread: threading.Thread | None = None
        self._wake_pending = False
        self.turns = 0  # wake-ups handled, for `settle()`
        self._turned = threading.Condition()
        self._bind()

    # ------------------------------------------------------------ sockets
    def _bind(self) -> None:
        host, port = self.settings.host, self.settings.port
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM, flags=socket.AI_PASSIVE)
        family, _, _, _, address = infos[0]
        self.family = family
        for attempt in range(BIND_ATTEMPTS):
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
                    if port == 0 and attempt < BIND_ATTEMPTS - 1:
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

    def start(self) -> None:
        self.running = True
        self.thread = threading.Thread(target=self._loop, name="osc", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.running = False
        self.wake()
        if self.thread is not None:
            self.thread.join(timeout=2)

    def close(self) -> None:
        for conn in list(self.conns.values()):
            self._flush(conn)
            self._close_conn(conn)
        for sock in (self.udp, self.tcp, self.wake_r, self.wake_w):
            if sock is not None:
                sock.close()
        self.selector.close()

    # ------------------------------------------------------------ the network thread
    def _loop(self) -> None:
        from ..threads import lower_priority

        lower_priority(NETWORK_NICENESS)  # a flood may slow the replies, never the picture
        while self.running:
            try:
                for key, _ in self.selector.select(self.timeout(LONGEST_WAIT)):
                    key.data(key.fileobj)
                self._drain_outbox()
                self.on_turn()
            except Exception:  # never let one bad moment end remote control
                log.exception("OSC server loop")
                time.sleep(0.01)
            with self._turned:
                self.turns += 1
                self._turned.notify_all()

    def settle(self, timeout: float = 10.0) -> bool:
        """Wait until the network thread has handled everything that reached its sockets before this call (and sent
        what that made it send): until a wake-up that began after the call has ended. False after `timeout`."""
        with self._turned:
            start = self.turns
        for target in (start + 1, start + 2):  # the first may have begun before the call
            self.wake()
            with self._turned:
                if not self._turned.wait_for(lambda: self.turns >= target or not self.running, timeout):
                    return False
        return True

    def wake(self) -> None:
        """Any thread: make the network thread look at its outbox (and on_turn) now."""
        if not self._wake_pending:
            self._wake_pending = True
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
        self._wake_pending = False

    def _read_udp(self, sock) -> None:
        gate, stats, monotonic, recvfrom = self.gate, self.stats, self.gate.clock, sock.recvfrom
        max_packet, allowed_cache = self.settings.max_packet, gate.allowed_cache
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
            allowed = allowed_cache.get(ip)
            if not (allowed if allowed is not None else gate.allowed(ip)):
                stats["dropped_source"] += 1
                continue
            now = monotonic()
            if not gate.admit(ip, now):
                self._rate_limited(data, ip, addr[1])
                continue
            if len(data) > max_packet:
                self.drops.drop("oversized", f"{len(data)}-byte datagram from {ip} (limit {max_packet})")
                continue
            self.on_packet(data, Client(ip, addr[1], gate.session(ip, now)))

    def _rate_limited(self, data: bytes, ip: str, port: int, conn: Conn | None = None) -> None:
        self.stats["rate_limited"] += 1
        if self.gate.should_notify(ip):
            session = conn.session if conn else self.gate.session(ip, self.gate.buckets[ip].stamp, touch=False)
            self.on_rate_limited(data, Client(ip, port, session, conn))

    def _accept(self, sock) -> None:
        while True:
            try:
                conn_sock, addr = sock.accept()
            except OSError:  # BlockingIOError: none waiting
                return
            ip = normalise_ip(addr[0])
            if not self.gate.allowed(ip):
                self.stats["dropped_source"] += 1
                conn_sock.close()
                continue
            evicted = limits.make_room(self.conns.values(), ip)
            if evicted is not None:  # a new client is always served: the longest-idle one makes room
                self.drops.drop("tcp_evicted", f"TCP connection limits: closed an idle connection from {evicted.ip} "
                                               f"for a new one from {ip}")
                self._close_conn(evicted)
            conn_sock.setblocking(False)
            conn_sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn = Conn(conn_sock, ip, addr[1], self.gate.new_session(self.gate.clock()), self.settings.max_packet)
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
        now = self.gate.clock()
        conn.session.last_seen = now
        client = Client(conn.ip, conn.port, conn.session, conn)
        for frame in conn.decoder.feed(data):
            if conn.closed:
                return
            self.stats["received"] += 1
            if not self.gate.admit(conn.ip, now):
                self._rate_limited(frame or b"", conn.ip, conn.port, conn)
                continue
            if frame is None:
                self.drops.drop("oversized", f"bad or oversized SLIP frame from {conn.ip}")
                continue
            self.on_packet(frame, client)

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

    def close_idle(self, now: float) -> None:
        """Close the connections that have sent nothing for `forget_after` seconds."""
        for conn in limits.idle(self.conns.values(), now, self.settings.forget_after):
            self.stats["tcp_idle_closed"] += 1
            self._close_conn(conn)

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
        self.on_close(conn)

    # ------------------------------------------------------------ sending
    def send(self, client: Client, packet: bytes) -> None:
        """Any thread: send a packet to a client (from another thread, via the network thread)."""
        if threading.current_thread() is not self.thread:
            self.outbox.put((client, packet))
            self.wake()
            return
        self.send_now(client, packet)

    def send_now(self, client: Client, packet: bytes) -> None:
        conn = client.conn
        if conn is not None:
            if conn.closed:
                return
            conn.out += osc.slip_encode(packet)
            if len(conn.out) > MAX_TCP_BACKLOG:
                self.drops.drop("tcp_dropped", f"TCP client {conn.ip} does not read its replies; hung up")
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
                client, packet = self.outbox.get_nowait()
            except queue.Empty:
                return
            self.send_now(client, packet)
