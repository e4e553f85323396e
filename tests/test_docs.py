"""Documentation stays complete: every public name and CLI command documented; the example runs."""

from __future__ import annotations

import pytest

import disclosure_parser as dp
from disclosure_parser.cli import main

from .conftest import ROOT

DOCS = ROOT / "docs"
HANDWRITTEN = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md"))


def test_every_public_name_in_the_api_reference() -> None:
    api = (DOCS / "reference" / "api.md").read_text(encoding="utf-8")
    missing = [n for n in dp.__all__ if not n.startswith("_") and f"::: disclosure_parser.{n}\n" not in api]
    assert missing == []


def test_every_cli_command_documented_and_helped() -> None:
    for name, command in main.commands.items():  # type: ignore[attr-defined]
        assert f"disclosure-parser {name}" in HANDWRITTEN, name
        assert command.help, name


def test_every_finding_code_emitted_is_catalogued() -> None:
    import re

    from disclosure_parser.codes import FINDING_CODES

    emitted: set[str] = set()
    for path in (ROOT / "src" / "disclosure_parser").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        emitted |= set(re.findall(r'(?:add|note)\(\s*"([A-Z][0-9]+)"', text))
        emitted |= set(re.findall(r'code="([A-Z][0-9]+)"', text))
    assert emitted - set(FINDING_CODES) == set()


def test_report_html_structure_and_highlights() -> None:
    lxml_html = pytest.importorskip("lxml.html")
    text = (ROOT / "samples" / "lanshan_jiedao_2020.md").read_text(encoding="utf-8")
    report = dp.parse(text.replace("| 1 | 0 | 0 | 0 | 1 |", "| 1 | 0 | 0 | 0 | 5 |", 1))
    tree = lxml_html.fromstring(report._repr_html_())
    matrix = next(t for t in tree.iter("table") if "收到和处理" in (t.findtext("caption") or ""))
    assert len(matrix.findall("tr")) == 1 + 23  # header + the 23 rows of the 2019 template
    bad = {td.get("data-key") for td in tree.iter("td") if "dp-bad" in (td.get("class") or "")}
    assert bad == {"review.total", "review.upheld", "review.corrected", "review.other", "review.pending"}
    donghu = lxml_html.fromstring(dp.parse(ROOT / "samples" / "donghu_xiang_2023.md")._repr_html_())
    blank = [td for td in donghu.iter("td") if td.get("data-key") == "applications.granted.commercial_enterprise"]
    assert blank[0].text == "—" and "dp-blank" in blank[0].get("class")
    assert str(report).startswith("<Report 岚山区岚山街道办事处 2020 template=2019")


def test_worked_example_notebook_runs() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    path = ROOT / "examples" / "worked_example.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o for o in outputs if "text/html" in o.get("data", {})]
    assert any("dp-report" in o["data"]["text/html"] for o in html)
