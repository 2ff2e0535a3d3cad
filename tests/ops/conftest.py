"""Ops tests: a temporary copy of a small project (tests/ops/fixture), a headless simulated App with ops attached."""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

FIXTURE = Path(__file__).resolve().parent / "fixture"


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    """Statistics, logs and units go to the test's own folders, never the user's."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    for name in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh copy of the fixture project; returns its exhibition file."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    return root / "config" / "ops.yaml"


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
