"""`installation monitor`: the live state of one or more kiosks as a table, updated from their OSC pushes."""

from __future__ import annotations

import argparse
import json
import sys
import time

from . import osc
from .client import DEFAULT_HOST, DEFAULT_PORT, OscClient, decode_reply, parse_target

KEEPALIVE = 5.0  # seconds between /thump + /updates 1 (the kiosk forgets silent subscribers after 60 s)
STALE = 12.0  # seconds without news before a screen shows as silent

COLUMNS = (("TARGET", 21), ("NAME", 12), ("SCREEN", 8), ("STORY", 14), ("SCENE", 5), ("POS", 6), ("PAUSED", 6),
           ("LANG", 7), ("VOL", 5), ("MUTED", 5), ("BLACK", 5), ("UP", 8), ("ERR", 4), ("SEEN", 6))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("targets", nargs="*", metavar="HOST[:PORT]",
                        help=f"kiosks to watch (default {DEFAULT_HOST}:{DEFAULT_PORT})")
    parser.add_argument("--passcode", help="connect to each kiosk with this passcode")
    parser.add_argument("--once", action="store_true", help="print the table once and exit (2 if a kiosk is silent)")
    parser.add_argument("--duration", type=float, help="stop after this many seconds")
    parser.add_argument("--timeout", type=float, default=2.0, help="with --once: seconds to wait (default 2)")


def _duration(seconds) -> str:
    if seconds is None:
        return ""
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def row(target: str, state: dict | None, seen: float | None, now: float) -> list[str]:
    if state is None:
        return [target, "—", "no reply"] + [""] * (len(COLUMNS) - 3)
    scene = f"{state.get('scene')}/{state.get('scenes')}" if state.get("scene") else ""
    age = "" if seen is None else f"{now - seen:.0f}s"
    flag = lambda key: "yes" if state.get(key) else ""  # noqa: E731
    silent = seen is not None and now - seen > STALE
    screen = "SILENT" if silent else "closed" if state.get("closed") else str(state.get("screen", ""))
    return [target, str(state.get("name", "")), screen,
            str(state.get("story") or ""), scene, f"{state.get('position', 0):.0f}s" if state.get("story") else "",
            flag("paused"), str(state.get("language", "")), f"{state.get('volume', 0):.2f}", flag("muted"),
            flag("blackout"), _duration(state.get("uptime")), str(state.get("errors", "")), age]


def table(rows: list[list[str]]) -> str:
    lines = ["  ".join(name.ljust(width) for name, width in COLUMNS).rstrip()]
    for cells in rows:
        lines.append("  ".join(str(cell)[:width].ljust(width) for cell, (_, width) in zip(cells, COLUMNS)).rstrip())
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        targets = [parse_target(text) for text in (args.targets or [f"{DEFAULT_HOST}:{DEFAULT_PORT}"])]
    except ValueError as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return 2
    clients = {}
    for host, port in targets:
        try:
            clients[(host, port)] = OscClient(host, port)
        except OSError as exc:
            print(f"monitor: {host}:{port}: {exc}", file=sys.stderr)
            return 2
    states: dict[tuple, dict | None] = {key: None for key in clients}
    seen: dict[tuple, float | None] = {key: None for key in clients}

    def hello(subscribe: bool) -> None:
        for client in clients.values():
            elements = []
            if args.passcode:
                elements.append(osc.encode_message("/connect", args.passcode))
            elements.append(osc.encode_message("/thump"))
            if subscribe:
                elements.append(osc.encode_message("/updates", 1))
            elements.append(osc.encode_message("/state"))
            try:
                client.send_raw(osc.encode_bundle(elements))
            except OSError:
                pass

    tty = sys.stdout.isatty() and not args.once
    started = time.monotonic()
    last_hello = last_draw = 0.0
    dirty = True
    hello(subscribe=not args.once)
    last_hello = last_draw = started
    try:
        while True:
            now = time.monotonic()
            if args.once and (all(s is not None for s in states.values()) or now - started > args.timeout):
                break
            if args.duration is not None and now - started > args.duration:
                break
            if not args.once and now - last_hello >= KEEPALIVE:
                hello(subscribe=True)
                last_hello, dirty = now, True
            for key, client in clients.items():
                message = client.receive(0.05 / len(clients))
                while message is not None:
                    state = None
                    if message.address.startswith("/update/screen/") and message.address.endswith("/state"):
                        try:
                            state = json.loads(message.args[0]) if message.args else None
                        except (ValueError, TypeError):
                            state = None
                    elif message.address == "/reply/state":
                        reply = decode_reply(message)
                        state = reply.get("data") if reply and reply.get("status") == "ok" else None
                    if isinstance(state, dict):
                        states[key], seen[key], dirty = state, time.monotonic(), True
                    message = client.receive(0)
            if not args.once and dirty and now - last_draw >= 0.2:
                text = table([row(f"{h}:{p}", states[(h, p)], seen[(h, p)], now) for h, p in clients])
                print(("\x1b[H\x1b[2J" + text) if tty else text + "\n", flush=True)
                last_draw, dirty = now, False
    except KeyboardInterrupt:
        pass
    finally:
        for client in clients.values():
            if not args.once:
                try:
                    client.send("/updates", 0)
                except OSError:
                    pass
            client.close()
    now = time.monotonic()
    if args.once or not tty:
        print(table([row(f"{h}:{p}", states[(h, p)], seen[(h, p)], now) for h, p in clients]), flush=True)
    return 0 if all(state is not None for state in states.values()) else 2
