"""Find the six numbered parts (一 总体情况 … 六 其他需要报告的事项) of a report.

Headings are recognised by their *title*, not their numeral: reports renumber parts
(Shanghai departments put the tables under 一/二/三), use the wording of 条例 第五十条
(spec §2.2), or glue the heading to the text that follows (crawler dumps). The
numeral only adds confidence. Row labels of the part-三 table such as
``四、结转下年度继续办理`` or ``三、本年度办理结果`` never match a title.

Every candidate heading is scored; the chosen headings are the best-scoring chain
in increasing part order, so one stray match cannot reorder the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .document import Block, Paragraph, RawDocument, RawTable
from .schema import SectionId
from .textnorm import squash

__all__ = ["SectionSpan", "Segmentation", "segment"]

_TITLES: dict[SectionId, str] = {
    SectionId.OVERVIEW: r"(?:总体情况|工作基本情况|基本情况|工作概述|概述|总体工作情况|工作总体情况)",
    SectionId.PROACTIVE: (
        r"(?:(?:行政机关)?主动公开政府信息(?:的)?(?:工作)?情况|政府信息主动公开(?:工作)?情况|主动公开情况)"
    ),
    SectionId.APPLICATIONS: (
        r"(?:(?:行政机关)?收到和处理政府信息公开申请(?:的)?情况|政府信息公开申请(?:的)?(?:办理|处理)情况"
        r"|(?:政府信息)?依申请公开(?:政府信息)?(?:工作)?(?:办理)?情况)"
    ),
    SectionId.APPEALS: (
        r"(?:因)?(?:政府信息公开)?(?:工作)?(?:被)?(?:申请)?行政法?复议[、,，和及与]?(?:提起)?行政诉讼(?:的)?情况"
    ),
    SectionId.PROBLEMS: (
        r"(?:政府信息公开)?(?:工作)?存在的?(?:主要)?问题(?:及|和|与|以及)?(?:改进|整改)(?:情况|措施|计划|方向)?"
    ),
    SectionId.OTHER: r"其[他它]需要报告的?(?:事项|情况)",
}
_NUM = r"(?P<num>[一二三四五六七八九十]{1,2})\s*[、.．,，]"
_PNUM = r"[（(](?P<pnum>[一二三四五六])[)）]"
_ANY_TITLE = "|".join(f"(?P<s{i}>{p})" for i, p in enumerate(_TITLES.values()))
# A paragraph that is nothing but a heading (numeral optional): "二、主动公开政府信息情况".
_WHOLE = regex.compile(rf"^(?:{_NUM}|{_PNUM}|第[一二三四五六]部分[、:：]?)?(?:{_ANY_TITLE})[。.:：]?$")
# A heading inside running text needs its numeral: "…12月31日。一、总体情况 2024年，…".
_INLINE = regex.compile(rf"(?<![一二三四五六七八九十])(?P<num>[一二三四五六])、\s*(?:{_ANY_TITLE})")
_ORDER = list(SectionId)


@dataclass(slots=True)
class SectionSpan:
    """One part as found: its heading text and the blocks under it."""

    id: SectionId
    heading: str | None
    blocks: list[Block] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if isinstance(b, Paragraph))

    def tables(self) -> list[RawTable]:
        return [b for b in self.blocks if isinstance(b, RawTable)]


@dataclass(slots=True)
class Segmentation:
    """The parts found in order, what came before the first, and which parts are missing."""

    preamble: list[Block]
    sections: list[SectionSpan]

    @property
    def missing(self) -> list[SectionId]:
        found = {s.id for s in self.sections}
        return [s for s in _ORDER if s not in found]

    def get(self, sid: SectionId) -> SectionSpan | None:
        return next((s for s in self.sections if s.id is sid), None)


@dataclass(frozen=True, slots=True)
class _Candidate:
    block: int
    start: int  # offset of the heading inside the paragraph text (0 for whole paragraphs)
    end: int
    section: SectionId
    score: float


def _section_of(m: regex.Match[str]) -> SectionId:
    for i, sid in enumerate(_TITLES):
        if m.group(f"s{i}") is not None:
            return sid
    raise AssertionError("a title group always matches")  # pragma: no cover


def _numeral_value(m: regex.Match[str]) -> int | None:
    num = m.group("num") or (m.groupdict().get("pnum"))
    if not num:
        return None
    digits = "一二三四五六七八九十"
    return digits.index(num) + 1 if len(num) == 1 else None


def _may_hold_title(text: str) -> bool:
    """Every title of _TITLES contains 况, 述, 题 or 项 (情况, 概述, 问题, 事项): single characters, so a title
    broken by spaces is still seen (U+FA71 and U+2F81B are compatibility forms of 况, which the
    patterns see after NFKC). Most paragraphs have none and skip both patterns."""
    return any(ch in text for ch in _TITLE_CHARS)


_TITLE_CHARS = ("况", "述", "题", "项", "\ufa71", "\U0002f81b")


def _candidates(blocks: list[Block]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for i, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or not _may_hold_title(block.text):
            continue
        if len(block.text) <= 80 and len(flat := squash(block.text)) <= 40:
            m = _WHOLE.match(flat)
            if m:
                sid = _section_of(m)
                n = _numeral_value(m)
                score = 3.0 if n == sid.number else (2.0 if n is not None else 1.0 + (block.level > 0))
                found.append(_Candidate(i, 0, len(block.text), sid, score))
                continue
        if "、" not in block.text:
            continue  # an inline heading needs its numeral: scanning prose without one is wasted
        for m in _INLINE.finditer(block.text):
            sid = _section_of(m)
            if _numeral_value(m) == sid.number:
                found.append(_Candidate(i, m.start(), m.end(), sid, 2.5))
    return found


def _best_chain(cands: list[_Candidate]) -> list[_Candidate]:
    """The highest-scoring subsequence whose parts strictly increase (a weighted LIS)."""
    best: list[tuple[float, int]] = []  # (total score, previous index)
    for i, c in enumerate(cands):
        total, prev = c.score, -1
        for j in range(i):
            if _ORDER.index(cands[j].section) < _ORDER.index(c.section) and best[j][0] + c.score > total:
                total, prev = best[j][0] + c.score, j
        best.append((total, prev))
    if not best:
        return []
    i = max(range(len(best)), key=lambda k: best[k][0])
    chain: list[_Candidate] = []
    while i >= 0:
        chain.append(cands[i])
        i = best[i][1]
    return chain[::-1]


def segment(doc: RawDocument) -> Segmentation:
    """Split a document into its numbered parts.

    Returns a :class:`Segmentation`; parts not found are listed in ``missing``
    (a finding for the caller, never an exception).
    """
    chain = _best_chain(_candidates(doc.blocks))
    by_block: dict[int, list[_Candidate]] = {}
    for c in chain:
        by_block.setdefault(c.block, []).append(c)
    preamble: list[Block] = []
    sections: list[SectionSpan] = []
    current = preamble
    for i, block in enumerate(doc.blocks):
        cuts = by_block.get(i)
        if not cuts:
            current.append(block)
            continue
        assert isinstance(block, Paragraph)
        pos = 0
        for cand in sorted(cuts, key=lambda c: c.start):
            before = block.text[pos : cand.start].strip()
            if before:
                current.append(Paragraph(before, block.location, block.level))
            span = SectionSpan(cand.section, block.text[cand.start : cand.end].strip())
            sections.append(span)
            current = span.blocks
            pos = cand.end
        rest = block.text[pos:].strip()
        if rest:
            current.append(Paragraph(rest, block.location, 0))
    return Segmentation(preamble, sections)
