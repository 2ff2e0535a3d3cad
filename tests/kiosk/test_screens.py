"""Every screen drawn headless at landscape and portrait sizes; captions legible; bad media never crashes."""

from __future__ import annotations

import logging
import os
import wave
from pathlib import Path

import pygame
import pytest

from installation.kiosk.screens import story as story_screen
from installation.show.commands import make
from tests import REPO

# The demo exhibition (Lulu: one scene, Bo Bo: two): commands that lead to each screen, and what it must show
# there — the screen, texts laid out on it, and the commands of buttons on it.
SCREENS = {
    "attract": ([], "attract", ["Behind the Rescue", "Touch the screen to begin"], ["begin"]),
    "chooser": (["begin"], "chooser", ["Choose a story", "Lulu", "Bo Bo"], ["open lulu", "open bo-bo", "help"]),
    "note": (["begin", "open bo-bo"], "note", ["Before you begin", "Bo Bo's story includes:", "police questioning"],
             ["continue", "decline"]),
    "story": (["go bo-bo"], "story", ["A police officer told Bo Bo"], ["home", "toggle_pause", "next", "toggle_captions"]),
    "story-zh-200": (["go bo-bo", "language zh-Hant", "text_size 2"], "story", ["一名警察對Bo Bo說"], ["home", "next"]),
    "story-contrast": (["go bo-bo", "contrast 1", "pause"], "story", ["A police officer told Bo Bo"], ["toggle_pause"]),
    "end": (["go bo-bo", "next", "next"], "end", ["Bo Bo — What happened next", "Support and information"],
            ["continue"]),
    "end-early": (["go bo-bo", "home"], "end", ["You left Bo Bo's story", "Support and information"], ["continue"]),
    "help": (["begin", "help"], "chooser", ["H shows or hides this help."], ["help False"]),
    "idle-warning": (["begin", "extend"], "chooser", ["Are you still there?"], ["extend"]),
}


def shots_dir(tmp_path: Path) -> Path:
    # set SCREENSHOT_DIR to keep the pictures for looking at them
    return Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)


@pytest.mark.usefixtures("decode_once")  # the same two scenes' pictures after every screen
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_every_screen_shows_what_it_is_for(make_app, size, tmp_path):
    from installation.content.load import load_library
    from installation.kiosk.driver import Driver

    demo, _ = load_library(REPO / "config" / "demo.yaml")
    app = make_app(size, demo)
    driver = Driver(app)
    out = shots_dir(tmp_path)
    for name, (commands, screen, texts, buttons) in SCREENS.items():
        driver.command("stop")
        for command in commands:
            driver.command(*command.split())
        driver.advance(2.0 if name != "idle-warning" else demo.exhibition.idle.timeout + 1)
        look = driver.look()
        assert look.screen == screen, name
        assert [text for text in texts if not look.shows(text)] == [], f"{name}: shows {look.texts}"
        assert [b for b in buttons if b not in look.commands] == [], f"{name}: buttons {look.commands}"
        picture = pygame.image.load(str(driver.screenshot(out / f"{name}-{size[0]}x{size[1]}.png")))
        assert picture.get_size() == size
        colours = {picture.get_at((x, y))[:3] for x in range(0, size[0], 7) for y in range(0, size[1], 11)}
        assert len(colours) > 16, f"{name} looks blank"


def luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("contrast_mode", [False, True])
def test_captions_keep_seven_to_one_over_a_white_picture(make_app, tiny_config, contrast_mode):
    from installation.content.load import load_library

    white = '<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080" viewBox="0 0 1920 1080"><rect width="1920" height="1080" fill="#ffffff"/></svg>'
    (tiny_config.parents[1] / "media/images/alpha/s1.svg").write_text(white)
    library, _ = load_library(tiny_config)
    app = make_app((1920, 1080), library)
    app.dispatch(make("go", "alpha"))
    if contrast_mode:
        app.dispatch(make("contrast", 1))
    app.images.wait_all()
    app.draw()
    view = app.view()
    cue = story_screen.current_cue(view)
    assert cue is not None
    surface = app.surface
    # the caption box sits above the control bar, centred; its darkest and brightest pixels are box and text
    top = story_screen.bar_top(view) - view.metrics.px(28) - view.metrics.px(70)
    row = [surface.get_at((x, y))[:3] for y in range(top, story_screen.bar_top(view) - view.metrics.px(30))
           for x in range(700, 1220, 2)]
    box = min(row, key=luminance)
    text = max(row, key=luminance)
    assert contrast(text, box) >= 7.0


def test_missing_and_corrupt_media_never_crash_and_are_logged_once(tiny_config, make_app, caplog, tmp_path):
    from installation.content.load import load_library

    root = tiny_config.parents[1]
    (root / "media/images/alpha/s1.svg").unlink()
    (root / "media/images/alpha/s2.svg").write_bytes(b"\x00\x01 not an svg")
    narration = root / "media/narration/alpha"
    narration.mkdir(parents=True)
    (narration / "s1.en.wav").write_bytes(b"RIFF\x00\x00junk")  # undecodable: plays silently
    with wave.open(str(narration / "s2.en.wav"), "wb") as w:  # valid header, audio of 3 s
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(8000), w.writeframes(b"\x00\x00" * 24000)
    library, problems = load_library(tiny_config)
    assert library.timing("alpha", 0, "en").narration is None
    assert library.timing("alpha", 1, "en").length == pytest.approx(3.0)
    from installation.kiosk.driver import Driver

    app = make_app((1280, 720), library)
    driver = Driver(app)
    caplog.set_level(logging.WARNING)
    for _ in range(2):
        app.dispatch(make("go", "alpha"))
        driver.advance(2)
        app.images.wait_all()
        driver.advance(9)  # into scene 2
        app.images.wait_all()
        driver.advance(1)
    assert app.running and app.show.state.story == "alpha"
    messages = [r.getMessage() for r in caplog.records]
    assert sum("alpha/s1.svg" in m for m in messages) == 1, messages
    assert sum("alpha/s2.svg" in m for m in messages) == 1, messages
    picture = app.screenshot(tmp_path / "placeholder.png")
    assert pygame.image.load(str(picture)).get_at((640, 300))[:3] != (0, 0, 0)


@pytest.mark.parametrize("toggle", ["toggle_captions", "toggle_description", "toggle_contrast", "toggle_pause"])
def test_each_toggle_button_shows_its_new_state_at_once(app, driver, toggle):
    app.dispatch(make("go", "alpha"))
    driver.advance(0.5)
    button = next(b for b in app.buttons(app.view()) if b.command == toggle)
    spot = (button.rect.x + 3, button.rect.y + button.rect.h // 2)  # inside the button, clear of its label

    def colour():
        app.draw()
        return tuple(app.surface.get_at(spot))[:3]

    before = colour()
    app.dispatch(make(toggle))
    driver.advance(0.1)
    assert colour() != before, f"{toggle}: the button did not change"


def test_audio_description_is_captioned_in_a_framed_box(make_app, described_alpha):
    from installation.kiosk.screens import story
    from installation.kiosk.driver import Driver

    app = make_app((1280, 720))
    driver = Driver(app)
    app.dispatch(make("go", "alpha"))
    driver.advance(1.0)
    accent = app.view().palette.accent

    def accent_pixels():
        app.draw()
        top = story.bar_top(app.view()) - 200
        return sum(tuple(app.surface.get_at((x, y)))[:3] == tuple(accent)
                   for x in range(0, 1280, 2) for y in range(top, top + 200, 2))

    plain = accent_pixels()
    app.dispatch(make("description", 1, source="key"))
    driver.advance(1.0)
    assert story.current_cue(app.view()).text == "A door at night."
    assert accent_pixels() > plain + 50
    driver.advance(3.0)  # the story's own captions: no frame
    assert story.current_cue(app.view()).text == "Scene 1, first caption."
    assert accent_pixels() <= plain + 5


def test_the_language_button_finds_the_bars_in_its_language_already_made(app, driver, monkeypatch):
    """A story's bars are made on the content note, and those in the next language on a later turn: neither the
    story's first frame nor a tap on the language button makes any."""
    from installation.kiosk.strings import t

    made: list[str] = []
    make_chrome = story_screen.make_chrome
    monkeypatch.setattr(story_screen, "make_chrome", lambda view: made.append(view.language) or make_chrome(view))
    driver.tap("begin")
    driver.tap("open", "alpha")
    assert made == ["en"]  # on the note
    driver.tap("continue")
    driver.advance(0.5)
    assert made == ["en", "zh-Hant"]  # while the story plays
    driver.tap("cycle_language")
    driver.advance(0.5)
    assert driver.look().shows(t("scene_of", "zh-Hant", k=1, n=2))
    assert story_screen._chrome_key(app.view()) in app.memo["chrome"]  # the bars on screen: those made ahead
    assert made == ["en", "zh-Hant"]
