"""Logs an unattended kiosk can keep: one line per event, no tracebacks, repeats limited, rotating files."""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import subprocess
import sys

import pytest

from installation.cli import main
from installation.ops import logs, paths

from tests import REPO


@pytest.fixture
def root_logger():
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    root.handlers = []
    yield root
    for handler in root.handlers:
        handler.close()
    root.handlers, root.level = saved


def test_file_logs_are_one_line_each_and_repeats_are_limited(root_logger, tmp_path, capsys):
    path = logs.setup(to_file=True, level=logging.INFO)
    assert path == paths.log_dir() / "kiosk.log" and str(tmp_path / "state") in str(path)
    log = logging.getLogger("installation.test")
    try:
        raise FileNotFoundError(2, "No such file or directory", "media/images/x.svg")
    except OSError:
        log.exception("image %s: cannot load", "x.svg")
    log.warning("two\nlines")
    for _ in range(40):
        log.warning("narration %s cannot be played", "a.wav")
    for handler in root_logger.handlers:
        handler.flush()
    lines = path.read_text().splitlines()
    assert "Traceback" not in path.read_text()
    assert re.search(r"ERROR installation.test: image x.svg: cannot load \[FileNotFoundError: \[Errno 2\] No such "
                     r"file or directory: 'media/images/x.svg' at test_logs.py:\d+ in "
                     r"test_file_logs_are_one_line_each_and_repeats_are_limited\]$", lines[0]), lines[0]
    assert lines[1].endswith("WARNING installation.test: two | lines")
    repeats = [line for line in lines if "narration a.wav" in line]
    assert len(repeats) == logs.REPEAT_LIMIT and repeats[-1].endswith("(repeating; further repeats are counted)")
    assert main(["logs", "-n", "3"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_repeats_are_summarised_after_the_window():
    clock = [0.0]
    repeat = logs.RepeatFilter(window=60, limit=2, clock=lambda: clock[0])
    record = lambda: logging.LogRecord("x", logging.WARNING, __file__, 1, "same %s", ("thing",), None)  # noqa: E731
    assert [repeat.filter(record()) for _ in range(5)] == [True, True, False, False, False]
    clock[0] = 61
    later = record()
    assert repeat.filter(later) and later.getMessage() == "same thing (and 3 more like it in the last 60 s)"


def test_logs_rotate(root_logger, tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    path = logs.setup(to_file=True, level=logging.INFO)
    for index in range(200):
        logging.getLogger("installation.test").info("event number %d with some words to fill the line", index)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files[:3] == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"] and len(files) == 1 + logs.BACKUPS
    assert logs.tail(path, 2)[-1].endswith("event number 199 with some words to fill the line")


def test_under_journald_every_line_carries_its_priority(project, tmp_path):
    """A scripted kiosk run with JOURNAL_STREAM set (as under systemd) writes one prefixed line per event to stdout."""
    script = tmp_path / "visit.yaml"
    script.write_text("- command: begin\n- command: [go, alpha]\n- wait: 1\n")
    (project.parents[1] / "media" / "images" / "alpha" / "one.svg").write_text("<svg broken")
    env = dict(os.environ, JOURNAL_STREAM="8:12345", PYTHONPATH=str(REPO), SDL_VIDEODRIVER="dummy",
               SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    done = subprocess.run([sys.executable, "-m", "installation", "play", "--headless", "--config", str(project),
                           "--script", str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines and all(line[:3] in ("<6>", "<4>", "<3>", "<7>") for line in lines), lines
    assert any(line.startswith("<4>WARNING installation.kiosk.images: image ") and "placeholder" in line
               for line in lines), lines
    assert "Traceback" not in done.stdout + done.stderr
    assert not (tmp_path / "state" / "installation" / "logs").exists()  # journald keeps them, not files
