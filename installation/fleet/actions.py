"""The console's actions, each one OSC message to every kiosk it targets (the kiosk's own reply is the verdict)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable

from .config import Kiosk
from .links import act


@dataclass(frozen=True)
class Action:
    address: str
    takes: str = ""  # "" no argument, "s" a word (what: a story id, a language), "f" a number
    fixed: tuple = ()
    title: str = ""
    what: str = "story"


ACTIONS: dict[str, Action] = {
    "stop": Action("/stop", title="Stop"),
    "go": Action("/go", "s", title="Go"),
    "pause": Action("/pause", title="Pause"),
    "resume": Action("/resume", title="Resume"),
    "next": Action("/next", title="Next scene"),
    "previous": Action("/previous", title="Previous scene"),
    "blackout": Action("/blackout", fixed=(1,), title="Blackout"),
    "wake": Action("/blackout", fixed=(0,), title="Wake"),
    "volume": Action("/volume", "f", title="Volume"),
    "language": Action("/language", "s", title="Language", what="language"),
    "identify": Action("/identify", fixed=(10.0,), title="Identify"),
    "reload": Action("/reload", title="Reload"),
    "quit": Action("/quit", title="Quit (restarts)"),
}

# Given to a group, these are timetagged to one instant on every kiosk's show clock (sync.together).
# (A language change restarts the scene playing, at that instant on all of them.)
TOGETHER = frozenset({"pause", "resume", "next", "previous", "stop", "language"})


def arguments(name: str, value: Any) -> tuple:
    """The OSC arguments of an action, or ValueError with a message for a person."""
    action = ACTIONS.get(name)
    if action is None:
        raise ValueError(f"unknown action '{name}'")
    if action.takes == "s":
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"'{name}' needs a {action.what}")
        return action.fixed + (value.strip(),)
    if action.takes == "f":
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"'{name}' needs a number") from None
        if not 0.0 <= number <= 1.0:
            raise ValueError(f"'{name}' must be between 0 and 1")
        return action.fixed + (number,)
    return action.fixed


def fan_out(kiosks: list[Kiosk], name: str, value: Any = None,
            send: Callable[..., dict] = act) -> dict[str, dict]:
    """Send one action to several kiosks at once; {kiosk name: its reply}."""
    args = arguments(name, value)
    address = ACTIONS[name].address
    if not kiosks:
        return {}
    with ThreadPoolExecutor(max_workers=min(16, len(kiosks))) as pool:
        replies = pool.map(lambda kiosk: send(kiosk, address, *args), kiosks)
        return {kiosk.name: reply for kiosk, reply in zip(kiosks, replies)}
