"""Plain-text and Markdown reader.

Rebuilds table grids from the flattened shapes text extractors produce (spec §12):

* TAB-prefixed rows: one cell per line, every line starting with a TAB, a blank line
  between rows, merged cells as empty TAB lines (the FS23 DOCX→text shape);
* Markdown pipe tables (``| a | b |`` with ``|---|`` separator lines, or ``a| b`` rows
  without the outer pipes, two or more in a row), including
  tables split into pieces and repeated header rows — kept as separate tables, the
  normalisers decide what a row means;
* tab-separated rows (several TABs inside a line).

It also drops text furniture that is not content: ``[bookmark: _GoBack]`` artefacts,
page-number lines (``- 1 -``, ``第 1 页 共 5 页``) and a trailing bare page number, and
reads a crawler's ``key: value`` header (ending with a ``==== 正文 ====`` line) into
``properties``. Cells run together with no separator (the Pingtan dumps) stay text.
"""

from __future__ import annotations

import re

from ..document import Block, Location, Paragraph, RawDocument, RawTable
from ..formats import InputFormat
from ..options import ParseOptions
from .base import Reader
from .encoding import decode_text

__all__ = ["TextReader", "parse_text"]

_ARTEFACT = re.compile(r"\[bookmark:[^\]]*\]")
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:[-—–－~～]+\s*\d{1,4}\s*[-—–－~～]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
_BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
_PIPE_ROW = re.compile(r"^\s*\|")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_HEADER_LINE = re.compile(r"^([^\s:：]{1,12})\s*[:：]\s?(.*)$")
_BODY_MARK = re.compile(r"^\s*=+\s*正文\s*=+\s*$")


class TextReader(Reader):
    """Reader for ``.txt`` and ``.md`` files (any supported encoding)."""

    formats = (InputFormat.TXT, InputFormat.MARKDOWN)

    def read(self, data: bytes, *, options: ParseOptions, name: str | None = None) -> RawDocument:
        text, encoding = decode_text(data)
        doc = parse_text(text)
        doc.properties.setdefault("encoding", encoding)
        return doc


def _split_header(lines: list[str]) -> tuple[dict[str, str], int]:
    """A crawler's ``key: value`` lines before a ``==== 正文 ====`` line become properties."""
    for i, line in enumerate(lines[:40]):
        if _BODY_MARK.match(line):
            props: dict[str, str] = {}
            for head in lines[:i]:
                m = _HEADER_LINE.match(head.strip())
                if m:
                    props[m.group(1)] = m.group(2).strip()
                elif head.strip():
                    return {}, 0  # not a key/value header after all: keep every line as text
            return props, i + 1
    return {}, 0


def _pipe_cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells = re.split(r"(?<!\\)\|", body)
    return [_plain(c.replace("\\|", "|")).strip() for c in cells]


def _plain(text: str) -> str:
    """Text without Markdown's strong emphasis (``**标题：** 沭阳县…`` from html2text): the
    asterisks are markup, not content, and once became part of the agency's name."""
    if "**" not in text:
        return text
    text = _STRONG.sub(r"\1", text)
    return text.strip("*").strip() if text.startswith("**") else text


class _Builder:
    """Walks the lines once, emitting paragraphs and tables in order."""

    def __init__(self, lines: list[str], first_line: int) -> None:
        self.lines = lines
        self.first = first_line
        self.blocks: list[Block] = []
        self.n_tables = 0
        self.furniture: set[int] = set()

    def loc(self, i: int) -> Location:
        return Location(line=self.first + i + 1)

    def next_content(self, i: int) -> str | None:
        while i < len(self.lines):
            if self.lines[i].strip():
                return self.lines[i]
            i += 1
        return None

    def add_table(self, rows: list[list[str]], locs: list[Location], *, aligned: bool | None) -> None:
        if not rows:
            return
        table = RawTable.from_rows(rows, index=self.n_tables, location=locs[0], aligned=aligned, row_locations=locs)
        self.n_tables += 1
        self.blocks.append(table)

    def tab_table(self, i: int) -> int:
        rows: list[list[str]] = []
        locs: list[Location] = []
        cur: list[str] = []
        while i < len(self.lines):
            line = self.lines[i]
            if line.startswith("\t"):
                if not cur:
                    locs.append(self.loc(i))
                cur.append(line.strip())
            elif not line.strip():
                if cur:
                    rows.append(cur)
                    cur = []
            elif _is_page_number(line) and (self.next_content(i + 1) or "").startswith("\t"):
                pass  # a page break inside the table
            else:
                break
            i += 1
        if cur:
            rows.append(cur)
        self.add_table(rows, locs, aligned=False)
        return i

    def pipe_table(self, i: int) -> int:
        rows: list[list[str]] = []
        locs: list[Location] = []
        while i < len(self.lines) and "|" in self.lines[i]:  # with or without the outer pipes
            line = self.lines[i]
            if not _PIPE_SEPARATOR.match(line):
                rows.append(_pipe_cells(line))
                locs.append(self.loc(i))
            i += 1
        self.add_table(rows, locs, aligned=None)
        return i

    def tsv_table(self, i: int) -> int:
        rows: list[list[str]] = []
        locs: list[Location] = []
        while i < len(self.lines) and _is_tsv_row(self.lines[i]):
            rows.append([c.strip() for c in self.lines[i].split("\t")])
            locs.append(self.loc(i))
            i += 1
        self.add_table(rows, locs, aligned=None)
        return i

    def paragraph(self, i: int) -> None:
        line = self.lines[i].strip()
        m = _MD_HEADING.match(line)
        level = 0
        if m:
            level, line = len(m.group(1)), m.group(2)
        line = _plain(line)
        if line:
            self.blocks.append(Paragraph(line, self.loc(i), level))

    def run(self) -> list[Block]:
        i = 0
        n = len(self.lines)
        while i < n:
            line = self.lines[i]
            start = i
            if (line.startswith("\t") and line.strip()) or (line.startswith("\t") and self._tab_block_ahead(i)):
                i = self.tab_table(i)
            elif _PIPE_ROW.match(line) or (_bare_pipe_row(line) and i + 1 < n and "|" in self.lines[i + 1]):
                i = self.pipe_table(i)
            elif _is_tsv_row(line) and i + 1 < n and _is_tsv_row(self.lines[i + 1]):
                i = self.tsv_table(i)
            else:
                if line.strip() and not _is_furniture(line, self.next_content(i + 1)):
                    self.paragraph(i)
                elif line.strip():
                    self.furniture.add(self.first + i + 1)
                i += 1
            i = max(i, start + 1)  # every step takes a line: no input can stall the reader
        return self.blocks

    def _tab_block_ahead(self, i: int) -> bool:
        # An empty TAB line (a merged cell) opens a table only if real TAB cells follow.
        nxt = self.next_content(i + 1)
        return nxt is not None and nxt.startswith("\t")


def _is_tsv_row(line: str) -> bool:
    """A tab-separated row: two tabs or more, not at its start (a leading tab is a TAB-flattened cell).

    The same test opens and continues a TSV table, so the table always takes its first line:
    a whitespace-only line of tabs once opened one that took no line, and the reader never moved
    on (text saved from a page with ``text_content()``, its indentation kept).
    """
    return line.count("\t") >= 2 and not line.startswith("\t")


def _bare_pipe_row(line: str) -> bool:
    """A pipe-table row without the outer pipes (``规章| 0| 0| 0``: GFM allows it, html2text writes
    it); such rows open a table only two at a time, so one pipe in prose opens none."""
    body = line.strip()
    return "|" in body and not body.startswith("|")


def _is_page_number(line: str) -> bool:
    return bool(_PAGE_FURNITURE.match(line) or _BARE_NUMBER.match(line))


def _is_furniture(line: str, next_line: str | None) -> bool:
    """Page-number lines anywhere; a bare number only when nothing follows it."""
    if _PAGE_FURNITURE.match(line):
        return True
    return next_line is None and bool(_BARE_NUMBER.match(line))


def parse_text(text: str) -> RawDocument:
    """Turn decoded text (plain or Markdown) into a :class:`RawDocument`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = _ARTEFACT.sub("", text)
    lines = text.split("\n")
    props, start = _split_header(lines)
    builder = _Builder(lines[start:], start)
    doc = RawDocument(blocks=builder.run(), format="txt", properties=props, furniture_lines=builder.furniture)
    return doc
