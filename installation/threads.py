"""Helpers for the kiosk's worker threads (image decoding, Ken Burns, the network), usable from any layer."""

from __future__ import annotations

import os
import threading


def lower_priority(niceness: int) -> None:
    """Let the render loop win the CPU over helper threads (Linux schedules threads separately)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
    except (AttributeError, OSError):
        pass
