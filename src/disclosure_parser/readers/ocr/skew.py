"""Skew: a page scanned a little askew is turned straight before anything is read.

Rules are found as long runs of ink in one row or column of pixels, which a tilt of a
degree breaks into pieces (a 1° tilt moves a rule 17 pixels along an A4 width at 144 dpi);
lines of text are boxed one by one. The page's tilt is read from its long straight lines
(table rules: a line fitted to each), else from its long text lines (the detector's
boxes are rotated rectangles): a page holding only a table has no long text line.
"""

from __future__ import annotations

import math
import statistics

import cv2
import numpy as np
from numpy.typing import NDArray

__all__ = ["skew_angle", "straighten"]

_LONG = 4.0  # width / height: only long lines tell their tilt reliably
_MIN_LINES = 3
_RULE_SHARE = 0.15  # of the page width: a line this long tells the tilt
_MIN_ANGLE = 0.15  # degrees: less moves a rule under a pixel per 400; not worth a resampling
_MAX_ANGLE = 10.0  # degrees: more is no scanning tilt (a rotated page, a picture): left alone


def skew_angle(quads: list[NDArray[np.float32]], ink: NDArray[np.uint8]) -> float:
    """The page's tilt in degrees (positive: lines run down to the right), 0 when unsure or negligible."""
    angle = _rule_angle(ink)
    if angle is None:
        angle = _text_angle(quads)
    return angle if angle is not None and _MIN_ANGLE <= abs(angle) <= _MAX_ANGLE else 0.0


def _rule_angle(ink: NDArray[np.uint8]) -> float | None:
    """The median tilt of the page's long, nearly horizontal lines (a line fitted to each)."""
    width = ink.shape[1]
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (15, 1))  # drops text, keeps a tilted rule's steps
    runs = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
    slack = math.tan(math.radians(_MAX_ANGLE))
    angles: list[float] = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w < width * _RULE_SHARE or h > w * slack + 8:
            continue
        ys, xs = np.nonzero(labels[y : y + h, x : x + w] == i)
        slope = float(np.polyfit(xs.astype(float), ys.astype(float), 1)[0])
        angles.append(math.degrees(math.atan(slope)))
    return statistics.median(angles) if len(angles) >= _MIN_LINES else None


def _text_angle(quads: list[NDArray[np.float32]]) -> float | None:
    """The median tilt of the long text lines the detector boxed."""
    angles = []
    for q in quads:
        (x0, y0), (x1, y1), _, (x3, y3) = (tuple(map(float, p)) for p in q[:4])
        width, height = math.hypot(x1 - x0, y1 - y0), math.hypot(x3 - x0, y3 - y0)
        if width >= _LONG * max(height, 1.0):
            angles.append(math.degrees(math.atan2(y1 - y0, x1 - x0)))
    return statistics.median(angles) if len(angles) >= _MIN_LINES else None


def straighten(gray: NDArray[np.uint8], angle: float) -> NDArray[np.uint8]:
    """The image turned by ``angle`` degrees about its centre (counter-clockwise), white where it comes in."""
    h, w = gray.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    out = cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    return np.asarray(out, dtype=np.uint8)
