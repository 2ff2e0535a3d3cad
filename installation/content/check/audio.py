"""Rules for narration files: decodable, not empty, untagged, as loud as the narration build's target."""

from __future__ import annotations

import json
import wave
from pathlib import Path

from .findings import WARNING, Recorder
from .instruments import Instruments, Unmeasurable
from .probes import audio_tag_problems, wav_reason

MIXER_RATES = (22050, 44100)  # Hz the narration build writes and the mixer (44100 Hz) plays without a poor resample

DEFAULT_TARGET = -20.0  # LUFS, when neither --target nor the narration build's manifest says otherwise
LOUDNESS_TOLERANCE = 2.0  # LU


class AudioRules(Recorder):
    instruments: Instruments
    target: float
    audio: bool

    def check_wav(self, wav: Path, where: str, shown: str, line: int) -> float | None:
        wav_shown = self.shown(wav)
        if not self._inside(wav, self.media_root):
            self.add(shown, line, f"{where}: {wav_shown} is a link to a file outside the project")
            return None
        if not wav.is_file():
            self.add(wav_shown, 1, "narration is not a file, so the kiosk plays this scene silently")
            return None
        try:
            with wave.open(str(wav), "rb") as handle:
                channels, width, rate = handle.getnchannels(), handle.getsampwidth(), handle.getframerate()
                promised = handle.getnframes()
                frames = handle.readframes(promised)
        except (OSError, EOFError, wave.Error) as exc:
            self.add(wav_shown, 1, f"narration cannot be decoded ({wav_reason(wav, exc)}), so the kiosk plays this "
                                   f"scene silently; run `installation media build --force`")
            return None
        length = len(frames) / float(max(1, channels * width) * max(1, rate))
        if length <= 0:
            self.add(wav_shown, 1, "narration has no audio; run `installation media build --force`")
            return None
        if len(frames) < promised * channels * width:
            self.add(wav_shown, 1, f"narration is truncated: its header promises {promised / rate:.2f} s, the file "
                                   f"holds {length:.2f} s; run `installation media build --force`")
        if rate not in MIXER_RATES or channels not in (1, 2) or width != 2:
            self.add(wav_shown, 1, f"narration is {rate} Hz, {width * 8}-bit, {channels} channel"
                                   f"{'s' if channels != 1 else ''}; the kiosk's mixer plays 16-bit mono or stereo "
                                   f"at {' or '.join(str(r) for r in MIXER_RATES)} Hz well: convert it, or put the "
                                   f"recording in media/recordings/ and run `installation media build`", WARNING)
        for message in audio_tag_problems(wav):
            self.add(wav_shown, 1, message)
        if self.audio:
            self.check_loudness(wav_shown, frames, channels, width, rate)
        return length

    def check_loudness(self, wav_shown: str, frames: bytes, channels: int, width: int, rate: int) -> None:
        if self.instruments.loudness is None:
            return
        samples = pcm_to_float(frames, channels, width)
        try:
            loudness = self.instruments.loudness(samples, rate)
        except Unmeasurable as exc:
            self.add(wav_shown, 1, f"narration loudness: {exc}")
            return
        if abs(loudness - self.target) > LOUDNESS_TOLERANCE:
            self.add(wav_shown, 1, f"narration loudness {loudness:.1f} LUFS is not within ±{LOUDNESS_TOLERANCE:g} "
                                   f"LU of the target {self.target:g} LUFS; run `installation media build --force`")


def pcm_to_float(frames: bytes, channels: int, width: int):
    """PCM WAV frames → float64 samples in [-1, 1], shape (n,) or (n, channels)."""
    import numpy as np

    if width == 1:
        data = (np.frombuffer(frames, dtype=np.uint8).astype(np.float64) - 128.0) / 128.0
    elif width == 2:
        data = np.frombuffer(frames, dtype="<i2").astype(np.float64) / 32768.0
    elif width == 3:
        raw = np.frombuffer(frames, dtype=np.uint8).reshape(-1, 3)
        ints = (raw[:, 0].astype(np.int32) | (raw[:, 1].astype(np.int32) << 8) | (raw[:, 2].astype(np.int32) << 16))
        ints = np.where(ints >= 1 << 23, ints - (1 << 24), ints)
        data = ints.astype(np.float64) / float(1 << 23)
    else:
        data = np.frombuffer(frames, dtype="<i4").astype(np.float64) / float(1 << 31)
    if channels > 1:
        data = data[: len(data) // channels * channels].reshape(-1, channels)
    return data


def manifest_target(root: Path) -> float:
    """The loudness target of the last narration build (media/narration/manifest.json), else the default."""
    try:
        target = json.loads((root / "media" / "narration" / "manifest.json").read_text(encoding="utf-8"))["target"]
        return float(target) if isinstance(target, (int, float)) else DEFAULT_TARGET
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_TARGET

