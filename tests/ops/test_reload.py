"""Live reload while a story plays: valid changes wait for a safe point, invalid ones leave the show untouched."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from installation.kiosk.driver import Driver
from installation.show.commands import make


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def caption(app, story: str, scene: int) -> str:
    return app.library.timing(story, scene, "en").cues[0].text


def events_handled(observer, folder: Path, name: str, timeout: float = 60.0) -> bool:
    """Write `folder/name` and wait until the watcher has dispatched its event, so every earlier one in `folder`
    too: events of one watch are dispatched in order."""
    from watchdog.events import FileSystemEventHandler

    seen = threading.Event()
    marker = folder / name

    class Marker(FileSystemEventHandler):
        def on_any_event(self, event):
            if Path(os.fsdecode(event.src_path)).name == name:
                seen.set()

    watch = next(e.watch for e in observer.emitters if Path(e.watch.path).resolve() == folder.resolve())
    observer.add_handler_for_watch(Marker(), watch)
    marker.write_text("the last event")
    return seen.wait(timeout)


def in_story(app, story="alpha", scene=2):
    driver = Driver(app)
    app.dispatch(make("begin"))
    app.dispatch(make("open", story))
    app.dispatch(make("continue"))
    app.dispatch(make("scene", scene))
    driver.advance(0.5)
    assert (app.show.state.screen, app.show.state.story, app.show.state.scene) == ("story", story, scene - 1)
    return driver


def test_a_valid_change_waits_until_the_story_ends(kiosk, project):
    app, ops = kiosk("--no-watch")
    driver = in_story(app)
    root = project.parents[1]
    edit(root / "stories" / "alpha.yaml", "alpha, scene two.", "alpha, scene two (revised).")
    edit(root / "stories" / "beta.yaml", "A short test account", "A revised summary")
    old = app.library
    outcome = ops.reloader.load()
    assert outcome.accepted
    driver.advance(1.0)  # mid-scene: nothing changes under the visitor
    assert app.library is old and caption(app, "alpha", 1) == "alpha, scene two."
    assert app.show.state.screen == "story" and app.show.state.scene == 1
    driver.advance(5.0)  # the rest of scene 2 and scene 3: the story ends, the end card is a safe point
    assert app.show.state.screen == "end" and app.show.state.story == "alpha"
    assert app.library is not old
    assert caption(app, "alpha", 1) == "alpha, scene two (revised)."
    assert app.library.stories["beta"].summary["en"] == "A revised summary"
    assert app.show.library is app.library
    # the visitor's settings and place are kept
    assert app.show.snapshot()["screen"] == "end" and app.show.snapshot()["scenes"] == 3
    app.step()


def test_an_invalid_change_leaves_the_show_untouched_and_says_where(kiosk, project, caplog, tmp_path):
    caplog.set_level(logging.WARNING, logger="installation.ops.reload")
    app, ops = kiosk("--no-watch")  # headless preview: windowed, so the banner shows
    driver = in_story(app)
    root = project.parents[1]
    edit(root / "stories" / "beta.yaml", "kind: story", "kind: story\ncolour: red")
    old = app.library
    outcome = ops.reloader.load()
    assert not outcome.accepted
    messages = [r.getMessage() for r in caplog.records]
    assert "stories/beta.yaml:3: error: unknown key 'colour'" in messages
    driver.advance(1.0)
    # a broken exhibition file is refused too
    edit(root / "config" / "ops.yaml", "idle: {timeout: 60, warning: 20}", "idle: {timeout: 60, warning: 5}")
    assert not ops.reloader.load().accepted
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("config/ops.yaml:8: error: idle.warning: ") for m in messages)
    driver.advance(8.0)  # the story plays on and ends: still the old content
    assert app.show.state.screen == "end"
    assert app.library is old and app.library.exhibition.idle.warning == 20
    # the banner lists path:line: message over the picture
    assert [f"{p.path}:{p.line}" for p in ops.reloader.shown] == ["config/ops.yaml:8"]
    shot = app.screenshot(tmp_path / "banner.png")
    assert shot.exists()
    red, green, blue, *_ = app.surface.get_at((5, 5))
    assert red > 90 and green < 60 and blue < 60
    # fixing the files clears the banner and applies the change at the next safe point
    edit(root / "stories" / "beta.yaml", "kind: story\ncolour: red", "kind: story")
    edit(root / "config" / "ops.yaml", "warning: 5}", "warning: 25}")
    assert ops.reloader.load().accepted
    app.step()
    assert app.library is not old and app.library.exhibition.idle.warning == 25
    assert ops.reloader.shown == []
    app.draw()
    assert app.surface.get_at((5, 5))[:3] != (red, green, blue)


def test_a_file_broken_at_start_up_does_not_block_other_edits(kiosk, project, caplog):
    caplog.set_level(logging.WARNING, logger="installation.ops.reload")
    root = project.parents[1]
    edit(root / "stories" / "beta.yaml", "kind: story", "kind: story\ncolour: red")
    app, ops = kiosk("--no-watch", broken_ok=True)
    assert list(app.library.stories) == ["alpha", "gamma"]  # beta is left out, the rest plays
    edit(root / "stories" / "alpha.yaml", "alpha, scene two.", "alpha, scene two (revised).")
    assert ops.reloader.load().accepted
    app.step()
    assert caption(app, "alpha", 1) == "alpha, scene two (revised)."
    assert any("error(s) the show already had are still there (stories/beta.yaml:3)" in r.getMessage()
               for r in caplog.records)
    # the old error moving down a line is still the old error
    edit(root / "stories" / "beta.yaml", "kind: story", "# a comment\nkind: story")
    assert ops.reloader.load().accepted
    # a new error elsewhere is refused, and the banner shows only the new one
    edit(root / "stories" / "gamma.yaml", "kind: story", "kind: story\nsize: big")
    assert not ops.reloader.load().accepted
    assert [(p.path, p.line) for p in ops.reloader.shown] == [("stories/gamma.yaml", 3)]
    edit(root / "stories" / "gamma.yaml", "kind: story\nsize: big", "kind: story")
    edit(root / "stories" / "beta.yaml", "kind: story\ncolour: red", "kind: story")
    assert ops.reloader.load().accepted and ops.reloader.shown == []
    app.step()
    assert list(app.library.stories) == ["alpha", "beta", "gamma"]


def test_withdrawn_story_disappears_at_the_next_reload(kiosk, project):
    app, ops = kiosk("--no-watch")
    driver = in_story(app, "gamma", 3)
    root = project.parents[1]
    edit(root / "stories" / "gamma.yaml", "kind: story", "kind: story\nwithdrawn: true")
    outcome = ops.reloader.load()
    assert outcome.accepted
    assert any("story 'gamma' is withdrawn" in p.message for p in outcome.problems)
    driver.advance(4.0)  # gamma ends while it is withdrawn: its end card stays, the swap waits for the chooser
    assert app.show.state.screen == "end" and "gamma" in app.library.stories
    app.dispatch(make("focus", 2))
    app.dispatch(make("continue"))
    app.step()
    assert app.show.state.screen == "chooser"
    assert list(app.library.stories) == ["alpha", "beta"] and app.show.playlist == ["alpha", "beta"]
    assert app.show.state.focus <= 1  # kept inside the shorter playlist
    app.dispatch(make("open", "gamma"))
    assert app.show.state.screen == "chooser"  # nothing of it can be opened
    app.dispatch(make("go", "gamma"))
    assert app.show.state.screen == "chooser"


def test_the_reload_command_and_changed_images(kiosk, project):
    app, ops = kiosk("--no-watch")
    root = project.parents[1]
    image = root / "media" / "images" / "alpha" / "one.svg"
    app.images.wait_all()
    thumb_keys = [key for key in app.images.ready if key[0] == image]
    assert thumb_keys, "the chooser card for alpha is preloaded"
    edit(image, 'fill="#d8a25e"', 'fill="#ffffff"')
    replies = []
    app.post(make("reload", source="osc"), lambda outcomes, states: replies.append(outcomes))
    app.step()
    assert replies and ops.reloader.wait_loads(1)
    assert replies[0][0].ok  # the show's verdict on the reload command
    app.step()  # on the attract screen: applied at once
    assert ops.reloader.last.accepted and app.show.state.screen == "attract"
    app.images.wait_all()
    # the card was dropped and decoded again from the new file
    fresh = app.images.ready.get(thumb_keys[0])
    assert fresh is not None and fresh.get_at((fresh.get_width() // 2, fresh.get_height() // 2))[:3] == (255, 255, 255)


def test_the_file_watcher_picks_up_edits(kiosk, project):
    app, ops = kiosk()  # watching config/, stories/ and media/
    assert ops.reloader.observer is not None
    root = project.parents[1]
    edit(root / "stories" / "alpha.yaml", "alpha, scene one.", "alpha, scene one (edited).")
    (root / "stories" / ".alpha.yaml.swp").write_text("editor noise")
    assert ops.reloader.wait_loads(1, timeout=60)
    app.step()  # on the attract screen: applied at once
    assert caption(app, "alpha", 0) == "alpha, scene one (edited)."
    # a burst of events is one reload (debounced), and editor swap files are none: once the watcher has handed on
    # every event up to a last one (in order, on the same watch) and no load is due or running, it was one load
    assert events_handled(ops.reloader.observer, root / "stories", ".last.swp")
    assert ops.reloader.wait_idle(timeout=60)
    assert ops.reloader.loads == 1
