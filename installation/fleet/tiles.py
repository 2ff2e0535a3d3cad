"""What one tile of the console shows, as a pure function of a kiosk's last /state and when it last answered."""

from __future__ import annotations

from dataclasses import dataclass

# status → (word, colour). Colour is never the only sign: the word is always shown with it.
STATUSES = {
    "playing": ("playing", "#2e9d57"),
    "note": ("content note", "#2e9d57"),
    "end": ("support screen", "#2e9d57"),
    "paused": ("paused", "#c9a227"),
    "chooser": ("chooser", "#2f7fc1"),
    "attract": ("attract", "#5b6b8c"),
    "closed": ("closed (opening hours)", "#6d5a8a"),
    "blackout": ("blacked out", "#4b5563"),
    "late": ("no answer (grace)", "#d9822b"),
    "unreachable": ("unreachable", "#c0392b"),
    "errors": ("errors", "#b03a8c"),
    "unknown": ("connecting", "#7f8c8d"),
}


@dataclass
class Seen:
    """The console's record of one kiosk."""

    state: dict | None = None
    last_answer: float | None = None  # time.monotonic() of the last message from it
    since: float = 0.0  # when the console began watching it
    error: str | None = None  # why the link failed, if it did
    errors_seen: int = 0  # errors count when a technician last acknowledged


def link_status(seen: Seen, now: float, heartbeat: float, grace: float) -> str:
    """online → late (missed heartbeats, inside the grace time) → unreachable."""
    reference = seen.last_answer if seen.last_answer is not None else seen.since
    age = now - reference
    if seen.last_answer is not None and age <= 2 * heartbeat + 0.5:
        return "online"
    if age <= grace:
        return "late" if seen.last_answer is not None else "unknown"
    return "unreachable"


def status_of(state: dict | None, link: str, errors_seen: int = 0) -> str:
    if link in ("unreachable", "late", "unknown") or state is None:
        return link if link != "online" else "unknown"
    if state.get("closed"):
        return "closed"
    if state.get("blackout"):
        return "blackout"
    if int(state.get("errors") or 0) > errors_seen:
        return "errors"
    screen = state.get("screen")
    if screen == "story":
        return "paused" if state.get("paused") else "playing"
    return screen if screen in STATUSES else "unknown"


def tile(name: str, target: str, groups: tuple[str, ...], seen: Seen, now: float, heartbeat: float,
         grace: float, note: str | None = None) -> dict:
    """The JSON a tile is drawn from."""
    link = link_status(seen, now, heartbeat, grace)
    state = seen.state or {}
    status = status_of(seen.state, link, seen.errors_seen)
    word, colour = STATUSES[status]
    scene = f"{state['scene']} of {state['scenes']}" if state.get("scene") and state.get("scenes") else None
    hours = state.get("hours") if isinstance(state.get("hours"), dict) else {}
    opens = hours.get("next_change_local") if status == "closed" else None
    return {
        "name": name, "target": target, "groups": list(groups), "note": note,
        "status": status, "word": word, "colour": colour, "link": link,
        "seen_ago": None if seen.last_answer is None else round(now - seen.last_answer, 1),
        "story": state.get("story"), "scene": scene, "language": state.get("language"),
        "volume": state.get("volume"), "muted": state.get("muted"), "blackout": state.get("blackout"),
        "uptime": state.get("uptime") if link == "online" else None,
        "version": state.get("version"), "release": state.get("release"),
        "errors": state.get("errors"), "new_errors": max(0, int(state.get("errors") or 0) - seen.errors_seen),
        "last_error": state.get("last_error") or seen.error, "started": state.get("started"),
        "opens": opens,
    }
