"""The exception tree of disclosure_parser.

Every exception the library raises on purpose derives from one base::

    DisclosureParserError                 catch this to catch everything
    ├── SourceError                       cannot obtain the bytes (missing file, directory, empty, too big)
    │   └── UnsupportedFormatError        no reader for what the bytes are (.doc, .xls, an image …)
    ├── ReadError                         a reader failed on the bytes (corrupt zip, bad encoding …)
    │   ├── EncryptedDocumentError        password-protected document
    │   ├── ResourceLimitError            a limit was hit (uncompressed size, pages, nesting)
    │   └── MissingDependencyError        an optional extra is not installed (also an ImportError)
    └── StrictModeError                   ``strict=True`` and the report has error findings

Exceptions keep their cause (``raise … from exc``) and carry context attributes
(``source``, ``format``, ``findings``) rather than only a message.
Invalid *arguments* still raise ``ValueError``/``TypeError`` naming the parameter.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Finding

__all__ = [
    "DisclosureParserError",
    "EncryptedDocumentError",
    "MissingDependencyError",
    "ReadError",
    "ResourceLimitError",
    "SourceError",
    "StrictModeError",
    "UnsupportedFormatError",
]


class DisclosureParserError(Exception):
    """Base class of every error raised by disclosure_parser on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        if self.source:
            return f"{self.message} [{self.source}]"
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only context attributes would be lost by Exception's default pickling,
        # and batch workers send errors across processes.
        return (_rebuild, (type(self), self.message, dict(self.__dict__)))


class SourceError(DisclosureParserError):
    """The input could not be obtained: missing file, a directory, empty, or over ``max_bytes``."""


class UnsupportedFormatError(SourceError):
    """No reader handles this input (a legacy .doc/.xls, an image, an unknown archive …)."""

    def __init__(self, message: str, *, source: str | None = None, format: str | None = None) -> None:
        super().__init__(message, source=source)
        self.format = format


class ReadError(DisclosureParserError):
    """A reader failed on the bytes: corrupt archive, undecodable text, malformed XML or PDF."""

    def __init__(self, message: str, *, source: str | None = None, format: str | None = None) -> None:
        super().__init__(message, source=source)
        self.format = format


class EncryptedDocumentError(ReadError):
    """The document is password-protected and cannot be opened without the password."""


class ResourceLimitError(ReadError):
    """Reading would exceed a configured limit (uncompressed size, page count, nesting depth)."""

    def __init__(self, message: str, *, source: str | None = None, format: str | None = None, limit: str = "") -> None:
        super().__init__(message, source=source, format=format)
        self.limit = limit


class MissingDependencyError(ReadError, ImportError):
    """An optional dependency needed for this input is not installed; the message says what to install."""

    def __init__(self, message: str, *, source: str | None = None, format: str | None = None) -> None:
        ReadError.__init__(self, message, source=source, format=format)


class StrictModeError(DisclosureParserError):
    """Raised by ``strict=True`` when the report has findings of severity ``error``."""

    def __init__(self, message: str, *, source: str | None = None, findings: Sequence[Finding] = ()) -> None:
        super().__init__(message, source=source)
        self.findings: list[Finding] = list(findings)


def _rebuild(cls: type[DisclosureParserError], message: str, state: dict[str, Any]) -> DisclosureParserError:
    obj = cls.__new__(cls)
    Exception.__init__(obj, message)
    obj.__dict__.update(state)
    return obj
