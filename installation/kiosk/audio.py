"""Narration through pygame.mixer: play, pause, fade, on-screen volume. Failures are silent and logged once.

Each scene's recording is streamed from its file (`pygame.mixer.music`, decoded a little at a time on SDL's audio
thread), so a tap never waits for a decode and no recording is held in memory."""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

log = logging.getLogger(__name__)


class Narration:
    def __init__(self, enabled: bool = True):
        self.enabled = enabled and self._init_mixer()
        self.playing: Path | None = None
        self.level, self.muted = 0.8, False
        self.reported: set[Path] = set()

    @staticmethod
    def _init_mixer() -> bool:
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=44100, size=-16, channels=2, buffer=1024)
            return True
        except pygame.error as exc:
            log.warning("audio unavailable (%s); narration is silent, captions still play", exc)
            return False

    def play(self, path: Path | None, start: float = 0.0) -> None:
        """Play from `start` seconds in (a scene presented late keeps its narration with the show clock)."""
        self.stop()
        if not self.enabled or path is None:
            return
        try:
            pygame.mixer.music.stop()  # ends a fade-out still running, which loading would otherwise wait for
            pygame.mixer.music.load(str(path))
            try:
                pygame.mixer.music.play(start=start)
            except pygame.error:  # a format SDL cannot seek in: from its beginning
                if not start:
                    raise
                pygame.mixer.music.play()
        except (pygame.error, OSError, ValueError) as exc:
            if path not in self.reported:
                self.reported.add(path)
                log.warning("narration %s cannot be played (%s); scene plays silently", path, exc)
            return
        self.playing = path
        self._apply_volume()

    def pause(self) -> None:
        if self.playing is not None:
            pygame.mixer.music.pause()

    def resume(self) -> None:
        if self.playing is not None:
            pygame.mixer.music.unpause()

    def stop(self, fade: float = 0.0) -> None:
        """Stop now, or fade out over `fade` seconds (a new `play` cuts the fade short)."""
        if self.playing is not None:
            if fade > 0:
                pygame.mixer.music.fadeout(int(fade * 1000))
            else:
                pygame.mixer.music.stop()
            self.playing = None

    def forget(self, paths) -> None:
        """Files that changed (live reload): report them again if they still cannot be played."""
        self.reported.difference_update(paths)

    def set_volume(self, level: float, muted: bool) -> None:
        self.level, self.muted = level, muted
        self._apply_volume()

    def _apply_volume(self) -> None:
        if self.playing is not None:
            pygame.mixer.music.set_volume(0.0 if self.muted else self.level)
