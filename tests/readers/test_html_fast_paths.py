"""The HTML reader's fast paths give what the straightforward way gives.

Each shortcut (rendering whitespace in whole strings, the guided article descent, UTF-8
pages parsed undecoded, the label and DOCTYPE scans) is checked against a plain reference
implementation on many seeded random inputs.
"""

from __future__ import annotations

import random
import re

import pytest
import regex
from lxml import etree

from disclosure_parser.errors import ReadError
from disclosure_parser.readers.html import read_html
from disclosure_parser.readers.html.article import find_article
from disclosure_parser.readers.html.blocks import _CELL, _CELL_END, _IMG, _ROW, _SEP, _cells
from disclosure_parser.readers.html.decode import decode_html, doctypes_are_utf8, is_utf8
from disclosure_parser.readers.html.dom import TABLE_PARTS, drop_non_content, is_furniture, is_title, parse_tree
from disclosure_parser.readers.html.portal import _BEFORE_LABEL
from disclosure_parser.readers.html.text import normalise_space

# --- whitespace ----------------------------------------------------------------------------------

_RUN = re.compile(r"[ \t\n\r\f\v\u00a0\u200b\ufeff]+")


def _wide(ch: str) -> bool:
    return ch >= "\u2e80" and not ("\uac00" <= ch <= "\ud7af")


def _reference_normalise(text: str) -> str:
    """Whitespace rendered run by run (the rules of :mod:`disclosure_parser.readers.html.text`)."""

    def collapse(m: re.Match[str]) -> str:
        run = m.group(0)
        if run in ("\u200b", "\ufeff"):
            return ""
        if ("\n" in run or "\r" in run) and "\u00a0" not in run:
            start, end = m.start(), m.end()
            if 0 < start and end < len(text) and _wide(text[start - 1]) and _wide(text[end]):
                return ""
        return " "

    return _RUN.sub(collapse, text).strip()


_CHARS = [" ", "\t", "\n", "\r", "\f", "\v", "\xa0", "\u200b", "\ufeff", "\u3000", "\x1c", "\u2028", "\x85"]
_CHARS += ["中", "文", "a", "1", "。", "한", "\u2e80", "\uabff", "\ud7b0", "\uff01", "\U00020000", "\ufdef", "\ufdd0"]


def _random_text(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(_CHARS) for _ in range(rng.randint(0, size)))


def test_whitespace_renders_as_run_by_run() -> None:
    rng = random.Random(1)
    for _ in range(20_000):
        text = _random_text(rng, 16)
        assert normalise_space(text) == _reference_normalise(text), repr(text)


def _reference_cell_text(content: str) -> str:
    parts = [p for p in content.split(_SEP) if p and not p.isspace() and p[0] != _IMG]
    return "\n".join(line for line in map(_reference_normalise, parts) if line)


def test_cells_render_as_line_by_line() -> None:
    rng = random.Random(2)
    for _ in range(300):
        rows = []
        for _ in range(rng.randint(1, 4)):
            cells = []
            for _ in range(rng.randint(0, 5)):
                pieces = [_random_text(rng, 6) for _ in range(rng.randint(1, 4))]
                if rng.random() < 0.2:
                    pieces.insert(1, f"{_IMG}40\ufdd950\ufdd9 alt \ufdd9\ufdd9 a b.png ")
                cells.append(_SEP.join(pieces))
            rows.append(cells)
        body = "".join(_ROW + "".join(f"{_CELL}2,{_CELL_END}{c}" for c in cells) for cells in rows)
        got = [[text for _, text in row] for row in _cells(body)]
        assert got == [[_reference_cell_text(c) for c in cells] for cells in rows]


# --- the article ---------------------------------------------------------------------------------

_TEXT_LEN = etree.XPath("string-length(normalize-space(.))")
_BLOCKS = ("p", "div", "table", "tr", "td", "br", "li", "section", "article", "center", "h1", "h2", "h3", "h4")


def _length(el: etree._Element) -> int:
    return int(_TEXT_LEN(el))


def _can_enter(el: etree._Element, n: int) -> bool:
    if el.tag in TABLE_PARTS and n < 500:
        return False
    found = el.iter(*_BLOCKS)
    first = next(found, None)
    if first is el:
        first = next(found, None)
    return first is not None


def _loose(el: etree._Element) -> bool:
    return bool(el.text and el.text.strip()) or any(c.tail and c.tail.strip() for c in el)


def _reference_step(node: etree._Element) -> tuple[etree._Element, list[etree._Element]] | None:
    """One level of the descent measuring every child: the child to enter and the titles beside
    it, or ``None`` if ``node`` is the article."""
    if len(node) == 1 and isinstance(node[0].tag, str):
        only = node[0]
        return (only, []) if _can_enter(only, _length(only) if only.tag in TABLE_PARTS else 500) else None
    kids = [(c, n) for c in node if isinstance(c.tag, str) and (n := _length(c))]
    if not kids:
        return None
    main, main_len = max(kids, key=lambda kv: kv[1])
    if not _can_enter(main, main_len):
        return None
    titles, before = [], True
    for child, n in kids:
        if child is main:
            before = False
        elif is_title(child, n):
            if before:
                titles.append(child)
        elif not is_furniture(child, n):
            return None
    return main, titles


def _reference_article(body: etree._Element) -> tuple[etree._Element, list[etree._Element]]:
    """The descent measuring every child at every level (no guide, no bounds)."""
    node, titles = body, []
    while not _loose(node) and (step := _reference_step(node)) is not None:
        node, found = step
        titles = found or titles
    return node, titles


def _furniture(rng: random.Random) -> str:
    return rng.choice(
        [
            "<ul>" + "".join(f"<li><a href=/{i}>栏目{i}</a></li>" for i in range(rng.randint(1, 12))) + "</ul>",
            "<div>版权所有：测试县人民政府 苏ICP备12345678号</div>",
            "<div>当前位置：<a href=/>首页</a> &gt; 年报</div>",
            "<div class=info><table><tr><td>索引号</td><td>1</td></tr>"
            "<tr><td>发布机构</td><td>某局</td></tr></table></div>",
            "<h1 class=title>测试县2024年政府信息公开工作年度报告</h1>",
            "<div class=clear></div>",
            "<p>信息公开</p>",
            "\u00a0",
            "<table><tr><td><a href=/a>相关链接一</a></td><td><a href=/b>相关链接二</a></td></tr></table>",
        ]
    )


def _article(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 8)):
        if rng.random() < 0.3:
            rows = "".join(
                f"<tr><td>项目{r}</td><td>{r}</td><td>&nbsp;{r * 3}</td></tr>" for r in range(rng.randint(1, 9))
            )
            parts.append(f"<table>{rows}</table>")
        else:
            parts.append("<p>" + "本机关认真贯彻《条例》，做好公开工作。" * rng.randint(1, 6) + "</p>")
    return "".join(parts)


def _nest(rng: random.Random, inner: str, depth: int) -> str:
    for _ in range(depth):
        before = "".join(_furniture(rng) for _ in range(rng.randint(0, 2)))
        after = "".join(_furniture(rng) for _ in range(rng.randint(0, 2)))
        tail = rng.choice(["", "", "\u00a0", " \n "])
        if rng.random() < 0.15:
            inner = f"<table><tr><td>{before}</td></tr><tr><td>{inner}</td></tr></table>{after}"
        else:
            inner = f"<div>{before}<div>{inner}</div>{tail}{after}</div>"
    return inner


def test_guided_descent_finds_what_full_measurement_finds() -> None:
    rng = random.Random(3)
    for _ in range(400):
        markup = f"<html><body>{_nest(rng, _article(rng), rng.randint(0, 12))}</body></html>"
        root = parse_tree(markup.encode()).root
        drop_non_content(root)
        body = root.find("body")
        assert body is not None
        article = find_article(body)
        expected_root, expected_titles = _reference_article(body)
        assert article.root is expected_root, markup
        assert [id(t) for t in article.titles] == [id(t) for t in expected_titles], markup


# --- encodings and scans -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        "<!DOCTYPE html><p>政府信息公开</p>".encode() + b"<p>" * 5000 + b"\xff",  # bad byte late
        '<meta charset="gb2312"><p>政府</p>'.encode() + b"x" * 20_000 + "公开".encode("gbk"),
        b"<!DOCTYPE html \xd2><p>" + "正文".encode() + b"</p>",  # libxml2 does not check a DOCTYPE's rest
        b"<p>" + "正文".encode() + b"</p>" + b"<!doctype x \xe4\xb8>",
        "<p>政府信息公开</p>".encode() + b"<div>" * 300 + b"\xff",  # nesting stops the parser first
        "<p>中文</p>".encode("utf-16"),
        b"\xef\xbb\xbf<p>" + "正文".encode() + b"</p>",
        b"<meta charset=big5><p>plain ascii</p>",
    ],
)
def test_bytes_decode_as_decode_html_says(data: bytes) -> None:
    for page in (data, b'<meta charset="gb2312">' + data):
        try:
            expected = decode_html(page)[1]
        except ReadError:
            with pytest.raises(ReadError):
                read_html(page)
            continue
        assert read_html(page).properties["encoding"] == expected


def test_doctype_scan_finds_every_doctype() -> None:
    pattern = re.compile(rb"<![Dd][Oo][Cc][Tt][Yy][Pp][Ee]")

    def reference(data: bytes) -> bool:
        for m in pattern.finditer(data):
            end = data.find(b">", m.end())
            declaration = data[m.start() : end + 1 if end >= 0 else len(data)]
            if not is_utf8(declaration):
                return False
        return True

    rng = random.Random(4)
    parts = [b"<!DOCTYPE", b"<!doctype", b"<!DocType", b"<!d", b"octype", b">", b"\xff", "中".encode(), b"!", b"<"]
    for _ in range(20_000):
        data = b"".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        assert doctypes_are_utf8(data) == reference(data), data


def test_label_prefix_characters_are_the_patterns() -> None:
    pattern = regex.compile(r"[\s\u00a0【\[]")
    assert {chr(c) for c in range(0x3100) if pattern.match(chr(c))} == set(_BEFORE_LABEL)
