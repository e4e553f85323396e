"""Which cells of a row are its values when a converter padded the row or lost its columns.

Each case once gave wrong numbers on a re-converted real report; now the row is read from
evidence its own table gives, or refused with a finding.
"""

from __future__ import annotations

import random

import disclosure_parser as dp
from disclosure_parser.document import Location, RawTable
from disclosure_parser.schema import APPLICANT_COLUMNS
from disclosure_parser.tables.appeals import _group_hint
from disclosure_parser.tables.rows import Row, ValueFit, fit_values

from .synth import consistent

_HEAD = "测试局2019年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n"


def _part3(rows: list[str]) -> str:
    # The header as markdownify writes a two-level header it cannot span: its cells are no guide.
    header = "|  |  |  |  |  |  |  |  |  |  |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
    header += (
        "| 自然人 | 法人或其他组织 | | | | | 总计 |\n| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
    )
    return _HEAD + header + "\n".join(rows) + "\n\n四、政府信息公开行政复议、行政诉讼情况\n\n无。\n"


def _row(label: str, values: list[str]) -> Row:
    table = RawTable(grid=[], index=0)
    locs = [Location(table=0, row=0, col=c) for c in range(1, 1 + len(values))]
    return Row([label, *values], [Location(), *locs], [label], values, locs, table=table, grid_row=0)


def test_blanks_at_both_ends_are_not_guessed_away() -> None:
    # Seven values wanted, eight cells with a blank at each end: the padding could be either.
    assert fit_values(_row("（一）予以公开", ["", "25", "3", "", "", "1", "1", ""]), 7) is None
    fitted = fit_values(_row("（一）予以公开", ["", "25", "3", "", "", "1", "1", ""]), 7, first_col=2)
    assert fitted is not None and [raw for raw, _ in fitted] == ["25", "3", "", "", "1", "1", ""]
    # One end only, or every window alike (all blank): nothing to decide.
    one_end = fit_values(_row("x", ["", "", "1", "2", "3", "4", "5", "6", "21"]), 7)
    assert one_end is not None and one_end[0][0] == "1"
    assert fit_values(_row("x", [""] * 9), 7) == [("", Location(table=0, row=0, col=c)) for c in range(1, 8)]


def test_a_padded_row_takes_the_columns_of_its_tables_rows_of_the_same_width() -> None:
    text = _part3(
        [
            "| 一、本年新收政府信息公开申请数量 | | | 40 | 5 |  |  | 2 | 1 | 48 |",
            "| 二、上年结转政府信息公开申请数量 | | | 3 |  |  |  |  |  | 3 |",
            "| 三、本年度办理结果 | （一）予以公开 | | 25 | 3 |  |  | 1 | 1 |  |",
            "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | | 4 |  |  |  |  |  |  |",
            "| （三）不予公开 | 1.属于国家秘密 | 2 |  |  |  |  |  |  |",
        ]
    )
    cells = dp.parse(text).cells()
    granted = [cells[f"applications.granted.{c}"] for c, _ in APPLICANT_COLUMNS]
    partial = [cells[f"applications.partially_granted.{c}"] for c, _ in APPLICANT_COLUMNS]
    assert granted == [25, 3, None, None, 1, 1, None]
    assert partial == [4, None, None, None, None, None, None]  # as the 1.属于国家秘密 row of its width


def test_rows_of_one_width_that_disagree_decide_nothing() -> None:
    rows = [_row("a", ["", "1", "2", "3", "4", "5", "6", "21"]), _row("b", ["", "7", "", "", "", "", "", ""])]
    moved = _row("c", ["9", "", "", "", "", "", "", "9"])  # unambiguous, but its values start a column earlier
    fit = ValueFit([*rows, moved])
    assert fit(rows[1], 7) is None


def test_a_line_of_numbers_alone_is_no_row() -> None:
    # pdftotext -layout of part 四 with blank columns: the numbers' columns are lost, and
    # "5 " once passed for the label of the other five numbers.
    part4 = "\n".join(
        [
            "四、政府信息公开行政复议、行政诉讼情况",
            "             行政复议                        行政诉讼",
            "                          未经复议直接起诉                        复议后起诉",
            "             结果维持 结果纠正 其他结果 尚未审结 总计",
            "        结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计",
            "",
            "             5                  2    7   8             1         9",
            "",
            "五、存在的主要问题及改进情况",
            "无。",
        ]
    )
    md = consistent("2019", random.Random(5)).render_md()
    report = dp.parse(md[: md.index("四、政府信息公开行政复议")] + part4)
    assert report.template == "2019" and report.cell("applications.new_received.total").value is not None
    got = {k: v for k, v in report.cells().items() if k.startswith(("review", "litigation")) and v is not None}
    assert got == {}


def test_a_caption_naming_both_litigation_groups_names_neither() -> None:
    assert _group_hint(["行政诉讼", "未经复议直接起诉                        复议后起诉"]) is None
    assert _group_hint(["行政复议", "复议后起诉"]) == "litigation_after_review"
    assert _group_hint(["未经复议直接起诉", "结果维持"]) == "litigation_direct"


def test_a_row_that_fits_by_count_but_not_under_its_header_follows_the_header() -> None:
    # PDF → Markdown of a table cut off at the right: 其他 and 总计 have no header, and an empty
    # cell before the numbers makes the count fit exactly, one column off.
    text = (
        "# 测试局2023年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n"
        "|  |  | 自然人 | 法人或其他组织 |  |  |  |  |\n|---|---|---|---|---|---|---|---|\n"
        "|  |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 |  |\n"
        "| 一、本年新收政府信息公开申请数量 |  | 59 | 55 | 57 | 71 | 60 |  |\n"
        "| 二、上年结转政府信息公开申请数量 |  | 2 | 1 | 3 | 1 | 1 |  |\n\n"
        "四、政府信息公开行政复议、行政诉讼情况\n"
    )
    report = dp.parse(text)
    row = [report.cells()[f"applications.new_received.{c}"] for c, _ in APPLICANT_COLUMNS]
    assert row == [59, 55, 57, 71, 60, None, None]
    assert any(f.code == "T3" and "其他" in f.message for f in report.findings)


def test_a_header_lacking_its_first_label_does_not_override_a_fit_with_blanks() -> None:
    # 麻阳 2020 (spec §7): 自然人 missing from the header, the rest shifted left; a row of
    # natural persons only has blanks, and the header's 商业企业 column holds its first number.
    text = (
        "# 测试局2020年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n"
        "|  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |  |\n|---|---|---|---|---|---|---|---|\n"
        "| 一、本年新收政府信息公开申请数量 | 5 |  |  |  |  |  | 5 |\n"
        "| 二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |\n\n四、政府信息公开行政复议、行政诉讼情况\n"
    )
    cells = dp.parse(text).cells()
    assert [cells[f"applications.new_received.{c}"] for c, _ in APPLICANT_COLUMNS] == [
        5,
        None,
        None,
        None,
        None,
        None,
        5,
    ]
    assert cells["applications.carried_over.natural_person"] == 2


def test_part_two_items_of_two_and_three_values_in_one_table_take_their_headers_columns() -> None:
    # markdownify of one 2019 part-二 table: every row four cells wide, 行政许可 with three values
    # and 行政事业性收费 with two; a three-value row says nothing about a two-value one.
    rows = [
        "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
        "| 行政许可 |  | 2 | 412 |",
        "| 信息内容 | 上一年项目数量 | 本年增/减 |  |",
        "| 行政事业性收费 |  | 3 |  |",
    ]
    md = consistent("2019", random.Random(7)).render_md()
    start, end = md.index("二、主动公开政府信息情况"), md.index("三、收到和处理政府信息公开申请情况")
    table = "|  |  |  |  |\n| --- | --- | --- | --- |\n" + "\n".join(rows) + "\n\n"
    cells = dp.parse(md[:start] + "二、主动公开政府信息情况\n\n" + table + md[end:]).cells()
    assert (cells["proactive.fees.previous_items"], cells["proactive.fees.change"]) == (None, 3)
    assert [cells[f"proactive.licensing.{c}"] for c in ("previous_items", "change", "decisions")] == [None, 2, 412]
