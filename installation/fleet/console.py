"""The console's model of the fleet: a link per kiosk, the tiles, the alerts, the last synchronised start. The web
app (web.py) and the terminal read it; it knows nothing of HTTP."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import replace
from typing import Callable

from .alerts import Alerts
from .config import Fleet, Kiosk
from .links import Link, act
from .tiles import tile

log = logging.getLogger(__name__)


class Console:
    def __init__(self, fleet: Fleet):
        self.fleet = fleet
        self.alerts = Alerts(fleet.console.webhook)
        self.links: dict[str, Link] = {}
        self.stories: dict[str, list[dict]] = {}
        self.last_sync: dict | None = None
        self.version = 0
        self.listeners: list[Callable[[], None]] = []
        self.lock = threading.Lock()

    # ----------------------------------------------------------------- kiosks
    def start(self) -> "Console":
        for kiosk in self.fleet.kiosks:
            self.watch(kiosk)
        return self

    def watch(self, kiosk: Kiosk) -> None:
        if kiosk.discovered:  # found on the LAN: the fleet file's discovery: passcode and groups
            defaults = self.fleet.discovered
            kiosk = replace(kiosk, passcode=kiosk.passcode or defaults.passcode,
                            groups=kiosk.groups or defaults.groups)
        with self.lock:
            if kiosk.name in self.links:
                return
            if self.fleet.kiosk(kiosk.name) is None:
                self.fleet.kiosks.append(kiosk)
            self.links[kiosk.name] = Link(kiosk, self.fleet.console.heartbeat, self._changed).start()
        log.info("fleet: watching %s at %s%s", kiosk.name, kiosk.target, " (discovered)" if kiosk.discovered else "")

    def close(self) -> None:
        for link in list(self.links.values()):
            link.stop()

    def _changed(self, name: str) -> None:
        link = self.links.get(name)
        if link is not None and name not in self.stories and link.seen.state is not None:
            self.stories[name] = []  # asked once per kiosk
            threading.Thread(target=self._fetch_stories, args=(link.kiosk,), daemon=True).start()
        self.bump()

    def _fetch_stories(self, kiosk: Kiosk) -> None:
        reply = act(kiosk, "/stories")
        if reply.get("status") == "ok" and isinstance(reply.get("data"), list):
            self.stories[kiosk.name] = reply["data"]
            self.bump()
        else:
            self.stories.pop(kiosk.name, None)

    def bump(self) -> None:
        self.version += 1
        for listener in list(self.listeners):
            listener()

    # ------------------------------------------------------------------- view
    def tiles(self, now: float | None = None) -> list[dict]:
        now = time.monotonic() if now is None else now
        settings = self.fleet.console
        out = []
        for kiosk in list(self.fleet.kiosks):
            link = self.links.get(kiosk.name)
            if link is None:
                continue
            out.append(tile(kiosk.name, kiosk.target, kiosk.groups, link.seen, now, settings.heartbeat,
                            settings.grace, kiosk.note))
        return out

    def tick(self) -> bool:
        """Once a second: statuses that change with time alone (grace, unreachable), and the alerts."""
        return self.alerts.update(self.tiles())

    def story_choices(self) -> list[dict]:
        seen: dict[str, dict] = {}
        for stories in self.stories.values():
            for story in stories:
                if isinstance(story, dict) and story.get("id") and story.get("kind", "story") != "about":
                    seen.setdefault(story["id"], {"id": story["id"], "title": (story.get("title") or {}).get("en")})
        return list(seen.values())

    def languages(self) -> list[str]:
        """The languages the kiosks' stories can be played in (from their /stories durations)."""
        found: dict[str, None] = {}
        for stories in self.stories.values():
            for story in stories:
                if isinstance(story, dict) and isinstance(story.get("durations"), dict):
                    found.update(dict.fromkeys(str(language) for language in story["durations"]))
        return list(found)

    def snapshot(self) -> dict:
        return {"tiles": self.tiles(), "groups": self.fleet.groups(), "alerts": self.alerts.banner(),
                "stories": self.story_choices(), "languages": self.languages(), "sync": self.last_sync,
                "version": self.version}

    def acknowledge(self, name: str) -> None:
        link = self.links.get(name)
        if link is not None and link.seen.state is not None:
            link.seen.errors_seen = int(link.seen.state.get("errors") or 0)
            self.bump()

    def targets(self, kiosk: str | None = None, group: str | None = None) -> list[Kiosk]:
        if kiosk is not None:
            found = self.fleet.kiosk(kiosk)
            return [found] if found else []
        return self.fleet.members(group)
