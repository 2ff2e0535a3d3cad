"""`installation send`, `installation monitor`, `play --osc-*` and the exhibition's osc: section."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import yaml

from installation.cli import main

from tests import REPO

from .conftest import PATIENCE

PATIENT = ["--timeout", str(PATIENCE)]  # a busy machine may answer late; a later --timeout wins


def test_send_prints_replies_and_exit_codes(kiosk, capsys):
    port = str(kiosk.port)
    assert main(["send", *PATIENT, "--port", port, "/thump"]) == 0
    assert capsys.readouterr().out.strip() == "thump"
    assert main(["send", *PATIENT, "--port", port, "/go", "lulu"]) == 0
    assert capsys.readouterr().out.strip() == "ok"
    assert main(["send", *PATIENT, "--port", port, "--tcp", "/state"]) == 0
    assert json.loads(capsys.readouterr().out)["story"] == "lulu"
    assert main(["send", *PATIENT, "--port", port, "/volume", "0.3"]) == 0
    assert capsys.readouterr().out.strip() == "0.3"
    assert main(["send", *PATIENT, "--port", port, "--types", "s", "/language", "zh-Hant"]) == 0
    assert main(["send", *PATIENT, "--port", port, "/go", "nobody"]) == 1
    assert "unknown_story" in capsys.readouterr().err
    assert main(["send", *PATIENT, "--port", port, "--timeout", "0.3", "/screen/elsewhere/thump"]) == 2
    assert main(["send", *PATIENT, "--port", port, "--json", "/version"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "ok"


def test_send_with_passcode(make_kiosk, capsys):
    kiosk = make_kiosk(passcodes={"control": "abc"})
    port = str(kiosk.port)
    assert main(["send", *PATIENT, "--port", port, "/stop"]) == 1
    assert "denied" in capsys.readouterr().err
    assert main(["send", *PATIENT, "--port", port, "--passcode", "nope", "/stop"]) == 1
    assert main(["send", *PATIENT, "--port", port, "--passcode", "abc", "/stop"]) == 0


def test_send_as_a_separate_process(kiosk):
    done = subprocess.run([sys.executable, "-m", "installation", "send", *PATIENT, "--port", str(kiosk.port), "/stories"],
                          capture_output=True, text=True, timeout=120, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert [s["id"] for s in json.loads(done.stdout)] == ["lulu", "bo-bo"]


def test_monitor_once(make_kiosk, capsys):
    one, two = make_kiosk(), make_kiosk()
    one.app.post(__import__("installation.show.commands", fromlist=["make"]).make("go", "bo-bo"))
    assert one.wait_for(lambda s: s["story"] == "bo-bo")
    assert main(["monitor", "--once", "--timeout", str(PATIENCE), f"127.0.0.1:{one.port}", f"localhost:{two.port}"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:4] == ["TARGET", "NAME", "SCREEN", "STORY"]
    assert any("bo-bo" in line and "story" in line for line in out[1:])
    assert any(f":{two.port}" in line and "attract" in line for line in out[1:])
    assert main(["monitor", "--once", "--timeout", "0.3", "127.0.0.1:9"]) == 2


def test_monitor_says_when_a_screen_is_closed_or_silent():
    from installation.control.monitor import row

    closed = {"name": "kiosk-2", "screen": "attract", "closed": True, "volume": 0.8}
    assert row("10.0.0.2:9000", closed, seen=100.0, now=101.0)[2] == "closed"  # opening hours: dark on purpose
    assert row("10.0.0.2:9000", closed, seen=100.0, now=130.0)[2] == "SILENT"  # no news for 30 s
    assert row("10.0.0.3:9000", None, seen=None, now=130.0)[2] == "no reply"


def test_monitor_follows_pushes(kiosk, capsys, monkeypatch):
    from installation.control import monitor
    from installation.show.commands import make

    drawn: list[str] = []
    stopped: list[str] = []
    table = monitor.table

    def watching(rows):
        """The monitor draws a table: once it shows the attract screen, a story starts; once it shows the story,
        the technician presses Ctrl+C."""
        text = table(rows)
        if len(drawn) == 0 and "attract" in text:
            kiosk.app.post(make("go", "lulu"))
        drawn.append(text)
        if "lulu" in text and not stopped:
            stopped.append(text)
            raise KeyboardInterrupt
        return text

    monkeypatch.setattr(monitor, "table", watching)
    assert main(["monitor", "--duration", "60", f"127.0.0.1:{kiosk.port}"]) == 0
    out = capsys.readouterr().out
    tables = out.split("\n\n")
    assert any("attract" in t for t in tables) and "lulu" in tables[-1], tables


def test_exhibition_osc_section(tmp_path):
    from installation.content.load import load_library

    data = yaml.safe_load((REPO / "config" / "demo.yaml").read_text(encoding="utf-8"))
    data["osc"] = {"port": 0, "allow": ["127.0.0.0/8", "192.168.1.0/24"], "passcodes": {"edit": "s3cret"},
                   "rate_limit": 50, "min_go_interval": 2}
    (tmp_path / "config").mkdir()
    for name in ("stories", "media"):
        (tmp_path / name).symlink_to(REPO / name)
    config = tmp_path / "config" / "osc.yaml"
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    library, problems = load_library(config)
    assert library is not None, problems
    osc = library.exhibition.osc
    assert osc.port == 0 and osc.passcodes.edit == "s3cret" and osc.host == "127.0.0.1"

    data["osc"] = {"port": 0, "colour": "red"}
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    library, problems = load_library(config)
    assert library is None and any("colour" in str(p) for p in problems)
    data["osc"] = {"allow": ["not-a-network"]}
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    library, problems = load_library(config)
    assert library is None and any("CIDR" in str(p) for p in problems)


def test_attach_from_play_arguments(monkeypatch):
    from installation.content.load import load_library
    from installation.control import attach
    from installation.control.client import OscClient
    from installation.kiosk import play
    from installation.kiosk.app import App, Options

    parser = argparse.ArgumentParser()
    play.add_arguments(parser)
    library, _ = load_library(REPO / "config" / "demo.yaml")
    app = App(library, Options(size=(320, 180), headless=True, audio=False, simulated=True))
    try:
        assert attach(app, parser.parse_args([])) is None  # demo.yaml has no osc: section
        assert attach(app, parser.parse_args(["--osc-port", "0", "--no-osc"])) is None
        server = attach(app, parser.parse_args(["--osc-port", "0", "--osc-allow", "10.0.0.0/8"]))
        try:
            assert server.port > 0 and "10.0.0.0/8" in server.settings.allow
            with OscClient("127.0.0.1", server.port) as client:
                client.send("/thump")
                assert client.wait_reply("/thump", PATIENCE)["data"] == "thump"
        finally:
            server.close()
    finally:
        app.close()
