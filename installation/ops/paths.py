"""Where the kiosk keeps its state (statistics) and logs on this platform."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "installation"


def state_dir() -> Path:
    """$XDG_STATE_HOME/installation (~/.local/state/installation) on Linux; the usual places elsewhere."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP
    base = os.environ.get("XDG_STATE_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".local" / "state") / APP


def log_dir() -> Path:
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP
    return state_dir() / "logs"


def default_stats_path() -> Path:
    return state_dir() / "stats.sqlite3"


def stats_path(settings, root: Path, override: Path | None = None) -> Path | None:
    """The statistics database for an exhibition: --stats, else the config's stats.path, else the state directory.
    None when the config turns statistics off (and no --stats asks for them)."""
    if override is not None:
        return Path(override).expanduser()
    if settings is not None and not settings.enabled:
        return None
    if settings is not None and settings.path:
        path = Path(settings.path).expanduser()
        return path if path.is_absolute() else root / path
    return default_stats_path()
