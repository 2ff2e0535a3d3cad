"""Handing freed memory back to the system (glibc): a kiosk runs for months, and what a story used is not needed
once it is over."""

from __future__ import annotations

import ctypes
import functools
import queue
import threading

from ..threads import lower_priority


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


_letting_go: queue.SimpleQueue = queue.SimpleQueue()
_quiet = threading.Event()  # cleared while a transition plays: nothing is let go then
_quiet.set()


def hold(holding: bool) -> None:
    """While a crossfade plays, what is let go waits (a free holds the GIL as long as a frame takes to draw)."""
    (_quiet.clear if holding else _quiet.set)()


def let_go(*objects) -> None:
    """Drop these objects (decoded pictures, Ken Burns frames) on a helper thread: unmapping a picture's pixels
    takes 2–5 ms, a frame's worth of the render loop's time if it happens there. (pygame holds the GIL meanwhile,
    so this moves that time off a visitor's tap, to a turn with time to spare.)"""
    if objects:
        _letting_go.put(objects)
        _reaper()


def let_go_done(timeout: float = 10.0) -> bool:
    """Wait until everything handed to `let_go` so far is dropped."""
    done = threading.Event()
    _letting_go.put(done)
    _reaper()
    return done.wait(timeout)


@functools.cache
def _reaper() -> threading.Thread:
    def run() -> None:
        lower_priority(10)
        while True:
            item = _letting_go.get()
            if isinstance(item, threading.Event):
                item.set()
            else:
                _quiet.wait(timeout=5.0)
            item = None  # the objects' last reference

    thread = threading.Thread(target=run, name="let-go", daemon=True)
    thread.start()
    return thread
