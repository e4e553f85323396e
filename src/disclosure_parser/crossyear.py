"""Relations between two consecutive annual reports of the same agency (spec §6, C8–C10).

These are empirical, not printed in the template, and break for good reasons (the first
year of the 2019 template, mergers, corrected figures), so their findings are warnings
(C8) or info (C9, C10), never errors. Blank or unread cells are not compared.

* C8: 上年结转 of year Y = 结转下年度 of year Y−1, per applicant column.
* C9 (2021 template): 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y),
  for 规章 and 行政规范性文件.
* C10 (2019 template): 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1), per row of （五）（六）（八）.
"""

from __future__ import annotations

from .models import Finding, Severity
from .report import Report
from .schema import APPLICANT_COLUMNS

__all__ = ["compare_years"]


def _finding(code: str, severity: Severity, message: str, cells: list[str]) -> Finding:
    return Finding(code=code, severity=severity, message=message, cells=cells)


def _value(report: Report, key: str) -> int | float | None:
    try:
        return report.cell(key).value
    except KeyError:
        return None


def _c8(earlier: Report, later: Report) -> list[Finding]:
    out: list[Finding] = []
    for col, label in APPLICANT_COLUMNS:
        fwd, over = f"applications.carried_forward.{col}", f"applications.carried_over.{col}"
        a, b = _value(earlier, fwd), _value(later, over)
        if a is not None and b is not None and a != b:
            out.append(
                _finding(
                    "C8",
                    "warning",
                    f"{label}：{later.meta.year}年上年结转 {b} ≠ {earlier.meta.year}年结转下年度 {a} "
                    f"(carried over != previous year's carried forward)",
                    [over, fwd],
                )
            )
    return out


def _c9(earlier: Report, later: Report) -> list[Finding]:
    out: list[Finding] = []
    for item, label in (("rules", "规章"), ("normative_documents", "行政规范性文件")):
        keys = [f"proactive.{item}.{c}" for c in ("in_force", "issued", "repealed")]
        now, issued, repealed = (_value(later, k) for k in keys)
        before = _value(earlier, keys[0])
        if None in (now, issued, repealed, before):
            continue
        expected = before + issued - repealed  # type: ignore[operator]
        if now != expected:
            out.append(
                _finding(
                    "C9",
                    "info",
                    f"{label}现行有效件数 {now} ≠ 上年 {before} + 制发 {issued} − 废止 {repealed} = {expected} "
                    "(in force != last year's + issued − repealed; amendments can explain it)",
                    keys,
                )
            )
    return out


def _c10(earlier: Report, later: Report) -> list[Finding]:
    out: list[Finding] = []
    for item in ("licensing", "other_services", "penalty", "coercion", "fees"):
        prev_key, change_key = f"proactive.{item}.previous_items", f"proactive.{item}.change"
        before, change, now = _value(earlier, prev_key), _value(earlier, change_key), _value(later, prev_key)
        if None in (before, change, now):
            continue
        if now != before + change:  # type: ignore[operator]
            out.append(
                _finding(
                    "C10",
                    "info",
                    f"{item} 上一年项目数量 {now} ≠ {before} + {change} (previous items != last year's + change)",
                    [prev_key, change_key],
                )
            )
    return out


def compare_years(earlier: Report, later: Report) -> list[Finding]:
    """Cross-year findings (C8–C10) between two reports of the same agency, year Y−1 then Y.

    Raises:
        ValueError: when both years are known and ``later`` is not the year after ``earlier``.
    """
    ya, yb = earlier.meta.year, later.meta.year
    if ya is not None and yb is not None and yb != ya + 1:
        raise ValueError(f"compare_years needs consecutive years, got {ya} and {yb}")
    findings: list[Finding] = []
    if earlier.applications is not None and later.applications is not None:
        findings += _c8(earlier, later)
    if earlier.template == later.template == "2021":
        findings += _c9(earlier, later)
    if earlier.template == "2019" and later.template == "2019":
        findings += _c10(earlier, later)
    return findings
