"""Interop with liblo's command-line tools (Debian liblo-tools): oscsend in, replies caught by oscdump."""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import socket
import subprocess
import time

import pytest

from .conftest import PATIENCE, free_udp_port

pytestmark = pytest.mark.skipif(not shutil.which("oscsend") or not shutil.which("oscdump"),
                                reason="needs liblo-tools (apt-get install liblo-tools)")


class Dump:
    """oscdump listening on a port; lines as it prints them."""

    def __init__(self, port: int):
        self.port = port
        self.proc = subprocess.Popen(["oscdump", "-L", str(port)], stdout=subprocess.PIPE)
        self.buffer = b""

    def line(self, timeout: float) -> str | None:
        """The next line oscdump prints, or None if it prints none within `timeout`."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([self.proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(self.proc.stdout.fileno(), 65536) if ready else b""
            if not chunk:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode("utf-8", "replace").strip()

    def wait_listening(self) -> None:
        """Send probes until oscdump prints one: then it is bound and reading."""
        deadline = time.monotonic() + PATIENCE
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            while time.monotonic() < deadline:
                probe.sendto(b"/probe\0\0,\0\0\0", ("127.0.0.1", self.port))
                line = self.line(0.1)
                while line is not None and "/probe" not in line:
                    line = self.line(0.1)
                if line is not None:
                    while (line := self.line(0.05)) is not None and "/probe" in line:
                        pass  # further probes still on their way
                    return
        raise AssertionError("oscdump did not start listening")

    def lines(self, until, timeout: float = PATIENCE):
        deadline = time.monotonic() + timeout
        out: list[str] = []
        while not until(out) and (line := self.line(deadline - time.monotonic())) is not None:
            if "/probe" not in line:
                out.append(line)
        return out

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def oscsend(port: int, address: str, types: str = "", *values) -> None:
    subprocess.run(["oscsend", "127.0.0.1", str(port), address, types, *map(str, values)],
                   check=True, timeout=60)


def test_oscsend_with_replies_in_oscdump(kiosk):
    reply_port = free_udp_port()
    dump = Dump(reply_port)
    try:
        dump.wait_listening()
        # one-shot senders: replies go to the registered reply port
        oscsend(kiosk.port, "/udpReplyPort", "i", reply_port)
        oscsend(kiosk.port, "/alwaysReply", "i", 1)
        oscsend(kiosk.port, "/thump")
        oscsend(kiosk.port, "/screen/demo/go", "s", "lulu")
        oscsend(kiosk.port, "/volume", "f", 0.5)
        oscsend(kiosk.port, "/mute", "T")
        oscsend(kiosk.port, "/state")
        oscsend(kiosk.port, "/go", "s", "nobody")
        replies = {}

        def seven(lines: list[str]) -> bool:
            for line in lines[sum(len(v) for v in replies.values()):]:
                match = re.match(r"^\S+ (/reply\S*) s \"(.*)\"$", line)
                if match:
                    replies.setdefault(match.group(1), []).append(json.loads(match.group(2)))
            return sum(len(v) for v in replies.values()) >= 7

        dump.lines(seven)
    finally:
        dump.close()
    assert replies["/reply/thump"][0]["data"] == "thump"
    assert replies["/reply/screen/demo/go"][0]["status"] == "ok"
    assert replies["/reply/volume"][0]["data"] == 0.5
    assert replies["/reply/mute"][0]["data"] == 1
    state = replies["/reply/state"][0]["data"]
    assert state["story"] == "lulu" and state["volume"] == 0.5 and state["muted"] is True
    assert replies["/reply/go"][0]["error"]["code"] == "unknown_story"


def test_oscdump_receives_pushes(kiosk):
    port = free_udp_port()
    dump = Dump(port)
    try:
        dump.wait_listening()
        oscsend(kiosk.port, "/udpReplyPort", "i", port)
        oscsend(kiosk.port, "/updates", "i", 1)
        oscsend(kiosk.port, "/textsize", "f", 2.0)
        lines = [line.split(" ", 1)[-1] for line in
                 dump.lines(lambda out: any(line.split(" ", 1)[-1].startswith("/textsize f 2") for line in out))]
    finally:
        dump.close()
    assert any(line.startswith("/update/screen/demo/state s") for line in lines)
    assert any(line.startswith("/textsize f 2.0") for line in lines), lines
