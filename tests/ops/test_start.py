"""Start-up of the real `installation play`: the first frame comes first, then outside control and statistics; a
command sent as soon as the kiosk listens is answered, and recorded."""

from __future__ import annotations

import signal
import socket
import sqlite3
import subprocess
import sys
import time

from installation.control.client import OscClient

from .test_metrics import free_port


def first_answer(port: int, timeout: float = 120.0) -> dict:
    """Send /go until the kiosk answers (before it listens, a datagram is lost; the first one it hears counts)."""
    deadline = time.monotonic() + timeout
    with OscClient("127.0.0.1", port) as client:
        while time.monotonic() < deadline:
            reply = client.request("/go", "alpha", timeout=0.2)
            if reply is not None:
                return reply
    raise AssertionError("the kiosk never answered /go")


def test_the_first_command_a_starting_kiosk_answers_is_recorded(project, tmp_path):
    port, stats = free_port(socket.SOCK_DGRAM), tmp_path / "stats.db"
    log = open(tmp_path / "kiosk.log", "w")
    kiosk = subprocess.Popen([sys.executable, "-m", "installation", "play", "--headless", "--no-watch", "--config",
                              str(project), "--osc-port", str(port), "--stats", str(stats)],
                             stdout=log, stderr=subprocess.STDOUT)
    try:
        assert first_answer(port)["status"] == "ok"
    finally:
        kiosk.send_signal(signal.SIGTERM)  # a clean stop flushes the statistics
        kiosk.wait(timeout=60)
        log.close()
    with sqlite3.connect(stats) as db:
        started = db.execute("SELECT story FROM events WHERE event = 'story_started'").fetchall()
    assert started == [("alpha",)]
    assert "Traceback" not in (tmp_path / "kiosk.log").read_text()
