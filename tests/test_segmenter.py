"""Segmenter: heading variants, punctuation, artefacts, and the table-row traps."""

from __future__ import annotations

import pytest

import disclosure_parser as dp
from disclosure_parser import SectionId

CANONICAL = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def _ids(text: str) -> list[str]:
    return [s.id.value for s in dp.segment(text).sections]


def test_canonical_headings() -> None:
    text = "\n".join(f"{h}\n正文{i}。" for i, h in enumerate(CANONICAL))
    seg = dp.segment(text)
    assert [s.heading for s in seg.sections] == CANONICAL
    assert seg.missing == []


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("一、工作基本情况", "一"),
        ("[bookmark: _GoBack]一、总体情况", "一"),
        ("一. 总体情况", "一"),
        ("## 一、 总 体 情 况", "一"),
        ("二、行政机关主动公开政府信息情况", "二"),
        ("三、行政机关收到和处理政府信息公开申请情况", "三"),
        ("四、因政府信息公开工作被申请行政复议提起行政诉讼情况", "四"),
        ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "四"),
        ("四、因政府信息公开申请行政复议、提起行政诉讼的情况", "四"),
        ("四、政府信息公开行政法复议、行政诉讼情况", "四"),
        ("五、政府信息公开工作存在的主要问题及改进情况", "五"),
        ("五、存在的主要问题及整改措施", "五"),
        ("五、存在问题及改进情况", "五"),
        ("六、其它需要报告的事项", "六"),
        ("六、其他需要报告的情况", "六"),
        ("六、其他需要报告的事项：", "六"),
    ],
)
def test_heading_variants(heading: str, part: str) -> None:
    assert _ids(f"报告\n{heading}\n正文。\n") == [part]


def test_table_row_labels_are_not_headings() -> None:
    text = "\n".join(
        [
            CANONICAL[2],
            "三、本年度办理结果",
            "四、结转下年度继续办理",
            "三是提高解读效能。",
            CANONICAL[3],
            "正文",
        ]
    )
    seg = dp.segment(text)
    assert [s.id.value for s in seg.sections] == ["三", "四"]
    assert seg.get(SectionId.APPLICATIONS) is not None
    assert "四、结转下年度继续办理" in seg.sections[0].text()


def test_headings_inside_run_together_text() -> None:
    text = (
        "本报告所列数据统计期限为2024年1月1日至12月31日。一、总体情况 2024年，…。二、主动公开政府信息情况第二十条…"
        "四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况行政复议…六、其他需要报告的事项无。"
    )
    seg = dp.segment(text)
    assert [s.id.value for s in seg.sections] == ["一", "二", "四", "六"]
    assert seg.sections[-1].text() == "无。"
    assert seg.missing == [SectionId.APPLICATIONS, SectionId.PROBLEMS]


def test_renumbered_parts_found_by_title() -> None:
    """Shanghai departments number the table parts 一/二/三; titles decide."""
    text = (
        "一、总体情况\n正文\n一、主动公开政府信息情况\n表\n二、收到和处理政府信息公开申请情况\n表\n"
        "三、政府信息公开行政复议、行政诉讼情况\n表\n四、存在的主要问题及改进情况\n正文\n五、其他需要报告的事项\n无\n"
    )
    assert _ids(text) == ["一", "二", "三", "四", "五", "六"]


def test_prose_between_heading_and_table_stays_in_part() -> None:
    text = (
        "二、主动公开政府信息情况\n该部分以表格形式报告。表格如下：\n"
        "| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 1 |\n"
    )
    (part,) = dp.segment(text).sections
    assert part.text() == "该部分以表格形式报告。表格如下："
    assert len(part.tables()) == 1


def test_missing_part_is_a_finding_not_a_crash() -> None:
    text = "\n".join(
        [CANONICAL[0], "本年新收政府信息公开申请数量 予以公开 本年制发件数 本年废止件数", CANONICAL[5], "无"]
    )
    report = dp.parse(text)
    missing = {f.section for f in report.findings if f.code == "S1"}
    assert missing == {SectionId.PROACTIVE, SectionId.APPLICATIONS, SectionId.APPEALS, SectionId.PROBLEMS}
