"""The content model: exhibitions and stories, as validated data (see docs/content.md)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

LANGUAGES = ("en", "zh-Hant")
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_media_path(value: str) -> str:
    if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value):
        raise ValueError("must be a path relative to media/, not an absolute path")
    if ".." in re.split(r"[/\\]", value):
        raise ValueError("must stay inside media/ (no '..')")
    return value


def _check_languages(value: dict[str, Any]) -> dict[str, Any]:
    unknown = [lang for lang in value if lang not in LANGUAGES]
    if unknown:
        raise ValueError(f"unknown language {unknown[0]!r} (use one of: {', '.join(LANGUAGES)})")
    if not value:
        raise ValueError("needs at least one language")
    return value


MediaPath = Annotated[str, AfterValidator(_check_media_path)]
Text = Annotated[dict[str, Annotated[str, Field(min_length=1)]], AfterValidator(_check_languages)]
TextList = Annotated[dict[str, list[str]], AfterValidator(_check_languages)]


class Cue(Model):
    text: str = Field(min_length=1)
    start: float = Field(ge=0)
    end: float = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Cue":
        if self.end <= self.start:
            raise ValueError("end must be after start")
        return self


class Scene(Model):
    id: str = Field(pattern=ID_PATTERN)
    illustration: MediaPath
    alt: Text
    description: Text | None = None
    hold: float = Field(default=1.5, ge=0, le=60)
    captions: Annotated[dict[str, list[str | Cue]], AfterValidator(_check_languages)]


    @field_validator("captions")
    @classmethod
    def _not_empty(cls, value: dict[str, list[str | Cue]]) -> dict[str, list[str | Cue]]:
        for lang, items in value.items():
            if not items:
                raise ValueError(f"captions for {lang} are empty")
            if any(isinstance(item, str) and not item.strip() for item in items):
                raise ValueError(f"a caption for {lang} is empty")
        return value


class Story(Model):
    id: str = Field(pattern=ID_PATTERN)
    kind: Literal["story", "voice", "about"] = "story"
    name: Text
    place: Text
    summary: Text | None = None
    content_notes: TextList
    thumbnail: MediaPath | None = None
    withdrawn: bool = False
    scenes: list[Scene] = Field(min_length=1)
    epilogue: TextList

    @field_validator("content_notes")
    @classmethod
    def _notes_present(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for lang, notes in value.items():
            if not notes or not all(note.strip() for note in notes):
                raise ValueError(f"content notes for {lang} must list at least one specific note")
        return value

    @model_validator(mode="after")
    def _unique_scene_ids(self) -> "Story":
        seen: set[str] = set()
        for scene in self.scenes:
            if scene.id in seen:
                raise ValueError(f"scene id {scene.id!r} is used twice")
            seen.add(scene.id)
        return self

    @property
    def thumbnail_path(self) -> str:
        return self.thumbnail or self.scenes[0].illustration


class Idle(Model):
    timeout: float = Field(default=90, gt=0)
    warning: float = Field(default=30, ge=20)


class Theme(Model):
    background: str = Field(default="#15171c", pattern=COLOUR_PATTERN)
    text: str = Field(default="#f3efe6", pattern=COLOUR_PATTERN)
    accent: str = Field(default="#d8a25e", pattern=COLOUR_PATTERN)
    attract_image: MediaPath | None = None
    chooser_image: MediaPath | None = None


class Resources(Model):
    title: Text
    lines: TextList


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SPAN_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"


def _check_span(value: str) -> str:
    if not re.match(SPAN_PATTERN, value):
        raise ValueError(f"opening span {value!r} must look like '10:00-17:30' (24-hour clock; end may be 24:00)")
    start, end = value.split("-")
    if end <= start:
        raise ValueError(f"opening span {value!r} must end after it starts (use 24:00 for midnight)")
    return value


def _check_timezone(value: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown timezone {value!r} (an IANA name such as 'America/Toronto')") from None
    return value


Span = Annotated[str, AfterValidator(_check_span)]


class Hours(Model):
    """Opening hours (docs/operations.md): outside them the kiosk sleeps (black screen, no sound)."""

    timezone: Annotated[str, AfterValidator(_check_timezone)]
    weekly: dict[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"], list[Span]] = Field(default_factory=dict)
    closed: list[date] = Field(default_factory=list)  # whole days closed (holidays), in the exhibition's timezone


class StatsSettings(Model):
    """Visitor statistics (docs/operations.md)."""

    enabled: bool = True
    path: str | None = None  # the database file; relative paths are under the project; default: the state directory


class OscPasscodes(Model):
    """Optional passcode per access level; a level without one is open (up to the first locked level)."""

    view: str | None = Field(default=None, min_length=1, max_length=128)
    control: str | None = Field(default=None, min_length=1, max_length=128)
    edit: str | None = Field(default=None, min_length=1, max_length=128)


class OscConfig(Model):
    """Remote control over OSC (UDP and TCP/SLIP on one port); see docs/osc.md."""

    enabled: bool = True
    host: str = Field(default="127.0.0.1", min_length=1)  # listen address; "0.0.0.0" for the gallery network
    port: int = Field(default=53100, ge=0, le=65535)  # 0: any free port (tests)
    tcp: bool = True
    allow: list[str] = Field(default_factory=lambda: ["127.0.0.0/8", "::1/128"])  # source CIDRs
    passcodes: OscPasscodes = OscPasscodes()
    rate_limit: float = Field(default=200.0, gt=0, le=1_000_000)  # messages per second per source address
    burst: int = Field(default=400, ge=1, le=1_000_000)  # messages a source may send at once
    min_go_interval: float = Field(default=1.0, ge=0, le=3600)  # seconds between two /go
    forget_after: float = Field(default=60.0, ge=5, le=86400)  # silent UDP clients and subscribers
    heartbeat: float = Field(default=5.0, ge=0.5, le=3600)  # seconds between pushed /update…/state
    max_packet: int = Field(default=16384, ge=512, le=65507)  # bytes; larger packets are logged and dropped

    @field_validator("allow")
    @classmethod
    def _cidrs(cls, value: list[str]) -> list[str]:
        import ipaddress

        for item in value:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"{item!r} is not an address or CIDR block (e.g. 10.0.0.0/24)") from None
        return value


class MetricsConfig(Model):
    """Prometheus metrics over HTTP (docs/deploy.md, Monitoring)."""

    port: int = Field(default=9464, ge=0, le=65535)  # 0: any free port (logged)
    host: str = Field(default="127.0.0.1", min_length=1, max_length=255)  # 0.0.0.0 for the gallery's Prometheus
    enabled: bool = True


class Exhibition(Model):
    id: str = Field(pattern=ID_PATTERN)
    title: Text
    subtitle: Text | None = None
    venue: Text | None = None
    screen_name: str = Field(default="kiosk", pattern=r"^[A-Za-z0-9_-]+$")
    playlist: list[str] = Field(min_length=1)
    languages: list[Literal["en", "zh-Hant"]] = Field(min_length=1)
    default_language: Literal["en", "zh-Hant"]
    idle: Idle = Idle()
    theme: Theme = Theme()
    resources: Resources
    osc: OscConfig | None = None
    hours: Hours | None = None
    stats: StatsSettings = StatsSettings()
    metrics: MetricsConfig | None = None

    @model_validator(mode="after")
    def _default_in_languages(self) -> "Exhibition":
        if self.default_language not in self.languages:
            raise ValueError(f"default_language {self.default_language!r} is not in languages")
        if len(set(self.playlist)) != len(self.playlist):
            raise ValueError("playlist names a story twice")
        return self
