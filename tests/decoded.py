"""Each illustration decoded once per test module: tests that draw the shipped show many times over (every screen,
size and language) would otherwise decode the same SVG again after every story (a story's end lets go of its
pictures). The kiosk's image store works as it does in the gallery; only the decode itself is remembered."""

from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path

import pygame

from installation.kiosk import images

BUDGET = 640 << 20  # bytes of decoded pixels kept: every picture of the shipped show at one portrait size


def _bytes(surface: pygame.Surface) -> int:
    return surface.get_pitch() * surface.get_height()


@contextmanager
def decoded_once(budget: int = BUDGET):
    """While inside, `images.load` hands out a copy of what it decoded before for the same file (same size and
    modification time), box and mode, the least recently used let go over the budget; what fails to decode still
    fails every time."""
    decode = images.load
    kept: OrderedDict[tuple, pygame.Surface] = OrderedDict()
    lock = threading.Lock()

    def load(path: Path, box, mode: str = "cover") -> pygame.Surface:
        try:
            stat = path.stat()
        except OSError:
            return decode(path, box, mode)
        key = (path.resolve(), stat.st_size, stat.st_mtime_ns, tuple(box), mode)
        with lock:
            known = kept.get(key)
            if known is not None:
                kept.move_to_end(key)
                return known.copy()
        surface = decode(path, box, mode)
        with lock:
            kept[key] = surface.copy()
            total = sum(_bytes(s) for s in kept.values())
            while total > budget and len(kept) > 1:
                total -= _bytes(kept.popitem(last=False)[1])
        return surface

    images.load = load
    try:
        yield
    finally:
        images.load = decode
        kept.clear()
