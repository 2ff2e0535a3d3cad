"""Where text may break into lines: between words in English, between any two characters in Chinese, under the
line-breaking rules of Chinese typesetting (kinsoku, as in W3C's Requirements for Chinese Text Layout): no line
starts with closing punctuation and none ends with an opening bracket; a Latin word or number stays whole, and so does
a run of Latin words inside Chinese text (a pseudonym such as `Little Fish`) when it fits on a line. Shared by the
kiosk and the linter."""

from __future__ import annotations

import unicodedata
from typing import Callable

NO_BREAK = "\u00a0"
LINE_CHARS = {"en": 42, "zh-Hant": 16}  # characters per caption line (Netflix/BBC); Chinese counts a half-width one as ½
SEPARATORS = set("·・‧")  # a middle dot between items stays at the end of the line, even after a space
CLOSING = set("，。、；：！？」』）》〉】〕〗”’…‥﹐﹑﹒﹔﹕﹖﹗,.;:!?)]}") | SEPARATORS  # never the first of a line
OPENING = set("「『（《〈【〔〖“‘([{")  # never the last of a line


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def tokens(text: str) -> list[str]:
    """The pieces a line break may fall between; a single " " stands for any run of white space (a no-break space
    joins instead). Closing punctuation joins the piece before it, opening brackets the piece after them."""
    pieces = _pieces(text)
    return _latin_runs(pieces) if any(is_wide(ch) for ch in text) else pieces


def _pieces(text: str) -> list[str]:
    out: list[str] = []
    word = opening = ""  # the narrow characters of a word being read; opening brackets waiting for what they open

    def push(piece: str) -> None:
        nonlocal opening
        out.append(opening + piece)
        opening = ""

    for ch in text:
        if ch.isspace() and ch != NO_BREAK:
            if word:
                push(word)
                word = ""
            if opening:
                opening += " "
            elif out and out[-1] != " ":
                out.append(" ")
        elif word and not is_wide(ch):
            word += ch
        elif ch in OPENING:
            if word:
                push(word)
                word = ""
            opening += ch
        elif ch in CLOSING and not opening and (word or out and out[-1] != " "):
            if word:
                word += ch
            else:
                out[-1] += ch
        elif ch in SEPARATORS and not opening and len(out) >= 2:
            out[-2:] = [out[-2] + " " + ch]
        elif is_wide(ch):
            if word and not word[-1].isdigit():  # a number stays with the character after it (4分鐘, 2016年)
                push(word)
                word = ""
            push(word + ch)
            word = ""
        else:
            word += ch
    if word or opening:
        push(word)
    return out


def _latin(ch: str) -> bool:
    return ch.isalnum() and not is_wide(ch)


def _latin_runs(pieces: list[str]) -> list[str]:
    """Inside Chinese text, Latin words with spaces between them (a name, a title) as one piece."""
    out: list[str] = []
    for piece in pieces:
        if (len(out) >= 2 and out[-1] == " " and _latin(piece[0]) and _latin(out[-2][-1])):
            out[-2:] = [out[-2] + " " + piece]
        else:
            out.append(piece)
    return out


def line_width(line: str, language: str) -> float:
    """Characters in a line of a caption. In Chinese a half-width character (Latin letter, digit) counts as ½."""
    if language.startswith("zh"):
        return sum(1.0 if is_wide(ch) else 0.5 for ch in line)
    return float(len(line))


CLAUSE_END = set("，、；：。！？,;:.!?")
WEAK_ENDINGS = {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "but", "with", "from"}
POSSESSIVES = {"her", "his", "their", "its", "my", "your", "our"}  # often before their noun: a weaker penalty
GOOD_STARTS = {"and", "but", "or", "so", "because", "when", "while", "who", "which", "that", "to", "in", "at", "from",
               "for", "with", "after", "before", "until", "without"}


def balanced(text: str, lines: list[str], language: str, fits: Callable[[str], bool]) -> list[str]:
    """Re-break a caption that needs two lines where it reads best (BBC subtitle guidance): lines of similar
    length, the bottom one rather longer, after a clause when one ends near the middle, not after an article or
    preposition, and between two Chinese characters (perhaps inside a word) only when nothing better fits."""
    if len(lines) != 2:
        return lines
    pieces = tokens(text)
    best, best_cost = lines, float("inf")
    for i in range(1, len(pieces)):
        if pieces[i] == " ":
            continue
        first, second = "".join(pieces[:i]).strip(), "".join(pieces[i:]).strip()
        if not first or not second or not (fits(first) and fits(second)):
            continue
        between_wide = (pieces[i - 1] != " " and is_wide(first[-1]) and first[-1] not in CLOSING
                        and is_wide(second[0]) and second[0] not in OPENING)
        cost = _cost(first, second, language, between_wide)
        if cost < best_cost:
            best, best_cost = [first, second], cost
    return best


def _cost(first: str, second: str, language: str, between_wide: bool) -> float:
    w1, w2 = line_width(first, language), line_width(second, language)
    cost = abs(w1 - w2) / (w1 + w2)
    if w1 > w2:
        cost += 0.02
    if first[-1] in CLAUSE_END:
        cost -= 0.3
    if between_wide:
        cost += 0.3
    last = first.split()[-1].lower()
    if last in WEAK_ENDINGS:
        cost += 0.25
    elif last in POSSESSIVES:
        cost += 0.12
    if second.split()[0].lower() in GOOD_STARTS:
        cost -= 0.1
    return cost


def caption_lines(text: str, language: str) -> list[str]:
    """Break a caption into lines of at most LINE_CHARS characters, as a subtitler would: between words in
    English, between any two characters in Chinese (closing punctuation stays with the character before it).
    A hard line break in the text is kept. A word longer than a line stays whole (and is reported)."""
    limit = LINE_CHARS.get(language, LINE_CHARS["en"])

    def fits(line: str) -> bool:
        return line_width(line, language) <= limit

    out: list[str] = []
    for paragraph in text.split("\n"):
        found = [line for line in greedy_lines(paragraph, fits) if line]
        out += balanced(paragraph, found, language, fits)
    return out or [""]


def greedy_lines(paragraph: str, fits: Callable[[str], bool]) -> list[str]:
    """As many pieces on each line as fit (a piece longer than a line gets a line of its own). A last line of one
    Chinese character takes the piece before it along, as Chinese typesetting avoids an orphan (字。 alone)."""
    lines: list[list[str]] = [[]]
    for piece in tokens(paragraph):
        words = [piece] if " " not in piece.strip() or fits(piece) else _pieces(piece)  # a run too long for a line
        for token in words:
            line = lines[-1]
            if "".join(line).strip() and token != " " and not fits(("".join(line) + token).rstrip()):
                lines.append([token])
            else:
                line.append(token)
    if len(lines) > 1 and _orphan(lines[-1]):
        before = lines[-2]
        cut = max(i for i, piece in enumerate(before) if piece != " ")
        if "".join(before[:cut]).strip() and fits("".join(before[cut:] + lines[-1]).strip()):
            lines[-2:] = [before[:cut], before[cut:] + lines[-1]]
    return ["".join(line).strip() for line in lines]


def _orphan(line: list[str]) -> bool:
    """One Chinese character (with its punctuation) alone."""
    pieces = [piece for piece in line if piece != " "]
    core = [ch for ch in "".join(pieces) if ch not in CLOSING and ch not in OPENING]
    return len(pieces) == 1 and len(core) == 1 and is_wide(core[0])


def caption_chunks(text: str, language: str) -> list[str]:
    """Cut a text too long for one caption into captions of at most two lines each, after a clause where one
    ends in the later part of a caption."""
    chunks: list[str] = []
    current: list[str] = []
    for token in tokens(" ".join(text.split())):
        if current and token != " " and len(caption_lines("".join(current + [token]).strip(), language)) > 2:
            ends = [i for i, piece in enumerate(current) if piece[-1] in CLAUSE_END and i >= len(current) // 3]
            cut = ends[-1] + 1 if ends else len(current)
            chunks.append("".join(current[:cut]).strip())
            current = current[cut:]
        current.append(token)
    if "".join(current).strip():
        chunks.append("".join(current).strip())
    return [chunk for chunk in chunks if chunk]
