"""`installation report`: visitor statistics as CSV files, PNG charts and a short summary (Markdown and HTML).

Several kiosks' databases combine: pass each with --db; a database given twice is counted once.
"""

from __future__ import annotations

import argparse
import csv
import html
import logging
import sqlite3
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .report_charts import CHARTS
from .stats import COLUMNS, Event

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=date.fromisoformat, metavar="DATE", help="first day to count (YYYY-MM-DD)")
    parser.add_argument("--until", type=date.fromisoformat, metavar="DATE", help="last day to count (YYYY-MM-DD)")
    parser.add_argument("--db", type=Path, nargs="+", action="extend", metavar="PATH",
                        help="statistics database(s); several kiosks' databases combine "
                             "(default: the one the exhibition config names, else the state directory's)")
    parser.add_argument("--config", type=Path, help="exhibition file whose stats: section names the database")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder for the report")
    fleet = parser.add_argument_group("every kiosk's statistics, fetched with Ansible (docs/deploy.md)")
    from .deploy import add_target_arguments

    add_target_arguments(fleet)


# ---------------------------------------------------------------- reading
@dataclass
class Source:
    path: Path
    database: str
    events: int = 0


@dataclass
class Data:
    events: list[Event] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read(paths: list[Path], since: date | None = None, until: date | None = None) -> Data:
    data, seen = Data(), set()
    for path in paths:
        if not Path(path).is_file():
            data.problems.append(f"{path}: no such database")
            continue
        try:
            db = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, timeout=10)
            try:
                meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
                database = meta.get("database", str(Path(path).resolve()))
                if database in seen:
                    data.problems.append(f"{path}: the same database was given before; counted once")
                    continue
                seen.add(database)
                query, params = f"SELECT {', '.join(COLUMNS)} FROM events", []
                clauses = []
                if since:
                    clauses.append("day >= ?")
                    params.append(since.isoformat())
                if until:
                    clauses.append("day <= ?")
                    params.append(until.isoformat())
                if clauses:
                    query += " WHERE " + " AND ".join(clauses)
                rows = db.execute(query + " ORDER BY id", params).fetchall()
            finally:
                db.close()
        except sqlite3.Error as exc:
            data.problems.append(f"{path}: not a statistics database ({exc})")
            continue
        data.sources.append(Source(Path(path), database, len(rows)))
        data.events.extend(Event(*row) for row in rows)
    return data


# ---------------------------------------------------------------- tables
@dataclass
class Tables:
    stories: list[dict]
    leaving: list[dict]
    languages: list[dict]
    hours: list[dict]
    days: list[dict]
    text_sizes: list[dict]
    kiosks: list[dict]


def tabulate(data: Data) -> Tables:
    events = data.events
    by = lambda name: [e for e in events if e.event == name]  # noqa: E731
    started = Counter(e.story for e in by("story_started"))
    completed = Counter(e.story for e in by("story_completed"))
    left = Counter(e.story for e in by("left_early"))
    declined = Counter(e.story for e in by("note_declined"))
    idle = Counter(e.story for e in by("idle_reset") if e.story)
    described = Counter(e.story for e in by("description_on") if e.story)
    order = list(dict.fromkeys(e.story for e in events if e.story))
    order.sort(key=lambda s: (-started[s], s))
    stories = [
        dict(story=s, started=started[s], completed=completed[s], left_early=left[s], declined=declined[s],
             idle_resets=idle[s], described=described[s],
             completion_rate=f"{completed[s] / started[s]:.2f}" if started[s] else "")
        for s in order
    ]
    reached = Counter((e.story, e.scene) for e in by("scene_reached"))
    left_at = Counter((e.story, e.scene) for e in by("left_early"))
    leaving = []
    for s in order:
        scenes = sorted({scene for (story, scene) in list(reached) + list(left_at) if story == s and scene})
        for scene in scenes:
            leaving.append(dict(story=s, scene=scene, reached=reached[(s, scene)], left=left_at[(s, scene)]))
    lang_started = Counter(e.language for e in by("story_started") if e.language)
    lang_switch = Counter(e.language for e in by("language") if e.language)
    languages = [dict(language=lang, stories_started=lang_started[lang], switched_to=lang_switch[lang])
                 for lang in sorted(set(lang_started) | set(lang_switch))]
    sessions_h = Counter(e.hour for e in by("session_started"))
    started_h = Counter(e.hour for e in by("story_started"))
    hours = [dict(hour=h, sessions=sessions_h[h], stories_started=started_h[h]) for h in range(24)]
    day_counts: dict[str, Counter] = defaultdict(Counter)
    for e in events:
        day_counts[e.day][e.event] += 1
    days = [dict(day=d, sessions=c["session_started"], stories_started=c["story_started"],
                 stories_completed=c["story_completed"], idle_resets=c["idle_reset"]) for d, c in sorted(day_counts.items())]
    size_started = Counter(e.text_size for e in by("story_started") if e.text_size is not None)
    size_changed = Counter(e.text_size for e in by("text_size") if e.text_size is not None)
    text_sizes = [dict(text_size=f"{size:g}", stories_started=size_started[size], chosen=size_changed[size])
                  for size in sorted(set(size_started) | set(size_changed))]
    per_kiosk: dict[tuple, list[Event]] = defaultdict(list)
    for e in events:
        per_kiosk[(e.kiosk, e.exhibition)].append(e)
    kiosks = [dict(kiosk=k, exhibition=x, events=len(es), sessions=sum(e.event == "session_started" for e in es),
                   first_day=min(e.day for e in es), last_day=max(e.day for e in es))
              for (k, x), es in sorted(per_kiosk.items())]
    return Tables(stories, leaving, languages, hours, days, text_sizes, kiosks)


def write_csv(path: Path, rows: list[dict], header: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


HEADERS = {
    "stories": ["story", "started", "completed", "left_early", "declined", "idle_resets", "described",
                "completion_rate"],
    "leaving": ["story", "scene", "reached", "left"],
    "languages": ["language", "stories_started", "switched_to"],
    "hours": ["hour", "sessions", "stories_started"],
    "days": ["day", "sessions", "stories_started", "stories_completed", "idle_resets"],
    "text_sizes": ["text_size", "stories_started", "chosen"],
    "kiosks": ["kiosk", "exhibition", "events", "sessions", "first_day", "last_day"],
}


# ---------------------------------------------------------------- summary
def summary_lines(data: Data, tables: Tables, since: date | None, until: date | None) -> list[str]:
    days = [r["day"] for r in tables.days]
    period = f"{since or (days[0] if days else '–')} to {until or (days[-1] if days else '–')}"
    sessions = sum(r["sessions"] for r in tables.days)
    started = sum(r["started"] for r in tables.stories)
    completed = sum(r["completed"] for r in tables.stories)
    lines = [f"Period: {period}. Kiosks: {', '.join(r['kiosk'] for r in tables.kiosks) or 'none'} "
             f"({len(data.sources)} database{'s' if len(data.sources) != 1 else ''}).",
             f"Visits (sessions): {sessions}. Stories started: {started}, completed: {completed}"
             + (f" ({completed / started:.0%})." if started else ".")]
    if tables.stories:
        top = tables.stories[0]
        lines.append(f"Most started: {top['story']} ({top['started']}).")
    described = sum(r["described"] for r in tables.stories)
    if described:
        lines.append(f"Audio description turned on during a story: {described} time{'s' if described != 1 else ''}.")
    voiced = sum(e.event == "voice_on" for e in data.events)
    if voiced:
        lines.append(f"Spoken guidance turned on: {voiced} time{'s' if voiced != 1 else ''}.")
    worst = max(tables.leaving, key=lambda r: r["left"], default=None)
    if worst and worst["left"]:
        lines.append(f"Most early exits at one scene: {worst['story']}, scene {worst['scene']} ({worst['left']}).")
    return lines


def write_summary(out: Path, data: Data, tables: Tables, since, until) -> tuple[Path, Path]:
    lines = summary_lines(data, tables, since, until)
    md = ["# Visitor statistics", ""] + [f"- {line}" for line in lines] + [""]
    for name, _, title in CHARTS:
        md += [f"## {title}", "", f"![{title}]({name})", ""]
    md += ["## Stories", "", "| " + " | ".join(HEADERS["stories"]) + " |",
           "|" + "---|" * len(HEADERS["stories"])]
    md += ["| " + " | ".join(str(r[h]) for h in HEADERS["stories"]) + " |" for r in tables.stories]
    md += ["", "CSV files: " + ", ".join(f"[{n}.csv]({n}.csv)" for n in HEADERS), ""]
    md_path = out / "report.md"
    md_path.write_text("\n".join(md), encoding="utf-8")

    e = html.escape
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Visitor statistics</title>",
             "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#2b2b2b}"
             "img{max-width:100%}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;"
             "text-align:left}</style></head><body><h1>Visitor statistics</h1><ul>"]
    parts += [f"<li>{e(line)}</li>" for line in lines] + ["</ul>"]
    for name, _, title in CHARTS:
        parts.append(f"<h2>{e(title)}</h2><img src='{e(name)}' alt='{e(title)}'>")
    parts.append("<h2>Stories</h2><table><tr>" + "".join(f"<th>{e(h)}</th>" for h in HEADERS["stories"]) + "</tr>")
    parts += ["<tr>" + "".join(f"<td>{e(str(r[h]))}</td>" for h in HEADERS["stories"]) + "</tr>"
              for r in tables.stories]
    parts.append("</table><p>CSV files: " + ", ".join(f"<a href='{n}.csv'>{n}.csv</a>" for n in HEADERS)
                 + "</p></body></html>\n")
    html_path = out / "index.html"
    html_path.write_text("\n".join(parts), encoding="utf-8")
    return md_path, html_path


def build(paths: list[Path], out: Path, since: date | None = None, until: date | None = None) -> tuple[Data, list[Path]]:
    """Read the databases and write the report; returns the data read and the files written."""
    data = read(paths, since, until)
    tables = tabulate(data)
    out.mkdir(parents=True, exist_ok=True)
    written = [write_csv(out / f"{name}.csv", getattr(tables, name), header) for name, header in HEADERS.items()]
    written += [chart(tables, out / name) for name, chart, _ in CHARTS]
    written += list(write_summary(out, data, tables, since, until))
    return data, written


def default_databases(config: Path | None) -> list[Path]:
    from .paths import default_stats_path, stats_path

    if config is None:
        from ..content.project import default_config

        config = default_config()
    if config.exists():
        from ..content.load import load_exhibition, project_root

        root = project_root(config)
        exhibition, _, _ = load_exhibition(config, root)
        if exhibition is not None:
            path = stats_path(exhibition.stats, root)
            return [path] if path else []
    return [default_stats_path()]


def run(args: argparse.Namespace) -> int:
    if getattr(args, "fleet", None) or getattr(args, "inventory", None):
        from .fleetstats import gather

        return gather(args)
    paths = args.db or default_databases(args.config)
    if not paths:
        print("report: statistics are off in this exhibition's config; name a database with --db", file=sys.stderr)
        return 2
    return report_on(paths, args)


def report_on(paths: list[Path], args: argparse.Namespace, sources: str = "database(s)") -> int:
    """Build the report of these databases into args.output and say what it holds."""
    data, written = build(paths, args.output, args.since, args.until)
    for problem in data.problems:
        print(f"report: {problem}", file=sys.stderr)
    if not data.sources:
        print("report: no statistics database could be read", file=sys.stderr)
        return 1
    print(f"{len(data.events)} events from {len(data.sources)} {sources}; report in {args.output}/index.html "
          f"and {args.output}/report.md")
    return 0
