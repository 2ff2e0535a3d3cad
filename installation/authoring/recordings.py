"""Recorded narration: finding a curator's recording and its subtitles, and decoding it to mono samples.

WAV is decoded by pydub itself. OGG, MP3 and FLAC (and WAV that pydub cannot read, e.g. 32-bit float) go through
the static ffmpeg binary of the PyPI package `imageio-ffmpeg`. That package has no ffprobe, which pydub's
`from_file` would call, so ffmpeg's WAV output is piped into pydub instead.
"""

from __future__ import annotations

import io
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path

from .captions import SUBTITLE_SUFFIXES

RECORDING_SUFFIXES = (".wav", ".flac", ".ogg", ".mp3")  # in order of preference when several exist
OUTPUT_RATES = (22050, 44100)


class DecodeError(Exception):
    """A recording that cannot be decoded."""


@dataclass(frozen=True)
class Recording:
    audio: Path
    subtitles: Path | None  # the .srt/.vtt beside it (None if there is none)
    others: tuple[Path, ...] = ()  # further recordings of the same scene and language, which are ignored
    other_subtitles: tuple[Path, ...] = ()  # a .vtt when an .srt is also there (the .srt is used)


def recordings_dir(root: Path) -> Path:
    return root / "media" / "recordings"


def find_recording(root: Path, story_id: str, scene_id: str, language: str) -> Recording | None:
    folder = recordings_dir(root) / story_id
    stem = f"{scene_id}.{language}"
    found = [folder / (stem + suffix) for suffix in RECORDING_SUFFIXES if (folder / (stem + suffix)).is_file()]
    if not found:
        return None
    subtitles = [folder / (stem + suffix) for suffix in SUBTITLE_SUFFIXES if (folder / (stem + suffix)).is_file()]
    return Recording(found[0], subtitles[0] if subtitles else None, tuple(found[1:]), tuple(subtitles[1:]))


def ffmpeg_executable() -> str:
    try:
        import imageio_ffmpeg
    except ImportError:  # pragma: no cover - a broken install
        raise DecodeError("the Python package imageio-ffmpeg is not installed (needed for OGG, MP3 and FLAC)") from None
    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError as exc:  # pragma: no cover
        raise DecodeError(f"no ffmpeg binary: {exc}") from None


def _pydub():
    with warnings.catch_warnings():  # pydub warns at import when there is no ffmpeg on PATH; it is not used
        warnings.simplefilter("ignore", RuntimeWarning)
        warnings.simplefilter("ignore", DeprecationWarning)  # audioop, on Python 3.12
        from pydub import AudioSegment
    return AudioSegment


def decode(path: Path):
    """Decode a recording to (mono float samples in [-1, 1] as numpy float64, sample rate).

    The rate is 22050 Hz for recordings at 22050 Hz or less and 44100 Hz otherwise (resampled if needed)."""
    segment = decode_segment(path)
    if segment.channels > 1:
        segment = segment.set_channels(1)
    if len(segment) == 0:
        raise DecodeError("the recording has no audio")
    import numpy as np

    samples = np.asarray(segment.get_array_of_samples(), dtype=np.float64) / float(1 << (8 * segment.sample_width - 1))
    rate = segment.frame_rate
    wanted = OUTPUT_RATES[0] if rate <= OUTPUT_RATES[0] else OUTPUT_RATES[1]
    if rate != wanted:
        samples = resample(samples, rate, wanted)
    return samples, wanted


def decode_segment(path: Path):
    AudioSegment = _pydub()
    if path.suffix.lower() == ".wav":
        try:
            with open(path, "rb") as handle:  # pydub leaves a file it opened itself unclosed
                segment = AudioSegment.from_wav(handle)
            if segment.sample_width > 1:  # 8-bit WAV is unsigned: let ffmpeg convert it
                return segment
        except Exception:  # e.g. float or compressed WAV: let ffmpeg read it
            pass
    data = _ffmpeg_wav(path)
    try:
        return AudioSegment.from_file(io.BytesIO(data), format="wav")
    except Exception as exc:
        raise DecodeError(f"cannot read ffmpeg's output ({exc})") from None


def _ffmpeg_wav(path: Path) -> bytes:
    command = [ffmpeg_executable(), "-nostdin", "-hide_banner", "-v", "error", "-i", str(path),
               "-vn", "-acodec", "pcm_s16le", "-f", "wav", "-"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DecodeError(f"ffmpeg failed to run ({exc})") from None
    if done.returncode != 0 or len(done.stdout) <= 44:
        lines = [line for line in done.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
        reason = lines[-1].strip() if lines else f"exit code {done.returncode}"
        raise DecodeError(f"cannot decode audio ({reason})")
    return done.stdout


def resample(samples, rate: int, wanted: int):
    """Polyphase resampling (scipy), e.g. 48000 → 44100 Hz."""
    from math import gcd

    from scipy.signal import resample_poly

    divisor = gcd(rate, wanted)
    return resample_poly(samples, wanted // divisor, rate // divisor)
