"""A small project on disk for the linter and the storyboard: YAML, SVG illustrations, narration WAV + WebVTT.

Narration is a quiet sine tone normalised to the loudness target, with one WebVTT cue per caption item, built
here (no speech synthesis), so the tests are fast and need no `installation media build`.
"""

from __future__ import annotations

import functools
import math
import wave
from pathlib import Path

RATE = 22050

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080" viewBox="0 0 1920 1080">
<rect width="1920" height="1080" fill="{bg}"/><circle cx="960" cy="540" r="300" fill="{fg}"/></svg>"""

EXHIBITION = """\
id: small
title: {en: "Small show", zh-Hant: "小展覽"}
screen_name: small-1
playlist: [alpha, beta]
languages: [en, zh-Hant]
default_language: en
resources:
  title: {en: "Support", zh-Hant: "支援"}
  lines:
    en: ["Butterfly: butterflysw.org"]
    zh-Hant: ["蝴蝶：butterflysw.org"]
"""

# Two scenes, two captions each, in both languages (line numbers matter to the tests: see test_check.py).
STORY = """\
id: {id}
kind: story
name: {{en: "{name}", zh-Hant: "{name}"}}
place: {{en: "Toronto", zh-Hant: "多倫多"}}
content_notes:
  en: ["immigration detention"]
  zh-Hant: ["移民拘留"]
epilogue:
  en: ["She was deported."]
  zh-Hant: ["她被遣返。"]
scenes:
  - id: door
    illustration: images/{id}/door.svg
    alt: {{en: "A door at night.", zh-Hant: "夜裏的一道門。"}}
    captions:
      en:
        - "She lived in Toronto."
        - "One night the police came."
      zh-Hant:
        - "她住在多倫多。"
        - "一天晚上，警察來了。"
  - id: cell
    illustration: images/{id}/cell.svg
    alt: {{en: "A bare room with a bench.", zh-Hant: "一個只有長凳的房間。"}}
    captions:
      en:
        - "She was held for weeks."
        - "Nobody told her why."
      zh-Hant:
        - "她被關了幾個星期。"
        - "沒有人告訴她原因。"
"""

CAPTIONS = {
    "door": {"en": ["She lived in Toronto.", "One night the police came."],
             "zh-Hant": ["她住在多倫多。", "一天晚上，警察來了。"]},
    "cell": {"en": ["She was held for weeks.", "Nobody told her why."],
             "zh-Hant": ["她被關了幾個星期。", "沒有人告訴她原因。"]},
}
CUE_TIMES = [(0.2, 2.4), (2.5, 4.8)]
LENGTH = 5.2


@functools.lru_cache(maxsize=16)
def tone(seconds: float, lufs: float | None = -20.0) -> bytes:
    """16-bit mono PCM: a 330 Hz sine at `lufs` integrated loudness (silence if lufs is None)."""
    import numpy as np

    t = np.arange(int(seconds * RATE)) / RATE
    samples = 0.1 * np.sin(2 * math.pi * 330 * t)
    if lufs is None:
        samples *= 0
    else:
        import pyloudnorm

        measured = pyloudnorm.Meter(RATE).integrated_loudness(samples)
        samples *= 10 ** ((lufs - measured) / 20)
    return (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()


def write_wav(path: Path, seconds: float = LENGTH, lufs: float | None = -20.0, extra_chunk: bytes = b"") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes(tone(seconds, lufs))
    if extra_chunk:  # e.g. a LIST INFO chunk after the data, as audio editors write it
        data = bytearray(path.read_bytes()) + extra_chunk
        data[4:8] = (len(data) - 8).to_bytes(4, "little")
        path.write_bytes(bytes(data))


def info_chunk(**tags: str) -> bytes:
    body = b"INFO"
    for tag, value in tags.items():
        raw = value.encode("latin-1") + b"\x00"
        body += tag.encode("ascii") + len(raw).to_bytes(4, "little") + raw + (b"\x00" if len(raw) % 2 else b"")
    return b"LIST" + len(body).to_bytes(4, "little") + body


def stamp(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes):02d}:{rest:06.3f}"


def write_vtt(path: Path, cues: list[tuple[float, float, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    blocks = ["WEBVTT", ""]
    for start, end, text in cues:
        blocks += [f"{stamp(start)} --> {stamp(end)}", text, ""]
    path.write_text("\n".join(blocks), encoding="utf-8")


class Project:
    """A project folder: config/small.yaml, stories/alpha.yaml and beta.yaml, their SVGs and narration."""

    def __init__(self, root: Path):
        self.root = root
        self.config = root / "config" / "small.yaml"

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def story(self, story_id: str, text: str | None = None) -> Path:
        return self.write(f"stories/{story_id}.yaml", text or STORY.format(id=story_id, name=story_id.title()))

    def image(self, relative: str, bg: str = "#20304a", fg: str = "#d8a25e") -> Path:
        return self.write(f"media/{relative}", SVG.format(bg=bg, fg=fg))

    def narration(self, story_id: str, scene: str, language: str, texts: list[str] | None = None,
                  times=CUE_TIMES, seconds: float = LENGTH, lufs: float | None = -20.0) -> None:
        folder = self.root / "media" / "narration" / story_id
        write_wav(folder / f"{scene}.{language}.wav", seconds, lufs)
        texts = texts if texts is not None else CAPTIONS[scene][language]
        write_vtt(folder / f"{scene}.{language}.vtt", [(s, e, t) for (s, e), t in zip(times, texts)])

    def full_story(self, story_id: str, colours=("#20304a", "#d8a25e")) -> None:
        self.story(story_id)
        for scene in ("door", "cell"):
            self.image(f"images/{story_id}/{scene}.svg", *colours)
            for language in ("en", "zh-Hant"):
                self.narration(story_id, scene, language)


def make_good_project(root: Path) -> Project:
    project = Project(root)
    project.write("config/small.yaml", EXHIBITION)
    project.full_story("alpha")
    project.full_story("beta", ("#3a2030", "#9fb8d8"))
    return project


def line_with(text: str, marker: str) -> int:
    """1-based number of the only line of `text` containing `marker`."""
    found = [number for number, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(found) == 1, (marker, found)
    return found[0]
