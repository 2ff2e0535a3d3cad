"""Fleet statistics: every kiosk's statistics database, fetched over the deploy's Ansible inventory
(deploy/stats.yml, the `fetch` module), then one combined report (`installation report --fleet`).

On each kiosk, `python -m installation.ops.fleetstats snapshot` writes a consistent copy of the live database
(SQLite's VACUUM INTO: the kiosk goes on recording; what is in its write-ahead log is included).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path


def snapshot(source: Path, destination: Path) -> int:
    """A consistent copy of a statistics database that may be in use; returns how many events it holds."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.unlink(missing_ok=True)
    db = sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True, timeout=30)
    try:
        db.execute("VACUUM INTO ?", (str(destination),))
        return db.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        db.close()


def gather(args: argparse.Namespace) -> int:
    """`installation report --fleet`: fetch every kiosk's database into a temporary folder and report on them all."""
    from .deploy import DeployError, run_playbook
    from .report import report_on

    with tempfile.TemporaryDirectory(prefix="installation-fleet-stats-") as scratch:
        args.extra = [*getattr(args, "extra", []), f"stats_dest={scratch}"]
        try:
            code = run_playbook("stats", args)
        except DeployError as exc:
            print(f"report: {exc}", file=sys.stderr)
            return 2
        paths = sorted(Path(scratch).glob("*.sqlite3"))
        if not paths:
            print("report: no kiosk's statistics could be fetched (see above)", file=sys.stderr)
            return 1
        reported = report_on(paths, args, f"kiosk(s) ({', '.join(p.stem for p in paths)})")
    if reported != 0:
        return reported
    return 0 if code == 0 else 3  # 3: a report, but some kiosks are missing from it


def main(argv: list[str] | None = None) -> int:
    """On a kiosk: `python -m installation.ops.fleetstats snapshot [--db PATH | --config FILE] DESTINATION`."""
    parser = argparse.ArgumentParser(prog="python -m installation.ops.fleetstats")
    sub = parser.add_subparsers(dest="action", required=True)
    copy = sub.add_parser("snapshot", help="a consistent copy of this kiosk's statistics database")
    copy.add_argument("--db", type=Path, help="the database (default: the one the exhibition file names)")
    copy.add_argument("--config", type=Path, help="the exhibition file the kiosk plays")
    copy.add_argument("destination", type=Path)
    args = parser.parse_args(argv)
    from .report import default_databases

    sources = [args.db] if args.db else default_databases(args.config)
    if not sources:
        print("statistics are off in this exhibition's config", file=sys.stderr)
        return 1
    try:
        events = snapshot(sources[0], args.destination)
    except (sqlite3.Error, OSError) as exc:
        print(f"{sources[0]}: cannot copy the statistics database: {exc}", file=sys.stderr)
        return 1
    print(f"{events} events from {sources[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
