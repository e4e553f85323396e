"""Tables flattened into one run of text with no cell separators (crawler dumps, spec §12).

``…规章000行政规范性文件6233440第二十条第（五）项信息内容本年处理决定数量行政许可4529…``:
the row labels are known, so the text is cut at every label; what lies between a label
and the next one is that row's *blob* of run-together digits, split back into cells by
:mod:`.recovery` under the template's relations. A label counts as a table row only if
its blob is nothing but digits (and spaces, signs, decimal points, a money unit) up to
the next label or the end of the part, so prose mentioning 行政许可 is never read.

Only paragraphs are read here: cells whose boundaries the document kept (real tables)
are never re-split.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..document import Location
from ..schema import (
    APPEAL_GROUPS,
    APPEAL_LEAVES,
    APPLICANT_COLUMNS,
    APPLICATION_ROWS,
    PROACTIVE_ITEMS,
    SectionId,
    Template,
)
from ..textnorm import nfkc, split_enumerator
from .applications import match_row
from .cells import Findings
from .recovery import Kind, resolve_jointly, solve, split_groups, split_with_total
from .rows import Row

__all__ = ["inline_appeal_rows", "inline_application_rows", "inline_proactive_rows", "leaves_blanks"]

_CN = "一二三四五六七八九十"
_QUOTES = "\"'“”‘’「」"
_BLOB = regex.compile(r"^\s*(?P<blob>[-\d][\d .\-]*?)\s*(?P<unit>万元|元)?\s*$")
_DIGIT_SPACE = regex.compile(r"(?<=\d)\s+(?=[-\d])")
_WS = regex.compile(r"\s+")


def flatten(text: str) -> str:
    """NFKC, whitespace removed except a single space between digits (a possible cell boundary)."""
    t = _DIGIT_SPACE.sub("\x00", nfkc(text))
    return _WS.sub("", t).replace("\x00", " ")


def _label_regex(label: str) -> str:
    enum, rest = split_enumerator(label)
    head = ""
    if enum is not None:
        style, n = enum
        if style == "cn":
            head = f"{_CN[n - 1]}[、.,．]"
        elif style == "paren":
            head = rf"[(（]{_CN[n - 1]}[)）]"
        else:
            head = rf"{n}[.、,．]"
    body = "".join(f"[{_QUOTES}]" if ch in _QUOTES else regex.escape(ch) for ch in nfkc(rest))
    return head + body


@dataclass(frozen=True, slots=True)
class _Hit:
    label: str
    start: int
    end: int
    is_row: bool


@lru_cache(maxsize=16)
def _scanner(rows: tuple[str, ...], separators: tuple[str, ...]) -> tuple[regex.Pattern[str], list[tuple[str, bool]]]:
    pats = [(label, True) for label in rows] + [(s, False) for s in separators]
    pats.sort(key=lambda p: len(p[0]), reverse=True)  # longest first: 行政规范性文件 before 规范性文件
    big = regex.compile("|".join(f"(?P<g{i}>{_label_regex(lab)})" for i, (lab, _) in enumerate(pats)))
    return big, pats


def _scan(text: str, rows: Sequence[str], separators: Sequence[str]) -> list[tuple[str, str, str | None]]:
    """``(label, blob, unit)`` for every row label followed by nothing but a digit blob."""
    big, pats = _scanner(tuple(rows), tuple(separators))
    hits: list[_Hit] = []
    for m in big.finditer(text):
        i = int(m.lastgroup[1:]) if m.lastgroup else 0
        hits.append(_Hit(pats[i][0], m.start(), m.end(), pats[i][1]))
    out: list[tuple[str, str, str | None]] = []
    for k, hit in enumerate(hits):
        if not hit.is_row:
            continue
        stop = hits[k + 1].start if k + 1 < len(hits) else len(text)
        blob = _BLOB.match(text[hit.end : stop])
        if blob:
            out.append((hit.label, blob["blob"].strip(), blob["unit"]))
    return out


def _row(label: str, values: list[str], loc: Location | None) -> Row:
    return Row(
        texts=[label, *values],
        locations=[loc or Location()] * (1 + len(values)),
        labels=[label],
        values=values,
        value_locations=[loc or Location()] * len(values),
    )


def _report(findings: Findings, section: SectionId, label: str, blob: str, n: int, keys: list[str]) -> None:
    if n == 1:
        findings.add(
            "R1",
            f"{label}: cells recovered from run-together text {blob!r} (the only split the relations allow)",
            severity="info",
            cells=keys,
            section=section,
            raw=blob,
        )
    else:
        findings.add(
            "R2",
            f"{label}: run-together text {blob!r} has {n or 'no'} possible splits; cells left empty",
            severity="warning",
            cells=keys,
            section=section,
            raw=blob,
        )


# ---------------------------------------------------------------- part 二
def inline_proactive_rows(texts: Sequence[str], template: Template, findings: Findings) -> list[Row]:
    """Rows of part 二 recovered from run-together text (unique splits only)."""
    items = {i.label: i for i in PROACTIVE_ITEMS[template]}
    labels = list(items) + (["规范性文件", "行政规范性文件"] if template == "2021" else ["行政规范性文件"])
    seps = [f"第二十条第({n})项" for n in "一五六八九"] + ["信息内容"]
    rows: list[Row] = []
    for text in texts:
        for label, blob, unit in _scan(flatten(text), labels, seps):
            item = items.get(label) or next(i for i in items.values() if i.key == "normative_documents")
            kinds: list[Kind] = [c.value_type for c in item.columns]
            splits = solve(blob.replace(" ", "") if len(kinds) == 1 else blob, kinds, lambda s: True)
            keys = [f"proactive.{item.key}.{c.key}" for c in item.columns]
            if len(splits) == 1:
                values = list(splits[0])
                if unit:
                    values[-1] += unit
                if " " in blob or len(kinds) > 1:
                    _report(findings, SectionId.PROACTIVE, label, blob, 1, keys)
                rows.append(_row(label, values, None))
            else:
                _report(findings, SectionId.PROACTIVE, label, blob, len(splits), keys)
    return rows


# ---------------------------------------------------------------- part 三
_APP_LABELS = [r.label for r in APPLICATION_ROWS]
_APP_SEPS = ["三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理"]
_OUTCOMES = [
    r.key
    for r in APPLICATION_ROWS
    if r.key not in ("new_received", "carried_over", "total_processed", "carried_forward")
]


def _joint_check(fixed: dict[str, list[int]], keys: list[str], template: Template) -> Callable[[list[list[int]]], bool]:
    """C1 and C2 per column over the fixed rows plus one pick for each open row."""

    def check(pick: list[list[int]]) -> bool:
        rows = {**fixed, **dict(zip(keys, pick, strict=True))}
        sub = [k for k in _OUTCOMES if k in rows]
        if template == "2021" and any(k in rows for k in ("other_no_correction", "other_no_fee", "other_misc")):
            sub = [k for k in sub if k != "other"]
        has_c1 = {"new_received", "carried_over", "total_processed", "carried_forward"} <= rows.keys()
        for c in range(7):
            if has_c1 and (
                rows["new_received"][c] + rows["carried_over"][c]
                != rows["total_processed"][c] + rows["carried_forward"][c]
            ):
                return False
            if "total_processed" in rows and rows["total_processed"][c] != sum(rows[k][c] for k in sub):
                return False
        return True

    return check


def _application_blobs(texts: Sequence[str]) -> tuple[list[tuple[str, str, str]], bool]:
    """The part-三 rows of run-together text as (key, label, digits), and whether the page leaves
    cells blank: a row printing fewer than seven digits does, and a blank cell prints nothing
    at all in such text, so then no count of cells can be assumed for any row."""
    found: list[tuple[str, str, str]] = []
    blanks = False
    for text in texts:
        for label, blob, _ in _scan(flatten(text), _APP_LABELS, _APP_SEPS):
            key = match_row(label)
            if key and not key.startswith("group"):
                blanks = blanks or sum(ch.isdigit() for ch in blob) < 7
                if blob:
                    found.append((key, label, blob))
    return found, blanks


def leaves_blanks(texts: Sequence[str]) -> bool:
    """Whether part 三's run-together text shows the page leaves cells blank (see above)."""
    return _application_blobs(texts)[1]


def inline_application_rows(texts: Sequence[str], template: Template, findings: Findings) -> list[Row]:
    """Rows of the part-三 matrix from run-together text: C3 per row, then C1/C2 jointly."""
    found, blanks = _application_blobs(texts)
    fixed: dict[str, list[int]] = {}
    open_rows: list[tuple[str, str, str, list[list[int]]]] = []
    for key, label, blob in found:
        if key in fixed or any(o[0] == key for o in open_rows):
            continue
        if blanks and len(blob.split()) != 7:
            _blank_cells_unknown(findings, label, blob, _keys(key))
            continue
        cands = [[int(x) for x in s] for s in split_with_total(blob, 7)]
        if len(cands) == 1:
            fixed[key] = cands[0]
            if not regex.fullmatch(r"\d+(?: \d+){6}", blob):
                _report(findings, SectionId.APPLICATIONS, label, blob, 1, _keys(key))
        else:
            open_rows.append((key, label, blob, cands))
    if open_rows:
        keys = [k for k, _, _, _ in open_rows]
        pick = resolve_jointly([c for _, _, _, c in open_rows], _joint_check(fixed, keys, template))
        for i, (key, label, blob, cands) in enumerate(open_rows):
            if pick is not None:
                fixed[key] = pick[i]
                findings.add(
                    "R1",
                    f"{label}: run-together text {blob!r} split using C3 and the C1/C2 totals",
                    severity="info",
                    cells=_keys(key),
                    section=SectionId.APPLICATIONS,
                    raw=blob,
                )
            else:
                _report(findings, SectionId.APPLICATIONS, label, blob, len(cands), _keys(key))
    labels = {key: label for key, label, _ in found}
    return [_row(labels[k], [str(x) for x in v], None) for k, v in fixed.items()]


def _blank_cells_unknown(
    findings: Findings, label: str, blob: str, keys: list[str], section: SectionId = SectionId.APPLICATIONS
) -> None:
    findings.add(
        "R2",
        f"{label}: run-together text {blob!r} not split: the page leaves cells blank (a row of part 三 "
        "prints fewer than seven numbers), so which cells these digits fill is not known; cells left empty",
        severity="warning",
        cells=keys,
        section=section,
        raw=blob,
    )


def _keys(row: str) -> list[str]:
    return [f"applications.{row}.{c}" for c, _ in APPLICANT_COLUMNS]


# ---------------------------------------------------------------- part 四
_APPEAL_TAIL = regex.compile(r"(?:总计|审结)(?P<blob>[\d ]{15,})$")


def inline_appeal_rows(texts: Sequence[str], findings: Findings, *, blanks: bool = False) -> list[Row]:
    """The part-四 data row from run-together text, split under C4–C6; not when the page leaves
    cells blank (``blanks``, see :func:`leaves_blanks`) and the row's cells are not apart."""
    for text in texts:
        m = _APPEAL_TAIL.search(flatten(text).rstrip())
        if not m:
            continue
        blob = m["blob"].strip()
        keys = [f"{g}.{leaf}" for g, _ in APPEAL_GROUPS for leaf, _ in APPEAL_LEAVES]
        if blanks and len(blob.split()) != 15:
            _blank_cells_unknown(findings, "行政复议/行政诉讼", blob, keys, SectionId.APPEALS)
            return []
        splits = split_groups(blob, 3, 5)
        if len(splits) == 1:
            if len(blob.split()) != 15:
                _report(findings, SectionId.APPEALS, "行政复议/行政诉讼", blob, 1, keys)
            return [_row("", splits[0], None)]
        _report(findings, SectionId.APPEALS, "行政复议/行政诉讼", blob, len(splits), keys)
    return []
