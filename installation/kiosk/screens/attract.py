"""Attract loop: the exhibition's title over slowly drifting artwork; a touch anywhere begins.

The artwork is shaded once and drifts sideways by whole pixels (no scaling, so a frame is one blit); the pulsing
"touch to begin" is redrawn on its own, on the loop's frame grid (thirty times a second), as a dirty rectangle.
Both change only on that grid, so the drift never costs frames of its own."""

from __future__ import annotations

import math

import pygame

from ...content.schema import LANGUAGES
from ..layout import Button, Rect
from ..motion import ease
from ..pacing import FPS, on_tick
from ..strings import pick, t
from ..view import View
from ..widgets import blit_lines, vertical_shade
from . import chooser
from .story import leave_story

LOOP = 40.0  # seconds for the artwork to drift across and back
DRIFT = 1.06  # the artwork is this much wider than the screen: it drifts by 6 % of the width (each pixel of drift
# redraws the whole screen, ~2 ms here; a wider drift costs more frames, not more smoothness)
PULSE = 4.0  # seconds for one pulse of "touch to begin"
LEVELS = 48  # shades the pulse steps through (each rendered once)


def buttons(view: View) -> list[Button]:
    return [Button(Rect(0, 0, *view.size), "begin")]


def artwork(view: View) -> str | None:
    return view.library.exhibition.theme.attract_image


def box(view: View) -> tuple[int, int]:
    return (round(view.metrics.width * DRIFT), view.metrics.height)


def on_enter(view: View) -> None:
    leave_story(view)


def prepare(view: View) -> None:
    """Ask for the artwork; once it is decoded, shade it once (the drift then only moves it). The chooser's artwork
    is shaded meanwhile too, so that a visitor's first tap is answered as fast as any other."""
    chooser.prepare_artwork(view)
    image = artwork(view)
    if not image or view.state.settings.contrast:
        return
    path = view.library.media(image)
    held = view.memo.get("attract")
    if held and held[0] == (path, view.size):
        return
    view.images.request(path, box(view))
    source = view.images.get(path, box(view))
    if source is None:
        return
    w, h = source.get_width(), view.metrics.height
    shaded = source.subsurface((0, (source.get_height() - h) // 2, w, h)).copy()
    shaded.blit(pygame.transform.scale(vertical_shade((1, h), 90, 200), (w, h)), (0, 0))
    view.memo["attract"] = ((path, view.size), shaded)
    view.images.release(box(view))  # the shaded copy is all the loop needs


def backdrop(view: View) -> pygame.Surface | None:
    held = view.memo.get("attract")
    if held is None or held[0][1] != view.size or view.state.settings.contrast or not artwork(view):
        return None
    return held[1]


def offset(view: View, art: pygame.Surface) -> int:
    phase = (on_tick(view.now) % LOOP) / LOOP
    return round((art.get_width() - view.metrics.width) * ease(1 - abs(2 * phase - 1)))


def moving(view: View) -> bool:
    return True  # "touch to begin" always pulses


def changes(view: View):
    art = backdrop(view)
    return (art is not None, offset(view, art) if art is not None else 0)


def live(view: View):
    return math.floor(view.now * FPS)


def _column(view: View) -> tuple[int, int]:
    m = view.metrics
    width = m.width - 2 * m.margin if m.portrait else round(m.width * 0.62)
    return (m.margin * 2 if not m.portrait else m.margin), width


def _title(view: View) -> list[tuple[str, int, tuple, float, int]]:
    """(text, size, colour, spacing, space before) for each paragraph above the pulse."""
    m, palette, exhibition = view.metrics, view.palette, view.library.exhibition
    main, languages = exhibition.default_language, exhibition.languages
    items = [(pick(exhibition.title, main), m.px(96), palette.text, 1.2, 0)]
    items += [(exhibition.title[lang], m.px(64), palette.text, 1.3, 0) for lang in languages
              if lang != main and exhibition.title.get(lang)]
    gap = m.px(24)
    if exhibition.subtitle:
        for lang in [main] + [lang for lang in languages if lang != main]:
            if exhibition.subtitle.get(lang):
                items.append((exhibition.subtitle[lang], m.px(34), palette.dim, 1.35, gap))
                gap = 0
    if exhibition.venue:
        items.append((pick(exhibition.venue, main), m.px(30), palette.dim, 1.35, gap + m.px(16)))
    return items


def _pulse_lines(view: View) -> tuple[list[str], int]:
    languages = view.library.exhibition.languages
    return [t("touch_to_begin", lang) for lang in LANGUAGES if lang in languages], view.metrics.px(46)


def _pulse_rect(view: View) -> Rect:
    """Where "touch to begin" goes, below the title (laid out once per screen size, language set and content)."""
    key = ("pulse_rect", view.size, id(view.library))
    if key not in view.memo:
        view.memo[key] = _layout_pulse(view)
    return view.memo[key]


def _layout_pulse(view: View) -> Rect:
    m = view.metrics
    x, width = _column(view)
    y = round(m.height * (0.3 if m.portrait else 0.26))
    for text, size, colour, spacing, before in _title(view):
        y += before + len(view.text.block(text, size, colour, width)) * round(size * spacing)
    y = max(y + m.px(80), round(m.height * (0.7 if m.portrait else 0.68)))
    texts, size = _pulse_lines(view)
    height = sum(len(view.text.block(text, size, view.palette.accent, width)) for text in texts) * round(size * 1.35)
    return Rect(x, y, width, height)


def _pulse(surface: pygame.Surface, view: View, rect: Rect) -> None:
    """The text rendered once, in the accent colour, and blended over the artwork at the pulse's opacity."""
    level = round(LEVELS * (0.5 + 0.5 * math.sin(on_tick(view.now) * 2 * math.pi / PULSE))) / LEVELS
    alpha = round(255 * (0.72 + 0.28 * level))
    texts, size = _pulse_lines(view)
    y, line_h = rect.y, round(size * 1.35)
    for text in texts:
        for line in view.text.block(text, size, view.palette.accent, rect.w):
            line.set_alpha(alpha)
            surface.blit(line, (rect.x, y))
            line.set_alpha(None)
            y += line_h


def _background(surface: pygame.Surface, view: View, area: Rect | None = None) -> None:
    area = area or Rect(0, 0, *view.size)
    art = backdrop(view)
    if art is None:
        surface.fill(view.palette.background, area.tuple)
    else:
        surface.blit(art, (area.x, area.y), (offset(view, art) + area.x, area.y, area.w, area.h))


def draw(surface: pygame.Surface, view: View) -> None:
    _background(surface, view)
    m = view.metrics
    x, width = _column(view)
    y = round(m.height * (0.3 if m.portrait else 0.26))
    for text, size, colour, spacing, before in _title(view):
        y = blit_lines(surface, view, view.text.block(text, size, colour, width), x, y + before, round(size * spacing))
    _pulse(surface, view, _pulse_rect(view))


def draw_live(surface: pygame.Surface, view: View) -> list[Rect]:
    rect = _pulse_rect(view)
    _background(surface, view, rect)
    _pulse(surface, view, rect)
    return [rect.tuple]
