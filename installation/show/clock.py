"""Clocks for the show: the real one is time.monotonic; this one moves only when told (scripts, tests)."""

from __future__ import annotations


class SimClock:
    def __init__(self, start: float = 1000.0):
        self.t = start

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds
