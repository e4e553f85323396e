"""Tables without ruling lines: text placed in columns.

Used on pages where no ruled table was found. A line is *columnar* when wide gaps
(more than 1.5 em) split it into segments; three or more consecutive columnar lines,
at least two of them carrying a number, are a table. Its columns are the x-ranges the
segments occupy (overlapping segments of different lines are one column), so a blank
cell stays a blank cell in its column instead of shifting the numbers after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .layout import Line, is_number, line_text
from .model import Char

__all__ = ["ColumnTable", "find_column_tables"]

_COLUMN_GAP = 1.5  # em
_MIN_ROWS = 3


@dataclass(slots=True)
class ColumnTable:
    """An unruled table found on one page: its rows of cell texts, one per column."""

    page: int
    top: float
    bottom: float
    rows: list[list[str]]


def _segments(line: Line) -> list[list[Char]]:
    segs: list[list[Char]] = [[line.chars[0]]]
    for a, b in zip(line.chars, line.chars[1:], strict=False):
        if b.x0 - a.x1 > _COLUMN_GAP * max(a.size, b.size):
            segs.append([b])
        else:
            segs[-1].append(b)
    return segs


def _columns(runs: list[list[list[Char]]]) -> list[tuple[float, float]]:
    spans = sorted((seg[0].x0, seg[-1].x1) for segs in runs for seg in segs)
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1]:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return [(a, b) for a, b in cols]


def _table(run: list[Line]) -> ColumnTable:
    segs = [_segments(line) for line in run]
    cols = _columns(segs)
    rows: list[list[str]] = []
    for line_segs in segs:
        row = [""] * len(cols)
        for seg in line_segs:
            mid = (seg[0].x0 + seg[-1].x1) / 2
            col = next((i for i, (a, b) in enumerate(cols) if a <= mid <= b), len(cols) - 1)
            row[col] = (row[col] + line_text(seg, wide_gaps=False)).strip()
        rows.append(row)
    return ColumnTable(run[0].page, run[0].top, run[-1].bottom, rows)


def _qualifies(run: list[Line]) -> bool:
    if len(run) < _MIN_ROWS:
        return False
    numeric = sum(1 for line in run if any(is_number(line_text(s)) for s in _segments(line)[1:]))
    return numeric >= 2


def find_column_tables(lines: Sequence[Line]) -> tuple[list[ColumnTable], list[Line]]:
    """Unruled tables among one page's lines (top to bottom) and the lines left as text."""
    tables: list[ColumnTable] = []
    rest: list[Line] = []
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and len(_segments(line)) >= 2:
            run.append(line)
            continue
        if _qualifies(run):
            tables.append(_table(run))
        else:
            rest.extend(run)
        run = []
        if line is not None:
            rest.append(line)
    rest.sort(key=lambda ln: ln.top)
    return tables, rest
