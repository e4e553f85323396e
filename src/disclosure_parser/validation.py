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

from functools import lru_cache
from typing import NamedTuple

from .models import Cell, Finding, Severity
from .report import Report
from .schema import APPEAL_GROUPS, APPLICANT_COLUMNS, APPLICATION_ROWS, KeySpec, keys_for

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


class _Instance(NamedTuple):
    relation: Relation
    keys: tuple[str, ...]  # left then right, as findings name them
    what: str
    what_en: str


def _instance(code: str, left: list[str], right: list[str], what: str, what_en: str) -> _Instance:
    return _Instance(Relation(code, tuple(left), tuple(right)), (*left, *right), what, what_en)


def _a(row: str, c: str) -> str:
    return f"applications.{row}.{c}"


@lru_cache(maxsize=4)
def _application_instances(template: str, sub_printed: bool) -> tuple[_Instance, ...]:
    """C1–C3 of one version, built once: a report only decides whether （六）'s sub-rows count."""
    other_rows = _OTHER_SUBROWS if sub_printed else ["other"]
    out: list[_Instance] = []
    for c in _COLS:
        out.append(
            _instance(
                "C1",
                [_a("new_received", c), _a("carried_over", c)],
                [_a("total_processed", c), _a("carried_forward", c)],
                f"{_COL_LABEL[c]}：本年新收+上年结转 ≠ 办理总计+结转下年度；",
                f"C1 {c}: new + carried over != processed + carried forward",
            )
        )
        out.append(
            _instance(
                "C2",
                [_a("total_processed", c)],
                [_a(r, c) for r in [*_OUTCOME_ROWS, *other_rows]],
                f"{_COL_LABEL[c]}：（七）总计 ≠ 各办理结果之和；",
                f"C2 {c}: total processed != sum of outcomes",
            )
        )
    for r in (r.key for r in APPLICATION_ROWS if template in r.templates):
        if (r in _OTHER_SUBROWS and not sub_printed) or (r == "other" and sub_printed):
            continue
        out.append(
            _instance(
                "C3",
                [_a(r, "total")],
                [_a(r, c) for c in _COLS[:-1]],
                f"{r} 行：总计 ≠ 各申请人之和；",
                f"C3 row {r}: total != sum of applicant columns",
            )
        )
    return tuple(out)


_APPEAL_INSTANCES = tuple(
    _instance(
        code,
        [f"{group}.total"],
        [f"{group}.{p}" for p in _PART_LABELS],
        f"{_GROUP_NAMES[group]}总计 ≠ 维持+纠正+其他结果+尚未审结；",
        f"{code} {group}: total != upheld + corrected + other + pending",
    )
    for code, (group, _) in zip(("C4", "C5", "C6"), APPEAL_GROUPS, strict=True)
)
_SUBROW_KEYS = tuple(_a(r, c) for r in _OTHER_SUBROWS for c in _COLS)


@lru_cache(maxsize=2)
def _count_keys(template: str) -> tuple[KeySpec, ...]:
    return tuple(s for s in keys_for(template) if s.value_type == "int")  # type: ignore[arg-type]


def _printed(cells: dict[str, Cell]) -> set[str]:
    return {k for k, c in cells.items() if c.raw is not None}


def _instances(report: Report, printed: set[str]) -> tuple[_Instance, ...]:
    """The instances of C1-C6 that apply: part 三's only if read (（六）'s sub-rows if printed), part 四's if read."""
    out: tuple[_Instance, ...] = ()
    if report.applications is not None:
        sub_printed = report.template == "2021" and not printed.isdisjoint(_SUBROW_KEYS)
        out = _application_instances(report.template or "", sub_printed)
    if report.review_litigation is not None:
        out = (*out, *_APPEAL_INSTANCES)
    return out


class _Checker:
    """The report's cells as two lookups (printed keys, values), checked instance by instance."""

    def __init__(self, report: Report) -> None:
        self.report = report
        cells = report.cell_map()
        self.printed = _printed(cells)
        self.values = {k: c.value for k, c in cells.items()}
        self.found: list[Finding] = []

    def check(self, inst: _Instance) -> None:
        """sum(left) == sum(right); blank counts as 0; skip when one side is all blank."""
        printed = self.printed
        if printed.isdisjoint(inst.keys):
            return  # table absent: the T1 finding already says so
        code, left, right = inst.relation
        if not printed.issuperset(inst.keys):
            # A cell that was never read is unknown, not blank: checking would invent a zero.
            unread = [k for k in inst.keys if k not in printed]
            self._add(
                "V2",
                "info",
                unread,
                f"{code} 未核对：有单元格未读出 / not checked, {len(unread)} cell(s) not read ({inst.what_en})",
            )
            return
        values = self.values
        lv = [values[k] for k in left]
        rv = [values[k] for k in right]
        l_blank = lv.count(None) == len(lv)
        r_blank = rv.count(None) == len(rv)
        if l_blank and r_blank:
            return  # nothing printed on either side: nothing to check, nothing to say
        if l_blank or r_blank:
            self._add(
                "V1",
                "info",
                list(inst.keys),
                f"{code} 未核对：一侧全部为空 / not checked, one side is blank ({inst.what_en})",
            )
            return
        ls = sum(v for v in lv if v is not None)
        rs = sum(v for v in rv if v is not None)
        if ls != rs:
            lterms = "+".join(_fmt(v) for v in lv)
            rterms = "+".join(_fmt(v) for v in rv)
            message = f"{inst.what} {lterms} = {_fmt(ls)} ≠ {rterms} = {_fmt(rs)} ({inst.what_en})"
            self._add(code, "error", list(inst.keys), message)

    def non_negative(self, template: str) -> None:
        values = self.values
        for spec in _count_keys(template):
            v = values[spec.key]
            if v is not None and v < 0:
                message = f"{spec.row_label} {spec.column_label} 为负数 {_fmt(v)} / negative count"
                self._add("C7", "error", [spec.key], message)

    def _add(self, code: str, severity: Severity, cells: list[str], message: str) -> None:
        self.found.append(Finding(code=code, severity=severity, cells=cells, message=message))


def _fmt(v: int | float | None) -> str:
    if v is None:
        return "空"
    return str(int(v)) if float(v).is_integer() else str(v)


def check_relations(report: Report) -> list[Finding]:
    """All C1–C7 findings (and V1, V2 notes) for a report of the 2019 or 2021 template."""
    if report.template not in ("2019", "2021"):
        return []
    checker = _Checker(report)
    for inst in _instances(report, checker.printed):
        checker.check(inst)
    checker.non_negative(report.template)
    return checker.found


def relations(report: Report, cells: dict[str, Cell] | None = None) -> list[Relation]:
    """The instances of C1-C6 that apply to the report (checked or not), for checks built on them;
    ``cells`` is the caller's ``report.cell_map()`` when it has one."""
    if report.template not in ("2019", "2021"):
        return []
    return [inst.relation for inst in _instances(report, _printed(report.cell_map() if cells is None else cells))]
