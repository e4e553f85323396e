"""TXT/Markdown reader: table grids rebuilt from the flattened shapes of spec §12."""

from __future__ import annotations

from disclosure_parser.document import Paragraph, RawTable
from disclosure_parser.readers.text import parse_text


def _tables(text: str) -> list[RawTable]:
    return [b for b in parse_text(text).blocks if isinstance(b, RawTable)]


def test_tab_rows_with_merged_cells_and_blank_line_separators() -> None:
    text = "前言\n\t一、本年新收\n\t5\n\t\n\t5\n\n\t\n\t（一）予以公开\n\t3\n\n正文继续\n"
    (table,) = _tables(text)
    assert table.aligned is False
    assert [[c.text for c in table.row_cells(r)] for r in range(table.n_rows)] == [
        ["一、本年新收", "5", "", "5"],
        ["", "（一）予以公开", "3"],
    ]
    paragraphs = [b.text for b in parse_text(text).blocks if isinstance(b, Paragraph)]
    assert paragraphs == ["前言", "正文继续"]


def test_bookmark_artefact_and_trailing_page_number_removed() -> None:
    doc = parse_text("[bookmark: _GoBack]一、总体情况\n正文。\n\n3\n")
    assert [b.text for b in doc.blocks] == ["一、总体情况", "正文。"]


def test_page_number_lines_dropped_anywhere() -> None:
    doc = parse_text("第一段\n— 4 —\n第 2 页 共 5 页\n- 3 -\n第二段\n")
    assert [b.text for b in doc.blocks] == ["第一段", "第二段"]


def test_page_number_between_tab_rows_does_not_split_table() -> None:
    (table,) = _tables("\t规章\n\t0\n\n12\n\n\t行政规范性文件\n\t3\n")
    assert table.n_rows == 2


def test_markdown_pipe_tables_split_into_pieces() -> None:
    text = "| a | b |\n|---|---|\n| 1 | 2 |\n\n（续表）\n\n| a | b |\n|---|---|\n| 3 | 4 |\n"
    first, second = _tables(text)
    assert first.texts() == [["a", "b"], ["1", "2"]]
    assert second.texts() == [["a", "b"], ["3", "4"]]
    assert first.aligned and second.index == 1


def test_markdown_headings_keep_level() -> None:
    doc = parse_text("## 二、主动公开政府信息情况\n### 第二十条第（一）项\n")
    assert [(b.text, b.level) for b in doc.blocks] == [("二、主动公开政府信息情况", 2), ("第二十条第（一）项", 3)]


def test_crawler_header_becomes_properties() -> None:
    text = "标题: 某区2024年度政府信息公开工作年度报告\n发布时间: 2025-03-10 15:35\n==== 正文 ====\n正文第一段\n"
    doc = parse_text(text)
    assert doc.properties == {"标题": "某区2024年度政府信息公开工作年度报告", "发布时间": "2025-03-10 15:35"}
    assert [b.text for b in doc.blocks] == ["正文第一段"]


def test_escaped_pipe_inside_cell() -> None:
    (table,) = _tables("| a \\| b | c |\n")
    assert table.texts() == [["a | b", "c"]]


def test_run_together_cells_stay_text() -> None:
    """Pingtan-style dumps concatenate cells: the reader keeps the text, it does not invent a table."""
    text = "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数规章000行政规范性文件6233440"
    doc = parse_text(text)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph"]


def test_pipe_rows_without_outer_pipes_make_a_table_two_or_more_at_a_time() -> None:
    # html2text's default output: no outer pipes, and no separator line under most tables.
    doc = parse_text("信息内容| 本年制发件数| 本年废止件数| 现行有效件数  \n规章|  0| 0| 0  \n\n单独一行 | 不是表格\n")
    tables = [b for b in doc.blocks if isinstance(b, RawTable)]
    assert [t.texts() for t in tables] == [
        [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"]]
    ]
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["单独一行 | 不是表格"]


def test_strong_emphasis_is_markup_not_text() -> None:
    doc = parse_text(
        "**标题：** 沭阳县发展和改革局2023年政府信息公开年度报告\n\n| **总计** | 5 |\n|---|---|\n\n2**3 与 a ** b\n"
    )
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs == ["标题： 沭阳县发展和改革局2023年政府信息公开年度报告", "2**3 与 a ** b"]
    assert [b.texts() for b in doc.blocks if isinstance(b, RawTable)] == [[["总计", "5"]]]
