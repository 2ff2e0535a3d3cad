"""Headless scripted runs: a YAML list of steps (wait, tap, swipe, key, command, screenshot, state).

A `command` step goes through the same door as every other source (App.dispatch): a command the show refuses is
logged with its line, and `quit` ends the run (the steps after it do not run).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.yamlpos import Problem, load_yaml
from ..show.commands import SPECS, CommandError, make
from .app import App
from .driver import Driver, key_code

log = logging.getLogger(__name__)

KINDS = {"wait", "tap", "swipe", "key", "command", "screenshot", "state"}


@dataclass(frozen=True)
class Step:
    kind: str
    value: Any
    line: int


def parse(path: Path) -> tuple[list[Step], list[Problem]]:
    located, problems = load_yaml(path)
    if located is None:
        return [], problems
    if not isinstance(located.data, list):
        return [], [Problem(str(path), 1, "a script is a list of steps, e.g. '- wait: 2'")]
    steps = []
    for index, item in enumerate(located.data):
        line = located.line_of((index,))
        if not isinstance(item, dict) or len(item) != 1:
            problems.append(Problem(str(path), line, "each step is one 'kind: value' pair"))
            continue
        (kind, value), = item.items()
        error = check(kind, value)
        if error:
            problems.append(Problem(str(path), line, error))
        else:
            steps.append(Step(kind, value, line))
    return steps, problems


def check(kind: str, value: Any) -> str | None:
    if kind not in KINDS:
        return f"unknown step '{kind}' (use one of: {', '.join(sorted(KINDS))})"
    numbers = lambda v, n: isinstance(v, list) and len(v) == n and all(isinstance(x, (int, float)) for x in v)
    if kind == "wait" and not (isinstance(value, (int, float)) and value >= 0):
        return "wait takes a number of seconds"
    if kind == "tap" and not numbers(value, 2):
        return "tap takes [X, Y] in screen pixels"
    if kind == "swipe" and not numbers(value, 4):
        return "swipe takes [X1, Y1, X2, Y2] in screen pixels"
    if kind == "key":
        if not isinstance(value, str) or key_code(value) is None:
            return f"unknown key name {value!r} (pygame key names, e.g. return, right, backspace)"
    if kind == "command":
        parts = command_parts(value)
        spec = SPECS.get(str(parts[0]))
        if spec is not None and spec.internal:
            return f"'{parts[0]}' is the kiosk's own command, not one for scripts"
        try:
            make(str(parts[0]), *parts[1:])
        except CommandError as exc:
            return str(exc)
    if kind in ("screenshot", "state") and not (isinstance(value, str) and value):
        return f"{kind} takes a file path"
    return None


def command_parts(value: Any) -> list:
    """`[open, sun]`, or the same written as one line: `open sun`."""
    if isinstance(value, list) and value:
        return value
    return str(value).split() or [""]


class Runner:
    """Plays steps against a running App through a Driver, on its clock (simulated or real)."""

    def __init__(self, app: App, base: Path = Path.cwd()):
        self.app, self.base = app, base
        self.driver = Driver(app)
        self.line = 0  # of the step running

    def run(self, steps: list[Step]) -> None:
        for step in steps:
            self.line = step.line
            self.play(step.kind, step.value)
            if not self.app.running:
                return
        self.app.step()

    def play(self, kind: str, value: Any) -> None:
        driver = self.driver
        if kind == "wait":
            driver.advance(float(value))
        elif kind == "tap":
            driver.tap_at(*value)
        elif kind == "swipe":
            driver.swipe(*value)
        elif kind == "key":
            driver.press(value)
        elif kind == "command":
            parts = command_parts(value)
            outcome = driver.command(str(parts[0]), *parts[1:])
            if not outcome.ok:
                log.warning("script line %d: %s refused (%s): %s", self.line, " ".join(map(str, parts)),
                            outcome.code, outcome.message)
        elif kind == "screenshot":
            driver.screenshot(self._target(value))
        elif kind == "state":
            path = self._target(value)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(self.app.show.snapshot(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def _target(self, value: str) -> Path:
        path = Path(value)
        return path if path.is_absolute() else self.base / path
