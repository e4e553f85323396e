"""Every bundled sample against its reviewed golden output (a missing golden fails)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import disclosure_parser as dp

from .conftest import GOLDENS, check_golden, sample_files


def _report_json(path: Path) -> str:
    data = dp.parse(path).model_dump(mode="json")
    data["meta"]["source"]["name"] = path.name  # independent of where the checkout lives
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _outline(path: Path) -> str:
    report = dp.parse(path)
    lines = [
        f"template: {report.template}",
        f"status: {report.status}",
        f"agency: {report.meta.agency}",
        f"year: {report.meta.year}",
        f"published: {report.meta.published}",
    ]
    for s in report.sections:
        shapes = ", ".join(f"{len(t)}x{max((len(r) for r in t), default=0)}" for t in s.tables)
        lines.append(f"part {s.id.value}: {s.heading} [{shapes}]")
    filled = sum(v is not None for v in report.cells().values())
    lines.append(f"cells: {filled} of {len(report.cells())} filled")
    lines.extend(f"finding {f.code} {f.severity}: {f.message}" for f in report.findings)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_report_matches_golden(path: Path, update_goldens: bool) -> None:
    check_golden(GOLDENS / f"{path.name}.report.json", _report_json(path), update_goldens)


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_outline_matches_golden(path: Path, update_goldens: bool) -> None:
    check_golden(GOLDENS / f"{path.name}.outline.txt", _outline(path), update_goldens)


def test_every_sample_is_consistent() -> None:
    """The samples are written to satisfy the template's relations: no C-findings."""
    for path in sample_files():
        report = dp.parse(path)
        assert report.is_consistent, (path.name, [f.message for f in report.findings])
        assert report.template in ("2019", "2021")


def test_update_flag_is_off(update_goldens: bool) -> None:
    """CI must compare goldens, never rewrite them."""
    assert not update_goldens, "--update-goldens rewrites goldens; it must not be used in CI"
