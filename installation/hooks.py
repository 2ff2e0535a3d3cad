"""Hooks that adapters attach to one another (listeners, loop hooks): one that fails is logged, the rest still run."""

from __future__ import annotations

import logging
from typing import Callable

log = logging.getLogger(__name__)


def call_each(hooks: list[Callable], *args, what: str) -> None:
    """Call every hook in turn; one that fails is logged and the show goes on."""
    for hook in list(hooks):
        try:
            hook(*args)
        except Exception:
            log.exception("%s failed", what)
