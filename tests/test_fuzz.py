"""Property-based fuzzing of the TXT and HTML paths and the number/label parsers (marker: slow).

Over 10,000 generated inputs in all; the only acceptable outcomes are a report or a
``DisclosureParserError`` — never another exception.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import disclosure_parser as dp
from disclosure_parser.tables.applications import COLUMN_MATCHER, match_row
from disclosure_parser.tables.numbers import parse_number
from disclosure_parser.textnorm import canon, split_enumerator

pytestmark = pytest.mark.slow
FUZZ = settings(max_examples=2600, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、结转下年度继续办理",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "本年新收政府信息公开申请数量",
    "（六）其他处理",
    "3.其他",
    "本年制发件数",
    "第二十条第（九）项",
    "总计",
    "|",
    "| --- |",
    "\t",
    "\n",
    "\n\n",
    " ",
    "0",
    "12",
    "-3",
    "251000元",
    "—",
    "/",
    "（其中修订 16 件）",
    "2024年度政府信息公开工作年度报告",
    "2025年1月9日",
    "[bookmark: _GoBack]",
    "\u3000",
    "\ufeff",
    "\x00",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)
TAGS = [
    "<html>",
    "<body>",
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<td rowspan=3>",
    "<td colspan=99999>",
    "<p>",
    "</p>",
    "<br>",
    "<span>",
    "</span>",
    "&nbsp;",
    "<o:p></o:p>",
    "<img src=x>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<meta charset=gb2312>",
    "<div class=nav>",
    "</div>",
]
pages = st.lists(st.one_of(st.sampled_from(TAGS + PIECES), st.text(max_size=6)), max_size=80).map("".join)


def _parse_ok(source: bytes, fmt: str) -> None:
    try:
        report = dp.parse(source, format=fmt)
    except dp.DisclosureParserError:
        return
    assert report.template in (None, "legacy", "2019", "2021")
    cells = report.cells()
    assert all(v is None or isinstance(v, (int, float)) for v in cells.values())


@FUZZ
@given(texts)
def test_txt_path(text: str) -> None:
    _parse_ok(text.encode("utf-8"), "txt")


@FUZZ
@given(pages)
def test_html_path(page: str) -> None:
    _parse_ok(page.encode("utf-8"), "html")


@FUZZ
@given(st.text(max_size=40))
def test_number_parser(text: str) -> None:
    parsed = parse_number(text)
    assert (parsed.value is not None) == (parsed.kind == "number")


@FUZZ
@given(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)))
def test_label_parsers(text: str) -> None:
    enum, rest = split_enumerator(text)
    assert enum is None or enum[1] >= 0
    assert isinstance(canon(text), str) and isinstance(rest, str)
    match_row(text)
    COLUMN_MATCHER.match(text)
