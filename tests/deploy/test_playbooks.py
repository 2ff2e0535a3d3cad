"""The real playbooks (deploy/content.yml, rollback.yml) run by ansible-playbook, local connection, into temporary
kiosk folders; a real headless kiosk plays from one of them and reports the release it shows in /state."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from installation.control.client import OscClient
from installation.ops import release as rel

from .conftest import deploy, free_port, kill_group, kiosk_vars, start_deploy, wait_for, write_inventory

pytestmark = pytest.mark.timeout(900)


def live(base: Path) -> str | None:
    """The release a kiosk folder plays, after checking it is complete: every file as its manifest says."""
    release = rel.current(base)
    if release is not None:
        assert rel.verify(base / "current") == [], f"{base}/current is not one whole release"
    return release


def shown_release(port: int) -> str | None:
    with OscClient("127.0.0.1", port, timeout=2.0) as client:
        return release_of(client.request("/state", timeout=2.0))


def release_of(reply: dict | None) -> str | None:
    return ((reply or {}).get("data") or {}).get("release") if reply else None


def answers(process: subprocess.Popen, port: int, timeout: float = 120) -> bool:
    """Ask for /state until the starting kiosk shows a release (a datagram sent before it listens is lost, so each
    ask waits briefly; one socket for all, so a late answer to an earlier ask still counts)."""
    with OscClient("127.0.0.1", port) as client:
        up = wait_for(lambda: process.poll() is not None or release_of(client.request("/state", timeout=0.2)),
                      timeout=timeout, every=0.0)
    return up and process.poll() is None


@pytest.fixture
def running_kiosk(tmp_path):
    """Start a real headless kiosk from a deployed folder's current/ (as the systemd unit does)."""
    started = []

    def start(base: Path, exhibition: str, port: int) -> subprocess.Popen:
        log = open(tmp_path / f"kiosk-{port}.log", "w")
        process = subprocess.Popen([sys.executable, "-m", "installation", "play", "--headless", "--no-watch",
                                    "--config", str(base / "current" / "config" / f"{exhibition}.yaml"),
                                    "--osc-port", str(port)], stdout=log, stderr=subprocess.STDOUT)
        started.append((process, log))
        assert answers(process, port), "the kiosk did not answer /state"
        return process

    yield start
    for process, log in started:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_deploy_a_failing_check_and_rollback(project, tmp_path, running_kiosk):
    port_a, port_b = free_port(), free_port()
    inventory = write_inventory(tmp_path / "inventory.yml", {
        "kiosk-a": kiosk_vars(tmp_path / "a", "ops", port_a, wait=60),
        "kiosk-b": kiosk_vars(tmp_path / "b", "second", port_b)})
    first = rel.loaded_release(project)

    done = deploy("content", "-i", str(inventory), "--project", str(project))
    assert done.returncode == 0, done.stdout + done.stderr
    assert live(tmp_path / "a") == first and live(tmp_path / "b") == first
    assert f"kiosk-b: now plays {first} (was nothing)" in done.stdout
    kiosk = running_kiosk(tmp_path / "a", "ops", port_a)
    assert shown_release(port_a) == first

    # new content: kiosk-a's check passes; kiosk-b's exhibition file is broken, so its check fails
    story = project / "stories" / "alpha.yaml"
    story.write_text(story.read_text(encoding="utf-8") + "# revised\n", encoding="utf-8")
    second_file = project / "config" / "second.yaml"
    second_file.write_text(second_file.read_text(encoding="utf-8") + "colour: purple\n", encoding="utf-8")
    second = rel.loaded_release(project)
    done = deploy("content", "-i", str(inventory), "--project", str(project))
    out = done.stdout + done.stderr
    assert done.returncode != 0, out
    assert live(tmp_path / "a") == second and shown_release(port_a) == second
    assert f"kiosk-a: now plays {second} (was {first}); the kiosk shows it" in out
    assert live(tmp_path / "b") == first
    assert "kiosk-b: NOT deployed: 'installation check on the kiosk' failed" in out
    assert "colour" in out and f"it keeps playing {first}" in out
    assert "not deployed to: kiosk-b" in out and "Traceback" not in out
    assert sorted(p.name for p in (tmp_path / "b" / "releases").iterdir()) == [first]  # the refused copy is gone

    done = deploy("rollback", "-i", str(inventory), "--limit", "kiosk-a")
    assert done.returncode == 0, done.stdout + done.stderr
    assert live(tmp_path / "a") == first and shown_release(port_a) == first
    assert f"kiosk-a: rolled back to {first} (was {second})" in done.stdout
    assert kiosk.poll() is None  # reloaded in place, never restarted

    done = deploy("rollback", "-i", str(inventory), "--limit", "kiosk-b")  # nothing earlier to go back to
    assert done.returncode != 0 and "NOT rolled back (release: " in done.stdout and "no earlier release" in done.stdout
    assert live(tmp_path / "b") == first and "Traceback" not in done.stdout + done.stderr


def test_a_deploy_cut_short_leaves_the_old_release_or_the_new_one(project, tmp_path):
    """Kill the whole run (ansible-playbook and everything it started) while the copy is on its way, and again
    once the new release is unpacked; each time the kiosk folder holds one whole release, then a full run finishes."""
    fleet = tmp_path / "fleet.yaml"
    fleet.write_text(yaml.safe_dump({"kiosks": [{"name": "kiosk-1", "host": "127.0.0.1", "port": free_port()}]}),
                     encoding="utf-8")
    base = tmp_path / "kiosk"
    settings = {k: v for k, v in kiosk_vars(base, "ops", 0).items() if k not in ("ansible_connection", "kiosk_osc_port")}
    target = ["--fleet", str(fleet), "-e", json.dumps(settings)]  # the inventory is made from the fleet file
    done = deploy("content", *target, "--project", str(project))
    assert done.returncode == 0, done.stdout + done.stderr
    old = live(base)

    (project / "media" / "bulk.bin").write_bytes(os.urandom(4 << 20))  # a copy that takes a moment
    new = rel.loaded_release(project)
    releases = base / "releases"
    moments = {
        "while copying": lambda: any(p.name.startswith(rel.INCOMING) for p in releases.iterdir()),
        "once unpacked": lambda: (releases / f"{rel.INCOMING}{new}" / rel.MANIFEST).exists()
                                 or (releases / new).exists(),
    }
    for moment, condition in moments.items():
        run = start_deploy("content", *target, "--project", str(project))
        assert wait_for(lambda: condition() or run.poll() is not None, timeout=300), moment
        assert run.poll() is None, f"the run ended before it could be cut short {moment}"
        kill_group(run)
        assert live(base) in (old, new), moment  # one whole release, never a mix
    assert live(base) == old or live(base) == new

    done = deploy("content", *target, "--project", str(project))
    assert done.returncode == 0, done.stdout + done.stderr
    assert live(base) == new
    assert not [p for p in releases.iterdir() if p.name.startswith(rel.INCOMING)]  # cut-short copies cleaned up
    assert sorted(p.name for p in releases.iterdir()) == sorted({old, new})


def test_software_playbook_installs_the_program_and_its_unit(tmp_path):
    """deploy/software.yml into a temporary kiosk folder: no apt and no systemctl here, and the program's
    dependencies come from this test run's environment (a .pth file) instead of the package index."""
    base = tmp_path / "kiosk"
    venv = base / "app" / ".venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    site = subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    import sysconfig

    Path(site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    units = tmp_path / "units"
    units.mkdir()
    settings = {"ansible_connection": "local", "ansible_python_interpreter": sys.executable, "kiosk_base": str(base),
                "kiosk_exhibition": "ops", "kiosk_apt": False, "kiosk_service": False, "kiosk_become": False,
                "kiosk_unit_dir": str(units), "kiosk_pip_extra_args": "--no-deps", "kiosk_osc_port": 53123,
                "kiosk_metrics_port": 9464, "kiosk_play_args": ["--display", "1"]}
    inventory = write_inventory(tmp_path / "inventory.yml", {"kiosk-s": settings})
    done = deploy("software", "-i", str(inventory))
    assert done.returncode == 0, done.stdout + done.stderr
    unit = (units / "installation-kiosk.service").read_text(encoding="utf-8")
    assert re.search(rf"^ExecStart={re.escape(str(venv))}/bin/python[0-9.]* -m installation play --config "
                     rf"{re.escape(str(base))}/current/config/ops.yaml --no-watch --osc-port 53123 --metrics-port 9464 "
                     r"--metrics-host 127.0.0.1 --display 1$", unit, re.M), unit
    assert f"WorkingDirectory={base}/current" in unit and "Type=notify" in unit
    ran = subprocess.run([str(venv / "bin" / "python"), "-c", "import installation; print(installation.__file__)"],
                         capture_output=True, text=True, cwd=tmp_path, check=True)
    assert ran.stdout.startswith(site)  # the copy installed on the kiosk, not this checkout
