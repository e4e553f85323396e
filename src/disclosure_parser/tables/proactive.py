"""Part 二: 主动公开政府信息情况, 2019 (five sub-tables) or 2021 (four) shape, found by label.

Rows are identified by their item label (``规章``, ``行政许可`` …; the 2019 label
``规范性文件`` is accepted in a 2021 table, spec §7). Columns come from the nearest
header row (``信息内容 | 本年制发件数 | …``) when its labels can be matched and their
number equals the row's values; otherwise the item's columns in template order, which
is how the truncated header ``本年新 | 本年新 | 对外公开总数量`` still reads right.
Money is normalised to 万元 from the unit printed in the cell (``251000元`` → 25.1).
"""

from __future__ import annotations

from ..document import Location
from ..models import Cell, Proactive2019, Proactive2021
from ..schema import PROACTIVE_ITEMS, ProactiveItem, SectionId, Template
from .cells import Findings, make_cell
from .labels import LabelMatcher
from .rows import Row, fit_values

__all__ = ["normalise_proactive"]

_SECTION = SectionId.PROACTIVE
_ITEM_ALIASES: dict[str, tuple[str, ...]] = {
    "normative_documents": ("行政规范性文件", "规范性文件"),
    "procurement": ("政府集中采购", "集中采购"),
}
_HEADER_WORDS = ("信息内容",)


def _item_matcher(template: Template) -> LabelMatcher:
    labels = {item.key: [item.label, *_ITEM_ALIASES.get(item.key, ())] for item in PROACTIVE_ITEMS[template]}
    return LabelMatcher(labels, threshold=0.75)


def _column_matcher(template: Template) -> LabelMatcher:
    labels: dict[str, list[str]] = {}
    for item in PROACTIVE_ITEMS[template]:
        for col in item.columns:
            labels.setdefault(col.key, []).append(col.label)
    return LabelMatcher(labels, threshold=0.75)


_ITEMS = {t: _item_matcher(t) for t in ("2019", "2021")}
_COLUMNS = {t: _column_matcher(t) for t in ("2019", "2021")}
_BY_KEY = {t: {i.key: i for i in PROACTIVE_ITEMS[t]} for t in ("2019", "2021")}


def _header_columns(row: Row, template: Template) -> list[str | None] | None:
    """Column keys of a header row (``信息内容 | 本年制发件数 | …``), or ``None`` if not a header."""
    texts = [t for t in row.texts if t.strip()]
    if not texts or (row.values and any(v.strip() for v in row.values)):
        return None
    matcher = _COLUMNS[template]
    first = texts[0]
    if any(w in first for w in _HEADER_WORDS):
        texts = texts[1:]
    keys = [(m.key if (m := matcher.match(t)) else None) for t in texts]
    if not any(keys):
        return None
    return keys


def _first_header_column(row: Row, template: Template) -> int | None:
    """The grid column of the header's first column label (上一年项目数量 …): where the values of
    the rows under it start, when blank cells at both ends of a row leave that open."""
    matcher = _COLUMNS[template]
    for text, loc in zip(row.texts, row.locations, strict=True):
        if text.strip() and not any(w in text for w in _HEADER_WORDS) and matcher.match(text):
            return loc.col
    return None


def _columns_for(item: ProactiveItem, header: list[str | None] | None, n_values: int) -> list[str] | None:
    """Which column each value belongs to: by header when it fits, else template order."""
    own = [c.key for c in item.columns]
    if header and len(header) == n_values and all(h in own for h in header) and len(set(header)) == len(header):
        return [h for h in header if h is not None]
    return own if n_values == len(own) else None


class _Builder:
    def __init__(self, template: Template, findings: Findings) -> None:
        self.template = template
        self.findings = findings
        self.items: dict[str, dict[str, Cell]] = {}

    def add(self, row: Row, header: list[str | None] | None, first_col: int | None = None) -> None:
        m = _ITEMS[self.template].match(row.label)
        if m is None:
            if row.label.strip() and any(v.strip() for v in row.values):
                self.findings.add(
                    "T2",
                    f"unrecognised row in part 二: {row.label!r}",
                    severity="info",
                    section=_SECTION,
                    location=row.location(),
                    raw=row.label,
                )
            return
        item = _BY_KEY[self.template][m.key]
        if item.key in self.items:
            return
        values = fit_values(row, len(item.columns), first_col=first_col)
        columns = _columns_for(item, header, len(values) if values else len(row.values))
        if values is None or columns is None:
            self.findings.add(
                "T3",
                f"row {item.label}: {len(row.values)} value cells, expected {len(item.columns)}; not read",
                cells=[f"proactive.{item.key}.{c.key}" for c in item.columns],
                section=_SECTION,
                location=row.location(),
                raw=" | ".join(row.texts),
            )
            return
        self.items[item.key] = {
            col: self.cell(item, col, raw, loc) for col, (raw, loc) in zip(columns, values, strict=True)
        }

    def cell(self, item: ProactiveItem, col: str, raw: str, loc: Location | None) -> Cell:
        spec = next(c for c in item.columns if c.key == col)
        money = None
        if spec.value_type == "decimal":
            money = "10k_yuan" if "万元" in spec.label else "auto"
        return make_cell(
            raw,
            loc,
            key=f"proactive.{item.key}.{col}",
            value_type=spec.value_type,
            findings=self.findings,
            section=_SECTION,
            money=money,
        )


def normalise_proactive(
    rows: list[Row], template: Template, findings: Findings
) -> Proactive2019 | Proactive2021 | None:
    """Build the part-二 model from the section's rows; ``None`` if no row was recognised."""
    builder = _Builder(template, findings)
    header: list[str | None] | None = None
    first_col: int | None = None
    for row in rows:
        cols = _header_columns(row, template)
        if cols is not None:
            header, first_col = cols, _first_header_column(row, template)
            continue
        if row.values:
            builder.add(row, header, first_col)
    if not builder.items:
        return None
    if template == "2019":
        return Proactive2019.model_validate(builder.items)
    return Proactive2021.model_validate(builder.items)
