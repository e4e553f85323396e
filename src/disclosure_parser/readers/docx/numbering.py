"""Automatic numbering: the ``一、`` / ``（一）`` / ``1.`` Word generates from ``numbering.xml``.

A heading typed as ``收到和处理政府信息公开申请情况`` in a numbered list *shows* as
``三、收到和处理政府信息公开申请情况``; the segmenter and the row-label matchers need
the number as the reader sees it, so the reader renders it into the text.

Word's model, as implemented here:

* a paragraph's ``(numId, ilvl)`` comes from its own ``w:numPr`` or from its style
  (``numId`` 0 switches numbering off);
* ``w:num`` instances point at a ``w:abstractNum`` (possibly through a numbering style,
  ``w:numStyleLink``); instances of one abstract list share one set of counters, so a
  list continues across instances unless an instance overrides its start
  (``w:lvlOverride/w:startOverride``, what "restart numbering" writes);
* counting a level resets the deeper levels (unless their ``w:lvlRestart`` says
  otherwise); ``w:lvlText`` ``%1、`` is filled with each level's counter in that
  level's format, or in decimal when the level is ``w:isLgl``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from . import ns
from .numfmt import format_number

__all__ = ["Numbering"]

_LEVELS = 9
_NUM_FMT, _LVL_TEXT, _SUFF, _LVL_RESTART, _START, _IS_LGL = (
    ns.w(n) for n in ("numFmt", "lvlText", "suff", "lvlRestart", "start", "isLgl")
)
_LVL, _ABSTRACT_NUM, _ABSTRACT_NUM_ID, _NUM, _NUM_ID_ATTR = (
    ns.w(n) for n in ("lvl", "abstractNum", "abstractNumId", "num", "numId")
)
_NUM_STYLE_LINK, _LVL_OVERRIDE, _START_OVERRIDE = (ns.w(n) for n in ("numStyleLink", "lvlOverride", "startOverride"))


@dataclass(frozen=True, slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart (1-based level after which to restart); None = default
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


@dataclass(slots=True)
class _Instance:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)  # ilvl → startOverride
    level_overrides: dict[int, _Level] = field(default_factory=dict)
    used: bool = False
    resolved: str | None = None  # the abstract list after following numbering-style links


def _level(el: etree._Element) -> _Level:
    found = ns.children(el)
    fmt = found.get(_NUM_FMT)
    text = found.get(_LVL_TEXT)
    suff = found.get(_SUFF)
    pstyle = found.get(ns.P_STYLE)
    restart = found.get(_LVL_RESTART)
    return _Level(
        start=ns.int_attr(found.get(_START), 1) or 0,
        fmt=(fmt.get(ns.VAL) or "decimal") if fmt is not None else "decimal",
        text=(text.get(ns.VAL) or "") if text is not None else "",
        restart=ns.int_attr(restart) if restart is not None else None,
        legal=ns.on(found.get(_IS_LGL)),
        suffix=(suff.get(ns.VAL) or "tab") if suff is not None else "tab",
        style=pstyle.get(ns.VAL) if pstyle is not None else None,
    )


class _Levels:
    """The levels of one abstract list, each parsed on first use (most lists use one or two)."""

    def __init__(self, el: etree._Element | None) -> None:
        self._elements: dict[int, etree._Element] = {}
        self._parsed: dict[int, _Level] = {}
        for lvl in el.iter(_LVL) if el is not None else ():
            ilvl = _ilvl_attr(lvl)
            if ilvl is not None:
                self._elements.setdefault(ilvl, lvl)

    def get(self, ilvl: int) -> _Level | None:
        level = self._parsed.get(ilvl)
        if level is None and (el := self._elements.get(ilvl)) is not None:
            level = self._parsed[ilvl] = _level(el)
        return level

    def by_style(self, style_id: str) -> int:
        """The level whose ``w:pStyle`` is ``style_id`` (0 when none is)."""
        return next((i for i in sorted(self._elements) if (lv := self.get(i)) and lv.style == style_id), 0)


def _ilvl_attr(el: etree._Element) -> int | None:
    try:
        ilvl = int(el.get(ns.ILVL))
    except (TypeError, ValueError):
        return None
    return ilvl if 0 <= ilvl < _LEVELS else None


class Numbering:
    """Numbering definitions plus the running counters of one pass over a document."""

    def __init__(self, root: etree._Element | None, style_numbering: dict[str, int] | None = None) -> None:
        self._abstract_el: dict[str, etree._Element] = {}
        self._abstract: dict[str, _Levels] = {}
        self._instances: dict[int, _Instance] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._style_numbering = style_numbering or {}
        if root is None:
            return
        for absn in root.iter(_ABSTRACT_NUM):
            aid = absn.get(_ABSTRACT_NUM_ID)
            if aid is not None:
                self._abstract_el[aid] = absn
        for num in root.iter(_NUM):
            self._add_instance(num)

    def _levels(self, aid: str) -> _Levels:
        levels = self._abstract.get(aid)
        if levels is None:
            levels = self._abstract[aid] = _Levels(self._abstract_el.get(aid))
        return levels

    def _style_link(self, aid: str) -> str | None:
        """The numbering style an abstract list defers to (``w:numStyleLink``), if any."""
        el = self._abstract_el.get(aid)
        link = el.find(_NUM_STYLE_LINK) if el is not None else None
        return link.get(ns.VAL) if link is not None else None

    def _add_instance(self, num: etree._Element) -> None:
        nid = num.get(_NUM_ID_ATTR)
        absid = num.find(_ABSTRACT_NUM_ID)
        if nid is None or absid is None or absid.get(ns.VAL) is None:
            return
        try:
            key = int(nid)
        except ValueError:
            return
        inst = _Instance(absid.get(ns.VAL))
        for ov in num.iter(_LVL_OVERRIDE):
            ilvl = _ilvl_attr(ov)
            if ilvl is None:
                continue
            start = ov.find(_START_OVERRIDE)
            if start is not None:
                inst.overrides[ilvl] = ns.int_attr(start, 1) or 0
            lvl = ov.find(_LVL)
            if lvl is not None:
                inst.level_overrides[ilvl] = _level(lvl)
        self._instances[key] = inst

    @property
    def empty(self) -> bool:
        return not self._instances

    def _abstract_of(self, inst: _Instance) -> str:
        """Follow ``w:numStyleLink`` (a list defined by a numbering style) to the real definition."""
        aid = inst.abstract
        for _ in range(4):
            style = self._style_link(aid)
            target = self._style_numbering.get(style) if style else None
            linked = self._instances.get(target) if target is not None else None
            if linked is None or linked.abstract == aid:
                break
            aid = linked.abstract
        return aid

    def label(self, num_id: int, ilvl: int, style_id: str | None = None) -> str:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return its rendered number
        (with the separator Word puts after it), or ``""`` for no number."""
        inst = self._instances.get(num_id)
        if inst is None:
            return ""
        aid = inst.resolved
        if aid is None:
            aid = inst.resolved = self._abstract_of(inst)
        levels = self._levels(aid)
        if style_id is not None and ilvl < 0:
            ilvl = levels.by_style(style_id)
        ilvl = min(max(ilvl, 0), _LEVELS - 1)
        counters = self._counters.setdefault(aid, [None] * _LEVELS)
        if not inst.used:
            inst.used = True
            for lvl_index, start in inst.overrides.items():
                counters[lvl_index] = start - 1
        level = inst.level_overrides.get(ilvl) or levels.get(ilvl) or _Level()
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            if counters[deeper] is None:
                continue
            dl = levels.get(deeper)
            restart_after = dl.restart if dl is not None and dl.restart is not None else deeper
            if restart_after != 0 and ilvl < restart_after:
                counters[deeper] = None
        return self._render(level, levels, inst, counters, ilvl)

    def _render(self, level: _Level, levels: _Levels, inst: _Instance, counters: list[int | None], ilvl: int) -> str:
        if level.fmt in ("bullet", "none") or not level.text:
            return ""
        out: list[str] = []
        text = level.text
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit() and text[i + 1] != "0":
                k = int(text[i + 1]) - 1
                lv = inst.level_overrides.get(k) or levels.get(k) or _Level()
                value = counters[k] if counters[k] is not None else lv.start
                fmt = "decimal" if level.legal and k < ilvl else lv.fmt
                out.append(format_number(value or 0, fmt))
                i += 2
            else:
                out.append(ch)
                i += 1
        label = "".join(out)
        if not label:
            return ""
        return label + _separator(label, level.suffix)


def _separator(label: str, suffix: str) -> str:
    """What Word puts between number and text: nothing after full-width punctuation (``一、``),
    where a tab only aligns; a space after ASCII (``1.`` + space), never a raw tab."""
    if suffix == "nothing":
        return ""
    return "" if not label[-1].isascii() else " "
