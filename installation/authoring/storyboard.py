"""`installation storyboard`: a contact sheet per story, for curators to review (or print) a whole story at once.

Each scene is a tile: its illustration, its captions with their times (the times the kiosk will use: from the
built narration, from hand-timed cues, or paced when there is no narration), its alt text, and whatever
`installation check` says about it. Tiles are laid out on pages of A-series landscape proportions (2480 × 1754 px:
A3 at 150 dpi, A4 at 212 dpi): six to a page (two columns of three) when they fit at a legible size, else four,
and short stories get larger tiles. `<story>.png` holds all of a story's pages one under the other;
`<story>.pdf` has one page each, for printing.

Rendering uses pygame (headless, SDL's dummy video driver) and the kiosk's font, Noto Sans CJK TC, so Chinese is
drawn as on the kiosk. The PDF is written by Pillow from the same pages.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from .sheet_draw import page_layout, render, write
from .sheets import BAND, COMFORTABLE, PAGE, Pen, StoryboardError, story_sheet

__all__ = ["BAND", "COMFORTABLE", "PAGE", "Pen", "page_layout", "story_sheet", "storyboard"]



def storyboard(config: Path, out: Path, stories: list[str] | None = None, languages: list[str] | None = None,
               pdf: bool = True, checks: bool = True) -> tuple[list[Path], list[str]]:
    """Render contact sheets; returns (files written, messages about stories that could not be drawn)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from installation.authoring.lint import instruments
    from installation.content.check import check
    from installation.content.load import load_library, load_story, relative_name

    library, problems = load_library(config)
    if library is None:
        return [], [str(p) for p in problems if p.level == "error"] or [f"{config}: cannot be read"]
    exhibition = library.exhibition
    wanted = list(dict.fromkeys(stories or [s for s in exhibition.playlist if s in library.stories]))
    languages = [lang for lang in (languages or exhibition.languages)]
    report = check(config, root=library.root, stories=wanted, instruments=instruments()) if checks else None
    config_shown = relative_name(Path(config), library.root)
    written, failures = [], []
    for story_id in wanted:
        try:
            story = library.stories.get(story_id) or _load_other(library, story_id, load_story)
            sheet = story_sheet(library, story, languages, report, config_shown)
            pages = render(sheet)
            png = out / f"{story_id}.png"
            write(pages, png, out / f"{story_id}.pdf" if pdf else None)
            written.append(png)
            if pdf:
                written.append(out / f"{story_id}.pdf")
        except StoryboardError as exc:
            failures.append(f"{story_id}: {exc}")
        except Exception as exc:  # noqa: BLE001 - one story's failure must not stop the others
            failures.append(f"{story_id}: could not draw the storyboard ({type(exc).__name__}: {exc})")
    return written, failures


def _load_other(library: Any, story_id: str, load_story) -> Any:
    """A story that is not playable in this exhibition: not in its playlist, withdrawn, or with errors."""
    path = library.root / "stories" / f"{story_id}.yaml"
    if not path.exists():
        raise StoryboardError(f"no story file stories/{story_id}.yaml")
    story, problems = load_story(path, library.root)
    if story is None:
        first = next((p for p in problems if p.level == "error"), None)
        raise StoryboardError(f"stories/{story_id}.yaml has errors (first: {first}); run `installation check`")
    if story.withdrawn:
        raise StoryboardError("withdrawn: not shown anywhere, so no storyboard is drawn")
    return story


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("stories", nargs="*", metavar="STORY",
                        help="story ids (default: every playable story in the exhibition's playlist)")
    parser.add_argument("--config", type=Path, default=None, help="exhibition file (default config/viminal-space.yaml)")
    parser.add_argument("--language", choices=("en", "zh-Hant", "both"), default="both",
                        help="captions and texts in this language (default: every language of the exhibition)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder for the sheets")
    parser.add_argument("--no-pdf", dest="pdf", action="store_false", help="write PNG only")
    parser.add_argument("--no-check", dest="checks", action="store_false",
                        help="leave out the problems `installation check` finds (faster)")


def run(args: argparse.Namespace) -> int:
    from installation.content.project import default_config

    config = args.config or default_config()
    languages = None if args.language == "both" else [args.language]
    written, failures = storyboard(config, args.output, args.stories or None, languages, args.pdf, args.checks)
    for path in written:
        print(path)
    for failure in failures:
        print(f"storyboard: {failure}", file=sys.stderr)
    return 1 if failures or not written else 0
