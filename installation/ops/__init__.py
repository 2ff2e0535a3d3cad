"""Running the kiosk unattended: live reload, opening hours, visitor statistics, logs and the systemd watchdog.

`play` calls `add_arguments` for its options, `setup_logging` first thing, and `attach(app, args, config)` once the App
exists. Everything hangs off the App's hook lists (effect_listeners, step_hooks, draw_hooks, close_hooks) and speaks
to the show only by posting commands (App.post); nothing here runs on the render path except cheap checks.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("unattended running (docs/operations.md)")
    group.add_argument("--stats", type=Path, metavar="PATH",
                       help="record visitor statistics to this database (default for full-screen runs: the config's "
                            "stats.path, else the state directory)")
    group.add_argument("--no-stats", action="store_true", help="record no statistics")
    group.add_argument("--no-watch", action="store_true", help="do not reload when content files change")
    group.add_argument("--hours", action="store_true",
                       help="apply opening hours in a window too (they always apply full screen)")
    group.add_argument("--metrics-port", type=int, metavar="N",
                       help="Prometheus metrics on this port (overrides the exhibition's metrics: port; 0 = any free)")
    group.add_argument("--metrics-host", metavar="ADDRESS",
                       help="metrics listen address (default 127.0.0.1; 0.0.0.0 for the gallery's Prometheus)")
    group.add_argument("--no-metrics", action="store_true", help="no metrics, whatever the exhibition file says")
    group.add_argument("--log-file", action="store_true",
                       help="also write the rotating log file when windowed (always when full screen)")


def full_screen(args: argparse.Namespace) -> bool:
    return not (getattr(args, "windowed", False) or getattr(args, "headless", False) or getattr(args, "script", None))


def setup_logging(args: argparse.Namespace) -> Path | None:
    from . import logs

    return logs.setup(to_file=full_screen(args) or getattr(args, "log_file", False))


@dataclass
class Ops:
    """What attach() started, for tests and for closing."""

    recorder: object | None = None
    scheduler: object | None = None
    reloader: object | None = None
    notifier: object | None = None
    metrics: object | None = None
    closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        for close in self.closers:
            try:
                close()
            except Exception:
                log.exception("closing %s failed", close)
        self.closers.clear()


def _zone(hours):
    if hours is None:
        return None
    from zoneinfo import ZoneInfo

    return ZoneInfo(hours.timezone)


def attach(app, args: argparse.Namespace, config: Path, now: Callable[[], datetime] | None = None) -> Ops:
    from .notify import Notifier
    from .paths import stats_path
    from .reload import Reloader
    from .schedule import Scheduler, utc_now
    from .stats import open_recorder

    now = now or utc_now
    ops = Ops()
    exhibition, root = app.library.exhibition, app.library.root
    full = full_screen(args)
    preview = bool(getattr(args, "story", None))

    # visitor statistics: full-screen runs (not curators' previews or scripted runs) or when --stats asks
    explicit = getattr(args, "stats", None)
    if not getattr(args, "no_stats", False) and (explicit is not None or (full and not preview)):
        path = stats_path(exhibition.stats, root, explicit)
        ops.recorder = open_recorder(path, exhibition.screen_name, exhibition.id, _zone(exhibition.hours), now=now)
        if ops.recorder is not None:
            app.effect_listeners.append(ops.recorder)
            ops.closers.append(ops.recorder.close)

    # opening hours: full screen, or a window with --hours
    if full or getattr(args, "hours", False):
        ops.scheduler = Scheduler(app.post, exhibition.hours, now)
        app.step_hooks.append(ops.scheduler.tick)
        app.opening_hours = ops.scheduler  # /state: closed by opening hours, and when it opens (control.server)

    # live reload: the reload command always; the file watcher unless --no-watch or a scripted run
    ops.reloader = reloader = Reloader(app, config, banner=not app.kiosk_mode)
    app.effect_listeners.append(reloader.on_effect)
    app.draw_hooks.append(reloader.draw)
    ops.closers.append(reloader.close)
    if not getattr(args, "no_watch", False) and not getattr(args, "script", None):
        reloader.watch()

    def reloaded(library) -> None:
        if ops.scheduler is not None:
            ops.scheduler.set_hours(library.exhibition.hours)
        if ops.recorder is not None:
            ops.recorder.set_place(library.exhibition.screen_name, library.exhibition.id,
                                   _zone(library.exhibition.hours))

    reloader.listeners.append(reloaded)

    # the release id of what is loaded (/state `release`): a deployed release's manifest, else the content's hash
    from .release import track

    reloader.listeners.append(track(app))

    # Prometheus metrics, when --metrics-port or the exhibition's metrics: asks for them
    from .metrics import attach as attach_metrics

    ops.metrics = attach_metrics(app, args)
    if ops.metrics is not None:
        ops.closers.append(ops.metrics.close)

    # systemd: READY=1 after the first loop turn, WATCHDOG=1 while the loop turns
    ops.notifier = Notifier(status=lambda: f"screen={app.show.state.screen}" + (" blackout" if app.show.state.blackout else ""))
    app.step_hooks.append(ops.notifier)
    ops.closers.insert(0, ops.notifier.stopping)

    app.close_hooks.append(ops.close)
    return ops
