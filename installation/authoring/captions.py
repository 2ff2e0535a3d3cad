"""Subtitle files: read SRT and WebVTT (with the line of every cue, for error messages) and write them.

Reading and writing go through the `srt` and `webvtt-py` libraries; this module adds the checks those libraries
leave out (webvtt-py silently drops a cue whose timing line it cannot parse, for example).
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

SUBTITLE_SUFFIXES = (".srt", ".vtt")

_VTT_TIMING = re.compile(
    r"^\s*(?:\d+:)?[0-5]?\d:[0-5]\d\.\d{3}\s+-->\s+(?:\d+:)?[0-5]?\d:[0-5]\d\.\d{3}(?:\s+\S.*)?\s*$"
)


@dataclass(frozen=True)
class TimedCue:
    start: float  # seconds
    end: float
    text: str
    line: int = 0  # line of the timing line in the file it came from (0 when made here)


class CaptionError(Exception):
    """A subtitle file that cannot be used; `line` is 1-based."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


def read_subtitles(path: Path, shown: str | None = None) -> list[TimedCue]:
    """Cues of an .srt or .vtt file, in file order. CaptionError (with the line) if it is malformed or has no cue."""
    shown = shown or str(path)
    text = _read_text(path, shown)
    if path.suffix.lower() == ".srt":
        cues = _parse_srt(text, shown)
    elif path.suffix.lower() == ".vtt":
        cues = _parse_vtt(text, shown)
    else:
        raise CaptionError(shown, 1, f"not a subtitle file (use {' or '.join(SUBTITLE_SUFFIXES)})")
    if not cues:
        raise CaptionError(shown, 1, "has no cues")
    for cue in cues:
        if cue.end <= cue.start:
            raise CaptionError(shown, cue.line, f"cue ends ({_clock(cue.end)}) before it starts ({_clock(cue.start)})")
    return cues


def _read_text(path: Path, shown: str) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise CaptionError(shown, 1, "file not found") from None
    except UnicodeDecodeError as exc:
        raise CaptionError(shown, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise CaptionError(shown, 1, f"cannot read: {exc.strerror}") from None


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, max(0, offset)) + 1


def _timing_lines(text: str) -> list[int]:
    return [number for number, line in enumerate(text.splitlines(), 1) if "-->" in line]


def _parse_srt(text: str, shown: str) -> list[TimedCue]:
    import srt

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as exc:
        line = _line_at(text, exc.expected_start + (len(exc.unmatched_content) - len(exc.unmatched_content.lstrip())))
        got = exc.unmatched_content.strip().splitlines()
        where = f" at {' / '.join(got[:2])[:60]!r}" if got else ""
        raise CaptionError(shown, line, f"malformed SRT cue{where} (expected: number, 'HH:MM:SS,mmm --> HH:MM:SS,mmm', text)") from None
    except (ValueError, TypeError) as exc:
        raise CaptionError(shown, 1, f"malformed SRT ({exc})") from None
    lines = _timing_lines(text)
    cues = []
    for index, subtitle in enumerate(subtitles):
        line = lines[index] if index < len(lines) else 1
        body = subtitle.content.strip()
        if body:
            cues.append(TimedCue(subtitle.start.total_seconds(), subtitle.end.total_seconds(), body, line))
    return cues


def _parse_vtt(text: str, shown: str) -> list[TimedCue]:
    import webvtt
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = text.lstrip("\n").split("\n", 1)[0]
    if not first.startswith("WEBVTT"):
        raise CaptionError(shown, 1, "a WebVTT file must start with 'WEBVTT'")
    lines = _timing_lines(text)
    raw = text.splitlines()
    _check_vtt_blocks(raw, shown)
    for number in lines:
        if not _VTT_TIMING.match(raw[number - 1]):
            raise CaptionError(shown, number, f"malformed cue timing {raw[number - 1].strip()[:60]!r} (expected 'HH:MM:SS.mmm --> HH:MM:SS.mmm')")
    try:
        captions = list(webvtt.from_string(text))
    except (MalformedFileError, MalformedCaptionError, ValueError) as exc:
        raise CaptionError(shown, 1, f"malformed WebVTT ({exc})") from None
    if len(captions) != len(lines):
        raise CaptionError(shown, 1, f"malformed WebVTT: {len(lines)} timing lines but {len(captions)} readable cues")
    cues = []
    for caption, line in zip(captions, lines):
        body = caption.text.strip()
        if body:
            cues.append(TimedCue(_stamp_seconds(caption.start_time), _stamp_seconds(caption.end_time), body, line))
    return cues


def _check_vtt_blocks(raw: list[str], shown: str) -> None:
    """Every block after the header must be a NOTE, STYLE or REGION block or a cue with a timing line
    (its first line, or its second after a cue identifier)."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    for number, line in enumerate(raw, 1):
        if line.strip():
            if not current:
                blocks.append((number, current))
            current.append(line)
        else:
            current = []
    for start, block in blocks[1:]:
        if block[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        if not any("-->" in line for line in block[:2]):
            raise CaptionError(shown, start, f"cue {block[0].strip()[:40]!r} has no timing line ('HH:MM:SS.mmm --> HH:MM:SS.mmm')")


def _stamp_seconds(stamp) -> float:
    return stamp.hours * 3600 + stamp.minutes * 60 + stamp.seconds + stamp.milliseconds / 1000


def _clock(seconds: float) -> str:
    return vtt_timestamp(seconds)


def vtt_timestamp(seconds: float) -> str:
    millis = max(0, int(round(seconds * 1000)))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def vtt_text(cues: list[TimedCue]) -> str:
    from webvtt import Caption, WebVTT

    captions = [Caption(vtt_timestamp(c.start), vtt_timestamp(c.end), c.text.strip()) for c in cues]
    return WebVTT(captions=captions).content


def srt_text(cues: list[TimedCue]) -> str:
    import srt

    return srt.compose(
        [
            srt.Subtitle(index, timedelta(seconds=round(c.start, 3)), timedelta(seconds=round(c.end, 3)), c.text.strip())
            for index, c in enumerate(cues, 1)
        ]
    )


def write_subtitles(path: Path, cues: list[TimedCue]) -> None:
    """Write cues as .vtt or .srt (by the suffix), atomically."""
    content = srt_text(cues) if path.suffix.lower() == ".srt" else vtt_text(cues)
    write_atomic(path, content.encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes 0600; the kiosk may run as another user
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
