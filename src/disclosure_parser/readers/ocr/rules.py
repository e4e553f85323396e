"""Ruling lines in a page image: the same :class:`~..pdf.model.Edge` records a text PDF's path objects give.

A rule is a long, thin line darker than what lies on either side of it (on white paper or
in a shaded row alike). Morphological opening with a long one-pixel-thin kernel keeps
those, one direction at a time. Each connected run becomes a segment;
runs thicker than a rule (a filled bar, a black block) are not rules, as in a text PDF
(``backend._THIN``). A character's strokes are runs too, and in the large type of a
title (淮安 2024: 22-point bold, 16-point body) longer than the shortest rules, so the
kernel is measured in the page's text height, and a run lying inside a detected text
line is a stroke of that line, never a rule.

The segments that cross a segment of the other direction are the table's rules: they
are painted white before text detection, so that a border is never read as ``1`` or
``|`` and a number touching a border is read alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from ..pdf.model import Edge

__all__ = ["PixelRule", "Rules", "find_rules", "ink_masks"]

_MIN_H = (12.0, 1.6)  # shortest horizontal rule: points, and text heights
_MIN_V = (8.0, 1.2)  # shortest vertical rule (one table row is about two text heights tall)
_CONTRAST = 40  # grey levels darker than the surroundings: printed, however faintly (scan noise is less)
_STROKE = 6.0  # points: strokes and rules up to this wide are found on any background
_MIN_SHORT = 4.0  # points: the shortest piece of border kept, when it joins two rules
_INSIDE = 0.7  # share of a run lying in one text line's box that makes it a stroke of that line
_THICK = 3.0  # points: thicker runs are bars or blocks, not rules
_TOUCH = 3  # pixels: a rule ending this close to another one meets it

Mask = NDArray[np.uint8]


@dataclass(frozen=True, slots=True)
class PixelRule:
    """A rule in pixels: its box (``x0 <= x < x1``, ``y0 <= y < y1``) and direction."""

    horizontal: bool
    x0: int
    y0: int
    x1: int
    y1: int

    def edge(self, scale: float) -> Edge:
        """As a ruling :class:`Edge` in points (``scale`` pixels a point)."""
        if self.horizontal:
            return Edge(True, (self.y0 + self.y1) / 2 / scale, self.x0 / scale, self.x1 / scale)
        return Edge(False, (self.x0 + self.x1) / 2 / scale, self.y0 / scale, self.y1 / scale)

    def meets(self, other: PixelRule) -> bool:
        t = _TOUCH
        return (
            self.x0 - t <= other.x1 and other.x0 - t <= self.x1 and self.y0 - t <= other.y1 and other.y0 - t <= self.y1
        )


@dataclass(slots=True)
class Rules:
    """The rules of one page image: all of them, and which are table rules (they meet a crossing rule)."""

    rules: list[PixelRule]
    table: list[PixelRule]

    def edges(self, scale: float) -> list[Edge]:
        return [r.edge(scale) for r in self.rules]

    def mask(self, shape: tuple[int, ...], pad: int = 1) -> Mask:
        """The table rules' pixels (grown by ``pad``) as a 0/255 mask."""
        out = np.zeros(shape[:2], dtype=np.uint8)
        for r in self.table:
            out[max(r.y0 - pad, 0) : r.y1 + pad, max(r.x0 - pad, 0) : r.x1 + pad] = 255
        return out


def ink_masks(gray: NDArray[np.uint8], scale: float) -> tuple[Mask, Mask]:
    """Ink as 255 on 0, twice: strict (Otsu's threshold, never lighter than mid-grey): the cores
    of glyphs and rules; and faint: every thin dark stroke, however light, on any background.

    Thin strokes render grey: in 淮安 2024 at 144 dpi the strokes of ``二`` are 130-200 grey
    (a strict mask loses the character: ``、上年结转…``). A plain lighter threshold would take
    shading for ink: 平潭 2020 shades its caption rows grey, and the shaded rows swallowed
    the table's rules. So the faint mask is a black top-hat: what is darker than its
    surroundings once strokes narrower than a few points are closed over, flat fills are not.
    """
    otsu, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    level = min(max(float(otsu), 100.0), 200.0)  # Otsu degenerates on a nearly empty page
    strict = np.where(gray <= min(level, 160.0), 255, 0).astype(np.uint8)
    size = max(int(_STROKE * scale) | 1, 5)
    faint = _dark_on_surroundings(gray, (size, size)) | strict
    return strict, faint


def _dark_on_surroundings(gray: NDArray[np.uint8], size: tuple[int, int]) -> Mask:
    """Where the image is clearly darker than once structures thinner than ``size`` (w, h) are closed over."""
    closed = cv2.morphologyEx(gray, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, size))
    hat = cv2.subtract(closed, gray)
    return np.where(hat >= _CONTRAST, 255, 0).astype(np.uint8)


def _inside(rule: PixelRule, box: tuple[int, int, int, int]) -> float:
    """Share of the rule's length that lies inside the box ``(x0, y0, x1, y1)``."""
    x0, y0, x1, y1 = box
    if rule.horizontal:
        if not y0 <= (rule.y0 + rule.y1) / 2 <= y1:
            return 0.0
        return max(0, min(rule.x1, x1) - max(rule.x0, x0)) / max(rule.x1 - rule.x0, 1)
    if not x0 <= (rule.x0 + rule.x1) / 2 <= x1:
        return 0.0
    return max(0, min(rule.y1, y1) - max(rule.y0, y0)) / max(rule.y1 - rule.y0, 1)


def _line_mask(gray: NDArray[np.uint8], ink: Mask, horizontal: bool, thick: float) -> Mask:
    """Lines darker than what lies across them (or plain dark ink: where a rule crosses another
    it is not darker than its surroundings)."""
    across = int(2 * thick) | 1
    return _dark_on_surroundings(gray, (1, across) if horizontal else (across, 1)) | ink


def _runs(lines: Mask, horizontal: bool, length: int, thick: float) -> list[PixelRule]:
    """Runs at least ``length`` long and at most ``thick`` thick in one direction."""
    size = (length, 1) if horizontal else (1, length)
    opened = cv2.morphologyEx(lines, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))
    n, _, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=8)
    out: list[PixelRule] = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if (h if horizontal else w) <= thick:
            out.append(PixelRule(horizontal, x, y, x + w, y + h))
    return out


def _joins(piece: PixelRule, rules: list[PixelRule]) -> bool:
    """Whether each end of ``piece`` lies on a rule of the other direction."""
    t = _TOUCH
    mid = (piece.y0 + piece.y1) / 2 if piece.horizontal else (piece.x0 + piece.x1) / 2
    ends: list[tuple[float, float]]
    if piece.horizontal:
        ends = [(piece.x0, mid), (piece.x1 - 1, mid)]
    else:
        ends = [(mid, piece.y0), (mid, piece.y1 - 1)]
    across = [r for r in rules if r.horizontal != piece.horizontal]
    return all(any(r.x0 - t <= x <= r.x1 + t and r.y0 - t <= y <= r.y1 + t for r in across) for x, y in ends)


def find_rules(
    gray: NDArray[np.uint8], ink: Mask, scale: float, em: float, lines: list[tuple[int, int, int, int]]
) -> Rules:
    """Horizontal and vertical rules of a page image.

    Args:
        gray: the page, grey.
        ink: its dark ink (the strict mask of :func:`ink_masks`).
        scale: pixels a point.
        em: the body text's height in pixels.
        lines: the detected text lines' boxes ``(x0, y0, x1, y1)``, in pixels.
    """
    thick = max(_THICK * scale, 2.0)
    masks = {horizontal: _line_mask(gray, ink, horizontal, thick) for horizontal in (True, False)}
    found: list[PixelRule] = []
    for horizontal in (True, False):
        points, heights = _MIN_H if horizontal else _MIN_V
        length = max(int(max(points * scale, heights * em)), 8)
        found += _runs(masks[horizontal], horizontal, length, thick)
    found = [r for r in found if not any(_inside(r, b) >= _INSIDE for b in lines)]
    # A short piece of border joining two rules (上海 2019: where a header's column edge is offset
    # from the rows below, 7 points of the rule under the header join the two edges). Without it
    # the header cell and the cell under it become one.
    short = max(int(_MIN_SHORT * scale), 4)
    for horizontal in (True, False):
        rest = masks[horizontal].copy()
        for r in found:  # only new pieces: not a glyph's stroke beside a rule, widening it
            rest[max(r.y0 - 1, 0) : r.y1 + 1, max(r.x0 - 1, 0) : r.x1 + 1] = 0
        for r in _runs(rest, horizontal, short, thick):
            if _joins(r, found) and not any(_inside(r, b) >= _INSIDE for b in lines):
                found.append(r)
    hs = [r for r in found if r.horizontal]
    vs = [r for r in found if not r.horizontal]
    table = [h for h in hs if any(h.meets(v) for v in vs)] + [v for v in vs if any(v.meets(h) for h in hs)]
    return Rules(hs + vs, table)
