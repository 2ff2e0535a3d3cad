"""Prometheus metrics: a real headless kiosk with --metrics-port, scraped over HTTP; the sample Prometheus config and
alert rules checked (and their alerts unit-tested) with promtool."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from installation.control.client import OscClient
from installation.ops.release import loaded_release

REPO = Path(__file__).resolve().parents[2]
PROMETHEUS = REPO / "docs" / "prometheus"
HERE = Path(__file__).resolve().parent


def free_port(kind=socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scrape(port: int) -> dict[tuple[str, tuple], float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
        text = response.read().decode()
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text) for sample in family.samples}


def value(samples, name: str, **labels) -> float | None:
    return samples.get((name, tuple(sorted(labels.items()))))


def wait_until(condition, timeout: float = 120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = condition()
        except OSError:
            result = None
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_scrape_a_running_kiosk(project, tmp_path):
    metrics_port, osc_port = free_port(), free_port(socket.SOCK_DGRAM)
    log = open(tmp_path / "kiosk.log", "w")
    kiosk = subprocess.Popen([sys.executable, "-m", "installation", "play", "--headless", "--no-watch", "--config",
                              str(project), "--osc-port", str(osc_port), "--metrics-port", str(metrics_port)],
                             stdout=log, stderr=subprocess.STDOUT)
    try:
        first = wait_until(lambda: (s := scrape(metrics_port)) and value(s, "installation_frame_seconds_count") and s)
        assert value(first, "installation_up") == 1
        assert value(first, "installation_screen", screen="attract") == 1
        assert value(first, "installation_screen", screen="story") == 0
        assert value(first, "installation_info", screen_name="ops-1", exhibition="ops-test", version="0.1.0") == 1
        release = loaded_release(project.parents[1])
        wait_until(lambda: value(scrape(metrics_port), "installation_release_info", release=release) == 1)
        assert value(first, "installation_osc_enabled") == 1
        assert value(first, "installation_log_messages_total", level="error") is not None

        with OscClient("127.0.0.1", osc_port) as client:
            assert client.request("/go", "alpha")["status"] == "ok"
            samples = wait_until(lambda: (s := scrape(metrics_port))
                                 and value(s, "installation_screen", screen="story") == 1 and s)
        assert value(samples, "installation_story", story="alpha") == 1
        assert value(samples, "installation_scene") == 1
        assert value(samples, "installation_stories_started_total", story="alpha") == 1
        assert value(samples, "installation_visitor_sessions_total") == 0  # a technician's /go is not a visit
        assert value(samples, "installation_osc_events_total", event="messages") >= 1
        frames = value(samples, "installation_frame_seconds_count")
        assert frames >= 2 and value(samples, "installation_frame_seconds_bucket", le="+Inf") == frames
        assert 0 <= value(samples, "installation_frames_over_budget_total") <= frames
        assert value(samples, "installation_uptime_seconds") > 0
    finally:
        kiosk.terminate()
        kiosk.wait(timeout=30)
        log.close()
    assert "Traceback" not in (tmp_path / "kiosk.log").read_text()


def test_metrics_are_off_by_default_and_loopback_unless_configured(project):
    from installation.content.load import load_library
    from installation.ops.metrics import settings

    from .conftest import play_args

    library, _ = load_library(project)
    assert settings(play_args(), library.exhibition) is None
    assert settings(play_args("--metrics-port", "9999"), library.exhibition) == ("127.0.0.1", 9999)
    project.write_text(project.read_text(encoding="utf-8") + "metrics: {port: 9470}\n", encoding="utf-8")
    library, problems = load_library(project)
    assert not [p for p in problems if p.level == "error"], problems
    assert settings(play_args(), library.exhibition) == ("127.0.0.1", 9470)
    assert settings(play_args("--no-metrics"), library.exhibition) is None
    project.write_text(project.read_text(encoding="utf-8").replace("{port: 9470}", "{port: 9470, host: 0.0.0.0}"),
                       encoding="utf-8")
    library, _ = load_library(project)
    assert settings(play_args(), library.exhibition) == ("0.0.0.0", 9470)


def test_sample_prometheus_config_and_alert_rules(tmp_path):
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text(encoding="utf-8"))
    rules = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text(encoding="utf-8"))
    assert config["rule_files"] == ["alerts.yml"]
    assert config["scrape_configs"][0]["metrics_path"] == "/metrics"
    alerts = {rule["alert"]: rule for group in rules["groups"] for rule in group["rules"]}
    assert {"KioskDown", "KioskErrorsRising"} <= alerts.keys()
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool is not installed (Debian's prometheus package; ./test.sh installs it)")
    for command in (["check", "config", str(PROMETHEUS / "prometheus.yml")],
                    ["check", "rules", str(PROMETHEUS / "alerts.yml")]):
        done = subprocess.run([promtool, *command], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    unit = tmp_path / "alerts_test.yml"
    unit.write_text((HERE / "prometheus_alerts_test.yml").read_text(encoding="utf-8").replace(
        "ALERTS", str(PROMETHEUS / "alerts.yml")), encoding="utf-8")
    done = subprocess.run([promtool, "test", "rules", str(unit)], capture_output=True, text=True)
    assert done.returncode == 0 and "SUCCESS" in done.stdout, done.stdout + done.stderr
