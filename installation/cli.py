"""The `installation` command: argument parsing only; each subcommand lives in its own module."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

# subcommand → (module, help). Each module has add_arguments(parser) and run(args) -> int.
SUBCOMMANDS = {
    "play": ("installation.kiosk.play", "run the kiosk (full screen unless --windowed)"),
    "bench": ("installation.bench", "measure frame times, start-up, latency and memory (headless)"),
    "check": ("installation.authoring.lint", "check an exhibition, its stories and media"),
    "media": ("installation.authoring.build", "build narration and captions"),
    "storyboard": ("installation.authoring.storyboard", "render contact sheets of stories"),
    "send": ("installation.control.send", "send one OSC message to a kiosk and print the reply"),
    "monitor": ("installation.control.monitor", "show the live state of kiosks"),
    "fleet": ("installation.fleet", "web console for every kiosk; synchronised starts of a group"),
    "report": ("installation.ops.report", "visitor statistics as CSV, charts and a summary"),
    "service": ("installation.ops.service", "install or inspect the systemd service"),
    "logs": ("installation.ops.logs", "show the kiosk's recent log lines"),
    "deploy": ("installation.ops.deploy", "install, update or roll back kiosks with Ansible (docs/deploy.md)"),
    "release": ("installation.ops.release", "content releases on a kiosk: id, verify, switch, rollback, prune"),
}


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    """Every subcommand is listed; only the one being run is imported (to add its arguments), so a command
    starts without loading the others (the kiosk's cold start, `installation --help`)."""
    parser = argparse.ArgumentParser(prog="installation", description="Behind the Rescue: exhibition kiosk")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            importlib.import_module(module_name).add_arguments(command)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.command:
        parser.print_help()
        return 2
    try:
        return int(importlib.import_module(SUBCOMMANDS[args.command][0]).run(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
