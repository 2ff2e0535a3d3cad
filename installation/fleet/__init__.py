"""`installation fleet`: the web console for every kiosk in the gallery, and synchronised starts (docs/fleet.md).

    installation fleet [--fleet FILE] [--host H] [--port N]     serve the console
    installation fleet go STORY --group NAME [--language L]    a synchronised start of a group (in one language)
    installation fleet hash                                     make a passcode_hash for the fleet file
    installation fleet announce --name N --port P               announce a kiosk on the LAN (mDNS)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import DEFAULT_FLEET


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fleet", type=Path, default=Path(DEFAULT_FLEET), help=f"fleet file (default {DEFAULT_FLEET})")
    parser.add_argument("--host", help="listen address (default: the fleet file's, else 127.0.0.1)")
    parser.add_argument("--port", type=int, help="listen port (default: the fleet file's, else 8700; 0 = any)")
    parser.add_argument("--check", action="store_true", help="only check the fleet file")
    sub = parser.add_subparsers(dest="fleet_command", metavar="ACTION")
    go = sub.add_parser("go", help="start a story on a group of kiosks, in sync")
    go.add_argument("story")
    go.add_argument("--group", required=True, help="the group (from the fleet file's groups:)")
    go.add_argument("--fleet", type=Path, default=argparse.SUPPRESS, help="fleet file")
    go.add_argument("--language", help="play it in this language on every kiosk of the group")
    go.add_argument("--lead", type=float, help="seconds ahead to start (default: the fleet file's, else 0.5)")
    sub.add_parser("hash", help="read a passcode and print its hash for the fleet file")
    announce = sub.add_parser("announce", help="announce a kiosk's OSC port by mDNS/DNS-SD until stopped")
    announce.add_argument("--name", required=True, help="the kiosk's screen_name")
    announce.add_argument("--port", type=int, default=53100, help="its OSC port (default 53100)")
    announce.add_argument("--address", help="the address to announce (default: this machine's)")


def _load(path: Path):
    from .config import load_fleet

    fleet, problems = load_fleet(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    return fleet


def run(args: argparse.Namespace) -> int:
    command = getattr(args, "fleet_command", None)
    if command == "hash":
        import getpass

        from .auth import hash_passcode

        first = getpass.getpass("passcode: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
        if len(first) < 6:
            print("fleet hash: use at least 6 characters", file=sys.stderr)
            return 2
        print(hash_passcode(first))
        return 0
    if command == "announce":
        from .discovery import announce

        return announce(args.name, args.port, args.address)
    fleet = _load(args.fleet)
    if fleet is None:
        print(f"{args.fleet}: the fleet file has errors (listed above)", file=sys.stderr)
        return 1
    if args.check:
        print(f"{args.fleet}: ok ({len(fleet.kiosks)} kiosks, groups: {', '.join(fleet.groups()) or 'none'})")
        return 0
    if command == "go":
        return _go(fleet, args)
    from .serve import serve

    return serve(fleet, args.host, args.port)


def _go(fleet, args: argparse.Namespace) -> int:
    import json

    from .sync import go

    kiosks = fleet.members(args.group)
    if not kiosks:
        groups = ", ".join(fleet.groups()) or "none"
        print(f"fleet go: no kiosks in group '{args.group}' (groups: {groups})", file=sys.stderr)
        return 2
    result = go(kiosks, args.story, args.group, lead=args.lead or fleet.console.sync_lead, language=args.language)
    for name, problem in result["problems"].items():
        print(f"{name}: {problem}", file=sys.stderr)
    for name, figures in result["offsets"].items():
        print(f"{name}: clock offset {figures['offset_ms']:+.3f} ms (round trip {figures['delay_ms']:.3f} ms)")
    if result["ok"]:
        spread = result.get("monotonic_spread_ms", result.get("spread_ms"))
        print(f"started {args.story} on {', '.join(result['kiosks'])}" +
              (f"; first-frame spread {spread:.3f} ms" if spread is not None else "; no first-frame reports"))
    if args.verbose:
        print(json.dumps(result, indent=2))
    return 0 if result["ok"] else 1
