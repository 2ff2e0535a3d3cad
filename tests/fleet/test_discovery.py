"""Discovery on the LAN by mDNS/DNS-SD (zeroconf): a kiosk announced with `installation fleet announce` is found by
the console's browser, with its screen name, address and port."""

from __future__ import annotations

import threading
import uuid

from installation.fleet.discovery import Browser, announce

from .conftest import wait_until


def test_an_announced_kiosk_is_found():
    name = f"kiosk-{uuid.uuid4().hex[:8]}"  # other runs on this network may announce kiosks too
    stop = threading.Event()
    announcer = threading.Thread(target=announce, args=(name, 53177, "127.0.0.1", stop), daemon=True)
    announcer.start()
    found = []
    browser = Browser(found.append).start()
    try:
        kiosk = wait_until(lambda: next((k for k in found if k.name == name), None), 60, what=f"{name} to be found")
        assert (kiosk.host, kiosk.port, kiosk.discovered) == ("127.0.0.1", 53177, True)
    finally:
        browser.close()
        stop.set()
        announcer.join(timeout=10)


def test_a_discovered_kiosk_gets_the_fleet_files_passcode_and_obeys(tmp_path, kiosks, monkeypatch):
    """A real kiosk whose control level needs a passcode, announced on the LAN, found by the console: the fleet
    file's `discovery: {passcode_env: …}` is its passcode, so the console's actions are obeyed."""
    import yaml

    from installation.fleet.bench import PASSCODE as KIOSK_PASSCODE
    from installation.fleet.config import load_fleet
    from installation.fleet.console import Console
    from installation.fleet.links import act

    name = f"kiosk-{uuid.uuid4().hex[:8]}"
    kiosk = kiosks(name).start()
    monkeypatch.setenv("FLEET_TEST_DISCOVERY_PASSCODE", KIOSK_PASSCODE)
    path = tmp_path / "fleet.yaml"
    path.write_text(yaml.safe_dump({"console": {"discover": True, "heartbeat": 0.5, "grace": 3},
                                    "discovery": {"passcode_env": "FLEET_TEST_DISCOVERY_PASSCODE",
                                                  "groups": ["found"]}}), encoding="utf-8")
    fleet, problems = load_fleet(path, tmp_path)
    assert fleet is not None and not problems, problems
    console = Console(fleet).start()
    stop = threading.Event()
    announcer = threading.Thread(target=announce, args=(name, kiosk.port, "127.0.0.1", stop), daemon=True)
    announcer.start()
    browser = Browser(console.watch).start()
    try:
        wait_until(lambda: name in console.links and console.links[name].seen.state, 60, what=f"{name} watched")
        found = console.fleet.kiosk(name)
        assert found.discovered and found.passcode == KIOSK_PASSCODE and found.groups == ("found",)
        assert fleet.groups() == {"found": [name]}
        refused = act(found.__class__(name, "127.0.0.1", kiosk.port), "/blackout", 1)  # no passcode: refused
        assert refused["status"] != "ok", refused
        reply = act(found, "/blackout", 1)
        assert reply["status"] == "ok", reply
        assert kiosk.state()["blackout"] is True
        tile = wait_until(lambda: next((t for t in console.tiles() if t["name"] == name and
                                        t["status"] == "blackout"), None), 30, what="the tile to say blacked out")
        assert tile["word"] == "blacked out"
    finally:
        browser.close()
        stop.set()
        announcer.join(timeout=10)
        console.close()


def test_discovery_passcode_by_reference_only(tmp_path, monkeypatch):
    from installation.fleet.config import load_fleet

    def load(text):
        path = tmp_path / "fleet.yaml"
        path.write_text(text, encoding="utf-8")
        return load_fleet(path, tmp_path)

    fleet, problems = load("console: {discover: true}\ndiscovery:\n  passcode: secret\n")
    assert fleet is None and any(str(p).startswith("fleet.yaml:3:") and "unknown key 'passcode'" in str(p)
                                 for p in problems), problems
    fleet, problems = load("console:\n  discover: true\n")
    assert fleet is not None and [str(p) for p in problems] == [
        "fleet.yaml:2: warning: discover: true, but discovered kiosks have no passcode (give discovery: "
        "{passcode_env: NAME} or {passcode_file: FILE})"]
    (tmp_path / "kiosks.txt").write_text("from-a-file\n", encoding="utf-8")
    fleet, problems = load("console: {discover: true}\ndiscovery: {passcode_file: kiosks.txt}\n")
    assert not problems and fleet.discovered.passcode == "from-a-file"
    monkeypatch.delenv("NO_SUCH_DISCOVERY_VAR", raising=False)
    fleet, problems = load("discovery:\n  passcode_env: NO_SUCH_DISCOVERY_VAR\n")
    assert fleet is None and "fleet.yaml:2: error: environment variable NO_SUCH_DISCOVERY_VAR is not set" in \
        [str(p) for p in problems]
