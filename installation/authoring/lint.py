"""`installation check` on the command line: runs the linter (installation.content.check) with the instruments it
cannot have on its own — the kiosk's font for glyphs, the narration build's loudness meter and subtitle reader."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..content.check import Instruments, Unmeasurable, check
from ..content.project import default_config


def instruments() -> Instruments:
    return Instruments(missing_glyphs=_missing_glyphs, loudness=_loudness, read_cues=_read_cues,
                       decode_audio=_decode_audio)


def _missing_glyphs(text: str) -> list[str]:
    from ..kiosk.text import missing_glyphs

    return missing_glyphs(text)


def _loudness(samples, rate: int) -> float:
    from .loudness import LoudnessError, measure

    try:
        return measure(samples, rate)
    except LoudnessError as exc:
        raise Unmeasurable(str(exc)) from exc


def _read_cues(path: Path, shown: str):
    from .captions import CaptionError, read_subtitles

    try:
        return read_subtitles(path, shown)
    except CaptionError as exc:
        raise Unmeasurable(exc.message, exc.path, exc.line) from exc


def _decode_audio(path: Path):
    from .recordings import DecodeError, decode

    try:
        return decode(path)
    except DecodeError as exc:
        raise Unmeasurable(str(exc)) from exc


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None,
                        help="exhibition file (default config/viminal-space.yaml)")
    parser.add_argument("--target", type=float, default=None, metavar="LUFS",
                        help="narration loudness target (default: the last narration build's, else -20)")
    parser.add_argument("--no-audio", dest="audio", action="store_false",
                        help="skip measuring narration loudness (faster)")


def run(args: argparse.Namespace) -> int:
    """Print every problem, then a summary; exit status 1 if any problem is an error, 0 otherwise."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    config = args.config or default_config()
    report = check(config, target=getattr(args, "target", None), audio=getattr(args, "audio", True),
                   instruments=instruments())
    for problem in report.problems:
        print(problem)
    summary = (f"{report.config}: {report.errors} error{'s' if report.errors != 1 else ''}, "
               f"{report.warnings} warning{'s' if report.warnings != 1 else ''} "
               f"({len(report.stories)} stories checked"
               f"{f', {len(report.withdrawn)} withdrawn' if report.withdrawn else ''})")
    print(summary, file=sys.stderr)
    return 1 if report.errors else 0
