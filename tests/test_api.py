"""The public API: sources of every kind, typed errors, strict mode, JSON round trips."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import disclosure_parser as dp

from .conftest import SAMPLES

SAMPLE = SAMPLES / "qinghe_zrzyj_2024.txt"


def test_path_bytes_str_and_file_give_the_same_cells() -> None:
    by_path = dp.parse(SAMPLE).cells()
    assert dp.parse(str(SAMPLE)).cells() == by_path
    assert dp.parse(SAMPLE.read_bytes()).cells() == by_path
    assert dp.parse(SAMPLE.read_bytes().decode("gb18030")).cells() == by_path
    with SAMPLE.open("rb") as fh:
        assert dp.parse(fh).cells() == by_path
    assert dp.parse(io.BytesIO(SAMPLE.read_bytes())).cells() == by_path


def test_cells_are_exactly_the_template_keys() -> None:
    for path in SAMPLES.glob("*.md"):
        report = dp.parse(path)
        assert report.template in ("2019", "2021")
        assert list(report.cells()) == [s.key for s in dp.keys_for(report.template)]


def test_blank_is_none_and_raw_text_is_kept() -> None:
    report = dp.parse(SAMPLES / "donghu_xiang_2023.md")
    cell = report.cell("proactive.rules.issued")
    assert cell.value is None and cell.raw == "/"
    blank = report.cell("applications.granted.commercial_enterprise")
    assert blank.value is None and blank.raw == ""
    assert report.cell("applications.granted.natural_person").source is not None


def test_json_round_trip_loses_nothing() -> None:
    for path in SAMPLES.glob("*.*"):
        if path.suffix not in (".txt", ".md"):
            continue
        report = dp.parse(path)
        again = dp.Report.model_validate_json(report.model_dump_json())
        assert again == report
        assert again.cells() == report.cells()


def test_provenance() -> None:
    report = dp.parse(SAMPLE)
    src = report.meta.source
    assert src is not None and src.name == str(SAMPLE) and src.format == "txt" and len(src.sha256) == 64
    assert src.parser_version == dp.__version__


@pytest.mark.parametrize(
    ("source", "error"),
    [
        (b"", dp.SourceError),
        (b"   \n ", dp.SourceError),
        ("no_such_report.docx", dp.SourceError),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, dp.UnsupportedFormatError),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, dp.UnsupportedFormatError),
    ],
)
def test_bad_input_raises_typed_errors(source: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        dp.parse(source)  # type: ignore[arg-type]


def test_directory_and_empty_file(tmp_path: Path) -> None:
    with pytest.raises(dp.SourceError, match="directory"):
        dp.parse(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(dp.SourceError, match="empty"):
        dp.parse(empty)


def test_max_bytes_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    with pytest.raises(dp.SourceError, match="limit"):
        dp.parse(big, options=dp.ParseOptions(max_bytes=1000))


def test_reading_a_small_file_does_not_allocate_max_bytes(tmp_path: Path) -> None:
    import tracemalloc

    small = tmp_path / "small.txt"
    small.write_text("一、总体情况\n", encoding="utf-8")
    tracemalloc.start()
    try:
        dp.read(small)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # not the 64 MB of max_bytes


def test_errors_keep_their_cause_and_are_picklable() -> None:
    import pickle

    with pytest.raises(dp.ReadError) as info:
        dp.parse(bytes(range(128, 256)) * 20, format="txt")
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is dp.ReadError and again.message == info.value.message and again.format == "txt"


def test_not_a_report() -> None:
    report = dp.parse("今天天气很好。\n我们去公园散步。\n")
    assert report.template is None and report.status == "not_a_report" and report.cells() == {}


def test_strict_mode_raises_on_error_findings() -> None:
    text = SAMPLE.read_bytes().decode("gb18030").replace("\t1286\n", "\t1286\n", 1)
    broken = text.replace("\t2\n\t1\n\t0\n\t1\n\t4\n", "\t2\n\t1\n\t0\n\t1\n\t9\n", 1)  # 复议总计 9 ≠ 4
    report = dp.parse(broken)
    assert not report.is_consistent
    with pytest.raises(dp.StrictModeError) as info:
        dp.parse(broken, strict=True)
    assert info.value.findings and info.value.findings[0].code == "C4"
    dp.parse(text, strict=True)  # a consistent report passes


def test_bad_format_argument_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="format"):
        dp.parse(b"abc", format="xls")


def test_keyword_only_after_source() -> None:
    with pytest.raises(TypeError):
        dp.parse(SAMPLE, "txt")  # type: ignore[misc]
