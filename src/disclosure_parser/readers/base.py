"""The reader interface: bytes in, a :class:`~disclosure_parser.document.RawDocument` out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from ..document import RawDocument
from ..formats import InputFormat
from ..options import ParseOptions

__all__ = ["Reader"]


class Reader(ABC):
    """Extracts paragraphs and tables from one input format. Never interprets them.

    Subclasses set ``formats`` and implement :meth:`read`. They raise
    :class:`~disclosure_parser.errors.ReadError` (or a subclass) for bytes they cannot
    read, translating their library's exceptions at this boundary.
    """

    formats: ClassVar[tuple[InputFormat, ...]] = ()

    @abstractmethod
    def read(self, data: bytes, *, options: ParseOptions, name: str | None = None) -> RawDocument:
        """Read ``data`` (the whole file) into a document."""
