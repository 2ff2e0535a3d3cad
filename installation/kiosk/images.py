"""Images decoded and scaled ahead of time on a worker thread, so the render loop only blits."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import OrderedDict
from pathlib import Path

import pygame

from ..content.mediafiles import check_pixels, image_size
from ..threads import lower_priority
from .memory import let_go

log = logging.getLogger(__name__)

Size = tuple[int, int]
IN_USE = 2.0  # seconds: an image asked for this recently is not let go


def cover_size(natural: Size, box: Size) -> Size:
    """The smallest size with the image's aspect ratio that covers the box."""
    nw, nh = natural
    scale = max(box[0] / nw, box[1] / nh)
    return (max(1, round(nw * scale)), max(1, round(nh * scale)))


def fit_size(natural: Size, box: Size) -> Size:
    nw, nh = natural
    scale = min(box[0] / nw, box[1] / nh)
    return (max(1, round(nw * scale)), max(1, round(nh * scale)))


def svg_natural_size(path: Path) -> Size:
    natural = image_size(path) or (1920, 1080)
    return (max(1, natural[0]), max(1, natural[1]))


def placeholder(size: Size) -> pygame.Surface:
    """A calm neutral panel shown where an illustration is missing or unreadable."""
    surface = pygame.Surface(size)
    w, h = size
    top, bottom = (38, 42, 54), (18, 20, 27)
    for y in range(0, h, 4):
        k = y / max(1, h - 1)
        colour = [round(a + (b - a) * k) for a, b in zip(top, bottom)]
        pygame.draw.rect(surface, colour, (0, y, w, 4))
    return surface


def load(path: Path, box: Size, mode: str = "cover") -> pygame.Surface:
    """Decode one image at the size it will be shown. Raises on missing, corrupt or too large files (the size is
    read from the header first: nothing beyond the pixel budget is ever decoded)."""
    if not path.is_file():  # missing, or a FIFO or a device: never opened
        raise FileNotFoundError(f"{path} is not a file")
    sizer = cover_size if mode == "cover" else fit_size
    on_screen = pygame.display.get_init() and pygame.display.get_surface() is not None  # conversions need a display
    if path.suffix.lower() == ".svg":
        size = sizer(svg_natural_size(path), box)
        check_pixels(size)
        surface = pygame.image.load_sized_svg(str(path), size)
        if surface.get_size() != size:
            surface = pygame.transform.smoothscale(surface, size)
    else:
        natural = image_size(path)
        if natural is None:
            raise ValueError("is not a PNG or JPEG image")
        check_pixels(natural)
        surface = pygame.image.load(str(path))
        size = sizer(surface.get_size(), box)
        # smoothscale needs 24- or 32-bit pixels; a paletted or grey PNG gets them from convert_alpha
        surface = pygame.transform.smoothscale(surface.convert_alpha() if on_screen else surface, size)
    if on_screen:
        surface = surface.convert()
    return surface


def screen_surface(size: Size) -> pygame.Surface:
    """A blank opaque surface in the screen's pixel format. Made so directly: `Surface(size).convert()` fills and
    converts every pixel (6.6 ms at 1080p) without letting go of the GIL, and the render loop waits meanwhile."""
    screen = pygame.display.get_surface() if pygame.display.get_init() else None
    return pygame.Surface(size, 0, screen) if screen is not None else pygame.Surface(size)


def _key(path: Path | None) -> Path | None:
    return None if path is None else Path(path)


def _bytes(surface: pygame.Surface) -> int:
    return surface.get_pitch() * surface.get_height()


class ImageStore:
    """Keyed by (path, size, mode). `request` queues a decode, `get` never blocks; `wait` is for tests and previews.
    At most `budget_mib` of decoded pixels are kept, the least recently used let go first."""

    def __init__(self, budget_mib: int = 512, threaded: bool = True):
        self.budget = budget_mib * 1024 * 1024  # decoded pixels kept, in bytes (a 4K scene is ~40 MiB)
        self.ready: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self.used: dict[tuple, float] = {}  # when each was last asked for (time.monotonic)
        self.pending: set[tuple] = set()
        self.failed: set[Path] = set()
        self.lock = threading.Lock()
        self.done = threading.Condition(self.lock)
        self.jobs: queue.Queue[tuple | None] = queue.Queue()
        self.threaded = threaded
        self.open = threading.Event()  # cleared while a transition plays: nothing loads then
        self.open.set()
        self.worker: threading.Thread | None = None
        if threaded:
            self.worker = threading.Thread(target=self._run, name="image-loader", daemon=True)
            self.worker.start()

    def request(self, path: Path | None, box: Size, mode: str = "cover") -> None:
        key = (_key(path), tuple(box), mode)
        with self.lock:
            if key in self.ready:
                self.ready.move_to_end(key)
                self.used[key] = time.monotonic()
                return
            if key in self.pending:
                return
            self.pending.add(key)
        if self.threaded:
            self.jobs.put(key)
        else:
            self._load(key)

    def get(self, path: Path | None, box: Size, mode: str = "cover") -> pygame.Surface | None:
        """The decoded image if it is ready (it is asked for with `request`, outside drawing)."""
        key = (_key(path), tuple(box), mode)
        with self.lock:
            surface = self.ready.get(key)
            if surface is not None:
                self.ready.move_to_end(key)
                self.used[key] = time.monotonic()
            return surface

    def release(self, box: Size) -> None:
        """Let go of every image decoded for this box (a story's scenes, once the story is over), and of every one
        still waiting to be decoded for it: none is decoded after it was let go."""
        box = tuple(box)
        with self.done:
            self._drop(key for key in self.ready if key[1] == box)
            self.pending -= {key for key in self.pending if key[1] == box}
            self.done.notify_all()

    def only(self, box: Size, paths) -> None:
        """Of the images for this box, decoded or still waiting, keep only these paths' (a visitor who taps Next five
        times running needs the scene they stopped at, not the four before it, each decoded and let go in turn; a
        story started from another keeps none of the last one's)."""
        box, paths = tuple(box), {_key(path) for path in paths}
        with self.done:
            self._drop(key for key in self.ready if key[1] == box and key[0] not in paths)
            stale = {key for key in self.pending if key[1] == box and key[0] not in paths}
            if stale:
                self.pending -= stale
                self.done.notify_all()

    def forget(self, paths) -> None:
        """Files that changed (live reload): decode them again when next asked for."""
        paths = set(paths)
        with self.lock:
            self._drop(key for key in self.ready if key[0] in paths)
            self.failed -= paths

    def wait(self, path: Path | None, box: Size, mode: str = "cover", timeout: float = 10.0) -> pygame.Surface | None:
        key = (_key(path), tuple(box), mode)
        self.request(path, box, mode)
        with self.done:
            self.done.wait_for(lambda: key in self.ready, timeout=timeout)
            return self.ready.get(key)

    def wait_all(self, timeout: float = 30.0) -> None:
        with self.done:
            self.done.wait_for(lambda: not self.pending, timeout=timeout)

    def idle(self) -> bool:
        with self.lock:
            return not self.pending

    def close(self, timeout: float = 2.0) -> None:
        """Stop decoding: what is queued is dropped, what is being decoded finishes (before the display goes)."""
        if self.worker is None:
            return
        with self.done:
            self.pending.clear()
            self.done.notify_all()
        self.jobs.put(None)
        self.open.set()
        if self.worker is not threading.current_thread():
            self.worker.join(timeout)

    def hold(self, holding: bool) -> None:
        (self.open.clear if holding else self.open.set)()

    def _run(self) -> None:
        lower_priority(10)
        while True:
            key = self.jobs.get()
            if key is None:
                return
            self.open.wait(timeout=5.0)
            with self.lock:
                wanted = key in self.pending  # not let go meanwhile, nor queued twice
            if wanted:
                self._load(key)

    def _load(self, key: tuple) -> None:
        path, box, mode = key
        try:
            if path is None:  # refused by the loader (outside media/, reported there): never opened
                raise FileNotFoundError
            surface = load(path, box, mode)
        except (OSError, pygame.error, ValueError, MemoryError) as exc:
            if path is not None and path not in self.failed:
                self.failed.add(path)
                reason = "file not found" if not path.exists() else (str(exc) or type(exc).__name__)
                log.warning("image %s: %s; showing a placeholder", path, reason)
            surface = placeholder(box if mode == "cover" else (box[0], box[0] * 9 // 16))
        with self.done:
            if key in self.pending:  # else let go while it was being decoded
                self.pending.discard(key)
                self.ready[key] = surface
                self.used[key] = time.monotonic()
                self._evict()
            self.done.notify_all()

    def held_bytes(self) -> int:
        """Decoded pixels kept (the caller holds the lock)."""
        return sum(_bytes(s) for s in self.ready.values())

    def _drop(self, keys) -> None:
        """Let go of these decoded images (the caller holds the lock)."""
        let_go(*[self._pop(key) for key in list(keys)])

    def _pop(self, key) -> pygame.Surface:
        self.used.pop(key, None)
        return self.ready.pop(key)

    def _evict(self) -> None:
        """Least recently used first, over the budget; never what was asked for within IN_USE seconds (what the
        screen needs now stays, even when it alone is over the budget)."""
        total = self.held_bytes()
        now = time.monotonic()
        for key in list(self.ready):
            if total <= self.budget:
                return
            if now - self.used.get(key, 0.0) < IN_USE:
                continue
            total -= _bytes(self._pop(key))
