"""Deploy tests: the real playbooks in deploy/ run by ansible-playbook with a local connection into temporary folders
(each "kiosk" is a folder on this machine), on a copy of the small ops fixture project."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.ops.conftest import ops_project

REPO = Path(__file__).resolve().parents[2]
VENV = Path(sys.prefix)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # Ansible's ~/.ansible goes there, not the user's
    monkeypatch.setenv("ANSIBLE_REMOTE_TEMP", str(tmp_path / "ansible-remote"))
    (tmp_path / "home").mkdir()


@pytest.fixture
def project(tmp_path) -> Path:
    """The ops tests' small project with a second exhibition file (config/second.yaml) for a second kiosk."""
    root = ops_project(tmp_path / "project").parents[1]
    text = (root / "config" / "ops.yaml").read_text(encoding="utf-8")
    (root / "config" / "second.yaml").write_text(text.replace("screen_name: ops-1", "screen_name: ops-2"),
                                                 encoding="utf-8")
    return root


def kiosk_vars(base: Path, exhibition: str, port: int, wait: float = 1) -> dict:
    return {"ansible_connection": "local", "ansible_python_interpreter": sys.executable, "kiosk_base": str(base),
            "kiosk_venv": str(VENV), "kiosk_exhibition": exhibition, "kiosk_osc_port": port,
            "kiosk_reload_wait": wait, "kiosk_check_args": ["--no-audio"], "kiosk_service": False}


def write_inventory(path: Path, hosts: dict[str, dict]) -> Path:
    path.write_text(yaml.safe_dump({"all": {"children": {"kiosks": {"hosts": hosts}}}}), encoding="utf-8")
    return path


def deploy(*argv: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """`installation deploy …`, which runs ansible-playbook; stdout and stderr together."""
    return subprocess.run([sys.executable, "-m", "installation", "deploy", *argv], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO)


def start_deploy(*argv: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "installation", "deploy", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, cwd=REPO, start_new_session=True)


def kill_group(process: subprocess.Popen) -> None:
    """A power cut, as near as a test gets: everything the run started dies at once, nothing cleans up."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate(timeout=60)


def wait_for(condition, timeout: float = 120.0, every: float = 0.01) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False
