"""Two-line captions break where they read best, in the linter and on screen alike."""

from __future__ import annotations

import pytest

from installation.content.linebreak import caption_lines


@pytest.mark.parametrize("text, language, expected", [
    # balanced, rather than as full a first line as will fit
    ("A police officer came to the hotel where Fanny was working that day.", "en",
     ["A police officer came to the hotel", "where Fanny was working that day."]),
    # after a clause, before a conjunction
    ("In January 2016, Cookie received a departure order.", "en",
     ["In January 2016,", "Cookie received a departure order."]),
    ("Niki ran away from an abusive partner, and was left homeless.", "en",
     ["Niki ran away from an abusive partner,", "and was left homeless."]),
    ("They invited her to talk. She had no idea they were police as well.", "en",
     ["They invited her to talk.", "She had no idea they were police as well."]),
    # never after an article
    ("She said the officers took the money and never gave a receipt.", "en",
     ["She said the officers took the money", "and never gave a receipt."]),
    # Chinese: after punctuation rather than inside a word, and at the space before a Latin name
    ("整段時間，她都無法聯絡家鄉的兒子。", "zh-Hant", ["整段時間，", "她都無法聯絡家鄉的兒子。"]),
    ("有一次，一位成了朋友的客人病重入院。", "zh-Hant", ["有一次，", "一位成了朋友的客人病重入院。"]),
    ("2016年1月，Cookie 收到一張離境令。", "zh-Hant", ["2016年1月，Cookie", "收到一張離境令。"]),
])
def test_two_line_captions_break_where_they_read_best(text, language, expected):
    assert caption_lines(text, language) == expected


def test_one_line_and_overlong_captions_are_left_as_they_are():
    assert caption_lines("Cookie was held in jail.", "en") == ["Cookie was held in jail."]
    long = "Word " * 30
    assert len(caption_lines(long.strip(), "en")) == 4  # the linter reports it; nothing is rebalanced


def test_the_kiosk_breaks_captions_as_the_linter_does():
    from installation.kiosk.text import wrap

    for text, language in [("Niki ran away from an abusive partner, and was left homeless.", "en"),
                           ("有一次，一位成了朋友的客人病重入院。", "zh-Hant")]:
        limit = 42 if language == "en" else 16
        assert wrap(text, 40, 1400, limit, language) == caption_lines(text, language)
