"""Prometheus metrics over HTTP (`installation play --metrics-port N`, or `metrics:` in the exhibition file).

Off by default; on loopback unless a host is configured. Everything is prefixed `installation_`. What the kiosk shows
(screen, story, release, OSC counters) is read when Prometheus scrapes, on the HTTP server's thread, from the App's
published snapshot; frame times and visitor events are counted as they happen by cheap hooks (a histogram observe
and a counter increment on the render thread, nothing more). See docs/deploy.md, Monitoring.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, InfoMetricFamily

from .. import __version__

log = logging.getLogger(__name__)

DEFAULT_PORT = 9464  # the port OpenTelemetry's Prometheus exporter uses
SCREENS = ("attract", "chooser", "note", "story", "end")
FRAME_BUDGET = 1 / 60  # seconds: one refresh of a 60 Hz display
FRAME_BUCKETS = (0.002, 0.004, 0.008, 0.012, FRAME_BUDGET, 0.025, 0.033, 0.05, 0.1, 0.25, 0.5, 1.0)


class LogCounter(logging.Handler):
    """Counts the kiosk's warning and error log lines."""

    def __init__(self, counter: Counter):
        super().__init__(logging.WARNING)
        self.counter = counter

    def emit(self, record: logging.LogRecord) -> None:
        self.counter.labels("error" if record.levelno >= logging.ERROR else "warning").inc()


class KioskCollector:
    """What the kiosk shows now, read at each scrape."""

    def __init__(self, app):
        self.app = app

    def collect(self):
        app = self.app
        snapshot = app.snapshot()
        exhibition = app.library.exhibition
        up = GaugeMetricFamily("installation_up", "1 while the kiosk's render loop runs")
        up.add_metric([], 1.0 if getattr(app, "running", True) else 0.0)
        yield up
        yield InfoMetricFamily("installation", "the kiosk: its screen name, exhibition and software version",
                               value={"screen_name": exhibition.screen_name, "exhibition": exhibition.id,
                                      "version": __version__})
        release = InfoMetricFamily("installation_release", "the content release the kiosk plays (docs/deploy.md)")
        release.add_metric([], {"release": getattr(app, "release", None) or "unknown"})
        yield release
        uptime = GaugeMetricFamily("installation_uptime_seconds", "seconds since the kiosk started")
        uptime.add_metric([], time.monotonic() - getattr(app, "started", time.monotonic()))
        yield uptime
        screen = GaugeMetricFamily("installation_screen", "1 for the screen shown now", labels=["screen"])
        for name in SCREENS:
            screen.add_metric([name], 1.0 if snapshot.get("screen") == name else 0.0)
        yield screen
        story = GaugeMetricFamily("installation_story", "1 for the story open now (content note, story or end card)",
                                  labels=["story"])
        if snapshot.get("story") and snapshot.get("screen") in ("note", "story", "end"):
            story.add_metric([str(snapshot["story"])], 1.0)
        yield story
        scene = GaugeMetricFamily("installation_scene", "the scene shown now (1-based; 0 outside a story)")
        scene.add_metric([], float(snapshot.get("scene") or 0) if snapshot.get("screen") == "story" else 0.0)
        yield scene
        blackout = GaugeMetricFamily("installation_blackout", "1 while the screen is blacked out (hours or by hand)")
        blackout.add_metric([], 1.0 if snapshot.get("blackout") else 0.0)
        yield blackout
        yield from self.osc()

    def osc(self):
        server = getattr(self.app, "osc", None)
        stats: dict[str, Any] = dict(getattr(server, "stats", None) or {})
        events = CounterMetricFamily("installation_osc_events", "OSC traffic by what happened to it (docs/osc.md)",
                                     labels=["event"])
        for name, value in sorted(stats.items()):
            if isinstance(value, (int, float)):
                events.add_metric([name], float(value))
        yield events
        enabled = GaugeMetricFamily("installation_osc_enabled", "1 when the OSC server runs")
        enabled.add_metric([], 1.0 if server is not None else 0.0)
        yield enabled


class Metrics:
    """The kiosk's metrics: hooks for the App (frame_listeners, effect_listeners) and the scrape endpoint."""

    def __init__(self, app, registry: CollectorRegistry | None = None):
        self.app = app
        self.registry = registry = registry or CollectorRegistry()
        self.frames = Histogram("installation_frame_seconds", "time to draw and show one frame",
                                buckets=FRAME_BUCKETS, registry=registry)
        self.over_budget = Counter("installation_frames_over_budget", "frames that took longer than 1/60 s",
                                   registry=registry)
        self.sessions = Counter("installation_visitor_sessions", "visitor sessions started", registry=registry)
        self.started = Counter("installation_stories_started", "stories started (past the content note)",
                               ["story"], registry=registry)
        self.completed = Counter("installation_stories_completed", "stories heard to the end", ["story"],
                                 registry=registry)
        self.left = Counter("installation_stories_left_early", "stories left before the end", ["story"],
                            registry=registry)
        self.idle_resets = Counter("installation_idle_resets", "times the kiosk went back to the start by itself",
                                   registry=registry)
        self.log_lines = Counter("installation_log_messages", "warning and error log lines", ["level"],
                                 registry=registry)
        for level in ("warning", "error"):
            self.log_lines.labels(level)
        registry.register(KioskCollector(app))
        self.log_handler = LogCounter(self.log_lines)
        self.server = None

    # ------------------------------------------------------------ hooks (render thread)
    def frame(self, seconds: float) -> None:
        self.frames.observe(seconds)
        if seconds > FRAME_BUDGET:
            self.over_budget.inc()

    def __call__(self, effect) -> None:
        if effect.kind != "stat":
            return
        event, story = effect.data.get("event"), str(effect.data.get("story") or "")
        if event == "session_started":
            self.sessions.inc()
        elif event == "story_started":
            self.started.labels(story).inc()
        elif event == "story_completed":
            self.completed.labels(story).inc()
        elif event == "left_early":
            self.left.labels(story).inc()
        elif event == "idle_reset":
            self.idle_resets.inc()

    # ------------------------------------------------------------ serving
    def serve(self, host: str, port: int) -> int:
        """Start the HTTP endpoint (/metrics) on its own thread; returns the port (0 asks for any free one)."""
        server, _thread = start_http_server(port, addr=host, registry=self.registry)
        self.server = server
        logging.getLogger().addHandler(self.log_handler)
        return server.server_address[1]

    def close(self) -> None:
        logging.getLogger().removeHandler(self.log_handler)
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


def settings(args, exhibition) -> tuple[str, int] | None:
    """(host, port) from --metrics-port/--metrics-host and the exhibition's `metrics:`; None when metrics are off."""
    config = getattr(exhibition, "metrics", None)
    port = getattr(args, "metrics_port", None)
    if getattr(args, "no_metrics", False) or (port is None and (config is None or not config.enabled)):
        return None
    host = getattr(args, "metrics_host", None) or (config.host if config is not None else "127.0.0.1")
    return host, port if port is not None else config.port


def attach(app, args) -> Metrics | None:
    where = settings(args, app.library.exhibition)
    if where is None:
        return None
    metrics = Metrics(app)
    try:
        port = metrics.serve(*where)
    except OSError as exc:
        log.error("metrics: cannot listen on %s port %s: %s", where[0], where[1], exc)
        return None
    app.frame_listeners.append(metrics.frame)
    app.effect_listeners.append(metrics)
    log.info("metrics: Prometheus endpoint on http://%s:%d/metrics", where[0], port)
    return metrics
