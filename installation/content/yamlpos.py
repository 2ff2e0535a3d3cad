"""YAML loading that remembers the line of every value, so errors can say `path:line`.

Bounded, because content files are edited by hand and reloaded while the kiosk plays: a file larger than
MAX_BYTES is refused before it is read, and its events are counted (aliases expanded, in constant memory) before
anything is composed, so a file that would become more than MAX_NODES values ("billion laughs") or nest deeper than
MAX_DEPTH is refused in a fraction of a second. `check`, `play` and live reload all load through `load_yaml`.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Loc = tuple[Any, ...]

MAX_BYTES = 1024 * 1024  # per file; a story is a few tens of KB
MAX_NODES = 20_000  # values (scalars, lists, mappings) once every alias is expanded; the longest story has ~400
MAX_DEPTH = 64  # lists and mappings inside each other


@dataclass
class Problem:
    path: str
    line: int
    message: str
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"


@dataclass
class Located:
    """Plain Python data from a YAML file, with the 1-based line of each location in it."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        loc = tuple(loc)
        while loc and loc not in self.lines:
            loc = loc[:-1]
        return self.lines.get(loc, 1)


class _Converter:
    def __init__(self, path: str, problems: list[Problem]):
        self.path = path
        self.problems = problems
        self.lines: dict[Loc, int] = {}

    def convert(self, node: yaml.Node, loc: Loc) -> Any:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.convert_key(key_node)
                if key in out:
                    self.problems.append(
                        Problem(self.path, key_node.start_mark.line + 1, f"duplicate key '{key}'")
                    )
                self.lines[loc + (key,)] = key_node.start_mark.line + 1
                out[key] = self.convert(value_node, loc + (key,))
                self.lines[loc + (key,)] = key_node.start_mark.line + 1
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, loc + (i,)) for i, item in enumerate(node.value)]
        return _scalar(node)

    def convert_key(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        return str(node.start_mark)


_constructor = yaml.SafeLoader("")
# libyaml's parser composes the same nodes, with the same marks, some twenty times faster than PyYAML's own
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(text: str) -> yaml.Node | None:
    """The one way this project parses YAML into nodes (safe tags only)."""
    return yaml.compose(text, Loader=Loader)


def _scalar(node: yaml.Node) -> Any:
    return _constructor.construct_object(node, deep=True)


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Raises OSError (a FIFO or a device is never waited
    on or read: it is opened without blocking and refused), or ValueError with the reason a file is refused."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("is not a regular file")
        if info.st_size > limit:
            raise ValueError(f"is {_size(info.st_size)}, larger than the {_size(limit)} a content file may be")
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew while being read
        raise ValueError(f"is larger than the {_size(limit)} a content file may be")
    return data


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MB" if count >= 1024 * 1024 else f"{count / 1024:.0f} KB"


def over_budget(text: str, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> tuple[int, str] | None:
    """(line, reason) if the document would expand past the budgets, else None. Streams the parser's events and
    counts what every alias stands for, so memory stays constant however large the expansion would be. A syntax
    error is left to the composer, which reports it with its line."""
    try:
        return _count(yaml.parse(text, Loader=Loader), max_nodes, max_depth)
    except yaml.YAMLError:
        return None


def _count(events, max_nodes: int, max_depth: int) -> tuple[int, str] | None:
    sizes: dict[str, int] = {}  # anchor → values it stands for
    open_: list[list] = []  # [anchor, values so far] of each list or mapping being read
    total = 0
    for event in events:
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, inner = open_.pop()
            if anchor:
                sizes[anchor] = inner
            if open_:
                open_[-1][1] += inner
            continue
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            open_.append([event.anchor, 1])
            if len(open_) > max_depth:
                return event.start_mark.line + 1, f"lists and mappings are nested more than {max_depth} deep"
            count = 1
        elif isinstance(event, yaml.ScalarEvent):
            count = 1
            if event.anchor:
                sizes[event.anchor] = 1
            if open_:
                open_[-1][1] += 1
        elif isinstance(event, yaml.AliasEvent):
            count = sizes.get(event.anchor, 1)
            if open_:
                open_[-1][1] += count
        else:
            continue
        total += count
        if total > max_nodes:
            how = " once its aliases (*name) are expanded" if sizes else ""
            return event.start_mark.line + 1, f"the file holds more than {max_nodes:,} values{how}"
    return None


def load_yaml(path: Path, display: str | None = None) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML file. Returns (data with lines, problems); data is None if it cannot be parsed."""
    shown = display or str(path)
    problems: list[Problem] = []
    try:
        text = read_bounded(path).decode("utf-8")
    except FileNotFoundError:
        return None, [Problem(shown, 1, "file not found")]
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
    except ValueError as exc:
        return None, [Problem(shown, 1, f"file {exc}")]
    except OSError as exc:
        return None, [Problem(shown, 1, f"cannot read: {exc.strerror}")]
    try:
        bloated = over_budget(text)
        if bloated is not None:
            return None, [Problem(shown, bloated[0], f"YAML too large: {bloated[1]}")]
        node = compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        message = exc.problem or exc.context
        if exc.problem and exc.context and exc.context_mark and exc.context_mark.line + 1 != line:
            message += f" ({exc.context}, which starts on line {exc.context_mark.line + 1})"
        return None, [Problem(shown, line, f"YAML syntax: {message}")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, 1, f"YAML syntax: {exc}")]
    if node is None:
        return None, [Problem(shown, 1, "file is empty")]
    converter = _Converter(shown, problems)
    try:
        data = converter.convert(node, ())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Problem(shown, mark.line + 1 if mark else 1, f"YAML value: {exc}")]
    except RecursionError:  # an alias inside its own anchor (`a: &x [*x]`), or nesting far too deep
        return None, [Problem(shown, 1, "YAML value: a value contains itself (an alias inside its own anchor) "
                                        "or is nested too deeply")]
    return Located(data, converter.lines), problems
