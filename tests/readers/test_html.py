"""HTML reader: portal pages, encodings, span-expanded grids, blank cells, figures, hostile input."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import disclosure_parser as dp
from disclosure_parser.document import Figure, Paragraph, RawTable
from disclosure_parser.formats import InputFormat
from disclosure_parser.readers import READERS
from disclosure_parser.readers.html import HtmlReader, read_html
from disclosure_parser.readers.html.decode import declared_encoding, decode_html
from disclosure_parser.readers.html.text import normalise_space

from ..synth import consistent
from .html_pages import BLANK, TITLE, Style, applications_table, article, page


def _doc(markup: str, **kw: object) -> dp.RawDocument:
    return read_html(markup.encode("utf-8"), **kw)  # type: ignore[arg-type]


def _tables(markup: str) -> list[RawTable]:
    return [b for b in _doc(markup).blocks if isinstance(b, RawTable)]


def _texts(table: RawTable) -> list[list[str]]:
    return [[c.text for c in table.row_cells(r)] for r in range(table.n_rows)]


def _expected(cells: dict[str, int | float], blank_zero: bool) -> dict[str, int | float | None]:
    return {k: (None if blank_zero and v == 0 else v) for k, v in cells.items()}


def test_reader_is_registered() -> None:
    assert READERS[InputFormat.HTML] is HtmlReader


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize(
    "style",
    [Style(), Style(word=True), Style(word=True, blank_zero=True), Style(title_outside=True), Style(portal=False)],
    ids=["plain", "word", "word-blank-zeros", "title-outside", "bare"],
)
def test_portal_page_reads_every_cell(template: str, style: Style) -> None:
    synth = consistent(template, random.Random(7))
    report = dp.parse(page(synth, style).encode("utf-8"), format="html")
    assert report.template == template
    cells = report.cells()
    assert {k: cells[k] for k in synth.cells} == _expected(synth.cells, style.blank_zero)
    assert (report.meta.agency, report.meta.year, str(report.meta.published)) == ("测试县测试局", 2024, "2025-01-20")
    assert not [f for f in report.findings if f.severity != "info"]


def test_portal_furniture_is_dropped_and_its_metadata_kept() -> None:
    doc = _doc(page(consistent("2021", random.Random(1))))
    text = doc.text()
    for furniture in ("栏目3", "当前位置", "版权所有", "ICP", "分享到", "打印本页", "var x", "margin"):
        assert furniture not in text
    first = next(b for b in doc.blocks if isinstance(b, Paragraph))
    assert first.text == TITLE
    props = doc.properties
    assert props["索引号"] == "11320000-2025-00001"
    assert props["发布机构"] == "测试县测试局"
    assert props["成文日期"] == "2025-01-20"
    assert props["ArticleTitle"] == TITLE and props["PubDate"] == "2025-01-21 09:30"
    assert "viewport" not in props
    assert props["title"].startswith(TITLE)


def test_portal_dates_do_not_become_the_report_date() -> None:
    synth = consistent("2021", random.Random(2))
    markup = page(synth).replace("<p style='text-align:right'>2025年1月20日</p>", "")
    report = dp.parse(markup.encode("utf-8"), format="html")
    assert report.meta.published is None
    assert report.meta.portal["发布日期"] == "2025-01-21"


def test_title_printed_outside_the_body_is_kept() -> None:
    doc = _doc(page(consistent("2019", random.Random(3)), Style(title_outside=True)))
    first = doc.blocks[0]
    assert isinstance(first, Paragraph) and first.text == TITLE and first.level == 1


def test_short_report_sections_beside_the_body_are_not_furniture() -> None:
    # A Word export in two sections: the second is short and mentions 搜索 and 相关信息.
    synth = consistent("2021", random.Random(15))
    body = article(synth, Style()).split("<p>六、其他需要报告的事项</p>")[0]
    tail = (
        "<p>六、其他需要报告的事项</p><p>本机关优化网站搜索功能，主动公开相关信息。</p>"
        "<p>测试县测试局</p><p>2025年1月20日</p>"
    )
    markup = f"<html><body><div><div class=WordSection1>{body}</div><div class=WordSection2>{tail}</div></div>"
    report = dp.parse(markup.encode("utf-8"), format="html")
    assert str(report.meta.published) == "2025-01-20"
    assert "搜索功能" in report.sections[-1].text


def test_page_title_stands_in_when_the_body_prints_none() -> None:
    synth = consistent("2021", random.Random(12))
    markup = page(synth).replace(f"<p style='text-align:center'>{TITLE}</p>", "")
    report = dp.parse(markup.encode("utf-8"), format="html")
    assert (report.meta.agency, report.meta.year) == ("测试县测试局", 2024)
    article = markup.split('<div class="TRS_Editor">', 1)[1]
    bare = f"<html><head><title>{TITLE}_年报_测试县</title></head><body><div>{article}"
    report = dp.parse(bare.encode("utf-8"), format="html")
    assert (report.meta.agency, report.meta.year) == ("测试县测试局", 2024)


def test_furniture_inside_the_content_box_is_trimmed() -> None:
    synth = consistent("2021", random.Random(13))
    body = page(synth, Style(portal=False)).split("<body>", 1)[1].rsplit("</body>", 1)[0]
    markup = (
        "<html><body><div class=con><p>当前位置：首页 &gt; 政务公开 &gt; 年报</p>"
        f"{body}<p>【打印本页】 【关闭窗口】</p><p>上一篇：无</p></div></body></html>"
    )
    doc = _doc(markup)
    texts = _para_texts(doc)
    assert texts[0] == TITLE and texts[-1] == "2025年1月20日"


# --- tables ---------------------------------------------------------------------------------------


def test_spans_expand_to_the_same_cell_object() -> None:
    (table,) = _tables(
        "<table><tr><td rowspan=2 colspan=2>A</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td><td>e</td>"
        "<td>f</td></tr></table>"
    )
    grid = table.grid
    assert table.n_rows == 3 and table.n_cols == 3 and table.aligned
    a = grid[0][0]
    assert a is not None and a.text == "A" and (a.rowspan, a.colspan) == (2, 2)
    assert grid[0][1] is a and grid[1][0] is a and grid[1][1] is a
    assert grid[1][2] is not None and grid[1][2].text == "c" and grid[1][2].col == 2
    assert _texts(table) == [["A", "b"], ["c"], ["d", "e", "f"]]
    assert grid[2][1] is not None and grid[2][1].location.as_dict() == {"table": 0, "row": 2, "col": 1}


def test_rowspan_zero_and_overlong_spans_stop_at_the_last_row() -> None:
    (table,) = _tables("<table><tr><td rowspan=0>A</td><td>b</td></tr><tr><td>c</td></tr></table>")
    assert table.n_rows == 2 and table.grid[1][0] is table.grid[0][0]
    (table,) = _tables("<table><tr><td rowspan=99 colspan=x>A</td><td>b</td></tr></table>")
    assert table.n_rows == 1 and table.n_cols == 2


def test_blank_cells_are_empty_not_zero() -> None:
    (table,) = _tables(
        "<table><tr><td>规章</td><td>&nbsp;</td><td><p class=MsoNormal><o:p></o:p></p></td><td>   \n </td>"
        "<td><span>&nbsp;</span><o:p>&nbsp;</o:p></td><td>0</td></tr></table>"
    )
    assert _texts(table) == [["规章", "", "", "", "", "0"]]


def test_inline_elements_join_without_spaces_and_blocks_break_lines() -> None:
    (table,) = _tables(
        "<table><tr><td><span>2</span><span>0</span></td><td><font>本年新</font><br/><span>制作</span><b>数量</b></td>"
        "<td><p><span>商业</span></p><p>企业</p></td><td>&nbsp;1\n2&nbsp;</td><td>三、本\n年度</td></tr></table>"
    )
    assert _texts(table) == [["20", "本年新\n制作数量", "商业\n企业", "1 2", "三、本年度"]]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("政府信息\n    公开", "政府信息公开"),  # a source line break inside a Chinese word vanishes
        ("2\n0", "2 0"),  # between digits it is a space, as a browser shows it
        ("信息公开年报\n  \u00a0\u00a0其他", "信息公开年报 其他"),  # &nbsp; is deliberate spacing
        ("\u00a0\u3000 规章 \u200b", "规章"),
        ("社会公益\u00a0\u00a0\u00a0组织", "社会公益 组织"),
    ],
)
def test_whitespace_renders_like_a_browser(raw: str, shown: str) -> None:
    assert normalise_space(raw) == shown


def test_truncated_header_still_reads_values_in_template_order() -> None:
    synth = consistent("2019", random.Random(5))
    markup = (
        page(synth)
        .replace("<td>本年新制作数量</td>", "<td>本年新</td>")
        .replace("<td>本年新公开数量</td>", "<td>本年新</td>")
    )
    assert "<td>本年新</td><td>本年新</td>" in markup
    report = dp.parse(markup.encode("utf-8"), format="html")
    cells = report.cells()
    for key in ("proactive.rules.newly_made", "proactive.normative_documents.newly_published"):
        assert cells[key] == synth.cells[key]


def test_irregular_applications_grid_maps_columns_by_header() -> None:
    synth = consistent("2021", random.Random(11))
    synth.cells["applications.granted.natural_person"] = BLANK  # type: ignore[assignment]
    markup = page(synth, tables={"三": applications_table(synth, Style(), irregular=True)})
    grid = list(_doc(markup).tables())[1]
    assert grid.n_cols == 11
    cells = dp.parse(markup.encode("utf-8"), format="html").cells()
    expected = {k: (None if v is BLANK else v) for k, v in synth.cells.items() if k.startswith("applications.")}
    assert {k: cells[k] for k in expected} == expected


def test_layout_table_around_the_article_is_not_a_data_table() -> None:
    synth = consistent("2021", random.Random(4))
    inner = page(synth, Style(portal=False))
    body = inner.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    markup = (
        "<html><body><table width=980><tr><td colspan=2><a href=/>首页</a> <a href=/a>政务公开</a></td></tr>"
        "<tr><td width=200><a href=/x>栏目一</a><br><a href=/y>栏目二</a></td>"
        f"<td>{body}</td></tr></table></body></html>"
    )
    doc = _doc(markup)
    assert [t.n_cols for t in doc.tables()] == [4, 10, 15]
    report = dp.parse(markup.encode("utf-8"), format="html")
    assert report.cells() == {**report.cells(), **synth.cells}


def test_old_layout_table_portal() -> None:
    # 2010s portals: header, side navigation and footer as layout tables; title and body in
    # rows of a nested layout table; the report's own tables nested one level deeper.
    synth = consistent("2019", random.Random(16))
    body = article(synth, Style(title_outside=True))
    nav = "".join(f"<tr><td><a href=/c{i}>栏目{i}</a></td></tr>" for i in range(8))
    markup = (
        "<html><body><table width=1000><tr><td><a href=/>首页</a> | <a href=/g>政务公开</a></td></tr></table>"
        f"<table width=1000><tr><td class=left width=200><table>{nav}</table></td><td class=main>"
        f"<table><tr><td class=title>{TITLE}</td></tr><tr><td class=content>{body}</td></tr></table>"
        "</td></tr></table><table><tr><td>版权所有：测试县人民政府 苏ICP备000000号</td></tr></table></body></html>"
    )
    report = dp.parse(markup.encode("gb18030").replace(b"<html>", b'<html><meta charset="gb2312">'), format="html")
    assert (report.meta.agency, report.meta.year, report.template) == ("测试县测试局", 2024, "2019")
    cells = report.cells()
    assert {k: cells[k] for k in synth.cells} == synth.cells
    assert "栏目" not in "".join(s.text for s in report.sections)


def test_table_published_as_an_image_is_a_finding_naming_the_part() -> None:
    synth = consistent("2021", random.Random(6))
    markup = page(synth, tables={"三": '<p><img src="/upload/2025/biao3.png" width="600" height="900"></p>'})
    doc = _doc(markup)
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [f.description for f in figures] == ["biao3.png"]
    report = dp.parse(markup.encode("utf-8"), format="html")
    (t9,) = [f for f in report.findings if f.code == "T9"]
    assert "三" in t9.message
    assert report.cells()["applications.new_received.total"] is None
    assert report.cells()["review.total"] == synth.cells["review.total"]


def test_image_inside_a_one_cell_table_is_a_figure() -> None:
    synth = consistent("2019", random.Random(14))
    wrapped = '<table><tr><td><p><img src="/u/t2.jpg" alt="表二" width="640"></p></td></tr></table>'
    report = dp.parse(page(synth, tables={"二": wrapped}).encode("utf-8"), format="html")
    (t9,) = [f for f in report.findings if f.code == "T9"]
    assert "二" in t9.message


def test_icons_are_not_figures() -> None:
    doc = _doc('<p>一、总体情况<img src="dot.gif" width="8" height="8"></p><p><img src="x.png" width=1></p>')
    assert not [b for b in doc.blocks if isinstance(b, Figure)]


# --- encodings ------------------------------------------------------------------------------------

GBK_ONLY = "朱镕基、王堃"  # 镕 and 堃 are in GBK but not in GB2312
HTML_TEXT = f"<html><head>{{meta}}</head><body><p>{TITLE}</p><p>{GBK_ONLY}</p></body></html>"


def _para_texts(doc: dp.RawDocument) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


@pytest.mark.parametrize(
    ("meta", "codec"),
    [
        ('<meta charset="gb2312">', "gb18030"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=GBK">', "gb18030"),
        ("", "gbk"),
        ('<meta charset="utf-8">', "gbk"),  # a wrong declaration: detection decides
    ],
)
def test_gb_pages_decode_with_gbk_only_characters(meta: str, codec: str) -> None:
    data = HTML_TEXT.format(meta=meta).encode(codec)
    doc = read_html(data)
    assert _para_texts(doc) == [TITLE, GBK_ONLY]
    assert doc.properties["encoding"] == "gb18030"


def test_stale_declaration_on_utf8_bytes_and_boms() -> None:
    markup = HTML_TEXT.format(meta='<meta charset="gb2312">')
    assert _para_texts(read_html(markup.encode("utf-8"))) == [TITLE, GBK_ONLY]
    assert _para_texts(read_html(b"\xef\xbb\xbf" + markup.encode("utf-8"))) == [TITLE, GBK_ONLY]
    assert _para_texts(read_html(markup.encode("utf-16"))) == [TITLE, GBK_ONLY]
    assert _para_texts(read_html(markup.encode("utf-16-le"))) == [TITLE, GBK_ONLY]


def test_decoded_text_is_accepted() -> None:
    markup = HTML_TEXT.format(meta='<meta charset="gb2312">')
    assert _para_texts(read_html(markup)) == [TITLE, GBK_ONLY]
    synth = consistent("2021", random.Random(8))
    text = page(synth, charset="gb2312")
    assert dp.parse(text).cells() == dp.parse(text.encode("gb18030")).cells()


def test_meta_charset_outranks_http_equiv() -> None:
    head = b'<meta http-equiv="Content-Type" content="text/html; charset=big5"><meta charset="gbk">'
    assert declared_encoding(head) == "gb18030"
    assert declared_encoding(
        b"<meta name=x content='a'><meta http-equiv=content-type content='text/html;charset=GB2312'>"
    ) == ("gb18030")
    assert declared_encoding(b'<?xml version="1.0" encoding="gbk"?><html>') == "gb18030"
    assert declared_encoding(b"<html><p>charset=gbk</p>") is None


def test_declared_encodings() -> None:
    assert decode_html("<meta charset=big5><p>政府</p>".encode("big5")) == ("<meta charset=big5><p>政府</p>", "big5")
    text, encoding = decode_html(b"<meta charset='iso-8859-1'><p>" + "政府信息公开".encode("gbk") + b"</p>")
    assert encoding == "gb18030" and "政府信息公开" in text
    assert decode_html(b"<meta charset=nonsense><p>ok</p>")[1] == "utf-8"


# --- hostile input --------------------------------------------------------------------------------


def test_deep_nesting_is_bounded() -> None:
    data = b"<html><body>" + b"<div>" * 100_000 + "正文".encode() + b"</div>" * 100_000 + b"</body></html>"
    doc = read_html(data)
    assert any(code == "H1" for code, _, _ in doc.notes)
    report = dp.parse(data, format="html")
    assert report.template is None


def test_oversized_page_and_table_are_refused() -> None:
    big = b"<html><body><p>x</p>" + b" " * 5000 + b"</body></html>"
    with pytest.raises(dp.ResourceLimitError):
        read_html(big, options=dp.ParseOptions(max_bytes=1000))
    table = "<table>" + "<tr><td colspan=1000>x</td></tr>" * 50 + "</table>"
    with pytest.raises(dp.ResourceLimitError):
        read_html(table.encode(), options=dp.ParseOptions(max_table_cells=10_000))


def test_broken_markup_still_reads() -> None:
    synth = consistent("2021", random.Random(9))
    markup = page(synth, Style(portal=False)).replace("</td>", "", 40).replace("</tr>", "", 5).replace("</p>", "")
    markup += "</table></div></span><td>stray"
    report = dp.parse(markup.encode("utf-8"), format="html")
    assert report.template == "2021"
    assert report.cells()["applications.new_received.total"] == synth.cells["applications.new_received.total"]


def test_portal_index_page_is_not_a_report() -> None:
    links = "".join(
        f'<li><a href="/n{i}">关于印发第{i}号通知的通知</a><span>2024-01-{i % 28 + 1:02d}</span></li>'
        for i in range(60)
    )
    markup = f"<html><head><title>政府信息公开年报</title></head><body><ul>{links}</ul></body></html>"
    report = dp.parse(markup.encode("utf-8"), format="html")
    assert report.template is None and report.status == "not_a_report"


@pytest.mark.parametrize("data", [b"<html></html>", b"<!-- only a comment -->", b"<html><body><script>x</script>"])
def test_pages_without_content(data: bytes) -> None:
    try:
        report = dp.parse(data, format="html")
    except dp.ReadError:
        return
    assert report.template is None


def test_reader_errors_are_typed() -> None:
    with pytest.raises(dp.ReadError, match="no content"):
        read_html(b"\n \n")
    with pytest.raises(dp.ReadError):
        read_html(b"\x00\x01\x02\x03" * 600)


def test_entities_and_external_resources_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    markup = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]><html><body><p>a&xxe;b</p>'
        f'<iframe src="file://{secret}"></iframe><object data="file://{secret}"></object></body></html>'
    )
    assert "TOPSECRET" not in _doc(markup).text()


def test_scripts_and_styles_are_not_text() -> None:
    doc = _doc(
        "<body><p>正文<script>alert('一、总体情况')</script><style>p{}</style>继续</p><noscript>x</noscript></body>"
    )
    assert _para_texts(doc) == ["正文继续"]


def test_heading_inside_a_cell_is_plain_text() -> None:
    import disclosure_parser as dp

    page = "<html><body><p>x</p><table><tr><td><h3>标题</h3></td><td>2</td></tr></table></body></html>"
    (table,) = list(dp.read(page.encode("utf-8"), format="html").tables())
    assert table.texts() == [["标题", "2"]]
