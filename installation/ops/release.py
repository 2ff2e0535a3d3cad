"""Content releases: an id for what a kiosk plays, and the release folders a deploy switches between.

A release is the project's `config/`, `stories/` and `media/`. Its id is a hash of every file's path and content, so
the same content has the same id wherever it is. A deployed kiosk keeps each release in `releases/<id>/` with a
`release.json` manifest (path → SHA-256 of every file), and plays the one the `current` symlink points to. Switching
is one rename of a temporary symlink over `current` (atomic: after a power cut it points at the old release or the
new one, never at something in between), and a release folder only gets its final name once it is complete and
checked. `installation release` gives these steps to the Ansible playbooks in deploy/ (and to a technician).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import logging
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import Callable

from ..content.mediafiles import inside

log = logging.getLogger(__name__)

CONTENT = ("config", "stories", "media")
MANIFEST = "release.json"
RELEASES = "releases"
CURRENT = "current"
INCOMING = ".incoming-"  # releases/.incoming-<id>: a copy in progress (or cut short); never played
ID_PATTERN = re.compile(r"^[0-9a-f]{12}$")
DEFAULT_KEEP = 2  # earlier releases kept beside the current one


class ReleaseError(Exception):
    """A release step that cannot be done; the message says what and where."""


# ---------------------------------------------------------------- ids and manifests
def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def content_files(root: Path, known: dict | None = None) -> dict[str, str]:
    """Every content file under root (config/, stories/, media/; hidden names left out) → its SHA-256. With `known`
    (path → [size, mtime_ns, hash], updated here), a file whose size and time are unchanged is not read again."""
    files: dict[str, str] = {}
    for top in CONTENT:
        for base, dirs, names in os.walk(root / top):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith("."):
                    continue
                path = Path(base) / name
                relative = path.relative_to(root).as_posix()
                if not (path.is_file() and inside(path, root)):  # a link out of the project, a FIFO: never opened
                    files[relative] = "unread:" + (os.readlink(path) if path.is_symlink() else "not a file")
                    continue
                if known is None:
                    files[relative] = file_hash(path)
                    continue
                stat = path.stat()
                entry = known.get(str(path))
                if not (isinstance(entry, list) and entry[:2] == [stat.st_size, stat.st_mtime_ns]):
                    entry = known[str(path)] = [stat.st_size, stat.st_mtime_ns, file_hash(path)]
                files[relative] = entry[2]
    return files


def release_id(files: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(f"{path}\0{files[path]}\n".encode())
    return digest.hexdigest()[:12]


def manifest(root: Path) -> dict:
    files = content_files(root)
    return {"id": release_id(files), "files": files}


def read_manifest(root: Path) -> dict | None:
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not ID_PATTERN.match(str(data.get("id", ""))) or not isinstance(
            data.get("files"), dict):
        return None
    return data


def loaded_release(root: Path) -> str:
    """The id of the content at root: a deployed release's manifest says it; a plain checkout is hashed (files
    unchanged since the last start are not read again: their hashes are kept in the state directory)."""
    data = read_manifest(root)
    if data:
        return data["id"]
    from .paths import state_dir

    cache = state_dir() / "content-hashes.json"
    try:
        known = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    if not isinstance(known, dict):
        known = {}
    release = release_id(content_files(root, known))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(known), encoding="utf-8")
        os.replace(temporary, cache)
    except OSError:
        pass  # only a cache
    return release


def track(app) -> Callable[[object], None]:
    """Keep app.release the id of the content the kiosk loaded (/state `release`, metrics): worked out now and after
    every reload, off the render thread. Returns the function to call with each new library."""

    def measure(root: Path) -> None:
        try:
            app.release = loaded_release(root)
        except OSError as exc:
            log.warning("release id of %s cannot be worked out: %s", root, exc)

    def loaded(library) -> None:
        threading.Thread(target=measure, args=(Path(library.root),), name="release-id", daemon=True).start()

    loaded(app.library)
    return loaded


def verify(root: Path) -> list[str]:
    """Problems with a release folder against its manifest: missing, changed or extra files (empty: complete)."""
    data = read_manifest(root)
    if data is None:
        return [f"{root / MANIFEST}: missing or not a release manifest"]
    found = content_files(root)
    expected: dict[str, str] = data["files"]
    problems = [f"{root / p}: missing" for p in sorted(expected.keys() - found.keys())]
    problems += [f"{root / p}: not in the release" for p in sorted(found.keys() - expected.keys())]
    problems += [f"{root / p}: content differs from the release" for p in sorted(expected.keys() & found.keys())
                 if expected[p] != found[p]]
    if not problems and release_id(found) != data["id"]:
        problems.append(f"{root / MANIFEST}: id {data['id']} does not match the files")
    return problems


# ---------------------------------------------------------------- the release folders of a kiosk
def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def current(base: Path) -> str | None:
    """The id `current` points to, or None when nothing is live yet."""
    try:
        target = os.readlink(base / CURRENT)
    except OSError:
        return None
    name = Path(target).name
    return name if ID_PATTERN.match(name) else None


def releases(base: Path) -> list[str]:
    """Complete releases, most recently switched to first."""
    folder = base / RELEASES
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_dir() and ID_PATTERN.match(p.name)]
    return [p.name for p in sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)]


def switch(base: Path, release: str, verified: bool = False) -> str | None:
    """Point `current` at releases/<release> atomically; returns the id it pointed to before."""
    target = base / RELEASES / release
    if not ID_PATTERN.match(release) or not target.is_dir():
        raise ReleaseError(f"{target}: no such release")
    problems = [] if verified else verify(target)
    if problems:
        raise ReleaseError(f"{target}: incomplete release: {problems[0]}" +
                           (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    before = current(base)
    os.sync()  # the release's files are on disk before anything points at them
    temporary = base / f".{CURRENT}.{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(Path(RELEASES) / release, temporary)
    os.replace(temporary, base / CURRENT)
    now = time.time()
    os.utime(target, (now, now))  # the order of releases() is the order they were switched to
    fsync_dir(base)
    return before


def install(base: Path, incoming: Path) -> str:
    """Give a complete, verified copy (releases/.incoming-…) its final name releases/<id>; returns the id."""
    problems = verify(incoming)
    if problems:
        raise ReleaseError(f"{incoming}: the copy is not complete: {problems[0]}" +
                           (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    release = read_manifest(incoming)["id"]
    final = base / RELEASES / release
    if final.exists():
        shutil.rmtree(incoming)  # the same content is already there, complete
    else:
        os.sync()
        os.rename(incoming, final)
        fsync_dir(final.parent)
    return release


def prune(base: Path, keep: int = DEFAULT_KEEP) -> list[str]:
    """Keep the current release and the `keep` switched to before it; remove older ones and cut-short copies."""
    live = current(base)
    removed = []
    for release in [r for r in releases(base) if r != live][keep:]:
        shutil.rmtree(base / RELEASES / release)
        removed.append(release)
    folder = base / RELEASES
    for leftover in folder.glob(f"{INCOMING}*") if folder.is_dir() else ():
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
        removed.append(leftover.name)
    for link in base.glob(f".{CURRENT}.*"):
        link.unlink(missing_ok=True)
    return removed


def pack(root: Path, out: Path) -> str:
    """A tar of the project's content and its release.json, all under `.incoming-<id>/` (where a kiosk unpacks it
    inside releases/), for the deploy to copy; returns the release id. Not compressed: media is already."""
    import io
    import tarfile

    data = manifest(root)
    top = INCOMING + data["id"]
    out.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(out, "w") as tar:
        for path in sorted(data["files"]):
            tar.add(root / path, arcname=f"{top}/{path}", recursive=False)
        text = (json.dumps(data, indent=1, sort_keys=True) + "\n").encode()
        info = tarfile.TarInfo(f"{top}/{MANIFEST}")
        info.size, info.mtime, info.mode = len(text), int(time.time()), 0o644
        tar.addfile(info, io.BytesIO(text))
    return data["id"]


def prepare(base: Path) -> str | None:
    """Before a copy: releases/ exists and holds no cut-short copy; returns the live release id."""
    (base / RELEASES).mkdir(parents=True, exist_ok=True)
    prune(base, keep=len(releases(base)))
    return current(base)


def previous(base: Path) -> str | None:
    """The release switched to before the current one (what a rollback goes back to)."""
    live = current(base)
    return next((r for r in releases(base) if r != live), None)


def ask_reload(port: int, release: str, wait: float, passcode: str | None = None, host: str = "127.0.0.1") -> dict:
    """Send /reload to the kiosk on this machine, then wait up to `wait` s for its /state to show `release`."""
    from ..control.client import OscClient

    outcome = {"answered": False, "shows": None}
    try:
        with OscClient(host, port, timeout=2.0) as client:
            reply = client.request("/reload", passcode=passcode or None)
            outcome["answered"] = reply is not None
            deadline = time.monotonic() + wait
            while reply is not None:
                state = client.request("/state", timeout=2.0)
                outcome["shows"] = ((state or {}).get("data") or {}).get("release")
                if outcome["shows"] == release or time.monotonic() > deadline:
                    break
                time.sleep(0.5)
    except OSError as exc:
        outcome["error"] = str(exc)
    return outcome


# ---------------------------------------------------------------- `installation release`
def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    ident = sub.add_parser("id", help="print the release id of a project folder's content")
    ident.add_argument("root", type=Path, nargs="?", default=Path("."), help="project folder (default .)")
    packed = sub.add_parser("pack", help="write the content and its manifest as a tar; print the id")
    packed.add_argument("root", type=Path)
    packed.add_argument("output", type=Path)
    check = sub.add_parser("verify", help="is a release folder complete (every file as its manifest says)?")
    check.add_argument("root", type=Path)
    for name, text in (("install", "name a complete copy releases/<id>"), ("switch", "make a release current"),
                       ("rollback", "switch back to the previous release"), ("prune", "remove old releases"),
                       ("list", "the releases on this kiosk, current first marked"),
                       ("prepare", "make room for a copy (remove cut-short ones); print the current release")):
        action = sub.add_parser(name, help=text)
        action.add_argument("--base", type=Path, required=True, help="the kiosk's folder (holds releases/, current)")
        if name == "install":
            action.add_argument("incoming", type=Path, help="the copied folder (releases/.incoming-…)")
            action.add_argument("--switch", action="store_true", help="and make it current")
        if name in ("switch", "rollback"):
            action.add_argument("release", nargs="?", help="release id (rollback: default the previous one)")
        if name == "prune":
            action.add_argument("--keep", type=int, default=DEFAULT_KEEP, help=f"how many (default {DEFAULT_KEEP})")
    reload = sub.add_parser("reload", help="ask the kiosk on this machine to reload; wait until /state shows a release")
    reload.add_argument("release", help="the release id to wait for")
    reload.add_argument("--port", type=int, default=53100, help="the kiosk's OSC port (default 53100)")
    reload.add_argument("--passcode", default=None, help="the OSC edit passcode, if one is set")
    reload.add_argument("--wait", type=float, default=20.0, help="seconds to wait (default 20)")


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "action", None)
    try:
        if action == "id":
            print(loaded_release(args.root))
        elif action == "pack":
            print(pack(args.root, args.output))
        elif action == "verify":
            problems = verify(args.root)
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                return 1
            print(read_manifest(args.root)["id"])
        elif action == "install":
            release = install(args.base, args.incoming)
            before = switch(args.base, release, verified=True) if args.switch else current(args.base)
            print(json.dumps({"before": before, "current": release if args.switch else before, "installed": release}))
        elif action == "prepare":
            print(json.dumps({"current": prepare(args.base)}))
        elif action in ("switch", "rollback"):
            release = args.release or (previous(args.base) if action == "rollback" else None)
            if release is None:
                raise ReleaseError(f"{args.base}: no earlier release to go back to" if action == "rollback"
                                   else "switch: which release?")
            before = switch(args.base, release)
            print(json.dumps({"before": before, "current": release}))
        elif action == "prune":
            for name in prune(args.base, args.keep):
                print(f"removed {name}")
        elif action == "reload":
            print(json.dumps(ask_reload(args.port, args.release, args.wait, args.passcode)))
        elif action == "list":
            live = current(args.base)
            for release in releases(args.base):
                print(f"{'*' if release == live else ' '} {release}")
        else:
            print("usage: installation release {id,pack,verify,prepare,install,switch,rollback,prune,list,reload}",
                  file=sys.stderr)
            return 2
    except (ReleaseError, OSError) as exc:
        print(f"release: {exc}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m installation.ops.release …`: the same as `installation release …`, without loading the rest."""
    parser = argparse.ArgumentParser(prog="installation release", description=__doc__.split("\n")[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
