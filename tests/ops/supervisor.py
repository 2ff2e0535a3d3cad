"""A tiny stand-in for systemd, for tests where systemd does not run: it reads the unit that
`installation service install` writes and does what systemd would with it — Type=notify (wait for READY=1 on a unix
datagram socket given as $NOTIFY_SOCKET), WatchdogSec= (pass $WATCHDOG_USEC; no WATCHDOG=1 in time → SIGABRT, then
SIGKILL), Restart=always with RestartSec=."""

from __future__ import annotations

import configparser
import shlex
import signal
import socket
import struct
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Record:
    at: float  # time.monotonic()
    kind: str  # start, ready, watchdog, status, timeout, exit
    pid: int
    text: str = ""


def read_unit(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keep key case
    parser.read(path)
    return dict(parser["Service"])


class Supervisor:
    def __init__(self, unit: Path, folder: Path, env: dict[str, str], watchdog_sec: float | None = None,
                 command: list[str] | None = None):
        service = read_unit(unit)
        assert service["Type"] == "notify" and service["Restart"] == "always"
        self.command = command or shlex.split(service["ExecStart"])
        self.cwd = shlex.split(service.get("WorkingDirectory", "."))[0]
        self.restart_sec = float(service["RestartSec"])
        self.watchdog_sec = watchdog_sec if watchdog_sec is not None else float(service["WatchdogSec"])
        self.start_timeout = float(service.get("TimeoutStartSec", 90))
        self.env = dict(env)
        self.records: list[Record] = []
        self.lock = threading.Condition()
        self.stop_requested = False
        self.process: subprocess.Popen | None = None
        self.log = (folder / "kiosk.log").open("ab")
        self.address = str(folder / "notify.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.address)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)  # like systemd: who sent it
        self.sock.settimeout(0.05)
        self.thread = threading.Thread(target=self._run, daemon=True)

    # ------------------------------------------------------------- test side
    def start(self) -> "Supervisor":
        self.thread.start()
        return self

    def wait_for(self, predicate, timeout: float) -> Record | None:
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                for record in self.records:
                    if predicate(record):
                        return record
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.lock.wait(left)

    def of(self, pid: int, kind: str) -> list[Record]:
        with self.lock:
            return [r for r in self.records if r.pid == pid and r.kind == kind]

    def stop(self) -> None:
        self.stop_requested = True
        process = self.process
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
        self.thread.join(10)
        self.sock.close()
        self.log.close()

    # ------------------------------------------------------------- systemd side
    def _note(self, kind: str, pid: int, text: str = "") -> None:
        with self.lock:
            self.records.append(Record(time.monotonic(), kind, pid, text))
            self.lock.notify_all()

    def _receive(self) -> tuple[int, str] | None:
        try:
            data, ancillary, _, _ = self.sock.recvmsg(4096, socket.CMSG_SPACE(12))
        except (socket.timeout, BlockingIOError):
            return None
        pid = 0
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                pid = struct.unpack("iII", payload[:12])[0]
        return pid, data.decode("utf-8", "replace")

    def _run(self) -> None:
        while not self.stop_requested:
            env = dict(self.env, NOTIFY_SOCKET=self.address, WATCHDOG_USEC=str(int(self.watchdog_sec * 1e6)))
            process = self.process = subprocess.Popen(self.command, cwd=self.cwd, env=env, stdout=self.log,
                                                      stderr=subprocess.STDOUT)
            self._note("start", process.pid)
            started = last_ping = time.monotonic()
            ready = False
            while process.poll() is None and not self.stop_requested:
                message = self._receive()
                now = time.monotonic()
                if message is not None:
                    pid, text = message
                    if pid != process.pid:  # NotifyAccess=main
                        continue
                    for line in text.splitlines():
                        key, _, value = line.partition("=")
                        if line == "READY=1":
                            ready, last_ping = True, now
                            self._note("ready", pid, self._status(text))
                        elif line == "WATCHDOG=1":
                            last_ping = now
                            self._note("watchdog", pid)
                        elif key == "STATUS" and "READY=1" not in text:
                            self._note("status", pid, value)
                if (ready and now - last_ping > self.watchdog_sec) or (not ready and now - started > self.start_timeout):
                    self._note("timeout", process.pid, "watchdog" if ready else "start")
                    process.send_signal(signal.SIGABRT)  # systemd's WatchdogSignal
                    try:
                        process.wait(30)  # systemd gives TimeoutAbortSec= (90 s by default)
                    except subprocess.TimeoutExpired:
                        process.kill()
            process.wait()
            self._note("exit", process.pid, str(process.returncode))
            if self.stop_requested:
                break
            time.sleep(self.restart_sec)  # Restart=always, RestartSec=

    @staticmethod
    def _status(text: str) -> str:
        for line in text.splitlines():
            if line.startswith("STATUS="):
                return line[len("STATUS="):]
        return ""
