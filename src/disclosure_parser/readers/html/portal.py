"""The portal's own metadata: ``<meta>`` tags, ``<title>``, and its labelled info block.

Government portals print a block beside the article (``索引号`` / ``发布机构`` /
``发布日期`` …, as a table of label and value cells or as ``来源：… 时间：…`` lines), and
crawlers prepend their own (``标题：… 来源：… 采集时间：…``). These are the *portal's*
values, kept as found under their raw labels in ``properties``; they never stand in for
what the report itself prints (its title, its 落款 date). Text inside the article is
never read here.
"""

from __future__ import annotations

import re

import regex
from lxml import etree

from .dom import PORTAL_LABELS, WHITE_SPACE, squeeze_space
from .text import normalise_space

__all__ = ["page_properties"]

_MAX_VALUE = 200
# Presentation and robot directives: not metadata about the document.
_META_SKIP = frozenset(
    {"viewport", "renderer", "format-detection", "robots", "referrer", "theme-color", "x-ua-compatible", "generator"}
)
_META_SKIP_PREFIX = ("apple-", "msapplication", "twitter:", "og:image", "mobile-", "baidu-", "google-")
_LABEL_ALT = "|".join(sorted(PORTAL_LABELS, key=len, reverse=True))
# A label starts a line or follows a separator, never inside a word: 主办单位 is not 单位.
_PAIR = regex.compile(rf"(?<![\p{{Han}}\w])(?P<label>{_LABEL_ALT})\s*[:：]\s*")
_BARE_LABEL = regex.compile(rf"^(?:{_LABEL_ALT})\s*[:：]?$")
# Labels specific enough to flag a block even without a colon (a label cell beside a value cell).
_STRONG_LABEL = re.compile(r"索引号|发布机构|发文机关|成文日期|发文日期|发布日期|公开日期|主题分类|发文字号")
# What may come before a label at the start of a text node: Unicode White_Space (the \s of
# the regex module), &nbsp; and an opening bracket. No label starts with one of them.
_BEFORE_LABEL = WHITE_SPACE + "【["
_TEXT_NODES = etree.XPath(".//text()", smart_strings=True)
_STRING = etree.XPath("string(.)", smart_strings=False)
_LINE_TAGS = frozenset(
    {"div", "p", "li", "td", "th", "dd", "dt", "tr", "ul", "ol", "dl", "table", "section", "header", "footer", "body"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "article", "main", "aside", "nav", "form", "center"}
)
_LABEL_CELLS = frozenset({"td", "th", "dt"})


def _meta_tags(root: etree._Element, props: dict[str, str]) -> None:
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip()
        content = normalise_space(meta.get("content") or "")
        low = name.lower()
        if not name or not content or low in _META_SKIP or low.startswith(_META_SKIP_PREFIX):
            continue
        props.setdefault(name, content[:_MAX_VALUE])


def _line_of(node: etree._ElementUnicodeResult) -> etree._Element | None:
    el = node.getparent()
    if el is not None and node.is_tail:
        el = el.getparent()
    while el is not None and el.tag not in _LINE_TAGS:
        el = el.getparent()
    return el


def _spaced_text(el: etree._Element) -> str:
    # Text nodes joined by a space: "来源：A" and "时间：B" in two <span>s stay two pairs.
    return " ".join(piece for piece in map(normalise_space, el.itertext()) if piece)


def _pairs(line: etree._Element) -> list[tuple[str, str]]:
    text = _spaced_text(line)
    if _BARE_LABEL.match(text) and line.tag in _LABEL_CELLS:
        nxt = line.getnext()  # a label cell: its value is the next cell
        return [(text.rstrip(":：").strip(), _spaced_text(nxt) if nxt is not None else "")]
    if len(text) > 4 * _MAX_VALUE:
        return []
    found = list(_PAIR.finditer(text))
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        out.append((m["label"], text[m.end() : end].strip()))
    return out


def _has_pair(text: str) -> bool:
    """A label and its colon somewhere in ``text`` (most of a page has no colon at all)."""
    if "：" not in text and ":" not in text:
        return False
    return _PAIR.search(squeeze_space(text)) is not None


def _regions(root: etree._Element, article: etree._Element) -> list[etree._Element]:
    """The subtrees outside the article: the siblings of each element on its path from the root."""
    out: list[etree._Element] = []
    child = article
    for parent in article.iterancestors():
        out.extend(el for el in parent if el is not child and isinstance(el.tag, str))
        child = parent
    return out


def _labelled_blocks(root: etree._Element, article: etree._Element, props: dict[str, str]) -> None:
    lines: list[etree._Element] = []
    for region in _regions(root, article):
        text = _STRING(region)
        if not (_has_pair(text) or _STRONG_LABEL.search(text)):
            continue  # most of a page (navigation, footers) names no label: skip it cheaply
        for node in _TEXT_NODES(region):
            if not node.lstrip(_BEFORE_LABEL).startswith(PORTAL_LABELS):
                continue
            line = _line_of(node)
            if line is None or any(line is seen for seen in lines):
                continue
            lines.append(line)
            for label, value in _pairs(line):
                if value and len(value) <= _MAX_VALUE:
                    props.setdefault(label, value)


def page_properties(root: etree._Element, article: etree._Element) -> dict[str, str]:
    """``<meta>`` tags (raw names), the page ``<title>``, and labelled values outside ``article``."""
    props: dict[str, str] = {}
    _labelled_blocks(root, article, props)
    _meta_tags(root, props)
    title = next(root.iterdescendants("title"), None)  # the first, as root.find(".//title"), in C
    if title is not None:
        text = normalise_space(_STRING(title))
        if text:
            props.setdefault("title", text[:_MAX_VALUE])
    return props
