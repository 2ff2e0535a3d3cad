"""`installation service install|status|uninstall`: the kiosk as a systemd unit.

A user unit by default (~/.config/systemd/user/installation-kiosk.service), started with the graphical session;
`--system` writes a system unit for a dedicated kiosk account instead. Either way: Type=notify (the kiosk says READY=1
once its first frame is up), WatchdogSec=3 (the render loop sends WATCHDOG=1 every second; a loop silent for 3 s is
killed: all heavy work — image decoding, reloads, statistics, speech — runs on worker threads, so a turn of the loop
takes milliseconds), Restart=always with RestartSec=1 and no start limit, and LimitCORE=0 (no core dump delays the
restart), so a hang is back on the attract screen within 6 s and a crash within 2 s.
"""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

UNIT_NAME = "installation-kiosk.service"
WATCHDOG_SEC = 3
RESTART_SEC = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    install = sub.add_parser("install", help="write (and enable) the systemd unit")
    scope = install.add_mutually_exclusive_group()
    scope.add_argument("--user", action="store_true", help="a user unit, started with the graphical session (default)")
    scope.add_argument("--system", action="store_true", help="a system unit running as --account on display :0")
    install.add_argument("--account", default=None, help="--system: the account that runs the kiosk (default: you)")
    install.add_argument("--config", type=Path, help="exhibition file (default config/viminal-space.yaml)")
    install.add_argument("--print", dest="print_only", action="store_true", help="print the unit, write nothing")
    install.add_argument("--unit-dir", type=Path, help="write the unit here instead of systemd's folder")
    install.add_argument("--no-enable", action="store_true", help="write the unit but do not enable it")
    install.add_argument("--start", action="store_true", help="also start it now")
    install.add_argument("play_args", nargs="*", metavar="PLAY_ARG",
                         help="more options for `installation play` (after --), e.g. -- --display 1")
    status = sub.add_parser("status", help="is the kiosk service installed, running, restarting?")
    status.add_argument("--system", action="store_true", help="look at the system unit")
    uninstall = sub.add_parser("uninstall", help="stop, disable and remove the unit")
    uninstall.add_argument("--system", action="store_true", help="the system unit")


# ---------------------------------------------------------------- the unit
def quote(arg: str) -> str:
    """Quote one ExecStart argument for systemd (double quotes, backslash escapes; '%' doubled)."""
    arg = arg.replace("%", "%%")
    if arg and all(c.isalnum() or c in "/._-+=:," for c in arg):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def project_root_of(config: Path) -> Path:
    """The project folder, symlinks kept: a deployed kiosk's unit names `current/…`, which a release switch moves."""
    if config.parent.name == "config":
        return config.parent.parent
    from ..content.load import project_root

    return project_root(config)


def unit_text(config: Path, user: bool = True, python: str | None = None, account: str | None = None,
              play_args: list[str] | tuple[str, ...] = (), watchdog: int = WATCHDOG_SEC,
              restart: int = RESTART_SEC) -> str:
    config = Path(os.path.abspath(config))
    root = project_root_of(config)
    python = python or sys.executable
    command = " ".join(quote(a) for a in [python, "-m", "installation", "play", "--config", str(config), *play_args])
    target = "graphical-session.target" if user else "graphical.target"
    lines = [
        "# Written by `installation service install`; see docs/operations.md. Edit with care: it is rewritten",
        "# by the next install.",
        "[Unit]",
        "Description=Behind the Rescue exhibition kiosk",
        f"Documentation=file://{quote(str(root / 'docs' / 'operations.md'))}",
        f"After={target}",
    ]
    if user:
        lines.append(f"PartOf={target}")
    lines += [
        "StartLimitIntervalSec=0",
        "",
        "[Service]",
        "Type=notify",
        "NotifyAccess=main",
        f"ExecStart={command}",
        f"WorkingDirectory={quote(str(root))}",
        "Environment=PYTHONUNBUFFERED=1",
        "Restart=always",
        f"RestartSec={restart}",
        f"WatchdogSec={watchdog}",
        "LimitCORE=0",
        "TimeoutStartSec=60",
        "TimeoutStopSec=5",
    ]
    if not user:
        account = account or getpass.getuser()
        lines += [f"User={account}", "Environment=DISPLAY=:0", "Environment=SDL_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR=0"]
    lines += ["", "[Install]", f"WantedBy={target}", ""]
    return "\n".join(lines)


def unit_dir(user: bool) -> Path:
    if user:
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(base) / "systemd" / "user"
    return Path("/etc/systemd/system")


@dataclass(frozen=True)
class Installed:
    path: Path
    user: bool


def installed_unit() -> Installed | None:
    for user in (True, False):
        path = unit_dir(user) / UNIT_NAME
        if path.exists():
            return Installed(path, user)
    return None


# ---------------------------------------------------------------- systemctl
def systemctl(user: bool, *args: str, capture: bool = False) -> subprocess.CompletedProcess | None:
    if not shutil.which("systemctl"):
        return None
    command = ["systemctl", *(["--user"] if user else []), *args]
    try:
        return subprocess.run(command, capture_output=capture, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None


def systemd_running(user: bool) -> bool:
    done = systemctl(user, "is-system-running", capture=True)
    return done is not None and done.stdout.strip() not in ("", "offline") and "Failed to connect" not in done.stderr


# ---------------------------------------------------------------- actions
def install(args: argparse.Namespace) -> int:
    from ..content.project import default_config

    user = not args.system
    config = Path(os.path.abspath(args.config or default_config()))
    if not config.exists() and not args.print_only:
        print(f"service: no exhibition file at {config}", file=sys.stderr)
        return 2
    text = unit_text(config, user=user, account=args.account, play_args=args.play_args)
    if args.print_only:
        sys.stdout.write(text)
        return 0
    folder = args.unit_dir or unit_dir(user)
    path = folder / UNIT_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"service: cannot write {path} ({exc}){'; try with sudo' if not user else ''}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    scope = "--user " if user else ""
    if args.unit_dir or args.no_enable:
        print(f"enable it with: systemctl {scope}daemon-reload && systemctl {scope}enable {UNIT_NAME}")
        return 0
    if not systemd_running(user):
        print(f"systemd is not reachable here; on the kiosk run: systemctl {scope}daemon-reload && "
              f"systemctl {scope}enable --now {UNIT_NAME}")
        return 0
    for step in (["daemon-reload"], ["enable", *(["--now"] if args.start else []), UNIT_NAME]):
        done = systemctl(user, *step)
        if done is None or done.returncode != 0:
            print(f"service: `systemctl {scope}{' '.join(step)}` failed", file=sys.stderr)
            return 1
    if user:
        print("enabled: it starts with the graphical session. For a kiosk without anyone logged in, turn on "
              "automatic login and `loginctl enable-linger` (docs/operations.md).")
    return 0


def status(args: argparse.Namespace) -> int:
    user = not args.system
    path = unit_dir(user) / UNIT_NAME
    if not path.exists():
        other = installed_unit()
        hint = f" (a {'user' if other.user else 'system'} unit is at {other.path})" if other else ""
        print(f"not installed: no {path}{hint}. Install with `installation service install`.")
        return 3
    print(f"unit: {path}")
    if not systemd_running(user):
        print("systemd is not reachable from here, so its state is unknown.")
        return 3
    done = systemctl(user, "show", UNIT_NAME, "--no-pager", capture=True,
                     *[f"-p{p}" for p in ("ActiveState", "SubState", "MainPID", "NRestarts", "StatusText",
                                           "ExecMainStartTimestamp", "UnitFileState", "WatchdogTimestamp")])
    info = dict(line.split("=", 1) for line in (done.stdout if done else "").splitlines() if "=" in line)
    for key, label in (("ActiveState", "state"), ("SubState", "detail"), ("UnitFileState", "enabled"),
                       ("MainPID", "pid"), ("ExecMainStartTimestamp", "started"), ("NRestarts", "restarts"),
                       ("WatchdogTimestamp", "last watchdog ping"), ("StatusText", "kiosk says")):
        print(f"{label:>19}: {info.get(key, '?') or '-'}")
    return 0 if info.get("ActiveState") == "active" else 3


def uninstall(args: argparse.Namespace) -> int:
    user = not args.system
    path = unit_dir(user) / UNIT_NAME
    if systemd_running(user):
        systemctl(user, "disable", "--now", UNIT_NAME)
    if path.exists():
        path.unlink()
        print(f"removed {path}")
        if systemd_running(user):
            systemctl(user, "daemon-reload")
    else:
        print(f"nothing to remove at {path}")
    return 0


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "action", None)
    if action == "install":
        return install(args)
    if action == "status":
        return status(args)
    if action == "uninstall":
        return uninstall(args)
    print("usage: installation service {install,status,uninstall} (see --help)", file=sys.stderr)
    return 2
