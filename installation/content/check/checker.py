"""The checker: walks an exhibition, its playlist's stories and their scenes, and applies the rules of each area
(texts.py, captions.py, audio.py, media.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

from ..load import is_story_id
from ..yamlpos import Located, Problem, load_yaml
from .audio import manifest_target
from .captions import CaptionRules
from .findings import WARNING, Report, _target
from .instruments import Instruments
from .passcodes import PasscodeRules
from .texts import EXHIBITION_TEXTS, STORY_TEXTS

# Schema messages whose line the loader cannot know (they come from whole-model validators): re-placed here.
_SCENE_TWICE = re.compile(r"^scene id '.*' is used twice$")
_PLAYLIST_TWICE = "playlist names a story twice"
_DEFAULT_NOT_IN = re.compile(r"^default_language '.*' is not in languages$")
_NOTES_EMPTY = re.compile(r"^content_notes: content notes for .* must list at least one specific note$")


class Checker(CaptionRules, PasscodeRules):
    def __init__(self, root: Path, target: float | None = None, audio: bool = True,
                 instruments: Instruments | None = None):
        super().__init__(root)
        self.target = target if target is not None else manifest_target(self.root)
        self.audio = audio
        self.instruments = instruments or Instruments()
        self._images: dict[Path, list[str]] = {}
        self._glyph_cache: dict[str, list[str]] = {}

    def check_exhibition(self, config: Path, only: Iterable[str] | None = None) -> Report:
        from ..load import load_exhibition

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
        self.guarded(shown, "osc.passcodes", lambda: self.check_passcodes(shown, located))
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
            if not is_story_id(story_id):
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
        from ..schema import LANGUAGES

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
        from ..load import load_story
        from ..schema import Scene

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
            if path.suffix not in (".yaml", ".yml") or not path.is_file() or not self._inside(path, self.root):
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


def check(config: Path, root: Path | None = None, target: float | None = None, audio: bool = True,
          stories: Iterable[str] | None = None, instruments: Instruments | None = None) -> Report:
    """Check an exhibition file, its stories and their media (only the given stories, if any). Never raises."""
    from ..load import project_root

    config = Path(config)
    try:
        root = (root or project_root(config)).resolve()
    except Exception:  # noqa: BLE001
        root = Path.cwd().resolve()
    checker = Checker(root, target, audio, instruments)
    try:
        return checker.check_exhibition(config, stories)
    except Exception as exc:  # noqa: BLE001 - never a traceback
        checker.story = checker.scene = None
        checker.add(checker.shown(config), 1, f"could not check: unexpected {type(exc).__name__}: {exc}")
        report = Report(root, checker.shown(config))
        report.findings = checker.findings
        return report

