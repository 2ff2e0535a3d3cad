"""What a visitor sees, frame by frame, on the threaded path (image and Ken Burns workers on): the story's first
picture with its first frame, still screens left alone, narration streamed. Frames are counted, never timed."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from installation.show.commands import make


@pytest.fixture
def threaded_app(library):
    from installation.kiosk.app import App, Options

    apps = []

    def build(audio: bool = False, lib=None):
        app = App(lib or library, Options(size=(640, 360), headless=True, simulated=True, threads=True, audio=audio))
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.close()


@pytest.fixture
def presented(monkeypatch):
    """How many frames were handed to the display (whole or in part)."""
    count = {"frames": 0}
    for name in ("flip", "update"):
        def counting(*args, _present=getattr(pygame.display, name), **kwargs):
            count["frames"] += 1
            return _present(*args, **kwargs)

        monkeypatch.setattr(pygame.display, name, counting)
    return count


def settled(app):
    """The kiosk's own idle signal (kiosk.driver): every image decoded, every moving picture's frame drawn."""
    from installation.kiosk.driver import Driver

    driver = Driver(app)
    driver.wait_until_idle()
    return driver


def test_the_first_frame_after_continue_is_the_illustration(threaded_app, presented):
    app = threaded_app()
    app.dispatch(make("begin"))
    app.dispatch(make("open", "alpha"))
    driver = settled(app)  # while the note is read
    assert ("alpha", 0) in app.motion.primed
    before = presented["frames"]
    driver.tap("continue")  # and one turn of the loop
    assert app.show.state.screen == "story" and presented["frames"] == before + 1
    first = app.motion.layers[("alpha", 0)].front
    for spot in [(320, 180), (200, 150), (440, 200)]:  # the illustration's circle, clear of bars and captions
        shown = tuple(app.surface.get_at(spot))[:3]
        assert shown == tuple(first.get_at(spot))[:3] and shown != (0, 0, 0), spot
    assert not app.images.failed  # the scene's own picture, not a placeholder


@pytest.mark.parametrize("commands", [["begin"], ["begin", "open alpha"], ["go alpha", "pause"], ["go alpha", "home"]],
                         ids=["chooser", "note", "paused", "end"])
def test_a_still_screen_is_not_redrawn(threaded_app, presented, commands):
    app = threaded_app()
    for command in commands:
        verb, *args = command.split()
        app.dispatch(make(verb, *args))
    settled(app)
    app.clock.advance(0.1)
    app.step()  # the settled picture
    before = presented["frames"]
    for _ in range(50):  # five seconds of the loop with nothing happening
        app.clock.advance(0.1)
        app.step()
    assert presented["frames"] == before
    assert not app.moving()  # so the loop sleeps between turns


def test_attract_redraws_only_the_pulse_between_moves_of_the_artwork(threaded_app, presented, monkeypatch):
    from installation.content.load import load_library

    demo, _ = load_library(Path(__file__).resolve().parents[2] / "config" / "demo.yaml")  # it has attract artwork
    app = threaded_app(lib=demo)
    whole = []
    monkeypatch.setattr(app, "render", lambda view, _render=app.render: whole.append(1) or _render(view))
    settled(app)
    assert "attract" in app.memo  # the artwork, shaded once
    app.step()
    before, drawn = presented["frames"], len(whole)
    for _ in range(30):  # one second: the pulse changes every frame, the artwork moves a few pixels
        app.clock.advance(1 / 30)
        app.step()
    assert presented["frames"] - before >= 25
    assert len(whole) - drawn < 15


def test_a_fader_redraws_the_volume_button_alone_and_nothing_where_no_volume_is_shown(threaded_app, presented,
                                                                                   monkeypatch):
    """A technician's fader sends dozens of volume changes a second: on the story only its button is redrawn, and
    where no volume is shown (the support screen after a story) nothing is."""
    app = threaded_app()
    whole = []
    monkeypatch.setattr(app, "render", lambda view, _render=app.render: whole.append(1) or _render(view))
    app.dispatch(make("go", "alpha"))
    app.dispatch(make("pause"))  # the picture holds still: only the fader changes it
    driver = settled(app)
    for _ in range(2):
        app.clock.advance(0.1)
        app.step()  # the settled picture
    before, drawn = presented["frames"], len(whole)
    for level in (0.3, 0.4, 0.5):
        app.dispatch(make("volume", level))
        app.clock.advance(0.1)
        app.step()
    assert presented["frames"] - before == 3 and len(whole) == drawn  # three frames, each the button alone
    assert driver.look().shows("50%")
    app.dispatch(make("home"))
    settled(app)
    assert app.show.state.screen == "end"
    for _ in range(2):
        app.clock.advance(0.1)
        app.step()
    before = presented["frames"]
    for level in (0.6, 0.7):
        app.dispatch(make("volume", level))
        app.clock.advance(0.1)
        app.step()
    assert presented["frames"] == before and app.show.state.settings.volume == 0.7


def test_narration_is_streamed_not_decoded(threaded_app, library, monkeypatch):
    from tests.builder import write_tone

    for scene in ("s1", "s2"):
        write_tone(library.root / "media" / "narration" / "alpha" / f"{scene}.en.wav", 6.0)
    library.timings.clear()
    decoded = []
    monkeypatch.setattr(pygame.mixer, "Sound", lambda *args, **kwargs: decoded.append(args))
    app = threaded_app(audio=True)
    if not app.narration.enabled:
        pytest.skip("no mixer")
    app.dispatch(make("go", "alpha"))
    assert app.narration.playing == library.timing("alpha", 0, "en").narration
    assert pygame.mixer.music.get_busy()
    app.dispatch(make("next"))
    assert app.narration.playing == library.timing("alpha", 1, "en").narration
    app.dispatch(make("pause"))
    app.dispatch(make("home"))
    assert app.narration.playing is None and decoded == []


def test_a_scene_presented_late_starts_its_narration_by_the_lateness(threaded_app, library, monkeypatch):
    """On an injected clock: a scene boundary reached 0.4 s after it was due, and a synchronised /go whose timetag
    had passed by 0.25 s, start their narration that far in (with the show clock, so with the other screens of a
    group), and `started` reports the seek."""
    from dataclasses import replace

    from tests.builder import write_tone

    for scene in ("s1", "s2"):
        write_tone(library.root / "media" / "narration" / "alpha" / f"{scene}.en.wav", 6.0)
    library.timings.clear()
    starts = []
    monkeypatch.setattr(pygame.mixer.music, "play", lambda *args, _play=pygame.mixer.music.play, **kwargs:
                        starts.append(kwargs.get("start", 0.0)) or _play(*args, **kwargs))
    app = threaded_app(audio=True)
    if not app.narration.enabled:
        pytest.skip("no mixer")
    app.dispatch(make("go", "alpha"))
    app.step()
    assert starts == [0.0] and app.snapshot()["started"]["audio_offset"] == 0.0  # on time: from its beginning
    due = app.show.scene_end()
    app.clock.advance(due - app.clock() + 0.4)  # the loop gets there 0.4 s late
    app.step()
    assert app.show.state.scene == 1 and app.show.state.scene_started == due
    assert starts[-1] == pytest.approx(0.4) and pygame.mixer.music.get_busy()
    assert app.narration.playing == library.timing("alpha", 1, "en").narration
    assert app.snapshot()["started"]["audio_offset"] == pytest.approx(0.4)
    app.dispatch(make("home"))
    go = make("go", "alpha", source="osc")
    app.dispatch(replace(go, meta={"at": app.clock() - 0.25}))  # a timetagged /go handled 0.25 s after its time
    app.step()
    assert starts[-1] == pytest.approx(0.25) and app.snapshot()["started"]["audio_offset"] == pytest.approx(0.25)
