"""Page furniture: page numbers and running headers/footers, which are not report text.

Only lines in the top or bottom band of a page are candidates. There, a line is
furniture when it reads as a page number (``- 1 -``, ``— 3 —``, ``第 1 页 共 5 页``,
``2/6``, a bare ``4``) or when the same text (digits aside) recurs in the band of
other pages (a running header such as the report's title or the issuing office).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from .layout import Line

__all__ = ["drop_furniture"]

_BAND = 0.12  # share of the page height at the top and at the bottom
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~～·•\s]*\d{1,4}[-—–－~～·•\s]*"
    r"|第\s*\d{1,4}\s*页\s*(?:[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.IGNORECASE,
)
_MAX_RUNNING = 60  # characters: a running header is short


def _band(line: Line, height: float) -> str | None:
    if line.bottom <= height * _BAND:
        return "top"
    if line.top >= height * (1 - _BAND):
        return "bottom"
    return None


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def drop_furniture(pages: Sequence[list[Line]], heights: Sequence[float]) -> list[list[Line]]:
    """Each page's lines without page numbers and running headers/footers."""
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        for line in lines:
            band = _band(line, height)
            if band and len(line.text) <= _MAX_RUNNING:
                seen[(band, _key(line.text))].add(i)
    repeat = max(2, (len(pages) * 2 + 4) // 5)  # on at least 2 pages and about 40% of them
    out: list[list[Line]] = []
    for lines, height in zip(pages, heights, strict=True):
        kept = []
        for line in lines:
            band = _band(line, height)
            if band and (_PAGE_NUMBER.match(line.text.strip()) or len(seen.get((band, _key(line.text)), ())) >= repeat):
                continue
            kept.append(line)
        out.append(kept)
    return out
