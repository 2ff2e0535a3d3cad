"""Content note: what the story includes, before anything plays; the visitor chooses to continue."""

from __future__ import annotations

import pygame

from ..layout import Button, Rect, row
from ..strings import pick, t
from ..view import View
from ..widgets import Measure, button, fitted, label_width, panel
from .chooser import settings_buttons
from .story import prepare_chrome, prime

def _panel_rect(view: View) -> Rect:
    m = view.metrics
    width = min(m.width - 2 * m.margin, m.px(1280) if not m.portrait else m.width)
    top = m.margin + m.target + m.px(24)
    return Rect((m.width - width) // 2, top, width, m.height - top - m.margin)


def buttons(view: View) -> list[Button]:
    m, lang = view.metrics, view.language
    box = _panel_rect(view)
    y = box.bottom - m.px(40) - m.target
    widths = [max(m.px(260), label_width(view, t(key, lang))) for key in ("continue", "choose_another")]
    specs = [(widths[0], dict(command="continue", label=t("continue", lang), focus=0, active=True)),
             (widths[1], dict(command="decline", label=t("choose_another", lang), focus=1))]
    placed = row(m, specs, y, x=box.x + m.px(40))
    return settings_buttons(view, m.margin) + [Button(rect, **spec) for rect, spec in placed]


def on_enter(view: View) -> None:
    view.motion.keep(set(), primed={(view.state.story, 0)})


def prepare(view: View) -> None:
    """While the note is read, the story's first picture and its bars are made ready, so they show with its first
    frame."""
    prime(view, view.state.story, 0)
    prepare_chrome(view)


def moving(view: View) -> bool:
    return False


def changes(view: View):
    return None


def draw(surface: pygame.Surface, view: View) -> None:
    m, palette = view.metrics, view.palette
    surface.fill(palette.background)
    box = _panel_rect(view)
    panel(surface, view, box)
    items = buttons(view)
    bottom = min(item.rect.y for item in items if item.focus is not None) - m.px(16)
    layouts = [lambda out, columns=columns: _body(out, box, columns) for columns in ((1,) if m.portrait else (1, 2))]
    scale, layout = fitted(view, layouts, bottom)
    layout(Measure(surface, view, scale))
    for item in items:
        button(surface, view, item, focused=item.focus == view.state.focus)


def _body(out: Measure, box: Rect, columns: int) -> int:
    """The note's text in the panel, the notes themselves in `columns` columns; returns where it ends."""
    view = out.view
    m, palette, lang = view.metrics, view.palette, view.language
    story = view.library.stories[view.state.story]
    pad = m.px(40)
    x, width = box.x + pad, box.w - 2 * pad
    y = out.paragraph(t("note_title", lang), out.size(32), palette.accent, x, box.y + pad, width)
    y = out.paragraph(pick(story.name, lang), out.size(64, cap=1.5), palette.text, x, y, width, spacing=1.2)
    minutes = view.minutes(story.id)
    y = out.paragraph(f"{pick(story.place, lang)} · {t('minutes', lang, n=minutes)}", out.size(30), palette.dim, x,
                      y + m.px(4), width) + m.px(24)
    y = out.paragraph(t("note_intro", lang, name=pick(story.name, lang)), out.size(34), palette.text, x, y, width)
    notes = story.content_notes.get(lang) or story.content_notes.get("en") or []
    size = out.size(34)
    per_column = -(-len(notes) // columns)
    column_w = (width - (columns - 1) * pad) // columns
    end = y
    for c in range(columns):
        cx, cy = x + c * (column_w + pad), y
        for note in notes[c * per_column:(c + 1) * per_column]:
            if out.surface is not None:
                pygame.draw.circle(out.surface, palette.accent, (cx + size // 3, cy + round(size * 0.68)),
                                   max(3, size // 7))
            cy = out.paragraph(note, size, palette.text, cx + size, cy, column_w - size)
        end = max(end, cy)
    return out.paragraph(t("note_choice", lang), out.size(30), palette.dim, x, end + m.px(20), width)
