"""The resumable batch run behind ``disclosure-parser batch``: files in, a database (and exports) out."""

from __future__ import annotations

import glob
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .agencies import consecutive_pairs
from .batch import BatchStatus, ParseResult, parse_task, result_status, run_tasks, to_result
from .crossyear import compare_years
from .export import EXPORT_SUFFIXES, export_store
from .formats import format_from_name
from .options import ParseOptions
from .pool import Outcome
from .report import Report
from .store import ResultStore, open_store
from .tidy import cell_rows, document_row, finding_row, finding_rows

__all__ = ["BatchSummary", "expand_inputs", "run_batch"]

_HASH_CHUNK = 1 << 20


@dataclass(slots=True)
class BatchSummary:
    """Counts of one run; ``files`` lists what was written."""

    total: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    cross_year: int = 0
    files: list[Path] = field(default_factory=list)

    def line(self) -> str:
        rate = (self.ok + self.partial + self.failed) / self.seconds if self.seconds else 0.0
        return (
            f"{self.total} files: {self.ok} ok, {self.partial} partial, {self.failed} failed, "
            f"{self.skipped} skipped (already stored); {self.cross_year} cross-year findings; "
            f"{self.seconds:.1f} s ({rate:.1f} files/s)"
        )


def expand_inputs(inputs: Iterable[str]) -> list[Path]:
    """Files named, matched by a glob, or found under a directory (report formats only), in order."""
    seen: set[Path] = set()
    out: list[Path] = []

    def add(p: Path) -> None:
        if p not in seen:
            seen.add(p)
            out.append(p)

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                if sub.is_file() and format_from_name(sub.name) is not None and not sub.name.endswith(".json"):
                    add(sub)
        elif any(ch in item for ch in "*?["):
            for match in sorted(glob.glob(item, recursive=True)):
                if Path(match).is_file():
                    add(Path(match))
        else:
            add(path)  # a missing file still gets its row, as failed
    return out


def content_id(path: Path) -> str:
    """SHA-256 of the file's bytes; for an unreadable path, a stable id of the path itself."""
    try:
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(_HASH_CHUNK), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return "path:" + hashlib.sha256(os.fsencode(path)).hexdigest()


@dataclass(slots=True)
class _Rows:
    """What a worker sends back for the database: rows ready to insert, not a Report to re-walk."""

    status: BatchStatus  # document["status"], typed: the parent counts by it
    document: dict[str, object]
    cells: list[tuple[object, ...]]
    findings: list[tuple[object, ...]]
    report_json: str


def _rows_task(payload: tuple[str, ParseOptions, str]) -> _Rows:
    """Runs in a worker: parse one file and turn it into database rows there, so the parent,
    which only writes, does not become the bottleneck of a many-worker run."""
    path, options, doc_id = payload
    report = parse_task((path, options))
    result = ParseResult(path, result_status(report), report)
    # Tuples in column order: less to pickle and insert than dicts, for the parent's sake.
    return _Rows(
        result.status,
        document_row(result, doc_id=doc_id),
        [tuple(row.values()) for row in cell_rows(report, doc_id=doc_id)],
        [tuple(row.values()) for row in finding_rows(report, doc_id=doc_id)],
        report.model_dump_json(),
    )


def _convert(outcome: Outcome, label: str) -> ParseResult:
    if not outcome.ok:
        return to_result(outcome, label)
    rows: _Rows = outcome.value
    rss = outcome.peak_rss_kb / 1024 if outcome.peak_rss_kb else None
    return ParseResult(
        label,
        rows.status,
        None,
        seconds=outcome.seconds,
        index=outcome.index,
        worker_peak_rss_mb=rss,
        extra={"rows": rows},
    )


def _store_result(store: ResultStore, result: ParseResult, doc_id: str) -> None:
    rows: _Rows | None = result.extra.get("rows")
    if rows is not None:
        document = {**rows.document, "file": result.source, "seconds": round(result.seconds, 4)}
        store.add(document, rows.cells, rows.findings, rows.report_json)
    else:
        store.add(document_row(result, doc_id=doc_id), [], [], None)


def _cross_year(store: ResultStore) -> int:
    """Recompute C8–C10 between consecutive years of each agency over everything stored."""
    filled = dict(store.conn.execute("SELECT doc_id, COUNT(value) FROM cells GROUP BY doc_id").fetchall())
    docs = [(d, agency, year, float(filled.get(d, 0))) for d, agency, year, _ in store.document_index()]
    rows = []
    for earlier_id, later_id in consecutive_pairs(docs):
        pair = dict(store.reports([earlier_id, later_id]))
        earlier, later = (Report.model_validate(pair[i]) for i in (earlier_id, later_id))
        findings = compare_years(earlier, later)
        for i, f in enumerate(findings):
            row = finding_row(f, doc_id=later_id, seq=100_000 + i)  # clear of the document's own
            row["message"] = f"{row['message']} [vs {earlier_id[:12]}]"
            rows.append(row)
    return store.replace_cross_year(rows)


def run_batch(
    inputs: Iterable[str],
    out: str | Path,
    *,
    workers: int | None = None,
    timeout: float | None = 120.0,
    options: ParseOptions | None = None,
    chinese_headers: bool = False,
    progress: Callable[[ParseResult], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Parse every input not already stored into the database behind ``out``, then export.

    ``out`` ending in ``.duckdb`` or ``.sqlite``/``.db`` is the database itself; a file export
    (``.csv``, ``.parquet``, ``.xlsx``, ``.jsonl``) keeps its database beside it as
    ``<out>.work.sqlite`` so reruns stay incremental.
    """
    out = Path(out)
    db_path = out if out.suffix.lower() not in EXPORT_SUFFIXES else out.with_name(out.name + ".work.sqlite")
    paths = expand_inputs(inputs)
    summary = BatchSummary(total=len(paths))
    if on_total is not None:
        on_total(len(paths))
    started = time.perf_counter()
    store = open_store(db_path)
    try:
        known = store.known()
        ids: dict[str, str] = {}

        def todo() -> Iterator[str]:
            for path in paths:
                doc_id = content_id(path)
                if doc_id in known:
                    summary.skipped += 1
                    if progress is not None:
                        progress(ParseResult(str(path), "skipped"))
                    continue
                known.add(doc_id)
                ids[str(path)] = doc_id
                yield str(path)

        opts = options or ParseOptions()
        payloads = ((path, opts, ids[path]) for path in todo())
        results = run_tasks(payloads, _rows_task, _convert, workers=workers, timeout=timeout, progress=progress)
        for result in results:
            _store_result(store, result, ids.pop(result.source))
            setattr(summary, result.status, getattr(summary, result.status) + 1)
        summary.cross_year = _cross_year(store)
        if db_path != out:
            summary.files = export_store(store, out, chinese_headers=chinese_headers)
        else:
            summary.files = [out]
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary
