"""Parsing many reports: isolated worker processes, per-file timeouts, lazy streaming results.

>>> for result in dp.parse_many(paths, workers=2):          # doctest: +SKIP
...     print(result.source, result.status, result.report and result.report.template)
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import DisclosureParserError
from .options import ParseOptions
from .parser import Parser
from .pool import Outcome, WorkerPool
from .report import Report

__all__ = ["BatchStatus", "ParseResult", "parse_many", "parse_task", "result_status", "run_tasks", "to_result"]

BatchStatus = Literal["ok", "partial", "failed", "skipped"]
BatchSource = str | os.PathLike[str] | bytes


@dataclass(slots=True)
class ParseResult:
    """The outcome for one source of a batch.

    ``status``: ``ok``; ``partial`` (the report has error findings or needs OCR);
    ``failed`` (no report: ``error_type``/``error`` say why — a ``DisclosureParserError``
    subclass, ``Timeout`` or ``WorkerCrashed``); ``skipped`` (not parsed, e.g. already stored).
    """

    source: str
    status: BatchStatus
    report: Report | None = None
    error_type: str | None = None
    error: str | None = None
    seconds: float = 0.0
    index: int = 0
    worker_peak_rss_mb: float | None = None  # the worker's peak RSS so far (telemetry)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "partial")


def result_status(report: Report) -> BatchStatus:
    """``partial`` for a report with error findings or needing OCR, else ``ok``."""
    if report.status == "needs_ocr" or report.errors():
        return "partial"
    return "ok"


def _label(source: BatchSource, index: int) -> str:
    if isinstance(source, bytes):
        return f"<bytes #{index}>"
    return os.fspath(source)


def parse_task(payload: tuple[BatchSource, ParseOptions]) -> Report:
    """Runs in a worker: parse one source (module-level so every start method can pickle it;
    :mod:`.bulk` runs it too, before turning the report into database rows)."""
    source, options = payload
    if isinstance(source, str):
        source = Path(source)  # in a batch a str is a path, never report text
    return Parser(options=options).parse(source)


def to_result(outcome: Outcome, label: str) -> ParseResult:
    """A worker's outcome (a report, or the error that stopped it) as the result of ``label``."""
    rss = outcome.peak_rss_kb / 1024 if outcome.peak_rss_kb else None
    if outcome.ok:
        report: Report = outcome.value
        status = result_status(report)
        return ParseResult(label, status, report, seconds=outcome.seconds, index=outcome.index, worker_peak_rss_mb=rss)
    return ParseResult(label, "failed", None, outcome.error_type, outcome.error, outcome.seconds, outcome.index, rss)


def _serial(payloads: Iterable[tuple[Any, ...]], task: Callable[[Any], Any]) -> Iterator[Outcome]:
    for i, payload in enumerate(payloads):
        started = time.perf_counter()
        try:
            value = task(payload)
            yield Outcome(i, True, value, seconds=time.perf_counter() - started)
        except DisclosureParserError as exc:
            yield Outcome(i, False, None, type(exc).__name__, str(exc), time.perf_counter() - started)


def parse_many(
    sources: Iterable[BatchSource],
    *,
    workers: int | None = None,
    timeout: float | None = 120.0,
    ordered: bool = True,
    options: ParseOptions | None = None,
    progress: Callable[[ParseResult], None] | None = None,
    memory_mb: int | None = 4096,
) -> Iterator[ParseResult]:
    """Parse many reports; yield one :class:`ParseResult` per source, lazily.

    Args:
        sources: paths (``str`` is always a path here) or ``bytes``; any iterable, consumed lazily.
        workers: worker processes (default: the CPU count). ``0`` parses in this process,
            without isolation or timeouts (for debugging).
        timeout: seconds one file may take before its worker is stopped (``None``: no limit).
        ordered: yield in input order (default) or as files finish.
        options: :class:`ParseOptions` for every file (limits, strict).
        progress: called with each result as it is yielded.
        memory_mb: address-space limit of each worker process, in MiB (``None``: no limit).

    A file that raises, hangs or crashes its worker gives a ``failed`` result; the others go on.
    Memory stays flat: only a few results wait for an earlier one when ``ordered``.
    """
    opts = options or ParseOptions()
    payloads = ((source, opts) for source in sources)
    yield from run_tasks(
        payloads,
        parse_task,
        to_result,
        workers=workers,
        timeout=timeout,
        ordered=ordered,
        progress=progress,
        memory_mb=memory_mb,
    )


def run_tasks(
    payloads: Iterable[tuple[Any, ...]],
    task: Callable[[Any], Any],
    convert: Callable[[Outcome, str], ParseResult],
    *,
    workers: int | None,
    timeout: float | None,
    ordered: bool = True,
    progress: Callable[[ParseResult], None] | None = None,
    memory_mb: int | None = 4096,
) -> Iterator[ParseResult]:
    """The engine of :func:`parse_many`: ``task(payload)`` in isolated workers, results converted
    and yielded in order (or as they finish). A payload's first item is its source."""
    labels: dict[int, str] = {}

    def labelled() -> Iterator[tuple[Any, ...]]:
        for i, payload in enumerate(payloads):
            labels[i] = _label(payload[0], i)
            yield payload

    state = {"next": 0}
    if workers == 0:
        outcomes = _serial(labelled(), task)
    else:
        pool = WorkerPool(task, workers=workers, timeout=timeout, memory_mb=memory_mb)
        outcomes = pool.run(labelled(), oldest=(lambda: state["next"]) if ordered else None)
    buffer: dict[int, ParseResult] = {}
    for outcome in outcomes:
        result = convert(outcome, labels.pop(outcome.index, ""))
        if not ordered:
            yield from _emit(result, progress)
            continue
        buffer[result.index] = result
        while state["next"] in buffer:
            ready = buffer.pop(state["next"])
            state["next"] += 1
            yield from _emit(ready, progress)


def _emit(result: ParseResult, progress: Callable[[ParseResult], None] | None) -> Iterator[ParseResult]:
    if progress is not None:
        progress(result)
    yield result
