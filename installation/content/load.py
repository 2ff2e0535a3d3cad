"""Read an exhibition and its stories from YAML into validated models, with every problem as `path:line`."""

from __future__ import annotations

import logging
import re
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .mediafiles import confined, inside
from .project import project_root
from .schema import ID_PATTERN, Cue, Exhibition, Model, Story
from .yamlpos import Located, Problem, load_yaml

log = logging.getLogger(__name__)

# Pace for captions that have no narration to follow (characters per second).
READING_PACE = {"en": 14.0, "zh-Hant": 6.0}
MIN_CUE, MAX_CUE, CUE_GAP = 1.5, 7.0, 0.3


@dataclass(frozen=True)
class Timing:
    """How one scene plays in one language: its cues, its narration file (if any) and its length."""

    cues: tuple[Cue, ...]
    narration: Path | None
    length: float
    description_end: float = 0.0  # the audio-described version: where the description ends and the story resumes


@dataclass
class Library:
    root: Path
    exhibition: Exhibition
    stories: dict[str, Story]
    timings: dict[tuple[str, int, str], Timing]
    problems: list[Problem] = field(default_factory=list)
    described: dict[tuple[str, int, str], Timing] = field(default_factory=dict)  # filled as they are asked for
    lengths: dict[tuple[str, int, str], float] = field(default_factory=dict)
    resolved: dict[str, Path | None] = field(default_factory=dict, compare=False, repr=False)

    def media(self, relative: str) -> Path | None:
        """The file a media path names, or None if it leads outside media/ (it is then never opened). Resolved once
        per library (every link on the way is looked up): a tap on Next asks for the next scene's picture and sound."""
        if relative not in self.resolved:
            self.resolved[relative] = confined(self.root / "media", relative)
        return self.resolved[relative]

    def timing(self, story_id: str, scene: int, language: str, described: bool = False) -> Timing:
        """How a scene plays; `described`: its audio-described version, if one was built (else the plain one)."""
        plain = self.timings.get((story_id, scene, language))
        if plain is None:  # read when first asked for (a story opening), not for every scene at start-up
            plain = self.timings[(story_id, scene, language)] = scene_timing(self, self.stories[story_id], scene,
                                                                             language)
        if not described:
            return plain
        key = (story_id, scene, language)
        found = self.described.get(key)
        if found is None:
            found = self.described[key] = described_timing(self, self.stories[story_id], scene, language) or plain
        return found

    def story_length(self, story_id: str, language: str) -> float:
        story = self.stories[story_id]
        return sum(self.scene_length(story_id, i, language) + scene.hold for i, scene in enumerate(story.scenes))

    def scene_length(self, story_id: str, scene: int, language: str) -> float:
        """A scene's length without reading its captions when it is narrated (the recording's length)."""
        found = self.timings.get((story_id, scene, language))
        if found is not None:
            return found.length
        story = self.stories[story_id]
        key = (story_id, scene, language)
        length = self.lengths.get(key)
        if length is None:
            wav = confined_narration(self.root, story_id, story.scenes[scene].id, language)
            length = self.lengths[key] = wav_length(wav) or self.timing(story_id, scene, language).length
        return length


def relative_name(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def validate(model: type[Model], located: Located, shown: str) -> tuple[Any, list[Problem]]:
    try:
        return model.model_validate(located.data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            message = error["msg"].removeprefix("Value error, ")
            where = ".".join(str(part) for part in loc if not _is_type_tag(part))
            if error["type"] == "extra_forbidden":
                message = f"unknown key '{loc[-1]}'"
            elif error["type"] == "missing":
                message = f"missing required field '{loc[-1]}'"
            elif where:
                message = f"{where}: {message}"
            problems.append(Problem(shown, located.line_of(tuple(p for p in loc if not _is_type_tag(p))), message))
        return None, _dedupe(problems)


def _is_type_tag(part: Any) -> bool:
    # pydantic puts the union member's name in the location of union errors ("str", "Cue").
    return isinstance(part, str) and (part in ("str", "Cue") or part.startswith("function-"))


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for problem in problems:
        key = (problem.line, problem.message)
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out


def is_story_id(value: object) -> bool:
    """Story ids are names, never paths: `bo-bo`, not `./bo-bo` or `../x`."""
    return isinstance(value, str) and re.match(ID_PATTERN, value) is not None


def outside_media(root: Path, relative: str, what: str) -> str | None:
    """The problem with a media path that leads (through a link) outside media/, else None."""
    from .schema import _check_media_path

    try:
        _check_media_path(relative)
    except ValueError:
        return None  # an absolute path or '..': a schema error already
    path = root / "media" / relative
    if confined(root / "media", relative) is not None or not path.exists():
        return None  # inside, or missing (a broken link too): `check` says so; the kiosk shows a placeholder
    return f"{what}: media/{relative} is a link to a file outside media/ ({link_target(path)})"


def link_target(path: Path) -> str:
    """Where a link leads, for a message (a loop of links has no target)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return "a loop of links"


def media_problems(root: Path, located: Located, shown: str, fields: list[tuple[tuple, str]]) -> list[Problem]:
    problems = []
    for loc, what in fields:
        value = value_at(located.data, loc)
        message = outside_media(root, value, what) if isinstance(value, str) else None
        if message:
            problems.append(Problem(shown, located.line_of(loc), message))
    return problems


def value_at(data: Any, loc: tuple) -> Any:
    """The value at a location in plain YAML data (keys and list indexes), or None."""
    for part in loc:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
        elif not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def load_story(path: Path, root: Path) -> tuple[Story | None, list[Problem]]:
    shown = relative_name(path, root)
    located, problems = load_yaml(path, shown)
    if located is None:
        return None, problems
    if not isinstance(located.data, dict):
        return None, problems + [Problem(shown, 1, "a story file must be a mapping of keys to values")]
    story, more = validate(Story, located, shown)
    problems += more
    scenes = located.data.get("scenes")
    fields = [(("thumbnail",), "thumbnail")] + [
        (("scenes", i, "illustration"), "illustration") for i in range(len(scenes) if isinstance(scenes, list) else 0)]
    problems += media_problems(root, located, shown, fields)
    declared = located.data.get("id")
    if isinstance(declared, str) and declared != path.stem:
        problems.append(Problem(shown, located.line_of(("id",)), f"id '{declared}' must match the file name '{path.stem}'"))
        story = None
    return story, problems


def load_exhibition(path: Path, root: Path) -> tuple[Exhibition | None, Located | None, list[Problem]]:
    shown = relative_name(path, root)
    located, problems = load_yaml(path, shown)
    if located is None:
        return None, None, problems
    if not isinstance(located.data, dict):
        return None, None, problems + [Problem(shown, 1, "an exhibition file must be a mapping of keys to values")]
    exhibition, more = validate(Exhibition, located, shown)
    fields = [(("theme", name), f"theme.{name}") for name in ("attract_image", "chooser_image")]
    return exhibition, located, problems + more + media_problems(root, located, shown, fields)


def load_library(config_path: Path, root: Path | None = None) -> tuple[Library | None, list[Problem]]:
    """Load the exhibition and every story in its playlist. Invalid or withdrawn stories are left out;
    the library is None only if the exhibition itself cannot be used."""
    root = (root or project_root(config_path)).resolve()
    exhibition, located, problems = load_exhibition(config_path, root)
    if exhibition is None or located is None:
        return None, problems
    shown = relative_name(config_path, root)
    stories: dict[str, Story] = {}
    for index, story_id in enumerate(exhibition.playlist):
        line = located.line_of(("playlist", index))
        if not is_story_id(story_id):
            problems.append(Problem(shown, line, f"playlist: {story_id!r} is not a story id"))
            continue
        story_path = root / "stories" / f"{story_id}.yaml"
        if not story_path.exists() and not story_path.is_symlink():
            problems.append(Problem(shown, line, f"playlist: no story file stories/{story_id}.yaml"))
            continue
        if not inside(story_path, root):
            problems.append(Problem(shown, line, f"playlist: stories/{story_id}.yaml is a link to a file outside "
                                                 f"the project ({link_target(story_path)})"))
            continue
        if not story_path.is_file():
            problems.append(Problem(shown, line, f"playlist: stories/{story_id}.yaml is not a file"))
            continue
        story, more = load_story(story_path, root)
        problems += more
        if story is None:
            continue
        if story.withdrawn:
            problems.append(Problem(shown, line, f"story '{story_id}' is withdrawn and is not shown", "warning"))
            continue
        stories[story_id] = story
    if not stories:
        problems.append(Problem(shown, located.line_of(("playlist",)), "no playable story in the playlist"))
    return Library(root, exhibition, stories, {}, problems), problems


def narration_path(root: Path, story_id: str, scene_id: str, language: str, suffix: str = ".wav") -> Path:
    return root / "media" / "narration" / story_id / f"{scene_id}.{language}{suffix}"


def confined_narration(root: Path, story_id: str, scene_id: str, language: str, suffix: str = ".wav") -> Path | None:
    """The narration file (or its cues) if it stays inside media/; a link out of it is never opened."""
    path = narration_path(root, story_id, scene_id, language, suffix)
    return path if inside(path, root / "media") else None


def scene_timing(library: Library, story: Story, index: int, language: str) -> Timing:
    scene = story.scenes[index]
    items = scene.captions.get(language) or scene.captions.get(library.exhibition.default_language) or []
    wav = confined_narration(library.root, story.id, scene.id, language)
    length = wav_length(wav)
    narration = wav if length else None
    cues = explicit_cues(items)
    if cues is None:
        vtt = confined_narration(library.root, story.id, scene.id, language, ".vtt")
        cues = read_cues(vtt) if narration and vtt and vtt.is_file() else None
    if cues is None:
        texts = [item if isinstance(item, str) else item.text for item in items]
        cues = spread_cues(texts, length) if length else paced_cues(texts, language)
    if not length:
        length = cues[-1].end if cues else MIN_CUE
    return Timing(tuple(cues), narration, length)


def described_timing(library: Library, story: Story, index: int, language: str) -> Timing | None:
    """The scene with its description spoken first (`media build` makes `<scene>.<lang>.ad.wav` and `.ad.vtt`)."""
    scene = story.scenes[index]
    wav = confined_narration(library.root, story.id, scene.id, language, ".ad.wav")
    length = wav_length(wav)
    vtt = confined_narration(library.root, story.id, scene.id, language, ".ad.vtt")
    cues = read_cues(vtt) if length and vtt and vtt.is_file() else None
    items = scene.captions.get(language) or []
    described = len(cues) - len(items) if cues else 0
    if not cues or described <= 0:
        return None
    return Timing(tuple(cues), wav, length, cues[described - 1].end)


def explicit_cues(items: list[str | Cue]) -> list[Cue] | None:
    if items and all(isinstance(item, Cue) for item in items):
        return list(items)  # type: ignore[arg-type]
    return None


def wav_length(path: Path | None) -> float:
    if path is None or not path.is_file():  # a FIFO or a device is never opened
        return 0.0
    try:
        with wave.open(str(path), "rb") as handle:
            return handle.getnframes() / float(handle.getframerate())
    except (OSError, EOFError, wave.Error):
        return 0.0


def read_cues(path: Path) -> list[Cue] | None:
    import webvtt

    try:
        return [
            Cue(text=c.text.strip(), start=_seconds(c.start_time), end=_seconds(c.end_time))
            for c in webvtt.read(str(path))
            if c.text.strip()
        ] or None
    except Exception as exc:  # any malformed subtitle file: fall back to paced captions
        log.warning("%s: cannot read cues (%s); captions follow their own clock", path, exc)
        return None


def _seconds(stamp: Any) -> float:
    return stamp.hours * 3600 + stamp.minutes * 60 + stamp.seconds + stamp.milliseconds / 1000


def paced_cues(texts: list[str], language: str) -> list[Cue]:
    pace = READING_PACE.get(language, READING_PACE["en"])
    cues, start = [], 0.0
    for text in texts:
        duration = min(MAX_CUE, max(MIN_CUE, len(text) / pace))
        cues.append(Cue(text=text, start=start, end=start + duration))
        start += duration + CUE_GAP
    return cues


def spread_cues(texts: list[str], length: float) -> list[Cue]:
    total = sum(len(t) for t in texts) or 1
    cues, start = [], 0.0
    for text in texts:
        end = start + length * len(text) / total
        cues.append(Cue(text=text, start=start, end=max(end, start + 0.1)))
        start = end
    return cues
