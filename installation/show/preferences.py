"""The show's commands for the visitor's settings and the technician's switches (language, captions, text size,
description, voice, contrast, volume, help, blackout, identify), with their range checks. Part of `Show`."""

from __future__ import annotations

from .commands import Outcome
from .state import TEXT_SIZES, State

VOLUME_STEP = 0.1  # one press of a volume button or key
TEXT_SIZE_RANGE = (0.5, 3.0)
IDENTIFY_LONGEST = 600.0  # seconds


class Preferences:
    """Mixed into Show: needs its state, library, _changed, _emit, _start_scene and _reset."""

    state: State

    def _do_language(self, now: float, language: str) -> Outcome | None:
        state = self.state
        languages = self.library.exhibition.languages
        if language not in languages:
            return Outcome.rejected("bad_args", f"unknown language '{language}' (use one of: {', '.join(languages)})")
        if language == state.settings.language:
            return None
        state.settings.language = language
        self._emit("stat", event="language", language=language)
        if state.screen == "story":
            self._start_scene(now, state.scene, crossfade=False, again=True)
        self._changed()
        return None

    def _do_cycle_language(self, now: float) -> None:
        languages = self.library.exhibition.languages
        current = self.state.settings.language
        self._do_language(now, languages[(languages.index(current) + 1) % len(languages)])

    def _do_captions(self, now: float, on: bool) -> None:
        self.state.settings.captions = on
        self._changed()

    def _do_toggle_captions(self, now: float) -> None:
        self._do_captions(now, not self.state.settings.captions)

    def _do_text_size(self, now: float, size: float) -> Outcome | None:
        low, high = TEXT_SIZE_RANGE
        if not low <= size <= high:
            return Outcome.rejected("bad_args", "the text size is 1, 1.5 or 2")
        self.state.settings.text_size = min(TEXT_SIZES, key=lambda s: abs(s - size))
        self._emit("stat", event="text_size", text_size=self.state.settings.text_size)
        self._changed()
        return None

    def _do_cycle_text_size(self, now: float) -> None:
        sizes = TEXT_SIZES
        self._do_text_size(now, sizes[(sizes.index(self.state.settings.text_size) + 1) % len(sizes)])

    def _do_description(self, now: float, on: bool) -> None:
        state = self.state
        if on == state.settings.description:
            return
        state.settings.description = on
        if on:
            self._emit("stat", event="description_on", story=state.story if state.screen == "story" else None)
        if state.screen == "story":
            self._start_scene(now, state.scene, crossfade=False, again=True)
        self._changed()

    def _do_toggle_description(self, now: float) -> None:
        self._do_description(now, not self.state.settings.description)

    def _do_voice(self, now: float, on: bool) -> None:
        if on != self.state.settings.voice:
            self.state.settings.voice = on
            if on:
                self._emit("stat", event="voice_on")
            self._changed()

    def _do_toggle_voice(self, now: float) -> None:
        self._do_voice(now, not self.state.settings.voice)

    def _do_contrast(self, now: float, on: bool) -> None:
        self.state.settings.contrast = on
        self._changed()

    def _do_toggle_contrast(self, now: float) -> None:
        self._do_contrast(now, not self.state.settings.contrast)

    def _do_volume(self, now: float, level: float) -> Outcome | None:
        if not 0.0 <= level <= 1.0:
            return Outcome.rejected("bad_args", "the volume is 0–1")
        self._set_volume(level)
        return None

    def _do_volume_step(self, now: float, delta: float) -> None:
        self._set_volume(self.state.settings.volume + delta)  # kept within 0–1

    def _set_volume(self, level: float) -> None:
        settings = self.state.settings
        settings.volume = round(max(0.0, min(1.0, level)), 3)
        settings.muted = False if level > 0 else settings.muted
        self._emit("volume", level=settings.volume, muted=settings.muted)
        self._changed(seen=False)

    def _do_mute(self, now: float, on: bool) -> None:
        self.state.settings.muted = on
        self._emit("volume", level=self.state.settings.volume, muted=on)
        self._changed(seen=False)

    def _do_toggle_mute(self, now: float) -> None:
        self._do_mute(now, not self.state.settings.muted)

    def _do_help(self, now: float, on: bool | None = None) -> None:
        self.state.help = (not self.state.help) if on is None else on
        self._changed()

    def _do_blackout(self, now: float, on: bool) -> None:
        state = self.state
        if on == state.blackout:
            return
        if on:
            self._reset(now)
        state.blackout = on
        state.last_activity = now
        self._changed()

    def _do_identify(self, now: float, seconds: float = 5.0) -> Outcome | None:
        if not 0.0 <= seconds <= IDENTIFY_LONGEST:
            return Outcome.rejected("bad_args", f"identify takes 0–{IDENTIFY_LONGEST:g} seconds")
        self.state.identify_until = now + seconds
        self._changed()
        return None
