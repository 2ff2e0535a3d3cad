"""Reading and writing SRT and WebVTT."""

from __future__ import annotations

from pathlib import Path

import pytest

from installation.authoring.captions import CaptionError, TimedCue, read_subtitles, write_subtitles

CUES = [TimedCue(0.25, 2.5, "First caption"), TimedCue(2.9, 5.0, "第二句")]


@pytest.mark.parametrize("suffix", [".srt", ".vtt"])
def test_round_trip(tmp_path: Path, suffix: str):
    path = tmp_path / f"cues{suffix}"
    write_subtitles(path, CUES)
    back = read_subtitles(path)
    assert [(c.start, c.end, c.text) for c in back] == [(c.start, c.end, c.text) for c in CUES]
    assert path.read_text(encoding="utf-8").startswith("WEBVTT" if suffix == ".vtt" else "1\n")


@pytest.mark.parametrize(
    "name, text, line, words",
    [
        ("bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n00:00:03,000 -> 00:00:04,000\nyo\n", 5, "malformed SRT"),
        ("bad.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n\n00:00:03.000 --> 00:00:x4.000\nyo\n", 6, "timing"),
        ("nohead.vtt", "00:00:01.000 --> 00:00:02.000\nhi\n", 1, "WEBVTT"),
        ("notime.vtt", "WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nhi\n", 3, "no timing line"),
        ("backwards.srt", "1\n00:00:05,000 --> 00:00:02,000\nhi\n", 2, "before it starts"),
        ("empty.srt", "", 1, "no cues"),
    ],
)
def test_malformed_files_name_their_line(tmp_path: Path, name: str, text: str, line: int, words: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaptionError) as caught:
        read_subtitles(path, name)
    assert caught.value.line == line
    assert words in caught.value.message
    assert str(caught.value).startswith(f"{name}:{line}: ")
