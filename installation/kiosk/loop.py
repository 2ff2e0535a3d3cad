"""The kiosk's loop turns: a step (events, commands, the frame if it changed), then a wait without spinning; and,
for a frame due at a known time (a timetagged command, a scene boundary), a turn that prepares that frame ahead
and presents it at its due time, then starts its sound (synchronised screens, docs/fleet.md)."""

from __future__ import annotations

import math
import sys
import time
from typing import TYPE_CHECKING, Callable

import pygame

from .pacing import SWITCH_INTERVAL, Pacer, pause

if TYPE_CHECKING:
    from .app import App

WAKE = pygame.event.custom_type()  # posted by other threads so a sleeping loop handles their commands at once


class Loop:
    def __init__(self, app: "App", simulated: bool):
        self.app = app
        self.pacer = Pacer()
        self.sleeping = False  # waiting for an event (`wait`)
        # time passing while the loop waits: on a SimClock, waiting moves it (tests drive `turn` on it too)
        self.sleep: Callable[[float], None] = app.clock.advance if simulated else pause  # type: ignore
        self.wait_event: Callable[[int], pygame.event.Event] = self._simulated_wait if simulated \
            else pygame.event.wait
        if not simulated:
            sys.setswitchinterval(SWITCH_INTERVAL)

    def turn(self) -> bool:
        """The frame due next if its time has come (`present_at`), else a step; then wait for an event, the next
        frame of a moving picture, or the time to prepare the next due frame. True if a frame was presented."""
        app, pacer = self.app, self.pacer
        now, due = app.clock(), self.next_due()
        if pacer.stage_now(due, now):
            return self.present_at(due)  # type: ignore[arg-type]
        drew = app.step(draw=pacer.room_to_draw(due, now))
        self.wait(pacer.wait(app.clock(), app.moving(), self.next_due()))
        return drew

    def next_due(self) -> float | None:
        """The next time ahead at which the picture must change: a timetagged command or a scene boundary (one
        already past is the next step's)."""
        app = self.app
        now = app.clock()
        times = [t for t in (app.inbox.next_due(), app.show.next_boundary()) if t is not None and t > now]
        return min(times) if times else None

    def present_at(self, due: float) -> bool:
        """Take what is due at `due` and draw that frame now, as of `due` (the show's clock reads `due` meanwhile);
        present it at `due` itself, then start its sound and stamp it."""
        app = self.app
        app.handle_events()
        for batch in app.inbox.ready():
            app.run_batch(*batch)
        began = time.perf_counter()
        app.effects.hold()
        app.pinned = due
        try:
            for batch in app.inbox.due(due):
                app.run_batch(*batch)
            app.carry_out(app.show.update())
            app.before_drawing()
            new_scene = app.frames.scene_key() != app.frames.stamped
            key, live, now = app.frames.prepared(app.view())
            self.pacer.rendered(time.perf_counter() - began)
            while (left := due - app.clock()) > 0:
                self.sleep(left)
        except BaseException:
            app.effects.release()
            raise
        finally:
            app.pinned = None
        pygame.display.flip()
        at = (time.monotonic(), time.time())
        app.effects.release()
        app.frames.presented(key, live, now, time.perf_counter() - began, new_scene, at)
        app.after_drawing()
        return True

    def wait(self, seconds: float) -> None:
        """Sleep until an event comes or `seconds` pass."""
        if seconds <= 0:
            return
        self.sleeping = True
        event = self.wait_event(max(1, math.ceil(seconds * 1000)))  # 0 would wait forever
        self.sleeping = False
        if event.type not in (pygame.NOEVENT, WAKE):
            pygame.event.post(event)

    def wake(self) -> None:
        """Thread-safe: a sleeping loop takes its next turn at once."""
        try:
            pygame.event.post(pygame.event.Event(WAKE))
        except pygame.error:
            pass  # the loop still takes its turn after its wait

    def _simulated_wait(self, ms: int) -> pygame.event.Event:
        self.app.clock.advance(ms / 1000)  # type: ignore[attr-defined]
        return pygame.event.poll()
