"""A group plays in one language: a synchronised start with a language sets it on every kiosk of the group before
the story opens, and a language change given to the group reaches every kiosk at one instant of the show clock (the
scene restarts together). Real kiosk processes of the demo project (English and Traditional Chinese) on loopback."""

from __future__ import annotations

import time

from installation.fleet.actions import TOGETHER, arguments
from installation.fleet.bench import FRAME
from installation.fleet.bench import PASSCODE as KIOSK_PASSCODE
from installation.fleet.config import Kiosk
from installation.fleet.sync import go, together

from .conftest import start_all, wait_until


def test_a_synchronised_start_and_a_group_language_change_apply_to_every_kiosk(kiosks):
    made = start_all([kiosks(f"kiosk-{i}") for i in (1, 2, 3)])
    group = [Kiosk(k.name, "127.0.0.1", k.port, ("triptych",), KIOSK_PASSCODE) for k in made]
    result = go(group, "bo-bo", "triptych", lead=0.5, language="zh-Hant")
    assert result["ok"], result
    assert result["language"] == "zh-Hant"
    for kiosk in made:
        state = wait_until(lambda: (lambda s: s["screen"] == "story" and s)(kiosk.state()), 60,
                           what=f"{kiosk.name} to play")
        assert state["language"] == "zh-Hant" and state["story"] == "bo-bo"
    # the group's language changed from the console: every kiosk, one instant on their show clocks
    assert "language" in TOGETHER and arguments("language", "en") == ("en",)
    asked = time.monotonic()  # CLOCK_MONOTONIC: shared with the kiosk processes on this machine
    replies = together(group, "/language", "en")
    assert all(reply["status"] == "ok" for reply in replies.values()), replies

    def restarted_in_english(kiosk):
        state = kiosk.state()
        started = state.get("started") or {}
        return state["language"] == "en" and started.get("monotonic", 0) > asked and state

    states = [wait_until(lambda: restarted_in_english(kiosk), 60, what=f"{kiosk.name} in English") for kiosk in made]
    targets = [s["started"]["target"] for s in states]
    assert all(s["scene"] == states[0]["scene"] for s in states), states  # (a scene lasts far longer than this)
    assert max(targets) - min(targets) <= FRAME, targets  # the scene restarted at one instant on all three
    # an unknown language is refused by each kiosk, and a start with one does not begin anywhere
    replies = together(group, "/language", "xx")
    assert {reply["error"]["code"] for reply in replies.values()} == {"bad_args"}, replies
    refused = go(group, "lulu", "triptych", language="xx")
    assert not refused["ok"] and set(refused["problems"]) == {k.name for k in made}
    assert "cannot play in xx" in refused["problems"]["kiosk-1"]
    assert all(kiosk.state()["story"] == "bo-bo" for kiosk in made)
