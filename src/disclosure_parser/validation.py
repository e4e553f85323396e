"""The template's own arithmetic (勾稽关系, spec §6), checked on the printed numbers.

One finding per broken relation *instance*, with code ``C1`` … ``C7``, severity
``error``, a message in Chinese and English with the numbers, and ``cells``: the
canonical keys of every cell in the instance (both sides).

* C1 per column: 一 + 二 = （七）总计 + 四.
* C2 per column: （七）总计 = （一）+（二）+ Σ（三）+ Σ（四）+ Σ（五）+ （六）, where （六）
  is the single row (2019, or a 2021 report printing it so) or the three sub-rows.
* C3 per row: 总计 = the six applicant columns.
* C4–C6: each 表四 group's 总计 = 维持 + 纠正 + 其他结果 + 尚未审结.
* C7: counts are integers ≥ 0 (本年增/减 and money excepted).

Blank cells count as 0 inside a sum (many reports leave zeros blank). A relation
whose every cell on one side is blank is not checked; an info finding ``V1`` says so.
A cell that was never read (its row not found) is unknown rather than blank: relations
involving it are not checked (info finding ``V2``).
Nothing here changes a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .models import Finding
from .report import Report
from .schema import APPEAL_GROUPS, APPLICANT_COLUMNS, APPLICATION_ROWS, keys_for

__all__ = ["Relation", "check_relations", "relations"]

_COLS = [c for c, _ in APPLICANT_COLUMNS]
_COL_LABEL = dict(APPLICANT_COLUMNS)
_OUTCOME_ROWS = [
    r.key
    for r in APPLICATION_ROWS
    if r.key
    not in (
        "new_received",
        "carried_over",
        "total_processed",
        "carried_forward",
        "other",
        "other_no_correction",
        "other_no_fee",
        "other_misc",
    )
]
_OTHER_SUBROWS = ["other_no_correction", "other_no_fee", "other_misc"]
_GROUP_NAMES = {"review": "行政复议", "litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}
_PART_LABELS = {"upheld": "维持", "corrected": "纠正", "other": "其他结果", "pending": "尚未审结"}


class Relation(NamedTuple):
    """One relation instance: ``sum(left) == sum(right)``, over canonical keys."""

    code: str
    left: tuple[str, ...]
    right: tuple[str, ...]


class _Checker:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.cells = report.cell_map()
        self.found: list[Finding] = []
        self.relations: list[Relation] = []

    def value(self, key: str) -> int | float | None:
        return self.cells[key].value

    def printed(self, key: str) -> bool:
        return self.cells[key].raw is not None

    def equation(self, code: str, left: Sequence[str], right: Sequence[str], what: str, what_en: str) -> None:
        """Check sum(left) == sum(right); blank counts as 0; skip when one side is all blank."""
        self.relations.append(Relation(code, tuple(left), tuple(right)))
        keys = [*left, *right]
        if not any(self.printed(k) for k in keys):
            return  # table absent: the T1 finding already says so
        unread = [k for k in keys if not self.printed(k)]
        if unread:
            # A cell that was never read is unknown, not blank: checking would invent a zero.
            self.found.append(
                Finding(
                    code="V2",
                    severity="info",
                    cells=unread,
                    message=f"{code} 未核对：有单元格未读出 / not checked, {len(unread)} cell(s) not read ({what_en})",
                )
            )
            return
        lv = [self.value(k) for k in left]
        rv = [self.value(k) for k in right]
        if all(v is None for v in lv) and all(v is None for v in rv):
            return  # nothing printed on either side: nothing to check, nothing to say
        if all(v is None for v in lv) or all(v is None for v in rv):
            self.found.append(
                Finding(
                    code="V1",
                    severity="info",
                    cells=keys,
                    message=f"{code} 未核对：一侧全部为空 / not checked, one side is blank ({what_en})",
                )
            )
            return
        ls = sum(v or 0 for v in lv)
        rs = sum(v or 0 for v in rv)
        if ls != rs:
            lterms = "+".join(_fmt(v) for v in lv)
            rterms = "+".join(_fmt(v) for v in rv)
            self.found.append(
                Finding(
                    code=code,
                    severity="error",
                    cells=keys,
                    message=f"{what} {lterms} = {_fmt(ls)} ≠ {rterms} = {_fmt(rs)} ({what_en})",
                )
            )

    def applications(self, template: str) -> None:
        if self.report.applications is None:
            return
        sub_printed = template == "2021" and any(
            self.printed(f"applications.{r}.{c}") for r in _OTHER_SUBROWS for c in _COLS
        )
        other_rows = _OTHER_SUBROWS if sub_printed else ["other"]
        for c in _COLS:

            def a(row: str, c: str = c) -> str:
                return f"applications.{row}.{c}"

            self.equation(
                "C1",
                [a("new_received"), a("carried_over")],
                [a("total_processed"), a("carried_forward")],
                f"{_COL_LABEL[c]}：本年新收+上年结转 ≠ 办理总计+结转下年度；",
                f"C1 {c}: new + carried over != processed + carried forward",
            )
            self.equation(
                "C2",
                [a("total_processed")],
                [a(r) for r in [*_OUTCOME_ROWS, *other_rows]],
                f"{_COL_LABEL[c]}：（七）总计 ≠ 各办理结果之和；",
                f"C2 {c}: total processed != sum of outcomes",
            )
        rows = [r.key for r in APPLICATION_ROWS if template in r.templates]
        for r in rows:
            if (r in _OTHER_SUBROWS and not sub_printed) or (r == "other" and sub_printed):
                continue
            self.equation(
                "C3",
                [f"applications.{r}.total"],
                [f"applications.{r}.{c}" for c in _COLS[:-1]],
                f"{r} 行：总计 ≠ 各申请人之和；",
                f"C3 row {r}: total != sum of applicant columns",
            )

    def appeals(self) -> None:
        if self.report.review_litigation is None:
            return
        for code, (group, _) in zip(("C4", "C5", "C6"), APPEAL_GROUPS, strict=True):
            parts = [f"{group}.{p}" for p in _PART_LABELS]
            self.equation(
                code,
                [f"{group}.total"],
                parts,
                f"{_GROUP_NAMES[group]}总计 ≠ 维持+纠正+其他结果+尚未审结；",
                f"{code} {group}: total != upheld + corrected + other + pending",
            )

    def non_negative(self, template: str) -> None:
        for spec in keys_for(template):  # type: ignore[arg-type]
            if spec.value_type != "int":
                continue
            v = self.value(spec.key)
            if v is not None and v < 0:
                self.found.append(
                    Finding(
                        code="C7",
                        severity="error",
                        cells=[spec.key],
                        message=f"{spec.row_label} {spec.column_label} 为负数 {_fmt(v)} / negative count",
                    )
                )


def _fmt(v: int | float | None) -> str:
    if v is None:
        return "空"
    return str(int(v)) if float(v).is_integer() else str(v)


def check_relations(report: Report) -> list[Finding]:
    """All C1–C7 findings (and V1 notes) for a report of the 2019 or 2021 template."""
    if report.template not in ("2019", "2021"):
        return []
    checker = _Checker(report)
    checker.applications(report.template)
    checker.appeals()
    checker.non_negative(report.template)
    return checker.found


def relations(report: Report) -> list[Relation]:
    """The instances of C1-C6 that apply to the report (checked or not), for checks built on them."""
    if report.template not in ("2019", "2021"):
        return []
    checker = _Checker(report)
    checker.applications(report.template)
    checker.appeals()
    return checker.relations
