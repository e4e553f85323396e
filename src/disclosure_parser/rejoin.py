"""A number broken inside its own cell (``2 6``), read as one number only when the relations say so.

A narrow column makes Word or LibreOffice wrap a number (``26`` printed as ``2`` over ``6``);
extracted, the cell reads ``2 6``. Two numbers in one cell happen too (a row rule not drawn),
so the reader keeps the space and the cell is not a number (T4). Here such a cell — digits
separated only by spaces, nothing else — is read as the digits joined when every relation
it takes part in (C1–C6) can be checked with it and holds, and at least one does. Otherwise
it stays ``None`` with its T4 finding. A repair is an ``R5`` finding naming the raw text.

Seen in shuyang_fagaiju_2023.html converted by LibreOffice to PDF with a CJK font wider than
the table's 总计 column: ``2 6`` for 26 twice, one of them across a page break.
"""

from __future__ import annotations

import regex

from .models import Cell, Finding
from .report import Report
from .tables.numbers import parse_number
from .validation import Relation, relations

__all__ = ["rejoin_wrapped_numbers"]

_SPACED = regex.compile(r"^\d+(?:\s+\d+)+$")
_BLANK_VALUE = 0  # a blank cell counts as 0 inside a sum, as in validation


def _value(cell: Cell) -> int | float | None:
    """The cell's value inside a sum: blank or a placeholder (``—``) is 0; ``None`` when unknown
    (not read, or text that is no number)."""
    if cell.value is not None:
        return cell.value
    if cell.raw is not None and parse_number(cell.raw).kind in ("blank", "placeholder"):
        return _BLANK_VALUE
    return None


def _holds(rel: Relation, cells: dict[str, Cell], key: str, candidate: int) -> bool | None:
    """Whether ``rel`` holds with ``candidate`` in ``key``; ``None`` when another of its cells is unknown."""
    sums = []
    for side in (rel.left, rel.right):
        total: int | float = 0
        for k in side:
            v = candidate if k == key else _value(cells[k])
            if v is None:
                return None
            total += v
        sums.append(total)
    return sums[0] == sums[1]


def _confirmed(key: str, candidate: int, cells: dict[str, Cell], rels: list[Relation]) -> list[str]:
    """The codes of the relations confirming ``candidate``; empty when any relation refutes it or none decides."""
    codes: list[str] = []
    for rel in rels:
        if key not in rel.left and key not in rel.right:
            continue
        verdict = _holds(rel, cells, key, candidate)
        if verdict is False:
            return []
        if verdict:
            codes.append(rel.code)
    return codes


def rejoin_wrapped_numbers(report: Report) -> list[Finding]:
    """Rejoin cells like ``2 6`` that the relations confirm, in place; one R5 finding per repair
    (the caller drops the repaired cells' T4 findings)."""
    cells = report.cell_map()
    spaced = [k for k, c in cells.items() if c.value is None and c.raw and _SPACED.match(c.raw.strip())]
    if not spaced:
        return []
    rels = relations(report)
    found: list[Finding] = []
    progress = True
    while progress:  # a repair can decide a relation another spaced cell takes part in
        progress = False
        for key in [k for k in spaced if cells[k].value is None]:
            finding = _rejoin(report, key, cells, rels)
            if finding is not None:
                found.append(finding)
                progress = True
    return found


def _rejoin(report: Report, key: str, cells: dict[str, Cell], rels: list[Relation]) -> Finding | None:
    cell = cells[key]
    raw = cell.raw or ""
    candidate = int("".join(raw.split()))
    codes = _confirmed(key, candidate, cells, rels)
    if not codes:
        return None
    fixed = cell.model_copy(update={"value": candidate})
    report._replace_cell(key, fixed)
    cells[key] = fixed
    return Finding(
        code="R5",
        severity="info",
        cells=[key],
        message=f"{key}: {raw!r} read as {candidate}, a number wrapped in its cell "
        f"(confirmed by {', '.join(sorted(set(codes)))})",
        source=cell.source,
        raw=raw,
    )
