"""Headless scripted runs: a YAML list of steps (wait, tap, swipe, key, command, screenshot, state)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from ..content.yamlpos import Problem, load_yaml
from ..show.commands import CommandError, make
from ..show.clock import SimClock
from .app import App

FRAME = 1 / 30  # simulated seconds per loop turn during `wait`

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
        if not isinstance(value, str) or _key_code(value) is None:
            return f"unknown key name {value!r} (pygame key names, e.g. return, right, backspace)"
    if kind == "command":
        parts = command_parts(value)
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


def _key_code(name: str) -> int | None:
    try:
        return pygame.key.key_code(name)
    except (ValueError, pygame.error):
        return None


class Runner:
    """Plays steps against a running App, advancing its clock (simulated or real)."""

    def __init__(self, app: App, base: Path = Path.cwd()):
        self.app, self.base = app, base

    def run(self, steps: list[Step]) -> None:
        for step in steps:
            getattr(self, "_" + step.kind)(step.value)
            if not self.app.running:
                return
        self.app.step()

    def advance(self, seconds: float) -> None:
        app = self.app
        if isinstance(app.clock, SimClock):
            remaining = seconds
            while remaining > 1e-9 and app.running:
                dt = min(FRAME, remaining)
                app.clock.advance(dt)
                remaining -= dt
                app.step()
        else:
            import time

            until = time.monotonic() + seconds
            while time.monotonic() < until and app.running:
                if not app.step():
                    time.sleep(0.005)

    def _wait(self, seconds: float) -> None:
        self.advance(float(seconds))

    def _post_mouse(self, down: tuple[float, float], up: tuple[float, float]) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=down, button=1, touch=False))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=up, button=1, touch=False))
        self.advance(FRAME)

    def _tap(self, value: list[float]) -> None:
        self._post_mouse(tuple(value), tuple(value))

    def _swipe(self, value: list[float]) -> None:
        self._post_mouse((value[0], value[1]), (value[2], value[3]))

    def _key(self, name: str) -> None:
        code = _key_code(name)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0))
        self.advance(FRAME)

    def _command(self, value: Any) -> None:
        parts = command_parts(value)
        self.app.dispatch(make(str(parts[0]), *parts[1:]))
        self.advance(FRAME)

    def _target(self, value: str) -> Path:
        path = Path(value)
        return path if path.is_absolute() else self.base / path

    def _screenshot(self, value: str) -> None:
        if isinstance(self.app.clock, SimClock):
            self.app.images.wait_all()
        self.app.screenshot(self._target(value))

    def _state(self, value: str) -> None:
        path = self._target(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.app.show.snapshot(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
