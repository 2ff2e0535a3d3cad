"""Integrated loudness (ITU-R BS.1770, via pyloudnorm) and normalisation with a gentle peak limiter.

Audio here is a float numpy array in [-1, 1], mono (1-D) or (samples, channels).
"""

from __future__ import annotations

import math

DEFAULT_TARGET = -20.0  # LUFS
CEILING = -1.0  # dBTP: the highest true peak (4× oversampled) after normalising
TOLERANCE = 0.5  # LU: how far a written file may be from its target
MIN_SECONDS = 0.5  # shorter audio cannot be measured (one 400 ms gating block, with margin)


class LoudnessError(Exception):
    """The audio is silent or too short to measure."""


def measure(samples, sample_rate: int) -> float:
    """Integrated loudness in LUFS; LoudnessError for audio that is silent or shorter than MIN_SECONDS."""
    import numpy as np
    import pyloudnorm

    data = np.asarray(samples, dtype=np.float64)
    if data.shape[0] < MIN_SECONDS * sample_rate:
        raise LoudnessError(f"audio is too short to measure its loudness ({data.shape[0] / sample_rate:.2f} s)")
    loudness = pyloudnorm.Meter(sample_rate).integrated_loudness(data)
    if not math.isfinite(loudness) or loudness < -70:
        raise LoudnessError("audio is silent")
    return float(loudness)


def peak_db(samples) -> float:
    """Sample peak in dBFS."""
    import numpy as np

    peak = float(np.max(np.abs(samples))) if len(samples) else 0.0
    return 20 * math.log10(peak) if peak > 0 else -math.inf


def true_peak_db(samples) -> float:
    """True peak in dBTP (the highest level between samples too, estimated by 4× oversampling)."""
    level = _true_level(samples)
    peak = float(level.max()) if level.size else 0.0
    return 20 * math.log10(peak) if peak > 0 else -math.inf


def _true_level(samples):
    """Per sample, the highest absolute level at it and at the three points after it at 4× the rate (any channel)."""
    import numpy as np
    from scipy.signal import resample_poly

    data = np.asarray(samples, dtype=np.float64)
    mono = data if data.ndim == 1 else np.max(np.abs(data), axis=1)
    if data.shape[0] == 0:
        return np.zeros(0)
    over = resample_poly(data, 4, 1, axis=0, window=("kaiser", 5.0))[: data.shape[0] * 4]
    if over.ndim > 1:
        over = np.max(np.abs(over), axis=1)
    level = np.abs(over).reshape(data.shape[0], 4).max(axis=1)
    return np.maximum(level, np.abs(mono))


def limit(samples, sample_rate: int, ceiling_db: float = CEILING, window: float = 0.01, level=None):
    """Keep the true peak at or below `ceiling_db` with a smooth gain curve (no hard clipping).

    The gain each sample needs is spread `window` seconds to either side: a minimum filter followed by a moving
    average of the same width never exceeds the needed gain, and fades in and out over 2 × `window`.
    `level` may give the true level per sample (`_true_level(samples)`) if it is already known."""
    import numpy as np
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    ceiling = 10 ** (ceiling_db / 20)
    level = _true_level(samples) if level is None else level
    if level.size == 0 or level.max() <= ceiling:
        return samples
    gain = np.minimum(1.0, ceiling / np.maximum(level, 1e-12))
    width = max(1, int(window * sample_rate)) * 2 + 1
    gain = uniform_filter1d(minimum_filter1d(gain, width, mode="nearest"), width, mode="nearest")
    out = samples * (gain if samples.ndim == 1 else gain[:, None])
    return np.clip(out, -ceiling, ceiling)  # rounding safety only: the gain curve already keeps peaks below


def normalise(samples, sample_rate: int, target: float = DEFAULT_TARGET, ceiling_db: float = CEILING):
    """Scale to `target` LUFS, limiting peaks above `ceiling_db`; returns (audio, loudness before, after).

    Limiting lowers the loudness a little, so the gain is corrected and the limiter applied again until the
    result is within 0.05 LU (a few rounds at most)."""
    import numpy as np

    data = np.asarray(samples, dtype=np.float64)
    before = measure(data, sample_rate)
    level = _true_level(data)  # scales with the gain: computed once
    gain_db = target - before
    out = data
    after = before
    for _ in range(6):
        gain = 10 ** (gain_db / 20)
        out = limit(data * gain, sample_rate, ceiling_db, level=level * gain)
        after = measure(out, sample_rate)
        if abs(after - target) < 0.05:
            break
        gain_db += target - after
        if gain_db > 60:  # nearly all the energy is in peaks; give up rather than amplify noise
            break
    return out, before, after


def to_int16(samples):
    import numpy as np

    return np.clip(np.round(np.asarray(samples) * 32767.0), -32768, 32767).astype(np.int16)


def from_int(samples, sample_width: int = 2):
    import numpy as np

    return np.asarray(samples, dtype=np.float64) / float(1 << (8 * sample_width - 1))
