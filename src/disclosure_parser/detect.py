"""Which template a document follows, from the table markers of spec §1, never from the year.

* ``"2019"`` / ``"2021"``: the version whose sure-fire 表二 markers occur more often;
  when 表二 is absent, the （六）其他处理 sub-rows (2021 only) decide.
* ``"legacy"``: a pre-2019 free-form annual report (no markers, but the title or
  headings of a 信息公开 annual report).
* ``None``: not an annual report at all.
"""

from __future__ import annotations

from typing import Literal

import regex

__all__ = ["detect_template", "looks_like_annual_report"]

_MARKERS_2019 = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "本年增／减",
    "其他对外管理服务事项",
    "第二十条第(九)项",
    "第二十条第（九）项",
    "政府集中采购",
    "采购总金额",
)
_MARKERS_2021 = ("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额")
# Words only the 2019/2021 application matrix has (both versions).
_MATRIX = ("本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "结转下年度继续办理", "予以公开")
_SUBROWS_2021 = ("逾期不补正", "缴纳费用")
_REPORT_TITLE = regex.compile(r"(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)")
_LEGACY_HINTS = ("依申请公开", "主动公开", "统计期限", "行政复议", "信息公开工作")

Detected = Literal["2019", "2021", "legacy"] | None


def _distinct(text: str, words: tuple[str, ...]) -> int:
    return sum(1 for w in words if w in text)


def looks_like_annual_report(text: str) -> bool:
    """Whether free text reads like an information-disclosure annual report of any era."""
    head = text[:3000]
    return bool(_REPORT_TITLE.search(head)) and sum(h in text for h in _LEGACY_HINTS) >= 2


def detect_template(text: str) -> Detected:
    """Detect the template version of a document from its whole text (tables included).

    >>> detect_template("信息内容 本年制发件数 本年废止件数 现行有效件数")
    '2021'
    """
    # Whitespace removed but no NFKC (costly on a whole report): the markers are given in
    # both bracket widths instead. str.split() drops every str.isspace character (\u00a0 and
    # \u3000 among them, and a few control characters besides) at a fifth of a regex's cost.
    flat = "".join(text.split())
    # Distinct markers, at least two: one marker word can occur in prose (a 2018 report
    # mentions 政府集中采购), two table headers cannot.
    n19 = _distinct(flat, _MARKERS_2019)
    n21 = _distinct(flat, _MARKERS_2021)
    matrix = _distinct(flat, _MATRIX) >= 2
    if max(n19, n21) >= 2 and n19 != n21:
        return "2019" if n19 > n21 else "2021"
    if matrix or max(n19, n21) >= 2:
        if _distinct(flat, _SUBROWS_2021):
            return "2021"
        return "2019" if n19 > n21 else "2021"
    return "legacy" if looks_like_annual_report(flat) else None
