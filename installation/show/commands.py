"""The one vocabulary of commands shared by touch, keys, OSC, schedules and test scripts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

# Sources whose commands count as a visitor being present (they postpone the idle reset).
VISITOR_SOURCES = frozenset({"touch", "mouse", "key", "script"})


class CommandError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Outcome:
    """The show's verdict on one command: done ("ok"), or refused with a code and a message a person can act on."""

    code: str = "ok"
    message: str = ""
    data: Any = None  # for a refusal, what would have been valid (e.g. the playable stories); else the result

    @property
    def ok(self) -> bool:
        return self.code == "ok"

    @classmethod
    def rejected(cls, code: str, message: str, data: Any = None) -> "Outcome":
        return cls(code, message, data)


OK = Outcome()


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, str) and value.lower() in ("1", "true", "on", "yes", "0", "false", "off", "no"):
        return value.lower() in ("1", "true", "on", "yes")
    raise ValueError(f"expected 0 or 1, got {value!r}")


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {value!r}")
    return float(value)


def _whole(value: Any) -> int:
    number = _number(value)
    if number != int(number):
        raise ValueError(f"expected a whole number, got {value!r}")
    return int(number)


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"expected a name, got {value!r}")
    return value


def _content(value: Any) -> Any:
    if value is not None and not hasattr(value, "stories"):
        raise ValueError("expected a loaded library")
    return value


def _paths(value: Any) -> frozenset:
    return frozenset(value)


def _problems(value: Any) -> tuple:
    return tuple(value)


@dataclass(frozen=True)
class Spec:
    args: tuple[Callable[[Any], Any], ...] = ()
    optional: int = 0  # how many trailing args may be left out
    help: str = ""
    internal: bool = False  # posted by the kiosk itself (live reload), never written in a script


SPECS: dict[str, Spec] = {
    # moving between screens
    "begin": Spec(help="attract → chooser"),
    "open": Spec((_text,), help="show a story's content note"),
    "go": Spec((_text,), help="start a story at its first scene"),
    "continue": Spec(help="content note → story; end card → chooser"),
    "decline": Spec(help="content note → chooser"),
    "home": Spec(help="chooser; leaving a story early shows the resources first"),
    "back": Spec(help="one step back"),
    "stop": Spec(help="fade out, back to attract"),
    "select": Spec(help="activate the focused control"),
    "focus": Spec((_whole,), help="focus the control with this index"),
    "scroll_to": Spec((_whole,), help="chooser: first visible row"),
    "extend": Spec(help="dismiss the idle warning"),
    # playback
    "pause": Spec(),
    "resume": Spec(),
    "toggle_pause": Spec(),
    "next": Spec(),
    "previous": Spec(),
    "replay": Spec(),
    "scene": Spec((_whole,), help="jump to scene n (1-based)"),
    # visitor settings
    "language": Spec((_text,)),
    "cycle_language": Spec(),
    "captions": Spec((_flag,)),
    "toggle_captions": Spec(),
    "text_size": Spec((_number,), help="1, 1.5 or 2"),
    "cycle_text_size": Spec(),
    "description": Spec((_flag,), help="audio description: each picture is described before the scene's narration"),
    "toggle_description": Spec(),
    "voice": Spec((_flag,), help="spoken guidance: the chooser, content notes and end cards read aloud"),
    "toggle_voice": Spec(),
    "contrast": Spec((_flag,)),
    "toggle_contrast": Spec(),
    "volume": Spec((_number,), help="0–1"),
    "volume_step": Spec((_number,), help="relative change, e.g. 0.1 or -0.1"),
    "mute": Spec((_flag,)),
    "toggle_mute": Spec(),
    "help": Spec((_flag,), optional=1, help="show or hide help (toggles without argument)"),
    # technician
    "blackout": Spec((_flag,)),
    "identify": Spec((_number,), optional=1, help="show the screen's name for N seconds (default 5)"),
    "quit": Spec(help="close the kiosk (a supervisor restarts it); in a script, the steps after it do not run"),
    "reload": Spec(help="load changed content again; applied at the next safe point (docs/operations.md)"),
    "screenshot": Spec((_text,), help="save a PNG of the screen at this path"),
    "thumbnail": Spec((_whole,), optional=1, help="a small JPEG of the screen, N px wide (default 320), as the result"),
    "new_content": Spec((_content, _paths, _problems), internal=True,
                        help="live reload's result: a new library (or None: refused), the changed media files, the "
                             "problems to show curators"),
}


@dataclass(frozen=True)
class Command:
    name: str
    args: tuple[Any, ...] = ()
    source: str = "script"
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def from_visitor(self) -> bool:
        return self.source in VISITOR_SOURCES


def make(name: str, *args: Any, source: str = "script") -> Command:
    """Build a command, checking its name and arguments; raises CommandError(code, message)."""
    spec = SPECS.get(name)
    if spec is None:
        raise CommandError("not_found", f"unknown command '{name}'")
    needed = len(spec.args) - spec.optional
    if not needed <= len(args) <= len(spec.args):
        expected = f"{needed}" if not spec.optional else f"{needed} to {len(spec.args)}"
        raise CommandError("bad_args", f"'{name}' takes {expected} argument(s), got {len(args)}")
    try:
        converted = tuple(convert(arg) for convert, arg in zip(spec.args, args))
    except (TypeError, ValueError, OverflowError) as exc:
        raise CommandError("bad_args", f"'{name}': {exc}") from None
    return Command(name, converted, source)
