"""The fleet file, passcodes, login limits, tiles and alerts, without a network."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from installation.fleet.alerts import Alerts
from installation.fleet.auth import LoginLimiter, check_passcode, hash_passcode
from installation.fleet.config import load_fleet
from installation.fleet.tiles import Seen, link_status, tile


def write(tmp_path, text: str):
    path = tmp_path / "fleet.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_fleet_file_and_the_issue_shape_load(tmp_path):
    from tests import REPO

    fleet, problems = load_fleet(REPO / "config" / "fleet.yaml", REPO)
    assert fleet is not None and not problems
    fleet, problems = load_fleet(write(tmp_path, """\
kiosks:
  - name: kiosk-1          # the kiosk's screen_name
    host: 10.0.20.11
    port: 53100
    groups: [triptych]
"""))
    assert not problems
    assert fleet.console.host == "127.0.0.1"  # loopback unless configured
    assert fleet.groups() == {"triptych": ["kiosk-1"]}
    assert fleet.kiosks[0].target == "10.0.20.11:53100"


def test_fleet_file_errors_say_path_and_line(tmp_path, monkeypatch):
    monkeypatch.delenv("NO_SUCH_PASSCODE_VAR", raising=False)
    path = write(tmp_path, """\
console:
  grace: 1
  heartbeat: 2
kiosks:
  - name: kiosk-1
    host: 10.0.20.11
    port: 99999
  - name: kiosk-1
    host: 10.0.20.12
  - name: kiosk-3
    host: 10.0.20.13
    passcode: "1234"
""")
    fleet, problems = load_fleet(path, tmp_path)
    assert fleet is None
    text = [str(p) for p in problems]
    assert any(t.startswith("fleet.yaml:2:") and "grace must be longer than heartbeat" in t for t in text), text
    assert any(t.startswith("fleet.yaml:7:") and "port" in t for t in text), text
    assert any(t.startswith("fleet.yaml:12:") and "unknown key 'passcode'" in t for t in text), text  # not inline
    path = write(tmp_path, """\
kiosks:
  - name: kiosk-1
    host: a
  - name: kiosk-1
    host: b
  - name: kiosk-2
    host: c
    passcode_env: NO_SUCH_PASSCODE_VAR
  - name: kiosk-3
    host: d
    passcode_file: missing.txt
""")
    fleet, problems = load_fleet(path, tmp_path)
    text = [str(p) for p in problems]
    assert fleet is None
    assert "fleet.yaml:4: error: kiosk 'kiosk-1' is listed twice (first on line 2)" in text
    assert "fleet.yaml:8: error: environment variable NO_SUCH_PASSCODE_VAR is not set" in text
    assert any(t.startswith("fleet.yaml:11: error: cannot read passcode file missing.txt") for t in text), text
    fleet, problems = load_fleet(write(tmp_path, "kiosks: [\n"), tmp_path)
    assert fleet is None and str(problems[0]).startswith("fleet.yaml:") and "YAML syntax" in str(problems[0])


def test_passcodes_by_reference(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_ONE_PASS", "4821")
    (tmp_path / "two.txt").write_text("9377\n")
    fleet, problems = load_fleet(write(tmp_path, """\
kiosks:
  - {name: one, host: a, passcode_env: KIOSK_ONE_PASS}
  - {name: two, host: b, passcode_file: two.txt}
"""), tmp_path)
    assert not problems
    assert [k.passcode for k in fleet.kiosks] == ["4821", "9377"]


def test_passcode_hash_round_trip():
    stored = hash_passcode("technician-7")
    assert stored.startswith("scrypt$") and "technician-7" not in stored
    assert check_passcode("technician-7", stored)
    assert not check_passcode("technician-8", stored)
    assert not check_passcode("x", "scrypt$broken")
    assert not check_passcode("x", None)


def test_failed_logins_are_limited_per_source_and_logged_at_a_bounded_rate(caplog):
    now = [0.0]
    limiter = LoginLimiter(attempts=3, window=60, quiet=10, clock=lambda: now[0])
    with caplog.at_level("WARNING"):
        for _ in range(3):
            assert limiter.blocked("10.0.0.5") == 0
            limiter.failed("10.0.0.5")
    assert limiter.blocked("10.0.0.5") == 60
    assert limiter.blocked("10.0.0.6") == 0  # another source is not held up
    assert len([r for r in caplog.records if "failed login" in r.getMessage()]) == 1
    now[0] = 61
    assert limiter.blocked("10.0.0.5") == 0


def test_grace_state_between_online_and_unreachable():
    seen = Seen(state={"screen": "attract"}, last_answer=100.0, since=90.0)
    assert link_status(seen, 101.0, heartbeat=1, grace=5) == "online"
    assert link_status(seen, 103.0, heartbeat=1, grace=5) == "late"
    assert link_status(seen, 106.0, heartbeat=1, grace=5) == "unreachable"
    assert link_status(Seen(since=90.0), 91.0, heartbeat=1, grace=5) == "unknown"
    assert link_status(Seen(since=90.0), 96.0, heartbeat=1, grace=5) == "unreachable"


def test_tile_words_and_fields():
    state = {"screen": "story", "story": "lulu", "scene": 2, "scenes": 5, "paused": False, "language": "zh-Hant",
             "volume": 0.6, "uptime": 3700, "version": "0.1.0", "release": "2026-12-01.3", "errors": 2}
    made = tile("k1", "h:1", ("a",), Seen(state=state, last_answer=10.0), 10.5, 1, 5)
    assert (made["status"], made["word"], made["scene"], made["release"]) == ("errors", "errors", "2 of 5", "2026-12-01.3")
    made = tile("k1", "h:1", ("a",), Seen(state=state, last_answer=10.0, errors_seen=2), 10.5, 1, 5)
    assert (made["status"], made["word"]) == ("playing", "playing")
    for changes, word in (({"blackout": True}, "blacked out"), ({"paused": True}, "paused"),
                          ({"screen": "chooser"}, "chooser"), ({"closed": True}, "closed (opening hours)")):
        made = tile("k1", "h:1", (), Seen(state=state | changes, last_answer=10.0, errors_seen=2), 10.5, 1, 5)
        assert made["word"] == word


class Hook(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        Hook.received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_alerts_banner_log_and_webhook(caplog):
    server = HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        alerts = Alerts(f"http://127.0.0.1:{server.server_port}/hook", clock=lambda: 1000.0)
        down = {"name": "k1", "target": "h:1", "status": "unreachable", "new_errors": 0}
        with caplog.at_level("INFO"):
            assert alerts.update([down])
            assert not alerts.update([down])  # once, not every second
            assert alerts.banner() == [{"kiosk": "k1", "kind": "unreachable", "message": "k1 is unreachable (h:1)",
                                        "since": 1000.0}]
            assert alerts.update([down | {"status": "attract"}])
        assert alerts.banner() == []
        assert any("fleet alert: k1 is unreachable" in r.getMessage() for r in caplog.records)
        from .conftest import wait_until

        wait_until(lambda: len(Hook.received) == 2, 60, what="two webhook POSTs")
        assert {h["event"] for h in Hook.received} == {"alert", "recovered"}
    finally:
        server.shutdown()


def test_a_kiosk_reports_its_last_error_line_and_the_tile_shows_it():
    import logging

    from installation.control.server import ErrorCounter

    counter, logger = ErrorCounter(), logging.getLogger("tests.fleet.last-error")
    logger.addHandler(counter)
    logger.propagate = False
    try:
        logger.warning("not an error")
        logger.error("image %s is missing", "images/x.svg")
    finally:
        logger.removeHandler(counter)
    assert (counter.count, counter.last) == (1, "image images/x.svg is missing")
    made = tile("k1", "h:1", (), Seen(state={"screen": "attract", "errors": 1, "last_error": counter.last},
                                      last_answer=10.0), 10.5, 1, 5)
    assert made["last_error"] == "image images/x.svg is missing" and made["status"] == "errors"
