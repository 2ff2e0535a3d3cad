"""/state `release` from a plain checkout: the id of the content the kiosk loaded (deployed releases: tests/deploy)."""

from __future__ import annotations

import time

from installation.control.server import OscServer, Settings
from installation.ops.release import loaded_release


def test_state_reports_the_release_of_what_was_loaded(kiosk, project):
    app, _ = kiosk()
    deadline = time.monotonic() + 30
    while app.release is None and time.monotonic() < deadline:  # hashed off the render thread
        time.sleep(0.01)
    server = OscServer(app, Settings(port=0))
    try:
        state = server.state_data(app.snapshot())
    finally:
        server.close()
    assert state["release"] == loaded_release(project.parents[1]) == app.release
