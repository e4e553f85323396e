"""Hostile and broken input: every case ends in a typed error or an honest report, bounded.

Each case runs in its own process (``python -m tests.hostile_cases``) so its peak RSS is
measured alone. Bounds: 2 s for the parse, 300 MB peak RSS for the whole process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import disclosure_parser as dp

from .conftest import ROOT
from .hostile_cases import CASES

MAX_SECONDS = 2.0
MAX_RSS_MB = 300.0
ERRORS = {name for name in dp.__all__ if name.endswith("Error")}

EXPECTED = {
    "huge.txt": "SourceError",
    "txt-lines-of-tabs.txt": "report:not_a_report:None",
    "extension-lies.docx": "report:ok:2019",
    "legacy-ole.doc": "UnsupportedFormatError",
    "legacy-ole-named.xls": "UnsupportedFormatError",
    "directory": "SourceError",
    "broken-symlink": "SourceError",
    "docx-zip-bomb": "ResourceLimitError",
    "pdf-thousands-of-pages": "ResourceLimitError",
    "pdf-content-bomb": "ResourceLimitError",
    "pdf-encrypted-with-password": "EncryptedDocumentError",
    **{f"zero-bytes{e}": "SourceError" for e in (".txt", ".md", ".html", ".docx", ".pdf")},
}


def run_case(name: str, tmp: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-m", "tests.hostile_cases", name, str(tmp)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_case(name: str, tmp_path: Path) -> None:
    result = run_case(name, tmp_path)
    outcome = str(result["outcome"])
    assert outcome in ERRORS or outcome.startswith("report:"), result
    if name in EXPECTED:
        assert outcome == EXPECTED[name], result
    assert result["seconds"] <= MAX_SECONDS, result
    assert result["rss_mb"] <= MAX_RSS_MB, result
    assert result["leaked"] is False, result  # no local file content through an entity


def test_parse_many_with_ten_percent_hostile(tmp_path: Path) -> None:
    good = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".md"))
    files: list[str] = []
    for i in range(9):
        for p in good:
            target = tmp_path / f"{i}_{p.name}"
            target.write_bytes(p.read_bytes())
            files.append(str(target))
    hostile = ["zero-bytes.pdf", "random-bytes.docx", "legacy-ole.doc"]
    for name in hostile:
        path, _ = CASES[name](tmp_path)
        files.append(str(path))
    results = list(dp.parse_many(files, workers=2, timeout=30))
    assert len(results) == len(files)
    assert all(r.status == "ok" for r in results[: 9 * len(good)])
    assert [r.status for r in results[9 * len(good) :]] == ["failed"] * len(hostile)
