"""Ken Burns: slow pan and zoom of an illustration, scaled on a worker thread (smoothscale releases the GIL),
so the render loop only blits finished frames."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from typing import Callable

import pygame

from ..threads import lower_priority
from .images import screen_surface
from .memory import let_go

MARGIN = 1.12  # the source is decoded this much larger than the screen, leaving room to move
ZOOM = 1.07
FRAME_INTERVAL = 1 / 24  # the longest a moving layer waits for a new frame…
SLOWEST = 1 / 4  # … unless it moves so slowly that this is still smooth
STEP_PX = 0.75  # a new frame when the picture has moved this far (a smaller step is invisible)


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


def interval_for(source: tuple[int, int], screen: tuple[int, int], path: Path2, duration: float) -> float:
    """Seconds between frames so that, where it moves fastest (mid-way, with the easing), the picture moves by at
    most STEP_PX screen pixels from one frame to the next: Ken Burns moves a few pixels a second, and a frame
    that moves by less than a pixel costs a full-screen scale and shows nothing new."""
    if duration <= 0:
        return FRAME_INTERVAL
    a, b = crop_rect(source, screen, path, 0.5), crop_rect(source, screen, path, 0.55)
    moved = max(abs(a.left - b.left), abs(a.right - b.right), abs(a.top - b.top), abs(a.bottom - b.bottom))
    speed = moved * screen[0] / a.w / (0.05 * duration)  # screen pixels per second
    return SLOWEST if speed <= 0 else max(FRAME_INTERVAL, min(SLOWEST, STEP_PX / speed))


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
    interval: float | None = None  # seconds between frames (interval_for, unless given)
    lock: threading.Lock = field(default_factory=threading.Lock)  # guards front (swap vs blit)
    rendering: threading.Lock = field(default_factory=threading.Lock)  # one renderer at a time

    def progress(self, now: float) -> float:
        return 0.0 if self.duration <= 0 else (now - self.started) / self.duration

    def render(self, now: float) -> None:
        with self.rendering:
            if self.back is None:
                self.back = screen_surface(self.screen)
            started = self.started
            rect = crop_rect(self.source.get_size(), self.screen, self.path, self.progress(now))
            pygame.transform.smoothscale(self.source.subsurface(rect), self.screen, self.back)
            with self.lock:
                self.front, self.back = self.back, self.front
                self.rendered_for = now if started == self.started else -1.0  # restarted meanwhile: again
                self.serial += 1

    def restart(self, started: float) -> None:
        """The scene starts again (Replay, a language switch) or resumes: the frame shown so far stays on screen
        until the worker has drawn the new one (a new layer would show black meanwhile)."""
        with self.lock:
            self.started, self.rendered_for = started, -1.0


class KenBurns:
    """Keeps the current scene's layer (and the one fading out) rendered ahead of time, and primes the next
    scene's first frame before its transition, so a transition starts without any scaling on the render path."""

    def __init__(self, clock: Callable[[], float], threaded: bool = True):
        self.clock = clock
        self.layers: dict[object, Layer] = {}
        self.primed: dict[object, Layer] = {}
        self.lock = threading.Lock()
        self.wake = threading.Condition(self.lock)  # the worker sleeps on it while nothing needs rendering
        self.threaded = threaded
        self.stop = threading.Event()
        self._frozen = False
        self.on_frame: Callable[[], None] | None = None  # called (on the worker) when a new frame is ready
        self.thread: threading.Thread | None = None
        self.rendered = threading.Condition()  # notified by the worker after each round of frames
        if threaded:
            self.thread = threading.Thread(target=self._run, name="ken-burns", daemon=True)
            self.thread.start()

    @property
    def frozen(self) -> bool:
        """While the story is paused, the picture holds still."""
        return self._frozen

    @frozen.setter
    def frozen(self, value: bool) -> None:
        if value != self._frozen:
            with self.wake:
                self._frozen = value
                self.wake.notify()

    def prime(self, key: object, source: pygame.Surface, index: int, screen: tuple[int, int]) -> None:
        """Ask for the first frame of a layer that will start soon (rendered on the worker thread)."""
        with self.wake:
            if key in self.layers or (key in self.primed and self.primed[key].source is source):
                return
            self.primed[key] = Layer(source, 0.0, 0.0, Path2.for_index(index), screen)
            while len(self.primed) > 2:
                let_go(self.primed.pop(next(iter(self.primed))))
            self.wake.notify()
        if not self.threaded:
            self._render_primed()

    def set(self, key: object, source: pygame.Surface, started: float, duration: float, index: int,
            screen: tuple[int, int], moving: bool = True, interval: float | None = None) -> Layer:
        now = self.clock()
        with self.lock:
            layer = self.layers.get(key)
        if layer is not None and layer.source is source and layer.screen == screen and layer.started != started:
            layer.restart(started)
            with self.wake:
                self.wake.notify()
        elif layer is None or layer.source is not source or layer.screen != screen:
            with self.lock:
                primed = self.primed.pop(key, None)
            if primed is not None and primed.front is not None and primed.source is source and primed.screen == screen:
                layer = primed  # its first frame is ready: progress 0 is where every layer starts
                layer.started = started
            else:
                layer = Layer(source, started, duration, Path2.for_index(index), screen)
                if not self.threaded:
                    layer.render(now)  # otherwise the worker draws its first frame at once
            with self.wake:
                replaced = self.layers.get(key)
                self.layers[key] = layer
                self.wake.notify()
            if replaced is not None and replaced is not layer:
                let_go(replaced)
        if interval is None:
            fresh = layer.duration != duration or layer.interval is None
            interval = interval_for(source.get_size(), screen, layer.path, duration) if fresh else layer.interval
        layer.duration, layer.moving, layer.interval = duration, moving, interval
        if not self.threaded and moving and not self.frozen and now - layer.rendered_for >= interval:
            layer.render(now)
        return layer

    def keep(self, keys: set, primed: set = frozenset()) -> None:
        """Let go of every layer not in `keys` and every primed frame not in `primed`."""
        with self.lock:
            gone = [self.layers.pop(k) for k in [k for k in self.layers if k not in keys]]
            gone += [self.primed.pop(k) for k in [k for k in self.primed if k not in primed]]
        let_go(*gone)

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
        with self.wake:
            self.wake.notify()
        with self.rendered:
            self.rendered.notify_all()

    def _render_primed(self) -> None:
        with self.lock:
            waiting = [layer for layer in self.primed.values() if layer.front is None]
        for layer in waiting:
            layer.render(layer.started)

    def _due(self, now: float) -> tuple[list[Layer], float | None]:
        """Layers to render now, and how long until the next one is due (None: nothing moves)."""
        due, wait = [], None
        for layer in self.layers.values():
            if layer.front is None:
                due.append(layer)
            elif layer.moving and not self._frozen:
                left = layer.rendered_for + (layer.interval or FRAME_INTERVAL) - now
                if left <= 0.002:
                    due.append(layer)
                    left = layer.interval or FRAME_INTERVAL
                wait = left if wait is None else min(wait, left)
        return due, wait

    def _render_due(self) -> bool:
        """Render every layer that is due; whether there was one. (A method of its own, so that while the worker
        sleeps no local name holds a layer, its source and its two frames, after the layer is let go.)"""
        with self.lock:
            due, _ = self._due(self.clock())
        now = self.clock()
        for layer in due:
            layer.render(now + min(layer.interval or FRAME_INTERVAL, FRAME_INTERVAL) / 2)
        return bool(due)

    def _run(self) -> None:
        lower_priority(5)
        while not self.stop.is_set():
            self._render_primed()
            if self._render_due() and self.on_frame is not None:
                self.on_frame()
            with self.rendered:
                self.rendered.notify_all()
            with self.wake:
                if self.stop.is_set():
                    return
                waiting = any(layer.front is None for layer in self.primed.values())
                again, wait = self._due(self.clock())
                if not waiting and not again:
                    self.wake.wait(timeout=wait)  # until the next frame is due, or something changes
