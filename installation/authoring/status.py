"""`installation media status`: which scenes are recorded, which are synthetic, and which recordings need attention.

A recording needs attention when it is too quiet or too loud, clipped, or timed automatically with low confidence.
A recording at another sample rate than the kiosk's is only noted: the build converts it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from .plan import narration_dir, shown

QUIET = -36.0  # LUFS: below this a recording is mostly room noise once raised to the target
LOUD_PEAK = -0.1  # dBFS sample peak: at or above, the recording is likely clipped
CLIPPED_RUN = 3  # consecutive samples at full scale that count as clipping
KIOSK_RATES = (22050, 44100)


@dataclass(frozen=True)
class Line:
    story: str
    scene: str
    language: str
    source: str  # "recorded", "synthetic", "not built"
    detail: str
    attention: tuple[str, ...] = ()


def recording_problems(path: Path) -> tuple[list[str], list[str]]:
    """(needs attention, notes) for one recording."""
    import numpy as np

    from .align import doubtful, is_automatic
    from .loudness import LoudnessError, measure
    from .recordings import DecodeError, decode_segment

    try:
        segment = decode_segment(path)
    except DecodeError as exc:
        return [f"cannot be decoded ({exc})"], []
    notes = []
    if segment.frame_rate not in KIOSK_RATES:
        wanted = KIOSK_RATES[0] if segment.frame_rate <= KIOSK_RATES[0] else KIOSK_RATES[1]
        notes.append(f"recorded at {segment.frame_rate} Hz: converted to {wanted} Hz by the build")
    if segment.channels > 1:
        segment = segment.set_channels(1)
    full = float(1 << (8 * segment.sample_width - 1))
    samples = np.asarray(segment.get_array_of_samples(), dtype=np.float64) / full
    problems = []
    if len(samples) == 0:
        return ["has no audio"], notes
    peak = float(np.abs(samples).max())
    at_top = np.abs(samples) >= (full - 1) / full
    runs = np.convolve(at_top.astype(np.int8), np.ones(CLIPPED_RUN, dtype=np.int8), "valid")
    if (runs >= CLIPPED_RUN).any():
        problems.append(f"clipped ({int(at_top.sum())} samples at full scale): record again with a lower level")
    elif 20 * np.log10(peak + 1e-12) >= LOUD_PEAK:
        problems.append("too loud: it peaks at full scale; record again with a lower level")
    try:
        loudness = measure(samples, segment.frame_rate)
    except LoudnessError:
        loudness = None
    if loudness is None or loudness < QUIET:
        level = "silent" if loudness is None else f"{loudness:.1f} LUFS"
        problems.append(f"too quiet ({level}): record closer to the microphone or raise the input level")
    vtt = path.with_suffix(".vtt")
    if vtt.is_file() and is_automatic(vtt):
        unsure = doubtful(vtt)
        if unsure:
            problems.append(f"{unsure} caption(s) timed with low confidence: listen and correct them in {vtt.name}")
    return problems, notes


def status(root: Path, stories: list[str] | None = None) -> tuple[list[Line], list[str]]:
    from .plan import make_plan

    plan = make_plan(root, stories, lines=False)
    try:
        outputs = json.loads((narration_dir(root) / "manifest.json").read_text(encoding="utf-8")).get("outputs", {})
    except (OSError, ValueError):
        outputs = {}
    lines = []
    for job in plan.jobs:
        if job.described:
            continue
        entry = outputs.get(job.key) or {}
        if job.recording:
            attention, notes = recording_problems(Path(job.recording))
            timing = "its own captions file" if job.subtitles else "captions timed automatically"
            detail = "; ".join([f"{shown(Path(job.recording), root)} ({timing})", *notes])
            lines.append(Line(job.story, job.scene, job.language, "recorded", detail, tuple(attention)))
        elif entry.get("source") == "speech":
            lines.append(Line(job.story, job.scene, job.language, "synthetic",
                              f"{entry.get('voice', '?')} ({entry.get('engine', '?')})"))
        else:
            lines.append(Line(job.story, job.scene, job.language, "not built", "run `installation media build`"))
    return lines, [str(problem) for problem in plan.problems if problem.level == "error"]


def add_arguments(actions) -> None:
    parser = actions.add_parser("status", help="which scenes are recorded, which synthetic, what needs attention",
                                description="List every scene and language: recorded (and whether the recording "
                                            "needs attention) or synthetic (by which voice).")
    parser.add_argument("stories", nargs="*", metavar="STORY", help="story ids or files (default: all)")
    parser.add_argument("--root", type=Path, help="project root (the folder with stories/ and media/)")


def run(args: argparse.Namespace, root: Path) -> int:
    lines, problems = status(root, args.stories or None)
    for problem in problems:
        print(problem, file=sys.stderr)
    width = max((len(f"{line.story}/{line.scene}.{line.language}") for line in lines), default=10)
    for line in lines:
        print(f"{line.story}/{line.scene}.{line.language}".ljust(width), line.source.ljust(9), line.detail)
        for message in line.attention:
            print(" " * width, "attention", message)
    recorded = sum(line.source == "recorded" for line in lines)
    attention = sum(bool(line.attention) for line in lines)
    print(f"{len(lines)} scene-languages: {recorded} recorded, {sum(x.source == 'synthetic' for x in lines)} "
          f"synthetic, {sum(x.source == 'not built' for x in lines)} not built; {attention} recording(s) need attention")
    return 1 if problems else 0
