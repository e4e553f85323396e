"""Walking the main document part into blocks in true reading order.

Body paragraphs and tables come in document order, looking through content controls
(``w:sdt``) and custom-XML wrappers; a text box's blocks follow the paragraph that
anchors it; a table's nested tables and images follow the table (a table used only as
a frame around content is unwrapped instead, see :func:`_is_frame`). What a reader
would not see was settled beforehand by :mod:`.prepare`. Headers, footers, footnotes
and comments live in other parts and are never read.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from lxml import etree

from ...document import Block, Figure, Location, Paragraph, RawDocument, RawTable, TableCell
from ...errors import ReadError, UnsupportedFormatError
from . import ns
from .grid import CellSpec, RowSpec, build_grid
from .numbering import Numbering
from .package import DocxPackage
from .prepare import RUN_TAGS, CellProps, prepare, run_char
from .styles import Styles

__all__ = ["BodyWalker"]

_WRAPPERS = frozenset({ns.CUSTOM_XML, ns.INS, ns.MOVE_TO, ns.w("smartTag")})
_PLAIN_CELL = CellProps()


class BodyWalker:
    """One pass over a document body; holds the list counters and block counters of that pass."""

    def __init__(self, pkg: DocxPackage, doc: RawDocument, *, max_cells: int) -> None:
        self.styles = Styles(pkg.styles)
        self.numbering = Numbering(pkg.numbering, self.styles.numbering_styles)
        self.rels = pkg.document_rels
        self.doc = doc
        self.max_cells = max_cells
        self.n_paras = 0
        self.n_tables = 0
        self.renumber = False  # a frame table gave up its index: renumber at the end
        self.hidden_cells = 0
        self.cells: dict[int, list[TableCell]] = {}  # id(table) → its distinct cells
        self.marked: set[etree._Element] = set()

    def read(self, root: etree._Element) -> list[Block]:
        """All blocks of the document body, tables numbered in reading order.

        Raises:
            UnsupportedFormatError: the main part is not a WordprocessingML document.
            ReadError: it has no body.
        """
        if root.tag != ns.w("document"):
            raise UnsupportedFormatError(
                f"the main part is not a Word document (its root element is {root.tag!r})", format="docx"
            )
        body = root.find(ns.BODY)
        if body is None:
            raise ReadError("the Word document has no body (w:body)", format="docx")
        numbering = not self.numbering.empty
        marked = self.styles.marked(numbering=numbering)
        self.prep = prepare(body, self.rels, numbering=numbering, marked_styles=marked)
        # Paragraphs that may carry a list number or a level; all others have neither.
        self.marked = {*self.prep.numbered, *self.prep.styled, *self.prep.outline}
        if self.prep.changes:
            self.doc.note("W3", f"{self.prep.changes} tracked change(s) in the document; the accepted text was read")
        if self.prep.placeholders:
            self.doc.note(
                "W4", f"{self.prep.placeholders} content control(s) showed only their placeholder text; not read"
            )
        blocks = self._container(body)
        if self.renumber:
            self._number_tables(blocks)
        if self.hidden_cells:
            self.doc.note("W1", f"{self.hidden_cells} vertically merged cell(s) hold text Word does not show; ignored")
        return blocks

    def _children(self, el: etree._Element, tags: tuple[str, ...] = (ns.P, ns.TBL)) -> Iterator[etree._Element]:
        """Children with one of ``tags`` (blocks; rows of a table; cells of a row), looking
        through content controls and custom-XML wrappers."""
        for child in el:
            tag = child.tag
            if tag in tags:
                yield child
            elif tag == ns.SDT:
                content = child.find(ns.SDT_CONTENT)
                if content is not None:
                    yield from self._children(content, tags)
            elif tag in _WRAPPERS:
                yield from self._children(child, tags)
            elif tag == ns.ALT_CHUNK:
                self.doc.note("W2", "an embedded foreign-format chunk (w:altChunk) was not read")

    def _container(self, el: etree._Element) -> list[Block]:
        out: list[Block] = []
        pending: tuple[str, int] | None = None  # text of paragraphs whose mark was deleted
        joined, anchored, rich, marked = self.prep.joined, self.prep.anchored, self.prep.rich, self.marked
        t_tag, tbl_tag = ns.T, ns.TBL
        for child in self._children(el):
            if child.tag == tbl_tag:
                if pending is not None:
                    _emit(out, pending[0], pending[1], self.n_paras)
                    pending = None
                out.extend(self._table(child))
                continue
            self.n_paras += 1
            if rich and child in rich:
                text = "".join([(e.text or "") if e.tag == t_tag else run_char(e) for e in child.iter(*RUN_TAGS)])
            else:  # only w:t runs inside: a one-tag iteration is much cheaper to set up
                text = "".join([e.text or "" for e in child.iter(t_tag)])
            level = 0
            if marked and child in marked:  # numbered, styled or with an outline level
                number = self._number(child)
                text = number + text if number else text
                level = self._level(child)
            if pending is not None:
                text, level = pending[0] + text, pending[1] or level
                pending = None
            if joined and child in joined:
                pending = (text, level)
            else:
                _emit(out, text, level, self.n_paras)
            if anchored and child in anchored:
                for item in anchored[child]:
                    if isinstance(item, Figure):
                        out.append(Figure(Location(line=self.n_paras), item.description))
                    else:
                        out.extend(self._container(item))
        if pending is not None:
            _emit(out, pending[0], pending[1], self.n_paras)
        return out

    def _number(self, p: etree._Element) -> str:
        """The list number Word shows before a paragraph's text (``""`` for none), counted."""
        numbered, styled = self.prep.numbered, self.prep.styled
        if (not numbered or p not in numbered) and (not styled or p not in styled):
            return ""  # the common case: no w:numPr, no numbered or heading style
        if self.numbering.empty:
            return ""
        num_id, ilvl = numbered.get(p, (None, None))
        style_id = styled.get(p)
        style = self.styles.get(style_id) if style_id is not None else None
        from_style = num_id is None
        if from_style:
            num_id = style.num_id if style is not None else None
        if not num_id:
            return ""
        if ilvl is None:
            # A style's list without a level: the level whose w:pStyle names the style (-1).
            ilvl = style.ilvl if style is not None and style.ilvl is not None else (-1 if from_style else 0)
        return self.numbering.label(num_id, ilvl, style_id)

    def _level(self, p: etree._Element) -> int:
        """Outline level (1-based; 0 = body text) from the paragraph or its style."""
        outline = self.prep.outline.get(p) if self.prep.outline else None
        if outline is not None:
            return outline + 1 if 0 <= outline < 9 else 0
        style = self.prep.styled.get(p) if self.prep.styled else None
        return self.styles.get(style).level if style is not None else 0

    def _table(self, tbl: etree._Element) -> list[Block]:
        index = self.n_tables
        self.n_tables += 1
        grid_el = tbl.find(ns.TBL_GRID)
        n_cols = len(grid_el.findall(ns.GRID_COL)) if grid_el is not None else 0
        # The flat pass reads text only; a one-cell box (read as paragraphs) takes the general one.
        plain = tbl not in self.prep.complex_tables and next(islice(tbl.iter(ns.TC), 1, None), None) is not None
        rows, contents = self._plain_rows(tbl) if plain else self._rows(tbl)
        result = build_grid(rows, n_cols, max_cells=self.max_cells, index=index)
        self.hidden_cells += len(result.hidden)
        table = RawTable(grid=result.grid, index=index, location=Location(table=index), aligned=True)
        if _is_frame(table, result.cells, contents):
            self.renumber = True
            if plain:  # cells all merged into one: its lines are the paragraphs
                loc = Location(line=self.n_paras)
                return [Paragraph(line, loc) for cell in result.cells for line in cell.text.split("\n") if line]
            return contents
        self.cells[id(table)] = result.cells
        return [table, *(b for b in contents if not isinstance(b, Paragraph))]

    def _plain_rows(self, tbl: etree._Element) -> tuple[list[RowSpec], list[Block]]:
        """Rows of a table with no nested table, text box or image: one flat pass (the fast path).

        The hot loop of the reader, hence the local names."""
        t_tag, p_tag, tc_tag, tr_tag = ns.T, ns.P, ns.TC, ns.TR
        deleted, row_props, cell_props = self.prep.deleted_rows, self.prep.rows, self.prep.cells
        number, marked = self._number, self.marked
        n_paras = 0
        structure = (tr_tag, tc_tag, p_tag)
        rows: list[RowSpec] = []
        row: RowSpec | None = None
        cells: list[CellSpec] = []  # the current row's cells
        props = _PLAIN_CELL
        lines: list[str] | None = None  # the current cell's finished lines; None outside a live cell
        pieces: list[str] = []  # the current paragraph's text
        for el in tbl.iter(tr_tag, tc_tag, p_tag, *RUN_TAGS):
            tag = el.tag
            if tag == t_tag:
                pieces.append(el.text or "")
                continue
            if tag not in structure:
                pieces.append(run_char(el))
                continue
            if pieces:
                if lines is not None:
                    lines.extend(_lines("".join(pieces)))
                pieces = []
            if tag == p_tag:
                n_paras += 1
                if marked and el in marked and (label := number(el)):
                    pieces.append(label)
            elif tag == tc_tag:
                if lines is not None:
                    cells.append(CellSpec("\n".join(lines), props.span, props.vmerge, props.hmerge))
                props = cell_props.get(el, _PLAIN_CELL)
                lines = [] if row is not None and not props.deleted else None
            elif tag == tr_tag:
                if lines is not None:
                    cells.append(CellSpec("\n".join(lines), props.span, props.vmerge, props.hmerge))
                lines = None
                if deleted and el in deleted:
                    row = None  # a deleted row (tracked change)
                    continue
                before, after = row_props.get(el, (0, 0))
                cells = []
                row = RowSpec(cells, before, after)
                rows.append(row)
        if lines is not None:
            if pieces:
                lines.extend(_lines("".join(pieces)))
            cells.append(CellSpec("\n".join(lines), props.span, props.vmerge, props.hmerge))
        self.n_paras += n_paras
        return rows, []

    def _rows(self, tbl: etree._Element) -> tuple[list[RowSpec], list[Block]]:
        """Rows of any table, each cell read as blocks (nested tables, text boxes, images)."""
        rows: list[RowSpec] = []
        contents: list[Block] = []
        deleted, row_props, cell_props = self.prep.deleted_rows, self.prep.rows, self.prep.cells
        for tr in self._children(tbl, (ns.TR,)):
            if deleted and tr in deleted:
                continue
            before, after = row_props.get(tr, (0, 0))
            row = RowSpec(before=before, after=after)
            for tc in self._children(tr, (ns.TC,)):
                props = cell_props.get(tc, _PLAIN_CELL)
                if props.deleted:
                    continue
                blocks = self._container(tc)
                text = "\n".join(b.text for b in blocks if isinstance(b, Paragraph))
                row.cells.append(CellSpec(text, props.span, props.vmerge, props.hmerge))
                contents.extend(blocks)
            rows.append(row)
        return rows, contents

    def _number_tables(self, blocks: list[Block]) -> None:
        index = 0
        for block in blocks:
            if isinstance(block, RawTable):
                block.index = index
                block.location = Location(table=index)
                for cell in self.cells.get(id(block), ()):
                    cell.location = Location(table=index, row=cell.row, col=cell.col)
                index += 1


def _is_frame(table: RawTable, cells: list[TableCell], contents: list[Block]) -> bool:
    """A table used as a box around content rather than as a grid of data.

    A single cell, or a table holding other tables laid out one per row or per column
    (a page frame): its content is read as blocks, so headings inside it stay
    paragraphs and the tables inside stay tables.
    """
    if len(cells) <= 1:
        return True
    if not any(isinstance(b, RawTable) for b in contents):
        return False
    if table.n_rows == 1 or table.n_cols == 1:
        return True
    return all(sum(1 for c in table.row_cells(r) if c.text.strip()) <= 1 for r in range(table.n_rows))


def _lines(text: str) -> list[str]:
    """Visible lines of a paragraph's text: soft breaks split it, blank lines vanish."""
    if "\n" not in text:
        text = text.strip()
        return [text] if text else []
    return [s for piece in text.split("\n") if (s := piece.strip())]


def _emit(out: list[Block], text: str, level: int, line: int) -> None:
    """Paragraph text as one block per visible line (a soft break splits a body paragraph)."""
    loc = Location(None, line)
    out.extend(Paragraph(s, loc, level) for s in _lines(text))
