"""The batch result database: DuckDB or SQLite, keyed by content hash, written atomically.

Three tables — ``documents`` (one row per distinct file content, failed ones included),
``cells`` (document × canonical key) and ``findings`` — with the columns of :mod:`.tidy`,
plus the full report JSON per document so later passes (cross-year checks, exports) need
not parse again. Each document's rows are written in one transaction: an interrupted
run (Ctrl-C, ``kill -9``) keeps everything committed before and never half a document;
a rerun skips every ``doc_id`` already stored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import MissingDependencyError
from .tidy import CELL_COLUMNS, DOCUMENT_COLUMNS, FINDING_COLUMNS

__all__ = ["ResultStore", "open_store"]

_TYPES = {
    "size": "BIGINT",
    "year": "INTEGER",
    "n_findings": "INTEGER",
    "n_errors": "INTEGER",
    "seconds": "DOUBLE",
    "value": "DOUBLE",
    "seq": "INTEGER",
}


def _ddl(table: str, columns: Sequence[str], key: str, extra: str = "") -> str:
    cols = ", ".join(f"{c} {_TYPES.get(c, 'TEXT')}" for c in columns)
    return f"CREATE TABLE IF NOT EXISTS {table} ({cols}{extra}, PRIMARY KEY ({key}))"


_SCHEMA = (
    _ddl("documents", DOCUMENT_COLUMNS, "doc_id", ", report_json TEXT"),
    _ddl("cells", CELL_COLUMNS, "doc_id, key"),
    _ddl("findings", FINDING_COLUMNS, "doc_id, seq", ", scope TEXT"),
)


class ResultStore:
    """A DB-API connection to DuckDB or SQLite with the three batch tables."""

    def __init__(self, conn: Any, kind: str, path: Path) -> None:
        self.conn = conn
        self.kind = kind
        self.path = path
        for stmt in _SCHEMA:  # both connections autocommit; documents use explicit transactions
            self.conn.execute(stmt)

    def known(self) -> set[str]:
        """Every ``doc_id`` already stored (parsed, failed or not a report)."""
        return {row[0] for row in self.conn.execute("SELECT doc_id FROM documents").fetchall()}

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        marks = ", ".join("?" for _ in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        self.conn.executemany(sql, [tuple(r.get(c) for c in columns) for r in rows])

    def add(
        self,
        document: dict[str, Any],
        cells: Sequence[dict[str, Any]],
        findings: Sequence[dict[str, Any]],
        report_json: str | None,
    ) -> bool:
        """Store one document atomically; False if its ``doc_id`` was already there."""
        exists = self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (document["doc_id"],)).fetchone()
        if exists:
            return False
        self.conn.execute("BEGIN TRANSACTION")
        try:
            self._insert("documents", [*DOCUMENT_COLUMNS, "report_json"], [{**document, "report_json": report_json}])
            self._insert("cells", CELL_COLUMNS, cells)
            self._insert("findings", [*FINDING_COLUMNS, "scope"], [{**f, "scope": "document"} for f in findings])
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return True

    def replace_cross_year(self, findings: Iterable[dict[str, Any]]) -> int:
        """Replace all cross-year findings (recomputed over the whole store each run)."""
        rows = list(findings)
        self.conn.execute("BEGIN TRANSACTION")
        self.conn.execute("DELETE FROM findings WHERE scope = 'cross_year'")
        self._insert("findings", [*FINDING_COLUMNS, "scope"], [{**f, "scope": "cross_year"} for f in rows])
        self.conn.execute("COMMIT")
        return len(rows)

    def rows(self, table: str, *, with_report: bool = False) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
        """Column names and batches of rows of one table (``report_json`` only if asked)."""
        columns: tuple[str, ...] = {
            "documents": DOCUMENT_COLUMNS,
            "cells": CELL_COLUMNS,
            "findings": (*FINDING_COLUMNS, "scope"),
        }[table]
        if with_report and table == "documents":
            columns = (*columns, "report_json")
        order = {"documents": "file", "cells": "doc_id, key", "findings": "doc_id, seq"}[table]
        cur = self.conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")
        return list(columns), iter(lambda: cur.fetchmany(1000), [])

    def reports(self, doc_ids: Iterable[str] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """Stored report JSON (parsed) by ``doc_id``; all documents with a report if none given."""
        if doc_ids is None:
            cur = self.conn.execute("SELECT doc_id, report_json FROM documents WHERE report_json IS NOT NULL")
            for doc_id, text in cur.fetchall():
                yield doc_id, json.loads(text)
            return
        for doc_id in doc_ids:
            row = self.conn.execute("SELECT report_json FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            if row and row[0]:
                yield doc_id, json.loads(row[0])

    def document_index(self) -> list[tuple[str, str | None, int | None, str | None]]:
        """``(doc_id, agency, year, file)`` of every parsed report, for cross-year grouping."""
        sql = "SELECT doc_id, agency, year, file FROM documents WHERE report_json IS NOT NULL ORDER BY file"
        return [tuple(r) for r in self.conn.execute(sql).fetchall()]

    def close(self) -> None:
        self.conn.close()


def _duckdb(path: Path) -> Any:
    try:
        import duckdb
    except ImportError as exc:
        raise MissingDependencyError(
            "writing a DuckDB database needs duckdb: pip install 'disclosure-parser[duckdb]' "
            "(or use --out results.sqlite)"
        ) from exc
    return duckdb.connect(str(path))


def open_store(path: str | Path) -> ResultStore:
    """Open (creating if needed) a result database; DuckDB for ``.duckdb``, else SQLite."""
    p = Path(path)
    if p.suffix.lower() in (".duckdb", ".ddb"):
        return ResultStore(_duckdb(p), "duckdb", p)
    conn = sqlite3.connect(str(p), isolation_level=None)  # explicit BEGIN/COMMIT below
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return ResultStore(conn, "sqlite", p)
