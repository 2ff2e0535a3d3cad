"""Visitor statistics, privacy-first: anonymous events in an embedded SQLite database.

What is kept: the event's name, the story and scene, language and text size where they apply, the kiosk's name and
the hour it happened (local date and hour, nothing finer). Nothing identifies a visitor: no session ids, no touch
positions, no exact times. Writes happen on a writer thread with a queue, never on the render path: the writer commits
as soon as the queue is empty (whatever has queued up while it was committing goes into one transaction, at most
`batch_seconds` = 0.1 s of them), so an event is on disk within one commit (milliseconds) of being recorded and a
`kill -9` loses only events recorded in the last instant. The database is in WAL mode with synchronous=FULL, so a
committed event survives a power cut too.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Callable

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
BATCH_SECONDS = 0.1  # the longest a busy writer gathers events into one transaction (an idle one commits at once)

# event → the fields it may carry. Anything else the show sends along is not stored.
EVENTS: dict[str, tuple[str, ...]] = {
    "session_started": (),
    "story_started": ("story", "language", "text_size"),
    "scene_reached": ("story", "scene", "language"),
    "note_declined": ("story",),
    "story_completed": ("story",),
    "left_early": ("story", "scene"),
    "language": ("language",),
    "text_size": ("text_size",),
    "description_on": ("story",),
    "voice_on": (),
    "idle_reset": ("screen", "story"),
}
FIELDS = ("story", "scene", "language", "text_size", "screen")
COLUMNS = ("day", "hour", "kiosk", "exhibition", "event") + FIELDS

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,          -- local date, YYYY-MM-DD
    hour INTEGER NOT NULL,      -- local hour, 0-23 (the only time of day kept)
    kiosk TEXT NOT NULL,        -- the exhibition's screen_name
    exhibition TEXT NOT NULL,
    event TEXT NOT NULL,
    story TEXT,
    scene INTEGER,              -- 1-based
    language TEXT,
    text_size REAL,
    screen TEXT
);
CREATE INDEX IF NOT EXISTS events_day ON events (day);
"""


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) a statistics database, in WAL mode with full sync."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path), timeout=10, check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.executescript(SCHEMA)
    import uuid

    db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('database', ?)", (uuid.uuid4().hex,))
    return db


@dataclass(frozen=True)
class Event:
    day: str
    hour: int
    kiosk: str
    exhibition: str
    event: str
    story: str | None = None
    scene: int | None = None
    language: str | None = None
    text_size: float | None = None
    screen: str | None = None

    def row(self) -> tuple:
        return tuple(getattr(self, name) for name in COLUMNS)


def coarse(moment: datetime, zone: tzinfo | None) -> tuple[str, int]:
    """(local date, local hour): the only timestamp kept."""
    local = moment.astimezone(zone) if zone is not None else moment.astimezone()
    return local.date().isoformat(), local.hour


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Recorder:
    """An effect listener for App.effect_listeners: keeps the show's "stat" effects, off the render path."""

    def __init__(self, path: Path, kiosk: str, exhibition: str, zone: tzinfo | None = None,
                 now: Callable[[], datetime] = utc_now, batch_seconds: float = BATCH_SECONDS,
                 batch_size: int = 500):
        self.path, self.kiosk, self.exhibition, self.zone, self.now = Path(path), kiosk, exhibition, zone, now
        self.batch_seconds, self.batch_size = batch_seconds, batch_size
        self.queue: queue.SimpleQueue = queue.SimpleQueue()
        self.written = 0
        self.failures = 0
        self.db = connect(self.path)  # raises sqlite3.Error / OSError: the caller decides to run without statistics
        self.thread = threading.Thread(target=self._run, name="stats-writer", daemon=True)
        self.closed = False
        self.thread.start()

    # ------------------------------------------------------------- listener side (render thread)
    def __call__(self, effect) -> None:
        if effect.kind == "stat":
            self.record(effect.data)

    def record(self, data: dict) -> None:
        name = data.get("event")
        allowed = EVENTS.get(name)  # type: ignore[arg-type]
        if allowed is None or self.closed:
            return
        day, hour = coarse(self.now(), self.zone)
        kept = {key: data.get(key) for key in allowed if data.get(key) is not None}
        self.queue.put(Event(day, hour, self.kiosk, self.exhibition, name, **kept))

    def set_place(self, kiosk: str, exhibition: str, zone: tzinfo | None) -> None:
        """After a live reload the exhibition's name or timezone may have changed."""
        self.kiosk, self.exhibition, self.zone = kiosk, exhibition, zone

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything recorded so far is committed (tests, shutdown)."""
        done = threading.Event()
        self.queue.put(done)
        return done.wait(timeout)

    def close(self, timeout: float = 10.0) -> None:
        if self.closed:
            return
        self.closed = True
        self.queue.put(None)
        self.thread.join(timeout)

    # ------------------------------------------------------------- writer thread
    def _run(self) -> None:
        stop = False
        while not stop:
            batch: list[Event] = []
            waiters: list[threading.Event] = []
            item = self.queue.get()
            deadline = time.monotonic() + self.batch_seconds
            while True:
                if item is None:
                    stop = True
                    break
                if isinstance(item, threading.Event):
                    waiters.append(item)
                else:
                    batch.append(item)
                if len(batch) >= self.batch_size or time.monotonic() >= deadline:
                    break
                try:
                    item = self.queue.get_nowait()  # only what is already queued: never wait for more
                except queue.Empty:
                    break
            if batch:
                self._write(batch)
            for waiter in waiters:
                waiter.set()
        try:
            self.db.close()
        except sqlite3.Error:
            pass

    def _write(self, batch: list[Event]) -> None:
        placeholders = ", ".join("?" * len(COLUMNS))
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany(f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES ({placeholders})",
                                    [event.row() for event in batch])
            self.written += len(batch)
        except sqlite3.Error as exc:
            self.failures += 1
            log.warning("statistics: %d events not saved to %s (%s)", len(batch), self.path, exc)


def open_recorder(path: Path | None, kiosk: str, exhibition: str, zone: tzinfo | None = None,
                  **kwargs) -> Recorder | None:
    """A recorder, or None (logged) when statistics are off or the database cannot be opened."""
    if path is None:
        log.info("statistics are off for this exhibition")
        return None
    try:
        recorder = Recorder(path, kiosk, exhibition, zone, **kwargs)
    except (sqlite3.Error, OSError) as exc:
        log.warning("statistics: cannot open %s (%s); the kiosk runs without them", path, exc)
        return None
    log.info("statistics: recording to %s", path)
    return recorder
