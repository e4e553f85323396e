"""An HTML ``<table>`` → :class:`~disclosure_parser.document.RawTable`, spans expanded.

The HTML table model: each cell takes the first grid position in its row that no
earlier ``rowspan`` occupies, and covers ``rowspan`` × ``colspan`` positions, all
holding the *same* :class:`TableCell`. ``rowspan="0"`` and spans running past the last
row stop at the last row, as browsers draw them; ``colspan`` is capped at 1000 (the
HTML limit). Rows of ``thead``/``tbody``/``tfoot`` are read in document order; rows
of tables nested inside cells are not this table's rows.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ...document import Location, RawTable, TableCell
from ...errors import ResourceLimitError
from ...options import ParseOptions

__all__ = ["build_grid", "table_rows"]

_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
_CELLS = frozenset({"td", "th"})
_MAX_COLSPAN = 1000


def table_rows(table: etree._Element) -> list[list[etree._Element]]:
    """The cells of each row of ``table`` (not of tables nested in it)."""
    rows: list[list[etree._Element]] = []
    for child in table:
        if child.tag == "tr":
            rows.append([c for c in child if c.tag in _CELLS])
        elif child.tag in _SECTIONS:
            rows.extend([c for c in tr if c.tag in _CELLS] for tr in child if tr.tag == "tr")
    return rows


def _span(cell: etree._Element, name: str, default: int) -> int:
    raw = cell.get(name)
    if raw is None:
        return 1
    digits = ""
    for ch in raw.strip():
        if not ch.isdigit():
            break
        digits += ch
    if not digits:
        return 1
    value = int(digits[:7])
    return default if value == 0 else value


def build_grid(
    table: etree._Element,
    rows: list[list[etree._Element]],
    index: int,
    cell_text: Callable[[etree._Element], str],
    options: ParseOptions,
) -> RawTable:
    """Lay the cells of ``rows`` out on a grid.

    Raises:
        ResourceLimitError: the grid would exceed ``options.max_table_cells``.
    """
    n_rows = len(rows)
    grid: list[list[TableCell | None]] = [[] for _ in range(n_rows)]
    budget = options.max_table_cells
    for r, row in enumerate(rows):
        line = grid[r]
        c = 0
        for el in row:
            while c < len(line) and line[c] is not None:
                c += 1
            rowspan = min(_span(el, "rowspan", n_rows - r), n_rows - r)
            colspan = min(_span(el, "colspan", 1), _MAX_COLSPAN)
            budget -= rowspan * colspan
            if budget < 0:
                raise ResourceLimitError(
                    f"a table has more than {options.max_table_cells} cells (max_table_cells)",
                    format="html",
                    limit="max_table_cells",
                )
            cell = TableCell(
                cell_text(el), r, c, rowspan, colspan, Location(line=el.sourceline, table=index, row=r, col=c)
            )
            for rr in range(r, r + rowspan):
                target = grid[rr]
                if len(target) < c + colspan:
                    target.extend([None] * (c + colspan - len(target)))
                for cc in range(c, c + colspan):
                    target[cc] = cell
            c += colspan
    width = max((len(line) for line in grid), default=0)
    for line in grid:
        if len(line) < width:
            line.extend([None] * (width - len(line)))
    return RawTable(grid=grid, index=index, location=Location(line=table.sourceline, table=index), aligned=True)
