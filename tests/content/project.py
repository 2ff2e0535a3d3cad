"""The linter's and the storyboard's project (built with tests/builder.py): two stories of two scenes, with
narration and one WebVTT cue per caption item."""

from __future__ import annotations

from pathlib import Path

from tests import builder
from tests.builder import exhibition_yaml

EXHIBITION = exhibition_yaml("small", ("Small show", "小展覽"), "small-1", ["alpha", "beta"])

# Two scenes, two captions each, in both languages (line numbers matter to the tests: see test_check.py).
STORY = """\
id: {id}
kind: story
name: {{en: "{name}", zh-Hant: "{name}"}}
place: {{en: "Toronto", zh-Hant: "多倫多"}}
content_notes:
  en: ["immigration detention"]
  zh-Hant: ["移民拘留"]
epilogue:
  en: ["She was deported."]
  zh-Hant: ["她被遣返。"]
scenes:
  - id: door
    illustration: images/{id}/door.svg
    alt: {{en: "A door at night.", zh-Hant: "夜裏的一道門。"}}
    captions:
      en:
        - "She lived in Toronto."
        - "One night the police came."
      zh-Hant:
        - "她住在多倫多。"
        - "一天晚上，警察來了。"
  - id: cell
    illustration: images/{id}/cell.svg
    alt: {{en: "A bare room with a bench.", zh-Hant: "一個只有長凳的房間。"}}
    captions:
      en:
        - "She was held for weeks."
        - "Nobody told her why."
      zh-Hant:
        - "她被關了幾個星期。"
        - "沒有人告訴她原因。"
"""

CAPTIONS = {
    "door": {"en": ["She lived in Toronto.", "One night the police came."],
             "zh-Hant": ["她住在多倫多。", "一天晚上，警察來了。"]},
    "cell": {"en": ["She was held for weeks.", "Nobody told her why."],
             "zh-Hant": ["她被關了幾個星期。", "沒有人告訴她原因。"]},
}
CUE_TIMES = [(0.2, 2.4), (2.5, 4.8)]
LENGTH = 5.2


class Project(builder.Project):
    """The linter's project: config/small.yaml, stories alpha and beta (STORY), their SVGs and narration."""

    def story(self, story_id: str, text: str | None = None) -> Path:
        return super().story(story_id, text or STORY.format(id=story_id, name=story_id.title()))

    def narration(self, story_id: str, scene: str, language: str, texts: list[str] | None = None,
                  times=CUE_TIMES, seconds: float = LENGTH, lufs: float | None = -20.0) -> None:
        texts = texts if texts is not None else CAPTIONS[scene][language]
        super().narration(story_id, scene, language, [(s, e, t) for (s, e), t in zip(times, texts)], seconds, lufs)

    def full_story(self, story_id: str, colours=("#20304a", "#d8a25e")) -> None:
        self.story(story_id)
        for scene in ("door", "cell"):
            self.image(f"images/{story_id}/{scene}.svg", *colours)
            for language in ("en", "zh-Hant"):
                self.narration(story_id, scene, language)


def make_good_project(root: Path) -> Project:
    project = Project(root)
    project.exhibition(EXHIBITION)
    project.full_story("alpha")
    project.full_story("beta", ("#3a2030", "#9fb8d8"))
    return project


def line_with(text: str, marker: str) -> int:
    """1-based number of the only line of `text` containing `marker`."""
    found = [number for number, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(found) == 1, (marker, found)
    return found[0]
