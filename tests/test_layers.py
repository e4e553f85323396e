"""Imports flow one way: readers → document → segmenter → tables → models → validation → api/batch → cli."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "src" / "disclosure_parser"

# module (or package prefix) → modules it must never import
FORBIDDEN = {
    "readers": ("segmenter", "tables", "models", "report", "validation", "build", "api", "parser", "cli", "batch"),
    "document": ("readers", "segmenter", "tables", "models", "report", "validation", "api", "cli"),
    "segmenter": ("readers", "tables", "report", "validation", "api", "cli"),
    "tables": ("readers", "segmenter", "report", "validation", "build", "api", "parser", "cli"),
    "models": ("readers", "segmenter", "tables", "report", "validation", "build", "api", "cli"),
    "validation": ("readers", "tables", "build", "api", "parser", "cli"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level > 0 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("disclosure_parser."):
            found.add(node.module.split(".")[1])  # type: ignore[union-attr]
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_does_not_import_downstream(layer: str) -> None:
    files = sorted((PKG / layer).rglob("*.py")) if (PKG / layer).is_dir() else [PKG / f"{layer}.py"]
    assert files
    for path in files:
        bad = _imports(path) & set(FORBIDDEN[layer])
        assert not bad, f"{path.relative_to(PKG)} imports {sorted(bad)}"
