"""`installation send`: one OSC message to a kiosk; prints its reply (exit 0 ok, 1 error or denied, 2 no reply)."""

from __future__ import annotations

import argparse
import json
import sys

from .client import DEFAULT_HOST, DEFAULT_PORT, OscClient, infer_args


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"the kiosk (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"its OSC port (default {DEFAULT_PORT})")
    parser.add_argument("--tcp", action="store_true", help="use TCP (SLIP framing) instead of UDP")
    parser.add_argument("--passcode", help="connect with this passcode first (see /connect)")
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds to wait for the reply (default 2)")
    parser.add_argument("--types", help="OSC type tags for the arguments, e.g. 'sf' (default: guessed)")
    parser.add_argument("--json", action="store_true", help="print the whole reply as JSON")
    parser.add_argument("address", help="e.g. /state, /go lulu, /screen/kiosk-1/volume 0.5")
    parser.add_argument("args", nargs="*", help="arguments: whole numbers are sent as i, decimals as f, else s")


def run(args: argparse.Namespace) -> int:
    if not args.address.startswith("/"):
        print("send: the address must start with '/'", file=sys.stderr)
        return 1
    try:
        values = infer_args(args.args, args.types)
    except ValueError as exc:
        print(f"send: {exc}", file=sys.stderr)
        return 1
    try:
        client = OscClient(args.host, args.port, tcp=args.tcp, timeout=args.timeout)
    except OSError as exc:
        print(f"send: cannot reach {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    with client:
        try:
            reply = client.request(args.address, *values, passcode=args.passcode, timeout=args.timeout)
        except OSError as exc:
            print(f"send: {exc}", file=sys.stderr)
            return 2
    if reply is None:
        print(f"send: no reply from {args.host}:{args.port} within {args.timeout:g} s", file=sys.stderr)
        return 2
    status = reply.get("status")
    if args.json:
        print(json.dumps(reply, ensure_ascii=False, indent=2))
    elif status == "ok":
        data = reply.get("data")
        if data is None:
            print("ok")
        elif isinstance(data, str):
            print(data)
        else:
            print(json.dumps(data, ensure_ascii=False, indent=2))
    if status == "ok":
        return 0
    if not args.json:
        error = reply.get("error") or {}
        print(f"{status}: {error.get('code', '?')}: {error.get('message', '')}", file=sys.stderr)
    return 1
