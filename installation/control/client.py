"""A small OSC client for `installation send`, `installation monitor`, the bench and tests (no pygame here)."""

from __future__ import annotations

import json
import select
import socket
import time
from typing import Any

from . import osc

DEFAULT_PORT = 53100
DEFAULT_HOST = "127.0.0.1"


def parse_target(text: str, default_port: int = DEFAULT_PORT) -> tuple[str, int]:
    """HOST, HOST:PORT, [IPv6]:PORT or :PORT → (host, port)."""
    text = text.strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port = rest.lstrip(":")
    elif text.count(":") == 1:
        host, port = text.split(":")
    else:
        host, port = text, ""
    host = host or DEFAULT_HOST
    try:
        number = int(port) if port else default_port
    except ValueError:
        raise ValueError(f"bad port in {text!r}") from None
    if not 1 <= number <= 65535:
        raise ValueError(f"port out of range in {text!r}")
    return host, number


def infer_args(values: list[str], types: str | None = None) -> list[Any]:
    """Command-line words → OSC arguments: whole numbers → i, decimals → f, the rest → s; or by `types` (i f s d h
    T F N), as oscsend takes them."""
    if types is not None:
        out: list[Any] = []
        words = iter(values)
        for tag in types:
            if tag in "TFN":
                out.append({"T": True, "F": False, "N": None}[tag])
                continue
            word = next(words, None)
            if word is None:
                raise ValueError(f"type '{tag}' has no value")
            out.append({"i": int, "h": int, "f": float, "d": float, "s": str}[tag](word))
        if next(words, None) is not None:
            raise ValueError("more values than types")
        return out
    args: list[Any] = []
    for word in values:
        try:
            args.append(int(word))
            continue
        except ValueError:
            pass
        try:
            args.append(float(word))
            continue
        except ValueError:
            args.append(word)
    return args


class OscClient:
    """Talks to one kiosk over UDP (replies come back to our port) or TCP (SLIP)."""

    def __init__(self, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, tcp: bool = False,
                 bind: tuple[str, int] | None = None, timeout: float = 2.0):
        self.host, self.port, self.tcp = host, port, tcp
        info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM if tcp else socket.SOCK_DGRAM)[0]
        self.address = info[4]
        self.sock = socket.socket(info[0], socket.SOCK_STREAM if tcp else socket.SOCK_DGRAM)
        if bind is not None:
            self.sock.bind(bind)
        if tcp:
            self.sock.settimeout(timeout)
            self.sock.connect(self.address)
            self.decoder = osc.SlipDecoder(1 << 20)
            self.pending: list[bytes] = []
        self.sock.setblocking(False)

    @property
    def local_port(self) -> int:
        return self.sock.getsockname()[1]

    def close(self) -> None:
        self.sock.close()

    def __enter__(self) -> "OscClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def send_raw(self, packet: bytes) -> None:
        if self.tcp:
            self.sock.setblocking(True)
            try:
                self.sock.sendall(osc.slip_encode(packet))
            finally:
                self.sock.setblocking(False)
        else:
            self.sock.sendto(packet, self.address)

    def send(self, address: str, *args: Any) -> None:
        self.send_raw(osc.encode_message(address, *args))

    def receive(self, timeout: float) -> osc.Message | None:
        """The next message (bundles are unpacked; malformed input is skipped), or None after `timeout` s."""
        deadline = time.monotonic() + timeout
        while True:
            if self.tcp and self.pending:
                data = self.pending.pop(0)
            else:
                left = deadline - time.monotonic()
                if not select.select([self.sock], [], [], max(0.0, left))[0]:
                    return None
                try:
                    data = self.sock.recv(1 << 16)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    return None
                if self.tcp:
                    if not data:
                        return None
                    self.pending.extend(frame for frame in self.decoder.feed(data) if frame)
                    continue
            try:
                packet = osc.parse(data)
            except osc.Malformed:
                continue
            while isinstance(packet, osc.Bundle):
                if not packet.elements:
                    break
                if self.tcp:
                    self.pending[:0] = [osc.encode_message(m.address, *m.args, tags=m.tags)
                                        for m in packet.elements[1:] if isinstance(m, osc.Message)]
                packet = packet.elements[0]
            if isinstance(packet, osc.Message):
                return packet

    def request(self, address: str, *args: Any, passcode: str | None = None, always_reply: bool = True,
                timeout: float = 2.0) -> dict | None:
        """Send one message (in a bundle with /alwaysReply 1 and /connect when asked) and wait for its reply."""
        elements = []
        if always_reply:
            elements.append(osc.encode_message("/alwaysReply", 1))
        if passcode is not None:
            elements.append(osc.encode_message("/connect", passcode))
        message = osc.encode_message(address, *args)
        self.send_raw(osc.encode_bundle(elements + [message]) if elements else message)
        return self.wait_reply(address, timeout)

    def wait_reply(self, address: str, timeout: float = 2.0) -> dict | None:
        deadline = time.monotonic() + timeout
        while True:
            message = self.receive(deadline - time.monotonic())
            if message is None:
                return None
            reply = decode_reply(message)
            if reply is None:
                continue
            if message.address == "/reply" + address:
                return reply
            if reply.get("status") != "ok" and (reply.get("error") or {}).get("code") in ("badpass", "rate_limited"):
                return reply


def decode_reply(message: osc.Message) -> dict | None:
    """A reply's JSON body; a blob after it (a /thumbnail's picture) is its "blob" (bytes)."""
    args = message.args
    if not message.address.startswith("/reply") or not 1 <= len(args) <= 2 or not isinstance(args[0], str):
        return None
    try:
        reply = json.loads(args[0])
    except ValueError:
        return None
    if not isinstance(reply, dict):
        return None
    if len(args) == 2:
        if not isinstance(args[1], osc.Blob):
            return None
        reply["blob"] = args[1].data
    return reply
