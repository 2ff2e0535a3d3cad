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


def return_freed_memory() -> None:
    """Pixel buffers (images, Ken Burns frames) come and go all day. glibc raises its mmap threshold each time a
    big block is freed and then keeps such blocks in its heaps, so the process grows; a fixed threshold gives every
    block over 1 MiB its own mapping, handed back to the system when freed."""
    libc = _libc()
    if libc is None or not hasattr(libc, "mallopt"):
        return
    libc.mallopt(-3, 1024 * 1024)  # M_MMAP_THRESHOLD
    libc.mallopt(-8, 2)  # M_ARENA_MAX: helper threads share the heaps
