"""Hostile live edits (issue 10): written while the kiosk plays, an alias bomb, a 50 MB story or a path in the playlist
is refused in bounded memory, the show goes on, and later valid edits are still picked up. And, traced with strace, a
whole `check` and a `play` of a project full of links out of it never open anything outside the project."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from installation.show.commands import make

from .test_reload import edit, in_story

BOMB = "".join(["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"] +
               [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)])


def test_an_alias_bomb_written_while_playing_is_refused_and_later_edits_still_load(kiosk, project):
    app, ops = kiosk("--no-watch")
    runner = in_story(app)
    root = project.parents[1]
    story = root / "stories" / "beta.yaml"
    good = story.read_text(encoding="utf-8")
    story.write_text(good + BOMB, encoding="utf-8")
    old = app.library
    tracemalloc.start()
    outcome = ops.reloader.load()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    assert not outcome.accepted
    assert [(p.path, p.message) for p in outcome.problems if p.level == "error"] == [
        ("stories/beta.yaml", "YAML too large: the file holds more than 20,000 values once its aliases (*name) are "
                              "expanded")]
    assert peak < 40, f"{peak:.0f} MiB to refuse it"
    runner.advance(1.0)
    assert app.library is old and app.show.state.screen == "story"
    story.write_text(good.replace("A short test account", "Mended"), encoding="utf-8")  # the curator fixes it
    assert ops.reloader.load().accepted
    runner.advance(10.0)
    assert app.library.stories["beta"].summary["en"] == "Mended"


def test_a_50_mb_story_written_while_playing_is_refused_unread(kiosk, project):
    app, ops = kiosk("--no-watch")
    in_story(app)
    story = project.parents[1] / "stories" / "gamma.yaml"
    with open(story, "a", encoding="utf-8") as handle:
        handle.write(("# " + "x" * 1000 + "\n") * 50_000)
    tracemalloc.start()
    outcome = ops.reloader.load()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    assert not outcome.accepted and peak < 10
    assert [(p.path, p.line) for p in outcome.problems if p.level == "error"] == [("stories/gamma.yaml", 1)]


def test_a_path_in_the_playlist_of_a_live_edit_is_refused_and_home_still_works(kiosk, project, tmp_path):
    app, ops = kiosk("--no-watch")
    root = project.parents[1]
    outside = tmp_path / "evil.yaml"
    shutil.copy(root / "stories" / "beta.yaml", outside)
    relative = os.path.relpath(outside.with_suffix(""), root / "stories")
    edit(project, "playlist: [alpha, beta, gamma]", f'playlist: [alpha, "./beta", "{relative}"]')
    outcome = ops.reloader.load()
    assert not outcome.accepted
    assert {p.message for p in outcome.problems if p.level == "error"} == {
        "playlist: './beta' is not a story id", f"playlist: {relative!r} is not a story id"}
    app.dispatch(make("home"))
    app.step()
    app.dispatch(make("begin"))
    app.step()
    assert app.show.state.screen == "chooser" and list(app.library.stories) == ["alpha", "beta", "gamma"]


def test_play_at_startup_leaves_path_ids_out_and_draws_the_chooser(kiosk, project, tmp_path):
    edit(project, "playlist: [alpha, beta, gamma]", 'playlist: [alpha, "./beta", gamma]')
    app, ops = kiosk("--no-watch", broken_ok=True)
    assert list(app.library.stories) == ["alpha", "gamma"]
    app.dispatch(make("begin"))
    app.step()
    assert app.show.state.screen == "chooser"


# ------------------------------------------------------------------------------------------------- traced opens


def opened(trace: Path) -> list[str]:
    """Every path the traced processes tried to open (strace -e trace=open,openat,openat2)."""
    found = []
    for line in trace.read_text(errors="replace").splitlines():
        match = re.search(r'open(?:at2?)?\((?:AT_FDCWD|\d+<[^>]*>|\d+), "((?:[^"\\]|\\.)*)"', line) or \
            re.search(r'open\("((?:[^"\\]|\\.)*)"', line)
        if match:
            found.append(match.group(1))
    return found


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is installed by test.sh")
def test_nothing_outside_the_project_is_opened_by_check_or_play(project, tmp_path):
    root = project.parents[1]
    outside = tmp_path / "outside"
    outside.mkdir()
    for name in ("secret.svg", "secret.wav", "secret.vtt", "secret.yaml", "secret.png"):
        (outside / name).write_bytes((root / "media/images/alpha/one.svg").read_bytes())
    links = {
        "media/images/alpha/one.svg": outside / "secret.svg",  # an illustration
        "media/narration/alpha/one.en.wav": outside / "secret.wav",  # narration and its cues
        "media/narration/beta/one.en.vtt": outside / "secret.vtt",
        "stories/gamma.yaml": outside / "secret.yaml",  # a story
        "stories/stray.yaml": outside / "secret.yaml",  # not in the playlist, but `check` reads every story
        "media/recordings/alpha/one.en.wav": outside / "secret.wav",  # a curator's recording
    }
    for relative, target in links.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        path.symlink_to(target)
    shutil.move(str(root / "media/images/beta"), str(outside / "beta"))
    (root / "media/images/beta").symlink_to(outside / "beta")  # a folder
    (root / "media/images/beta").parent.joinpath("gamma-link").symlink_to(outside)
    script = tmp_path / "steps.yaml"
    script.write_text("- wait: 1\n- command: begin\n- wait: 1\n- command: go alpha\n- wait: 12\n"
                      "- command: go beta\n- wait: 12\n- command: home\n- wait: 2\n", encoding="utf-8")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", XDG_STATE_HOME=str(tmp_path / "state"))
    for name, argv in (("check", ["check", "--config", str(project)]),
                       ("play", ["play", "--headless", "--config", str(project), "--script", str(script),
                                 "--no-stats"])):
        trace = tmp_path / f"{name}.trace"
        done = subprocess.run(["strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", str(trace),
                               sys.executable, "-m", "installation", *argv],
                              cwd=root, env=env, capture_output=True, text=True, timeout=600)
        assert "Traceback" not in done.stdout + done.stderr, done.stderr[-3000:]
        paths = opened(trace)
        assert any(p.endswith("stories/alpha.yaml") for p in paths), "the trace saw the project's own files"
        leaked = sorted({p for p in paths
                         if Path(p if p.startswith("/") else root / p).resolve().is_relative_to(outside)})
        assert leaked == [], f"{name} opened files outside the project through links: {leaked}"
