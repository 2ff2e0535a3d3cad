"""Hostile content (issue 10): what `check` refuses, `play` and live reload refuse too, in bounded memory and with
`path:line: message`: alias bombs, oversized and deeply nested files, paths as story ids, links out of the project,
decompression bombs, and media files that cannot be decoded (each with its reason)."""

from __future__ import annotations

import os
import struct
import subprocess
import tracemalloc
import wave
import zlib
from pathlib import Path

import pytest

from installation.content.load import load_library
from installation.content.mediafiles import MAX_SIDE, ImageTooLarge, image_size

from tests.builder import write_tone

from .project import EXHIBITION, STORY, Project, line_with
from .test_check import assert_problems, parsed, run_check


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """"Billion laughs": each level is `width` aliases of the one before (width ** levels strings in all)."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def peak_mib(action) -> tuple[object, float]:
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def errors_at(problems, path: str) -> list[tuple[int, str]]:
    return sorted((p.line, p.message) for p in problems if p.path == path and p.level == "error")


# ------------------------------------------------------------------------------------------------- YAML bounds


def test_an_alias_bomb_is_refused_with_its_line_by_check_and_play(project: Project, capsys):
    story = STORY.format(id="alpha", name="Alpha") + alias_bomb()  # 9 ** 9 = 387 million strings once expanded
    project.story("alpha", story)
    (library, problems), peak = peak_mib(lambda: load_library(project.config))
    bomb_line = line_with(story, "a4: &a4")  # where the expansion passes the budget (9 ** 5 strings)
    assert errors_at(problems, "stories/alpha.yaml") == [
        (bomb_line, "YAML too large: the file holds more than 20,000 values once its aliases (*name) are expanded")]
    assert list(library.stories) == ["beta"]  # the rest of the show plays
    assert peak < 40, f"{peak:.0f} MiB to refuse it"
    code, lines, _ = run_check(project.config, capsys)
    assert ("stories/alpha.yaml", bomb_line, "error", "YAML too large: the file holds more than 20,000 values once "
            "its aliases (*name) are expanded") in parsed(lines)
    assert code == 1


def test_a_small_document_with_aliases_still_loads(project: Project):
    story = STORY.format(id="alpha", name="Alpha").replace(
        'content_notes:\n  en: ["immigration detention"]', 'content_notes:\n  en: &notes ["immigration detention"]')
    story = story.replace("epilogue:\n  en: [\"She was deported.\"]", "epilogue:\n  en: *notes")
    project.story("alpha", story)
    library, problems = load_library(project.config)
    assert [p for p in problems if p.level == "error"] == []
    assert library.stories["alpha"].epilogue["en"] == ["immigration detention"]


@pytest.mark.parametrize("kind", ["comments", "caption", "unknown-key-list"])
def test_a_50_mb_story_is_refused_before_it_is_read(project: Project, capsys, kind):
    story = STORY.format(id="alpha", name="Alpha")
    path = project.root / "stories" / "alpha.yaml"
    with open(path, "w", encoding="utf-8") as handle:
        if kind == "comments":
            handle.write(story + ("# " + "x" * 1000 + "\n") * 50_000)
        elif kind == "caption":
            handle.write(story.replace('"She lived in Toronto."', '"' + "word " * 10_000_000 + '"'))
        else:
            handle.write(story + "junk:\n" + "  - item\n" * 6_000_000)
    assert path.stat().st_size > 50_000_000
    (library, problems), peak = peak_mib(lambda: load_library(project.config))
    message = f"file is {path.stat().st_size / 2**20:.1f} MB, larger than the 1.0 MB a content file may be"
    assert errors_at(problems, "stories/alpha.yaml") == [(1, message)]
    assert list(library.stories) == ["beta"]
    assert peak < 10, f"{peak:.0f} MiB to refuse it"
    code, lines, _ = run_check(project.config, capsys)
    assert ("stories/alpha.yaml", 1, "error", message) in parsed(lines) and code == 1


def test_a_file_just_under_the_limit_with_too_many_values_is_refused(project: Project):
    story = STORY.format(id="alpha", name="Alpha") + "junk:\n" + "  - i\n" * 150_000  # 0.9 MB, 150,000 values
    project.story("alpha", story)
    library, problems = load_library(project.config)
    [(line, message)] = errors_at(problems, "stories/alpha.yaml")
    assert message == "YAML too large: the file holds more than 20,000 values"
    assert line_with(story, "junk:") < line < line_with(story, "junk:") + 20_000
    assert list(library.stories) == ["beta"]


def test_deep_nesting_is_refused_with_its_line(project: Project):
    story = STORY.format(id="alpha", name="Alpha") + "junk: " + "[" * 100 + "]" * 100 + "\n"
    project.story("alpha", story)
    library, problems = load_library(project.config)
    assert errors_at(problems, "stories/alpha.yaml") == [
        (line_with(story, "junk:"), "YAML too large: lists and mappings are nested more than 64 deep")]


def test_a_story_file_that_is_a_fifo_is_never_waited_on(project: Project, capsys):
    (project.root / "stories" / "alpha.yaml").unlink()
    os.mkfifo(project.root / "stories" / "alpha.yaml")  # opening it for reading would block for ever
    library, problems = load_library(project.config)
    assert ("config/small.yaml", 4, "playlist: stories/alpha.yaml is not a file") in [
        (p.path, p.line, p.message) for p in problems]
    assert list(library.stories) == ["beta"]
    code, lines, _ = run_check(project.config, capsys)
    assert code == 1 and "config/small.yaml:4: error: playlist: stories/alpha.yaml is not a file" in lines


# ------------------------------------------------------------------------------------------------- confinement


def test_paths_as_story_ids_are_refused_by_play_as_by_check(project: Project, tmp_path: Path, capsys):
    evil = tmp_path / "elsewhere" / "evil.yaml"
    evil.parent.mkdir()
    evil.write_text(STORY.format(id="evil", name="Evil"), encoding="utf-8")
    relative = os.path.relpath(evil.with_suffix(""), project.root / "stories")
    config = EXHIBITION.replace("playlist: [alpha, beta]", f'playlist:\n  - alpha\n  - "./beta"\n  - "{relative}"')
    project.write("config/small.yaml", config)
    library, problems = load_library(project.config)
    assert list(library.stories) == ["alpha"]
    loaded = errors_at(problems, "config/small.yaml")
    assert loaded == [(6, "playlist: './beta' is not a story id"), (7, f"playlist: {relative!r} is not a story id")]
    code, lines, _ = run_check(project.config, capsys)
    checked = sorted((line, message) for path, line, level, message in parsed(lines)
                     if path == "config/small.yaml" and level == "error")
    assert checked == loaded and code == 1


def link_out(project: Project, relative: str, target: Path) -> Path:
    path = project.root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    path.symlink_to(target)
    return path


def test_links_out_of_the_project_are_never_followed_by_play(project: Project, tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret_svg = outside / "secret.svg"
    secret_svg.write_text((project.root / "media/images/alpha/door.svg").read_text(), encoding="utf-8")
    write_tone(outside / "secret.wav", 5.2)
    (outside / "secret.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nsecret\n", encoding="utf-8")
    link_out(project, "media/images/alpha/door.svg", secret_svg)
    link_out(project, "media/narration/alpha/door.en.wav", outside / "secret.wav")
    link_out(project, "media/narration/beta/door.en.vtt", outside / "secret.vtt")
    (project.root / "media/images/beta").rename(outside / "beta-images")
    link_out(project, "media/images/beta", outside / "beta-images")  # a folder
    library, problems = load_library(project.config)
    assert (13, f"illustration: media/images/alpha/door.svg is a link to a file outside media/ ({secret_svg})") in \
        errors_at(problems, "stories/alpha.yaml")
    alpha, beta = library.stories["alpha"], library.stories["beta"]
    assert library.media(alpha.scenes[0].illustration) is None  # the scene plays its placeholder
    assert library.media(beta.scenes[0].illustration) is None and library.media(beta.scenes[1].illustration) is None
    assert library.media(alpha.scenes[1].illustration) == project.root / "media/images/alpha/cell.svg"
    assert library.timing("alpha", 0, "en").narration is None  # silent, with paced captions
    assert library.timing("alpha", 0, "zh-Hant").narration is not None
    assert "secret" not in [c.text for c in library.timing("beta", 0, "en").cues]


def test_the_kiosk_shows_a_placeholder_for_media_outside(project: Project, tmp_path: Path):
    from installation.kiosk.images import ImageStore

    store = ImageStore(threaded=False)
    surface = store.wait(None, (160, 90))
    assert surface is not None and surface.get_size() == (160, 90)


def test_a_story_file_linked_from_outside_is_refused_by_play(project: Project, tmp_path: Path):
    outside = tmp_path / "outside.yaml"
    outside.write_text(STORY.format(id="alpha", name="Outside"), encoding="utf-8")
    link_out(project, "stories/alpha.yaml", outside)
    library, problems = load_library(project.config)
    assert errors_at(problems, "config/small.yaml") == [
        (4, f"playlist: stories/alpha.yaml is a link to a file outside the project ({outside})")]
    assert list(library.stories) == ["beta"]


# ------------------------------------------------------------------------------------------------- images


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header says width×height (its pixel data is a single compressed row: never decoded)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = lambda kind, body: struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def jpeg_header(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def test_image_sizes_come_from_the_header(tmp_path: Path):
    (tmp_path / "a.png").write_bytes(png_header(30000, 20000))
    (tmp_path / "b.jpg").write_bytes(jpeg_header(40000, 30000))
    (tmp_path / "c.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100000 50"/>')
    assert image_size(tmp_path / "a.png") == (30000, 20000)
    assert image_size(tmp_path / "b.jpg") == (40000, 30000)
    assert image_size(tmp_path / "c.svg") == (100000, 50)


def test_a_png_bomb_is_refused_on_the_illustrations_line(project: Project, capsys):
    story = STORY.format(id="beta", name="Beta").replace("images/beta/door.svg", "images/beta/door.png")
    project.story("beta", story)
    (project.root / "media/images/beta/door.png").write_bytes(png_header(30000, 30000))
    code, lines, _ = run_check(project.config, capsys)
    assert_problems(parsed(lines), [
        ("stories/beta.yaml", line_with(story, "door.png"), "error",
         f"illustration: media/images/beta/door.png is 30000×30000 pixels, larger than the {MAX_SIDE}×{MAX_SIDE}")])
    assert code == 1


def test_the_kiosk_refuses_a_png_bomb_before_decoding_it(tmp_path: Path):
    import pygame

    from installation.kiosk.images import ImageStore, load

    (tmp_path / "bomb.png").write_bytes(png_header(30000, 30000))
    (tmp_path / "tall.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 100000"/>')
    pygame.init()
    with pytest.raises(ImageTooLarge):
        load(tmp_path / "bomb.png", (1920, 1080))
    with pytest.raises(ImageTooLarge):  # an SVG scaled to cover the screen would be 1920×19,200,000
        load(tmp_path / "tall.svg", (1920, 1080))
    store = ImageStore(threaded=False)
    assert store.wait(tmp_path / "bomb.png", (192, 108)).get_size() == (192, 108)  # the placeholder


# ------------------------------------------------------------------------------------------------- media gaps


def wav_bytes(rate: int, channels: int, width: int, seconds: float = 5.2) -> bytes:
    import io

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as handle:
        handle.setnchannels(channels)
        handle.setsampwidth(width)
        handle.setframerate(rate)
        handle.writeframes(b"\0" * int(rate * seconds) * channels * width)
    return buffer.getvalue()


def test_every_undecodable_narration_says_why(project: Project, capsys):
    folder = project.root / "media/narration"
    (folder / "alpha/door.en.wav").write_bytes(b"")
    (folder / "alpha/cell.en.wav").write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 100)
    (folder / "beta/door.en.wav").write_bytes(wav_bytes(22050, 1, 2)[:30])
    (folder / "beta/cell.en.wav").write_bytes(wav_bytes(22050, 1, 2)[:20000])
    code, lines, _ = run_check(project.config, capsys, "--no-audio")
    found = {(path, message) for path, _, level, message in parsed(lines) if level == "error"}
    assert ("media/narration/alpha/door.en.wav", "narration cannot be decoded (the file is empty (0 bytes)), so the "
            "kiosk plays this scene silently; run `installation media build --force`") in found
    assert any(path.endswith("alpha/cell.en.wav") and "not a WAV file: it is an MP3" in m for path, m in found)
    assert any(path.endswith("beta/door.en.wav") and "truncated: the file ends inside its header" in m
               for path, m in found)
    assert any(path.endswith("beta/cell.en.wav") and m.startswith("narration is truncated: its header promises 5.20 s")
               for path, m in found)
    assert code == 1


@pytest.mark.parametrize("rate,channels,width", [(8000, 1, 2), (96000, 2, 3), (22050, 1, 1), (44100, 6, 2)])
def test_narration_the_mixer_does_not_play_well_is_reported(project: Project, capsys, rate, channels, width):
    (project.root / "media/narration/alpha/door.en.wav").write_bytes(wav_bytes(rate, channels, width))
    code, lines, _ = run_check(project.config, capsys, "--no-audio")
    assert any(line.startswith(f"media/narration/alpha/door.en.wav:1: warning: narration is {rate} Hz, "
                               f"{width * 8}-bit, {channels} channel") for line in lines), lines


def ffmpeg(*args: str) -> None:
    from installation.authoring.recordings import ffmpeg_executable

    subprocess.run([ffmpeg_executable(), "-nostdin", "-v", "error", "-y", *args], check=True, timeout=120)


def test_recordings_are_decoded_whole(project: Project, capsys):
    folder = project.root / "media/recordings/alpha"
    folder.mkdir(parents=True)
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=330:duration=4", "-ar", "44100", "-c:a", "libmp3lame",
           str(folder / "door.en.mp3"))
    data = (folder / "door.en.mp3").read_bytes()
    (folder / "door.en.mp3").write_bytes(data[: len(data) // 2])  # a download cut short
    (folder / "cell.en.wav").write_bytes(b"")
    (folder / "door.zh-Hant.wav").write_bytes(wav_bytes(8000, 1, 2))
    code, lines, _ = run_check(project.config, capsys, "--no-audio")
    assert any(line.startswith("media/recordings/alpha/door.en.mp3:1: error: recording is truncated: its header "
                               "promises 4.0") for line in lines), lines
    assert "media/recordings/alpha/cell.en.wav:1: error: recording is empty (0 bytes)" in lines
    assert any(line.startswith("media/recordings/alpha/door.zh-Hant.wav:1: warning: recording is sampled at 8000 Hz")
               for line in lines), lines
    assert code == 1


SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 16 9">'


@pytest.mark.parametrize("body,how,reference", [
    ('<use href="http://example.org/a.svg#x"/>', "<use href>", "http://example.org/a.svg#x"),
    ('<use xlink:href="other.svg#x"/>', "<use xlink:href>", "other.svg#x"),
    ('<rect width="16" height="9" style="fill: url(https://example.org/p.svg#g)"/>', "url() in <rect style>",
     "https://example.org/p.svg#g"),
    ('<rect width="16" height="9" fill="url(file:///etc/x.svg#g)"/>', "url() in <rect fill>", "file:///etc/x.svg#g"),
    ("<style>@import url('https://example.org/a.css');</style>", "url() in <style>", "https://example.org/a.css"),
    ("<style>@import 'a.css';</style>", "@import in <style>", "'a.css'"),
    ('<a href="https://example.org/"><rect width="1" height="1"/></a>', "<a href>", "https://example.org/"),
])
def test_svg_references_outside_the_file_are_errors(project: Project, capsys, body, how, reference):
    project.write("media/images/alpha/door.svg", f"{SVG_HEAD}{body}</svg>")
    code, lines, _ = run_check(project.config, capsys, "--no-audio")
    assert (f"stories/alpha.yaml:13: error: illustration: media/images/alpha/door.svg refers to {reference} outside "
            f"itself ({how}); embed it (or remove it) instead") in lines, lines
    assert code == 1


def test_svg_references_inside_the_file_are_fine(project: Project, capsys):
    project.write("media/images/alpha/door.svg",
                  f'{SVG_HEAD}<defs><linearGradient id="g"/></defs><rect width="16" height="9" fill="url(#g)"/>'
                  f'<use href="#g"/><image href="data:image/png;base64,AAAA"/></svg>')
    code, lines, _ = run_check(project.config, capsys, "--no-audio")
    assert not [line for line in lines if "alpha/door.svg" in line]


def test_svg_entities_are_errors(project: Project, capsys):
    project.write("media/images/alpha/door.svg",
                  '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                  f'{SVG_HEAD}<text>&x;</text></svg>')
    code, lines, _ = run_check(project.config, capsys, "--no-audio")
    assert any(line.startswith("stories/alpha.yaml:13: error: illustration: media/images/alpha/door.svg declares XML "
                               "entities or an external DTD") for line in lines), lines


# ------------------------------------------------------------------------------------------------- passcodes


def test_weak_passcodes_are_warned_about(project: Project, capsys):
    config = EXHIBITION + ('osc:\n  passcodes:\n    view: "1234"\n    control: "12345678"\n    edit: "kiwi"\n'
                           '  allow: ["10.0.0.0/24"]\n')
    project.write("config/small.yaml", config)
    code, lines, _ = run_check(project.config, capsys, "--no-audio")
    assert_problems(parsed(lines), [
        ("config/small.yaml", line_with(config, '"1234"'), "warning",
         "osc.passcodes.view is shorter than 8 characters and digits only: anyone on the gallery network could"),
        ("config/small.yaml", line_with(config, '"12345678"'), "warning", "osc.passcodes.control is digits only"),
        ("config/small.yaml", line_with(config, '"kiwi"'), "warning",
         "osc.passcodes.edit is shorter than 8 characters"),
    ])
    assert code == 0
    project.write("config/small.yaml", EXHIBITION + 'osc:\n  passcodes:\n    edit: "heron lantern quay"\n')
    code, lines, _ = run_check(project.config, capsys, "--no-audio")
    assert lines == [] and code == 0
