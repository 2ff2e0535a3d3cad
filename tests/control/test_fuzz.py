"""Property-based fuzzing: malformed messages and bundles of every kind never crash, hang or stall the kiosk."""

from __future__ import annotations

import struct
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from installation.control import osc
from installation.control.client import OscClient

from .conftest import PATIENCE

# harmless addresses only: random valid packets must not quit or black out the test kiosk
ADDRESSES = ["/thump", "/state", "/volume", "/volume/+", "/mute", "/nowhere", "/go", "/screen/*/textsize",
             "/screen/demo/captions", "/sync/ping", "/{a,b", "/[!", "/screen/[a-z]*/language", "/updates"]


def pad(raw: bytes) -> bytes:
    return raw + b"\0" * (4 - len(raw) % 4)


tags = st.text(alphabet="ifsbTFNIhdtcmrS[]Xu,\0 ", max_size=8)
strings = st.one_of(st.binary(max_size=24), st.text(max_size=12).map(lambda t: t.encode("utf-8")))


@st.composite
def messages(draw) -> bytes:
    """Messages that are often almost right: real structure, then one thing wrong."""
    address = draw(st.one_of(st.sampled_from(ADDRESSES).map(str.encode), strings))
    type_tags = draw(tags)
    body = b""
    for tag in type_tags:
        kind = draw(st.integers(0, 3))
        if kind == 0:
            body += struct.pack(">i", draw(st.integers(-2**31, 2**31 - 1)))
        elif kind == 1:
            body += struct.pack(">f", draw(st.floats(width=32)))
        elif kind == 2:
            body += pad(draw(strings))
        else:
            blob = draw(st.binary(max_size=16))
            size = draw(st.one_of(st.just(len(blob)), st.integers(-2**31, 2**31 - 1)))
            body += struct.pack(">i", size) + blob + b"\0" * (-len(blob) % 4)
    raw = pad(address) + pad(b"," + type_tags.encode()) + body
    mutation = draw(st.integers(0, 6))
    if mutation == 1 and raw:
        raw = raw[: draw(st.integers(0, len(raw) - 1))]  # truncated
    elif mutation == 2 and raw:
        i = draw(st.integers(0, len(raw) - 1))
        raw = raw[:i] + bytes([draw(st.integers(0, 255))]) + raw[i + 1:]  # one byte changed
    elif mutation == 3:
        raw += draw(st.binary(min_size=1, max_size=9))  # trailing junk
    elif mutation == 4 and raw:
        i = draw(st.integers(0, len(raw)))
        raw = raw[:i] + draw(st.binary(min_size=1, max_size=4)) + raw[i:]  # misaligned
    elif mutation == 5:
        raw = raw.replace(b"\0", b"\x01", 1)  # unterminated / bad padding
    return raw


@st.composite
def bundles(draw, depth: int = 0) -> bytes:
    count = draw(st.integers(0, 4))
    elements = []
    for _ in range(count):
        if depth < 7 and draw(st.booleans()):
            elements.append(draw(bundles(depth + 1)))
        else:
            elements.append(draw(messages()))
    timetag = draw(st.one_of(st.just(osc.IMMEDIATELY), st.integers(0, 2**64 - 1),
                             st.just(osc.unix_to_ntp(time.time() + 7200))))
    header = draw(st.sampled_from([osc.BUNDLE_TAG, b"#bundle\0", b"#bundle", b"#bundl\0\0", b"#BUNDLE\0"]))
    out = header + struct.pack(">Q", timetag)
    for element in elements:
        size = draw(st.one_of(st.just(len(element)), st.integers(-2**31, 2**31 - 1), st.integers(0, 64)))
        out += struct.pack(">i", size) + element
    if draw(st.booleans()) and out:
        out = out[: draw(st.integers(0, len(out)))]
    return out


packets = st.one_of(st.binary(max_size=300), messages(), bundles())


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(packets)
def test_parser_only_raises_malformed(data):
    try:
        packet = osc.parse(data)
    except osc.Malformed:
        return
    assert isinstance(packet, (osc.Message, osc.Bundle))


@pytest.mark.perf
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(packets)
def test_parser_is_fast_on_any_packet(data):
    started = time.perf_counter()
    try:
        osc.parse(data)
    except osc.Malformed:
        pass
    finally:
        assert time.perf_counter() - started < 0.05


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ADDRESSES[:6]), st.lists(st.one_of(
    st.integers(-2**31, 2**31 - 1), st.floats(width=32, allow_nan=False),
    st.text(st.characters(blacklist_characters="\0", blacklist_categories=("Cs",)), max_size=20),
    st.binary(max_size=20), st.booleans(), st.none()), max_size=5))
def test_parser_agrees_with_python_osc(address, args):
    from pythonosc.osc_message import OscMessage

    raw = osc.encode_message(address, *args)
    ours = osc.parse(raw)
    theirs = OscMessage(raw)
    assert ours.address == theirs.address
    assert [a.data if isinstance(a, osc.Blob) else a for a in ours.args] == list(theirs.params)


def fuzz_the_server(kiosk, timed: bool) -> None:
    udp = OscClient("127.0.0.1", kiosk.port)
    tcp = OscClient("127.0.0.1", kiosk.port, tcp=True)

    @settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
    @given(packets, st.booleans())
    def throw(data, over_tcp):
        if over_tcp:
            tcp.sock.sendall(data if data[:1] == b"\xc0" else osc.slip_encode(data))
        else:
            udp.send_raw(data)

    try:
        throw()
        # raw SLIP garbage, a huge frame and a bad escape on a fresh connection
        with OscClient("127.0.0.1", kiosk.port, tcp=True) as raw:
            raw.sock.sendall(b"\xdb\x00\xc0" + b"\x01" * 100_000 + b"\xc0\xc0")
        assert kiosk.server.settle()
        with OscClient("127.0.0.1", kiosk.port) as probe:
            for _ in range(5):
                sent = time.perf_counter()
                probe.send("/thump")
                reply = probe.wait_reply("/thump", PATIENCE)
                elapsed = time.perf_counter() - sent
                assert reply is not None and reply["data"] == "thump"
                if timed:
                    assert elapsed < 0.05, f"/thump took {elapsed * 1000:.1f} ms"
        tcp.send("/thump")
        assert tcp.wait_reply("/thump", PATIENCE)["data"] == "thump"  # the fuzzed connection still works
    finally:
        udp.close()
        tcp.close()
    assert kiosk.server.thread.is_alive() and kiosk.thread.is_alive() and kiosk.failure is None
    assert kiosk.server.stats["malformed"] > 50


def test_server_survives_fuzzing(make_kiosk):
    fuzz_the_server(make_kiosk(rate_limit=100000.0, burst=100000, max_packet=4096), timed=False)


@pytest.mark.perf
def test_server_answers_at_once_after_fuzzing(make_kiosk):
    fuzz_the_server(make_kiosk(rate_limit=100000.0, burst=100000, max_packet=4096), timed=True)
