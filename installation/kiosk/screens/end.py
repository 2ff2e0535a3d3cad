"""End card: what happened next (or, after an early exit, only the way out), and the support resources."""

from __future__ import annotations

import pygame

from ..layout import Button, Rect, row
from ..strings import pick, t
from ..view import View
from ..widgets import button, panel, paragraph
from .chooser import settings_buttons

ANIMATED = False


def buttons(view: View) -> list[Button]:
    m, lang = view.metrics, view.language
    y = m.height - m.margin - m.target
    specs = [(m.px(420), dict(command="continue", label=t("choose_another", lang), focus=0, active=True))]
    return settings_buttons(view, m.margin) + [Button(r, **s) for r, s in row(m, specs, y, align="center")]


def draw(surface: pygame.Surface, view: View) -> None:
    m, palette, lang, state = view.metrics, view.palette, view.language, view.state
    story = view.library.stories.get(state.story or "")
    surface.fill(palette.background)
    width = min(m.width - 2 * m.margin, m.px(1300))
    x = (m.width - width) // 2
    y = m.margin + m.target + m.px(32)
    name = pick(story.name, lang) if story else ""
    if state.early_exit or story is None:
        y = paragraph(surface, view, t("left_title", lang, name=name), view.font_px(52, cap=1.5), palette.text, x, y,
                      width, spacing=1.2)
    else:
        y = paragraph(surface, view, f"{name} — {t('next_title', lang)}", view.font_px(52, cap=1.5), palette.text, x, y,
                      width, spacing=1.2) + m.px(12)
        for line in story.epilogue.get(lang) or story.epilogue.get("en") or []:
            y = paragraph(surface, view, line, view.font_px(34), palette.text, x, y, width) + m.px(8)
    resources = view.library.exhibition.resources
    y += m.px(28)
    pad = m.px(32)
    lines = resources.lines.get(lang) or resources.lines.get("en") or []
    size = view.font_px(32)
    height = pad * 2 + round(view.font_px(38) * 1.4) + sum(
        len(view.text.block(line, size, palette.text, width - 2 * pad)) * round(size * 1.35) for line in lines)
    panel(surface, view, Rect(x, y, width, height))
    ty = paragraph(surface, view, pick(resources.title, lang), view.font_px(38), palette.accent, x + pad, y + pad,
                   width - 2 * pad)
    for line in lines:
        ty = paragraph(surface, view, line, size, palette.text, x + pad, ty, width - 2 * pad)
    for item in buttons(view):
        button(surface, view, item, focused=item.focus == state.focus)
