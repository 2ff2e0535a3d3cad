"""What the show is doing right now: plain data, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCREENS = ("attract", "chooser", "note", "story", "end")
TEXT_SIZES = (1.0, 1.5, 2.0)


@dataclass(frozen=True)
class Effect:
    """Something the show asks an adapter to do (play sound, preload images, record a statistic)."""

    kind: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Settings:
    language: str
    captions: bool = True
    text_size: float = 1.0
    contrast: bool = False
    volume: float = 0.8
    muted: bool = False
    description: bool = False  # audio description: each scene's picture is described before its narration
    voice: bool = False  # spoken guidance: menus and notes read aloud


@dataclass
class State:
    screen: str
    settings: Settings
    story: str | None = None
    scene: int = 0  # 0-based index into the story's scenes
    scene_started: float = 0.0
    paused_at: float | None = None
    paused_total: float = 0.0
    previous_scene: int | None = None  # the scene fading out, during a crossfade
    previous_started: float = 0.0
    transition_started: float = -1e9
    early_exit: bool = False
    focus: int = 0
    scroll_row: int = 0
    help: bool = False
    last_activity: float = 0.0
    warning_since: float | None = None
    blackout: bool = False
    identify_until: float = 0.0
    screen_since: float = 0.0
    problems: tuple = ()  # of the last refused live reload, shown to curators in windowed preview
    version: int = 0  # counts every change (what /state publishes)
    picture: int = 0  # … those the screen shows (a change of volume is heard; only the story's volume button shows it)
