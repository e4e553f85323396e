"""DOCX reader: reading order, merged cells, automatic numbering, tracked changes, text boxes."""

from __future__ import annotations

import random

import pytest

import disclosure_parser as dp
from disclosure_parser.document import Figure, Paragraph, RawDocument, RawTable
from disclosure_parser.readers.docx import prepare as prepare_module
from disclosure_parser.readers.docx.body import BodyWalker
from disclosure_parser.readers.docx.numfmt import format_number
from tests.synth import consistent

from .docx_fixtures import p, package, tbl, tc, template_report, tr

SPAN2 = '<w:gridSpan w:val="2"/>'
RESTART = '<w:vMerge w:val="restart"/>'
CONTINUE = "<w:vMerge/>"


def _read(data: bytes) -> RawDocument:
    return dp.read(data, format="docx")


def _tables(doc: RawDocument) -> list[RawTable]:
    return list(doc.tables())


def _texts(doc: RawDocument) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


# -- a whole report, written by python-docx with the template's merged cells -----------------------


@pytest.fixture(scope="module")
def synth_report() -> tuple[dict[str, int | float], bytes]:
    synth = consistent("2021", random.Random(2024))
    return synth.cells, template_report(synth.cells)


def test_template_report_reads_every_cell(synth_report: tuple[dict[str, int | float], bytes]) -> None:
    cells, data = synth_report
    report = dp.parse(data)
    assert report.template == "2021"
    assert {k: v for k, v in report.cells().items() if v is not None} == cells
    assert (report.meta.agency, report.meta.year, str(report.meta.published)) == ("测试县测试局", 2024, "2025-01-20")
    assert report.is_consistent


def test_2019_template_report_with_its_20_row_block() -> None:
    synth = consistent("2019", random.Random(2019))
    data = template_report(synth.cells, template="2019")
    report = dp.parse(data)
    assert report.template == "2019"
    assert {k: v for k, v in report.cells().items() if v is not None} == synth.cells
    table = next(t for t in _tables(_read(data)) if "申请人情况" in t.texts()[0])
    block = table.grid[5][0]
    assert block is not None and block.text == "三、本年度办理结果" and block.rowspan == 20


def test_headers_footers_are_not_body_and_core_properties_are_kept(
    synth_report: tuple[dict[str, int | float], bytes],
) -> None:
    doc = _read(synth_report[1])
    assert "页眉" not in doc.text() and "第 1 页" not in doc.text()
    assert doc.format == "docx"
    assert doc.properties["docx:title"] == "测试县测试局2024年度政府信息公开工作年度报告"
    assert doc.properties["docx:creator"] == "测试员"
    assert set(doc.properties) >= {"docx:created", "docx:modified"}


def test_vertical_merge_spans_the_22_row_result_block(synth_report: tuple[dict[str, int | float], bytes]) -> None:
    doc = _read(synth_report[1])
    table = next(t for t in _tables(doc) if "申请人情况" in t.texts()[0])
    assert table.n_cols == 10 and table.n_rows == 28
    block = table.grid[5][0]
    assert block is not None and block.text == "三、本年度办理结果"
    assert (block.row, block.col, block.rowspan, block.colspan) == (5, 0, 22, 1)
    assert all(table.grid[r][0] is block for r in range(5, 27))
    deny = table.grid[7][1]
    assert deny is not None and deny.text == "（三）不予公开" and deny.rowspan == 8
    # The header's top-left note covers 3 rows × 3 columns; 申请人情况 spans the 7 data columns.
    note = table.grid[0][0]
    assert note is not None and (note.rowspan, note.colspan) == (3, 3)
    assert {id(table.grid[r][c]) for r in range(3) for c in range(3)} == {id(note)}
    assert [c.text for c in table.row_cells(1)] == ["自然人", "法人或其他组织", "总计"]
    # A row inside both merged blocks prints only its own label and its 7 values.
    row = [c.text for c in table.row_cells(8)]
    assert row[0] == "2.其他法律行政法规禁止公开" and len(row) == 8
    cell = table.row_cells(8)[1]
    assert (cell.location.table, cell.location.row, cell.location.col) == (table.index, 8, 3)


def test_fast_and_general_table_paths_agree(
    synth_report: tuple[dict[str, int | float], bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Plain tables take a flat pass; tables holding nested content are read cell by cell.
    fast = _tables(_read(synth_report[1]))
    monkeypatch.setattr(BodyWalker, "_plain_rows", BodyWalker._rows)
    general = _tables(_read(synth_report[1]))

    def shape(tables: list[RawTable]) -> list[list[tuple[str, int, int, int, int] | None]]:
        return [
            [None if c is None else (c.text, c.row, c.col, c.rowspan, c.colspan) for c in row]
            for t in tables
            for row in t.grid
        ]

    assert shape(fast) == shape(general) and len(fast) == 6


def test_strict_ooxml_namespaces_are_read() -> None:
    strict = package(p("一、总体情况") + tbl([tr(tc("规章"), tc("2"))], 2)).replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    doc = _read(strict)
    assert _texts(doc) == ["一、总体情况"] and _tables(doc)[0].texts() == [["规章", "2"]]


# -- merged cells from hand-written XML ------------------------------------------------------------


def test_grid_spans_vmerge_grid_before_after_short_rows_and_legacy_hmerge() -> None:
    rows = [
        tr(tc("A", SPAN2 + RESTART), tc("B"), tc("C")),
        tr(tc("", SPAN2 + CONTINUE), tc("D"), tc("E")),
        tr(tc("F"), tc("G", SPAN2), props='<w:gridBefore w:val="1"/>'),
        tr(tc("H"), tc("I")),
        tr(
            tc("J", '<w:hMerge w:val="restart"/>'),
            tc("", "<w:hMerge/>"),
            tc("K"),
            props='<w:gridAfter w:val="1"/>',
        ),
    ]
    (table,) = _tables(_read(package(tbl(rows, 4))))
    assert table.texts() == [
        ["A", "A", "B", "C"],
        ["A", "A", "D", "E"],
        ["", "F", "G", "G"],
        ["H", "I", "", ""],
        ["J", "J", "K", ""],
    ]
    a = table.grid[0][0]
    assert a is table.grid[1][1] and a is not None and (a.rowspan, a.colspan) == (2, 2)
    assert table.grid[2][0] is None and table.grid[3][3] is None and table.grid[4][3] is None
    j = table.grid[4][0]
    assert j is table.grid[4][1] and j is not None and j.colspan == 2
    assert [c.text for c in table.row_cells(1)] == ["D", "E"]
    assert table.aligned


def test_text_left_in_a_merged_away_cell_is_ignored_with_a_note() -> None:
    # FS23 carries a stray "0" in a vMerge-continued label cell; Word does not show it.
    rows = [tr(tc("（五）不予处理", RESTART), tc("1.信访举报投诉类申请")), tr(tc("0", CONTINUE), tc("2.重复申请"))]
    doc = _read(package(tbl(rows, 2)))
    (table,) = _tables(doc)
    assert table.texts() == [["（五）不予处理", "1.信访举报投诉类申请"], ["（五）不予处理", "2.重复申请"]]
    assert [code for code, _, _ in doc.notes] == ["W1"]


def test_soft_line_breaks_stay_inside_a_cell_and_split_body_paragraphs() -> None:
    body = p("平潭综合实验区2020年\n政府信息公开工作年度报告") + tbl([tr(tc("本年新\n制作数量"), tc("12"))], 2)
    doc = _read(package(body))
    assert _texts(doc) == ["平潭综合实验区2020年", "政府信息公开工作年度报告"]
    assert _tables(doc)[0].texts() == [["本年新\n制作数量", "12"]]


def test_paragraph_locations_count_every_paragraph_in_document_order() -> None:
    body = p("前") + tbl([tr(tc("a"), tc("b"))], 2) + p("后")
    doc = _read(package(body))
    assert [(b.text, b.location.line) for b in doc.blocks if isinstance(b, Paragraph)] == [("前", 1), ("后", 4)]
    assert [(t.index, t.location.table) for t in _tables(doc)] == [(0, 0)]


def test_table_cell_limit_is_enforced() -> None:
    rows = [tr(*(tc(str(i)) for i in range(10))) for _ in range(10)]
    with pytest.raises(dp.ResourceLimitError, match="max_table_cells"):
        dp.read(package(tbl(rows, 10)), format="docx", options=dp.ParseOptions(max_table_cells=50))


# -- reading order: content controls, text boxes, nested tables, images ----------------------------


def test_content_controls_are_read_in_place() -> None:
    row_sdt = f"<w:sdt><w:sdtPr/><w:sdtContent>{tr(tc('规章'), tc('3'))}</w:sdtContent></w:sdt>"
    cell_sdt = f"<w:sdt><w:sdtPr/><w:sdtContent>{tc('5')}</w:sdtContent></w:sdt>"
    body = (
        p("前言")
        + f"<w:sdt><w:sdtPr/><w:sdtContent>{p('控件内段落')}</w:sdtContent></w:sdt>"
        + tbl([row_sdt, tr(tc("行政规范性文件"), cell_sdt)], 2)
        + p("结尾")
    )
    doc = _read(package(body))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Paragraph", "RawTable", "Paragraph"]
    assert _texts(doc) == ["前言", "控件内段落", "结尾"]
    assert _tables(doc)[0].texts() == [["规章", "3"], ["行政规范性文件", "5"]]


def test_placeholder_text_of_content_controls_is_no_content() -> None:
    # An unfilled control shows grey placeholder text; read, it would be text where a number
    # belongs (T4). Its runs go, its cell stays: a blank cell. A filled control is read.
    shown = "<w:sdtPr><w:showingPlcHdr/></w:sdtPr>"
    filled = '<w:sdtPr><w:showingPlcHdr w:val="0"/></w:sdtPr>'
    placeholder = "<w:r><w:t>单击或点击此处输入文字。</w:t></w:r>"
    cell = f"<w:sdt>{shown}<w:sdtContent>{tc('<w:p>' + placeholder + '</w:p>')}</w:sdtContent></w:sdt>"
    inline = f"<w:p><w:r><w:t>制发</w:t></w:r><w:sdt>{shown}<w:sdtContent>{placeholder}</w:sdtContent></w:sdt></w:p>"
    kept = f"<w:p><w:sdt>{filled}<w:sdtContent><w:r><w:t>已填</w:t></w:r></w:sdtContent></w:sdt></w:p>"
    doc = _read(package(inline + kept + tbl([tr(tc("规章"), cell, tc("3"))], 3)))
    assert _texts(doc) == ["制发", "已填"]
    assert _tables(doc)[0].texts() == [["规章", "", "3"]]
    assert [(code, message[:1]) for code, message, _ in doc.notes] == [("W4", "2")]


def _text_box(inner: str) -> str:
    """A text box the way Word writes it: DrawingML choice plus a VML fallback of the same content."""
    choice = (
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="文本框 1"/>'
        f"<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    )
    fallback = (
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox>"
        "</v:shape></w:pict></mc:Fallback>"
    )
    return f"<w:r><mc:AlternateContent>{choice}{fallback}</mc:AlternateContent></w:r>"


def test_a_table_in_a_text_box_is_read_once_after_its_anchor() -> None:
    inner = p("四、政府信息公开行政复议、行政诉讼情况") + tbl(
        [tr(tc("行政复议"), tc("行政诉讼")), tr(tc("1"), tc("2"))], 2
    )
    body = f"<w:p><w:r><w:t>锚定段落</w:t></w:r>{_text_box(inner)}</w:p>" + p("之后")
    doc = _read(package(body))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Paragraph", "RawTable", "Paragraph"]
    assert _texts(doc) == ["锚定段落", "四、政府信息公开行政复议、行政诉讼情况", "之后"]
    assert _tables(doc)[0].texts() == [["行政复议", "行政诉讼"], ["1", "2"]]


def test_a_text_box_keeps_its_merges_list_numbers_and_run_characters() -> None:
    # A text box is lifted out of the body before the scan: its table's gridSpan, its
    # paragraphs' list numbers and tabs were once lost, and 合计 stood over the wrong column.
    inner = (
        p("总体情况", '<w:pStyle w:val="Heading1"/>')
        + "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p>"
        + tbl([tr(tc("本年新收", SPAN2), tc("合计")), tr(tc("1"), tc("2"), tc("3"))], 3)
    )
    body = f"<w:p><w:r><w:t>锚定段落</w:t></w:r>{_text_box(inner)}</w:p>"
    doc = _read(package(body, numbering=NUMBERING, styles=STYLES))
    assert _texts(doc) == ["锚定段落", "一、总体情况", "a\tb"]
    assert _tables(doc)[0].texts() == [["本年新收", "本年新收", "合计"], ["1", "2", "3"]]


def test_tabs_breaks_and_symbols_in_runs_are_text_wherever_the_paragraph_is() -> None:
    # Paragraphs holding only w:t runs take a cheaper path than those with tabs, breaks or
    # symbols; a tab stop (w:pPr/w:tabs/w:tab) is no text, and a text box is outside the body.
    tab_stop = '<w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs>'
    rich = '<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:noBreakHyphen/><w:sym w:char="0041"/></w:r></w:p>'
    body = (
        p("标题", tab_stop)
        + rich
        + f"<w:p><w:r><w:t>锚</w:t></w:r>{_text_box(rich + p('框内', tab_stop))}</w:p>"
        + tbl([tr(tc(rich), tc(p("格", tab_stop)))], 2)
    )
    doc = _read(package(body))
    assert _texts(doc) == ["标题", "a\tb-A", "锚", "a\tb-A", "框内"]
    assert _tables(doc)[0].texts() == [["a\tb-A", "格"]]


def test_a_frame_table_is_unwrapped_and_a_nested_table_follows_its_table() -> None:
    data = tbl([tr(tc("行政许可"), tc("97"))], 2)
    frame = tbl([tr(tc(p("二、主动公开政府信息情况") + data))], 1)
    nested = tbl([tr(tc("规章"), tc("1")), tr(tc("附"), tc(p("见下表") + tbl([tr(tc("x"), tc("2"))], 2)))], 2)
    doc = _read(package(frame + nested))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "RawTable", "RawTable", "RawTable"]
    first, outer, inner = _tables(doc)
    assert first.texts() == [["行政许可", "97"]]
    assert outer.texts() == [["规章", "1"], ["附", "见下表"]]
    assert inner.texts() == [["x", "2"]]
    assert [t.index for t in (first, outer, inner)] == [0, 1, 2]
    cell = inner.grid[0][1]
    assert cell is not None and cell.location.table == 2


def test_one_cell_boxes_are_read_as_paragraphs() -> None:
    box = tbl([tr(tc(p("一、总体情况", '<w:outlineLvl w:val="0"/>') + p("正文")))], 1)
    merged = tbl([tr(tc("说明", SPAN2 + RESTART)), tr(tc("", SPAN2 + CONTINUE))], 2)
    doc = _read(package(box + merged))
    assert [(b.text, b.level) for b in doc.blocks if isinstance(b, Paragraph)] == [
        ("一、总体情况", 1),
        ("正文", 0),
        ("说明", 0),
    ]
    assert _tables(doc) == []


def test_a_layout_table_of_nested_tables_one_per_row_is_unwrapped() -> None:
    inner = tbl([tr(tc("行政处罚"), tc("4"))], 2)
    layout = tbl([tr(tc("标题"), tc("")), tr(tc(p("") + inner), tc(""))], 2)
    doc = _read(package(layout))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "RawTable"]
    assert _tables(doc)[0].texts() == [["行政处罚", "4"]]


def test_images_become_figures_with_their_description() -> None:
    drawing = (
        '<w:r><w:drawing><wp:inline><wp:docPr id="2" name="图片 2" descr="表格截图"/><a:graphic><a:graphicData>'
        '<pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )
    vml = '<w:r><w:pict><v:shape><v:imagedata r:id="rIdImg" o:title=""/></v:shape></w:pict></w:r>'
    in_cell = tbl([tr(tc("附图"), tc(f"<w:p>{drawing}</w:p>"))], 2)
    doc = _read(package(f"<w:p>{drawing}</w:p><w:p>{vml}</w:p>{in_cell}"))
    assert [type(b).__name__ for b in doc.blocks] == ["Figure", "Figure", "RawTable", "Figure"]
    assert [b.description for b in doc.blocks if isinstance(b, Figure)] == ["表格截图", "image1.png", "表格截图"]
    assert _tables(doc)[0].texts() == [["附图", ""]]


def test_a_table_published_as_an_image_gives_t9() -> None:
    drawing = (
        '<w:r><w:drawing><wp:inline><wp:docPr id="3" name="图片 3"/><a:blip r:embed="rIdImg"/></wp:inline>'
        "</w:drawing></w:r>"
    )
    body = "".join(
        p(h) for h in ("测试局2024年度政府信息公开工作年度报告", "一、总体情况", "正文。", "二、主动公开政府信息情况")
    )
    body += f"<w:p>{drawing}</w:p>" + p("三、收到和处理政府信息公开申请情况")
    body += tbl([tr(tc("一、本年新收政府信息公开申请数量"), tc("0")), tr(tc("（一）予以公开"), tc("0"))], 2)
    report = dp.parse(package(body))
    assert report.template == "2021"
    t9 = [f for f in report.findings if f.code == "T9"]
    assert len(t9) == 1 and t9[0].section == dp.SectionId.PROACTIVE


# -- what Word shows: tracked changes, hidden text, fields -----------------------------------------


def test_tracked_changes_read_as_accepted() -> None:
    body = (
        '<w:p><w:r><w:t>收到申请</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>12</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>10</w:delText></w:r></w:del><w:r><w:t>件</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r></w:p>'
        + p("后半")
        + '<w:p><w:moveFrom w:id="4" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom></w:p>'
        + tbl(
            [
                tr(
                    tc("规章"),
                    tc(
                        '<w:p><w:del w:id="5" w:author="a"><w:r><w:delText>5</w:delText></w:r></w:del>'
                        '<w:ins w:id="6" w:author="a"><w:r><w:t>6</w:t></w:r></w:ins></w:p>'
                    ),
                ),
                tr(tc("删除的行"), tc("9"), props='<w:del w:id="7" w:author="a"/>'),
            ],
            2,
        )
    )
    doc = _read(package(body))
    assert _texts(doc) == ["收到申请12件", "前半后半"]
    assert _tables(doc)[0].texts() == [["规章", "6"]]
    assert [code for code, _, _ in doc.notes] == ["W3"]


def test_hidden_text_and_field_codes_are_not_read_but_field_results_are() -> None:
    body = (
        "<w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也可见</w:t></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">第 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
        '</w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 页'
        "</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:noBreakHyphen/><w:t>c</w:t>"
        '<w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>'
    )
    assert _texts(_read(package(body))) == ["可见也可见", "第 3 页", "a\tb-c"]


# -- automatic numbering --------------------------------------------------------------------------

NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
    '<w:pStyle w:val="Heading1"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="·"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
    "</w:lvlOverride></w:num>"
    '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'
)
STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="SubHead"><w:name w:val="标题 2"/><w:basedOn w:val="Normal"/></w:style>'
)


def _num(num_id: int, ilvl: int = 0) -> str:
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


def test_list_numbers_are_rendered_into_headings_and_row_labels() -> None:
    heading = '<w:pStyle w:val="Heading1"/>'
    body = (
        p("总体情况", heading)
        + p("主动公开", _num(1, 1))
        + p("依申请公开", _num(1, 1))
        + p("主动公开政府信息情况", heading)
        + p("收到和处理政府信息公开申请情况", heading)
        + p("小节", _num(1, 1))
        + tbl(
            [
                tr(tc("（三）不予公开"), tc(p("属于国家秘密", _num(2)))),
                tr(tc(""), tc(p("其他法律行政法规禁止公开", _num(2)))),
            ],
            2,
        )
        + p("重新开始", _num(3))
        + p("要点", _num(4))
        + p("不编号", '<w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr>')
        + p("二级标题", '<w:pStyle w:val="SubHead"/>')
    )
    doc = _read(package(body, numbering=NUMBERING, styles=STYLES))
    assert _texts(doc) == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "（一）小节",
        "1.重新开始",
        "要点",
        "不编号",
        "二级标题",
    ]
    assert [b.level for b in doc.blocks if isinstance(b, Paragraph)] == [1, 0, 0, 1, 1, 0, 0, 0, 1, 2]
    assert _tables(doc)[0].texts() == [["（三）不予公开", "1.属于国家秘密"], ["", "2.其他法律行政法规禁止公开"]]


def test_auto_numbered_headings_segment_the_report() -> None:
    heading = '<w:pStyle w:val="Heading1"/>'
    titles = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"]
    titles += ["政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]
    body = p("测试局2024年度政府信息公开工作年度报告") + "".join(p(t, heading) + p("正文。") for t in titles)
    segmentation = dp.segment(package(body, numbering=NUMBERING, styles=STYLES))
    assert [s.heading for s in segmentation.sections] == [
        f"{n}、{t}" for n, t in zip("一二三四五六", titles, strict=True)
    ]


def test_a_list_defined_by_a_numbering_style_and_level_restarts() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="5"><w:numStyleLink w:val="CnList"/></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="7"><w:styleLink w:val="CnList"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>'
        '<w:lvlRestart w:val="0"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="5"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="7"/></w:num>'
    )
    styles = (
        '<w:style w:type="numbering" w:styleId="CnList">'
        '<w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>'
    )
    body = p("甲", _num(5)) + p("乙", _num(5, 1)) + p("丙", _num(5)) + p("丁", _num(5, 1))
    doc = _read(package(body, numbering=numbering, styles=styles))
    # numId 5 defers to the list the numbering style CnList defines; level 2 never restarts
    # (w:lvlRestart 0), and %1 keeps level 1's own format (no w:isLgl).
    assert _texts(doc) == ["一、甲", "一.1 乙", "二、丙", "二.2 丁"]


def test_an_embedded_foreign_chunk_is_noted() -> None:
    doc = _read(package(p("前") + '<w:altChunk r:id="rIdX"/>' + p("后")))
    assert _texts(doc) == ["前", "后"] and [code for code, _, _ in doc.notes] == ["W2"]


@pytest.mark.parametrize(
    ("n", "fmt", "text"),
    [
        (3, "chineseCounting", "三"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (105, "chineseCountingThousand", "一百零五"),
        (2024, "ideographDigital", "二〇二四"),
        (11, "chineseLegalSimplified", "壹拾壹"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "ideographTraditional", "乙"),
        (12, "decimalFullWidth", "１２"),
        (28, "upperLetter", "BB"),
        (14, "lowerRoman", "xiv"),
        (7, "decimalZero", "07"),
        (4, "no-such-format", "4"),
    ],
)
def test_number_formats(n: int, fmt: str, text: str) -> None:
    assert format_number(n, fmt) == text


def test_one_scan_and_settle_first_agree(
    synth_report: tuple[dict[str, int | float], bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A body with nothing to settle but images is read in one traversal; any other element
    # (a tracked change, a text box) makes the reader settle first and scan again. Treating
    # images as needing it too must change nothing.
    drawing = (
        '<w:r><w:drawing><wp:inline><wp:docPr id="2" name="图片 2" descr="表格截图"/><a:graphic><a:graphicData>'
        '<pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )
    numbered = (
        '<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>一、总体情况</w:t><w:tab/><w:t>x</w:t></w:r></w:p>'
    )
    sources = [
        synth_report[1],
        package(numbered + f"<w:p>{drawing}</w:p>" + tbl([tr(tc("附图", SPAN2), tc("1"))], 3)),
    ]
    one_scan = [_read(data).blocks for data in sources]
    monkeypatch.setattr(prepare_module, "_IMAGES", frozenset())
    settled_first = [_read(data).blocks for data in sources]
    assert one_scan == settled_first
    assert any(isinstance(b, Figure) for b in one_scan[1]) and any(isinstance(b, RawTable) for b in one_scan[0])
