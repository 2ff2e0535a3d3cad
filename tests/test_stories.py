"""Every shipped story plays end to end, headless, in both languages, with illustration, narration and captions."""

from __future__ import annotations

import pytest

from installation.content.load import load_library
from installation.show.commands import make
from tests import REPO

LANGUAGES = ("en", "zh-Hant")


@pytest.fixture(scope="module")
def library():
    lib, problems = load_library(REPO / "config" / "viminal-space.yaml")
    assert not [p for p in problems if p.level == "error"], problems
    return lib


def test_every_worker_and_the_about_sequence_are_in_the_shows(library):
    names = {story.name["en"] for story in library.stories.values()}
    assert names == {"About this exhibition", "Sun", "Blue", "Mi", "Fanny", "Ashley", "Cookie", "Niki & Lucy",
                     "Chen Chen", "Lulu", "Shan Yin", "Dorothy", "Stone", "Little Fish", "Bo Bo", "Angel", "Sue"}
    for story in library.stories.values():
        count = len(story.scenes)
        assert (5 <= count <= 12) if story.kind == "story" else (1 <= count <= 3) if story.kind == "voice" else count >= 5
        for language in LANGUAGES:
            assert story.content_notes[language] and story.epilogue[language] and story.name[language]
            assert story.place[language]


def test_every_scene_has_narration_and_timed_captions(library):
    manifest = REPO / "media" / "narration" / "manifest.json"
    assert manifest.exists(), "narration is not built: run `installation media build` (test.sh does)"
    for story in library.stories.values():
        for index, scene in enumerate(story.scenes):
            assert (REPO / "media" / scene.illustration).exists()
            for language in LANGUAGES:
                timing = library.timing(story.id, index, language)
                assert timing.narration is not None, (story.id, scene.id, language)
                texts = [c if isinstance(c, str) else c.text for c in scene.captions[language]]
                assert [cue.text for cue in timing.cues] == texts
                ends = [0.0] + [cue.end for cue in timing.cues]
                for cue, previous_end in zip(timing.cues, ends):
                    assert previous_end <= cue.start < cue.end <= timing.length + 0.01


@pytest.mark.usefixtures("decode_once")  # each scene's picture decoded once for both languages
def test_every_story_plays_to_its_end_card_in_both_languages(library):
    from installation.kiosk.app import App, Options
    from installation.kiosk.screens import story as story_screen

    app = App(library, Options(size=(960, 540), headless=True, simulated=True, audio=False))
    played: list[tuple] = []
    app.effect_listeners.append(lambda e: played.append(e.data) if e.kind == "narration.play" else None)
    try:
        for language in LANGUAGES:
            app.dispatch(make("language", language))
            for story_id, story in library.stories.items():
                played.clear()
                captions_seen: set[int] = set()
                app.dispatch(make("go", story_id))
                while app.show.state.screen == "story":
                    app.clock.advance(0.5)
                    app.step()
                    if story_screen.current_cue(app.view()) is not None:
                        captions_seen.add(app.show.state.scene)
                state = app.show.snapshot()
                assert (state["screen"], state["story"], state["early_exit"]) == ("end", story_id, False)
                assert [p["scene"] for p in played] == list(range(len(story.scenes))), (story_id, language)
                assert all(p["language"] == language for p in played)
                assert captions_seen == set(range(len(story.scenes))), (story_id, language)
        assert not app.images.failed, app.images.failed
    finally:
        app.close()
