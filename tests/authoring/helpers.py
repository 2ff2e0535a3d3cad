"""Small helpers shared by the narration tests."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np


def read_wav(path: Path) -> tuple[np.ndarray, int, int, int]:
    """(samples as float in [-1, 1], sample rate, channels, sample width) of a WAV file."""
    with wave.open(str(path), "rb") as handle:
        frames = handle.readframes(handle.getnframes())
        rate, channels, width = handle.getframerate(), handle.getnchannels(), handle.getsampwidth()
    return np.frombuffer(frames, dtype=np.int16).astype(np.float64) / 32768.0, rate, channels, width


def voice_like(seconds: float, rate: int, seed: int = 1) -> np.ndarray:
    """A quiet, speech-like test signal: harmonics with a syllable-rate envelope and short gaps."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * rate)) / rate
    pitch = 160 + 20 * np.sin(2 * np.pi * 0.7 * t)
    phase = 2 * np.pi * np.cumsum(pitch) / rate
    tone = sum(np.sin(k * phase) / k for k in range(1, 8))
    envelope = np.clip(np.sin(2 * np.pi * 3.0 * t), 0, None) ** 0.5
    envelope[(t % 1.5) > 1.2] = 0  # pauses between "phrases"
    return 0.05 * tone * envelope + 0.0005 * rng.standard_normal(len(t))
