"""Lines → paragraphs, by the layout of Chinese official documents.

A paragraph starts with an indented first line (two characters), or after a line that
stops short of the right margin (the last line of a paragraph, a heading, a title), a
change of font size, or a wider vertical gap than the lines of the page usually have.
A paragraph whose last line fills the page width goes on at the top of the next page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .layout import Line

__all__ = ["Margins", "breaks_between", "margins"]

_INDENT = 1.2  # em beyond the left margin: an indented first line
_SHORT = 2.0  # em before the right margin: the line ended early
_SIZE_CHANGE = 0.15
_GAP_FACTOR = 1.6


@dataclass(frozen=True, slots=True)
class Margins:
    """The text block of the document: left and right margins, and the usual gap between lines."""

    left: float
    right: float
    gap: float


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(int(q * len(values)), len(values) - 1)]


def margins(lines: Sequence[Line]) -> Margins:
    """Measured on the document's longer lines (short ones are titles, headings, signatures)."""
    long = [ln for ln in lines if len(ln.text) >= 15] or list(lines)
    if not long:
        return Margins(0.0, 0.0, 0.0)
    gaps = [b.top - a.bottom for a, b in pairwise(lines) if a.page == b.page and 0 <= b.top - a.bottom < 3 * a.size]
    gap = _percentile(gaps, 0.5) if gaps else 0.5 * long[0].size
    return Margins(_percentile([ln.x0 for ln in long], 0.1), _percentile([ln.x1 for ln in long], 0.9), max(gap, 0.0))


def breaks_between(a: Line, b: Line, m: Margins) -> bool:
    """Whether ``b`` starts a new paragraph after ``a`` (``b`` may be on the next page)."""
    size = max(a.size, b.size)
    if abs(a.size - b.size) > _SIZE_CHANGE * size:
        return True
    if b.x0 > m.left + _INDENT * b.size or a.x1 < m.right - _SHORT * a.size:
        return True
    return a.page == b.page and b.top - a.bottom > _GAP_FACTOR * m.gap + 0.3 * size
