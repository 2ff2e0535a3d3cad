"""The kiosk as a gallery runs it: real clock, the image and Ken Burns workers on, the mixer on (SDL's dummy audio
driver). The driver waits on the app's own idle signal; nothing here measures or assumes how long anything takes."""

from __future__ import annotations

import pygame
import pytest

from installation.content.load import load_library
from installation.kiosk.app import App, Options
from installation.kiosk.driver import Driver
from tests import REPO


@pytest.fixture
def kiosk():
    demo, problems = load_library(REPO / "config" / "demo.yaml")
    assert demo is not None, problems
    app = App(demo, Options(size=(960, 540), headless=True, audio=True))
    yield app
    app.close()


def test_a_visit_with_workers_and_sound_on(kiosk, tmp_path):
    app, driver = kiosk, Driver(kiosk)
    assert app.images.worker is not None and app.motion.thread is not None  # the threaded path
    assert app.narration.enabled and pygame.mixer.get_init()  # the mixer is on
    driver.wait_until_idle()
    assert driver.look().shows("Touch the screen to begin")
    assert "attract" in app.memo  # the attract artwork, decoded by the worker and shaded once, drifts

    driver.tap("begin")
    driver.tap("open", "bo-bo")
    assert driver.look().shows("Bo Bo's story includes:")
    driver.tap("continue")
    look = driver.look()
    assert look.screen == "story" and look.shows("A police officer told Bo Bo")
    scene = app.motion.layers[("bo-bo", 0)]
    assert scene.front is not None and scene.front.get_size() == (960, 540)  # its first Ken Burns frame
    assert app.narration.playing is not None and pygame.mixer.music.get_busy()  # the narration plays

    picture = pygame.image.load(str(driver.screenshot(tmp_path / "story.png")))
    colours = {picture.get_at((x, y))[:3] for x in range(0, 960, 9) for y in range(0, 540, 9)}
    assert len(colours) > 64  # the illustration, not the placeholder panel

    driver.press("right")  # the next scene: a crossfade on the real clock, then its own frame
    assert app.show.state.scene == 1
    driver.wait_until_idle()
    assert app.motion.layers[("bo-bo", 1)].front is not None

    driver.tap("home")
    assert driver.look().shows("You left Bo Bo's story")
    assert app.narration.playing is None  # the narration stopped with the story
    driver.tap("continue")
    assert driver.look().screen == "chooser"


def test_a_scene_started_again_never_shows_black_while_its_frame_is_redrawn(kiosk):
    """Replay, a language switch and resuming after a pause start the scene's pan again: the Ken Burns worker draws
    its new frame meanwhile, and the frame already drawn stays on screen until then."""
    app, driver = kiosk, Driver(kiosk)
    colours: list[int] = []

    def count(surface, view):
        if view.state.screen == "story":
            middle = [surface.get_at((x, y))[:3] for x in range(240, 720, 12) for y in range(160, 380, 12)]
            colours.append(len(set(middle)))

    app.draw_hooks.append(count)
    driver.tap("begin")
    driver.tap("open", "bo-bo")
    driver.tap("continue")
    driver.wait_until_idle()
    for taps in (["replay"], ["cycle_language"], ["toggle_pause", "toggle_pause"]):
        for command in taps:
            driver.tap(command)
        driver.wait_until_idle()
    assert len(colours) > 4 and min(colours) > 16, colours  # the illustration in every frame, never a black fill


def test_the_workers_stop_when_the_kiosk_closes(kiosk):
    Driver(kiosk).wait_until_idle()
    kiosk.close()
    kiosk.images.worker.join(timeout=30)
    kiosk.motion.thread.join(timeout=30)
    assert not kiosk.images.worker.is_alive() and not kiosk.motion.thread.is_alive()
