"""When the kiosk loop wakes: on a 30 Hz grid while the picture moves, rarely when it is still, and ahead of every
due time (a timetagged command, a scene boundary) by just enough to prepare that frame, which is then presented at
the due time itself (synchronised screens, docs/fleet.md)."""

from __future__ import annotations

import math
import select

FPS = 30  # frames a second while the picture moves (the attract loop's pulse; the Ken Burns worker wakes the loop)
IDLE_WAIT = 0.25  # seconds the loop sleeps when nothing moves
MIN_FRAME = 1 / 60  # never draw faster than the display shows; commands keep being handled in between
# SDL's event wait counts whole milliseconds and can return a fraction of one early: aiming this far past a tick
# keeps a wake-up from landing just before it (that step would draw nothing, and its wait would run to the tick after)
TICK_SLACK = 0.001
HAND_OVER = 0.1  # seconds before its due time a timetagged command reaches the loop (kept there until then)
LEAD_MIN, LEAD_MAX = 0.02, 0.06  # seconds a due frame is prepared ahead, at least (a late wake-up) and at most
# Seconds a worker thread (pictures, Ken Burns) may keep the interpreter once the loop wants it back. Python's
# default, 5 ms, makes a due frame up to 5 ms late whenever a worker is busy (and ~25 ms under faketime, which a
# test of synchronised screens runs a kiosk in); at 0.5 ms the loop gets it back within about a millisecond.
SWITCH_INTERVAL = 0.0005


def pause(seconds: float) -> None:
    """Sleep `seconds`, precisely. A relative timeout: time.sleep's absolute deadline on CLOCK_MONOTONIC fails
    (EINVAL) under faketime, which a test of synchronised screens runs a kiosk in."""
    select.select([], [], [], seconds)


def next_tick(now: float) -> float:
    """The next instant of the FPS grid after `now` (frames drawn on it change together)."""
    return (math.floor(now * FPS) + 1) / FPS


def on_tick(now: float) -> float:
    """`now` rounded down to the FPS grid: what a moving picture shows between two ticks."""
    return math.floor(now * FPS) / FPS


class Pacer:
    """Knows how long a full frame takes to prepare and draw (a slowly decaying maximum), so how far ahead of a due
    time the loop must start on its frame, and how long the loop may sleep."""

    def __init__(self, render_cost: float = 0.01):
        self.render_cost = render_cost

    def rendered(self, seconds: float) -> None:
        """A full frame took `seconds` to prepare and draw."""
        self.render_cost = max(seconds, self.render_cost * 0.95)

    @property
    def lead(self) -> float:
        return min(LEAD_MAX, max(LEAD_MIN, 0.01 + 2 * self.render_cost))

    def stage_now(self, due: float | None, now: float) -> bool:
        """Whether it is time to prepare the frame due at `due`."""
        return due is not None and due - now <= self.lead

    def room_to_draw(self, due: float | None, now: float) -> bool:
        """Whether a frame drawn now would be done before the loop must start on the frame due at `due`."""
        return due is None or due - now > self.lead + self.render_cost

    def wait(self, now: float, moving: bool, due: float | None) -> float:
        """Seconds to sleep (for an event at most): to the next tick when moving, else IDLE_WAIT; never past the
        moment to start preparing the frame due at `due`."""
        until = next_tick(now) + TICK_SLACK if moving else now + IDLE_WAIT
        if due is not None:
            until = min(until, due - self.lead)
        return max(0.0, until - now)
