"""The kiosk's OSC server: the transport, gate, schedule, dispatcher and pushes wired to the App (docs/osc.md).

Everything network-facing happens on the transport's thread. The show is driven only through `App.post()`; the
render loop never waits on the network. The commands of one message or one bundle are posted together and run in
order in a single loop turn (atomically); the App hands back the show's verdict on each, and the network thread
replies with it. Bundles with a future timetag wait in the schedule, never in a sleep.
"""

from __future__ import annotations

import collections
import logging
import queue
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from .. import __version__
from . import osc
from .dispatch import Context, Dispatcher, Job, Step
from .gate import Client, Drops, Gate, Settings
from .pushes import Pushes, as_json, plain
from .schedule import Schedule, flatten, group
from .transport import Transport

__all__ = ["ERRORS", "OscServer", "Settings", "install_error_counter"]

log = logging.getLogger("installation.osc")


class ErrorCounter(logging.Handler):
    """Counts ERROR (and worse) log records: the kiosk's error count and last error line in /state."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0
        self.last: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        try:
            self.last = record.getMessage()[:300]  # the message only: no traceback leaves the kiosk
        except Exception:  # a record whose arguments do not fit its format
            self.last = str(record.msg)[:300]


ERRORS = ErrorCounter()


def install_error_counter() -> None:
    root = logging.getLogger()
    if ERRORS not in root.handlers:
        root.addHandler(ERRORS)


@dataclass
class Posted:
    """A job posted to the App, waiting for the show's verdicts."""

    steps: list[Step]
    later: list[Step] = field(default_factory=list)  # queries of later packets: answered with the final state


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
                          denied=0, errors=0, send_failed=0, scheduled=0, tcp_dropped=0, tcp_evicted=0,
                          tcp_idle_closed=0)
        self.drops = Drops(self.stats)
        self.gate = Gate(self.settings, clock)
        self.transport = Transport(self.gate, self.drops, self._packet, self._rate_limited)
        self.port = self.transport.port
        self.schedule = Schedule(clock, wall, ahead=app.ahead)  # the App holds early commands until they are due
        self.transport.on_turn, self.transport.timeout = self._turn, self.schedule.timeout
        self.pushes = Pushes(self.name, self.transport.send_now, self.state_data)
        self.transport.on_close = self.pushes.drop_conn
        context = Context(state=self.current, describe=self.state_data, stories=self.stories,
                          busy=lambda: bool(self.posted))
        self.dispatcher = Dispatcher(self.name, self.gate, self.pushes, self._reply, context, self.stats, clock, wall)
        self.last_heartbeat = clock()
        self.stories_cache: tuple[int, list] | None = None
        self.running = False
        self.posted: collections.deque[Posted] = collections.deque()  # network thread: jobs the show has not answered
        self.verdicts: queue.SimpleQueue = queue.SimpleQueue()  # main → network thread: (outcomes, snapshots)
        self._fresh: dict | None = None  # the state after the last job, until the App publishes a newer one

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
    def _turn(self) -> None:
        self._reply_verdicts()
        self.pushes.flush()
        for due, client, messages in self.schedule.due():
            # the show takes these commands as of their due time on its own clock (a synchronised start)
            self._run_now(messages, client, at=self.app.clock() - (self.clock() - due))
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

    def _run_now(self, messages: list[osc.Message], client: Client, at: float | None = None) -> None:
        job = Job(at=at)
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
            self.transport.close_idle(now)
        for line in (self.drops.summary(now), self.gate.guesses.log_line(now)):
            if line:
                log.warning("%s", line)

    # ------------------------------------------------------------ handing jobs to the show
    def _submit(self, job: Job) -> None:
        """Post a job's commands to the App in one go; the snapshots its queries and value replies need come back
        with the verdicts (index i: the state after i of the commands)."""
        if not job.steps:
            return
        commands, states, count = [], set(), 0
        for step in job.steps:
            if step.kind == "command":
                commands.append(step.command)
                count += 1
                if step.reply_ok and step.method.state_key:
                    states.add(count)
            else:
                states.add(count)
        if not commands:  # only queries, behind commands already on their way: answer after those
            self.posted[-1].later.extend(job.steps)
            return
        states.add(count)
        self.posted.append(Posted(job.steps))
        self.app.post(commands, self._verdicts, states)

    def _verdicts(self, outcomes: list, snapshots: dict[int, dict]) -> None:
        """App reply (main thread): hand the show's verdicts to the network thread."""
        self._fresh = snapshots[max(snapshots)]
        self.verdicts.put((outcomes, snapshots))
        self.transport.wake()

    def _reply_verdicts(self) -> None:
        """Network thread: reply to each answered job's steps with the show's verdict, in order."""
        while True:
            try:
                outcomes, snapshots = self.verdicts.get_nowait()
            except queue.Empty:
                return
            posted = self.posted.popleft()
            done = 0
            for step in posted.steps:
                if step.kind == "query":
                    self._answer(step, snapshots[done])
                    continue
                outcome = outcomes[done]
                done += 1
                if not outcome.ok:
                    self.stats["errors"] += 1
                    self.dispatcher.refused(step)
                    self._reply(step.client, step.address, "error", data=outcome.data,
                                error=(outcome.code, outcome.message))
                elif step.reply_ok:
                    data = outcome.data
                    if data is None and step.method.state_key:
                        data = plain(snapshots[done].get(step.method.state_key))
                    self._reply(step.client, step.address, "ok", data)
            for step in posted.later:
                self._answer(step, snapshots[done])

    def _answer(self, step: Step, snapshot: dict) -> None:
        self._reply(step.client, step.address, "ok", self.dispatcher.answer(step.method, step.args, snapshot,
                                                                            self.wall()))

    def current(self) -> dict:
        """The latest state: what the App published, or newer if a job ran since (any thread)."""
        fresh = self._fresh
        return fresh if fresh is not None else self.app.snapshot()

    def _turn_done(self) -> None:
        """App step hook (main thread, after publishing): the published snapshot is current again."""
        self._fresh = None

    def _state_changed(self, snapshot: dict) -> None:
        """App change listener (main thread): hand the new snapshot to the network thread."""
        self._fresh = None
        if self.pushes.changed(snapshot):
            self.transport.wake()

    # ------------------------------------------------------------ replies and what they say
    def _reply(self, client: Client, address: str, status: str, data: Any = None,
               error: tuple[str, str] | None = None) -> None:
        blob = None
        if isinstance(data, bytes):  # a thumbnail: described in the JSON, its bytes in a blob after it
            blob, data = data, {"type": "image/jpeg", "bytes": len(data)}
        body = {"screen": self.name, "address": address, "status": status, "data": data,
                "error": {"code": error[0], "message": error[1]} if error else None}
        args = (as_json(body),) if blob is None else (as_json(body), blob)
        self.transport.send(client, osc.encode_message("/reply" + address, *args))

    def state_data(self, snapshot: dict) -> dict:
        data = dict(snapshot)
        exhibition = self.app.library.exhibition
        hours = getattr(self.app, "opening_hours", None)
        data.update(hours.report(bool(snapshot.get("blackout"))) if hours is not None
                    else {"closed": False, "hours": None})
        data.update(
            name=self.name,
            exhibition=exhibition.id,
            uptime=round(time.monotonic() - getattr(self.app, "started", time.monotonic()), 1),
            version=__version__,
            release=getattr(self.app, "release", None),
            errors=ERRORS.count,
            last_error=ERRORS.last,
            osc=dict(self.stats) | {"clients": len(self.gate.sessions) + len(self.transport.conns),
                                    "subscribers": len(self.pushes.subscribers),
                                    "wrong_passcodes": self.gate.guesses.failed,
                                    "connect_refused": self.gate.guesses.refused,
                                    "connect_locked_for": round(self.gate.guesses.locked_for(self.clock()), 1)},
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
