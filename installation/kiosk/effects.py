"""What the show asks of the kiosk (its effects), carried out with the kiosk's sound, images and screen."""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.load import Library
from ..hooks import call_each
from ..show.commands import Outcome
from ..show.state import Effect
from .motion import MARGIN

if TYPE_CHECKING:
    from .app import App

log = logging.getLogger(__name__)

AT_PRESENT = ("narration.play", "narration.pause", "narration.resume", "narration.stop")  # heard with the picture
SEEK_FROM = 0.002  # seconds late before a scene's narration starts part-way in (below: from its beginning)


class Effects:
    def __init__(self, app: "App"):
        self.app = app
        self.readahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="captions")  # off the render thread
        self.audio_started: float | None = None  # CLOCK_MONOTONIC of the narration's own start (seek included)
        self.audio_offset = 0.0  # seconds into it that it started, by lateness
        self.held: list[Effect] | None = None  # while a due frame is prepared: sound effects wait for its present
        self.read_ahead: tuple[Library, str] | None = None  # the story whose captions were read ahead

    def carry_out(self, effects: list[Effect]) -> Outcome | None:
        """Do what the show asked; the first effect that failed, as an outcome (logged), else None. While a due
        frame is being prepared, what is heard waits (`release`) until that frame is presented."""
        failure = None
        for effect in effects:
            if self.held is not None and effect.kind in AT_PRESENT:
                self.held.append(effect)
                continue
            result = self._carry_out(effect)
            failure = failure or result
        return failure

    def hold(self) -> None:
        self.held = []

    def release(self) -> None:
        held, self.held = self.held or [], None
        self.carry_out(held)

    def _carry_out(self, effect: Effect) -> Outcome | None:
        failure = None
        try:
            self._do(effect.kind, effect.data)
        except Exception as exc:
            log.exception("carrying out %s failed", effect.kind)
            failure = Outcome.rejected("failed", f"{type(exc).__name__}: {exc}")
        call_each(self.app.effect_listeners, effect, what=f"effect listener for {effect.kind}")
        return failure

    def _do(self, kind: str, data: dict) -> None:
        app = self.app
        if kind == "narration.play":
            timing = app.library.timing(data["story"], data["scene"], data["language"], data["described"])
            # heard later than due (a stalled loop, a late synchronised start): start where the others are
            late = max(0.0, app.clock() - data["at"]) if data.get("at") is not None else 0.0
            late = late if late >= SEEK_FROM else 0.0
            app.narration.play(timing.narration if late < timing.length else None, start=late)
            self.audio_started, self.audio_offset = time.monotonic() - late, late
        elif kind == "narration.pause":
            app.narration.pause()
        elif kind == "narration.resume":
            app.narration.resume()
        elif kind == "narration.stop":
            app.narration.stop(data.get("fade", 0.0))
        elif kind == "volume":
            app.narration.set_volume(data["level"], data["muted"])
        elif kind == "preload":
            self.preload(data["story"], data["scenes"])
        elif kind == "content":
            app.images.forget(data["stale"])
            app.narration.forget(data["stale"])
            app.memo.clear()
            app.frames.drawn = None
            app.preload_story_cards()
        elif kind == "screenshot":
            app.screenshot(Path(data["path"]).expanduser())
        elif kind == "thumbnail":
            from .thumbnail import thumbnail

            app.draw()
            app.result = thumbnail(app.surface, data["width"])
        elif kind == "quit":
            app.running = False

    def preload(self, story_id: str, scenes: list[int]) -> None:
        app = self.app
        item = app.library.stories.get(story_id)
        if item is None:
            return
        box = (round(app.metrics.width * MARGIN), round(app.metrics.height * MARGIN))
        app.hold_background()  # a tap on Next starts a crossfade: the next picture waits for its end
        for index in scenes:
            app.images.request(app.library.media(item.scenes[index].illustration), box)
        if self.read_ahead is None or self.read_ahead[0] is not app.library or self.read_ahead[1] != story_id:
            # every scene's captions in every language, the ones asked for first, once per story: a tap then reads
            # nothing and parses nothing on a helper thread while the crossfade is drawn
            self.read_ahead = (app.library, story_id)
            rest = [i for i in range(len(item.scenes)) if i not in scenes]
            self.readahead.submit(read_timings, app.library, story_id, list(scenes) + rest)

    def close(self) -> None:
        self.readahead.shutdown(wait=False, cancel_futures=True)


def read_timings(library: Library, story_id: str, scenes: list[int]) -> None:
    """The scenes' captions and lengths in every language (a language switch then reads nothing)."""
    for index in scenes:
        for language in library.exhibition.languages:
            for described in (False, True):
                library.timing(story_id, index, language, described)
