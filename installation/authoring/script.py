"""`installation media script`: a printable script for a narrator, per story and language (PDF and plain text).

Each scene's id, the file name to record it as, its captions in order, the story's content note, and short
recording guidance. The PDF is set with fpdf2 in Noto Sans CJK TC (face 3 of the .ttc from `noto-cjk-sans-otc`),
which has the Latin letters too, so one font serves both languages.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from .plan import LANGUAGES, shown

CJK_FACE = 3  # Noto Sans CJK TC in the collection
LANGUAGE_NAMES = {"en": "English", "zh-Hant": "繁體中文（粵語朗讀）"}
HEADINGS = {
    "en": {"title": "Narration script", "note": "Content note", "guidance": "Recording guidance",
           "scene": "Scene {number} of {count}", "file": "Record as", "story": "Story"},
    "zh-Hant": {"title": "旁白錄音稿", "note": "內容提示", "guidance": "錄音須知",
                "scene": "第 {number} 幕（共 {count} 幕）", "file": "檔名", "story": "故事"},
}
GUIDANCE = {
    "en": [
        "Record in a quiet room with soft furnishings; switch off fans, fridges and phone notifications.",
        "Keep the microphone or phone about a hand's width (15-20 cm) from your mouth, a little to one side.",
        "Set the level so that your loudest words reach about -12 dBFS and never the red; the build evens out "
        "the loudness of all scenes.",
        "Record each scene as one file: its lines in order, with a short breath between them, and a second of "
        "silence at the start and the end.",
        "Save it as WAV (or FLAC) with exactly the file name shown. The captions are timed to your voice "
        "automatically.",
        "Read the words as they are written: they are checked against the report. Take breaks whenever you "
        "need to; these are real people's experiences.",
    ],
    "zh-Hant": [
        "請在安靜、有窗簾或地毯的房間錄音；關掉風扇、雪櫃和手機通知。",
        "咪高峰或手機離嘴巴約一隻手掌闊（15 至 20 厘米），稍微偏向一側。",
        "調校音量，讓最大聲的字約在 -12 dBFS，切勿爆音；各幕的音量會自動調勻。",
        "每一幕錄成一個檔案：按次序讀出每一句，句與句之間稍作停頓，開始和結束各留一秒靜音。",
        "以 WAV（或 FLAC）格式儲存，檔名須與所列完全相同。字幕時間會自動對準你的聲音。",
        "請照字讀出：內容已與報告核對。需要時隨時休息；這些都是真人的經歷。",
    ],
}


@dataclass(frozen=True)
class Scene:
    id: str
    file: str  # where to put the recording, relative to the project
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Script:
    story: str
    language: str
    name: str
    notes: tuple[str, ...]
    scenes: tuple[Scene, ...]

    @property
    def stem(self) -> str:
        return f"{self.story}.{self.language}"


def scripts_of(story, languages) -> list[Script]:
    out = []
    for language in languages:
        scenes = []
        for scene in story.scenes:
            captions = scene.captions.get(language) or []
            if captions:
                lines = tuple(" ".join((c if isinstance(c, str) else c.text).split()) for c in captions)
                scenes.append(Scene(scene.id, f"media/recordings/{story.id}/{scene.id}.{language}.wav", lines))
        if scenes:
            out.append(Script(story.id, language, story.name.get(language, story.id),
                              tuple(story.content_notes.get(language, [])), tuple(scenes)))
    return out


def plain_text(script: Script) -> str:
    words = HEADINGS[script.language]
    out = [f"{words['title']}: {script.name} ({LANGUAGE_NAMES[script.language]})",
           f"{words['story']}: stories/{script.story}.yaml", "", words["note"].upper()]
    out += [f"  {note}" for note in script.notes] + ["", words["guidance"].upper()]
    out += [f"  - {line}" for line in GUIDANCE[script.language]]
    for number, scene in enumerate(script.scenes, 1):
        heading = words["scene"].format(number=number, count=len(script.scenes))
        out += ["", "=" * 72, f"{heading}: {scene.id}", f"{words['file']}: {scene.file}", ""]
        out += [f"  {index}. {line}" for index, line in enumerate(scene.lines, 1)]
    return "\n".join(out) + "\n"


def pdf_bytes(script: Script) -> bytes:
    import logging

    from fpdf import FPDF
    from noto_cjk_sans_otc import FONT_PATH

    logging.getLogger("fontTools").setLevel(logging.WARNING)  # it logs every glyph it subsets at INFO

    words = HEADINGS[script.language]
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, 18)
    pdf.add_font("Noto", "", str(FONT_PATH), collection_font_number=CJK_FACE)
    pdf.set_title(f"{words['title']}: {script.name}")
    pdf.alias_nb_pages()
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def para(text: str, size: float, gap: float = 1.5, grey: int = 0, indent: float = 0.0) -> None:
        pdf.set_font("Noto", size=size)
        pdf.set_text_color(grey)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    para(f"{words['title']} · {LANGUAGE_NAMES[script.language]}", 10, grey=90)
    para(script.name, 22, gap=1)
    para(f"stories/{script.story}.yaml", 9, gap=5, grey=90)
    para(words["note"], 13, gap=1)
    for note in script.notes:
        para(note, 10.5, gap=0.5, indent=4)
    pdf.ln(3)
    para(words["guidance"], 13, gap=1)
    for line in GUIDANCE[script.language]:
        para(f"•  {line}", 10.5, gap=0.5, indent=4)
    for number, scene in enumerate(script.scenes, 1):
        needed = 30 + 9 * len(scene.lines)
        if pdf.get_y() + min(needed, 80) > pdf.h - pdf.b_margin:
            pdf.add_page()
        pdf.ln(4)
        pdf.set_draw_color(160)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + width, pdf.get_y())
        pdf.ln(3)
        para(f"{words['scene'].format(number=number, count=len(script.scenes))}  ·  {scene.id}", 13, gap=0.5)
        para(f"{words['file']}:  {scene.file}", 9.5, gap=3, grey=70)
        for index, line in enumerate(scene.lines, 1):
            para(f"{index}.  {line}", 12.5, gap=2.5, indent=4)
    return bytes(pdf.output())


def write_scripts(root: Path, stories: list[str], languages, out: Path) -> tuple[list[Path], list[str]]:
    """Write <story>.<lang>.pdf and .txt for each story into `out`; (files written, problems as lines)."""
    from installation.content.load import load_story

    from .captions import write_atomic
    from .plan import story_paths  # the same story names as `media build` accepts

    paths, missing = story_paths(root, stories)
    problems = [str(problem) for problem in missing]
    written = []
    for path in paths:
        story, found = load_story(path, root)
        errors = [p for p in found if p.level == "error"]
        if story is None or errors:
            problems += [str(p) for p in errors] or [f"{shown(path, root)}:1: error: cannot be read"]
            continue
        for script in scripts_of(story, languages):
            write_atomic(out / f"{script.stem}.txt", plain_text(script).encode("utf-8"))
            write_atomic(out / f"{script.stem}.pdf", pdf_bytes(script))
            written += [out / f"{script.stem}.pdf", out / f"{script.stem}.txt"]
    return written, problems


def add_arguments(actions) -> None:
    parser = actions.add_parser("script", help="print a narrator's script (PDF and text) for stories",
                                description="Write a printable script per story and language: each scene's id, "
                                            "the file name to record, its text, the content note and recording "
                                            "guidance.")
    parser.add_argument("stories", nargs="+", metavar="STORY", help="story ids or files")
    parser.add_argument("--language", "-l", choices=LANGUAGES, action="append",
                        help="only this language (default: both)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder to write into")
    parser.add_argument("--root", type=Path, help="project root (the folder with stories/ and media/)")


def run(args: argparse.Namespace, root: Path) -> int:
    written, problems = write_scripts(root, args.stories, args.language or list(LANGUAGES), args.output)
    for problem in problems:
        print(problem, file=sys.stderr)
    for path in written:
        print(path)
    return 1 if problems or not written else 0
