"""Reports as pandas DataFrames, long (tidy) or wide. Needs the ``pandas`` extra."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from .batch import ParseResult
from .errors import MissingDependencyError
from .report import Report
from .tidy import CELL_COLUMNS, CHINESE_HEADERS, cell_rows

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["to_frame"]

_WIDE_META = ("doc_id", "file", "agency", "year", "published", "template", "status")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise MissingDependencyError("to_frame needs pandas: pip install 'disclosure-parser[pandas]'") from exc
    return pandas


def _items(items: Iterable[Report | ParseResult]) -> Iterable[tuple[str, Report | None, ParseResult | None]]:
    for item in items:
        if isinstance(item, ParseResult):
            yield item.source, item.report, item
        else:
            src = item.meta.source
            yield (src.name or "") if src else "", item, None


def _doc_id(report: Report | None, file: str) -> str:
    if report is not None and report.meta.source is not None:
        return report.meta.source.sha256
    return "path:" + hashlib.sha256(file.encode()).hexdigest()


def to_frame(
    items: Iterable[Report | ParseResult],
    *,
    shape: Literal["long", "wide"] = "long",
    chinese_headers: bool = False,
) -> pd.DataFrame:
    """A DataFrame of reports (or ``parse_many`` results).

    ``long``: one row per document × canonical cell — ``doc_id, file, agency, year, template,
    table_name, row_key, column_key, key, row_label, column_label, value_type, value, raw``.
    ``wide``: one row per document — its metadata, then one column per canonical key
    (the union over the documents; a 2019 report has no value in a 2021-only column).
    Failed results appear in ``wide`` with their status and no values, and not in ``long``.
    """
    pd = _pandas()
    if shape not in ("long", "wide"):
        raise ValueError(f"shape must be 'long' or 'wide', not {shape!r}")
    records: list[dict[str, Any]] = []
    for file, report, result in _items(items):
        doc_id = _doc_id(report, file)
        if shape == "long":
            if report is not None:
                records.extend({"file": file, **row} for row in cell_rows(report, doc_id=doc_id))
            continue
        meta = report.meta if report else None
        record: dict[str, Any] = {
            "doc_id": doc_id,
            "file": file,
            "agency": meta.agency if meta else None,
            "year": meta.year if meta else None,
            "published": meta.published if meta else None,
            "template": report.template if report else None,
            "status": result.status if result else (report.status if report else None),
        }
        if report is not None:
            record.update(report.cells())
        records.append(record)
    columns = ["file", *CELL_COLUMNS] if shape == "long" else None
    frame = pd.DataFrame.from_records(records, columns=columns)
    if shape == "long":
        frame = frame[["doc_id", "file", *[c for c in CELL_COLUMNS if c != "doc_id"]]]
        frame["value"] = frame["value"].astype("Float64")  # <NA> for blanks, never 0
    else:
        for col in frame.columns[len(_WIDE_META) :]:
            frame[col] = frame[col].astype("Float64")
    if chinese_headers:
        frame = frame.rename(columns=CHINESE_HEADERS)
    return frame
