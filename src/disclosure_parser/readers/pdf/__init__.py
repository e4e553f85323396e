"""PDF reader: text-layer PDFs (WPS, Word, LibreOffice exports) to the document model.

See :mod:`.reader` for the pipeline; scanned pages are reported, never guessed at.
"""

from __future__ import annotations

from .reader import PdfReader

__all__ = ["PdfReader"]
