"""The demo exhibition end to end through `installation play --headless --script`, as a technician runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests import REPO



def play(tmp_path: Path, script: str, *extra: str) -> subprocess.CompletedProcess:
    steps = tmp_path / "steps.yaml"
    steps.write_text(script, encoding="utf-8")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run(
        [sys.executable, "-m", "installation", "play", "--headless", "--config", str(REPO / "config/demo.yaml"),
         "--script", str(steps), *extra],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120,
    )


def test_demo_runs_end_to_end_in_both_languages(tmp_path):
    script = """
- state: s/attract.json
- tap: [500, 500]
- state: s/chooser.json
- key: return
- state: s/note.json
- key: return
- wait: 1
- state: s/story.json
- wait: 30
- state: s/end.json
- key: return
- key: l
- key: right
- key: return
- key: return
- wait: 2
- screenshot: s/story-zh.png
- state: s/story-zh.json
- wait: 50
- state: s/end-zh.json
"""
    result = play(tmp_path, script, "--resolution", "1280x720")
    assert result.returncode == 0, result.stderr
    state = {p.stem: json.loads(p.read_text()) for p in (tmp_path / "s").glob("*.json")}
    assert state["attract"]["screen"] == "attract"
    assert state["chooser"]["screen"] == "chooser"
    assert (state["note"]["screen"], state["note"]["story"]) == ("note", "lulu")
    assert (state["story"]["screen"], state["story"]["scene"], state["story"]["language"]) == ("story", 1, "en")
    assert state["story"]["position"] > 0.5
    assert (state["end"]["screen"], state["end"]["early_exit"]) == ("end", False)
    assert (state["story-zh"]["story"], state["story-zh"]["language"]) == ("bo-bo", "zh-Hant")
    assert (state["end-zh"]["screen"], state["end-zh"]["story"]) == ("end", "bo-bo")
    assert (tmp_path / "s/story-zh.png").stat().st_size > 10_000
    assert "Traceback" not in result.stderr


def test_script_mistakes_are_reported_with_lines_and_nothing_runs(tmp_path):
    result = play(tmp_path, "- wait: 1\n- tap: [1]\n- key: nosuchkey\n- dance: 3\n- screenshot: x.png\n")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if "steps.yaml" in line]
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in lines] == ["2", "3", "4"]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_quit_ends_the_script_run(tmp_path):
    script = """
- command: begin
- state: s/before.json
- command: quit
- command: open lulu
- state: s/after.json
"""
    result = play(tmp_path, script)
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "s/before.json").read_text())["screen"] == "chooser"
    assert not (tmp_path / "s/after.json").exists()  # the steps after quit did not run
    assert "Traceback" not in result.stderr


def test_a_refused_command_is_reported_with_its_line_and_the_run_goes_on(tmp_path):
    result = play(tmp_path, "- command: begin\n- command: go nobody\n- state: s.json\n")
    assert result.returncode == 0, result.stderr
    assert "script line 2: go nobody refused (unknown_story): no playable story 'nobody'" in result.stderr
    assert json.loads((tmp_path / "s.json").read_text())["screen"] == "chooser"


def test_the_kiosks_own_commands_are_not_for_scripts(tmp_path):
    result = play(tmp_path, "- command: new_content\n")
    assert result.returncode == 2
    assert "steps.yaml:1: error: 'new_content' is the kiosk's own command, not one for scripts" in result.stderr


def test_commands_are_written_as_a_list_or_as_one_line(tmp_path):
    from installation.kiosk.script import command_parts, parse

    steps = tmp_path / "steps.yaml"
    steps.write_text("- command: open lulu\n- command: [language, zh-Hant]\n- command: fly away\n- command: ''\n",
                     encoding="utf-8")
    parsed, problems = parse(steps)
    assert [(p.line, p.message) for p in problems] == [(3, "unknown command 'fly'"), (4, "unknown command ''")]
    assert command_parts("open lulu") == ["open", "lulu"] and command_parts(["language", "zh-Hant"]) == ["language", "zh-Hant"]


def test_preview_opens_straight_at_a_scene_in_a_language(tmp_path):
    result = play(tmp_path, "- state: s.json\n", "--story", "bo-bo", "--scene", "2", "--language", "zh-Hant")
    assert result.returncode == 0, result.stderr
    state = json.loads((tmp_path / "s.json").read_text())
    assert (state["screen"], state["story"], state["scene"], state["language"]) == ("story", "bo-bo", 2, "zh-Hant")


def test_preview_of_an_unknown_story_is_a_clear_error(tmp_path):
    result = play(tmp_path, "- wait: 1\n", "--story", "nobody")
    assert result.returncode == 2
    assert "--story: no playable story 'nobody'" in result.stderr and "Traceback" not in result.stderr


def test_sigterm_stops_the_kiosk_cleanly(tmp_path):
    """systemd stops the service with SIGTERM; kiosk mode ignores window-close, but not this."""
    import signal
    import time

    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    proc = subprocess.Popen([sys.executable, "-m", "installation", "play", "--headless", "--config",
                             str(REPO / "config/demo.yaml")], cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        for line in proc.stderr:
            if "OSC" in line or time.monotonic() > deadline:  # logged once the kiosk is up
                break
        assert proc.poll() is None
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0  # the timeout only guards against a hang
    finally:
        if proc.poll() is None:
            proc.kill()
