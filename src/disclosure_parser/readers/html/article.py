"""Finding the article inside the portal's furniture, by descending from ``<body>``.

From ``<body>``, step into the child that holds the text as long as every other child
with text is furniture (:func:`.dom.is_furniture`) or a title (:func:`.dom.is_title`).
The first element whose text is spread over several non-furniture children (or that has
loose text of its own) is the article. Titles stepped over on the way (``<h1
class="article-title">`` beside the content ``<div>``) are kept, so the report keeps its
title when the CMS prints it outside the body.

"Holds the text" means the longest ``normalize-space`` text of the children. Measuring
the child that holds the article at every level would read the article's text once per
level (a portal nests it 15 deep); instead the descent is *guided*: the last ``<table>``
of the page (always a table with no table inside, so a data table, which is in the
article on every report page) marks the path, and the child on that path is not measured
but bounded from its parent's length minus its siblings' (the ``normalize-space`` of a
concatenation is the pieces' joined by at most one space each). Only when the bounds
cannot decide a comparison is the child measured, so the result is always the one full
measurement would give; a guess off the article's path only costs the measuring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .dom import TABLE_PARTS, is_furniture, is_title

__all__ = ["Article", "find_article"]

_TEXT_LEN = etree.XPath("string-length(normalize-space(.))")
_XPATH_SPACE = " \t\n\r"  # what normalize-space() collapses (not &nbsp;, not U+3000)
_XPATH_RUN = re.compile("[ \t\n\r]+")
_LAYOUT_CELL_TEXT = 500
_BLOCK_TAGS = ("p", "div", "table", "tr", "td", "br", "li", "section", "article", "center", "h1", "h2", "h3", "h4")


@dataclass(slots=True)
class Article:
    """The element holding the report, and titles printed outside it."""

    root: etree._Element
    titles: list[etree._Element] = field(default_factory=list)


def _loose_len(text: str | None) -> int:
    """``string-length(normalize-space())`` of a piece of loose text (an element's text or tail)."""
    if not text:
        return 0
    text = text.strip(_XPATH_SPACE)
    return len(_XPATH_RUN.sub(" ", text)) if text else 0


def _can_enter(el: etree._Element, length: int) -> bool:
    """Whether the article may lie *inside* ``el``: it holds blocks, and if it is part of a
    table, enough text to be a layout cell rather than a data cell (the longest template label
    is under 50 characters; a report is thousands)."""
    if el.tag in TABLE_PARTS and length < _LAYOUT_CELL_TEXT:
        return False
    found = el.iter(*_BLOCK_TAGS)  # lazy: stops at the first block below el
    first = next(found, None)
    if first is el:
        first = next(found, None)
    return first is not None


def _guide(node: etree._Element) -> tuple[etree._Element | None, dict[etree._Element, etree._Element]]:
    """The last table below ``node``, and each of its ancestors up to ``node`` → its child on
    the way there."""
    last = None
    for table in node.iter("table"):
        last = table
    guide: dict[etree._Element, etree._Element] = {}
    if last is None or last is node:
        return None, guide
    child = last
    for parent in last.iterancestors():
        guide[parent] = child
        if parent is node:
            break
        child = parent
    return last, guide


_TITLE, _FURNITURE, _CONTENT = range(3)


class _Descent:
    """One descent: measured lengths, verdicts on children, the guide, the current node's bounds."""

    def __init__(self, body: etree._Element) -> None:
        self.article = Article(body)
        self.lengths: dict[etree._Element, int] = {}
        self.kinds: dict[etree._Element, int] = {}
        self.guess, self.guide = _guide(body)
        self.bounds: tuple[int, int] | None = None  # of the current node's length, when known

    def length(self, el: etree._Element) -> int:
        n = self.lengths.get(el)
        if n is None:
            n = self.lengths[el] = int(_TEXT_LEN(el))
        return n

    def kind(self, el: etree._Element, length: int) -> int:
        """A title, furniture or content (anything else), judged once per element."""
        kind = self.kinds.get(el)
        if kind is None:
            kind = _TITLE if is_title(el, length) else _FURNITURE if is_furniture(el, length) else _CONTENT
            self.kinds[el] = kind
        return kind

    def descend(self, el: etree._Element, bounds: tuple[int, int] | None, exact: bool) -> None:
        if exact:
            n = self.length(el)
            bounds = (n, n)
        self.bounds = bounds
        self.article.root = el

    def guided_child(self, node: etree._Element) -> etree._Element | None:
        if self.guess is None:
            return None
        child = self.guide.get(node)
        if child is None:  # off the guessed path: guess again below here
            self.guess, self.guide = _guide(node)
            child = self.guide.get(node)
        return child


@dataclass(slots=True)
class _Level:
    """One node on the way down: its children (elements), and its loose text."""

    node: etree._Element
    children: list[etree._Element]
    loose: int  # normalize-space length of the node's text and its children's tails, summed
    loose_pieces: int  # how many of those are not blank


def _level(node: etree._Element) -> _Level | None:
    """``node``'s children and loose text, or ``None`` if it has loose text that is not blank
    (then it is the article)."""
    text = node.text
    if text and text.strip():
        return None
    loose = pieces = 0
    if text and (n := _loose_len(text)):
        loose, pieces = n, 1
    children = []
    for child in node:
        tail = child.tail
        if tail:
            if tail.strip():
                return None
            if n := _loose_len(tail):  # blank to str.strip(), not to normalize-space (&nbsp;)
                loose += n
                pieces += 1
        if isinstance(child.tag, str):
            children.append(child)
    return _Level(node, children, loose, pieces)


def _child_bounds(state: _Descent, level: _Level, child: etree._Element) -> tuple[int, int] | None:
    """Bounds of ``child``'s length from its parent's and the exact lengths of everything else
    in it: its loose text and its other children (measured here)."""
    if state.bounds is None:
        return None
    lo, hi = state.bounds
    known, pieces = level.loose, level.loose_pieces
    for el in level.children:
        if el is not child and (n := state.length(el)):
            known += n
            pieces += 1
    # lo ≤ known + child + gaps ≤ hi, with 0 ≤ gaps ≤ non-empty pieces - 1 ≤ pieces
    return max(lo - known - pieces, 0), max(hi - known, 0)


def _enter_wrapper(state: _Descent, level: _Level) -> etree._Element | None:
    """The only child of the level's node, if the article may lie inside it."""
    only = level.children[0]
    bounds = _child_bounds(state, level, only)
    exact = only.tag in TABLE_PARTS and (bounds is None or bounds[0] < _LAYOUT_CELL_TEXT <= bounds[1])
    if exact:
        length = state.length(only)
    else:  # only a table part's length matters, and its bounds decide
        length = bounds[0] if bounds is not None and only.tag in TABLE_PARTS else _LAYOUT_CELL_TEXT
    if not _can_enter(only, length):
        return None
    state.descend(only, bounds, exact)
    return only


def _bounded_main(
    state: _Descent, level: _Level, kids: list[tuple[etree._Element, int]], guided: etree._Element, floor: int
) -> tuple[int, int] | None:
    """Bounds of the guided child's length if they prove it the longest child (the first of
    them), else ``None``."""
    bounds = _child_bounds(state, level, guided)
    if bounds is None:
        return None
    lo = max(bounds[0], floor)
    before = True
    for child, n in kids:
        if child is guided:
            before = False
        elif n > lo or (before and n == lo):
            return None  # it could be the longest: measure
    return lo, max(bounds[1], lo)


def _descend(
    state: _Descent,
    kids: list[tuple[etree._Element, int]],
    main: etree._Element,
    main_len: int,
    bounds: tuple[int, int] | None,
    exact: bool,
) -> etree._Element | None:
    """Step into ``main``, the child with the longest text, unless another is content or ``main``
    cannot hold the article."""
    if not _can_enter(main, main_len):
        return None
    titles = []
    before_main = True
    for child, n in kids:
        if child is main:
            before_main = False
            continue
        kind = state.kind(child, n)
        if kind == _TITLE:
            if before_main:
                titles.append(child)
        elif kind == _CONTENT:
            return None
    if titles:
        state.article.titles = titles  # the innermost titles are the article's; outer ones the site's
    state.descend(main, bounds, exact)
    return main


def _step(state: _Descent, node: etree._Element) -> etree._Element | None:
    """The child of ``node`` to descend into, or ``None`` if ``node`` is the article.

    Children are measured in order, and the first that is content and provably not the
    longest (an earlier one is as long, or the guided child is longer) settles it: ``node``.
    """
    level = _level(node)
    if level is None:
        return None
    if len(node) == 1 and level.children:
        return _enter_wrapper(state, level)  # a wrapper: nothing to weigh against
    guided = state.guided_child(node)
    floor = state.length(state.guess) if guided is not None and state.guess is not None else 0
    kids: list[tuple[etree._Element, int]] = []
    top = 0
    for child in level.children:
        if child is guided:
            kids.append((child, 0))  # not measured unless its bounds cannot decide
        elif n := state.length(child):
            kids.append((child, n))
            if (n <= top or n < floor) and state.kind(child, n) == _CONTENT:
                return None
            top = max(top, n)
    if guided is not None:
        bounds = _bounded_main(state, level, kids, guided, floor)
        if bounds is not None:
            exact = guided.tag in TABLE_PARTS and bounds[0] < _LAYOUT_CELL_TEXT <= bounds[1]
            return _descend(state, kids, guided, state.length(guided) if exact else bounds[0], bounds, exact)
        kids = [(c, n or state.length(c)) for c, n in kids if c is not guided or state.length(c)]
    if not kids:
        return None
    main, main_len = max(kids, key=lambda kv: kv[1])
    return _descend(state, kids, main, main_len, None, True)


def find_article(body: etree._Element) -> Article:
    """The element that holds the report text (see the module docstring)."""
    state = _Descent(body)
    node: etree._Element | None = body
    while node is not None:
        node = _step(state, node)
    return state.article
