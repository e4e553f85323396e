"""OCR readings checked against the template's arithmetic (finding ``O1``), and each OCR'd cell's confidence.

OCR misreads digits in a few typical ways: a look-alike letter or digit (``0``/``O``/``〇``,
``1``/``l``/``I``, ``5``/``S``, ``8``/``B``, ``6``/``8``), a repeated digit collapsed into
one (``100`` read ``10``), a digit lost at the edge of a cell or a stray mark read as
one. When a cell read by OCR is part of a broken relation (C1-C6, spec §6) and one such
single change to its reading would make that relation hold, without breaking another
relation of the cell that holds, the cell is reported with both readings. Nothing is
ever rewritten: the value stays as read, the finding says what to look at.

A cell takes part only when its page was read by OCR and something was read in it: a
blank cell has no reading to doubt (a number lost entirely leaves the relation's own
finding), and no count is printed with a leading zero.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .document import Paragraph, RawDocument, RawTable
from .models import Cell, Finding
from .report import Report
from .tables.numbers import parse_number
from .validation import Relation, relations

__all__ = ["attach_confidence", "check_readings"]

# What OCR reads for a digit that is not that digit (a letter or sign that looks like it).
_LOOKALIKES: dict[str, str] = {
    **dict.fromkeys("OoDQ〇()", "0"),
    **dict.fromkeys("lIi|!丨][", "1"),
    **dict.fromkeys("Zz", "2"),
    **dict.fromkeys("Ss$", "5"),
    **dict.fromkeys("bG", "6"),
    **dict.fromkeys("B", "8"),
    **dict.fromkeys("gq", "9"),
    **dict.fromkeys("T", "7"),
    **dict.fromkeys("A", "4"),
}
# Digits printed small that OCR takes for one another (closed loops, a missing stroke).
_DIGIT_SWAPS: dict[str, str] = {
    "0": "689",
    "1": "47",
    "2": "7",
    "3": "58",
    "4": "1",
    "5": "36",
    "6": "058",
    "7": "12",
    "8": "0369",
    "9": "068",
}


def _edits(raw: str) -> Iterator[str]:
    """Every reading one OCR slip away from ``raw``."""
    text = raw.strip()
    for i, ch in enumerate(text):
        for alt in _LOOKALIKES.get(ch, "") + _DIGIT_SWAPS.get(ch, ""):
            yield text[:i] + alt + text[i + 1 :]
        yield text[:i] + text[i + 1 :]  # a stray mark or a doubled digit
        if ch.isdigit():
            yield text[:i] + ch + text[i:]  # a repeated digit collapsed into one
    for d in "0123456789":
        yield d + text  # a digit lost at the cell's edge
        yield text + d


def alternatives(raw: str, value: int | float | None) -> dict[int, str]:
    """Whole-number readings one OCR slip away from ``raw``, other than its own value: value → text."""
    out: dict[int, str] = {}
    for text in _edits(raw):
        if len(text) > 1 and text[0] == "0" and text[1].isdigit():
            continue  # no count is printed with a leading zero
        parsed = parse_number(text)
        if parsed.kind != "number" or parsed.value is None or parsed.value != parsed.value.to_integral_value():
            continue
        v = int(parsed.value)
        if v >= 0 and v != value and v not in out:
            out[v] = text
    return out


class _Sums:
    """The relations of a report over its cells' values, with one value replaced at will."""

    def __init__(self, cells: dict[str, Cell], rels: list[Relation]) -> None:
        self.cells = cells
        self.rels = [r for r in rels if self._checkable(r)]

    def blank(self, key: str) -> bool:
        cell = self.cells[key]
        return cell.value is None and parse_number(cell.raw).is_empty

    def _checkable(self, rel: Relation) -> bool:
        """As the relation checks have it: every cell printed and neither side all blank."""
        keys = (*rel.left, *rel.right)
        if any(self.cells[k].raw is None for k in keys):
            return False
        return not (all(self.blank(k) for k in rel.left) or all(self.blank(k) for k in rel.right))

    def holds(self, rel: Relation, key: str | None = None, value: int = 0) -> bool:
        def v(k: str) -> float:
            if k == key:
                return value
            return self.cells[k].value or 0

        return sum(v(k) for k in rel.left) == sum(v(k) for k in rel.right)

    def of(self, key: str) -> list[Relation]:
        return [r for r in self.rels if key in r.left or key in r.right]


def _candidates(sums: _Sums, key: str) -> list[tuple[int, str, list[Relation]]]:
    """The cell's alternative readings that make a broken relation of it hold and break none that holds."""
    cell = sums.cells[key]
    if cell.raw is None or sums.blank(key):
        return []  # nothing was read there: no reading to doubt
    mine = sums.of(key)
    broken = [r for r in mine if not sums.holds(r)]
    if not broken:
        return []
    holding = [r for r in mine if sums.holds(r)]
    out: list[tuple[int, str, list[Relation]]] = []
    for value, text in alternatives(cell.raw, cell.value).items():
        fixed = [r for r in broken if sums.holds(r, key, value)]
        if fixed and all(sums.holds(r, key, value) for r in holding):
            out.append((value, text, fixed))
    return out


def _finding(key: str, cell: Cell, value: int, text: str, fixed: list[Relation]) -> Finding:
    codes = ", ".join(sorted({r.code for r in fixed}))
    conf = "" if cell.confidence is None else f", confidence {cell.confidence:.2f}"
    return Finding(
        code="O1",
        severity="warning",
        cells=[key],
        message=f"{key}: OCR 读作 {cell.raw!r}，若为 {text!r} 则 {codes} 成立 / read {cell.raw!r}{conf}; "
        f"the reading {text!r} ({value}) would satisfy {codes}: check the image (value kept as read)",
        source=cell.source,
        raw=cell.raw,
    )


def check_readings(report: Report, pages: set[int]) -> list[Finding]:
    """``O1`` findings for cells read by OCR on ``pages`` whose reading a single OCR slip away would fix.

    Where several cells of one relation have such a reading, only those fixing the most
    broken relations are reported (a misread cell usually breaks its row and its column).
    """
    cells = report.cell_map()
    sums = _Sums(cells, relations(report, cells))
    found: dict[str, list[tuple[int, str, list[Relation]]]] = {}
    for key, cell in cells.items():
        if cell.source is not None and cell.source.page in pages and cell.raw is not None:
            cands = _candidates(sums, key)
            if cands:
                found[key] = cands
    best: dict[Relation, int] = {}
    for cands in found.values():
        for _, _, fixed in cands:
            for r in fixed:
                best[r] = max(best.get(r, 0), len(fixed))
    out: list[Finding] = []
    for key, cands in found.items():
        for value, text, fixed in cands:
            if any(len(fixed) >= best[r] for r in fixed):
                out.append(_finding(key, cells[key], value, text, fixed))
    return out


def _lookup(doc: RawDocument) -> dict[tuple[Any, ...], float]:
    """OCR confidences by where they are: table cells by (table, row, col), paragraphs by (page, line)."""
    out: dict[tuple[Any, ...], float] = {}
    for block in doc.blocks:
        if isinstance(block, RawTable):
            for row in block.grid:
                for c in row:
                    if c is not None and c.confidence is not None:
                        out[("t", block.index, c.row, c.col)] = c.confidence
        elif isinstance(block, Paragraph) and block.confidence is not None:
            out[("p", block.location.page, block.location.line)] = block.confidence
    return out


def _confidence(cell: Cell, lookup: dict[tuple[Any, ...], float]) -> float | None:
    src = cell.source
    if src is None or not (cell.raw or "").strip():
        return None
    if src.table is not None:
        return lookup.get(("t", src.table, src.row, src.col))
    return lookup.get(("p", src.page, src.line))


def attach_confidence(report: Report, doc: RawDocument) -> None:
    """Give every cell read from an OCR'd table cell or paragraph that text's recognition confidence."""
    lookup = _lookup(doc)
    if not lookup:
        return
    for part in (report.proactive, report.applications, report.review_litigation):
        if part is not None:
            _attach(part, lookup)


def _attach(model: Any, lookup: dict[tuple[Any, ...], float]) -> None:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Cell):
            conf = _confidence(value, lookup)
            if conf is not None:
                setattr(model, name, value.model_copy(update={"confidence": conf}))
        elif hasattr(type(value), "model_fields"):
            _attach(value, lookup)
