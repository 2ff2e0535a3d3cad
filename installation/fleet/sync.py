"""Synchronised starts: measure each kiosk's clock offset with /sync/ping (the smallest-delay sample of several),
have every kiosk preload the story (its content note), then send each a bundle timetagged `lead` seconds ahead in
its own clock. Afterwards, read each kiosk's `started` stamps from /state and report the spread."""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ..control import osc
from ..control.client import OscClient
from .config import Kiosk

log = logging.getLogger(__name__)

PINGS = 8


@dataclass
class Offset:
    offset: float  # kiosk wall clock − ours, seconds
    delay: float  # round trip of the best sample, seconds (the offset's error is at most half of it)
    samples: int


@dataclass
class Peer:
    kiosk: Kiosk
    client: OscClient | None = None
    offset: Offset | None = None
    problem: str | None = None
    replies: dict = field(default_factory=dict)


def measure_offset(client: OscClient, pings: int = PINGS, timeout: float = 2.0) -> Offset | None:
    """NTP-style: offset = ((t2 − t1) + (t3 − t4)) / 2 from the sample with the smallest delay."""
    best: tuple[float, float] | None = None
    count = 0
    for serial in range(pings):
        t1 = time.time()
        client.send("/sync/ping", float(serial))
        reply = client.wait_reply("/sync/ping", timeout)
        t4 = time.time()
        if reply is None or reply.get("status") != "ok" or not isinstance(reply.get("data"), dict):
            continue
        data = reply["data"]
        if data.get("echo") != float(serial):
            continue  # a late answer to an earlier ping
        t2, t3 = float(data["received"]), float(data["sent"])
        delay = (t4 - t1) - (t3 - t2)
        offset = ((t2 - t1) + (t3 - t4)) / 2
        count += 1
        if best is None or delay < best[1]:
            best = (offset, delay)
    return Offset(best[0], best[1], count) if best else None


def _open(kiosk: Kiosk, timeout: float) -> OscClient:
    client = OscClient(kiosk.host, kiosk.port, tcp=True, timeout=timeout)
    elements = [osc.encode_message("/alwaysReply", 1)]
    if kiosk.passcode:
        elements.append(osc.encode_message("/connect", kiosk.passcode))
    client.send_raw(osc.encode_bundle(elements))
    return client


def _prepare(peer: Peer, story: str | None, pings: int, timeout: float, language: str | None = None) -> None:
    """Connect, measure the clock offset and, for a start, set the group's language and preload the story (its
    content note shows, in that language)."""
    try:
        peer.client = _open(peer.kiosk, timeout)
        if peer.kiosk.passcode:
            reply = peer.client.wait_reply("/connect", timeout)
            if not reply or not str(reply.get("data", "")).startswith("ok"):
                peer.problem = "the kiosk refused its passcode"
                return
        peer.offset = measure_offset(peer.client, pings, timeout)
        if peer.offset is None:
            peer.problem = "no answer to /sync/ping"
            return
        if story is None:
            return
        if language is not None:
            reply = peer.client.request("/language", language, always_reply=False, timeout=timeout)
            if not reply or reply.get("status") != "ok":
                peer.problem = f"cannot play in {language}: {_why(reply)}"
                return
        reply = peer.client.request("/open", story, always_reply=False, timeout=timeout)
        if not reply or reply.get("status") != "ok":
            peer.problem = f"cannot open {story}: {_why(reply)}"
    except OSError as exc:
        peer.problem = f"unreachable: {exc.strerror or exc}"


def _why(reply: dict | None) -> str:
    if not reply:
        return "no reply"
    err = reply.get("error") or {}
    return f"{err.get('code', reply.get('status'))}: {err.get('message', '')}".strip()


def schedule(peers: list[Peer], messages: list[tuple], lead: float) -> float:
    """Send each peer one bundle of `messages`, timetagged `lead` s from now in its own clock. Returns the start in
    our wall clock."""
    start = time.time() + lead
    for peer in peers:
        kiosk_time = start + peer.offset.offset
        bundle = osc.encode_bundle([osc.encode_message(address, *args) for address, *args in messages],
                                   timetag=osc.unix_to_ntp(kiosk_time))
        peer.client.send_raw(bundle)
    return start


def started_stamps(kiosks: list[Kiosk], scene: int, since: float, timeout: float) -> dict[str, dict]:
    """Each kiosk's `started` (from /state) once it reports scene `scene` begun after wall time `since`."""
    from .links import act

    found: dict[str, dict] = {}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(found) < len(kiosks):
        for kiosk in kiosks:
            if kiosk.name in found:
                continue
            reply = act(kiosk, "/state", timeout=2.0)
            state = reply.get("data") if reply.get("status") == "ok" else None
            started = (state or {}).get("started")
            if isinstance(started, dict) and state.get("scene") == scene and started.get("scene", scene) == scene \
                    and float(started.get("wall", 0)) >= since - 0.1:
                found[kiosk.name] = started
        time.sleep(0.05)
    return found


def spread(stamps: dict[str, dict], offsets: dict[str, float], key: str = "monotonic") -> float | None:
    """max − min of the stamps; wall stamps are first brought to our clock with the measured offsets."""
    if len(stamps) < 2:
        return None
    values = [float(s[key]) - (offsets.get(name, 0.0) if key == "wall" else 0.0) for name, s in stamps.items()]
    return max(values) - min(values)


def _connected(kiosks: list[Kiosk], story: str | None, pings: int, timeout: float,
               language: str | None = None) -> list[Peer]:
    peers = [Peer(kiosk) for kiosk in kiosks]
    with ThreadPoolExecutor(max_workers=max(1, min(16, len(peers)))) as pool:
        list(pool.map(lambda p: _prepare(p, story, pings, timeout, language), peers))
    return peers


def together(kiosks: list[Kiosk], address: str, *args, lead: float = 0.25, pings: int = 4,
             timeout: float = 3.0) -> dict[str, dict]:
    """One action for a synchronised group (pause, resume, next, previous, stop), timetagged to the same instant on
    every kiosk's show clock, so the group stays together. {kiosk name: its reply}, like actions.fan_out."""
    peers = _connected(kiosks, None, pings, timeout)
    replies = {p.kiosk.name: {"status": "error", "error": {"code": "unreachable", "message": p.problem}}
               for p in peers if p.problem}
    ready = [p for p in peers if not p.problem]
    try:
        if ready:
            schedule(ready, [(address, *args)], lead)
        for peer in ready:
            reply = peer.client.wait_reply(address, timeout + lead)
            replies[peer.kiosk.name] = reply or {"status": "error", "error": {"code": "timeout", "message": "no reply"}}
    finally:
        for peer in peers:
            if peer.client is not None:
                peer.client.close()
    return replies


def go(kiosks: list[Kiosk], story: str, group: str | None = None, lead: float = 0.5, pings: int = PINGS,
       timeout: float = 3.0, report: bool = True, language: str | None = None) -> dict:
    """A synchronised start of `story` on `kiosks` (in `language` on every one, when given; a group should play in
    one language, or its scene boundaries part). Returns the figures as a JSON-able dict."""
    peers = _connected(kiosks, story, pings, timeout, language)
    problems = {p.kiosk.name: p.problem for p in peers if p.problem}
    ready = [p for p in peers if not p.problem]
    result: dict = {"ok": False, "story": story, "group": group, "language": language,
                    "kiosks": [p.kiosk.name for p in peers],
                    "problems": problems,
                    "offsets": {p.kiosk.name: {"offset_ms": round(p.offset.offset * 1000, 3),
                                               "delay_ms": round(p.offset.delay * 1000, 3)}
                                for p in peers if p.offset}}
    try:
        if problems or not ready:
            return result
        messages = ([("/language", language)] if language else []) + [("/go", story)]
        start = schedule(ready, messages, lead)
        result.update(start=start, lead=lead)
        log.info("fleet: %s starts on %s at %.3f (offsets %s)", story, ", ".join(p.kiosk.name for p in ready), start,
                 ", ".join(f"{p.kiosk.name} {p.offset.offset * 1000:+.1f} ms ±{p.offset.delay * 500:.1f}"
                           for p in ready))
        for peer in ready:
            reply = peer.client.wait_reply("/go", timeout + lead)
            if not reply or reply.get("status") != "ok":
                problems[peer.kiosk.name] = f"did not start: {_why(reply)}"
        result["ok"] = not problems
    finally:
        for peer in peers:
            if peer.client is not None:
                peer.client.close()
    if report and result["ok"]:
        stamps = started_stamps(kiosks, 1, result["start"] - 1.0, timeout=max(5.0, timeout))
        offsets = {p.kiosk.name: p.offset.offset for p in ready}
        result["started"] = stamps
        wall = spread(stamps, offsets, "wall")
        result["spread_ms"] = None if wall is None else round(wall * 1000, 3)
        if all(p.kiosk.host in ("127.0.0.1", "::1", "localhost") for p in ready):
            mono = spread(stamps, offsets, "monotonic")
            result["monotonic_spread_ms"] = None if mono is None else round(mono * 1000, 3)
    return result
