"""Ken Burns: slow pan and zoom of an illustration, scaled on a worker thread (smoothscale releases the GIL),
so the render loop only blits finished frames."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import pygame

from ..threads import lower_priority

MARGIN = 1.12  # the source is decoded this much larger than the screen, leaving room to move
ZOOM = 1.07
FRAME_INTERVAL = 1 / 24


def ease(p: float) -> float:
    p = max(0.0, min(1.0, p))
    return 0.5 - 0.5 * math.cos(math.pi * p)


@dataclass
class Path2:
    """Where the view starts and ends: zoom and centre (as fractions of the free space)."""

    zoom_from: float
    zoom_to: float
    pan_from: tuple[float, float]
    pan_to: tuple[float, float]

    @classmethod
    def for_index(cls, index: int) -> "Path2":
        variants = [
            (1.0, ZOOM, (0.5, 0.5), (0.55, 0.45)),
            (ZOOM, 1.0, (0.4, 0.5), (0.6, 0.5)),
            (1.0, ZOOM, (0.6, 0.55), (0.45, 0.45)),
            (ZOOM, 1.0, (0.5, 0.4), (0.5, 0.6)),
        ]
        return cls(*variants[index % len(variants)])


def crop_rect(source: tuple[int, int], screen: tuple[int, int], path: Path2, progress: float) -> pygame.Rect:
    sw, sh = source
    w, h = screen
    p = ease(progress)
    zoom = path.zoom_from + (path.zoom_to - path.zoom_from) * p
    # the crop has the screen's aspect ratio and shrinks as the zoom grows
    base = min(sw / w, sh / h)
    cw, ch = max(1, round(w * base / zoom)), max(1, round(h * base / zoom))
    fx = path.pan_from[0] + (path.pan_to[0] - path.pan_from[0]) * p
    fy = path.pan_from[1] + (path.pan_to[1] - path.pan_from[1]) * p
    return pygame.Rect(round((sw - cw) * fx), round((sh - ch) * fy), cw, ch)


@dataclass
class Layer:
    source: pygame.Surface
    started: float
    duration: float
    path: Path2
    screen: tuple[int, int]
    front: pygame.Surface | None = None
    back: pygame.Surface | None = None
    rendered_for: float = -1.0
    serial: int = 0
    moving: bool = True
    interval: float = FRAME_INTERVAL
    lock: threading.Lock = field(default_factory=threading.Lock)  # guards front (swap vs blit)
    rendering: threading.Lock = field(default_factory=threading.Lock)  # one renderer at a time

    def progress(self, now: float) -> float:
        return 0.0 if self.duration <= 0 else (now - self.started) / self.duration

    def render(self, now: float) -> None:
        with self.rendering:
            if self.back is None:
                self.back = pygame.Surface(self.screen).convert() if pygame.display.get_surface() else pygame.Surface(self.screen)
            rect = crop_rect(self.source.get_size(), self.screen, self.path, self.progress(now))
            pygame.transform.smoothscale(self.source.subsurface(rect), self.screen, self.back)
            with self.lock:
                self.front, self.back = self.back, self.front
                self.rendered_for = now
                self.serial += 1


class KenBurns:
    """Keeps the current scene's layer (and the one fading out) rendered ahead of time, and primes the next
    scene's first frame before its transition, so a transition starts without any scaling on the render path."""

    def __init__(self, clock: Callable[[], float], threaded: bool = True):
        self.clock = clock
        self.layers: dict[object, Layer] = {}
        self.primed: dict[object, Layer] = {}
        self.lock = threading.Lock()
        self.threaded = threaded
        self.stop = threading.Event()
        self.frozen = False  # while the story is paused, the picture holds still
        self.thread: threading.Thread | None = None
        self.rendered = threading.Condition()  # notified by the worker after each round of frames
        if threaded:
            self.thread = threading.Thread(target=self._run, name="ken-burns", daemon=True)
            self.thread.start()

    def prime(self, key: object, source: pygame.Surface, index: int, screen: tuple[int, int]) -> None:
        """Ask for the first frame of a layer that will start soon (rendered on the worker thread)."""
        with self.lock:
            if key in self.layers or (key in self.primed and self.primed[key].source is source):
                return
            self.primed[key] = Layer(source, 0.0, 0.0, Path2.for_index(index), screen)
            while len(self.primed) > 2:
                self.primed.pop(next(iter(self.primed)))
        if not self.threaded:
            self._render_primed()

    def set(self, key: object, source: pygame.Surface, started: float, duration: float, index: int,
            screen: tuple[int, int], moving: bool = True, interval: float = FRAME_INTERVAL) -> Layer:
        now = self.clock()
        with self.lock:
            layer = self.layers.get(key)
        if layer is None or layer.source is not source or layer.started != started or layer.screen != screen:
            with self.lock:
                primed = self.primed.pop(key, None)
            if primed is not None and primed.front is not None and primed.source is source and primed.screen == screen:
                layer = primed  # its first frame is ready: progress 0 is where every layer starts
                layer.started = started
            else:
                layer = Layer(source, started, duration, Path2.for_index(index), screen)
                if not self.threaded:
                    layer.render(now)  # otherwise the worker draws its first frame within one frame interval
            with self.lock:
                self.layers[key] = layer
        layer.duration, layer.moving, layer.interval = duration, moving, interval
        if not self.threaded and moving and not self.frozen and now - layer.rendered_for >= interval:
            layer.render(now)
        return layer

    def keep(self, keys: set) -> None:
        with self.lock:
            for key in [k for k in self.layers if k not in keys]:
                del self.layers[key]

    def drawn(self) -> bool:
        """Every moving layer and every primed one has a frame to show."""
        with self.lock:
            return (all(layer.front is not None for layer in self.layers.values() if layer.moving)
                    and all(layer.front is not None for layer in self.primed.values()))

    def wait_drawn(self, timeout: float) -> bool:
        with self.rendered:
            return self.rendered.wait_for(self.drawn, timeout=timeout)

    def close(self) -> None:
        self.stop.set()
        with self.rendered:
            self.rendered.notify_all()

    def _render_primed(self) -> None:
        with self.lock:
            waiting = [layer for layer in self.primed.values() if layer.front is None]
        for layer in waiting:
            layer.render(layer.started)

    def _run(self) -> None:
        lower_priority(5)
        while not self.stop.is_set():
            started = time.perf_counter()
            self._render_primed()
            with self.lock:
                layers = [layer for layer in self.layers.values() if layer.moving]
            now = self.clock()
            for layer in [] if self.frozen else layers:
                if now - layer.rendered_for >= layer.interval * 0.9:
                    layer.render(now + FRAME_INTERVAL / 2)
            with self.rendered:
                self.rendered.notify_all()
            spent = time.perf_counter() - started
            self.stop.wait(max(0.002, FRAME_INTERVAL - spent))
