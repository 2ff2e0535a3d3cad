"""Fleet statistics: `installation report --inventory …` fetches every kiosk's database with the real playbook
(deploy/stats.yml, Ansible's fetch) and builds one report; a kiosk whose database cannot be read is named."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import datetime, timezone

from installation.ops.stats import open_recorder

from .conftest import REPO, kiosk_vars, write_inventory


def record(path, kiosk: str, events: list[dict]) -> None:
    recorder = open_recorder(path, kiosk, "ops-test", now=lambda: datetime(2026, 3, 7, 16, 0, tzinfo=timezone.utc))
    for event in events:
        recorder.record(event)
    recorder.close()  # still in WAL mode: the snapshot on the kiosk must take what the log holds


def test_report_over_the_fleet(tmp_path):
    one, two = tmp_path / "one.sqlite3", tmp_path / "two.sqlite3"
    record(one, "kiosk-1", [{"event": "session_started"}, {"event": "story_started", "story": "alpha",
                            "language": "en", "text_size": 1}, {"event": "story_completed", "story": "alpha"}])
    record(two, "kiosk-2", [{"event": "session_started"}, {"event": "session_started"},
                            {"event": "story_started", "story": "alpha", "language": "en", "text_size": 1}])
    hosts = {}
    for name, db in (("kiosk-1", one), ("kiosk-2", two), ("kiosk-3", tmp_path / "missing.sqlite3")):
        hosts[name] = kiosk_vars(tmp_path / name, "ops", 0) | {"kiosk_stats_db": str(db)}
    inventory = write_inventory(tmp_path / "inventory.yml", hosts)
    out = tmp_path / "report"
    done = subprocess.run([sys.executable, "-m", "installation", "report", "--inventory", str(inventory), "-o",
                           str(out)], capture_output=True, text=True, cwd=REPO, timeout=600)
    text = done.stdout + done.stderr
    assert done.returncode == 3, text  # a report, with a kiosk missing from it
    assert "kiosk-1: 3 events from" in text and "kiosk-2: 3 events from" in text
    assert "kiosk-3: no statistics: " in text and "missing.sqlite3" in text
    assert "no statistics from: kiosk-3" in text and "Traceback" not in text
    assert "6 events from 2 kiosk(s) (kiosk-1, kiosk-2)" in text
    with (out / "kiosks.csv").open(newline="", encoding="utf-8") as handle:
        kiosks = {row["kiosk"]: row for row in csv.DictReader(handle)}
    assert kiosks["kiosk-1"]["sessions"] == "1" and kiosks["kiosk-2"]["sessions"] == "2"
    with (out / "stories.csv").open(newline="", encoding="utf-8") as handle:
        alpha = next(row for row in csv.DictReader(handle) if row["story"] == "alpha")
    assert (alpha["started"], alpha["completed"]) == ("2", "1")
    assert not list(tmp_path.glob("kiosk-*/stats-snapshot.sqlite3"))  # the copies on the kiosks are removed
