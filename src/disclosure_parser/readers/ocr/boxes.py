"""Where the text is on a page image: line boxes from the detector, made to fit the page's tables.

The detector finds text lines; before they are read their boxes are made to fit:

* a box running over a table rule is cut at the rule (a cell's text never spills into
  the next cell), and a tall box holding several stacked lines is cut at the blank rows
  between them (labels printed one character per line: ``三、`` / ``本`` / ``年`` …);
* a box cutting through a glyph grows to all of it, then every box is shrunk to the ink
  inside it, so glyph boxes line up as in a text PDF; a box lying within another is the
  same text twice and goes;
* ink the detector left out becomes boxes of its own. The detector misses lone short
  marks, a single ``0`` or ``4`` alone in a table cell above all (淮安 2024 rendered at
  144 dpi: a third of the matrix's single digits), which are exactly the cells that matter;
* a box over an underline gets a second box without it (:func:`without_underline`).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from .rules import Mask, PixelRule

__all__ = ["Box", "Glyphs", "detector_boxes", "line_boxes", "missed_ink", "text_height", "without_underline"]

_SPECK = 0.12  # em: ink smaller than this both ways is noise (or a dot beside text already read)
_MIN_HEIGHT = 0.3  # em: shorter leftover ink is a stroke fragment, not text
_MAX_HEIGHT = 2.5  # em: taller leftover ink is a picture, seal or signature, not text
_JOIN_X = 0.6  # em: leftover marks this close side by side are one word
_STACK = 1.5  # height / width: a box this tall holds stacked lines
_UNDERLINE_THICK = 0.15  # of the box height: an underline is no thicker
_UNDERLINE_SPAN = 0.7  # of the box width: an underline runs under most of the text
_UNDERLINE_FILL = 0.6  # of the height above it: how much of it is ink rows (二 and 三 have less)
_LINE_GAP = 0.15  # of the width: a blank band this tall between stacked lines (strokes are closer)
_MIN_PIECE = 0.6  # of the width: the shortest line cut out of a stack (one character is about square)
_SAME_BOX = 0.8  # of a box's area: lying this much within another box, it is that box's text


@dataclass(slots=True)
class Box:
    """A text box in page pixels (``x0 <= x < x1``, ``y0 <= y < y1``)."""

    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0


def _bounds(quad: NDArray[np.float32], shape: tuple[int, ...]) -> Box:
    h, w = shape[:2]
    xs, ys = quad[:, 0], quad[:, 1]
    return Box(
        max(int(np.floor(xs.min())), 0),
        max(int(np.floor(ys.min())), 0),
        min(int(np.ceil(xs.max())), w),
        min(int(np.ceil(ys.max())), h),
    )


def _tighten(box: Box, ink: Mask) -> Box | None:
    """The box shrunk to the ink inside it; ``None`` when there is none."""
    patch = ink[box.y0 : box.y1, box.x0 : box.x1]
    rows = np.flatnonzero(patch.any(axis=1))
    cols = np.flatnonzero(patch.any(axis=0))
    if rows.size == 0 or cols.size == 0:
        return None
    return Box(box.x0 + int(cols[0]), box.y0 + int(rows[0]), box.x0 + int(cols[-1]) + 1, box.y0 + int(rows[-1]) + 1)


def _cut_at_rules(box: Box, verticals: list[PixelRule]) -> list[Box]:
    """The box cut where a table's vertical rule runs through it."""
    mid = (box.y0 + box.y1) / 2
    cuts = sorted((r.x0, r.x1) for r in verticals if r.y0 <= mid <= r.y1 and box.x0 < (r.x0 + r.x1) / 2 < box.x1)
    out: list[Box] = []
    left = box.x0
    for x0, x1 in cuts:
        if x0 > left:
            out.append(Box(left, box.y0, x0, box.y1))
        left = max(left, x1)
    if box.x1 > left:
        out.append(Box(left, box.y0, box.x1, box.y1))
    return out


def _ink_runs(filled: list[bool]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, f in enumerate([*filled, False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _unstack(box: Box, ink: Mask) -> list[Box]:
    """A tall box cut at the blank rows between the lines stacked in it.

    Only gaps wider than a stroke gap count, and a piece never gets shorter than a
    character's top or bottom part: ``三`` has blank rows between its strokes too.
    """
    if box.height < _STACK * box.width:
        return [box]
    filled = [bool(v) for v in np.asarray(ink[box.y0 : box.y1, box.x0 : box.x1].any(axis=1)).ravel()]
    runs = _ink_runs(filled)
    min_gap, min_piece = max(2, int(_LINE_GAP * box.width)), _MIN_PIECE * box.width
    pieces: list[list[int]] = []
    for a, b in runs:
        if pieces and (a - pieces[-1][1] < min_gap or pieces[-1][1] - pieces[-1][0] < min_piece):
            pieces[-1][1] = b
        else:
            pieces.append([a, b])
    if len(pieces) > 1 and pieces[-1][1] - pieces[-1][0] < min_piece:
        last = pieces.pop()
        pieces[-1][1] = last[1]
    return [Box(box.x0, box.y0 + a, box.x1, box.y0 + b) for a, b in pieces] or [box]


def without_underline(box: Box, ink: Mask) -> Box | None:
    """The box without the line under its text, or ``None`` when there is none.

    An underline is the box's lowest band of rows: each row inked across most of the box,
    the band thin, under glyphs that fill most of the height above it (``二`` and ``三`` end
    in such a stroke but have little ink above it). Glyphs may touch it (平潭 2020: the foot
    of a ``0`` touches the line under it). What is left is only a candidate: the caller
    reads both and keeps the surer reading (``工`` and ``上`` keep their last stroke).
    """
    patch = ink[box.y0 : box.y1, box.x0 : box.x1]
    cover = np.count_nonzero(patch, axis=1) / max(box.width, 1)
    bottom = len(cover)
    while bottom > 0 and cover[bottom - 1] == 0:
        bottom -= 1  # the box reaches the line's grey edge, below its dark core
    band = 0
    while band < bottom and cover[bottom - 1 - band] >= _UNDERLINE_SPAN:
        band += 1
    top = bottom - band
    if band == 0 or band > max(2, _UNDERLINE_THICK * box.height) or top == 0:
        return None
    rows = np.flatnonzero(cover[:top] > 0)
    if rows.size == 0 or rows.size < _UNDERLINE_FILL * (top - rows[0]):
        return None
    return _tighten(Box(box.x0, box.y0, box.x1, box.y0 + top), ink)


class Glyphs:
    """The connected pieces of ink on a page, to grow a box that cuts through a glyph to all of it."""

    def __init__(self, ink: Mask, em: float) -> None:
        _, self.labels, self.stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
        self.limit = _MAX_HEIGHT * em  # a bigger piece is a picture or a seal, not part of a line

    def grow(self, box: Box) -> Box:
        """The box grown to the whole of every glyph piece it touches (none bigger than a glyph)."""
        seen = np.unique(self.labels[box.y0 : box.y1, box.x0 : box.x1])
        x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
        for i in seen[seen > 0]:
            x, y, w, h = (int(v) for v in self.stats[i, :4])
            if h <= self.limit and w <= self.limit:
                x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x + w), max(y1, y + h)
        return Box(x0, y0, x1, y1)


def detector_boxes(
    quads: list[NDArray[np.float32]], ink: Mask, table_rules: list[PixelRule], glyphs: Glyphs
) -> list[Box]:
    """The detector's boxes cut at table rules, grown to the glyphs they cut through (the detector's
    box of a lone ``7`` in 上海 2019 holds only its stem, read ``/``), cut between stacked lines and
    shrunk to their ink."""
    verticals = [r for r in table_rules if not r.horizontal]
    out: list[Box] = []
    for quad in quads:
        for part in _cut_at_rules(_bounds(quad, ink.shape), verticals):
            tight = _tighten(part, ink)
            if tight is None:
                continue
            grown = glyphs.grow(tight)
            out.extend(b for piece in _unstack(grown, ink) if (b := _tighten(piece, ink)) is not None)
    return _distinct(out)


def _distinct(boxes: list[Box]) -> list[Box]:
    """The boxes without those lying (mostly) within a bigger one: grown to the same glyphs, they
    would read the same text twice."""
    ordered = sorted(boxes, key=lambda b: b.width * b.height, reverse=True)
    kept: list[Box] = []
    for b in ordered:
        area = max(b.width * b.height, 1)
        if not any(_overlap(b, k) >= _SAME_BOX * area for k in kept):
            kept.append(b)
    return kept


def _overlap(a: Box, b: Box) -> int:
    return max(0, min(a.x1, b.x1) - max(a.x0, b.x0)) * max(0, min(a.y1, b.y1) - max(a.y0, b.y0))


def line_boxes(quads: list[NDArray[np.float32]], ink: Mask) -> list[Box]:
    """The detector's boxes as found, shrunk to their ink (to measure text and tell strokes from rules)."""
    out = [_tighten(_bounds(q, ink.shape), ink) for q in quads]
    return [b for b in out if b is not None]


def text_height(boxes: list[Box], default: float) -> float:
    """The page's typical line height in pixels (the median box height): the em of its body text."""
    heights = sorted(b.height for b in boxes if b.width >= b.height)
    return float(heights[len(heights) // 2]) if heights else default


def missed_ink(ink: Mask, boxes: list[Box], rule_mask: Mask, em: float) -> list[Box]:
    """Boxes around the ink no box covers: marks near each other joined, never across a table rule."""
    rest = ink.copy()
    grow = max(int(em * 0.15), 1)
    for b in boxes:
        rest[max(b.y0 - grow, 0) : b.y1 + grow, max(b.x0 - grow, 0) : b.x1 + grow] = 0
    speck = max(int(em * _SPECK), 1)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(rest, connectivity=8)
    small = [i for i in range(1, n) if stats[i, 2] < speck and stats[i, 3] < speck]
    if small:
        rest[np.isin(labels, small)] = 0
    if not rest.any():
        return []
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(int(em * _JOIN_X), 1), max(int(em * 0.3), 1)))
    joined = cv2.dilate(rest, kernel)
    joined[rule_mask > 0] = 0
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=4)
    out: list[Box] = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        tight = _tighten(Box(x, y, x + w, y + h), rest)
        if tight is None or tight.height < _MIN_HEIGHT * em:
            continue
        for piece in _unstack(tight, rest):
            if _MIN_HEIGHT * em <= piece.height <= _MAX_HEIGHT * em:
                out.append(piece)
    return out
