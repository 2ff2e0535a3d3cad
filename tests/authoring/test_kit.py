"""The narrators' kit: `installation media script` (PDF and text) and `installation media status`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from installation.cli import main

from tests.builder import write_wav

from .helpers import voice_like


def test_script_per_story_and_language_as_text_and_pdf(project: Path, tmp_path: Path, capsys):
    out = tmp_path / "kit"
    assert main(["media", "script", "demo", "--root", str(project), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["demo.en.pdf", "demo.en.txt", "demo.zh-Hant.pdf",
                                                      "demo.zh-Hant.txt"]
    text = (out / "demo.en.txt").read_text(encoding="utf-8")
    for expected in ("Scene 1 of 2: one", "Record as: media/recordings/demo/one.en.wav",
                     "1. She had made a home in the city over five years.", "Scene 2 of 2: two",
                     "a test note", "quiet room"):
        assert expected in text
    chinese = (out / "demo.zh-Hant.txt").read_text(encoding="utf-8")
    assert "檔名: media/recordings/demo/one.zh-Hant.wav" in chinese and "1. 她在這個城市生活了五年。" in chinese
    assert (out / "demo.en.pdf").read_bytes().startswith(b"%PDF")
    assert main(["media", "script", "nobody", "--root", str(project), "-o", str(out)]) == 1
    assert "no story file for 'nobody'" in capsys.readouterr().err


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_the_chinese_script_pdf_has_real_chinese_text_and_renders(project: Path, tmp_path: Path):
    assert main(["media", "script", "demo", "--language", "zh-Hant", "--root", str(project), "-o", str(tmp_path)]) == 0
    pdf = tmp_path / "demo.zh-Hant.pdf"
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "她在這個城市生活了五年" in words and "錄音須知" in words  # the glyphs map back to the characters
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    from PIL import Image

    page = np.asarray(Image.open(next(tmp_path.glob("page*.png"))).convert("L"))
    assert (page < 128).mean() > 0.005  # ink on the page, not a blank sheet


def test_status_lists_recorded_and_synthetic_scenes_and_what_needs_attention(project: Path, capsys):
    from installation.authoring import build as narration

    folder = project / "media" / "recordings" / "demo"
    write_wav(folder / "one.en.wav", np.clip(voice_like(3.0, 48000) * 40, -1, 1), 48000)  # clipped, 48 kHz
    write_wav(folder / "two.en.wav", voice_like(2.0, 44100) * 0.01, 44100)  # far too quiet
    (folder / "one.en.srt").write_text("1\n00:00:00,100 --> 00:00:01,400\nShe had made a home in the city over "
                                       "five years.\n\n2\n00:00:01,500 --> 00:00:02,900\nShe had friends and "
                                       "work she believed in.\n", encoding="utf-8")
    (folder / "two.en.srt").write_text("1\n00:00:00,100 --> 00:00:01,900\nThen one night the doorbell rang.\n",
                                       encoding="utf-8")
    narration.build(project, workers=1, fast=True)
    capsys.readouterr()
    assert main(["media", "status", "--root", str(project)]) == 0
    out = capsys.readouterr().out.splitlines()
    one = next(i for i, line in enumerate(out) if line.startswith("demo/one.en "))
    assert "recorded" in out[one] and "recorded at 48000 Hz: converted to 44100 Hz by the build" in out[one]
    assert "attention" in out[one + 1] and "clipped" in out[one + 1]
    two = next(i for i, line in enumerate(out) if line.startswith("demo/two.en "))
    assert "attention" in out[two + 1] and "too quiet" in out[two + 1]
    zh = next(line for line in out if line.startswith("demo/one.zh-Hant"))
    assert "synthetic" in zh and "yue" in zh
    assert out[-1] == "4 scene-languages: 2 recorded, 2 synthetic, 0 not built; 2 recording(s) need attention"
