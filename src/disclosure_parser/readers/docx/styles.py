"""Paragraph styles: what a style gives a paragraph that the text itself does not say.

Two things matter to the reader: the *outline level* (a heading style, or ``w:outlineLvl``)
and *numbering* attached to the style (Word's numbered heading styles put ``一、`` in
front of every 标题 1 paragraph without a ``w:numPr`` on the paragraph). Both are
inherited along ``w:basedOn``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from . import ns

__all__ = ["ParagraphStyle", "Styles"]

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_MAX_CHAIN = 32  # basedOn chains are short; a longer one is a loop or a crafted file


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    """The resolved (inherited) properties of one paragraph style."""

    level: int = 0  # 1-based outline level, 0 for body text
    num_id: int | None = None
    ilvl: int | None = None


@dataclass(frozen=True, slots=True)
class _Raw:
    based_on: str | None
    name: str
    num_id: int | None
    ilvl: int | None
    outline: int | None


_BASED_ON, _NAME = ns.w("basedOn"), ns.w("name")


def _raw(style: etree._Element) -> _Raw:
    found = ns.children(style)
    based = found.get(_BASED_ON)
    name = found.get(_NAME)
    ppr = found.get(ns.P_PR)
    num_id = ilvl = outline = None
    if ppr is not None:
        in_ppr = ns.children(ppr)
        numpr = in_ppr.get(ns.NUM_PR)
        if numpr is not None:
            num_id, ilvl = ns.num_pr(numpr)
        outline = ns.int_attr(in_ppr.get(ns.OUTLINE_LVL))
    return _Raw(
        based_on=based.get(ns.VAL) if based is not None else None,
        name=(name.get(ns.VAL) or "") if name is not None else "",
        num_id=num_id,
        ilvl=ilvl,
        outline=outline,
    )


class Styles:
    """Lookup of paragraph styles by id, resolved along ``w:basedOn`` and cached."""

    def __init__(self, root: etree._Element | None) -> None:
        self._raw: dict[str, _Raw] = {}
        self._resolved: dict[str | None, ParagraphStyle] = {}
        self.default_id: str | None = None
        self.numbering_styles: dict[str, int] = {}  # numbering style id → the list (numId) it defines
        if root is None:
            return
        for style in root.iter(ns.w("style")):
            kind = style.get(ns.w("type"))
            sid = style.get(ns.w("styleId"))
            if sid is None or kind not in ("paragraph", "numbering"):
                continue
            raw = _raw(style)
            if kind == "numbering":
                if raw.num_id is not None:
                    self.numbering_styles[sid] = raw.num_id
                continue
            self._raw[sid] = raw
            if style.get(ns.w("default")) in ("1", "true", "on"):
                self.default_id = sid

    def marked(self, *, numbering: bool) -> frozenset[str]:
        """Ids of the paragraph styles that matter to the walk: heading styles, and styles
        that number their paragraphs (when the document has numbering), inherited or not."""
        return frozenset(sid for sid in self._raw if (s := self.get(sid)).level or (numbering and s.num_id))

    def get(self, style_id: str | None) -> ParagraphStyle:
        """The resolved style ``style_id`` (the default paragraph style when ``None``)."""
        key = style_id if style_id is not None else self.default_id
        found = self._resolved.get(key)
        if found is None:
            found = self._resolve(key)
            self._resolved[key] = found
        return found

    def _resolve(self, style_id: str | None) -> ParagraphStyle:
        level: int | None = None
        num_id: int | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        sid = style_id
        while sid is not None and sid not in seen and len(seen) < _MAX_CHAIN:
            seen.add(sid)
            raw = self._raw.get(sid)
            if raw is None:
                break
            if level is None:
                if raw.outline is not None:
                    level = raw.outline + 1 if 0 <= raw.outline < 9 else 0
                elif m := _HEADING_NAME.match(raw.name.strip()):
                    level = int(m.group(1))
            num_id = raw.num_id if num_id is None else num_id
            ilvl = raw.ilvl if ilvl is None else ilvl
            sid = raw.based_on
        return ParagraphStyle(level=level or 0, num_id=num_id, ilvl=ilvl)
