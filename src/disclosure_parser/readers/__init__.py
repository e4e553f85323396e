"""Format readers behind one registry. Readers only extract; they never interpret.

``READERS`` maps each :class:`~disclosure_parser.formats.InputFormat` to a reader class;
``register_reader`` adds or replaces one (for people adding formats).
"""

from __future__ import annotations

from ..errors import UnsupportedFormatError
from ..formats import InputFormat
from .base import Reader
from .docx import DocxReader
from .html import HtmlReader
from .pdf import PdfReader
from .text import TextReader

__all__ = ["READERS", "Reader", "get_reader", "register_reader"]

READERS: dict[InputFormat, type[Reader]] = {
    InputFormat.TXT: TextReader,
    InputFormat.MARKDOWN: TextReader,
    InputFormat.DOCX: DocxReader,
    InputFormat.HTML: HtmlReader,
    InputFormat.PDF: PdfReader,
}


def register_reader(fmt: InputFormat, reader: type[Reader]) -> None:
    """Use ``reader`` for ``fmt`` from now on."""
    if not (isinstance(reader, type) and issubclass(reader, Reader)):
        raise TypeError(f"reader must be a Reader subclass, got {reader!r}")
    READERS[InputFormat(fmt)] = reader


def get_reader(fmt: InputFormat) -> Reader:
    """An instance of the reader registered for ``fmt``.

    Raises:
        UnsupportedFormatError: when no reader is registered for it.
    """
    try:
        cls = READERS[InputFormat(fmt)]
    except (KeyError, ValueError) as exc:
        raise UnsupportedFormatError(f"no reader for format {str(fmt)!r}", format=str(fmt)) from exc
    return cls()
