"""`installation storyboard`: contact sheets of the expected size with one tile per scene, captions in the chosen
languages, the linter's problems on the scene they concern, PDF pages, and clear refusals (headless, fast)."""

from __future__ import annotations

import argparse
import re
import textwrap
from pathlib import Path

import pytest

from installation.authoring import storyboard as sb
from tests.content.project import CAPTIONS, STORY, make_good_project


def tiles_in(png: Path) -> int:
    """Scene tiles on a sheet, counted by their header bands (large regions of the band colour)."""
    import numpy as np
    from PIL import Image
    from scipy import ndimage

    pixels = np.asarray(Image.open(png).convert("RGB"))
    band = np.all(pixels == np.array(sb.BAND, dtype=pixels.dtype), axis=-1)
    labels, count = ndimage.label(band)
    sizes = ndimage.sum(band, labels, range(1, count + 1))
    return int(sum(1 for size in sizes if size > 5000))


def pdf_pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))


@pytest.fixture
def drawn(monkeypatch) -> list[str]:
    """Every text drawn on a sheet (not merely measured)."""
    texts: list[str] = []
    original = sb.Pen.text

    def record(self, text, *args, **kwargs):
        if self.surface is not None:
            texts.append(text)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(sb.Pen, "text", record)
    return texts


def long_story(story_id: str, scenes: int) -> str:
    head = STORY.format(id=story_id, name=story_id.title()).split("scenes:\n")[0] + "scenes:\n"
    body = ""
    for index in range(scenes):
        body += textwrap.indent(textwrap.dedent(f"""\
            - id: s{index + 1}
              illustration: images/alpha/door.svg
              alt: {{en: "A door at night.", zh-Hant: "夜裏的一道門。"}}
              captions:
                en: ["Scene {index + 1}: she waited.", "Nobody came."]
                zh-Hant: ["第{index + 1}幕：她等着。", "沒有人來。"]
            """), "  ")
    return head + body


def test_one_sheet_per_story_with_a_tile_per_scene(tmp_path: Path):
    project = make_good_project(tmp_path / "project")
    out = tmp_path / "sheets"
    written, failures = sb.storyboard(project.config, out, checks=False)
    assert failures == []
    assert sorted(p.name for p in written) == ["alpha.pdf", "alpha.png", "beta.pdf", "beta.png"]
    from PIL import Image

    for story in ("alpha", "beta"):
        with Image.open(out / f"{story}.png") as image:
            assert image.size == sb.PAGE == (2480, 1754)  # A-series landscape
        assert tiles_in(out / f"{story}.png") == 2
        assert pdf_pages(out / f"{story}.pdf") == 1


def test_a_long_story_runs_over_pages(tmp_path: Path):
    project = make_good_project(tmp_path / "project")
    project.story("beta", long_story("beta", 7))
    written, failures = sb.storyboard(project.config, tmp_path / "out", ["beta"], checks=False)
    assert failures == [] and [p.name for p in written] == ["beta.png", "beta.pdf"]
    from PIL import Image

    with Image.open(written[0]) as image:
        assert image.size == (2480, 2 * 1754)  # six tiles to a page: two pages, one under the other
    assert tiles_in(written[0]) == 7
    assert pdf_pages(written[1]) == 2


def test_captions_times_alt_text_and_problems(tmp_path: Path, drawn: list[str]):
    project = make_good_project(tmp_path / "project")
    (project.root / "media/narration/alpha/cell.zh-Hant.wav").unlink()
    (project.root / "media/images/alpha/door.svg").unlink()
    written, failures = sb.storyboard(project.config, tmp_path / "out", ["alpha"], pdf=False)
    assert failures == [] and [p.name for p in written] == ["alpha.png"]
    text = "\n".join(drawn)
    for language in ("en", "zh-Hant"):
        for scene in ("door", "cell"):
            for caption in CAPTIONS[scene][language]:
                assert caption in drawn
    assert "0:00.2–0:02.4" in drawn and "0:02.5–0:04.8" in drawn  # the cue times from the narration's WebVTT
    assert "English" in drawn and "繁體中文" in drawn
    assert "illustration missing" in drawn
    assert "Alt: A door at night." in text and "替代文字: 夜裏的一道門。" in text
    # the linter's problems, each on its scene's tile
    assert re.search(r"error · line 13: illustration: media/images/alpha/door.svg not found", text)
    assert re.search(r"warning · line 29: scene 'cell' \(zh-Hant\): no narration", text)
    assert "English 0:06.7   繁體中文 0:04.8 (no narration)" in drawn  # paced captions, plus the hold
    assert tiles_in(written[0]) == 2


def test_one_language(tmp_path: Path, drawn: list[str]):
    project = make_good_project(tmp_path / "project")
    parser = argparse.ArgumentParser()
    sb.add_arguments(parser)
    args = parser.parse_args(["alpha", "--config", str(project.config), "--language", "zh-Hant", "-o",
                              str(tmp_path / "out"), "--no-check"])
    assert sb.run(args) == 0
    assert "她住在多倫多。" in drawn and "繁體中文" in drawn
    assert "She lived in Toronto." not in drawn and "English" not in drawn
    assert (tmp_path / "out/alpha.png").exists() and (tmp_path / "out/alpha.pdf").exists()


def test_withdrawn_unknown_and_broken_stories_are_refused(tmp_path: Path, capsys):
    project = make_good_project(tmp_path / "project")
    story = STORY.format(id="beta", name="Beta")
    project.story("beta", story.replace("kind: story\n", "kind: story\nwithdrawn: true\n"))
    project.story("gamma", "id: gamma\nscenes: 5\n")
    parser = argparse.ArgumentParser()
    sb.add_arguments(parser)
    out = tmp_path / "out"
    args = parser.parse_args(["alpha", "beta", "gamma", "delta", "--config", str(project.config), "-o", str(out)])
    assert sb.run(args) == 1
    _, err = capsys.readouterr()
    assert "storyboard: beta: withdrawn: not shown anywhere, so no storyboard is drawn" in err
    assert "storyboard: gamma: stories/gamma.yaml has errors" in err
    assert "storyboard: delta: no story file stories/delta.yaml" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["alpha.pdf", "alpha.png"]
    # by default, withdrawn stories are simply left out
    written, failures = sb.storyboard(project.config, tmp_path / "all", checks=False, pdf=False)
    assert [p.name for p in written] == ["alpha.png"] and failures == []


def test_an_unreadable_exhibition(tmp_path: Path, capsys):
    project = make_good_project(tmp_path / "project")
    project.config.write_text("- not\n- a mapping\n")
    written, failures = sb.storyboard(project.config, tmp_path / "out")
    assert written == [] and failures and "must be a mapping" in failures[0]


def test_layout_prefers_few_pages_then_large_tiles(tmp_path: Path):
    from installation.content.load import load_library

    project = make_good_project(tmp_path / "project")
    project.story("beta", long_story("beta", 5))
    library, _ = load_library(project.config)
    short = sb.story_sheet(library, library.stories["alpha"], ["en", "zh-Hant"], None, "config/small.yaml")
    long = sb.story_sheet(library, library.stories["beta"], ["en", "zh-Hant"], None, "config/small.yaml")
    layout, _ = sb.page_layout(short)
    assert layout.pages == 1 and layout.per_page < 6 and layout.scale >= sb.COMFORTABLE  # two scenes: big tiles
    layout, _ = sb.page_layout(long)
    assert (layout.columns, layout.rows, layout.pages) == (2, 3, 1)


def test_a_recording_timed_automatically_shows_its_aligned_times(tmp_path: Path, drawn: list[str]):
    from installation.authoring import build as narration
    from installation.authoring.align_measure import recording
    from installation.authoring.captions import read_subtitles
    from installation.authoring.sheets import clock
    from tests.builder import write_wav

    project = make_good_project(tmp_path / "project")
    audio, rate, _ = recording(CAPTIONS["door"]["zh-Hant"], "zh-Hant", seed=4)  # a second Cantonese voice
    write_wav(project.root / "media/recordings/alpha/door.zh-Hant.wav", audio, rate)
    assert narration.build(project.root, ["alpha"], workers=1, fast=True).ok
    aligned = read_subtitles(project.root / "media/recordings/alpha/door.zh-Hant.vtt")
    written, failures = sb.storyboard(project.config, tmp_path / "out", ["alpha"], pdf=False, checks=False)
    assert failures == [] and written
    for cue in aligned:
        assert f"{clock(cue.start)}–{clock(cue.end)}" in drawn
