"""Part 四: 行政复议 / 行政诉讼 (15 cells, identical in both template versions).

The data row has no label; its cells follow the three-level header. A row of 15
values is read in template order (the header's leaves are the same five words in
each group, so only their order distinguishes them). A table split into three
sub-tables of 5 (a Markdown dump with ``### 行政复议`` headings) takes each group
from the nearest caption or header text that names it. A grid row with another number
of cells (a table cut off at the page edge) is read by the group and leaf its header
shows above each column, when the header names at least ten of the fifteen.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..document import Location, RawTable
from ..models import Cell, Outcomes, ReviewLitigation
from ..schema import APPEAL_GROUPS, APPEAL_LEAVES, SectionId
from ..textnorm import squash
from .cells import Findings, make_cells
from .numbers import parse_number
from .rows import Row, adds_up, fit_values

__all__ = ["normalise_appeals"]

_SECTION = SectionId.APPEALS
_GROUP_KEYS = [g for g, _ in APPEAL_GROUPS]
_LEAF_KEYS = [leaf for leaf, _ in APPEAL_LEAVES]
_LEAF_BY_LABEL = {label: key for key, label in APPEAL_LEAVES}
_MIN_NAMED = 10


def _group_hint(texts: list[str]) -> str | None:
    """Which group a caption names, looking at the most recent text first; none when the most
    recent caption naming a group names both litigation groups (a header line of the whole
    table, as pdftotext -layout prints it: it says nothing about the row below)."""
    for text in reversed(texts):
        t = squash(text)
        after = "复议后起诉" in t
        direct = "未经复议" in t or "直接起诉" in t
        if after and direct:
            return None
        if after:
            return "litigation_after_review"
        if direct:
            return "litigation_direct"
        if "行政复议" in t and "诉讼" not in t:
            return "review"
    return None


def _header_columns(table: RawTable, r: int) -> dict[tuple[str, str], int]:
    """(group, leaf) → grid column, from the header cells above grid row ``r``."""
    out: dict[tuple[str, str], int] = {}
    for c in range(len(table.grid[r])):
        texts = [squash(cell.text) for row in table.grid[:r] if c < len(row) and (cell := row[c]) is not None]
        group = _group_hint(texts)
        leaf = next((_LEAF_BY_LABEL[t] for t in reversed(texts) if t in _LEAF_BY_LABEL), None)
        if group is not None and leaf is not None:
            out.setdefault((group, leaf), c)
    return out


def _has_number(row: Row) -> bool:
    return any(parse_number(v).kind == "number" for v in row.values)


class _Builder:
    def __init__(self, findings: Findings) -> None:
        self.findings = findings
        self.groups: dict[str, dict[str, Cell]] = {}

    def put(self, group: str, values: Sequence[tuple[str | None, Location | None]]) -> None:
        if group in self.groups:
            return
        keys = [f"{group}.{leaf}" for leaf in _LEAF_KEYS]
        self.groups[group] = make_cells(values, _LEAF_KEYS, keys, findings=self.findings, section=_SECTION)

    def by_header(self, row: Row) -> bool:
        """Read a grid row by the header above each column; whether it was."""
        table, r = row.table, row.grid_row
        if table is None or r is None or not table.aligned:
            return False
        columns = _header_columns(table, r)
        if len(columns) < _MIN_NAMED:
            return False
        cells = table.grid[r]
        for group in _GROUP_KEYS:
            values: list[tuple[str | None, Location | None]] = []
            for leaf in _LEAF_KEYS:
                c = columns.get((group, leaf))
                cell = cells[c] if c is not None and c < len(cells) else None
                # No column, or no cell drawn there: not read (None), which is not a blank.
                values.append((cell.text, cell.location) if cell is not None else (None, None))
            self.put(group, values)
        missing = [f"{g}.{leaf}" for g in _GROUP_KEYS for leaf in _LEAF_KEYS if (g, leaf) not in columns]
        if missing:
            self.findings.add(
                "T3",
                f"part 四 table has no column for {', '.join(missing)} (cut off?); those cells are left empty",
                cells=missing,
                section=_SECTION,
                location=row.location(),
            )
        return True

    def by_groups(self, row: Row, hint: str | None) -> bool:
        """Read a row of one group (5 values) or of both litigation groups (10); whether it was."""
        if (five := fit_values(row, 5)) is not None:
            target = hint or next((g for g in _GROUP_KEYS if g not in self.groups), None)
            if target is not None:
                self.put(target, five)
                return True
        if (ten := fit_values(row, 10)) is not None and "review" in self.groups:
            self.put("litigation_direct", ten[:5])
            self.put("litigation_after_review", ten[5:])
            return True
        return False

    def add(self, row: Row, hint: str | None) -> None:
        full = fit_values(row, 15)
        if full is not None and row.loose and not all(adds_up([r for r, _ in full[i : i + 5]]) for i in (0, 5, 10)):
            full = None  # one value per line: only groups that add up show the columns are right
        if full is not None:
            for i, group in enumerate(_GROUP_KEYS):
                self.put(group, full[i * 5 : (i + 1) * 5])
            return
        if self.by_header(row):
            return
        # One cell per line, a blank cell prints nothing: a shorter run of values is no group for sure.
        if not row.loose and self.by_groups(row, hint):
            return
        self.findings.add(
            "T3",
            f"part 四 row with {len(row.values)} value cells (expected 15, or 5 per group); not read",
            section=_SECTION,
            location=row.location(),
            raw=" | ".join(row.texts),
        )


def normalise_appeals(rows: list[Row], findings: Findings) -> ReviewLitigation | None:
    """Build the part-四 model from the section's rows; ``None`` if no data row was found."""
    builder = _Builder(findings)
    header_texts: list[str] = []
    last_table = None
    for row in rows:
        if row.table is not last_table:
            header_texts = []
            last_table = row.table
        if not row.values or (row.label and not _has_number(row)) or (len(row.values) < 5):
            header_texts.extend(t for t in row.texts if t.strip())
            continue
        if builder.groups and not _has_number(row) and not any(v.strip() for v in row.values):
            continue  # an empty row after the data row (pingtan_zonghe_2020.html)
        builder.add(row, _group_hint([*row.context, *header_texts]))
    if not builder.groups:
        return None
    return ReviewLitigation(**{g: Outcomes(**cells) for g, cells in builder.groups.items()})
