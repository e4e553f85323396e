"""A page image to the PDF reader's :class:`~..pdf.model.PageContent`: glyphs with confidences, and rules.

Each recognised line becomes one pseudo-glyph per character, placed where the
recogniser saw it (the CTC column of the character, mapped back to the page) and as
wide as such a character is on that line. Rules become :class:`Edge` records. From
there a scanned page goes through exactly the pipeline of a text page: table finding,
stitching over page breaks, lines, paragraphs and furniture.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..pdf.model import Char, PageContent, is_cjk
from .boxes import Box, Glyphs, detector_boxes, line_boxes, missed_ink, text_height, without_underline
from .engine import Engine, Image, Recognition, to_bgr
from .rules import Mask, Rules, find_rules, ink_masks
from .skew import skew_angle, straighten

__all__ = ["Prepared", "prepare", "read_page_image", "recognise"]

_PAD = 0.3  # of the line height: white margin around a crop (the recogniser reads a lone digit better)
_NARROW = 0.55  # of a CJK character's width: a digit's or Latin letter's width
_MIN_SCORE = 0.1  # recognitions below this are noise read as text; above, a doubtful reading keeps its low confidence
_DEFAULT_EM = 10.0  # points: body text size when a page has no line to measure


def _pad(box: Box) -> int:
    """The white margin added around a box's crop, pixels."""
    return max(int(_PAD * box.height), 2)


def _crop(image: Image, box: Box) -> Image:
    pad = _pad(box)
    patch = image[box.y0 : box.y1, box.x0 : box.x1]
    return np.pad(patch, ((pad, pad), (pad, pad)), constant_values=255)


def _cjk_width(rec: Recognition, box: Box) -> float:
    """A full-width character's width on this line: the median step between CJK neighbours, else the height."""
    pairs = list(zip(rec.char_centres, rec.text, strict=True))
    steps = sorted(b - a for (a, ca), (b, cb) in itertools.pairwise(pairs) if is_cjk(ca) and is_cjk(cb) and b > a)
    return steps[len(steps) // 2] if steps else float(box.height)


def _centres(rec: Recognition, box: Box, pad: int, full: float) -> list[float]:
    """Each character's centre in page pixels: where the recogniser put it, else spread by nominal widths."""
    if len(rec.char_centres) == len(rec.text):
        return [box.x0 - pad + c for c in rec.char_centres]
    widths = [full if is_cjk(ch) else full * _NARROW for ch in rec.text]
    stretch = box.width / max(sum(widths), 1.0)
    out, x = [], float(box.x0)
    for w in widths:
        out.append(x + w * stretch / 2)
        x += w * stretch
    return out


def _extents(rec: Recognition, box: Box, centres: list[float], full: float) -> list[tuple[float, float]]:
    """Each character's left and right edge: the box shared out between neighbours at the midpoints
    of their centres, so the glyphs of one recognised run touch (no gap to read as a space); where
    the recogniser read a space, each side keeps its nominal width around its centre."""
    n = len(rec.text)
    halves = [(full if is_cjk(ch) else full * _NARROW) / 2 for ch in rec.text]
    out: list[tuple[float, float]] = []
    for i in range(n):
        cx = centres[i]
        if i == 0:
            left = float(box.x0)
        elif rec.text[i - 1].isspace():
            left = cx - halves[i]
        else:
            left = (centres[i - 1] + cx) / 2
        if i == n - 1:
            right = float(box.x1)
        elif rec.text[i + 1].isspace():
            right = cx + halves[i]
        else:
            right = (cx + centres[i + 1]) / 2
        left, right = max(left, float(box.x0)), min(right, float(box.x1))
        out.append((left, right) if right > left else (cx - halves[i], cx + halves[i]))
    return out


def _chars(rec: Recognition, box: Box, scale: float, start: int) -> list[Char]:
    pad = _pad(box)
    full = _cjk_width(rec, box)
    centres = _centres(rec, box, pad, full)
    scores = rec.char_scores if len(rec.char_scores) == len(rec.text) else [rec.score] * len(rec.text)
    out: list[Char] = []
    space = False
    for i, (ch, (x0, x1), score) in enumerate(zip(rec.text, _extents(rec, box, centres, full), scores, strict=True)):
        if ch.isspace():
            space = True
            continue
        out.append(Char(ch, x0 / scale, x1 / scale, box.y0 / scale, box.y1 / scale, start + i, space, score))
        space = False
    return out


@dataclass(slots=True)
class Prepared:
    """A page image ready to read: rules painted out, its ink, its rules, its text boxes."""

    clean: NDArray[np.uint8]  # the grey image without its table rules
    ink: Mask  # dark ink of ``clean`` (glyph cores)
    rules: Rules
    em: float  # body text height, pixels
    boxes: list[Box]


def prepare(gray: NDArray[np.uint8], engine: Engine, scale: float) -> Prepared:
    """Straighten the page, detect text lines and rules, paint the table rules out, box every piece of text."""
    quads = engine.detect(to_bgr(gray))
    ink, faint = ink_masks(gray, scale)
    angle = skew_angle(quads, faint)
    if angle:
        gray = straighten(gray, angle)
        quads = engine.detect(to_bgr(gray))
        ink, faint = ink_masks(gray, scale)
    lines = line_boxes(quads, faint)
    em = text_height(lines, _DEFAULT_EM * scale)
    rules = find_rules(gray, ink, scale, em, [(b.x0, b.y0, b.x1, b.y1) for b in lines])
    core = rules.mask(gray.shape, pad=0)
    fringe = rules.mask(gray.shape, pad=1)
    clean = gray.copy()
    # A rule's own pixels go, and its grey anti-aliased edge, but not dark ink beside it: in
    # LibreOffice exports (平潭 2023) numbers touch the cell's left border, and erasing a band
    # around the rule cut the left arc off every 0, which then read as D.
    clean[(core > 0) | ((fringe > 0) & (ink == 0))] = 255
    faint[clean == 255] = 0
    ink[clean == 255] = 0
    boxes = detector_boxes(quads, faint, rules.table, Glyphs(faint, em))
    boxes += missed_ink(faint, boxes, core, em)
    boxes.sort(key=lambda b: (b.y0, b.x0))
    return Prepared(clean, ink, rules, em, boxes)


def recognise(prep: Prepared, engine: Engine) -> list[tuple[Box, Recognition]]:
    """Each box read. A box whose text is underlined is read with and without its underline, and the
    surer reading kept: 平潭 2020's cells are underlined, and ``0`` over a line reads ``b``."""
    boxes = prep.boxes
    cuts = {i: cut for i, b in enumerate(boxes) if (cut := without_underline(b, prep.ink)) is not None}
    crops = [_crop(prep.clean, b) for b in boxes] + [_crop(prep.clean, cut) for cut in cuts.values()]
    recs = engine.recognise([to_bgr(c) for c in crops])
    out = list(zip(boxes, recs[: len(boxes)], strict=True))
    for (i, cut), rec in zip(cuts.items(), recs[len(boxes) :], strict=True):
        if rec.score > out[i][1].score:
            out[i] = (cut, rec)
    return out


def read_page_image(
    gray: NDArray[np.uint8], *, number: int, scale: float, engine: Engine, width: float, height: float
) -> PageContent:
    """OCR one page image (grey, ``scale`` pixels a point) into glyphs and rules in page points."""
    prep = prepare(gray, engine, scale)
    chars: list[Char] = []
    index = 0  # each character's place in reading order, as a text page's stream index
    for box, rec in recognise(prep, engine):
        if rec.text.strip() and rec.score >= _MIN_SCORE:
            chars.extend(_chars(rec, box, scale, index))
        index += len(rec.text)
    return PageContent(number, width, height, chars=chars, edges=prep.rules.edges(scale))
