"""The PDF reader: text-layer PDFs to paragraphs in reading order and tables as grids.

Per page: glyphs and ruling lines from PDFium (:mod:`.backend`); the text layer checked
(:mod:`.quality` — a scan or unreadable glyphs put the page in ``ocr_pages`` and
nothing of it is read); ruled tables rebuilt (:mod:`.ruling`) where the page has rules
at all; the other glyphs grouped into lines (:mod:`.layout`); page numbers and running
headers dropped (:mod:`.furniture`); unruled column tables found on pages without a
ruled one (:mod:`.columns`). Then, over the whole document: lines into paragraphs
(:mod:`.paragraphs`), a table that goes on at the top of the next page stitched to its
first part (:mod:`.stitch`), and everything emitted in reading order.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from ...document import Block, Figure, Location, Paragraph, RawDocument, RawTable
from ...errors import ReadError, ResourceLimitError
from ...formats import InputFormat
from ...options import ParseOptions
from ..base import Reader
from .backend import Document, open_document
from .columns import ColumnTable, find_column_tables
from .fallback import pdfminer_chars
from .furniture import drop_furniture
from .guard import check_inflated_size
from .layout import Line, group_lines, join_lines, lowest
from .model import ImageBox, PageContent
from .ocr import ocr_targets, recognise_pages
from .paragraphs import Margins, breaks_between, margins
from .quality import text_layer_problem
from .rawtable import to_raw_table
from .ruling import PageTable, find_tables
from .stitch import compatible, stitch

__all__ = ["PdfReader"]

# PDFium is not thread-safe; one document at a time per process.
_PDFIUM_LOCK = threading.Lock()
_EOF_SLACK = 1024  # bytes allowed after the last %%EOF (a newline, padding)
_FIGURE_MIN = 0.03  # share of the page: smaller images are logos, seals and bullets
_FIGURE_MAX = 0.85  # larger ones sit behind the text (a letterhead or background)

Item = Line | PageTable | ColumnTable | ImageBox


@dataclass(slots=True)
class _Page:
    number: int
    items: list[Item] = field(default_factory=list)


def _top(item: Item) -> float:
    return item.top


def _check_complete(data: bytes, name: str | None) -> None:
    """A PDF ends with ``%%EOF``; one cut short (a broken download) is refused, not half read."""
    body = data.rstrip(b" \t\r\n\x00\x0c")  # padding after the end marker is harmless
    end = body.rfind(b"%%EOF")
    if end < 0 or len(body) - end - 5 > _EOF_SLACK:
        raise ReadError("the PDF is truncated (no %%EOF at its end): a partial download?", source=name, format="pdf")


class PdfReader(Reader):
    """Reader for PDF files with a text layer; scanned pages are reported as needing OCR."""

    formats = (InputFormat.PDF,)

    def read(self, data: bytes, *, options: ParseOptions, name: str | None = None) -> RawDocument:
        """Read a PDF.

        Raises:
            ReadError: not a PDF, truncated, or damaged beyond repair.
            EncryptedDocumentError: a user password is needed.
            ResourceLimitError: more pages than ``options.max_pages`` (or a table grid over ``max_table_cells``).
        """
        if not data:
            raise ReadError("the PDF is empty (0 bytes)", source=name, format="pdf")
        _check_complete(data, name)
        check_inflated_size(data, options.max_uncompressed_bytes, name)
        with _PDFIUM_LOCK:
            pdf = open_document(data, name=name)
            try:
                return _read(pdf, data, options, name)
            finally:
                pdf.close()


def _read(pdf: Document, data: bytes, options: ParseOptions, name: str | None) -> RawDocument:
    n = len(pdf)
    if n > options.max_pages:
        raise ResourceLimitError(
            f"the PDF has {n} pages, over the limit of {options.max_pages} (max_pages)",
            source=name,
            format="pdf",
            limit="max_pages",
        )
    if n == 0:
        raise ReadError("the PDF has no pages", source=name, format="pdf")
    doc = RawDocument(format="pdf", properties=pdf.properties(), pages=n)
    contents = [pdf.page(i) for i in range(n)]
    _recover_lost_text(contents, data, doc)
    flagged = {page.number: problem for page in contents if (problem := text_layer_problem(page)) is not None}
    problems: dict[str, list[int]] = {}
    for number, problem in flagged.items():
        problems.setdefault(problem, []).append(number)
    for problem, numbers in problems.items():
        doc.note("P2", f"page{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}: {problem}")
    targets = ocr_targets(options.ocr, contents, flagged)
    if targets:
        recognised = recognise_pages(pdf, targets, contents)
        contents = [recognised.get(page.number, page) for page in contents]
        doc.recognised_pages = targets
        doc.note("O2", f"page{'s' if len(targets) > 1 else ''} {_ranges(targets)} read by OCR")
    doc.ocr_pages = [number for number in flagged if number not in targets]
    usable = [page for page in contents if page.number not in doc.ocr_pages]
    pages = _layout(usable)
    doc.blocks = _Assembler(options).run(pages)
    return doc


def _ranges(numbers: list[int]) -> str:
    """``1-3, 5`` for [1, 2, 3, 5]."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)


def _recover_lost_text(contents: list[PageContent], data: bytes, doc: RawDocument) -> None:
    """Pages where PDFium dropped glyphs it could not measure are read again with pdfminer."""
    lost = [page.number for page in contents if page.lost_text]
    if not lost:
        return
    try:
        recovered = pdfminer_chars(data, lost)
    except Exception as exc:  # pdfminer failing on a page PDFium read is no reason to fail the document
        doc.note("P3", f"pages {', '.join(map(str, lost))}: some glyphs could not be read ({type(exc).__name__})")
        return
    for page in contents:
        if page.number in recovered:
            page.chars = recovered[page.number]
    doc.note(
        "P3",
        f"page{'s' if len(lost) > 1 else ''} {', '.join(map(str, lost))}: read with pdfminer, as a CJK font "
        "is neither embedded nor installed and PDFium cannot place all of its glyphs",
    )


def _has_rules(page: PageContent) -> bool:
    """Table finding only runs where a table can be: a page with rules in both directions."""
    h = sum(1 for e in page.edges if e.horizontal)
    return h >= 2 and len(page.edges) - h >= 2


def _layout(contents: list[PageContent]) -> list[_Page]:
    tables: list[list[PageTable]] = []
    lines: list[list[Line]] = []
    for page in contents:
        found: list[PageTable] = []
        rest = page.chars
        if _has_rules(page):
            found, rest = find_tables(page.number, page.edges, page.chars, page.width)
        tables.append(found)
        lines.append([ln for ln in (Line.of(chars, page.number) for chars in group_lines(rest)) if ln.text.strip()])
    lines = drop_furniture(lines, [p.height for p in contents])
    pages: list[_Page] = []
    for page, found, page_lines in zip(contents, tables, lines, strict=True):
        columns: list[ColumnTable] = []
        if not found:
            columns, page_lines = find_column_tables(page_lines)
        area = page.width * page.height
        figures = [img for img in page.images if _FIGURE_MIN * area <= img.area <= _FIGURE_MAX * area]
        items: list[Item] = [*page_lines, *found, *columns, *figures]
        items.sort(key=_top)
        pages.append(_Page(page.number, items))
    return pages


class _Assembler:
    """Walks the pages' items in order, building paragraphs and stitching tables over page breaks."""

    def __init__(self, options: ParseOptions) -> None:
        self.options = options
        self.out: list[Paragraph | PageTable | ColumnTable | Figure] = []
        self.lines: list[Line] = []  # the paragraph being built
        self.line_numbers: dict[int, int] = {}

    def run(self, pages: list[_Page]) -> list[Block]:
        m = margins([it for p in pages for it in p.items if isinstance(it, Line)])
        for page in pages:
            self.page(page, m)
        self.flush()
        return self.blocks()

    def page(self, page: _Page, m: Margins) -> None:
        number = 0
        for i, item in enumerate(page.items):
            if isinstance(item, Line):
                number += 1
                self.line_numbers[id(item)] = number
                if self.lines and breaks_between(self.lines[-1], item, m):
                    self.flush()
                self.lines.append(item)
                continue
            self.flush()
            last = self.out[-1] if self.out else None
            if (
                i == 0
                and isinstance(item, PageTable)
                and isinstance(last, PageTable)
                and last.last_page == page.number - 1
                and compatible(last, item)
            ):
                stitch(last, item)
            elif isinstance(item, ImageBox):
                self.out.append(Figure(Location(page=page.number)))
            else:
                self.out.append(item)

    def flush(self) -> None:
        if self.lines:
            first = self.lines[0]
            text = join_lines([ln.text for ln in self.lines])
            loc = Location(page=first.page, line=self.line_numbers.get(id(first)))
            self.out.append(Paragraph(text, loc, confidence=lowest([c for ln in self.lines for c in ln.chars])))
            self.lines = []

    def blocks(self) -> list[Block]:
        blocks: list[Block] = []
        n_tables = 0
        for item in self.out:
            if isinstance(item, PageTable):
                blocks.append(to_raw_table(item, n_tables, max_cells=self.options.max_table_cells))
                n_tables += 1
            elif isinstance(item, ColumnTable):
                loc = Location(page=item.page, table=n_tables)
                blocks.append(RawTable.from_rows(item.rows, index=n_tables, location=loc))
                n_tables += 1
            else:
                blocks.append(item)
        return blocks
