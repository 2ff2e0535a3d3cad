"""Timing a recording's captions: where in a narrator's recording does each caption begin?

The method of aeneas: the same captions are spoken by eSpeak NG sentence by sentence (so there every sentence's start
is known), both recordings become MFCC frames (10 ms), and dynamic time warping finds the cheapest monotonic match
of the synthetic frames to the recorded ones. Each sentence's synthetic start, carried through that match, is an
estimate in the recording; it is then moved to the nearest start of speech after a pause (a narrator breathes
between sentences), which makes it exact to a few frames. Each cue gets a confidence: high when a pause was found
close to the estimate, low when none was (or when the recording is silent where the cue should be).
"""

from __future__ import annotations

from dataclasses import dataclass

ALIGNER = 1  # raise when the same recording should be aligned differently
HOP = 0.01  # seconds between analysis frames
WINDOW = 0.025  # seconds of one analysis frame
ANALYSIS_RATE = 16000
MIN_PAUSE = 0.12  # seconds below the speech threshold that count as a pause
SNAP = 0.5  # seconds: how far from the estimate a start of speech may be and still be taken
LEAD = 0.03  # seconds a cue starts before its speech
DOUBTFUL = 0.5  # a confidence below this is reported by `installation check`


@dataclass(frozen=True)
class AlignedCue:
    start: float
    end: float
    text: str
    confidence: float  # 0..1
    reason: str = ""  # why the confidence is low ("" when it is not)


class AlignmentError(Exception):
    pass


def features(samples, rate: int):
    """(frames, 13) MFCCs (without c0) of float samples, normalised per recording (mean 0, variance 1)."""
    import numpy as np
    from scipy.fft import dct

    audio = _analysis(samples, rate)
    frames = _frames(np.append(audio[:1], audio[1:] - 0.97 * audio[:-1]))
    spectrum = np.abs(np.fft.rfft(frames * np.hamming(frames.shape[1]), n=512)) ** 2
    mel = np.log(spectrum @ _mel_bank(26, 512, ANALYSIS_RATE).T + 1e-10)
    cepstra = dct(mel, type=2, axis=1, norm="ortho")[:, 1:14]
    return (cepstra - cepstra.mean(axis=0)) / (cepstra.std(axis=0) + 1e-8)


def levels(samples, rate: int):
    """The level of each analysis frame in dB (RMS, full scale = 0)."""
    import numpy as np

    frames = _frames(_analysis(samples, rate))
    return 10 * np.log10(np.mean(frames ** 2, axis=1) + 1e-10)


def _analysis(samples, rate: int):
    import numpy as np

    from .recordings import resample

    audio = np.asarray(samples, dtype=np.float64)
    return resample(audio, rate, ANALYSIS_RATE) if rate != ANALYSIS_RATE else audio


def _frames(audio):
    import numpy as np

    size, step = int(WINDOW * ANALYSIS_RATE), int(HOP * ANALYSIS_RATE)
    if len(audio) < size:
        audio = np.pad(audio, (0, size - len(audio)))
    count = 1 + (len(audio) - size) // step
    return np.lib.stride_tricks.sliding_window_view(audio, size)[::step][:count]


def _mel_bank(bands: int, fft: int, rate: int):
    import numpy as np

    def mel(hz):
        return 2595 * np.log10(1 + hz / 700)

    edges = 700 * (10 ** (np.linspace(mel(60), mel(7600), bands + 2) / 2595) - 1)
    bins = np.fft.rfftfreq(fft, 1 / rate)
    bank = np.zeros((bands, len(bins)))
    for band in range(bands):
        low, centre, high = edges[band: band + 3]
        bank[band] = np.clip(np.minimum((bins - low) / (centre - low), (high - bins) / (high - centre)), 0, None)
    return bank


def warp(reference, recording):
    """For each reference frame, the first recording frame that dynamic time warping matches it with.

    The accumulated cost is computed a row at a time: along a row, D[j] = min(a[j], D[j-1] + c[j]) is a running
    minimum of a - cumsum(c), so every row is a handful of numpy operations."""
    import numpy as np
    from scipy.spatial.distance import cdist

    cost = cdist(reference, recording).astype(np.float32)
    rows, cols = cost.shape
    total = np.empty_like(cost)
    total[0] = np.cumsum(cost[0])
    for i in range(1, rows):
        above = total[i - 1]
        best = np.minimum(above, np.concatenate(([np.inf], above[:-1]))) + cost[i]  # from above or diagonal
        running = np.cumsum(cost[i])
        total[i] = np.minimum.accumulate(best - running) + running
    first = np.zeros(rows, dtype=np.int64)
    i, j = rows - 1, cols - 1
    while i > 0 or j > 0:
        first[i] = j
        if i == 0:
            j -= 1
        elif j == 0:
            i -= 1
        else:
            steps = (total[i - 1, j - 1], total[i - 1, j], total[i, j - 1])
            move = int(np.argmin(steps))
            i, j = (i - 1, j - 1) if move == 0 else (i - 1, j) if move == 1 else (i, j - 1)
    first[0] = 0
    return first


def speech_starts(level, threshold: float) -> list[tuple[int, float]]:
    """Frames where speech begins after a pause (or at the very start), each with the length of that pause (s)."""
    loud = level > threshold
    starts, quiet = [], 10 ** 6  # the recording's start counts as after a long pause
    for frame, on in enumerate(loud):
        if on:
            if quiet >= MIN_PAUSE / HOP:
                starts.append((frame, quiet * HOP))
            quiet = 0
        else:
            quiet += 1
    return starts


def threshold_of(level) -> float:
    """Between the noise floor and the speech level: 35 dB below the loud frames, and 10 dB above the floor."""
    import numpy as np

    floor, loud = np.percentile(level, 10), np.percentile(level, 95)
    return float(max(loud - 35.0, min(floor + 10.0, loud - 6.0)))


def reference_of(texts: list[str], language: str, pause: float, lead: float):
    """eSpeak NG speaking the captions one by one, with pauses: (samples, rate, (start, end) of each caption in s)."""
    import numpy as np

    from .voices import ESPEAK, load

    speaker = load(ESPEAK)
    parts, spans, at = [np.zeros(int(lead * speaker.sample_rate))], [], lead
    gap = np.zeros(int(pause * speaker.sample_rate))
    for text in texts:
        said = speaker.synthesise(text, language).samples.astype(np.float64) / 32768.0
        spans.append((at, at + len(said) / speaker.sample_rate))
        parts += [said, gap]
        at += (len(said) + len(gap)) / speaker.sample_rate
    audio = np.concatenate(parts)
    audio += np.random.default_rng(0).normal(0.0, 1e-3, len(audio))  # silence like a room's, not digital zero
    return audio, speaker.sample_rate, spans


def align(samples, rate: int, texts: list[str], language: str, min_cue: float = 1.0, gap: float = 0.08,
          pause: float = 0.35) -> list[AlignedCue]:
    """Cues for `texts` in a recording (float samples in [-1, 1]), in order, with a confidence each."""
    import numpy as np

    if not texts:
        return []
    length = len(samples) / rate
    level = levels(samples, rate)
    threshold = threshold_of(level)
    if not (level > threshold).any() or np.percentile(level, 95) < -60:
        raise AlignmentError("the recording is silent")
    reference, reference_rate, spans = reference_of(texts, language, pause, 0.25)
    first = warp(features(reference, reference_rate), features(samples, rate))

    def carried(seconds: float) -> float:
        return float(first[min(len(first) - 1, int(round(seconds / HOP)))] * HOP)

    # where each caption may start: from the end of the one before (as matched) to its own matched start
    windows = [(carried(spans[k - 1][1]) if k else 0.0, carried(start)) for k, (start, _) in enumerate(spans)]
    onsets = [(frame * HOP, quiet) for frame, quiet in speech_starts(level, threshold)]
    starts, confidence, reasons = _snap(windows, onsets)
    loud = level > threshold
    cues = []
    for index, (text, start) in enumerate(zip(texts, starts)):
        following = starts[index + 1] if index + 1 < len(starts) else length
        end = _speech_end(loud, start, following)
        end = min(max(end + pause - gap, start + min_cue), following - gap if index + 1 < len(starts) else length)
        score, reason = confidence[index], reasons[index]
        heard = loud[int(start / HOP): max(int(start / HOP) + 1, int(min(end, start + 1.0) / HOP))]
        if heard.mean() < 0.2:
            score, reason = min(score, 0.1), "silence where the cue should be"
        elif end - start < min_cue - 0.01:
            score, reason = min(score, 0.4), f"squeezed to {end - start:.2f} s, below the {min_cue:g} s minimum"
        cues.append(AlignedCue(round(max(0.0, start - LEAD), 3), round(max(end, start + 0.01), 3), text,
                               round(float(score), 2), reason))
    return cues


def _snap(windows: list[tuple[float, float]], onsets: list[tuple[float, float]]) -> tuple[list, list, list]:
    """Each caption's start: the start of speech after a pause that is nearest to the caption's window (where the
    warping puts the pause before it), longer pauses preferred, in order. A confidence and a reason for each."""
    starts: list[float] = []
    scores: list[float] = []
    reasons: list[str] = []
    used = -1
    for number, (low, high) in enumerate(windows):
        best = None
        for index in range(used + 1, len(onsets)):
            onset, quiet = onsets[index]
            distance = max(0.0, low - onset, onset - high)
            if number == 0:
                distance = 0.0 if index == used + 1 else SNAP + 1  # the first caption begins with the speech
            rank = distance - 0.3 * min(quiet, 0.6)
            if distance <= SNAP and (best is None or rank < best[0]):
                best = (rank, index, distance)
        if best is not None:
            _, used, distance = best
            starts.append(onsets[used][0])
            score = 1.0 - 0.8 * (distance / SNAP) ** 2
            if onsets[used][1] < 0.2 and number:
                score = min(score, 0.6)
            scores.append(score)
            reasons.append("" if score >= DOUBTFUL else "the nearest pause is far from the expected time")
        else:
            estimate = high if not starts else max(high, starts[-1] + 0.1)
            starts.append(estimate)
            scores.append(0.3)
            reasons.append("no pause near where the cue should start")
    return starts, scores, reasons


def _speech_end(loud, start: float, following: float) -> float:
    """The end of the last loud frame between `start` and the next cue's start."""
    import numpy as np

    begin, stop = int(start / HOP), max(int(start / HOP) + 1, int(following / HOP))
    frames = np.flatnonzero(loud[begin:stop])
    return (begin + frames[-1] + 1) * HOP + WINDOW if len(frames) else start


# ------------------------------------------------------------------------ the .vtt written beside a recording

MARK = "NOTE Timed automatically by `installation media build`"


def aligned_vtt(cues: list[AlignedCue], about: str) -> str:
    """WebVTT text of aligned cues: a header saying where it came from, and each cue's confidence in a NOTE."""
    from .captions import vtt_timestamp

    blocks = []
    for cue in cues:
        why = f" ({cue.reason})" if cue.reason else ""
        blocks.append(f"NOTE confidence {cue.confidence:.2f}{why}\n\n"
                      f"{vtt_timestamp(cue.start)} --> {vtt_timestamp(cue.end)}\n{cue.text}\n")
    body = "\n".join(blocks)
    return (f"WEBVTT\n\n{MARK} ({about}), checksum {_checksum(body)}.\n"
            "Correct the times if they are wrong: a file changed by hand is used as it is, and kept.\n\n" + body)


def is_automatic(path) -> bool:
    """True if the file is one that the build wrote and nobody has changed since."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    header, _, body = text.partition("\n\nNOTE confidence")
    if MARK not in header or "checksum " not in header:
        return False
    stamp = header.split("checksum ", 1)[1].split(".", 1)[0]
    return stamp == _checksum("NOTE confidence" + body)


def doubtful(path) -> int:
    """How many cues of an aligned .vtt have a confidence below DOUBTFUL."""
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("NOTE confidence "):
            try:
                count += float(line.split()[2]) < DOUBTFUL
            except (IndexError, ValueError):
                continue
    return count


def _checksum(body: str) -> str:
    import hashlib

    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()[:16]
