"""Statistics under `kill -9`: a child records a visit's events (one every 20 ms, as a busy kiosk might) and is killed
at a random moment, 20 times. Nothing recorded more than 0.2 s before the kill may be lost."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KILLS = 20

CHILD = """
import sys, time
from installation.ops.stats import Recorder
from installation.show.state import Effect
r = Recorder(sys.argv[1], 'k', 'x')
seq = 0
while True:
    seq += 1
    r(Effect('stat', {'event': 'scene_reached', 'story': 'alpha', 'scene': seq, 'language': 'en'}))
    print(seq, time.monotonic(), flush=True)
    time.sleep(0.02)
"""


def one_kill(db: Path, after: float) -> tuple[int, int, int]:
    """(events recorded, lost, lost though recorded more than 0.2 s before the kill)."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db)], cwd=REPO,
                             stdout=subprocess.PIPE, text=True)
    recorded: dict[int, float] = {}
    first = child.stdout.readline().split()
    recorded[int(first[0])] = float(first[1])
    start = time.monotonic()
    while time.monotonic() - start < after:
        seq, at = child.stdout.readline().split()
        recorded[int(seq)] = float(at)
    child.send_signal(signal.SIGKILL)
    killed_at = time.monotonic()
    rest = child.stdout.read().split("\n")
    child.wait(30)
    for line in rest:
        if line.strip():
            seq, at = line.split()
            recorded[int(seq)] = float(at)
    with sqlite3.connect(db) as conn:
        kept = {row[0] for row in conn.execute("SELECT scene FROM events")}
    lost = [seq for seq in recorded if seq not in kept]
    old = [seq for seq in lost if recorded[seq] < killed_at - 0.2]
    return len(recorded), len(lost), len(old)


def test_twenty_kills_lose_nothing_older_than_a_fifth_of_a_second(tmp_path):
    rng = random.Random(10)
    total = lost = old = 0
    worst = 0
    for kill in range(KILLS):
        n, missing, stale = one_kill(tmp_path / f"{kill}.sqlite3", rng.uniform(0.5, 3.0))
        total, lost, old, worst = total + n, lost + missing, old + stale, max(worst, missing)
    print(f"\n{KILLS} kills: {total} events recorded, {lost} lost (at most {worst} in one kill), {old} of them "
          f"recorded more than 0.2 s before the kill")
    assert old == 0
