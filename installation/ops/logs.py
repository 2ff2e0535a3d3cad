"""Logging for an unattended kiosk, and `installation logs`.

Under systemd (JOURNAL_STREAM set) every record is one stdout line with a syslog priority prefix, which journald
keeps with its level. Otherwise records go to rotating files in the platform's log directory
($XDG_STATE_HOME/installation/logs/kiosk.log, 1 MB × 5). Either way: one line per event, exceptions folded into that
line (type, message and where) instead of a traceback, and a message repeated within a minute is written at most
five times, then summarised.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import shutil
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path

from .paths import log_dir

LOG_NAME = "kiosk.log"
MAX_BYTES, BACKUPS = 1_000_000, 5
REPEAT_WINDOW, REPEAT_LIMIT = 60.0, 5
SYSLOG_PRIORITY = {logging.DEBUG: 7, logging.INFO: 6, logging.WARNING: 4, logging.ERROR: 3, logging.CRITICAL: 2}


def under_journald() -> bool:
    return bool(os.environ.get("JOURNAL_STREAM"))


class OneLineFormatter(logging.Formatter):
    """Never more than one line: newlines escaped, an exception becomes 'Type: message (at file:line in func)'."""

    def __init__(self, journald: bool = False):
        fmt = "%(levelname)s %(name)s: %(message)s" if journald else "%(asctime)s %(levelname)s %(name)s: %(message)s"
        super().__init__(fmt)
        self.journald = journald

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        try:
            record.exc_text, record.stack_info = None, None
            exc_info, record.exc_info = record.exc_info, None
            line = super().format(record)
            if exc_info and exc_info[1] is not None:
                line += " [" + fold_exception(exc_info[1]) + "]"
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved
        line = line.replace("\r", "\\r").replace("\n", " | ")
        if self.journald:
            line = f"<{SYSLOG_PRIORITY.get(record.levelno, 6)}>{line}"
        return line


def fold_exception(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    where = ""
    if frames:
        last = frames[-1]
        where = f" at {Path(last.filename).name}:{last.lineno} in {last.name}"
    return f"{type(exc).__name__}: {exc}{where}"


class RepeatFilter(logging.Filter):
    """Lets a message (same logger, level and text) through REPEAT_LIMIT times per REPEAT_WINDOW seconds; the rest
    are counted and reported once the window has passed."""

    def __init__(self, window: float = REPEAT_WINDOW, limit: int = REPEAT_LIMIT, clock=time.monotonic):
        super().__init__()
        self.window, self.limit, self.clock = window, limit, clock
        self.seen: dict[tuple, list] = {}  # key → [window start, count, suppressed]
        self.lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        # one filter serves several handlers: decide once per record
        decided = getattr(record, "_repeat_decision", None)
        if decided is not None:
            return decided
        record._repeat_decision = decided = self._decide(record)
        return decided

    def _decide(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.levelno, str(record.msg), _args_key(record.args))
        now = self.clock()
        with self.lock:
            entry = self.seen.get(key)
            if entry is None or now - entry[0] >= self.window:
                suppressed = entry[2] if entry else 0
                self.seen[key] = [now, 1, 0]
                if len(self.seen) > 2000:
                    self._forget_old(now)
                if suppressed:
                    record.msg = f"{record.msg} (and {suppressed} more like it in the last {self.window:.0f} s)"
                return True
            entry[1] += 1
            if entry[1] <= self.limit:
                if entry[1] == self.limit:
                    record.msg = f"{record.msg} (repeating; further repeats are counted)"
                return True
            entry[2] += 1
            return False

    def _forget_old(self, now: float) -> None:
        for key in [k for k, v in self.seen.items() if now - v[0] >= self.window and not v[2]]:
            del self.seen[key]


def _args_key(args) -> str:
    try:
        return repr(args)[:200]
    except Exception:
        return ""


def setup(to_file: bool = True, level: int | None = None, directory: Path | None = None) -> Path | None:
    """Route the root logger for a kiosk run. Returns the log file, if one is written."""
    root = logging.getLogger()
    if level is not None:
        root.setLevel(level)
    repeats = RepeatFilter()
    if under_journald():
        for handler in list(root.handlers):
            root.removeHandler(handler)
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(OneLineFormatter(journald=True))
        handler.addFilter(repeats)
        root.addHandler(handler)
        return None
    for handler in root.handlers:  # the terminal too: one line each, repeats limited
        handler.setFormatter(OneLineFormatter())
        handler.addFilter(repeats)
    if not to_file:
        return None
    directory = directory or log_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(directory / LOG_NAME, maxBytes=MAX_BYTES,
                                                       backupCount=BACKUPS, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("cannot write logs to %s (%s)", directory, exc)
        return None
    handler.setFormatter(OneLineFormatter())
    handler.addFilter(repeats)
    root.addHandler(handler)
    return directory / LOG_NAME


# ---------------------------------------------------------------- `installation logs`
def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-n", "--lines", type=int, default=50, metavar="N", help="how many recent lines (default 50)")
    parser.add_argument("-f", "--follow", action="store_true", help="keep showing new lines (Ctrl+C stops)")
    parser.add_argument("--file", action="store_true", help="read the log file even if a systemd unit exists")


def tail(path: Path, count: int) -> list[str]:
    """The last `count` lines across the rotated files (oldest first)."""
    files = [path.with_name(f"{path.name}.{i}") for i in range(BACKUPS, 0, -1)] + [path]
    lines: list[str] = []
    for file in files:
        if file.exists():
            lines += file.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines[-count:] if count > 0 else []


def follow(path: Path, interval: float = 0.5) -> None:
    position = path.stat().st_size if path.exists() else 0
    inode = path.stat().st_ino if path.exists() else None
    while True:
        time.sleep(interval)
        if not path.exists():
            continue
        stat = path.stat()
        if stat.st_ino != inode or stat.st_size < position:  # rotated
            inode, position = stat.st_ino, 0
        if stat.st_size > position:
            with path.open("r", encoding="utf-8", errors="replace") as handle:
                handle.seek(position)
                sys.stdout.write(handle.read())
                sys.stdout.flush()
                position = handle.tell()


def run(args: argparse.Namespace) -> int:
    from .service import UNIT_NAME, installed_unit

    unit = None if args.file else installed_unit()
    if unit is not None and shutil.which("journalctl"):
        scope = ["--user"] if unit.user else []
        command = ["journalctl", *scope, "-u", UNIT_NAME, "-n", str(args.lines), "--no-pager", "-o", "short-iso"]
        if args.follow:
            command.append("--follow")
        try:
            return subprocess.call(command)
        except KeyboardInterrupt:
            return 0
    path = log_dir() / LOG_NAME
    if not path.exists() and not args.follow:
        print(f"no log yet at {path}", file=sys.stderr)
        return 1
    for line in tail(path, args.lines):
        print(line)
    if args.follow:
        try:
            follow(path)
        except KeyboardInterrupt:
            return 0
    return 0
