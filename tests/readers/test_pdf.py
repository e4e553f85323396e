"""PDF reader: ruled tables across pages, CJK text, page furniture, text-layer checks, hostile files.

Fixtures are drawn in the tests with reportlab (``pdf_fixtures``/``pdf_report``); the
real reports of ../shared/corpus are checked at the end (skipped when absent).
"""

from __future__ import annotations

import io
import time

import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen.canvas import Canvas

import disclosure_parser as dp
from disclosure_parser.document import Paragraph, RawDocument, RawTable
from disclosure_parser.options import ParseOptions
from disclosure_parser.readers.pdf import PdfReader

from ..conftest import CORPUS, needs_corpus
from .pdf_fixtures import FONT, PAGE_H, PAGE_W, GridCell, Page, glyph_soup, make_pdf, many_pages, wrap
from .pdf_report import report_pdf


def _read(data: bytes, **options: int) -> RawDocument:
    return PdfReader().read(data, options=ParseOptions(**options), name="test.pdf")


def _tables(doc: RawDocument) -> list[RawTable]:
    return list(doc.tables())


def _rows(table: RawTable) -> list[list[str]]:
    return [[c.text for c in table.row_cells(r)] for r in range(table.n_rows)]


def _grid_pages(*parts: tuple[list[float], list[GridCell]], xs: list[float] | None = None) -> bytes:
    cols = xs or [72.0, 200.0, 260.0, 320.0]
    return make_pdf([Page([("grid", cols, heights, cells)]) for heights, cells in parts])


def _row(r: int, texts: list[str]) -> list[GridCell]:
    return [GridCell(r, r + 1, c, c + 1, [t] if t else [], center=c > 0) for c, t in enumerate(texts)]


@pytest.fixture(scope="module")
def report() -> bytes:
    return report_pdf()


# --- a whole report ------------------------------------------------------------------------


def test_synthetic_report_parses_completely(report: bytes) -> None:
    r = dp.parse(report, format="pdf")
    assert (r.status, r.template, r.meta.agency, r.meta.year) == ("ok", "2021", "某县人民政府", 2024)
    assert str(r.meta.published) == "2025-01-20"
    cells = r.cells()
    assert cells["applications.new_received.natural_person"] == 20
    assert cells["applications.new_received.total"] == 22
    assert cells["applications.unavailable_not_held.total"] == 6  # last row before the page break
    assert cells["applications.unavailable_needs_creation.total"] == 0  # first row after it
    assert cells["applications.total_processed.total"] == 20
    assert cells["applications.carried_forward.total"] == 5
    assert cells["proactive.licensing.decisions"] == 2020  # "20" "20", never 2 and 0
    assert cells["proactive.coercion.decisions"] == 20
    assert cells["proactive.fees.amount_10k_yuan"] == 12.5
    assert (cells["review.total"], cells["litigation_direct.total"]) == (3, 1)
    assert [f.code for f in r.findings] == []


def test_table_across_a_page_break_is_one_grid_without_the_repeated_header(report: bytes) -> None:
    table = _tables(_read(report))[1]
    texts = [c.text for r in range(table.n_rows) for c in table.row_cells(r)]
    assert texts.count("申请人情况") == 1  # the header printed again on page 3 is dropped
    assert table.n_rows == 3 + 25
    block = next(c for c in (table.grid[5][0], table.grid[20][0]) if c is not None)
    assert block.text == "三、本年度办理结果"  # one character per line, rejoined
    assert block is table.grid[26][0] and block.rowspan == 22  # and it goes on past the break
    unavailable = table.grid[15][1]
    assert unavailable is not None and unavailable.text == "（四）无法提供"  # （四）无 / 法提供
    assert unavailable.rowspan == 3 and unavailable is table.grid[17][1]
    assert unavailable.location.page == 2


def test_labels_spaced_or_one_character_per_line_are_rejoined(report: bytes) -> None:
    tables = _tables(_read(report))
    header = _rows(tables[1])[1]
    assert header == ["自然人", "法人或其他组织", "总计"]  # 总 计
    assert _rows(tables[2])[2][:5] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def test_page_numbers_and_running_headers_are_dropped(report: bytes) -> None:
    texts = [p.text for p in _read(report).paragraphs()]
    assert not any("- " in t or "专刊" in t for t in texts)
    assert texts[:2] == ["某县人民政府", "2024年政府信息公开工作年度报告"]


def test_locations_and_properties(report: bytes) -> None:
    doc = _read(report)
    assert doc.format == "pdf" and doc.pages == 3 and doc.ocr_pages == []
    assert "ReportLab" in doc.properties["Producer"]
    heading = next(p for p in doc.paragraphs() if p.text.startswith("四、"))
    assert heading.location.page == 3
    table = _tables(doc)[2]
    cell = table.row_cells(3)[0]
    assert (cell.location.page, cell.location.table, cell.location.row, cell.location.col) == (3, 2, 3, 0)


# --- tables --------------------------------------------------------------------------------


def test_row_split_over_a_page_break_is_put_back_together() -> None:
    """LibreOffice splits a tall row: the label's first line and the numbers before the
    break, the rest of the label (and empty value cells) after it."""
    head = _row(0, ["项目", "甲", "乙"]) + _row(1, ["1.第一项", "1", "2"])
    data = _grid_pages(
        ([16.0] * 3, head + _row(2, ["2.其他法律行", "0", "0"])),
        (
            [28.0, 16.0],
            [
                GridCell(0, 1, 0, 1, ["政法规禁止", "公开"]),
                *_row(0, ["", "", ""])[1:],
                *_row(1, ["3.第三项", "5", "6"]),
            ],
        ),
        xs=[72.0, 130.0, 190.0, 250.0],
    )
    (table,) = _tables(_read(data))
    assert _rows(table) == [
        ["项目", "甲", "乙"],
        ["1.第一项", "1", "2"],
        ["2.其他法律行政法规禁止公开", "0", "0"],
        ["3.第三项", "5", "6"],
    ]


def test_a_number_wrapped_in_a_narrow_cell_is_one_number() -> None:
    """A column too narrow for two digits prints 26 as 2 over 6 (LibreOffice with a wide CJK font)."""
    cells = [
        GridCell(0, 1, 0, 1, ["总计"]),
        GridCell(0, 1, 1, 2, ["2", "6"]),  # 2 and 6 are wider than the whole cell: one number
        GridCell(0, 1, 2, 3, ["2", "6"]),  # room enough: two lines on purpose, kept apart
        GridCell(0, 1, 3, 4, ["2", "6"], right=True),  # right-aligned, ending at the padding: still room
        GridCell(0, 1, 4, 5, ["1", "2"], center=True),  # 12 would fit in 16 points with no padding: apart
        GridCell(0, 1, 5, 6, ["0", "5"]),  # no number starts with 0
    ]
    xs = [72.0, 130.0, 138.0, 200.0, 240.0, 256.0, 264.0]
    data = make_pdf([Page([("grid", xs, [28.0], cells)])])
    (table,) = _tables(_read(data))
    assert _rows(table) == [["总计", "26", "2 6", "2 6", "1 2", "0 5"]]


def test_an_underline_is_no_rule_even_near_a_border() -> None:
    """Underlined numbers (<u> in the page LibreOffice converted): an underline starting a point
    from the cell's border once passed for a rule, cut the cell in two and lost the wrapped 7."""
    cells = [
        GridCell(0, 1, 0, 1, ["总计"]),
        GridCell(0, 1, 1, 2, ["590", "7"], underline=True),
        GridCell(0, 1, 2, 3, ["12"], underline=True),
    ]
    data = make_pdf([Page([("grid", [72.0, 130.0, 152.0, 230.0], [40.0], cells)])])
    (table,) = _tables(_read(data))
    assert _rows(table) == [["总计", "590 7", "12"]]


def test_a_row_split_over_a_page_break_inside_a_wrapped_number() -> None:
    """The label and the number both go on past the break: ``2.其他法律行`` / ``政法规禁止``, ``2`` / ``6``."""
    xs = [72.0, 130.0, 138.0]
    head = _row(0, ["项目", "计"]) + _row(1, ["1.第一项", "1"])
    data = _grid_pages(
        ([16.0] * 3, head + _row(2, ["2.其他法律行", "2"])),
        ([16.0] * 2, _row(0, ["政法规禁止", "6"]) + _row(1, ["3.第三项", "5"])),
        xs=xs,
    )
    (table,) = _tables(_read(data))
    assert _rows(table)[1:] == [["1.第一项", "1"], ["2.其他法律行政法规禁止", "26"], ["3.第三项", "5"]]


def test_a_number_cut_by_the_break_with_nothing_else_on_the_next_page_stays_one_cell() -> None:
    """``1`` ends page 1 and ``8`` starts page 2, the row's label whole above: one cell, ``1 8`` for
    the relations to join (R5), never 1 and a row of its own; a row with a label is a new row."""
    head = _row(0, ["项目", "甲", "总计"]) + _row(1, ["1.第一项", "5", "1"])
    data = _grid_pages(([16.0, 16.0], head), ([16.0, 16.0], _row(0, ["", "", "8"]) + _row(1, ["2.第二项", "3", "4"])))
    (table,) = _tables(_read(data))
    assert _rows(table)[1:] == [["1.第一项", "5", "1 8"], ["2.第二项", "3", "4"]]


@pytest.mark.parametrize(
    ("last", "first"),
    [(["规章", "1", "0"], ["行政规范性文件", "8", ""]), (["1.属于国家秘密", "14", ""], ["行政法规禁止公开", "", ""])],
    ids=["values-follow", "label-ends-before-the-break"],
)
def test_rows_of_the_next_page_are_not_glued_to_the_last_row(last: list[str], first: list[str]) -> None:
    data = _grid_pages(
        ([16.0] * 2, _row(0, ["信息内容", "件数", "金额"]) + _row(1, last)),
        ([16.0] * 2, _row(0, first) + _row(1, ["行政许可", "20", "3"])),
    )
    (table,) = _tables(_read(data))
    assert _rows(table)[1:] == [last, first, ["行政许可", "20", "3"]]


def test_tables_of_different_width_on_two_pages_stay_apart() -> None:
    first = Page([("grid", [72.0, 200.0, 260.0], [16.0] * 2, _row(0, ["甲", "1"]) + _row(1, ["乙", "2"]))])
    second = Page([("grid", [72.0, 150.0, 400.0], [16.0] * 2, _row(0, ["丙", "3"]) + _row(1, ["丁", "4"]))])
    assert len(_tables(_read(make_pdf([first, second])))) == 2


def test_numbers_in_neighbouring_cells_are_never_joined_or_split() -> None:
    xs = [72.0 + 24 * i for i in range(8)]
    cells = _row(0, ["20", "2", "0", "2024", "1", "10", "0"])
    (table,) = _tables(_read(make_pdf([Page([("grid", xs, [16.0], cells)])])))
    assert _rows(table) == [["20", "2", "0", "2024", "1", "10", "0"]]


def test_table_without_outer_side_borders() -> None:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(PAGE_W, PAGE_H))
    rows = [["信息内容", "本年处理决定数量", "备注"], ["行政许可", "97", "暂无"], ["行政处罚", "20", ""]]
    for r, row in enumerate(rows):
        top = 100 + 18 * r
        c.line(72, PAGE_H - top, 360, PAGE_H - top)
        for x, text in zip((74, 202, 292), row, strict=True):
            if text:
                c.setFont(FONT, 9)
                c.drawString(x, PAGE_H - top - 12, text)
    c.line(72, PAGE_H - 154, 360, PAGE_H - 154)
    for x in (200, 290):  # inner borders only: no rule at the left and right of the table
        c.line(x, PAGE_H - 100, x, PAGE_H - 154)
    c.showPage()
    c.save()
    (table,) = _tables(_read(buf.getvalue()))
    assert _rows(table) == [
        ["信息内容", "本年处理决定数量", "备注"],
        ["行政许可", "97", "暂无"],
        ["行政处罚", "20", ""],
    ]


def test_merged_cells_are_one_object_at_every_position() -> None:
    cells = [GridCell(0, 1, 0, 3, ["第二十条第（五）项"]), GridCell(1, 3, 0, 1, ["合并"])]
    cells += _row(1, ["", "a", "1"])[1:] + _row(2, ["", "b", "2"])[1:]
    (table,) = _tables(_read(make_pdf([Page([("grid", [72.0, 200.0, 260.0, 320.0], [16.0] * 3, cells)])])))
    caption, merged = table.grid[0][0], table.grid[1][0]
    assert caption is table.grid[0][2] and caption is not None and caption.colspan == 3
    assert merged is table.grid[2][0] and merged is not None and merged.rowspan == 2
    assert _rows(table) == [["第二十条第（五）项"], ["合并", "a", "1"], ["b", "2"]]


def test_unruled_table_found_by_word_positions_keeps_blank_cells() -> None:
    lines = [
        "信息内容　　　　　　本年制发件数　　本年废止件数　　现行有效件数",
        "规章　　　　　　　　　　　　１　　　　　　　　　　　　　　１１",
        "行政规范性文件　　　　　　　８　　　　　　２６　　　　　　６６",
    ]
    data = make_pdf([Page([("text", ["二、主动公开政府信息情况"]), ("text", lines)])])
    (table,) = _tables(_read(data))
    assert _rows(table) == [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "１", "", "１１"],
        ["行政规范性文件", "８", "２６", "６６"],
    ]


def test_a_table_published_as_a_picture_is_a_figure_in_place() -> None:
    page = Page([("text", ["三、收到和处理政府信息公开申请情况"]), ("figure",), ("text", ["四、政府信息公开行政复议"])])
    doc = _read(make_pdf([page]))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Figure", "Paragraph"]
    assert doc.ocr_pages == []


# --- text ----------------------------------------------------------------------------------


def test_paragraph_text_has_no_spaces_inside_chinese_and_keeps_full_width_punctuation() -> None:
    text = "（一）主动公开情况。2024 年，市政府网站主动公开各类政府信息 5500 余条，“三安全一稳定”：详见附件。"
    doc = _read(make_pdf([Page([("text", wrap(text, 20))])]))
    (paragraph,) = list(doc.paragraphs())
    assert paragraph.text == text.replace(" ", "")


def test_lone_glyphs_of_a_font_neither_embedded_nor_installed_are_read() -> None:
    """One character per line, each its own text object, in a non-embedded CJK font: without
    a CJK font installed PDFium drops such objects; the page is then read with pdfminer."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 12)
    for i, ch in enumerate("三、本年度办理结果"):
        c.drawString(100, 700 - 14 * i, ch)
    c.showPage()
    c.save()
    doc = _read(buf.getvalue())
    assert "".join(p.text for p in doc.paragraphs()) == "三、本年度办理结果"


def test_a_paragraph_goes_on_across_a_page_break() -> None:
    body = "本机关持续推进政务公开标准化规范化建设，" * 6
    lines = wrap(body, 30)
    data = make_pdf([Page([("text", ["六、其他需要报告的事项", *lines[:3]])]), Page([("text", lines[3:])])])
    texts = [p.text for p in _read(data).paragraphs()]
    assert texts == ["六、其他需要报告的事项", body]


# --- text-layer quality: nothing is guessed ------------------------------------------------


def test_image_only_pdf_needs_ocr_and_gives_no_numbers() -> None:
    data = make_pdf([Page([("image",)]), Page([("image",)])])
    report = dp.parse(data, format="pdf")
    assert report.status == "needs_ocr"
    assert all(v is None for v in report.cells().values())
    assert [f.code for f in report.findings if f.code == "P1"] == ["P1", "P1"]
    assert _read(data).blocks == []


def test_a_scanned_page_among_text_pages_is_left_out_and_reported(report: bytes) -> None:
    text_page = Page([("text", ["一、总体情况", *wrap("本年度共主动公开政府信息3000条。")])])
    doc = _read(make_pdf([text_page, Page([("image",)])]))
    assert doc.ocr_pages == [2]
    assert [p.text for p in doc.paragraphs()] == ["一、总体情况", "本年度共主动公开政府信息3000条。"]
    assert any(code == "P2" and "scan" in message for code, message, _ in doc.notes)


def test_glyph_soup_needs_ocr() -> None:
    doc = _read(glyph_soup())
    assert doc.ocr_pages == [1] and doc.blocks == []


@pytest.mark.parametrize(
    "lines",
    [
        ["(cid:1234)(cid:87)(cid:3456)(cid:21)(cid:900)(cid:12)" * 2] * 6,
        ["Ð¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ ÑÒÓÔÕÖ×ØÙÚÛÜÝÞß àáâãäåæçèéêëìíîï"] * 4,
        [
            "鳏鳐鳓鳔鳕鳗鳘鳙鳜鳝鳟鳢靼鞅鞑鞒鞔鞯鞫鞣鞲鞴骱骰骷鹘骶骺骼髁",
            "髀髅髂髋髌髑魅魃魇魉魈魍魑飨餍餮饕饔髟髡髦髯髫髻髭髹鬈鬏鬓鬟",
        ],
    ],
    ids=["cid-soup", "not-chinese", "random-ideographs"],
)
def test_text_layers_that_are_not_text_need_ocr(lines: list[str]) -> None:
    report = dp.parse(make_pdf([Page([("text", ["二、主动公开政府信息情况", "规章 1 0 11", *lines])])]), format="pdf")
    assert report.status == "needs_ocr"
    assert all(v is None for v in report.cells().values())


# --- hostile and broken files --------------------------------------------------------------


def _timed(fn: object, limit: float = 5.0) -> None:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    assert time.perf_counter() - start < limit


def test_zero_bytes() -> None:
    with pytest.raises(dp.SourceError):
        dp.parse(b"", format="pdf")
    with pytest.raises(dp.ReadError, match="empty"):
        _read(b"")


def test_truncated_pdf_is_refused(report: bytes) -> None:
    def run() -> None:
        with pytest.raises(dp.ReadError, match="truncated"):
            dp.parse(report[: len(report) * 2 // 3], format="pdf")

    _timed(run)


def test_garbage_after_the_header_is_a_read_error() -> None:
    def run() -> None:
        with pytest.raises(dp.ReadError, match="not a readable PDF") as info:
            dp.parse(b"%PDF-1.7\n" + b"\x00garbage\n" * 500 + b"%%EOF\n", format="pdf")
        assert info.value.__cause__ is not None

    _timed(run)


def test_malformed_xref_is_repaired(report: bytes) -> None:
    start = report.rindex(b"startxref")
    broken = report[:start] + b"startxref\n999999\n%%EOF\n"
    broken = broken.replace(b"0000000000 65535 f", b"00000000xx 65535 f")

    def run() -> None:
        assert dp.parse(broken, format="pdf").cells()["applications.new_received.total"] == 22

    _timed(run)


def test_encrypted_with_a_user_password() -> None:
    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", strength=128)
    data = make_pdf([Page([("text", ["一、总体情况"])])], encrypt=enc)

    def run() -> None:
        with pytest.raises(dp.EncryptedDocumentError, match="password"):
            dp.parse(data, format="pdf")

    _timed(run)


def test_encrypted_with_an_empty_user_password_is_opened() -> None:
    enc = pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0)
    data = make_pdf([Page([("text", ["一、总体情况", *wrap("本年度共主动公开政府信息3000条。")])])], encrypt=enc)
    assert [p.text for p in _read(data).paragraphs()] == ["一、总体情况", "本年度共主动公开政府信息3000条。"]


def test_thousands_of_pages_hit_the_page_limit_quickly() -> None:
    data = many_pages(5000)

    def run() -> None:
        with pytest.raises(dp.ResourceLimitError, match="5000 pages") as info:
            dp.parse(data, format="pdf")
        assert info.value.limit == "max_pages"

    _timed(run, 3.0)


def test_page_limit_is_an_option() -> None:
    data = many_pages(12)
    with pytest.raises(dp.ResourceLimitError):
        dp.parse(data, format="pdf", options=ParseOptions(max_pages=10))
    assert _read(data, max_pages=12).pages == 12


# --- the real corpus -----------------------------------------------------------------------


@needs_corpus
@pytest.mark.corpus
def test_hongze_2023_prints_its_arithmetic_error_as_is() -> None:
    report = dp.parse(CORPUS / "sample_pdfs_v1_hzq2023_working.pdf")
    codes = {f.code for f in report.findings if f.code.startswith("C")}
    assert codes == {"C4", "C6"}
    cells = report.cells()
    assert (cells["review.upheld"], cells["review.corrected"], cells["review.total"]) == (10, 1, 0)


@needs_corpus
@pytest.mark.corpus
def test_huaian_vertical_label_and_split_group_label() -> None:
    doc = dp.read(CORPUS / "huaian_shizhengfu_2024.pdf")
    table = next(t for t in doc.tables() if any("申请人情况" == c.text for c in t.row_cells(0)))
    labels = [c.text for r in range(table.n_rows) for c in table.row_cells(r)]
    assert "三、本年度办理结果" in labels and "（四）无法提供" in labels
    assert not any(isinstance(b, Paragraph) and b.text.startswith("- ") for b in doc.blocks)
