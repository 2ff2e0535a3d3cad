"""The OSC address space: every method, its access level, its arguments and what it does (see docs/osc.md)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

LEVELS = ("none", "view", "control", "edit")
RANK = {name: index for index, name in enumerate(LEVELS)}


class OscError(Exception):
    def __init__(self, code: str, message: str, data: Any = None):
        super().__init__(message)
        self.code, self.message, self.data = code, message, data


@dataclass(frozen=True)
class Method:
    path: str  # without the leading slash, e.g. "volume/+"
    kind: str  # query | session | action | value
    level: str  # needed to use it (value methods: to set; reading needs "view")
    command: str | None = None  # the show command an action or value maps to
    args: str = ""  # OSC argument kinds: s string, i whole number, f number, b flag; "?" marks the rest optional
    state_key: str | None = None  # the snapshot field a value method reads
    osc_type: str = ""  # how an echo is typed: f, i or s
    help: str = ""

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.path.split("/"))


METHODS: tuple[Method, ...] = (
    # queries
    Method("thump", "query", "none", help='heartbeat: answers "thump"'),
    Method("version", "query", "view", help="the kiosk software's version"),
    Method("state", "query", "view", help="JSON snapshot of the screen's state"),
    Method("stories", "query", "view", help="the playlist: ids, titles, scene counts, durations"),
    Method("sync/ping", "query", "view", args="?f", help="the kiosk's receive and send times (clock offset)"),
    # session
    Method("connect", "session", "none", args="?s", help="passcode → ok:view|control|edit or badpass"),
    Method("disconnect", "session", "none", help="forget this client's level, reply port and subscription"),
    Method("alwaysReply", "session", "none", args="?b", help="1: reply ok to every action too"),
    Method("udpReplyPort", "session", "none", args="?i", help="also send replies and updates to this port"),
    Method("updates", "session", "view", args="?b", help="1: push state changes and a heartbeat"),
    # control
    Method("go", "action", "control", "go", "s", help="start a story at its first scene"),
    Method("open", "action", "control", "open", "s", help="show a story's content note"),
    Method("stop", "action", "control", "stop", help="fade out, back to attract"),
    Method("home", "action", "control", "home", help="back to the chooser"),
    Method("pause", "action", "control", "pause"),
    Method("resume", "action", "control", "resume"),
    Method("next", "action", "control", "next"),
    Method("previous", "action", "control", "previous"),
    Method("scene", "value", "control", "scene", "i", "scene", "i", help="jump to scene n (1-based)"),
    Method("volume", "value", "control", "volume", "f", "volume", "f", help="0–1"),
    Method("volume/+", "action", "control", "volume_step", "f", state_key="volume", help="relative volume change"),
    Method("mute", "value", "control", "mute", "b", "muted", "i"),
    Method("language", "value", "control", "language", "s", "language", "s"),
    Method("captions", "value", "control", "captions", "b", "captions", "i"),
    Method("description", "value", "control", "description", "b", "description", "i",
           help="audio description: each picture described before the scene's narration"),
    Method("voice", "value", "control", "voice", "b", "voice", "i", help="spoken guidance: menus read aloud"),
    Method("textsize", "value", "control", "text_size", "f", "text_size", "f", help="1, 1.5 or 2"),
    Method("contrast", "value", "control", "contrast", "b", "contrast", "i"),
    Method("blackout", "value", "control", "blackout", "b", "blackout", "i"),
    Method("identify", "action", "control", "identify", "?f", help="show the screen's name for N s (default 5)"),
    # edit
    Method("reload", "action", "edit", "reload", help="re-read the exhibition and its stories"),
    Method("screenshot", "action", "edit", "screenshot", "s", help="save a PNG at this path on the kiosk"),
    Method("thumbnail", "action", "control", "thumbnail", "?i",
           help="a JPEG of the screen, N px wide (default 320, at most 100 kB), as a blob in the reply (TCP only)"),
    Method("quit", "action", "edit", "quit", help="close the kiosk (its supervisor restarts it)"),
)

BY_PARTS: dict[tuple[str, ...], Method] = {m.parts: m for m in METHODS}
ECHOED = tuple(m for m in METHODS if m.kind == "value")


def check_args(method: Method, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """Check OSC arguments against the method's kinds; returns them converted (flags → bool, numbers → float)."""
    spec = method.args
    required = spec.split("?")[0]
    kinds = spec.replace("?", "")
    if not len(required) <= len(args) <= len(kinds):
        expected = str(len(required)) if len(required) == len(kinds) else f"{len(required)} to {len(kinds)}"
        raise OscError("bad_args", f"/{method.path} takes {expected} argument(s), got {len(args)}")
    out = []
    for kind, value in zip(kinds, args):
        out.append(_convert(method, kind, value))
    return tuple(out)


def _convert(method: Method, kind: str, value: Any) -> Any:
    where = f"/{method.path}"
    if kind == "s":
        if not isinstance(value, str) or not value or len(value) > 1024:
            raise OscError("bad_args", f"{where} expects a non-empty string")
        return value
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise OscError("bad_args", f"{where} expects a number, got a string") from None
    if value is None or not isinstance(value, (int, float)):
        raise OscError("bad_args", f"{where} expects a number")
    number = float(value)
    if not math.isfinite(number):
        raise OscError("bad_args", f"{where} expects a finite number")
    if kind == "b":
        if number not in (0.0, 1.0):
            raise OscError("bad_args", f"{where} expects 0 or 1")
        return number == 1.0
    if kind == "i":
        if number != int(number) or abs(number) > 2**31:
            raise OscError("bad_args", f"{where} expects a whole number")
        return int(number)
    return number
