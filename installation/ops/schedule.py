"""Opening hours as a pure function of the config and a UTC instant: open or closed, and when that next changes.

Local opening times are turned into UTC instants day by day with zoneinfo, so they stay right across daylight-saving
changes (10:00 in Toronto is 15:00 UTC in winter and 14:00 UTC in summer; a day with a DST change is 23 or 25 hours
long). A local time that does not exist (the skipped hour in spring) is read with the offset before the change, i.e.
02:30 becomes 03:30; a local time that happens twice (the repeated hour in autumn) means its first occurrence.

The adapter at the end turns changes into `blackout` commands for a running App. A manual `blackout` (OSC, keys) wins
until the next scheduled change: the schedule only acts when its own open/closed state changes (and once at start).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable
from zoneinfo import ZoneInfo

from ..content.schema import WEEKDAYS, Hours

log = logging.getLogger(__name__)

HORIZON_DAYS = 400  # how far ahead to look for the next change (a closed season can be long)


@dataclass(frozen=True)
class Status:
    open: bool
    next_change: datetime | None  # UTC; None if it never changes (always open, or closed for good)

    def describe(self, zone: ZoneInfo | None = None) -> str:
        word = "open" if self.open else "closed"
        if self.next_change is None:
            return f"{word}, no change ahead"
        when = self.next_change.astimezone(zone) if zone else self.next_change
        return f"{word} until {when:%Y-%m-%d %H:%M %Z}"


def _clock(text: str) -> tuple[time | None, int]:
    """'10:30' → (10:30, 0); '24:00' → (00:00, +1 day)."""
    if text == "24:00":
        return time(0, 0), 1
    hours, minutes = (int(part) for part in text.split(":"))
    return time(hours, minutes), 0


def local_instant(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of a local wall-clock time (fold=0: first occurrence; skipped times move forward)."""
    return datetime.combine(day, clock, tzinfo=zone).astimezone(timezone.utc)


def day_intervals(hours: Hours, day: date) -> list[tuple[datetime, datetime]]:
    """The opening intervals that start on this local date, in UTC."""
    if day in hours.closed:
        return []
    zone = ZoneInfo(hours.timezone)
    out = []
    for span in hours.weekly.get(WEEKDAYS[day.weekday()], []):
        start_text, end_text = span.split("-")
        start, start_days = _clock(start_text)
        end, end_days = _clock(end_text)
        out.append((local_instant(day + timedelta(days=start_days), start, zone),
                    local_instant(day + timedelta(days=end_days), end, zone)))
    return out


def intervals(hours: Hours, first: date, last: date) -> list[tuple[datetime, datetime]]:
    """Merged opening intervals (UTC) for spans starting between two local dates, inclusive."""
    spans: list[tuple[datetime, datetime]] = []
    day = first
    while day <= last:
        spans += day_intervals(hours, day)
        day += timedelta(days=1)
    spans.sort()
    merged: list[list[datetime]] = []
    for start, end in spans:
        if end <= start:
            continue  # e.g. a span wholly inside the skipped spring hour
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def status(hours: Hours | None, now: datetime) -> Status:
    """Open or closed at `now` (an aware datetime; naive is taken as UTC), and the next change."""
    if hours is None:
        return Status(True, None)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    now = now.astimezone(timezone.utc)
    today = now.astimezone(ZoneInfo(hours.timezone)).date()
    # a span that started yesterday may still be running (e.g. '18:00-24:00' followed by '00:00-02:00')
    spans = intervals(hours, today - timedelta(days=2), today + timedelta(days=HORIZON_DAYS))
    for start, end in spans:
        if end <= now:
            continue
        if start <= now:
            return Status(True, end)
        return Status(False, start)
    return Status(False, None)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Scheduler:
    """Posts `blackout` commands into an App at each scheduled change. Call `tick()` often (each loop turn):
    it costs a comparison until the next change is due."""

    SOURCE = "schedule"

    def __init__(self, post: Callable, hours: Hours | None, now: Callable[[], datetime] = utc_now):
        self.post, self.now = post, now
        self.hours: Hours | None = None
        self.current: Status | None = None
        self.set_hours(hours)

    def set_hours(self, hours: Hours | None) -> None:
        """At start and after a live reload: apply the schedule's state if it differs from what it last set."""
        if hours == self.hours and self.current is not None:
            return
        self.hours = hours
        self._apply(status(hours, self.now()), force=self.current is None and hours is not None)

    def report(self, blackout: bool) -> dict:
        """For /state (any thread): `closed` while the schedule keeps the screen dark (a technician's wake shows
        it open), and the schedule itself: open or not, and when that next changes (Unix seconds and local time)."""
        current, hours = self.current, self.hours
        if current is None or hours is None:
            return {"closed": False, "hours": None}
        change = current.next_change
        return {"closed": not current.open and blackout,
                "hours": {"open": current.open, "next_change": None if change is None else change.timestamp(),
                          "next_change_local": None if change is None else
                          f"{change.astimezone(ZoneInfo(hours.timezone)):%Y-%m-%d %H:%M %Z}"}}

    def tick(self) -> None:
        current = self.current
        if current is None or current.next_change is None or self.now() < current.next_change:
            return
        self._apply(status(self.hours, self.now()), force=False)

    def _apply(self, new: Status, force: bool) -> None:
        from ..show.commands import make

        old, self.current = self.current, new
        zone = ZoneInfo(self.hours.timezone) if self.hours else None
        if force or old is None or old.open != new.open:
            if self.hours is not None or (old is not None and not old.open):
                log.info("opening hours: %s", new.describe(zone))
                self.post(make("blackout", not new.open, source=self.SOURCE))
