"""`installation bench` probes of the kiosk as a gallery runs it: mixer on (dummy driver), image and Ken Burns
workers on, narration playing, real clock. Each probe runs in a fresh process (`python -m installation.bench_kiosk
PROBE CONFIG WxH [N]`) and prints one JSON object, so memory and CPU are the kiosk's own.

CPU is read from /proc/self/stat (user + system time of every thread of the process), not from the wall clock, so a
busy machine changes it little; frame times are wall-clock and are not."""

from __future__ import annotations

import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path


# ------------------------------------------------------------------ /proc readings
def cpu_seconds() -> float:
    """User + system CPU of this process (all threads), from /proc/self/stat."""
    with open("/proc/self/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _proc_kib(path: str, key: str) -> int:
    with open(path, encoding="ascii") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def pss_mib() -> float:
    return round(_proc_kib("/proc/self/smaps_rollup", "Pss") / 1024, 1)


def rss_mib() -> float:
    return round(_proc_kib("/proc/self/status", "VmRSS") / 1024, 2)


def images_mib(app) -> float:
    """Decoded pixels the picture cache holds."""
    with app.images.lock:
        return round(app.images.held_bytes() / 2**20, 1)


def heap_mib() -> float:
    """The resident size of the main heap (`[heap]`), apart from the mappings big blocks get of their own."""
    total, in_heap = 0, False
    with open("/proc/self/smaps") as f:
        for line in f:
            field = line.split(maxsplit=1)[0]
            if not field.endswith(":"):  # a mapping's header: "start-end perms offset dev inode [name]"
                in_heap = line.rstrip().endswith("[heap]")
            elif in_heap and field == "Rss:":
                total += int(line.split()[1])
    return round(total / 1024, 1)


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def summary_ms(values_s: list[float]) -> dict:
    ms = [v * 1000 for v in values_s]
    if not ms:
        return {"p50_ms": None, "p99_ms": None, "max_ms": None, "frames": 0}
    return {"p50_ms": round(statistics.median(ms), 2), "p99_ms": round(percentile(ms, 99), 2),
            "max_ms": round(max(ms), 2), "frames": len(ms)}


# ------------------------------------------------------------------ the kiosk, instrumented from outside
class Presented:
    """Counts frames handed to the display (flip or update) and lets a probe look at each one."""

    def __init__(self) -> None:
        import pygame

        self.count = 0
        self.look = None  # called with the display surface after each presented frame
        self.looking = 0.0  # seconds spent in `look` (taken out of the step it happened in)
        for name in ("flip", "update"):
            setattr(pygame.display, name, self._wrap(getattr(pygame.display, name)))

    def _wrap(self, present):
        import pygame

        def presented(*args, **kwargs):
            result = present(*args, **kwargs)
            self.count += 1
            if self.look is not None:
                started = time.perf_counter()
                self.look(pygame.display.get_surface())
                self.looking += time.perf_counter() - started
            return result

        return presented


class Kiosk:
    """An App built as `installation play` builds it (audio on, threads on), with every loop turn timed."""

    def __init__(self, config: Path, size: tuple[int, int]):
        os.environ["SDL_VIDEODRIVER"] = os.environ["SDL_AUDIODRIVER"] = "dummy"
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        from .content.load import load_library
        from .kiosk.app import App, Options

        library, problems = load_library(config)
        if library is None:
            raise SystemExit(f"{config}: cannot load: {problems}")
        self.presented = Presented()
        self.app = App(library, Options(size=size, headless=True))
        self.steps: list[tuple[float, float, int]] = []  # (started, seconds, frames presented in it)
        self.recording = False
        step = self.app.step

        def timed_step(*args, **kwargs):
            before, looked = self.presented.count, self.presented.looking
            started = time.perf_counter()
            drawn = step(*args, **kwargs)
            if self.recording:
                spent = time.perf_counter() - started - (self.presented.looking - looked)
                self.steps.append((started, spent, self.presented.count - before))
            return drawn

        self.app.step = timed_step

    def run(self, seconds: float) -> None:
        until = time.monotonic() + seconds
        while self.app.running and time.monotonic() < until:
            self.app.turn()

    def command(self, name: str, *args) -> None:
        from .show.commands import make

        self.app.dispatch(make(name, *args))

    def tap(self, command: str) -> float:
        """Touch the centre of the button for `command`, as a visitor would; returns when the touch was made."""
        import pygame

        app = self.app
        button = next(b for b in app.buttons(app.view()) if b.command == command)
        pos = (button.rect.x + button.rect.w // 2, button.rect.y + button.rect.h // 2)
        at = time.perf_counter()
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False))
        return at

    def story(self) -> str:
        stories = self.app.library.stories
        return max(stories, key=lambda s: len(stories[s].scenes))


def signature(surface) -> list[tuple[int, int, int]]:
    """Average colours of a grid over the middle of the screen (clear of the bars and the caption)."""
    import pygame

    w, h = surface.get_size()
    cells = []
    for row in range(4):
        for col in range(8):
            rect = pygame.Rect(round(w * (0.1 + 0.1 * col)), round(h * (0.15 + 0.1 * row)), round(w * 0.1),
                               round(h * 0.1))
            cells.append(tuple(pygame.transform.average_color(surface, rect))[:3])
    return cells


def distance(a: list[tuple], b: list[tuple]) -> float:
    return sum(max(abs(x - y) for x, y in zip(p, q)) for p, q in zip(a, b)) / len(a)


# ------------------------------------------------------------------ probes
ACTIONS = ("continue", "next", "previous", "cycle_language", "replay")


def probe_actions(config: Path, size: tuple[int, int], rounds: int = 5) -> dict:
    """Loop turns while a visitor taps Continue, Next, Previous, the language button and Replay (each `rounds` times,
    with the scene settled in between), and how soon after Continue the story's first illustration is on screen."""
    kiosk = Kiosk(config, size)
    app, story = kiosk.app, kiosk.story()
    app.images.wait_all()
    kiosk.command("begin")
    kiosk.run(1.0)
    turns: dict[str, list[float]] = {name: [] for name in ACTIONS}
    first: list[dict] = []
    for _ in range(rounds):
        for action in ACTIONS:
            if action == "continue":
                kiosk.command("open", story)
                kiosk.run(2.0)  # the visitor reads the content note
            else:
                kiosk.run(1.2)
            seen: list[tuple[float, list]] = []
            if action == "continue":
                kiosk.presented.look = lambda surface: seen.append((time.perf_counter(), signature(surface)))
            kiosk.steps.clear()
            kiosk.recording = True
            tapped = kiosk.tap(action)
            kiosk.run(1.3)
            kiosk.recording = False
            kiosk.presented.look = None
            # the turn that handled the touch, and every turn that presented a frame
            window = [(t, d, n) for t, d, n in kiosk.steps if t >= tapped]
            handled = window[:1]
            turns[action] += [d for t, d, n in window if n or (t, d, n) in handled]
            if action == "continue" and seen:
                settled = seen[-1][1]
                match = next((i for i, (_, sig) in enumerate(seen) if distance(sig, settled) < 20), None)
                first.append({"ms": round((seen[match][0] - tapped) * 1000, 1) if match is not None else None,
                              "frames_before": match if match is not None else len(seen)})
    failed = sorted(str(p) for p in app.images.failed)
    app.close()
    delays = [f["ms"] for f in first if f["ms"] is not None]
    return {
        "during": {name: summary_ms(values) for name, values in turns.items()},
        "first_picture": {"p50_ms": round(statistics.median(delays), 1) if delays else None,
                          "max_ms": max(delays) if delays else None,
                          "frames_before_max": max(f["frames_before"] for f in first) if first else None,
                          "frames_before_p50": statistics.median(f["frames_before"] for f in first) if first else None,
                          "rounds": first, "images_failed": failed},
    }


def probe_cpu(config: Path, size: tuple[int, int], seconds: float = 10.0) -> dict:
    """CPU (% of one core, from /proc) and frames presented per second on each screen, over `seconds` each (the
    attract loop over one whole drift of its artwork, across and back, at least: its cost follows the drift's
    speed, which eases in and out)."""
    from .kiosk.screens.attract import LOOP

    kiosk = Kiosk(config, size)
    app, story = kiosk.app, kiosk.story()
    app.images.wait_all()
    screens = [("attract", None), ("chooser", ("begin",)), ("note", ("open", story)), ("story", ("continue",)),
               ("paused", ("pause",)), ("end", ("home",))]
    out = {}
    for name, command in screens:
        if command:
            kiosk.command(*command)
        kiosk.run(1.5)  # settle: images decoded, first frames drawn
        frames, cpu, wall = kiosk.presented.count, cpu_seconds(), time.perf_counter()
        kiosk.run(max(seconds, LOOP) if name == "attract" else seconds)
        cpu, wall = cpu_seconds() - cpu, time.perf_counter() - wall
        out[name] = {"cpu_s": round(cpu, 2), "wall_s": round(wall, 2), "cpu_pct": round(100 * cpu / wall, 1),
                     "fps": round((kiosk.presented.count - frames) / wall, 1), "screen": app.show.state.screen}
    app.close()
    return out


def probe_memory(config: Path, size: tuple[int, int], stories: int = 3) -> dict:
    """PSS (smaps_rollup) at the attract screen, then after playing `stories` stories scene by scene."""
    kiosk = Kiosk(config, size)
    app = kiosk.app
    app.images.wait_all()
    kiosk.run(2.0)
    out = {"attract_pss_mib": pss_mib(), "attract_rss_mib": rss_mib()}
    playlist = list(app.library.stories)
    for k in range(stories):
        kiosk.command("begin")
        kiosk.command("open", playlist[k % len(playlist)])
        kiosk.run(1.0)
        kiosk.command("continue")
        while app.show.state.screen == "story":
            kiosk.run(0.6)
            kiosk.command("next")
        kiosk.run(0.5)
        kiosk.command("continue")
        kiosk.run(1.0)
    kiosk.run(2.0)
    out.update(pss_mib=pss_mib(), rss_mib=rss_mib(), stories=stories)
    app.close()
    return out


def settled(app) -> bool:
    """The scene on screen is as it stays until the next change: no crossfade, every image asked for decoded, its
    Ken Burns frame and the next scene's first frame drawn, the scene before it let go."""
    from .show.machine import CROSSFADE

    state = app.show.state
    layers = app.motion.layers
    return (state.screen == "story" and app.clock() - state.transition_started > CROSSFADE + 0.2
            and app.images.idle() and app.motion.drawn() and set(layers) == {(state.story, state.scene)})


def probe_soak(config: Path, size: tuple[int, int], changes: int = 10_000, rate: float = 25.0) -> dict:
    """`changes` scene changes sent over OSC (UDP, /scene and /go) at up to `rate` a second on the real clock, each
    applied by the show before the next is sent; RSS, PSS and open fds at every 1,000th change. Each reading is of one
    and the same state: that change starts the first story again, and the reading waits until its first scene has
    settled (`settled`). At 25 changes a second the pictures of the scenes in flight, and whether a scene has a next
    one to prime, make RSS swing by tens of MiB between two instants; a reading of one state shows what stays.
    `rss_max_mib` is the largest RSS seen after any change."""
    from pythonosc.udp_client import SimpleUDPClient

    from .control.server import OscServer, Settings
    from .kiosk.memory import let_go_done

    kiosk = Kiosk(config, size)
    app = kiosk.app
    server = OscServer(app, Settings(port=0, rate_limit=1e6, burst=1_000_000, min_go_interval=0)).start()
    client = SimpleUDPClient("127.0.0.1", server.port)
    playlist = list(app.library.stories)
    app.images.wait_all()
    curve: list[dict] = [{"changes": 0, "rss_mib": rss_mib(), "pss_mib": pss_mib(), "fds": open_fds()}]
    applied = threading.Event()
    done = threading.Event()
    peak = {"rss": curve[0]["rss_mib"]}

    def reading(n: int) -> dict:
        deadline = time.monotonic() + 60
        while not settled(app) and time.monotonic() < deadline:
            time.sleep(0.05)
        let_go_done()  # what was let go is gone, not in flight on the helper thread
        return {"changes": n, "rss_mib": rss_mib(), "pss_mib": pss_mib(), "fds": open_fds(),
                "settled": settled(app), "seconds": round(time.perf_counter() - started, 1),
                "images_mib": images_mib(app), "heap_mib": heap_mib()}

    def on_change(snapshot: dict) -> None:
        applied.set()

    app.change_listeners.append(on_change)
    started = time.perf_counter()

    def send() -> None:
        story, scene = 0, 0
        client.send_message("/go", playlist[story])
        applied.wait(timeout=10)
        for n in range(1, changes + 1):
            applied.clear()
            reading_due = n % 1000 == 0
            if reading_due:  # every 1,000th change starts the first story again: each reading is of one state
                story, scene = 0, 0
                client.send_message("/go", playlist[story])
            elif scene + 1 < len(app.library.stories[playlist[story]].scenes):
                scene += 1
                client.send_message("/scene", scene + 1)
            else:
                story, scene = (story + 1) % len(playlist), 0
                client.send_message("/go", playlist[story])
            applied.wait(timeout=10)
            peak["rss"] = max(peak["rss"], rss_mib())
            if reading_due:
                curve.append(reading(n))
            time.sleep(1 / rate)
        done.set()

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    while not done.is_set() and app.running:
        app.turn()
    wall = time.perf_counter() - started
    server.close()
    app.close()
    at_1000 = next((c for c in curve if c["changes"] == 1000), curve[0])
    return {"changes": changes, "seconds": round(wall, 1), "curve": curve,
            "rss_growth_after_1000_mib": round(curve[-1]["rss_mib"] - at_1000["rss_mib"], 2),
            "rss_max_mib": peak["rss"],
            "rss_growth_mib": round(curve[-1]["rss_mib"] - curve[0]["rss_mib"], 2),
            "fds_growth": curve[-1]["fds"] - curve[0]["fds"]}


COLD_START = r"""
import importlib.abc, importlib.machinery, json, os, sys, time

def cpu_seconds():
    with open("/proc/self/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

class FirstFrame(importlib.abc.MetaPathFinder):
    # when pygame is imported (wherever the command imports it), report the first presented frame and exit
    def find_spec(self, name, path, target=None):
        if name != "pygame":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            for attr in ("flip", "update"):
                present = getattr(module.display, attr)
                def first(*args, _present=present, **kwargs):
                    _present(*args, **kwargs)
                    print(json.dumps({"at": time.time(), "cpu_s": cpu_seconds()}), flush=True)
                    os._exit(0)
                setattr(module.display, attr, first)
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, FirstFrame())
from installation.cli import main
sys.exit(main(sys.argv[1:]))
"""


def cold_start(config: Path | None, rounds: int = 5, resolution: str = "1920x1080") -> dict:
    """The real `installation play --headless` in a new process, until its first frame is presented: wall time
    from launch, and the CPU the process had used by then."""
    import subprocess
    import tempfile

    walls, cpus = [], []
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    with tempfile.TemporaryDirectory() as scratch:
        for n in range(rounds):
            argv = ["play", "--headless", "--resolution", resolution, "--osc-port", "0",
                    "--stats", str(Path(scratch) / f"stats{n}.db")]
            if config is not None:
                argv += ["--config", str(config)]
            launched = time.time()
            out = subprocess.run([sys.executable, "-c", COLD_START, *argv], capture_output=True, text=True, env=env,
                                 timeout=120)
            lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
            if not lines:
                raise RuntimeError(f"installation play showed no frame: {out.stderr[-2000:]}")
            report = json.loads(lines[-1])
            walls.append(report["at"] - launched)
            cpus.append(report["cpu_s"])
    return {**summary_ms(walls), "cpu_s_p50": round(statistics.median(cpus), 2),
            "cpu_s_max": round(max(cpus), 2), "rounds": rounds}


PROBES = {"actions": probe_actions, "cpu": probe_cpu, "memory": probe_memory, "soak": probe_soak}


def in_fresh_process(probe: str, config: Path, size: tuple[int, int], *extra) -> dict:
    import subprocess

    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = subprocess.run([sys.executable, "-m", "installation.bench_kiosk", probe, str(config),
                          f"{size[0]}x{size[1]}", *map(str, extra)], capture_output=True, text=True, env=env)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode or not lines:
        raise RuntimeError(f"bench probe {probe} failed: {out.stderr[-3000:]}")
    return json.loads(lines[-1])


def main(argv: list[str]) -> int:
    probe, config, size = argv[0], Path(argv[1]), tuple(int(x) for x in argv[2].split("x"))
    extra = [float(x) if "." in x else int(x) for x in argv[3:]]
    import logging

    logging.basicConfig(level=logging.WARNING)
    print(json.dumps(PROBES[probe](config, size, *extra)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
