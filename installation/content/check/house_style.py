"""The Traditional Chinese house style (docs/content.md), as far as a machine can tell it.

`problems(text, language)` returns one message per rule the text breaks: a Taiwan form where the house writes the
Hong Kong one (着, 裏), a space between Latin letters or digits and Chinese, a Simplified character, or a term the house
writes otherwise. Texts in other languages have no problems here.
"""

from __future__ import annotations

import functools
import re

HOUSE_LANGUAGE = "zh-Hant"

# Taiwan form -> the house's Hong Kong form. Words in which 著 means "to write, notable" keep it in Hong Kong too.
FORMS = {"著": "着", "裡": "裏"}
_KEEPS_著 = ("著名", "顯著", "著作", "著述", "著者", "著稱", "土著", "名著", "巨著", "昭著", "卓著", "原著", "編著",
            "論著", "專著", "遺著")

# Terms the house writes one way (what is written -> what the house writes).
TERMS = {
    "人口販運": "人口販賣",
    "販運": "販賣",
    "受害者": "受害人",
    "信息": "訊息",
    "什麼": "甚麼",
    "身分": "身份",
    "單獨囚禁": "單獨監禁",
}

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SPACED = re.compile(rf"[A-Za-z0-9][ \u00a0\u3000]+[{_CJK}]|[{_CJK}][ \u00a0\u3000]+[A-Za-z0-9]")


@functools.cache
def simplified_only() -> frozenset[str]:
    """Characters that CC-CEDICT lists as Simplified forms and never as Traditional ones (hanzidentifier's tables),
    less the Hong Kong forms the house writes."""
    try:
        from hanzidentifier import helpers
    except ImportError:  # the check then leaves this rule out rather than fail
        return frozenset()
    return frozenset(helpers.SIMPLIFIED_CHARACTERS - helpers.TRADITIONAL_CHARACTERS - set(FORMS.values()))


def problems(text: str, language: str) -> list[str]:
    if language != HOUSE_LANGUAGE or not text:
        return []
    found: list[str] = []
    for taiwan, house in FORMS.items():
        bare = text
        if taiwan == "著":
            for word in _KEEPS_著:
                bare = bare.replace(word, "")
        if taiwan in bare:
            found.append(f"'{taiwan}' where the house style writes '{house}' (Hong Kong forms throughout; "
                         f"see docs/content.md)")
    for match in _SPACED.finditer(text):
        found.append(f"space in '{match.group(0)}': the house style writes no space between Latin letters or "
                     f"digits and Chinese")
    simplified = sorted({ch for ch in text if ch in simplified_only()}, key=text.index)
    if simplified:
        found.append(f"Simplified character{'s' if len(simplified) > 1 else ''} "
                     f"{' '.join(repr(ch) for ch in simplified)} in a Traditional Chinese text")
    rest = text
    for term, house in TERMS.items():
        if term in rest:
            found.append(f"'{term}' where the house style writes '{house}' (see docs/content.md)")
            rest = rest.replace(term, "")
    return found
