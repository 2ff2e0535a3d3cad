"""One module per screen, each with the same small contract (`Screen`); the App calls nothing else of them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, Protocol

if TYPE_CHECKING:
    import pygame

    from ..layout import Button
    from ..view import View


class Screen(Protocol):
    def buttons(self, view: "View") -> list["Button"]:
        """The touch targets, each with the command it posts."""

    def on_enter(self, view: "View") -> None:
        """Once, as the screen is shown: ask for what it and the screen after it will need."""

    def prepare(self, view: "View") -> None:
        """Before each frame, outside drawing: ask for images, set up moving layers."""

    def moving(self, view: "View") -> bool:
        """Whether the picture changes with time alone (the loop then wakes for frames; otherwise it sleeps)."""

    def changes(self, view: "View") -> Hashable:
        """Everything besides the show's state that changes the picture; the frame is redrawn when it changes."""

    def draw(self, surface: "pygame.Surface", view: "View") -> None:
        """Draw the whole screen from the view; no side effects."""


class LiveScreen(Screen, Protocol):
    """A screen with a small part that moves on its own (redrawn alone, as a dirty rectangle)."""

    def live(self, view: "View") -> Hashable:
        """What changes the moving part; when only this changed, only `draw_live` runs."""

    def draw_live(self, surface: "pygame.Surface", view: "View") -> list:
        """Redraw the moving part over the last full frame; returns the rectangles it changed."""
