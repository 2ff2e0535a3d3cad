"""The kiosk's own words follow the Chinese house style (docs/content.md), as the content does."""

from __future__ import annotations

from collections import defaultdict

from installation.content.check.house_style import problems
from installation.kiosk.strings import STRINGS


def test_the_chinese_the_kiosk_shows_follows_the_house_style():
    shown = {key: texts["zh-Hant"].format_map(defaultdict(lambda: "4")) for key, texts in STRINGS.items()
             if "zh-Hant" in texts and not key.startswith("voice_")}  # voice_…: spoken, never shown
    found = {key: problems(text, "zh-Hant") for key, text in shown.items()}
    assert not {key: found for key, found in found.items() if found}
