"""Synthetic reports for tests: consistent numbers rendered as Markdown text."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from disclosure_parser.schema import APPEAL_GROUPS, APPEAL_LEAVES, APPLICANT_COLUMNS, APPLICATION_ROWS, PROACTIVE_ITEMS

COLS = [c for c, _ in APPLICANT_COLUMNS][:-1]
OUTCOMES = [
    r for r in APPLICATION_ROWS if r.key not in ("new_received", "carried_over", "total_processed", "carried_forward")
]


@dataclass
class Synth:
    """A report's numbers, keyed by canonical key, and the template version."""

    template: str
    cells: dict[str, int | float] = field(default_factory=dict)

    def render_md(self) -> str:
        out = [
            "# 测试县测试局2024年度政府信息公开工作年度报告",
            "",
            "一、总体情况",
            "",
            "正文。",
            "",
            "二、主动公开政府信息情况",
            "",
        ]
        for item in PROACTIVE_ITEMS[self.template]:  # type: ignore[index]
            out.append(f"| 信息内容 | {' | '.join(c.label for c in item.columns)} |")
            out.append("|---" * (1 + len(item.columns)) + "|")
            vals = [self.cells.get(f"proactive.{item.key}.{c.key}", "") for c in item.columns]
            out.append(f"| {item.label} | {' | '.join(str(v) for v in vals)} |")
            out.append("")
        out += [
            "三、收到和处理政府信息公开申请情况",
            "",
            "| 申请人情况 | " + " | ".join(lab for _, lab in APPLICANT_COLUMNS) + " |",
            "|---" * 8 + "|",
        ]
        for row in APPLICATION_ROWS:
            if self.template not in row.templates or (self.template == "2021" and row.key == "other"):
                continue
            vals = [self.cells.get(f"applications.{row.key}.{c}", "") for c, _ in APPLICANT_COLUMNS]
            out.append(f"| {row.label} | {' | '.join(str(v) for v in vals)} |")
        out += [
            "",
            "四、政府信息公开行政复议、行政诉讼情况",
            "",
            "| " + " | ".join(["结果维持"] * 15) + " |",
            "|---" * 15 + "|",
        ]
        vals = [self.cells.get(f"{g}.{leaf}", "") for g, _ in APPEAL_GROUPS for leaf, _ in APPEAL_LEAVES]
        out.append("| " + " | ".join(str(v) for v in vals) + " |")
        out += ["", "五、存在的主要问题及改进情况", "", "无。", "", "六、其他需要报告的事项", "", "无。", ""]
        return "\n".join(out)


def consistent(template: str, rnd: random.Random, *, high: int = 30) -> Synth:
    """Random numbers that satisfy C1–C6 (and C7)."""
    s = Synth(template)
    for item in PROACTIVE_ITEMS[template]:  # type: ignore[index]
        for col in item.columns:
            value: int | float = rnd.randint(0, 500)
            if col.value_type == "decimal":
                value = round(rnd.uniform(0, 9999), 4)
            elif col.value_type == "signed_int":
                value = rnd.randint(-20, 20)
            s.cells[f"proactive.{item.key}.{col.key}"] = value
    outcomes = [r for r in OUTCOMES if template in r.templates and not (template == "2021" and r.key == "other")]
    processed = [0] * len(COLS)
    for row in outcomes:
        vals = [rnd.choice([0, 0, 0, rnd.randint(0, high)]) for _ in COLS]
        processed = [p + v for p, v in zip(processed, vals, strict=True)]
        _put_row(s, row.key, vals)
    carried = [rnd.randint(0, 3) for _ in COLS]
    forward = [rnd.randint(0, 5) for _ in COLS]
    new = [p + f - c for p, f, c in zip(processed, forward, carried, strict=True)]
    new = [max(n, 0) for n in new]
    forward = [n + c - p for n, c, p in zip(new, carried, processed, strict=True)]
    _put_row(s, "new_received", new)
    _put_row(s, "carried_over", carried)
    _put_row(s, "total_processed", processed)
    _put_row(s, "carried_forward", forward)
    for group, _ in APPEAL_GROUPS:
        parts = [rnd.randint(0, 9) for _ in range(4)]
        for (leaf, _), v in zip(APPEAL_LEAVES, [*parts, sum(parts)], strict=True):
            s.cells[f"{group}.{leaf}"] = v
    return s


def _put_row(s: Synth, key: str, vals: list[int]) -> None:
    for (col, _), v in zip(APPLICANT_COLUMNS, [*vals, sum(vals)], strict=True):
        s.cells[f"applications.{key}.{col}"] = v
