"""One pass over the document tree that settles everything the walk should not have to ask.

Each step is a single ``iter(tags)`` over the body (C speed; only matching elements
reach Python), so the walk that follows is a plain loop with dictionary look-ups:

* ``mc:AlternateContent`` keeps one branch (the ``mc:Choice``, else the ``mc:Fallback``):
  Word writes every text box twice (DrawingML and VML), and both must not be read;
* tracked changes are accepted: deleted and moved-away runs (``w:del``, ``w:moveFrom``)
  are dropped, inserted ones (``w:ins``, ``w:moveTo``) kept, a paragraph whose mark was
  deleted runs on into the next one, a deleted table row is skipped;
* hidden runs (``w:vanish``) and ruby annotations are dropped;
* text-box contents (``w:txbxContent``) are lifted out of their host paragraph, to be
  read as blocks right after it; images not in a text box are noted as figures there;
* list numbering, outline levels and cell/row merge properties are collected into
  maps keyed by their paragraph, cell or row, and tables holding nested content marked.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import TypeAlias

from lxml import etree

from ...document import Figure
from . import ns

__all__ = ["RUN_TAGS", "Anchored", "CellProps", "Prepared", "prepare", "run_char"]

Anchored: TypeAlias = "etree._Element | Figure"
_RUN_TEXT = {ns.TAB: "\t", ns.PTAB: "\t", ns.BR: "\n", ns.CR: "\n", ns.NO_BREAK_HYPHEN: "-"}


@dataclass(slots=True)
class CellProps:
    span: int = 1
    vmerge: str | None = None
    hmerge: str | None = None
    deleted: bool = False


@dataclass(slots=True)
class Prepared:
    """What the preparation pass found, keyed by element."""

    anchored: dict[etree._Element, list[Anchored]] = field(default_factory=dict)
    joined: set[etree._Element] = field(default_factory=set)  # paragraphs whose mark was deleted
    deleted_rows: set[etree._Element] = field(default_factory=set)
    numbered: dict[etree._Element, tuple[int | None, int | None]] = field(default_factory=dict)  # w:numPr
    styled: dict[etree._Element, str] = field(default_factory=dict)  # paragraphs in a marked style
    outline: dict[etree._Element, int] = field(default_factory=dict)  # direct w:outlineLvl
    cells: dict[etree._Element, CellProps] = field(default_factory=dict)
    rows: dict[etree._Element, tuple[int, int]] = field(default_factory=dict)  # gridBefore, gridAfter
    complex_tables: set[etree._Element] = field(default_factory=set)  # nested tables, text boxes, images inside
    # Paragraphs holding a tab, break, hyphen or symbol element: every other paragraph's
    # text is just its w:t runs, which a one-tag iteration (much cheaper to set up) finds.
    rich: set[etree._Element] = field(default_factory=set)
    changes: int = 0
    placeholders: int = 0  # content controls whose placeholder text was dropped


def prepare(body: etree._Element, rels: dict[str, str], *, numbering: bool, marked_styles: frozenset[str]) -> Prepared:
    """Run every preparation step over ``body`` (modifying it) and return the maps.

    ``numbering`` says whether the document defines lists at all (else no ``w:numPr``
    is collected); ``marked_styles`` are the paragraph styles that matter to the walk
    (heading styles, numbered styles), the only styles recorded per paragraph.
    """
    out = Prepared()
    found = _scan(body, out, numbering, marked_styles)
    if all(el.tag in _IMAGES for el in found):
        # The common case, one traversal: nothing to settle and no text box, so the tree the
        # scan saw is the tree the walk reads; images are only noted.
        for el in found:
            _anchor(el, out, rels)
    else:  # settling changes the tree: settle first, then scan what is left
        out = Prepared()
        for el in _settle_all(body, out, found):
            _anchor(el, out, rels)
        _scan(body, out, numbering, marked_styles)
    for items in out.anchored.values():  # text boxes, detached from the body the scan walked:
        for box in items:  # their merges, list numbers and run characters count as well
            if not isinstance(box, Figure):
                _scan(box, out, numbering, marked_styles)
    for para in (*out.anchored, *out.joined):
        out.complex_tables.update(para.iterancestors(ns.TBL))
    return out


_CHANGES = (ns.DEL, ns.MOVE_FROM, ns.INS, ns.VANISH, ns.RT, ns.SHOWING_PLACEHOLDER)
_IMAGES = frozenset({ns.DRAWING, ns.PICT, ns.OBJECT})  # anchors that stay where they are
_ANCHORS = (ns.TXBX_CONTENT, *_IMAGES)
_SETTLE = (ns.ALTERNATE_CONTENT, *_CHANGES, *_ANCHORS)
_SETTLE_SET = frozenset(_SETTLE)


def _settle_all(body: etree._Element, out: Prepared, found: list[etree._Element]) -> list[etree._Element]:
    """Choose alternate-content branches, apply tracked changes and hidden text, in that order;
    return the text boxes and images left in the body, in document order.

    ``found``: the elements of all three kinds, in document order (the scan's finds). Most
    bodies have no ``mc:AlternateContent``; when one does, choosing a branch moves elements,
    so each step walks the tree again, as the steps are written."""
    tags = [el.tag for el in found]
    if ns.ALTERNATE_CONTENT in tags:
        for ac in list(body.iter(ns.ALTERNATE_CONTENT)):
            _choose_branch(ac)
        for el in list(body.iter(*_CHANGES)):
            _settle(el, out)
        return list(body.iter(*_ANCHORS))
    anchors = [el for el, tag in zip(found, tags, strict=True) if tag in _ANCHORS]
    detached = False
    for el, tag in zip(found, tags, strict=True):
        if tag not in _ANCHORS:
            detached = _settle(el, out) or detached
    if detached:  # settling only removes subtrees: keep what they did not take along
        anchors = [el for el in anchors if any(a is body for a in el.iterancestors())]
    return anchors


def run_char(el: etree._Element) -> str:
    """The text a tab, break, hyphen or symbol element stands for (``""`` for the tab stops
    of ``w:pPr/w:tabs``, which share the name ``w:tab`` but are no text)."""
    parent = el.getparent()
    if parent is None or parent.tag != ns.R:
        return ""
    return _symbol(el) if el.tag == ns.SYM else _RUN_TEXT.get(el.tag, "")


_SPECIAL = (*_RUN_TEXT, ns.SYM)
RUN_TAGS = (ns.T, *_SPECIAL)
_PROPS = (ns.GRID_SPAN, ns.V_MERGE, ns.H_MERGE, ns.CELL_DEL, ns.GRID_BEFORE, ns.GRID_AFTER)
_SPECIAL_SET = frozenset(_SPECIAL)


def _scan(body: etree._Element, out: Prepared, numbering: bool, styles: frozenset[str]) -> list[etree._Element]:
    """The main pass, one traversal: list numbering, outline levels, merge properties, nesting,
    paragraphs with more than plain text runs. Returns what :func:`_settle_all` works on
    (alternate content, tracked changes, hidden text, text boxes, images), in document order:
    most documents have none or only images, and then need no second traversal."""
    found: list[etree._Element] = []
    tags = [ns.TBL, *_PROPS, ns.OUTLINE_LVL, *_SPECIAL, *_SETTLE]
    if numbering:
        tags.append(ns.NUM_PR)
    if styles:
        tags.append(ns.P_STYLE)
    rich, p_style, val = out.rich, ns.P_STYLE, ns.VAL
    for el in body.iter(*tags):
        tag = el.tag
        if tag == p_style:  # by far the most frequent: tested first, names bound locally
            if el.get(val) in styles and (para := _owner(el)) is not None:
                out.styled[para] = el.get(val)
        elif tag in _SPECIAL_SET:
            _note_rich(el, rich)
        elif tag == ns.TBL:
            out.complex_tables.update(el.iterancestors(ns.TBL))  # tables holding a nested table
        elif tag == ns.NUM_PR:
            if (para := _owner(el)) is not None:
                out.numbered[para] = ns.num_pr(el)
        elif tag == ns.OUTLINE_LVL:
            if (para := _owner(el)) is not None and (level := ns.int_attr(el)) is not None:
                out.outline[para] = level
        elif tag in _SETTLE_SET:
            found.append(el)
        else:
            _table_prop(el, out)
    return found


def _note_rich(el: etree._Element, rich: set[etree._Element]) -> None:
    """Mark the paragraphs around a tab, break, hyphen or symbol that is text (in a run; a
    tab stop of ``w:pPr/w:tabs`` is none, see :func:`run_char`)."""
    parent = el.getparent()
    if parent is not None and parent.tag == ns.R:
        rich.update(el.iterancestors(ns.P))


def _owner(el: etree._Element) -> etree._Element | None:
    """The paragraph whose own ``w:pPr`` holds ``el`` (not a w:pPrChange: not in force)."""
    ppr = el.getparent()
    para = ppr.getparent() if ppr is not None and ppr.tag == ns.P_PR else None
    return para if para is not None and para.tag == ns.P else None


def _table_prop(el: etree._Element, out: Prepared) -> None:
    pr = el.getparent()
    owner = pr.getparent() if pr is not None else None
    if owner is None:
        return
    tag = el.tag
    if pr.tag == ns.TR_PR and owner.tag == ns.TR:
        before, after = out.rows.get(owner, (0, 0))
        value = max(ns.int_attr(el, 0) or 0, 0)
        if tag == ns.GRID_BEFORE:
            out.rows[owner] = (value, after)
        elif tag == ns.GRID_AFTER:
            out.rows[owner] = (before, value)
        return
    if pr.tag != ns.TC_PR or owner.tag != ns.TC:
        return
    props = out.cells.get(owner)
    if props is None:
        props = out.cells[owner] = CellProps()
    if tag == ns.GRID_SPAN:
        props.span = max(ns.int_attr(el, 1) or 1, 1)
    elif tag == ns.V_MERGE:
        props.vmerge = "restart" if el.get(ns.VAL) == "restart" else "continue"
    elif tag == ns.H_MERGE:
        props.hmerge = "restart" if el.get(ns.VAL) == "restart" else "continue"
    elif tag == ns.CELL_DEL:
        props.deleted = True


def _settle(el: etree._Element, out: Prepared) -> bool:
    """Apply one tracked change or hidden-text marker; whether it removed a subtree."""
    parent = el.getparent()
    if parent is None:
        return False
    tag = el.tag
    if tag == ns.VANISH:
        run = parent.getparent()
        if parent.tag == ns.R_PR and run is not None and run.tag == ns.R and ns.on(el):
            _detach(run)
            return True
        return False
    if tag == ns.RT:
        _detach(el)
        return True
    if tag == ns.SHOWING_PLACEHOLDER:
        return _clear_placeholder(el, out)
    out.changes += 1
    if tag == ns.INS:
        return False
    if parent.tag == ns.R_PR:  # a deleted/moved paragraph mark: the paragraph runs on
        ppr = parent.getparent()
        para = ppr.getparent() if ppr is not None and ppr.tag == ns.P_PR else None
        if para is not None:
            out.joined.add(para)
    elif parent.tag == ns.TR_PR:
        row = parent.getparent()
        if row is not None:
            out.deleted_rows.add(row)
    elif parent.tag != ns.TC_PR:
        _detach(el)
        return True
    return False


def _clear_placeholder(el: etree._Element, out: Prepared) -> bool:
    """A content control showing its placeholder (``单击或点击此处输入文字。``, greyed): what it
    shows is no content. Its runs go; the paragraphs, cells and rows it holds stay, empty, so
    an unfilled cell of a table is a blank cell, not text where a number belongs."""
    sdt_pr = el.getparent()
    sdt = sdt_pr.getparent() if sdt_pr is not None and sdt_pr.tag == ns.SDT_PR else None
    content = sdt.find(ns.SDT_CONTENT) if sdt is not None and sdt.tag == ns.SDT else None
    if content is None or not ns.on(el):
        return False
    runs = list(content.iter(ns.R))
    for run in runs:
        _detach(run)
    out.placeholders += 1
    return bool(runs)


def _anchor(el: etree._Element, out: Prepared, rels: dict[str, str]) -> None:
    host = next(el.iterancestors(ns.P), None)
    if host is None:
        return
    if el.tag == ns.TXBX_CONTENT:
        _detach(el)
        out.anchored.setdefault(host, []).append(el)
        return
    if next(el.iter(ns.TXBX_CONTENT), None) is not None:
        return  # a text-box shape: its content is read as blocks
    image = next(el.iter(ns.A_BLIP, ns.V_IMAGEDATA), None)
    if image is not None:
        out.anchored.setdefault(host, []).append(Figure(description=_image_name(el, image, rels)))


def _image_name(el: etree._Element, image: etree._Element, rels: dict[str, str]) -> str:
    doc_pr = next(el.iter(ns.WP_DOC_PR), None)
    if doc_pr is not None:
        for attr in ("descr", "title", "name"):
            if value := (doc_pr.get(attr) or "").strip():
                return value
    if value := (image.get(ns.O_TITLE) or "").strip():
        return value
    target = rels.get(image.get(ns.R_EMBED) or image.get(ns.R_ID) or "")
    return posixpath.basename(target) if target else ""


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
    """``w:sym``: a character from a symbol font. Glyphs of Symbol/Wingdings sit in the
    private-use area and mean nothing outside that font (a tick, a bullet): dropped."""
    try:
        code = int(el.get(ns.w("char")) or "", 16)
    except ValueError:
        return ""
    if 0xE000 <= code <= 0xF8FF:
        return ""
    return chr(code) if 0x20 <= code < 0xD800 and code != 0x7F else ""
