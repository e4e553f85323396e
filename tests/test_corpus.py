"""Real published reports from ../shared/corpus (skipped on a clone without it)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import disclosure_parser as dp

from .conftest import CORPUS, corpus_available, needs_corpus

pytestmark = [needs_corpus, pytest.mark.corpus]


def _truths(*suffixes: str) -> list[Path]:
    if not corpus_available():
        return []
    return sorted(p for p in CORPUS.glob("*.truth.json") if p.name.removesuffix(".truth.json").endswith(suffixes))


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), abs_tol=1e-6)  # type: ignore[arg-type]


@pytest.mark.parametrize("truth_path", _truths(".txt", ".md"), ids=lambda p: p.name)
def test_text_documents_parse_with_the_right_template(truth_path: Path) -> None:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    report = dp.parse(truth_path.with_name(truth["file"]))
    assert str(report.template) == str(truth["meta"]["template"])
    # Whatever is not yet recovered must be None, never a wrong number.
    cells = report.cells()
    wrong = {
        k: (v, cells.get(k)) for k, v in truth["cells"].items() if cells.get(k) is not None and not _same(cells[k], v)
    }
    assert wrong == {}


def test_shuyang_xianzhengfu_2025_is_exact() -> None:
    truth = json.loads((CORPUS / "shuyang_xianzhengfu_2025.txt.truth.json").read_text(encoding="utf-8"))
    report = dp.parse(CORPUS / "shuyang_xianzhengfu_2025.txt")
    cells = report.cells()
    assert {k: cells[k] for k in truth["cells"]} == truth["cells"]
    meta = truth["meta"]
    assert (report.meta.agency, report.meta.year, str(report.meta.published)) == (
        meta["agency"],
        meta["year"],
        meta["published"],
    )
    assert report.is_consistent
