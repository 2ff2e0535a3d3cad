"""`installation media build`: narration (WAV) and timed captions (WebVTT) for every scene in every language.

For each story in `stories/*.yaml`, each scene and each language that has captions, the caption items are spoken
one by one (espeak-ng, see speech.py), joined with short pauses, normalised to one loudness target and written to
`media/narration/<story>/<scene>.<lang>.wav` with one WebVTT cue per caption item beside it. A curator's recording
in `media/recordings/<story>/<scene>.<lang>.{wav,flac,ogg,mp3}` (with an .srt or .vtt of the same name) replaces
the synthetic voice. For audio description, each scene is also spoken with its description first (the scene's
`description`, or its `alt` text) as `<scene>.<lang>.ad.wav` and `.ad.vtt`; the kiosk plays that version while a
visitor has description on. A manifest of input hashes makes the build incremental. See docs/narration.md.

Heavy libraries (numpy, scipy, pyloudnorm, pydub, espeak) are imported inside functions, so that importing this
module (as `installation --help` does) and `needs_build()` stay cheap.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from installation.content.yamlpos import Problem

log = logging.getLogger(__name__)

BUILDER_VERSION = 4  # raise when the output for the same inputs changes
LANGUAGES = ("en", "zh-Hant")
DEFAULT_TARGET = -20.0  # LUFS (same as loudness.DEFAULT_TARGET, repeated to keep imports light)
LEAD = 0.25  # seconds of silence before the first sentence
PAUSE = 0.35  # seconds between sentences
TAIL = 0.3  # seconds of silence after the last sentence
DESCRIBED_PAUSE = 0.5  # extra seconds between a scene's description and its narration
CUE_GAP = 0.08  # seconds between one cue's end and the next cue's start (two video frames)
MIN_CUE = 1.0  # seconds a cue stays on screen at least
MAX_CPS = {"en": 17.0, "zh-Hant": 9.0}  # highest reading speed of a cue, in characters per second
MANIFEST = "manifest.json"
WORKERS = 2
POOL_THRESHOLD = 4  # fewer jobs than this run in this process (starting workers costs ~1 s)


# ----------------------------------------------------------------------------------------------- plan


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


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def _story_paths(root: Path, stories: Iterable[str] | None) -> tuple[list[Path], list[Problem]]:
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
            problems.append(Problem(_shown(path, root), 1, f"no story file for '{name}' (looked for {_shown(path, root)})"))
            continue
        if path not in paths:
            paths.append(path)
    return paths, problems


def _file_digest(path: Path, root: Path, cache: dict[str, list]) -> str:
    """sha256 of a file's bytes, remembered by (size, mtime) so unchanged recordings are not read again."""
    stat = path.stat()
    name = _shown(path, root)
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
    from .speech import RATES, VOICES, engine_version

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
            payload["subtitles"] = None
    else:
        payload["voice"] = [list(VOICES.get(job.language, ())), RATES.get(job.language), engine_version()]
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def make_plan(root: Path, stories: Iterable[str] | None = None, target: float = DEFAULT_TARGET,
              files: dict[str, list] | None = None, lines: bool = True) -> Plan:
    """Read the stories and list every (scene, language) to build, with the hash of its inputs. No synthesis.
    `lines=False` skips finding the line of each caption (for messages), which parses each file a second time."""
    from dataclasses import replace

    from installation.content.load import load_story
    from installation.content.schema import Cue
    from installation.content.yamlpos import load_yaml

    from .recordings import find_recording

    root = Path(root).resolve()
    files = dict(files or {})
    paths, problems = _story_paths(root, stories)
    plan = Plan([], problems, set(), set(), stories is None, files)
    for path in paths:
        story, story_problems = load_story(path, root)
        plan.problems += story_problems
        if story is None or any(p.level == "error" for p in story_problems):
            plan.broken.add(path.stem)
            continue
        plan.managed.add(story.id)
        shown = _shown(path, root)
        located = load_yaml(path, shown)[0] if lines else None
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
                    items=tuple(items), story_file=shown, line=line_of(("scenes", index, "captions", language)),
                    root=str(root), target=float(target),
                )
                recording = find_recording(root, story.id, scene.id, language)
                if recording is not None:
                    notes = [(_shown(p, root), 1, f"ignored: {_shown(recording.audio, root)} is used for this scene")
                             for p in recording.others + recording.other_subtitles]
                    job = replace(job, recording=str(recording.audio),
                                  subtitles=str(recording.subtitles) if recording.subtitles else None,
                                  notes=tuple(notes))
                plan.jobs.append(replace(job, digest=_digest(job, root, files)))
                if recording is None:
                    plan.jobs.append(_described(job, scene, index, line_of, root, files))
    plan.problems += _stray_recordings(root, plan, {p.stem for p in paths})
    return plan


def _described(job: Job, scene, index: int, line_of, root: Path, files: dict[str, list]) -> Job:
    """The audio-described version of a scene: its description spoken first, then the captions, all at the
    speaking pace (hand-set cue times would no longer match)."""
    from dataclasses import replace

    field_name = "description" if scene.description and job.language in scene.description else "alt"
    text = getattr(scene, field_name).get(job.language, "")
    description = Item(" ".join(text.split()), None, None, line_of(("scenes", index, field_name, job.language)))
    spoken = tuple(Item(item.text, None, None, item.line) for item in job.items)
    described = replace(job, key=job.key + ".ad", items=(description, *spoken), described=1)
    return replace(described, digest=_digest(described, root, files))


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
        shown = _shown(path, root)
        story = path.parent.name if path.parent.parent == folder else None
        if story is None:
            problems.append(Problem(shown, 1, "not used: put recordings in media/recordings/<story>/", "warning"))
            continue
        if story not in read:
            if plan.everything and not (root / "stories" / f"{story}.yaml").exists():
                problems.append(Problem(shown, 1, f"not used: there is no story file stories/{story}.yaml", "warning"))
            continue
        if story not in plan.managed:
            continue  # the story file has errors of its own
        key = f"{story}/{path.stem}"
        if key not in keys:
            known = ", ".join(f"{scene}.en, {scene}.zh-Hant" for scene in scenes.get(story, [])[:2])
            problems.append(Problem(shown, 1, f"not used: the name must be <scene>.<en|zh-Hant>{suffix} for a scene "
                                              f"of stories/{story}.yaml (e.g. {known}, …)", "warning"))
        elif suffix in SUBTITLE_SUFFIXES and not any(path.with_suffix(s).is_file() for s in RECORDING_SUFFIXES):
            problems.append(Problem(shown, 1, "not used: there is no recording beside it "
                                              f"({path.stem}.wav, .flac, .ogg or .mp3); the synthetic voice is used",
                                    "warning"))
    return problems


# -------------------------------------------------------------------------------------------- manifest


def read_manifest(root: Path) -> dict:
    path = narration_dir(root) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict) or data.get("builder") != BUILDER_VERSION:
        data = {}
    data.setdefault("builder", BUILDER_VERSION)
    for name in ("outputs", "failed", "files"):
        if not isinstance(data.get(name), dict):
            data[name] = {}
    return data


def write_manifest(root: Path, manifest: dict) -> None:
    from .captions import write_atomic

    text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomic(narration_dir(root) / MANIFEST, text.encode("utf-8"))


def _up_to_date(job: Job, manifest: dict) -> bool:
    entry = manifest["outputs"].get(job.key)
    return bool(entry) and entry.get("digest") == job.digest and job.wav.is_file() and job.vtt.is_file()


def _known_failure(job: Job, manifest: dict) -> bool:
    return manifest["failed"].get(job.key) == job.digest


def _orphans(root: Path, plan: Plan) -> list[Path]:
    """Generated files of scenes (or languages, or stories) that no longer exist."""
    folder = narration_dir(root)
    if not folder.is_dir():
        return []
    wanted = {job.wav for job in plan.jobs} | {job.vtt for job in plan.jobs}
    existing = {p.stem for p in (root / "stories").glob("*.yaml")}
    orphans = []
    for story_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        name = story_dir.name
        if name in plan.managed:
            pass
        elif plan.everything and name not in existing and name not in plan.broken:
            pass  # the story file was deleted
        else:
            continue
        for path in sorted(story_dir.iterdir()):
            if path.is_file() and path.suffix in (".wav", ".vtt", ".tmp") and path not in wanted:
                orphans.append(path)
    return orphans


def needs_build(root: Path | str) -> bool:
    """True if some narration is missing or out of date (or left over from a deleted scene). Cheap: nothing is
    synthesised, and when no story file or recording changed since the last full build (same sizes and times)
    and every output is there, no story is even parsed. A scene that failed to build with the same inputs last
    time does not count (building again would fail again)."""
    root = Path(root).resolve()
    manifest = read_manifest(root)
    snapshot = manifest.get("snapshot")
    if snapshot and snapshot == _snapshot(root) and _outputs_present(root, manifest):
        return False
    plan = make_plan(root, None, _last_target(manifest), manifest["files"], lines=False)
    for job in plan.jobs:
        if not _up_to_date(job, manifest) and not _known_failure(job, manifest):
            return True
    return bool(_orphans(root, plan))


def _snapshot(root: Path) -> str:
    """A hash of the size and time of every story file and recording, and of the builder's version."""
    from .recordings import recordings_dir
    from .speech import engine_version

    entries: list = [BUILDER_VERSION, engine_version(), _settings()]
    for folder in (root / "stories", recordings_dir(root)):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    entries.append([_shown(path, root), stat.st_size, stat.st_mtime_ns])
    return hashlib.sha256(json.dumps(entries).encode()).hexdigest()


def _settings() -> list:
    from .loudness import CEILING
    from .speech import RATES, VOICES

    return [LEAD, PAUSE, TAIL, CUE_GAP, MIN_CUE, MAX_CPS, RATES, VOICES, CEILING, DESCRIBED_PAUSE]


def _outputs_present(root: Path, manifest: dict) -> bool:
    folder = narration_dir(root)
    return all((folder / f"{key}.wav").is_file() and (folder / f"{key}.vtt").is_file() for key in manifest["outputs"])


def _last_target(manifest: dict) -> float:
    target = manifest.get("target")
    return float(target) if isinstance(target, (int, float)) else DEFAULT_TARGET


# ---------------------------------------------------------------------------------------------- build


@dataclass
class Summary:
    built: int = 0  # narration; the audio-described versions are counted in `described`
    skipped: int = 0
    failed: int = 0
    removed: int = 0
    described: dict[str, int] = field(default_factory=lambda: {"built": 0, "skipped": 0, "failed": 0})
    minutes: dict[str, float] = field(default_factory=dict)  # narration per language, over the stories built
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def line(self) -> str:
        minutes = ", ".join(f"{lang} {self.minutes.get(lang, 0.0):.1f} min" for lang in LANGUAGES)
        removed = f", {self.removed} removed" if self.removed else ""
        described = ", ".join(f"{count} {what}" for what, count in self.described.items())
        return (f"narration: {self.built} built, {self.skipped} skipped, {self.failed} failed{removed}; "
                f"described: {described}; {minutes}; {self.seconds:.1f} s")

    def count(self, job: Job, what: str) -> None:
        if job.described:
            self.described[what] += 1
        else:
            setattr(self, what, getattr(self, what) + 1)


@dataclass
class Result:
    key: str
    ok: bool
    problems: list[tuple[str, int, str, str]] = field(default_factory=list)  # (path, line, message, level)
    info: dict = field(default_factory=dict)


def build(root: Path | str, stories: Iterable[str] | None = None, target: float = DEFAULT_TARGET,
          force: bool = False, workers: int = WORKERS, progress: bool | None = False,
          report: Callable[[Problem], None] | None = None) -> Summary:
    """Build the narration of all stories (or those named: ids or paths) and return what happened.

    `progress`: show a progress bar (None: only on a terminal). `report` is called with each problem as soon as
    it is found (the Summary has them all too). Bad input never raises: it becomes a Problem."""
    started = time.monotonic()
    root = Path(root).resolve()
    summary = Summary()

    def note(problem: Problem) -> None:
        if problem in summary.problems:  # a scene's narration and its described version fail alike
            return
        summary.problems.append(problem)
        if report:
            report(problem)

    stories = list(stories) if stories is not None else None
    with _BuildLock(root):
        snapshot = _snapshot(root) if stories is None else None  # taken first: later edits count as changes
        manifest = read_manifest(root)
        manifest.pop("snapshot", None)
        plan = make_plan(root, stories, target, manifest["files"])
        manifest["files"] = {name: known for name, known in plan.files.items() if (root / name).is_file()}
        manifest["target"] = float(target)
        for problem in plan.problems:
            note(problem)
        for job in plan.jobs:
            for path, line, message in job.notes:
                note(Problem(path, line, message, "warning"))

        for path in _orphans(root, plan):
            path.unlink(missing_ok=True)
            key = f"{path.parent.name}/{path.name.rsplit('.', 1)[0]}"
            manifest["outputs"].pop(key, None)
            manifest["failed"].pop(key, None)
            summary.removed += path.suffix == ".wav"
            log.info("removed %s", _shown(path, root))
        _remove_empty_dirs(root, plan)
        current = {job.key for job in plan.jobs}
        for key in list(manifest["outputs"]) + list(manifest["failed"]):  # scenes or stories that are gone
            story = key.split("/", 1)[0]
            if key not in current and (story in plan.managed or (plan.everything and story not in plan.broken)):
                manifest["outputs"].pop(key, None)
                manifest["failed"].pop(key, None)

        todo = [job for job in plan.jobs if force or not _up_to_date(job, manifest)]
        building = {job.key for job in todo}
        for job in plan.jobs:
            if job.key not in building:
                summary.count(job, "skipped")

        def finished(job: Job, result: Result) -> None:
            for path, line, message, level in result.problems:
                note(Problem(path, line, message, level))
            if result.ok:
                summary.count(job, "built")
                manifest["outputs"][job.key] = {"digest": job.digest, **result.info}
                manifest["failed"].pop(job.key, None)
            else:
                summary.count(job, "failed")
                manifest["outputs"].pop(job.key, None)
                manifest["failed"][job.key] = job.digest
                for stale in (job.wav, job.vtt):  # never leave narration that no longer matches its captions
                    stale.unlink(missing_ok=True)
            write_manifest(root, manifest)

        bar = _progress(len(todo), progress)
        try:
            _run_jobs(todo, workers, finished, bar)
            if snapshot:
                manifest["snapshot"] = snapshot  # a complete build of everything: needs_build() may trust it
        finally:
            if bar is not None:
                bar.close()
            write_manifest(root, manifest)

        for job in plan.jobs:
            entry = manifest["outputs"].get(job.key)
            if entry and not job.described:
                summary.minutes[job.language] = summary.minutes.get(job.language, 0.0) + entry["duration"] / 60
    summary.seconds = time.monotonic() - started
    return summary


def _remove_empty_dirs(root: Path, plan: Plan) -> None:
    folder = narration_dir(root)
    if not folder.is_dir():
        return
    for story_dir in folder.iterdir():
        if story_dir.is_dir() and not any(story_dir.iterdir()):
            try:
                story_dir.rmdir()
            except OSError:
                pass


def _progress(total: int, progress: bool | None):
    if progress is False or total == 0:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="scene", desc="narration", file=sys.stderr,
                disable=None if progress is None else not progress, leave=False, dynamic_ncols=True)


class _BuildLock:
    """One build at a time per project (an exclusive lock file in media/narration/)."""

    def __init__(self, root: Path):
        self.path = narration_dir(root) / ".lock"
        self.handle = None

    def __enter__(self):
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "w")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            log.warning("another narration build is running; waiting for it to finish")
            fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        if self.handle:
            self.handle.close()  # releases the lock


def _run_jobs(jobs: list[Job], workers: int, finished: Callable[[Job, Result], None], bar) -> None:
    if workers <= 1 or len(jobs) < POOL_THRESHOLD:
        for job in jobs:
            finished(job, run_job(job))
            if bar is not None:
                bar.update()
        return
    from concurrent.futures.process import BrokenProcessPool

    remaining = list(jobs)
    pool = _pool(workers)
    try:
        futures = {pool.submit(run_job, job): job for job in remaining}
        from concurrent.futures import as_completed

        for future in as_completed(futures):
            job = futures[future]
            finished(job, future.result())
            remaining.remove(job)
            if bar is not None:
                bar.update()
    except BrokenProcessPool:
        log.warning("a narration worker crashed; building the rest one at a time")
    finally:
        _stop(pool)  # on Ctrl-C too: the workers ignore it, so they must be stopped here
    # a worker died (e.g. the speech library crashed): each remaining job in a process of its own, so one
    # crash is pinned on its scene and does not stop the others
    for job in remaining:
        pool = _pool(1)
        try:
            result = pool.submit(run_job, job).result()
        except BrokenProcessPool:
            result = Result(job.key, False, [(job.story_file, job.line,
                                              f"scene '{job.scene}' ({job.language}): the speech engine crashed",
                                              "error")])
        finally:
            _stop(pool)
        finished(job, result)
        if bar is not None:
            bar.update()


def _pool(workers: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init)


def _worker_init() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is handled by the main process


def _stop(pool) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


# --------------------------------------------------------------------------------------- one scene


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
    recording_shown = _shown(Path(job.recording), root) if job.recording else ""
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
    from .speech import engine

    speaker = engine()
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
    return audio, rate, cues, {"source": "speech", "voice": speaker.voice_for(job.language), "rate": slowest}


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
    """Decode the curator's recording and take its cues from the subtitle file beside it."""
    from .captions import read_subtitles
    from .recordings import decode

    recording = Path(job.recording)
    shown = _shown(recording, root)
    if not job.subtitles:
        stem = recording.with_suffix("")
        raise JobError(shown, 1, f"no subtitle file beside the recording: add {_shown(stem, root)}.srt "
                                 f"(or .vtt) with one cue per caption")
    subtitles = Path(job.subtitles)
    sub_shown = _shown(subtitles, root)
    cues = read_subtitles(subtitles, sub_shown)
    samples, rate = decode(recording)
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
    return samples, rate, fixed, {"source": "recording", "recording": shown}


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


# ------------------------------------------------------------------------------------------------- CLI


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="media_action", metavar="ACTION", required=True)
    run_parser = actions.add_parser("build", help="build narration WAV and WebVTT files for stories",
                                    description="Speak every scene's captions (or use a curator's recording), "
                                                "normalise the loudness and write media/narration/. Only "
                                                "what changed is rebuilt.")
    run_parser.add_argument("stories", nargs="*", metavar="STORY", help="story ids or files (default: all)")
    run_parser.add_argument("--config", type=Path, help="an exhibition file; the project root is found from it")
    run_parser.add_argument("--root", type=Path, help="project root (the folder with stories/ and media/)")
    run_parser.add_argument("--target", type=_target, default=DEFAULT_TARGET, metavar="LUFS",
                            help=f"integrated loudness target (default {DEFAULT_TARGET:g})")
    run_parser.add_argument("--force", action="store_true", help="rebuild everything")
    run_parser.add_argument("--jobs", "-j", type=int, default=WORKERS, metavar="N",
                            help=f"worker processes (default {WORKERS})")


def _target(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not -40.0 <= value <= -6.0:
        raise argparse.ArgumentTypeError("the target must be between -40 and -6 LUFS")
    return value


def _root(args: argparse.Namespace) -> Path:
    if args.root:
        return args.root
    if args.config:
        from installation.content.load import project_root

        return project_root(args.config)
    return Path.cwd()


def run(args: argparse.Namespace) -> int:
    if args.config and not Path(args.config).is_file():
        print(f"{args.config}:1: error: file not found", file=sys.stderr)
        return 1
    root = _root(args).resolve()
    if not (root / "stories").is_dir():
        print(f"{root}: no stories/ folder here (use --root or --config)", file=sys.stderr)
        return 1

    def report(problem: Problem) -> None:
        from tqdm import tqdm

        tqdm.write(str(problem), file=sys.stderr)

    summary = build(root, args.stories or None, target=args.target, force=args.force,
                    workers=max(1, args.jobs), progress=None, report=report)
    print(summary.line())
    return 0 if summary.ok else 1
