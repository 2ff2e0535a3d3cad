"""Alerts: a kiosk unreachable past its grace time, or reporting new errors, raises a banner, a log line and (when a
webhook is configured) a JSON POST; its recovery is announced the same way."""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.request
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass
class Alert:
    kiosk: str
    kind: str  # unreachable, errors
    message: str
    since: float  # wall-clock seconds

    def as_dict(self) -> dict:
        return {"kiosk": self.kiosk, "kind": self.kind, "message": self.message, "since": self.since}


class Alerts:
    def __init__(self, webhook: str | None = None, clock=time.time):
        self.webhook, self.clock = webhook, clock
        self.active: dict[tuple[str, str], Alert] = {}
        self.webhook_failures = 0

    def update(self, tiles: list[dict]) -> bool:
        """Compare the tiles with the active alerts; returns True if the banner changed."""
        changed = False
        for tile in tiles:
            name = tile["name"]
            wanted = {}
            if tile["status"] == "unreachable":
                wanted["unreachable"] = f"{name} is unreachable ({tile['target']})"
            if tile["new_errors"]:
                wanted["errors"] = f"{name} reported {tile['new_errors']} new error(s)"
            for kind in ("unreachable", "errors"):
                key = (name, kind)
                if kind in wanted and key not in self.active:
                    self.active[key] = Alert(name, kind, wanted[kind], self.clock())
                    self._announce("alert", self.active[key])
                    changed = True
                elif kind in wanted and self.active[key].message != wanted[kind]:
                    self.active[key].message = wanted[kind]
                    changed = True
                elif kind not in wanted and key in self.active:
                    alert = self.active.pop(key)
                    alert.message = f"{name}: {'reachable again' if kind == 'unreachable' else 'errors acknowledged'}"
                    self._announce("recovered", alert)
                    changed = True
        return changed

    def banner(self) -> list[dict]:
        return [alert.as_dict() for alert in sorted(self.active.values(), key=lambda a: a.since)]

    def _announce(self, event: str, alert: Alert) -> None:
        (log.warning if event == "alert" else log.info)("fleet %s: %s", event, alert.message)
        if self.webhook:
            body = json.dumps({"event": event, **alert.as_dict()}).encode()
            threading.Thread(target=self._post, args=(body,), daemon=True, name="fleet-webhook").start()

    def _post(self, body: bytes) -> None:
        request = urllib.request.Request(self.webhook, data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                response.read(1024)
        except (OSError, ValueError) as exc:
            self.webhook_failures += 1
            if self.webhook_failures in (1, 10, 100) or self.webhook_failures % 1000 == 0:
                log.warning("fleet: webhook %s failed (%d so far): %s", self.webhook, self.webhook_failures, exc)
