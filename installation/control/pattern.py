"""OSC address patterns (`?`, `*`, `[a-z]`, `[!x]`, `{a,b}`) within one address part.

A small position-set matcher, not a regular expression: no backtracking, so a hostile pattern such as
`*a*a*a*a*b` costs at most (pattern length × name length) steps.
"""

from __future__ import annotations

from functools import lru_cache

SPECIAL = set("*?[]{}")
MAX_PART = 128


class BadPattern(ValueError):
    pass


def is_pattern(part: str) -> bool:
    return any(ch in SPECIAL for ch in part)


@lru_cache(maxsize=512)
def compile_part(part: str) -> tuple:
    """Tokens: ('lit', s) ('any1',) ('star',) ('set', chars-with-ranges, negated) ('alt', (options…))."""
    if len(part) > MAX_PART:
        raise BadPattern("pattern part too long")
    tokens: list[tuple] = []
    i, n = 0, len(part)
    literal = []
    while i < n:
        ch = part[i]
        if ch in "*?[{":
            if literal:
                tokens.append(("lit", "".join(literal)))
                literal = []
        if ch == "*":
            if not tokens or tokens[-1][0] != "star":
                tokens.append(("star",))
            i += 1
        elif ch == "?":
            tokens.append(("any1",))
            i += 1
        elif ch == "[":
            close = part.find("]", i + 1)
            if close < 0:
                raise BadPattern("unclosed '['")
            body = part[i + 1:close]
            negated = body.startswith("!")
            if negated:
                body = body[1:]
            ranges: list[tuple[str, str]] = []
            j = 0
            while j < len(body):
                if j + 2 < len(body) and body[j + 1] == "-":
                    lo, hi = body[j], body[j + 2]
                    ranges.append((min(lo, hi), max(lo, hi)))
                    j += 3
                else:
                    ranges.append((body[j], body[j]))
                    j += 1
            tokens.append(("set", tuple(ranges), negated))
            i = close + 1
        elif ch == "{":
            close = part.find("}", i + 1)
            if close < 0:
                raise BadPattern("unclosed '{'")
            options = tuple(part[i + 1:close].split(","))
            if any(ch in SPECIAL for opt in options for ch in opt):
                raise BadPattern("wildcards inside '{…}'")
            tokens.append(("alt", options))
            i = close + 1
        elif ch in "]}":
            raise BadPattern(f"unexpected '{ch}'")
        else:
            literal.append(ch)
            i += 1
    if literal:
        tokens.append(("lit", "".join(literal)))
    return tuple(tokens)


def match_part(pattern: str, name: str) -> bool:
    """Does one address part (possibly a pattern) match one literal name? Bad patterns match nothing."""
    if not is_pattern(pattern):
        return pattern == name
    try:
        tokens = compile_part(pattern)
    except BadPattern:
        return False
    n = len(name)
    positions = {0}
    for token in tokens:
        if not positions:
            return False
        kind = token[0]
        if kind == "star":
            positions = set(range(min(positions), n + 1))
        elif kind == "any1":
            positions = {p + 1 for p in positions if p < n}
        elif kind == "lit":
            text = token[1]
            positions = {p + len(text) for p in positions if name.startswith(text, p)}
        elif kind == "set":
            ranges, negated = token[1], token[2]
            nxt = set()
            for p in positions:
                if p < n:
                    inside = any(lo <= name[p] <= hi for lo, hi in ranges)
                    if inside != negated:
                        nxt.add(p + 1)
            positions = nxt
        elif kind == "alt":
            positions = {p + len(opt) for p in positions for opt in token[1] if name.startswith(opt, p)}
    return n in positions


def match_parts(patterns: list[str], names: tuple[str, ...]) -> bool:
    return len(patterns) == len(names) and all(match_part(p, n) for p, n in zip(patterns, names))
