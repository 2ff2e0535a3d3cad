"""`installation check`: the curator's linter.

Reads an exhibition, the stories in its playlist and their media, and reports every problem at once as
`path:line: level: message`, sorted by file and line (see docs/curators.md for the list of checks). Nothing here
raises: an unexpected failure while checking one file becomes an error line for that file.

Where a rule goes: texts.py (localised texts, content notes, glyphs), captions.py (caption lines, cue timing),
audio.py (narration files), media.py (images and recordings a story names), checker.py (the walk over exhibition,
stories and scenes; rules about the files themselves); probes.py inspects one media file on its own. A new area gets
a module of its own with a `…Rules(Recorder)` mixin added to `Checker`. Measurements that need the kiosk's font or
the narration build's loudness meter come in as `Instruments` (instruments.py); the command line lives in
`installation.authoring.lint`. Heavy libraries (pygame, numpy, Pillow, mutagen) are imported inside functions.
"""

from __future__ import annotations

from .checker import Checker, check
from .findings import ERROR, WARNING, Finding, Report
from .instruments import Instruments, Unmeasurable

__all__ = ["ERROR", "WARNING", "Checker", "Finding", "Instruments", "Report", "Unmeasurable", "check"]
