"""`installation deploy`: run the Ansible playbooks in deploy/ against the kiosks of the fleet file (or an inventory).

`inventory` prints the Ansible inventory made from config/fleet.yaml; `software`, `content` and `rollback` run
deploy/<action>.yml with it (see docs/deploy.md). Ansible does the work: this only finds the files and says clearly
what went wrong when it cannot start.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
DEFAULT_FLEET = Path("config/fleet.yaml")
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
DONE = {"stats": "statistics fetched"}  # how the end of a run is put, when not "deploy <name>"
PLAYBOOKS = {"software": "install or update the kiosk program and its systemd service",
             "content": "deploy config/, stories/ and media/ as a new release (checked, then switched atomically)",
             "rollback": "switch every kiosk back to its previous release"}


class DeployError(Exception):
    pass


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    inventory = sub.add_parser("inventory", help="print the Ansible inventory made from the fleet file")
    inventory.add_argument("--fleet", type=Path, default=DEFAULT_FLEET, help=f"fleet file (default {DEFAULT_FLEET})")
    inventory.add_argument("-o", "--output", type=Path, help="write it here instead of printing it")
    for name, text in PLAYBOOKS.items():
        action = sub.add_parser(name, help=text, description=text)
        add_target_arguments(action)
        if name == "content":
            action.add_argument("--project", type=Path, default=Path("."),
                                help="the project folder whose content is deployed (default .)")
        if name == "rollback":
            action.add_argument("--release", help="go back to this release id (default: the previous one)")


def add_target_arguments(parser: argparse.ArgumentParser) -> None:
    """Which kiosks: the fleet file or an Ansible inventory, narrowed with --limit; more Ansible variables with -e."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--fleet", type=Path, nargs="?", const=DEFAULT_FLEET, metavar="FILE",
                       help=f"the kiosks of this fleet file (default {DEFAULT_FLEET})")
    where.add_argument("-i", "--inventory", type=Path, help="an Ansible inventory instead (e.g. deploy/inventory.yml)")
    parser.add_argument("--limit", help="only these kiosks or groups (Ansible's --limit, e.g. kiosk-1 or foyer)")
    parser.add_argument("-e", "--extra", action="append", default=[], metavar="NAME=VALUE",
                        help="an Ansible variable for this run (repeatable; see deploy/group_vars/all.yml)")
    parser.add_argument("--ansible-arg", action="append", default=[], metavar="ARG",
                        help="pass this on to ansible-playbook (e.g. --ansible-arg=-v)")


# ---------------------------------------------------------------- the fleet file → an inventory
def read_fleet(path: Path) -> list[dict]:
    """The kiosks of a fleet file: name, host, port, groups (the console's loader when it is there)."""
    try:
        from ..fleet.config import load_fleet
    except ImportError:
        load_fleet = None
    if load_fleet is not None:
        fleet, problems = load_fleet(path)
        if fleet is None:
            raise DeployError("; ".join(str(p) for p in problems if p.level == "error") or f"{path}: cannot read")
        return [{"name": k.name, "host": k.host, "port": k.port, "groups": list(k.groups)} for k in fleet.kiosks
                if not getattr(k, "discovered", False)]
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DeployError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise DeployError(f"{path}: not valid YAML ({exc})") from None
    kiosks = data.get("kiosks") if isinstance(data, dict) else None
    if not isinstance(kiosks, list):
        raise DeployError(f"{path}: needs a list of kiosks: `kiosks: [{{name: …, host: …}}]`")
    out = []
    for number, item in enumerate(kiosks, 1):
        if not isinstance(item, dict) or not item.get("name") or not item.get("host"):
            raise DeployError(f"{path}: kiosk {number}: needs a name and a host")
        out.append({"name": str(item["name"]), "host": str(item["host"]), "port": int(item.get("port", 53100)),
                    "groups": [str(g) for g in item.get("groups") or []]})
    return out


def inventory(kiosks: list[dict]) -> dict:
    """An Ansible inventory: every kiosk in group `kiosks` (and its own groups), its OSC port as kiosk_osc_port."""
    hosts: dict[str, dict] = {}
    groups: dict[str, dict] = {}
    for kiosk in kiosks:
        variables = {"ansible_host": kiosk["host"], "kiosk_osc_port": kiosk["port"]}
        if kiosk["host"] in LOCAL_HOSTS:
            variables.update(ansible_connection="local", ansible_python_interpreter="{{ ansible_playbook_python }}")
        hosts[kiosk["name"]] = variables
        for group in kiosk["groups"]:
            groups.setdefault(group.replace("-", "_"), {"hosts": {}})["hosts"][kiosk["name"]] = None
    return {"all": {"children": {"kiosks": {"hosts": hosts, **({"children": groups} if groups else {})}}}}


def inventory_text(fleet: Path) -> str:
    header = f"# Made by `installation deploy inventory` from {fleet}; settings: deploy/group_vars/all.yml\n"
    return header + yaml.safe_dump(inventory(read_fleet(fleet)), sort_keys=False, allow_unicode=True)


# ---------------------------------------------------------------- running a playbook
def ansible_playbook() -> str:
    beside = Path(sys.executable).parent / "ansible-playbook"
    found = str(beside) if beside.exists() else shutil.which("ansible-playbook")
    if not found:
        raise DeployError("ansible-playbook is not installed here: `pip install 'installation[deploy]'` "
                          "(./test.sh and docs/deploy.md do it)")
    return found


def playbook_command(name: str, inventory_path: Path, args: argparse.Namespace) -> list[str]:
    command = [ansible_playbook(), "-i", str(inventory_path), str(DEPLOY / f"{name}.yml")]
    if args.limit:
        command += ["--limit", f"{args.limit},localhost"]  # packing and the summary run on this machine
    if name == "content":
        command += ["-e", f"deploy_source={Path(args.project).resolve()}"]
    if name == "rollback" and args.release:
        command += ["-e", f"rollback_to={args.release}"]
    for extra in args.extra:
        command += ["-e", extra]
    return command + list(args.ansible_arg)


def run_playbook(name: str, args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="installation-deploy-") as scratch:
        if args.inventory:
            inventory_path = args.inventory
        else:
            fleet = args.fleet or DEFAULT_FLEET
            inventory_path = Path(scratch) / "inventory.yml"
            inventory_path.write_text(inventory_text(fleet), encoding="utf-8")
        env = dict(os.environ, ANSIBLE_CONFIG=str(DEPLOY / "ansible.cfg"), ANSIBLE_NOCOWS="1",
                   ANSIBLE_LOCAL_TEMP=str(Path(scratch) / "ansible-local"))
        command = playbook_command(name, inventory_path, args)
        try:
            done = subprocess.run(command, env=env)
        except OSError as exc:
            raise DeployError(f"cannot run ansible-playbook: {exc}") from None
    what = DONE.get(name, f"deploy {name}")
    if done.returncode == 0:
        print(f"{what}: done on every kiosk")
    elif done.returncode in (2, 4):
        print(f"{what}: not done on some kiosks (unreachable, or a step failed); the summary above says which and "
              "why", file=sys.stderr)
    else:
        print(f"{what}: ansible-playbook stopped with code {done.returncode} (its message is above)", file=sys.stderr)
    return done.returncode


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "action", None)
    try:
        if action == "inventory":
            text = inventory_text(args.fleet)
            if args.output:
                args.output.write_text(text, encoding="utf-8")
                print(f"wrote {args.output}")
            else:
                sys.stdout.write(text)
            return 0
        if action in PLAYBOOKS:
            return run_playbook(action, args)
    except DeployError as exc:
        print(f"deploy: {exc}", file=sys.stderr)
        return 2
    print("usage: installation deploy {inventory,software,content,rollback} (see --help)", file=sys.stderr)
    return 2
