"""Property tests: random consistent reports parse back exactly and survive a JSON round trip."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

import disclosure_parser as dp

from .synth import consistent


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6), template=st.sampled_from(["2019", "2021"]))
def test_render_parse_round_trip(seed: int, template: str) -> None:
    synth = consistent(template, random.Random(seed))
    report = dp.parse(synth.render_md())
    got = {k: v for k, v in report.cells().items() if v is not None}
    assert got == synth.cells
    assert report.is_consistent
    again = dp.Report.model_validate_json(report.model_dump_json())
    assert again == report and again.cells() == report.cells()
