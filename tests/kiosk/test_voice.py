"""Spoken guidance (key V): a blind visitor hears each screen, the focused card and button, and the resources."""

from __future__ import annotations

import time

import pygame

from installation.authoring.speech import engine
from installation.kiosk.voice import Voice
from installation.show.commands import make



def test_spoken_guidance_reads_what_is_on_screen_from_the_keypad(app, driver):
    said = app.voice.said
    driver.press("v")
    assert app.show.state.screen == "attract" and app.show.snapshot()["voice"] is True
    assert said[-1] == "Tiny show. Press Enter to begin. Press H for help."
    driver.press("return")
    assert said[-1] == ("Choose a story. 2 stories. The arrow keys move between them; Enter opens one. "
                        "Alpha. Toronto, Ontario. 1 minute.")
    driver.press("right")
    assert said[-1] == "Beta. Toronto, Ontario. 1 minute."  # moving the focus says only the card
    driver.press("return")
    assert said[-1].startswith("Before you begin. Beta. Toronto, Ontario. 1 minute. Beta's story includes: "
                               "immigration detention. Press Enter to continue")
    assert said[-1].endswith("Selected: Continue")
    driver.press("right")
    assert said[-1] == "Choose another story"
    driver.press("l")  # the language changes: the whole note again, in Chinese
    assert said[-1].startswith("開始之前。Beta。安大略省多倫多。1 分鐘。") and said[-1].endswith("選擇其他故事")
    driver.press("left")
    assert said[-1] == "繼續"
    count = len(said)
    driver.press("return")
    assert app.show.state.screen == "story" and len(said) == count  # nothing over the narration
    driver.press("space")
    assert said[-1] == "已暫停"
    driver.press("home")
    assert said[-1].startswith("你已離開Beta的故事。她被遣返。支援。蝴蝶：butterflysw.org。按 Enter 選擇其他故事。")
    driver.press("v")
    count = len(said)
    driver.press("return", "right")
    assert app.show.snapshot()["voice"] is False and len(said) == count


def test_help_and_the_idle_warning_are_spoken(app, driver):
    driver.press("return", "v", "h")
    assert app.voice.said[-1].startswith("How to use this kiosk. Touch a story to open it.")
    driver.press("h")
    driver.advance(app.library.exhibition.idle.timeout + 1)
    assert app.voice.said[-1] == ("Are you still there? Touch anywhere to keep going. "
                                  "The kiosk returns to the start in 20 seconds.")


def test_the_next_visitor_starts_without_it(app, driver):
    driver.press("v", "return")
    app.dispatch(make("stop"))
    assert app.show.snapshot()["voice"] is False


def test_speech_is_synthesised_for_the_mixer(tmp_path):
    pygame.mixer.init(frequency=44100, size=-16, channels=2, buffer=1024)
    try:
        sound = Voice(audio=False, speech=engine)._synthesise("Choose a story.", "en")
        assert 0.5 < sound.get_length() < 5.0
        samples = pygame.sndarray.array(sound)
        assert samples.shape[1] == 2 and abs(samples).max() > 1000  # stereo, and not silence
        voice = Voice(audio=True, speech=engine)
        voice.say("Sun. Canada. 4 minutes.", "en")
        assert voice.said == ["Sun. Canada. 4 minutes."]
        assert voice.playing.wait(60)
        assert voice.channel.get_busy()  # spoken on its own channel
        voice.close()
        assert not voice.channel.get_busy()
        voice.thread.join(timeout=10)
        assert not voice.thread.is_alive()
    finally:
        pygame.mixer.quit()
