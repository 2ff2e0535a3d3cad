"""`installation media build` on a tiny project: outputs, cue timing, loudness, incremental rebuilds, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from installation.authoring import build as narration
from installation.authoring.captions import read_subtitles
from installation.authoring.loudness import measure, true_peak_db
from installation.content.linebreak import caption_lines
from installation.cli import main

from .helpers import read_wav
from tests import REPO

SCENES = {("one", "en"): 2, ("one", "zh-Hant"): 2, ("two", "en"): 1, ("two", "zh-Hant"): 1}


def outputs(root: Path, scene: str, language: str) -> tuple[Path, Path]:
    folder = root / "media" / "narration" / "demo"
    return folder / f"{scene}.{language}.wav", folder / f"{scene}.{language}.vtt"


def test_builds_every_scene_and_language_with_timed_cues(project: Path):
    summary = narration.build(project, workers=1)
    assert (summary.built, summary.skipped, summary.failed) == (4, 0, 0), summary.problems
    assert summary.ok and summary.minutes["en"] > 0 and summary.minutes["zh-Hant"] > 0
    for (scene, language), count in SCENES.items():
        wav, vtt = outputs(project, scene, language)
        samples, rate, channels, width = read_wav(wav)
        assert (rate, channels, width) == (22050, 1, 2)
        length = len(samples) / rate
        cues = read_subtitles(vtt)
        assert len(cues) == count
        assert cues[0].start >= 0
        for cue in cues:
            assert 0 <= cue.start < cue.end <= length + 1e-3
        for before, after in zip(cues, cues[1:]):
            assert before.end <= after.start  # ordered, not overlapping
        if language == "en":
            for cue in cues:
                assert len(cue.text) / (cue.end - cue.start) <= 17.0
        # the sentences are spoken inside their cues: some sound in each cue, silence in the pauses between
        for cue in cues:
            part = samples[int(cue.start * rate): int(cue.end * rate)]
            assert abs(part).max() > 0.05
        # narration length is plausible for the text: ~1-6 s per caption
        assert count * 1.0 < length < count * 6.0 + 1.0


def test_each_scene_also_has_an_audio_described_version(project: Path):
    story = project / "stories" / "demo.yaml"
    long = ("An old balance scale on a plain table, one pan holding a tall stack of coins, "
            "and the other pan empty in the lamplight.")
    story.write_text(story.read_text(encoding="utf-8").replace(
        'alt: {en: "A door.", zh-Hant: "一扇門。"}',
        f'alt: {{en: "A door.", zh-Hant: "一扇門。"}}\n    description: {{en: "{long}", zh-Hant: "一扇門。"}}'),
        encoding="utf-8")
    summary = narration.build(project, workers=1)
    assert summary.described == {"built": 4, "skipped": 0, "failed": 0}, summary.problems
    assert "described: 4 built, 0 skipped, 0 failed" in summary.line()
    folder = project / "media" / "narration" / "demo"
    plain, described = read_subtitles(folder / "one.en.vtt"), read_subtitles(folder / "one.en.ad.vtt")
    assert described[0].text == "A room." and [c.text for c in described[1:]] == [c.text for c in plain]
    assert described[1].start - described[0].end >= 0.5  # a breath between the description and the story
    samples, rate, _, _ = read_wav(folder / "one.en.ad.wav")
    assert len(samples) / rate > len(read_wav(folder / "one.en.wav")[0]) / rate + 0.5
    # a long description (the `description` field wins over `alt`) is shown as captions of at most two lines
    cues = read_subtitles(folder / "two.en.ad.vtt")
    parts = [c.text for c in cues[:-1]]
    assert len(parts) == 2 and " ".join(parts) == long
    assert all(len(caption_lines(part, "en")) <= 2 for part in parts)
    assert cues[-1].text == "Then one night the doorbell rang."
    assert narration.build(project, workers=1).described["skipped"] == 4


def test_loudness_is_on_target_without_clipping(project: Path):
    narration.build(project, workers=1)
    for scene, language in SCENES:
        samples, rate, _, _ = read_wav(outputs(project, scene, language)[0])
        assert abs(measure(samples, rate) - -20.0) <= 0.5
        assert true_peak_db(samples) <= -0.9
    summary = narration.build(project, target=-23.0, workers=1)
    assert summary.built == 4  # the target is an input: everything is rebuilt
    for scene, language in SCENES:
        samples, rate, _, _ = read_wav(outputs(project, scene, language)[0])
        assert abs(measure(samples, rate) - -23.0) <= 0.5


def test_incremental_rebuild_only_what_changed(project: Path):
    assert narration.needs_build(project)
    first = narration.build(project, workers=1)
    assert first.built == 4
    assert not narration.needs_build(project)
    again = narration.build(project, workers=1)
    assert (again.built, again.skipped) == (0, 4)
    assert again.minutes == pytest.approx(first.minutes)

    story = project / "stories" / "demo.yaml"
    untouched = outputs(project, "one", "en")[0].stat().st_mtime_ns
    story.write_text(story.read_text(encoding="utf-8").replace(
        "Then one night the doorbell rang.", "Then, late one night, the doorbell rang twice."), encoding="utf-8")
    assert narration.needs_build(project)
    changed = narration.build(project, workers=1)
    assert (changed.built, changed.skipped) == (1, 3)
    assert [c.text for c in read_subtitles(outputs(project, "two", "en")[1])] == [
        "Then, late one night, the doorbell rang twice."]
    assert outputs(project, "one", "en")[0].stat().st_mtime_ns == untouched
    assert not narration.needs_build(project)

    forced = narration.build(project, force=True, workers=1)
    assert forced.built == 4

    # an output deleted by hand is rebuilt
    outputs(project, "one", "zh-Hant")[1].unlink()
    assert narration.needs_build(project)
    assert narration.build(project, workers=1).built == 1


def test_removed_scene_and_story_lose_their_narration(project: Path):
    narration.build(project, workers=1)
    story = project / "stories" / "demo.yaml"
    text = story.read_text(encoding="utf-8")
    story.write_text(text[: text.index("  - id: two")] + text[text.index("epilogue:"):], encoding="utf-8")
    assert narration.needs_build(project)
    summary = narration.build(project, workers=1)
    assert (summary.built, summary.skipped, summary.removed) == (0, 2, 4)  # narration and its described version
    assert not any(p.exists() for p in outputs(project, "two", "en") + outputs(project, "two", "zh-Hant"))
    manifest = json.loads((project / "media" / "narration" / "manifest.json").read_text())
    assert sorted(manifest["outputs"]) == ["demo/one.en", "demo/one.en.ad", "demo/one.zh-Hant", "demo/one.zh-Hant.ad"]

    story.unlink()
    summary = narration.build(project, workers=1)
    assert summary.removed == 4
    assert not (project / "media" / "narration" / "demo").exists()


def test_named_story_and_worker_pool(project: Path):
    summary = narration.build(project, stories=["demo"], workers=2)  # four jobs: two worker processes
    assert (summary.built, summary.failed) == (4, 0), summary.problems
    unknown = narration.build(project, stories=["nobody"], workers=1)
    assert not unknown.ok
    assert "no story file for 'nobody'" in str(unknown.errors[0])


def test_cli_prints_summary_and_bad_story_is_a_line_not_a_traceback(project: Path, capsys):
    (project / "stories" / "broken.yaml").write_text("id: broken\nname: [unclosed\n", encoding="utf-8")
    (project / "stories" / "invalid.yaml").write_text(
        (project / "stories" / "demo.yaml").read_text(encoding="utf-8").replace("id: demo", "id: invalid")
        .replace("captions:\n      en:\n        - \"Then", "captionz:\n      en:\n        - \"Then"),
        encoding="utf-8")
    code = main(["media", "build", "--root", str(project), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert any(line.startswith("stories/broken.yaml:") and ": error: YAML syntax" in line for line in lines), err
    assert any(line.startswith("stories/invalid.yaml:") and "captionz" in line for line in lines), err
    assert out.strip().startswith("narration: 4 built, 0 skipped, 0 failed")
    assert "en " in out and "zh-Hant " in out and " min" in out


def test_cli_help_and_module_import_stay_light():
    code = ("import sys, installation.authoring.build, installation.cli; "
            "print(sorted(m for m in ('numpy', 'scipy', 'pydub', 'pyloudnorm', 'webvtt', 'srt', 'tqdm') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, check=True)
    assert done.stdout.strip() == "[]"


def test_hand_timed_cues_place_the_speech(project: Path):
    story = project / "stories" / "demo.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace(
        '        - "Then one night the doorbell rang."\n',
        '        - {text: "Then one night the doorbell rang.", start: 0.0, end: 4.0}\n'
        '        - {text: "Nobody moved.", start: 6.0, end: 8.5}\n'), encoding="utf-8")
    summary = narration.build(project, workers=1)
    assert summary.ok and summary.built == 4
    assert [p for p in summary.problems if p.level == "warning"] == []
    wav, vtt = outputs(project, "two", "en")
    cues = read_subtitles(vtt)
    assert [(c.start, c.end) for c in cues] == [(0.0, 4.0), (6.0, 8.5)]
    samples, rate, _, _ = read_wav(wav)
    assert len(samples) / rate >= 8.5
    assert abs(samples[int(6.0 * rate): int(6.3 * rate)]).max() > 0.05  # speech starts at the cue
    assert abs(samples[int(4.2 * rate): int(5.9 * rate)]).max() < 0.01  # silence between the cues
