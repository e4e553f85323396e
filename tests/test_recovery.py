"""Run-together numbers (spec §6, §12): split only when the template's relations allow one answer."""

from __future__ import annotations

import random
from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

import disclosure_parser as dp
from disclosure_parser.schema import APPEAL_GROUPS, APPEAL_LEAVES, APPLICANT_COLUMNS, APPLICATION_ROWS
from disclosure_parser.tables.recovery import split_groups, split_with_total, valid_splits

from .synth import consistent


def test_known_dumps() -> None:
    assert split_with_total("640020470", 7) == [["64", "0", "0", "2", "0", "4", "70"]]
    assert split_with_total("230 000023", 7) == [["23", "0", "0", "0", "0", "0", "23"]]
    assert split_with_total("23 0 00 0 023", 7) == [["23", "0", "0", "0", "0", "0", "23"]]
    assert len(split_with_total("220000022", 7)) == 2  # ambiguous under C3 alone
    assert split_groups("21317000001324019", 3, 5) == [
        ["2", "1", "3", "1", "7", "0", "0", "0", "0", "0", "13", "2", "4", "0", "19"]
    ]


def test_no_leading_zeros_signs_and_decimals_only_where_allowed() -> None:
    splits, complete = valid_splits("35-15", ["int", "signed_int"])
    assert complete and splits == [["35", "-15"]]
    assert valid_splits("0012", ["int", "int"])[0] == []
    assert valid_splits("18651.06", ["decimal"])[0] == [["18651.06"]]
    assert valid_splits("1.5", ["int"])[0] == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 3000), min_size=6, max_size=6))
def test_c3_rows_recovered_exactly_when_unique(values: list[int]) -> None:
    row = [*values, sum(values)]
    blob = "".join(str(v) for v in row)
    found = split_with_total(blob, 7)
    assert [str(v) for v in row] in found  # the truth is always among the answers
    if len(found) == 1:
        assert found[0] == [str(v) for v in row]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 60), min_size=4, max_size=4), min_size=3, max_size=3))
def test_appeal_rows_recovered_exactly_when_unique(groups: list[list[int]]) -> None:
    row = [str(v) for g in groups for v in [*g, sum(g)]]
    found = split_groups("".join(row), 3, 5)
    assert row in found
    if len(found) == 1:
        assert found[0] == row


def _pingtan_style(synth_cells: Mapping[str, int | float | str], template: str) -> str:
    """A report whose tables are flattened into one string, cells run together."""
    parts = [
        "平潭测试区2024年度政府信息公开工作年度报告 一、总体情况 概述。三、收到和处理政府信息公开申请情况",
        "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他",
    ]
    for row in APPLICATION_ROWS:
        if template not in row.templates or (template == "2021" and row.key == "other"):
            continue
        parts.append(row.label + "".join(str(synth_cells[f"applications.{row.key}.{c}"]) for c, _ in APPLICANT_COLUMNS))
    parts.append("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计")
    parts.append("".join(str(synth_cells[f"{g}.{leaf}"]) for g, _ in APPEAL_GROUPS for leaf, _ in APPEAL_LEAVES))
    parts.append("五、存在的主要问题及改进情况无。六、其他需要报告的事项无。")
    return "".join(parts)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_flattened_report_never_gives_a_wrong_number(seed: int) -> None:
    synth = consistent("2021", random.Random(seed), high=12)
    report = dp.parse(_pingtan_style(synth.cells, "2021"))
    got = report.cells()
    for key, value in got.items():
        if key.startswith(("applications.", "review.", "litigation")) and value is not None:
            assert value == synth.cells[key], key
    ambiguous = [f for f in report.findings if f.code == "R2"]
    empty_rows = {k.rsplit(".", 1)[0] for k, v in got.items() if k.startswith("applications.") and v is None}
    # every row left empty is explained by an R2 finding (or is the unused 2021 single （六） row)
    explained = {c.rsplit(".", 1)[0] for f in ambiguous for c in f.cells} | {"applications.other"}
    assert empty_rows <= explained
    # part 四 likewise: recovered exactly, or named by an R2 finding
    named = {c for f in ambiguous for c in f.cells}
    assert got["review.total"] == synth.cells["review.total"] or "review.total" in named


def test_ambiguous_row_is_none_with_a_finding() -> None:
    text = (
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
        "规章000行政规范性文件6233440"
    )
    report = dp.parse(text + "三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量21710000218")
    cells = report.cells()
    assert [cells[f"proactive.rules.{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 0]
    assert cells["proactive.normative_documents.issued"] is None
    assert any(f.code == "R2" and "6233440" in (f.raw or "") for f in report.findings)
    assert cells["applications.new_received.natural_person"] == 217
    assert cells["applications.new_received.total"] == 218


def test_run_together_cells_of_a_page_that_leaves_cells_blank_are_not_split() -> None:
    # A blank cell prints nothing in such text: 18 6 23 _ 1 7 55 runs together as 186231755,
    # whose only seven-cell split by C3 is 1 8 6 2 31 7 55. A row printing fewer than seven
    # digits shows the page leaves cells blank; then no row is split by count.
    synth = consistent("2021", random.Random(20))
    cells: dict[str, int | float | str] = dict(synth.cells)
    row = dict(zip([c for c, _ in APPLICANT_COLUMNS], [18, 6, 23, "", 1, 7, 55], strict=True))
    cells.update({f"applications.unavailable_not_held.{c}": v for c, v in row.items()})
    cells.update(
        {
            f"applications.granted.{c}": v
            for c, v in zip([c for c, _ in APPLICANT_COLUMNS], [1, 1, "", "", 1, "", 3], strict=True)
        }
    )
    # Part 四 of such a page: _ 2 15 15 32 | 2 8 15 5 30 | 5 12 3 15 35 prints 2151532281553051231535,
    # whose only split by C4–C6 into fifteen cells starts 21 5 1 5 32.
    four = ["", 2, 15, 15, 32, 2, 8, 15, 5, 30, 5, 12, 3, 15, 35]
    keys = [f"{g}.{leaf}" for g, _ in APPEAL_GROUPS for leaf, _ in APPEAL_LEAVES]
    cells.update(dict(zip(keys, four, strict=True)))
    report = dp.parse(_pingtan_style(cells, "2021"))
    got = report.cells()
    assert all(got[f"applications.unavailable_not_held.{c}"] is None for c, _ in APPLICANT_COLUMNS)
    assert any(f.code == "R2" and f.raw == "186231755" for f in report.findings)
    assert all(v is None for k, v in got.items() if k.startswith(("review.", "litigation")))
    assert any(f.code == "R2" and f.section == dp.SectionId.APPEALS for f in report.findings)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_a_flattened_report_leaving_zeros_blank_never_gives_a_wrong_number(seed: int) -> None:
    synth = consistent("2021", random.Random(seed), high=30)
    cells = {k: ("" if v == 0 else v) for k, v in synth.cells.items()}
    for key, value in dp.parse(_pingtan_style(cells, "2021")).cells().items():
        if key.startswith(("applications.", "review.", "litigation")) and value is not None:
            assert value == synth.cells[key], key
