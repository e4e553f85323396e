"""parse_many and the worker pool: isolation, timeouts, crashes, order, statuses."""

from __future__ import annotations

import time
from pathlib import Path

import disclosure_parser as dp
from disclosure_parser.pool import WorkerPool

from .conftest import SAMPLES
from .pool_tasks import behave

SAMPLE_FILES = sorted(str(p) for p in SAMPLES.glob("*.md")) + sorted(str(p) for p in SAMPLES.glob("*.txt"))


def test_pool_survives_hang_crash_and_exceptions() -> None:
    pool = WorkerPool(behave, workers=2, timeout=2.0, memory_mb=1024)
    started = time.monotonic()
    outcomes = {o.index: o for o in pool.run(["a", "hang", "crash", "raise", "memory", "b"])}
    assert time.monotonic() - started < 20
    assert outcomes[0].ok and outcomes[0].value == "A"
    assert outcomes[5].ok and outcomes[5].value == "B"
    assert (outcomes[1].ok, outcomes[1].error_type) == (False, "Timeout")
    assert (outcomes[2].ok, outcomes[2].error_type) == (False, "WorkerCrashed")
    assert (outcomes[3].ok, outcomes[3].error_type, outcomes[3].error) == (False, "ValueError", "bad input")
    assert (outcomes[4].ok, outcomes[4].error_type) == (False, "MemoryError")


def test_parse_many_ordered_with_failures(tmp_path: Path) -> None:
    bad = tmp_path / "legacy.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    sources = [*SAMPLE_FILES, str(bad), str(tmp_path / "missing.txt"), Path(SAMPLE_FILES[0]).read_bytes()]
    seen: list[str] = []
    results = list(dp.parse_many(sources, workers=2, progress=lambda r: seen.append(r.status)))
    assert [r.index for r in results] == list(range(len(sources)))
    assert [r.status for r in results[: len(SAMPLE_FILES)]] == ["ok"] * len(SAMPLE_FILES)
    assert results[len(SAMPLE_FILES)].error_type == "UnsupportedFormatError"
    assert results[len(SAMPLE_FILES) + 1].error_type == "SourceError"
    assert results[-1].status == "ok" and results[-1].source.startswith("<bytes")
    assert results[0].report is not None and results[0].report.cells() == dp.parse(SAMPLE_FILES[0]).cells()
    assert seen == [r.status for r in results]


def test_parse_many_unordered_and_in_process() -> None:
    unordered = list(dp.parse_many(SAMPLE_FILES, workers=2, ordered=False))
    assert sorted(r.index for r in unordered) == list(range(len(SAMPLE_FILES)))
    serial = list(dp.parse_many(SAMPLE_FILES, workers=0))
    assert [r.report.cells() for r in serial if r.report] == [dp.parse(f).cells() for f in SAMPLE_FILES]


def test_partial_status_for_error_findings(tmp_path: Path) -> None:
    text = (SAMPLES / "lanshan_jiedao_2020.md").read_text(encoding="utf-8")
    broken = tmp_path / "broken.md"
    broken.write_text(text.replace("| 1 | 0 | 0 | 0 | 1 |", "| 1 | 0 | 0 | 0 | 5 |", 1), encoding="utf-8")
    (result,) = dp.parse_many([str(broken)], workers=0)
    assert result.status == "partial"
    assert result.report is not None and not result.report.is_consistent
