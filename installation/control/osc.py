"""OSC 1.0/1.1 packets: a strict parser for untrusted bytes, an encoder, SLIP framing and NTP timetags.

Pure Python, no third-party imports: the kiosk's server, `installation send` and `installation monitor` all use it.
The parser never hands raw network bytes to anything else; every structural problem raises `Malformed` with a short
reason (never the raw bytes).
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field
from typing import Any, Union

NTP_EPOCH = 2208988800  # seconds from 1900-01-01 to 1970-01-01
IMMEDIATELY = 1  # the timetag that means "now"
BUNDLE_TAG = b"#bundle\0"

MAX_DEPTH = 4  # nested bundles
MAX_ELEMENTS = 256  # messages in one packet, counting nested bundles
MAX_ARGS = 64
MAX_ADDRESS = 512
MAX_STRING = 8192

_INT = struct.Struct(">i")
_UINT = struct.Struct(">I")
_FLOAT = struct.Struct(">f")
_DOUBLE = struct.Struct(">d")
_LONG = struct.Struct(">q")
_TIMETAG = struct.Struct(">Q")


class Malformed(ValueError):
    """A packet that breaks the OSC format; the message is a short reason, safe to log."""


@dataclass(frozen=True)
class Blob:
    data: bytes


@dataclass(frozen=True)
class Message:
    address: str
    args: tuple[Any, ...] = ()
    tags: str = ""


@dataclass(frozen=True)
class Bundle:
    timetag: int  # 64-bit NTP; 1 = immediately
    elements: tuple["Packet", ...] = field(default_factory=tuple)


Packet = Union[Message, Bundle]


# --------------------------------------------------------------------------- time
def ntp_to_unix(timetag: int) -> float | None:
    """Unix seconds for an NTP timetag; None for 'immediately'."""
    if timetag <= IMMEDIATELY:
        return None
    return (timetag >> 32) - NTP_EPOCH + (timetag & 0xFFFFFFFF) / 2**32


def unix_to_ntp(seconds: float) -> int:
    whole = math.floor(seconds)
    frac = int((seconds - whole) * 2**32) & 0xFFFFFFFF
    return ((whole + NTP_EPOCH) & 0xFFFFFFFF) << 32 | frac


# --------------------------------------------------------------------------- parsing
def _string(data: bytes, pos: int, what: str, limit: int = MAX_STRING) -> tuple[str, int]:
    end = data.find(b"\0", pos, min(len(data), pos + limit + 1))
    if end < 0:
        raise Malformed(f"{what}: unterminated or too long")
    raw = data[pos:end]
    next_pos = (end + 4) & ~3  # terminator plus padding to a multiple of 4
    if next_pos > len(data):
        raise Malformed(f"{what}: padding truncated")
    if data[end:next_pos].count(0) != next_pos - end:
        raise Malformed(f"{what}: non-zero padding")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Malformed(f"{what}: not UTF-8") from None
    return text, next_pos


def _check_address(address: str) -> None:
    if not address.startswith("/"):
        raise Malformed("address does not start with '/'")
    if len(address) > MAX_ADDRESS:
        raise Malformed("address too long")
    for ch in address:
        if not " " < ch < "\x7f" or ch == "#":
            raise Malformed("address has a character outside printable ASCII")


def parse_message(data: bytes) -> Message:
    if len(data) % 4:
        raise Malformed("message size is not a multiple of 4")
    address, pos = _string(data, 0, "address", MAX_ADDRESS)
    _check_address(address)
    if pos == len(data):
        return Message(address)  # OSC 1.0 allows a message without a type tag string
    if data[pos:pos + 1] != b",":
        raise Malformed("missing type tag string")
    tags, pos = _string(data, pos, "type tags", MAX_ARGS + 1)
    tags = tags[1:]
    if len(tags) > MAX_ARGS:
        raise Malformed("too many arguments")
    args: list[Any] = []
    size = len(data)
    for tag in tags:
        if tag == "i":
            if pos + 4 > size:
                raise Malformed("int32 truncated")
            args.append(_INT.unpack_from(data, pos)[0])
            pos += 4
        elif tag == "f":
            if pos + 4 > size:
                raise Malformed("float32 truncated")
            args.append(_FLOAT.unpack_from(data, pos)[0])
            pos += 4
        elif tag in "sS":
            text, pos = _string(data, pos, "string argument")
            args.append(text)
        elif tag == "b":
            if pos + 4 > size:
                raise Malformed("blob size truncated")
            length = _INT.unpack_from(data, pos)[0]
            pos += 4
            padded = (length + 3) & ~3
            if length < 0 or pos + padded > size:
                raise Malformed("blob size out of range")
            if data[pos + length:pos + padded].count(0) != padded - length:
                raise Malformed("blob: non-zero padding")
            args.append(Blob(bytes(data[pos:pos + length])))
            pos += padded
        elif tag in "hdt":
            if pos + 8 > size:
                raise Malformed("64-bit argument truncated")
            struct_ = {"h": _LONG, "d": _DOUBLE, "t": _TIMETAG}[tag]
            args.append(struct_.unpack_from(data, pos)[0])
            pos += 8
        elif tag in "cmr":
            if pos + 4 > size:
                raise Malformed("32-bit argument truncated")
            value = _UINT.unpack_from(data, pos)[0]
            if tag == "c":
                if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
                    raise Malformed("char out of range")
                args.append(chr(value))
            else:
                args.append(value)
            pos += 4
        elif tag == "T":
            args.append(True)
        elif tag == "F":
            args.append(False)
        elif tag == "N":
            args.append(None)
        elif tag == "I":
            args.append(math.inf)
        else:
            raise Malformed("unsupported type tag")
    if pos != size:
        raise Malformed("bytes left over after the arguments")
    return Message(address, tuple(args), tags)


def parse(data: bytes, max_depth: int = MAX_DEPTH) -> Packet:
    """Parse one packet (a datagram or SLIP frame); raises Malformed."""
    counter = [0]
    return _parse(memoryview(data).tobytes() if not isinstance(data, bytes) else data, max_depth, counter)


def _parse(data: bytes, depth: int, counter: list[int]) -> Packet:
    if not data:
        raise Malformed("empty packet")
    if data[:1] == b"#":
        return _parse_bundle(data, depth, counter)
    if data[:1] != b"/":
        raise Malformed("neither a message nor a bundle")
    counter[0] += 1
    if counter[0] > MAX_ELEMENTS:
        raise Malformed("too many messages in one packet")
    return parse_message(data)


def _parse_bundle(data: bytes, depth: int, counter: list[int]) -> Bundle:
    if depth <= 0:
        raise Malformed("bundles nested too deeply")
    if not data.startswith(BUNDLE_TAG):
        raise Malformed("bad bundle header")
    if len(data) < 16:
        raise Malformed("bundle timetag truncated")
    if len(data) % 4:
        raise Malformed("bundle size is not a multiple of 4")
    timetag = _TIMETAG.unpack_from(data, 8)[0]
    pos, elements = 16, []
    while pos < len(data):
        if pos + 4 > len(data):
            raise Malformed("bundle element size truncated")
        length = _INT.unpack_from(data, pos)[0]
        pos += 4
        if length <= 0 or length % 4 or pos + length > len(data):
            raise Malformed("bundle element size out of range")
        elements.append(_parse(data[pos:pos + length], depth - 1, counter))
        pos += length
    return Bundle(timetag, tuple(elements))


# --------------------------------------------------------------------------- encoding
def _pad(raw: bytes) -> bytes:
    return raw + b"\0" * (4 - len(raw) % 4)


def _pad_blob(raw: bytes) -> bytes:
    return raw + b"\0" * (-len(raw) % 4)


def encode_message(address: str, *args: Any, tags: str | None = None) -> bytes:
    """Encode a message. Types follow Python's (bool → T/F, int → i, float → f, str → s, bytes → b, None → N)
    unless `tags` gives them explicitly (e.g. "d" for a double, "h" for a 64-bit int, "t" for a timetag)."""
    if tags is None:
        tags = "".join(_tag_for(arg) for arg in args)
    if len(tags) != len(args):
        raise ValueError("one type tag per argument")
    body = bytearray()
    for tag, arg in zip(tags, args):
        if tag == "i":
            body += _INT.pack(int(arg))
        elif tag == "f":
            body += _FLOAT.pack(float(arg))
        elif tag in "sS":
            body += _pad(str(arg).encode("utf-8"))
        elif tag == "b":
            raw = bytes(arg.data if isinstance(arg, Blob) else arg)
            body += _INT.pack(len(raw)) + _pad_blob(raw)
        elif tag == "h":
            body += _LONG.pack(int(arg))
        elif tag == "d":
            body += _DOUBLE.pack(float(arg))
        elif tag == "t":
            body += _TIMETAG.pack(int(arg))
        elif tag == "c":
            body += _UINT.pack(ord(arg))
        elif tag in "TFNI":
            pass
        else:
            raise ValueError(f"cannot encode type tag {tag!r}")
    return _pad(address.encode("utf-8")) + _pad(("," + tags).encode("ascii")) + bytes(body)


def _tag_for(arg: Any) -> str:
    if arg is True:
        return "T"
    if arg is False:
        return "F"
    if arg is None:
        return "N"
    if isinstance(arg, int):
        return "i" if -2**31 <= arg < 2**31 else "h"
    if isinstance(arg, float):
        return "f"
    if isinstance(arg, str):
        return "s"
    if isinstance(arg, (bytes, bytearray, Blob)):
        return "b"
    raise ValueError(f"cannot send {type(arg).__name__} over OSC")


def encode_bundle(elements: list[bytes], timetag: int = IMMEDIATELY) -> bytes:
    out = bytearray(BUNDLE_TAG + _TIMETAG.pack(timetag))
    for element in elements:
        out += _INT.pack(len(element)) + element
    return bytes(out)


# --------------------------------------------------------------------------- SLIP (OSC 1.1 over TCP)
END, ESC, ESC_END, ESC_ESC = 0xC0, 0xDB, 0xDC, 0xDD


def slip_encode(packet: bytes) -> bytes:
    """Double-END framing, as OSC 1.1 recommends."""
    body = packet.replace(bytes([ESC]), bytes([ESC, ESC_ESC])).replace(bytes([END]), bytes([ESC, ESC_END]))
    return bytes([END]) + body + bytes([END])


class SlipDecoder:
    """Incremental SLIP decoder with a bounded frame size: feed bytes, get whole frames.

    An over-long frame is discarded up to its END and reported once as `None` in the output list.
    A bad escape sequence makes the frame malformed (also reported as `None`)."""

    def __init__(self, max_frame: int):
        self.max_frame = max_frame
        self.buffer = bytearray()
        self.discarding = False
        self.bad = False

    def feed(self, data: bytes) -> list[bytes | None]:
        frames: list[bytes | None] = []
        start = 0
        while True:
            end = data.find(END, start)
            chunk = data[start:] if end < 0 else data[start:end]
            if not self.discarding:
                if len(self.buffer) + len(chunk) > self.max_frame * 2 + 2:  # escaped bytes take two
                    self.discarding, self.buffer = True, bytearray()
                    frames.append(None)
                else:
                    self.buffer += chunk
            if end < 0:
                return frames
            if not self.discarding and self.buffer:
                frame = self._unescape(bytes(self.buffer))
                frames.append(frame if frame is not None and len(frame) <= self.max_frame else None)
            self.buffer, self.discarding = bytearray(), False
            start = end + 1

    @staticmethod
    def _unescape(raw: bytes) -> bytes | None:
        if ESC not in raw:
            return raw
        out = bytearray()
        i, n = 0, len(raw)
        while i < n:
            b = raw[i]
            if b == ESC:
                if i + 1 >= n:
                    return None
                nxt = raw[i + 1]
                if nxt == ESC_END:
                    out.append(END)
                elif nxt == ESC_ESC:
                    out.append(ESC)
                else:
                    return None
                i += 2
            else:
                out.append(b)
                i += 1
        return bytes(out)
