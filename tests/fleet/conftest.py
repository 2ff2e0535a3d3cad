"""Real kiosks (`installation play --headless` processes with OSC on loopback), a real console (`installation fleet`,
uvicorn) and Debian's Chromium through Selenium, for the fleet tests."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from installation.fleet.bench import PASSCODE as KIOSK_PASSCODE  # the kiosks' OSC control passcode
from installation.fleet.bench import end_process, free_port
from tests import REPO

DEMO = REPO / "config" / "demo.yaml"
PASSCODE = "console-pass-1"  # the console's technician passcode in these tests


def wait_until(predicate, timeout: float, step: float = 0.05, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")


class KioskProcess:
    """One headless kiosk process with OSC (TCP and UDP) on a loopback port."""

    def __init__(self, folder: Path, name: str, config: Path = DEMO, port: int | None = None,
                 faketime: str | None = None, extra: dict | None = None, settings: dict | None = None,
                 arguments: tuple[str, ...] = ()):
        self.folder, self.name, self.port = folder, name, port or free_port()
        data = yaml.safe_load(config.read_text(encoding="utf-8")) | (settings or {})
        data["screen_name"] = name
        data["osc"] = {"port": self.port, "passcodes": {"control": KIOSK_PASSCODE}, "min_go_interval": 0,
                       "heartbeat": 1, **(extra or {})}
        self.config = folder / f"{name}.yaml"  # outside config/: the project root is the working directory
        self.config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        self.faketime, self.arguments = faketime, list(arguments)
        self.process: subprocess.Popen | None = None
        self.log = folder / f"{name}.log"

    def start(self) -> "KioskProcess":
        return self.launch().ready()

    def launch(self) -> "KioskProcess":
        command = [sys.executable, "-m", "installation", "play", "--headless", "--config", str(self.config),
                   "--no-stats", "--no-watch", "--resolution", "320x180", *self.arguments]
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
        if self.faketime:
            command = ["faketime", "-f", self.faketime] + command
            env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
        self.process = subprocess.Popen(command, cwd=REPO, env=env, stdout=self.log.open("ab"),
                                        stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def ready(self) -> "KioskProcess":
        wait_until(self.answers, 60, 0.1, f"kiosk {self.name} to answer on port {self.port} (log: {self.log})")
        return self

    def answers(self) -> bool:
        from installation.control.client import OscClient

        if self.process is not None and self.process.poll() is not None:
            raise AssertionError(f"kiosk {self.name} exited: {self.log.read_text(errors='replace')[-2000:]}")
        try:
            with OscClient("127.0.0.1", self.port, tcp=True, timeout=1.0) as client:
                return (client.request("/thump", timeout=1.0) or {}).get("data") == "thump"
        except OSError:
            return False

    def state(self) -> dict:
        from installation.control.client import OscClient

        with OscClient("127.0.0.1", self.port, tcp=True, timeout=30.0) as client:
            reply = client.request("/state", timeout=30.0)
        assert reply and reply["status"] == "ok", reply
        return reply["data"]

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None:
            end_process(self.process)


def start_all(kiosks: list[KioskProcess]) -> list[KioskProcess]:
    """Launch them together (each takes seconds to start), then wait until each answers."""
    for kiosk in kiosks:
        kiosk.launch()
    return [kiosk.ready() for kiosk in kiosks]


def write_fleet(folder: Path, kiosks: list[KioskProcess], groups: dict[str, list[str]] | None = None,
                console: dict | None = None, hosts: dict[str, int] | None = None) -> Path:
    from installation.fleet.auth import hash_passcode

    entries = []
    for kiosk in kiosks:
        entry = {"name": kiosk.name, "host": "127.0.0.1", "port": (hosts or {}).get(kiosk.name, kiosk.port),
                 "passcode_env": "FLEET_TEST_KIOSK_PASSCODE"}
        entry["groups"] = [g for g, members in (groups or {}).items() if kiosk.name in members]
        entries.append(entry)
    data = {"console": {"port": 0, "passcode_hash": hash_passcode(PASSCODE), "heartbeat": 0.5, "grace": 3,
                        **(console or {})}, "kiosks": entries}
    path = folder / "fleet.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


class ConsoleProcess:
    """`installation fleet` in its own process; `cwd`: a working directory (and temporary folder) of its own, as on a
    technician's laptop that shares no disk with the kiosks."""

    def __init__(self, fleet: Path, folder: Path, cwd: Path | None = None):
        self.fleet, self.folder = fleet, folder
        self.log = folder / "console.log"
        env = dict(os.environ, FLEET_TEST_KIOSK_PASSCODE=KIOSK_PASSCODE)
        if cwd is not None:
            (cwd / "tmp").mkdir(parents=True, exist_ok=True)
            env["TMPDIR"] = str(cwd / "tmp")
        self.process = subprocess.Popen([sys.executable, "-m", "installation", "fleet", "--fleet", str(fleet)],
                                        cwd=cwd or REPO, env=env, stdout=subprocess.PIPE, stderr=self.log.open("ab"),
                                        text=True, start_new_session=True)
        line = self.process.stdout.readline()
        match = re.search(r"(http://\S+?)/\s", line + " ")
        assert match, f"console did not start: {line!r} {self.log.read_text(errors='replace')[-2000:]}"
        self.url = match.group(1)

    def close(self) -> None:
        end_process(self.process)


@pytest.fixture
def kiosks(tmp_path):
    """A factory of kiosk processes, all ended after the test."""
    made: list[KioskProcess] = []

    def make(name: str, **options) -> KioskProcess:
        kiosk = KioskProcess(tmp_path, name, **options)
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.stop()


@pytest.fixture
def console(tmp_path):
    made: list[ConsoleProcess] = []

    def make(fleet: Path, cwd: Path | None = None) -> ConsoleProcess:
        process = ConsoleProcess(fleet, tmp_path, cwd)
        made.append(process)
        return process

    yield make
    for process in made:
        process.close()


def chromium_paths() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or "/usr/bin/chromium"
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return (browser, driver) if os.path.exists(browser) and os.path.exists(driver) else None


@pytest.fixture
def browser(tmp_path):
    """Debian's Chromium, headless, through chromium-driver (installed by ./test.sh). Call with a window size."""
    paths = chromium_paths()
    if paths is None:
        pytest.fail("Debian's chromium and chromium-driver are needed (./test.sh installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    drivers = []

    def make(width: int = 1280, height: int = 900):
        options = webdriver.ChromeOptions()
        options.binary_location = paths[0]
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                     f"--user-data-dir={tmp_path / f'chromium-{len(drivers)}'}", f"--window-size={width},{height}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(paths[1]), options=options)
        driver.set_page_load_timeout(60)
        if width < 500:  # headless windows are at least 500 px wide: emulate a phone's screen instead
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        driver.quit()
