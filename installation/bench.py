"""`installation bench`: the kiosk as a gallery runs it (sound on, image and Ken Burns workers on): frame times per
scene kind and during a visitor's taps, the first picture after Continue, CPU per screen, memory after stories,
cold start of the real command, a soak of scene changes, tap and OSC latency. `--json` writes every row."""

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
    parser.add_argument("--cpu-seconds", type=float, default=10.0, help="how long each screen's CPU is measured")
    parser.add_argument("--rounds", type=int, default=5, help="taps of each kind for the during-a-tap frame times")
    parser.add_argument("--soak", type=int, default=10_000, help="scene changes in the soak (0: skip it)")
    parser.add_argument("--only", help="comma-separated rows to run: frames, actions, cpu, memory, cold, soak, tap, osc, "
                        "sync")
    parser.add_argument("--sync-runs", type=int, default=5, help="synchronised starts per sync row (default 5)")
    parser.add_argument("--table", type=Path, nargs="+", metavar="JSON",
                        help="measure nothing: print the README's table from a --json result (NEW, or OLD NEW)")


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
    return App(library, Options(size=size, headless=True))  # sound on, as in a gallery


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
    """From a tap on the attract screen to the frame showing the chooser, 20 times."""
    import pygame

    from .show.commands import make

    app = _app(config, size)
    app.images.wait_all()
    settle = time.monotonic() + 1.0  # a visitor comes up to a kiosk that has been running a while
    while time.monotonic() < settle:
        app.turn()
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
app = App(library, Options(size=(int(sys.argv[2]), int(sys.argv[3])), headless=True))
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


def _row(label: str, numbers: dict) -> str:
    def ms(key: str) -> str:
        value = numbers.get(key)
        return f"{value:7.2f}" if isinstance(value, (int, float)) else "      -"
    return f"{label:<44} p50 {ms('p50_ms')} ms  p99 {ms('p99_ms')} ms  max {ms('max_ms')} ms"


FRAME_BUDGET = "p99 ≤ 16.7 ms (≤ 33 ms at 4K)"
TAP_BUDGET = "p99 ≤ 16.7 ms, max ≤ 33 ms"
CPU_TARGETS = {"attract": "≤ 6 % at ≥ 30 fps", "chooser": "≤ 2 %", "note": "≤ 2 %", "story": "≤ 12 %",
               "paused": "≤ 2 %", "end": "≤ 2 %"}


def table_rows(result: dict) -> dict[str, tuple[str, str]]:
    """measure → ("p50 / p99" or the one number, target) for each row a result has."""
    rows: dict[str, tuple[str, str]] = {}

    def ms(numbers: dict, *keys: str) -> str:
        return " / ".join("–" if numbers.get(k) is None else f"{numbers[k]:g}" for k in keys) + " ms"

    for label, kinds in result.get("frames", {}).items():
        for kind, numbers in kinds.items():
            if isinstance(numbers, dict):
                rows[f"frame at {label}, {kind.replace('_', ' ')} (p50 / p99)"] = (ms(numbers, "p50_ms", "p99_ms"),
                                                                               FRAME_BUDGET)
    actions = result.get("actions", {})
    for name, numbers in actions.get("during", {}).items():
        rows[f"frame during {name.replace('cycle_language', 'language switch')} (p50 / p99 / max)"] = \
            (ms(numbers, "p50_ms", "p99_ms", "max_ms"), TAP_BUDGET)
    first = actions.get("first_picture")
    if first:
        rows["first illustration after Continue (p50 / max; frames before it, max)"] = \
            (f"{ms(first, 'p50_ms', 'max_ms')}; {first['frames_before_max']} frames", "no black frame")
    for name, numbers in result.get("cpu", {}).items():
        rows[f"CPU, {name} (% of a core, frames/s)"] = (f"{numbers['cpu_pct']:g} %, {numbers['fps']:g} fps",
                                                        CPU_TARGETS.get(name, ""))
    for label, memory in result.get("memory", {}).items():
        rows[f"PSS after three stories at {label} (attract at start)"] = \
            (f"{memory['pss_mib']:g} MiB ({memory['attract_pss_mib']:g})", "≤ 100 MiB" if label == "1920x1080" else "")
    cold = result.get("cold_start")
    if cold:
        rows["cold start of `installation play` to its first frame (p50 / p99 wall; CPU p50)"] = \
            (f"{ms(cold, 'p50_ms', 'p99_ms')}; {cold['cpu_s_p50']:g} CPU-s", "≤ 0.5 s wall, median of 5")
    soak = result.get("soak")
    if soak:
        rows[f"soak, {soak['changes']:,} OSC scene changes: RSS after the first 1,000 → end; fds"] = \
            (f"{soak['rss_growth_after_1000_mib']:+g} MiB; {soak['fds_growth']:+d} fds", "≤ +2 MiB, fds flat")
    if "tap_to_changed_frame" in result:
        rows["tap to changed frame (p50 / p99)"] = (ms(result["tap_to_changed_frame"], "p50_ms", "p99_ms"), "")
    osc = result.get("osc")
    if osc:
        rows["OSC command to state at 2,000/s (p50 / p99)"] = (ms(osc, "p50_ms", "p99_ms"), "p99 ≤ 5 ms")
    return rows


def table(paths: list[Path]) -> str:
    results = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    old, new = (results if len(results) == 2 else ({}, results[0]))
    old_rows, new_rows = table_rows(old), table_rows(new)
    head = "| measure (1920×1080 unless said) | before | after | target |\n|---|---|---|---|"
    lines = [head]
    for measure, (value, target) in new_rows.items():
        lines.append(f"| {measure} | {old_rows.get(measure, ('–',))[0]} | {value} | {target} |")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.table:
        print(table(args.table))
        return 0
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from .bench_kiosk import cold_start, in_fresh_process
    from .content.load import load_library
    from .content.project import default_config

    config = (args.config or default_config()).resolve()
    library, problems = load_library(config)
    if library is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    rows = set((args.only or "frames,actions,cpu,memory,cold,soak,tap,osc,sync").split(","))
    story = args.story or max(library.stories, key=lambda s: len(library.stories[s].scenes))
    hd = (1920, 1080)
    results: dict = {"config": str(config), "story": story, "audio": True, "frames": {}}
    sizes = [SIZES.get(name) or tuple(int(x) for x in name.split("x")) for name in args.sizes.split(",")]
    if "frames" in rows:
        for size in sizes:
            label = f"{size[0]}x{size[1]}"
            results["frames"][label] = frame_times(config, story, size, args.frames)
            for kind, numbers in results["frames"][label].items():
                print(_row(f"frame {label} {kind}", numbers))
    if "actions" in rows:
        actions = results["actions"] = in_fresh_process("actions", config, hd, args.rounds)
        for name, numbers in actions["during"].items():
            print(_row(f"frame during {name} (1920x1080, sound on)", numbers))
        first = actions["first_picture"]
        print(f"first picture after continue: p50 {first['p50_ms']} ms, max {first['max_ms']} ms; frames before it "
              f"p50 {first['frames_before_p50']}, max {first['frames_before_max']}")
    if "cpu" in rows:
        cpu = results["cpu"] = in_fresh_process("cpu", config, hd, float(args.cpu_seconds))
        for name, numbers in cpu.items():
            print(f"CPU {name:<8} (1920x1080) {numbers['cpu_pct']:5.1f} % of a core  {numbers['fps']:5.1f} frames/s  "
                  f"({numbers['cpu_s']} CPU-s in {numbers['wall_s']} s)")
    if "memory" in rows:
        results["memory"] = {}
        for size in sizes:
            label = f"{size[0]}x{size[1]}"
            memory = results["memory"][label] = in_fresh_process("memory", config, size, 3)
            print(f"PSS {label}: attract {memory['attract_pss_mib']} MiB, after 3 stories {memory['pss_mib']} MiB "
                  f"(RSS {memory['rss_mib']} MiB)")
    if "cold" in rows:
        cold = results["cold_start"] = cold_start(args.config and config)
        print(_row("cold start of installation play (first frame)", cold) +
              f"  CPU p50 {cold['cpu_s_p50']} s")
    if "soak" in rows and args.soak:
        soak = results["soak"] = in_fresh_process("soak", config, hd, args.soak)
        print(f"soak {soak['changes']} scene changes over OSC in {soak['seconds']} s: RSS "
              f"{soak['curve'][0]['rss_mib']} -> {soak['curve'][-1]['rss_mib']} MiB "
              f"({soak['rss_growth_after_1000_mib']:+} MiB after the first 1,000; largest {soak['rss_max_mib']} MiB), "
              f"fds {soak['fds_growth']:+d}")
        print("  curve (changes: RSS / decoded pictures / main heap MiB / fds, read with the scene settled): " + ", ".join(
            f"{c['changes']}: {c['rss_mib']}/{c.get('images_mib', '-')}/{c.get('heap_mib', '-')}/{c['fds']}"
            f"{'' if c.get('settled', True) else ' (unsettled)'}"
            for c in soak["curve"]))
    if "tap" in rows:
        results["startup_to_first_frame"] = startup(config, hd)
        print(_row("start-up to first frame (App only)", results["startup_to_first_frame"]))
        results["tap_to_changed_frame"] = tap_latency(config, hd)
        print(_row("tap to changed frame", results["tap_to_changed_frame"]))
    if "osc" in rows and not args.no_osc:
        from .control.bench import osc_flood, osc_latency

        osc = results["osc"] = osc_latency(config)
        print(f"OSC command to state at {osc['rate']:.0f}/s       p50 {osc['p50_ms']:.2f} ms  p99 {osc['p99_ms']:.2f} ms"
              f"  ({osc['applied']} of {osc['sent']} applied)")
        flood = results["osc_flood"] = osc_flood(config)
        print(f"OSC flood of {flood['count']} messages         frame p50 {flood['frame_p50_ms']:.1f} ms  "
              f"p99 {flood['frame_p99_ms']:.1f} ms; /go from a second client {flood['go_ms']} ms")
    if "sync" in rows:  # three kiosk processes, one under faketime +2 s (docs/fleet.md)
        from .fleet.bench import bench as sync_bench

        sync = results["sync"] = sync_bench(args.sync_runs)
        for row, label in (("loopback", "loopback"), ("delayed", "30 ms path to one")):
            first, later = sync[row]["first_frame_ms"], sync[row]["later_boundaries_ms"]
            print(f"sync spread, 3 kiosks, {label:<17} first frame p50 {first['p50']:.2f} ms  p99 {first['p99']:.2f} "
                  f"ms; later boundaries p50 {later['p50']:.2f} ms  p99 {later['p99']:.2f} ms (n={later['n']})")
    results["peak_rss_mib"] = peak_rss_mib()
    print(f"peak RSS of the bench process {results['peak_rss_mib']} MiB")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0
