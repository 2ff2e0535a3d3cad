"""What every screen needs to draw itself: size, show, content, caches and colours."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .layout import Metrics

if TYPE_CHECKING:
    from ..content.load import Library
    from ..show.machine import Show
    from .images import ImageStore
    from .motion import KenBurns
    from .text import TextCache

RGB = tuple[int, int, int]


def hex_colour(value: str) -> RGB:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def mix(a: RGB, b: RGB, k: float) -> RGB:
    return tuple(round(x + (y - x) * k) for x, y in zip(a, b))  # type: ignore[return-value]


@dataclass(frozen=True)
class Palette:
    background: RGB
    text: RGB
    dim: RGB
    accent: RGB
    panel: tuple[int, int, int, int]
    button: tuple[int, int, int, int]
    caption_box: tuple[int, int, int, int]
    caption_text: RGB
    outline: RGB

    @classmethod
    @functools.lru_cache(maxsize=8)
    def for_theme(cls, theme, contrast: bool) -> "Palette":
        if contrast:
            white, black, yellow = (255, 255, 255), (0, 0, 0), (255, 221, 0)
            return cls(black, white, white, yellow, (0, 0, 0, 255), (0, 0, 0, 255), (0, 0, 0, 255), white, white)
        background, text, accent = hex_colour(theme.background), hex_colour(theme.text), hex_colour(theme.accent)
        return cls(
            background=background,
            text=text,
            dim=mix(text, background, 0.3),
            accent=accent,
            panel=(*mix(background, (0, 0, 0), 0.35), 225),
            button=(*mix(background, text, 0.12), 235),
            caption_box=(8, 9, 12, 200),
            caption_text=(246, 243, 236),
            outline=mix(text, background, 0.55),
        )


@dataclass
class View:
    metrics: Metrics
    show: "Show"
    library: "Library"
    text: "TextCache"
    images: "ImageStore"
    motion: "KenBurns"
    now: float
    memo: dict = field(default_factory=dict)  # the App's: what screens prepare and their drawing reuses
    speaking: str | None = None  # a language other than the visitor's (what a screen makes ahead for a switch)

    @property
    def state(self):
        return self.show.state

    @property
    def language(self) -> str:
        return self.speaking or self.show.state.settings.language

    def in_next_language(self) -> "View | None":
        """This view in the language the language button switches to (None: the show has one language)."""
        languages = self.library.exhibition.languages
        if len(languages) < 2 or self.language not in languages:
            return None
        return replace(self, speaking=languages[(languages.index(self.language) + 1) % len(languages)])

    @property
    def palette(self) -> Palette:
        return Palette.for_theme(self.library.exhibition.theme, self.show.state.settings.contrast)

    @property
    def size(self) -> tuple[int, int]:
        return (self.metrics.width, self.metrics.height)

    def font_px(self, base: float, grow: bool = True, cap: float = 2.0) -> int:
        factor = min(cap, self.show.state.settings.text_size) if grow else 1.0
        return self.metrics.px(base * factor)

    def minutes(self, story_id: str) -> int:
        """A story's length in whole minutes, in the visitor's language, as the chooser and the note show it."""
        return max(1, round(self.library.story_length(story_id, self.language) / 60))
