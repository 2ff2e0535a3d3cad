"""Loading content: every problem at once, as path:line, never a traceback."""

from __future__ import annotations

from pathlib import Path

from installation.content.load import load_library, load_story
from tests import REPO


def lines_of(problems):
    return [(p.path, p.line, p.message) for p in problems]


def test_several_bad_files_reported_at_once_with_lines(tiny_config: Path):
    root = tiny_config.parents[1]
    (root / "stories" / "alpha.yaml").write_text(
        "id: alpha\n"            # 1
        "kind: story\n"          # 2
        "name: {en: Alpha}\n"    # 3
        "place: {en: Here, fr: Ici}\n"  # 4
        "colour: red\n"          # 5
        "content_notes: {en: []}\n"  # 6
        "epilogue: {en: [done]}\n"   # 7
        "scenes:\n"              # 8
        "  - id: one\n"          # 9
        "    illustration: ../../etc/passwd\n"  # 10
        "    alt: {en: x}\n"     # 11
        "    hold: -1\n"         # 12
        "    captions: {en: [hello]}\n",  # 13
        encoding="utf-8",
    )
    (root / "stories" / "beta.yaml").write_text("id: beta\nname: [unclosed\n", encoding="utf-8")
    library, problems = load_library(tiny_config)
    found = lines_of(problems)
    assert ("stories/alpha.yaml", 4, "place: unknown language 'fr' (use one of: en, zh-Hant)") in found
    assert ("stories/alpha.yaml", 5, "unknown key 'colour'") in found
    assert ("stories/alpha.yaml", 6, "content_notes: content notes for en must list at least one specific note") in found
    assert ("stories/alpha.yaml", 10, "scenes.0.illustration: must stay inside media/ (no '..')") in found
    assert ("stories/alpha.yaml", 12, "scenes.0.hold: Input should be greater than or equal to 0") in found
    assert any(p == "stories/beta.yaml" and line == 3 and "YAML syntax" in m for p, line, m in found), found
    assert "no playable story in the playlist" in [m for _, _, m in found]
    assert library is not None and library.stories == {}
    for problem in problems:
        assert str(problem).startswith(f"{problem.path}:{problem.line}: ")


def test_valid_stories_still_play_when_one_is_broken(tiny_config: Path):
    (tiny_config.parents[1] / "stories" / "beta.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    library, problems = load_library(tiny_config)
    assert list(library.stories) == ["alpha"]
    assert lines_of(problems) == [("stories/beta.yaml", 1, "a story file must be a mapping of keys to values")]


def test_missing_story_and_bad_exhibition_fields(tiny_config: Path):
    text = tiny_config.read_text(encoding="utf-8")
    text = text.replace("playlist: [alpha, beta]", "playlist: [alpha, gamma]").replace(
        "idle: {timeout: 60, warning: 20}", "idle: {timeout: 60, warning: 5}\nidle: {timeout: 60, warning: 5}")
    tiny_config.write_text(text, encoding="utf-8")
    library, problems = load_library(tiny_config)
    found = lines_of(problems)
    assert ("config/tiny.yaml", 8, "duplicate key 'idle'") in found
    assert ("config/tiny.yaml", 8, "idle.warning: Input should be greater than or equal to 20") in found
    assert library is None  # the exhibition itself is invalid: nothing to run


def test_duplicate_scene_ids_and_id_mismatch(tiny_config: Path):
    path = tiny_config.parents[1] / "stories" / "alpha.yaml"
    text = path.read_text(encoding="utf-8").replace("id: s2", "id: s1").replace("id: alpha", "id: alfa", 1)
    path.write_text(text, encoding="utf-8")
    story, problems = load_story(path, tiny_config.parents[1])
    messages = [p.message for p in problems]
    assert "scene id 's1' is used twice" in messages
    assert "id 'alfa' must match the file name 'alpha'" in messages


def test_binary_and_empty_files_are_errors_not_tracebacks(tiny_config: Path):
    stories = tiny_config.parents[1] / "stories"
    (stories / "alpha.yaml").write_bytes(b"\xff\xfe\x00garbage\x00")
    (stories / "beta.yaml").write_text("", encoding="utf-8")
    _, problems = load_library(tiny_config)
    found = lines_of(problems)
    assert found[0][0] == "stories/alpha.yaml" and "not UTF-8" in found[0][2]
    assert ("stories/beta.yaml", 1, "file is empty") in found


def test_withdrawn_story_is_left_out(tiny_config: Path):
    path = tiny_config.parents[1] / "stories" / "beta.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "withdrawn: true\n", encoding="utf-8")
    library, problems = load_library(tiny_config)
    assert list(library.stories) == ["alpha"]
    assert [p.level for p in problems] == ["warning"]


def test_timings_without_narration_follow_caption_cues(library):
    timing = library.timing("alpha", 0, "en")
    assert timing.narration is None and timing.length == 8.0
    assert [c.text for c in timing.cues] == ["Scene 1, first caption.", "Scene 1, second caption."]


def test_shipped_exhibitions_load_without_errors():
    repo = REPO
    for name in ("demo", "viminal-space", "butterfly-voices"):
        library, problems = load_library(repo / "config" / f"{name}.yaml")
        assert library is not None
        assert [str(p) for p in problems if p.level == "error"] == []
        assert len(library.stories) == len(library.exhibition.playlist)
