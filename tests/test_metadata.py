"""Title, agency and year from the lines before part 一, or from the container's title."""

from __future__ import annotations

import disclosure_parser as dp
from disclosure_parser.document import Paragraph
from disclosure_parser.metadata import read_meta

MENU = ["首页", "政务公开", "政府信息公开", "政府信息公开年报"] * 4
DOCX_TITLE = {"docx:title": "平潭综合实验区2020年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区管委会"}


def _meta(lines: list[str], properties: dict[str, str] | None = None) -> tuple[str | None, int | None]:
    meta = read_meta([Paragraph(t) for t in lines], [], "\n".join(lines), properties or {})
    return meta.agency, meta.year


def test_docx_core_title_names_a_document_whose_text_has_none() -> None:
    assert _meta([*MENU, "根据《条例》编制本报告。"], DOCX_TITLE) == ("平潭综合实验区", 2020)


def test_the_printed_title_wins_over_the_docx_core_title() -> None:
    assert _meta(["某县2022年度政府信息公开工作年度报告"], DOCX_TITLE) == ("某县", 2022)


def test_title_variants() -> None:
    import disclosure_parser as dp

    cases = {
        "某市统计局政府信息公开工作2023年度报告": ("某市统计局", 2023),
        "关于某县人民政府2023年度政府信息公开工作的年度报告": ("某县人民政府", 2023),
        "某区教育局\n2023年政府信息公开工作年度报告": ("某区教育局", 2023),
        "2024 年上海市某委政府信息公开工作\n年度报告": ("上海市某委", 2024),
    }
    for title, expected in cases.items():
        report = dp.parse(title + "\n一、总体情况\n正文。\n")
        assert (report.meta.agency, report.meta.year) == expected, title


def test_a_field_name_before_the_title_is_not_part_of_it() -> None:
    # html2text keeps a portal's field table: ``**标题：** 沭阳县发展和改革局2023年…``.
    report = dp.parse("**标题：** 沭阳县发展和改革局2023年政府信息公开年度报告\n\n一、总体情况\n\n正文。\n")
    assert report.meta.title == "沭阳县发展和改革局2023年政府信息公开年度报告"
    assert report.meta.agency == "沭阳县发展和改革局" and report.meta.year == 2023


def test_a_field_name_before_the_title_is_in_neither_title_nor_agency() -> None:
    report = dp.parse("文章标题：沭阳县发展和改革局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n")
    assert report.meta.title == "沭阳县发展和改革局2023年政府信息公开工作年度报告"
    assert report.meta.agency == "沭阳县发展和改革局"
