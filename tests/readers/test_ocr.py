"""OCR of scanned PDF pages (the ``[ocr]`` extra).

Fast tests check the image steps on synthetic arrays (rules, underlines, stacked labels,
ink the detector missed), the O1 check and confidences on a synthetic report treated as
OCR'd, the options, and that nothing changes without the extra. Tests marked ``slow``
run the engine: a ruled table of digits drawn with Pillow's own font, and a committed
bilevel scan of two pages of a real report (tests/data/ocr); with the corpus present,
a whole real report rendered to an image-only PDF is scored against its truth.
"""

from __future__ import annotations

import io
import json

import pytest

import disclosure_parser as dp
from disclosure_parser.schema import APPLICANT_COLUMNS

from ..conftest import CORPUS, needs_corpus
from .scans import BILEVEL_SCAN

np = pytest.importorskip("numpy")
cv2 = pytest.importorskip("cv2")

from disclosure_parser.readers.ocr.boxes import Box, Glyphs, _unstack, missed_ink, without_underline  # noqa: E402
from disclosure_parser.readers.ocr.engine import Recognition  # noqa: E402
from disclosure_parser.readers.ocr.page import _chars  # noqa: E402
from disclosure_parser.readers.ocr.rules import find_rules, ink_masks  # noqa: E402
from disclosure_parser.readers.pdf.layout import line_text  # noqa: E402

FIXTURE = BILEVEL_SCAN


def _engine_available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


needs_engine = pytest.mark.skipif(not _engine_available(), reason="the [ocr] extra is not installed")


# --- rules in the page image -----------------------------------------------------------------


def _page(h: int = 600, w: int = 800) -> np.ndarray:
    return np.full((h, w), 255, dtype=np.uint8)


def test_ruling_lines_become_edges_in_points_and_text_strokes_do_not() -> None:
    img = _page()
    for y in (100, 200, 300):
        img[y : y + 2, 50:650] = 0
    for x in (50, 250, 450, 648):
        img[100:302, x : x + 2] = 0
    img[400:402, 100:300] = 0  # a long stroke of big title text: inside a detected line
    img[500:530, 100:400] = 0  # a black bar: too thick for a rule
    img[150:170, 260:440] = 217  # a grey shaded cell: neither ink nor a rule
    rules = find_rules(img, ink_masks(img, 2.0)[0], 2.0, 20.0, [(90, 380, 310, 420)])
    hs = sorted(e.pos for e in rules.edges(2.0) if e.horizontal)
    vs = sorted(e.pos for e in rules.edges(2.0) if not e.horizontal)
    assert hs == [50.5, 100.5, 150.5]
    assert vs == [25.5, 125.5, 225.5, 324.5]
    assert len(rules.table) == 7  # every rule crosses another: all are table rules


def test_a_short_piece_of_border_joining_two_rules_is_a_rule() -> None:
    img = _page()
    img[100:102, 50:650] = 0
    img[300:302, 50:650] = 0
    img[100:200, 250:252] = 0  # a column edge in the header ...
    img[200:302, 270:272] = 0  # ... offset 20 pixels from the one in the rows below
    img[200:202, 50:250] = 0
    img[202:204, 252:270] = 0  # 18 pixels of border joining them under the header, a pixel row lower
    img[200:202, 272:650] = 0
    img[100:302, 50:52] = 0
    img[100:302, 648:650] = 0
    rules = find_rules(img, ink_masks(img, 2.0)[0], 2.0, 20.0, [])
    assert any(e.horizontal and e.pos == 101.5 and e.start <= 127 and e.end >= 134 for e in rules.edges(2.0))


def test_grey_hairlines_and_thin_strokes_are_ink_in_the_faint_mask_only() -> None:
    img = _page(100, 100)
    for x in range(20, 90, 6):
        img[40:60, x : x + 3] = 0  # black text ...
    img = cv2.GaussianBlur(img, (3, 3), 0)  # ... with anti-aliased edges, as rendered
    img[10, 10:90] = 200  # a light grey hairline (上海 2019's LibreOffice borders)
    img[70:90, 10:90] = 217  # a shaded row: no ink at all
    strict, faint = ink_masks(img, 2.0)
    assert not strict[10, 50] and faint[10, 50]
    assert strict[50, 21] and faint[50, 21] and not faint[30, 50] and not faint[80, 50]


# --- text boxes ----------------------------------------------------------------------------------


def _ring(mask: np.ndarray, y: int, x: int, h: int = 18, w: int = 12) -> None:
    mask[y : y + h, x : x + w] = 255
    mask[y + 3 : y + h - 3, x + 3 : x + w - 3] = 0


def test_an_underline_touching_the_text_is_cut_off_but_the_last_stroke_of_er_is_not() -> None:
    ink = np.zeros((60, 60), dtype=np.uint8)
    _ring(ink, 10, 20)
    ink[28, 25] = 255  # the foot of the 0 touches the line under it
    ink[29:31, 14:38] = 255
    assert without_underline(Box(14, 10, 38, 31), ink) == Box(20, 10, 32, 29)
    er = np.zeros((60, 60), dtype=np.uint8)
    er[10:12, 18:30] = 255  # 二: two strokes, little ink above the lower one
    er[26:28, 14:34] = 255
    assert without_underline(Box(14, 10, 34, 28), er) is None
    assert without_underline(Box(20, 10, 32, 28), ink) is None  # no line under it


def test_stacked_characters_are_cut_apart_but_san_stays_whole() -> None:
    ink = np.zeros((120, 40), dtype=np.uint8)
    for top in (0, 30, 60):
        ink[top : top + 20, 10:30] = 255
    assert [(b.y0, b.y1) for b in _unstack(Box(10, 0, 30, 80), ink)] == [(0, 20), (30, 50), (60, 80)]
    san = np.zeros((40, 40), dtype=np.uint8)
    for y in (0, 9, 18):
        san[y : y + 2, 10:30] = 255
    tall = Box(10, 0, 22, 20)  # narrow enough to be looked at as a stack
    assert _unstack(tall, san) == [tall]


def test_ink_no_box_covers_is_boxed_within_its_cell() -> None:
    ink = np.zeros((100, 200), dtype=np.uint8)
    rules = np.zeros_like(ink)
    rules[:, 100] = 255  # a vertical rule between two cells
    ink[40:58, 90:96] = 255  # a lone "1" left of the rule: missed by the detector
    ink[40:58, 104:112] = 255  # a lone "0" right of it
    ink[10:28, 20:60] = 255  # text the detector found
    ink[80, 150] = 255  # a speck
    found = missed_ink(ink, [Box(20, 10, 60, 28)], rules, em=20.0)
    assert sorted((b.x0, b.x1) for b in found) == [(90, 96), (104, 112)]


def test_a_box_cutting_through_a_glyph_grows_to_all_of_it() -> None:
    ink = np.zeros((60, 60), dtype=np.uint8)
    ink[10:12, 10:22] = 255  # the bar of a 7
    ink[12:28, 18:21] = 255  # its stem
    assert Glyphs(ink, em=20.0).grow(Box(17, 14, 22, 24)) == Box(10, 10, 22, 28)


def test_glyphs_of_one_recognised_run_touch_so_numbers_are_never_split() -> None:
    box = Box(100, 10, 160, 28)
    rec = Recognition("2932", 0.99, [0.99, 0.98, 0.99, 0.97], [9.0, 21.0, 40.0, 52.0])  # uneven CTC columns
    chars = _chars(rec, box, 2.0, 0)
    assert line_text(chars) == "2932"
    assert min(c.confidence or 0 for c in chars) == 0.97
    spaced = _chars(Recognition("12 34", 0.99, [0.99] * 5, [8.0, 18.0, 30.0, 42.0, 52.0]), box, 2.0, 0)
    assert line_text(spaced) == "12 34"


# --- the engine on real images (slow) ---------------------------------------------------------


def _digit_table_pdf(rows: list[list[str]], *, dpi: int = 200, tilt: float = 0.0) -> bytes:
    """A ruled table of Latin text and digits drawn with Pillow's own font, as an image-only PDF page
    (scanned ``tilt`` degrees askew, counter-clockwise)."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    page = Image.new("L", (round(595 * scale), round(842 * scale)), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=round(11 * scale))
    widths, height = [150, 90, 90, 90], 28
    xs = [round((60 + sum(widths[:i])) * scale) for i in range(len(widths) + 1)]
    ys = [round((100 + height * r) * scale) for r in range(len(rows) + 1)]
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=2)
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=2)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            draw.text((xs[c] + 6 * scale, ys[r] + 7 * scale), text, font=font, fill=0)
    if tilt:
        page = page.rotate(tilt, resample=Image.Resampling.BILINEAR, fillcolor=255)
    out = io.BytesIO()
    page.save(out, format="PDF", resolution=float(dpi))
    return out.getvalue()


_DIGIT_ROWS = [["Item", "Natural", "Other", "Total"], ["New", "1", "0", "1"], ["Carried", "12", "7", "19"]]
_DIGIT_ROWS += [["Done", "305", "0", "305"], ["Left", "4", "", "4"]]


@pytest.mark.slow
@needs_engine
@pytest.mark.parametrize("tilt", [0.0, 1.5, -2.5], ids=["straight", "tilted-1.5", "tilted-2.5"])
def test_a_scanned_ruled_table_of_digits_is_read_cell_by_cell_with_confidences(tilt: float) -> None:
    rows = _DIGIT_ROWS
    doc = dp.read(_digit_table_pdf(rows, tilt=tilt), format="pdf", ocr="auto")
    assert doc.recognised_pages == [1] and doc.ocr_pages == []
    (table,) = list(doc.tables())
    assert [[c.text for c in table.row_cells(r)] for r in range(table.n_rows)] == rows
    for r in range(1, table.n_rows):
        for cell in table.row_cells(r):
            assert (cell.confidence is not None) == bool(cell.text)
            assert cell.confidence is None or 0.5 < cell.confidence <= 1.0
    assert any(code == "O2" for code, _, _ in doc.notes)


@pytest.mark.slow
@needs_engine
def test_ocr_true_reads_a_text_page_from_its_image_too() -> None:
    from reportlab.pdfgen.canvas import Canvas

    rows = [["", "N", "K", "T"], ["a", "1", "0", "1"], ["b", "12", "7", "19"], ["d", "305", "0", "305"]]
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(595, 842))
    for r, row in enumerate(rows):
        y = 742 - 28 * r
        canvas.line(60, y, 480, y)
        for c, text in enumerate(row):
            canvas.drawString(66 + [0, 150, 240, 330][c], y - 18, text)
    canvas.line(60, 742 - 28 * len(rows), 480, 742 - 28 * len(rows))
    for x in (60, 210, 300, 390, 480):
        canvas.line(x, 742, x, 742 - 28 * len(rows))
    canvas.save()
    text_layer = dp.read(buf.getvalue(), format="pdf", ocr="auto")  # a good text layer: not OCR'd
    assert text_layer.recognised_pages == [] and not any(
        c.confidence for t in text_layer.tables() for r in t.grid for c in r if c
    )
    ocr = dp.read(buf.getvalue(), format="pdf", ocr=True)
    assert ocr.recognised_pages == [1]
    assert [[c.text for c in t.row_cells(r)] for t in ocr.tables() for r in range(t.n_rows)] == rows


# What the text layer of 淮安 2024 prints on pages 4 and 5 (its truth file in ../shared agrees).
_HUAIAN_ROWS = {
    "new_received": [3001, 53, 0, 0, 61, 4, 3119],
    "carried_over": [34, 0, 0, 0, 0, 0, 34],
    "granted": [1288, 21, 0, 0, 50, 3, 1362],
    "denied_admin_query": [105, 0, 0, 0, 0, 0, 105],
    "unavailable_not_held": [746, 12, 0, 0, 10, 1, 769],
    "other_misc": [108, 2, 0, 0, 0, 0, 110],
    "total_processed": [2932, 53, 0, 0, 61, 4, 3050],
    "carried_forward": [103, 0, 0, 0, 0, 0, 103],
}
_HUAIAN_APPEALS = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]


@pytest.mark.slow
@needs_engine
def test_a_bilevel_scan_of_a_real_report_gives_its_printed_numbers() -> None:
    report = dp.parse(FIXTURE, ocr="auto")
    assert report.status == "ok" and report.template == "2021"
    cells = report.cells()
    for row, values in _HUAIAN_ROWS.items():
        got = [cells[f"applications.{row}.{c}"] for c in _COLUMNS]
        assert got == values, row
    got = [cells[f"{g}.{leaf}"] for g in ("review", "litigation_direct", "litigation_after_review") for leaf in _LEAVES]
    assert got == _HUAIAN_APPEALS
    applications = [report.cell(f"applications.{r}.{c}") for r in _HUAIAN_ROWS for c in _COLUMNS]
    assert all(c.confidence is not None and c.confidence > 0.5 for c in applications)
    assert report.is_consistent and not [f for f in report.findings if f.code == "O1"]


_COLUMNS = [c for c, _ in APPLICANT_COLUMNS]
_LEAVES = ["upheld", "corrected", "other", "pending", "total"]


@pytest.mark.slow
@needs_engine
@needs_corpus
def test_an_image_only_copy_of_a_real_report_scores_every_cell() -> None:
    from .scans import image_only_pdf

    source = CORPUS / "huaian_shizhengfu_2024.pdf"
    truth = json.loads(source.with_name(source.name + ".truth.json").read_text(encoding="utf-8"))
    report = dp.parse(image_only_pdf(source.read_bytes(), dpi=200), format="pdf", ocr="auto")
    assert report.status == "ok"
    assert {k: report.cells()[k] for k in truth["cells"]} == truth["cells"]
    assert (report.meta.agency, report.meta.year) == (truth["meta"]["agency"], truth["meta"]["year"])


@pytest.mark.slow
@needs_engine
def test_cli_parse_with_ocr_auto() -> None:
    from click.testing import CliRunner

    from disclosure_parser.cli import main

    off = CliRunner().invoke(main, ["parse", str(FIXTURE), "--output", "cells"])
    assert off.exit_code == 0 and json.loads(off.output)["cells"] == {}  # needs OCR: no template, no cells
    on = CliRunner().invoke(main, ["parse", str(FIXTURE), "--output", "cells", "--ocr", "auto"])
    assert on.exit_code == 0, on.output
    assert json.loads(on.output)["cells"]["applications.total_processed.total"] == 3050
