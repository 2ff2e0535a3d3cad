"""Timetagged bundles: a packet's messages grouped by when they are due; future groups wait in a heap.

Nothing here sleeps: the network thread asks `timeout()` how long it may wait for sockets and `due()` what is ready.
"""

from __future__ import annotations

import heapq
import time
from typing import Any, Callable

from . import osc

MAX_AHEAD = 3600.0  # seconds: later timetags answer timetag_out_of_range
MAX_SCHEDULED = 1000
NOW_SLACK = 0.001  # a timetag this close to now runs at once


def flatten(bundle: osc.Bundle, parent: float | None = None, out: list | None = None) -> list[tuple[float | None, osc.Message]]:
    """(due as Unix time or None for "now", message) for every message, depth first; a nested bundle is due at the
    later of its own and its parent's timetag."""
    out = [] if out is None else out
    tag = osc.ntp_to_unix(bundle.timetag)
    due = parent if tag is None else (tag if parent is None else max(parent, tag))
    for element in bundle.elements:
        if isinstance(element, osc.Bundle):
            flatten(element, due, out)
        else:
            out.append((due, element))
    return out


def group(flat: list[tuple[float | None, osc.Message]], now_unix: float) -> list[tuple[float | None, list[osc.Message]]]:
    """Neighbouring messages due at the same time, in order; late or due-now messages are due None (at once)."""
    groups: list[tuple[float | None, list[osc.Message]]] = []
    for due, message in flat:
        if due is not None and due <= now_unix + NOW_SLACK:
            due = None
        if groups and groups[-1][0] == due:
            groups[-1][1].append(message)
        else:
            groups.append((due, [message]))
    return groups


class Schedule:
    """Groups of messages waiting for their timetag, each with whatever the caller needs to run it later. `ahead`:
    hand each group over this many seconds before it is due (to a show that holds it until then)."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic, unix: Callable[[], float] = time.time,
                 ahead: float = 0.0):
        self.monotonic, self.unix, self.ahead = monotonic, unix, ahead
        self.heap: list[tuple[float, int, Any, list[osc.Message]]] = []
        self.serial = 0

    def __len__(self) -> int:
        return len(self.heap)

    def refusal(self, due: float, now_unix: float) -> tuple[str, str] | None:
        """Why a group due at `due` cannot wait, as (code, message); None when it can."""
        if due > now_unix + MAX_AHEAD:
            return "timetag_out_of_range", f"timetag is {due - now_unix:.0f} s ahead (limit {MAX_AHEAD:.0f} s)"
        if len(self.heap) >= MAX_SCHEDULED:
            return "rate_limited", f"more than {MAX_SCHEDULED} bundles are waiting"
        return None

    def add(self, due: float, now_unix: float, owner: Any, messages: list[osc.Message]) -> None:
        self.serial += 1
        heapq.heappush(self.heap, (self.monotonic() + (due - now_unix), self.serial, owner, messages))

    def timeout(self, longest: float) -> float:
        """How long the network thread may wait before the next group is due."""
        if not self.heap:
            return longest
        return max(0.0, min(longest, self.heap[0][0] - self.ahead - self.monotonic()))

    def due(self) -> list[tuple[float, Any, list[osc.Message]]]:
        """The groups whose time (less `ahead`) has come, in order, each with the (monotonic) time it is due."""
        now = self.monotonic() + self.ahead
        ready = []
        while self.heap and self.heap[0][0] <= now:
            at, _, owner, messages = heapq.heappop(self.heap)
            ready.append((at, owner, messages))
        return ready
