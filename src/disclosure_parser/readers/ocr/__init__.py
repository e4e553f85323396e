"""Offline OCR (the ``[ocr]`` extra): page images to the glyphs and rules the PDF pipeline reads.

Importing this package imports numpy, OpenCV and the engine's wrapper; it raises
``ImportError`` when the extra is missing, so import it only when OCR is asked for
(``import disclosure_parser`` never does).
"""

from __future__ import annotations

from .engine import INSTALL_HINT, Engine, get_engine
from .page import read_page_image

__all__ = ["INSTALL_HINT", "Engine", "get_engine", "read_page_image"]
