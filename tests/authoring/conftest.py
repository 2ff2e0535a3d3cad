"""Fixtures for the narration builder: a tiny project with one story of two scenes."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from tests import REPO
from tests.builder import Project

if str(REPO) not in sys.path:  # so the tests run without installing the package
    sys.path.insert(0, str(REPO))

STORY = textwrap.dedent(
    """\
    id: demo
    kind: voice
    name: {en: "Demo", zh-Hant: "Demo"}
    place: {en: "Toronto", zh-Hant: "多倫多"}
    content_notes:
      en: ["a test note"]
      zh-Hant: ["測試"]
    scenes:
      - id: one
        illustration: images/demo/one.svg
        alt: {en: "A room.", zh-Hant: "一個房間。"}
        captions:
          en:
            - "She had made a home in the city over five years."
            - "She had friends and work she believed in."
          zh-Hant:
            - "她在這個城市生活了五年。"
            - "她有朋友，也有她相信的工作。"
      - id: two
        illustration: images/demo/two.svg
        alt: {en: "A door.", zh-Hant: "一扇門。"}
        captions:
          en:
            - "Then one night the doorbell rang."
          zh-Hant:
            - "然後有一晚，門鐘響了。"
    epilogue:
      en: ["The end."]
      zh-Hant: ["完。"]
    """
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    built = Project(tmp_path)
    built.story("demo", STORY)
    (tmp_path / "media").mkdir()
    return tmp_path


@pytest.fixture(autouse=True)
def espeak_unless_neural(request, monkeypatch):
    """The builder's tests speak with eSpeak NG (seconds); those marked `neural` use piper's voice (slow on a busy
    machine). The engine is chosen when the build is planned, in this process, so worker processes follow it."""
    if request.node.get_closest_marker("neural") is None:
        from installation.authoring import neural

        monkeypatch.setattr(neural, "available", lambda: False)
