"""Interface strings in every language the kiosk speaks."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "touch_to_begin": {"en": "Touch the screen to begin", "zh-Hant": "輕觸螢幕開始"},
    "choose": {"en": "Choose a story", "zh-Hant": "選擇一個故事"},
    "choose_hint": {
        "en": "Eighteen migrant sex workers told Butterfly what anti-trafficking raids did to them, under the names the "
        "report uses.",
        "zh-Hant": "十八位移民性工作者向Butterfly講述打擊人口販賣的突擊行動為她們帶來的傷害。文中沿用報告所用的名字。",
    },
    "minutes": {"en": "{n}\u00a0min", "zh-Hant": "{n}分鐘"},
    "scenes": {"en": "{n} scenes", "zh-Hant": "{n}幕"},
    "scene_of": {"en": "Scene {k} of {n}", "zh-Hant": "第{k}幕，共{n}幕"},
    "kind_voice": {"en": "Short account", "zh-Hant": "短篇自述"},
    "kind_about": {"en": "Context", "zh-Hant": "背景"},
    "note_title": {"en": "Before you begin", "zh-Hant": "開始之前"},
    "note_intro": {"en": "{name}'s story includes:", "zh-Hant": "{name}的故事涉及："},
    "note_choice": {
        "en": "You can leave at any time with the Leave button.",
        "zh-Hant": "你可以隨時按「離開」按鈕離開。",
    },
    "continue": {"en": "Continue", "zh-Hant": "繼續"},
    "choose_another": {"en": "Choose another story", "zh-Hant": "選擇其他故事"},
    "leave": {"en": "Leave", "zh-Hant": "離開"},
    "next_title": {"en": "What happened next", "zh-Hant": "後來"},
    "left_title": {"en": "You left {name}'s story", "zh-Hant": "你已離開{name}的故事"},
    "paused": {"en": "Paused", "zh-Hant": "已暫停"},
    "language_button": {"en": "中文", "zh-Hant": "English"},
    "still_there": {"en": "Are you still there?", "zh-Hant": "你還在嗎？"},
    "still_there_body": {
        "en": "Touch anywhere to keep going. The kiosk returns to the start in {s} seconds.",
        "zh-Hant": "輕觸任何地方即可繼續。{s}秒後將返回起始畫面。",
    },
    "help_title": {"en": "How to use this kiosk", "zh-Hant": "使用說明"},
    "help_lines": {
        "en": "Touch a story to open it. Swipe left or right to move between scenes.\n"
        "Keys: arrows move, Enter selects, Backspace goes back, Home leaves the story.\n"
        "+ and − change the volume. D turns audio description on or off. V speaks the screen aloud.\n"
        "H shows or hides this help.\n"
        "Buttons at the bottom: previous, pause, next, replay, captions, audio description (AD), text size, contrast, "
        "language, volume.\n"
        "Touch anywhere to close.",
        "zh-Hant": "輕觸故事即可打開。向左或向右掃動可切換場景。\n"
        "按鍵：方向鍵移動，Enter選擇，Backspace返回，Home離開故事。\n"
        "+和−調校音量。D開關口述影像。V朗讀畫面內容。\n"
        "H顯示或隱藏本說明。\n"
        "底部按鈕：上一幕、暫停、下一幕、重播、字幕、口述影像、字體大小、高對比度、語言、音量。\n"
        "輕觸任何地方關閉。",
    },
    "captions": {"en": "Captions", "zh-Hant": "字幕"},
    "description_button": {"en": "AD", "zh-Hant": "口述"},
    # spoken guidance (key V): said, not shown
    "voice_attract": {"en": "Press Enter to begin. Press H for help.", "zh-Hant": "按 Enter 開始。按 H 聽取說明。"},
    "voice_chooser": {"en": "{n} stories. The arrow keys move between them; Enter opens one.",
                      "zh-Hant": "共 {n} 個故事。用方向鍵選擇，按 Enter 打開。"},
    "voice_minute": {"en": "{n} minute", "zh-Hant": "{n} 分鐘"},
    "voice_minutes": {"en": "{n} minutes", "zh-Hant": "{n} 分鐘"},
    "voice_note": {"en": "Press Enter to continue, or an arrow key to choose another story instead. Selected:",
                   "zh-Hant": "按 Enter 繼續，或按方向鍵改為選擇其他故事。現在選中："},
    "voice_end": {"en": "Press Enter to choose another story. Press D during a story to hear each picture described.",
                  "zh-Hant": "按 Enter 選擇其他故事。故事播放時按 D，可收聽每幅圖畫的口述影像。"},
    "text_size": {"en": "Text size", "zh-Hant": "字體大小"},
    "contrast": {"en": "Contrast", "zh-Hant": "高對比"},
    "volume": {"en": "Volume", "zh-Hant": "音量"},
    "muted": {"en": "Muted", "zh-Hant": "靜音"},
    "help": {"en": "Help", "zh-Hant": "說明"},
    "no_stories": {"en": "No stories are available right now.", "zh-Hant": "目前沒有可播放的故事。"},
}


def t(key: str, language: str, **values: object) -> str:
    texts = STRINGS[key]
    text = texts.get(language) or texts["en"]
    return text.format(**values) if values else text


def pick(text: dict[str, str] | None, language: str, fallback: str = "en") -> str:
    """A localised content text in this language, else the fallback language, else any."""
    if not text:
        return ""
    return text.get(language) or text.get(fallback) or next(iter(text.values()))
