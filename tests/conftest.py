"""Shared test fixtures: headless SDL, a tiny project on disk, a fake clock."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import hypothesis
import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


# Property-based tests run the same examples every time, so CI is never red by chance; search new ones with
# HYPOTHESIS_PROFILE=explore (and FUZZ_EXAMPLES=N for the story-file fuzzer).
hypothesis.settings.register_profile("ci", derandomize=True, database=None)
hypothesis.settings.register_profile("explore", derandomize=False)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080" viewBox="0 0 1920 1080">
<rect width="1920" height="1080" fill="{bg}"/><circle cx="960" cy="540" r="300" fill="{fg}"/></svg>"""

EXHIBITION = """\
id: tiny
title: {en: "Tiny show", zh-Hant: "小展覽"}
screen_name: tiny-1
playlist: [alpha, beta]
languages: [en, zh-Hant]
default_language: en
idle: {timeout: 60, warning: 20}
resources:
  title: {en: "Support", zh-Hant: "支援"}
  lines:
    en: ["Butterfly: butterflysw.org"]
    zh-Hant: ["蝴蝶：butterflysw.org"]
"""


def story_yaml(story_id: str, scenes: int = 2, hold: float = 1.0) -> str:
    parts = [f"""\
id: {story_id}
kind: story
name: {{en: "{story_id.title()}", zh-Hant: "{story_id.title()}"}}
place: {{en: "Toronto, Ontario", zh-Hant: "安大略省多倫多"}}
content_notes:
  en: ["immigration detention"]
  zh-Hant: ["移民拘留"]
epilogue:
  en: ["She was deported."]
  zh-Hant: ["她被遣返。"]
scenes:
"""]
    for index in range(scenes):
        parts.append(textwrap.indent(f"""\
- id: s{index + 1}
  illustration: images/{story_id}/s{index + 1}.svg
  alt: {{en: "A door at night.", zh-Hant: "夜裏的一道門。"}}
  hold: {hold}
  captions:
    en:
      - {{text: "Scene {index + 1}, first caption.", start: 0.0, end: 4.0}}
      - {{text: "Scene {index + 1}, second caption.", start: 4.0, end: 8.0}}
    zh-Hant:
      - {{text: "第{index + 1}幕，第一句。", start: 0.0, end: 5.0}}
      - {{text: "第{index + 1}幕，第二句。", start: 5.0, end: 10.0}}
""", "  "))
    return "".join(parts)


def make_project(root: Path) -> Path:
    """A two-story project: every scene 8 s in English (10 s in Chinese) plus a 1 s hold."""
    (root / "config").mkdir(parents=True)
    (root / "config" / "tiny.yaml").write_text(EXHIBITION, encoding="utf-8")
    colours = {"alpha": ("#20304a", "#d8a25e"), "beta": ("#3a2030", "#9fb8d8")}
    for story_id, (bg, fg) in colours.items():
        (root / "stories").mkdir(exist_ok=True)
        (root / "stories" / f"{story_id}.yaml").write_text(story_yaml(story_id), encoding="utf-8")
        images = root / "media" / "images" / story_id
        images.mkdir(parents=True)
        for index in (1, 2):
            (images / f"s{index}.svg").write_text(SVG.format(bg=bg, fg=fg), encoding="utf-8")
    return root / "config" / "tiny.yaml"


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
    from .content.project import write_vtt, write_wav

    folder = library.root / "media" / "narration" / "alpha"
    write_wav(folder / "s1.en.ad.wav", 12.0, lufs=None)
    write_vtt(folder / "s1.en.ad.vtt", [(0.25, 3.0, "A door at night."), (3.5, 7.0, "Scene 1, first caption."),
                                        (7.5, 11.5, "Scene 1, second caption.")])
    return library


@pytest.fixture
def clock():
    from installation.show.clock import SimClock

    return SimClock(100.0)
