"""Title, agency and year from the lines before part 一."""

from __future__ import annotations

from disclosure_parser.document import Paragraph
from disclosure_parser.metadata import read_meta

MENU = ["首页", "政务公开", "政府信息公开", "政府信息公开年报"] * 4


def _meta(lines: list[str], properties: dict[str, str] | None = None) -> tuple[str | None, int | None]:
    meta = read_meta([Paragraph(t) for t in lines], [], "\n".join(lines), properties or {})
    return meta.agency, meta.year


def test_docx_title_names_a_saved_page_whose_body_opens_with_portal_menus() -> None:
    # pingtan_zonghe_2020_derived.docx: 20+ menu lines before the title in the body.
    lines = [*MENU, "当前位置：", "政府信息公开年报", "平潭综合实验区2020年度政府信息公开工作年度报告"]
    props = {"docx:title": "平潭综合实验区2020年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会"}
    assert _meta(lines, props) == ("平潭综合实验区", 2020)


def test_menu_line_before_a_one_line_title_is_not_glued_to_the_agency() -> None:
    assert _meta(["政府信息公开年报", "平潭综合实验区2023年度政府信息公开工作年度报告"]) == ("平潭综合实验区", 2023)


def test_agency_on_the_line_above_a_title_without_one_is_kept() -> None:
    assert _meta(["繁峙县乡村振兴局", "2023年度政府信息公开工作年度报告"]) == ("繁峙县乡村振兴局", 2023)


def test_container_title_is_the_last_resort() -> None:
    props = {"docx:title": "平潭综合实验区2021年度政府信息公开工作年度报告_政府信息公开年报"}
    assert _meta(["无关的一行"], props) == ("平潭综合实验区", 2021)
    assert _meta(["某县2022年度政府信息公开工作年度报告"], props) == ("某县", 2022)
