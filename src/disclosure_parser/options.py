"""Parse options: behaviour switches and the resource limits that keep untrusted input bounded."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ParseOptions"]

MB = 1024 * 1024


class ParseOptions(BaseModel):
    """Options for :class:`~disclosure_parser.Parser`; frozen, so one instance can be shared.

    The limits exist because every input may be hostile: a file over ``max_bytes`` is
    refused before it is read, a DOCX whose parts inflate beyond ``max_uncompressed_bytes``
    is refused before it is inflated, a PDF with more than ``max_pages`` pages is refused.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    strict: bool = Field(False, description="raise StrictModeError when the report has error findings")
    max_bytes: int = Field(64 * MB, gt=0, description="largest input file accepted, in bytes")
    max_uncompressed_bytes: int = Field(
        200 * MB, gt=0, description="largest total inflated size of a DOCX's parts, in bytes"
    )
    max_pages: int = Field(300, gt=0, description="largest PDF page count accepted")
    max_table_cells: int = Field(200_000, gt=0, description="largest number of cells in one table grid")
    ocr: bool | Literal["auto"] = Field(
        False,
        description='read PDF pages by OCR (needs the [ocr] extra): "auto" only pages without a usable '
        "text layer (scans, glyph soup), True every page, False none (such pages make status needs_ocr)",
    )
