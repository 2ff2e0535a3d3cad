"""`installation play`: the kiosk, full screen by default; headless scripted runs for tests."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from ..content.project import DEFAULT_CONFIG, default_config

log = logging.getLogger(__name__)



def resolution(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, e.g. 1920x1080, got {text!r}") from None
    if not (64 <= w <= 16384 and 64 <= h <= 16384):
        raise argparse.ArgumentTypeError("resolution out of range")
    return w, h


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help=f"exhibition file (default {DEFAULT_CONFIG})")
    parser.add_argument("--windowed", action="store_true", help="a window instead of full screen (Esc quits)")
    parser.add_argument("--headless", action="store_true", help="no screen or sound (SDL dummy drivers)")
    parser.add_argument("--script", type=Path, help="run these steps, then exit (see docs/kiosk.md)")
    parser.add_argument("--realtime", action="store_true", help="scripted waits take real time")
    parser.add_argument("--resolution", type=resolution, help="screen size, e.g. 1920x1080 or 1080x1920")
    parser.add_argument("--display", type=int, default=0, help="which display to use (0 = first)")
    parser.add_argument("--story", help="preview: open this story directly")
    parser.add_argument("--scene", type=int, default=1, help="preview: start at this scene (1-based)")
    parser.add_argument("--language", help="preview: start in this language (en, zh-Hant)")
    osc = parser.add_argument_group("remote control (OSC, see docs/osc.md)")
    osc.add_argument("--osc-port", type=int, metavar="N", help="listen for OSC on this UDP and TCP port "
                     "(overrides the exhibition's osc: port; 0 = any free port)")
    osc.add_argument("--osc-host", metavar="ADDRESS", help="listen address (default 127.0.0.1; 0.0.0.0 for all)")
    osc.add_argument("--osc-allow", action="append", metavar="CIDR", help="also accept OSC from these sources "
                     "(repeatable; default loopback only)")
    osc.add_argument("--no-osc", action="store_true", help="no OSC server, whatever the exhibition file says")
    from .. import ops

    ops.add_arguments(parser)  # --stats, --no-watch, --hours, … (installation.ops)


def run(args: argparse.Namespace) -> int:
    if args.headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from .. import ops

    ops.setup_logging(args)  # journald or rotating log files (installation.ops.logs)
    from ..content.load import load_library
    from ..show.commands import make
    from ..authoring.speech import engine
    from .app import App, Options
    from .script import Runner, parse

    config = args.config or default_config()
    library, problems = load_library(config)
    for problem in problems:
        (log.error if problem.level == "error" else log.warning)("%s", problem)
    if library is None:
        print(f"{config}: cannot start: the exhibition file has errors (listed above)", file=sys.stderr)
        return 1
    steps = []
    if args.script:
        import pygame

        pygame.init()  # key names need pygame initialised
        steps, script_problems = parse(args.script)
        if script_problems:
            for problem in script_problems:
                print(problem, file=sys.stderr)
            return 2
    options = Options(size=args.resolution, windowed=args.windowed or args.headless, headless=args.headless,
                      display=args.display, simulated=bool(args.script) and not args.realtime, speech=engine)
    app = App(library, options)
    if args.language:
        app.dispatch(make("language", args.language))
    if args.story:
        if args.story not in library.stories:
            print(f"--story: no playable story '{args.story}' in {config}", file=sys.stderr)
            return 2
        app.dispatch(make("go", args.story))
        if args.scene > 1:
            app.dispatch(make("scene", args.scene))
    if args.script:
        attach(app, args, config)
        Runner(app).run(steps)
        app.close()
        return 0
    app.step()  # the first frame, as soon as the content is loaded; what it does not need starts while it shows
    attach(app, args, config)
    app.run()
    return 0


def attach(app, args: argparse.Namespace, config: Path) -> None:
    """OSC first, so it listens as early as it can; what it hears waits in the inbox for the loop's next turn, when
    statistics listen too (they are attached here, on the loop's thread, before that turn)."""
    from .. import ops
    from ..control import attach as attach_control  # OSC and other outside control, if configured

    attach_control(app, args)
    ops.attach(app, args, config)  # live reload, opening hours, statistics, systemd watchdog
