"""The console over HTTP (Starlette): the page and its static files, live updates by server-sent events, a login,
and actions protected against cross-site requests. Served by uvicorn (see serve.py)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from pathlib import Path
from urllib.parse import urlsplit

from sse_starlette.sse import EventSourceResponse
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .actions import ACTIONS, TOGETHER, arguments, fan_out
from .auth import LoginLimiter, check_passcode, new_token, same_token
from .console import Console
from .links import act
from .sync import together

log = logging.getLogger(__name__)

THUMBNAIL_WIDTH = 480  # px: sharp on a phone-wide tile, a few tens of kB

STATIC = Path(__file__).parent / "static"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def error(status: int, message: str, **extra) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, **extra}, status_code=status)


def make_app(console: Console, secret: str, passcode_hash: str | None, staff_hash: str | None = None,
             sync=None) -> Starlette:
    settings = console.fleet.console
    limiter = LoginLimiter(attempts=settings.login_attempts)

    def role(request: Request) -> str | None:
        return request.session.get("role")

    def may_look(request: Request) -> bool:
        return settings.open_view or role(request) in ("technician", "staff")

    def cross_site(request: Request) -> str | None:
        """Why a state-changing request is refused as cross-site, or None."""
        if not same_token(request.headers.get("x-csrf-token"), request.session.get("csrf")):
            return "missing or wrong CSRF token (reload the page)"
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
            return f"request from another site ({origin})"
        return None

    def guard(request: Request) -> JSONResponse | None:
        if role(request) != "technician":
            return error(401, "log in as a technician first")
        reason = cross_site(request)
        return error(403, reason) if reason else None

    async def body(request: Request) -> dict:
        try:
            data = await request.json()
        except (ValueError, UnicodeDecodeError):
            return {}
        return data if isinstance(data, dict) else {}

    async def page(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", headers=SECURITY_HEADERS)

    async def me(request: Request) -> Response:
        if "csrf" not in request.session:
            request.session["csrf"] = new_token()
        return JSONResponse({"role": role(request), "csrf": request.session["csrf"], "open_view": settings.open_view,
                             "staff_login": bool(staff_hash)}, headers=SECURITY_HEADERS)

    async def login(request: Request) -> Response:
        source = request.client.host if request.client else "?"
        wait = limiter.blocked(source)
        if wait:
            return error(429, f"too many failed logins; try again in {wait:.0f} s", retry_after=round(wait))
        reason = cross_site(request)
        if reason:
            return error(403, reason)
        passcode = str((await body(request)).get("passcode") or "")[:256]
        if passcode_hash and await asyncio.to_thread(check_passcode, passcode, passcode_hash):
            granted = "technician"
        elif staff_hash and await asyncio.to_thread(check_passcode, passcode, staff_hash):
            granted = "staff"
        else:
            limiter.failed(source)
            return error(401, "wrong passcode")
        limiter.succeeded(source)
        request.session.clear()
        request.session.update(role=granted, csrf=new_token())
        log.info("fleet console: %s logged in from %s", granted, source)
        return JSONResponse({"ok": True, "role": granted, "csrf": request.session["csrf"]})

    async def logout(request: Request) -> Response:
        request.session.clear()
        return JSONResponse({"ok": True})

    async def fleet(request: Request) -> Response:
        if not may_look(request):
            return error(401, "log in first")
        return JSONResponse(console.snapshot(), headers=SECURITY_HEADERS)

    async def events(request: Request) -> Response:
        if not may_look(request):
            return error(401, "log in first")
        changed = asyncio.Event()
        loop = asyncio.get_running_loop()

        def wake() -> None:
            loop.call_soon_threadsafe(changed.set)

        async def stream():
            console.listeners.append(wake)
            try:
                while True:
                    yield {"event": "fleet", "data": json.dumps(console.snapshot())}
                    changed.clear()
                    try:
                        await asyncio.wait_for(changed.wait(), timeout=1.0)
                        await asyncio.sleep(0.05)  # coalesce a burst of pushes into one update
                    except asyncio.TimeoutError:
                        pass
            finally:
                console.listeners.remove(wake)

        return EventSourceResponse(stream(), ping=15, headers={"Cache-Control": "no-store"})

    async def action(request: Request) -> Response:
        refused = guard(request)
        if refused:
            return refused
        data = await body(request)
        name = data.get("action")
        if name not in ACTIONS and name != "acknowledge":
            return error(400, f"unknown action {name!r}")
        kiosk, group = data.get("kiosk"), data.get("group")
        if name == "acknowledge":
            console.acknowledge(str(kiosk))
            return JSONResponse({"ok": True, "replies": {}})
        targets = console.targets(kiosk=kiosk if isinstance(kiosk, str) else None,
                                  group=group if isinstance(group, str) else None)
        if not targets:
            return error(404, "no such kiosk or group")
        try:
            if isinstance(group, str) and name in TOGETHER:  # a synchronised group keeps its common show clock
                replies = await asyncio.to_thread(together, targets, ACTIONS[name].address,
                                                  *arguments(name, data.get("value")))
            else:
                replies = await asyncio.to_thread(fan_out, targets, name, data.get("value"))
        except ValueError as exc:
            return error(400, str(exc))
        where = kiosk or (f"group {group}" if group else "all kiosks")
        failed = {k: r for k, r in replies.items() if r.get("status") != "ok"}
        log.info("fleet console: %s → %s: %d ok, %d failed", name, where, len(replies) - len(failed), len(failed))
        return JSONResponse({"ok": not failed, "replies": replies})

    async def synchronised(request: Request) -> Response:
        refused = guard(request)
        if refused:
            return refused
        if sync is None:
            return error(501, "synchronised starts are not available")
        data = await body(request)
        story, group, language = data.get("story"), data.get("group"), data.get("language") or None
        if not isinstance(story, str) or not isinstance(group, str) or not isinstance(language, (str, type(None))):
            return error(400, "give a story and a group (and a language, or none)")
        kiosks = console.targets(group=group)
        if not kiosks:
            return error(404, f"no kiosks in group {group!r}")
        result = await asyncio.to_thread(sync, kiosks, story, group, console, language=language)
        return JSONResponse(result, status_code=200 if result.get("ok") else 502)

    async def screenshot(request: Request) -> Response:
        if role(request) != "technician":
            return error(401, "log in as a technician first")
        kiosk = console.fleet.kiosk(request.path_params["name"])
        if kiosk is None:
            return error(404, "no such kiosk")
        # the picture comes back in the kiosk's OSC reply (a blob): nothing is written on either machine
        reply = await asyncio.to_thread(act, kiosk, "/thumbnail", THUMBNAIL_WIDTH, timeout=10.0)
        blob = reply.get("blob")
        if reply.get("status") != "ok" or not isinstance(blob, bytes) or not blob.startswith(b"\xff\xd8\xff"):
            why = reply.get("error") or {}
            status = 429 if why.get("code") == "rate_limited" else 502
            return error(status, why.get("message") or "the kiosk sent no picture")
        return Response(blob, media_type="image/jpeg", headers={"Cache-Control": "no-store"})

    @contextlib.asynccontextmanager
    async def lifespan(app):
        async def ticker():
            while True:
                await asyncio.sleep(1.0)
                if console.tick():
                    console.bump()

        task = asyncio.create_task(ticker())
        try:
            yield
        finally:
            task.cancel()

    routes = [
        Route("/", page), Route("/view", page),
        Route("/api/me", me), Route("/api/login", login, methods=["POST"]),
        Route("/api/logout", logout, methods=["POST"]), Route("/api/fleet", fleet), Route("/api/events", events),
        Route("/api/action", action, methods=["POST"]), Route("/api/sync", synchronised, methods=["POST"]),
        Route("/api/screenshot/{name}", screenshot),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(SessionMiddleware, secret_key=secret, session_cookie="fleet_session",
                             same_site="strict", max_age=12 * 3600)]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
