"""The kiosk's state as other threads read it (OSC `/state`, pushes to subscribers): the show's snapshot after each
loop turn, with when the current scene was presented (`started`)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ..hooks import call_each

if TYPE_CHECKING:
    from .app import App


class Published:
    def __init__(self, app: "App"):
        self.app = app
        self.lock = threading.Lock()
        self.current = app.show.snapshot()
        self.version: int | None = None  # the show's state version last published (None: publish at once)

    def snapshot(self) -> dict:
        """Thread-safe: the state as of the last loop turn."""
        with self.lock:
            return dict(self.current)

    def publish(self) -> None:
        """At the end of a loop turn: a new snapshot (and its listeners told) if the show's state changed, else only
        the playing position."""
        show = self.app.show
        if self.version == show.state.version:
            with self.lock:
                self.current["position"] = round(show.position(), 3)
            return
        self.version = show.state.version
        snap = show.snapshot()
        snap["started"] = self.app.frames.first_frame if snap["screen"] == "story" else None
        with self.lock:
            self.current = snap
        call_each(self.app.change_listeners, snap, what="state listener")

    def again(self) -> None:
        """Publish (and push) at the end of this turn even if the show's state did not change."""
        self.version = None
