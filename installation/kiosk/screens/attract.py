"""Attract loop: the exhibition's title over slowly moving artwork; a touch anywhere begins."""

from __future__ import annotations

import math

import pygame

from ...content.schema import LANGUAGES
from ..layout import Button, Rect
from ..strings import pick, t
from ..view import View
from ..widgets import paragraph, vertical_shade

LOOP = 40.0  # seconds for one slow drift of the artwork
FRAME = 0.1  # the drift is slow enough that ten frames a second look smooth (the loop runs all day)
ANIMATED = True


def buttons(view: View) -> list[Button]:
    return [Button(Rect(0, 0, *view.size), "begin")]


def artwork(view: View) -> str | None:
    return view.library.exhibition.theme.attract_image


def draw(surface: pygame.Surface, view: View) -> None:
    m, palette, exhibition = view.metrics, view.palette, view.library.exhibition
    surface.fill(palette.background)
    image = artwork(view)
    if image and not view.state.settings.contrast:
        box = (round(m.width * 1.12), round(m.height * 1.12))
        source = view.images.get(view.media(image), box)
        if source is not None:
            cycle = int(view.now // LOOP)
            view.motion.keep({"attract"})
            layer = view.motion.set("attract", source, cycle * LOOP, LOOP, cycle, view.size, interval=FRAME)
            with layer.lock:
                if layer.front is not None:
                    surface.blit(layer.front, (0, 0))
        surface.blit(vertical_shade(view.size, 90, 200), (0, 0))
    width = m.width - 2 * m.margin if m.portrait else round(m.width * 0.62)
    x, y = m.margin * 2 if not m.portrait else m.margin, round(m.height * (0.3 if m.portrait else 0.26))
    languages = exhibition.languages
    main_language = exhibition.default_language
    y = paragraph(surface, view, pick(exhibition.title, main_language), m.px(96), palette.text, x, y, width,
                  spacing=1.2)
    for language in languages:
        if language != main_language and exhibition.title.get(language):
            y = paragraph(surface, view, exhibition.title[language], m.px(64), palette.text, x, y, width, spacing=1.3)
    y += m.px(24)
    if exhibition.subtitle:
        for language in [main_language] + [lang for lang in languages if lang != main_language]:
            if exhibition.subtitle.get(language):
                y = paragraph(surface, view, exhibition.subtitle[language], m.px(34), palette.dim, x, y, width)
    if exhibition.venue:
        y = paragraph(surface, view, pick(exhibition.venue, main_language), m.px(30), palette.dim, x, y + m.px(16), width)
    y = max(y + m.px(80), round(m.height * (0.7 if m.portrait else 0.68)))
    pulse = 0.72 + 0.28 * math.sin(view.now * 2 * math.pi / 4.0)
    colour = tuple(round(c * pulse + b * (1 - pulse)) for c, b in zip(palette.accent, palette.background))
    for language in [lang for lang in LANGUAGES if lang in languages]:
        y = paragraph(surface, view, t("touch_to_begin", language), m.px(46), colour, x, y, width)
