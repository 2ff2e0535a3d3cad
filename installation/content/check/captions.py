"""Rules for a scene's captions: line breaks, reading speed, time on screen, and the narration they follow."""

from __future__ import annotations

from typing import Any

from ..linebreak import LINE_CHARS, caption_lines, line_width
from ..yamlpos import Located
from .audio import AudioRules
from .findings import WARNING, _get
from .instruments import Unmeasurable
from .media import MediaRules
from .texts import SCENE_TEXTS, TextRules

# Caption rules (see /docs/curators.md and the accessibility notes: Netflix timed-text style guides, BBC).
MAX_LINES = 2
MIN_CUE = 5 / 6  # seconds on screen, at least (20 frames at 24 fps ≈ 0.83 s)
MAX_CUE = 7.0  # seconds on screen, at most
MAX_CPS = {"en": 17.0, "zh-Hant": 9.0}  # reading speed, characters per second
CUE_SLACK = 0.05  # seconds a cue may run past the end of the narration (rounding in subtitle files)


class CaptionRules(TextRules, MediaRules, AudioRules):
    def check_scene(self, story_id: str, index: int, scene: Any, shown: str, located: Located,
                    languages: list[str]) -> None:
        from ..schema import Cue

        base = ("scenes", index)
        self.check_image(scene.illustration, shown, located.line_of(base + ("illustration",)), "illustration")
        for name, required in SCENE_TEXTS:
            value = _get(located.data, base + (name,))
            if value is not None:
                self.check_localised(shown, located, base + (name,), value, required, languages)
        captions_line = located.line_of(base + ("captions",))
        for language in languages:
            items = scene.captions.get(language)
            if not items:
                self.add(shown, captions_line, f"scene '{scene.id}': no captions in {language} (every scene needs "
                                               f"captions in every language of the exhibition)")
                continue
            lang_line = located.line_of(base + ("captions", language))
            item_lines = [located.line_of(base + ("captions", language, j)) for j in range(len(items))]
            texts = [item if isinstance(item, str) else item.text for item in items]
            for text, line in zip(texts, item_lines):
                self.check_caption_text(shown, line, language, text)
            explicit = all(isinstance(item, Cue) for item in items)
            if any(isinstance(item, Cue) for item in items) and not explicit:
                self.add(shown, lang_line, f"captions ({language}): some items have times and some do not; the "
                                           f"kiosk uses the times only when every item has them", WARNING)
            cues, length = self.check_narration(story_id, scene, language, texts, shown, lang_line, explicit)
            if explicit:
                cues = [(c.start, c.end, c.text) for c in items]  # type: ignore[union-attr]
            if cues:
                self.check_cue_timing(shown, item_lines, lang_line, language, cues, length)

    def check_caption_text(self, shown: str, line: int, language: str, text: str) -> None:
        self.check_text(shown, line, f"caption ({language})", language, text)
        limit = LINE_CHARS.get(language, LINE_CHARS["en"])
        lines = caption_lines(text, language)
        too_long = [ln for ln in lines if line_width(ln, language) > limit]
        if too_long:
            self.add(shown, line, f"caption ({language}): '{too_long[0]}' cannot be broken into lines of at most "
                                  f"{limit} characters")
        elif len(lines) > MAX_LINES:
            self.add(shown, line, f"caption ({language}) needs {len(lines)} lines of at most {limit} characters "
                                  f"(at most {MAX_LINES}): split it into two caption items")

    def check_narration(self, story_id: str, scene: Any, language: str, texts: list[str], shown: str, line: int,
                        explicit: bool) -> tuple[list[tuple[float, float, str]] | None, float | None]:
        """Checks the narration WAV and its cue file; returns (the cues the kiosk will show, narration length)."""
        from ..load import narration_path

        wav = narration_path(self.root, story_id, scene.id, language)
        where = f"scene '{scene.id}' ({language})"
        if not wav.exists():
            self.add(shown, line, f"{where}: no narration ({self.shown(wav)}); run `installation media build`",
                     WARNING)
            return None, None
        length = self.check_wav(wav, where, shown, line)
        if length is None:
            return None, None
        if explicit:
            return None, length
        vtt = wav.with_suffix(".vtt")
        if self.instruments.read_cues is None:
            return None, length
        if (vtt.exists() or vtt.is_symlink()) and not (self._inside(vtt, self.media_root) and vtt.is_file()):
            self.add(shown, line, f"{where}: {self.shown(vtt)} is a link to a file outside the project, or not a "
                                  f"file; it is not read, so captions are spread evenly")
            return None, length
        if not vtt.exists():
            self.add(shown, line, f"{where}: narration has no cue file ({self.shown(vtt)}), so captions are spread "
                                  f"evenly over it; run `installation media build`", WARNING)
            return None, length
        try:
            cues = self.instruments.read_cues(vtt, self.shown(vtt))
        except Unmeasurable as exc:
            self.add(exc.path, exc.line, f"{exc.message} (the kiosk spreads the captions evenly instead); "
                                         f"run `installation media build --force`")
            return None, length
        if [_norm(c.text) for c in cues] != [_norm(t) for t in texts]:
            why = (f"{len(cues)} cues for {len(texts)} captions" if len(cues) != len(texts)
                   else "the wording has changed")
            self.add(shown, line, f"{where}: the narration was built from other captions than these ({why}); "
                                  f"run `installation media build`", WARNING)
            return None, length
        return [(c.start, c.end, c.text) for c in cues], length

    def check_cue_timing(self, shown: str, item_lines: list[int], lang_line: int, language: str,
                         cues: list[tuple[float, float, str]], length: float | None) -> None:
        limit = MAX_CPS.get(language, MAX_CPS["en"])
        previous_end = None
        for j, (start, end, text) in enumerate(cues):
            line = item_lines[j] if j < len(item_lines) else lang_line
            what = f"caption ({language}) {_clock(start)}–{_clock(end)}"
            duration = end - start
            if duration < MIN_CUE - 0.01:
                self.add(shown, line, f"{what} is on screen for {duration:.2f} s (at least {MIN_CUE:.2f} s)", WARNING)
            elif duration > MAX_CUE + 0.01:
                self.add(shown, line, f"{what} is on screen for {duration:.2f} s (at most {MAX_CUE:g} s): split it",
                         WARNING)
            chars = reading_length(text)
            if duration > 0 and chars / duration > limit + 1e-6:
                self.add(shown, line, f"{what}: {chars / duration:.1f} characters per second is faster than "
                                      f"visitors can read (at most {limit:g}); shorten it or give it more time",
                         WARNING)
            if previous_end is not None and start < previous_end - 1e-6:
                self.add(shown, line, f"{what} starts before the previous caption ends ({_clock(previous_end)})")
            if length is not None and end > length + CUE_SLACK:
                self.add(shown, line, f"{what} ends after the narration ({_clock(length)}), so it is cut short")
            previous_end = end

    # -- media

# ------------------------------------------------------------------------------------------------- captions


def reading_length(text: str) -> int:
    """Characters to read: every character, counting runs of white space (and line breaks) as one."""
    return len(" ".join(text.split()))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _clock(seconds: float) -> str:
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes)}:{rest:04.1f}"
