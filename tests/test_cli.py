"""The CLI prints exactly what the API returns."""

from __future__ import annotations

import json

from click.testing import CliRunner

import disclosure_parser as dp
from disclosure_parser.cli import main

from .conftest import SAMPLES

SAMPLE = SAMPLES / "lanshan_jiedao_2020.md"


def test_parse_json_equals_api() -> None:
    result = CliRunner().invoke(main, ["parse", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert dp.Report.model_validate_json(result.output) == dp.parse(SAMPLE)
    assert "岚山街道" in result.output  # Chinese printed unescaped


def test_cells_output_equals_api() -> None:
    result = CliRunner().invoke(main, ["parse", "-o", "cells", str(SAMPLE)])
    assert result.exit_code == 0
    line = json.loads(result.output)
    assert line["cells"] == dp.parse(SAMPLE).cells() and line["template"] == "2019"


def test_jsonl_several_files_and_ascii() -> None:
    files = sorted(str(p) for p in SAMPLES.glob("*.md"))
    result = CliRunner().invoke(main, ["parse", "-o", "jsonl", "--ascii", *files])
    lines = result.output.strip().splitlines()
    assert len(lines) == len(files) and all(line.isascii() for line in lines)
    assert [dp.Report.model_validate_json(x).cells() for x in lines] == [dp.parse(f).cells() for f in files]


def test_stdin() -> None:
    result = CliRunner().invoke(main, ["parse", "-o", "cells", "-"], input=SAMPLE.read_bytes())
    assert json.loads(result.output)["cells"] == dp.parse(SAMPLE).cells()


def test_failure_gives_one_error_line_and_exit_1(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    result = CliRunner().invoke(main, ["parse", "-o", "cells", str(bad), str(SAMPLE)])
    assert result.exit_code == 1
    errors = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert len(errors) == 1 and "UnsupportedFormatError" in errors[0]
    assert json.loads(result.stdout)["template"] == "2019"  # the good file still parsed


def test_read_segment_keys_formats() -> None:
    runner = CliRunner()
    assert "[table" in runner.invoke(main, ["read", str(SAMPLE)]).output
    seg = runner.invoke(main, ["segment", str(SAMPLE)]).output
    assert seg.splitlines()[0].startswith("一\t")
    keys = runner.invoke(main, ["keys", "--template", "2019"]).output.splitlines()
    assert len(keys) == 1 + len(dp.keys_for("2019"))
    listed = runner.invoke(main, ["formats"]).output
    assert "txt" in listed and "\nocr\t" in listed
