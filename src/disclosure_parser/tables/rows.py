"""Rows as the table normalisers see them, whatever the table looked like.

A section's blocks become a sequence of :class:`Row`: every grid row of every table
(its distinct cells, as a flattening extractor would print it), and every paragraph
that *reads* like a table row (``行政许可 97``, ``规章 0 0 0`` in PDF→text dumps).
Each row is split into *label cells* and a trailing run of *value cells* (numbers,
blanks, placeholders): the values of a template row always come after its labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..document import Block, Location, Paragraph, RawTable
from .numbers import is_value_like

__all__ = ["Row", "fit_values", "section_rows"]

_TEXT_ROW = regex.compile(r"^(?P<label>.*?\D)\s+(?P<values>[-+−]?\d[\d,.]*(?:\s+[-+−]?\d[\d,.]*)*)\s*$")


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
    if not m or len(m["label"]) > 60:
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


def section_rows(blocks: list[Block], *, text_rows: bool = True) -> list[Row]:
    """All rows of a section in reading order (tables, then text rows where they occur)."""
    rows: list[Row] = []
    context: list[str] = []
    for block in blocks:
        if isinstance(block, RawTable):
            rows.extend(_table_rows(block, context))
            context = []
        elif isinstance(block, Paragraph):
            context = [*context, block.text]
            if text_rows:
                row = _text_row(block, context)
                if row is not None:
                    rows.append(row)
    return rows


def fit_values(row: Row, expected: int) -> list[tuple[str, Location | None]] | None:
    """The row's value cells fitted to the expected count, with their locations.

    Extra *blank* cells at either end (empty trailing columns, an empty merged label
    cell before the numbers) are dropped; any other mismatch is ambiguous → ``None``.
    """
    lo, hi = 0, len(row.values)
    while hi - lo > expected and not row.values[hi - 1].strip():
        hi -= 1
    while hi - lo > expected and not row.values[lo].strip():
        lo += 1
    if hi - lo != expected:
        return None
    locs: list[Location | None] = list(row.value_locations) or [None] * len(row.values)
    return list(zip(row.values[lo:hi], locs[lo:hi], strict=True))
