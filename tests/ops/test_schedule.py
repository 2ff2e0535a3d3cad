"""Opening hours with a fake clock, across both of Toronto's daylight-saving changes."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from installation.content.schema import Hours
from installation.ops.schedule import Scheduler, status
from installation.show.commands import make

UTC = timezone.utc
WEEKEND = Hours(timezone="America/Toronto", weekly={"sat": ["10:00-17:30"], "sun": ["10:00-17:30"]})


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_march_change_opening_moves_an_hour_earlier_in_utc():
    # DST starts Sunday 8 March 2026 at 02:00: Saturday is EST (UTC-5), Sunday EDT (UTC-4)
    assert status(WEEKEND, at(2026, 3, 7, 14, 59)) == status(WEEKEND, at(2026, 3, 7, 12))
    assert status(WEEKEND, at(2026, 3, 7, 14, 59)).next_change == at(2026, 3, 7, 15, 0)
    saturday = status(WEEKEND, at(2026, 3, 7, 15, 0))
    assert saturday.open and saturday.next_change == at(2026, 3, 7, 22, 30)
    night = status(WEEKEND, at(2026, 3, 7, 22, 30))
    assert not night.open and night.next_change == at(2026, 3, 8, 14, 0)  # 10:00 EDT, not 15:00 UTC
    sunday = status(WEEKEND, at(2026, 3, 8, 14, 0))
    assert sunday.open and sunday.next_change == at(2026, 3, 8, 21, 30)
    assert status(WEEKEND, at(2026, 3, 8, 21, 30)).next_change == at(2026, 3, 14, 14, 0)


def test_november_change_opening_moves_an_hour_later_in_utc():
    # DST ends Sunday 1 November 2026 at 02:00: Saturday is EDT (UTC-4), Sunday EST (UTC-5)
    saturday = status(WEEKEND, at(2026, 10, 31, 14, 0))
    assert saturday.open and saturday.next_change == at(2026, 10, 31, 21, 30)
    night = status(WEEKEND, at(2026, 10, 31, 23, 0))
    assert not night.open and night.next_change == at(2026, 11, 1, 15, 0)
    assert not status(WEEKEND, at(2026, 11, 1, 14, 30)).open  # 09:30 EST
    sunday = status(WEEKEND, at(2026, 11, 1, 15, 0))
    assert sunday.open and sunday.next_change == at(2026, 11, 1, 22, 30)


def test_whole_days_are_23_and_25_hours_long_on_change_days():
    always = Hours(timezone="America/Toronto", weekly={"sun": ["00:00-24:00"]})
    march = status(always, at(2026, 3, 8, 12))
    assert march.open and march.next_change - at(2026, 3, 8, 5) == timedelta(hours=23)
    november = status(always, at(2026, 11, 1, 12))
    assert november.open and november.next_change - at(2026, 11, 1, 4) == timedelta(hours=25)


def test_skipped_and_repeated_local_times():
    night = Hours(timezone="America/Toronto", weekly={"sun": ["02:30-04:00"]})
    # 02:30 does not exist on 8 March: it is read as 03:30 EDT (07:30 UTC)
    assert status(night, at(2026, 3, 8, 7, 0)).next_change == at(2026, 3, 8, 7, 30)
    assert status(night, at(2026, 3, 8, 7, 30)).next_change == at(2026, 3, 8, 8, 0)
    repeated = Hours(timezone="America/Toronto", weekly={"sun": ["01:30-03:00"]})
    # 01:30 happens twice on 1 November: the first time (EDT, 05:30 UTC) counts; 03:00 EST is 08:00 UTC
    assert status(repeated, at(2026, 11, 1, 5, 0)).next_change == at(2026, 11, 1, 5, 30)
    assert status(repeated, at(2026, 11, 1, 6, 0)) .next_change == at(2026, 11, 1, 8, 0)


def test_spans_across_midnight_merge_and_closed_dates_skip():
    late = Hours(timezone="America/Toronto", weekly={"fri": ["18:00-24:00"], "sat": ["00:00-02:00", "10:00-12:00"]},
                 closed=[date(2026, 12, 25)])
    friday = status(late, at(2026, 12, 18, 23, 30))  # 18:30 Friday
    assert friday.open and friday.next_change == at(2026, 12, 19, 7, 0)  # 02:00 Saturday, no blink at midnight
    christmas = status(late, at(2026, 12, 25, 23, 30))  # Friday 25 December is closed
    assert not christmas.open and christmas.next_change == at(2026, 12, 26, 5, 0)  # Saturday's 00:00 span
    assert status(None, at(2026, 1, 1)).open and status(None, at(2026, 1, 1)).next_change is None
    assert status(Hours(timezone="UTC"), at(2026, 1, 1)) == status(Hours(timezone="UTC", weekly={}), at(2027, 1, 1))


@pytest.mark.parametrize("bad, message", [
    ({"timezone": "Mars/Olympus"}, "unknown timezone"),
    ({"timezone": "UTC", "weekly": {"mon": ["17:00-10:00"]}}, "must end after it starts"),
    ({"timezone": "UTC", "weekly": {"mon": ["9-5"]}}, "must look like '10:00-17:30'"),
    ({"timezone": "UTC", "weekly": {"monday": ["10:00-17:00"]}}, "monday"),
    ({"timezone": "UTC", "open": "always"}, "Extra inputs"),
])
def test_bad_hours_are_refused(bad, message):
    with pytest.raises(ValidationError, match=message):
        Hours.model_validate(bad)


def test_bad_hours_in_the_exhibition_file_say_where(project):
    from installation.content.load import load_library

    text = project.read_text().replace('thu: ["10:00-21:00"]', 'thu: ["21:00-10:00"]')
    project.write_text(text.replace("timezone: America/Toronto", "timezone: America/Torono"))
    library, problems = load_library(project)
    assert library is None
    assert [str(p).split(": error: ")[0] for p in problems] == ["config/ops.yaml:15", "config/ops.yaml:19"]


# ---------------------------------------------------------------- the adapter driving a real kiosk
def run_clock(app, sched, utc, start: datetime, end: datetime, step=timedelta(minutes=5)):
    """Walk the fake UTC clock; return the instants where the screen went black or woke."""
    changes = []
    moment = start
    state = app.show.state.blackout
    while moment <= end:
        utc.set(moment)
        sched.tick()
        app.step()
        if app.show.state.blackout != state:
            state = app.show.state.blackout
            changes.append((moment, "closed" if state else "open"))
        moment += step
    return changes


@pytest.mark.parametrize("start, expected", [
    (at(2026, 3, 7, 0), [(at(2026, 3, 7, 15), "open"), (at(2026, 3, 7, 22, 30), "closed"),
                         (at(2026, 3, 8, 14), "open"), (at(2026, 3, 8, 21, 30), "closed")]),
    (at(2026, 10, 31, 0), [(at(2026, 10, 31, 14), "open"), (at(2026, 10, 31, 21, 30), "closed"),
                           (at(2026, 11, 1, 15), "open"), (at(2026, 11, 1, 22, 30), "closed")]),
])
def test_the_kiosk_sleeps_and_wakes_by_itself_across_dst(kiosk, utc, start, expected):
    utc.set(start)
    app, ops = kiosk("--hours", "--no-watch")
    assert ops.scheduler is not None
    app.step()
    assert app.show.state.blackout  # midnight: closed from the start
    changes = run_clock(app, ops.scheduler, utc, start, start + timedelta(days=2))
    assert changes == expected


def test_closing_time_stops_a_story_and_its_sound(kiosk, utc):
    utc.set(at(2026, 3, 7, 22, 0))  # Saturday 17:00 EST, open until 17:30
    app, ops = kiosk("--hours", "--no-watch")
    effects = []
    app.effect_listeners.append(effects.append)
    app.dispatch(make("go", "alpha"))
    assert app.show.state.screen == "story"
    utc.set(at(2026, 3, 7, 22, 30))
    ops.scheduler.tick()
    app.step()
    assert app.show.state.blackout and app.show.state.screen == "attract"
    assert "narration.stop" in [e.kind for e in effects]
    app.draw()
    assert app.surface.get_at((640, 360))[:3] == (0, 0, 0)


def test_a_manual_blackout_wins_until_the_next_scheduled_change(kiosk, utc):
    # the fixture is open Tuesday to Sunday 10:00-17:30 in Toronto (Thursday to 21:00), closed on Mondays
    utc.set(at(2026, 3, 7, 16, 0))  # Saturday 11:00 EST: open
    app, ops = kiosk("--hours", "--no-watch")
    assert not app.show.state.blackout
    app.post(make("blackout", 1, source="osc"))  # a technician darkens the screen during opening hours
    changes = run_clock(app, ops.scheduler, utc, at(2026, 3, 7, 16, 5), at(2026, 3, 8, 22))
    # dark until the next scheduled change (Saturday's closing keeps it dark), awake at Sunday's opening
    assert changes == [(at(2026, 3, 7, 16, 5), "closed"), (at(2026, 3, 8, 14), "open"),
                       (at(2026, 3, 8, 21, 30), "closed")]
    app.post(make("blackout", 0, source="osc"))  # … and wakes it after hours, e.g. for a private tour
    changes = run_clock(app, ops.scheduler, utc, at(2026, 3, 8, 22, 15), at(2026, 3, 11), step=timedelta(minutes=15))
    # awake through Monday (closed) until the next change, Tuesday's opening; dark again at Tuesday's closing
    assert changes == [(at(2026, 3, 8, 22, 15), "open"), (at(2026, 3, 10, 21, 30), "closed")]


def test_new_hours_from_a_live_reload_apply_at_once(kiosk, utc):
    utc.set(at(2026, 3, 9, 16, 0))  # Monday: closed in the fixture
    app, ops = kiosk("--hours", "--no-watch")
    app.step()
    assert app.show.state.blackout
    ops.scheduler.set_hours(Hours(timezone="America/Toronto", weekly={"mon": ["10:00-17:00"]}))
    app.step()
    assert not app.show.state.blackout
    ops.scheduler.set_hours(None)  # hours removed: always open
    app.step()
    assert not app.show.state.blackout


def test_scheduler_posts_only_at_changes():
    posted = []
    clock = [at(2026, 3, 7, 12)]
    sched = Scheduler(posted.append, WEEKEND, lambda: clock[0])
    assert [c.args for c in posted] == [(True,)] and posted[0].source == "schedule"
    for minutes in range(0, 6 * 60, 7):
        clock[0] = at(2026, 3, 7, 12) + timedelta(minutes=minutes)
        sched.tick()
    assert [c.args for c in posted] == [(True,), (False,)]
