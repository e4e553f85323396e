"""Part 四: 行政复议 / 行政诉讼 (15 cells, identical in both template versions).

The data row has no label; its cells follow the three-level header. A row of 15
values is read in template order (the header's leaves are the same five words in
each group, so only their order distinguishes them). A table split into three
sub-tables of 5 (a Markdown dump with ``### 行政复议`` headings) takes each group
from the nearest caption or header text that names it.
"""

from __future__ import annotations

from ..document import Location
from ..models import Cell, Outcomes, ReviewLitigation
from ..schema import APPEAL_GROUPS, APPEAL_LEAVES, SectionId
from ..textnorm import squash
from .cells import Findings, make_cell
from .numbers import parse_number
from .rows import Row, fit_values

__all__ = ["normalise_appeals"]

_SECTION = SectionId.APPEALS
_GROUP_KEYS = [g for g, _ in APPEAL_GROUPS]
_LEAF_KEYS = [leaf for leaf, _ in APPEAL_LEAVES]


def _group_hint(texts: list[str]) -> str | None:
    """Which group a caption names, looking at the most recent text first."""
    for text in reversed(texts):
        t = squash(text)
        if "复议后起诉" in t:
            return "litigation_after_review"
        if "未经复议" in t or "直接起诉" in t:
            return "litigation_direct"
        if "行政复议" in t and "诉讼" not in t:
            return "review"
    return None


def _has_number(row: Row) -> bool:
    return any(parse_number(v).kind == "number" for v in row.values)


class _Builder:
    def __init__(self, findings: Findings) -> None:
        self.findings = findings
        self.groups: dict[str, dict[str, Cell]] = {}

    def put(self, group: str, values: list[tuple[str, Location | None]]) -> None:
        if group in self.groups:
            return
        self.groups[group] = {
            leaf: make_cell(raw, loc, key=f"{group}.{leaf}", value_type="int", findings=self.findings, section=_SECTION)
            for leaf, (raw, loc) in zip(_LEAF_KEYS, values, strict=True)
        }

    def add(self, row: Row, hint: str | None) -> None:
        if (full := fit_values(row, 15)) is not None:
            for i, group in enumerate(_GROUP_KEYS):
                self.put(group, full[i * 5 : (i + 1) * 5])
            return
        if (five := fit_values(row, 5)) is not None:
            target = hint or next((g for g in _GROUP_KEYS if g not in self.groups), None)
            if target is not None:
                self.put(target, five)
                return
        if (ten := fit_values(row, 10)) is not None and "review" in self.groups:
            self.put("litigation_direct", ten[:5])
            self.put("litigation_after_review", ten[5:])
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
