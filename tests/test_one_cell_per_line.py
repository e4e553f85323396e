"""Tables exported as text one cell per line (LibreOffice's text export, scrapers): rows by count and sums."""

from __future__ import annotations

import random

import pytest

import disclosure_parser as dp
from disclosure_parser.schema import APPLICANT_COLUMNS

from .synth import consistent


def _one_cell_per_line(md: str, *, blank_cells: bool = True) -> str:
    """The Markdown rendering of a report with every table cell on its own line, as a text export prints it.

    ``blank_cells=False`` drops empty cells, as an extractor that prints nothing for them does.
    """
    out: list[str] = []
    for line in md.splitlines():
        if not line.startswith("|"):
            out.append(line)
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(set(c) <= set("-: ") for c in cells):
            continue  # the Markdown separator row
        out.extend(c for c in cells if c or blank_cells)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("seed", range(4))
def test_a_report_printed_one_cell_per_line_is_read_whole(template: str, seed: int) -> None:
    synth = consistent(template, random.Random(seed))
    report = dp.parse(_one_cell_per_line(synth.render_md()))
    assert report.template == template
    assert {k: v for k, v in report.cells().items() if v is not None} == synth.cells
    assert report.is_consistent


def test_blank_cells_that_print_nothing_never_shift_values() -> None:
    """Without its empty line a row has fewer values than columns: not read, never read shifted."""
    synth = consistent("2021", random.Random(5))
    synth.cells["applications.granted.research_institution"] = ""  # type: ignore[assignment]  # printed blank
    report = dp.parse(_one_cell_per_line(synth.render_md(), blank_cells=False))
    cells = report.cells()
    assert all(v is None for k, v in cells.items() if k.startswith("applications.granted."))
    assert any(f.code == "T3" and "applications.granted.total" in f.cells for f in report.findings)
    assert cells["applications.new_received.total"] == synth.cells["applications.new_received.total"]


def test_values_that_do_not_add_up_are_not_placed_by_count() -> None:
    """One value per line, the columns are known only by count: a row whose 总计 is not the sum of
    the six (a scrambled extraction, or a misprint) is not read, with a finding, rather than guessed."""
    synth = consistent("2021", random.Random(6))
    synth.cells["applications.granted.total"] = int(synth.cells["applications.granted.total"]) + 1
    report = dp.parse(_one_cell_per_line(synth.render_md()))
    assert all(v is None for k, v in report.cells().items() if k.startswith("applications.granted."))
    assert any(f.code == "T3" and "applications.granted.total" in f.cells for f in report.findings)


def test_a_unit_on_the_line_after_its_amount_belongs_to_it() -> None:
    """``73802895.90`` / ``元``: the unit was its own text node (a scraper's get_text of a page)."""
    synth = consistent("2019", random.Random(2))
    synth.cells["proactive.procurement.amount"] = "73802895.90"  # type: ignore[assignment]
    text = _one_cell_per_line(synth.render_md()).replace("\n73802895.90\n", "\n73802895.90\n元\n")
    cell = dp.parse(text).cell("proactive.procurement.amount")
    assert cell.value == pytest.approx(7380.28959) and cell.raw == "73802895.90元"


def test_a_leading_blank_cell_in_part_two_keeps_the_values_in_their_columns() -> None:
    """``规章`` / empty line / ``5`` / ``10``: the empty line after the label is the blank 制发 cell."""
    synth = consistent("2021", random.Random(4))
    synth.cells["proactive.rules.issued"] = ""  # type: ignore[assignment]
    synth.cells["proactive.rules.repealed"] = 5
    synth.cells["proactive.rules.in_force"] = 10
    cells = dp.parse(_one_cell_per_line(synth.render_md())).cells()
    assert (cells["proactive.rules.issued"], cells["proactive.rules.repealed"], cells["proactive.rules.in_force"]) == (
        None,
        5,
        10,
    )


def test_empty_lines_that_separate_every_line_are_no_cells() -> None:
    """pdftotext prints an empty line after every block and nothing for an empty cell: a row of
    four printed values among seven columns is not read, though the empty lines would make seven."""
    synth = consistent("2021", random.Random(8))
    row = "applications.partially_granted"
    printed = {"natural_person": 10, "commercial_enterprise": 30, "other_org": 10, "total": 50}
    for col, _ in APPLICANT_COLUMNS:
        synth.cells[f"{row}.{col}"] = printed.get(col, "")  # type: ignore[assignment]
    text = _one_cell_per_line(synth.render_md(), blank_cells=False).replace("\n", "\n\n")
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert f"{label}\n\n10\n\n30\n\n10\n\n50\n" in text
    text = text.replace(f"{label}\n\n10\n", f"{label}\n10\n")  # label and first value in one block
    cells = dp.parse(text).cells()
    assert all(cells[f"{row}.{c}"] is None for c in printed)
    for key, value in cells.items():
        assert value is None or value == synth.cells.get(key), key
    full = "applications.new_received"  # every cell printed: its count is exact, and it is read
    assert [cells[f"{full}.{c}"] for c, _ in APPLICANT_COLUMNS] == [
        synth.cells[f"{full}.{c}"] for c, _ in APPLICANT_COLUMNS
    ]


def test_a_page_number_among_the_values_is_no_blank_cell() -> None:
    synth = consistent("2021", random.Random(9))
    row = "applications.granted"
    synth.cells[f"{row}.natural_person"] = ""  # type: ignore[assignment]
    text = _one_cell_per_line(synth.render_md(), blank_cells=False)
    lines = text.split("\n")
    at = lines.index("（一）予以公开") + 2
    text = "\n".join([*lines[:at], "- 5 -", *lines[at:]])
    cells = dp.parse(text).cells()
    assert all(cells[f"{row}.{c}"] is None for c in ("natural_person", "commercial_enterprise", "total"))
    full = "applications.new_received"  # the rows around it are read as printed
    assert [cells[f"{full}.{c}"] for c, _ in APPLICANT_COLUMNS] == [
        synth.cells[f"{full}.{c}"] for c, _ in APPLICANT_COLUMNS
    ]
