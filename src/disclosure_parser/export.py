"""Writing the batch tables to files: CSV, Parquet, Excel, JSON Lines.

CSV and Parquet write three sibling files (``<stem>.documents``, ``<stem>.cells``,
``<stem>.findings``); Excel one workbook with a sheet per table; JSON Lines one line per
document with its full report. CSV is UTF-8 with a BOM so Excel opens Chinese text
correctly; ``chinese_headers`` puts the Chinese column names of :data:`.tidy.CHINESE_HEADERS`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import MissingDependencyError
from .store import ResultStore
from .tidy import CHINESE_HEADERS

__all__ = ["EXPORT_SUFFIXES", "export_store"]

EXPORT_SUFFIXES = (".csv", ".parquet", ".xlsx", ".jsonl")
TABLES = ("documents", "cells", "findings")
_SHEETS_ZH = {"documents": "文档", "cells": "单元格", "findings": "提示"}
_EXCEL_MAX_ROWS = 1_048_576


def _headers(columns: list[str], chinese: bool) -> list[str]:
    return [CHINESE_HEADERS.get(c, c) for c in columns] if chinese else columns


def _sibling(out: Path, table: str) -> Path:
    return out.with_name(f"{out.stem}.{table}{out.suffix}")


def _csv(store: ResultStore, out: Path, chinese: bool) -> list[Path]:
    written = []
    for table in TABLES:
        path = _sibling(out, table)
        columns, rows = store.rows(table)
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(_headers(columns, chinese))
            for batch in rows:
                writer.writerows(batch)
        written.append(path)
    return written


def _parquet(store: ResultStore, out: Path, chinese: bool) -> list[Path]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingDependencyError("Parquet export needs pyarrow: pip install 'disclosure-parser[parquet]'") from exc
    written = []
    for table in TABLES:
        path = _sibling(out, table)
        columns, rows = store.rows(table)
        names = _headers(columns, chinese)
        writer = None
        for batch in rows:
            chunk = pa.Table.from_pylist([dict(zip(names, r, strict=True)) for r in batch])
            if writer is None:
                writer = pq.ParquetWriter(str(path), chunk.schema)
            writer.write_table(chunk.cast(writer.schema))
        if writer is None:
            pq.write_table(pa.table({n: pa.array([], pa.string()) for n in names}), str(path))
        else:
            writer.close()
        written.append(path)
    return written


def _excel(store: ResultStore, out: Path, chinese: bool) -> list[Path]:
    try:
        from openpyxl import Workbook
    except ImportError as exc:
        raise MissingDependencyError("Excel export needs openpyxl: pip install 'disclosure-parser[excel]'") from exc
    wb = Workbook(write_only=True)
    for table in TABLES:
        columns, rows = store.rows(table)
        title = _SHEETS_ZH[table] if chinese else table
        for part, chunk in enumerate(_chunks(rows, _EXCEL_MAX_ROWS - 1)):
            ws = wb.create_sheet(title if part == 0 else f"{title} ({part + 1})")
            ws.freeze_panes = "A2"
            ws.append(_headers(columns, chinese))
            for row in chunk:
                ws.append([_excel_safe(v) for v in row])
    wb.save(str(out))
    return [out]


def _chunks(rows: Iterator[list[tuple[Any, ...]]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    """Rows regrouped into sheets of at most ``size`` rows (Excel's limit); at least one sheet."""
    current: list[tuple[Any, ...]] = []
    for batch in rows:
        for row in batch:
            current.append(row)
            if len(current) == size:
                yield current
                current = []
    yield current


def _excel_safe(value: Any) -> Any:
    # Excel rejects control characters in cells; openpyxl writes a leading "=" as a formula.
    if isinstance(value, str):
        value = "".join(ch for ch in value if ch >= " " or ch in "\t\n")
        if value.startswith("="):
            value = "'" + value
    return value


def _jsonl(store: ResultStore, out: Path, chinese: bool) -> list[Path]:
    columns, rows = store.rows("documents", with_report=True)
    with out.open("w", encoding="utf-8") as fh:
        for batch in rows:
            for row in batch:
                doc = dict(zip(columns, row, strict=True))
                text = doc.pop("report_json")
                doc["report"] = json.loads(text) if text else None
                fh.write(json.dumps(doc, ensure_ascii=False, default=str) + "\n")
    return [out]


def export_store(store: ResultStore, out: str | Path, *, chinese_headers: bool = False) -> list[Path]:
    """Write the store's tables to ``out`` in the format its suffix names; returns the files written."""
    path = Path(out)
    writers = {".csv": _csv, ".parquet": _parquet, ".xlsx": _excel, ".jsonl": _jsonl}
    try:
        writer = writers[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"out must end with one of {', '.join(EXPORT_SUFFIXES)}, .duckdb or .sqlite") from None
    return writer(store, path, chinese_headers)
