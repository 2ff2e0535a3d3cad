"""`installation bench`: frame times per scene kind, start-up, tap latency, memory (and OSC latency)."""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

SIZES = {"1080p": (1920, 1080), "4k": (3840, 2160)}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help="exhibition to measure (default: the demo)")
    parser.add_argument("--story", help="story to play (default: the longest scene count in the playlist)")
    parser.add_argument("--frames", type=int, default=300, help="frames per measurement")
    parser.add_argument("--sizes", default="1080p,4k", help="comma-separated: 1080p, 4k or WxH")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--no-osc", action="store_true", help="skip the OSC latency measurement")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def peak_rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def summary(values_s: list[float]) -> dict:
    ms = [v * 1000 for v in values_s]
    return {"p50_ms": round(statistics.median(ms), 2), "p99_ms": round(percentile(ms, 99), 2),
            "max_ms": round(max(ms), 2), "frames": len(ms)}


def _app(config: Path, size: tuple[int, int]):
    from .content.load import load_library
    from .kiosk.app import App, Options

    library, _ = load_library(config)
    return App(library, Options(size=size, headless=True, audio=False))


def _frames(app, frames: int, condition=lambda: True) -> list[float]:
    """Draw every turn of the loop at ~60 Hz (as a moving scene would), timing draw + flip."""
    times: list[float] = []
    app.frame_times = times
    deadline = time.monotonic() + frames / 60 * 3
    while len(times) < frames and time.monotonic() < deadline:
        started = time.perf_counter()
        if not condition():
            break
        app.step(force=True)
        spent = time.perf_counter() - started
        time.sleep(max(0.0, 1 / 60 - spent))
    app.frame_times = None
    return times


def frame_times(config: Path, story: str, size: tuple[int, int], frames: int) -> dict:
    from .show.commands import make
    from .show.machine import CROSSFADE

    app = _app(config, size)
    results = {}
    app.dispatch(make("go", story))
    app.images.wait_all()
    time.sleep(0.3)
    app.dispatch(make("pause"))
    app.motion.frozen = True
    results["static"] = summary(_frames(app, frames))
    app.dispatch(make("resume"))
    app.motion.frozen = False
    time.sleep(0.2)
    results["ken_burns"] = summary(_frames(app, frames))
    fades: list[float] = []
    scenes = app.show.scene_count()
    while len(fades) < frames:
        settle = time.monotonic() + 1.5  # as in a real scene: the next one is decoded and primed meanwhile
        while time.monotonic() < settle:
            app.turn()
        app.images.wait_all()
        app.dispatch(make("next") if app.show.state.scene + 1 < scenes else make("scene", 1))
        start = app.show.state.transition_started
        fades += _frames(app, frames, lambda: time.monotonic() - start < CROSSFADE)[: int(CROSSFADE * 60)]
    results["crossfade"] = summary(fades[:frames])
    app.close()
    return results


def tap_latency(config: Path, size: tuple[int, int], rounds: int = 20) -> dict:
    """From a tap event to the frame showing its result."""
    import pygame

    from .show.commands import make

    app = _app(config, size)
    app.images.wait_all()
    latencies = []
    for _ in range(rounds):
        app.dispatch(make("stop"))
        app.step()
        before = app.show.state.version
        started = time.perf_counter()
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(size[0] // 2, size[1] // 2), button=1, touch=False))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(size[0] // 2, size[1] // 2), button=1, touch=False))
        while True:
            drew = app.step()
            if drew and app.show.state.version != before:
                break
        latencies.append(time.perf_counter() - started)
    app.close()
    return summary(latencies)


STARTUP_PROBE = """
import os, sys, time
os.environ["SDL_VIDEODRIVER"] = os.environ["SDL_AUDIODRIVER"] = "dummy"
from pathlib import Path
from installation.content.load import load_library
from installation.kiosk.app import App, Options
library, _ = load_library(Path(sys.argv[1]))
app = App(library, Options(size=(int(sys.argv[2]), int(sys.argv[3])), headless=True, audio=False))
app.step()
print(time.time())
"""


def startup(config: Path, size: tuple[int, int], rounds: int = 5) -> dict:
    times = []
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    for _ in range(rounds):
        started = time.time()
        out = subprocess.run([sys.executable, "-c", STARTUP_PROBE, str(config), str(size[0]), str(size[1])],
                             capture_output=True, text=True, env=env, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]) - started)
    return summary(times)


def run(args: argparse.Namespace) -> int:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from .content.load import load_library
    from .content.project import default_config

    config = args.config or default_config().with_name("demo.yaml")
    library, problems = load_library(config)
    if library is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    story = args.story or max(library.stories, key=lambda s: len(library.stories[s].scenes))
    results: dict = {"config": str(config), "story": story, "frames": {}}
    for name in args.sizes.split(","):
        size = SIZES.get(name) or tuple(int(x) for x in name.split("x"))
        label = f"{size[0]}x{size[1]}"
        results["frames"][label] = frame_times(config, story, size, args.frames)
        for kind, numbers in results["frames"][label].items():
            print(f"frame  {label:>9}  {kind:<10} p50 {numbers['p50_ms']:6.2f} ms  p99 {numbers['p99_ms']:6.2f} ms")
        results["frames"][label]["peak_rss_mib_so_far"] = peak_rss_mib()
        print(f"peak RSS after {label}: {results['frames'][label]['peak_rss_mib_so_far']} MiB")
    results["startup_to_first_frame"] = startup(config, (1920, 1080))
    print(f"start-up to first frame (1920x1080)  p50 {results['startup_to_first_frame']['p50_ms']:.0f} ms  "
          f"p99 {results['startup_to_first_frame']['p99_ms']:.0f} ms")
    results["tap_to_changed_frame"] = tap_latency(config, (1920, 1080))
    print(f"tap to changed frame (1920x1080)     p50 {results['tap_to_changed_frame']['p50_ms']:.1f} ms  "
          f"p99 {results['tap_to_changed_frame']['p99_ms']:.1f} ms")
    if not args.no_osc:
        from .control.bench import osc_flood, osc_latency

        osc = results["osc"] = osc_latency(config)
        print(f"OSC command to state at {osc['rate']:.0f}/s       p50 {osc['p50_ms']:.2f} ms  p99 {osc['p99_ms']:.2f} ms"
              f"  ({osc['applied']} of {osc['sent']} applied)")
        flood = results["osc_flood"] = osc_flood(config)
        print(f"OSC flood of {flood['count']} messages         frame p50 {flood['frame_p50_ms']:.1f} ms  "
              f"p99 {flood['frame_p99_ms']:.1f} ms; /go from a second client {flood['go_ms']} ms")
    results["peak_rss_mib"] = peak_rss_mib()
    print(f"peak RSS {results['peak_rss_mib']} MiB")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0
