"""The storyboard's contents and its measures: page and tile sizes, colours, the text pen, and what each scene's
tile shows (captions with the kiosk's times). Drawing is in sheet_draw.py; the command in storyboard.py."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PAGE = (2480, 1754)  # A-series landscape: √2 : 1
DPI = 150  # for the PDF: A3 at this resolution
MARGIN = 64
GUTTER = 36
LAYOUTS = ((2, 3), (2, 2), (1, 2), (1, 1))  # (columns, rows) of tiles on a page, the fullest first
SCALES = (1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.95, 0.9, 0.85, 0.8)  # of the text sizes below, largest first
MIN_SCALE = SCALES[-1]  # smaller would not print legibly
COMFORTABLE = 1.0
PAD = 22  # inside a tile
THUMB_SHARE = 0.38  # of a tile's inner width, at most
THUMB_HEIGHT = 0.5  # of a tile's height, at most
SIDE_BY_SIDE = 620  # width per language (at scale 1) from which the languages' captions stand side by side
FOOTER = 52

PAPER = (247, 244, 238)
TILE = (255, 255, 255)
BORDER = (217, 211, 199)
INK = (26, 28, 38)
MUTED = (96, 101, 114)
FAINT = (150, 150, 156)
ACCENT = (160, 105, 38)
BAND = (236, 229, 216)
ERROR = (179, 38, 30)
WARNING = (150, 98, 0)

LANGUAGE_NAMES = {"en": "English", "zh-Hant": "繁體中文"}
LABELS = {"alt": {"en": "Alt", "zh-Hant": "替代文字"}, "description": {"en": "Description", "zh-Hant": "口述影像"}}


class StoryboardError(Exception):
    """A story that cannot be drawn (not found, withdrawn, or its file has errors)."""


# ------------------------------------------------------------------------------------------------- text


@dataclass
class Pen:
    """Draws (or, with no surface, only measures) text at a scale; every size is given at scale 1."""

    surface: Any  # pygame.Surface | None
    scale: float = 1.0

    def size(self, base: float) -> int:
        return max(9, round(base * self.scale))

    def line_height(self, base: float) -> int:
        return round(self.size(base) * 1.32)

    def width(self, text: str, base: float, strong: bool = False) -> int:
        return _width(text, self.size(base), strong)

    def text(self, text: str, x: int, y: int, base: float, colour, strong: bool = False) -> int:
        """One line, no wrapping; returns its width."""
        import pygame.freetype

        from installation.kiosk.text import font

        if self.surface is None or not text:
            return self.width(text, base, strong) if text else 0
        style = pygame.freetype.STYLE_STRONG if strong else pygame.freetype.STYLE_DEFAULT
        face = font(self.size(base))
        rendered, _ = face.render(text, colour, style=style)
        line_h = self.line_height(base)
        self.surface.blit(rendered, (x, y + (line_h - rendered.get_height()) // 2))
        return rendered.get_width()

    def lines(self, text: str, base: float, width: int) -> list[str]:
        return list(_wrapped(text, self.size(base), max(20, width))) or [""]

    def para(self, text: str, x: int, y: int, width: int, base: float, colour, max_lines: int | None = None,
             strong: bool = False) -> int:
        """A wrapped paragraph; returns its height. Beyond max_lines the last line ends in an ellipsis."""
        lines = self.lines(text, base, width)
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            last = lines[-1]
            while last and self.width(last + "…", base) > width:
                last = last[:-1]
            lines[-1] = last.rstrip() + "…"
        line_h = self.line_height(base)
        for index, line in enumerate(lines):
            self.text(line, x, y + index * line_h, base, colour, strong)
        return len(lines) * line_h


@functools.lru_cache(maxsize=8192)
def _width(text: str, size: int, strong: bool) -> int:
    import pygame.freetype

    from installation.kiosk.text import font

    style = pygame.freetype.STYLE_STRONG if strong else pygame.freetype.STYLE_DEFAULT
    return font(size).get_rect(text, style=style).width


@functools.lru_cache(maxsize=8192)
def _wrapped(text: str, size: int, width: int) -> tuple[str, ...]:
    from installation.kiosk.text import wrap

    return tuple(wrap(text, size, width))


# ------------------------------------------------------------------------------------------------- content


@dataclass
class CaptionRow:
    start: float
    end: float
    text: str


@dataclass
class SceneSheet:
    """What one tile shows."""

    number: int
    scene: Any  # schema.Scene
    image: Path
    captions: dict[str, list[CaptionRow]]
    lengths: dict[str, float]  # seconds on screen, per language (narration or captions + hold)
    narrated: dict[str, bool]
    problems: list[Any] = field(default_factory=list)  # yamlpos.Problem


@dataclass
class StorySheet:
    story: Any  # schema.Story
    languages: list[str]
    scenes: list[SceneSheet]
    story_file: str
    exhibition: str
    problems: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class Layout:
    columns: int
    rows: int
    tile: tuple[int, int]  # width, height
    scale: float
    pages: int
    caption_limit: int | None = None  # caption lines kept per language, when even the smallest text overflows

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def tile_rect(self, slot: int, top: int) -> tuple[int, int, int, int]:
        """(x, y, w, h) of the slot-th tile on its page."""
        row, column = divmod(slot % self.per_page, self.columns)
        w, h = self.tile
        return (MARGIN + column * (w + GUTTER), top + row * (h + GUTTER), w, h)


def clock(seconds: float) -> str:
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes)}:{rest:04.1f}"


def story_sheet(library: Any, story: Any, languages: list[str], report: Any, config_shown: str) -> StorySheet:
    from installation.content.load import scene_timing

    scenes = []
    for index, scene in enumerate(story.scenes):
        captions, lengths, narrated = {}, {}, {}
        for language in languages:
            key = (story.id, index, language)
            timing = library.timings.get(key) or scene_timing(library, story, index, language)
            library.timings[key] = timing
            captions[language] = [CaptionRow(c.start, c.end, c.text) for c in timing.cues]
            lengths[language] = timing.length + scene.hold
            narrated[language] = timing.narration is not None
        problems = report.for_scene(story.id, index) if report is not None else []
        scenes.append(SceneSheet(index + 1, scene, library.media(scene.illustration), captions, lengths, narrated,
                                 problems))
    story_problems = report.for_story(story.id) if report is not None else []
    return StorySheet(story, languages, scenes, f"stories/{story.id}.yaml", config_shown, story_problems)


