"""A headless kiosk with its OSC server, driven by a loop thread, for the control tests."""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "config" / "demo.yaml"


class Kiosk:
    """An App plus OscServer; `app.step()` runs on a background thread like `App.run()` would."""

    def __init__(self, settings, config: Path = DEMO, size=(640, 360), simulated: bool = True):
        from installation.content.load import load_library
        from installation.control.server import OscServer, install_error_counter
        from installation.kiosk.app import App, Options

        install_error_counter()
        library, _ = load_library(config)
        assert library is not None
        self.app = App(library, Options(size=size, headless=True, audio=False, simulated=simulated))
        self.server = OscServer(self.app, settings).start()
        self.port = self.server.port
        self.failure: BaseException | None = None
        self.stopping = False
        self.turns = 0
        self.thread = threading.Thread(target=self._loop, name="kiosk-loop", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        try:
            while not self.stopping:
                if self.app.running:
                    self.app.step()
                self.turns += 1
                time.sleep(0.001)
        except BaseException as exc:  # surfaced by the fixture
            self.failure = exc

    def state(self) -> dict:
        """The published state after the loop has finished the turn in progress."""
        target = self.turns + 2
        deadline = time.monotonic() + 2
        while self.turns < target and time.monotonic() < deadline and self.thread.is_alive():
            time.sleep(0.001)
        return self.app.snapshot()

    def wait_for(self, predicate, timeout: float = 2.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self.app.snapshot()):
                return True
            time.sleep(0.005)
        return False

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
        settings = replace(Settings(port=0, min_go_interval=0.0), **overrides)
        kiosk = Kiosk(settings, config=config)
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
