"""`installation check`: the curator's linter.

Reads an exhibition, the stories in its playlist and their media, and reports every problem at once as
`path:line: level: message`, sorted by file and line (see docs/curators.md for the list of checks). Exit status 1 if
any problem is an error, 0 otherwise. Nothing here raises: an unexpected failure while checking one file becomes an
error line for that file.

Heavy libraries (pygame, numpy, pyloudnorm, Pillow, mutagen) are imported inside functions.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .linebreak import LINE_CHARS, caption_lines, line_width
from .yamlpos import Located, Problem, load_yaml

ERROR, WARNING = "error", "warning"

# Caption rules (see /docs/curators.md and the accessibility notes: Netflix timed-text style guides, BBC).
MAX_LINES = 2
MIN_CUE = 5 / 6  # seconds on screen, at least (20 frames at 24 fps ≈ 0.83 s)
MAX_CUE = 7.0  # seconds on screen, at most
MAX_CPS = {"en": 17.0, "zh-Hant": 9.0}  # reading speed, characters per second
CUE_SLACK = 0.05  # seconds a cue may run past the end of the narration (rounding in subtitle files)

DEFAULT_TARGET = -20.0  # LUFS, when neither --target nor the narration build's manifest says otherwise
LOUDNESS_TOLERANCE = 2.0  # LU
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")

# Localised texts of a story or an exhibition: (location, required in every language of the show; None: checked
# elsewhere).
EXHIBITION_TEXTS: tuple[tuple[tuple, bool | None], ...] = (
    (("title",), True), (("subtitle",), False), (("venue",), False),
    (("resources", "title"), True), (("resources", "lines"), True),
)
STORY_TEXTS: tuple[tuple[tuple, bool | None], ...] = (
    (("name",), True), (("place",), True), (("summary",), False),
    (("content_notes",), None), (("epilogue",), True),
)
SCENE_TEXTS: tuple[tuple[str, bool], ...] = (("alt", True), ("description", False))

# Schema messages whose line the loader cannot know (they come from whole-model validators): re-placed here.
_SCENE_TWICE = re.compile(r"^scene id '.*' is used twice$")
_PLAYLIST_TWICE = "playlist names a story twice"
_DEFAULT_NOT_IN = re.compile(r"^default_language '.*' is not in languages$")
_NOTES_EMPTY = re.compile(r"^content_notes: content notes for .* must list at least one specific note$")


# ------------------------------------------------------------------------------------------------- results


@dataclass
class Finding:
    problem: Problem
    story: str | None = None  # the story it concerns, if any
    scene: int | None = None  # the scene's index in that story, if any


@dataclass
class Report:
    """Everything `check` found; `problems` is sorted by file and line."""

    root: Path
    config: str
    findings: list[Finding] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)  # playlist stories that were checked
    withdrawn: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [f.problem for f in sorted_findings(self.findings)]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.problem.level == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.problem.level == WARNING)

    def for_scene(self, story: str, scene: int) -> list[Problem]:
        return [f.problem for f in sorted_findings(self.findings) if f.story == story and f.scene == scene]

    def for_story(self, story: str) -> list[Problem]:
        """Problems of the story that belong to no single scene."""
        return [f.problem for f in sorted_findings(self.findings) if f.story == story and f.scene is None]


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.problem.path, f.problem.line))


# ------------------------------------------------------------------------------------------------- checker


class Checker:
    def __init__(self, root: Path, target: float | None = None, audio: bool = True):
        self.root = root.resolve()
        self.media_root = (self.root / "media").resolve()
        self.target = target if target is not None else manifest_target(self.root)
        self.audio = audio
        self.findings: list[Finding] = []
        self._seen: set[tuple] = set()
        self.story: str | None = None
        self.scene: int | None = None
        self._images: dict[Path, list[str]] = {}
        self._glyph_cache: dict[str, list[str]] = {}

    # -- recording problems

    def add(self, path: str, line: int, message: str, level: str = ERROR) -> None:
        self.extend([Problem(path, int(line or 1), message, level)])

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if "\n" in problem.message:  # one problem, one line (YAML's messages can span several)
                problem = Problem(problem.path, problem.line, re.sub(r"\s*\n\s*", " ", problem.message).strip(),
                                  problem.level)
            key = (problem.path, problem.line, problem.level, problem.message)
            if key not in self._seen:  # e.g. one narration file used by two scenes with the same id
                self._seen.add(key)
                self.findings.append(Finding(problem, self.story, self.scene))

    def guarded(self, shown: str, what: str, action: Callable[[], Any]) -> Any:
        """Run one check; an unexpected exception becomes an error line instead of a traceback."""
        try:
            return action()
        except Exception as exc:  # noqa: BLE001 - the linter must never crash
            self.add(shown, 1, f"could not check {what}: unexpected {type(exc).__name__}: {exc}")
            return None

    def shown(self, path: Path) -> str:
        try:
            return str(path.absolute().relative_to(self.root))
        except ValueError:
            try:
                return str(path.resolve().relative_to(self.root))
            except (ValueError, OSError, RuntimeError):
                return str(path)

    # -- the exhibition

    def check_exhibition(self, config: Path, only: Iterable[str] | None = None) -> Report:
        from .load import load_exhibition

        shown = self.shown(config)
        report = Report(self.root, shown)
        exhibition, located, problems = load_exhibition(config, self.root)
        if located is None:
            self.extend(problems)
            report.findings = self.findings
            return report
        self.extend(self._relocate_exhibition(problems, located))
        data = located.data if isinstance(located.data, dict) else {}
        languages = self._languages(exhibition, data)
        self.guarded(shown, "the exhibition's texts", lambda: self.check_texts(shown, located, EXHIBITION_TEXTS, (), languages))
        theme = data.get("theme")
        if isinstance(theme, dict) and isinstance(theme.get("attract_image"), str):
            self.guarded(shown, "theme.attract_image", lambda: self.check_image(
                theme["attract_image"], shown, located.line_of(("theme", "attract_image")), "theme.attract_image"))
        playlist = data.get("playlist")
        if not isinstance(playlist, list):
            report.findings = self.findings
            return report
        seen: dict[str, int] = {}
        ids: list[tuple[str, int]] = []
        for index, story_id in enumerate(playlist):
            line = located.line_of(("playlist", index))
            if not isinstance(story_id, str) or not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", story_id):
                if not any(f.problem.line == line and f.problem.path == shown for f in self.findings):
                    self.add(shown, line, f"playlist: {story_id!r} is not a story id")
                continue
            if story_id in seen:
                self.add(shown, line, f"playlist names story '{story_id}' twice (first at line {seen[story_id]})")
                continue
            seen[story_id] = line
            ids.append((story_id, line))
        if only is not None:  # e.g. the storyboard of some stories: check just those (even outside the playlist)
            wanted = list(dict.fromkeys(only))
            ids = [(s, line) for s, line in ids if s in wanted] + [(s, 1) for s in wanted if s not in seen]
        for story_id, line in ids:
            self.story, self.scene = story_id, None
            outcome = self.guarded(f"stories/{story_id}.yaml", f"story '{story_id}'",
                                   lambda: self.check_story(story_id, shown, line, languages))
            if outcome == "withdrawn":
                report.withdrawn.append(story_id)
            elif outcome is not None:
                report.stories.append(story_id)
        self.story = self.scene = None
        self.guarded("stories", "story ids", lambda: self.check_duplicate_ids([s for s, _ in ids]))
        report.findings = self.findings
        return report

    def _languages(self, exhibition: Any, data: dict) -> list[str]:
        from .schema import LANGUAGES

        if exhibition is not None:
            return list(exhibition.languages)
        raw = data.get("languages")
        if isinstance(raw, list):
            known = [lang for lang in raw if lang in LANGUAGES]
            if known:
                return known
        return list(LANGUAGES)

    def _relocate_exhibition(self, problems: list[Problem], located: Located) -> list[Problem]:
        out = []
        for problem in problems:
            if problem.message == _PLAYLIST_TWICE:
                continue  # reported with the line of the second entry by check_exhibition
            if _DEFAULT_NOT_IN.match(problem.message):
                out.append(Problem(problem.path, located.line_of(("default_language",)), problem.message, problem.level))
            else:
                out.append(problem)
        return out

    # -- a story

    def check_story(self, story_id: str, config_shown: str, playlist_line: int, languages: list[str]) -> str | None:
        from .load import load_story
        from .schema import Scene

        path = self.root / "stories" / f"{story_id}.yaml"
        shown = f"stories/{story_id}.yaml"
        if not path.exists() and not path.is_symlink():
            self.add(config_shown, playlist_line, f"playlist: no story file {shown}")
            return None
        if not self._inside(path, self.root):
            self.add(config_shown, playlist_line,
                     f"playlist: {shown} is a link to a file outside the project ({_target(path)})")
            return None
        if not path.is_file():
            self.add(config_shown, playlist_line, f"playlist: {shown} is not a file")
            return None
        located, _ = load_yaml(path, shown)
        data = located.data if located is not None and isinstance(located.data, dict) else None
        if data is not None and data.get("withdrawn") is True:
            # Nothing of a withdrawn story is shown, so nothing else in it matters here.
            self.add(shown, located.line_of(("withdrawn",)), "withdrawn: not shown in any playlist", WARNING)
            return "withdrawn"
        story, problems = load_story(path, self.root)
        self.extend(p for p in problems if not _SCENE_TWICE.match(p.message) and not _NOTES_EMPTY.match(p.message))
        if located is None or data is None:
            return None
        self.check_texts(shown, located, STORY_TEXTS, (), languages)
        self.check_content_notes(shown, located, languages)
        if isinstance(data.get("thumbnail"), str):
            self.guarded(shown, "thumbnail", lambda: self.check_image(
                data["thumbnail"], shown, located.line_of(("thumbnail",)), "thumbnail"))
        scenes = data.get("scenes")
        if not isinstance(scenes, list):
            return "checked"
        first_line: dict[str, int] = {}
        for index, raw in enumerate(scenes):
            self.scene = index
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                line = located.line_of(("scenes", index, "id"))
                if raw["id"] in first_line:
                    self.add(shown, line, f"scene id '{raw['id']}' is used twice in this story "
                                          f"(first at line {first_line[raw['id']]})")
                else:
                    first_line[raw["id"]] = line
            try:
                scene = Scene.model_validate(raw)
            except Exception:  # its schema problems are already reported (with their lines) by load_story
                if isinstance(raw, dict) and isinstance(raw.get("illustration"), str):
                    self.guarded(shown, "illustration", lambda: self.check_image(
                        raw["illustration"], shown, located.line_of(("scenes", index, "illustration")), "illustration"))
                continue
            self.guarded(shown, f"scene '{scene.id}'",
                         lambda: self.check_scene(story_id, index, scene, shown, located, languages))
        self.scene = None
        self.guarded(shown, "recordings", lambda: self.check_recordings(story_id, shown))
        return "checked"

    def check_duplicate_ids(self, playlist: list[str]) -> None:
        """The same story id in two files (e.g. a copied story whose id was not changed)."""
        folder = self.root / "stories"
        if not folder.is_dir():
            return
        owners: dict[str, list[tuple[str, int]]] = {}
        for path in sorted(folder.glob("*.y*ml")):
            if path.suffix not in (".yaml", ".yml") or not path.is_file():
                continue
            located, _ = load_yaml(path, self.shown(path))
            if located is None or not isinstance(located.data, dict) or not isinstance(located.data.get("id"), str):
                continue
            owners.setdefault(located.data["id"], []).append((self.shown(path), located.line_of(("id",))))
        for story_id, files in owners.items():
            if len(files) < 2 or story_id not in playlist:
                continue
            for shown, line in files:
                others = ", ".join(f"{other}:{other_line}" for other, other_line in files if other != shown)
                self.story = story_id
                self.add(shown, line, f"story id '{story_id}' is also used by {others}")
        self.story = None

    def check_content_notes(self, shown: str, located: Located, languages: list[str]) -> None:
        notes = located.data.get("content_notes")
        if not isinstance(notes, dict):
            return  # missing or malformed: a schema error already
        for language, items in notes.items():
            if not isinstance(items, list):
                continue  # a schema error already
            blank = [i for i, note in enumerate(items) if isinstance(note, str) and not note.strip()]
            if not items or blank:
                line = located.line_of(("content_notes", language) + ((blank[0],) if blank else ()))
                self.add(shown, line, f"content notes for {language} must list at least one specific note "
                                      f"(e.g. \"immigration detention\"), and no empty one")
        for language in languages:
            if language in notes:
                continue
            self.add(shown, located.line_of(("content_notes",)),
                     f"content_notes: no notes in {language} (visitors choosing {language} must be told "
                     f"what the story contains before it starts)")

    # -- texts

    def check_texts(self, shown: str, located: Located, fields: Iterable[tuple[tuple, bool | None]], base: tuple,
                    languages: list[str]) -> None:
        for loc, required in fields:
            value = _get(located.data, base + loc)
            if value is None:
                continue
            self.check_localised(shown, located, base + loc, value, required, languages)

    def check_localised(self, shown: str, located: Located, loc: tuple, value: Any, required: bool | None,
                        languages: list[str]) -> None:
        if not isinstance(value, dict):
            return  # a schema error already
        name = ".".join(str(part) for part in loc if not isinstance(part, int))
        for language in languages:
            if required is not None and language not in value:
                self.add(shown, located.line_of(loc), f"{name}: no {language} text (the exhibition is shown in "
                                                      f"{' and '.join(languages)})", ERROR if required else WARNING)
        for language, text in value.items():
            if isinstance(text, str):
                self.check_glyphs(shown, located.line_of(loc + (language,)), f"{name} ({language})", text)
            elif isinstance(text, list):
                for index, item in enumerate(text):
                    if isinstance(item, str):
                        self.check_glyphs(shown, located.line_of(loc + (language, index)), f"{name} ({language})", item)

    def check_glyphs(self, shown: str, line: int, what: str, text: str) -> None:
        missing = self._missing_glyphs(text)
        if missing:
            listed = " ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in missing[:6])
            more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
            self.add(shown, line, f"{what}: no glyph in the kiosk's font (Noto Sans CJK TC) for {listed}{more}; "
                                  f"these would show as empty boxes")

    def _missing_glyphs(self, text: str) -> list[str]:
        if text not in self._glyph_cache:
            from installation.kiosk.text import missing_glyphs

            self._glyph_cache[text] = missing_glyphs(text)
        return self._glyph_cache[text]

    # -- a scene

    def check_scene(self, story_id: str, index: int, scene: Any, shown: str, located: Located,
                    languages: list[str]) -> None:
        from .schema import Cue

        base = ("scenes", index)
        self.check_image(scene.illustration, shown, located.line_of(base + ("illustration",)), "illustration")
        for name, required in SCENE_TEXTS:
            value = _get(located.data, base + (name,))
            if value is not None:
                self.check_localised(shown, located, base + (name,), value, required, languages)
        captions_line = located.line_of(base + ("captions",))
        for language in languages:
            items = scene.captions.get(language)
            if not items:
                self.add(shown, captions_line, f"scene '{scene.id}': no captions in {language} (every scene needs "
                                               f"captions in every language of the exhibition)")
                continue
            lang_line = located.line_of(base + ("captions", language))
            item_lines = [located.line_of(base + ("captions", language, j)) for j in range(len(items))]
            texts = [item if isinstance(item, str) else item.text for item in items]
            for text, line in zip(texts, item_lines):
                self.check_caption_text(shown, line, language, text)
            explicit = all(isinstance(item, Cue) for item in items)
            if any(isinstance(item, Cue) for item in items) and not explicit:
                self.add(shown, lang_line, f"captions ({language}): some items have times and some do not; the "
                                           f"kiosk uses the times only when every item has them", WARNING)
            cues, length = self.check_narration(story_id, scene, language, texts, shown, lang_line, explicit)
            if explicit:
                cues = [(c.start, c.end, c.text) for c in items]  # type: ignore[union-attr]
            if cues:
                self.check_cue_timing(shown, item_lines, lang_line, language, cues, length)

    def check_caption_text(self, shown: str, line: int, language: str, text: str) -> None:
        self.check_glyphs(shown, line, f"caption ({language})", text)
        limit = LINE_CHARS.get(language, LINE_CHARS["en"])
        lines = caption_lines(text, language)
        too_long = [ln for ln in lines if line_width(ln, language) > limit]
        if too_long:
            self.add(shown, line, f"caption ({language}): '{too_long[0]}' cannot be broken into lines of at most "
                                  f"{limit} characters")
        elif len(lines) > MAX_LINES:
            self.add(shown, line, f"caption ({language}) needs {len(lines)} lines of at most {limit} characters "
                                  f"(at most {MAX_LINES}): split it into two caption items")

    def check_narration(self, story_id: str, scene: Any, language: str, texts: list[str], shown: str, line: int,
                        explicit: bool) -> tuple[list[tuple[float, float, str]] | None, float | None]:
        """Checks the narration WAV and its cue file; returns (the cues the kiosk will show, narration length)."""
        from .load import narration_path

        wav = narration_path(self.root, story_id, scene.id, language)
        where = f"scene '{scene.id}' ({language})"
        if not wav.exists():
            self.add(shown, line, f"{where}: no narration ({self.shown(wav)}); run `installation media build`",
                     WARNING)
            return None, None
        length = self.check_wav(wav, where, shown, line)
        if length is None:
            return None, None
        if explicit:
            return None, length
        vtt = wav.with_suffix(".vtt")
        if not vtt.exists():
            self.add(shown, line, f"{where}: narration has no cue file ({self.shown(vtt)}), so captions are spread "
                                  f"evenly over it; run `installation media build`", WARNING)
            return None, length
        from installation.authoring.captions import CaptionError, read_subtitles

        try:
            cues = read_subtitles(vtt, self.shown(vtt))
        except CaptionError as exc:
            self.add(exc.path, exc.line, f"{exc.message} (the kiosk spreads the captions evenly instead); "
                                         f"run `installation media build --force`")
            return None, length
        if [_norm(c.text) for c in cues] != [_norm(t) for t in texts]:
            why = (f"{len(cues)} cues for {len(texts)} captions" if len(cues) != len(texts)
                   else "the wording has changed")
            self.add(shown, line, f"{where}: the narration was built from other captions than these ({why}); "
                                  f"run `installation media build`", WARNING)
            return None, length
        return [(c.start, c.end, c.text) for c in cues], length

    def check_wav(self, wav: Path, where: str, shown: str, line: int) -> float | None:
        wav_shown = self.shown(wav)
        if not self._inside(wav, self.media_root):
            self.add(shown, line, f"{where}: {wav_shown} is a link to a file outside the project")
            return None
        try:
            with wave.open(str(wav), "rb") as handle:
                channels, width, rate = handle.getnchannels(), handle.getsampwidth(), handle.getframerate()
                frames = handle.readframes(handle.getnframes())
        except (OSError, EOFError, wave.Error) as exc:
            self.add(wav_shown, 1, f"narration cannot be decoded ({exc or type(exc).__name__}), so the kiosk "
                                   f"plays this scene silently; run `installation media build --force`")
            return None
        length = len(frames) / float(max(1, channels * width) * max(1, rate))
        if length <= 0:
            self.add(wav_shown, 1, "narration has no audio; run `installation media build --force`")
            return None
        for message in audio_tag_problems(wav):
            self.add(wav_shown, 1, message)
        if self.audio:
            self.check_loudness(wav_shown, frames, channels, width, rate)
        return length

    def check_loudness(self, wav_shown: str, frames: bytes, channels: int, width: int, rate: int) -> None:
        from installation.authoring.loudness import LoudnessError, measure

        samples = pcm_to_float(frames, channels, width)
        try:
            loudness = measure(samples, rate)
        except LoudnessError as exc:
            self.add(wav_shown, 1, f"narration loudness: {exc}")
            return
        if abs(loudness - self.target) > LOUDNESS_TOLERANCE:
            self.add(wav_shown, 1, f"narration loudness {loudness:.1f} LUFS is not within ±{LOUDNESS_TOLERANCE:g} "
                                   f"LU of the target {self.target:g} LUFS; run `installation media build --force`")

    def check_cue_timing(self, shown: str, item_lines: list[int], lang_line: int, language: str,
                         cues: list[tuple[float, float, str]], length: float | None) -> None:
        limit = MAX_CPS.get(language, MAX_CPS["en"])
        previous_end = None
        for j, (start, end, text) in enumerate(cues):
            line = item_lines[j] if j < len(item_lines) else lang_line
            what = f"caption ({language}) {_clock(start)}–{_clock(end)}"
            duration = end - start
            if duration < MIN_CUE - 0.01:
                self.add(shown, line, f"{what} is on screen for {duration:.2f} s (at least {MIN_CUE:.2f} s)", WARNING)
            elif duration > MAX_CUE + 0.01:
                self.add(shown, line, f"{what} is on screen for {duration:.2f} s (at most {MAX_CUE:g} s): split it",
                         WARNING)
            chars = reading_length(text)
            if duration > 0 and chars / duration > limit + 1e-6:
                self.add(shown, line, f"{what}: {chars / duration:.1f} characters per second is faster than "
                                      f"visitors can read (at most {limit:g}); shorten it or give it more time",
                         WARNING)
            if previous_end is not None and start < previous_end - 1e-6:
                self.add(shown, line, f"{what} starts before the previous caption ends ({_clock(previous_end)})")
            if length is not None and end > length + CUE_SLACK:
                self.add(shown, line, f"{what} ends after the narration ({_clock(length)}), so it is cut short")
            previous_end = end

    # -- media

    def check_image(self, relative: str, shown: str, line: int, what: str) -> None:
        from .schema import _check_media_path

        try:
            _check_media_path(relative)
        except ValueError:
            return  # the schema reports it
        path = self.root / "media" / relative
        if not path.exists():
            broken = " (a broken link)" if path.is_symlink() else ""
            self.add(shown, line, f"{what}: media/{relative} not found{broken}")
            return
        if not self._inside(path, self.media_root):
            self.add(shown, line, f"{what}: media/{relative} is a link to a file outside media/ ({_target(path)})")
            return
        if not path.is_file():
            self.add(shown, line, f"{what}: media/{relative} is not a file")
            return
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            self.add(shown, line, f"{what}: media/{relative} is not an SVG, PNG or JPEG image")
            return
        key = path.resolve()
        if key not in self._images:
            self._images[key] = image_problems(key)
        for message in self._images[key]:
            self.add(shown, line, f"{what}: media/{relative} {message}")

    def check_recordings(self, story_id: str, shown: str) -> None:
        """Curators' recordings are kept with the project: their tags must not name anyone."""
        folder = self.root / "media" / "recordings" / story_id
        if not folder.is_dir():
            return
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in (".wav", ".flac", ".ogg", ".mp3") and path.is_file():
                for message in audio_tag_problems(path):
                    self.add(self.shown(path), 1, message)

    @staticmethod
    def _inside(path: Path, folder: Path) -> bool:
        try:
            return path.resolve().is_relative_to(folder.resolve())
        except (OSError, RuntimeError):  # e.g. a symlink loop
            return False


# ------------------------------------------------------------------------------------------------- captions


def reading_length(text: str) -> int:
    """Characters to read: every character, counting runs of white space (and line breaks) as one."""
    return len(" ".join(text.split()))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _clock(seconds: float) -> str:
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes)}:{rest:04.1f}"


# ------------------------------------------------------------------------------------------------- media files


def image_problems(path: Path) -> list[str]:
    """Decoding and privacy problems of one image file (each a phrase following the file's name)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [f"cannot be read ({exc.strerror})"]
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return svg_problems(path, data)
    kind = "PNG" if data.startswith(b"\x89PNG\r\n\x1a\n") else "JPEG" if data.startswith(b"\xff\xd8") else None
    expected = "PNG" if suffix == ".png" else "JPEG"
    if kind is None:
        return [f"is not a {expected} image (cannot be decoded)"]
    problems = [] if kind == expected else [f"is a {kind} image named .{suffix[1:]}"]
    try:
        import pygame

        pygame.image.load(str(path))
    except Exception as exc:  # noqa: BLE001 - pygame.error and anything SDL_image raises
        return problems + [f"cannot be decoded ({exc})"]
    return problems + raster_metadata_problems(path)


def svg_problems(path: Path, data: bytes) -> list[str]:
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [f"is not valid SVG ({exc})"]
    if root.tag.rsplit("}", 1)[-1] != "svg":
        return ["is not an SVG image (its root element is not <svg>)"]
    problems = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] != "image":
            continue
        href = next((v for k, v in element.attrib.items() if k.rsplit("}", 1)[-1] == "href"), "")
        if href and not href.startswith("data:"):
            problems.append(f"links to an image outside itself ({href[:60]}); embed it instead")
    try:
        import pygame

        pygame.image.load_sized_svg(str(path), (96, 54))  # a small size decodes the same, ~100× faster
    except Exception as exc:  # noqa: BLE001
        problems.append(f"cannot be decoded ({exc})")
    return problems


# EXIF tags that locate a picture or identify a camera or a person.
_EXIF_TAGS = {
    0x010F: "camera make", 0x0110: "camera model", 0x013B: "artist", 0x8298: "copyright",
    0x9003: "date taken", 0x9004: "date digitised", 0xA430: "camera owner", 0xA431: "camera serial number",
    0xA433: "lens make", 0xA434: "lens model", 0xA435: "lens serial number", 0x9C9D: "author (Windows)",
    0x9286: "user comment", 0x010E: "image description",
}
_GPS_IFD, _EXIF_IFD = 0x8825, 0x8769
_PNG_TEXT_KEYS = {"author", "artist", "copyright", "comment", "description", "source", "location", "gps",
                  "disclaimer", "warning", "title"}
_XMP_MARKERS = (b"exif:GPS", b"GPSLatitude", b"GPSLongitude", b"tiff:Make", b"tiff:Model", b"dc:creator",
                b"photoshop:City", b"Iptc4xmpCore:Location", b"aux:SerialNumber")


def raster_metadata_problems(path: Path) -> list[str]:
    """EXIF (JPEG APP1 or PNG eXIf), PNG text chunks and XMP that give a place, a camera or a person."""
    from PIL import Image

    found: list[str] = []
    with Image.open(path) as image:
        exif = image.getexif()
        info = dict(image.info)
    if exif:
        try:
            gps = exif.get_ifd(_GPS_IFD)
        except Exception:  # noqa: BLE001 - a malformed GPS directory still counts as one
            gps = {1: None}
        if gps or _GPS_IFD in exif:
            found.append("GPS location")
        tags = dict(exif)
        try:
            tags.update(exif.get_ifd(_EXIF_IFD))
        except Exception:  # noqa: BLE001
            pass
        found += [name for tag, name in _EXIF_TAGS.items() if tag in tags and _meaningful(tags[tag])]
    for key, value in info.items():
        if isinstance(key, str) and key.lower() in _PNG_TEXT_KEYS and _meaningful(value):
            found.append(f"text '{key}'")
    xmp = info.get("xmp") or info.get("XML:com.adobe.xmp") or b""
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    if any(marker in xmp for marker in _XMP_MARKERS):
        found.append("XMP location/camera/creator")
    if not found:
        return []
    unique = list(dict.fromkeys(found))
    return [f"carries metadata that could identify a place, a camera or a person ({', '.join(unique)}); "
            f"strip it (e.g. re-export without metadata)"]


def _meaningful(value: Any) -> bool:
    if isinstance(value, bytes):
        return bool(value.strip(b"\x00 "))
    if isinstance(value, str):
        return bool(value.strip("\x00 "))
    return value is not None


# Audio tags that may name people (RIFF INFO ids, ID3 frame ids, Vorbis comment fields).
_INFO_TAGS = {"IART": "artist", "ICMS": "commissioned by", "ICOP": "copyright", "IENG": "engineer",
              "ITCH": "technician", "ISRC": "source", "ICMT": "comment", "INAM": "title", "ISBJ": "subject",
              "IKEY": "keywords", "IPRD": "product", "IWRI": "written by", "ISTR": "starring", "IDIR": "director"}
_ID3_FRAMES = {"TPE1": "artist", "TPE2": "album artist", "TPE3": "conductor", "TPE4": "remixer",
               "TCOM": "composer", "TEXT": "lyricist", "TOLY": "original lyricist", "TOPE": "original artist",
               "TENC": "encoded by", "TIPL": "involved people", "TMCL": "musicians", "IPLS": "involved people",
               "COMM": "comment", "TIT1": "grouping", "TIT2": "title", "TIT3": "subtitle", "USLT": "lyrics",
               "TOWN": "owner", "TCOP": "copyright", "WOAR": "artist web page", "PRIV": "private data",
               "TXXX": "custom text", "TALB": "album"}
_VORBIS_FIELDS = {"artist", "albumartist", "performer", "composer", "lyricist", "author", "comment",
                  "description", "title", "album", "copyright", "contact", "encoded-by", "encodedby", "organization",
                  "location", "conductor"}


def audio_tag_problems(path: Path) -> list[str]:
    """Tags in an audio file that may name people: RIFF INFO and ID3 chunks in WAV, ID3 in MP3, Vorbis comments in
    FLAC/OGG. Only the tag names are reported, never their values (they may be a real name)."""
    names: list[str] = []
    suffix = path.suffix.lower()
    if suffix == ".wav":
        names += wav_info_tags(path)
    try:
        import mutagen

        tagged = mutagen.File(str(path))
    except Exception:  # noqa: BLE001 - undecodable files are reported elsewhere
        tagged = None
    tags = getattr(tagged, "tags", None) if tagged is not None else None
    if tags:
        for key in list(tags.keys()):
            key_text = str(key)
            frame = key_text.split(":", 1)[0].upper()
            if frame in _ID3_FRAMES:
                names.append(f"ID3 {frame} ({_ID3_FRAMES[frame]})")
            elif key_text.lower() in _VORBIS_FIELDS:
                names.append(f"{key_text.upper()}")
    if not names:
        return []
    return [f"has tags that may name people: {', '.join(dict.fromkeys(names))}; remove them "
            f"(values not shown here)"]


def wav_info_tags(path: Path) -> list[str]:
    """Person-naming ids in a WAV file's RIFF `LIST INFO` chunk (read directly: no library reads it)."""
    found: list[str] = []
    with open(path, "rb") as handle:
        head = handle.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            return found
        while True:
            chunk = handle.read(8)
            if len(chunk) < 8:
                break
            kind, size = chunk[:4], int.from_bytes(chunk[4:], "little")
            if kind == b"LIST" and size <= 1 << 20:
                body = handle.read(size)
                if body[:4] == b"INFO":
                    offset = 4
                    while offset + 8 <= len(body):
                        tag = body[offset:offset + 4].decode("latin-1")
                        length = int.from_bytes(body[offset + 4:offset + 8], "little")
                        value = body[offset + 8:offset + 8 + length]
                        if tag in _INFO_TAGS and value.strip(b"\x00 "):
                            found.append(f"INFO {tag} ({_INFO_TAGS[tag]})")
                        offset += 8 + length + (length & 1)
                if size & 1:
                    handle.read(1)
            else:
                handle.seek(size + (size & 1), 1)
    return found


def pcm_to_float(frames: bytes, channels: int, width: int):
    """PCM WAV frames → float64 samples in [-1, 1], shape (n,) or (n, channels)."""
    import numpy as np

    if width == 1:
        data = (np.frombuffer(frames, dtype=np.uint8).astype(np.float64) - 128.0) / 128.0
    elif width == 2:
        data = np.frombuffer(frames, dtype="<i2").astype(np.float64) / 32768.0
    elif width == 3:
        raw = np.frombuffer(frames, dtype=np.uint8).reshape(-1, 3)
        ints = (raw[:, 0].astype(np.int32) | (raw[:, 1].astype(np.int32) << 8) | (raw[:, 2].astype(np.int32) << 16))
        ints = np.where(ints >= 1 << 23, ints - (1 << 24), ints)
        data = ints.astype(np.float64) / float(1 << 23)
    else:
        data = np.frombuffer(frames, dtype="<i4").astype(np.float64) / float(1 << 31)
    if channels > 1:
        data = data[: len(data) // channels * channels].reshape(-1, channels)
    return data


def manifest_target(root: Path) -> float:
    """The loudness target of the last narration build (media/narration/manifest.json), else the default."""
    try:
        target = json.loads((root / "media" / "narration" / "manifest.json").read_text(encoding="utf-8"))["target"]
        return float(target) if isinstance(target, (int, float)) else DEFAULT_TARGET
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_TARGET


def _target(path: Path) -> str:
    """Where a link leads, for a message (a loop of links has no target)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return "a loop of links"


def _get(data: Any, loc: tuple) -> Any:
    for part in loc:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
        elif not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


# ------------------------------------------------------------------------------------------------- entry points


def check(config: Path, root: Path | None = None, target: float | None = None, audio: bool = True,
          stories: Iterable[str] | None = None) -> Report:
    """Check an exhibition file, its stories and their media (only the given stories, if any). Never raises."""
    from .load import project_root

    config = Path(config)
    try:
        root = (root or project_root(config)).resolve()
    except Exception:  # noqa: BLE001
        root = Path.cwd().resolve()
    checker = Checker(root, target, audio)
    try:
        return checker.check_exhibition(config, stories)
    except Exception as exc:  # noqa: BLE001 - never a traceback
        checker.story = checker.scene = None
        checker.add(checker.shown(config), 1, f"could not check: unexpected {type(exc).__name__}: {exc}")
        report = Report(root, checker.shown(config))
        report.findings = checker.findings
        return report


def default_config() -> Path:
    from installation.kiosk.play import DEFAULT_CONFIG

    here = Path.cwd() / DEFAULT_CONFIG
    return here if here.exists() else Path(__file__).resolve().parents[2] / DEFAULT_CONFIG


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None,
                        help="exhibition file (default config/viminal-space.yaml)")
    parser.add_argument("--target", type=float, default=None, metavar="LUFS",
                        help="narration loudness target (default: the last narration build's, else -20)")
    parser.add_argument("--no-audio", dest="audio", action="store_false",
                        help="skip measuring narration loudness (faster)")


def run(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    config = args.config or default_config()
    report = check(config, target=getattr(args, "target", None), audio=getattr(args, "audio", True))
    for problem in report.problems:
        print(problem)
    summary = (f"{report.config}: {report.errors} error{'s' if report.errors != 1 else ''}, "
               f"{report.warnings} warning{'s' if report.warnings != 1 else ''} "
               f"({len(report.stories)} stories checked"
               f"{f', {len(report.withdrawn)} withdrawn' if report.withdrawn else ''})")
    print(summary, file=sys.stderr)
    return 1 if report.errors else 0
