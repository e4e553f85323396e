"""The document model every reader produces: blocks in reading order, with provenance.

Readers only *extract*: a :class:`RawDocument` is paragraphs and tables as the file
shows them, with no idea of sections, templates or numbers. Interpretation happens
later (segmenter, table normalisers). Keeping this model separate from the public
``models`` means a reader change cannot silently change the report schema.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Block", "Figure", "Location", "Paragraph", "RawDocument", "RawTable", "TableCell"]


def _slot_setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    """The setter of a slotted class's field itself, which a frozen class's __setattr__ does not
    guard: for its own __init__ only."""
    descriptor: Any = cls.__dict__[name]
    setter: Callable[[Any, Any], None] = descriptor.__set__
    return setter


@dataclass(frozen=True, slots=True, init=False)
class Location:
    """Where something came from. Every field is optional; readers fill what they know.

    ``page`` and ``line`` are 1-based, ``table``, ``row`` and ``col`` 0-based.
    """

    page: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None

    def __init__(
        self,
        page: int | None = None,
        line: int | None = None,
        table: int | None = None,
        row: int | None = None,
        col: int | None = None,
    ) -> None:
        # What the generated frozen __init__ does (every slot set once, no __setattr__ after),
        # at half its cost: the slots' own setters instead of object.__setattr__ by name. A
        # report makes one Location per table cell and paragraph.
        _set_page(self, page)
        _set_line(self, line)
        _set_table(self, table)
        _set_row(self, row)
        _set_col(self, col)

    def with_cell(self, row: int, col: int) -> Location:
        return Location(self.page, self.line, self.table, row, col)

    def as_dict(self) -> dict[str, int]:
        return {k: v for k in ("page", "line", "table", "row", "col") if (v := getattr(self, k)) is not None}


_set_page = _slot_setter(Location, "page")
_set_line = _slot_setter(Location, "line")
_set_table = _slot_setter(Location, "table")
_set_row = _slot_setter(Location, "row")
_set_col = _slot_setter(Location, "col")


@dataclass(frozen=True, slots=True, init=False)
class Paragraph:
    """A run of text in reading order. ``level`` > 0 marks a heading the source itself marked."""

    text: str
    location: Location = field(default_factory=Location)
    level: int = 0
    confidence: float | None = None  # OCR recognition confidence of its least sure glyph; None: not OCR'd

    def __init__(
        self, text: str, location: Location | None = None, level: int = 0, confidence: float | None = None
    ) -> None:
        # As Location's: one per line of a text report.
        _set_text(self, text)
        _set_location(self, Location() if location is None else location)
        _set_level(self, level)
        _set_confidence(self, confidence)


_set_text = _slot_setter(Paragraph, "text")
_set_location = _slot_setter(Paragraph, "location")
_set_level = _slot_setter(Paragraph, "level")
_set_confidence = _slot_setter(Paragraph, "confidence")


@dataclass(slots=True)
class TableCell:
    """One cell as drawn: its text and the grid area it covers (spans already resolved)."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    location: Location = field(default_factory=Location)
    confidence: float | None = None  # OCR recognition confidence of its least sure glyph; None: not OCR'd


@dataclass(slots=True)
class RawTable:
    """A table as a grid.

    ``grid[r][c]`` is the :class:`TableCell` covering that position (a merged cell
    appears at every position it covers, as the same object) or ``None`` where a
    short row leaves the grid empty.

    ``aligned`` says whether grid columns mean the same thing in every row. It is
    ``False`` for tables rebuilt from flattened text, where a row lists only its own
    distinct cells and merged cells may be missing or blank.
    """

    grid: list[list[TableCell | None]]
    index: int = 0
    location: Location = field(default_factory=Location)
    aligned: bool = True
    # row_cells() results, computed once: readers finish a grid before anyone reads rows.
    _rows: list[list[TableCell]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_rows(
        cls,
        rows: Sequence[Sequence[str]],
        *,
        index: int = 0,
        location: Location | None = None,
        aligned: bool | None = None,
        row_locations: Sequence[Location] | None = None,
    ) -> RawTable:
        """Build a table of unmerged cells from rows of text (ragged rows allowed)."""
        loc = location or Location(table=index)
        grid: list[list[TableCell | None]] = []
        for r, row in enumerate(rows):
            base = row_locations[r] if row_locations is not None else loc
            grid.append(
                [TableCell(t, r, c, location=Location(base.page, base.line, index, r, c)) for c, t in enumerate(row)]
            )
        if aligned is None:
            aligned = len({len(r) for r in rows}) <= 1
        return cls(grid=grid, index=index, location=loc, aligned=aligned)

    @property
    def n_rows(self) -> int:
        return len(self.grid)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.grid), default=0)

    def texts(self) -> list[list[str]]:
        """The grid as text, a merged cell's text repeated at each position it covers."""
        return [[c.text if c is not None else "" for c in row] for row in self.grid]

    def row_cells(self, r: int) -> list[TableCell]:
        """The distinct cells that *start* in row ``r``, left to right.

        This is the row as a flattening extractor would print it: a cell merged down
        from an earlier row is not repeated, a cell merged across columns appears once.
        """
        if self._rows is None:
            self._rows = [self._distinct(i) for i in range(len(self.grid))]
        return self._rows[r]

    def _distinct(self, r: int) -> list[TableCell]:
        out: list[TableCell] = []
        seen: set[int] = set()
        for cell in self.grid[r]:
            if cell is None or id(cell) in seen:
                continue
            seen.add(id(cell))
            if cell.row == r:
                out.append(cell)
        return out


@dataclass(frozen=True, slots=True)
class Figure:
    """An image where content could be (a table published as a picture). ``description``
    is the alt text or file name, when there is one."""

    location: Location = field(default_factory=Location)
    description: str = ""


Block = Paragraph | RawTable | Figure


@dataclass(slots=True)
class RawDocument:
    """What a reader returns: blocks in reading order plus what the container says about itself.

    ``properties`` holds container metadata as found (DOCX core properties, HTML
    ``<meta>`` tags, PDF info, a crawler's header lines), uninterpreted.
    ``notes`` are reader observations as ``(code, message, context)``; the parser turns
    them into info findings. ``ocr_pages`` lists pages (1-based) that have no usable text
    layer (a scan, glyph soup): the reader emits no text for them and the report gets
    ``status="needs_ocr"``. ``recognised_pages`` lists pages whose text was read by OCR
    (``ParseOptions.ocr``); their cells and paragraphs carry a ``confidence``.
    """

    blocks: list[Block] = field(default_factory=list)
    format: str = "txt"
    properties: dict[str, str] = field(default_factory=dict)
    pages: int | None = None
    notes: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    # Line numbers (Location.line) of lines dropped as page furniture (``- 3 -``): a gap in the
    # line numbers there is no empty line of the text.
    furniture_lines: set[int] = field(default_factory=set)
    recognised_pages: list[int] = field(default_factory=list)

    def paragraphs(self) -> Iterator[Paragraph]:
        return (b for b in self.blocks if isinstance(b, Paragraph))

    def tables(self) -> Iterator[RawTable]:
        return (b for b in self.blocks if isinstance(b, RawTable))

    def text(self) -> str:
        """All text in reading order, tables as tab-separated rows (for search and debugging)."""
        parts: list[str] = []
        for b in self.blocks:
            if isinstance(b, Paragraph):
                parts.append(b.text)
            elif isinstance(b, RawTable):
                parts.extend("\t".join(c.text for c in b.row_cells(r)) for r in range(b.n_rows))
        return "\n".join(parts)

    def note(self, code: str, message: str, **context: Any) -> None:
        self.notes.append((code, message, context))
