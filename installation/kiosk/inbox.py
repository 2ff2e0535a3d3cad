"""Commands other threads post to the kiosk loop: batches to run at its next turn, and timetagged batches (a command
whose `meta["at"]` lies ahead on the show clock) held until they are due, so the loop can wake for them exactly."""

from __future__ import annotations

import heapq
import itertools
import queue
import threading
from typing import Callable

from ..show.commands import Command, Outcome

Reply = Callable[[list[Outcome], dict[int, dict]], None]  # (each command's outcome, {index: snapshot}) on the loop
Batch = tuple[tuple[Command, ...], "Reply | None", frozenset]


def due_time(commands: tuple[Command, ...]) -> float | None:
    """When a batch takes effect on the show clock: the latest `at` among its commands, or None (at once)."""
    times = [float(c.meta["at"]) for c in commands if c.meta.get("at") is not None]
    return max(times) if times else None


class Inbox:
    """Thread-safe. `put` from anywhere; the loop takes `ready()` batches each turn and `due(now)` ones when their
    time has come, and asks `next_due()` how long it may sleep."""

    def __init__(self, clock: Callable[[], float]):
        self.clock = clock
        self.queue: queue.SimpleQueue[Batch] = queue.SimpleQueue()
        self.later: list[tuple[float, int, Batch]] = []  # a heap, by due time then arrival
        self.serial = itertools.count()
        self.lock = threading.Lock()

    def put(self, batch: Batch) -> bool:
        """Queue a batch; True when the loop should be woken (it may be sleeping past what this changes)."""
        at = due_time(batch[0])
        if at is not None and at > self.clock():
            with self.lock:
                heapq.heappush(self.later, (at, next(self.serial), batch))
            return True
        idle = self.queue.empty()
        self.queue.put(batch)
        return idle

    def ready(self):
        """The batches to run now, in the order they came."""
        while True:
            try:
                yield self.queue.get_nowait()
            except queue.Empty:
                return

    def due(self, now: float) -> list[Batch]:
        """The held batches due by `now`, in order."""
        out = []
        with self.lock:
            while self.later and self.later[0][0] <= now:
                out.append(heapq.heappop(self.later)[2])
        return out

    def next_due(self) -> float | None:
        with self.lock:
            return self.later[0][0] if self.later else None

    def qsize(self) -> int:
        with self.lock:
            return self.queue.qsize() + len(self.later)

    def empty(self) -> bool:
        return self.queue.empty()
