"""The article's tree → paragraphs, tables and figures in reading order.

Block-level elements (``p``, ``div``, ``li``, headings …) and ``<br>`` end a line;
inline elements (``span``, ``font``, ``o:p`` …) join their text with nothing between
them. A Word-pasted page is thousands of inline elements inside a few hundred blocks,
so the tree is walked by libxml2, not Python: a fixed XSLT stylesheet (ours; no
extensions, no file or network access) writes the article as one string in which
Unicode noncharacters — which no real text contains — mark line breaks, headings,
images, tables, rows and cells with their spans. Python then only splits that string.

``<img>`` becomes a :class:`Figure` (a table published as a picture is then reported,
not silently missing), except icons and spacers whose declared size is tiny. A table
that contains another table is layout, not data: its cells are read as blocks and the
inner tables as tables. Text of a table outside its cells is not shown by browsers
in place and is dropped.
"""

from __future__ import annotations

import posixpath
import re

from lxml import etree

from ...document import Block, Figure, Location, Paragraph
from ...errors import ReadError, ResourceLimitError
from ...options import ParseOptions
from .grid import build_table
from .text import collapse_space, normalise_space

__all__ = ["extract_blocks"]

_SEP = "\ufdd0"  # a line break
_HEAD = "\ufdd1"  # _HEAD <level> _HEAD_END opens a heading
_HEAD_END = "\ufdd2"
_CELL_HEAD_MARK = re.compile(f"{_HEAD}[^{_HEAD_END}]*{_HEAD_END}")
_TABLE = "\ufdd3"
_TABLE_END = "\ufdd4"
_ROW = "\ufdd5"
_CELL = "\ufdd6"  # _CELL <rowspan> , <colspan> _CELL_END <content>
_CELL_END = "\ufdd7"
_IMG = "\ufdd8"  # _IMG width _FIELD height _FIELD alt _FIELD title _FIELD src
_FIELD = "\ufdd9"

_BLOCKS = (
    "p|div|li|ul|ol|dl|dt|dd|blockquote|pre|section|article|header|footer|main|nav|aside|center|address|figure"
    "|figcaption|details|summary|fieldset|legend|hr|form|caption|tr|td|th|tbody|thead|tfoot|menu|dir|listing|xmp"
)
_STYLESHEET = f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="head|title|meta|script|style|noscript|template|select|textarea|button|option"/>
<xsl:template match="br"><xsl:text>{_SEP}</xsl:text></xsl:template>
<xsl:template match="h1|h2|h3|h4|h5|h6">
  <xsl:text>{_SEP}{_HEAD}</xsl:text><xsl:value-of select="substring(name(), 2)"/><xsl:text>{_HEAD_END}</xsl:text>
  <xsl:apply-templates/><xsl:text>{_SEP}</xsl:text>
</xsl:template>
<xsl:template match="{_BLOCKS}">
  <xsl:text>{_SEP}</xsl:text><xsl:apply-templates/><xsl:text>{_SEP}</xsl:text>
</xsl:template>
<xsl:template match="img">
  <xsl:text>{_SEP}{_IMG}</xsl:text><xsl:value-of select="@width"/><xsl:text>{_FIELD}</xsl:text>
  <xsl:value-of select="@height"/><xsl:text>{_FIELD}</xsl:text><xsl:value-of select="@alt"/>
  <xsl:text>{_FIELD}</xsl:text><xsl:value-of select="@title"/><xsl:text>{_FIELD}</xsl:text>
  <xsl:value-of select="@src"/><xsl:text>{_SEP}</xsl:text>
</xsl:template>
<xsl:template match="table[.//table]">
  <xsl:text>{_SEP}</xsl:text><xsl:apply-templates/><xsl:text>{_SEP}</xsl:text>
</xsl:template>
<xsl:template match="table">
  <xsl:apply-templates select="caption"/>
  <xsl:text>{_TABLE}</xsl:text>
  <xsl:for-each select="tr|thead/tr|tbody/tr|tfoot/tr">
    <xsl:text>{_ROW}</xsl:text>
    <xsl:for-each select="td|th">
      <xsl:text>{_CELL}</xsl:text><xsl:value-of select="@rowspan"/><xsl:text>,</xsl:text>
      <xsl:value-of select="@colspan"/><xsl:text>{_CELL_END}</xsl:text><xsl:apply-templates/>
    </xsl:for-each>
  </xsl:for-each>
  <xsl:text>{_TABLE_END}</xsl:text>
</xsl:template>
</xsl:stylesheet>"""
_TRANSFORM = etree.XSLT(etree.XML(_STYLESHEET), access_control=etree.XSLTAccessControl.DENY_ALL)
_STRING = etree.XPath("string(.)", smart_strings=False)
_ICON_PX = 32
_NOWHERE = Location()  # immutable, so one instance serves every paragraph
# An image piece, with its raw fields; in a table body it also ends at the cell's end.
_CELL_IMG_PIECE = re.compile(f"{_SEP}{_IMG}([^{_SEP}{_CELL}{_ROW}]*)")
# What renders as nothing at either end of a line: whitespace (str.isspace), zero-width
# characters, and line breaks (empty lines in between).
_EDGE = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace()) + "\u200b\ufeff" + _SEP


def _px(value: str) -> int | None:
    digits = "".join(ch for ch in value.strip().split(".")[0] if ch.isdigit())
    return int(digits[:6]) if digits else None


def _figure(fields: str) -> Figure | None:
    width, height, alt, title, src = [*fields.split(_FIELD), "", "", "", "", ""][:5]
    w, h = _px(width), _px(height)
    if (w is not None and w <= _ICON_PX) or (h is not None and h <= _ICON_PX):
        return None  # an icon, bullet or spacer
    description = alt or title or posixpath.basename(src.split("?")[0])
    return Figure(Location(), normalise_space(description))


def _lines(text: str) -> str:
    """A cell's rendered lines joined by newlines, empty lines dropped."""
    return "\n".join(line for line in (piece.strip() for piece in text.split(_SEP)) if line)


def _cells(body: str) -> list[list[tuple[str, str]]]:
    """Rows of ``(spans, text)``: each cell's ``"rowspan,colspan"`` and its lines (blocks, ``<br>``)
    rendered and joined by newlines, images left out.

    The ends of a cell are stripped first (what renders as nothing there), then what is left of
    all cells is rendered in one string: a line break is a wide character to
    :func:`.text.collapse_space`, so a run next to one renders to nothing or to one space,
    which the line's strip removes.
    """
    if _IMG in body:
        body = _CELL_IMG_PIECE.sub("", body)
    if _HEAD in body:
        body = _CELL_HEAD_MARK.sub("", body)  # a heading inside a cell is just a line of the cell
    spans: list[list[str]] = []
    texts: list[str] = []
    for row in body.split(_ROW)[1:]:
        row_spans = []
        for cell in row.split(_CELL)[1:]:
            span, _, content = cell.partition(_CELL_END)
            row_spans.append(span)
            texts.append(content.strip(_EDGE))
        spans.append(row_spans)
    rendered = [_lines(text) if _SEP in text else text for text in collapse_space(_CELL.join(texts)).split(_CELL)]
    rows: list[list[tuple[str, str]]] = []
    start = 0
    for row_spans in spans:
        end = start + len(row_spans)
        rows.append(list(zip(row_spans, rendered[start:end], strict=True)))
        start = end
    return rows


def _table(body: str, index: int, options: ParseOptions, blocks: list[Block]) -> None:
    """Append the table of ``body`` to ``blocks``, then the pictures inside its cells (a table
    published as an image is often wrapped in a one-cell table).

    Raises:
        ResourceLimitError: the grid would exceed ``options.max_table_cells``.
    """
    if body.count(_CELL) > options.max_table_cells:
        raise ResourceLimitError(
            f"a table has more than {options.max_table_cells} cells (max_table_cells)",
            format="html",
            limit="max_table_cells",
        )
    blocks.append(build_table(index, _cells(body), options))
    if _IMG in body:
        blocks.extend(f for f in map(_figure, _CELL_IMG_PIECE.findall(body)) if f is not None)


def _text(chunk: str, blocks: list[Block]) -> None:
    """Append the paragraphs, headings and figures of a stretch of text between tables."""
    pieces = [(raw, piece) for raw in chunk.split(_SEP) if (piece := raw.strip(_EDGE))]
    if not pieces:
        return
    rendered = collapse_space(_SEP.join(piece for _, piece in pieces)).split(_SEP)
    for (raw, _), piece in zip(pieces, rendered, strict=True):
        first = piece[0]
        level = 0
        if first == _HEAD:
            head, _, piece = piece[1:].partition(_HEAD_END)
            level = int(head) if head.isdigit() else 0
            piece = piece.strip()
            if not piece:
                continue
        elif first == _IMG:
            figure = _figure(raw.partition(_IMG)[2])  # the raw fields: rendering is for text
            if figure is not None:
                blocks.append(figure)
            continue
        blocks.append(Paragraph(piece, _NOWHERE, level))


def extract_blocks(root: etree._Element, titles: list[etree._Element], options: ParseOptions) -> list[Block]:
    """Blocks of the article ``root``, preceded by the titles printed outside it.

    Raises:
        ResourceLimitError: a table's grid would exceed ``options.max_table_cells``.
    """
    blocks: list[Block] = [
        Paragraph(text, Location(line=t.sourceline), 1) for t in titles if (text := normalise_space(_STRING(t)))
    ]
    try:
        stream = str(_TRANSFORM(root))
    except etree.XSLTApplyError as exc:  # libxslt's own limits (template depth, memory)
        raise ReadError(f"cannot walk the HTML page: {exc}", format="html") from exc
    chunks = stream.split(_TABLE)
    _text(chunks[0], blocks)
    for index, chunk in enumerate(chunks[1:]):
        body, _, rest = chunk.partition(_TABLE_END)
        _table(body, index, options, blocks)
        _text(rest, blocks)
    return blocks
