"""Offline speech through espeak-ng (espeakng-loader, ctypes)."""

from __future__ import annotations

import numpy as np
import pytest

from installation.authoring import speech


def test_english_sentence_has_plausible_length():
    engine = speech.engine()
    text = "She had made a home in the city over five years."
    said = engine.synthesise(text, "en")
    assert said.sample_rate in (22050, 44100)
    assert said.samples.dtype == np.int16
    assert said.voice in speech.VOICES["en"]
    # about 10 words at a calm ~140 words per minute: 2-6 seconds, and not silence
    assert 2.0 < said.duration < 6.0
    assert np.sqrt(np.mean(said.samples.astype(float) ** 2)) > 500


def test_cantonese_sentence_has_plausible_length():
    said = speech.engine().synthesise("她在這個城市生活了五年。", "zh-Hant")
    assert said.voice == "yue"
    # 11 syllables of Cantonese: 1.5-5 seconds
    assert 1.5 < said.duration < 5.0
    assert np.sqrt(np.mean(said.samples.astype(float) ** 2)) > 500


def test_slower_rate_gives_longer_audio():
    engine = speech.engine()
    fast = engine.synthesise("Then one night the doorbell rang.", "en", 200)
    slow = engine.synthesise("Then one night the doorbell rang.", "en", 100)
    assert slow.duration > fast.duration * 1.5


def test_unknown_language_and_empty_text_are_errors_not_crashes():
    engine = speech.engine()
    with pytest.raises(speech.SpeechError):
        engine.synthesise("bonjour", "fr")
    with pytest.raises(speech.SpeechError):
        engine.synthesise("   ", "en")
    # the engine still works after refusing
    assert engine.synthesise("Still here.", "en").duration > 0.3


def test_voice_fallback_checks_return_codes(monkeypatch):
    engine = speech.engine()
    monkeypatch.setitem(speech.VOICES, "xx", ("no-such-voice", "en-us"))
    engine._voices.pop("xx", None)
    assert engine.voice_for("xx") == "en-us"
    monkeypatch.setitem(speech.VOICES, "yy", ("no-such-voice", "nor-this"))
    with pytest.raises(speech.SpeechError):
        engine.synthesise("hello", "yy")
    assert engine.synthesise("Still here.", "en").duration > 0.3
