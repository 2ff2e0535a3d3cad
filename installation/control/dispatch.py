"""OSC address → method → what to do: a reply now, or a step for the show. No sockets, no threads.

The dispatcher resolves an address (patterns, the /screen/{name} prefix), checks the sender's level and the
arguments' types, runs session methods, answers queries, and translates actions into show commands collected in a
`Job`. Whether a command can be done (a story in the playlist, a value in range) is the show's to say: the server
replies with the show's own verdict. Replies go out through the `reply` function it is given, so it can be tested
on its own.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from ..show.commands import Command, CommandError, make
from . import osc
from .gate import Client, Gate
from .methods import BY_PARTS, RANK, Method, OscError, check_args
from .pattern import BadPattern, is_pattern, match_part, match_parts
from .pushes import Pushes, plain

log = logging.getLogger("installation.osc")

THUMBNAIL_INTERVAL = 1.0  # seconds between two thumbnails (each costs the render loop a draw and an encode)

Reply = Callable[..., None]  # reply(client, address, status, data=None, error=(code, message) | None)


@dataclass
class Step:
    kind: str  # command | query
    client: Client
    address: str
    method: Method
    command: Command | None = None
    args: tuple = ()
    reply_ok: bool = False  # send ok (with the new value for value methods) once done
    go_lock: tuple[float, float] | None = None  # a /go's (stamp, the lock before it): a refused /go gives it back


@dataclass
class Job:
    """What one message or one bundle asks of the show: its steps run in order in one loop turn."""

    steps: list[Step] = field(default_factory=list)
    at: float | None = None  # a timetagged bundle's due time on the show's clock: its commands take effect then


@dataclass
class Context:
    """What the dispatcher may read of the kiosk (all plain callables, so tests can pass their own)."""

    state: Callable[[], dict]  # the latest snapshot
    describe: Callable[[dict], dict]  # a snapshot → /state's data
    stories: Callable[[], list]  # /stories' data
    busy: Callable[[], bool] = lambda: False  # commands are on their way to the show


class Dispatcher:
    def __init__(self, name: str, gate: Gate, pushes: Pushes, reply: Reply, context: Context,
                 stats: dict[str, int] | None = None, clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time):
        self.name, self.gate, self.pushes, self.reply, self.context = name, gate, pushes, reply, context
        self.min_go_interval = gate.settings.min_go_interval
        self.stats = stats if stats is not None else dict(denied=0, errors=0)
        self.clock, self.wall = clock, wall
        self.last_go = -1e9
        self.last_thumbnail = -1e9

    # ------------------------------------------------------------ routing
    def resolve(self, address: str) -> Method | None | bool:
        """The method for an address; False when it is meant for another screen; None when nothing matches."""
        parts = address[1:].split("/")
        if len(parts) >= 3 and match_part(parts[0], "screen"):
            if match_part(parts[1], self.name):
                found = self._lookup(parts[2:])
                if found is not None or parts[0] == "screen":
                    return found
            elif parts[0] == "screen":
                return False  # addressed to other screens of a group
        return self._lookup(parts)

    def _lookup(self, parts: list[str]) -> Method | None:
        method = BY_PARTS.get(tuple(parts))
        if method is not None or not any(is_pattern(p) for p in parts):
            return method
        found = [m for key, m in BY_PARTS.items() if match_parts(parts, key)]
        if len(found) > 1:
            raise OscError("not_found", f"the pattern matches {len(found)} methods; it must match one")
        return found[0] if found else None

    def message(self, message: osc.Message, client: Client, job: Job) -> None:
        """One message: reply now, or add its step to `job`."""
        address = message.address
        try:
            try:
                method = self.resolve(address)
            except BadPattern as exc:
                raise OscError("not_found", str(exc)) from None
            if method is False:
                return  # addressed to another screen of a group: not ours to answer
            if method is None:
                raise OscError("not_found", f"no method at {address}")
            reading = method.kind == "value" and not message.args
            needed = "view" if reading else method.level
            if RANK[client.session.level] < RANK[needed]:
                self.stats["denied"] += 1
                self.reply(client, address, "denied", error=(
                    "denied", f"{address} needs the '{needed}' level; send /connect with its passcode"))
                return
            if reading or method.kind == "query":
                self._query(method, message, client, job)
            elif method.kind == "session":
                self._session_method(method, message, client)
            else:
                self._action(method, message, client, job)
        except OscError as exc:
            self.stats["errors"] += 1
            self.reply(client, address, "error", data=exc.data, error=(exc.code, exc.message))

    # ------------------------------------------------------------ queries
    def _query(self, method: Method, message: osc.Message, client: Client, job: Job) -> None:
        if job.steps or self.context.busy():
            # after a command still on its way to the show: answer after it, on the main thread, so that a query
            # always sees the effect of every command received before it
            job.steps.append(Step("query", client, message.address, method, args=message.args))
            return
        received = self.wall()
        self.reply(client, message.address, "ok", self.answer(method, message.args, self.context.state(), received))

    def answer(self, method: Method, args: tuple, snapshot: dict, received: float) -> Any:
        path = method.path
        if path == "thump":
            locked = self.gate.guesses.locked_for(self.clock())
            return f"thump (/connect locked for {locked:.0f} s)" if locked > 0 else "thump"
        if path == "version":
            return __version__
        if path == "state":
            return self.context.describe(snapshot)
        if path == "stories":
            return self.context.stories()
        if path == "sync/ping":
            check_args(method, args)
            return {"received": received, "sent": self.wall(), "echo": args[0] if args else None}
        return plain(snapshot.get(method.state_key or ""))

    # ------------------------------------------------------------ session methods
    def _session_method(self, method: Method, message: osc.Message, client: Client) -> None:
        args = check_args(method, message.args)
        session, address, path = client.session, message.address, method.path
        if path == "connect":
            level, refused = self.gate.connect(client.ip, args[0] if args else None, self.clock())
            if refused is not None:  # too many wrong passcodes: not compared
                self.stats["denied"] += 1
                self.reply(client, address, "denied", "locked", error=("locked", refused))
                return
            if level is None:
                self.stats["denied"] += 1
                self.reply(client, address, "denied", "badpass", error=("badpass", "wrong passcode"))
                line = self.gate.guesses.log_line(self.clock())  # the first wrong one at once, however busy
                if line:
                    log.warning("%s", line)
                return
            session.level = level
            self.reply(client, address, "ok", f"ok:{level}")
            return
        if path == "disconnect":
            always = session.always_reply
            self.pushes.unsubscribe(client)
            session.level, session.always_reply, session.reply_port = self.gate.default_level, False, None
            if always:
                self.reply(client, address, "ok")
            return
        if path == "alwaysReply":
            if not args:
                self.reply(client, address, "ok", int(session.always_reply))
                return
            session.always_reply = args[0]
        elif path == "udpReplyPort":
            if not args:
                self.reply(client, address, "ok", session.reply_port)
                return
            if not 1 <= args[0] <= 65535:
                raise OscError("bad_args", "/udpReplyPort expects a port number 1–65535")
            session.reply_port = args[0] if client.conn is None else None
        elif path == "updates":
            if not args:
                self.reply(client, address, "ok", int(self.pushes.subscribed(client)))
                return
            if args[0]:
                self.pushes.subscribe(client, address.startswith("/screen/"), self.context.state())
            else:
                self.pushes.unsubscribe(client)
        if session.always_reply:
            self.reply(client, address, "ok")

    # ------------------------------------------------------------ actions
    def _action(self, method: Method, message: osc.Message, client: Client, job: Job) -> None:
        if not method.args and len(message.args) == 1 and isinstance(message.args[0], (int, float, bool)):
            # a button (TouchOSC, Companion) sends 1 on press and 0 on release: act on press only
            if not message.args[0]:
                if client.session.always_reply:
                    self.reply(client, message.address, "ok")
                return
            message = osc.Message(message.address)
        args = check_args(method, message.args)
        step = Step("command", client, message.address, method, reply_ok=client.session.always_reply)
        if method.path == "screenshot":
            args, step.reply_ok = (str(Path(args[0]).expanduser()),), True  # answers with the file's path
        if method.path == "thumbnail":
            self._thumbnail_allowed(client)
            step.reply_ok = True  # answers with the picture, a blob
        try:
            step.command = make(method.command or "", *args, source="osc")
        except CommandError as exc:
            raise OscError(exc.code, str(exc)) from None
        if job.at is not None:
            step.command = replace(step.command, meta={"at": job.at})
        if method.path == "go":
            now = self.clock()
            left = self.min_go_interval - (now - self.last_go)
            if left > 0:
                raise OscError("go_locked", f"another /go was {now - self.last_go:.2f} s ago; wait {left:.2f} s",
                               data={"seconds_left": round(left, 3)})
            step.go_lock, self.last_go = (now, self.last_go), now
        job.steps.append(step)

    def _thumbnail_allowed(self, client: Client) -> None:
        """A thumbnail is drawn and encoded on the render loop: TCP only (a blob too big for a datagram), and at
        most one every THUMBNAIL_INTERVAL seconds from all clients together."""
        if client.conn is None:
            raise OscError("tcp_only", "/thumbnail answers over TCP only (its picture does not fit a datagram)")
        now = self.clock()
        left = THUMBNAIL_INTERVAL - (now - self.last_thumbnail)
        if left > 0:
            raise OscError("rate_limited", f"one thumbnail every {THUMBNAIL_INTERVAL:g} s; wait {left:.2f} s",
                           data={"seconds_left": round(left, 3)})
        self.last_thumbnail = now

    def refused(self, step: Step) -> None:
        """The show refused a step's command: a refused /go does not hold the lock for the next one."""
        if step.go_lock is not None and self.last_go == step.go_lock[0]:
            self.last_go = step.go_lock[1]
