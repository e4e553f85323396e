"""Grids that lack columns (a table cut off at the page edge) and titles after portal chrome.

Both came up with PDFs printed from web pages (the LibreOffice-derived corpus PDFs):
tables wider than the page lose their last columns, and the page's menus come before
the report's title.
"""

from __future__ import annotations

from disclosure_parser.document import Paragraph, RawTable
from disclosure_parser.metadata import read_meta
from disclosure_parser.tables.appeals import normalise_appeals
from disclosure_parser.tables.applications import normalise_applications
from disclosure_parser.tables.cells import Findings
from disclosure_parser.tables.rows import section_rows

_APPLICANT_HEADER = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构"]


def test_part_three_read_by_a_header_that_names_only_some_columns() -> None:
    table = RawTable.from_rows(
        [
            _APPLICANT_HEADER,
            ["一、本年新收政府信息公开申请数量", "26", "", "", "", ""],
            ["（七）总计", "26", "1", "", "", ""],
        ]
    )
    findings = Findings()
    matrix = normalise_applications(section_rows([table]), "2021", findings)
    assert matrix is not None and matrix.new_received is not None and matrix.total_processed is not None
    assert matrix.new_received.natural_person.value == 26
    assert matrix.total_processed.commercial_enterprise.value == 1
    assert matrix.new_received.total.value is None and matrix.new_received.other_org.value is None
    assert [f.message for f in findings if f.code == "T3"] == [
        "part 三 table has no column 其他、总计 (cut off?); those cells are left empty"
    ]


def test_seven_values_under_an_incomplete_header_are_still_read_in_template_order() -> None:
    # 自然人 missing from the header, as in 麻阳 2020 (spec §7)
    header = ["", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计", ""]
    table = RawTable.from_rows([header, ["一、本年新收政府信息公开申请数量", "5", "1", "0", "0", "0", "0", "6"]])
    matrix = normalise_applications(section_rows([table]), "2021", Findings())
    assert matrix is not None and matrix.new_received is not None
    assert (matrix.new_received.natural_person.value, matrix.new_received.total.value) == (5, 6)


def test_part_four_read_by_its_header_when_a_column_is_cut_off() -> None:
    leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    table = RawTable.from_rows(
        [
            ["行政复议"] * 5 + ["行政诉讼"] * 9,
            leaves + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 4,
            leaves + leaves + leaves[:4],
            ["1", "0", "0", "1", "2", "0", "0", "0", "0", "0", "3", "0", "0", "0"],
        ]
    )
    findings = Findings()
    result = normalise_appeals(section_rows([table]), findings)
    assert result is not None
    assert result.review.total.value == 2 and result.litigation_after_review.upheld.value == 3
    assert result.litigation_after_review.total.value is None
    assert [f.cells for f in findings if f.code == "T3"] == [["litigation_after_review.total"]]


def test_title_after_a_screenful_of_portal_menus() -> None:
    menus = ["首页", "政务公开", "解读回应", "办事服务", "互动交流", "走进平潭", "政府信息公开", "领导之窗"]
    lines = [*menus, "政府机构", "要闻", "当前位置：", "首页", "政府信息公开年报"]
    preamble = [Paragraph(t) for t in [*lines, "平潭综合实验区2023年度政府信息公开工作年度报告", "来源：管委会办公室"]]
    meta = read_meta(preamble, [], "", {})
    assert (meta.agency, meta.year) == ("平潭综合实验区", 2023)
