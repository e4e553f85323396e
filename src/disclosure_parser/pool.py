"""A small process pool that survives its tasks: per-task timeouts, crashed workers replaced.

``concurrent.futures.ProcessPoolExecutor`` cannot stop a hung task and breaks entirely
when one worker dies; a batch over thousands of untrusted files needs both. Each worker
here owns a pipe; the parent waits on all pipes and process sentinels at once, kills a
worker whose task passed its deadline, and starts a fresh one in its place.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import Any

__all__ = ["Outcome", "WorkerPool"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one task: ``value`` when ``ok``, else the error's type name and message."""

    index: int
    ok: bool
    value: Any = None
    error_type: str = ""
    error: str = ""
    seconds: float = 0.0
    peak_rss_kb: int = 0


def _limit_memory(megabytes: int | None) -> None:
    if not megabytes:
        return
    try:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not on this platform
        pass


def _peak_rss_kb() -> int:
    try:
        import resource

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    except ImportError:  # pragma: no cover - not on this platform
        return 0


def _worker_main(conn: Connection, fn: Callable[[Any], Any], memory_mb: int | None) -> None:
    _limit_memory(memory_mb)
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        index, payload = task
        started = time.perf_counter()
        try:
            value = fn(payload)
            msg: tuple[Any, ...] = (index, True, value, "", "", time.perf_counter() - started, _peak_rss_kb())
        except BaseException as exc:  # everything a task raises is reported, not fatal
            msg = (index, False, None, type(exc).__name__, str(exc), time.perf_counter() - started, _peak_rss_kb())
        try:
            conn.send(msg)
        except Exception as exc:  # an unpicklable result: report it instead of dying silently
            conn.send((index, False, None, type(exc).__name__, f"result could not be sent: {exc}", 0.0, 0))


class _Worker:
    def __init__(self, ctx: BaseContext, fn: Callable[[Any], Any], memory_mb: int | None) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, fn, memory_mb), daemon=True)  # type: ignore[attr-defined]
        self.process.start()
        child.close()
        self.task: int | None = None
        self.deadline = 0.0
        self.started = 0.0

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                pass
        self.process.join(timeout=1 if not kill else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """Run ``fn(payload)`` for each payload in worker processes; outcomes arrive as they finish."""

    def __init__(
        self,
        fn: Callable[[Any], Any],
        *,
        workers: int | None = None,
        timeout: float | None = 120.0,
        memory_mb: int | None = None,
        context: str | None = None,
        window: int | None = None,
    ) -> None:
        self.fn = fn
        self.n = max(1, workers or os.cpu_count() or 1)
        self.timeout = timeout
        self.memory_mb = memory_mb
        # forkserver: workers start from a clean process, safe even when the caller holds
        # threads (a database connection, a progress bar) that plain fork would copy mid-state.
        default = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self.ctx = mp.get_context(context or default)
        if self.ctx.get_start_method() == "forkserver":
            # Workers fork from a server that has imported the parser once, so a fresh worker
            # (at the start, or replacing a killed one) is ready in milliseconds.
            self.ctx.set_forkserver_preload(["disclosure_parser.batch", "disclosure_parser.bulk"])
        self.window = window or self.n * 4

    def _spawn(self) -> _Worker:
        return _Worker(self.ctx, self.fn, self.memory_mb)

    def run(self, payloads: Iterable[Any], *, oldest: Callable[[], int] | None = None) -> Iterator[Outcome]:
        """Outcomes in completion order. ``oldest()`` (the lowest index still wanted by an
        ordering consumer) bounds how far ahead tasks are dispatched, so memory stays flat."""
        source = iter(enumerate(payloads))
        workers = [self._spawn() for _ in range(self.n)]
        exhausted = False
        self._dispatched = 0
        try:
            while True:
                for w in workers:
                    if w.task is None and not exhausted:
                        exhausted = not self._dispatch(w, source, oldest)
                busy = [w for w in workers if w.task is not None]
                if not busy:
                    return
                yield from self._collect(workers, busy)
        finally:
            for w in workers:
                w.stop(kill=w.task is not None)

    def _dispatch(self, w: _Worker, source: Iterator[tuple[int, Any]], oldest: Callable[[], int] | None) -> bool:
        """Give ``w`` the next task; False once the input is exhausted."""
        if oldest is not None and self._dispatched >= oldest() + self.window:
            return True  # far enough ahead of what the consumer still waits for
        try:
            index, payload = next(source)
        except StopIteration:
            return False
        w.task, w.started = index, time.monotonic()
        w.deadline = w.started + self.timeout if self.timeout else float("inf")
        w.conn.send((index, payload))
        self._dispatched += 1
        return True

    def _collect(self, workers: list[_Worker], busy: list[_Worker]) -> Iterator[Outcome]:
        now = time.monotonic()
        wait_for = max(0.0, min(w.deadline for w in busy) - now) if self.timeout else None
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=wait_for))
        for i, w in enumerate(workers):
            if w.task is None:
                continue
            if w.conn in ready:
                try:
                    idx, ok, value, etype, err, secs, rss = w.conn.recv()
                except (EOFError, OSError):
                    yield self._replace(workers, i, "WorkerCrashed", "the worker process died while parsing")
                    continue
                w.task = None
                yield Outcome(idx, ok, value, etype, err, secs, rss)
            elif w.process.sentinel in ready:
                code = w.process.exitcode
                yield self._replace(workers, i, "WorkerCrashed", f"the worker process died (exit code {code})")
            elif time.monotonic() >= w.deadline:
                yield self._replace(workers, i, "Timeout", f"no result within {self.timeout:g} s; worker stopped")

    def _replace(self, workers: list[_Worker], i: int, etype: str, message: str) -> Outcome:
        w = workers[i]
        index = w.task if w.task is not None else -1
        seconds = time.monotonic() - w.started
        w.task = None
        w.stop(kill=True)
        workers[i] = self._spawn()
        return Outcome(index, False, None, etype, message, seconds)
