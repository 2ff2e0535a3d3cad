"""Fonts per language, text wrapping (words for Latin, characters for Chinese) and cached rendering."""

from __future__ import annotations

import functools
from collections import OrderedDict
from pathlib import Path

import pygame
import pygame.freetype

from ..content.linebreak import balanced, greedy_lines, line_width

Colour = tuple[int, int, int] | tuple[int, int, int, int]

CJK_FACE_TC = 3  # face index of Noto Sans CJK TC inside the .ttc
LINE_SPACING = 1.3


@functools.cache
def font_path() -> str:
    import noto_cjk_sans_otc

    return str(Path(noto_cjk_sans_otc.__file__).parent / "NotoSansCJK-Regular.ttc")


@functools.cache
def face() -> pygame.freetype.Font:
    """Noto Sans CJK TC covers Latin and Traditional Chinese, so one face serves both languages,
    at every size (opening the 19 MB collection again per size would cost ~20 ms each time)."""
    if not pygame.freetype.get_init():
        pygame.freetype.init()
    font = pygame.freetype.Font(font_path(), 24, font_index=CJK_FACE_TC)
    font.pad = True
    return font


@functools.lru_cache(maxsize=16)
def font(size: int) -> pygame.freetype.Font:
    """A face of its own at one size (for tools that set styles on it; the kiosk shares `face()`)."""
    if not pygame.freetype.get_init():
        pygame.freetype.init()
    font = pygame.freetype.Font(font_path(), max(6, int(size)), font_index=CJK_FACE_TC)
    font.pad = True
    return font


def missing_glyphs(text: str) -> list[str]:
    metrics = face().get_metrics(text, size=24)
    return sorted({ch for ch, m in zip(text, metrics) if m is None and not ch.isspace()})


def wrap(text: str, size: int, width: int, max_chars: int | None = None, language: str = "en") -> list[str]:
    """Break text into lines no wider than width pixels at this font size (and, for captions, no longer than
    max_chars characters, counted as the linter counts them)."""
    size = max(6, int(size))
    font = face()
    lines: list[str] = []

    def fits(line: str) -> bool:
        return ((max_chars is None or line_width(line, language) <= max_chars)
                and font.get_rect(line, size=size).width <= width)

    for paragraph in text.split("\n"):
        found = greedy_lines(paragraph, fits)
        lines += balanced(paragraph, found, language, fits) if max_chars is not None else found
    return lines


class TextCache:
    """Rendered text surfaces, reused across frames (rendering text every frame costs ~2 ms)."""

    def __init__(self, capacity: int = 512, budget_mib: int = 8):
        self.capacity = capacity
        self.budget, self.used = budget_mib * 1024 * 1024, 0  # pixels kept, in bytes (a caption line is ~0.3 MiB)
        self.surfaces: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self.wrapped: dict[tuple, list[str]] = {}

    def render(self, text: str, size: int, colour: Colour) -> pygame.Surface:
        key = (text, int(size), tuple(colour))
        surface = self.surfaces.get(key)
        if surface is None:
            surface, _ = face().render(text, colour, size=max(6, int(size)))
            if pygame.display.get_surface() is not None:
                surface = surface.convert_alpha()  # in the screen's byte order: blits some thirty times faster
            self.surfaces[key] = surface
            self.used += surface.get_pitch() * surface.get_height()
            while len(self.surfaces) > 1 and (len(self.surfaces) > self.capacity or self.used > self.budget):
                _, gone = self.surfaces.popitem(last=False)
                self.used -= gone.get_pitch() * gone.get_height()
        else:
            self.surfaces.move_to_end(key)
        return surface

    def line_height(self, size: int) -> int:
        return int(size * LINE_SPACING)

    def block(self, text: str, size: int, colour: Colour, width: int, max_chars: int | None = None,
              language: str = "en") -> list[pygame.Surface]:
        key = (text, int(size), width, max_chars, language)
        lines = self.wrapped.get(key)
        if lines is None:
            lines = self.wrapped[key] = [line for line in wrap(text, size, width, max_chars, language) if line]
            if len(self.wrapped) > self.capacity:
                self.wrapped.pop(next(iter(self.wrapped)))
        return [self.render(line, size, colour) for line in lines]
