"""Content note: what the story includes, before anything plays; the visitor chooses to continue."""

from __future__ import annotations

import pygame

from ..layout import Button, Rect, row
from ..strings import pick, t
from ..view import View
from ..widgets import button, panel, paragraph
from .chooser import settings_buttons

ANIMATED = False


def _panel_rect(view: View) -> Rect:
    m = view.metrics
    width = min(m.width - 2 * m.margin, m.px(1280) if not m.portrait else m.width)
    top = m.margin + m.target + m.px(24)
    return Rect((m.width - width) // 2, top, width, m.height - top - m.margin)


def buttons(view: View) -> list[Button]:
    m, lang = view.metrics, view.language
    box = _panel_rect(view)
    y = box.bottom - m.px(40) - m.target
    widths = [max(m.px(260), m.px(30) * len(t(key, lang)) // (2 if lang == "en" else 1) + m.px(80))
              for key in ("continue", "choose_another")]
    specs = [(widths[0], dict(command="continue", label=t("continue", lang), focus=0, active=True)),
             (widths[1], dict(command="decline", label=t("choose_another", lang), focus=1))]
    placed = row(m, specs, y, x=box.x + m.px(40))
    return settings_buttons(view, m.margin) + [Button(rect, **spec) for rect, spec in placed]


def draw(surface: pygame.Surface, view: View) -> None:
    m, palette, lang = view.metrics, view.palette, view.language
    story = view.library.stories[view.state.story]
    surface.fill(palette.background)
    box = _panel_rect(view)
    panel(surface, view, box)
    pad = m.px(40)
    x, width = box.x + pad, box.w - 2 * pad
    y = paragraph(surface, view, t("note_title", lang), view.font_px(32), palette.accent, x, box.y + pad, width)
    y = paragraph(surface, view, pick(story.name, lang), view.font_px(64, cap=1.5), palette.text, x, y, width,
                  spacing=1.2)
    minutes = view.minutes(story.id)
    y = paragraph(surface, view, f"{pick(story.place, lang)} · {t('minutes', lang, n=minutes)}",
                  view.font_px(30), palette.dim, x, y + m.px(4), width) + m.px(24)
    y = paragraph(surface, view, t("note_intro", lang, name=pick(story.name, lang)), view.font_px(34),
                  palette.text, x, y, width)
    notes = story.content_notes.get(lang) or story.content_notes.get("en") or []
    size = view.font_px(34)
    for note in notes:
        pygame.draw.circle(surface, palette.accent, (x + size // 3, y + round(size * 0.68)), max(3, size // 7))
        y = paragraph(surface, view, note, size, palette.text, x + size, y, width - size)
    paragraph(surface, view, t("note_choice", lang), view.font_px(30), palette.dim, x, y + m.px(20), width)
    for item in buttons(view):
        button(surface, view, item, focused=item.focus == view.state.focus)
