"""Touch, mouse and keys drive the real app headless, through the same commands."""

from __future__ import annotations


import pygame
import pytest

from installation.kiosk.layout import MIN_TARGET
from tests import REPO
def test_whole_flow_works_from_the_keypad(app, driver):
    driver.press("return")
    assert app.show.state.screen == "chooser"
    driver.press("right", "return")
    assert (app.show.state.screen, app.show.state.story) == ("note", "beta")
    driver.press("return")
    assert app.show.state.screen == "story"
    driver.press("return")  # Enter pauses
    assert app.show.snapshot()["paused"] is True
    driver.press("right")
    assert app.show.state.scene == 1
    driver.press("left")
    assert app.show.state.scene == 0
    driver.press("+", "+")
    assert app.show.snapshot()["volume"] == pytest.approx(1.0)
    driver.press("-")
    assert app.show.snapshot()["volume"] == pytest.approx(0.9)
    driver.press("h")
    assert app.show.state.help
    driver.press("h")
    assert not app.show.state.help
    driver.press("home")
    assert app.show.state.screen == "end" and app.show.state.early_exit
    driver.press("return")
    assert app.show.state.screen == "chooser"
    driver.press("backspace")
    assert app.show.state.screen == "attract"


def test_note_keys_choose_between_continue_and_another(app, driver):
    driver.press("return", "return", "down", "return")
    assert app.show.state.screen == "chooser"


def test_taps_hit_the_buttons_on_screen(app, driver):
    driver.tap_at(960, 540)
    assert app.show.state.screen == "chooser"
    driver.tap("open", "alpha")
    assert app.show.state.screen == "note"
    driver.tap("continue")
    assert app.show.state.screen == "story"
    driver.tap("home")
    assert app.show.state.screen == "end" and app.show.state.early_exit


def test_finger_swipes_move_between_scenes(app, driver):
    from installation.show.commands import make

    app.dispatch(make("go", "alpha"))

    def finger(kind, x, y):
        pygame.event.post(pygame.event.Event(kind, x=x, y=y, dx=0, dy=0, finger_id=1, touch_id=1, pressure=1))
    finger(pygame.FINGERDOWN, 0.8, 0.5)
    finger(pygame.FINGERUP, 0.3, 0.5)
    driver.advance(0.1)
    assert app.show.state.scene == 1
    finger(pygame.FINGERDOWN, 0.3, 0.5)
    finger(pygame.FINGERUP, 0.8, 0.52)
    driver.advance(0.1)
    assert app.show.state.scene == 0


def test_mouse_events_synthesised_from_touch_are_ignored(app, driver):
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(960, 540), button=1, touch=True))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(960, 540), button=1, touch=True))
    driver.advance(0.1)
    assert app.show.state.screen == "attract"


def test_tap_during_idle_warning_only_extends(app, driver):
    driver.press("return")
    driver.advance(61)
    assert app.show.state.warning_since is not None
    driver.tap_at(960, 700)
    assert app.show.state.warning_since is None and app.show.state.screen == "chooser"


@pytest.mark.usefixtures("decode_once")  # every size's thumbnails and artwork, decoded once for the module
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 720), (3840, 2160)])
@pytest.mark.parametrize("exhibition", ["tiny", "viminal-space"])
def test_touch_targets_are_big_enough_and_do_not_overlap(make_app, library, size, exhibition):
    from installation.content.load import load_library
    from installation.show.commands import make

    if exhibition != "tiny":
        library = load_library(REPO / "config" / f"{exhibition}.yaml")[0]
    app = make_app(size, library)
    minimum = MIN_TARGET * min(size) / 1080
    first = next(iter(app.library.stories))
    for commands in ([], ["begin"], ["begin", "scroll_to 1"], [f"open {first}"], [f"go {first}"], [f"go {first}", "home"]):
        for command in commands:
            name, *args = command.split()
            app.dispatch(make(name, *args))
        buttons = [b for b in app.buttons(app.view()) if b.command not in ("begin",)]
        for b in buttons:
            assert b.rect.w >= minimum and b.rect.h >= minimum, (commands, b)
            assert 0 <= b.rect.x and b.rect.right <= size[0] and 0 <= b.rect.y and b.rect.bottom <= size[1], (size, b)
        for i, a in enumerate(buttons):
            for b in buttons[i + 1:]:
                overlap = not (a.rect.right <= b.rect.x or b.rect.right <= a.rect.x or
                               a.rect.bottom <= b.rect.y or b.rect.bottom <= a.rect.y)
                assert not overlap, (size, commands, a.command, b.command)
        app.dispatch(make("stop"))


def test_escape_and_window_close_do_nothing_in_kiosk_mode(app, driver):
    app.kiosk_mode = True
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    driver.press("escape")
    assert app.running
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT,
                                         unicode="", scancode=0))
    driver.advance(0.1)
    assert not app.running


@pytest.mark.usefixtures("decode_once")  # the thumbnails and artwork the touch-target check decoded at these sizes
@pytest.mark.parametrize("size, cards", [((1920, 1080), 8), ((1080, 1920), 6), ((3840, 2160), 8), ((1280, 800), 6)])
def test_chooser_shows_enough_cards_at_once(make_app, size, cards):
    from installation.content.load import load_library
    from installation.show.commands import make

    library = load_library(REPO / "config" / "viminal-space.yaml")[0]
    app = make_app(size, library)
    app.dispatch(make("begin"))
    shown = [b for b in app.buttons(app.view()) if b.command == "open"]
    assert len(shown) >= cards
    assert any(b.command == "scroll_to" for b in app.buttons(app.view()))  # the rest is one touch away


def test_sigterm_ends_the_loop_even_in_kiosk_mode(app, driver):
    import os
    import signal

    app.kiosk_mode = True  # window-close is ignored here, but a service manager's SIGTERM is not
    previous = signal.getsignal(signal.SIGTERM)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        driver.advance(0.1)
        assert not app.running
    finally:
        signal.signal(signal.SIGTERM, previous)
