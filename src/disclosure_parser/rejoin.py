"""A number broken inside its own cell (``2 6``), read as one number only when the relations say so.

A narrow column makes Word or LibreOffice wrap a number (``26`` printed as ``2`` over ``6``);
extracted, the cell reads ``2 6``. Two numbers in one cell happen too (a row rule not drawn,
two rows' cells in one box), so the reader keeps the space and the cell is not a number (T4).

Here all such cells of a report — digits separated only by spaces, the first not ``0`` (no
wrapped number starts with one) — are read as their digits joined, together, when:

* every relation (C1–C6) that involves one of them and can be checked holds with them, and
* each is confirmed by a relation beyond its own row: a column relation (C1, C2) for a part-三
  cell, since two rows merged in one box (``1 2`` over ``1 2``) would still satisfy their own
  row's C3; its group's relation (C4–C6) for a part-四 cell.

Otherwise they stay ``None`` with their T4 findings. Each repair is an ``R5`` finding with the
raw text. Seen in shuyang_fagaiju_2023.html converted by LibreOffice to PDF with a CJK font
wider than the table's 总计 column: ``2 6`` for 26 three times, one across a page break.
"""

from __future__ import annotations

import regex

from .models import Cell, Finding
from .report import Report
from .tables.numbers import parse_number
from .validation import Relation, relations

__all__ = ["rejoin_wrapped_numbers"]

_SPACED = regex.compile(r"^[1-9]\d*(?:\s+\d+)+$")
_OWN_ROW = "C3"  # the only relation confined to the cell's own row


def _value(cell: Cell) -> int | float | None:
    """The cell's value inside a sum: blank or a placeholder (``—``) is 0; ``None`` when unknown
    (not read, or text that is no number)."""
    if cell.value is not None:
        return cell.value
    if cell.raw is not None and parse_number(cell.raw).is_empty:
        return 0
    return None


def _holds(rel: Relation, values: dict[str, int | float | None]) -> bool | None:
    """Whether ``rel`` holds; ``None`` when one of its cells is unknown."""
    sums = []
    for side in (rel.left, rel.right):
        total: int | float = 0
        for k in side:
            v = values[k]
            if v is None:
                return None
            total += v
        sums.append(total)
    return sums[0] == sums[1]


def _confirmed(candidates: dict[str, int], cells: dict[str, Cell], rels: list[Relation]) -> bool:
    """Whether the candidates together break no checkable relation and each has a confirmation beyond its row."""
    values = {k: _value(c) for k, c in cells.items()}
    values.update(candidates)
    confirmed: set[str] = set()
    for rel in rels:
        involved = [k for k in (*rel.left, *rel.right) if k in candidates]
        if not involved:
            continue
        verdict = _holds(rel, values)
        if verdict is False:
            return False
        if verdict and rel.code != _OWN_ROW:
            confirmed.update(involved)
    return confirmed >= set(candidates)


def rejoin_wrapped_numbers(report: Report) -> list[Finding]:
    """Rejoin cells like ``2 6`` that the relations confirm, in place; one R5 finding per repair
    (the caller drops the repaired cells' T4 findings)."""
    cells = report.cell_map()
    spaced = {k: c for k, c in cells.items() if c.value is None and c.raw and _SPACED.match(c.raw.strip())}
    if not spaced:
        return []
    candidates = {k: int("".join(str(c.raw).split())) for k, c in spaced.items()}
    rels = relations(report, cells)
    if not _confirmed(candidates, cells, rels):
        return []
    found: list[Finding] = []
    for key, value in candidates.items():
        cell = spaced[key]
        report._replace_cell(key, cell.model_copy(update={"value": value}))
        found.append(
            Finding(
                code="R5",
                severity="info",
                cells=[key],
                message=f"{key}: {cell.raw!r} read as {value}, a number wrapped in its cell "
                "(every relation it takes part in holds with it)",
                source=cell.source,
                raw=cell.raw,
            )
        )
    return found
