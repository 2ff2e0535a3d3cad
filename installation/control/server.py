"""The kiosk's OSC server: the transport, gate, schedule, dispatcher and pushes wired to the App (docs/osc.md).

Everything network-facing happens on the transport's thread. The show is driven only through `App.post()`; the
render loop never waits on the network. Commands of one message or one bundle are handed over as one job and run in
order in a single loop turn (atomically). Bundles with a future timetag wait in the schedule, never in a sleep.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from ..show.commands import Command
from . import osc
from .dispatch import Context, Dispatcher, Job, Step
from .gate import Client, Drops, Gate, Settings
from .methods import OscError
from .pushes import Pushes, as_json, plain
from .schedule import Schedule, flatten, group
from .transport import Transport

__all__ = ["ERRORS", "OscServer", "Settings", "install_error_counter"]

log = logging.getLogger("installation.osc")

JOB = "osc_job"  # name of the carrier command for jobs that start with something other than a show command


class ErrorCounter(logging.Handler):
    """Counts ERROR (and worse) log records: the kiosk's error count in /state."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


ERRORS = ErrorCounter()


def install_error_counter() -> None:
    root = logging.getLogger()
    if ERRORS not in root.handlers:
        root.addHandler(ERRORS)


class OscServer:
    def __init__(self, app, settings: Settings | None = None, clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time):
        """`clock` (seconds, monotonic) drives rate limits, the /go lock, heartbeats and schedules; `wall` is Unix
        time, for timetags. Tests pass clocks that move only when told."""
        self.app = app
        self.settings = settings or Settings()
        self.clock, self.wall = clock, wall
        self.name = app.library.exhibition.screen_name
        self.stats = dict(received=0, messages=0, malformed=0, oversized=0, dropped_source=0, rate_limited=0,
                          denied=0, errors=0, send_failed=0, scheduled=0, tcp_dropped=0)
        self.drops = Drops(self.stats)
        self.gate = Gate(self.settings, clock)
        self.transport = Transport(self.gate, self.drops, self._packet, self._rate_limited)
        self.transport.on_turn, self.transport.timeout = self._turn, self._timeout
        self.port = self.transport.port
        self.schedule = Schedule(clock, wall)
        self.pushes = Pushes(self.name, self.transport.send_now, self.state_data)
        self.transport.on_close = self.pushes.drop_conn
        context = Context(state=self.current, describe=self.state_data, stories=self.stories,
                          library=lambda: self.app.library, busy=lambda: self.submitted != self.completed)
        self.dispatcher = Dispatcher(self.name, self.gate, self.pushes, self._reply, context, self.stats, clock, wall)
        self.last_heartbeat = clock()
        self.stories_cache: tuple[int, list] | None = None
        self.running = False
        self._job_snapshot: dict | None = None
        self.submitted = 0  # jobs handed to the App (network thread) …
        self.completed = 0  # … and run by it (main thread)

    @property
    def thread(self):
        return self.transport.thread

    @property
    def subscribers(self) -> dict:
        return self.pushes.subscribers

    def settle(self, timeout: float = 10.0) -> bool:
        """Wait until the network thread has handled everything sent to it before this call (tests, tools)."""
        return self.transport.settle(timeout)

    def start(self) -> "OscServer":
        self.running = True
        self.app.change_listeners.append(self._state_changed)
        self.app.step_hooks.append(self._turn_done)
        self.transport.start()
        log.info("OSC on %s port %d (UDP%s); allowed sources: %s; receive buffer %d KiB", self.settings.host,
                 self.port, " and TCP/SLIP" if self.transport.tcp else "", ", ".join(self.settings.allow),
                 self.transport.rcvbuf // 1024)
        return self

    def close(self) -> None:
        if not self.running:
            return
        self.running = False
        for hooks, hook in ((self.app.change_listeners, self._state_changed), (self.app.step_hooks, self._turn_done)):
            try:
                hooks.remove(hook)
            except ValueError:
                pass
        self.transport.stop()
        self.pushes.goodbye()
        self.transport.close()

    # ------------------------------------------------------------ the network thread
    def _timeout(self, longest: float) -> float:
        return self.schedule.timeout(longest)

    def _turn(self) -> None:
        self.pushes.flush()
        for client, messages in self.schedule.due():
            self._run_now(messages, client)
        self._housekeeping()

    def _packet(self, data: bytes, client: Client) -> None:
        try:
            packet = osc.parse(data)
        except osc.Malformed as exc:
            self.drops.drop("malformed", f"malformed packet from {client.ip}: {exc}")
            return
        if isinstance(packet, osc.Message):
            self.stats["messages"] += 1
            self._run_now([packet], client)
            return
        flat = flatten(packet)
        self.stats["messages"] += len(flat)
        if len(flat) > 1 and not self.gate.admit(client.ip, self.clock(), len(flat) - 1):
            self.stats["rate_limited"] += 1
            if self.gate.should_notify(client.ip):
                self._rate_limited(data, client)
            return
        now_unix = self.wall()
        job = Job()
        for due, messages in group(flat, now_unix):
            if due is None:
                for message in messages:
                    self.dispatcher.message(message, client, job)
                continue
            refusal = self.schedule.refusal(due, now_unix)
            if refusal is not None:
                for message in messages:
                    self._reply(client, message.address, "error", error=refusal)
                continue
            self.stats["scheduled"] += 1
            self.schedule.add(due, now_unix, client, messages)
        self._submit(job)

    def _run_now(self, messages: list[osc.Message], client: Client) -> None:
        job = Job()
        for message in messages:
            self.dispatcher.message(message, client, job)
        self._submit(job)

    def _rate_limited(self, data: bytes, client: Client) -> None:
        """Tell a rate-limited sender (at most once a second: the gate decides) which message was dropped."""
        address = ""
        try:
            packet = osc.parse(data) if len(data) <= self.settings.max_packet else None
            while isinstance(packet, osc.Bundle) and packet.elements:
                packet = packet.elements[0]
            if isinstance(packet, osc.Message):
                address = packet.address
        except osc.Malformed:
            return
        self._reply(client, address, "error", error=("rate_limited", f"more than {self.settings.rate_limit:g} "
                                                     "messages a second from this address; the excess is dropped"))

    def _housekeeping(self) -> None:
        now = self.clock()
        if now - self.last_heartbeat >= self.settings.heartbeat:
            self.last_heartbeat = now
            if self.pushes.subscribers:
                self.pushes.heartbeat(now, self.app.snapshot(), self.settings.forget_after)
            self.gate.forget(now)
        line = self.drops.summary(now)
        if line:
            log.warning("%s", line)

    # ------------------------------------------------------------ handing jobs to the show
    def _submit(self, job: Job) -> None:
        """Hand a job to the main thread as one posted command: its steps run in order in one loop turn."""
        if not job.steps:
            return
        first = job.steps[0]
        # The first command itself is the carrier (so the App's own handling of quit/reload applies), unless it
        # must be checked against the live state first; otherwise a no-op command carries the job.
        use_first = first.kind == "command" and first.command is not None and first.method.path != "scene"
        carrier = first.command if use_first else Command(JOB, (), "osc")
        steps = job.steps[1:] if use_first else job.steps

        def run(snapshot: dict) -> None:
            try:
                self._job_snapshot = self.app.show.snapshot()  # answers /state until the App publishes this turn
                if use_first:
                    self._finish(first)
                for step in steps:
                    self._run_step(step)
                self._job_snapshot = self.app.show.snapshot()
            except Exception:  # never let a remote command break the render loop
                log.exception("OSC job failed")
            finally:
                self.completed += 1

        self.submitted += 1
        self.app.post(carrier, run)

    def _run_step(self, step: Step) -> None:
        app = self.app
        try:
            if step.kind == "command":
                command = step.command
                if command.name == "quit":
                    app.running = False
                else:
                    self._check_on_main(step)
                    app.dispatch(command)
                self._finish(step)
            elif step.kind == "query":
                data = self.dispatcher.answer(step.method, step.args, app.show.snapshot(), self.wall())
                self._reply(step.client, step.address, "ok", data)
            elif step.kind == "screenshot":
                path = app.screenshot(Path(step.path))
                self._reply(step.client, step.address, "ok", str(path))
        except OscError as exc:
            self._reply(step.client, step.address, "error", data=exc.data, error=(exc.code, exc.message))
        except Exception as exc:  # never let a remote command break the render loop
            log.exception("OSC %s failed", step.address)
            self._reply(step.client, step.address, "error", error=("failed", f"{type(exc).__name__}: {exc}"))

    def _check_on_main(self, step: Step) -> None:
        if step.method.path == "scene":
            show = self.app.show
            if show.state.screen != "story":
                raise OscError("bad_args", "/scene works while a story plays")
            count = show.scene_count()
            if not 1 <= step.command.args[0] <= count:
                raise OscError("bad_args", f"this story has scenes 1–{count}")

    def _finish(self, step: Step) -> None:
        """After a step's command has run: reply ok (with the new value for value methods) if asked to."""
        if step.reply_ok:
            data = None
            if step.method.state_key:
                data = plain(self.app.show.snapshot().get(step.method.state_key or ""))
            self._reply(step.client, step.address, "ok", data)

    def current(self) -> dict:
        """The latest state: what the App published, or newer if a job ran since (any thread)."""
        fresh = self._job_snapshot
        return fresh if fresh is not None else self.app.snapshot()

    def _turn_done(self) -> None:
        """App step hook (main thread, after publishing): the published snapshot is current again."""
        self._job_snapshot = None

    def _state_changed(self, snapshot: dict) -> None:
        """App change listener (main thread): hand the new snapshot to the network thread."""
        self._job_snapshot = None
        if self.pushes.changed(snapshot):
            self.transport.wake()

    # ------------------------------------------------------------ replies and what they say
    def _reply(self, client: Client, address: str, status: str, data: Any = None,
               error: tuple[str, str] | None = None) -> None:
        body = {"screen": self.name, "address": address, "status": status, "data": data,
                "error": {"code": error[0], "message": error[1]} if error else None}
        self.transport.send(client, osc.encode_message("/reply" + address, as_json(body)))

    def state_data(self, snapshot: dict) -> dict:
        data = dict(snapshot)
        exhibition = self.app.library.exhibition
        data.update(
            name=self.name,
            exhibition=exhibition.id,
            uptime=round(time.monotonic() - getattr(self.app, "started", time.monotonic()), 1),
            version=__version__,
            errors=ERRORS.count,
            osc=dict(self.stats) | {"clients": len(self.gate.sessions) + len(self.transport.conns),
                                    "subscribers": len(self.pushes.subscribers)},
        )
        return data

    def stories(self) -> list:
        library = self.app.library
        if self.stories_cache is None or self.stories_cache[0] != id(library):
            items = []
            for story_id, story in library.stories.items():
                durations = {}
                for language in library.exhibition.languages:
                    try:
                        durations[language] = round(library.story_length(story_id, language), 1)
                    except KeyError:
                        pass
                items.append({"id": story_id, "kind": story.kind, "title": dict(story.name),
                              "place": dict(story.place), "scenes": len(story.scenes), "durations": durations})
            self.stories_cache = (id(library), items)
        return self.stories_cache[1]
