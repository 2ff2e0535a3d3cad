"""`installation media build`: narration (WAV) and timed captions (WebVTT) for every scene in every language.

For each story in `stories/*.yaml`, each scene and each language that has captions, the caption items are spoken
one by one (English by piper's neural joe voice when it is installed, otherwise and for Cantonese by eSpeak NG;
see voices.py), joined with short pauses, normalised to one loudness target and written to
`media/narration/<story>/<scene>.<lang>.wav` with one WebVTT cue per caption item beside it. A curator's recording
in `media/recordings/<story>/<scene>.<lang>.{wav,flac,ogg,mp3}` replaces the synthetic voice. For audio
description, each scene is also spoken with its description first as `<scene>.<lang>.ad.wav` and `.ad.vtt`.
A manifest of input hashes makes the build incremental. See docs/narration.md.

The parts: plan.py (what to build), manifest.py, workers.py (processes), scene.py (one scene). Heavy libraries
(numpy, scipy, pyloudnorm, pydub, espeak, piper) are imported inside functions, so that importing this module
(as `installation --help` does) and `needs_build()` stay cheap.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from installation.content.yamlpos import Problem

from .manifest import needs_build, orphans, read_manifest, snapshot, up_to_date, write_manifest
from .plan import DEFAULT_TARGET, LANGUAGES, Job, Plan, make_plan, narration_dir, shown
from .scene import Result
from .workers import WORKERS, BuildLock, run_jobs

__all__ = ["build", "needs_build", "Summary"]

log = logging.getLogger(__name__)



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


def build(root: Path | str, stories: Iterable[str] | None = None, target: float = DEFAULT_TARGET,
          force: bool = False, workers: int = WORKERS, progress: bool | None = False,
          report: Callable[[Problem], None] | None = None, fast: bool = False) -> Summary:
    """Build the narration of all stories (or those named: ids or paths) and return what happened.

    `fast`: speak with eSpeak NG only (seconds instead of minutes, for tests), keeping up-to-date narration that
    the preferred (neural) voice has made.

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
    with BuildLock(root):
        complete = snapshot(root, fast) if stories is None else None  # taken first: later edits count as changes
        manifest = read_manifest(root)
        manifest.pop("snapshot", None)
        plan = make_plan(root, stories, target, manifest["files"], fast=fast)
        manifest["files"] = {name: known for name, known in plan.files.items() if (root / name).is_file()}
        manifest["target"] = float(target)
        for problem in plan.problems:
            note(problem)
        for job in plan.jobs:
            for path, line, message in job.notes:
                note(Problem(path, line, message, "warning"))

        for path in orphans(root, plan):
            path.unlink(missing_ok=True)
            key = f"{path.parent.name}/{path.name.rsplit('.', 1)[0]}"
            manifest["outputs"].pop(key, None)
            manifest["failed"].pop(key, None)
            summary.removed += path.suffix == ".wav"
            log.info("removed %s", shown(path, root))
        _remove_empty_dirs(root, plan)
        current = {job.key for job in plan.jobs}
        for key in list(manifest["outputs"]) + list(manifest["failed"]):  # scenes or stories that are gone
            story = key.split("/", 1)[0]
            if key not in current and (story in plan.managed or (plan.everything and story not in plan.broken)):
                manifest["outputs"].pop(key, None)
                manifest["failed"].pop(key, None)

        todo = [job for job in plan.jobs if force or not up_to_date(job, manifest)]
        todo.sort(key=lambda job: job.engine != "piper")  # the slow voice first, so the workers finish together
        building = {job.key for job in todo}
        for job in plan.jobs:
            if job.key not in building:
                summary.count(job, "skipped")

        def finished(job: Job, result: Result) -> None:
            for path, line, message, level in result.problems:
                note(Problem(path, line, message, level))
            if result.ok:
                summary.count(job, "built")
                fallback = result.info.pop("fallback", False)
                manifest["outputs"][job.key] = {"digest": "" if fallback else job.digest, **result.info}
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
            run_jobs(todo, workers, finished, bar)
            if complete:
                manifest["snapshot"] = complete  # a complete build of everything: needs_build() may trust it
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
    run_parser.add_argument("--fast", action="store_true",
                            help="eSpeak NG only, for tests: seconds instead of minutes; keeps narration already "
                                 "made by the neural English voice")
    from . import script, status

    script.add_arguments(actions)
    status.add_arguments(actions)


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
    if getattr(args, "config", None):
        from installation.content.load import project_root

        return project_root(args.config)
    return Path.cwd()


def run(args: argparse.Namespace) -> int:
    if getattr(args, "config", None) and not Path(args.config).is_file():
        print(f"{args.config}:1: error: file not found", file=sys.stderr)
        return 1
    root = _root(args).resolve()
    if not (root / "stories").is_dir():
        print(f"{root}: no stories/ folder here (use --root or --config)", file=sys.stderr)
        return 1
    if args.media_action in ("script", "status"):
        from . import script, status

        return (script if args.media_action == "script" else status).run(args, root)

    def report(problem: Problem) -> None:
        from tqdm import tqdm

        tqdm.write(str(problem), file=sys.stderr)

    summary = build(root, args.stories or None, target=args.target, force=args.force,
                    workers=max(1, args.jobs), progress=None, report=report, fast=args.fast)
    print(summary.line())
    return 0 if summary.ok else 1
