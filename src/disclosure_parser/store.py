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
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import MissingDependencyError
from .tidy import CELL_COLUMNS, DOCUMENT_COLUMNS, FINDING_COLUMNS

__all__ = ["ResultStore", "open_store"]

_MAX_PARAMS = 30_000  # bound parameters per INSERT (SQLite allows 32766)
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


Row = dict[str, Any] | tuple[Any, ...]


def _with_scope(finding: Row) -> Row:
    return (*finding, "document") if isinstance(finding, tuple) else {**finding, "scope": "document"}


class ResultStore:
    """A DB-API connection to DuckDB or SQLite with the three batch tables.

    Documents are written in groups (``group`` documents or ``seconds`` of work, whichever
    comes first), each group in one transaction of multi-row inserts: DuckDB is slow at
    row-by-row inserts, and a killed run then loses at most one uncommitted group, which
    the rerun parses again.
    """

    def __init__(self, conn: Any, kind: str, path: Path, *, group: int = 1, seconds: float = 2.0) -> None:
        self.conn = conn
        self.kind = kind
        self.path = path
        self.group = group
        self.seconds = seconds
        for stmt in _SCHEMA:  # both connections autocommit; documents use explicit transactions
            self.conn.execute(stmt)
        self._known = {row[0] for row in self.conn.execute("SELECT doc_id FROM documents").fetchall()}
        self._pending: list[tuple[dict[str, Any], Sequence[Row], Sequence[Row], str | None]] = []
        self._flushed = time.monotonic()

    def known(self) -> set[str]:
        """Every ``doc_id`` already stored (parsed, failed or not a report)."""
        return set(self._known)

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
        """Multi-row INSERTs; a row is a dict by column name or a tuple in ``columns`` order."""
        if not rows:
            return
        one = "(" + ", ".join("?" for _ in columns) + ")"
        step = max(1, _MAX_PARAMS // len(columns))
        for i in range(0, len(rows), step):
            chunk = rows[i : i + step]
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([one] * len(chunk))}"
            params = [v for r in chunk for v in (r if isinstance(r, tuple) else (r.get(c) for c in columns))]
            self.conn.execute(sql, params)

    def add(
        self,
        document: dict[str, Any],
        cells: Sequence[Row],
        findings: Sequence[Row],
        report_json: str | None,
    ) -> bool:
        """Queue one document (written with its group); False if its ``doc_id`` is already stored."""
        if document["doc_id"] in self._known:
            return False
        self._known.add(document["doc_id"])
        self._pending.append((document, cells, findings, report_json))
        if len(self._pending) >= self.group or time.monotonic() - self._flushed >= self.seconds:
            self.flush()
        return True

    def flush(self) -> None:
        """Write the queued documents in one transaction."""
        self._flushed = time.monotonic()
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        self.conn.execute("BEGIN TRANSACTION")
        try:
            self._insert(
                "documents", [*DOCUMENT_COLUMNS, "report_json"], [{**d, "report_json": j} for d, _, _, j in pending]
            )
            self._insert("cells", CELL_COLUMNS, [c for _, cells, _, _ in pending for c in cells])
            self._insert(
                "findings",
                [*FINDING_COLUMNS, "scope"],
                [_with_scope(f) for _, _, fs, _ in pending for f in fs],
            )
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def replace_cross_year(self, findings: Iterable[dict[str, Any]]) -> int:
        """Replace all cross-year findings (recomputed over the whole store each run)."""
        self.flush()
        rows = list(findings)
        self.conn.execute("BEGIN TRANSACTION")
        self.conn.execute("DELETE FROM findings WHERE scope = 'cross_year'")
        self._insert("findings", [*FINDING_COLUMNS, "scope"], [{**f, "scope": "cross_year"} for f in rows])
        self.conn.execute("COMMIT")
        return len(rows)

    def rows(self, table: str, *, with_report: bool = False) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
        """Column names and batches of rows of one table (``report_json`` only if asked)."""
        self.flush()
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
        self.flush()
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
        self.flush()
        sql = "SELECT doc_id, agency, year, file FROM documents WHERE report_json IS NOT NULL ORDER BY file"
        return [tuple(r) for r in self.conn.execute(sql).fetchall()]

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.conn.close()


def _duckdb(path: Path) -> Any:
    try:
        import duckdb
    except ImportError as exc:
        raise MissingDependencyError(
            "writing a DuckDB database needs duckdb: pip install 'disclosure-parser[duckdb]' "
            "(or use --out results.sqlite)"
        ) from exc
    conn = duckdb.connect(str(path))
    # The parser workers need the CPUs; the database only appends. Bound its buffers too.
    conn.execute("SET threads TO 1")
    conn.execute("SET memory_limit = '512MB'")
    return conn


def open_store(path: str | Path) -> ResultStore:
    """Open (creating if needed) a result database; DuckDB for ``.duckdb``, else SQLite."""
    p = Path(path)
    if p.suffix.lower() in (".duckdb", ".ddb"):
        return ResultStore(_duckdb(p), "duckdb", p, group=50)
    # Few cached statements: multi-row INSERTs differ in length, and each cached one keeps
    # its (large) prepared statement, which made memory grow with the number of documents.
    conn = sqlite3.connect(str(p), isolation_level=None, cached_statements=8)  # explicit BEGIN/COMMIT
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return ResultStore(conn, "sqlite", p, group=25)
