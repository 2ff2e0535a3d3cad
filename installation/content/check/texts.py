"""Rules for the localised texts of an exhibition, a story and a scene: every language present, content notes
specific, every character in the kiosk's font, Chinese in the house style."""

from __future__ import annotations

from typing import Any, Iterable

from ..yamlpos import Located
from . import house_style
from .findings import ERROR, WARNING, Recorder, _get
from .instruments import Instruments


# Localised texts of a story or an exhibition: (location, required in every language of the show; None: checked
# elsewhere).
EXHIBITION_TEXTS: tuple[tuple[tuple, bool | None], ...] = (
    (("title",), True), (("subtitle",), False), (("venue",), False),
    (("resources", "title"), True), (("resources", "lines"), True),
)
STORY_TEXTS: tuple[tuple[tuple, bool | None], ...] = (
    (("name",), True), (("place",), True), (("summary",), False),
    (("content_notes",), None), (("epilogue",), True),
)
SCENE_TEXTS: tuple[tuple[str, bool], ...] = (("alt", True), ("description", False))


class TextRules(Recorder):
    instruments: Instruments
    _glyph_cache: dict[str, list[str]]

    def check_content_notes(self, shown: str, located: Located, languages: list[str]) -> None:
        notes = located.data.get("content_notes")
        if not isinstance(notes, dict):
            return  # missing or malformed: a schema error already
        for language, items in notes.items():
            if not isinstance(items, list):
                continue  # a schema error already
            blank = [i for i, note in enumerate(items) if isinstance(note, str) and not note.strip()]
            if not items or blank:
                line = located.line_of(("content_notes", language) + ((blank[0],) if blank else ()))
                self.add(shown, line, f"content notes for {language} must list at least one specific note "
                                      f"(e.g. \"immigration detention\"), and no empty one")
        for language in languages:
            if language in notes:
                continue
            self.add(shown, located.line_of(("content_notes",)),
                     f"content_notes: no notes in {language} (visitors choosing {language} must be told "
                     f"what the story contains before it starts)")

    def check_texts(self, shown: str, located: Located, fields: Iterable[tuple[tuple, bool | None]], base: tuple,
                    languages: list[str]) -> None:
        for loc, required in fields:
            value = _get(located.data, base + loc)
            if value is None:
                continue
            self.check_localised(shown, located, base + loc, value, required, languages)

    def check_localised(self, shown: str, located: Located, loc: tuple, value: Any, required: bool | None,
                        languages: list[str]) -> None:
        if not isinstance(value, dict):
            return  # a schema error already
        name = ".".join(str(part) for part in loc if not isinstance(part, int))
        for language in languages:
            if required is not None and language not in value:
                self.add(shown, located.line_of(loc), f"{name}: no {language} text (the exhibition is shown in "
                                                      f"{' and '.join(languages)})", ERROR if required else WARNING)
        for language, text in value.items():
            if isinstance(text, str):
                self.check_text(shown, located.line_of(loc + (language,)), f"{name} ({language})", language, text)
            elif isinstance(text, list):
                for index, item in enumerate(text):
                    if isinstance(item, str):
                        self.check_text(shown, located.line_of(loc + (language, index)), f"{name} ({language})",
                                        language, item)

    def check_text(self, shown: str, line: int, what: str, language: str, text: str) -> None:
        self.check_glyphs(shown, line, what, text)
        for message in house_style.problems(text, language):
            self.add(shown, line, f"{what}: {message}")

    def check_glyphs(self, shown: str, line: int, what: str, text: str) -> None:
        missing = self._missing_glyphs(text)
        if missing:
            listed = " ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in missing[:6])
            more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
            self.add(shown, line, f"{what}: no glyph in the kiosk's font (Noto Sans CJK TC) for {listed}{more}; "
                                  f"these would show as empty boxes")

    def _missing_glyphs(self, text: str) -> list[str]:
        if self.instruments.missing_glyphs is None:
            return []
        if text not in self._glyph_cache:
            self._glyph_cache[text] = self.instruments.missing_glyphs(text)
        return self._glyph_cache[text]
