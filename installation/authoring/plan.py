"""What a narration build has to do: the stories' scenes and languages, each as a Job with the hash of its inputs.

Nothing is synthesised here. A Job is picklable, for the worker processes (workers.py) that run it (scene.py).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from installation.content.yamlpos import Problem

BUILDER_VERSION = 5  # raise when the output for the same inputs changes
LANGUAGES = ("en", "zh-Hant")
DEFAULT_TARGET = -20.0  # LUFS (same as loudness.DEFAULT_TARGET, repeated to keep imports light)
LEAD = 0.25  # seconds of silence before the first sentence
PAUSE = 0.35  # seconds between sentences
TAIL = 0.3  # seconds of silence after the last sentence
DESCRIBED_PAUSE = 0.5  # extra seconds between a scene's description and its narration
CUE_GAP = 0.08  # seconds between one cue's end and the next cue's start (two video frames)
MIN_CUE = 1.0  # seconds a cue stays on screen at least
MAX_CPS = {"en": 17.0, "zh-Hant": 9.0}  # highest reading speed of a cue, in characters per second




@dataclass(frozen=True)
class Item:
    """One caption item: its text, hand-set times (for a Cue item) and its line in the story file."""

    text: str
    start: float | None = None
    end: float | None = None
    line: int = 1


@dataclass(frozen=True)
class Job:
    """Everything needed to build one scene in one language (picklable, for worker processes)."""

    key: str  # "<story>/<scene>.<lang>"
    story: str
    scene: str
    language: str
    items: tuple[Item, ...]
    story_file: str  # shown path of the story YAML
    line: int  # line of captions[lang] in it
    root: str
    target: float
    recording: str | None = None
    subtitles: str | None = None
    digest: str = ""
    notes: tuple[tuple[str, int, str], ...] = ()  # warnings found while planning: (path, line, message)
    described: int = 0  # how many of the items, at the start, are the scene's description (the .ad version)
    engine: str = ""  # the synthetic voice (voices.PIPER or ESPEAK); "" for a recording
    also: tuple[str, ...] = ()  # digests of other engines' output that count as up to date (a --fast build)

    @property
    def wav(self) -> Path:
        variant = ".ad" if self.described else ""
        return narration_dir(Path(self.root)) / self.story / f"{self.scene}.{self.language}{variant}.wav"

    @property
    def vtt(self) -> Path:
        return self.wav.with_suffix(".vtt")


@dataclass
class Plan:
    jobs: list[Job]
    problems: list[Problem]
    managed: set[str]  # story ids whose outputs this build manages (their files loaded)
    broken: set[str]  # story ids whose files could not be loaded: their outputs are left alone
    everything: bool  # all stories (so narration of deleted stories can be removed)
    files: dict[str, list]  # recording hash cache: relative path -> [size, mtime_ns, sha256]


def narration_dir(root: Path) -> Path:
    return root / "media" / "narration"


def shown(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def story_paths(root: Path, stories: Iterable[str] | None) -> tuple[list[Path], list[Problem]]:
    folder = root / "stories"
    if stories is None:
        return sorted(folder.glob("*.yaml")), []
    paths, problems = [], []
    for name in stories:
        path = Path(name)
        if path.suffix not in (".yaml", ".yml") and "/" not in name:
            path = folder / f"{name}.yaml"
        elif not path.is_absolute():
            path = (Path.cwd() / path) if (Path.cwd() / path).exists() else root / path
        if not path.is_file():
            problems.append(Problem(shown(path, root), 1, f"no story file for '{name}' (looked for {shown(path, root)})"))
            continue
        if path not in paths:
            paths.append(path)
    return paths, problems


def _file_digest(path: Path, root: Path, cache: dict[str, list]) -> str:
    """sha256 of a file's bytes, remembered by (size, mtime) so unchanged recordings are not read again."""
    stat = path.stat()
    name = shown(path, root)
    known = cache.get(name)
    if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
        return known[2]
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    cache[name] = [stat.st_size, stat.st_mtime_ns, digest.hexdigest()]
    return cache[name][2]


def _digest(job: Job, root: Path, files: dict[str, list]) -> str:
    from .loudness import CEILING
    from .voices import identity

    payload: dict = {
        "builder": BUILDER_VERSION,
        "language": job.language,
        "target": round(job.target, 2),
        "timing": [LEAD, PAUSE, TAIL, CUE_GAP, MIN_CUE, MAX_CPS.get(job.language), CEILING, DESCRIBED_PAUSE],
        "items": [[item.text, item.start, item.end] for item in job.items],
        "described": job.described,
    }
    if job.recording:
        recording = Path(job.recording)
        payload["recording"] = [recording.name, _file_digest(recording, root, files)]
        if job.subtitles:
            subtitles = Path(job.subtitles)
            payload["subtitles"] = [subtitles.name, hashlib.sha256(subtitles.read_bytes()).hexdigest()]
        else:
            from .align import ALIGNER

            payload["subtitles"] = None
            payload["aligned"] = [ALIGNER, identity(job.language, "espeak")]
    else:
        payload["voice"] = identity(job.language, job.engine)
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def make_plan(root: Path, stories: Iterable[str] | None = None, target: float = DEFAULT_TARGET,
              files: dict[str, list] | None = None, lines: bool = True, fast: bool = False) -> Plan:
    """Read the stories and list every (scene, language) to build, with the hash of its inputs. No synthesis.
    `lines=False` skips finding the line of each caption (for messages), which parses each file a second time.
    `fast`: eSpeak NG for every language, but narration already made by the preferred voice counts as built."""
    from installation.content.load import load_story
    from installation.content.schema import Cue
    from installation.content.yamlpos import load_yaml

    from .align import is_automatic
    from .recordings import find_recording

    root = Path(root).resolve()
    files = dict(files or {})
    paths, problems = story_paths(root, stories)
    plan = Plan([], problems, set(), set(), stories is None, files)
    for path in paths:
        story, story_problems = load_story(path, root)
        plan.problems += story_problems
        if story is None or any(p.level == "error" for p in story_problems):
            plan.broken.add(path.stem)
            continue
        plan.managed.add(story.id)
        story_shown = shown(path, root)
        located = load_yaml(path, story_shown)[0] if lines else None
        line_of = located.line_of if located else (lambda loc: 1)
        for index, scene in enumerate(story.scenes):
            for language in LANGUAGES:
                raw = scene.captions.get(language)
                if not raw:
                    continue
                items = []
                for number, entry in enumerate(raw):
                    line = line_of(("scenes", index, "captions", language, number))
                    if isinstance(entry, Cue):
                        items.append(Item(entry.text, entry.start, entry.end, line))
                    else:
                        items.append(Item(str(entry), None, None, line))
                job = Job(
                    key=f"{story.id}/{scene.id}.{language}", story=story.id, scene=scene.id, language=language,
                    items=tuple(items), story_file=story_shown, line=line_of(("scenes", index, "captions", language)),
                    root=str(root), target=float(target),
                )
                recording = find_recording(root, story.id, scene.id, language)
                if recording is not None:
                    notes = [(shown(p, root), 1, f"ignored: {shown(recording.audio, root)} is used for this scene")
                             for p in recording.others + recording.other_subtitles]
                    subtitles = recording.subtitles
                    if subtitles is not None and is_automatic(subtitles):
                        subtitles = None  # made by an earlier build, unchanged: aligned again if the audio changed
                    job = replace(job, recording=str(recording.audio),
                                  subtitles=str(subtitles) if subtitles else None, notes=tuple(notes))
                    plan.jobs.append(replace(job, digest=_digest(job, root, files)))
                    continue
                plan.jobs.append(_voiced(job, root, files, fast))
                plan.jobs.append(_voiced(_described(job, scene, index, line_of), root, files, fast))
    plan.problems += _stray_recordings(root, plan, {p.stem for p in paths})
    return plan


def _voiced(job: Job, root: Path, files: dict[str, list], fast: bool) -> Job:
    """The job with its engine and digest: the preferred voice, or in a `fast` build eSpeak NG (keeping what the
    preferred voice has already made)."""
    from .voices import ESPEAK, preferred

    best = replace(job, engine=preferred(job.language))
    best = replace(best, digest=_digest(best, root, files))
    if not fast or best.engine == ESPEAK:
        return best
    quick = replace(job, engine=ESPEAK, also=(best.digest,))
    return replace(quick, digest=_digest(quick, root, files))


def _described(job: Job, scene, index: int, line_of) -> Job:
    """The audio-described version of a scene: its description spoken first, then the captions, all at the
    speaking pace (hand-set cue times would no longer match)."""
    field_name = "description" if scene.description and job.language in scene.description else "alt"
    text = getattr(scene, field_name).get(job.language, "")
    description = Item(" ".join(text.split()), None, None, line_of(("scenes", index, field_name, job.language)))
    spoken = tuple(Item(item.text, None, None, item.line) for item in job.items)
    return replace(job, key=job.key + ".ad", items=(description, *spoken), described=1)


def _stray_recordings(root: Path, plan: Plan, read: set[str]) -> list[Problem]:
    """Warnings for files in media/recordings/ that no scene will use (a typo in a name, a missing audio file)."""
    from .captions import SUBTITLE_SUFFIXES
    from .recordings import RECORDING_SUFFIXES, recordings_dir

    folder = recordings_dir(root)
    if not folder.is_dir():
        return []
    keys = {job.key for job in plan.jobs}
    scenes: dict[str, list[str]] = {}
    for job in plan.jobs:
        scenes.setdefault(job.story, [])
        if job.scene not in scenes[job.story]:
            scenes[job.story].append(job.scene)
    problems = []
    for path in sorted(folder.rglob("*")):
        suffix = path.suffix.lower()
        if not path.is_file() or suffix not in RECORDING_SUFFIXES + SUBTITLE_SUFFIXES:
            continue
        where = shown(path, root)
        story = path.parent.name if path.parent.parent == folder else None
        if story is None:
            problems.append(Problem(where, 1, "not used: put recordings in media/recordings/<story>/", "warning"))
            continue
        if story not in read:
            if plan.everything and not (root / "stories" / f"{story}.yaml").exists():
                problems.append(Problem(where, 1, f"not used: there is no story file stories/{story}.yaml", "warning"))
            continue
        if story not in plan.managed:
            continue  # the story file has errors of its own
        key = f"{story}/{path.stem}"
        if key not in keys:
            known = ", ".join(f"{scene}.en, {scene}.zh-Hant" for scene in scenes.get(story, [])[:2])
            problems.append(Problem(where, 1, f"not used: the name must be <scene>.<en|zh-Hant>{suffix} for a scene "
                                              f"of stories/{story}.yaml (e.g. {known}, …)", "warning"))
        elif suffix in SUBTITLE_SUFFIXES and not any(path.with_suffix(s).is_file() for s in RECORDING_SUFFIXES):
            problems.append(Problem(where, 1, "not used: there is no recording beside it "
                                              f"({path.stem}.wav, .flac, .ogg or .mp3); the synthetic voice is used",
                                    "warning"))
    return problems


