"""The article's tree → paragraphs, tables and figures in reading order.

Block-level elements (``p``, ``div``, ``li``, headings …) and ``<br>`` end a paragraph;
inline elements (``span``, ``font``, ``o:p`` …) join their text with nothing between
them. Most of a Word-pasted page is inline markup inside a few hundred blocks, so the
text of a block without block-level descendants is taken in one call (libxml2's
``string()``), and only the elements that contain structure are walked in Python.

``<img>`` in the article becomes a :class:`Figure` (a table published as a picture is
then reported by the parser, not silently missing), except icons and spacers whose
declared size is tiny. A table that contains another table is layout, not data: its
cells are read as blocks in reading order, and the inner tables as tables.
"""

from __future__ import annotations

import posixpath

from lxml import etree

from ...document import Block, Figure, Location, Paragraph
from ...options import ParseOptions
from .grid import build_grid, table_rows
from .text import normalise_space

__all__ = ["extract_blocks"]

BLOCK_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "section", "article", "header", "footer"}
    | {"main", "nav", "aside", "center", "address", "figure", "figcaption", "details", "summary", "fieldset"}
    | {"legend", "hr", "form", "caption", "body", "html", "tr", "td", "th", "tbody", "thead", "tfoot", "menu"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "dir", "listing", "xmp", "plaintext"}
)
_STRUCTURE = (*sorted(BLOCK_TAGS), "br", "img", "table")
_SKIP = frozenset({"head", "title", "meta", "base", "area", "map", "param", "wbr"})
_HEADING_LEVEL = {f"h{i}": i for i in range(1, 7)}
_STRING = etree.XPath("string(.)", smart_strings=False)
_ICON_PX = 32


def _mark_structure(root: etree._Element) -> set[etree._Element]:
    """Elements that contain block-level elements, ``<br>``, ``<img>`` or tables."""
    marked: set[etree._Element] = set()
    for el in root.iter(*_STRUCTURE):
        if el is root:
            continue
        parent = el.getparent()
        while parent is not None and parent not in marked:
            marked.add(parent)
            if parent is root:
                break
            parent = parent.getparent()
    return marked


def _px(value: str | None) -> int | None:
    digits = "".join(ch for ch in (value or "").strip().split(".")[0] if ch.isdigit())
    return int(digits) if digits else None


def _figure(img: etree._Element) -> Figure | None:
    width, height = _px(img.get("width")), _px(img.get("height"))
    if (width is not None and width <= _ICON_PX) or (height is not None and height <= _ICON_PX):
        return None  # an icon, bullet or spacer
    src = img.get("src") or ""
    description = img.get("alt") or img.get("title") or posixpath.basename(src.split("?")[0])
    return Figure(Location(line=img.sourceline), normalise_space(description))


class _Walker:
    def __init__(self, marked: set[etree._Element], options: ParseOptions, tables: list[int]) -> None:
        self.marked = marked
        self.options = options
        self.tables = tables  # one shared counter, so nested walks number tables in order
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.line: int | None = None

    def flush(self, level: int = 0) -> None:
        if self.parts:
            text = normalise_space("".join(self.parts))
            if text:
                self.blocks.append(Paragraph(text, Location(line=self.line), level))
            self.parts = []
        self.line = None

    def add(self, text: str | None, el: etree._Element) -> None:
        if text:
            if self.line is None:
                self.line = el.sourceline
            self.parts.append(text)

    def block(self, el: etree._Element) -> None:
        self.flush()
        if el in self.marked:
            self.content(el)
        else:
            self.add(_STRING(el), el)
        self.flush(_HEADING_LEVEL.get(el.tag, 0))

    def table(self, el: etree._Element) -> None:
        self.flush()
        rows = table_rows(el)
        if any(inner is not el for inner in el.iter("table")):
            for row in rows:  # layout table: its cells are blocks
                for cell in row:
                    self.block(cell)
            return
        caption = el.find("caption")
        if caption is not None:
            self.block(caption)
        index = self.tables[0]
        self.tables[0] += 1
        self.blocks.append(build_grid(el, rows, index, self.cell_text, self.options))

    def cell_text(self, cell: etree._Element) -> str:
        if cell not in self.marked:
            return normalise_space(_STRING(cell))
        sub = _Walker(self.marked, self.options, self.tables)
        sub.content(cell)
        sub.flush()
        return "\n".join(b.text for b in sub.blocks if isinstance(b, Paragraph))

    def content(self, el: etree._Element) -> None:
        """Walk ``el``'s text and children (``el`` contains structure)."""
        self.add(el.text, el)
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                pass
            elif tag == "table":
                self.table(child)
            elif tag == "br":
                self.flush()
            elif tag == "img":
                figure = _figure(child)
                if figure is not None:
                    self.flush()
                    self.blocks.append(figure)
            elif tag in BLOCK_TAGS:
                self.block(child)
            elif child in self.marked:
                self.content(child)  # an inline element with blocks inside (<font><p>…)
            else:
                self.add(_STRING(child), child)
            self.add(child.tail, child)


def extract_blocks(root: etree._Element, titles: list[etree._Element], options: ParseOptions) -> list[Block]:
    """Blocks of the article ``root``, preceded by the titles printed outside it."""
    walker = _Walker(_mark_structure(root), options, [0])
    for title in titles:
        walker.flush()
        walker.add(_STRING(title), title)
        walker.flush(level=1)
    if root.tag == "table":
        walker.table(root)
    else:
        walker.content(root)
    walker.flush()
    return walker.blocks
