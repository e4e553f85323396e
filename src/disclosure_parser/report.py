"""The :class:`Report`: everything one parse learned about one document."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel, Field

from .models import (
    ApplicationMatrix,
    Cell,
    CellValue,
    Finding,
    Proactive,
    ReportMeta,
    ReviewLitigation,
    Section,
    SectionId,
    Status,
    TemplateVersion,
)
from .schema import keys_for

__all__ = ["RELATION_CODES", "Report"]

RELATION_CODES = frozenset(f"C{i}" for i in range(1, 8))
_APPEAL_GROUPS = ("review", "litigation_direct", "litigation_after_review")


class Report(BaseModel):
    """A parsed annual report.

    Attributes:
        meta: agency, year, published date, title, provenance, portal metadata.
        template: ``"2019"``, ``"2021"``, ``"legacy"`` (pre-2019 free-form) or ``None``
            (not an annual report).
        status: ``"ok"``, ``"needs_ocr"`` (no usable text layer) or ``"not_a_report"``.
        sections: the six parts found, in order.
        proactive: part 二 in the shape of its template version.
        applications: the part-三 matrix.
        review_litigation: part 四.
        findings: non-fatal problems, each with a stable code and the cells it concerns.

    Examples:
        >>> report.cells()["applications.new_received.total"]  # doctest: +SKIP
        218
    """

    meta: ReportMeta = Field(default_factory=ReportMeta)
    template: TemplateVersion | None = None
    status: Status = "ok"
    sections: list[Section] = Field(default_factory=list)
    proactive: Proactive | None = None
    applications: ApplicationMatrix | None = None
    review_litigation: ReviewLitigation | None = None
    findings: list[Finding] = Field(default_factory=list)

    def cell(self, key: str) -> Cell:
        """The :class:`Cell` behind one canonical key (an empty cell if the table is absent).

        Raises:
            KeyError: when ``key`` is not a canonical key of this report's template version.
        """
        if self.template not in ("2019", "2021"):
            raise KeyError(key)
        return self._walk(_paths(self.template)[key])

    def _replace_cell(self, key: str, cell: Cell) -> None:
        """Put ``cell`` at ``key``: for repairs the parser records as findings (R5), never silently."""
        *parents, leaf = _paths(self.template or "")[key]
        obj: Any = self
        for part in parents:
            obj = getattr(obj, part)
        setattr(obj, leaf, cell)

    def _walk(self, path: tuple[str, ...]) -> Cell:
        obj: Any = self
        for part in path:
            obj = getattr(obj, part, None)
            if obj is None:
                return _EMPTY
        return obj if isinstance(obj, Cell) else _EMPTY

    def cell_map(self) -> dict[str, Cell]:
        """Every canonical key of the detected version mapped to its :class:`Cell` (value, raw, source)."""
        if self.template not in ("2019", "2021"):
            return {}
        # Every path is (part, row, column): walk each model's __dict__ once per part and row
        # rather than getattr three times per key; this runs once per report and per check.
        out: dict[str, Cell] = {}
        for part, rows in _plan(self.template):
            part_obj = self.__dict__.get(part)
            part_d = part_obj.__dict__ if part_obj is not None else {}
            for row, cols in rows:
                row_obj = part_d.get(row)
                row_d = row_obj.__dict__ if row_obj is not None else {}
                for col, key in cols:
                    cell = row_d.get(col)
                    out[key] = cell if isinstance(cell, Cell) else _EMPTY
        return out

    def cells(self) -> dict[str, CellValue]:
        """Every canonical key of the detected template version mapped to its value.

        Exactly the keys of ``schema.keys_for(template)``; blanks and placeholders are
        ``None``, never 0. Empty for legacy reports and non-reports.
        """
        return {key: cell.value for key, cell in self.cell_map().items()}

    @property
    def is_consistent(self) -> bool:
        """True when no consistency relation (C1–C7) is broken by the printed numbers."""
        return not any(f.code in RELATION_CODES and f.severity != "info" for f in self.findings)

    def section(self, section_id: SectionId | str) -> Section | None:
        """The part with this id (``SectionId.APPLICATIONS`` or ``"三"``), if found."""
        sid = SectionId(section_id)
        return next((s for s in self.sections if s.id is sid), None)

    def errors(self) -> list[Finding]:
        """Findings of severity ``error``."""
        return [f for f in self.findings if f.severity == "error"]

    def _repr_html_(self) -> str:
        from .display import report_html  # rendering is only needed in notebooks

        return report_html(self)

    def __repr__(self) -> str:
        from .display import report_text

        return report_text(self)

    __str__ = __repr__


_EMPTY = Cell()


@lru_cache(maxsize=2)
def _paths(template: str) -> dict[str, tuple[str, ...]]:
    """Attribute path of every key: ``applications.granted.total`` → (applications, granted, total);
    part 四's keys live under ``review_litigation``."""
    out: dict[str, tuple[str, ...]] = {}
    for spec in keys_for(template):  # type: ignore[arg-type]
        parts = tuple(spec.key.split("."))
        out[spec.key] = parts if parts[0] in ("proactive", "applications") else ("review_litigation", *parts)
    return out


_Plan = tuple[tuple[str, tuple[tuple[str, tuple[tuple[str, str], ...]], ...]], ...]


@lru_cache(maxsize=2)
def _plan(template: str) -> _Plan:
    """The keys of :func:`_paths` grouped by part, then row: ((part, ((row, ((column, key), ...)), ...)), ...)."""
    grouped: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for key, (part, row, col) in _paths(template).items():
        grouped.setdefault(part, {}).setdefault(row, []).append((col, key))
    return tuple((p, tuple((r, tuple(cols)) for r, cols in rows.items())) for p, rows in grouped.items())
