"""Handing freed memory back to the system (glibc): a kiosk runs for months, and what a story used is not needed
once it is over."""

from __future__ import annotations

import ctypes
import functools


@functools.cache
def _libc():
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None  # not glibc


def trim() -> bool:
    """Give the free pages of the heaps back (`malloc_trim(0)`, well under a millisecond here); whether it could."""
    libc = _libc()
    if libc is None or not hasattr(libc, "malloc_trim"):
        return False
    libc.malloc_trim(0)
    return True
