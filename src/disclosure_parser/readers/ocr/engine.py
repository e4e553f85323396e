"""The OCR engine: RapidOCR's PP-OCRv4 detection and recognition models on the CPU.

The models ship inside the ``rapidocr-onnxruntime`` wheel and run with onnxruntime:
nothing is downloaded at run time. The engine is loaded once per process (about 0.2 s)
and shared; onnxruntime sessions are safe to call from several threads, but the page
pipeline calls it from one thread at a time anyway (the PDF reader holds its lock).

Only two of RapidOCR's stages are used, through its ``text_det`` and ``text_rec``
objects: the page pipeline does its own cropping (it splits lines at table rules and
reads ink the detector missed) and the angle classifier is not needed for upright pages.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ...errors import MissingDependencyError
from ..pdf.ocr import INSTALL_HINT

__all__ = ["INSTALL_HINT", "Engine", "Recognition", "get_engine"]

_BATCH = 16  # crops per recogniser call: fewer calls, and crops of similar width batch well

Image = NDArray[np.uint8]


@dataclass(slots=True)
class Recognition:
    """One crop read: its text, mean confidence, and per character its confidence and centre (crop pixels)."""

    text: str
    score: float
    char_scores: list[float] = field(default_factory=list)
    char_centres: list[float] = field(default_factory=list)


class Engine:
    """Text detection (line boxes on a page image) and recognition (text of a line crop)."""

    def __init__(self) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise MissingDependencyError(f"OCR needs the [ocr] extra: {INSTALL_HINT}", format="pdf") from exc
        self._ocr: Any = RapidOCR()
        self._ocr.text_rec.rec_batch_num = _BATCH

    def detect(self, image: Image) -> list[NDArray[np.float32]]:
        """Text-line boxes (4 corner points each, pixels) on a 3-channel page image."""
        boxes, _ = self._ocr.text_det(image)
        if boxes is None:
            return []
        return [np.asarray(b, dtype=np.float32) for b in boxes]

    def recognise(self, crops: list[Image]) -> list[Recognition]:
        """The text of each crop (3-channel images of one text line each)."""
        if not crops:
            return []
        results, _ = self._ocr.text_rec(crops, return_word_box=True)
        return [_recognition(res, crop.shape[1]) for res, crop in zip(results, crops, strict=True)]


def _recognition(res: Any, width: int) -> Recognition:
    text, score = str(res[0]), float(res[1])
    if len(res) < 3 or not text:
        return Recognition(text, score)
    columns, _, word_cols, _, confs = res[2]
    cols = [c for word in word_cols for c in word]
    if len(cols) != len(text) or not columns:
        return Recognition(text, score)  # positions unknown: the caller spreads the text over the box
    step = width / float(columns)
    return Recognition(text, score, [float(c) for c in confs], [(c + 0.5) * step for c in cols])


_ENGINE: Engine | None = None
_LOCK = threading.Lock()


def get_engine() -> Engine:
    """The process's engine, loaded on first use.

    Raises:
        MissingDependencyError: the ``[ocr]`` extra is not installed.
    """
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            _ENGINE = Engine()
        return _ENGINE


def to_bgr(gray: Image) -> Image:
    """The 3-channel image the models take, from a grey one."""
    return np.ascontiguousarray(np.repeat(gray[:, :, None], 3, axis=2))
