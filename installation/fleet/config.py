"""The fleet file (config/fleet.yaml): the kiosks the console watches, their groups and the console's own settings.
Validated like every other file of the project: `path:line: message` (see docs/fleet.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ..content.load import relative_name, validate
from ..content.schema import Model
from ..content.yamlpos import Problem, load_yaml

DEFAULT_FLEET = "config/fleet.yaml"
NAME_PATTERN = r"^[A-Za-z0-9_-]+$"  # a kiosk's screen_name, as the exhibition file has it


class PasscodeReference(Model):
    # Passcodes by reference only: the name of an environment variable, or a file holding the passcode.
    passcode_env: str | None = Field(default=None, pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    passcode_file: str | None = Field(default=None, min_length=1)
    groups: list[str] = Field(default_factory=list)

    @field_validator("groups")
    @classmethod
    def _group_names(cls, value: list[str]) -> list[str]:
        import re

        for group in value:
            if not re.match(NAME_PATTERN, group):
                raise ValueError(f"group {group!r}: use letters, digits, '-' and '_' only")
        return value

    @model_validator(mode="after")
    def _one_reference(self) -> "PasscodeReference":
        if self.passcode_env and self.passcode_file:
            raise ValueError("give passcode_env or passcode_file, not both")
        return self


class KioskEntry(PasscodeReference):
    name: str = Field(pattern=NAME_PATTERN, max_length=64)
    host: str = Field(min_length=1, max_length=255)
    port: int = Field(default=53100, ge=1, le=65535)
    note: str | None = Field(default=None, max_length=500)  # maintenance note shown on the tile


class Discovery(PasscodeReference):
    """What a kiosk found on the LAN is given: the kiosks' shared OSC passcode (by reference) and groups."""


class Console(Model):
    host: str = Field(default="127.0.0.1", min_length=1)  # listen address: this machine only unless changed
    port: int = Field(default=8700, ge=0, le=65535)
    passcode_hash: str | None = Field(default=None, pattern=r"^scrypt\$")  # technicians: may act
    staff_passcode_hash: str | None = Field(default=None, pattern=r"^scrypt\$")  # front of house: may look
    open_view: bool = True  # the read-only view needs no login (on a console reachable by staff only)
    heartbeat: float = Field(default=2.0, ge=0.2, le=60)  # seconds between /state questions to each kiosk
    grace: float = Field(default=10.0, ge=0.5, le=3600)  # seconds without an answer before "unreachable"
    webhook: str | None = Field(default=None, pattern=r"^https?://")  # POSTed a JSON alert
    discover: bool = False  # also find kiosks on the LAN by mDNS/DNS-SD (zeroconf)
    login_attempts: int = Field(default=5, ge=1, le=1000)  # failed logins per source per minute
    sync_lead: float = Field(default=0.5, ge=0.1, le=10)  # seconds ahead a synchronised start is timetagged

    @field_validator("grace")
    @classmethod
    def _grace_above_heartbeat(cls, value: float, info: ValidationInfo) -> float:
        if value <= info.data.get("heartbeat", 0):
            raise ValueError("grace must be longer than heartbeat")
        return value


class FleetFile(Model):
    console: Console = Console()
    discovery: Discovery = Discovery()
    kiosks: list[KioskEntry] = Field(default_factory=list)


@dataclass(frozen=True)
class Kiosk:
    """A kiosk the console talks to, with its passcode read from where the fleet file points."""

    name: str
    host: str
    port: int
    groups: tuple[str, ...] = ()
    passcode: str | None = None
    note: str | None = None
    discovered: bool = False

    @property
    def target(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


@dataclass
class Fleet:
    console: Console
    kiosks: list[Kiosk]
    path: Path | None = None
    discovered: Kiosk = Kiosk("discovered", "", 0)  # the passcode and groups every discovered kiosk is given

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for kiosk in self.kiosks:
            for group in kiosk.groups:
                out.setdefault(group, []).append(kiosk.name)
        return out

    def members(self, group: str | None) -> list[Kiosk]:
        return [k for k in self.kiosks if group is None or group in k.groups]

    def kiosk(self, name: str) -> Kiosk | None:
        return next((k for k in self.kiosks if k.name == name), None)


def load_fleet(path: Path, root: Path | None = None) -> tuple[Fleet | None, list[Problem]]:
    """Read and check a fleet file. Returns (fleet, problems); the fleet is None when it has errors."""
    root = root or Path.cwd()
    shown = relative_name(path, root)
    located, problems = load_yaml(path, shown)
    if located is None:
        return None, problems
    if not isinstance(located.data, dict):
        return None, problems + [Problem(shown, 1, "a fleet file must be a mapping of keys to values")]
    model, more = validate(FleetFile, located, shown)
    problems += more
    if model is None:
        return None, problems
    kiosks, seen = [], {}
    for index, entry in enumerate(model.kiosks):
        line = located.line_of(("kiosks", index, "name"))
        if entry.name in seen:
            problems.append(Problem(shown, line, f"kiosk '{entry.name}' is listed twice (first on line "
                                                 f"{seen[entry.name]})"))
            continue
        seen[entry.name] = line
        passcode = _passcode(entry, path, shown, located, ("kiosks", index), problems)
        kiosks.append(Kiosk(entry.name, entry.host, entry.port, tuple(entry.groups), passcode, entry.note))
    discovery = model.discovery
    discovered = Kiosk("discovered", "", 0, tuple(discovery.groups),
                       _passcode(discovery, path, shown, located, ("discovery",), problems), discovered=True)
    if model.console.discover and discovered.passcode is None and not any(p.level == "error" for p in problems):
        problems.append(Problem(shown, located.line_of(("console", "discover")),
                                "discover: true, but discovered kiosks have no passcode (give discovery: "
                                "{passcode_env: NAME} or {passcode_file: FILE})", level="warning"))
    if any(p.level == "error" for p in problems):
        return None, problems
    return Fleet(model.console, kiosks, path, discovered), problems


def _passcode(entry: PasscodeReference, path: Path, shown: str, located, where: tuple,
              problems: list[Problem]) -> str | None:
    """The passcode an entry refers to (environment variable or file), or None; a reference that does not resolve
    is a problem."""
    if entry.passcode_env:
        passcode = os.environ.get(entry.passcode_env)
        if not passcode:
            problems.append(Problem(shown, located.line_of(where + ("passcode_env",)),
                                    f"environment variable {entry.passcode_env} is not set"))
        return passcode or None
    if entry.passcode_file:
        file = Path(entry.passcode_file)
        file = file if file.is_absolute() else path.parent / file
        try:
            return file.read_text(encoding="utf-8").strip() or None
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(shown, located.line_of(where + ("passcode_file",)),
                                    f"cannot read passcode file {entry.passcode_file}: "
                                    f"{getattr(exc, 'strerror', None) or exc}"))
    return None
