"""The kiosk's process and screen: the display window, how much decoded image memory it may keep, and the signals
that end it cleanly."""

from __future__ import annotations

import logging
import os
import signal
import threading
from typing import Callable

import pygame

from .images import cover_size
from .layout import Metrics
from .motion import MARGIN

log = logging.getLogger(__name__)


def open_display(size: tuple[int, int] | None, windowed: bool, headless: bool, display: int,
                 title: str) -> tuple[pygame.Surface, bool]:
    """The display surface, full screen in kiosk mode (neither windowed nor headless); and whether it is."""
    if headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
    # SDL would turn SIGTERM into a window-close event, which kiosk mode ignores: systemd could not stop us
    os.environ["SDL_NO_SIGNAL_HANDLERS"] = "1"
    pygame.display.init()
    pygame.font.init()
    kiosk = not windowed and not headless
    flags = pygame.FULLSCREEN if kiosk else 0
    surface = pygame.display.set_mode(size or ((0, 0) if kiosk else (1280, 720)), flags, display=display)
    pygame.display.set_caption(title)
    pygame.mouse.set_visible(not kiosk)
    return surface, kiosk


def image_budget_mib(metrics: Metrics) -> int:
    """Decoded pixels to keep: four illustrations at Ken Burns size (16:9, covering the screen with its margin:
    the scenes around the current one, the attract and chooser artwork) and the cards' thumbnails. A story's other
    scenes are decoded again when it comes back to them."""
    w, h = cover_size((16, 9), (round(metrics.width * MARGIN), round(metrics.height * MARGIN)))
    return round((4 * w * h * 4 + 8 * 1024 * 1024) / (1024 * 1024))


def handle_stop_signals(stop: Callable[[], None]) -> dict[int, object]:
    """SIGTERM (systemd, kill) and SIGINT (Ctrl+C) call `stop` (on the main thread only); returns the handlers
    they replaced, for `restore_signals`."""
    if threading.current_thread() is not threading.main_thread():
        return {}

    def handler(number: int, _frame) -> None:
        log.info("stopping on %s", signal.Signals(number).name)
        stop()

    return {number: signal.signal(number, handler) for number in (signal.SIGTERM, signal.SIGINT)}


def restore_signals(previous: dict[int, object]) -> None:
    for number, handler in previous.items():
        signal.signal(number, handler)
