"""DOCX reader package: safe package access, body walk, merged-cell grids, list numbering."""

from __future__ import annotations

from .reader import DocxReader

__all__ = ["DocxReader"]
