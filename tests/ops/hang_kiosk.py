"""The real kiosk (`installation …` arguments), plus a way to hang its render loop on purpose: after SIGUSR1 the
next loop turn blocks for ever, while every other thread runs on. Used by the watchdog test."""

from __future__ import annotations

import signal
import sys
import time

from installation.kiosk import app as app_module

hung = False


def _hang(signum, frame) -> None:
    global hung
    hung = True


signal.signal(signal.SIGUSR1, _hang)
_step = app_module.App.step


def step(self, *args, **kwargs):
    if hung:
        print("hang_kiosk: the render loop is now stuck", file=sys.stderr, flush=True)
        while True:
            time.sleep(3600)
    return _step(self, *args, **kwargs)


app_module.App.step = step

if __name__ == "__main__":
    from installation.cli import main

    sys.exit(main(sys.argv[1:]))
