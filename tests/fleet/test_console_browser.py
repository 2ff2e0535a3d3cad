"""The console in a real browser (Debian's Chromium through Selenium), against real kiosk processes and a real
console process (uvicorn)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from .conftest import PASSCODE, start_all, wait_until, write_fleet

WAIT = 60  # generous: the machine may be busy


def tile_status(driver, name: str) -> str | None:
    tiles = driver.find_elements(By.CSS_SELECTOR, f'article.tile[data-kiosk="{name}"]')
    return tiles[0].get_attribute("data-status") if tiles else None


def wait_status(driver, name: str, wanted: set[str], timeout: float = WAIT) -> str:
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(
        lambda d: tile_status(d, name) in wanted and tile_status(d, name),
        message=f"{name} never showed {wanted} (last: {tile_status(driver, name)})")


def log_in(driver, url: str, passcode: str = PASSCODE) -> None:
    driver.get(url + "/")
    WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.ID, "login").is_displayed())
    driver.find_element(By.ID, "passcode").send_keys(passcode)
    driver.find_element(By.CSS_SELECTOR, "#login button[type=submit]").click()
    WebDriverWait(driver, WAIT).until(lambda d: "technician" in d.find_element(By.ID, "role").text)


@pytest.fixture
def fleet_of_three(tmp_path, kiosks, console):
    made = start_all([kiosks(f"kiosk-{i}") for i in (1, 2, 3)])
    path = write_fleet(tmp_path, made, groups={"triptych": ["kiosk-1", "kiosk-2"]})
    return made, console(path)


def test_tiles_for_every_kiosk_and_stop_all_reaches_every_kiosk(fleet_of_three, browser):
    made, served = fleet_of_three
    for kiosk in made:
        from installation.control.client import OscClient

        with OscClient("127.0.0.1", kiosk.port, tcp=True) as client:
            assert client.request("/go", "bo-bo", passcode="4821")["status"] == "ok"
    driver = browser(1280, 900)
    log_in(driver, served.url)
    for kiosk in made:
        wait_status(driver, kiosk.name, {"playing", "end"})
        tile = driver.find_element(By.CSS_SELECTOR, f'article.tile[data-kiosk="{kiosk.name}"]')
        assert tile.find_element(By.CLASS_NAME, "story").text == "bo-bo"
        assert tile.find_element(By.CLASS_NAME, "badge").text in ("playing", "support screen")
        assert tile.find_element(By.CLASS_NAME, "version").text.startswith("0.")
    # a screenshot on request: the kiosk saves it (here on this machine) and the tile shows it
    driver.find_element(By.CSS_SELECTOR, 'article.tile[data-kiosk="kiosk-1"] [data-action=screenshot]').click()
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script(
        "const i = document.querySelector('article.tile[data-kiosk=\"kiosk-1\"] img.shot');"
        "return !i.hidden && i.complete && i.naturalWidth === 320"))
    # the group's language, chosen in the console: both kiosks of the group change, the third does not
    Select(driver.find_element(By.ID, "group")).select_by_value("triptych")
    Select(driver.find_element(By.ID, "group-language")).select_by_value("zh-Hant")
    driver.find_element(By.ID, "group-language-set").click()
    WebDriverWait(driver, WAIT).until(lambda d: "language → group triptych" in d.find_element(By.ID, "outcome").text)
    for kiosk in made[:2]:
        wait_until(lambda: kiosk.state()["language"] == "zh-Hant", WAIT, what=f"{kiosk.name} in Chinese")
        WebDriverWait(driver, WAIT).until(lambda d: d.find_element(
            By.CSS_SELECTOR, f'article.tile[data-kiosk="{kiosk.name}"] .language').text == "zh-Hant")
    assert made[2].state()["language"] == "en"
    driver.find_element(By.ID, "stop-all").click()
    dialog = driver.find_element(By.ID, "confirm")
    WebDriverWait(driver, WAIT).until(lambda d: dialog.is_displayed())
    assert "every kiosk" in driver.find_element(By.ID, "confirm-text").text
    driver.find_element(By.ID, "confirm-ok").click()
    WebDriverWait(driver, WAIT).until(lambda d: "done on" in d.find_element(By.ID, "outcome").text)
    for kiosk in made:  # the kiosks' own state, not the page's
        assert kiosk.state()["screen"] == "attract"
        wait_status(driver, kiosk.name, {"attract"})


def test_killed_kiosk_turns_unreachable_within_grace_and_back_when_restarted(fleet_of_three, browser):
    made, served = fleet_of_three
    driver = browser(390, 844)  # a phone
    driver.get(served.url + "/view")
    for kiosk in made:
        wait_status(driver, kiosk.name, {"attract"})
    victim = made[1]
    victim.kill()
    # grace is 3 s in write_fleet: first the grace state, then unreachable, and an alert banner
    wait_status(driver, victim.name, {"late", "unreachable"})
    wait_status(driver, victim.name, {"unreachable"})
    WebDriverWait(driver, WAIT).until(lambda d: victim.name in d.find_element(By.ID, "alerts").text)
    assert tile_status(driver, made[0].name) == "attract"
    victim.start()  # the same port again, as its supervisor would restart it
    wait_status(driver, victim.name, {"attract"})
    WebDriverWait(driver, WAIT).until(lambda d: victim.name not in d.find_element(By.ID, "alerts").text)
    # the front-of-house view shows no actions
    assert not driver.find_element(By.ID, "controls").is_displayed()
    assert not any(b.is_displayed() for b in driver.find_elements(By.CSS_SELECTOR, "[data-action]"))


def _post(url: str, body: dict, headers: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def test_action_without_login_is_refused(fleet_of_three, browser):
    made, served = fleet_of_three
    status, data = _post(served.url + "/api/action", {"action": "blackout"})
    assert status == 401 and "log in" in data["error"]
    # from the page, without logging in: the page offers no actions, and a scripted POST is refused too
    driver = browser(1280, 900)
    driver.get(served.url + "/")
    wait_status(driver, made[0].name, {"attract"})
    assert not driver.find_element(By.ID, "controls").is_displayed()
    result = post_blackout(driver)
    assert result == 401
    # logged in, but without the CSRF token (as a cross-site form would be): refused
    log_in(driver, served.url)
    result = post_blackout(driver)
    assert result == 403
    for kiosk in made:
        assert kiosk.state()["blackout"] is False
    # a login without the page's token is refused; wrong passcodes are refused, logged, and after five the
    # source must wait
    assert _post(served.url + "/api/login", {"passcode": PASSCODE})[0] == 403
    codes = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        (async () => {
          const me = await (await fetch('/api/me')).json();
          const codes = [];
          for (let i = 0; i < 6; i++) {
            const r = await fetch('/api/login', {method: 'POST', body: JSON.stringify({passcode: 'wrong'}),
              headers: {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf}});
            codes.push(r.status);
          }
          done(codes);
        })();""")
    assert codes == [401] * 5 + [429]
    assert "failed login(s) from 127.0.0.1" in served.log.read_text()


def test_synchronised_start_from_the_console_shows_its_figures(tmp_path, console, browser):
    from selenium.webdriver.support.ui import Select

    from installation.fleet.bench import Trio

    with Trio(tmp_path / "trio") as trio:
        served = console(write_fleet(tmp_path, trio.kiosks, groups={"triptych": [k.name for k in trio.kiosks]}))
        driver = browser(1280, 900)
        log_in(driver, served.url)
        for kiosk in trio.kiosks:
            wait_status(driver, kiosk.name, {"attract", "end"})
        WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#group-story option"))
        Select(driver.find_element(By.ID, "group")).select_by_value("triptych")
        Select(driver.find_element(By.ID, "group-story")).select_by_value("quick")
        driver.find_element(By.ID, "sync-go").click()
        text = WebDriverWait(driver, WAIT).until(lambda d: d.execute_script(
            "const e = document.getElementById('sync-summary'); return e && e.textContent"))
        assert text.startswith("Synchronised start of quick on triptych: first-frame spread ") and text.endswith(" ms")
        rows = driver.execute_script("return [...document.querySelectorAll('#sync tbody tr')]"
                                     ".map(r => [...r.cells].map(c => c.textContent))")
        assert [r[0] for r in rows] == ["kiosk-1", "kiosk-2", "kiosk-3"]
        assert abs(float(rows[1][1].split()[0]) - 2000) < 5  # kiosk-2 runs under faketime +2 s
        shown = float(text.split("spread ")[1].split()[0])
        reports = [k.send("/state")["data"]["started"] for k in trio.kiosks]
        if all(r and r["scene"] == 1 for r in reports):  # still on the first scene: compare with the kiosks' own
            stamps = [r["monotonic"] for r in reports]
            assert shown == pytest.approx((max(stamps) - min(stamps)) * 1000, abs=0.01)
        for kiosk in trio.kiosks:
            wait_status(driver, kiosk.name, {"playing", "end"})


def post_blackout(driver) -> int:
    """The HTTP status of a blackout posted from the page's own script, as a script without the console's UI would."""
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('/api/action', {method: 'POST', headers: {'Content-Type': 'application/json'},
                              body: JSON.stringify({action: 'blackout'})})
          .then(r => done(r.status));""")


def test_closed_by_opening_hours_and_a_screenshot_over_the_network(tmp_path, kiosks, console, browser):
    """A real kiosk whose opening hours are closed now (configured: yesterday, today and tomorrow are closed days)
    reports it in /state with when it opens, and its tile says so by colour and word. The console runs in a working
    directory and temporary folder of its own: the screenshot reaches it in the kiosk's OSC reply."""
    import os
    from datetime import datetime, time, timedelta
    from zoneinfo import ZoneInfo

    from installation.content.schema import WEEKDAYS
    from installation.fleet.tiles import STATUSES

    zone = ZoneInfo("America/Toronto")
    today = datetime.now(zone).date()
    hours = {"timezone": "America/Toronto", "weekly": {day: ["10:00-18:00"] for day in WEEKDAYS},
             "closed": [today + timedelta(days=d) for d in (-1, 0, 1)]}
    opens = datetime.combine(today + timedelta(days=2), time(10, 0), zone)
    closed = kiosks("kiosk-closed", settings={"hours": hours}, arguments=("--hours",))
    other = kiosks("kiosk-open")
    start_all([closed, other])
    state = wait_until(lambda: (lambda s: s["blackout"] and s)(closed.state()), WAIT, what="the schedule's blackout")
    assert state["closed"] is True
    assert state["hours"] == {"open": False, "next_change": opens.timestamp(),
                              "next_change_local": f"{opens:%Y-%m-%d %H:%M %Z}"}
    assert other.state()["closed"] is False and other.state()["hours"] is None
    elsewhere = tmp_path / "laptop"
    served = console(write_fleet(tmp_path, [closed, other]), cwd=elsewhere)
    driver = browser(390, 844)  # a phone
    log_in(driver, served.url)
    wait_status(driver, "kiosk-closed", {"closed"})
    tile = driver.find_element(By.CSS_SELECTOR, 'article.tile[data-kiosk="kiosk-closed"]')
    assert tile.find_element(By.CLASS_NAME, "badge").text == "closed (opening hours)"
    assert f"opens {opens:%Y-%m-%d %H:%M %Z}" in tile.find_element(By.CLASS_NAME, "note").text
    colour = STATUSES["closed"][1]
    rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    assert tile.find_element(By.CLASS_NAME, "badge").value_of_css_property("background-color") == f"rgba{rgb + (1,)}"
    assert tile.value_of_css_property("border-left-color") == f"rgba{rgb + (1,)}"
    # screenshots over the network: the kiosk's JPEG in its reply, shown on the tile; no file on either side
    for name in ("kiosk-open", "kiosk-closed"):
        driver.find_element(By.CSS_SELECTOR, f'article.tile[data-kiosk="{name}"] [data-action=screenshot]').click()
        WebDriverWait(driver, WAIT).until(lambda d: d.execute_script(
            f"const i = document.querySelector('article.tile[data-kiosk=\"{name}\"] img.shot');"
            "return !i.hidden && i.complete && i.naturalWidth === 320 && i.src.startsWith('blob:')"))
        WebDriverWait(driver, WAIT).until(lambda d: f"screenshot of {name}: shown" in d.find_element(By.ID, "outcome").text)
    assert os.listdir(elsewhere / "tmp") == []
    # a technician wakes the closed kiosk: the schedule still says closed, the screen is no longer closed
    from installation.control.client import OscClient

    with OscClient("127.0.0.1", closed.port, tcp=True) as client:
        assert client.request("/blackout", 0, passcode="4821")["status"] == "ok"
    state = closed.state()
    assert state["closed"] is False and state["hours"]["open"] is False
    wait_status(driver, "kiosk-closed", {"attract"})
