"""OSC command-to-state latency, for `installation bench` (and the flood test): headless, on the calling thread."""

from __future__ import annotations

import bisect
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

DEFAULT_CONFIG = Path(__file__).resolve().parents[2] / "config" / "demo.yaml"


_SENDER = r"""
import socket, struct, sys, time
host, port, rate, count, tcp = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "1"
def message(value):
    return b"/volume\0,f\0\0" + struct.pack(">f", value)
def slip(packet):
    return b"\xc0" + packet.replace(b"\xdb", b"\xdb\xdd").replace(b"\xc0", b"\xdb\xdc") + b"\xc0"
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM if tcp else socket.SOCK_DGRAM)
if tcp:
    sock.connect((host, port))
out = sys.stdout
time.sleep(0.8)
start = time.perf_counter()
for i in range(count):
    due = start + i / rate
    while (now := time.perf_counter()) < due:
        if due - now > 0.002:
            time.sleep(due - now - 0.001)
    packet = message((i % 999 + 1) / 1000)
    out.write(f"{i} {time.perf_counter()!r}\n")
    if tcp:
        sock.sendall(slip(packet))
    else:
        sock.sendto(packet, (host, port))
out.flush()
"""


def _as_remote_host() -> None:
    """The load generator stands in for another machine on the gallery network: on this one it must not take the
    CPU the kiosk would have to itself there, so it runs at the lowest priority."""
    os.nice(19)


def _percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def run_loop(app, until: float) -> None:
    """App.run()'s loop until `until` (time.monotonic), without closing."""
    while app.running and time.monotonic() < until:
        app.turn()


def settle(app, longest: float = 10.0) -> None:
    """Run the loop until the kiosk has nothing left to do (its pictures decoded, the story cards read), as a kiosk
    a technician finds running: start-up work is not what a fader's messages wait for."""
    until = time.monotonic() + longest
    while app.running and not app.idle() and time.monotonic() < until:
        app.turn()


def _match(sent_at: list[float], seen: dict[int, list[float]]) -> list[float]:
    """Latency (ms) of each message i (value key i % 999 + 1): the first time its key was seen after it was sent and
    before the next message with the same key was sent."""
    out = []
    for i, sent in enumerate(sent_at):
        times = seen.get(i % 999 + 1, [])
        j = bisect.bisect_left(times, sent)
        limit = sent_at[i + 999] if i + 999 < len(sent_at) else float("inf")
        if j < len(times) and times[j] < limit:
            out.append((times[j] - sent) * 1000)
    return out


def make_app(config: Path | None = None, resolution: tuple[int, int] = (1920, 1080)):
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from ..content.load import load_library
    from ..kiosk.app import App, Options

    library, problems = load_library(config or DEFAULT_CONFIG)
    if library is None:
        raise RuntimeError(f"{config}: cannot load: {problems}")
    return App(library, Options(size=resolution, headless=True, audio=False))


def osc_latency(config: Path | None = None, rate: float = 2000.0, seconds: float = 2.0,
                resolution: tuple[int, int] = (1920, 1080), screen: str = "story", app: Any = None,
                tcp: bool = False) -> dict:
    """Send `/volume f` (a new value each time) at `rate` messages/s for `seconds` over UDP (or TCP) to a headless
    kiosk's OSC server and time each one from sending to the moment the show applied it (the App's volume effect,
    on the main thread). The kiosk first goes to `screen` ("story" plays the first story: Ken Burns, captions;
    "chooser" is a still screen; "attract" the idle loop). Runs the App loop on the calling thread.

    The App takes commands between frames, so p50/p99 (send → applied to the show) include waiting for the frame
    being drawn; network_p50_ms/network_p99_ms time send → handed to the App (App.post) on their own.

    Returns {"rate", "seconds", "sent", "applied", "lost", "p50_ms", "p99_ms", "max_ms", "network_p50_ms",
    "network_p99_ms", "frame_p50_ms", "frame_p99_ms", "resolution", "screen", "transport"}.
    Pass `app` to measure an App you built (it is not closed)."""
    from ..show.commands import make
    from .server import OscServer, Settings

    own = app is None
    if own:
        app = make_app(config, resolution)
    if screen == "story":
        app.dispatch(make("go", next(iter(app.library.stories))))
    elif screen == "chooser":
        app.dispatch(make("begin"))
    server = OscServer(app, Settings(port=0, rate_limit=1e6, burst=1_000_000, min_go_interval=0)).start()
    settle(app)
    applied: dict[int, list[float]] = {}  # volume key (level × 1000) → times the show applied it
    posted: dict[int, list[float]] = {}  # … and times the network thread handed it to the App

    def on_effect(effect) -> None:
        if effect.kind == "volume":
            applied.setdefault(round(effect.data["level"] * 1000), []).append(time.perf_counter())

    original_post = app.post

    def timed_post(commands, reply=None, states=frozenset()) -> None:
        for command in commands:
            if command.name == "volume":
                posted.setdefault(round(command.args[0] * 1000), []).append(time.perf_counter())
        original_post(commands, reply, states)

    app.post = timed_post
    app.effect_listeners.append(on_effect)
    count = int(rate * seconds)
    # The sender is another process (as a technician's console would be), so that it does not compete with the
    # kiosk for the GIL; perf_counter is the system-wide monotonic clock on Linux, comparable across processes.
    proc = subprocess.Popen([sys.executable, "-c", _SENDER, "127.0.0.1", str(server.port), str(rate), str(count),
                             "1" if tcp else "0"], stdout=subprocess.PIPE, text=True,
                            preexec_fn=_as_remote_host)
    sent_at: list[float] = []
    reader_done = threading.Event()

    def read_sender() -> None:
        for line in proc.stdout:  # "index perf_counter" as each is sent, before sending
            try:
                index, stamp = line.split()
                sent_at.append(float(stamp))
            except ValueError:
                pass
        reader_done.set()

    reader = threading.Thread(target=read_sender, name="osc-bench-reader", daemon=True)
    try:
        frame_times: list[float] = []
        app.frame_times = frame_times
        reader.start()
        run_loop(app, time.monotonic() + 1.0 + seconds + 0.5)
        proc.wait(timeout=10)
        reader_done.wait(timeout=5)
    finally:
        if proc.poll() is None:
            proc.kill()
        app.frame_times = None
        del app.post
        app.effect_listeners.remove(on_effect)
        server.close()
        if own:
            app.close()
    latencies = _match(sent_at, applied)
    network = _match(sent_at, posted)
    return {
        "rate": rate, "seconds": seconds, "sent": len(sent_at), "applied": len(latencies),
        "lost": len(sent_at) - len(latencies),
        "p50_ms": round(_percentile(latencies, 50), 3), "p99_ms": round(_percentile(latencies, 99), 3),
        "max_ms": round(max(latencies), 3) if latencies else float("nan"),
        "network_p50_ms": round(_percentile(network, 50), 3), "network_p99_ms": round(_percentile(network, 99), 3),
        "frame_p50_ms": round(_percentile([t * 1000 for t in frame_times], 50), 3),
        "frame_p99_ms": round(_percentile([t * 1000 for t in frame_times], 99), 3),
        "resolution": list(resolution), "screen": screen, "transport": "tcp" if tcp else "udp",
    }


_FLOODER = r"""
import socket, struct, sys, time
host, port, count, second = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
story = sys.argv[5]
def pad(raw):
    return raw + b"\0" * (4 - len(raw) % 4)
def message(address, tags="", *args):
    body = b""
    for tag, arg in zip(tags, args):
        body += struct.pack(">f", arg) if tag == "f" else struct.pack(">i", arg) if tag == "i" else pad(arg.encode())
    return pad(address.encode()) + pad(("," + tags).encode()) + body
kinds = [message("/volume", "f", 0.5), message("/thump"), message("/state"), message("/mute", "i", 0),
         message("/nowhere"), b"/bad\0\0\0\0,x\0\0", message("/volume/+", "f", 0.01), b"#bundle\0" + b"\0" * 4]
flood = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
flood.bind(("127.0.0.1", 0))
other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
other.bind((second, 0))
time.sleep(0.8)
start = time.perf_counter()
go_at = None
for i in range(count):
    if i == count // 2:
        go_at = time.perf_counter()
        other.sendto(message("/go", "s", story), (host, port))
    flood.sendto(kinds[i % len(kinds)], (host, port))
end = time.perf_counter()
print(f"{start!r} {end!r} {go_at!r}", flush=True)
"""


def osc_flood(config: Path | None = None, count: int = 10_000, resolution: tuple[int, int] = (1920, 1080),
              second_source: str = "127.0.0.2", app: Any = None, threaded_motion: bool = True) -> dict:
    """A flood of `count` messages (valid, invalid and malformed) at full speed from one source while the first story
    plays; halfway through, a /go for the second story from another source address (`second_source`, a loopback
    address by default). Uses the kiosk's default OSC limits. Returns {"count", "flood_ms", "go_ms" (send → story
    started), "frame_p50_ms", "frame_p99_ms", "turn_p99_ms" (whole loop turns during the flood), "dropped"
    (rate-limited + malformed), "resolution"}."""
    from ..show.commands import make
    from .server import OscServer, Settings

    own = app is None
    if own:
        app = make_app(config, resolution)
    if not threaded_motion:
        from ..kiosk.motion import KenBurns

        app.motion.close()
        app.motion = KenBurns(app.clock, threaded=False)
    stories = list(app.library.stories)
    app.dispatch(make("go", stories[0]))
    server = OscServer(app, Settings(port=0, allow=("127.0.0.0/8",))).start()
    started: list[float] = []

    def on_effect(effect) -> None:
        if effect.kind == "stat" and effect.data.get("event") == "story_started" and \
                effect.data.get("story") == stories[-1]:
            started.append(time.perf_counter())

    app.effect_listeners.append(on_effect)
    proc = subprocess.Popen([sys.executable, "-c", _FLOODER, "127.0.0.1", str(server.port), str(count), second_source,
                             stories[-1]], stdout=subprocess.PIPE, text=True,
                            preexec_fn=_as_remote_host)
    frame_times: list[float] = []
    turns: list[tuple[float, float]] = []
    try:
        app.frame_times = frame_times
        stop = time.monotonic() + 4.0
        while app.running and time.monotonic() < stop:
            t0 = time.perf_counter()
            before = len(frame_times)
            drew = app.step()
            turns.append((t0, time.perf_counter() - t0))
            if len(frame_times) > before:
                frame_times[-1] = (t0, frame_times[-1])  # type: ignore[call-overload]
            if not drew:
                time.sleep(0.004)
        out, _ = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        app.frame_times = None
        app.effect_listeners.remove(on_effect)
        stats = dict(server.stats)
        server.close()
        if own:
            app.close()
    flood_start, flood_end, go_at = (float(x) for x in out.split())
    # the flood and the second afterwards, while the kiosk works through what the kernel buffered
    window = [d for t, d in frame_times if flood_start - 0.05 <= t <= flood_end + 1.0]  # type: ignore[misc]
    turn_window = [d for t, d in turns if flood_start - 0.05 <= t <= flood_end + 1.0]
    return {
        "count": count, "flood_ms": round((flood_end - flood_start) * 1000, 1),
        "go_ms": round((started[0] - go_at) * 1000, 2) if started else None,
        "frames": len(window),
        "frame_p50_ms": round(_percentile([d * 1000 for d in window], 50), 2),
        "frame_p99_ms": round(_percentile([d * 1000 for d in window], 99), 2),
        "turn_p99_ms": round(_percentile([d * 1000 for d in turn_window], 99), 2),
        "dropped": stats["rate_limited"] + stats["malformed"], "received": stats["received"],
        "resolution": list(resolution),
    }
