"""A headless kiosk with its OSC server, driven by a loop thread, for the control tests."""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from tests import REPO

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

DEMO = REPO / "config" / "demo.yaml"
PATIENCE = 60.0  # seconds any wait below may take before the test fails (generous: the machine may be busy)


class NetClock:
    """The OSC server's monotonic and Unix clocks, moving only when a test says (rate limits, /go lock, timetags,
    heartbeats): `advance()` then `server.settle()`."""

    def __init__(self):
        self.t = 1000.0
        self.unix_start = time.time()

    def monotonic(self) -> float:
        return self.t

    def wall(self) -> float:
        return self.unix_start + self.t - 1000.0

    def advance(self, seconds: float) -> None:
        self.t += seconds


class Kiosk:
    """An App plus OscServer; `app.step()` runs on a background thread like `App.run()` would."""

    def __init__(self, settings, config: Path = DEMO, size=(640, 360), simulated: bool = True,
                 clock: NetClock | None = None):
        from installation.content.load import load_library
        from installation.control.server import OscServer, install_error_counter
        from installation.kiosk.app import App, Options

        install_error_counter()
        library, _ = load_library(config)
        assert library is not None
        self.app = App(library, Options(size=size, headless=True, audio=False, simulated=simulated))
        self.clock = clock
        timing = dict(clock=clock.monotonic, wall=clock.wall) if clock else {}
        self.server = OscServer(self.app, settings, **timing).start()
        self.port = self.server.port
        self.failure: BaseException | None = None
        self.stopping = False
        self.paused = False
        self.turns = 0
        self.turned = threading.Condition()
        self.thread = threading.Thread(target=self._loop, name="kiosk-loop", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        try:
            while not self.stopping:
                if self.app.running and not self.paused:
                    self.app.step()
                with self.turned:
                    self.turns += 1
                    self.turned.notify_all()
                time.sleep(0.001)  # the loop's pace, as the App's own frame wait would be
        except BaseException as exc:  # surfaced by the fixture
            self.failure = exc
        finally:
            with self.turned:
                self.turned.notify_all()

    def state(self) -> dict:
        """The published state after the loop has finished the turn in progress."""
        with self.turned:
            target = self.turns + 2
            self.turned.wait_for(lambda: self.turns >= target or not self.thread.is_alive(), PATIENCE)
        return self.app.snapshot()

    def wait_for(self, predicate, timeout: float = PATIENCE) -> bool:
        with self.turned:
            return self.turned.wait_for(lambda: predicate(self.app.snapshot()) or not self.thread.is_alive(),
                                        timeout) and predicate(self.app.snapshot())

    def close(self) -> None:
        self.stopping = True
        self.thread.join(timeout=5)
        self.server.close()


@pytest.fixture
def make_kiosk():
    from installation.control.server import Settings

    made: list[Kiosk] = []

    def factory(**overrides) -> Kiosk:
        config = overrides.pop("config", DEMO)
        clock = overrides.pop("clock", None)
        settings = replace(Settings(port=0, min_go_interval=0.0), **overrides)
        kiosk = Kiosk(settings, config=config, clock=clock)
        made.append(kiosk)
        return kiosk

    yield factory
    for kiosk in made:
        kiosk.close()
    for kiosk in made:
        if kiosk.failure is not None:
            raise kiosk.failure


@pytest.fixture
def kiosk(make_kiosk) -> Kiosk:
    return make_kiosk()


@pytest.fixture
def client(kiosk):
    from installation.control.client import OscClient

    with OscClient("127.0.0.1", kiosk.port) as c:
        yield c


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def received_until_synced(client, timeout: float = PATIENCE) -> list:
    """Everything the kiosk sent this client before it answered a /sync/ping sent now, twice over: whatever the
    kiosk had queued for the client when this was called has arrived (replies of the main thread included)."""
    from installation.control.client import decode_reply

    seen = []
    for token in (1.0, 2.0):
        client.send("/sync/ping", token)
        deadline = time.monotonic() + timeout
        while (message := client.receive(max(0.0, deadline - time.monotonic()))) is not None:
            if message.address == "/reply/sync/ping" and (decode_reply(message) or {}).get("data", {}).get("echo") == token:
                break
            seen.append(message)
        else:
            raise AssertionError("the kiosk did not answer /sync/ping")
    return seen
