"""Where a project is: its exhibition file when none is given, and the folder its stories and media are in.
(No heavy imports: the command line reads this before it loads anything else.)"""

from __future__ import annotations

from pathlib import Path

DEFAULT_CONFIG = "config/viminal-space.yaml"


def default_config() -> Path:
    """The exhibition file when none is given: the current folder's, else this checkout's."""
    here = Path.cwd() / DEFAULT_CONFIG
    return here if here.exists() else Path(__file__).resolve().parents[2] / DEFAULT_CONFIG


def project_root(config_path: Path) -> Path:
    """The project folder: the parent of the exhibition file's `config/` folder, else the current folder."""
    config_path = config_path.resolve()
    if config_path.parent.name == "config":
        return config_path.parent.parent
    return Path.cwd()
