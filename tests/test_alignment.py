"""Rows of numbers whose labels a converter moved away are placed by the template's row order."""

from __future__ import annotations

import random

import disclosure_parser as dp

from .synth import consistent


def _drop_labels(md: str, labels: list[str], *, extra: str | None = None) -> str:
    lines = md.splitlines()
    out: list[str] = []
    for line in lines:
        for label in labels:
            if line.startswith(f"| {label} |"):
                out.append(label)  # the label stranded as a paragraph …
                out.append("")
                line = "| " + line[len(f"| {label} | ") :]  # … the numbers left as a row without it
                if extra is not None:
                    out.append(extra)
        out.append(line)
    return "\n".join(out)


def test_unlabelled_rows_placed_between_anchors() -> None:
    synth = consistent("2021", random.Random(11))
    text = _drop_labels(synth.render_md(), ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "2.重复申请"])
    report = dp.parse(text)
    got = {k: v for k, v in report.cells().items() if v is not None}
    assert got == synth.cells
    placed = {f.cells[0].split(".")[1] for f in report.findings if f.code == "R3"}
    assert placed == {"partially_granted", "not_processed_repeat"}


def test_ambiguous_gap_is_left_empty() -> None:
    synth = consistent("2021", random.Random(12))
    junk = "| 9 | 9 | 9 | 9 | 9 | 9 | 54 |"
    text = _drop_labels(synth.render_md(), ["2.重复申请"], extra=junk)
    report = dp.parse(text)
    cells = report.cells()
    assert cells["applications.not_processed_repeat.natural_person"] is None
    assert any(f.code == "R4" for f in report.findings)
    # nothing else moved
    for key, value in cells.items():
        if value is not None:
            assert synth.cells[key] == value
