"""Tables exported as text one cell per line (LibreOffice's text export, scrapers): rows by count and sums."""

from __future__ import annotations

import random

import pytest

import disclosure_parser as dp

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
