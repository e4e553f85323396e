"""A number broken by a space inside its cell (``2 6``) is one number only when the relations say so."""

from __future__ import annotations

import random

import pytest

import disclosure_parser as dp

from .synth import consistent


def _with_spaced(key: str, value: int, *, typo: int = 0) -> dp.Report:
    """A consistent 2021 report whose cell ``key`` holds ``value`` printed with a space after its first digit."""
    synth = consistent("2021", random.Random(3))
    s = str(value + typo)
    synth.cells[key] = f"{s[0]} {s[1:]}"  # type: ignore[assignment]
    return dp.parse(synth.render_md())


@pytest.mark.parametrize(
    "key", ["applications.granted.total", "applications.new_received.natural_person", "review.total"]
)
def test_a_wrapped_number_the_relations_confirm_is_rejoined(key: str) -> None:
    synth = consistent("2021", random.Random(3))
    value = int(synth.cells[key])
    assert value >= 10  # the seed gives numbers of two digits here, so there is a digit to wrap
    report = _with_spaced(key, value)
    assert report.cells()[key] == value
    (r5,) = [f for f in report.findings if f.code == "R5"]
    assert r5.cells == [key] and r5.raw == f"{str(value)[0]} {str(value)[1:]}"
    assert not [f for f in report.findings if f.code == "T4"] and report.is_consistent


def test_digits_the_relations_refute_stay_apart() -> None:
    key = "applications.granted.total"
    value = int(consistent("2021", random.Random(3)).cells[key])
    report = _with_spaced(key, value, typo=1)  # joined, the digits would break C2 and C3
    assert report.cells()[key] is None and report.cell(key).raw is not None
    assert [f.cells for f in report.findings if f.code == "T4"] == [[key]]
    assert not [f for f in report.findings if f.code == "R5"]


def test_a_cell_of_spaced_digits_leaves_the_rest_of_its_row_readable() -> None:
    key = "applications.granted.total"
    value = int(consistent("2021", random.Random(3)).cells[key])
    report = _with_spaced(key, value, typo=1)
    row = {k: v for k, v in report.cells().items() if k.startswith("applications.granted.") and k != key}
    assert all(v is not None for v in row.values())


def test_two_rows_merged_in_one_box_are_not_joined_by_their_own_row_total() -> None:
    """``1 2`` under 自然人 and ``1 2`` under 总计: joined, the row's C3 holds (12 = 12), and the
    columns' C2 cannot be checked: only a relation beyond the row can confirm a repair."""
    synth = consistent("2021", random.Random(3))
    row = "applications.granted"
    for col in ("commercial_enterprise", "research_institution", "social_welfare_org", "legal_service_org"):
        synth.cells[f"{row}.{col}"] = 0
    synth.cells[f"{row}.other_org"] = 0
    synth.cells[f"{row}.natural_person"] = "1 2"  # type: ignore[assignment]
    synth.cells[f"{row}.total"] = "1 2"  # type: ignore[assignment]
    for col in ("natural_person", "total"):  # the columns' C2 cannot be checked: another cell is unreadable
        synth.cells[f"applications.partially_granted.{col}"] = "见附注"  # type: ignore[assignment]
    report = dp.parse(synth.render_md())
    assert report.cells()[f"{row}.natural_person"] is None and report.cells()[f"{row}.total"] is None
    assert not [f for f in report.findings if f.code == "R5"]


def test_digits_starting_with_zero_are_never_one_number() -> None:
    synth = consistent("2021", random.Random(3))
    # "0" before the true value: joined, it would satisfy every relation (0 3 read as 3)
    synth.cells["review.upheld"] = f"0 {synth.cells['review.upheld']}"  # type: ignore[assignment]
    report = dp.parse(synth.render_md())
    assert report.cells()["review.upheld"] is None
    assert not [f for f in report.findings if f.code == "R5"]


def test_one_relation_refuting_the_joined_number_vetoes_it() -> None:
    """C1 holds with 总计 joined, but C2 (a misprint elsewhere in the column) does not: no repair."""
    synth = consistent("2021", random.Random(3))
    key = "applications.total_processed.total"
    value = str(synth.cells[key])
    assert len(value) >= 2
    synth.cells[key] = f"{value[0]} {value[1:]}"  # type: ignore[assignment]
    synth.cells["applications.granted.total"] = int(synth.cells["applications.granted.total"]) + 1
    report = dp.parse(synth.render_md())
    assert report.cells()[key] is None
    assert not [f for f in report.findings if f.code == "R5"]
