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

from lxml import etree

from ...document import Block, Figure, Location, Paragraph
from ...errors import ReadError, ResourceLimitError
from ...options import ParseOptions
from .grid import GridBuilder, span_value
from .text import normalise_space

__all__ = ["extract_blocks"]

_SEP = "\ufdd0"  # a line break
_HEAD = "\ufdd1"  # _HEAD <level> _HEAD_END opens a heading
_HEAD_END = "\ufdd2"
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


def _cell_text(content: str) -> str:
    """A cell's lines (blocks, ``<br>``) joined by newlines; images inside a cell are not text."""
    if _SEP in content:
        parts = [p for p in content.split(_SEP) if p and not p.isspace() and p[0] != _IMG]
        if len(parts) != 1:
            return "\n".join(line for line in map(normalise_space, parts) if line)
        content = parts[0]
    return normalise_space(content)


def _cell_figures(content: str) -> list[Figure]:
    pieces = (p for p in content.split(_SEP) if p.startswith(_IMG))
    return [f for f in (_figure(p[1:]) for p in pieces) if f is not None]


def _table(body: str, builder: GridBuilder) -> list[Figure]:
    """Fill ``builder`` from a table's stream; returns the pictures inside its cells (a table
    published as an image is often wrapped in a one-cell table)."""
    figures: list[Figure] = []
    for row in body.split(_ROW)[1:]:
        builder.new_row()
        for cell in row.split(_CELL)[1:]:
            spans, _, content = cell.partition(_CELL_END)
            rowspan, _, colspan = spans.partition(",")
            builder.add(_cell_text(content), span_value(rowspan), span_value(colspan))
            if _IMG in content:
                figures.extend(_cell_figures(content))
    return figures


def _text(stream: str, blocks: list[Block]) -> None:
    for piece in stream.split(_SEP):
        if not piece:
            continue
        level = 0
        if piece[0] == _HEAD:
            head, _, piece = piece[1:].partition(_HEAD_END)
            level = int(head) if head.isdigit() else 0
        elif piece[0] == _IMG:
            figure = _figure(piece[1:])
            if figure is not None:
                blocks.append(figure)
            continue
        text = normalise_space(piece)
        if text:
            blocks.append(Paragraph(text, Location(), level))


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
        if body.count(_CELL) > options.max_table_cells:
            raise ResourceLimitError(
                f"a table has more than {options.max_table_cells} cells (max_table_cells)",
                format="html",
                limit="max_table_cells",
            )
        builder = GridBuilder(index, body.count(_ROW), options)
        figures = _table(body, builder)
        blocks.append(builder.table())
        blocks.extend(figures)
        _text(rest, blocks)
    return blocks
