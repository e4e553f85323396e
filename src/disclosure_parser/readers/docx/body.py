"""Walking the main document part into blocks in true reading order.

Before the walk, one pass over the tree settles what a reader would *not* see or sees
elsewhere, so the walk itself stays a plain, fast loop:

* ``mc:AlternateContent`` keeps one branch (the ``mc:Choice``, else the ``mc:Fallback``):
  Word writes every text box twice (DrawingML and VML), and both must not be read;
* tracked changes are accepted: deleted and moved-away runs (``w:del``, ``w:moveFrom``)
  are dropped, inserted ones (``w:ins``, ``w:moveTo``) kept, and a paragraph whose mark
  was deleted runs on into the next one;
* hidden runs (``w:vanish``) and ruby annotations are dropped;
* text-box contents (``w:txbxContent``) are lifted out of their host paragraph and read
  as blocks right after it; images (``w:drawing``, ``v:imagedata`` …) not in a text box
  become :class:`~disclosure_parser.document.Figure` blocks there.

Headers, footers, footnotes and comments live in other parts and are never read.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import TypeAlias

from lxml import etree

from ...document import Block, Figure, Location, Paragraph, RawDocument, RawTable
from ...errors import ReadError
from . import ns
from .grid import CellSpec, RowSpec, build_grid
from .numbering import Numbering
from .package import DocxPackage
from .styles import Styles

__all__ = ["BodyWalker"]

_WRAPPERS = frozenset({ns.CUSTOM_XML, ns.INS, ns.MOVE_TO, ns.w("smartTag")})
_MERGE_VALUES = {"restart": "restart", "continue": "continue"}
_Anchored: TypeAlias = "etree._Element | Figure"


class BodyWalker:
    """One pass over a document body; holds the list counters and block counters of that pass."""

    def __init__(self, pkg: DocxPackage, doc: RawDocument, *, max_cells: int) -> None:
        self.styles = Styles(pkg.styles)
        self.numbering = Numbering(pkg.numbering, self.styles.numbering_styles)
        self.rels = pkg.document_rels
        self.doc = doc
        self.max_cells = max_cells
        self.n_paras = 0
        self.anchored: dict[etree._Element, list[_Anchored]] = {}
        self.joined: set[etree._Element] = set()
        self.hidden_cells = 0

    def read(self, root: etree._Element) -> list[Block]:
        """All blocks of the document body, tables numbered in reading order.

        Raises:
            ReadError: the main part is not a WordprocessingML document.
        """
        body = root.find(ns.BODY)
        if root.tag != ns.w("document") or body is None:
            raise ReadError(f"the main part is not a Word document body (root element {root.tag!r})", format="docx")
        self._prepare(body)
        blocks = self._container(body)
        _number_tables(blocks)
        if self.hidden_cells:
            self.doc.note(
                "W1",
                f"{self.hidden_cells} vertically merged cell(s) hold text Word does not show; ignored",
            )
        return blocks

    # -- the preparation pass ---------------------------------------------------------

    def _prepare(self, body: etree._Element) -> None:
        for ac in list(body.iter(ns.ALTERNATE_CONTENT)):
            _choose_branch(ac)
        changes = 0
        for el in list(body.iter(ns.DEL, ns.MOVE_FROM, ns.INS, ns.VANISH, ns.RT)):
            changes += self._settle(el)
        if changes:
            self.doc.note("W3", f"{changes} tracked change(s) in the document; the accepted text was read")
        for el in list(body.iter(ns.TXBX_CONTENT, ns.DRAWING, ns.PICT, ns.OBJECT)):
            self._anchor(el)

    def _settle(self, el: etree._Element) -> int:
        """Apply one tracked change / hidden marker; returns 1 if it was a tracked change."""
        parent = el.getparent()
        if parent is None:
            return 0
        tag = el.tag
        if tag == ns.VANISH:
            run = parent.getparent()
            if parent.tag == ns.R_PR and run is not None and run.tag == ns.R and ns.on(el):
                _detach(run)
            return 0
        if tag == ns.RT:
            _detach(el)
            return 0
        if tag == ns.INS:
            return 1
        if parent.tag == ns.R_PR:  # a deleted/moved paragraph mark: the paragraph runs on
            ppr = parent.getparent()
            para = ppr.getparent() if ppr is not None and ppr.tag == ns.P_PR else None
            if para is not None:
                self.joined.add(para)
            return 1
        if parent.tag in (ns.TR_PR, ns.TC_PR):
            return 1  # deleted row: skipped by the table reader
        _detach(el)
        return 1

    def _anchor(self, el: etree._Element) -> None:
        host = next(el.iterancestors(ns.P), None)
        if host is None:
            return
        if el.tag == ns.TXBX_CONTENT:
            _detach(el)
            self.anchored.setdefault(host, []).append(el)
            return
        if next(el.iter(ns.TXBX_CONTENT), None) is not None:
            return  # a text-box shape: its content is read as blocks
        image = next(el.iter(ns.A_BLIP, ns.V_IMAGEDATA), None)
        if image is not None:
            self.anchored.setdefault(host, []).append(Figure(description=self._image_name(el, image)))

    def _image_name(self, el: etree._Element, image: etree._Element) -> str:
        doc_pr = next(el.iter(ns.WP_DOC_PR), None)
        if doc_pr is not None:
            for attr in ("descr", "title", "name"):
                if value := (doc_pr.get(attr) or "").strip():
                    return value
        if value := (image.get(ns.O_TITLE) or "").strip():
            return value
        target = self.rels.get(image.get(ns.R_EMBED) or image.get(ns.R_ID) or "")
        return posixpath.basename(target) if target else ""

    # -- the walk -----------------------------------------------------------------------

    def _children(self, el: etree._Element) -> Iterator[etree._Element]:
        """Block-level children (paragraphs, tables), looking through content controls."""
        for child in el:
            tag = child.tag
            if tag == ns.P or tag == ns.TBL:
                yield child
            elif tag == ns.SDT:
                content = child.find(ns.SDT_CONTENT)
                if content is not None:
                    yield from self._children(content)
            elif tag in _WRAPPERS:
                yield from self._children(child)
            elif tag == ns.ALT_CHUNK:
                self.doc.note("W2", "an embedded foreign-format chunk (w:altChunk) was not read")

    def _container(self, el: etree._Element) -> list[Block]:
        out: list[Block] = []
        pending: tuple[str, int] | None = None  # text of paragraphs whose mark was deleted
        for child in self._children(el):
            if child.tag == ns.TBL:
                if pending is not None:
                    _emit(out, pending[0], pending[1], self.n_paras)
                    pending = None
                out.extend(self._table(child))
                continue
            text, level = self._paragraph(child)
            if pending is not None:
                text, level = pending[0] + text, pending[1] or level
                pending = None
            if self.joined and child in self.joined:
                pending = (text, level)
            else:
                _emit(out, text, level, self.n_paras)
            anchored = self.anchored.get(child) if self.anchored else None
            for item in anchored or ():
                if isinstance(item, Figure):
                    out.append(Figure(Location(line=self.n_paras), item.description))
                else:
                    out.extend(self._container(item))
        if pending is not None:
            _emit(out, pending[0], pending[1], self.n_paras)
        return out

    def _paragraph(self, p: etree._Element) -> tuple[str, int]:
        """The paragraph's visible text (with its list number) and outline level."""
        self.n_paras += 1
        parts: list[str] = []
        for run in p.iter(ns.R):
            for c in run:
                tag = c.tag
                if tag == ns.T:
                    parts.append(c.text or "")
                elif tag == ns.TAB or tag == ns.PTAB:
                    parts.append("\t")
                elif tag == ns.BR or tag == ns.CR:
                    parts.append("\n")
                elif tag == ns.NO_BREAK_HYPHEN:
                    parts.append("-")
                elif tag == ns.SYM:
                    parts.append(_symbol(c))
        text = "".join(parts)
        ppr = p.find(ns.P_PR)
        style_id: str | None = None
        num_id = ilvl = outline = None
        if ppr is not None:
            pstyle = ppr.find(ns.P_STYLE)
            style_id = pstyle.get(ns.VAL) if pstyle is not None else None
            numpr = ppr.find(ns.NUM_PR)
            if numpr is not None:
                num_id = ns.int_attr(numpr.find(ns.NUM_ID))
                ilvl = ns.int_attr(numpr.find(ns.ILVL))
            outline = ns.int_attr(ppr.find(ns.OUTLINE_LVL))
        style = self.styles.get(style_id)
        if not self.numbering.empty:
            if num_id is None:
                num_id = style.num_id
            if ilvl is None:
                ilvl = style.ilvl if style.ilvl is not None else (-1 if style.num_id is not None else 0)
            if num_id:
                text = self.numbering.label(num_id, ilvl, style_id) + text
        level = outline + 1 if outline is not None and 0 <= outline < 9 else style.level
        return text, level

    def _rows(self, el: etree._Element, tag: str) -> Iterator[etree._Element]:
        """Children with ``tag`` (rows of a table, cells of a row), looking through content controls."""
        for child in el:
            if child.tag == tag:
                yield child
            elif child.tag == ns.SDT:
                content = child.find(ns.SDT_CONTENT)
                if content is not None:
                    yield from self._rows(content, tag)
            elif child.tag in _WRAPPERS:
                yield from self._rows(child, tag)

    def _cell(self, tc: etree._Element) -> tuple[CellSpec, list[Block]] | None:
        span, vmerge, hmerge = 1, None, None
        tcpr = tc.find(ns.TC_PR)
        if tcpr is not None:
            if tcpr.find(ns.CELL_DEL) is not None:
                return None
            span = ns.int_attr(tcpr.find(ns.GRID_SPAN), 1) or 1
            vm = tcpr.find(ns.V_MERGE)
            if vm is not None:
                vmerge = _MERGE_VALUES.get(vm.get(ns.VAL) or "continue", "continue")
            hm = tcpr.find(ns.H_MERGE)
            if hm is not None:
                hmerge = _MERGE_VALUES.get(hm.get(ns.VAL) or "continue", "continue")
        blocks = self._container(tc)
        text = "\n".join(b.text for b in blocks if isinstance(b, Paragraph))
        return CellSpec(text, span, vmerge, hmerge), blocks

    def _table(self, tbl: etree._Element) -> list[Block]:
        grid_el = tbl.find(ns.TBL_GRID)
        n_cols = len(grid_el.findall(ns.GRID_COL)) if grid_el is not None else 0
        rows: list[RowSpec] = []
        contents: list[Block] = []
        for tr in self._rows(tbl, ns.TR):
            row = RowSpec()
            trpr = tr.find(ns.TR_PR)
            if trpr is not None:
                if trpr.find(ns.DEL) is not None:
                    continue  # a deleted row (tracked change)
                row.before = ns.int_attr(trpr.find(ns.GRID_BEFORE), 0) or 0
                row.after = ns.int_attr(trpr.find(ns.GRID_AFTER), 0) or 0
            for tc in self._rows(tr, ns.TC):
                cell = self._cell(tc)
                if cell is not None:
                    row.cells.append(cell[0])
                    contents.extend(cell[1])
            rows.append(row)
        result = build_grid(rows, n_cols, max_cells=self.max_cells)
        self.hidden_cells += len(result.hidden)
        table = RawTable(grid=result.grid, aligned=True)
        if _is_frame(table, contents):
            return contents
        return [table, *(b for b in contents if not isinstance(b, Paragraph))]


def _is_frame(table: RawTable, contents: list[Block]) -> bool:
    """A table used as a box around content rather than as a grid of data.

    A single cell, or a table holding other tables laid out one per row or column
    (a page frame): its content is read as blocks, so headings inside it stay
    paragraphs and the tables inside stay tables.
    """
    distinct = {id(c) for row in table.grid for c in row if c is not None}
    if len(distinct) <= 1:
        return True
    if not any(isinstance(b, RawTable) for b in contents):
        return False
    if table.n_rows == 1 or table.n_cols == 1:
        return True
    return all(sum(1 for c in table.row_cells(r) if c.text.strip()) <= 1 for r in range(table.n_rows))


def _emit(out: list[Block], text: str, level: int, line: int) -> None:
    """Paragraph text as one block per visible line (soft breaks split a body paragraph)."""
    loc = Location(line=line)
    if "\n" not in text:
        text = text.strip()
        if text:
            out.append(Paragraph(text, loc, level))
        return
    for piece in text.split("\n"):
        piece = piece.strip()
        if piece:
            out.append(Paragraph(piece, loc, level))


def _number_tables(blocks: list[Block]) -> None:
    index = 0
    for block in blocks:
        if not isinstance(block, RawTable):
            continue
        block.index = index
        block.location = Location(table=index)
        for r, row in enumerate(block.grid):
            for c, cell in enumerate(row):
                if cell is not None and cell.row == r and cell.col == c:
                    cell.location = Location(table=index, row=r, col=c)
        index += 1


def _choose_branch(ac: etree._Element) -> None:
    """Replace ``mc:AlternateContent`` by the children of the branch a reader would see."""
    parent = ac.getparent()
    if parent is None:
        return
    branch = ac.find(ns.MC_CHOICE)
    if branch is None:
        branch = ac.find(ns.MC_FALLBACK)
    at = parent.index(ac)
    for k, child in enumerate(list(branch) if branch is not None else ()):
        parent.insert(at + k, child)
    parent.remove(ac)


def _detach(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _symbol(el: etree._Element) -> str:
    """``w:sym``: a character from a symbol font. Glyphs of Symbol/Wingdings sit at U+F0xx and
    mean nothing outside that font (a tick, a bullet), so they are dropped."""
    try:
        code = int(el.get(ns.w("char")) or "", 16)
    except ValueError:
        return ""
    if 0xE000 <= code <= 0xF8FF:
        return ""
    return chr(code) if 0x20 <= code < 0xD800 and code != 0x7F else ""
