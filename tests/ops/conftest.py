"""Ops tests: a small project built with tests/builder.py, a headless simulated App with ops attached."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.builder import Project, exhibition_yaml, timed_story_yaml

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

# The ops tests' exhibition (live reload, schedule, statistics, service); line numbers matter to them.
OPS = "# ops tests\n" + exhibition_yaml("ops-test", ("Ops test", "運作測試"), "ops-1", ["alpha", "beta", "gamma"],
                                       "idle: {timeout: 60, warning: 20}\n") + """\
hours:
  timezone: America/Toronto
  weekly:
    tue: ["10:00-17:30"]
    wed: ["10:00-17:30"]
    thu: ["10:00-21:00"]
    fri: ["10:00-17:30"]
    sat: ["10:00-17:30"]
    sun: ["10:00-17:30"]
  closed: [2026-12-25]
stats:
  enabled: true
"""
SCENES = {"one": ("A door at night.", "夜裏的一道門。", "#283c78"), "two": ("A window at dawn.", "黎明時的一扇窗。", "#503c96"),
          "three": ("A street in snow.", "雪中的街道。", "#783cb4")}


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    """Statistics, logs and units go to the test's own folders, never the user's."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    for name in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def project(tmp_path) -> Path:
    """A small exhibition of three stories of three 2 s scenes, with opening hours and statistics; returns its
    exhibition file."""
    return ops_project(tmp_path / "project")


def ops_project(root: Path) -> Path:
    """Build the ops tests' project at root (the deploy tests use it too); returns its exhibition file."""
    built = Project(root, "config/ops.yaml")
    built.exhibition(OPS)
    for story_id in ("alpha", "beta", "gamma"):
        built.story(story_id, timed_story_yaml(
            story_id, tuple(SCENES), hold=0.5, captions=1, summary="A short test account",
            epilogue="The report gives no further details.", epilogue_zh="報告沒有提供更多細節。",
            alts=tuple((en, zh) for en, zh, _ in SCENES.values()), epilogue_last=True))
        for scene, (_, _, colour) in SCENES.items():
            built.image(f"images/{story_id}/{scene}.svg", colour, "#d8a25e", size=(320, 180))
    return built.config


def play_args(*argv: str):
    from installation.cli import build_parser

    return build_parser(["play", *argv]).parse_args(["play", *argv])


class FakeUTC:
    def __init__(self, start: datetime):
        self.t = start

    def __call__(self) -> datetime:
        return self.t

    def set(self, moment: datetime) -> None:
        self.t = moment


@pytest.fixture
def utc():
    return FakeUTC(datetime(2026, 3, 7, 16, 0, tzinfo=timezone.utc))


@pytest.fixture
def kiosk(project, utc):
    """Build an App (headless, silent, simulated clock) with installation.ops attached; closed afterwards."""
    from installation import ops
    from installation.content.load import load_library
    from installation.kiosk.app import App, Options

    made = []

    def build(*argv: str, config: Path | None = None, size=(1280, 720), broken_ok=False):
        config = config or project
        library, problems = load_library(config)
        assert library is not None and (broken_ok or not [p for p in problems if p.level == "error"]), problems
        app = App(library, Options(size=size, headless=True, simulated=True, audio=False))
        args = play_args("--headless", "--config", str(config), *argv)
        attached = ops.attach(app, args, config, now=utc)
        made.append((app, attached))
        app.step()
        return app, attached

    yield build
    for app, attached in made:
        attached.close()
        app.images.close()
        app.motion.close()
