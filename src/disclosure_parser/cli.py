"""The ``disclosure-parser`` command line. Each command mirrors the API function of the same name.

Exit codes: 0 all inputs parsed, 1 at least one input failed (one ``error:`` line each on
stderr), 2 usage errors. JSON is printed with Chinese unescaped unless ``--ascii``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any, Literal, TypeVar

import click

from . import api
from ._version import __version__
from .document import Figure, Paragraph, RawDocument
from .errors import DisclosureParserError
from .formats import InputFormat
from .options import ParseOptions
from .readers import READERS
from .report import Report
from .schema import keys_for

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])
_FORMATS = click.Choice([f.value for f in InputFormat])


def _source(path: str) -> tuple[Any, str]:
    if path == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    return path, path


def _format_option(fn: F) -> F:
    return click.option("--format", "fmt", type=_FORMATS, default=None, help="Skip format sniffing.")(fn)


_OCR_MODES: dict[str, bool | Literal["auto"]] = {"off": False, "auto": "auto", "always": True}


def _ocr_option(fn: F) -> F:
    return click.option(
        "--ocr",
        "ocr",
        type=click.Choice(list(_OCR_MODES)),
        default="off",
        show_default=True,
        help="Read PDF pages by OCR (needs the [ocr] extra): auto = only pages without a usable text "
        "layer (scans), always = every page.",
    )(fn)


def _dump(obj: Any, *, ascii_only: bool, indent: int | None) -> str:
    return json.dumps(obj, ensure_ascii=ascii_only, indent=indent, default=str)


def _report_json(report: Report, *, ascii_only: bool, indent: int | None) -> str:
    if not ascii_only:
        return report.model_dump_json(indent=indent)
    return _dump(report.model_dump(mode="json"), ascii_only=True, indent=indent)


def _parse_all(
    files: tuple[str, ...], fmt: str | None, strict: bool, ocr: str = "off"
) -> Iterator[tuple[str, Report | None]]:
    for path in files:
        data, name = _source(path)
        try:
            yield name, api.parse(data, format=fmt, strict=strict, ocr=_OCR_MODES[ocr])
        except DisclosureParserError as exc:
            click.echo(f"error: {name}: {type(exc).__name__}: {exc.message}", err=True)
            yield name, None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="disclosure-parser")
def main() -> None:
    """Parse 政府信息公开工作年度报告 (government information-disclosure annual reports)."""


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Choice(["json", "jsonl", "cells"]),
    default="json",
    show_default=True,
    help="json: the full report (an array for several files); jsonl: one report per line; "
    "cells: one line per file with the canonical cell values.",
)
@click.option("--strict", is_flag=True, help="Fail a file whose report has error findings.")
@click.option("--ascii", "ascii_only", is_flag=True, help="Escape non-ASCII characters in JSON.")
@_format_option
@_ocr_option
def parse(files: tuple[str, ...], output: str, strict: bool, ascii_only: bool, fmt: str | None, ocr: str) -> None:
    """Parse FILE... (use - for standard input) and print JSON."""
    failed = 0
    reports: list[str] = []
    for name, report in _parse_all(files, fmt, strict, ocr):
        if report is None:
            failed += 1
            continue
        if output == "cells":
            click.echo(
                _dump(
                    {"file": name, "template": report.template, "cells": report.cells()},
                    ascii_only=ascii_only,
                    indent=None,
                )
            )
        elif output == "jsonl":
            click.echo(_report_json(report, ascii_only=ascii_only, indent=None))
        else:
            reports.append(_report_json(report, ascii_only=ascii_only, indent=2))
    if output == "json" and reports:
        click.echo(reports[0] if len(files) == 1 else "[\n" + ",\n".join(reports) + "\n]")
    if failed:
        sys.exit(1)


R = TypeVar("R")


def _one(fn: Callable[..., R], file: str, fmt: str | None, **kwargs: Any) -> R:
    """Run one API function on FILE (or stdin), a library error becoming a one-line CLI error."""
    data, name = _source(file)
    try:
        return fn(data, format=fmt, **kwargs)
    except DisclosureParserError as exc:
        raise click.ClickException(f"{name}: {exc.message}") from exc


def _outline(doc: RawDocument) -> Iterator[str]:
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            yield ("#" * block.level + " " if block.level else "") + block.text
        elif isinstance(block, Figure):
            yield f"[figure: {block.description}]"
        else:
            yield f"[table {block.index}: {block.n_rows} rows x {block.n_cols} cols, aligned={block.aligned}]"
            for r in range(block.n_rows):
                yield "\t" + " | ".join(c.text for c in block.row_cells(r))


@main.command()
@click.argument("file")
@_format_option
@_ocr_option
def read(file: str, fmt: str | None, ocr: str) -> None:
    """Print what the reader extracted from FILE: paragraphs and tables, uninterpreted."""
    for line in _outline(_one(api.read, file, fmt, ocr=_OCR_MODES[ocr])):
        click.echo(line)


@main.command()
@click.argument("file")
@_format_option
def segment(file: str, fmt: str | None) -> None:
    """Print the six parts found in FILE: heading, number of paragraphs and tables."""
    seg = _one(api.segment, file, fmt)
    for span in seg.sections:
        n_tables = len(span.tables())
        click.echo(f"{span.id.value}\t{span.heading}\t{len(span.blocks) - n_tables} paragraphs\t{n_tables} tables")
    for sid in seg.missing:
        click.echo(f"{sid.value}\t(not found)")


@main.command()
@click.option("--template", type=click.Choice(["2019", "2021"]), default="2021", show_default=True)
def keys(template: str) -> None:
    """List the canonical cell keys of a template version with their Chinese labels (TSV)."""
    click.echo("key\ttable\trow_label\tcolumn_label\tvalue_type")
    for spec in keys_for(template):  # type: ignore[arg-type]
        click.echo(f"{spec.key}\t{spec.table}\t{spec.row_label}\t{spec.column_label}\t{spec.value_type}")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False),
    help="results.duckdb (default kind), results.sqlite, or an export: .csv .parquet .xlsx .jsonl",
)
@click.option("--workers", "-w", type=int, default=None, help="Worker processes (default: CPU count).")
@click.option("--timeout", type=float, default=120.0, show_default=True, help="Seconds allowed per file.")
@click.option("--chinese-headers", is_flag=True, help="Chinese column names in CSV/Parquet/Excel exports.")
@click.option("--no-progress", is_flag=True, help="No progress bar (for logs).")
@_ocr_option
def batch(
    inputs: tuple[str, ...],
    out: str,
    workers: int | None,
    timeout: float,
    chinese_headers: bool,
    no_progress: bool,
    ocr: str,
) -> None:
    """Parse files, directories or globs into a resumable database (and export).

    Documents are keyed by content hash: a rerun skips what is stored, an interrupted run
    keeps every document already committed. Failed files are stored with their error.
    """
    from .bulk import run_batch

    bar = _ProgressBar(disabled=no_progress)
    try:
        summary = run_batch(
            inputs,
            out,
            workers=workers,
            timeout=timeout,
            options=ParseOptions(ocr=_OCR_MODES[ocr]),
            chinese_headers=chinese_headers,
            progress=bar.update,
            on_total=bar.start,
        )
    except DisclosureParserError as exc:
        raise click.ClickException(exc.message) from exc
    finally:
        bar.close()
    click.echo(summary.line(), err=True)
    for path in summary.files:
        click.echo(str(path))


class _ProgressBar:
    """tqdm bar showing done, failed, rate and ETA."""

    def __init__(self, *, disabled: bool) -> None:
        self.disabled = disabled
        self.bar: Any = None
        self.failed = 0

    def start(self, total: int) -> None:
        if self.disabled:
            return
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="file", dynamic_ncols=True, file=sys.stderr)

    def update(self, result: Any) -> None:
        if self.bar is None:
            return
        if result.status == "failed":
            self.failed += 1
        self.bar.set_postfix(failed=self.failed, refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@main.command()
def formats() -> None:
    """List the input formats and the reader handling each, and whether OCR of scanned PDFs is available."""
    for fmt in InputFormat:
        reader = READERS.get(fmt)
        click.echo(f"{fmt.value}\t{reader.__name__ if reader else '(no reader)'}")
    from .readers.pdf.ocr import INSTALL_HINT, ocr_available

    click.echo(f"ocr\t{'installed' if ocr_available() else 'not installed: ' + INSTALL_HINT}")


if __name__ == "__main__":  # pragma: no cover
    main()
