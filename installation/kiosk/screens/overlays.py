"""Layers over any screen: help, the idle warning, identify, blackout."""

from __future__ import annotations

import pygame

from ..layout import Button, Rect
from ..strings import t
from ..view import View
from ..widgets import panel, paragraph


def active(view: View) -> bool:
    state = view.state
    return state.blackout or state.help or state.warning_since is not None or view.now < state.identify_until


def buttons(view: View) -> list[Button]:
    """While an overlay shows, a touch anywhere answers it (and nothing underneath)."""
    state, full = view.state, Rect(0, 0, *view.size)
    if state.blackout:
        return [Button(full, "")]
    if state.warning_since is not None:
        return [Button(full, "extend")]
    if state.help:
        return [Button(full, "help", (False,))]
    return []


def draw(surface: pygame.Surface, view: View) -> None:
    state, m, palette, lang = view.state, view.metrics, view.palette, view.language
    if state.blackout:
        surface.fill((0, 0, 0))
        if view.now >= state.identify_until:
            return
    width = min(m.width - 2 * m.margin, m.px(1200))
    x = (m.width - width) // 2
    pad = m.px(40)
    if state.help or state.warning_since is not None:
        dim = pygame.Surface(view.size, pygame.SRCALPHA)
        dim.fill((0, 0, 0, 170))
        surface.blit(dim, (0, 0))
    if state.help:
        lines = t("help_lines", lang).split("\n")
        size = view.font_px(32, cap=1.5)
        height = pad * 2 + round(view.font_px(44, cap=1.5) * 1.5) + sum(
            len(view.text.block(line, size, palette.text, width - 2 * pad)) * round(size * 1.35) + m.px(10)
            for line in lines)
        y = max(m.margin, (m.height - height) // 2)
        panel(surface, view, Rect(x, y, width, height), (*palette.panel[:3], 250))
        ty = paragraph(surface, view, t("help_title", lang), view.font_px(44, cap=1.5), palette.accent, x + pad, y + pad,
                       width - 2 * pad)
        for line in lines:
            ty = paragraph(surface, view, line, size, palette.text, x + pad, ty, width - 2 * pad) + m.px(10)
    if state.warning_since is not None:
        left = round(view.show.idle_left(view.now) or 0)
        height = m.px(300) * min(2, state.settings.text_size)
        y = (m.height - round(height)) // 2
        panel(surface, view, Rect(x, y, width, round(height)), (*palette.panel[:3], 250))
        ty = paragraph(surface, view, t("still_there", lang), view.font_px(52, cap=1.5), palette.accent, x + pad,
                       y + pad, width - 2 * pad)
        paragraph(surface, view, t("still_there_body", lang, s=left), view.font_px(34, cap=1.5), palette.text,
                  x + pad, ty + m.px(8), width - 2 * pad)
    if view.now < state.identify_until:
        name = view.library.exhibition.screen_name
        text = view.text.render(name, m.px(220), palette.accent)
        box = Rect((m.width - text.get_width()) // 2 - pad, (m.height - text.get_height()) // 2 - pad,
                   text.get_width() + 2 * pad, text.get_height() + 2 * pad)
        panel(surface, view, box, (0, 0, 0, 235))
        surface.blit(text, (box.x + pad, box.y + pad))
