"""Hostile peers, measured for a real minute against a real kiosk's OSC server: 1,000 idle TCP connections, and a
passcode brute force from 100 loopback addresses."""

from __future__ import annotations

import select
import socket
import subprocess
import sys
import time
from dataclasses import replace

from installation.control import osc
from installation.control.client import OscClient, decode_reply
from tests.control.conftest import Kiosk


def kiosk(**overrides) -> Kiosk:
    from installation.control.server import Settings

    return Kiosk(replace(Settings(port=0, min_go_interval=0.0), **overrides))


HOLDER = """
import resource, socket, sys, time
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
port, held, refused = int(sys.argv[1]), [], 0
for n in range(1000):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((f"127.0.{n // 200}.{2 + n % 200}", 0))  # 1,000 connections from 1,000 addresses
    try:
        sock.connect(("127.0.0.1", port))
        held.append(sock)
    except OSError:
        refused += 1
        sock.close()
time.sleep(3.0)
import select
closed = 0
for sock in held:  # how many the kiosk closed to make room
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    if poller.poll(0):
        try:
            closed += sock.recv(1) == b""
        except OSError:
            closed += 1
print(refused, closed, flush=True)
time.sleep(600)
"""


def test_a_thousand_idle_tcp_connections_never_lock_a_new_client_out():
    k = kiosk()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(k.port)], stdout=subprocess.PIPE, text=True)
    try:
        refused, closed = map(int, holder.stdout.readline().split())
        answered, latencies = 0, []
        for _ in range(20):  # new clients while the 1,000 are held
            try:
                with OscClient("127.0.0.1", k.port, tcp=True) as fresh:
                    t = time.monotonic()
                    fresh.send("/thump")
                    reply = fresh.wait_reply("/thump", 10.0)
                    if reply and reply["data"] == "thump":
                        answered += 1
                        latencies.append(time.monotonic() - t)
            except OSError:
                pass
        held_now = len(getattr(k.server, "transport", k.server).conns)
        median = sorted(latencies)[len(latencies) // 2] * 1000 if latencies else float("nan")
        print(f"\n1,000 idle TCP connections from 1,000 addresses: {refused} refused at connect, {closed} closed by "
              f"the kiosk to make room, {held_now} held by it; new clients served: {answered}/20 "
              f"(median /thump {median:.1f} ms)")
        assert answered == 20
    finally:
        holder.kill()
        holder.wait(30)
        k.close()


def test_a_hundred_addresses_guessing_for_a_minute_get_fewer_than_20_guesses():
    passcodes = {"view": None, "control": None, "edit": "zz-edit-code"}
    k = kiosk(passcodes=passcodes, rate_limit=1_000_000, burst=1_000_000)
    socks = []
    for n in range(100):
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind((f"127.0.1.{1 + n}", 0))
        sock.setblocking(False)
        socks.append(sock)
    sent = compared = locked = 0
    found_at = None
    guesses = iter(f"{n:06d}" for n in range(10**6))
    started = time.monotonic()
    try:
        while time.monotonic() - started < 60.0:
            for sock in socks:  # every address sends a guess, then reads what came back
                sock.sendto(osc.encode_message("/connect", next(guesses)), ("127.0.0.1", k.port))
                sent += 1
            readable, _, _ = select.select(socks, [], [], 0.05)
            for sock in readable:
                while True:
                    try:
                        data, _ = sock.recvfrom(65536)
                    except BlockingIOError:
                        break
                    reply = decode_reply(osc.parse(data))
                    if reply is None:
                        continue
                    if reply["data"] == "badpass":
                        compared += 1
                    elif reply["data"] == "locked":
                        locked += 1
                    elif str(reply["data"]).startswith("ok:") and found_at is None:
                        found_at = time.monotonic() - started
        print(f"\n100 addresses for 60 s: {sent} /connect sent, {compared} compared (wrong), {locked} refused "
              f"unread; right code found: {found_at}", flush=True)
        with OscClient("127.0.0.1", k.port) as probe:  # once the flood's backlog is read
            probe.send("/thump")
            thump = (probe.wait_reply("/thump", 60.0) or {}).get("data")
    finally:
        for sock in socks:
            sock.close()
        k.close()
    print(f"/thump afterwards: {thump!r}")
    assert compared < 20
