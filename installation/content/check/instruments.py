"""What the linter measures with the kiosk's and the narration build's own tools, handed in by the adapter that runs
it (`installation.authoring.lint`), so that content imports no adapter. A rule whose instrument is missing is skipped."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence


class Unmeasurable(Exception):
    """An instrument could not read or measure a file: `message` says why, `path:line` where."""

    def __init__(self, message: str, path: str = "", line: int = 1):
        super().__init__(message)
        self.message, self.path, self.line = message, path, line


class Cue(Protocol):
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class Instruments:
    # The characters of a text that the kiosk's font has no glyph for.
    missing_glyphs: Callable[[str], list[str]] | None = None
    # Integrated loudness (LUFS) of float samples in [-1, 1] at a sample rate; raises Unmeasurable.
    loudness: Callable[[Any, int], float] | None = None
    # The cues of a subtitle file (path, the name to report it by); raises Unmeasurable with its line.
    read_cues: Callable[[Path, str], Sequence[Cue]] | None = None
    # A recording decoded whole, as the narration build will: (samples, sample rate); raises Unmeasurable.
    decode_audio: Callable[[Path], tuple[Any, int]] | None = None
