"""Visitor statistics from a scripted visit, and the report built from them."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pygame

from installation.kiosk.script import Runner, Step
from installation.ops import report, stats
from installation.show.state import Effect
from tests import REPO

VISIT = [
    ("wait", 1), ("command", "begin"),
    ("command", ["open", "alpha"]), ("command", "continue"), ("wait", 9),   # alpha: 3 scenes × 2.5 s, completed
    ("command", "continue"),                                             # end card → chooser
    ("command", ["open", "beta"]), ("command", "decline"),               # content note declined
    ("command", ["text_size", 1.5]), ("command", ["language", "zh-Hant"]),
    ("command", ["go", "gamma"]), ("command", ["description", 1]),       # gamma: audio description on,
    ("wait", 3), ("command", "home"),                                    # left early in scene 2
    ("wait", 1),
]


def steps(items):
    return [Step(kind, value, line) for line, (kind, value) in enumerate(items, 1)]


def rows(path: Path) -> list[dict]:
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in db.execute("SELECT * FROM events ORDER BY id")]
    finally:
        db.close()


def visit(kiosk, utc, db: Path, kiosk_name_hour=(2026, 3, 7, 16, 20)) -> list[dict]:
    utc.set(datetime(*kiosk_name_hour, tzinfo=timezone.utc))
    app, ops = kiosk("--stats", str(db))
    assert ops.recorder is not None
    Runner(app).run(steps(VISIT))
    ops.recorder.flush()
    return rows(db)


def test_a_scripted_visit_is_recorded_anonymously(kiosk, utc, tmp_path):
    db = tmp_path / "kiosk-1.sqlite3"
    events = visit(kiosk, utc, db)
    seen = [(e["event"], e["story"], e["scene"], e["language"], e["text_size"]) for e in events]
    assert seen == [
        ("session_started", None, None, None, None),
        ("story_started", "alpha", None, "en", 1.0),
        ("scene_reached", "alpha", 1, "en", None),
        ("scene_reached", "alpha", 2, "en", None),
        ("scene_reached", "alpha", 3, "en", None),
        ("story_completed", "alpha", None, None, None),
        ("note_declined", "beta", None, None, None),
        ("text_size", None, None, None, 1.5),
        ("language", None, None, "zh-Hant", None),
        ("story_started", "gamma", None, "zh-Hant", 1.5),
        ("scene_reached", "gamma", 1, "zh-Hant", None),
        ("description_on", "gamma", None, None, None),  # the scene restarts, but is not reached twice
        ("scene_reached", "gamma", 2, "zh-Hant", None),
        ("left_early", "gamma", 2, None, None),
    ]
    # a coarse local timestamp only: 16:20 UTC on 7 March is 11 o'clock in Toronto (EST)
    assert {(e["day"], e["hour"], e["kiosk"], e["exhibition"]) for e in events} == {("2026-03-07", 11, "ops-1", "ops-test")}
    db_conn = sqlite3.connect(db)
    columns = [row[1] for row in db_conn.execute("PRAGMA table_info(events)")]
    assert columns == ["id", *stats.COLUMNS]  # no session id, no positions, no exact times
    assert db_conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_idle_reset_is_recorded_and_unknown_fields_are_not(kiosk, utc, tmp_path):
    db = tmp_path / "s.sqlite3"
    app, ops = kiosk("--stats", str(db))
    assert ops.recorder.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    runner = Runner(app)
    runner.run(steps([("command", "begin"), ("wait", 85)]))  # 60 s idle + 20 s warning
    assert app.show.state.screen == "attract"
    ops.recorder(Effect("stat", {"event": "story_started", "story": "alpha", "visitor": "someone", "x": 3}))
    ops.recorder(Effect("stat", {"event": "tap_position", "x": 10}))  # not an event we keep
    ops.recorder.flush()
    events = rows(db)
    assert [e["event"] for e in events] == ["session_started", "idle_reset", "story_started"]
    assert events[1]["screen"] == "chooser"


def test_writes_stay_off_the_render_path(tmp_path):
    """While another connection holds the database locked, recording still returns; the events land later."""
    db = tmp_path / "locked.sqlite3"
    recorder = stats.Recorder(db, "k", "x", batch_seconds=0.05)
    try:
        blocker = sqlite3.connect(db, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        for _ in range(200):
            recorder(Effect("stat", {"event": "session_started"}))
        assert recorder.written == 0 and recorder.failures == 0  # every call returned while the lock is held
        blocker.execute("COMMIT")
        blocker.close()
        assert recorder.flush(60)
        assert len(rows(db)) == 200
    finally:
        recorder.close()


def test_committed_events_survive_a_killed_kiosk(tmp_path):
    db = tmp_path / "k.sqlite3"
    code = (
        "import os, sys; from installation.ops.stats import Recorder; from installation.show.state import Effect\n"
        f"r = Recorder({str(db)!r}, 'k', 'x')\n"
        "for _ in range(50): r(Effect('stat', {'event': 'session_started'}))\n"
        "r.flush(); os.kill(os.getpid(), 9)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=60)
    assert done.returncode == -9
    assert len(rows(db)) == 50


def test_an_event_is_committed_without_waiting_for_more_and_survives_kill_9(tmp_path):
    """The writer commits as soon as its queue is empty. Here batch_seconds is an hour: a writer that waited for a
    batch to fill (as it did, for 2 s) would hold these events in memory until the kill."""
    db = tmp_path / "k.sqlite3"
    code = (
        "import sys, time; from installation.ops.stats import Recorder; from installation.show.state import Effect\n"
        f"r = Recorder({str(db)!r}, 'k', 'x', batch_seconds=3600)\n"
        "for _ in range(5): r(Effect('stat', {'event': 'session_started'}))\n"
        "print('recorded', flush=True); time.sleep(600)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "recorded"
        deadline = time.monotonic() + 60  # a generous bound: it takes one commit (milliseconds)
        while time.monotonic() < deadline and (not db.exists() or len(committed(db)) < 5):
            time.sleep(0.02)
    finally:
        child.kill()
        child.wait(30)
    assert child.returncode == -9
    assert len(rows(db)) == 5


def committed(path: Path) -> list[tuple]:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return db.execute("SELECT id FROM events").fetchall()
        finally:
            db.close()
    except sqlite3.Error:  # not created yet
        return []


def read_csv(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_report_from_two_kiosks(kiosk, utc, tmp_path):
    first, second = tmp_path / "kiosk-1.sqlite3", tmp_path / "kiosk-2.sqlite3"
    visit(kiosk, utc, first)
    visit(kiosk, utc, second, (2026, 3, 8, 19, 5))  # the next day, 15:05 in Toronto (EDT)
    out = tmp_path / "report"
    from installation.cli import main

    assert main(["report", "--db", str(first), str(second), str(first), "-o", str(out)]) == 0
    stories = {r["story"]: r for r in read_csv(out / "stories.csv")}
    assert stories["alpha"] == dict(story="alpha", started="2", completed="2", left_early="0", declined="0",
                                    idle_resets="0", described="0", completion_rate="1.00")
    assert stories["gamma"]["started"] == "2" and stories["gamma"]["left_early"] == "2"
    assert stories["gamma"]["described"] == "2"
    assert stories["beta"]["declined"] == "2" and stories["beta"]["started"] == "0"
    leaving = [r for r in read_csv(out / "leaving.csv") if r["story"] == "gamma"]
    assert leaving == [dict(story="gamma", scene="1", reached="2", left="0"),
                       dict(story="gamma", scene="2", reached="2", left="2")]
    assert read_csv(out / "languages.csv") == [dict(language="en", stories_started="2", switched_to="0"),
                                               dict(language="zh-Hant", stories_started="2", switched_to="2")]
    hours = {r["hour"]: r["sessions"] for r in read_csv(out / "hours.csv")}
    assert (hours["11"], hours["15"], sum(map(int, hours.values()))) == ("1", "1", 2)
    assert [r["day"] for r in read_csv(out / "days.csv")] == ["2026-03-07", "2026-03-08"]
    assert read_csv(out / "text_sizes.csv") == [dict(text_size="1", stories_started="2", chosen="0"),
                                                dict(text_size="1.5", stories_started="2", chosen="2")]
    assert [r["sessions"] for r in read_csv(out / "kiosks.csv")] == ["2"]  # same kiosk name, two databases
    for name in ("stories", "leaving", "languages", "hours"):
        png = out / f"{name}.png"
        assert png.stat().st_size > 8_000
        width, height = pygame.image.load(str(png)).get_size()
        assert 500 <= width <= 2500 and 250 <= height <= 2000
        assert f"({name}.png)" in (out / "report.md").read_text()
        assert f"src='{name}.png'" in (out / "index.html").read_text()
    summary = (out / "report.md").read_text()
    assert "Stories started: 4, completed: 2 (50%)" in summary
    assert "gamma, scene 2 (2)" in summary
    assert "Audio description turned on during a story: 2 times." in summary


def test_report_since_and_bad_databases(kiosk, utc, tmp_path, capsys):
    db = tmp_path / "a.sqlite3"
    visit(kiosk, utc, db)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    out = tmp_path / "r"
    data, written = report.build([db, junk, tmp_path / "missing.sqlite3"], out, since=datetime(2026, 3, 8).date())
    assert data.events == [] and len(data.sources) == 1
    assert any("junk.sqlite3: not a statistics database" in p for p in data.problems)
    assert any("missing.sqlite3: no such database" in p for p in data.problems)
    assert read_csv(out / "stories.csv") == []
    assert (out / "leaving.png").stat().st_size > 2_000  # an empty chart says so instead of failing
