"""OCR findings, confidences and options: what needs neither the engine nor numpy and OpenCV.

These run wherever the package does (the ``[ocr]`` extra installs nothing on Python 3.13+):
the O1 check and confidences on a synthetic report treated as OCR'd, the alternative
readings, the options, and that nothing changes without the extra. The image steps and the
engine are tested in ``test_ocr.py``.
"""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap

import pytest

import disclosure_parser as dp
from disclosure_parser.build import build_report
from disclosure_parser.document import Location, RawDocument
from disclosure_parser.models import SourceInfo
from disclosure_parser.readings import alternatives

from ..conftest import ROOT
from ..synth import consistent
from .pdf_fixtures import Page, make_pdf
from .scans import BILEVEL_SCAN as FIXTURE

# --- readings checked against the relations (O1) and confidences ---------------------------


def _as_ocr(text: str, *, pages: list[int]) -> RawDocument:
    """A Markdown report read as if its tables had been OCR'd on page 1 (confidence 0.97)."""
    doc = dp.read(text, format="md")
    for table in doc.tables():
        for row in table.grid:
            for cell in row:
                if cell is not None:
                    cell.location = Location(1, cell.location.line, table.index, cell.row, cell.col)
                    cell.confidence = 0.97 if cell.text.strip() else None
    doc.recognised_pages = pages
    return doc


def _build(doc: RawDocument) -> dp.Report:
    info = SourceInfo(sha256="0" * 64, size=1, format="pdf", reader="PdfReader", parser_version="test")
    return build_report(doc, info)


def _synth_with_appeals() -> str:
    synth = consistent("2021", random.Random(3))
    synth.cells.update(
        {
            "litigation_direct.upheld": "3",  # printed 8: a 3/8 confusion
            "litigation_direct.corrected": 1,
            "litigation_direct.other": 0,
            "litigation_direct.pending": 0,
            "litigation_direct.total": 9,
            "review.upheld": 3,
            "review.corrected": 2,
            "review.other": 0,
            "review.pending": 0,
            "review.total": "S",  # printed 5: a letter for a digit
        }
    )
    return synth.render_md()


def test_a_reading_one_ocr_slip_from_satisfying_its_relation_is_reported_with_both_readings() -> None:
    report = _build(_as_ocr(_synth_with_appeals(), pages=[1]))
    o1 = {f.cells[0]: f for f in report.findings if f.code == "O1"}
    assert set(o1) == {"litigation_direct.upheld", "review.total"}
    assert "'3'" in o1["litigation_direct.upheld"].message and "'8'" in o1["litigation_direct.upheld"].message
    assert "'S'" in o1["review.total"].message and "'5'" in o1["review.total"].message
    # never rewritten: the values stay as read, the relations stay broken
    assert report.cell("litigation_direct.upheld").value == 3
    assert report.cell("review.total").value is None and report.cell("review.total").raw == "S"
    assert {"C5", "T4"} <= {f.code for f in report.findings}  # C4 waits for a number: V1
    assert report.cell("litigation_direct.upheld").confidence == 0.97
    assert report.cell("applications.new_received.total").confidence == 0.97


def test_no_reading_is_doubted_and_no_confidence_given_on_pages_not_read_by_ocr() -> None:
    report = _build(_as_ocr(_synth_with_appeals(), pages=[]))
    assert not [f for f in report.findings if f.code == "O1"]
    assert report.cell("litigation_direct.upheld").confidence is None


def test_alternative_readings_are_single_ocr_slips_and_never_have_a_leading_zero() -> None:
    assert alternatives("1O", None)[10] == "10"
    alts = alternatives("100", 100)
    assert {10, 1000, 180, 400} <= set(alts)  # a stray 0, a collapsed 00, an 0/8 and a 1/4 slip
    assert 5 not in alternatives("0", 0)  # "05" is no count
    assert 100 not in alts  # its own value is no alternative


# --- options and the behaviour without the extra --------------------------------------------


def test_ocr_option_values() -> None:
    assert dp.ParseOptions(ocr="auto").ocr == "auto"
    assert dp.ParseOptions(ocr=True).ocr is True
    assert dp.ParseOptions().ocr is False
    with pytest.raises(ValueError):
        dp.ParseOptions(ocr="sometimes")  # type: ignore[arg-type]
    assert dp.Parser(options=dp.ParseOptions(ocr=True), ocr="auto").options.ocr == "auto"
    assert dp.Parser(options=dp.ParseOptions(ocr=True)).options.ocr is True


def test_without_ocr_a_scan_needs_ocr_and_the_finding_says_how_to_get_it() -> None:
    report = dp.parse(FIXTURE)
    assert report.status == "needs_ocr"
    assert all(v is None for v in report.cells().values())
    p1 = [f for f in report.findings if f.code == "P1"]
    assert len(p1) == 2
    assert "pip install 'disclosure-parser[ocr]'" in p1[0].message and 'ocr="auto"' in p1[0].message


_BLOCKED = """
import sys
for name in {blocked!r}:
    sys.modules[name] = None  # the extra is not installed
import disclosure_parser as dp
heavy = [m for m in ("rapidocr_onnxruntime", "onnxruntime", "cv2", "numpy") if sys.modules.get(m) is not None]
assert not heavy, heavy  # importing the package imports none of the OCR stack
assert dp.parse({fixture!r}).status == "needs_ocr"
text_pdf = {text_pdf!r}
assert dp.parse(text_pdf, format="pdf", ocr="auto").status != "needs_ocr"  # no page needs OCR: no engine
try:
    dp.parse({fixture!r}, ocr="auto")
except dp.MissingDependencyError as exc:
    assert "pip install 'disclosure-parser[ocr]'" in str(exc), exc
    print("missing-ok")
"""


@pytest.mark.parametrize("blocked", [["rapidocr_onnxruntime"], ["rapidocr_onnxruntime", "cv2", "numpy"]])
def test_without_the_extra_ocr_raises_missing_dependency_only_when_a_page_needs_it(blocked: list[str]) -> None:
    text_pdf = make_pdf([Page([("text", ["一、总体情况", "本年度共主动公开政府信息3000条。"])])])
    code = _BLOCKED.format(blocked=blocked, fixture=str(FIXTURE), text_pdf=text_pdf)
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "missing-ok"
