"""The OSC dispatcher on its own: address → method → reply or show command, with no sockets and no kiosk."""

from __future__ import annotations

import pytest

from installation.control import osc
from installation.control.dispatch import Context, Dispatcher, Job
from installation.control.gate import Client, Gate, Settings
from installation.control.pushes import Pushes
from installation.show.clock import SimClock

STATE = {"screen": "attract", "story": None, "scene": None, "volume": 0.8, "muted": False, "language": "en"}


class Desk:
    """A dispatcher with everything around it recorded: replies, pushes, the state it reads."""

    def __init__(self, **settings):
        self.clock = SimClock()
        self.gate = Gate(Settings(**settings), self.clock)
        self.sent: list[tuple[Client, bytes]] = []
        self.pushes = Pushes("kiosk-1", lambda client, packet: self.sent.append((client, packet)), dict)
        self.replies: list[dict] = []
        self.state = dict(STATE)
        self.busy = False
        context = Context(state=lambda: self.state, describe=lambda s: dict(s, name="kiosk-1"),
                          stories=lambda: ["lulu", "bo-bo"], busy=lambda: self.busy)
        self.dispatcher = Dispatcher("kiosk-1", self.gate, self.pushes, self.reply, context, clock=self.clock,
                                     wall=lambda: 1.7e9)
        self.client = Client("127.0.0.1", 40000, self.gate.session("127.0.0.1", self.clock()))

    def reply(self, client, address, status, data=None, error=None):
        self.replies.append({"address": address, "status": status, "data": data,
                             "code": error[0] if error else None})

    def send(self, address: str, *args) -> Job:
        job = Job()
        self.dispatcher.message(osc.Message(address, args), self.client, job)
        return job

    def last(self) -> dict:
        return self.replies[-1]


@pytest.fixture
def desk() -> Desk:
    return Desk()


def test_routing_exact_patterns_and_screen_prefix(desk):
    for address in ("/thump", "/th?mp", "/t[a-z]ump", "/screen/kiosk-1/thump", "/screen/*/thump",
                    "/screen/{kiosk-2,kiosk-1}/thump", "/screen/kiosk-[0-9]/thump"):
        desk.send(address)
        assert desk.last() == {"address": address, "status": "ok", "data": "thump", "code": None}, address
    assert desk.dispatcher.resolve("/screen/kiosk-2/thump") is False  # another screen's
    count = len(desk.replies)
    desk.send("/screen/kiosk-2/go", "lulu")
    assert len(desk.replies) == count  # not ours to answer
    assert desk.dispatcher.resolve("/volume/+").path == "volume/+"
    assert desk.dispatcher.resolve("/nowhere") is None


def test_errors_name_what_is_wrong(desk):
    for address, args, code in [("/nowhere", (), "not_found"), ("/{go,open}", ("lulu",), "not_found"),
                                ("/[a", (), "not_found"), ("/go", (), "bad_args"), ("/volume", ("loud",), "bad_args"),
                                ("/mute", (3,), "bad_args"), ("/udpReplyPort", (70000,), "bad_args")]:
        assert desk.send(address, *args).steps == []
        assert desk.last()["status"] == "error" and desk.last()["code"] == code, address
    assert desk.dispatcher.stats["errors"] == 7


def test_queries_answer_now_from_the_state(desk):
    desk.send("/volume")
    assert desk.last()["data"] == 0.8
    desk.send("/mute")
    assert desk.last()["data"] == 0  # flags as 0/1
    desk.send("/state")
    assert desk.last()["data"]["name"] == "kiosk-1"
    desk.send("/stories")
    assert desk.last()["data"] == ["lulu", "bo-bo"]
    desk.send("/sync/ping", 7.0)
    assert desk.last()["data"] == {"received": 1.7e9, "sent": 1.7e9, "echo": 7.0}


def test_a_query_after_a_command_waits_for_it(desk):
    job = Job()
    for message in (osc.Message("/go", ("lulu",)), osc.Message("/state", ())):
        desk.dispatcher.message(message, desk.client, job)
    assert [step.kind for step in job.steps] == ["command", "query"]
    assert desk.replies == []
    desk.busy = True  # commands of an earlier packet are still on their way to the show
    assert [step.kind for step in desk.send("/volume").steps] == ["query"]


def test_actions_become_show_commands(desk):
    for address, args, name, expected in [("/go", ("lulu",), "go", ("lulu",)), ("/volume", (1,), "volume", (1.0,)),
                                          ("/volume/+", (-0.1,), "volume_step", (-0.1,)),
                                          ("/mute", (1.0,), "mute", (True,)), ("/textsize", (2,), "text_size", (2.0,)),
                                          ("/identify", (), "identify", ()), ("/scene", (2,), "scene", (2,))]:
        step, = desk.send(address, *args).steps
        assert (step.command.name, step.command.args, step.command.source) == (name, expected, "osc"), address
        assert step.reply_ok is False  # plain ok only with /alwaysReply 1
    assert desk.replies == []


def test_buttons_act_on_press_only(desk):
    assert desk.send("/pause", 0).steps == []
    step, = desk.send("/pause", 1).steps
    assert step.command.name == "pause" and step.command.args == ()


def test_levels_and_passcodes():
    desk = Desk(passcodes={"view": None, "control": "c0ntrol", "edit": "ed1t"})
    assert desk.send("/go", "lulu").steps == []
    assert desk.last()["status"] == "denied" and desk.last()["code"] == "denied"
    desk.send("/connect", "guess")
    assert desk.last()["data"] == "badpass"
    desk.send("/connect", "c0ntrol")
    assert desk.last()["data"] == "ok:control" and desk.client.session.level == "control"
    assert len(desk.send("/go", "lulu").steps) == 1
    assert desk.send("/quit").steps == [] and desk.last()["status"] == "denied"
    desk.send("/connect", "ed1t")
    assert desk.send("/quit").steps[0].command.name == "quit"
    desk.send("/disconnect")
    assert desk.client.session.level == "view"


def test_session_settings(desk):
    desk.send("/alwaysReply", 1)
    assert desk.client.session.always_reply and desk.last()["status"] == "ok"
    step, = desk.send("/pause").steps
    assert step.reply_ok
    desk.send("/udpReplyPort", 50000)
    assert desk.client.session.reply_port == 50000
    desk.send("/udpReplyPort")
    assert desk.last()["data"] == 50000


def test_updates_subscribe_and_push(desk):
    desk.send("/screen/kiosk-1/updates", 1)
    assert desk.pushes.subscribed(desk.client)
    addresses = [osc.parse(packet).address for _, packet in desk.sent]
    assert addresses[0] == "/update/screen/kiosk-1/state"
    assert "/screen/kiosk-1/volume" in addresses  # echoes in the form the subscriber used
    desk.send("/updates")
    assert desk.last()["data"] == 1
    desk.send("/updates", 0)
    assert not desk.pushes.subscribed(desk.client)


def test_go_lock_follows_the_clock():
    desk = Desk(min_go_interval=1.0)
    assert len(desk.send("/go", "lulu").steps) == 1
    assert desk.send("/go", "bo-bo").steps == []
    assert desk.last()["code"] == "go_locked"
    desk.clock.advance(1.0)
    assert len(desk.send("/go", "bo-bo").steps) == 1
