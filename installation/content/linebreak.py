"""Where text may break into lines: between words in English, between any two characters in Chinese
(closing punctuation stays with the character before it). Shared by the kiosk and the linter."""

from __future__ import annotations

import unicodedata

NO_BREAK = "\u00a0"
CLOSING = set("，。、；：！？」』）》〉,.;:!?)")


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def tokens(text: str) -> list[str]:
    """The pieces a line break may fall between; a single " " stands for any run of white space (a no-break space
    joins instead)."""
    out: list[str] = []
    word = ""
    for ch in text:
        if ch.isspace() and ch != NO_BREAK:
            if word:
                out.append(word)
                word = ""
            if out and out[-1] != " ":
                out.append(" ")
        elif is_wide(ch):
            if word:
                out.append(word)
                word = ""
            if out and out[-1] != " " and ch in CLOSING:
                out[-1] += ch
            else:
                out.append(ch)
        else:
            if not word and ch in CLOSING and out and out[-1] != " ":
                out[-1] += ch
            else:
                word += ch
    if word:
        out.append(word)
    return out


def line_width(line: str, language: str) -> float:
    """Characters in a line of a caption. In Chinese a half-width character (Latin letter, digit) counts as ½."""
    if language.startswith("zh"):
        return sum(1.0 if is_wide(ch) else 0.5 for ch in line)
    return float(len(line))
