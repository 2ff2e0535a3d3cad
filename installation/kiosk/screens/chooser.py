"""The chooser: a card per worker (name, place, length, thumbnail); scrolls when there are many."""

from __future__ import annotations

import math

import pygame

from ..images import screen_surface
from ..layout import Button, Rect, row
from ..strings import pick, t
from ..view import View
from ..widgets import Measure, button, label_width, panel, paragraph, rounded, vertical_shade
from .story import leave_story

MIN_CARD = 340  # px at 1080p


def grid(view: View) -> tuple[int, int, int, int, int]:
    """(columns, card width, card height, top of the grid, visible rows): as many rows as fit with cards of at least
    MIN_CARD width, then as many columns (up to 4) as keep the cards within that height."""
    m = view.metrics
    right, below = gutter(view)
    usable = m.width - 2 * m.margin - right
    text_h = text_height(view)
    top = header_height(view)
    free = m.height - top - m.margin - below
    smallest = thumb_height(m.px(MIN_CARD)) + text_h
    visible = max(1, (free + m.gap) // (smallest + m.gap))
    tallest = (free - (visible - 1) * m.gap) // visible
    widest = max(1, (tallest - text_h) * 11 // 5)
    columns = max(1, min(4, -(-(usable + m.gap) // (widest + m.gap)), (usable + m.gap) // (m.px(MIN_CARD) + m.gap)))
    card_w = (usable - (columns - 1) * m.gap) // columns
    return columns, card_w, min(thumb_height(card_w), tallest - text_h) + text_h, top, visible


def text_height(view: View) -> int:
    """The height of a card's text: its name and two lines of details."""
    return round(view.font_px(40, cap=1.5) * 1.3 + view.font_px(28, cap=1.5) * 2.7 + view.metrics.px(24))


def gutter(view: View) -> tuple[int, int]:
    """Room kept for the scroll arrows: (on the right, below the cards): below them in portrait, where the width
    is scarce and the height is not."""
    side = view.metrics.target + view.metrics.gap
    return (0, side) if view.metrics.portrait else (side, 0)


def thumb_height(card_w: int) -> int:
    return card_w * 5 // 11


def header_height(view: View) -> int:
    """Where the cards begin: below the title and the hint, as they wrap at this size."""
    m, lang, palette = view.metrics, view.language, view.palette
    out = Measure(None, view)
    y = out.paragraph(t("choose", lang), view.font_px(56, cap=1.5), palette.text, m.margin, title_top(view),
                      title_width(view), spacing=1.2)
    y = out.paragraph(t("choose_hint", lang), view.font_px(28, cap=1.5), palette.dim, m.margin, hint_top(view, y),
                      m.width - 2 * m.margin)
    return max(y, m.margin + m.target) + m.px(24)


def hint_top(view: View, title_end: int) -> int:
    """The hint spans the width: below the title and the settings buttons."""
    m = view.metrics
    return max(title_end + m.px(6), m.margin + m.target + m.px(8))


def title_top(view: View) -> int:
    m = view.metrics
    return m.margin + (m.target + m.px(16) if m.portrait else 0)  # below the settings buttons in portrait


def title_width(view: View) -> int:
    m = view.metrics
    return m.width - 2 * m.margin - (m.px(500) if not m.portrait else 0)


def rows_needed(view: View) -> int:
    columns = grid(view)[0]
    return math.ceil(len(view.show.playlist) / columns)


def scroll_row(view: View) -> int:
    _, _, _, _, visible = grid(view)
    return max(0, min(view.state.scroll_row, rows_needed(view) - visible))


def row_for_focus(view: View, focus: int) -> int:
    """The first visible row that keeps the focused card on screen."""
    columns, _, _, _, visible = grid(view)
    row_index, first = focus // columns, scroll_row(view)
    if row_index < first:
        return row_index
    if row_index >= first + visible:
        return row_index - visible + 1
    return first


def settings_buttons(view: View, y: int) -> list[Button]:
    m, lang, settings = view.metrics, view.language, view.state.settings
    language, size = t("language_button", lang), f"A {round(settings.text_size * 100)}%"
    specs = [
        (max(m.px(150), label_width(view, language)), dict(command="cycle_language", label=language)),
        (max(m.px(110), label_width(view, size)), dict(command="cycle_text_size", label=size)),
        (m.target, dict(command="toggle_contrast", icon="contrast", active=settings.contrast)),
        (m.target, dict(command="help", label="?")),
    ]
    if len(view.library.exhibition.languages) < 2:
        specs = specs[1:]
    return [Button(rect, **spec) for rect, spec in row(m, specs, y, align="right")]


def buttons(view: View) -> list[Button]:
    m = view.metrics
    out = settings_buttons(view, m.margin)
    columns, card_w, card_h, top, visible = grid(view)
    first = scroll_row(view)
    for index, story_id in enumerate(view.show.playlist):
        r, c = divmod(index, columns)
        if not first <= r < first + visible:
            continue
        rect = Rect(m.margin + c * (card_w + m.gap), top + (r - first) * (card_h + m.gap), card_w, card_h)
        out.append(Button(rect, "open", (story_id,), focus=index, extra={"card": True}))
    if rows_needed(view) > visible:
        if m.portrait:
            up = Rect(m.width // 2 - m.gap // 2 - m.target, m.height - m.margin - m.target, m.target, m.target)
            down = Rect(m.width // 2 + m.gap // 2, up.y, m.target, m.target)
        else:
            x = m.width - m.margin - m.target
            up, down = Rect(x, top, m.target, m.target), Rect(x, m.height - m.margin - m.target, m.target, m.target)
        if first > 0:
            out.append(Button(up, "scroll_to", (first - 1,), icon="up"))
        if first + visible < rows_needed(view):
            out.append(Button(down, "scroll_to", (first + 1,), icon="down"))
    return out


def on_enter(view: View) -> None:
    leave_story(view)


def background(view: View):
    image = view.library.exhibition.theme.chooser_image
    return view.library.media(image) if image and not view.state.settings.contrast else None


def thumbnail(view: View, story_id: str, card_w: int):
    return view.library.media(view.library.stories[story_id].thumbnail_path), (card_w, card_w * 9 // 16)


def prepare(view: View) -> None:
    """Ask for the cards' thumbnails and the artwork."""
    prepare_artwork(view)
    card_w = grid(view)[1]
    for story_id in view.show.playlist:
        view.images.request(*thumbnail(view, story_id, card_w))


def prepare_artwork(view: View) -> None:
    """Once decoded, the artwork is shaded once and kept so (the attract screen has it done before the first tap)."""
    path, held = background(view), view.memo.get("chooser")
    if path is not None and not (held and held[0] == (path, view.size)):
        view.images.request(path, view.size)
        art = view.images.get(path, view.size)
        if art is not None:
            shaded = screen_surface(view.size)
            m = view.metrics
            shaded.blit(art, ((m.width - art.get_width()) // 2, (m.height - art.get_height()) // 2))
            shaded.blit(pygame.transform.scale(vertical_shade((1, view.metrics.height), 150, 210), view.size), (0, 0))
            view.memo["chooser"] = ((path, view.size), shaded)
            view.images.release(view.size)


def moving(view: View) -> bool:
    return False


def changes(view: View):
    return None


def draw(surface: pygame.Surface, view: View) -> None:
    m, palette, lang = view.metrics, view.palette, view.language
    surface.fill(palette.background)
    held = view.memo.get("chooser")
    if background(view) is not None and held and held[0] == (background(view), view.size):
        surface.blit(held[1], (0, 0))
    y = paragraph(surface, view, t("choose", lang), view.font_px(56, cap=1.5), palette.text, m.margin,
                  title_top(view), title_width(view), spacing=1.2)
    paragraph(surface, view, t("choose_hint", lang), view.font_px(28, cap=1.5), palette.dim, m.margin,
              hint_top(view, y), m.width - 2 * m.margin)
    focus = view.state.focus
    items = buttons(view)
    if not view.show.playlist:
        paragraph(surface, view, t("no_stories", lang), m.px(40), palette.text, m.margin, m.height // 2,
                  m.width - 2 * m.margin)
    for item in items:
        if item.extra.get("card"):
            card(surface, view, item, item.focus == focus)
        else:
            button(surface, view, item)


def card(surface: pygame.Surface, view: View, item: Button, focused: bool) -> None:
    m, palette, lang = view.metrics, view.palette, view.language
    story = view.library.stories[item.args[0]]
    rect = item.rect
    panel(surface, view, rect, palette.panel)
    thumb_h = rect.h - text_height(view)  # the picture gives way when the rows are short
    image = view.images.get(*thumbnail(view, story.id, rect.w))
    if image is not None:
        ox, oy = (image.get_width() - rect.w) // 2, (image.get_height() - thumb_h) // 2
        surface.blit(image, (rect.x, rect.y), (ox, oy, rect.w, thumb_h))
    pad = m.px(18)
    y = rect.y + thumb_h + m.px(12)
    name = view.text.render(pick(story.name, lang), view.font_px(40, cap=1.5), palette.text)
    if name.get_width() > rect.w - 2 * pad:  # a long name steps down rather than leave its card
        size = min(view.font_px(32, cap=1.5), view.font_px(40, cap=1.5) * (rect.w - 2 * pad) // name.get_width())
        name = view.text.render(pick(story.name, lang), size, palette.text)
    surface.blit(name, (rect.x + pad, y))
    y += round(view.font_px(40, cap=1.5) * 1.3)
    minutes = view.minutes(story.id)
    kind = {"voice": t("kind_voice", lang), "about": t("kind_about", lang)}.get(story.kind)
    details = " · ".join(x for x in (pick(story.place, lang), t("minutes", lang, n=minutes), kind) if x)
    size = view.font_px(28, cap=1.5)
    while size > m.px(18) and len(view.text.block(details, size, palette.dim, rect.w - 2 * pad)) > 2:
        size -= max(1, m.px(2))  # two lines of details, as the card's height allows
    paragraph(surface, view, details, size, palette.dim, rect.x + pad, y, rect.w - 2 * pad)
    ring = max(3, m.px(5))
    colour = palette.accent if focused else palette.outline
    surface.blit(rounded((rect.w, rect.h), (0, 0, 0, 0), m.px(18), ring if focused else 1, tuple(colour)),
                 (rect.x, rect.y))
