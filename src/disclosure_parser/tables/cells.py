"""Turning one cell's raw text into a typed :class:`~disclosure_parser.models.Cell`, with findings."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeVar

from ..document import Location
from ..models import Cell, Finding, Severity, SourceRef
from ..schema import SectionId, ValueType
from .numbers import parse_number, to_10k_yuan

__all__ = ["Findings", "make_cell", "make_cells", "source_ref", "trusted_row"]

T = TypeVar("T")


_set = object.__setattr__


def _trusted(cls: type[T], values: dict[str, Any]) -> T:
    """An instance from values we produced ourselves, without validation.

    The hot path: a report has ~200 cells, each with a source reference, and
    ``model_construct`` costs more than the rest of making a cell. Every field is given,
    so the result is the same as ``cls.model_construct(**values)``.
    """
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def trusted_row(cls: type[T], cells: dict[str, Cell]) -> T:
    """A row model (every field a :class:`Cell`, all given) without validation, as :func:`_trusted`."""
    return _trusted(cls, cells)


def source_ref(loc: Location | None) -> SourceRef | None:
    return loc  # the report's SourceRef is the reader's Location


def _cell(value: int | float | None, raw: str | None, source: SourceRef | None, note: str | None = None) -> Cell:
    return _trusted(Cell, {"value": value, "raw": raw, "source": source, "note": note, "confidence": None})


_NOT_READ = _cell(None, None, None)


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


def make_cells(
    values: Sequence[tuple[str | None, Location | None]],
    columns: Sequence[str],
    keys: Sequence[str],
    *,
    findings: Findings,
    section: SectionId,
) -> dict[str, Cell]:
    """One row of count cells: column → :func:`make_cell` of its (raw, location), ``keys`` naming them."""
    return {
        col: make_cell(raw, loc, key=key, value_type="int", findings=findings, section=section)
        for col, key, (raw, loc) in zip(columns, keys, values, strict=True)
    }


def make_cell(
    raw: str | None,
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
    if raw is None:
        return _NOT_READ  # the document shows no such cell (cut off, not drawn)
    if money is None and value_type != "decimal":
        # The common cell ("0", "12", ""): its reading is known from an earlier cell.
        known = _PLAIN.get(raw, _UNKNOWN)
        if known is not _UNKNOWN:
            return _cell(known, raw, location)  # type: ignore[arg-type]
    parsed = parse_number(raw)
    src = source_ref(location)
    if parsed.is_empty:
        _remember(raw, None)
        return _cell(None, raw, src)
    if parsed.kind == "text" or parsed.value is None:
        findings.add(
            "T4",
            f"{key}: cell text is not a number: {raw!r}",
            cells=[key],
            section=section,
            location=location,
            raw=raw,
        )
        return _cell(None, raw, src)
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
        return _cell(None, raw, src, note)
    number = _number_value(value, value_type)
    if note is None and parsed.unit is None and money is None and isinstance(number, int):
        _remember(raw, number)
    return _cell(number, raw, src, note)


_UNKNOWN = object()
# Raw text → value of cells that read as a plain whole number or blank, with no finding,
# note or unit: what almost every cell holds. Bounded, since texts come from untrusted input.
_PLAIN: dict[str, int | None] = {}


def _remember(raw: str, value: int | None) -> None:
    if len(_PLAIN) < 4096 and len(raw) <= 16:
        _PLAIN[raw] = value
