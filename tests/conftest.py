"""Shared test fixtures: headless SDL, a tiny project on disk, a fake clock."""

from __future__ import annotations

import os
from pathlib import Path

import hypothesis
import pytest

from tests.builder import Project, exhibition_yaml, timed_story_yaml, write_tone, write_vtt

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


# Property-based tests run the same examples every time, so CI is never red by chance; search new ones with
# HYPOTHESIS_PROFILE=explore (and FUZZ_EXAMPLES=N for the story-file fuzzer).
hypothesis.settings.register_profile("ci", derandomize=True, database=None)
hypothesis.settings.register_profile("explore", derandomize=False)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

def make_project(root: Path) -> Path:
    """A two-story project: every scene 8 s in English (10 s in Chinese) plus a 1 s hold."""
    project = Project(root, "config/tiny.yaml")
    project.exhibition(exhibition_yaml("tiny", ("Tiny show", "小展覽"), "tiny-1", ["alpha", "beta"],
                                       "idle: {timeout: 60, warning: 20}\n"))
    for story_id, (bg, fg) in {"alpha": ("#20304a", "#d8a25e"), "beta": ("#3a2030", "#9fb8d8")}.items():
        project.story(story_id, timed_story_yaml(story_id))
        for index in (1, 2):
            project.image(f"images/{story_id}/s{index}.svg", bg, fg)
    return project.config


@pytest.fixture
def tiny_config(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture
def library(tiny_config: Path):
    from installation.content.load import load_library

    lib, problems = load_library(tiny_config)
    assert lib is not None and not [p for p in problems if p.level == "error"], problems
    return lib


@pytest.fixture
def described_alpha(library):
    """What `media build` makes for audio description of alpha's first scene in English: 12 s, description first."""
    folder = library.root / "media" / "narration" / "alpha"
    write_tone(folder / "s1.en.ad.wav", 12.0, lufs=None)
    write_vtt(folder / "s1.en.ad.vtt", [(0.25, 3.0, "A door at night."), (3.5, 7.0, "Scene 1, first caption."),
                                        (7.5, 11.5, "Scene 1, second caption.")])
    return library


@pytest.fixture(scope="module")
def decode_once():
    """The module's tests share each illustration's decoded pixels (tests/decoded.py)."""
    from tests.decoded import decoded_once

    with decoded_once():
        yield


@pytest.fixture
def clock():
    from installation.show.clock import SimClock

    return SimClock(100.0)
