"""Pushes to subscribers (/updates 1): the state on every change and as a heartbeat, plus echoes of changed values
at the addresses a control surface (TouchOSC) listens on. Runs on the network thread; `changed()` from any thread."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any, Callable

from . import osc
from .gate import Client
from .methods import ECHOED

ECHO_TYPES = {"f": float, "i": int, "s": str}


def plain(value: Any) -> Any:
    """A snapshot value as OSC replies carry it: flags as 0/1, no NaN or infinity."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def as_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=True, separators=(",", ":"), default=str)


@dataclass
class Subscriber:
    client: Client
    prefix: str  # "" or "/screen/{name}": echoes use the form the subscriber used
    echoed: dict[str, Any] = field(default_factory=dict)


class Pushes:
    def __init__(self, name: str, send_now: Callable[[Client, bytes], None], describe: Callable[[dict], dict]):
        self.name, self.send_now, self.describe = name, send_now, describe
        self.subscribers: dict[tuple, Subscriber] = {}
        self.pending: dict | None = None  # the newest snapshot from the main thread, not pushed yet

    # ------------------------------------------------------------ who listens
    @staticmethod
    def key(client: Client) -> tuple:
        if client.conn is not None:
            return ("tcp", id(client.conn))
        return ("udp", client.ip, client.session.reply_port or client.port)

    def subscribed(self, client: Client) -> bool:
        return self.key(client) in self.subscribers

    def subscribe(self, client: Client, screen_form: bool, snapshot: dict) -> None:
        """`screen_form`: the client wrote /screen/{name}/updates, so echoes go to /screen/{name}/…"""
        target = Client(client.ip, client.session.reply_port or client.port, client.session, client.conn)
        sub = self.subscribers[self.key(client)] = Subscriber(target, f"/screen/{self.name}" if screen_form else "")
        self.push(sub, snapshot, full=True)

    def unsubscribe(self, client: Client) -> None:
        if client.conn is not None:
            keys = [k for k, s in self.subscribers.items() if s.client.conn is client.conn]
        else:
            keys = [k for k in self.subscribers if k[0] == "udp" and k[1] == client.ip]
        for key in keys:
            del self.subscribers[key]

    def drop_conn(self, conn) -> None:
        for key in [k for k, sub in self.subscribers.items() if sub.client.conn is conn]:
            del self.subscribers[key]

    # ------------------------------------------------------------ what they hear
    def changed(self, snapshot: dict) -> bool:
        """Any thread: a new state to push; True if the network thread should be woken for it."""
        if not self.subscribers:
            return False
        self.pending = snapshot
        return True

    def flush(self) -> None:
        snapshot, self.pending = self.pending, None
        if snapshot is not None:
            for sub in list(self.subscribers.values()):
                self.push(sub, snapshot)

    def heartbeat(self, now: float, snapshot: dict, forget_after: float) -> None:
        """Push the state to every subscriber; forget UDP subscribers silent for `forget_after` seconds."""
        for key, sub in list(self.subscribers.items()):
            if sub.client.conn is None and now - sub.client.session.last_seen > forget_after:
                del self.subscribers[key]
                continue
            self.push(sub, snapshot)

    def push(self, sub: Subscriber, snapshot: dict, full: bool = False) -> None:
        self.send_now(sub.client, osc.encode_message(f"/update/screen/{self.name}/state", as_json(self.describe(snapshot))))
        for method in ECHOED:
            value = plain(snapshot.get(method.state_key or ""))
            if value is None:
                value = 0 if method.osc_type == "i" else None
            if value is None or (not full and sub.echoed.get(method.path) == value):
                continue
            sub.echoed[method.path] = value
            self.send_now(sub.client, osc.encode_message(f"{sub.prefix}/{method.path}", ECHO_TYPES[method.osc_type](value)))

    def goodbye(self) -> None:
        for sub in list(self.subscribers.values()):
            self.send_now(sub.client, osc.encode_message(f"/update/screen/{self.name}/disconnect"))
