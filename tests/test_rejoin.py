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
