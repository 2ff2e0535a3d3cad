"""A curator's recording (with an SRT beside it) replaces the synthetic voice."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import numpy as np

from installation.authoring import build as narration
from installation.authoring.captions import TimedCue, read_subtitles, write_subtitles
from installation.authoring.loudness import measure
from installation.authoring.recordings import ffmpeg_executable
from installation.cli import main

from tests.builder import write_wav

from .helpers import read_wav, voice_like

WAV_CUES = [TimedCue(0.1, 1.4, "She had made a home in the city over five years."),
            TimedCue(1.5, 2.9, "She had friends and work she believed in.")]
OGG_CUES = [TimedCue(0.2, 2.6, "然後有一晚，門鐘響了。")]


def recordings(root: Path) -> Path:
    folder = root / "media" / "recordings" / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def add_wav_48k(root: Path) -> Path:
    path = recordings(root) / "one.en.wav"
    write_wav(path, voice_like(3.0, 48000), 48000)
    write_subtitles(path.with_suffix(".srt"), WAV_CUES)
    return path


def add_ogg(root: Path) -> Path:
    source = recordings(root) / "source.wav"
    write_wav(source, voice_like(2.8, 44100, seed=2), 44100)
    path = recordings(root) / "two.zh-Hant.ogg"
    subprocess.run([ffmpeg_executable(), "-nostdin", "-v", "error", "-y", "-i", str(source), "-c:a", "libvorbis",
                    "-q:a", "4", str(path)], check=True)
    source.unlink()
    write_subtitles(path.with_suffix(".srt"), OGG_CUES)
    return path


def test_recordings_replace_speech_and_bring_their_cues(project: Path):
    add_wav_48k(project)
    add_ogg(project)
    summary = narration.build(project, workers=1)
    assert (summary.built, summary.failed) == (4, 0), summary.problems
    manifest = json.loads((project / "media" / "narration" / "manifest.json").read_text())["outputs"]
    assert manifest["demo/one.en"]["source"] == "recording"
    assert manifest["demo/two.zh-Hant"]["source"] == "recording"
    assert manifest["demo/one.zh-Hant"]["source"] == "speech"

    folder = project / "media" / "narration" / "demo"
    for name, cues, seconds in (("one.en", WAV_CUES, 3.0), ("two.zh-Hant", OGG_CUES, 2.8)):
        samples, rate, channels, width = read_wav(folder / f"{name}.wav")
        assert (rate, channels, width) == (44100, 1, 2)  # 48 kHz is resampled; mono 16-bit
        assert abs(len(samples) / rate - seconds) < 0.06
        assert abs(measure(samples, rate) - -20.0) <= 0.5
        got = read_subtitles(folder / f"{name}.vtt")
        assert [(c.start, c.end, c.text) for c in got] == [(c.start, c.end, c.text) for c in cues]

    # unchanged recordings are skipped; a new take is rebuilt
    assert not narration.needs_build(project)
    assert narration.build(project, workers=1).built == 0
    write_wav(recordings(project) / "one.en.wav", voice_like(3.2, 48000, seed=5), 48000)
    assert narration.needs_build(project)
    again = narration.build(project, workers=1)
    assert (again.built, again.skipped) == (1, 3)
    samples, rate, _, _ = read_wav(folder / "one.en.wav")
    assert abs(len(samples) / rate - 3.2) < 0.06

    # taking the recording away brings the synthetic voice back
    (recordings(project) / "one.en.wav").unlink()
    assert narration.build(project, workers=1).built == 1
    manifest = json.loads((project / "media" / "narration" / "manifest.json").read_text())["outputs"]
    assert manifest["demo/one.en"]["source"] == "speech"


def test_a_silent_recording_without_subtitles_is_one_clear_line_and_the_rest_still_builds(project: Path, capsys):
    recording = add_wav_48k(project)
    recording.with_suffix(".srt").unlink()
    write_wav(recording, np.zeros(48000 * 3), 48000)
    code = main(["media", "build", "--root", str(project), "--jobs", "1", "--fast"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    assert err.strip().splitlines() == [
        "media/recordings/demo/one.en.wav:1: error: cannot time the captions to this recording: the recording is "
        "silent"]
    assert re.match(r"narration: 3 built, 0 skipped, 1 failed;", out)
    assert not (project / "media" / "narration" / "demo" / "one.en.wav").exists()

    # a real take (here with its own SRT) fixes it
    write_wav(recording, voice_like(3.0, 48000), 48000)
    write_subtitles(recording.with_suffix(".srt"), WAV_CUES)
    summary = narration.build(project, workers=1, fast=True)
    assert (summary.built, summary.failed) == (1, 0)


def test_malformed_subtitles_and_bad_audio_are_reported_with_their_file(project: Path, capsys):
    recording = add_wav_48k(project)
    recording.with_suffix(".srt").write_text(
        "1\n00:00:00,100 --> 00:00:01,400\nfine\n\n2\n00:00:01,500 -> 00:00:02,900\nbroken\n", encoding="utf-8")
    (recordings(project) / "two.en.mp3").write_bytes(b"this is not audio")
    write_subtitles(recordings(project) / "two.en.vtt", [TimedCue(0.0, 1.0, "x")])
    code = main(["media", "build", "--root", str(project), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert any(line.startswith("media/recordings/demo/one.en.srt:5: error: malformed SRT cue") for line in lines), err
    assert any(line.startswith("media/recordings/demo/two.en.mp3:1: error: cannot decode audio") for line in lines), err
    assert "2 built, 0 skipped, 2 failed" in out


def test_cues_after_the_end_of_the_recording(project: Path):
    recording = add_wav_48k(project)
    write_subtitles(recording.with_suffix(".srt"), WAV_CUES + [TimedCue(5.0, 6.0, "too late")])
    summary = narration.build(project, workers=1)
    assert summary.failed == 1
    (error,) = summary.errors
    assert str(error).startswith("media/recordings/demo/one.en.srt:10: error: cue starts at 5.000 s, after")


def test_misnamed_recordings_are_warned_about(project: Path):
    write_wav(recordings(project) / "on.en.wav", voice_like(1.0, 22050), 22050)  # a typo in the scene id
    write_subtitles(recordings(project) / "two.en.srt", OGG_CUES)  # subtitles, but no audio
    summary = narration.build(project, workers=1)
    assert summary.ok and summary.built == 4
    warnings = [str(p) for p in summary.problems if p.level == "warning"]
    assert any(w.startswith("media/recordings/demo/on.en.wav:1: warning: not used: the name must be") for w in warnings)
    assert any(w.startswith("media/recordings/demo/two.en.srt:1: warning: not used: there is no recording") for w in warnings)
