"""The loop's pacing on a simulated clock (waiting moves it): a timetagged command is held until its due time, its
frame is drawn ahead and presented at the due time itself, its sound starts with it; a scene boundary likewise; the
loop sleeps when nothing moves and wakes on the 30 Hz grid when something does. Counts and clock readings, never
wall-clock time."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest

from installation.kiosk.pacing import FPS, IDLE_WAIT, Pacer
from installation.show.commands import make


@pytest.fixture
def watched(make_app, monkeypatch):
    """An app, and the show-clock time of every presented frame and every narration start."""
    app = make_app(size=(640, 360))
    seen = {"flips": [], "updates": [], "waits": [], "renders": [], "sounds": []}
    flip, update, render = pygame.display.flip, pygame.display.update, app.render
    monkeypatch.setattr(pygame.display, "flip", lambda: seen["flips"].append(app.clock()) or flip())
    monkeypatch.setattr(pygame.display, "update", lambda *a: seen["updates"].append(app.clock()) or update(*a))
    monkeypatch.setattr(app, "render", lambda view: seen["renders"].append((app.clock(), view.now)) or render(view))
    wait = app.loop.wait_event
    monkeypatch.setattr(app.loop, "wait_event", lambda ms: seen["waits"].append(ms) or wait(ms))
    app.effect_listeners.append(lambda e: e.kind == "narration.play" and seen["sounds"].append(app.clock()))
    return app, seen


def turn_until(app, condition, turns: int = 2000) -> None:
    for _ in range(turns):
        if condition():
            return
        app.turn()
    raise AssertionError("the condition never came")


def test_a_timetagged_command_is_presented_at_its_due_time(watched):
    app, seen = watched
    app.step()
    due = app.clock() + 0.5
    app.post(replace(make("go", "alpha", source="osc"), meta={"at": due}))
    assert app.inbox.next_due() == due
    app.turn()
    assert app.show.state.screen == "attract"  # held: not yet due
    turn_until(app, lambda: app.show.state.screen == "story")
    presented = [t for t in seen["flips"] if t >= due - 0.05]
    assert presented[0] == pytest.approx(due, abs=1e-9)  # presented at the due time itself
    drawn_at, drawn_for = seen["renders"][-1]
    assert drawn_at < due and drawn_for == pytest.approx(due)  # drawn ahead, as of the due time
    assert seen["sounds"][-1] == pytest.approx(due)  # the narration starts with the picture, not before it
    assert app.show.state.scene_started == pytest.approx(due)
    assert app.first_frame["scene"] == 1


def test_a_scene_boundary_is_presented_at_its_time(watched):
    app, seen = watched
    app.dispatch(make("go", "alpha"))
    app.step()
    boundary = app.show.next_boundary()
    turn_until(app, lambda: app.show.state.scene == 1)
    assert app.show.state.scene_started == pytest.approx(boundary)
    assert [t for t in seen["flips"] if t >= boundary - 1e-9][0] == pytest.approx(boundary, abs=1e-9)
    assert seen["sounds"][-1] == pytest.approx(boundary)


def test_a_still_screen_sleeps(watched):
    app, seen = watched
    app.dispatch(make("begin"))
    app.step()
    start, frames = app.clock(), len(seen["flips"]) + len(seen["updates"])
    turn_until(app, lambda: app.clock() - start >= 10.0)
    assert len(seen["flips"]) + len(seen["updates"]) == frames  # nothing redrawn
    waits = seen["waits"][-round(10 / IDLE_WAIT):]
    assert len(seen["waits"]) <= round(10 / IDLE_WAIT) + 2 and min(waits) >= IDLE_WAIT * 1000  # a few long sleeps


def test_the_attract_loop_presents_on_the_frame_grid(watched):
    app, seen = watched
    app.step()
    start = app.clock()
    turns = 0
    while app.clock() - start < 2.0:
        app.turn()
        turns += 1
    presented = seen["flips"] + seen["updates"]
    frames = [t for t in presented if t >= start]
    assert len(frames) >= 2 * FPS - 1  # every tick of two seconds
    assert turns <= 2 * FPS + 2  # one turn a frame: no turn that finds nothing to draw


def test_the_lead_follows_how_long_a_frame_takes():
    pacer = Pacer(render_cost=0.002)
    short = pacer.lead
    pacer.rendered(0.02)
    assert pacer.lead > short and pacer.lead >= 0.04
    assert not pacer.room_to_draw(10.0, 10.0 - pacer.lead - 0.001)  # a frame now would run into the due frame
    assert pacer.room_to_draw(None, 10.0) and pacer.stage_now(10.0, 10.0 - pacer.lead / 2)
    assert pacer.wait(9.0, moving=False, due=9.1) == pytest.approx(0.1 - pacer.lead)
