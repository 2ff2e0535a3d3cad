"""End card: what happened next (or, after an early exit, only the way out), and the support resources."""

from __future__ import annotations

import pygame

from ..layout import Button, Rect, row
from ..strings import pick, t
from ..view import View
from ..widgets import Measure, button, fitted, label_width, panel
from .chooser import settings_buttons
from .story import leave_story

def buttons(view: View) -> list[Button]:
    m, lang = view.metrics, view.language
    y = m.height - m.margin - m.target
    label = t("choose_another", lang)
    specs = [(max(m.px(420), label_width(view, label)), dict(command="continue", label=label, focus=0, active=True))]
    return settings_buttons(view, m.margin) + [Button(r, **s) for r, s in row(m, specs, y, align="center")]


def on_enter(view: View) -> None:
    leave_story(view)


def prepare(view: View) -> None:
    pass


def moving(view: View) -> bool:
    return False


def changes(view: View):
    return None


def draw(surface: pygame.Surface, view: View) -> None:
    m, state = view.metrics, view.state
    surface.fill(view.palette.background)
    items = buttons(view)
    bottom = min(item.rect.y for item in items if item.focus is not None) - m.px(24)
    layouts = [lambda out, columns=columns: _card(out, columns) for columns in ((1,) if m.portrait else (1, 2))]
    scale, layout = fitted(view, layouts, bottom)
    layout(Measure(surface, view, scale))
    for item in items:
        button(surface, view, item, focused=item.focus == state.focus)


def _card(out: Measure, columns: int) -> int:
    """What happened next, then the resources below it (one column) or beside it (two); returns where it ends."""
    view = out.view
    m, palette, lang, state = view.metrics, view.palette, view.language, view.state
    story = view.library.stories.get(state.story or "")
    if columns == 1:
        width = column_w = min(m.width - 2 * m.margin, m.px(1300))
        x = right = (m.width - width) // 2
    else:
        gap = m.px(48)
        x, column_w = m.margin, (m.width - 2 * m.margin - gap) // 2
        right = x + column_w + gap
    top = y = m.margin + m.target + m.px(32)
    name = pick(story.name, lang) if story else ""
    if state.early_exit or story is None:
        y = out.paragraph(t("left_title", lang, name=name), out.size(52, cap=1.5), palette.text, x, y, column_w,
                          spacing=1.2)
    else:
        y = out.paragraph(f"{name} — {t('next_title', lang)}", out.size(52, cap=1.5), palette.text, x, y, column_w,
                          spacing=1.2) + m.px(12)
        for line in story.epilogue.get(lang) or story.epilogue.get("en") or []:
            y = out.paragraph(line, out.size(34), palette.text, x, y, column_w) + m.px(8)
    resources = view.library.exhibition.resources
    lines = resources.lines.get(lang) or resources.lines.get("en") or []
    pad = m.px(32)
    box_y = y + m.px(28) if columns == 1 else top

    def texts(into: Measure) -> int:
        ty = into.paragraph(pick(resources.title, lang), out.size(38), palette.accent, right + pad, box_y + pad,
                            column_w - 2 * pad)
        for line in lines:
            ty = into.paragraph(line, out.size(32), palette.text, right + pad, ty, column_w - 2 * pad)
        return ty + pad

    box_bottom = texts(Measure(None, view, out.scale))
    if out.surface is not None:
        panel(out.surface, view, Rect(right, box_y, column_w, box_bottom - box_y))
        texts(out)
    return max(y, box_bottom)
