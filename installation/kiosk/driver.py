"""Drive a real kiosk as a visitor or a technician would (like Textual's Pilot): press keys, tap a button by the
command it sends, send commands, wait until the app is idle, look at what it shows, take a screenshot.

Scripts (`installation play --script`) and the tests use it; on a simulated clock `advance` moves time, on the real
clock `wait_until_idle` waits on the app's own signals (nothing queued, every image decoded, every moving picture
drawn), never on a sleep."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from ..show.clock import SimClock
from ..show.commands import Outcome, make
from .layout import Button
from .view import View

FRAME = 1 / 30  # simulated seconds per loop turn


def key_code(name: str) -> int | None:
    try:
        return pygame.key.key_code(name)
    except (ValueError, pygame.error):
        return None


@dataclass(frozen=True)
class Look:
    """What the kiosk shows: the screen, the texts drawn on it (in drawing order) and its buttons."""

    screen: str
    texts: tuple[str, ...]
    buttons: tuple[Button, ...]

    @property
    def commands(self) -> list[str]:
        """The buttons as `command arg…`, e.g. `open lulu`."""
        return [" ".join([b.command, *map(str, b.args)]) for b in self.buttons]

    def shows(self, text: str) -> bool:
        return any(text in shown for shown in self.texts)


class _Reading:
    """A text cache that notes every text drawn through it (for `Driver.look`)."""

    def __init__(self, cache: Any):
        self.cache, self.seen = cache, []

    def render(self, text: str, size: int, colour) -> pygame.Surface:
        self.seen.append(text)
        return self.cache.render(text, size, colour)

    def block(self, text: str, *args, **kwargs) -> list[pygame.Surface]:
        self.seen.append(text)
        return self.cache.block(text, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.cache, name)


class Driver:
    def __init__(self, app):
        self.app = app

    @property
    def simulated(self) -> bool:
        return isinstance(self.app.clock, SimClock)

    # ---------------------------------------------------------------- time
    def advance(self, seconds: float) -> None:
        """Let `seconds` pass: simulated time in frames, or real time on the real clock (a script's `wait`)."""
        app = self.app
        if self.simulated:
            remaining = seconds
            while remaining > 1e-9 and app.running:
                dt = min(FRAME, remaining)
                app.clock.advance(dt)
                remaining -= dt
                app.step()
            return
        until = time.monotonic() + seconds
        while app.running and time.monotonic() < until:
            app.turn()

    def wait_until_idle(self, timeout: float = 60.0) -> None:
        """Turn the loop until the app says it is idle: no command waiting, no image being decoded, every moving
        picture's frame drawn. `timeout` only guards against a hang (TimeoutError); it is not a measurement."""
        app = self.app
        deadline = time.monotonic() + timeout
        while True:
            app.step()
            if app.idle() or not app.running:
                app.step()  # draw what the workers finished
                return
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"the kiosk did not become idle within {timeout:g} s")
            if not app.images.open.is_set():  # a crossfade holds the decoder: it ends as the loop turns
                app.turn()
                continue
            app.images.wait_all(timeout=left)
            app.motion.wait_drawn(timeout=max(0.0, deadline - time.monotonic()))

    def _settle(self) -> None:
        if self.simulated:
            self.advance(FRAME)
        else:
            self.wait_until_idle()

    # ---------------------------------------------------------------- input
    def press(self, *names: str) -> None:
        """Press and release keys by their pygame names (`return`, `right`, `+`, `h`…), one after another."""
        for name in names:
            code = key_code(name)
            if code is None:
                raise ValueError(f"unknown key name {name!r}")
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0))
            pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0))
            self._settle()

    def tap_at(self, x: float, y: float) -> None:
        self.swipe(x, y, x, y)

    def swipe(self, x1: float, y1: float, x2: float, y2: float) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x1, y1), button=1, touch=False))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x2, y2), button=1, touch=False))
        self._settle()

    def button(self, command: str, *args: Any) -> Button:
        """The button on screen that sends this command (with these arguments, if given)."""
        buttons = self.buttons()
        for button in buttons:
            if button.command == command and (not args or tuple(map(str, button.args)) == tuple(map(str, args))):
                return button
        wanted = " ".join([command, *map(str, args)])
        shown = ", ".join(" ".join([b.command, *map(str, b.args)]) for b in buttons) or "none"
        raise LookupError(f"no button '{wanted}' on the {self.app.show.state.screen} screen (buttons: {shown})")

    def tap(self, command: str, *args: Any) -> Button:
        """Tap, in its middle, the button that sends this command."""
        button = self.button(command, *args)
        self.tap_at(*button.rect.center)
        return button

    def command(self, name: str, *args: Any) -> Outcome:
        """Send a command as the technician's tools do (OSC, schedule, scripts); returns the show's verdict."""
        outcome = self.app.dispatch(make(name, *args))
        self._settle()
        return outcome

    # ---------------------------------------------------------------- looking
    def buttons(self) -> list[Button]:
        return list(self.app.buttons(self.app.view()))

    def look(self) -> Look:
        """Draw the current frame once more, noting every text drawn, and say what it shows."""
        app = self.app
        reading = _Reading(app.text)
        view = View(app.metrics, app.show, app.library, reading, app.images, app.motion, app.clock(), app.memo)
        app.draw(view)
        return Look(app.show.state.screen, tuple(reading.seen), tuple(app.buttons(view)))

    def screenshot(self, path: Path) -> Path:
        if self.simulated:
            self.app.images.wait_all()
        return self.app.screenshot(path)
