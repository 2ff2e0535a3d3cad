"""Long measurements of the attacks in issue 10 (kill -9 twenty times, a hung loop under the unit's own watchdog
interval, 1,000 idle TCP connections, a passcode brute force from 100 addresses for a minute). They take minutes and
measure wall-clock time, so they carry the `perf` marker and are not part of the default suite:

    .venv/bin/python -m pytest -m perf -s tests/attacks

Each prints its figures (docs/operations.md, "Limits", lists the last ones)."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/attacks/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.perf)


@pytest.fixture(autouse=True)
def private_state(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    for name in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM"):
        monkeypatch.delenv(name, raising=False)
