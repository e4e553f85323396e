"""Rows as the table normalisers see them, whatever the table looked like.

A section's blocks become a sequence of :class:`Row`: every grid row of every table
(its distinct cells, as a flattening extractor would print it), and every paragraph
that *reads* like a table row (``行政许可 97``, ``规章 0 0 0`` in PDF→text dumps).
Each row is split into *label cells* and a trailing run of *value cells* (numbers,
blanks, placeholders): the values of a template row always come after its labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

import regex

from ..document import Block, Location, Paragraph, RawTable
from .numbers import is_value_like, parse_number

__all__ = ["Row", "ValueFit", "adds_up", "fit_values", "mostly_adjacent", "section_rows"]

_TEXT_ROW = regex.compile(r"^(?P<label>.*?\D)\s+(?P<values>[-+−]?\d[\d,.]*(?:\s+[-+−]?\d[\d,.]*)*)\s*$")
# A label names something: a line of numbers alone (pdftotext's ``5   2  7   8   1   9``, blank
# columns shown only as spaces) has none, though its first number and a space match ``.*?\D``.
_WORD = regex.compile(r"\p{L}")


@dataclass(slots=True)
class Row:
    """One row: all its texts, the split into labels and values, and where it came from."""

    texts: list[str]
    locations: list[Location]
    labels: list[str]
    values: list[str]
    value_locations: list[Location]
    table: RawTable | None = None
    grid_row: int | None = None
    context: list[str] = field(default_factory=list)  # paragraphs seen since the previous table
    # Cells from one-cell-per-line text: where a blank cell printed no line, positions are unsure,
    # so normalisers take such a row only when its count leaves no doubt (see fit_values).
    loose: bool = False

    @property
    def label(self) -> str:
        """The most specific label: the rightmost non-empty label cell."""
        for text in reversed(self.labels):
            if text.strip():
                return text
        return ""

    @property
    def is_blank(self) -> bool:
        return not any(t.strip() for t in self.texts)

    def location(self) -> Location:
        return self.locations[0] if self.locations else Location()


def _split(texts: list[str]) -> int:
    """Index where the trailing run of value-like cells starts."""
    i = len(texts)
    while i > 0 and is_value_like(texts[i - 1]):
        i -= 1
    return i


def _table_rows(table: RawTable, context: list[str]) -> list[Row]:
    rows: list[Row] = []
    for r in range(table.n_rows):
        cells = table.row_cells(r)
        texts = [c.text for c in cells]
        cut = _split(texts)
        labels = texts[:cut]
        if table.aligned:
            # A label merged down from an earlier row still names this row.
            inherited = [c.text for c in table.grid[r] if c is not None and c.row < r and not is_value_like(c.text)]
            labels = _dedupe(inherited + labels)
        rows.append(
            Row(
                texts=texts,
                locations=[c.location for c in cells],
                labels=labels,
                values=texts[cut:],
                value_locations=[c.location for c in cells[cut:]],
                table=table,
                grid_row=r,
                context=context,
            )
        )
    return rows


def _dedupe(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if not out or out[-1] != item:
            out.append(item)
    return out


def _text_row(p: Paragraph, context: list[str]) -> Row | None:
    text = p.text.strip()
    if not text[-1:].isdigit():
        return None  # a text row ends with its last value; most paragraphs are prose
    m = _TEXT_ROW.match(text)
    if not m or len(m["label"]) > _MAX_LABEL or not _WORD.search(m["label"]):
        return None
    values = m["values"].split()
    return Row(
        texts=[m["label"].strip(), *values],
        locations=[p.location] * (1 + len(values)),
        labels=[m["label"].strip()],
        values=values,
        value_locations=[p.location] * len(values),
        context=context,
    )


class _OneCellPerLine:
    """Rows of a table exported as text one cell per line (LibreOffice's text export, pdftotext,
    scrapers' ``get_text("\n")``): some label lines, then the row's values, each on its own line.

    A row is the value lines that follow label lines; its labels are the last few label lines
    before them (a header's fragments, a group label, then the row's own label: the normalisers
    try the most specific, the last, first). Part 四's data row has no label of its own: its
    labels are the header's last lines, which name no row.

    An empty cell prints an empty line, which a reader keeps only as a gap in the line numbers:
    empty lines before a value (after the row's label or its previous value) are blank cells.
    Three things keep a gap from shifting values: empty lines after the last value are never
    cells (they may be a separator); where the section's lines are mostly not adjacent, empty
    lines separate blocks (pdftotext prints one after each) and none is a cell (``dense``
    False); lines the reader dropped as page furniture are no empty lines.
    """

    _KEEP = 4  # label lines kept before a row: group label + item label, with room for wrapped fragments

    def __init__(self, furniture: frozenset[int], *, dense: bool) -> None:
        self.furniture = furniture
        self.dense = dense
        self.labels: list[Paragraph] = []
        self.values: list[Paragraph] = []
        self.gaps: list[int] = []  # empty lines before each value

    def feed(self, p: Paragraph, context: list[str]) -> Row | None:
        """Take one paragraph; a row when ``p`` ends one (a label line after value lines)."""
        text = p.text.strip()
        if not text:
            return None
        if text in _UNITS and self.values and self._gap(self.values[-1], p) == 0:
            # The unit of the value above, split off into its own text node (``73802895.90`` / ``元``).
            last = self.values[-1]
            self.values[-1] = Paragraph(last.text.strip() + text, last.location, last.level)
            return None
        if is_value_like(text):
            before = self.values[-1] if self.values else (self.labels[-1] if self.labels else None)
            self.gaps.append(self._gap(before, p) if before is not None else 0)
            self.values.append(p)
            return None
        row = self.flush(context)
        if len(text) > _MAX_LABEL:
            self.labels = []  # prose: whatever came before it labels nothing after it
        else:
            self.labels = [*self.labels[-(self._KEEP - 1) :], p]
        return row

    def _gap(self, a: Paragraph, b: Paragraph) -> int:
        """Empty lines between two paragraphs; 0 when their lines are unknown or on different pages."""
        la, lb = a.location.line, b.location.line
        if la is None or lb is None or a.location.page != b.location.page or lb <= la:
            return 0
        return min(sum(1 for n in range(la + 1, lb) if n not in self.furniture), _MAX_BLANKS)

    def _cells(self) -> list[Paragraph]:
        """The values with the blank cells the gaps before them stand for."""
        out: list[Paragraph] = []
        for gap, p in zip(self.gaps, self.values, strict=True):
            if self.dense:
                out.extend(Paragraph("", p.location) for _ in range(gap))
            out.append(p)
        return out

    def flush(self, context: list[str]) -> Row | None:
        if not self.values:
            return None
        labels, values = self.labels, self._cells()
        self.labels, self.values, self.gaps = [], [], []
        return Row(
            texts=[p.text.strip() for p in (*labels, *values)],
            locations=[p.location for p in (*labels, *values)],
            labels=[p.text.strip() for p in labels],
            values=[p.text.strip() for p in values],
            value_locations=[p.location for p in values],
            context=context,
            loose=True,
        )


def mostly_adjacent(blocks: list[Block], furniture: frozenset[int]) -> bool:
    """Whether most consecutive paragraphs sit on adjacent lines, so an empty line means something.

    Measured over parts 二–四 of the corpus' reports exported as text: LibreOffice's text export
    has 0.67–0.92 of pairs adjacent (empty lines only for empty cells), pdftotext 0.19–0.35 (an
    empty line after every block). One part alone is less clear (a part-三 table of blank cells
    has few adjacent lines), so callers measure the three parts together.
    """
    lines = [b.location.line for b in blocks if isinstance(b, Paragraph) and b.location.line is not None]
    pairs = list(pairwise(lines))
    if not pairs:
        return False
    adjacent = sum(1 for a, b in pairs if all(n in furniture for n in range(a + 1, b)))
    return adjacent >= _ADJACENT_SHARE * len(pairs)


_ADJACENT_SHARE = 0.5
_MAX_LABEL = 60  # characters: a longer line is prose, not a row label
_UNITS = frozenset({"元", "万元", "亿元"})
_MAX_BLANKS = 20  # empty lines read as blank cells at most: more is a gap in the text, not a row


def section_rows(
    blocks: list[Block],
    *,
    furniture: frozenset[int] = frozenset(),
    dense: bool | None = None,
) -> list[Row]:
    """All rows of a section in reading order (tables, then text rows where they occur).

    ``furniture``: line numbers the reader dropped as page furniture (no empty lines there).
    ``dense``: whether empty lines among one-per-line values are blank cells (see
    :func:`mostly_adjacent`; by default measured on ``blocks``).
    """
    rows: list[Row] = []
    context: list[str] = []
    if dense is None:
        dense = mostly_adjacent(blocks, furniture)
    lines = _OneCellPerLine(furniture, dense=dense)
    for block in blocks:
        if isinstance(block, RawTable):
            if (row := lines.flush(context)) is not None:
                rows.append(row)
            rows.extend(_table_rows(block, context))
            context = []
        elif isinstance(block, Paragraph):
            context = [*context, block.text]
            row = _text_row(block, context)
            if row is not None:
                if (pending := lines.flush(context)) is not None:
                    rows.append(pending)
                rows.append(row)
            elif (row := lines.feed(block, context)) is not None:
                rows.append(row)
    if (row := lines.flush(context)) is not None:
        rows.append(row)
    return rows


def fit_values(row: Row, expected: int, *, first_col: int | None = None) -> list[tuple[str, Location | None]] | None:
    """The row's value cells fitted to the expected count, with their locations.

    Extra *blank* cells at either end (empty trailing columns, an empty merged label
    cell before the numbers) are dropped. When blank cells at both ends leave open which of
    them are the extra ones, the values start at grid column ``first_col`` (where the
    unambiguous rows of the row's table start, see :class:`ValueFit`); without it, or with
    any other mismatch, the row is ambiguous → ``None``.
    """
    window = _window(row, expected)
    if window is None:
        return None
    lo, last = window
    if lo < last:
        starts = [k for k in range(lo, last + 1) if _column(row, k) == first_col] if first_col is not None else []
        if len(starts) != 1 and len({tuple(row.values[k : k + expected]) for k in range(lo, last + 1)}) > 1:
            return None
        lo = starts[0] if len(starts) == 1 else lo
    locs: list[Location | None] = list(row.value_locations) or [None] * len(row.values)
    return list(zip(row.values[lo : lo + expected], locs[lo : lo + expected], strict=True))


def _window(row: Row, expected: int) -> tuple[int, int] | None:
    """The first and last index where ``expected`` values may start, dropping only blank cells at
    the ends; ``None`` if no such window exists."""
    values = row.values
    surplus = len(values) - expected
    if surplus < 0 or (row.loose and surplus):
        return None  # one value per line: only an exact count says which column each is
    lead = next((k for k, v in enumerate(values) if v.strip()), len(values))
    trail = next((k for k, v in enumerate(reversed(values)) if v.strip()), len(values))
    first, last = max(0, surplus - trail), min(lead, surplus)
    return (first, last) if first <= last else None


def _column(row: Row, k: int) -> int | None:
    return row.value_locations[k].col if k < len(row.value_locations) else None


class ValueFit:
    """:func:`fit_values` for the rows of part 三, each table's rows agreeing on where their
    values start (every row of part 三 has seven values; in part 二 items of two and three
    values share a table, so their rows say nothing about each other).

    A row whose blank cells at both ends leave open which are padding takes the start that the
    unambiguous rows of its table *and width* share (rows of one width have one layout; a
    converter that does not expand row spans leaves the rows under a spanned label a cell
    shorter, their columns shifted). Forced by a Markdown conversion (markdownify) of 上海 2019:
    the label spanning three columns left an empty cell before the numbers, the granted row's
    总计 was blank, and dropping the trailing blank moved every value one column right.
    """

    def __init__(self, rows: Sequence[Row]) -> None:
        self.rows = rows
        self.starts: dict[tuple[int, int, int], int | None] = {}

    def __call__(self, row: Row, expected: int) -> list[tuple[str, Location | None]] | None:
        if row.table is None:
            return fit_values(row, expected)
        key = (id(row.table), len(row.texts), expected)
        if key not in self.starts:
            self.starts[key] = self._agreed_start(row.table, len(row.texts), expected)
        return fit_values(row, expected, first_col=self.starts[key])

    def _agreed_start(self, table: RawTable, width: int, expected: int) -> int | None:
        found: set[int | None] = set()
        for row in self.rows:
            if row.table is table and len(row.texts) == width and (window := _window(row, expected)) is not None:
                if window[0] == window[1]:
                    found.add(_column(row, window[0]))
        return found.pop() if len(found) == 1 else None


def adds_up(raws: Sequence[str | None]) -> bool:
    """Whether the last value is a printed number equal to the sum of the others (blank counts 0),
    or nothing is printed at all.

    The check that lets a loose row (one cell per line) be read at all: its columns are known
    only by count, and a total that adds up shows the count was the row's own.
    """
    *parts, total = [parse_number(r) for r in raws]
    if all(p.is_empty for p in (*parts, total)):
        return True  # nothing printed: no column can be wrong
    if total.kind != "number" or total.value is None:
        return False
    acc = Decimal(0)
    for p in parts:
        if p.kind == "number" and p.value is not None:
            acc += p.value
        elif not p.is_empty:
            return False
    return acc == total.value
