"""A hung render loop under the unit's own WatchdogSec (not the 2 s of the default suite): back on the attract
screen within 6 s, five times."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from tests.ops.supervisor import Supervisor
from tests.ops.test_service import HERE, REPO, read_unit, write_unit


def test_a_hung_loop_is_back_on_the_attract_screen_within_6_s(tmp_path):
    import shutil

    project = tmp_path / "project"
    shutil.copytree(Path(__file__).resolve().parents[1] / "ops" / "fixture", project)
    unit = write_unit(project / "config" / "ops.yaml", tmp_path / "units", "--headless", "--no-stats", "--no-watch")
    env = dict(os.environ, PYTHONPATH=str(REPO), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1", XDG_STATE_HOME=str(tmp_path / "state"))
    command = read_unit(unit)["ExecStart"].split()
    command[1:3] = [str(HERE / "hang_kiosk.py")]
    supervisor = Supervisor(unit, tmp_path, env, command=command).start()  # WatchdogSec from the unit
    recoveries = []
    try:
        ready = supervisor.wait_for(lambda r: r.kind == "ready", 60)
        assert ready is not None
        for _ in range(5):
            time.sleep(2.0)  # some pings first
            os.kill(ready.pid, signal.SIGUSR1)
            hung_at = time.monotonic()
            pid = ready.pid
            ready = supervisor.wait_for(lambda r: r.kind == "ready" and r.pid != pid, 30)
            assert ready is not None
            recoveries.append(ready.at - hung_at)
    finally:
        supervisor.stop()
    print(f"\nhung loop → attract screen: {', '.join(f'{s:.2f}' for s in recoveries)} s "
          f"(WatchdogSec={read_unit(unit)['WatchdogSec']})")
    assert max(recoveries) < 6.0
