"""Shared fixtures: sample paths, the real corpus (optional), and golden-file handling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDENS = Path(__file__).resolve().parent / "goldens"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output instead of comparing",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html", ".docx", ".pdf"})


def corpus_available() -> bool:
    return (CORPUS / "MANIFEST.tsv").exists()


needs_corpus = pytest.mark.skipif(not corpus_available(), reason="../shared/corpus is not present")


def check_golden(path: Path, actual: str, update: bool) -> None:
    """Compare with a golden file; a missing golden fails unless --update-goldens is given."""
    if update:
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"golden file missing: {path.relative_to(ROOT)} (run pytest --update-goldens and review it)")
    expected = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        assert json.loads(actual) == json.loads(expected)
    else:
        assert actual == expected
