"""Under load: a 10,000-message flood at 1080p, and OSC command latency at 2,000 messages/s (marker `perf`:
not in the default suite, which must pass on a busy machine)."""

from __future__ import annotations

import socket

import pytest

from installation.control.bench import osc_flood, osc_latency

pytestmark = pytest.mark.perf  # wall-clock numbers: run on their own with `pytest -m perf`, or `installation bench`


def _second_loopback_works() -> bool:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.bind(("127.0.0.2", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _second_loopback_works(), reason="needs 127.0.0.2 on the loopback interface")
def test_flood_keeps_frames_and_a_second_client_gets_through():
    result = osc_flood(count=10_000, resolution=(1920, 1080))
    print(result)
    assert result["received"] >= 9_000  # the big receive buffer keeps the burst
    assert result["dropped"] > 5_000  # rate limit and malformed drops, counted
    assert result["go_ms"] is not None and result["go_ms"] <= 100, result
    assert result["frame_p99_ms"] <= 33, result


def test_latency_at_2000_messages_a_second():
    result = osc_latency(rate=2000, seconds=1.5, resolution=(1920, 1080), screen="story")
    print(result)
    assert result["lost"] == 0, result
    # The App takes commands between frames, so p99 follows the frame time (see docs/osc.md); the bound here is
    # loose because a shared two-core machine's other load shows up in it. `installation bench` reports the numbers.
    assert result["network_p50_ms"] <= 10, result
    assert result["p99_ms"] <= 150, result
