"""Long measurements of the attacks in issue 10 (kill -9 twenty times, a hung loop under the real watchdog interval,
1,000 idle TCP connections, a brute force from 100 addresses). They take minutes and measure wall-clock time, so
they are not part of the default suite: run them with

    INSTALLATION_ATTACKS=1 .venv/bin/python -m pytest -s tests/attacks

Each prints its figures (old behaviour beside new where the old one can still be configured)."""

from __future__ import annotations

import os

import pytest

collect_ignore_glob = [] if os.environ.get("INSTALLATION_ATTACKS") == "1" else ["test_*.py"]


def pytest_configure(config):
    config.addinivalue_line("markers", "attack: a long measurement of an attack (tests/attacks)")


@pytest.fixture(autouse=True)
def private_state(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    for name in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM"):
        monkeypatch.delenv(name, raising=False)
