"""Drawing pieces shared by the screens: panels, buttons, icons, text blocks."""

from __future__ import annotations

import functools
import math

import pygame

from .layout import Button, Rect
from .view import View


@functools.lru_cache(maxsize=48)  # buttons and panels (a caption's box is kept by the story screen)
def rounded(size: tuple[int, int], colour: tuple[int, ...], radius: int, border: int = 0,
            border_colour: tuple[int, ...] = (0, 0, 0)) -> pygame.Surface:
    surface = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(surface, colour, (0, 0, *size), border_radius=radius)
    if border:
        pygame.draw.rect(surface, border_colour, (0, 0, *size), width=border, border_radius=radius)
    return surface


def panel(surface: pygame.Surface, view: View, rect: Rect, colour=None, radius: int | None = None) -> None:
    colour = colour or view.palette.panel
    surface.blit(rounded((rect.w, rect.h), tuple(colour), view.metrics.px(18) if radius is None else radius),
                 (rect.x, rect.y))


@functools.lru_cache(maxsize=16)
def vertical_shade(size: tuple[int, int], top: int, bottom: int) -> pygame.Surface:
    """A black gradient from alpha `top` to alpha `bottom`, for legibility over illustrations."""
    w, h = size
    strip = pygame.Surface((1, 256), pygame.SRCALPHA)
    for y in range(256):
        strip.set_at((0, y), (0, 0, 0, round(top + (bottom - top) * y / 255)))
    return pygame.transform.smoothscale(strip, (w, h))


def blit_lines(surface: pygame.Surface, view: View, lines: list[pygame.Surface], x: int, y: int,
               line_height: int, align: str = "left", width: int = 0) -> int:
    for line in lines:
        lx = x
        if align == "center":
            lx = x + (width - line.get_width()) // 2
        surface.blit(line, (lx, y))
        y += line_height
    return y


def paragraph(surface: pygame.Surface, view: View, text: str, size: int, colour, x: int, y: int, width: int,
              align: str = "left", spacing: float = 1.35) -> int:
    lines = view.text.block(text, size, colour, width)
    return blit_lines(surface, view, lines, x, y, round(size * spacing), align, width)


def button(surface: pygame.Surface, view: View, item: Button, focused: bool = False) -> None:
    palette, rect = view.palette, item.rect
    fill = palette.accent + (255,) if item.active else palette.button
    radius = min(rect.h // 2, view.metrics.px(22))
    border = max(2, view.metrics.px(2)) if view.state.settings.contrast else 0
    surface.blit(rounded((rect.w, rect.h), tuple(fill), radius, border, tuple(palette.outline)), (rect.x, rect.y))
    ink = palette.background if item.active else palette.text
    if item.icon:
        icon(surface, item.icon, rect, ink, view)
    label = label_placement(view, item)
    if label is not None:
        surface.blit(*label)
    if focused:
        ring = max(3, view.metrics.px(4))
        pygame.draw.rect(surface, palette.accent, (rect.x - ring * 2, rect.y - ring * 2, rect.w + ring * 4,
                                                   rect.h + ring * 4), width=ring, border_radius=radius + ring * 2)


def label_placement(view: View, item: Button) -> tuple[pygame.Surface, tuple[int, int]] | None:
    """A button's label, rendered, and where it goes on the screen: at the text size if it fits, else one step
    smaller, else as large as fits (a label never runs out of its button)."""
    if not item.label:
        return None
    rect, m = item.rect, view.metrics
    ink = view.palette.background if item.active else view.palette.text
    room = rect.w - (rect.h if item.icon else 0) - m.px(16)
    size = view.font_px(30, cap=1.5)
    label = view.text.render(item.label, size, ink)
    if label.get_width() > room:
        size = min(size, m.px(26))
        label = view.text.render(item.label, size, ink)
    if label.get_width() > room:
        label = view.text.render(item.label, max(6, size * room // label.get_width()), ink)
    lx = rect.x + rect.h if item.icon else rect.x + (rect.w - label.get_width()) // 2
    return label, (lx, rect.y + (rect.h - label.get_height()) // 2)


def label_width(view: View, label: str, icon: bool = False) -> int:
    """How wide a button must be to show its label at the visitor's text size."""
    from .text import face

    width = face().get_rect(label, size=view.font_px(30, cap=1.5)).width
    return width + (view.metrics.target if icon else 0) + view.metrics.px(32)


FIT_STEPS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)  # text scales tried, largest first, until a screen's text fits its box


class Measure:
    """Draws text blocks, or, with no surface, only measures how far down they reach."""

    def __init__(self, surface: pygame.Surface | None, view: View, scale: float = 1.0):
        self.surface, self.view, self.scale = surface, view, scale

    def size(self, base: float, cap: float = 2.0) -> int:
        return max(1, round(self.view.font_px(base, cap=cap) * self.scale))

    def paragraph(self, text: str, size: int, colour, x: int, y: int, width: int, spacing: float = 1.35) -> int:
        if self.surface is not None:
            return paragraph(self.surface, self.view, text, size, colour, x, y, width, spacing=spacing)
        return y + len(self.view.text.block(text, size, colour, width)) * round(size * spacing)


def fitted(view: View, layouts, bottom: int):
    """The first (scale, layout) whose measured text ends above `bottom`: each layout is tried at full size before a
    smaller scale is; the last one at the smallest scale if none fits."""
    for scale in FIT_STEPS:
        for layout in layouts:
            if layout(Measure(None, view, scale)) <= bottom:
                return scale, layout
    return FIT_STEPS[-1], layouts[-1]


def icon(surface: pygame.Surface, name: str, rect: Rect, colour, view: View) -> None:
    """Simple geometric icons (the font has no glyphs for media symbols)."""
    s = rect.h * 0.22
    cx, cy = (rect.x + rect.h / 2, rect.y + rect.h / 2) if name.endswith("+label") else rect.center
    name = name.removesuffix("+label")
    line = max(2, round(s / 4))
    if name == "play":
        pygame.draw.polygon(surface, colour, [(cx - s * 0.7, cy - s), (cx - s * 0.7, cy + s), (cx + s, cy)])
    elif name == "pause":
        for dx in (-s * 0.55, s * 0.25):
            pygame.draw.rect(surface, colour, (cx + dx - 1, cy - s, s * 0.45, s * 2))
    elif name in ("next", "previous"):
        sign = 1 if name == "next" else -1
        pygame.draw.polygon(surface, colour, [(cx - sign * s * 0.8, cy - s), (cx - sign * s * 0.8, cy + s),
                                              (cx + sign * s * 0.5, cy)])
        pygame.draw.rect(surface, colour, (cx + sign * s * 0.55 - (s * 0.3 if sign > 0 else 0), cy - s, s * 0.3, s * 2))
    elif name == "replay":
        box = pygame.Rect(0, 0, s * 2, s * 2)
        box.center = (round(cx), round(cy))
        pygame.draw.arc(surface, colour, box, math.radians(60), math.radians(360), line)
        tip = (cx + s * math.cos(math.radians(60)), cy - s * math.sin(math.radians(60)))
        pygame.draw.polygon(surface, colour, [(tip[0] - s * 0.55, tip[1] - s * 0.35), (tip[0] + s * 0.3, tip[1] - s * 0.6),
                                              (tip[0] + s * 0.05, tip[1] + s * 0.35)])
    elif name == "close":
        for a, b in (((-1, -1), (1, 1)), ((-1, 1), (1, -1))):
            pygame.draw.line(surface, colour, (cx + a[0] * s * 0.75, cy + a[1] * s * 0.75),
                             (cx + b[0] * s * 0.75, cy + b[1] * s * 0.75), line + 1)
    elif name in ("volume_down", "volume_up", "mute"):
        body = [(cx - s * 1.1, cy - s * 0.4), (cx - s * 0.6, cy - s * 0.4), (cx, cy - s), (cx, cy + s),
                (cx - s * 0.6, cy + s * 0.4), (cx - s * 1.1, cy + s * 0.4)]
        pygame.draw.polygon(surface, colour, body)
        mx = cx + s * 0.7
        if name == "mute":
            pygame.draw.line(surface, colour, (mx - s * 0.3, cy - s * 0.45), (mx + s * 0.5, cy + s * 0.45), line)
            pygame.draw.line(surface, colour, (mx - s * 0.3, cy + s * 0.45), (mx + s * 0.5, cy - s * 0.45), line)
        else:
            pygame.draw.line(surface, colour, (mx - s * 0.2, cy), (mx + s * 0.6, cy), line)
            if name == "volume_up":
                pygame.draw.line(surface, colour, (mx + s * 0.2, cy - s * 0.4), (mx + s * 0.2, cy + s * 0.4), line)
    elif name == "contrast":
        r = round(s)
        pygame.draw.circle(surface, colour, (round(cx), round(cy)), r, line)
        pygame.draw.circle(surface, colour, (round(cx), round(cy)), r, draw_top_left=True, draw_bottom_left=True)
    elif name in ("up", "down"):
        sign = -1 if name == "up" else 1
        pygame.draw.polygon(surface, colour, [(cx - s, cy - sign * s * 0.5), (cx + s, cy - sign * s * 0.5),
                                              (cx, cy + sign * s * 0.6)])
