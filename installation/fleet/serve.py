"""Serve the console with uvicorn: loopback only unless the fleet file or --host says otherwise."""

from __future__ import annotations

import logging
import secrets
import socket

import uvicorn

from .auth import hash_passcode
from .config import Fleet
from .console import Console
from .sync import go
from .web import make_app

log = logging.getLogger(__name__)


def synchronised(console: Console):
    def start(kiosks, story, group, _console=None, language: str | None = None) -> dict:
        result = go(kiosks, story, group, lead=console.fleet.console.sync_lead, language=language)
        console.last_sync = result
        console.bump()
        return result

    return start


def build(fleet: Fleet) -> tuple[Console, object, str | None]:
    """The console and its app; the third value is a passcode made up for this run when the file has none."""
    console = Console(fleet)
    settings = fleet.console
    made_up = None
    passcode_hash = settings.passcode_hash
    if passcode_hash is None:
        made_up = "-".join(secrets.token_hex(2) for _ in range(3))
        passcode_hash = hash_passcode(made_up)
    app = make_app(console, secrets.token_urlsafe(32), passcode_hash, settings.staff_passcode_hash,
                   sync=synchronised(console))
    return console, app, made_up


def serve(fleet: Fleet, host: str | None = None, port: int | None = None) -> int:
    settings = fleet.console
    host = host or settings.host
    port = settings.port if port is None else port
    console, app, made_up = build(fleet)
    console.start()
    browser = None
    if settings.discover:
        from .discovery import Browser

        browser = Browser(console.watch).start()
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)  # connections wait in the backlog until uvicorn accepts them
    except OSError as exc:
        print(f"fleet: cannot listen on {host}:{port}: {exc.strerror}")
        return 1
    shown = f"[{host}]" if ":" in host else host
    print(f"fleet console: http://{shown}:{sock.getsockname()[1]}/  (front of house: /view)", flush=True)
    if made_up:
        print(f"fleet console: no passcode_hash in the fleet file; technicians log in with {made_up} "
              "(this run only; `installation fleet hash` makes a lasting one)", flush=True)
    try:
        config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=2)
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        if browser is not None:
            browser.close()
        console.close()
    return 0
