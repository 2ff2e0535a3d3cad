"""Hostile peers (issue 10): idle TCP connections cannot lock new clients out, and passcodes cannot be guessed fast —
not from one address, not with bundles, not from 100 addresses at once."""

from __future__ import annotations

import logging
import re
import socket
import time

import pytest

from installation.control import limits, osc
from installation.control.client import OscClient, decode_reply
from installation.control.limits import PasscodeGate

from .conftest import PATIENCE, NetClock
from .test_server import ask

PASSCODES = {"view": None, "control": "c0ntrol-room", "edit": "ed1t-the-show"}


def wait_until(predicate, timeout: float = PATIENCE) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def udp_from(source: str) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((source, 0))
    sock.settimeout(5.0)
    return sock


def reply_to(sock: socket.socket) -> dict:
    data, _ = sock.recvfrom(65536)
    packet = osc.parse(data)
    return decode_reply(packet)


# ------------------------------------------------------------------------------------------------- TCP


def test_idle_tcp_connections_never_lock_a_new_client_out(make_kiosk):
    kiosk = make_kiosk()
    held = []
    try:
        for n in range(200):  # 10 idle connections from each of 20 addresses
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind((f"127.0.0.{2 + n % 20}", 0))
            sock.connect(("127.0.0.1", kiosk.port))
            held.append(sock)
        assert wait_until(lambda: kiosk.server.stats["tcp_evicted"] >= 200 - limits.TCP_TOTAL)
        conns = list(kiosk.server.transport.conns.values())
        assert len(conns) <= limits.TCP_TOTAL
        assert max(sum(1 for c in conns if c.ip == ip) for ip in {c.ip for c in conns}) <= limits.TCP_PER_SOURCE
        with OscClient("127.0.0.1", kiosk.port, tcp=True) as fresh:  # a newcomer is served
            assert ask(fresh, "/thump", timeout=10)["data"] == "thump"
    finally:
        for sock in held:
            sock.close()


def test_a_busy_source_gives_up_its_own_idle_connection_first(make_kiosk):
    kiosk = make_kiosk()
    held = []
    try:
        for _ in range(limits.TCP_PER_SOURCE * 3):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.7", 0))
            sock.connect(("127.0.0.1", kiosk.port))
            held.append(sock)
        with OscClient("127.0.0.1", kiosk.port, tcp=True) as other:
            assert ask(other, "/thump", timeout=10)["data"] == "thump"
            assert wait_until(lambda: kiosk.server.stats["tcp_evicted"] >= limits.TCP_PER_SOURCE * 2)
            assert sum(1 for c in kiosk.server.transport.conns.values() if c.ip == "127.0.0.7") == limits.TCP_PER_SOURCE
            assert ask(other, "/thump", timeout=10)["data"] == "thump"  # the other source kept its connection
    finally:
        for sock in held:
            sock.close()


def test_a_silent_tcp_connection_is_closed_after_the_idle_timeout(make_kiosk):
    clock = NetClock()
    kiosk = make_kiosk(clock=clock)
    silent = socket.create_connection(("127.0.0.1", kiosk.port))
    silent.settimeout(PATIENCE)
    try:
        with OscClient("127.0.0.1", kiosk.port, tcp=True) as talker:
            assert wait_until(lambda: len(kiosk.server.transport.conns) == 2)
            clock.advance(40.0)
            assert ask(talker, "/thump")["data"] == "thump"  # the talker spoke 20 s before the timeout
            clock.advance(25.0)  # 65 s since the silent one connected: past forget_after (60 s)
            kiosk.server.settle()
            assert silent.recv(1) == b""  # closed by the kiosk, not by us
            assert ask(talker, "/thump")["data"] == "thump"
            assert kiosk.server.stats["tcp_idle_closed"] == 1
    finally:
        silent.close()


def test_make_room_picks_the_longest_idle_of_the_busiest_source():
    class Held:
        def __init__(self, ip, last_active):
            self.ip, self.last_active = ip, last_active

    a1, a2, b1 = Held("a", 5.0), Held("a", 1.0), Held("b", 0.5)
    assert limits.make_room([a1, a2, b1], "c", total=4, per_source=2) is None
    assert limits.make_room([a1, a2, b1], "c", total=3, per_source=2) is a2  # a holds more
    assert limits.make_room([a1, a2, b1], "a", total=9, per_source=2) is a2  # a at its own limit
    assert limits.make_room([a1, b1], "c", total=2, per_source=2) is b1  # equal: the longest idle


# ------------------------------------------------------------------------------------------------- passcodes


def test_a_hundred_addresses_get_fewer_than_20_guesses_a_minute():
    """A simulated minute (the gate is given the time): 100 addresses each sending a /connect every millisecond."""
    gate = PasscodeGate(now=0.0)
    compared = 0
    for tick in range(60_000):
        now = tick / 1000
        ip = f"127.0.0.{1 + tick % 100}"
        if gate.wait(ip, now) is None:
            compared += 1
            gate.wrong(ip, now)
    assert compared < 20, compared
    assert gate.refused == 60_000 - compared


def test_one_address_backs_off_exponentially_and_the_right_code_works_after():
    gate = PasscodeGate(now=0.0, burst=1000, per_minute=1000)
    waits = []
    now = 0.0
    for _ in range(6):
        assert gate.wait("10.0.0.9", now) is None
        gate.wrong("10.0.0.9", now)
        refused = gate.wait("10.0.0.9", now)
        waits.append(round(refused[0], 3) if refused else 0.0)
        now += waits[-1]
    assert waits == [0.0, 1.0, 2.0, 4.0, 8.0, 16.0]
    assert gate.wait("10.0.0.9", now) is None  # once the wait is over, a passcode is compared again
    gate.right("10.0.0.9")
    assert gate.wait("10.0.0.9", now) is None


def test_a_bundle_of_256_guesses_is_compared_at_most_twice(make_kiosk):
    kiosk = make_kiosk(passcodes=PASSCODES)
    sock = udp_from("127.0.0.1")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)  # room for 256 replies
    try:
        guesses = [osc.encode_message("/connect", f"{n:04d}") for n in range(256)]
        sock.sendto(osc.encode_bundle(guesses), ("127.0.0.1", kiosk.port))
        assert kiosk.server.settle()
        gate = kiosk.server.gate.guesses
        assert (gate.failed, gate.refused) == (2, 254)  # two compared; the rest answered without being compared
        replies = [reply_to(sock) for _ in range(3)]
        assert [r["data"] for r in replies] == ["badpass", "badpass", "locked"]
        assert replies[2]["error"]["code"] == "locked" and "try again in 1 s" in replies[2]["error"]["message"]
    finally:
        sock.close()


def test_distributed_guessing_locks_connect_shows_it_in_thump_and_logs_it(make_kiosk, caplog):
    caplog.set_level(logging.WARNING, logger="installation.osc")
    clock = NetClock()
    kiosk = make_kiosk(passcodes=PASSCODES, clock=clock)
    socks = [udp_from(f"127.0.0.{10 + n}") for n in range(20)]
    try:
        for round_ in range(3):
            for sock in socks:
                sock.sendto(osc.encode_message("/connect", f"guess-{round_}"), ("127.0.0.1", kiosk.port))
                reply_to(sock)
        assert kiosk.server.gate.guesses.failed == limits.GUESS_BURST  # the rest were not compared
        with OscClient("127.0.0.1", kiosk.port) as probe:
            assert ask(probe, "/thump")["data"] == "thump (/connect locked for 6 s)"
            refused = ask(probe, "/connect", "ed1t-the-show")  # even the right code waits out the lock-out
            assert refused["data"] == "locked"
            state = ask(probe, "/state")["data"]
            assert state["osc"]["wrong_passcodes"] == limits.GUESS_BURST
            assert state["osc"]["connect_refused"] == 3 * 20 - limits.GUESS_BURST + 1
            assert state["osc"]["connect_locked_for"] == 6.0
            clock.advance(12.0)  # one guess every 6 s comes back; the log line (every 10 s) is due
            assert ask(probe, "/connect", "ed1t-the-show")["data"] == "ok:edit"
            assert ask(probe, "/thump")["data"] == "thump"
        kiosk.server.settle()
        lines = [r.getMessage() for r in caplog.records if "OSC /connect:" in r.getMessage()]
        # logged at once, then summed up at most every 10 s: two lines for 61 attempts
        assert len(lines) == 2, lines
        assert sum(int(re.match(r"OSC /connect: (\d+) wrong", line)[1]) for line in lines) == limits.GUESS_BURST
        assert sum(int(re.search(r"(\d+) refused unread", line)[1]) for line in lines) == 3 * 20 - limits.GUESS_BURST + 1
        assert "127.0.0.10" in lines[0]
    finally:
        for sock in socks:
            sock.close()


def test_right_passcodes_never_use_up_the_guess_budget():
    gate = PasscodeGate(now=0.0)
    for _ in range(100):  # a console that connects for every action
        assert gate.wait("127.0.0.1", 0.0) is None
        gate.right("127.0.0.1")
    assert gate.locked_for(0.0) == 0.0


def test_the_right_passcode_still_works_after_a_typo(make_kiosk):
    kiosk = make_kiosk(passcodes=PASSCODES)
    with OscClient("127.0.0.1", kiosk.port) as udp:
        assert ask(udp, "/connect", "c0ntrol-rom")["data"] == "badpass"
        assert ask(udp, "/connect", "c0ntrol-room")["data"] == "ok:control"
