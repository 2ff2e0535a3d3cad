"""YAML loading that remembers the line of every value, so errors can say `path:line`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Loc = tuple[Any, ...]


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


def load_yaml(path: Path, display: str | None = None) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML file. Returns (data with lines, problems); data is None if it cannot be parsed."""
    shown = display or str(path)
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(shown, 1, "file not found")]
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
    except OSError as exc:
        return None, [Problem(shown, 1, f"cannot read: {exc.strerror}")]
    try:
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
