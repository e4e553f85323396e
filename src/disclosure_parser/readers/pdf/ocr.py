"""Pages read by OCR, when asked for (``ParseOptions.ocr``): rendered, recognised, then read like text pages.

``ocr=True`` reads every page this way, ``ocr="auto"`` only the pages whose text layer
is unusable (a scan, glyph soup: :mod:`.quality`). Each page is rendered at
:data:`SCALE` pixels a point; the choice is measured in ``benchmarks/ocr.py``.
"""

from __future__ import annotations

import importlib.util
from typing import Literal

from ...errors import MissingDependencyError
from .backend import Document
from .model import PageContent

__all__ = ["INSTALL_HINT", "SCALE", "ocr_available", "ocr_targets", "recognise_pages"]

INSTALL_HINT = "pip install 'disclosure-parser[ocr]'"
SCALE = 2.0  # pixels a point (144 dpi); see benchmarks/ocr.py for accuracy and time by scale


def ocr_available() -> bool:
    """Whether the ``[ocr]`` extra is installed (checked without importing it)."""
    return all(importlib.util.find_spec(m) is not None for m in ("rapidocr_onnxruntime", "cv2", "numpy"))


def ocr_targets(mode: bool | Literal["auto"], contents: list[PageContent], flagged: dict[int, str]) -> list[int]:
    """Page numbers to OCR: none when off, the flagged ones for ``"auto"``, all for ``True``."""
    if mode is True:
        return [p.number for p in contents]
    if mode == "auto":
        return [p.number for p in contents if p.number in flagged]
    return []


def recognise_pages(pdf: Document, numbers: list[int], contents: list[PageContent]) -> dict[int, PageContent]:
    """OCR these pages (1-based numbers) of ``pdf``: their content read from the rendered image.

    Raises:
        MissingDependencyError: the ``[ocr]`` extra is not installed.
    """
    try:
        from ..ocr import get_engine, read_page_image
    except ImportError as exc:
        raise MissingDependencyError(
            f"OCR was asked for but the [ocr] extra is not installed: {INSTALL_HINT}", format="pdf"
        ) from exc
    engine = get_engine()
    sizes = {p.number: (p.width, p.height) for p in contents}
    out: dict[int, PageContent] = {}
    for n in numbers:
        width, height = sizes[n]
        image = pdf.render(n - 1, SCALE)
        out[n] = read_page_image(image, number=n, scale=SCALE, engine=engine, width=width, height=height)
    return out
