"""Live reload: edits to config/, stories/ and media/ (or the `reload` command, OSC /reload) build a new Library
off the render path. The result is posted to the show as a `new_content` command: the show swaps a valid library in
at its next safe point (show/swap.py) and emits a `content` effect, on which the App drops the changed files' cached
images and sounds; an invalid one leaves the show untouched.

Invalid: the loader reported an error (YAML, schema, a missing story file…) that the running show does not already
have. The problems go to the log, one line each, and in windowed preview a banner lists them as `path:line: message`
until a later reload succeeds. Errors the show started with (a story left out because its file was broken) do not
block a reload, so a curator can fix one file while another is still broken.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..hooks import call_each
from ..show.commands import make

log = logging.getLogger(__name__)

DEBOUNCE = 0.6  # seconds of quiet after the last file event before loading
WATCHED = ("config", "stories", "media")
IGNORED_SUFFIXES = (".swp", ".swx", ".swo", "~", ".tmp", ".part", ".crdownload", ".kate-swp")
BANNER_LINES = 8

Fingerprint = dict[Path, tuple[int, int]]


def fingerprint(folder: Path) -> Fingerprint:
    """(mtime, size) of every file under a folder: what changed since the last load decides which caches to drop."""
    out: Fingerprint = {}
    pending = [str(folder)]
    while pending:
        try:
            entries = os.scandir(pending.pop())
        except OSError:
            continue
        with entries:
            for entry in entries:
                try:
                    if entry.is_dir():  # follows links, as os.walk's listing does
                        if not entry.name.startswith(".") and not entry.is_symlink():
                            pending.append(entry.path)
                        continue
                    info = entry.stat()
                except OSError:
                    continue
                out[Path(entry.path)] = (info.st_mtime_ns, info.st_size)
    return out


def changed_paths(old: Fingerprint, new: Fingerprint) -> set[Path]:
    return {path for path in old.keys() | new.keys() if old.get(path) != new.get(path)}


def ignored(path: str) -> bool:
    name = os.path.basename(path)
    return name.startswith((".#", ".~")) or name.endswith(IGNORED_SUFFIXES) or "/.git/" in path


def known_errors(problems) -> set[tuple[str, str]]:
    """Errors by file and message, not line: an edit above an old error moves it without making it new."""
    return {(p.path, p.message) for p in problems if p.level == "error"}


@dataclass
class Outcome:
    accepted: bool
    problems: list  # Problem objects from the loader (errors and warnings)


class Reloader:
    def __init__(self, app, config: Path, debounce: float = DEBOUNCE, banner: bool = False, threaded: bool = True):
        self.app, self.config, self.debounce, self.banner = app, Path(config), debounce, banner
        self.root = Path(app.library.root)
        self.media = self.root / "media"
        self.known = fingerprint(self.media)
        self.tolerated = known_errors(app.library.problems)  # errors the running show already lives with
        self.lock = threading.Lock()
        self.shown: list = []  # problems the banner was asked to show
        self.listeners: list[Callable[[object], None]] = []  # called (render thread) after each swap
        self.due: float | None = None
        self.wake = threading.Condition(self.lock)
        self.stopped = False
        self.loads = 0  # how many loads ran (tests wait on it)
        self.loading = False  # the worker is loading now
        self.last: Outcome | None = None
        self.observer = None
        self.thread: threading.Thread | None = None
        if threaded:
            self.thread = threading.Thread(target=self._run, name="live-reload", daemon=True)
            self.thread.start()

    # ------------------------------------------------------------- triggers (any thread)
    def request(self, delay: float | None = None) -> None:
        """Load again after `delay` seconds of quiet (the debounce); a later request pushes it back."""
        delay = self.debounce if delay is None else delay
        with self.wake:
            self.due = time.monotonic() + delay
            self.wake.notify_all()

    def on_effect(self, effect) -> None:
        """An App effect listener (render thread): the show asked for a reload, or swapped one in."""
        if effect.kind == "reload":
            log.info("reload requested")
            if self.thread is None:
                self.load()
            else:
                self.request(0.0)
        elif effect.kind == "content":
            library = effect.data["library"]
            log.info("reload applied: %d stories in the playlist (%s)", len(library.stories), ", ".join(library.stories))
            call_each(self.listeners, library, what="reload listener")

    def watch(self) -> bool:
        """Start the file watcher on config/, stories/ and media/. False if it cannot run (reload still works)."""
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError as exc:  # pragma: no cover - a dependency
            log.warning("file watcher unavailable (%s); use the reload command", exc)
            return False
        reloader = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):  # watchdog's thread
                if event.event_type in ("opened", "closed_no_write") or event.is_directory and event.event_type == "modified":
                    return
                paths = [getattr(event, "src_path", ""), getattr(event, "dest_path", "")]
                if all(not p or ignored(os.fsdecode(p)) for p in paths):
                    return
                reloader.request()

        folders = {self.config.resolve().parent} | {self.root / name for name in WATCHED}
        try:
            observer = Observer()
            for folder in sorted(folders):
                if folder.is_dir():
                    observer.schedule(Handler(), str(folder), recursive=True)
            observer.daemon = True
            observer.start()
        except (OSError, RuntimeError) as exc:
            log.warning("file watcher could not start (%s); use the reload command", exc)
            return False
        self.observer = observer
        log.info("watching %s for changes", ", ".join(str(f) for f in sorted(folders) if f.is_dir()))
        return True

    # ------------------------------------------------------------- loading (worker thread, or tests)
    def load(self) -> Outcome:
        """Build a new library now; if valid, keep it for the next safe point."""
        from ..content.load import load_library

        started = time.perf_counter()
        self._follow_release()
        try:
            library, problems = load_library(self.config, self.root)
        except Exception as exc:  # the loader should report, not raise; never let a reload take the kiosk down
            from ..content.yamlpos import Problem

            library, problems = None, [Problem(str(self.config), 1, f"cannot load: {type(exc).__name__}: {exc}")]
        errors = [p for p in problems if p.level == "error"]
        new_errors = [p for p in errors if (p.path, p.message) not in self.tolerated]
        with self.lock:
            self.loads += 1
            if library is None or new_errors:
                outcome = Outcome(False, problems)
                log.warning("reload refused: %d error(s); the show goes on unchanged", len(new_errors) or 1)
                for problem in new_errors or problems:
                    log.warning("%s", problem)
            else:
                if errors:
                    log.warning("reload: %d error(s) the show already had are still there (%s)", len(errors),
                                "; ".join(f"{p.path}:{p.line}" for p in errors))
                self.tolerated = known_errors(errors)
                new_known = fingerprint(self.media)
                changed = changed_paths(self.known, new_known)
                self.known = new_known
                outcome = Outcome(True, problems)
                log.info("reload: new content loaded in %.2f s (%d stories, %d media files changed); applying at "
                         "the next safe point", time.perf_counter() - started, len(library.stories), len(changed))
            self.last = outcome
            shown = [] if outcome.accepted else list(new_errors or problems)
            if self.banner:
                self.shown = shown
            self.app.post(make("new_content", library if outcome.accepted else None,
                               changed if outcome.accepted else (), self.shown, source="reload"))
            self.wake.notify_all()
        return outcome

    def _follow_release(self) -> None:
        """A deployed kiosk plays `current/config/…`: after a release switch that resolves to a new folder."""
        resolved = self.config.resolve().parent
        if resolved.name == "config" and resolved.parent != self.root:
            log.info("content folder is now %s", resolved.parent)
            self.root, self.media = resolved.parent, resolved.parent / "media"

    def wait_loads(self, count: int, timeout: float = 10.0) -> bool:
        """Tests: wait until `count` loads have run."""
        with self.wake:
            return self.wake.wait_for(lambda: self.loads >= count, timeout)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Tests: wait until no load is due or running."""
        with self.wake:
            return self.wake.wait_for(lambda: self.due is None and not self.loading, timeout)

    def _run(self) -> None:
        while True:
            with self.wake:
                while not self.stopped and (self.due is None or time.monotonic() < self.due):
                    timeout = None if self.due is None else max(0.0, self.due - time.monotonic())
                    self.wake.wait(timeout)
                if self.stopped:
                    return
                self.due, self.loading = None, True
            try:
                self.load()
            finally:
                with self.wake:
                    self.loading = False
                    self.wake.notify_all()

    # ------------------------------------------------------------- the banner (render thread)
    def draw(self, surface, view) -> None:
        """A draw hook: in windowed preview, the problems of the last refused reload over the picture."""
        if not view.state.problems:
            return
        try:
            self._draw_banner(surface, view, view.state.problems)
        except Exception as exc:  # the banner is a help for curators; it must never stop the show
            log.warning("reload banner cannot be drawn (%s)", exc)

    def _draw_banner(self, surface, view, problems: list) -> None:
        import pygame

        m = view.metrics
        size = max(12, m.px(22))
        title_size = max(14, m.px(26))
        pad = m.px(16)
        lines = [f"{p.path}:{p.line}: {p.message}" for p in problems[:BANNER_LINES]]
        if len(problems) > BANNER_LINES:
            lines.append(f"… and {len(problems) - BANNER_LINES} more (see the log)")
        title = f"Not reloaded: {len(problems)} problem{'s' if len(problems) != 1 else ''} (the show is unchanged)"
        rendered = [view.text.render(title, title_size, (255, 214, 102))]
        width = m.width - 2 * pad
        for line in lines:
            for part in view.text.block(line, size, (245, 245, 245), width - 2 * pad):
                rendered.append(part)
        height = pad * 2 + sum(s.get_height() + m.px(4) for s in rendered)
        box = pygame.Surface((m.width, height), pygame.SRCALPHA)
        box.fill((110, 18, 18, 225))
        surface.blit(box, (0, 0))
        y = pad
        for part in rendered:
            surface.blit(part, (pad * 2, y))
            y += part.get_height() + m.px(4)

    def close(self) -> None:
        with self.wake:
            self.stopped = True
            self.wake.notify_all()
        if self.observer is not None:
            try:
                self.observer.stop()
            except Exception:  # pragma: no cover
                pass
