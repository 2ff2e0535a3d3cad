"""Interop with liblo's command-line tools (Debian liblo-tools): oscsend in, replies caught by oscdump."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time

import pytest

from .conftest import free_udp_port

pytestmark = pytest.mark.skipif(not shutil.which("oscsend") or not shutil.which("oscdump"),
                                reason="needs liblo-tools (apt-get install liblo-tools)")


def oscsend(port: int, address: str, types: str = "", *values) -> None:
    subprocess.run(["oscsend", "127.0.0.1", str(port), address, types, *map(str, values)],
                   check=True, timeout=5)


def test_oscsend_with_replies_in_oscdump(kiosk):
    reply_port = free_udp_port()
    dump = subprocess.Popen(["oscdump", "-L", str(reply_port)], stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(0.2)
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
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and len(replies) < 7:
            line = dump.stdout.readline()
            match = re.match(r"^\S+ (/reply\S*) s \"(.*)\"$", line.strip())
            if match:
                replies.setdefault(match.group(1), []).append(json.loads(match.group(2)))
    finally:
        dump.terminate()
        dump.wait(5)
    assert replies["/reply/thump"][0]["data"] == "thump"
    assert replies["/reply/screen/demo/go"][0]["status"] == "ok"
    assert replies["/reply/volume"][0]["data"] == 0.5
    assert replies["/reply/mute"][0]["data"] == 1
    state = replies["/reply/state"][0]["data"]
    assert state["story"] == "lulu" and state["volume"] == 0.5 and state["muted"] is True
    assert replies["/reply/go"][0]["error"]["code"] == "unknown_story"


def test_oscdump_receives_pushes(kiosk):
    port = free_udp_port()
    dump = subprocess.Popen(["oscdump", "-L", str(port)], stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(0.2)
        oscsend(kiosk.port, "/udpReplyPort", "i", port)
        oscsend(kiosk.port, "/updates", "i", 1)
        oscsend(kiosk.port, "/textsize", "f", 2.0)
        lines = []
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and not any(line.startswith("/textsize f 2") for line in lines):
            lines.append(dump.stdout.readline().strip().split(" ", 1)[-1])
    finally:
        dump.terminate()
        dump.wait(5)
    assert any(line.startswith("/update/screen/demo/state s") for line in lines)
    assert any(line.startswith("/textsize f 2.0") for line in lines), lines
