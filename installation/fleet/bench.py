"""How close synchronised screens really are: three headless kiosk processes on this machine (one with its wall
clock 2 s ahead under Debian's faketime, CLOCK_MONOTONIC untouched), a synchronised start of a short story with the
console's own code, and the spread of each scene's first presented frame, read from the kiosks' own `started`
reports on CLOCK_MONOTONIC (which every process on one machine shares). Optionally the path to one kiosk is
slowed by a relay that holds every byte for `delay` seconds in each direction.

Used by `installation bench` (its sync rows) and by tests/fleet/test_sync.py."""

from __future__ import annotations

import math
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import wave
from collections import deque
from pathlib import Path

from ..control import osc
from ..control.client import OscClient
from .config import Kiosk
from .links import state_from
from .sync import go

FRAME = 1 / 60
SCENES = 4
NARRATION = 0.9  # seconds per scene, + hold 0.2 s
PASSCODE = "4821"

EXHIBITION = """\
id: sync-bench
title: {{en: "Sync bench"}}
screen_name: {name}
playlist: [quick]
languages: [en]
default_language: en
resources:
  title: {{en: "Support"}}
  lines:
    en: ["Butterfly: butterflysw.org"]
osc:
  port: {port}
  passcodes: {{control: "{passcode}"}}
  min_go_interval: 0
  heartbeat: 1
"""

SCENE = """\
  - id: s{n}
    illustration: images/s{n}.svg
    alt: {{en: "A lit window, number {n}."}}
    hold: 0.2
    captions:
      en: ["Part {n}."]
"""

STORY = """\
id: quick
kind: story
name: {en: "Quick"}
place: {en: "Toronto"}
content_notes:
  en: ["a test story without content"]
epilogue:
  en: ["The end."]
scenes:
"""

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="#{0}"/></svg>'


def make_project(root: Path) -> Path:
    """A project with one story of SCENES short scenes (silent narration); returns its stories folder's root."""
    (root / "config").mkdir(parents=True, exist_ok=True)
    (root / "stories").mkdir(exist_ok=True)
    (root / "stories" / "quick.yaml").write_text(STORY + "".join(SCENE.format(n=n) for n in range(1, SCENES + 1)),
                                                 encoding="utf-8")
    for n in range(1, SCENES + 1):
        image = root / "media" / "images" / f"s{n}.svg"
        image.parent.mkdir(parents=True, exist_ok=True)
        image.write_text(SVG.format(f"{n * 2}{n * 2}3040"), encoding="utf-8")
        narration = root / "media" / "narration" / "quick" / f"s{n}.en"
        narration.parent.mkdir(parents=True, exist_ok=True)
        with wave.open(str(narration.with_suffix(".wav")), "wb") as out:
            out.setnchannels(1), out.setsampwidth(2), out.setframerate(22050)
            out.writeframes(b"\0\0" * int(22050 * NARRATION))
        narration.with_suffix(".vtt").write_text(f"WEBVTT\n\n00:00.000 --> 00:0{NARRATION:.3f}\nPart {n}.\n",
                                                 encoding="utf-8")
    return root


def free_port() -> int:
    """A port free for both UDP and TCP on loopback (the kiosk listens on both)."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
            tcp.bind(("127.0.0.1", 0))
            port = tcp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                try:
                    udp.bind(("127.0.0.1", port))
                except OSError:
                    continue
            return port


class KioskRun:
    """One headless kiosk process of the bench project."""

    def __init__(self, project: Path, name: str, faketime: str | None = None):
        self.name, self.port = name, free_port()
        config = project / "config" / f"{name}.yaml"
        config.write_text(EXHIBITION.format(name=name, port=self.port, passcode=PASSCODE), encoding="utf-8")
        command = [sys.executable, "-m", "installation", "play", "--headless", "--config", str(config),
                   "--no-stats", "--no-watch", "--resolution", "320x180"]
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
        if faketime:
            command = ["faketime", "-f", faketime] + command
            env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
        self.log = project / f"{name}.log"
        self.process = subprocess.Popen(command, cwd=project, env=env, stdout=self.log.open("ab"),
                                        stderr=subprocess.STDOUT, start_new_session=True,
                                        preexec_fn=_raise_priority)

    def ready(self, timeout: float = 90.0) -> "KioskRun":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"kiosk {self.name} exited: {self.log.read_text(errors='replace')[-1500:]}")
            try:
                with OscClient("127.0.0.1", self.port, tcp=True, timeout=1.0) as client:
                    if (client.request("/thump", timeout=1.0) or {}).get("data") == "thump":
                        return self
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"kiosk {self.name} did not answer in {timeout:g} s (log: {self.log})")

    def send(self, address: str, *args) -> dict | None:
        with OscClient("127.0.0.1", self.port, tcp=True, timeout=2.0) as client:
            return client.request(address, *args, passcode=PASSCODE, timeout=5.0)

    def stop(self) -> None:
        end_process(self.process)


def end_process(process: subprocess.Popen) -> None:
    """SIGTERM to the process group (as systemd would), SIGKILL if it is still there after 10 s."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _raise_priority() -> None:
    """Kiosks in a gallery own their machine; here they share it with whatever else runs. Where allowed (root),
    give them the priority a kiosk unit would have, so the figures measure the sync, not the neighbours."""
    try:
        os.nice(-10)
    except OSError:
        pass


class DelayRelay:
    """A TCP relay on loopback that holds every byte `delay` seconds in each direction."""

    def __init__(self, target_port: int, delay: float):
        self.target_port, self.delay = target_port, delay
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True, name="delay-relay").start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
                server = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                return
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            for source, sink in ((client, server), (server, client)):
                held: deque = deque()
                ready = threading.Condition()
                threading.Thread(target=self._read, args=(source, held, ready), daemon=True).start()
                threading.Thread(target=self._write, args=(sink, held, ready), daemon=True).start()

    def _read(self, source: socket.socket, held: deque, ready: threading.Condition) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            with ready:
                held.append((time.monotonic() + self.delay, data))
                ready.notify()
            if not data:
                return

    def _write(self, sink: socket.socket, held: deque, ready: threading.Condition) -> None:
        while True:
            with ready:
                while not held:
                    ready.wait()
                due, data = held.popleft()
            time.sleep(max(0.0, due - time.monotonic()))
            try:
                if not data:
                    sink.shutdown(socket.SHUT_WR)
                    return
                sink.sendall(data)
            except OSError:
                return

    def close(self) -> None:
        self.listener.close()


class Reports:
    """Subscribes to a kiosk's pushed state and keeps each scene's `started` report."""

    def __init__(self, port: int):
        self.client = OscClient("127.0.0.1", port, tcp=True)
        self.client.send_raw(osc.encode_bundle([osc.encode_message("/connect", PASSCODE),
                                                osc.encode_message("/updates", 1)]))
        self.started: dict[int, dict] = {}
        self.screen: str | None = None
        self.closing = False
        self.thread = threading.Thread(target=self._run, daemon=True, name="sync-reports")
        self.thread.start()

    def _run(self) -> None:
        while not self.closing:
            message = self.client.receive(0.2)
            state = state_from(message) if message is not None else None
            if state is None:
                continue
            self.screen = state.get("screen")
            started = state.get("started")
            if self.screen == "story" and isinstance(started, dict) and started.get("scene") == state.get("scene"):
                self.started.setdefault(state["scene"], started)

    def close(self) -> None:
        self.closing = True
        self.thread.join(timeout=5)
        self.client.close()


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.02)


def one_start(kiosks: list[KioskRun], relays: dict[str, int], timeout: float = 60.0) -> dict:
    """A synchronised start of the whole short story; returns the console's result and every kiosk's reports."""
    for kiosk in kiosks:
        kiosk.send("/stop")
    wait_for(lambda: all(k.send("/state")["data"]["screen"] == "attract" for k in kiosks), timeout, "attract")
    reports = {kiosk.name: Reports(kiosk.port) for kiosk in kiosks}
    try:
        targets = [Kiosk(k.name, "127.0.0.1", relays.get(k.name, k.port), passcode=PASSCODE) for k in kiosks]
        result = go(targets, "quick", "bench", report=True, timeout=max(3.0, timeout / 10))
        if not result["ok"]:
            raise RuntimeError(f"synchronised start failed: {result['problems']}")
        wait_for(lambda: all(r.screen == "end" for r in reports.values()), timeout, "every kiosk to finish the story")
        time.sleep(0.1)  # the last pushes are on their way
        return {"result": result, "started": {name: dict(r.started) for name, r in reports.items()}}
    finally:
        for r in reports.values():
            r.close()


def spreads(started: dict[str, dict[int, dict]], key: str = "monotonic") -> list[float]:
    """Per scene: max − min of the kiosks' stamps, in seconds."""
    out = []
    for scene in range(1, SCENES + 1):
        values = [float(stamps[scene][key]) for stamps in started.values() if scene in stamps]
        out.append(max(values) - min(values) if len(values) == len(started) else math.inf)
    return out


class Trio:
    """Three kiosks of the bench project, one under faketime +2 s; a context manager."""

    def __init__(self, folder: Path | None = None):
        self.own = folder is None
        self.folder = Path(tempfile.mkdtemp(prefix="sync-bench-")) if folder is None else folder
        self.kiosks: list[KioskRun] = []

    def __enter__(self) -> "Trio":
        project = make_project(self.folder / "project")
        faketime = "+2s" if shutil.which("faketime") else None
        try:
            self.kiosks = [KioskRun(project, "kiosk-1"), KioskRun(project, "kiosk-2", faketime=faketime),
                           KioskRun(project, "kiosk-3")]
            for kiosk in self.kiosks:
                kiosk.ready()
            one_start(self.kiosks, {})  # warm up: a kiosk's very first story frame fills its caches (~40 ms)
        except BaseException:
            self.__exit__()
            raise
        self.faketime = faketime
        return self

    def __exit__(self, *exc) -> None:
        for kiosk in self.kiosks:
            kiosk.stop()
        if self.own:
            shutil.rmtree(self.folder, ignore_errors=True)

    def measure(self, delay: float = 0.0, runs: int = 1) -> dict:
        relay = DelayRelay(self.kiosks[2].port, delay) if delay else None
        try:
            starts = [one_start(self.kiosks, {self.kiosks[2].name: relay.port} if relay else {})
                      for _ in range(runs)]
        finally:
            if relay:
                relay.close()
        first = [spreads(s["started"])[0] for s in starts]
        later = [x for s in starts for x in spreads(s["started"])[1:]]
        return {"delay_ms": delay * 1000, "runs": runs, "starts": starts, "first_frame_ms": _ms(first),
                "later_boundaries_ms": _ms(later)}


def _ms(values: list[float]) -> dict:
    ordered = sorted(v * 1000 for v in values)
    if not ordered:
        return {}
    p99 = ordered[min(len(ordered) - 1, math.ceil(0.99 * len(ordered)) - 1)]
    return {"n": len(ordered), "p50": round(statistics.median(ordered), 3), "p99": round(p99, 3),
            "max": round(ordered[-1], 3)}


def bench(runs: int = 5) -> dict:
    """The bench rows: first-frame and later-boundary spreads over `runs` starts, on loopback and with a 30 ms path."""
    with Trio() as trio:
        out = {"faketime": trio.faketime, "loopback": trio.measure(0.0, runs), "delayed": trio.measure(0.030, runs)}
    for row in ("loopback", "delayed"):
        out[row].pop("starts")
    return out
