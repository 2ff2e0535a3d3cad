"""`installation check`: every rule with a failing example (many problems in one run, exact lines), a passing
project, withdrawal, and garbage input that must never produce a traceback."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

import pytest

from installation.authoring import lint
from installation.content.check import check, probes
from installation.content.linebreak import caption_lines, line_width

from tests.builder import info_chunk, write_tone, write_vtt

from .project import CAPTIONS, EXHIBITION, LENGTH, STORY, Project, line_with
from tests import REPO


def run_check(config: Path, capsys, *extra: str) -> tuple[int, list[str], str]:
    parser = argparse.ArgumentParser()
    lint.add_arguments(parser)
    code = lint.run(parser.parse_args(["--config", str(config), *extra]))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, [line for line in out.splitlines() if line], err


def parsed(lines: list[str]) -> list[tuple[str, int, str, str]]:
    out = []
    for line in lines:
        match = re.match(r"^(.+?):(\d+): (error|warning): (.+)$", line)
        assert match, f"not path:line: level: message — {line!r}"
        out.append((match[1], int(match[2]), match[3], match[4]))
    return out


def assert_problems(found: list[tuple[str, int, str, str]], expected: list[tuple[str, int, str, str]]) -> None:
    """Every expected (path, line, level, part of the message) is found, and nothing else."""
    left = list(found)
    missing = []
    for path, line, level, part in expected:
        match = next((f for f in left if f[:3] == (path, line, level) and part in f[3]), None)
        if match is None:
            missing.append((path, line, level, part))
        else:
            left.remove(match)
    assert not missing and not left, f"\nmissing: {missing}\nunexpected: {left}"


# --------------------------------------------------------------------------------------------- passing


def test_a_good_project_has_no_problem(project: Project, capsys):
    code, lines, err = run_check(project.config, capsys)
    assert lines == []
    assert code == 0
    assert "0 errors, 0 warnings (2 stories checked)" in err


def test_warnings_alone_exit_zero(project: Project, capsys):
    (project.root / "media/narration/beta/door.zh-Hant.wav").unlink()
    code, lines, _ = run_check(project.config, capsys)
    assert_problems(parsed(lines), [
        ("stories/beta.yaml", 19, "warning", "scene 'door' (zh-Hant): no narration "
                                             "(media/narration/beta/door.zh-Hant.wav); run `installation media build`"),
    ])
    assert code == 0


# --------------------------------------------------------------------------------------------- failing

BAD_CONFIG = """\
id: small
title: {en: "Small show", zh-Hant: "小展覽"}
screen_name: small-1
playlist:
  - alpha
  - beta
  - gamma                 # <no-file>
  - delta                 # <outside>
  - zeta
  - epsilon
  - beta                  # <twice>
languages: [en, zh-Hant]
default_language: en
theme:
  attract_image: ../secret.svg   # <dotdot>
resources:
  title: {en: "Support"}         # <resources-zh>
  lines:
    en: ["Butterfly: butterflysw.org"]
    zh-Hant: ["蝴蝶：butterflysw.org"]
"""

BAD_STORY = """\
id: beta
kind: story
name: {en: "Beta", zh-Hant: "Beta"}
place: {en: "Toronto"}           # <place-zh>
colour: blue                     # <unknown-key>
thumbnail: images/beta/photo.jpg # <exif>
content_notes:                   # <notes-zh>
  en: ["immigration detention"]
epilogue:
  en: ["She was deported. 𓀀"]    # <glyph>
  zh-Hant: ["她被遣返。"]
scenes:
  - id: door
    illustration: images/beta/missing.svg    # <missing-image>
    alt: {en: "A door at night.", zh-Hant: "夜裏的一道門。"}
    captions:
      en:                                    # <door-en>
        - "She lived in Toronto for eleven years, where she had friends, work and a life she loved."  # <three-lines>
        - "Then one night the police came to her door."   # <fast>
      zh-Hant:                               # <door-zh>
        - "她住在多倫多。"
        - "她在多倫多住了十一年，在那裏有朋友、有工作，也有她熱愛的生活，直到一天晚上警察來了。"  # <zh-lines>
  - id: door                                 # <same-id>
    illustration: images/beta/cell.svg       # <bad-svg>
    alt: {en: "A bare room.", zh-Hant: "一個房間。"}
    captions:
      en:
        - "See https://example.org/a-very-long-address-that-no-caption-can-break"  # <unbreakable>
  - id: cell
    illustration: images/beta/linked.svg     # <link>
    alt: {en: "A bare room.", zh-Hant: "一個房間。"}
    hold: "long"                             # <hold>
    captions: {en: ["x"], zh-Hant: ["x"]}
  - id: wait
    illustration: images/beta/wait.png       # <png-author>
    alt: {en: "A corridor.", zh-Hant: "一條走廊。"}
    captions:
      en:
        - {text: "She waited.", start: 0.0, end: 8.0}            # <long-cue>
        - {text: "And waited.", start: 7.5, end: 8.0}            # <overlap>
      zh-Hant:
        - {text: "她等了很久。", start: 0.0, end: 3.0}
"""


def bad_project(root: Path) -> tuple[Project, dict[str, int], dict[str, int]]:
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    project = Project(root)
    project.write("config/small.yaml", BAD_CONFIG)
    project.full_story("alpha")
    # alpha/cell in Chinese: the captions were edited after the narration was built
    write_vtt(root / "media/narration/alpha/cell.zh-Hant.vtt", [(0.2, 2.4, "她被關了幾天。"), (2.5, 4.8, "沒有人說原因。")])
    project.story("beta", BAD_STORY)
    project.write("media/images/beta/cell.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>")
    project.image("images/beta/wait.svg")
    (root / "outside.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    os.symlink(root / "outside.svg", root / "media/images/beta/linked.svg")
    exif = Image.Exif()
    exif[0x0110] = "Camera 5"
    exif[0x8825] = {1: "N", 2: (43.0, 39.0, 0.0)}
    Image.new("RGB", (32, 18), (30, 30, 60)).save(root / "media/images/beta/photo.jpg", exif=exif)
    text = PngInfo()
    text.add_text("Author", "A Person")
    Image.new("RGB", (32, 18), (30, 30, 60)).save(root / "media/images/beta/wait.png", pnginfo=text)
    # beta/door: English narration with an artist tag, whose second cue is too fast and outlasts the audio;
    # no Chinese narration. beta/wait: English narration far too quiet.
    narration = root / "media/narration/beta"
    write_tone(narration / "door.en.wav", LENGTH, extra_chunk=info_chunk(IART="A Person", ISFT="Lavf"))
    write_vtt(narration / "door.en.vtt", [(0.2, 5.0, CAPTION_1), (5.0, 5.5, CAPTION_2)])
    write_tone(narration / "wait.en.wav", 8.0, lufs=-32.0)
    # delta is a link to a story outside the project; zeta does not parse; epsilon is withdrawn (and broken)
    (root.parent / "elsewhere.yaml").write_text(STORY.format(id="delta", name="Delta"), encoding="utf-8")
    os.symlink(root.parent / "elsewhere.yaml", root / "stories/delta.yaml")
    project.write("stories/zeta.yaml", ZETA)
    project.write("stories/epsilon.yaml", EPSILON)
    # a copy of beta whose id was not changed
    project.write("stories/beta-copy.yaml", "# copied\nid: beta\n")
    config = {m: line_with(BAD_CONFIG, f"<{m}>") for m in ("no-file", "outside", "twice", "dotdot", "resources-zh")}
    story = {m[1:-1]: line_with(BAD_STORY, m) for m in re.findall(r"<[a-z-]+>", BAD_STORY)}
    return project, config, story


CAPTION_1 = "She lived in Toronto for eleven years, where she had friends, work and a life she loved."
CAPTION_2 = "Then one night the police came to her door."
ZETA = "id: zeta\nkind: story\nname: {en: \"Zeta\"\nplace: x\n"
EPSILON = "id: epsilon\nwithdrawn: true\nscenes: []\ncolour: 5\n"


def test_many_problems_in_one_run_with_their_lines(tmp_path: Path, capsys):
    project, c, s = bad_project(tmp_path / "project")
    code, lines, err = run_check(project.config, capsys)
    found = parsed(lines)
    cfg, beta = "config/small.yaml", "stories/beta.yaml"
    assert_problems(found, [
        # the exhibition
        (cfg, c["no-file"], "error", "playlist: no story file stories/gamma.yaml"),
        (cfg, c["outside"], "error", "playlist: stories/delta.yaml is a link to a file outside the project"),
        (cfg, c["twice"], "error", "playlist names story 'beta' twice (first at line 6)"),
        (cfg, c["dotdot"], "error", "theme.attract_image: must stay inside media/ (no '..')"),
        (cfg, c["resources-zh"], "error", "resources.title: no zh-Hant text"),
        # YAML syntax, withdrawal, duplicate story ids
        ("stories/zeta.yaml", 4, "error", "YAML syntax"),
        ("stories/epsilon.yaml", 2, "warning", "withdrawn: not shown in any playlist"),
        ("stories/beta-copy.yaml", 2, "error", "story id 'beta' is also used by stories/beta.yaml:1"),
        (beta, 1, "error", "story id 'beta' is also used by stories/beta-copy.yaml:2"),
        # schema
        (beta, s["unknown-key"], "error", "unknown key 'colour'"),
        (beta, s["hold"], "error", "scenes.2.hold: Input should be a valid number"),
        (beta, s["same-id"], "error", "scene id 'door' is used twice in this story (first at line 13)"),
        # texts, notes, glyphs
        (beta, s["place-zh"], "error", "place: no zh-Hant text"),
        (beta, s["notes-zh"], "error", "content_notes: no notes in zh-Hant"),
        (beta, s["glyph"], "error", "epilogue (en): no glyph in the kiosk's font (Noto Sans CJK TC) for '𓀀' (U+13000)"),
        # media
        (beta, s["exif"], "error", "thumbnail: media/images/beta/photo.jpg carries metadata that could identify "
                                   "a place, a camera or a person (GPS location, camera model)"),
        (beta, s["missing-image"], "error", "illustration: media/images/beta/missing.svg not found"),
        (beta, s["bad-svg"], "error", "illustration: media/images/beta/cell.svg is not valid SVG"),
        (beta, s["png-author"], "error", "illustration: media/images/beta/wait.png carries metadata that could "
                                         "identify a place, a camera or a person (text 'Author')"),
        ("media/narration/beta/door.en.wav", 1, "error", "has tags that may name people: INFO IART (artist)"),
        ("media/narration/beta/wait.en.wav", 1, "error", "narration loudness -32.0 LUFS is not within ±2 LU of "
                                                         "the target -20 LUFS"),
        # captions: every language, layout, timing
        (beta, s["three-lines"], "error", "caption (en) needs 3 lines of at most 42 characters (at most 2)"),
        (beta, s["zh-lines"], "error", "caption (zh-Hant) needs 3 lines of at most 16 characters (at most 2)"),
        (beta, s["unbreakable"], "error", "caption (en): 'https://example.org/a-very-long-address-that-no-caption-"
                                          "can-break' cannot be broken into lines of at most 42 characters"),
        (beta, s["unbreakable"] - 2, "error", "scene 'door': no captions in zh-Hant"),
        (beta, s["unbreakable"] - 1, "warning", "scene 'door' (en): the narration was built from other captions "
                                                "than these (2 cues for 1 captions"),
        (beta, s["door-zh"], "warning", "scene 'door' (zh-Hant): no narration (media/narration/beta/door.zh-Hant.wav); "
                                        "run `installation media build`"),
        (beta, s["three-lines"], "warning", "caption (en) 0:00.2–0:05.0: 18.3 characters per second"),
        (beta, s["fast"], "warning", "caption (en) 0:05.0–0:05.5 is on screen for 0.50 s (at least 0.83 s)"),
        (beta, s["fast"], "warning", "caption (en) 0:05.0–0:05.5: 86.0 characters per second is faster than"),
        (beta, s["fast"], "error", "caption (en) 0:05.0–0:05.5 ends after the narration (0:05.2), so it is cut short"),
        (beta, s["long-cue"], "warning", "caption (en) 0:00.0–0:08.0 is on screen for 8.00 s (at most 7 s): split it"),
        (beta, s["overlap"], "error", "caption (en) 0:07.5–0:08.0 starts before the previous caption ends (0:08.0)"),
        (beta, s["overlap"], "warning", "0.50 s (at least 0.83 s)"),
        (beta, s["overlap"], "warning", "caption (en) 0:07.5–0:08.0: 22.0 characters per second"),
        (beta, s["overlap"] + 1, "warning", "scene 'wait' (zh-Hant): no narration"),
        ("stories/alpha.yaml", 29, "warning", "scene 'cell' (zh-Hant): the narration was built from other captions"),
        (beta, s["link"], "error", "illustration: media/images/beta/linked.svg is a link to a file outside media/"),
    ])
    assert code == 1
    # sorted by file, then line
    keys = [(path, line) for path, line, _, _ in found]
    assert keys == sorted(keys)
    assert re.search(r"config/small.yaml: \d+ errors, \d+ warnings \(2 stories checked, 1 withdrawn\)", err)


def test_the_same_problem_found_through_the_api(tmp_path: Path):
    project, _, story = bad_project(tmp_path / "project")
    report = check(project.config, instruments=lint.instruments())
    assert report.withdrawn == ["epsilon"]
    assert report.stories == ["alpha", "beta"]
    door = report.for_scene("beta", 0)
    assert any("needs 3 lines" in p.message for p in door)
    assert all(story["same-id"] - 10 <= p.line < story["same-id"] for p in door if p.path == "stories/beta.yaml")
    assert any(p.path == "media/narration/beta/door.en.wav" for p in door)
    assert any("content_notes" in p.message for p in report.for_story("beta"))


# --------------------------------------------------------------------------------------------- single rules


def test_missing_and_empty_content_notes(project: Project, capsys):
    text = STORY.format(id="beta", name="Beta").replace(
        'content_notes:\n  en: ["immigration detention"]\n  zh-Hant: ["移民拘留"]\n',
        'content_notes:\n  en: []\n  zh-Hant: ["  "]\n')
    project.story("beta", text)
    text = STORY.format(id="alpha", name="Alpha").replace(
        'content_notes:\n  en: ["immigration detention"]\n  zh-Hant: ["移民拘留"]\n', "")
    project.story("alpha", text)
    code, lines, _ = run_check(project.config, capsys)
    assert_problems(parsed(lines), [
        ("stories/alpha.yaml", 1, "error", "missing required field 'content_notes'"),
        ("stories/beta.yaml", 6, "error", "content notes for en must list at least one specific note"),
        ("stories/beta.yaml", 7, "error", "content notes for zh-Hant must list at least one specific note"),
    ])
    assert code == 1


def test_caption_text_rules_by_language():
    assert caption_lines("She lived in Toronto.", "en") == ["She lived in Toronto."]
    long = "She lived in Toronto for eleven years, where she had friends, work and a life."
    lines = caption_lines(long, "en")
    assert len(lines) == 2 and all(len(line) <= 42 for line in lines)
    # Chinese breaks between characters, never before closing punctuation; Latin letters count as half
    zh = "她在多倫多住了十一年，在那裏有朋友、有工作。"
    lines = caption_lines(zh, "zh-Hant")
    assert len(lines) == 2 and all(line_width(line, "zh-Hant") <= 16 for line in lines)
    assert not any(line.startswith(("，", "。", "、")) for line in lines)
    assert line_width("Lulu是難民。", "zh-Hant") == 6.0
    # a hard line break is kept
    assert caption_lines("One.\nTwo.", "en") == ["One.", "Two."]


def test_reading_speed_in_chinese_and_cue_limits(project: Project, capsys):
    # 7 characters in 0.7 s and 10 in 1.0 s: faster than 9 per second (fine for English at 17 per second)
    texts = CAPTIONS["door"]["zh-Hant"]
    project.narration("alpha", "door", "zh-Hant", texts, times=[(0.2, 0.9), (1.2, 2.2)])
    code, lines, _ = run_check(project.config, capsys)
    assert_problems(parsed(lines), [
        ("stories/alpha.yaml", 20, "warning", "caption (zh-Hant) 0:00.2–0:00.9: 10.0 characters per second is "
                                              "faster than visitors can read (at most 9)"),
        ("stories/alpha.yaml", 20, "warning", "caption (zh-Hant) 0:00.2–0:00.9 is on screen for 0.70 s (at least 0.83 s)"),
        ("stories/alpha.yaml", 21, "warning", "caption (zh-Hant) 0:01.2–0:02.2: 10.0 characters per second"),
    ])
    assert code == 0


def test_undecodable_narration_and_cue_file(project: Project, capsys):
    folder = project.root / "media/narration/alpha"
    (folder / "door.en.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk")
    (folder / "cell.en.vtt").write_text("WEBVTT\n\n00:00.500 --> 00:00.200\nBackwards.\n", encoding="utf-8")
    write_tone(folder / "door.zh-Hant.wav", LENGTH, lufs=None)  # silence
    code, lines, _ = run_check(project.config, capsys)
    assert_problems(parsed(lines), [
        ("media/narration/alpha/door.en.wav", 1, "error", "narration cannot be decoded"),
        ("media/narration/alpha/cell.en.vtt", 3, "error", "cue ends (00:00:00.200) before it starts (00:00:00.500)"),
        ("media/narration/alpha/door.zh-Hant.wav", 1, "error", "narration loudness: audio is silent"),
    ])
    assert code == 1


def test_audio_tags_in_recordings(project: Project, capsys):
    from mutagen.id3 import TPE1
    from mutagen.wave import WAVE

    recording = project.root / "media/recordings/alpha/door.en.wav"
    write_tone(recording, LENGTH)
    tagged = WAVE(str(recording))
    tagged.add_tags()
    tagged.tags.add(TPE1(encoding=3, text=["A Person"]))
    tagged.save()
    code, lines, _ = run_check(project.config, capsys)
    assert_problems(parsed(lines), [
        ("media/recordings/alpha/door.en.wav", 1, "error", "has tags that may name people: ID3 TPE1 (artist)"),
    ])
    assert "A Person" not in "\n".join(lines)  # the value itself is never printed
    assert code == 1


def test_svg_linking_outside_and_wrong_kind_of_image(project: Project, capsys):
    project.write("media/images/alpha/door.svg",
                  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                  'width="1920" height="1080">'
                  '<image xlink:href="file:///home/someone/photo.jpg" width="10" height="10"/></svg>')
    (project.root / "media/images/beta/door.svg").unlink()
    (project.root / "media/images/beta/door.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    project.story("beta", STORY.format(id="beta", name="Beta").replace("images/beta/door.svg", "images/beta/door.png"))
    project.write("media/images/beta/cell.svg", "just text")
    code, lines, _ = run_check(project.config, capsys)
    assert_problems(parsed(lines), [
        ("stories/alpha.yaml", 13, "error", "refers to file:///home/someone/photo.jpg outside itself (<image xlink:href>)"),
        ("stories/beta.yaml", 13, "error", "media/images/beta/door.png cannot be decoded"),
        ("stories/beta.yaml", 23, "error", "media/images/beta/cell.svg is not valid SVG"),
    ])
    assert code == 1


def test_absolute_media_path_and_id_not_matching_file(project: Project, capsys):
    project.story("beta", STORY.format(id="bet", name="Beta").replace("illustration: images/bet/cell.svg",
                                                                       "illustration: /etc/passwd"))
    code, lines, _ = run_check(project.config, capsys)
    assert_problems(parsed(lines), [
        ("stories/beta.yaml", 1, "error", "id 'bet' must match the file name 'beta'"),
        ("stories/beta.yaml", 23, "error", "must be a path relative to media/, not an absolute path"),
        ("stories/beta.yaml", 13, "error", "illustration: media/images/bet/door.svg not found"),
    ])
    assert code == 1


def test_glyphs_in_the_exhibition_texts(project: Project, capsys):
    project.write("config/small.yaml", EXHIBITION.replace('"Small show"', '"Small show 🦋"'))
    code, lines, _ = run_check(project.config, capsys)
    assert_problems(parsed(lines), [
        ("config/small.yaml", 2, "error", "title (en): no glyph in the kiosk's font (Noto Sans CJK TC) for '🦋' (U+1F98B)"),
    ])
    assert code == 1


def test_the_loudness_target_follows_the_narration_build(project: Project, capsys):
    (project.root / "media/narration/manifest.json").write_text('{"target": -16.0}')
    code, lines, _ = run_check(project.config, capsys)
    assert len(lines) == 8 and all("not within ±2 LU of the target -16 LUFS" in line for line in lines)
    code, lines, _ = run_check(project.config, capsys, "--target", "-21")
    assert lines == [] and code == 0
    code, lines, _ = run_check(project.config, capsys, "--no-audio", "--target", "-30")
    assert lines == [] and code == 0


# --------------------------------------------------------------------------------------------- withdrawal


def test_a_withdrawn_story_is_reported_and_nothing_else_of_it(project: Project, capsys):
    text = STORY.format(id="beta", name="Beta").replace("kind: story\n", "kind: story\nwithdrawn: true\n")
    project.story("beta", text.replace("images/beta/door.svg", "images/beta/gone.svg"))
    code, lines, err = run_check(project.config, capsys)
    assert_problems(parsed(lines), [("stories/beta.yaml", 3, "warning", "withdrawn: not shown in any playlist")])
    assert code == 0
    assert "(1 stories checked, 1 withdrawn)" in err


def test_withdrawn_story_is_not_loaded_for_the_kiosk(project: Project):
    from installation.content.load import load_library

    project.story("beta", STORY.format(id="beta", name="Beta").replace("kind: story\n", "kind: story\nwithdrawn: true\n"))
    library, _ = load_library(project.config)
    assert library is not None and list(library.stories) == ["alpha"]


# --------------------------------------------------------------------------------------------- garbage


@pytest.mark.parametrize("content, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe binary", "not UTF-8 text"),
    (b"", "file is empty"),
    (b"# only a comment\n", "file is empty"),
    (b"- alpha\n- beta\n", "must be a mapping of keys to values"),
    (b"just a sentence", "must be a mapping of keys to values"),
    (b"id: [unclosed\n", "YAML syntax"),
    (b"\x00\x01\x02", "YAML syntax"),
    (b"a: &x [*x]\nb: !!python/object:os.system ls\n", "YAML"),
])
def test_garbage_exhibition_file(project: Project, capsys, content: bytes, message: str):
    project.config.write_bytes(content)
    code, lines, _ = run_check(project.config, capsys)
    assert code == 1
    found = parsed(lines)
    assert found and found[0][0] == "config/small.yaml" and message in found[0][3]


@pytest.mark.parametrize("content", [
    b"\xff\xd8\xff\xe0 binary \x00\x00", b"", b"[1, 2, 3]", b"id: beta\nscenes: 5\n", b"id: beta\nscenes: [5, 'x']\n",
    b"id: beta\nscenes:\n  - {id: door, illustration: 7, captions: [1], alt: x}\n",
    b"id: beta\ncontent_notes: [1]\nname: 5\nscenes:\n  - id: door\n    captions: {en: 5, fr: [x]}\n",
    b"id: beta\nwithdrawn: [true]\n", b"? [a, b]\n: c\n",
])
def test_garbage_story_file(project: Project, capsys, content: bytes):
    (project.root / "stories/beta.yaml").write_bytes(content)
    code, lines, _ = run_check(project.config, capsys)
    assert code == 1
    assert all(line.startswith("stories/beta.yaml:") for line in lines), lines


def test_garbage_values_in_the_exhibition(project: Project, capsys):
    project.write("config/small.yaml", "id: small\nplaylist: alpha\nlanguages: 5\ntheme: [1]\nresources: x\n")
    code, lines, _ = run_check(project.config, capsys)
    assert code == 1 and lines
    project.write("config/small.yaml", EXHIBITION.replace("playlist: [alpha, beta]", "playlist: [alpha, 5, {a: b}, Beta]"))
    code, lines, _ = run_check(project.config, capsys)
    assert code == 1 and all(line.startswith("config/small.yaml:4:") for line in lines), lines


def test_missing_config_and_unexpected_failures(project: Project, capsys, monkeypatch):
    code, lines, _ = run_check(project.root / "config/nothing.yaml", capsys)
    assert code == 1 and lines == ["config/nothing.yaml:1: error: file not found"]

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(probes, "image_problems", explode)
    code, lines, _ = run_check(project.config, capsys)
    assert code == 1
    assert "stories/alpha.yaml:1: error: could not check scene 'door': unexpected RuntimeError: disk on fire" in lines


def test_links_in_a_loop(project: Project, capsys):
    os.symlink("loop-b.yaml", project.root / "stories/loop-a.yaml")
    os.symlink("loop-a.yaml", project.root / "stories/loop-b.yaml")
    os.symlink("self.svg", project.root / "media/images/alpha/self.svg")
    project.story("alpha", STORY.format(id="alpha", name="Alpha").replace("images/alpha/door.svg", "images/alpha/self.svg"))
    project.write("config/small.yaml", EXHIBITION.replace("playlist: [alpha, beta]", "playlist: [alpha, beta, loop-a]"))
    code, lines, _ = run_check(project.config, capsys)
    assert_problems(parsed(lines), [
        ("config/small.yaml", 4, "error", "playlist: stories/loop-a.yaml is a link to a file outside the project "
                                          "(a loop of links)"),
        ("stories/alpha.yaml", 13, "error", "illustration: media/images/alpha/self.svg not found (a broken link)"),
    ])
    assert code == 1


def test_random_story_text_never_raises(tmp_path: Path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from .project import make_good_project

    project = make_good_project(tmp_path / "project")
    lines = STORY.format(id="beta", name="Beta").splitlines()

    @settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 40)), deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(st.lists(st.tuples(st.integers(0, len(lines) - 1), st.text(max_size=12)), max_size=4),
           st.integers(0, len(lines)))
    def fuzz(edits, cut):
        text = list(lines)
        for index, junk in edits:
            text[index] = text[index][: len(text[index]) // 2] + junk
        (project.root / "stories/beta.yaml").write_text("\n".join(text[:cut]), encoding="utf-8")
        report = check(project.config, audio=False, instruments=lint.instruments())
        for problem in report.problems:
            assert problem.level in ("error", "warning") and problem.line >= 1
            assert "could not check" not in problem.message, problem

    fuzz()


# --------------------------------------------------------------------------------------------- shipped content


@pytest.mark.parametrize("name", ["viminal-space", "butterfly-voices", "demo"])
def test_shipped_exhibitions_have_no_errors(name: str):
    """Narration is not built in the test run, so only its absence may be warned about; there are no errors."""
    root = REPO
    report = check(root / "config" / f"{name}.yaml", audio=False, instruments=lint.instruments())
    errors = [str(p) for p in report.problems if p.level == "error"]
    assert errors == [], "\n".join(errors)
    assert report.stories


def test_doubtful_automatic_alignment_of_a_recording_is_a_warning(project: Project, capsys):
    from installation.authoring.align import AlignedCue, aligned_vtt

    folder = project.root / "media/recordings/alpha"
    write_tone(folder / "door.en.wav", 3.0)
    cues = [AlignedCue(0.2, 1.4, "Sure.", 0.97), AlignedCue(1.5, 1.9, "Squeezed.", 0.8),
            AlignedCue(2.0, 2.9, "Unsure.", 0.1, "silence where the cue should be")]
    (folder / "door.en.vtt").write_text(aligned_vtt(cues, "stories/alpha.yaml, scene door, en"), encoding="utf-8")
    write_vtt(folder / "cell.en.vtt", [(0.0, 0.3, "Hand-made files are the curator's.")])
    code, lines, _ = run_check(project.config, capsys)
    shown = "media/recordings/alpha/door.en.vtt"
    assert [p for p in parsed(lines) if p[0].startswith("media/recordings")] == [
        (shown, 13, "warning", "caption timed automatically is squeezed to 0.40 s on screen (at least 0.83 s)"),
        (shown, 18, "warning", "caption timed automatically with low confidence (0.10: silence where the cue "
                               "should be): listen and correct its time"),
    ]
    assert code == 0
