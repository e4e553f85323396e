"""Part 三: the application-handling matrix (rows × 7 applicant columns), found by label.

Each row is identified by its most specific label (the rightmost label cell: the item
``1.属于国家秘密``, not its group ``（三）不予公开``), fuzzily, so typos, stray spaces,
``1、`` for ``1.`` and shortened labels still land on the right row, and a missing or
extra row shifts nothing.

Columns: in a column-aligned grid (DOCX, HTML, PDF) the applicant columns are found by
their header labels; otherwise (flattened text, header placeholders like ``数据1``) the
seven value cells after the label are taken in template order, which the template fixes.
A grid whose header names only some of the seven columns and whose rows do not have
seven value cells (a table cut off at the page edge) is read by the named columns; the
others stay empty, with a finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..document import Location, RawTable
from ..models import ApplicantRow, ApplicationMatrix
from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS, SectionId, Template
from .alignment import place_unlabelled
from .cells import Findings, make_cells, trusted_row
from .labels import LabelMatcher
from .numbers import is_value_like
from .rows import Row, ValueFit, adds_up

__all__ = ["normalise_applications"]

_SECTION = SectionId.APPLICATIONS
_N = len(APPLICANT_COLUMNS)
_MIN_NAMED = 4  # header labels needed to read a grid by a partial header

# Aliases beyond the canonical labels: shortened forms seen in real reports (spec §7).
_ROW_ALIASES: dict[str, tuple[str, ...]] = {
    "new_received": ("本年新收政府信息公开申请数量", "本年新收申请数量", "本年新收"),
    "carried_over": ("上年结转政府信息公开申请数量", "上年结转申请数量", "上年结转"),
    "partially_granted": ("（二）部分公开",),
    "other": ("（六）其他",),
    "other_no_correction": ("1.逾期不补正",),
    "other_no_fee": ("2.逾期不缴费", "2.逾期未缴纳费用"),
    "total_processed": ("总计",),
    "carried_forward": ("结转下年度继续办理", "结转下年度"),
}
_GROUP_LABELS = {
    "group": ("三、本年度办理结果", "本年度办理结果"),
    "group_deny": ("（三）不予公开",),
    "group_unavailable": ("（四）无法提供",),
    "group_not_processed": ("（五）不予处理",),
}
_COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "natural_person": ("自然人",),
    "commercial_enterprise": ("商业企业",),
    "research_institution": ("科研机构",),
    "social_welfare_org": ("社会公益组织",),
    "legal_service_org": ("法律服务机构",),
    "other_org": ("其他",),
    "total": ("总计",),
}


def _row_matcher() -> LabelMatcher:
    labels: dict[str, list[str]] = {}
    for row in APPLICATION_ROWS:
        labels[row.key] = [row.label, *_ROW_ALIASES.get(row.key, ())]
    labels.update({k: list(v) for k, v in _GROUP_LABELS.items()})
    return LabelMatcher(labels)


ROW_MATCHER = _row_matcher()
_VALID: dict[str, frozenset[str]] = {
    t: frozenset(r.key for r in APPLICATION_ROWS if t in r.templates) for t in ("2019", "2021")
}
COLUMN_MATCHER = LabelMatcher(_COLUMN_ALIASES, threshold=0.7)


def match_row(label: str) -> str | None:
    m = ROW_MATCHER.match(label)
    return m.key if m else None


def _row_key(row: Row) -> str | None:
    """The row's key from its most specific recognisable label."""
    for text in reversed(row.labels):
        if not text.strip():
            continue
        key = match_row(text)
        if key is not None:
            return key
    return None


@dataclass(slots=True)
class _ColumnMap:
    """Applicant key → grid columns, read from a table's header rows."""

    table: RawTable
    columns: dict[str, list[int]]
    owners: dict[int, str]  # grid column where a header cell starts → its applicant key

    @property
    def complete(self) -> bool:
        return len(self.columns) == _N


def _header_map(table: RawTable) -> _ColumnMap | None:
    """Find the applicant columns of an aligned table by their header labels."""
    if not table.aligned:
        return None
    columns: dict[str, list[int]] = {}
    owners: dict[int, str] = {}
    for r in range(min(table.n_rows, 6)):
        row = table.grid[r]
        if any(c is not None and c.row == r and is_value_like(c.text) and c.text.strip() for c in row):
            break  # reached the data rows
        for c, cell in enumerate(row):
            if cell is None or not cell.text.strip():
                continue
            m = COLUMN_MATCHER.match(cell.text)
            if m is not None and m.score >= 0.9:
                cols = columns.setdefault(m.key, [])
                if c not in cols:
                    cols.append(c)
                owners.setdefault(cell.col, m.key)
    if len(columns) < _MIN_NAMED:
        return None
    # The leftmost header cell of each column group wins when labels repeat (自然人 … 总计).
    return _ColumnMap(table, columns, owners)


def _values_by_header(row: Row, cmap: _ColumnMap) -> list[tuple[str | None, Location | None]] | None:
    """The row's cells under each applicant header; ``None`` text where there is no such cell."""
    if row.table is not cmap.table or row.grid_row is None:
        return None
    grid_row = cmap.table.grid[row.grid_row]
    n = len(grid_row)
    owners = cmap.owners
    out: list[tuple[str | None, Location | None]] = []
    for key in _COLUMN_KEYS:
        text: str | None = None  # no column or no cell: not read
        loc: Location | None = None
        for c in cmap.columns.get(key, ()):
            cell = grid_row[c] if c < n else None
            if cell is None or owners.get(cell.col, key) != key:
                # Header columns can overlap (Pingtan 2021: 自然人 colspan=2 over the first column of
                # a colspan=2 商业企业): a data cell starting under another applicant's header is theirs.
                continue
            if text is None or cell.text.strip():
                text, loc = cell.text, cell.location
            if cell.text.strip():
                break
        if text is not None and not is_value_like(text):
            return None
        out.append((text, loc))
    return out


def _padding_first(fitted: Sequence[tuple[str | None, Location | None]], cmap: _ColumnMap) -> bool:
    """Whether the count-fit took an empty padding cell for the first column: its first value is
    blank and every column the header names lies exactly one to the right of where the fit put
    it (PDF → Markdown of a table cut off at the right: an empty cell before the numbers made the
    count fit exactly, one column off). Any other disagreement keeps the fit: a header can lack
    a label and shift the rest left (麻阳 2020, spec §7)."""
    if not fitted or (fitted[0][0] or "").strip():
        return False
    named = 0
    for key, (_, loc) in zip(_COLUMN_KEYS, fitted, strict=True):
        cols = cmap.columns.get(key)
        if cols is None:
            continue
        if loc is None or loc.col is None or loc.col + 1 not in cols:
            return False
        named += 1
    return named > 0


class _Builder:
    def __init__(self, template: Template, findings: Findings, fit: ValueFit) -> None:
        self.fit = fit
        self.template = template
        self.findings = findings
        self.rows: dict[str, ApplicantRow] = {}
        self.maps: dict[int, _ColumnMap | None] = {}
        self.sequence: list[str | Row] = []  # keys read and unlabelled rows, in reading order
        self.partial_noted: set[int] = set()

    def column_map(self, table: RawTable | None) -> _ColumnMap | None:
        if table is None:
            return None
        if id(table) not in self.maps:
            self.maps[id(table)] = _header_map(table)
        return self.maps[id(table)]

    def values(self, row: Row, key: str) -> Sequence[tuple[str | None, Location | None]] | None:
        cmap = self.column_map(row.table)
        if cmap is not None and cmap.complete:
            by_header = _values_by_header(row, cmap)
            if by_header is not None:
                return by_header
        fitted = self.fit(row, _N)
        if fitted is not None and cmap is not None and not cmap.complete and _padding_first(fitted, cmap):
            fitted = None  # the header places what it names; the rest stays empty (T3 below)
        if fitted is not None or cmap is None or cmap.complete:
            return fitted
        by_header = _values_by_header(row, cmap)
        if by_header is not None and id(cmap.table) not in self.partial_noted:
            self.partial_noted.add(id(cmap.table))
            missing = [label for ckey, label in APPLICANT_COLUMNS if ckey not in cmap.columns]
            self.findings.add(
                "T3",
                f"part 三 table has no column {'、'.join(missing)} (cut off?); those cells are left empty",
                section=_SECTION,
                location=row.location(),
            )
        return by_header

    def add(self, row: Row) -> None:
        key = _row_key(row)
        if key is None or key.startswith("group"):
            if self.fit(row, _N) is not None and any(v.strip() for v in row.values):
                self.sequence.append(row)  # numbers without a usable label: placed later, by order
            if row.values and any(v.strip() for v in row.values) and row.label:
                self.findings.add(
                    "T2",
                    f"unrecognised row in part 三: {row.label!r}",
                    severity="info",
                    section=_SECTION,
                    location=row.location(),
                    raw=row.label,
                )
            return
        if key not in _VALID[self.template]:
            self.findings.add(
                "T2",
                f"row {key} does not exist in the {self.template} template; ignored",
                severity="warning",
                section=_SECTION,
                location=row.location(),
                raw=row.label,
            )
            return
        if key in self.rows:
            self.findings.add(
                "T6",
                f"row {key} printed more than once; the first is kept",
                severity="info",
                cells=list(_row_keys(key)),
                section=_SECTION,
                location=row.location(),
                raw=" | ".join(row.texts),
            )
            return
        if self.store(key, row):
            self.sequence.append(key)

    def store(self, key: str, row: Row) -> bool:
        values = self.values(row, key)
        if values is None:
            self.findings.add(
                "T3",
                f"row {key}: {len(row.values)} value cells, expected {_N}; values not read",
                cells=list(_row_keys(key)),
                section=_SECTION,
                location=row.location(),
                raw=" | ".join(row.texts),
            )
            return False
        if row.loose and not adds_up([raw for raw, _ in values]):
            self.findings.add(
                "T3",
                f"row {key}: values printed one per line that do not add up to the row's 总计; "
                "which column each belongs to is unsure, values not read",
                cells=list(_row_keys(key)),
                section=_SECTION,
                location=row.location(),
                raw=" | ".join(row.texts),
            )
            return False
        cells = make_cells(values, _COLUMN_KEYS, _row_keys(key), findings=self.findings, section=_SECTION)
        self.rows[key] = trusted_row(ApplicantRow, cells)
        return True


_COLUMN_KEYS = [c for c, _ in APPLICANT_COLUMNS]


@lru_cache(maxsize=64)
def _row_keys(key: str) -> tuple[str, ...]:
    return tuple(f"applications.{key}.{c}" for c in _COLUMN_KEYS)


def normalise_applications(rows: list[Row], template: Template, findings: Findings) -> ApplicationMatrix | None:
    """Build the part-三 matrix from the section's rows; ``None`` if no row was recognised.

    Rows of numbers whose label was lost (PDF→Markdown dumps move labels out of the table)
    are placed afterwards by :func:`.alignment.place_unlabelled`, between their labelled
    neighbours in the template's fixed row order, only where that placement is unique.
    """
    builder = _Builder(template, findings, ValueFit(rows))
    for row in rows:
        if row.values and not row.is_blank:
            builder.add(row)
    if not builder.rows:
        return None
    for key, row in place_unlabelled(builder.sequence, template, set(builder.rows), findings):
        builder.store(key, row)
    return ApplicationMatrix(**builder.rows)
