"""A table that crosses a page is one table.

When a page ends with a table and the next page starts with one of the same width,
the second part is appended to the first:

* a header printed again at the top of the next page (the first rows of both parts
  read the same) is dropped;
* a *row split across the break* — the next page's first row has text but no number
  (other than the rest of a number wrapped in a narrow column, ``2`` / ``6``) and starts
  no new item, or has nothing but such rests of numbers, while the last row before the
  break has numbers and a label
  whose last line fills its cell (LibreOffice splits tall rows: ``2.其他法律`` | ``0`` … /
  ``行政法规禁止公开`` | blank …) — is put back together, cell by cell;
* otherwise a label cell merged over several rows that goes on past the break
  (``（四）无`` / ``法提供`` in 淮安 2024, an empty continuation of
  ``三、本年度办理结果``) is joined to its upper part when it does not start a new
  item (no enumerator such as ``（五）`` or ``3.``) and a row label follows it on its right.
"""

from __future__ import annotations

import re

from .layout import group_lines, is_number, join_lines, line_text
from .model import Char
from .ruling import CellBox, PageTable, cluster

__all__ = ["cell_text", "stitch"]

_TOL = 4.0  # points: the same column on two pages
_FULL = 0.75  # share of a cell's width its last line must fill to be text cut off by the break
_ENUMERATOR = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．])"
)


def cell_text(cell: CellBox) -> str:
    """A cell's text: its lines joined (labels broken over lines or one character per line rejoined).

    Lines are joined as :func:`join_lines` does, except a number wrapped because its column is
    too narrow (``2`` / ``6`` for 26 in the 总计 column of a LibreOffice export): where a line
    ends in a digit and the next line's first digit would not have fitted after it inside the
    cell, the two are one number and are joined without a space.
    """
    lines = [line for _, chars in cell.parts for line in group_lines(chars)]
    texts = [line_text(line, wide_gaps=False) for line in lines]
    out: list[str] = []
    for i, text in enumerate(texts):
        if out and i and _wrapped_digits(lines[i - 1], lines[i], cell):
            out[-1] += text.strip()
        else:
            out.append(text)
    return join_lines(out)


def _wrapped_digits(upper: list[Char], lower: list[Char], cell: CellBox) -> bool:
    """Whether ``lower`` goes on with the number ``upper`` ends with: a digit that had no room left.

    Judged by widths, not positions, so the alignment does not matter (a right-aligned ``2``
    ends at the padding whatever the column's width), and with no padding assumed: the line and
    the next digit together are wider than the whole cell, so they could not have shared a line.
    A line that is ``0`` starts no longer number. Anything less sure stays apart (``2 6``) for
    the relations to decide (finding R5).
    """
    if not upper or not lower:
        return False
    a = max(upper, key=lambda c: c.x1)
    b = min(lower, key=lambda c: c.x0)
    if not (a.text.isdigit() and b.text.isdigit()):
        return False
    first = min(upper, key=lambda c: c.x0)
    if first.text == "0":
        return False
    return (a.x1 - first.x0) + (b.x1 - b.x0) > cell.x1 - cell.x0


def _row_key(table: PageTable, upto: float) -> list[tuple[str, int, int]]:
    """Texts and column positions of the cells lying wholly above ``upto``: a header's fingerprint."""
    key = [
        (re.sub(r"\s+", "", cell_text(c)), round(c.x0), round(c.x1))
        for c in table.cells
        if c.bottom <= upto + 1 and c.top >= table.top - 1
    ]
    return sorted(key, key=lambda k: (k[1], k[2], k[0]))


def _repeated_header_rows(first: PageTable, second: PageTable) -> int:
    """How many top rows of ``second`` repeat the top rows of ``first`` (0 when none)."""
    best = 0
    for k in range(1, min(4, len(first.ys) - 1, len(second.ys) - 1)):
        a = _row_key(first, first.ys[k])
        b = _row_key(second, second.ys[k])
        if a and _same_columns(a, b) and [t for t, _, _ in a] == [t for t, _, _ in b]:
            best = k
    return best


def _same_columns(a: list[tuple[str, int, int]], b: list[tuple[str, int, int]]) -> bool:
    return len(a) == len(b) and all(
        abs(p[1] - q[1]) <= _TOL and abs(p[2] - q[2]) <= _TOL for p, q in zip(a, b, strict=True)
    )


def _drop_top_rows(table: PageTable, k: int) -> None:
    cut = table.ys[k]
    table.cells = [c for c in table.cells if c.bottom > cut + 1]
    for c in table.cells:
        c.top = max(c.top, cut)
    table.ys = table.ys[k:]


def compatible(first: PageTable, second: PageTable) -> bool:
    """Two parts of one table: same left and right edges."""
    return abs(first.x0 - second.x0) <= _TOL * 2 and abs(first.x1 - second.x1) <= _TOL * 2


def _counterpart(cell: CellBox, above: list[CellBox]) -> CellBox | None:
    for a in above:
        if abs(a.x0 - cell.x0) <= _TOL and abs(a.x1 - cell.x1) <= _TOL:
            return a
    return None


def _continues(i: int, row: list[CellBox], texts: list[str], upper: str) -> bool:
    """Whether the ``i``-th cell of the next page's first row goes on from the label above it."""
    if is_number(upper) or not upper.strip():
        return False
    text = texts[i]
    if text and (is_number(text) or _ENUMERATOR.match(text)):
        return False
    right = next((t for t in texts[i + 1 :] if t), "")
    return bool(right) and not is_number(right)


def _last_line(cell: CellBox) -> list[Char]:
    """The glyphs of the cell's last line on its last page (empty for an empty cell)."""
    lines = group_lines(cell.parts[-1][1]) if cell.parts else []
    return lines[-1] if lines else []


def _fills_its_cell(cell: CellBox) -> bool:
    """Whether the cell's last line of text runs to its right border: text cut off mid-flow."""
    last = _last_line(cell)
    if not last:
        return False
    return max(c.x1 for c in last) - cell.x0 >= _FULL * (cell.x1 - cell.x0)


def _split_row(first: PageTable, above: list[CellBox], row: list[CellBox], texts: list[str]) -> bool:
    """Whether the next page's first row is the rest of the last row before the break.

    It has nothing but the rests of numbers the break cut (:func:`_only_number_tails`); or it
    has text but no number of its own and starts no new item, the last row has numbers, and a
    label of the last row is cut mid-flow (its last line fills the cell): a label that just
    ends (``1.属于国家秘密`` above a row of blank cells) does not go on.
    """
    if not any(texts) or any(_ENUMERATOR.match(t) for t in texts if t):
        return False
    if _only_number_tails(above, row, texts):
        return True
    for cell, t in zip(row, texts, strict=True):
        upper = _counterpart(cell, above) if t and is_number(t) else None
        if t and is_number(t) and (upper is None or not _wraps_into(upper, cell)):
            return False  # a number of its own: the row is a new row, not the rest of the last one
    last_row = [c for c in above if c.top >= first.ys[-2] - 1]
    if not any(is_number(cell_text(c)) for c in last_row):
        return False
    pairs = [(_counterpart(cell, above), t) for cell, t in zip(row, texts, strict=True) if t]
    return any(upper is not None and _fills_its_cell(upper) for upper, _ in pairs)


def _only_number_tails(above: list[CellBox], row: list[CellBox], texts: list[str]) -> bool:
    """Whether the next page's first row holds nothing but digits, each under a cell whose number
    the break may have cut: no label (every row of the template has one), and every digit below
    a last line that is a number not starting with 0. LibreOffice splits a row whose number is
    wrapped in a narrow column (``1`` / ``8`` for 18): the two pieces are then one cell, read as
    ``1 8`` for the relations to join (R5), never as 1 and a row of its own."""
    if not all(is_number(t) for t in texts if t):
        return False
    for cell, t in zip(row, texts, strict=True):
        if not t:
            continue
        upper = _counterpart(cell, above)
        line = _last_line(upper) if upper is not None else []
        last = line_text(line, wide_gaps=False).strip() if line else ""
        if not (is_number(last) and last[-1:].isdigit() and not last.startswith("0")):
            return False
    return True


def _wraps_into(upper: CellBox, lower: CellBox) -> bool:
    """Whether the number in ``lower`` can be the end of the number ``upper`` ends with, wrapped past
    the break: the digit had no room left, or the cell runs off the page, so its width is unknown
    (then the two pieces stay apart, ``2 6``, and only the template's relations may join them)."""
    up = _last_line(upper)
    down = group_lines(lower.parts[0][1]) if lower.parts else []
    if not (up and down):
        return False
    ends_in_digit = max(up, key=lambda c: c.x1).text.isdigit()
    return _wrapped_digits(up, down[0], upper) or (upper.off_page and ends_in_digit)


def _joins(first: PageTable, second: PageTable) -> list[tuple[CellBox, CellBox]]:
    """Pairs (upper part, lower part) of cells that are one cell across the break."""
    above = [c for c in first.cells if abs(c.bottom - first.bottom) <= 1]
    row = sorted((c for c in second.cells if abs(c.top - second.top) <= 1), key=lambda c: c.x0)
    texts = [cell_text(c) for c in row]
    split_row = _split_row(first, above, row, texts)
    pairs: list[tuple[CellBox, CellBox]] = []
    for i, cell in enumerate(row):
        upper = _counterpart(cell, above)
        if upper is not None and (split_row or _continues(i, row, texts, cell_text(upper))):
            pairs.append((upper, cell))
    return pairs


def stitch(first: PageTable, second: PageTable) -> PageTable:
    """``second`` (top of the next page) appended to ``first``; returns ``first``, extended."""
    k = _repeated_header_rows(first, second)
    if k:
        _drop_top_rows(second, k)
    joins = _joins(first, second)
    offset = first.bottom - second.top
    for cell in second.cells:
        cell.top += offset
        cell.bottom += offset
    joined = {id(lower) for _, lower in joins}
    for upper, lower in joins:
        upper.bottom = lower.bottom
        upper.parts.extend(lower.parts)
    first.cells.extend(c for c in second.cells if id(c) not in joined)
    first.ys = first.ys + [y + offset for y in second.ys[1:]]
    first.xs = cluster(first.xs + second.xs, _TOL)
    first.last_page = second.last_page
    return first
