"""Drawing the storyboard's pages with pygame: tiles (illustration, captions, alt text, problems), the layout that
fits a story on as few legible pages as possible, and writing PNG and PDF."""

from __future__ import annotations

import datetime
import math
import os
from pathlib import Path

from .sheets import (ACCENT, BAND, BORDER, COMFORTABLE, DPI, ERROR, FAINT, FOOTER, GUTTER, INK, LABELS, LANGUAGE_NAMES,
                     LAYOUTS, MARGIN, MIN_SCALE, MUTED, PAD, PAGE, PAPER, SCALES, SIDE_BY_SIDE, THUMB_HEIGHT,
                     THUMB_SHARE, TILE, WARNING, Layout, Pen, SceneSheet, StorySheet, clock)


def thumbnail(path: Path, size: tuple[int, int]):
    """The illustration cropped to fill `size`, or None if it is missing or cannot be decoded."""
    import pygame

    from installation.kiosk.images import load

    try:
        surface = load(path, size, "cover")
    except Exception:  # noqa: BLE001 - missing or corrupt: the tile says so
        return None
    if surface.get_bitsize() < 24:
        surface = surface.convert(24, 0) if hasattr(surface, "convert") else surface
    w, h = surface.get_size()
    x, y = max(0, (w - size[0]) // 2), max(0, (h - size[1]) // 2)
    crop = pygame.Surface(size)
    crop.blit(surface, (0, 0), (x, y, size[0], size[1]))
    return crop


def draw_placeholder(surface, rect, pen: Pen, label: str, detail: str) -> None:
    import pygame

    pygame.draw.rect(surface, (232, 226, 216), rect)
    pygame.draw.line(surface, BORDER, rect.topleft, rect.bottomright, 2)
    pygame.draw.line(surface, BORDER, rect.bottomleft, rect.topright, 2)
    y = rect.centery - pen.line_height(20)
    for text, colour, strong in ((label, ERROR, True), (detail, MUTED, False)):
        width = pen.width(text, 18, strong)
        pen.text(text, rect.centerx - width // 2, y, 18, colour, strong)
        y += pen.line_height(20)


def tile_height(sheet: StorySheet, scene: SceneSheet, width: int, height: int, scale: float,
                caption_limit: int | None = None) -> int:
    return draw_tile(None, sheet, scene, 0, 0, width, height, scale, caption_limit)


def draw_tile(surface, sheet: StorySheet, scene: SceneSheet, x: int, y: int, width: int, height: int,
              scale: float, caption_limit: int | None = None) -> int:
    """Draw one scene's tile into its cell (or measure it, with surface None); returns the height it needs."""
    import pygame

    pen = Pen(surface, scale)
    inner = width - 2 * PAD
    if surface is not None:
        pygame.draw.rect(surface, TILE, (x, y, width, height), border_radius=10)
        pygame.draw.rect(surface, BORDER, (x, y, width, height), 2, border_radius=10)
    # band: number, scene id, lengths
    band_h = pen.line_height(26) + 12
    if surface is not None:
        pygame.draw.rect(surface, BAND, (x + 2, y + 2, width - 4, band_h), border_top_left_radius=9,
                         border_top_right_radius=9)
    cx = x + PAD
    cx += pen.text(f"{scene.number}", cx, y + 6, 26, ACCENT, strong=True) + 14
    pen.text(scene.scene.id, cx, y + 6, 26, INK, strong=True)
    lengths = "   ".join(f"{LANGUAGE_NAMES.get(lang, lang)} {clock(scene.lengths[lang])}"
                         + ("" if scene.narrated[lang] else " (no narration)") for lang in sheet.languages)
    pen.text(lengths, x + width - PAD - pen.width(lengths, 20), y + 6 + (pen.line_height(26) - pen.line_height(20)) // 2,
             20, MUTED)
    top = y + band_h + PAD // 1

    # left column: thumbnail, file, alt text
    thumb_w = min(round(inner * THUMB_SHARE), round(height * THUMB_HEIGHT * 16 / 9))
    thumb_h = round(thumb_w * 9 / 16)
    left_x = x + PAD
    if surface is not None:
        rect = pygame.Rect(left_x, top, thumb_w, thumb_h)
        image = thumbnail(scene.image, (thumb_w, thumb_h))
        if image is None:
            exists = scene.image is not None and scene.image.exists()  # None: a link out of media/, never opened
            draw_placeholder(surface, rect, pen, "illustration missing" if not exists else "cannot be decoded",
                             scene.scene.illustration)
        else:
            surface.blit(image, rect)
            pygame.draw.rect(surface, BORDER, rect, 1)
    ly = top + thumb_h + 8
    ly += pen.para(scene.scene.illustration, left_x, ly, thumb_w, 16, FAINT, max_lines=1) + 6
    for name in ("alt", "description"):
        value = getattr(scene.scene, name)
        if not value:
            continue
        for language in sheet.languages:
            if value.get(language):
                label = f"{LABELS[name].get(language, name)}: "
                ly += pen.para(label + value[language], left_x, ly, thumb_w, 18, MUTED) + 4
    left_bottom = ly

    # right: captions per language with their times; side by side when there is room, else one under the other
    rx = left_x + thumb_w + 26
    rw = x + width - PAD - rx
    languages = sheet.languages
    side_by_side = len(languages) > 1 and rw >= len(languages) * SIDE_BY_SIDE * scale
    column_w = (rw - (len(languages) - 1) * 28) // len(languages) if side_by_side else rw
    ry = column_top = top - 4
    lowest = ry
    for index, language in enumerate(languages):
        if side_by_side:
            ry = column_top
        cx = rx + index * (column_w + 28) if side_by_side else rx
        ry = draw_captions(pen, sheet, scene, language, cx, ry, column_w, caption_limit)
        lowest = max(lowest, ry)
    ry = lowest
    bottom = max(left_bottom, ry)

    # problems from `installation check`, across the whole tile
    if scene.problems:
        bottom += 2
        if surface is not None:
            pygame.draw.line(surface, BORDER, (x + PAD, bottom), (x + width - PAD, bottom), 1)
        bottom += 6
        for problem in scene.problems:
            colour = ERROR if problem.level == "error" else WARNING
            where = f"line {problem.line}" if problem.path == sheet.story_file else f"{problem.path}:{problem.line}"
            if surface is not None:
                r = max(4, round(6 * scale))
                pygame.draw.circle(surface, colour, (x + PAD + r, bottom + pen.line_height(17) // 2), r)
            bottom += pen.para(f"{problem.level} · {where}: {problem.message}", x + PAD + round(22 * scale), bottom,
                               inner - round(22 * scale), 17, colour) + 1
    return bottom + PAD - y


def draw_captions(pen: Pen, sheet: StorySheet, scene: SceneSheet, language: str, x: int, y: int, width: int,
                  caption_limit: int | None) -> int:
    """One language's captions, each with its start and end time; returns the y below them."""
    time_w = pen.width("0:00.0–0:00.0", 18) + 14
    rows = scene.captions.get(language, [])
    pen.text(LANGUAGE_NAMES.get(language, language), x, y, 18, ACCENT, strong=True)
    y += pen.line_height(18) + 2
    if not rows:
        y += pen.para("no captions", x, y, width, 20, ERROR)
    shown_lines = hidden = 0
    for row in rows:
        lines = pen.lines(row.text, 22, width - time_w)
        if caption_limit is not None and shown_lines + len(lines) > caption_limit:
            hidden += 1
            continue
        pen.text(f"{clock(row.start)}–{clock(row.end)}", x, y + (pen.line_height(22) - pen.line_height(18)) // 2,
                 18, MUTED)
        for line in lines:
            pen.text(line, x + time_w, y, 22, INK)
            y += pen.line_height(22)
        shown_lines += len(lines)
        y += 3
    if hidden:
        y += pen.para(f"… {hidden} more caption{'s' if hidden > 1 else ''}: see {sheet.story_file}", x, y, width, 18,
                      ERROR)
    return y + 8


def fits(sheet: StorySheet, width: int, height: int, scale: float, limit: int | None = None) -> bool:
    return all(tile_height(sheet, scene, width, height, scale, limit) <= height for scene in sheet.scenes)


def largest_scale(sheet: StorySheet, width: int, height: int) -> float | None:
    """The largest of SCALES at which every tile fits its cell (None: not even the smallest). A few fixed scales
    (binary search), so that text measured for one layout is reused for the next."""
    if not fits(sheet, width, height, SCALES[-1]):
        return None
    low, high = len(SCALES) - 1, 0  # fits at index low; index high is untested
    if fits(sheet, width, height, SCALES[0]):
        return SCALES[0]
    while low - high > 1:
        middle = (low + high) // 2
        if fits(sheet, width, height, SCALES[middle]):
            low = middle
        else:
            high = middle
    return SCALES[low]


def choose_layout(sheet: StorySheet, width: int, body: int) -> Layout:
    """The layout with the fewest pages whose tiles fit with text at least at COMFORTABLE scale, and among those
    the largest tiles (a short story fills its page); failing that, the largest text at MIN_SCALE or above."""
    count = max(1, len(sheet.scenes))
    candidates = []
    for columns, rows in LAYOUTS:
        tile = ((width - (columns - 1) * GUTTER) // columns, (body - (rows - 1) * GUTTER) // rows)
        scale = largest_scale(sheet, *tile)
        if scale is not None:
            candidates.append(Layout(columns, rows, tile, scale, math.ceil(count / (columns * rows))))
    best: Layout | None = None
    if candidates:
        fewest = min(layout.pages for layout in candidates)
        fewest_pages = [layout for layout in candidates if layout.pages == fewest]
        comfortable = [layout for layout in fewest_pages if layout.scale >= COMFORTABLE]
        if comfortable:
            best = max(comfortable, key=lambda layout: layout.tile[0] * layout.tile[1])
        else:
            best = max(fewest_pages, key=lambda layout: layout.scale)
    if best is not None:
        return best
    # Even the smallest text overflows (a scene with very many captions): keep as many caption lines as fit.
    columns, rows = LAYOUTS[1]
    tile = ((width - (columns - 1) * GUTTER) // columns, (body - (rows - 1) * GUTTER) // rows)
    limit = 40
    while limit > 1 and not fits(sheet, *tile, MIN_SCALE, limit):
        limit -= 1
    return Layout(columns, rows, tile, MIN_SCALE, math.ceil(count / (columns * rows)), limit)


def header_height(sheet: StorySheet, width: int, surface=None, x: int = MARGIN, y: int = MARGIN) -> int:
    """The story's header (drawn on every page): name, kind, place, lengths, content notes, epilogue, problems."""
    pen = Pen(surface)
    story = sheet.story
    names = list(dict.fromkeys(story.name.get(lang) for lang in sheet.languages if story.name.get(lang)))
    cx = x
    cx += pen.text(" · ".join(names) or story.id, cx, y, 46, INK, strong=True) + 24
    places = " / ".join(dict.fromkeys(story.place.get(lang) for lang in sheet.languages if story.place.get(lang)))
    total = "   ".join(f"{LANGUAGE_NAMES.get(lang, lang)} {clock(sum(s.lengths[lang] for s in sheet.scenes))}"
                       for lang in sheet.languages)
    meta = f"{story.kind} · {places} · {len(sheet.scenes)} scene{'s' if len(sheet.scenes) != 1 else ''} · {total}"
    pen.text(meta, cx, y + (pen.line_height(46) - pen.line_height(24)) // 2 + 4, 24, MUTED)
    cy = y + pen.line_height(46) + 6
    label_w = max(pen.width(text, 22, True) for text in ("Content notes", "Epilogue")) + 24
    for label, value in (("Content notes", story.content_notes), ("Epilogue", story.epilogue)):
        first = True
        for language in sheet.languages:
            items = value.get(language) or []
            if not items:
                continue
            if first:
                pen.text(label, x, cy, 22, ACCENT, strong=True)
                first = False
            joiner = " · " if label == "Content notes" else " "
            cy += pen.para(joiner.join(items), x + label_w, cy, width - label_w, 22, INK, max_lines=3) + 2
    for problem in sheet.problems:
        colour = ERROR if problem.level == "error" else WARNING
        where = f"line {problem.line}" if problem.path == sheet.story_file else f"{problem.path}:{problem.line}"
        cy += pen.para(f"{problem.level} · {where}: {problem.message}", x + label_w, cy, width - label_w, 20,
                       colour, max_lines=2)
    cy += 10
    if surface is not None:
        import pygame

        pygame.draw.line(surface, ACCENT, (x, cy), (x + width, cy), 3)
    return cy + 3 + GUTTER - y


def page_layout(sheet: StorySheet) -> tuple[Layout, int]:
    """The tile layout, and the top of the tiles on every page (below the header)."""
    width = PAGE[0] - 2 * MARGIN
    head = header_height(sheet, width)
    body = PAGE[1] - MARGIN - head - FOOTER - MARGIN // 2
    return choose_layout(sheet, width, body), MARGIN + head


def render(sheet: StorySheet, layout: Layout | None = None) -> list:
    """The story's pages as pygame surfaces, each PAGE in size."""
    import pygame

    width = PAGE[0] - 2 * MARGIN
    chosen, top = page_layout(sheet)
    layout = layout or chosen
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    pages = []
    for page in range(layout.pages):
        surface = pygame.Surface(PAGE)
        surface.fill(PAPER)
        header_height(sheet, width, surface)
        for slot, scene in enumerate(sheet.scenes[page * layout.per_page:(page + 1) * layout.per_page]):
            x, y, w, h = layout.tile_rect(slot, top)
            draw_tile(surface, sheet, scene, x, y, w, h, layout.scale, layout.caption_limit)
        pen = Pen(surface)
        footer_y = PAGE[1] - MARGIN // 2 - pen.line_height(18)
        left = f"Storyboard · {sheet.story_file} · exhibition {sheet.exhibition} · {stamp}"
        pen.text(left, MARGIN, footer_y, 18, MUTED)
        right = f"page {page + 1} of {layout.pages}"
        pen.text(right, PAGE[0] - MARGIN - pen.width(right, 18), footer_y, 18, MUTED)
        pages.append(surface)
    return pages


def write(pages: list, png: Path, pdf: Path | None) -> None:
    """All pages one under the other as PNG; one PDF page each. Pillow writes both (pygame's PNG encoder is ~5×
    slower on a sheet this size)."""
    import pygame
    from PIL import Image

    images = [Image.frombytes("RGB", PAGE, pygame.image.tobytes(page, "RGB")) for page in pages]
    sheet = Image.new("RGB", (PAGE[0], PAGE[1] * len(images)))
    for index, image in enumerate(images):
        sheet.paste(image, (0, index * PAGE[1]))
    png.parent.mkdir(parents=True, exist_ok=True)
    temporary = png.with_name(png.stem + ".part.png")
    sheet.save(temporary, "PNG", compress_level=4, dpi=(DPI, DPI))
    os.replace(temporary, png)
    if pdf is not None:
        temporary = pdf.with_name(pdf.stem + ".part.pdf")
        images[0].save(temporary, "PDF", save_all=True, append_images=images[1:], resolution=DPI,
                       title=png.stem, producer="installation storyboard")
        os.replace(temporary, pdf)


