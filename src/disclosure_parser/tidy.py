"""Reports as tidy records: one document row, one row per canonical cell, one row per finding.

The single definition of the tabular shape, shared by the batch database, the file
exports, :func:`disclosure_parser.to_frame` and the Dask integration, so every output
has the same columns with the same meaning.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .batch import ParseResult
from .models import Finding
from .report import Report
from .schema import key_spec

__all__ = [
    "CELL_COLUMNS",
    "CHINESE_HEADERS",
    "DOCUMENT_COLUMNS",
    "FINDING_COLUMNS",
    "cell_rows",
    "document_row",
    "finding_row",
    "finding_rows",
    "split_key",
]

DOCUMENT_COLUMNS = (
    "doc_id",
    "file",
    "size",
    "format",
    "status",
    "report_status",
    "template",
    "agency",
    "year",
    "published",
    "title",
    "error_type",
    "error",
    "n_findings",
    "n_errors",
    "seconds",
    "parser_version",
)
CELL_COLUMNS = (
    "doc_id",
    "agency",
    "year",
    "template",
    "table_name",
    "row_key",
    "column_key",
    "key",
    "row_label",
    "column_label",
    "value_type",
    "value",
    "raw",
)
FINDING_COLUMNS = ("doc_id", "seq", "code", "severity", "message", "cells", "section", "raw")

CHINESE_HEADERS: dict[str, str] = {
    "doc_id": "文档标识(SHA-256)",
    "file": "文件",
    "size": "字节数",
    "format": "格式",
    "status": "处理状态",
    "report_status": "报告状态",
    "template": "模板版本",
    "agency": "机关名称",
    "year": "报告年度",
    "published": "落款日期",
    "title": "标题",
    "error_type": "错误类型",
    "error": "错误信息",
    "n_findings": "提示数",
    "n_errors": "错误提示数",
    "seconds": "耗时(秒)",
    "parser_version": "解析器版本",
    "table_name": "表",
    "row_key": "行键",
    "column_key": "列键",
    "key": "单元格键",
    "row_label": "行标签",
    "column_label": "列标签",
    "value_type": "数值类型",
    "value": "数值",
    "raw": "原文",
    "seq": "序号",
    "code": "代码",
    "severity": "级别",
    "message": "说明",
    "cells": "涉及单元格",
    "section": "部分",
}


def split_key(key: str) -> tuple[str, str, str]:
    """``(table, row_key, column_key)`` of a canonical key.

    >>> split_key("applications.new_received.total")
    ('applications', 'new_received', 'total')
    >>> split_key("review.upheld")
    ('review_litigation', 'review', 'upheld')
    """
    parts = key.split(".")
    if len(parts) == 3:
        return parts[0], parts[1], parts[2]
    return "review_litigation", parts[0], parts[1]


def document_row(result: ParseResult, *, doc_id: str, size: int | None = None) -> dict[str, Any]:
    """The ``documents`` row for one batch result (also for failed files)."""
    report = result.report
    meta = report.meta if report else None
    src = meta.source if meta else None
    return {
        "doc_id": doc_id,
        "file": result.source,
        "size": src.size if src else size,
        "format": src.format if src else None,
        "status": result.status,
        "report_status": report.status if report else None,
        "template": report.template if report else None,
        "agency": meta.agency if meta else None,
        "year": meta.year if meta else None,
        "published": meta.published.isoformat() if meta and meta.published else None,
        "title": meta.title if meta else None,
        "error_type": result.error_type,
        "error": result.error,
        "n_findings": len(report.findings) if report else 0,
        "n_errors": len(report.errors()) if report else 0,
        "seconds": round(result.seconds, 4),
        "parser_version": src.parser_version if src else None,
    }


def cell_rows(report: Report, *, doc_id: str) -> Iterator[dict[str, Any]]:
    """One row per canonical cell of the report's template (nothing for legacy/non-reports)."""
    if report.template not in ("2019", "2021"):
        return
    for key, cell in report.cell_map().items():
        spec = key_spec(report.template, key)
        table, row_key, column_key = split_key(key)
        yield {
            "doc_id": doc_id,
            "agency": report.meta.agency,
            "year": report.meta.year,
            "template": report.template,
            "table_name": table,
            "row_key": row_key,
            "column_key": column_key,
            "key": key,
            "row_label": spec.row_label,
            "column_label": spec.column_label,
            "value_type": spec.value_type,
            "value": cell.value,
            "raw": cell.raw,
        }


def finding_row(finding: Finding, *, doc_id: str, seq: int) -> dict[str, Any]:
    """One finding as a row; ``cells`` as a JSON list of canonical keys."""
    return {
        "doc_id": doc_id,
        "seq": seq,
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "cells": json.dumps(finding.cells, ensure_ascii=False),
        "section": finding.section.value if finding.section else None,
        "raw": finding.raw,
    }


def finding_rows(report: Report, *, doc_id: str) -> Iterator[dict[str, Any]]:
    """One row per finding of the report."""
    for i, f in enumerate(report.findings):
        yield finding_row(f, doc_id=doc_id, seq=i)
