"""Each relation C1–C7, broken one way at a time on otherwise consistent synthetic reports."""

from __future__ import annotations

import random

import pytest

import disclosure_parser as dp
from disclosure_parser.schema import APPLICANT_COLUMNS

from .synth import consistent

RELATION = {f"C{i}" for i in range(1, 8)}


def _relation_findings(report: dp.Report) -> list[dp.Finding]:
    return [f for f in report.findings if f.code in RELATION]


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_consistent_reports_have_no_relation_findings(template: str) -> None:
    for seed in range(10):
        synth = consistent(template, random.Random(seed))
        report = dp.parse(synth.render_md())
        assert report.template == template
        assert {k: v for k, v in report.cells().items() if v is not None} == synth.cells
        assert _relation_findings(report) == [] and report.is_consistent


@pytest.mark.parametrize(
    ("key", "codes"),
    [
        ("applications.new_received.natural_person", {"C1", "C3"}),
        ("applications.new_received.total", {"C1", "C3"}),
        ("applications.total_processed.commercial_enterprise", {"C1", "C2", "C3"}),
        ("applications.granted.research_institution", {"C2", "C3"}),
        ("applications.granted.total", {"C2", "C3"}),
        ("review.total", {"C4"}),
        ("litigation_direct.upheld", {"C5"}),
        ("litigation_after_review.pending", {"C6"}),
    ],
)
def test_one_broken_cell_gives_exactly_its_relations(key: str, codes: set[str]) -> None:
    synth = consistent("2021", random.Random(7))
    synth.cells[key] = int(synth.cells[key]) + 5
    report = dp.parse(synth.render_md())
    found = _relation_findings(report)
    assert {f.code for f in found} == codes
    for f in found:
        assert key in f.cells and f.severity == "error"
        assert "≠" in f.message


def test_c4_message_names_the_numbers() -> None:
    synth = consistent("2021", random.Random(1))
    for leaf, v in zip(("upheld", "corrected", "other", "pending", "total"), (10, 1, 0, 0, 0), strict=True):
        synth.cells[f"review.{leaf}"] = v
    (finding,) = [f for f in dp.parse(synth.render_md()).findings if f.code == "C4"]
    assert "0 = 0 ≠ 10+1+0+0 = 11" in finding.message
    assert sorted(finding.cells) == sorted(f"review.{x}" for x in ("upheld", "corrected", "other", "pending", "total"))


def test_negative_count_is_c7_but_signed_change_is_not() -> None:
    synth = consistent("2019", random.Random(3))
    synth.cells["proactive.licensing.change"] = -18
    synth.cells["proactive.licensing.decisions"] = -1
    report = dp.parse(synth.render_md())
    c7 = [f for f in report.findings if f.code == "C7"]
    assert [f.cells for f in c7] == [["proactive.licensing.decisions"]]


def test_blank_total_is_not_checked_but_said() -> None:
    synth = consistent("2021", random.Random(5))
    del synth.cells["applications.granted.total"]  # printed blank
    report = dp.parse(synth.render_md())
    assert not [f for f in report.findings if f.code == "C3" and "applications.granted.total" in f.cells]
    assert any(f.code == "V1" and "applications.granted.total" in f.cells for f in report.findings)


def test_compare_years_c8_c9() -> None:
    a = consistent("2021", random.Random(21))
    b = consistent("2021", random.Random(22))
    for col, _ in APPLICANT_COLUMNS:
        b.cells[f"applications.carried_over.{col}"] = a.cells[f"applications.carried_forward.{col}"]
    ra = dp.parse(a.render_md().replace("2024年度", "2023年度"))
    rb_text = b.render_md()
    rb = dp.parse(rb_text)
    c8 = [f for f in dp.compare_years(ra, rb) if f.code == "C8"]
    # b's own C1 may now fail, but carried over matches a's carried forward in every column
    assert c8 == []
    b.cells["applications.carried_over.natural_person"] = int(b.cells["applications.carried_over.natural_person"]) + 1
    rb2 = dp.parse(b.render_md())
    c8 = [f for f in dp.compare_years(ra, rb2) if f.code == "C8"]
    assert [f.cells for f in c8] == [
        ["applications.carried_over.natural_person", "applications.carried_forward.natural_person"]
    ]
    assert all(f.severity == "warning" for f in c8)


def test_compare_years_needs_consecutive_years() -> None:
    import pytest

    a = dp.parse(consistent("2021", random.Random(1)).render_md())
    with pytest.raises(ValueError, match="consecutive"):
        dp.compare_years(a, a)
