"""Rebuilding a Word table's grid exactly as Word draws it.

WordprocessingML stores a table row by row, each ``w:tc`` saying how many grid columns
it covers (``w:gridSpan``, or the legacy ``w:hMerge`` restart/continue pair) and
whether it starts or continues a vertical merge (``w:vMerge``). A row may also skip
grid columns before its first cell (``w:gridBefore``) or after its last
(``w:gridAfter``), or simply have fewer cells than the grid. This module turns those
row specifications into the :class:`~disclosure_parser.document.RawTable` grid: a
merged cell is one object at every position it covers, skipped positions are ``None``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ...document import Location, TableCell
from ...errors import ResourceLimitError

__all__ = ["CellSpec", "RowSpec", "build_grid"]


class CellSpec(NamedTuple):
    """One ``w:tc`` as written: its text and merge markers (a tuple: one is made per cell,
    and a tuple is several times cheaper to build than a frozen dataclass)."""

    text: str
    span: int = 1
    vmerge: str | None = None  # "restart", "continue" or None
    hmerge: str | None = None  # legacy horizontal merge: "restart", "continue" or None


@dataclass(slots=True)
class RowSpec:
    """One ``w:tr``: grid columns skipped before and after, and its cells."""

    cells: list[CellSpec] = field(default_factory=list)
    before: int = 0
    after: int = 0


@dataclass(slots=True)
class GridResult:
    grid: list[list[TableCell | None]]
    cells: list[TableCell]  # the distinct cells, in reading order
    hidden: list[tuple[int, int, str]]  # (row, col, text) of merged-away cells that still hold text


def _limit(max_cells: int, what: str) -> ResourceLimitError:
    return ResourceLimitError(
        f"a table would have {what}, over the {max_cells}-cell limit (max_table_cells)",
        format="docx",
        limit="max_table_cells",
    )


def _continues_above(grid: list[list[TableCell | None]], r: int, c: int) -> TableCell | None:
    """The cell above that a ``vMerge continue`` cell at (r, c) extends, if it lines up."""
    if r == 0:
        return None
    above_row = grid[r - 1]
    above = above_row[c] if c < len(above_row) else None
    return above if above is not None and above.col == c else None


def build_grid(rows: Sequence[RowSpec], n_grid_cols: int, *, max_cells: int, index: int | None = None) -> GridResult:
    """Lay ``rows`` out on the grid, resolving horizontal and vertical merges.

    ``index`` is the table's number in the document, for the cells' locations.

    Raises:
        ResourceLimitError: the grid would exceed ``max_cells`` positions.
    """
    grid: list[list[TableCell | None]] = []
    cells: list[TableCell] = []
    hidden: list[tuple[int, int, str]] = []
    width = max(n_grid_cols, 0)
    for r, row in enumerate(rows):
        line: list[TableCell | None] = [None] * min(max(row.before, 0), max_cells) if row.before else []
        for text, span, vmerge, hmerge in row.cells:
            c = len(line)
            if span < 1:
                span = 1
            if c + span > max_cells:
                raise _limit(max_cells, f"a row over {max_cells} columns wide")
            if hmerge == "continue" and line and (prev := line[-1]) is not None and prev.row == r:
                prev.colspan += span
                line.extend([prev] * span)
                continue
            if vmerge == "continue" and (above := _continues_above(grid, r, c)) is not None:
                above.rowspan = r - above.row + 1
                line.extend([above] * span)
                if text.strip():
                    hidden.append((r, c, text))
                continue
            cell = TableCell(text, r, c, 1, span, Location(None, None, index, r, c))
            cells.append(cell)
            if span == 1:
                line.append(cell)
            else:
                line.extend([cell] * span)
        if row.after:
            line.extend([None] * min(max(row.after, 0), max_cells))
        if len(line) > width:
            width = len(line)
        if width * (r + 1) > max_cells:
            raise _limit(max_cells, f"{r + 1} rows × {width} columns")
        grid.append(line)
    for line in grid:
        if len(line) < width:
            line.extend([None] * (width - len(line)))
    return GridResult(grid, cells, hidden)
