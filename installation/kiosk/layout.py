"""Screen geometry without pygame: rectangles, buttons and the scale that keeps targets touchable."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MIN_TARGET = 44  # px at 1080p (WCAG 2.5.5), scaled with the screen


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    w: int
    h: int

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px < self.x + self.w and self.y <= py < self.y + self.h

    @property
    def tuple(self) -> tuple[int, int, int, int]:
        return (self.x, self.y, self.w, self.h)

    @property
    def center(self) -> tuple[int, int]:
        return (self.x + self.w // 2, self.y + self.h // 2)

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h


@dataclass(frozen=True)
class Button:
    """A touch target: where it is, which command it sends, and how it is drawn."""

    rect: Rect
    command: str
    args: tuple[Any, ...] = ()
    label: str = ""
    icon: str = ""
    focus: int | None = None  # keyboard focus index, if keys can reach it
    active: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Metrics:
    width: int
    height: int

    @property
    def scale(self) -> float:
        return min(self.width, self.height) / 1080

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    @property
    def target(self) -> int:
        """Height of a touch target: comfortably above the 44 px minimum."""
        return max(MIN_TARGET, self.px(84))

    @property
    def margin(self) -> int:
        return self.px(48)

    @property
    def gap(self) -> int:
        return max(24, self.px(24))


def row(metrics: Metrics, specs: list[tuple[int, dict]], y: int, x: int | None = None, align: str = "left",
        right: int | None = None) -> list[tuple[Rect, dict]]:
    """Lay out targets of the given widths in a row; returns their rects with the spec dicts."""
    gap = metrics.gap
    total = sum(w for w, _ in specs) + gap * (len(specs) - 1)
    if align == "center":
        x = (metrics.width - total) // 2
    elif align == "right":
        x = (right if right is not None else metrics.width - metrics.margin) - total
    x = metrics.margin if x is None else x
    out = []
    for width, spec in specs:
        out.append((Rect(x, y, width, metrics.target), spec))
        x += width + gap
    return out


def hit(buttons: list[Button], x: float, y: float) -> Button | None:
    for button in reversed(buttons):  # later buttons are drawn on top
        if button.rect.contains(x, y):
            return button
    return None
