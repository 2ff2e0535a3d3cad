"""Whether the picture must be drawn again, drawing and presenting it, and when each scene's first frame was
presented (the `started` stamp synchronised screens are compared on, docs/fleet.md)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pygame

from ..hooks import call_each
from .pacing import MIN_FRAME
from .screens import Screen, attract, chooser, end, note, overlays, story
from .view import View

if TYPE_CHECKING:
    from .app import App

SCREENS: dict[str, Screen] = {"attract": attract, "chooser": chooser, "note": note, "story": story, "end": end}


class Frames:
    def __init__(self, app: "App"):
        self.app = app
        self.drawn: tuple | None = None  # the key of the picture on screen (None: draw it again)
        self.drawn_live: object = None
        self.last_frame = -1.0  # when the last frame was drawn (show clock)
        self.answer_now = False  # a visitor's touch is shown at once, not at the next slot
        self.first_frame: dict | None = None  # the current scene's first presented frame and audio start (/state)
        self.stamped: tuple | None = None  # the scene `first_frame` is for

    def key(self, view: View) -> tuple:
        """Everything that changes the picture; when it is unchanged, nothing is redrawn."""
        state, now, show = view.state, view.now, self.app.show
        key: tuple = (state.picture, self.app.metrics, self.app.images.idle())
        if not state.blackout:
            key += (SCREENS[state.screen].changes(view),)
        if state.warning_since is not None:
            key += (round(show.idle_left(now) or 0),)
        if now < state.identify_until:
            key += ("identify",)
        return key

    def live_key(self, view: View):
        """What changes only a screen's live part (LiveScreen), or None."""
        screen = SCREENS[view.state.screen]
        if view.state.blackout or overlays.active(view) or not hasattr(screen, "live"):
            return None
        return screen.live(view)

    def draw_if_needed(self, force: bool = False) -> bool:
        """Draw and present the picture if it changed (`force`: even if not); True if a frame was presented."""
        app = self.app
        started, now = time.perf_counter(), app.now()
        new_scene = self.scene_key() != self.stamped
        if not force and not self.answer_now and not new_scene and now - self.last_frame < MIN_FRAME:
            return False
        self.answer_now = False
        view = app.view()
        key, live = self.key(view), self.live_key(view)
        if not force and key == self.drawn and live == self.drawn_live:
            return False
        if not force and key == self.drawn and live is not None and not app.draw_hooks:
            pygame.display.update(SCREENS[view.state.screen].draw_live(app.surface, view))
        else:
            app.render(view)
            app.loop.pacer.rendered(time.perf_counter() - started)
            pygame.display.flip()
        self.presented(key, live, now, time.perf_counter() - started, new_scene)
        return True

    def prepared(self, view: View) -> tuple:
        """Draw the whole picture for `view` without presenting it; returns what `presented` needs of it."""
        self.app.render(view)
        return self.key(view), self.live_key(view), view.now

    def presented(self, key: tuple, live: object, now: float, took: float, new_scene: bool,
                  at: tuple[float, float] | None = None) -> None:
        """A frame was presented (at `at`: CLOCK_MONOTONIC and wall clock, if taken already)."""
        if new_scene:
            self.stamp(*(at or (time.monotonic(), time.time())))
        app = self.app
        if app.frame_times is not None:
            app.frame_times.append(took)
        call_each(app.frame_listeners, took, what="frame listener")
        self.drawn, self.drawn_live, self.last_frame = key, live, now
        if app.lengths_due:
            app.warm_lengths()

    def scene_key(self) -> tuple | None:
        state = self.app.show.state
        return (state.story, state.scene, state.scene_started) if state.screen == "story" else None

    def stamp(self, monotonic: float, wall: float) -> None:
        """Record when this scene's first frame was presented (CLOCK_MONOTONIC and wall clock), next to when it was
        due on the show clock; synchronised screens are compared on these (docs/fleet.md)."""
        app = self.app
        self.stamped = key = self.scene_key()
        if key is None:
            return
        state = app.show.state
        real = app.clock is time.monotonic
        self.first_frame = {"scene": state.scene + 1, "wall": wall, "monotonic": monotonic,
                            "target": state.scene_started + state.paused_total if real else None,
                            "audio": app.effects.audio_started if real else None,
                            "audio_offset": round(app.effects.audio_offset, 4)}
        app.published.again()
