"""Building one scene in one language: speak its captions (or take a curator's recording), time one cue per
caption, normalise the loudness, write the WAV and the WebVTT. `run_job` never raises.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from pathlib import Path

from .voices import ESPEAK, label, load
from .plan import CUE_GAP, DESCRIBED_PAUSE, LEAD, MAX_CPS, MIN_CUE, PAUSE, TAIL, Job, shown

log = logging.getLogger(__name__)


@dataclass
class Result:
    key: str
    ok: bool
    problems: list[tuple[str, int, str, str]] = field(default_factory=list)  # (path, line, message, level)
    info: dict = field(default_factory=dict)


class JobError(Exception):
    def __init__(self, path: str, line: int, message: str):
        super().__init__(message)
        self.path, self.line, self.message = path, line, message


def run_job(job: Job) -> Result:
    """Build one scene in one language. Never raises: every failure becomes a problem line."""
    from .captions import CaptionError
    from .loudness import LoudnessError
    from .recordings import DecodeError
    from .speech import SpeechError

    root = Path(job.root)
    warnings: list[tuple[str, int, str, str]] = []
    recording_shown = shown(Path(job.recording), root) if job.recording else ""
    try:
        if job.recording:
            samples, rate, cues, info = _from_recording(job, root, warnings)
        else:
            samples, rate, cues, info = _from_speech(job, warnings)
        info.update(_write(job, samples, rate, cues))
        return Result(job.key, True, warnings, info)
    except JobError as exc:
        problem = (exc.path, exc.line, exc.message, "error")
    except CaptionError as exc:
        problem = (exc.path, exc.line, exc.message, "error")
    except DecodeError as exc:
        problem = (recording_shown, 1, str(exc), "error")
    except SpeechError as exc:
        problem = (job.story_file, job.line, f"scene '{job.scene}' ({job.language}): speech: {exc}", "error")
    except LoudnessError as exc:
        where = (recording_shown, 1) if job.recording else (job.story_file, job.line)
        problem = (*where, f"scene '{job.scene}' ({job.language}): {exc}", "error")
    except Exception as exc:  # a bug or an environment problem: still one line, and the other scenes go on
        log.debug("building %s failed", job.key, exc_info=True)
        problem = (job.story_file, job.line,
                   f"scene '{job.scene}' ({job.language}): unexpected {type(exc).__name__}: {exc}", "error")
    return Result(job.key, False, warnings + [problem])


def reading_length(text: str, language: str) -> int:
    return len(" ".join(text.split()))


def _from_speech(job: Job, warnings: list):
    """Speak each caption item, place the sentences with pauses, and time one cue per item."""
    import numpy as np

    from installation.content.linebreak import caption_chunks

    from .captions import TimedCue

    speaker = _speaker(job, warnings)
    rate = speaker.sample_rate
    limit = MAX_CPS.get(job.language, MAX_CPS["en"])
    placed: list[tuple[int, object]] = []
    cues: list[TimedCue] = []
    cursor, length, slowest = LEAD, LEAD, None
    for number, item in enumerate(job.items):
        speech = speaker.synthesise(item.text, job.language)
        chars = reading_length(item.text, job.language)
        if chars / speech.duration > limit:  # spoken faster than captions can be read: slow down
            slower = int(speech.rate * speech.duration * limit / chars * 0.97)
            speech = speaker.synthesise(item.text, job.language, slower)
        slowest = speech.rate if slowest is None else min(slowest, speech.rate)
        start = cursor
        if item.start is not None:  # a hand-timed cue: speak it at its time
            earliest = cursor if cues else 0.0
            if item.start + 0.001 < earliest:
                warnings.append((job.story_file, item.line, f"cue starts at {item.start:.2f} s but the narration "
                                 f"before it lasts until {earliest:.2f} s; it is moved later", "warning"))
            start = max(earliest, item.start)
        spoken_end = start + speech.duration
        if item.end is not None:
            end = max(item.end, spoken_end)
            if item.end + 0.001 < spoken_end:
                warnings.append((job.story_file, item.line, f"the spoken text lasts until {spoken_end:.2f} s, after "
                                 f"the cue's end ({item.end:.2f} s); the cue is extended", "warning"))
        else:  # on screen through most of the pause, and long enough to read
            end = max(spoken_end + PAUSE - CUE_GAP, start + MIN_CUE, start + chars / limit)
        placed.append((int(round(start * rate)), speech.samples))
        if number < job.described:  # a long description: shown as several captions over its speech
            cues += _shared_out(caption_chunks(item.text, job.language), start, end, item.line)
        else:
            cues.append(TimedCue(round(start, 3), round(end, 3), " ".join(item.text.split()), item.line))
        cursor = max(spoken_end + PAUSE, end + CUE_GAP) + (DESCRIBED_PAUSE if number + 1 == job.described else 0.0)
        length = max(spoken_end + TAIL, end + 0.01)
    total = max(int(math.ceil(length * rate)), max(offset + len(s) for offset, s in placed))
    audio = np.zeros(total, dtype=np.float64)
    for offset, samples in placed:
        audio[offset: offset + len(samples)] = np.asarray(samples, dtype=np.float64) / 32768.0
    info = {"source": "speech", "engine": label(speaker.name), "voice": speaker.voice_for(job.language),
            "rate": slowest}
    if speaker.name != (job.engine or ESPEAK):
        info["fallback"] = True  # not what the job's digest stands for: built again next time
    return audio, rate, cues, info


def _speaker(job: Job, warnings: list):
    """The job's engine; eSpeak NG (with a warning) if the neural voice cannot be loaded."""
    from .speech import SpeechError

    try:
        return load(job.engine or ESPEAK)
    except SpeechError as exc:
        if job.engine == ESPEAK:
            raise
        warnings.append((job.story_file, job.line, f"scene '{job.scene}' ({job.language}): {exc}; "
                                                   "eSpeak NG speaks it instead", "warning"))
        return load(ESPEAK)


def _shared_out(texts: list[str], start: float, end: float, line: int) -> list:
    """Cues for consecutive parts of one spoken text, each on screen for its share of the characters."""
    from .captions import TimedCue

    total = sum(len(text) for text in texts) or 1
    cues, at = [], start
    for text in texts:
        until = at + (end - start) * len(text) / total
        gap = CUE_GAP if text is not texts[-1] else 0.0
        cues.append(TimedCue(round(at, 3), round(until - gap, 3), text, line))
        at = until
    return cues


def _from_recording(job: Job, root: Path, warnings: list):
    """Decode the curator's recording and take its cues from the subtitle file beside it (or align them)."""
    from .captions import read_subtitles
    from .recordings import decode

    recording = Path(job.recording)
    where = shown(recording, root)
    samples, rate = decode(recording)
    if not job.subtitles:
        return _aligned(job, root, samples, rate, warnings)
    subtitles = Path(job.subtitles)
    sub_shown = shown(subtitles, root)
    cues = read_subtitles(subtitles, sub_shown)
    length = len(samples) / rate
    if any(b.start < a.start for a, b in zip(cues, cues[1:])):
        warnings.append((sub_shown, cues[0].line, "cues are not in time order; they are sorted", "warning"))
        cues = sorted(cues, key=lambda c: c.start)
    fixed = []
    for index, cue in enumerate(cues):
        if cue.start >= length:
            raise JobError(sub_shown, cue.line, f"cue starts at {cue.start:.3f} s, after the recording "
                                                f"{recording.name} ends ({length:.3f} s): is it the right file?")
        end = min(cue.end, length)
        if end < cue.end - 0.05:
            warnings.append((sub_shown, cue.line, f"cue ends at {cue.end:.3f} s, after the recording ends "
                                                  f"({length:.3f} s); it is shortened", "warning"))
        if index + 1 < len(cues) and end > cues[index + 1].start:
            if end > cues[index + 1].start + 0.05:
                warnings.append((sub_shown, cue.line, "cue overlaps the next one; it now ends where the next "
                                                      "begins", "warning"))
            end = cues[index + 1].start
        if end <= cue.start:
            raise JobError(sub_shown, cue.line, "cue has no time on screen (it starts where the next one starts)")
        fixed.append(type(cue)(cue.start, end, cue.text, cue.line))
    if len(fixed) != len(job.items):
        warnings.append((sub_shown, 1, f"{len(fixed)} cues, but the story has {len(job.items)} captions for "
                                       f"this scene; the file's cues are shown", "warning"))
    return samples, rate, fixed, {"source": "recording", "recording": where}


def _aligned(job: Job, root: Path, samples, rate: int, warnings: list):
    """Cues aligned to the recording (align.py), written as a .vtt beside it for the curator to see and correct."""
    from .align import DOUBTFUL, AlignmentError, align, aligned_vtt
    from .captions import TimedCue, write_atomic

    recording = Path(job.recording)
    where = shown(recording, root)
    texts = [" ".join(item.text.split()) for item in job.items]
    try:
        aligned = align(samples, rate, texts, job.language, MIN_CUE, CUE_GAP, PAUSE)
    except AlignmentError as exc:
        raise JobError(where, 1, f"cannot time the captions to this recording: {exc}") from None
    vtt = recording.with_suffix(".vtt")
    text = aligned_vtt(aligned, f"{job.story_file}, scene {job.scene}, {job.language}")
    write_atomic(vtt, text.encode("utf-8"))
    lines = [number for number, line in enumerate(text.splitlines(), 1) if "-->" in line]
    cues = []
    for cue, item, line in zip(aligned, job.items, lines):
        if cue.confidence < DOUBTFUL:
            warnings.append((shown(vtt, root), line, f"caption timed with low confidence ({cue.confidence:.2f}: "
                             f"{cue.reason}); listen to it and correct the time in this file", "warning"))
        cues.append(TimedCue(cue.start, cue.end, cue.text, item.line))
    confidence = min(cue.confidence for cue in aligned)
    return samples, rate, cues, {"source": "recording", "recording": where, "aligned": shown(vtt, root),
                                 "confidence": confidence}


def _write(job: Job, samples, rate: int, cues) -> dict:
    """Normalise, write the WAV and the VTT, and verify the written file's loudness."""
    import io
    import wave

    import numpy as np

    from .captions import write_atomic, write_subtitles
    from .loudness import CEILING, TOLERANCE, from_int, measure, normalise, peak_db, to_int16

    audio, before, _ = normalise(samples, rate, job.target, CEILING)
    pcm = to_int16(audio)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    write_atomic(job.wav, buffer.getvalue())
    with wave.open(str(job.wav), "rb") as written:  # verify what is on disk
        frames = np.frombuffer(written.readframes(written.getnframes()), dtype=np.int16)
    loudness = measure(from_int(frames), rate)
    if abs(loudness - job.target) > TOLERANCE:
        job.wav.unlink(missing_ok=True)
        raise JobError(job.story_file, job.line, f"scene '{job.scene}' ({job.language}): loudness {loudness:.1f} "
                                                 f"LUFS, not within {TOLERANCE} LU of {job.target:.1f}")
    write_subtitles(job.vtt, cues)
    return {
        "duration": round(len(frames) / rate, 3),
        "cues": len(cues),
        "loudness": round(loudness, 2),
        "measured": round(before, 2),
        "peak": round(peak_db(from_int(frames)), 2),  # sample peak, dBFS (the true peak is limited to CEILING)
        "rate_hz": rate,
    }


