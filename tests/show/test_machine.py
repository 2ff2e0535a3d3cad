"""The pure show, driven by commands and a fake clock (no pygame)."""

from __future__ import annotations

import pytest

from installation.show.commands import CommandError, make
from installation.show.machine import Show

# In the tiny project each scene's English narration is 8 s, Chinese 10 s; hold is 1 s; idle 60 s + 20 s.


@pytest.fixture
def show(library, clock):
    return Show(library, clock)


def run(show, *names, source="touch"):
    effects = []
    for name in names:
        parts = name.split()
        effects += show.dispatch(make(parts[0], *parts[1:], source=source)).effects
    return effects


def kinds(effects):
    return [e.kind for e in effects]


def tick(show, clock, seconds, step=0.5):
    effects = []
    while seconds > 1e-9:
        clock.advance(min(step, seconds))
        seconds -= step
        effects += show.update()
    return effects


def test_visitor_path_attract_to_end(show, clock):
    assert show.state.screen == "attract"
    run(show, "begin")
    assert show.state.screen == "chooser"
    run(show, "open alpha")
    assert show.state.screen == "note"
    effects = run(show, "continue")
    assert show.state.screen == "story" and show.state.scene == 0
    assert [e.data for e in effects if e.kind == "narration.play"] == [
        {"story": "alpha", "scene": 0, "language": "en", "described": False, "at": clock()}]
    tick(show, clock, 9.1)  # 8 s narration + 1 s hold
    assert show.state.scene == 1
    effects = tick(show, clock, 9.1)
    assert show.state.screen == "end" and not show.state.early_exit
    assert {"event": "story_completed", "story": "alpha"} in [e.data for e in effects if e.kind == "stat"]
    run(show, "continue")
    assert show.state.screen == "chooser"


def test_content_note_gates_audio(show, clock):
    effects = run(show, "begin", "open alpha")
    assert "narration.play" not in kinds(effects)
    tick(show, clock, 30)
    assert show.state.screen == "note"  # nothing starts by itself
    effects = run(show, "decline")
    assert show.state.screen == "chooser" and "narration.play" not in kinds(effects)
    assert {"event": "note_declined", "story": "alpha"} in [e.data for e in effects]


def test_early_exit_shows_resources(show, clock):
    run(show, "begin", "open beta", "continue")
    tick(show, clock, 3)
    effects = run(show, "home")
    assert show.state.screen == "end" and show.state.early_exit is True
    assert show.snapshot()["early_exit"] is True
    assert "narration.stop" in kinds(effects)
    assert {"event": "left_early", "story": "beta", "scene": 1} in [e.data for e in effects]


def test_backspace_in_story_also_leaves_through_resources(show):
    run(show, "begin", "open beta", "continue", "back")
    assert show.state.screen == "end" and show.state.early_exit


def test_idle_warning_extend_and_reset(show, clock):
    run(show, "begin")
    tick(show, clock, 59)
    assert show.state.warning_since is None
    tick(show, clock, 1.5)
    assert show.state.warning_since is not None
    assert show.snapshot()["idle_warning"] == pytest.approx(19.5, abs=0.6)
    # one tap extends and does nothing else
    run(show, "open alpha")
    assert show.state.warning_since is None and show.state.screen == "chooser"
    tick(show, clock, 61)
    assert show.state.warning_since is not None
    effects = tick(show, clock, 20.5)
    assert show.state.screen == "attract"
    assert {"event": "idle_reset", "screen": "chooser", "story": None} in [e.data for e in effects]


def test_idle_warning_shorter_than_twenty_seconds_is_refused():
    from pydantic import ValidationError

    from installation.content.schema import Idle

    with pytest.raises(ValidationError):
        Idle(timeout=60, warning=10)



def test_no_idle_reset_while_narration_plays(library, clock):
    # a story much longer than the idle timeout: narration keeps the kiosk awake
    import dataclasses

    from installation.content.load import Timing

    keys = [(s.id, i, lang) for s in library.stories.values() for i in range(len(s.scenes))
            for lang in library.exhibition.languages]
    long = {key: Timing(t.cues, t.narration, 200.0) for key in keys for t in [library.timing(*key)]}
    show = Show(dataclasses.replace(library, timings=long), clock)
    run(show, "begin", "open alpha", "continue")
    tick(show, clock, 150, step=1)
    assert show.state.screen == "story" and show.state.warning_since is None
    # paused: the idle timer runs again
    run(show, "pause")
    tick(show, clock, 61, step=1)
    assert show.state.warning_since is not None
    tick(show, clock, 21, step=1)
    assert show.state.screen == "attract"


def test_fade_out_on_idle_reset_during_paused_story(show, clock):
    run(show, "begin", "open alpha", "continue", "pause")
    effects = tick(show, clock, 82, step=1)
    stops = [e for e in effects if e.kind == "narration.stop"]
    assert stops and stops[0].data["fade"] > 0


def test_language_switch_mid_scene_restarts_scene(show, clock):
    run(show, "begin", "open alpha", "continue", "next")
    tick(show, clock, 4)
    assert show.state.scene == 1 and show.position() == pytest.approx(4)
    effects = run(show, "language zh-Hant")
    assert show.state.scene == 1 and show.position() == 0
    assert [e.data for e in effects if e.kind == "narration.play"] == [
        {"story": "alpha", "scene": 1, "language": "zh-Hant", "described": False, "at": clock()}]
    tick(show, clock, 10.6)  # Chinese scene: 10 s + 1 s hold
    assert show.state.scene == 1
    tick(show, clock, 0.6)
    assert show.state.screen == "end"


def test_pause_freezes_position_and_scene(show, clock):
    run(show, "begin", "open alpha", "continue")
    tick(show, clock, 2)
    run(show, "pause")
    tick(show, clock, 30)
    assert show.position() == pytest.approx(2) and show.state.scene == 0
    assert show.snapshot()["paused"] is True
    run(show, "resume")
    tick(show, clock, 7.1)
    assert show.state.scene == 1


def test_previous_next_replay_and_scene_jump(show, clock):
    run(show, "begin", "open alpha", "continue", "next")
    assert show.state.scene == 1 and show.state.previous_scene == 0
    run(show, "previous")
    assert show.state.scene == 0
    tick(show, clock, 3)
    run(show, "replay")
    assert show.position() == 0 and show.state.scene == 0
    run(show, "scene 2")
    assert show.snapshot()["scene"] == 2
    run(show, "scene 9")  # out of range: ignored
    assert show.snapshot()["scene"] == 2


def test_settings_volume_mute_text_size_contrast(show):
    run(show, "volume 0.5", "volume_step 0.1")
    assert show.snapshot()["volume"] == pytest.approx(0.6)
    run(show, "volume_step 2")
    assert show.snapshot()["volume"] == 1.0
    run(show, "toggle_mute", "cycle_text_size", "cycle_text_size", "toggle_contrast", "toggle_captions")
    snap = show.snapshot()
    assert snap["muted"] and snap["text_size"] == 2.0 and snap["contrast"] and not snap["captions"]
    run(show, "text_size 1.4")
    assert show.snapshot()["text_size"] == 1.5


def test_idle_reset_restores_visitor_settings(show, clock):
    run(show, "begin", "language zh-Hant", "cycle_text_size", "toggle_contrast", "toggle_mute")
    tick(show, clock, 82, step=1)
    snap = show.snapshot()
    assert snap["screen"] == "attract" and snap["language"] == "en" and snap["text_size"] == 1.0
    assert not snap["contrast"] and not snap["muted"]


def test_unknown_story_and_bad_commands(show):
    run(show, "begin", "open nobody", "go nobody")
    assert show.state.screen == "chooser"
    with pytest.raises(CommandError) as error:
        make("volume", "loud")
    assert error.value.code == "bad_args"
    with pytest.raises(CommandError) as error:
        make("fly")
    assert error.value.code == "not_found"


def test_keyboard_focus_selects(show):
    run(show, "begin", "focus 1", "select")
    assert show.state.screen == "note" and show.state.story == "beta"
    run(show, "focus 1", "select")  # "Choose another story"
    assert show.state.screen == "chooser"


def test_blackout_resets_and_holds(show, clock):
    run(show, "begin", "open alpha", "continue")
    run(show, "blackout 1", source="osc")
    assert show.state.blackout and show.state.screen == "attract"
    tick(show, clock, 300, step=5)
    assert show.state.warning_since is None
    run(show, "blackout 0", source="osc")
    assert not show.state.blackout


def test_technician_commands_do_not_count_as_visitors(show, clock):
    run(show, "begin")
    tick(show, clock, 50)
    run(show, "volume 0.3", source="osc")
    tick(show, clock, 11)
    assert show.state.warning_since is not None


def test_audio_description_plays_the_described_version_of_each_scene(described_alpha, clock):
    show = Show(described_alpha, clock)
    run(show, "begin", "open alpha", "continue")
    tick(show, clock, 2)
    effects = run(show, "toggle_description")
    assert show.position() == 0 and show.snapshot()["description"] is True  # the scene starts again, described
    played = [e.data for e in effects if e.kind == "narration.play"]
    assert played == [{"story": "alpha", "scene": 0, "language": "en", "described": True, "at": clock()}]
    timing = show.timing()
    assert timing.narration.name == "s1.en.ad.wav" and timing.length == pytest.approx(12.0)
    assert timing.description_end == pytest.approx(3.0) and timing.cues[0].text == "A door at night."
    tick(show, clock, 12.5)  # 12 s described + 1 s hold: still the first scene
    assert show.state.scene == 0
    tick(show, clock, 1.0)
    assert show.state.scene == 1
    # a scene without a described version plays as it is
    assert show.timing().narration is None and show.timing().description_end == 0.0
    assert show.timing().length == pytest.approx(8.0)
    run(show, "description 0")
    assert show.snapshot()["description"] is False and show.timing(0).length == pytest.approx(8.0)
    run(show, "toggle_description", "stop")  # the next visitor starts without it
    assert show.snapshot()["description"] is False


def test_every_command_gets_the_shows_verdict(show):
    outcome, _ = show.dispatch(make("begin", source="touch"))
    assert outcome.ok and outcome.code == "ok"
    outcome, effects = show.dispatch(make("go", "nobody", source="osc"))
    assert (outcome.code, outcome.message, outcome.data) == ("unknown_story", "no playable story 'nobody'",
                                                              show.playlist)
    assert effects == [] and show.state.screen == "chooser"
    for command, code in [(make("scene", 1), "bad_args"), (make("language", "fr"), "bad_args"),
                          (make("volume", 2), "bad_args"), (make("text_size", 5), "bad_args"),
                          (make("identify", 601), "bad_args"), (make("screenshot", "shot.jpg"), "bad_args")]:
        assert show.dispatch(command).outcome.code == code, command
    run(show, "go alpha")
    assert show.dispatch(make("scene", 9)).outcome.message == "this story has scenes 1–2"
    outcome, effects = show.dispatch(make("screenshot", "shot.png"))
    assert outcome.ok and outcome.data == "shot.png" and kinds(effects) == ["screenshot"]


def test_quit_and_reload_are_effects_for_the_adapters(show):
    assert kinds(show.dispatch(make("quit")).effects) == ["quit"]
    assert kinds(show.dispatch(make("reload", source="osc")).effects) == ["reload"]


def test_a_reloaded_library_waits_for_a_safe_point(show, library, clock):
    import dataclasses

    run(show, "begin", "go alpha")
    smaller = dataclasses.replace(library, stories={k: v for k, v in library.stories.items() if k != "beta"})
    stale = frozenset({library.root / "media" / "x.svg"})
    outcome, effects = show.dispatch(make("new_content", smaller, stale, (), source="reload"))
    assert outcome.ok and "content" not in kinds(effects) and show.library is library  # mid-story: it waits
    effects = run(show, "home", "continue")  # the resources card, then the chooser: safe
    swap = [e for e in effects if e.kind == "content"]
    assert show.library is smaller and swap and swap[0].data == {"library": smaller, "stale": stale}
    assert show.dispatch(make("go", "beta")).outcome.code == "unknown_story"


def test_a_refused_reload_shows_its_problems_until_one_succeeds(show, library):
    version = show.state.version
    show.dispatch(make("new_content", None, (), ("stories/beta.yaml:3: unknown key",), source="reload"))
    assert show.state.problems == ("stories/beta.yaml:3: unknown key",) and show.state.version > version
    assert show.library is library
    show.dispatch(make("new_content", library, (), (), source="reload"))
    assert show.state.problems == ()


def test_scene_boundaries_are_counted_from_the_planned_start_not_from_when_noticed(show, clock):
    from dataclasses import replace

    start = clock()
    clock.advance(0.25)  # the timetagged /go was due 0.25 s ago: it takes effect then
    show.dispatch(replace(make("go", "alpha", source="osc"), meta={"at": start}))
    assert show.state.scene_started == start and show.position() == pytest.approx(0.25)
    assert show.next_boundary() == pytest.approx(start + 9.0)  # 8 s narration + 1 s hold
    clock.advance(9.0 + 0.3)  # the loop looks late
    show.update()
    assert show.state.scene == 1 and show.state.scene_started == pytest.approx(start + 9.0)
    # a pause and resume due at given instants shift every later boundary by exactly the pause
    clock.advance(1.0)
    show.dispatch(replace(make("pause", source="osc"), meta={"at": start + 10.0}))
    clock.advance(5.0)
    show.dispatch(replace(make("resume", source="osc"), meta={"at": start + 12.0}))
    assert show.next_boundary() == pytest.approx(start + 9.0 + 9.0 + 2.0)
