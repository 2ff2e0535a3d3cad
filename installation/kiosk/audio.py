"""Narration through pygame.mixer: play, pause, fade, on-screen volume. Failures are silent and logged once."""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

log = logging.getLogger(__name__)


class Narration:
    def __init__(self, enabled: bool = True):
        self.enabled = enabled and self._init_mixer()
        self.sounds: dict[Path, pygame.mixer.Sound | None] = {}
        self.channel: pygame.mixer.Channel | None = None
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

    def sound(self, path: Path | None) -> pygame.mixer.Sound | None:
        if not self.enabled or path is None:
            return None
        if path not in self.sounds:
            try:
                self.sounds[path] = pygame.mixer.Sound(str(path))
            except (pygame.error, OSError, ValueError) as exc:
                self.sounds[path] = None
                if path not in self.reported:
                    self.reported.add(path)
                    log.warning("narration %s cannot be played (%s); scene plays silently", path, exc)
            if len(self.sounds) > 24:
                self.sounds.pop(next(iter(self.sounds)))
        return self.sounds[path]

    def forget(self, paths) -> None:
        """Drop the sounds of these files (they changed on disk): the next play reads them again."""
        for path in paths:
            self.sounds.pop(path, None)
            self.reported.discard(path)

    def preload(self, path: Path | None) -> None:
        self.sound(path)

    def play(self, path: Path | None) -> None:
        self.stop()
        sound = self.sound(path)
        if sound is not None:
            self.channel = sound.play()
            self._apply_volume()

    def pause(self) -> None:
        if self.channel is not None:
            self.channel.pause()

    def resume(self) -> None:
        if self.channel is not None:
            self.channel.unpause()

    def stop(self, fade: float = 0.0) -> None:
        if self.channel is not None:
            if fade > 0:
                self.channel.fadeout(int(fade * 1000))
            else:
                self.channel.stop()
            self.channel = None

    def set_volume(self, level: float, muted: bool) -> None:
        self.level, self.muted = level, muted
        self._apply_volume()

    def _apply_volume(self) -> None:
        if self.channel is not None:
            self.channel.set_volume(0.0 if self.muted else self.level)
