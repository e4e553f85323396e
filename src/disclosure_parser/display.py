"""How reports look in a notebook (HTML) and a terminal (text).

Blank cells show as a grey ``—`` (never as 0), cells that take part in a broken
relation (C1–C7) are highlighted, and every row carries its Chinese template label.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING

from .schema import APPEAL_GROUPS, APPEAL_LEAVES, APPLICANT_COLUMNS, APPLICATION_ROWS, PROACTIVE_ITEMS, ProactiveItem

if TYPE_CHECKING:  # pragma: no cover
    from .models import ApplicationMatrix, Cell
    from .report import Report

__all__ = ["matrix_html", "report_html", "report_text"]

_STYLE = (
    "<style>.dp-report table{border-collapse:collapse;margin:4px 0 12px}"
    ".dp-report td,.dp-report th{border:1px solid #ccc;padding:2px 6px;text-align:right}"
    ".dp-report th.dp-row{text-align:left;font-weight:normal}"
    ".dp-report .dp-blank{color:#aaa}.dp-report .dp-bad{background:#fdd;color:#900;font-weight:bold}"
    ".dp-report .dp-missing{color:#aaa;font-style:italic}</style>"
)
_RELATIONS = {f"C{i}" for i in range(1, 8)}


def _cell_html(cell: Cell, key: str, bad: set[str]) -> str:
    classes = ["dp-bad"] if key in bad else []
    title = escape(f"{key} · raw: {cell.raw!r}")
    if cell.raw is None:
        text, classes = "·", [*classes, "dp-missing"]  # not read at all
    elif cell.value is None:
        text, classes = "—", [*classes, "dp-blank"]  # printed blank or placeholder
    else:
        text = f"{cell.value:g}" if isinstance(cell.value, float) else str(cell.value)
    cls = f' class="{" ".join(classes)}"' if classes else ""
    return f'<td{cls} data-key="{escape(key)}" title="{title}">{escape(text)}</td>'


def _rows_table(caption: str, header: Iterable[str], rows: Iterable[tuple[str, list[str]]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(f'<tr><th class="dp-row">{escape(label)}</th>{"".join(cells)}</tr>' for label, cells in rows)
    return f"<table><caption>{escape(caption)}</caption><tr><th></th>{head}</tr>{body}</table>"


def matrix_html(matrix: ApplicationMatrix, template: str | None, bad: set[str] | None = None) -> str:
    """The part-三 matrix as an HTML table (rows of the given template version)."""
    bad = bad or set()
    rows = []
    for row in APPLICATION_ROWS:
        if template in ("2019", "2021") and template not in row.templates:
            continue
        values = getattr(matrix, row.key)
        cells = [_cell_html(getattr(values, c), f"applications.{row.key}.{c}", bad) for c, _ in APPLICANT_COLUMNS]
        rows.append((row.full_label, cells))
    return _rows_table("三、收到和处理政府信息公开申请情况", [label for _, label in APPLICANT_COLUMNS], rows)


def _bad_cells(report: Report) -> set[str]:
    return {key for f in report.findings if f.code in _RELATIONS for key in f.cells}


def report_html(report: Report) -> str:
    """The whole report for a notebook: metadata, the three tables, the findings."""
    meta = report.meta
    bad = _bad_cells(report)
    parts = [
        _STYLE,
        '<div class="dp-report">',
        f"<b>{escape(meta.agency or '（机关未识别）')}</b> {meta.year or ''} · template {report.template} · "
        f"status {report.status} · published {meta.published or '—'}",
    ]
    if report.template in ("2019", "2021"):
        cells = report.cell_map()
        captions: dict[str, list[ProactiveItem]] = {}
        for item in PROACTIVE_ITEMS[report.template]:
            captions.setdefault(item.caption, []).append(item)
        for caption, items in captions.items():
            rows = [
                (
                    item.label,
                    [_cell_html(cells[k], k, bad) for k in (f"proactive.{item.key}.{c.key}" for c in item.columns)],
                )
                for item in items
            ]
            parts.append(_rows_table(f"二、{caption}", [c.label for c in items[0].columns], rows))
        if report.applications is not None:
            parts.append(matrix_html(report.applications, report.template, bad))
        appeals = [
            (label, [_cell_html(cells[f"{g}.{leaf}"], f"{g}.{leaf}", bad) for leaf, _ in APPEAL_LEAVES])
            for g, label in APPEAL_GROUPS
        ]
        parts.append(_rows_table("四、政府信息公开行政复议、行政诉讼情况", [lab for _, lab in APPEAL_LEAVES], appeals))
    if report.findings:
        items_html = "".join(
            f"<li><code>{escape(f.code)}</code> {escape(f.severity)}: {escape(f.message)}</li>" for f in report.findings
        )
        parts.append(f"<details><summary>{len(report.findings)} findings</summary><ul>{items_html}</ul></details>")
    parts.append("</div>")
    return "".join(parts)


def report_text(report: Report) -> str:
    """One line for a terminal: who, when, which template, how much was read, what is wrong."""
    cells = report.cells()
    filled = sum(v is not None for v in cells.values())
    codes: dict[str, int] = {}
    for f in report.findings:
        if f.severity != "info":
            codes[f.code] = codes.get(f.code, 0) + 1
    problems = ", ".join(f"{c}×{n}" for c, n in sorted(codes.items())) or "none"
    return (
        f"<Report {report.meta.agency or '?'} {report.meta.year or '?'} template={report.template} "
        f"status={report.status} cells={filled}/{len(cells)} problems={problems}>"
    )
