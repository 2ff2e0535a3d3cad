"""Running narration jobs: in this process, or in a pool of worker processes (one per core), with one lock per
project so that two builds never write the same files.

A worker that crashes (the speech library can) costs only its own scene: the rest are built one process each.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from .plan import Job, narration_dir
from .scene import Result, run_job

log = logging.getLogger(__name__)

WORKERS = 2
POOL_THRESHOLD = 4  # fewer jobs than this run in this process (starting workers costs ~1 s)


class BuildLock:
    """One build at a time per project (an exclusive lock file in media/narration/)."""

    def __init__(self, root: Path):
        self.path = narration_dir(root) / ".lock"
        self.handle = None

    def __enter__(self):
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "w")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            log.warning("another narration build is running; waiting for it to finish")
            fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        if self.handle:
            self.handle.close()  # releases the lock


def run_jobs(jobs: list[Job], workers: int, finished: Callable[[Job, Result], None], bar) -> None:
    if workers <= 1 or len(jobs) < POOL_THRESHOLD:
        for job in jobs:
            finished(job, run_job(job))
            if bar is not None:
                bar.update()
        return
    from concurrent.futures.process import BrokenProcessPool

    remaining = list(jobs)
    pool = _pool(workers)
    try:
        futures = {pool.submit(run_job, job): job for job in remaining}
        from concurrent.futures import as_completed

        for future in as_completed(futures):
            job = futures[future]
            finished(job, future.result())
            remaining.remove(job)
            if bar is not None:
                bar.update()
    except BrokenProcessPool:
        log.warning("a narration worker crashed; building the rest one at a time")
    finally:
        _stop(pool)  # on Ctrl-C too: the workers ignore it, so they must be stopped here
    # a worker died (e.g. the speech library crashed): each remaining job in a process of its own, so one
    # crash is pinned on its scene and does not stop the others
    for job in remaining:
        pool = _pool(1)
        try:
            result = pool.submit(run_job, job).result()
        except BrokenProcessPool:
            result = Result(job.key, False, [(job.story_file, job.line,
                                              f"scene '{job.scene}' ({job.language}): the speech engine crashed",
                                              "error")])
        finally:
            _stop(pool)
        finished(job, result)
        if bar is not None:
            bar.update()


def _pool(workers: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init)


def _worker_init() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is handled by the main process


def _stop(pool) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


