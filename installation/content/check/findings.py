"""What the linter reports (`Finding`, `Report`) and the checker's own bookkeeping (`Recorder`): every rule records
its problems through `Recorder.add`, and one rule's unexpected failure becomes an error line, never a traceback."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from ..load import link_target as _target, value_at as _get
from ..mediafiles import inside
from ..yamlpos import Problem

ERROR, WARNING = "error", "warning"


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


class Recorder:
    """Collects the problems of one run; `story` and `scene` say what the problems being added concern."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.media_root = (self.root / "media").resolve()
        self.findings: list[Finding] = []
        self._seen: set[tuple] = set()
        self.story: str | None = None
        self.scene: int | None = None

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

    _inside = staticmethod(inside)



