"""The Ansible inventory made from the fleet file, read back by Ansible itself (ansible-inventory)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import REPO


def test_inventory_from_the_fleet_file(tmp_path):
    fleet = tmp_path / "fleet.yaml"
    fleet.write_text("kiosks:\n"
                     "  - {name: kiosk-1, host: 10.0.20.11, port: 53100, groups: [foyer]}\n"
                     "  - {name: kiosk-2, host: 10.0.20.12, port: 53101, groups: [foyer, upper-floor]}\n"
                     "  - {name: bench, host: 127.0.0.1}\n", encoding="utf-8")
    out = tmp_path / "inventory.yml"
    done = subprocess.run([sys.executable, "-m", "installation", "deploy", "inventory", "--fleet", str(fleet), "-o",
                           str(out)], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    listed = subprocess.run([str(Path(sys.executable).parent / "ansible-inventory"), "-i", str(out), "--list"],
                            capture_output=True, text=True, cwd=tmp_path, env={"HOME": str(tmp_path), "PATH": ""})
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    hostvars = data["_meta"]["hostvars"]
    assert sorted(data["kiosks"]["hosts"]) == ["bench", "kiosk-1", "kiosk-2"]
    assert data["foyer"]["hosts"] == ["kiosk-1", "kiosk-2"] and data["upper_floor"]["hosts"] == ["kiosk-2"]
    assert hostvars["kiosk-2"] == {"ansible_host": "10.0.20.12", "kiosk_osc_port": 53101}
    assert hostvars["bench"]["ansible_connection"] == "local" and hostvars["bench"]["kiosk_osc_port"] == 53100


def test_a_broken_fleet_file_is_reported_plainly(tmp_path):
    fleet = tmp_path / "fleet.yaml"
    fleet.write_text("kiosks:\n  - {name: kiosk-1}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "installation", "deploy", "content", "--fleet", str(fleet)],
                          capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("deploy: ") and "host" in done.stderr, done.stderr
