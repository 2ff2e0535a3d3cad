"""The charts of `installation report` (matplotlib, drawn off screen), one PNG per table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .report import Tables

INK, MUTED, ACCENT, SECOND = "#2b2b2b", "#8a8a8a", "#c47f2c", "#3f6e8c"


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": 10, "axes.spines.top": False, "axes.spines.right": False,
                         "axes.edgecolor": MUTED, "axes.labelcolor": INK, "xtick.color": INK, "ytick.color": INK,
                         "figure.dpi": 100, "savefig.dpi": 120})
    return plt


def _empty(ax, text: str = "no data in this period") -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", color=MUTED, transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def _integer_axis(axis) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def chart_stories(tables: Tables, path: Path) -> Path:
    plt = _pyplot()
    rows = tables.stories
    fig, ax = plt.subplots(figsize=(9, max(2.8, 0.6 * len(rows) + 1.4)))
    if rows:
        names = [r["story"] for r in rows][::-1]
        y = list(range(len(names)))
        series = [("started", SECOND, "started"), ("completed", ACCENT, "completed"),
                  ("declined", "#b9b2a7", "content note declined")]
        height = 0.26
        for offset, (key, colour, label) in zip((height, 0, -height), series):
            bars = ax.barh([i + offset for i in y], [r[key] for r in rows][::-1], height=height, color=colour,
                           label=label)
            ax.bar_label(bars, [str(v) if v else "" for v in [r[key] for r in rows][::-1]], padding=3, fontsize=8,
                         color=INK)
        ax.set_yticks(y, names)
        _integer_axis(ax.xaxis)
        ax.set_xlabel("stories")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    else:
        _empty(ax)
    ax.set_title("Stories started and completed", loc="left", color=INK)
    fig.tight_layout()
    return _save(fig, path)


def _save(fig, path: Path) -> Path:
    fig.savefig(path)
    _pyplot().close(fig)
    return path


def chart_leaving(tables: Tables, path: Path) -> Path:
    plt = _pyplot()
    stories = [r["story"] for r in tables.stories if any(x["story"] == r["story"] for x in tables.leaving)]
    cols = 3 if len(stories) > 4 else max(1, min(2, len(stories)))
    rows = max(1, -(-len(stories) // cols))
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 2.7 * rows + 0.6), squeeze=False)
    flat = [ax for row in axes for ax in row]
    for ax, story in zip(flat, stories):
        scenes = [x for x in tables.leaving if x["story"] == story]
        numbers = [x["scene"] for x in scenes]
        ax.bar(numbers, [x["reached"] for x in scenes], color="#d9d4cc", label="reached")
        ax.bar(numbers, [x["left"] for x in scenes], color=ACCENT, label="left here")
        ax.set_title(story, loc="left", fontsize=10, color=INK)
        ax.set_xticks(numbers)
        ax.set_xlabel("scene")
        _integer_axis(ax.yaxis)
    for ax in flat[len(stories):]:
        ax.axis("off")
    if not stories:
        _empty(flat[0])
    else:
        handles, labels = flat[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="upper right", frameon=False, ncols=2, fontsize=9)
    fig.suptitle("Where visitors leave each story (scenes reached, and left early there)", x=0.01, ha="left",
                 color=INK)
    fig.tight_layout(rect=(0, 0, 1, 0.97 if rows > 1 else 0.94))
    return _save(fig, path)


def chart_languages(tables: Tables, path: Path) -> Path:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 3.2))
    rows = tables.languages
    if rows:
        names = [r["language"] for r in rows]
        x = range(len(names))
        ax.bar([i - 0.2 for i in x], [r["stories_started"] for r in rows], width=0.4, color=SECOND,
               label="stories started in it")
        ax.bar([i + 0.2 for i in x], [r["switched_to"] for r in rows], width=0.4, color=ACCENT,
               label="switched to it")
        ax.set_xticks(list(x), names)
        _integer_axis(ax.yaxis)
        ax.legend(frameon=False)
    else:
        _empty(ax)
    ax.set_title("Languages", loc="left", color=INK)
    fig.tight_layout()
    return _save(fig, path)


def chart_hours(tables: Tables, path: Path) -> Path:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(9, 3.2))
    rows = tables.hours
    if any(r["sessions"] or r["stories_started"] for r in rows):
        ax.bar([r["hour"] for r in rows], [r["sessions"] for r in rows], color=SECOND, label="visits (sessions)")
        ax.plot([r["hour"] for r in rows], [r["stories_started"] for r in rows], color=ACCENT, marker="o",
                markersize=3, label="stories started")
        ax.set_xticks(range(0, 24, 2), [f"{h:02d}:00" for h in range(0, 24, 2)])
        ax.set_xlim(-0.6, 23.6)
        _integer_axis(ax.yaxis)
        ax.legend(frameon=False)
    else:
        _empty(ax)
    ax.set_title("Visits by hour of day (local time)", loc="left", color=INK)
    fig.tight_layout()
    return _save(fig, path)


CHARTS = [
    ("stories.png", chart_stories, "Stories started and completed"),
    ("leaving.png", chart_leaving, "Where visitors leave each story"),
    ("languages.png", chart_languages, "Languages"),
    ("hours.png", chart_hours, "Visits by hour of day"),
]
