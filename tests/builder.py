"""The one project builder of the tests: a project folder on disk (config/, stories/, media/) with exhibition and
story YAML, SVG illustrations, narration WAV and WebVTT, written by the tests that need them.

Narration is a quiet sine tone normalised to the loudness target (no speech synthesis), so tests are fast and need
no `installation media build`.
"""

from __future__ import annotations

import functools
import math
import textwrap
import wave
from pathlib import Path

RATE = 22050  # narration sample rate of the test tones

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">
<rect width="{w}" height="{h}" fill="{bg}"/><circle cx="{cx}" cy="{cy}" r="{r}" fill="{fg}"/></svg>"""

RESOURCES = """\
resources:
  title: {en: "Support", zh-Hant: "支援"}
  lines:
    en: ["Butterfly: butterflysw.org"]
    zh-Hant: ["蝴蝶：butterflysw.org"]
"""


def exhibition_yaml(show_id: str, title: tuple[str, str], screen: str, playlist: list[str], extra: str = "") -> str:
    """An exhibition in both languages, with the support resources; `extra`: more top-level YAML."""
    return (f'id: {show_id}\ntitle: {{en: "{title[0]}", zh-Hant: "{title[1]}"}}\nscreen_name: {screen}\n'
            f"playlist: [{', '.join(playlist)}]\nlanguages: [en, zh-Hant]\ndefault_language: en\n{extra}{RESOURCES}")


def timed_story_yaml(story_id: str, scene_ids: tuple[str, ...] = ("s1", "s2"), hold: float = 1.0,
                     captions: int = 2, summary: str | None = None, epilogue: str = "She was deported.",
                     epilogue_zh: str = "她被遣返。", alts: tuple[tuple[str, str], ...] = (),
                     epilogue_last: bool = False) -> str:
    """A story whose captions carry their own times: `captions` = 2: 8 s in English, 10 s in Chinese per scene;
    `captions` = 1: "<story>, scene <id>." for 2 s."""
    name = story_id.title()
    head = [f"id: {story_id}", "kind: story", f'name: {{en: "{name}", zh-Hant: "{name}"}}']
    head.append('place: {en: "Toronto, Ontario", zh-Hant: "安大略省多倫多"}')
    if summary:
        head.append(f'summary: {{en: "{summary}", zh-Hant: "一個簡短的測試故事"}}')
    head += ["content_notes:", '  en: ["immigration detention"]', '  zh-Hant: ["移民拘留"]']
    tail = ["epilogue:", f'  en: ["{epilogue}"]', f'  zh-Hant: ["{epilogue_zh}"]']
    scenes = ["scenes:"]
    for index, scene_id in enumerate(scene_ids):
        alt = alts[index] if index < len(alts) else ("A door at night.", "夜裏的一道門。")
        if captions == 2:
            en = [f"Scene {index + 1}, first caption.", f"Scene {index + 1}, second caption."]
            zh = [f"第{index + 1}幕，第一句。", f"第{index + 1}幕，第二句。"]
            en_cues = [(en[0], 0.0, 4.0), (en[1], 4.0, 8.0)]
            zh_cues = [(zh[0], 0.0, 5.0), (zh[1], 5.0, 10.0)]
        else:
            en_cues = [(f"{story_id}, scene {scene_id}.", 0.0, 2.0)]
            zh_cues = [(f"第{'一二三四五'[index]}幕。", 0.0, 2.0)]
        scenes += [f"- id: {scene_id}", f"  illustration: images/{story_id}/{scene_id}.svg",
                   f'  alt: {{en: "{alt[0]}", zh-Hant: "{alt[1]}"}}', f"  hold: {hold}", "  captions:"]
        for language, cues in (("en", en_cues), ("zh-Hant", zh_cues)):
            scenes.append(f"    {language}:")
            scenes += [f'      - {{text: "{text}", start: {start}, end: {end}}}' for text, start, end in cues]
    scenes_yaml = "scenes:\n" + textwrap.indent("\n".join(scenes[1:]), "  ") + "\n"
    epilogue_yaml = "\n".join(tail) + "\n"
    return "\n".join(head) + "\n" + (scenes_yaml + epilogue_yaml if epilogue_last else epilogue_yaml + scenes_yaml)


@functools.lru_cache(maxsize=16)
def tone(seconds: float, lufs: float | None = -20.0):
    """A 330 Hz sine at `lufs` integrated loudness (silence if lufs is None), as float samples in [-1, 1]."""
    import numpy as np

    t = np.arange(int(seconds * RATE)) / RATE
    samples = 0.1 * np.sin(2 * math.pi * 330 * t)
    if lufs is None:
        samples *= 0
    else:
        import pyloudnorm

        measured = pyloudnorm.Meter(RATE).integrated_loudness(samples)
        samples *= 10 ** ((lufs - measured) / 20)
    samples.setflags(write=False)
    return samples


def write_wav(path: Path, samples, rate: int = RATE, extra_chunk: bytes = b"") -> Path:
    """16-bit mono PCM WAV of float samples in [-1, 1]; `extra_chunk` (e.g. LIST INFO) goes after the data, as audio
    editors write it."""
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(np.clip(np.round(np.asarray(samples) * 32767), -32768, 32767).astype("<i2").tobytes())
    if extra_chunk:
        data = bytearray(path.read_bytes()) + extra_chunk
        data[4:8] = (len(data) - 8).to_bytes(4, "little")
        path.write_bytes(bytes(data))
    return path


def write_tone(path: Path, seconds: float, lufs: float | None = -20.0, extra_chunk: bytes = b"") -> Path:
    """Narration for a test: `seconds` of tone at `lufs`."""
    return write_wav(path, tone(seconds, lufs), RATE, extra_chunk)


def info_chunk(**tags: str) -> bytes:
    """A RIFF `LIST INFO` chunk with these tags (e.g. IART="…")."""
    body = b"INFO"
    for tag, value in tags.items():
        raw = value.encode("latin-1") + b"\x00"
        body += tag.encode("ascii") + len(raw).to_bytes(4, "little") + raw + (b"\x00" if len(raw) % 2 else b"")
    return b"LIST" + len(body).to_bytes(4, "little") + body


def stamp(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes):02d}:{rest:06.3f}"


def write_vtt(path: Path, cues: list[tuple[float, float, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    blocks = ["WEBVTT", ""]
    for start, end, text in cues:
        blocks += [f"{stamp(start)} --> {stamp(end)}", text, ""]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


class Project:
    """A project folder under `root`; `config` is its exhibition file once `exhibition` has written one."""

    def __init__(self, root: Path, config: str = "config/small.yaml"):
        self.root = root
        self.config = root / config
        root.mkdir(parents=True, exist_ok=True)

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def exhibition(self, text: str, name: str | None = None) -> Path:
        if name:
            self.config = self.root / "config" / f"{name}.yaml"
        return self.write(str(self.config.relative_to(self.root)), text)

    def story(self, story_id: str, text: str) -> Path:
        return self.write(f"stories/{story_id}.yaml", text)

    def image(self, relative: str, bg: str = "#20304a", fg: str = "#d8a25e", size: tuple[int, int] = (1920, 1080)) -> Path:
        w, h = size
        return self.write(f"media/{relative}", SVG.format(w=w, h=h, cx=w // 2, cy=h // 2, r=min(w, h) * 5 // 18,
                                                           bg=bg, fg=fg))

    def narration(self, story_id: str, scene: str, language: str, cues: list[tuple[float, float, str]],
                  seconds: float, lufs: float | None = -20.0) -> None:
        """`media/narration/<story>/<scene>.<language>.wav` and its `.vtt`."""
        folder = self.root / "media" / "narration" / story_id
        write_tone(folder / f"{scene}.{language}.wav", seconds, lufs)
        write_vtt(folder / f"{scene}.{language}.vtt", cues)
