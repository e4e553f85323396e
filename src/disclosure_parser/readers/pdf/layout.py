"""Glyphs → lines → text, the CJK way.

A line is the glyphs whose vertical centres agree, left to right. Between two glyphs a
space is written only where the gap says so, and never next to a Chinese character:
PDF producers place CJK text glyph by glyph, justify it with extra spacing and print
labels spaced out (``总 计``, ``结 果`` / ``维持``), none of which is a space in the
text. Digits are different: two digit runs with a visible gap are two numbers, and are
never glued together (the "20 read as 2 and 0" family of failures runs the other way
too: ``2`` ``0`` of neighbouring cells must not become ``20``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .model import Char, is_cjk

__all__ = ["Line", "em", "group_lines", "is_number", "join_lines", "line_text", "lowest"]

_DIGIT_GAP = 0.3  # em: digits further apart than this (a space is about 0.25 em) are separate numbers
_WORD_GAP = 0.25  # em: Latin/digit glyphs further apart than this are separate words
_WIDE_GAP = 1.5  # em: in running text, a gap this wide next to CJK is a column gap, kept as a space
_SAME_LINE = 0.35  # glyph heights: vertical centres closer than this are one line (fonts of a line differ a little)
_NUMBER = re.compile(r"^[-+−]?\s*\d[\d,.，]*\s*(?:万元|元|件|个|项|次)?$")


def is_number(text: str) -> bool:
    """Whether a cell or text segment is a number (with an optional unit): a value, not a label."""
    return bool(_NUMBER.match(text.strip()))


@dataclass(slots=True)
class Line:
    """One line of text on a page, with its box and its em (see :func:`em`)."""

    chars: list[Char]
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @classmethod
    def of(cls, chars: list[Char], page: int, *, wide_gaps: bool = True) -> Line:
        return cls(
            chars,
            line_text(chars, wide_gaps=wide_gaps),
            page,
            min(c.x0 for c in chars),
            max(c.x1 for c in chars),
            min(c.top for c in chars),
            max(c.bottom for c in chars),
            em(chars),
        )


def lowest(chars: Sequence[Char]) -> float | None:
    """The lowest OCR confidence of the glyphs (``None`` for text-layer glyphs): text is as sure as its worst glyph."""
    scores = [c.confidence for c in chars if c.confidence is not None]
    return round(min(scores), 4) if scores else None


def em(chars: Sequence[Char]) -> float:
    """A line's em: the width of its Chinese characters (all one em wide); else its glyph height.

    Box heights are no measure across fonts: the Latin and the CJK font of one line have
    different ascents (淮安 2024 lines measure 17.9 or 21.5 by height).
    """
    sizes = sorted(c.x1 - c.x0 for c in chars if "\u4e00" <= c.text <= "\u9fff")
    if not sizes:
        sizes = sorted(c.size for c in chars)
    return sizes[len(sizes) // 2] if sizes else 1.0


def group_lines(chars: Sequence[Char]) -> list[list[Char]]:
    """Glyphs into lines, top to bottom, each left to right; duplicate glyphs (fake bold) dropped."""
    if not chars:
        return []
    ordered = sorted(chars, key=lambda c: (c.cy, c.x0))
    lines: list[list[Char]] = []
    current = [ordered[0]]
    anchor, height = ordered[0].cy, ordered[0].size
    for c in ordered[1:]:
        if abs(c.cy - anchor) < _SAME_LINE * min(height, c.size):
            current.append(c)
        else:
            lines.append(current)
            current = [c]
            anchor, height = c.cy, c.size
    lines.append(current)
    return [_dedupe(sorted(line, key=lambda c: (c.x0, c.index))) for line in lines]


def _dedupe(line: list[Char]) -> list[Char]:
    """Drop a glyph drawn again on top of itself (how some producers fake bold CJK)."""
    out = [line[0]]
    for c in line[1:]:
        prev = out[-1]
        if c.text == prev.text and abs(c.x0 - prev.x0) < 0.3 * max(prev.x1 - prev.x0, 0.1):
            continue
        out.append(c)
    return out


def _space_between(a: Char, b: Char, *, wide_gaps: bool) -> bool:
    gap = b.x0 - a.x1
    size = max(a.size, b.size)
    if is_cjk(a.text[-1]) or is_cjk(b.text[0]):
        return wide_gaps and gap > _WIDE_GAP * size
    if b.space_before and b.index > a.index:
        return True
    if a.text[-1].isdigit() and b.text[0].isdigit():
        return gap > _DIGIT_GAP * size
    return gap > _WORD_GAP * size


def _printable(ch: Char) -> bool:
    """Icon-font glyphs (private-use code points: portal chrome's arrows and stars) are no text."""
    return not ("\ue000" <= ch.text[0] <= "\uf8ff")


def line_text(chars: Sequence[Char], *, wide_gaps: bool = True) -> str:
    """The text of one line. ``wide_gaps`` keeps a space for column-sized gaps next to CJK
    (running text); inside a table cell every gap next to CJK is spacing, not a space."""
    chars = [c for c in chars if _printable(c)]
    if not chars:
        return ""
    parts = [chars[0].text]
    for a, b in pairwise(chars):
        if _space_between(a, b, wide_gaps=wide_gaps):
            parts.append(" ")
        parts.append(b.text)
    return "".join(parts)


def join_lines(texts: Sequence[str]) -> str:
    """Lines of one paragraph or cell joined: nothing between CJK, a space between words and
    between numbers (a number wrapped inside a cell is far rarer than two numbers in one)."""
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if out and not (is_cjk(out[-1]) or is_cjk(t[0])) and not out.endswith(("-", "/")):
            out += " "
        out += t
    return out
