"""From a ruled :class:`~.ruling.PageTable` (possibly stitched over pages) to the document's :class:`RawTable`."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ...document import Location, RawTable, TableCell
from ...errors import ResourceLimitError
from .layout import lowest
from .ruling import PageTable
from .stitch import cell_text

__all__ = ["to_raw_table"]


def _nearest(bounds: Sequence[float], v: float) -> int:
    i = bisect_left(bounds, v)
    if i == 0:
        return 0
    if i == len(bounds):
        return len(bounds) - 1
    return i if bounds[i] - v < v - bounds[i - 1] else i - 1


def _kept(starts: set[int], n: int) -> list[int]:
    """For each atomic index, the index it gets once rows (columns) where no cell starts are dropped.

    Such a row is all continuation: the lower half of a row split over a page break after
    stitching, or a sliver between two near-identical rules of two pages.
    """
    out: list[int] = []
    new = -1
    for i in range(n + 1):
        if i in starts or i == 0 or i == n:
            new += 1
        out.append(max(new, 0))
    return out


def to_raw_table(table: PageTable, index: int, *, max_cells: int) -> RawTable:
    """The grid: each drawn cell at every atomic position it covers (the same object), ``None`` where nothing is drawn.

    Raises:
        ResourceLimitError: the grid would have more than ``max_cells`` positions.
    """
    n_rows, n_cols = len(table.ys) - 1, len(table.xs) - 1
    if n_rows * n_cols > max_cells:
        raise ResourceLimitError(
            f"a table on page {table.page} has {n_rows}×{n_cols} grid positions, over max_table_cells={max_cells}",
            format="pdf",
            limit="max_table_cells",
        )
    spans = []
    for box in sorted(table.cells, key=lambda b: (b.top, b.x0)):
        r0, c0 = min(_nearest(table.ys, box.top), n_rows - 1), min(_nearest(table.xs, box.x0), n_cols - 1)
        r1, c1 = max(_nearest(table.ys, box.bottom), r0 + 1), max(_nearest(table.xs, box.x1), c0 + 1)
        spans.append((box, r0, r1, c0, c1))
    rmap = _kept({s[1] for s in spans}, n_rows)
    cmap = _kept({s[3] for s in spans}, n_cols)
    n_rows, n_cols = rmap[n_rows], cmap[n_cols]
    grid: list[list[TableCell | None]] = [[None] * n_cols for _ in range(n_rows)]
    for box, r0, r1, c0, c1 in spans:
        r0, r1, c0, c1 = rmap[r0], rmap[r1], cmap[c0], cmap[c1]
        if r1 <= r0 or c1 <= c0 or (box.off_page and not box.chars):
            continue  # an unseen cell stays a hole in the grid: unknown, not blank
        loc = Location(page=box.page, table=index, row=r0, col=c0)
        cell = TableCell(cell_text(box), r0, c0, r1 - r0, c1 - c0, loc, confidence=lowest(box.chars))
        for r in range(r0, r1):
            for c in range(c0, c1):
                if grid[r][c] is None:
                    grid[r][c] = cell
    return RawTable(grid=grid, index=index, location=Location(page=table.page, table=index), aligned=True)
