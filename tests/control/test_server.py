"""The OSC server over UDP and TCP: queries, actions, replies, sessions, patterns, pushes, bundles."""

from __future__ import annotations

import json

import pytest

from installation.control import osc
from installation.control.client import OscClient, decode_reply

from .conftest import PATIENCE, NetClock, received_until_synced


def ask(client: OscClient, address: str, *args, timeout: float = PATIENCE) -> dict | None:
    client.send(address, *args)
    return client.wait_reply(address, timeout)


def addresses(messages) -> list[str]:
    return [m.address for m in messages]


def test_queries_answer(client):
    assert ask(client, "/thump")["data"] == "thump"
    version = ask(client, "/version")
    assert version["status"] == "ok" and version["screen"] == "demo" and version["address"] == "/version"
    state = ask(client, "/state")["data"]
    for key in ("screen", "exhibition", "story", "scene", "position", "paused", "language", "captions", "text_size",
                "contrast", "volume", "muted", "blackout", "uptime", "version", "errors"):
        assert key in state, key
    assert state["screen"] == "attract" and state["exhibition"] == "demo"
    stories = ask(client, "/stories")["data"]
    assert [s["id"] for s in stories] == ["lulu", "bo-bo"]
    assert stories[0]["scenes"] >= 1 and stories[0]["durations"]["en"] > 0 and stories[0]["title"]["en"] == "Lulu"


def test_actions_are_silent_unless_always_reply(kiosk, client):
    client.send("/go", "lulu")
    assert kiosk.wait_for(lambda s: s["screen"] == "story" and s["story"] == "lulu")
    assert received_until_synced(client) == []  # plain ok is not sent by default
    assert ask(client, "/alwaysReply", 1)["status"] == "ok"
    assert ask(client, "/pause")["status"] == "ok"
    assert kiosk.state()["paused"] is True
    assert ask(client, "/resume")["status"] == "ok"
    assert ask(client, "/volume", 0.25)["data"] == 0.25
    assert ask(client, "/volume/+", 0.25)["data"] == 0.5
    assert ask(client, "/stop")["status"] == "ok"
    assert kiosk.wait_for(lambda s: s["screen"] == "attract")


def test_every_control_address(kiosk, client):
    ask(client, "/alwaysReply", 1)
    for address, args, key, expected in [
        ("/open", ("bo-bo",), "screen", "note"),
        ("/go", ("lulu",), "story", "lulu"),
        ("/scene", (1,), "scene", 1),
        ("/mute", (1,), "muted", True),
        ("/mute", (0.0,), "muted", False),
        ("/language", ("zh-Hant",), "language", "zh-Hant"),
        ("/captions", (0,), "captions", False),
        ("/textsize", (1.5,), "text_size", 1.5),
        ("/contrast", (True,), "contrast", True),
        ("/next", (), "screen", "end"),
        ("/home", (), "screen", "chooser"),
        ("/blackout", (1,), "blackout", True),
        ("/blackout", (0,), "blackout", False),
        ("/identify", (2.0,), None, None),
        ("/identify", (), None, None),
    ]:
        reply = ask(client, address, *args)
        assert reply and reply["status"] == "ok", (address, reply)
        if key is not None:
            assert kiosk.state()[key] == expected, (address, kiosk.state()[key])


def test_value_addresses_answer_their_value(client):
    assert ask(client, "/volume")["data"] == 0.8
    assert ask(client, "/mute")["data"] == 0
    assert ask(client, "/language")["data"] == "en"
    assert ask(client, "/captions")["data"] == 1
    assert ask(client, "/textsize")["data"] == 1.0
    assert ask(client, "/scene")["data"] is None
    assert ask(client, "/alwaysReply")["data"] == 0


def test_errors_always_reply(client):
    cases = {
        ("/nowhere",): "not_found",
        ("/go",): "bad_args",
        ("/go", "nobody"): "unknown_story",
        ("/open", "nobody"): "unknown_story",
        ("/volume", 2.0): "bad_args",
        ("/volume", "loud"): "bad_args",
        ("/volume", float("nan")): "bad_args",
        ("/mute", 3): "bad_args",
        ("/scene", 2): "bad_args",  # nothing is playing
        ("/language", "fr"): "bad_args",
        ("/udpReplyPort", 70000): "bad_args",
        ("/{go,open}", "lulu"): "not_found",  # a pattern must pick one method
        ("/screen/demo/nowhere",): "not_found",
    }
    for (address, *args), code in cases.items():
        reply = ask(client, address, *args)
        assert reply is not None, address
        assert reply["status"] == "error" and reply["error"]["code"] == code, (address, reply)
        assert reply["address"] == address


def test_screen_prefix_and_patterns(kiosk, client):
    for address in ("/screen/demo/thump", "/screen/*/thump", "/screen/d?mo/thump", "/screen/[a-e]emo/thump",
                    "/screen/[!x]emo/thump", "/screen/{kiosk-1,demo}/thump", "/th*mp", "/screen/demo/t[g-i]ump"):
        reply = ask(client, address)
        assert reply and reply["data"] == "thump", address
    client.send("/screen/kiosk-9/thump")  # another screen of the group: not ours to answer
    client.send("/screen/{kiosk-1,kiosk-2}/go", "lulu")
    assert received_until_synced(client) == []
    assert kiosk.state()["screen"] == "attract"
    client.send("/screen/{kiosk-1,demo}/go", "lulu")
    assert kiosk.wait_for(lambda s: s["story"] == "lulu")


def test_reply_port_for_one_shot_senders(kiosk):
    with OscClient("127.0.0.1", kiosk.port, bind=("127.0.0.1", 0)) as listener, \
            OscClient("127.0.0.1", kiosk.port) as setter:
        setter.send("/udpReplyPort", listener.local_port)
        assert ask(setter, "/udpReplyPort")["data"] == listener.local_port  # still answers at the source too
        assert listener.wait_reply("/udpReplyPort", PATIENCE)["data"] == listener.local_port
        with OscClient("127.0.0.1", kiosk.port) as one_shot:
            one_shot.send("/thump")
        reply = listener.wait_reply("/thump", PATIENCE)
        assert reply and reply["data"] == "thump"


def test_tcp_slip(kiosk):
    with OscClient("127.0.0.1", kiosk.port, tcp=True) as tcp:
        assert ask(tcp, "/thump")["data"] == "thump"
        ask(tcp, "/alwaysReply", 1)
        assert ask(tcp, "/go", "lulu")["status"] == "ok"
        assert kiosk.state()["story"] == "lulu"
        # single-END framing, escaped bytes, empty frames and a broken frame between good ones
        good = osc.encode_message("/thump")
        tcp.sock.sendall(b"\xc0\xc0" + good + b"\xc0" + b"\xdb\x01\xc0" + osc.slip_encode(good))
        assert tcp.wait_reply("/thump", PATIENCE)["data"] == "thump"
        assert tcp.wait_reply("/thump", PATIENCE)["data"] == "thump"
        string_with_end = osc.encode_message("/language", "\u00c0")  # 0xC3 0x80: no END, but try an escaped one
        tcp.send_raw(string_with_end)
        assert tcp.wait_reply("/language", PATIENCE)["error"]["code"] == "bad_args"


def test_python_osc_clients(kiosk):
    from pythonosc.tcp_client import SimpleTCPClient
    from pythonosc.udp_client import SimpleUDPClient

    udp = SimpleUDPClient("127.0.0.1", kiosk.port)
    udp.send_message("/state", [])
    raw = udp.receive(PATIENCE)
    message = osc.parse(raw)
    assert message.address == "/reply/state"
    assert json.loads(message.args[0])["data"]["screen"] == "attract"
    udp.send_message("/go", "bo-bo")
    assert kiosk.wait_for(lambda s: s["story"] == "bo-bo")

    tcp = SimpleTCPClient("127.0.0.1", kiosk.port, mode="1.1")
    try:
        tcp.send_message("/volume", [])
        reply = next(tcp.get_messages(PATIENCE), None)  # the first; list() would wait out PATIENCE for more
        assert reply is not None and reply.address == "/reply/volume"
        assert json.loads(reply.params[0])["data"] == 0.8
    finally:
        tcp.close()


def test_bundles_run_in_order_in_one_turn(kiosk, client):
    changes: list[dict] = []
    kiosk.app.change_listeners.append(changes.append)
    bundle = osc.encode_bundle([osc.encode_message("/go", "lulu"), osc.encode_message("/volume", 0.1),
                                osc.encode_message("/state"), osc.encode_message("/pause")])
    client.send_raw(bundle)
    state = client.wait_reply("/state")["data"]
    assert state["story"] == "lulu" and state["volume"] == 0.1 and state["paused"] is False
    assert kiosk.wait_for(lambda s: s["paused"])
    # atomic: the listener saw the bundle's end state only, never a half-applied one
    assert all(c["paused"] for c in changes if c["story"] == "lulu"), changes


def test_timetags(make_kiosk):
    clock = NetClock()
    kiosk = make_kiosk(clock=clock)
    with OscClient("127.0.0.1", kiosk.port) as client:
        ask(client, "/alwaysReply", 1)
        client.send_raw(osc.encode_bundle([osc.encode_message("/go", "lulu")], osc.unix_to_ntp(clock.wall() + 0.4)))
        assert ask(client, "/thump")["data"] == "thump"  # the receive path is not held up
        clock.advance(0.35)
        assert kiosk.server.settle()
        assert "/reply/go" not in addresses(received_until_synced(client))  # not yet: it waits for its timetag
        assert kiosk.state()["screen"] == "attract"
        clock.advance(0.1)
        assert kiosk.server.settle()
        reply = client.wait_reply("/go", PATIENCE)
        assert reply["status"] == "ok"
        assert kiosk.state()["story"] == "lulu"
        # a past timetag runs now; more than an hour ahead is refused
        client.send_raw(osc.encode_bundle([osc.encode_message("/volume", 0.3)], osc.unix_to_ntp(clock.wall() - 60)))
        assert client.wait_reply("/volume", PATIENCE)["data"] == 0.3
        client.send_raw(osc.encode_bundle([osc.encode_message("/stop")], osc.unix_to_ntp(clock.wall() + 7200)))
        reply = client.wait_reply("/stop", PATIENCE)
        assert reply["error"]["code"] == "timetag_out_of_range"
        # nested bundles take the later of the two timetags
        inner = osc.encode_bundle([osc.encode_message("/volume", 0.6)], osc.unix_to_ntp(clock.wall() + 0.3))
        client.send_raw(osc.encode_bundle([osc.encode_message("/volume", 0.5), inner]))
        assert client.wait_reply("/volume", PATIENCE)["data"] == 0.5
        clock.advance(0.35)
        assert kiosk.server.settle()
        assert client.wait_reply("/volume", PATIENCE)["data"] == 0.6


def test_pushes_and_echoes(make_kiosk):
    clock = NetClock()
    kiosk = make_kiosk(heartbeat=0.3, forget_after=1.0, clock=clock)
    with OscClient("127.0.0.1", kiosk.port) as sub, OscClient("127.0.0.1", kiosk.port) as other:
        sub.send("/screen/demo/updates", 1)
        seen: dict[str, list] = {}

        def collect() -> None:
            for message in received_until_synced(sub):
                seen.setdefault(message.address, []).append(message.args)

        collect()
        assert "/update/screen/demo/state" in seen
        assert seen["/screen/demo/volume"] == [(pytest.approx(0.8),)]  # echoed where TouchOSC listens
        seen.clear()
        other.send("/volume", 0.4)
        assert kiosk.wait_for(lambda s: s["volume"] == 0.4)
        kiosk.state()  # the turn that published it has handed it to the network thread
        collect()
        state = json.loads(seen["/update/screen/demo/state"][-1][0])
        assert state["volume"] == 0.4
        assert seen["/screen/demo/volume"] == [(pytest.approx(0.4),)]
        assert "/screen/demo/language" not in seen  # only changed values are echoed
        seen.clear()
        clock.advance(0.35)  # heartbeat
        assert kiosk.server.settle()
        collect()
        assert len(seen.get("/update/screen/demo/state", [])) >= 1
        # a silent subscriber is forgotten (forget_after=1 s here, 60 s by default)
        clock.advance(1.2)
        assert kiosk.server.settle()
        seen.clear()
        collect()
        assert "/update/screen/demo/state" not in seen
        assert kiosk.server.subscribers == {}


def test_passcodes_and_levels(make_kiosk):
    kiosk = make_kiosk(passcodes={"view": None, "control": "c0ntrol", "edit": "ed1t"})
    with OscClient("127.0.0.1", kiosk.port, tcp=True) as tcp:
        assert ask(tcp, "/state")["status"] == "ok"  # view is open
        denied = ask(tcp, "/go", "lulu")
        assert denied["status"] == "denied" and denied["error"]["code"] == "denied"
        bad = ask(tcp, "/connect", "guess")
        assert bad["status"] == "denied" and bad["data"] == "badpass"
        assert ask(tcp, "/connect", "c0ntrol")["data"] == "ok:control"
        ask(tcp, "/alwaysReply", 1)
        assert ask(tcp, "/go", "lulu")["status"] == "ok"
        assert ask(tcp, "/quit")["status"] == "denied"
        assert ask(tcp, "/connect", "ed1t")["data"] == "ok:edit"
        assert ask(tcp, "/disconnect")["status"] == "ok"
        assert ask(tcp, "/go", "bo-bo")["status"] == "denied"
        assert ask(tcp, "/connect")["data"] == "ok:view"
    locked = make_kiosk(passcodes={"view": "v"})
    with OscClient("127.0.0.1", locked.port) as udp:
        assert ask(udp, "/thump")["data"] == "thump"  # the heartbeat needs no level
        assert ask(udp, "/state")["status"] == "denied"
        assert ask(udp, "/connect")["data"] == "badpass"
        assert ask(udp, "/connect", "v")["data"] == "ok:edit"  # the only passcode unlocks every level


def test_edit_methods(kiosk, client, tmp_path):
    shot = tmp_path / "shots" / "kiosk.png"
    reply = ask(client, "/screenshot", str(shot))
    assert reply["status"] == "ok" and reply["data"] == str(shot) and shot.stat().st_size > 1000
    assert ask(client, "/screenshot", str(tmp_path / "x.jpg"))["error"]["code"] == "bad_args"
    ask(client, "/alwaysReply", 1)
    from installation.show.commands import SPECS

    reload_reply = ask(client, "/reload")
    assert reload_reply["status"] == ("ok" if "reload" in SPECS else "error")
    assert ask(client, "/quit")["status"] == "ok"
    assert not kiosk.app.running


def test_allow_list_drops_silently(make_kiosk):
    kiosk = make_kiosk(allow=("10.1.0.0/16",))
    with OscClient("127.0.0.1", kiosk.port) as udp:
        udp.send("/thump")
        assert kiosk.server.settle()
        assert udp.receive(0) is None
    assert kiosk.server.stats["dropped_source"] == 1
    with OscClient("127.0.0.1", kiosk.port, tcp=True) as tcp:
        tcp.send("/thump")
        assert kiosk.server.settle()
        assert tcp.receive(0) is None
    assert kiosk.server.stats["dropped_source"] == 2


def test_rate_limit(make_kiosk):
    kiosk = make_kiosk(rate_limit=20.0, burst=10, clock=NetClock())  # the clock stands still during the burst
    with OscClient("127.0.0.1", kiosk.port) as udp:
        for _ in range(100):
            udp.send("/thump")
        assert kiosk.server.settle()
        replies = []
        while (message := udp.receive(0)) is not None:
            replies.append(decode_reply(message))
    ok = [r for r in replies if r["status"] == "ok"]
    limited = [r for r in replies if r["status"] == "error"]
    assert 10 <= len(ok) <= 14
    assert len(limited) == 1 and limited[0]["error"]["code"] == "rate_limited"  # at most once a second
    assert kiosk.server.stats["rate_limited"] >= 85


def test_go_lock(make_kiosk):
    clock = NetClock()
    kiosk = make_kiosk(min_go_interval=0.5, clock=clock)
    with OscClient("127.0.0.1", kiosk.port) as udp:
        ask(udp, "/alwaysReply", 1)
        assert ask(udp, "/go", "lulu")["status"] == "ok"
        locked = ask(udp, "/go", "bo-bo")
        assert locked["error"]["code"] == "go_locked" and 0 < locked["data"]["seconds_left"] <= 0.5
        clock.advance(0.5)
        assert ask(udp, "/go", "bo-bo")["status"] == "ok"
    assert kiosk.state()["story"] == "bo-bo"


def test_oversized_and_malformed_are_counted_and_logged(make_kiosk, caplog):
    clock = NetClock()
    kiosk = make_kiosk(max_packet=1024, clock=clock)
    with OscClient("127.0.0.1", kiosk.port) as udp:
        udp.send("/language", "x" * 4000)
        udp.send_raw(b"/thump\0\0,s\0\0\xff\xfe\0\0")
        assert ask(udp, "/thump")["data"] == "thump"
        assert kiosk.server.settle()  # the turn that sent the reply has also seen the drops
        clock.advance(0.6)  # a burst of drops makes one line, half a second after it began
        assert kiosk.server.settle()
    stats = kiosk.server.stats
    assert stats["oversized"] == 1 and stats["malformed"] == 1
    lines = [r.getMessage() for r in caplog.records if r.name == "installation.osc" and "dropped" in r.getMessage()]
    assert len(lines) == 1, lines
    assert "1 malformed" in lines[0] and "1 oversized" in lines[0] and "\\x" not in lines[0]


def test_buttons_act_on_press_only(kiosk, client):
    ask(client, "/alwaysReply", 1)
    assert ask(client, "/go", "lulu")["status"] == "ok"
    assert ask(client, "/pause", 0.0)["status"] == "ok"  # release: nothing happens
    assert kiosk.state()["paused"] is False
    assert ask(client, "/pause", 1.0)["status"] == "ok"  # press
    assert kiosk.state()["paused"] is True
    assert ask(client, "/pause", "x")["error"]["code"] == "bad_args"


def test_a_go_for_a_story_withdrawn_by_a_reload_meanwhile_is_an_error(kiosk, client):
    """The reload reaches the show first, the /go right behind it: the answer is the show's, against the new
    playlist, never an `ok` for nothing."""
    import dataclasses

    from installation.show.commands import make

    ask(client, "/alwaysReply", 1)
    library = kiosk.app.library
    without_lulu = dataclasses.replace(library, stories={k: v for k, v in library.stories.items() if k != "lulu"})
    kiosk.paused = True
    kiosk.state()  # the loop has stopped turning
    kiosk.app.post(make("new_content", without_lulu, (), (), source="reload"))
    client.send("/go", "lulu")
    assert kiosk.server.settle()  # the /go is in the App's inbox, behind the reload
    assert kiosk.app.inbox.qsize() == 2
    kiosk.paused = False
    reply = client.wait_reply("/go", PATIENCE)
    assert reply["status"] == "error" and reply["error"]["code"] == "unknown_story"
    assert reply["error"]["message"] == "no playable story 'lulu'" and reply["data"] == ["bo-bo"]
    assert kiosk.state()["screen"] == "attract" and list(kiosk.app.library.stories) == ["bo-bo"]
    assert ask(client, "/stories")["data"][0]["id"] == "bo-bo"
    assert ask(client, "/go", "bo-bo")["status"] == "ok"



def test_thumbnail_comes_back_as_a_blob_behind_the_gate_bounded_and_rate_limited(make_kiosk):
    """/thumbnail: a JPEG of the screen in the reply itself (no file on either side), over TCP, with the control
    passcode, at most 100 kB, one a second."""
    import io

    import pygame

    clock = NetClock()
    kiosk = make_kiosk(passcodes={"view": None, "control": "c0ntrol", "edit": "ed1t"}, clock=clock)
    with OscClient("127.0.0.1", kiosk.port, tcp=True) as tcp:
        assert ask(tcp, "/thumbnail")["status"] == "denied"  # view is not enough
        assert ask(tcp, "/connect", "c0ntrol")["data"] == "ok:control"
        reply = ask(tcp, "/thumbnail", 200)
        assert reply["status"] == "ok" and reply["data"] == {"type": "image/jpeg", "bytes": len(reply["blob"])}
        assert 0 < len(reply["blob"]) <= 100_000 and reply["blob"][:3] == b"\xff\xd8\xff"  # a JPEG
        picture = pygame.image.load(io.BytesIO(reply["blob"]), "shot.jpg")
        assert picture.get_size() == (200, 112)  # the 640×360 screen, 200 px wide
        limited = ask(tcp, "/thumbnail")
        assert limited["status"] == "error" and limited["error"]["code"] == "rate_limited" and "blob" not in limited
        clock.advance(1.0)
        assert kiosk.server.settle()
        assert ask(tcp, "/thumbnail", 2000)["error"]["code"] == "bad_args"  # at most 640 px
        clock.advance(1.0)
        assert kiosk.server.settle()
        assert len(ask(tcp, "/thumbnail")["blob"]) > 0
    with OscClient("127.0.0.1", kiosk.port) as udp:
        ask(udp, "/connect", "c0ntrol")
        assert ask(udp, "/thumbnail")["error"]["code"] == "tcp_only"
