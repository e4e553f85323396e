"""Scanned versions of PDFs, made at test time: every page rendered to a grey image, the images put
back together as an image-only PDF (what a print-and-scan or an image export publishes).

Nothing large is committed: the corpus's text PDFs become their own scans, scored against
the same truth. ``dpi`` is the scan's resolution; JPEG compression (Pillow's default for
grey images in a PDF) adds the artefacts of a real scan.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium

# A committed bilevel scan of two pages of a real report (see tests/data/ocr/README.md).
BILEVEL_SCAN = Path(__file__).resolve().parent.parent / "data" / "ocr" / "huaian_2024_p4-5_bilevel.pdf"


def image_only_pdf(data: bytes, *, dpi: int = 200, pages: int | None = None) -> bytes:
    """``data`` (a PDF) as an image-only PDF of its first ``pages`` pages (all by default)."""
    pdf = pdfium.PdfDocument(data)
    try:
        images = []
        for i in range(len(pdf) if pages is None else min(pages, len(pdf))):
            page = pdf[i]
            try:
                images.append(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
            finally:
                page.close()
    finally:
        pdf.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    return out.getvalue()
