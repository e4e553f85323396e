"""Whitespace as a browser renders it, for text gathered from many inline elements.

Inline elements are joined with nothing between them: Word-pasted pages split one
label or one number over many ``<span>``s (``2`` ``0`` → ``20``). Source whitespace
collapses to one space, except that a line break between two East Asian wide
characters vanishes (CSS Text 3 segment-break rule), so a page wrapped in the middle
of a Chinese word does not grow a space there. ``&nbsp;`` counts as a space here: it
pads cells and labels (``&nbsp;0&nbsp;``, ``公益&nbsp;&nbsp;组织``) and means nothing.
"""

from __future__ import annotations

import re

__all__ = ["normalise_space"]

_RUN = re.compile(r"[ \t\n\r\f\v\u00a0\u200b\ufeff]+")


def _wide(ch: str) -> bool:
    """East Asian wide (CJK, kana, full-width forms), not Hangul (which keeps its spaces)."""
    return ch >= "\u2e80" and not ("\uac00" <= ch <= "\ud7af")


def normalise_space(text: str) -> str:
    """Collapse whitespace the way it renders; strip the ends."""
    if not text or text.isspace():
        return ""
    if text.isalnum():
        return text  # the common cell: a number or a label without spaces or punctuation

    def collapse(m: re.Match[str]) -> str:
        run = m.group(0)
        if run in ("\u200b", "\ufeff"):
            return ""
        if ("\n" in run or "\r" in run) and "\u00a0" not in run:  # &nbsp; is deliberate spacing
            start, end = m.start(), m.end()
            if 0 < start and end < len(text) and _wide(text[start - 1]) and _wide(text[end]):
                return ""
        return " "

    return _RUN.sub(collapse, text).strip()
