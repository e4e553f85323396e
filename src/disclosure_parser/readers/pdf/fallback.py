"""Glyphs from pdfminer (through pdfplumber) for the pages PDFium cannot measure.

PDFium places glyphs by their outlines; a CJK font that is neither embedded in the
PDF nor installed on the machine has none, and PDFium drops text objects of a single
such glyph (see :meth:`.backend._Graphics.lost`). pdfminer places glyphs by the font's
metrics, so it reads those pages whole. It is far slower, so it reads only them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from .model import Char

__all__ = ["pdfminer_chars"]


def pdfminer_chars(data: bytes, pages: Sequence[int]) -> dict[int, list[Char]]:
    """Glyphs of the given pages (1-based), in the reader's top-down coordinates."""
    import pdfplumber  # a core dependency; imported here because most documents never need it

    out: dict[int, list[Char]] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number in pages:
            page = pdf.pages[number - 1]
            chars: list[Char] = []
            space = False
            for i, c in enumerate(page.chars):
                text = str(c.get("text") or "")
                if not text.strip():
                    space = True
                    continue
                chars.append(Char(text, float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]), i, space))
                space = False
            out[number] = chars
    return out
