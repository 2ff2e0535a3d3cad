"""A hung render loop under the unit's own WatchdogSec (the default suite uses 2 s): back on the attract screen
within 6 s, five times."""

from __future__ import annotations

import os
import signal

from tests.ops.conftest import ops_project
from tests.ops.supervisor import Supervisor
from tests.ops.test_service import HERE, REPO, read_unit, write_unit


def test_a_hung_loop_is_back_on_the_attract_screen_within_6_s(tmp_path):
    unit = write_unit(ops_project(tmp_path / "project"), tmp_path / "units", "--headless", "--no-stats", "--no-watch")
    env = dict(os.environ, PYTHONPATH=str(REPO), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1", XDG_STATE_HOME=str(tmp_path / "state"))
    command = read_unit(unit)["ExecStart"].split()
    command[1:3] = [str(HERE / "hang_kiosk.py")]
    supervisor = Supervisor(unit, tmp_path, env, command=command).start()  # WatchdogSec from the unit
    recoveries, detections, restarts, unprovoked = [], [], [], 0
    try:
        for _ in range(5):
            ready = supervisor.wait_for(lambda r: r.kind == "ready" and not any(
                x.kind == "exit" and x.pid == r.pid for x in supervisor.records), 60)
            assert ready is not None, (tmp_path / "kiosk.log").read_text()[-3000:]
            pid = ready.pid
            pinged = supervisor.wait_for(lambda r: r.kind == "watchdog" and r.pid == pid and r.at > ready.at + 2, 30)
            if pinged is None:  # it died (or was killed) before we hung it
                unprovoked += 1
                continue
            hung_at = pinged.at
            os.kill(pid, signal.SIGUSR1)
            back = supervisor.wait_for(lambda r: r.kind == "ready" and r.pid != pid and r.at > hung_at, 30)
            fired = next((r for r in supervisor.records if r.kind == "timeout" and r.pid == pid), None)
            assert back is not None and fired is not None
            recoveries.append(back.at - hung_at)
            detections.append(fired.at - hung_at)
            restarts.append(back.at - fired.at)
    finally:
        supervisor.stop()
    print(f"\nWatchdogSec={read_unit(unit)['WatchdogSec']}: hung loop → watchdog fired after "
          f"{', '.join(f'{s:.2f}' for s in detections)} s; restart (RestartSec=1 + start-up) "
          f"{', '.join(f'{s:.2f}' for s in restarts)} s; → attract screen after "
          f"{', '.join(f'{s:.2f}' for s in recoveries)} s (from the last ping before the hang); "
          f"{unprovoked} kiosk(s) lost before the hang")
    assert recoveries and max(recoveries) < 6.0 and unprovoked == 0
