"""The narration manifest (media/narration/manifest.json): what was built from which inputs, by which voice.

It makes the build incremental, and `needs_build()` cheap.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .plan import (BUILDER_VERSION, CUE_GAP, DEFAULT_TARGET, DESCRIBED_PAUSE, LEAD, MAX_CPS, MIN_CUE, PAUSE, TAIL,
                   Job, Plan, make_plan, narration_dir, shown)

MANIFEST = "manifest.json"


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


def up_to_date(job: Job, manifest: dict) -> bool:
    entry = manifest["outputs"].get(job.key)
    return bool(entry) and entry.get("digest") in (job.digest, *job.also) and job.wav.is_file() and job.vtt.is_file()


def known_failure(job: Job, manifest: dict) -> bool:
    return manifest["failed"].get(job.key) == job.digest


def orphans(root: Path, plan: Plan) -> list[Path]:
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
    known = manifest.get("snapshot")
    if known and known == snapshot(root) and _outputs_present(root, manifest):
        return False
    plan = make_plan(root, None, _last_target(manifest), manifest["files"], lines=False)
    for job in plan.jobs:
        if not up_to_date(job, manifest) and not known_failure(job, manifest):
            return True
    return bool(orphans(root, plan))


def snapshot(root: Path, fast: bool = False) -> str:
    """A hash of the size and time of every story file and recording, of the builder's version and its voices."""
    from .recordings import recordings_dir
    from .voices import identity, preferred

    voices = [identity(language, preferred(language)) for language in MAX_CPS]
    entries: list = [BUILDER_VERSION, voices, fast, _settings()]
    for folder in (root / "stories", recordings_dir(root)):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    entries.append([shown(path, root), stat.st_size, stat.st_mtime_ns])
    return hashlib.sha256(json.dumps(entries).encode()).hexdigest()


def _settings() -> list:
    from .loudness import CEILING

    return [LEAD, PAUSE, TAIL, CUE_GAP, MIN_CUE, MAX_CPS, CEILING, DESCRIBED_PAUSE]


def _outputs_present(root: Path, manifest: dict) -> bool:
    folder = narration_dir(root)
    return all((folder / f"{key}.wav").is_file() and (folder / f"{key}.vtt").is_file() for key in manifest["outputs"])


def _last_target(manifest: dict) -> float:
    target = manifest.get("target")
    return float(target) if isinstance(target, (int, float)) else DEFAULT_TARGET


