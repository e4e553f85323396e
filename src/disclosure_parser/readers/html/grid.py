"""Laying HTML table cells out on a grid: :class:`~disclosure_parser.document.RawTable`.

The HTML table model: each cell takes the first grid position in its row that no
earlier ``rowspan`` occupies, and covers ``rowspan`` × ``colspan`` positions, all
holding the *same* :class:`TableCell`. ``rowspan="0"`` and spans running past the last
row stop at the last row, as browsers draw them; ``colspan`` is capped at 1000 (the
HTML limit). A missing or unreadable span is 1.
"""

from __future__ import annotations

from ...document import Location, RawTable, TableCell
from ...errors import ResourceLimitError
from ...options import ParseOptions

__all__ = ["GridBuilder", "build_table", "span_value"]

_MAX_COLSPAN = 1000
# Cell locations by table and row, column by column: immutable, and the same few thousand on
# every page. A list in the cache is never changed once stored (threads may be reading it): a
# longer row replaces it.
_LOCATIONS: dict[tuple[int, int], list[Location]] = {}
_MAX_LOCATIONS = 4096  # rows


_CACHED_COLS = 64  # columns beyond (a hostile colspan) get a location of their own


def _row_locations(table: int, row: int, n_cols: int) -> list[Location]:
    """The locations of row ``row`` of table ``table``, column by column: at least
    ``min(n_cols, _CACHED_COLS)`` of them."""
    locs = _LOCATIONS.get((table, row))
    if locs is None or len(locs) < min(n_cols, _CACHED_COLS):
        if len(_LOCATIONS) >= _MAX_LOCATIONS:
            _LOCATIONS.clear()
        width = min(max(n_cols, 16), _CACHED_COLS)
        locs = _LOCATIONS[table, row] = [Location(table=table, row=row, col=c) for c in range(width)]
    return locs


def _location(table: int, row: int, col: int) -> Location:
    locs = _row_locations(table, row, col + 1)
    return locs[col] if col < len(locs) else Location(table=table, row=row, col=col)


def span_value(raw: str) -> int | None:
    """The leading digits of a ``rowspan``/``colspan`` value; ``None`` when there are none."""
    if raw.isdigit():
        return int(raw[:7])
    if not raw:
        return None
    raw = raw.strip()
    end = 0
    while end < len(raw) and end < 7 and raw[end].isdigit():
        end += 1
    return int(raw[:end]) if end else None


class GridBuilder:
    """Receives the cells of a table row by row and places them on the grid."""

    def __init__(self, index: int, n_rows: int, options: ParseOptions) -> None:
        self.index = index
        self.n_rows = n_rows
        self.budget = options.max_table_cells
        self.limit = options.max_table_cells
        self.grid: list[list[TableCell | None]] = [[] for _ in range(n_rows)]
        self.r = -1
        self.c = 0

    def new_row(self) -> None:
        self.r += 1
        self.c = 0

    def add(self, text: str, rowspan: int | None, colspan: int | None) -> None:
        """Place the next cell of the current row.

        Raises:
            ResourceLimitError: the grid would exceed ``max_table_cells``.
        """
        r = self.r
        line = self.grid[r]
        c = self.c
        while c < len(line) and line[c] is not None:
            c += 1
        left = self.n_rows - r
        rows = left if rowspan == 0 else min(rowspan or 1, left)
        cols = min(colspan or 1, _MAX_COLSPAN)
        self.budget -= rows * cols
        if self.budget < 0:
            raise ResourceLimitError(
                f"a table has more than {self.limit} cells (max_table_cells)", format="html", limit="max_table_cells"
            )
        cell = TableCell(text, r, c, rows, cols, _location(self.index, r, c))
        if rows == 1 and cols == 1 and c == len(line):
            line.append(cell)  # the common case: a plain cell at the end of its row
            self.c = c + 1
            return
        for target in self.grid[r : r + rows]:
            if len(target) < c + cols:
                target.extend([None] * (c + cols - len(target)))
            target[c : c + cols] = [cell] * cols
        self.c = c + cols

    def add_plain(self, text: str, locs: list[Location]) -> None:
        """Place the next cell of the current row, one row by one column (the common case);
        ``locs`` the row's cached locations. The caller has checked the budget is not spent."""
        r, line, c = self.r, self.grid[self.r], self.c
        width = len(line)
        while c < width and line[c] is not None:
            c += 1
        self.budget -= 1
        cell = TableCell(text, r, c, 1, 1, locs[c] if c < len(locs) else _location(self.index, r, c))
        if c == width:
            line.append(cell)
        else:
            line[c] = cell
        self.c = c + 1

    def table(self) -> RawTable:
        """The finished table, every row padded to the same width."""
        width = max((len(line) for line in self.grid), default=0)
        for line in self.grid:
            if len(line) < width:
                line.extend([None] * (width - len(line)))
        return RawTable(grid=self.grid, index=self.index, location=Location(table=self.index), aligned=True)


def build_table(index: int, rows: list[list[tuple[str, str]]], options: ParseOptions) -> RawTable:
    """The table of ``rows`` of ``(spans, text)`` cells, ``spans`` being ``"rowspan,colspan"``.

    Raises:
        ResourceLimitError: the grid would exceed ``max_table_cells``.
    """
    builder = GridBuilder(index, len(rows), options)
    for r, cells in enumerate(rows):
        builder.new_row()
        locs = _row_locations(index, r, len(builder.grid[r]) + len(cells))
        for spans, text in cells:
            if spans == "," and builder.budget > 0:
                builder.add_plain(text, locs)
            else:
                rowspan, _, colspan = spans.partition(",")
                builder.add(text, span_value(rowspan), span_value(colspan))
    return builder.table()
