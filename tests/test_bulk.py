"""The batch command: resumable database, crash safety, exports, DataFrames, Dask."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import disclosure_parser as dp
from disclosure_parser.cli import main

from .conftest import SAMPLES

SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".md", ".txt"))


def _corpus(tmp_path: Path, copies: int = 3) -> Path:
    """Distinct report files (a trailing comment line makes each copy's content unique)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(copies):
        for p in SAMPLE_FILES:
            data = p.read_bytes()
            tail = f"\n\n{i}\n".encode() if p.suffix == ".md" else f"\n\n注{i}\n".encode("gb18030")
            (folder / f"{p.stem}_{i}{p.suffix}").write_bytes(data + tail)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return folder


def _count(db: Path, sql: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def test_batch_sqlite_is_resumable_and_records_failures(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, copies=2)
    db = tmp_path / "r.sqlite"
    runner = CliRunner()
    first = runner.invoke(main, ["batch", str(folder), "--out", str(db), "-w", "2", "--no-progress"])
    assert first.exit_code == 0, first.output
    n_files = len(list(folder.iterdir()))
    assert _count(db, "SELECT COUNT(*) FROM documents") == n_files
    assert _count(db, "SELECT COUNT(*) FROM documents WHERE status = 'failed'") == 1
    assert _count(db, "SELECT COUNT(DISTINCT doc_id) FROM cells") == n_files - 1
    second = runner.invoke(main, ["batch", str(folder), "--out", str(db), "--no-progress"])
    assert f"{n_files} skipped" in second.stderr
    assert _count(db, "SELECT COUNT(*) FROM documents") == n_files


def test_batch_duckdb_matches_api(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    db = tmp_path / "r.duckdb"
    result = CliRunner().invoke(main, ["batch", *map(str, SAMPLE_FILES), "--out", str(db), "--no-progress"])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(db))
    for path in SAMPLE_FILES:
        report = dp.parse(path)
        doc_id = report.meta.source.sha256  # type: ignore[union-attr]
        rows = dict(con.execute("SELECT key, value FROM cells WHERE doc_id = ?", [doc_id]).fetchall())
        assert rows == {k: (None if v is None else float(v)) for k, v in report.cells().items()}
    con.close()


def test_kill_midway_then_rerun_gives_one_row_per_document(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, copies=40)
    db = tmp_path / "k.sqlite"
    cmd = [
        sys.executable,
        "-m",
        "disclosure_parser",
        "batch",
        str(folder),
        "--out",
        str(db),
        "-w",
        "1",
        "--no-progress",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if db.exists() and _count(db, "SELECT COUNT(*) FROM documents") >= 3:
            break
    os.killpg(proc.pid, signal.SIGKILL)  # kill -9, workers included
    proc.wait()
    stored = _count(db, "SELECT COUNT(*) FROM documents")
    n_files = len(list(folder.iterdir()))
    assert 0 < stored < n_files
    # no half-written document: every stored report has all its cells
    assert (
        _count(
            db,
            "SELECT COUNT(*) FROM documents d WHERE status != 'failed' AND "
            "(SELECT COUNT(*) FROM cells c WHERE c.doc_id = d.doc_id) NOT IN (0, 198, 207)",
        )
        == 0
    )
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    assert _count(db, "SELECT COUNT(*) FROM documents") == n_files
    assert _count(db, "SELECT COUNT(*) - COUNT(DISTINCT doc_id) FROM documents") == 0


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".xlsx", ".jsonl"])
def test_exports_round_trip(tmp_path: Path, suffix: str) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / f"results{suffix}"
    result = CliRunner().invoke(main, ["batch", *map(str, SAMPLE_FILES), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    expected = dp.to_frame([dp.parse(p) for p in SAMPLE_FILES])
    if suffix == ".jsonl":
        lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        assert len(lines) == len(SAMPLE_FILES)
        assert all(dp.Report.model_validate(x["report"]).template for x in lines)
        return
    if suffix == ".xlsx":
        cells = pd.read_excel(out, sheet_name="cells")
    elif suffix == ".csv":
        cells = pd.read_csv(out.with_name("results.cells.csv"), encoding="utf-8-sig")
    else:
        cells = pd.read_parquet(out.with_name("results.cells.parquet"))
    got = cells.set_index(["doc_id", "key"])["value"].astype("Float64").sort_index()
    want = expected.set_index(["doc_id", "key"])["value"].sort_index()
    assert got.index.equals(want.index)
    assert got.fillna(-1).tolist() == want.fillna(-1).tolist()


def test_excel_with_chinese_headers(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "结果.xlsx"
    args = ["batch", str(SAMPLE_FILES[0]), "--out", str(out), "--chinese-headers", "--no-progress"]
    assert CliRunner().invoke(main, args).exit_code == 0
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["文档", "单元格", "提示"]
    header = next(wb["单元格"].iter_rows(max_row=1, values_only=True))
    assert "单元格键" in header and "数值" in header


def test_to_frame_long_and_wide() -> None:
    pytest.importorskip("pandas")
    reports = [dp.parse(p) for p in SAMPLE_FILES]
    long = dp.to_frame(reports)
    assert len(long) == sum(len(r.cells()) for r in reports)
    for report in reports:
        sub = long[long["doc_id"] == report.meta.source.sha256]  # type: ignore[union-attr]
        assert list(sub["key"]) == [s.key for s in dp.keys_for(report.template)]  # type: ignore[arg-type]
    wide = dp.to_frame(reports, shape="wide")
    assert len(wide) == len(reports)
    keys = {s.key for t in ("2019", "2021") for s in dp.keys_for(t)}
    assert set(wide.columns) - keys == {"doc_id", "file", "agency", "year", "published", "template", "status"}
    row = wide[wide["agency"] == "青禾县自然资源局"].iloc[0]
    assert (
        row["applications.new_received.total"]
        == dp.parse(SAMPLES / "qinghe_zrzyj_2024.txt").cells()["applications.new_received.total"]
    )
    chinese = dp.to_frame(reports, chinese_headers=True)
    assert {"机关名称", "单元格键", "行标签", "列标签", "数值", "原文"} <= set(chinese.columns)


def test_dask_on_a_local_cluster(tmp_path: Path) -> None:
    pytest.importorskip("dask")
    distributed = pytest.importorskip("distributed")
    from disclosure_parser.dask import read_reports

    files = [str(p) for p in SAMPLE_FILES] + [str(tmp_path / "missing.txt")]
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        cells = read_reports(files, table="cells", files_per_partition=2)
        assert cells.npartitions == 2
        frame = cells.compute()
        docs = read_reports(files, table="documents").compute()
    expected = dp.to_frame([dp.parse(p) for p in SAMPLE_FILES])
    assert sorted(frame["key"]) == sorted(expected["key"])
    assert list(docs["status"]) == ["ok"] * len(SAMPLE_FILES) + ["failed"]


def test_tidy_rows_are_in_column_order() -> None:
    """Batch workers send rows as tuples in column order: the dicts must list their keys that way."""
    from disclosure_parser.tidy import CELL_COLUMNS, FINDING_COLUMNS, cell_rows, finding_rows

    report = dp.parse(SAMPLE_FILES[0])
    assert list(next(cell_rows(report, doc_id="x"))) == list(CELL_COLUMNS)
    text = "一、总体情况\n本年新收政府信息公开申请数量 予以公开"
    assert list(next(finding_rows(dp.parse(text), doc_id="x"))) == list(FINDING_COLUMNS)
