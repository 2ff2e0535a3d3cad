"""Two-line captions break where they read best, in the linter and on screen alike."""

from __future__ import annotations

import pytest

from installation.content.linebreak import CLOSING, OPENING, caption_lines, greedy_lines, line_width, tokens


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


# Chinese line-breaking rules (kinsoku), on the kiosk's cards and notes as in captions: whatever the width
KINSOKU = [
    "她對警察說：「我只是在工作。」他們卻把她帶走，關押了三個月；其後，她被遣返。",
    "報告《Behind the Rescue》記錄了十八位性工作者的經歷（她們用的都是化名）。",
    "2016年1月，Little Fish向Butterfly求助，之後與Shan Yin一同出席了拘留覆核……",
]


def lines_at(text: str, width: float) -> list[str]:
    return [line for line in greedy_lines(text, lambda line: line_width(line, "zh-Hant") <= width) if line]


@pytest.mark.parametrize("text", KINSOKU)
def test_no_chinese_line_starts_with_closing_or_ends_with_opening_punctuation(text):
    for width in range(4, 30):
        lines = lines_at(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
        assert not [line for line in lines if line[0] in CLOSING], (width, lines)
        assert not [line for line in lines if line[-1] in OPENING], (width, lines)


@pytest.mark.parametrize("text, whole", [
    (KINSOKU[1], ["Behind the Rescue"]),
    (KINSOKU[2], ["2016", "Little Fish", "Butterfly", "Shan Yin"]),
])
def test_latin_words_numbers_and_pseudonyms_stay_whole_in_chinese(text, whole):
    for width in range(11, 30):
        lines = lines_at(text, width)
        for name in whole:
            assert any(name in line for line in lines), (width, name, lines)


def test_a_latin_run_longer_than_a_line_breaks_between_its_words():
    assert lines_at("報告《Behind the Rescue》", 6) == ["報告《Behind", "the Rescue》"]
    assert tokens("Niki與Lucy") == ["Niki", "與", "Lucy"]
    assert tokens("In 2016, Little Fish") == ["In", " ", "2016,", " ", "Little", " ", "Fish"]  # English: words


def test_the_kiosk_keeps_these_rules_at_any_width():
    from installation.kiosk.text import face, wrap

    for width in range(160, 900, 37):  # from as wide as its longest word, "Butterfly"
        lines = wrap(KINSOKU[0] + KINSOKU[2], 30, width)
        assert all(face().get_rect(line, size=30).width <= width for line in lines)
        assert not [line for line in lines if line[0] in CLOSING or line[-1] in OPENING], (width, lines)
        assert any("Little Fish" in line for line in lines)


def test_a_middle_dot_ends_its_line_and_a_number_keeps_the_word_after_it():
    details = "加拿大，其後被遣返亞洲 · 4分鐘 · 背景"  # a chooser card's place, length and kind
    for width in range(3, 20):
        lines = lines_at(details, width)
        assert not [line for line in lines if line.startswith("·") or line.endswith("4")], (width, lines)


def test_a_chinese_paragraph_does_not_end_with_one_character_alone():
    hint = "十八位移民性工作者向Butterfly講述打擊人口販賣的突擊行動為她們帶來的傷害。文中沿用報告所用的名字。"
    for width in range(6, 40):
        lines = lines_at(hint, width)
        assert len(lines) == 1 or len(lines[-1].rstrip("".join(CLOSING))) > 1, (width, lines)
        assert "".join(lines) == hint
