"""Turning one cell's raw text into a typed :class:`~disclosure_parser.models.Cell`, with findings."""

from __future__ import annotations

from decimal import Decimal

from ..document import Location
from ..models import Cell, Finding, Severity, SourceRef
from ..schema import SectionId, ValueType
from .numbers import parse_number, to_10k_yuan

__all__ = ["Findings", "make_cell", "source_ref"]


def source_ref(loc: Location | None) -> SourceRef | None:
    if loc is None:
        return None
    # Trusted ints from our own readers: skip validation on this hot path (hundreds per report).
    return SourceRef.model_construct(page=loc.page, line=loc.line, table=loc.table, row=loc.row, col=loc.col)


class Findings(list[Finding]):
    """A list of findings with a shorthand for adding one."""

    def add(
        self,
        code: str,
        message: str,
        *,
        severity: Severity = "warning",
        cells: list[str] | None = None,
        section: SectionId | None = None,
        location: Location | None = None,
        raw: str | None = None,
    ) -> None:
        self.append(
            Finding(
                code=code,
                severity=severity,
                message=message,
                cells=cells or [],
                section=section,
                source=source_ref(location),
                raw=raw,
            )
        )


def _number_value(value: Decimal, value_type: ValueType) -> int | float:
    if value_type == "decimal":
        return float(value)
    return int(value)


def make_cell(
    raw: str,
    location: Location | None,
    *,
    key: str,
    value_type: ValueType,
    findings: Findings,
    section: SectionId,
    money: str | None = None,
) -> Cell:
    """Read ``raw`` as the value of ``key``.

    ``money`` is ``"10k_yuan"`` for a column whose header states 万元 (a unit printed in
    the cell still wins), ``"auto"`` for an amount with no stated unit (the cell's unit
    decides; none printed → the number as printed, with a finding), ``None`` otherwise.
    """
    parsed = parse_number(raw)
    src = source_ref(location)
    if parsed.kind in ("blank", "placeholder"):
        return Cell.model_construct(value=None, raw=raw, source=src, note=None)
    if parsed.kind == "text" or parsed.value is None:
        findings.add(
            "T4",
            f"{key}: cell text is not a number: {raw!r}",
            cells=[key],
            section=section,
            location=location,
            raw=raw,
        )
        return Cell(value=None, raw=raw, source=src)
    value = parsed.value
    note = parsed.note
    if money is not None and parsed.unit in ("元", "万元", "亿元"):
        converted = to_10k_yuan(value, parsed.unit)
        value = converted if converted is not None else value
        note = f"{parsed.unit}{' ' + note if note else ''}"
    elif money == "auto":
        findings.add(
            "T5",
            f"{key}: amount printed without a unit; kept as printed",
            severity="info",
            cells=[key],
            section=section,
            location=location,
            raw=raw,
        )
    if value_type != "decimal" and value != value.to_integral_value():
        findings.add(
            "T8",
            f"{key}: expected a whole number, found {raw!r}",
            cells=[key],
            section=section,
            location=location,
            raw=raw,
        )
        return Cell(value=None, raw=raw, source=src, note=note)
    return Cell.model_construct(value=_number_value(value, value_type), raw=raw, source=src, note=note)
