"""Parsing on many machines with Dask (extra ``[dask]``): paths or a bag of bytes → Dask DataFrames.

>>> from distributed import Client                              # doctest: +SKIP
>>> from disclosure_parser.dask import read_reports             # doctest: +SKIP
>>> client = Client("scheduler:8786")                           # doctest: +SKIP
>>> cells = read_reports(paths, table="cells")                  # doctest: +SKIP
>>> cells.groupby("year").value.sum().compute()                 # doctest: +SKIP

Each partition parses its files in the worker (no isolation per file beyond Dask's own
worker restarts: a file that fails gives a ``failed`` document row, never a failed task).
The tables have the columns of :mod:`disclosure_parser.tidy`, like the batch database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from .batch import ParseResult, result_status
from .errors import DisclosureParserError, MissingDependencyError
from .options import ParseOptions
from .parser import Parser
from .tidy import CELL_COLUMNS, DOCUMENT_COLUMNS, FINDING_COLUMNS, cell_rows, document_row, finding_rows

__all__ = ["read_reports"]

Table = Literal["cells", "documents", "findings"]
_COLUMNS: dict[str, tuple[str, ...]] = {
    "cells": CELL_COLUMNS,
    "documents": DOCUMENT_COLUMNS,
    "findings": FINDING_COLUMNS,
}
_NUMERIC = {
    "size": "Int64",
    "year": "Int64",
    "n_findings": "Int64",
    "n_errors": "Int64",
    "seconds": "Float64",
    "value": "Float64",
    "seq": "Int64",
}


def _require() -> tuple[Any, Any, Any]:
    try:
        import dask.bag as db
        import dask.dataframe as dd
        import pandas as pd
    except ImportError as exc:
        raise MissingDependencyError(
            "disclosure_parser.dask needs Dask: pip install 'disclosure-parser[dask]'"
        ) from exc
    return db, dd, pd


def _empty(table: Table) -> Any:
    _, _, pd = _require()
    cols = _COLUMNS[table]
    return pd.DataFrame({c: pd.Series(dtype=_NUMERIC.get(c, "string")) for c in cols})


def _rows(source: Any, table: Table, options: ParseOptions) -> list[dict[str, Any]]:
    data = source if isinstance(source, (bytes, bytearray)) else Path(source)
    label = f"<bytes {len(data)}>" if isinstance(data, (bytes, bytearray)) else str(data)
    try:
        report = Parser(options=options).parse(data)
        result = ParseResult(label, result_status(report), report)
        doc_id = report.meta.source.sha256 if report.meta.source else ""
    except DisclosureParserError as exc:
        result = ParseResult(label, "failed", None, type(exc).__name__, exc.message)
        raw = data if isinstance(data, (bytes, bytearray)) else str(data).encode()
        doc_id = "path:" + hashlib.sha256(raw).hexdigest()
    if table == "documents":
        return [document_row(result, doc_id=doc_id)]
    if result.report is None:
        return []
    rows = cell_rows if table == "cells" else finding_rows
    return list(rows(result.report, doc_id=doc_id))


def _partition(sources: Sequence[Any], table: Table, options: ParseOptions) -> Any:
    _, _, pd = _require()
    records = [row for s in sources for row in _rows(s, table, options)]
    frame = pd.DataFrame.from_records(records, columns=list(_COLUMNS[table]))
    return frame.astype({c: _NUMERIC.get(c, "string") for c in _COLUMNS[table]})


def read_reports(
    sources: Sequence[str | Path] | Any,
    *,
    table: Table = "cells",
    options: ParseOptions | None = None,
    files_per_partition: int = 16,
) -> Any:
    """A Dask DataFrame of one table (``cells``, ``documents`` or ``findings``).

    Args:
        sources: a list of paths (files visible to every worker), or a ``dask.bag.Bag`` of bytes
            (e.g. ``db.read_text(..., encoding=None)`` or your own bag of downloaded files).
        table: which table to build.
        options: :class:`ParseOptions` used in every worker.
        files_per_partition: paths per partition when ``sources`` is a list.
    """
    db, dd, _ = _require()
    opts = options or ParseOptions()
    if table not in _COLUMNS:
        raise ValueError(f"table must be one of {', '.join(_COLUMNS)}, not {table!r}")
    if isinstance(sources, db.Bag):
        from dask.delayed import delayed

        parts = [delayed(_partition)(part, table, opts) for part in sources.to_delayed()]
        return dd.from_delayed(parts, meta=_empty(table))
    paths = [str(p) for p in sources]
    chunks = [paths[i : i + files_per_partition] for i in range(0, len(paths), files_per_partition)] or [[]]
    return dd.from_map(_partition, chunks, table=table, options=opts, meta=_empty(table))
