"""Input formats and how they are recognised: content first, the file name only as a hint."""

from __future__ import annotations

import enum
import re

from .errors import EncryptedDocumentError, UnsupportedFormatError

__all__ = ["OLE_MAGIC", "InputFormat", "ole_error", "sniff_format"]


class InputFormat(str, enum.Enum):
    """A format a reader can handle."""

    TXT = "txt"
    MARKDOWN = "md"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"

    def __str__(self) -> str:
        return self.value


_EXTENSIONS: dict[str, InputFormat] = {
    ".txt": InputFormat.TXT,
    ".text": InputFormat.TXT,
    ".md": InputFormat.MARKDOWN,
    ".markdown": InputFormat.MARKDOWN,
    ".html": InputFormat.HTML,
    ".htm": InputFormat.HTML,
    ".shtml": InputFormat.HTML,
    ".xhtml": InputFormat.HTML,
    ".docx": InputFormat.DOCX,
    ".pdf": InputFormat.PDF,
}

# Formats we recognise but cannot read: say so precisely instead of producing garbage.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# OLE directory entries are UTF-16LE names padded with NULs; the stream names say what
# the container holds. Encrypted OOXML (a password-protected .docx) is an OLE file with
# an EncryptionInfo and an EncryptedPackage stream (MS-OFFCRYPTO).
def _ole_name(name: str) -> bytes:
    return name.encode("utf-16-le") + b"\x00\x00"


_OLE_ENCRYPTED = (_ole_name("EncryptedPackage"), _ole_name("EncryptionInfo"))
_OLE_KINDS: tuple[tuple[bytes, str], ...] = (
    (_ole_name("WordDocument"), "a legacy binary Word 97-2003 document (.doc or .wps), not a .docx"),
    (_ole_name("Workbook"), "a legacy binary Excel workbook (.xls)"),
    (_ole_name("Book"), "a legacy binary Excel workbook (.xls)"),
    (_ole_name("PowerPoint Document"), "a legacy binary PowerPoint file (.ppt)"),
)
_UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"{\\rtf", "RTF document"),
)
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|table|p|span|article|section)\b",
    re.IGNORECASE | re.DOTALL,
)
_MD_HINT = re.compile(r"^\s{0,3}(?:#{1,6}\s|\|.*\|\s*$)", re.MULTILINE)


def ole_error(data: bytes, name: str | None = None) -> UnsupportedFormatError | EncryptedDocumentError:
    """The error for an OLE compound file, naming what it holds.

    A password-protected .docx/.xlsx is stored as an OLE container; it gets
    :class:`EncryptedDocumentError` (the file is a supported kind, only locked: the fix
    is to remove the password), anything else :class:`UnsupportedFormatError`.
    """
    if all(marker in data for marker in _OLE_ENCRYPTED):
        return EncryptedDocumentError(
            "password-protected (encrypted) Office document: it cannot be read without the password; "
            "remove the password in Word/WPS and save it again as .docx",
            source=name,
            format="ole",
        )
    for marker, what in _OLE_KINDS:
        if marker in data:
            return UnsupportedFormatError(f"this is {what}; save it as .docx or PDF first", source=name, format="ole")
    return UnsupportedFormatError(
        "this is an OLE compound file: a legacy Word/Excel document (.doc/.xls/.wps) or an "
        "encrypted Office file; save it as .docx or PDF first",
        source=name,
        format="ole",
    )


def format_from_name(name: str | None) -> InputFormat | None:
    if not name:
        return None
    lower = name.lower()
    for ext, fmt in _EXTENSIONS.items():
        if lower.endswith(ext):
            return fmt
    return None


def _strip_bom(head: bytes) -> bytes:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            return head[len(bom) :]
    return head


def _looks_utf16(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = head[:2000]
    return len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 4


def sniff_format(data: bytes, name: str | None = None) -> InputFormat:
    """Decide the format of ``data`` from its content, using ``name``'s extension as a tie-breaker.

    Raises:
        UnsupportedFormatError: for recognised but unreadable formats (legacy .doc/.xls,
            images, archives) and for binary data that is no known format.
        EncryptedDocumentError: for a password-protected Office file (an encrypted OLE container).
    """
    head = data[:4096]
    hint = format_from_name(name)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return InputFormat.DOCX  # the DOCX reader checks that the zip really is a Word document
    if b"%PDF-" in head[:1024]:
        return InputFormat.PDF
    if head.startswith(OLE_MAGIC):
        raise ole_error(data, name)
    for magic, what in _UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            raise UnsupportedFormatError(f"unsupported input: {what}", source=name, format=what)
    if hint is InputFormat.DOCX and b"\x00" in head and not _looks_utf16(head):
        return InputFormat.DOCX  # binary, named .docx: the DOCX reader says why it is not one
    if _looks_utf16(head):
        text_head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    else:
        text_head = _strip_bom(head)
    if _HTML_START.match(text_head) or (hint is InputFormat.HTML and b"<" in text_head):
        return InputFormat.HTML
    if hint in (InputFormat.TXT, InputFormat.MARKDOWN):
        return hint
    # A name claiming a binary format the content does not have is ignored: content wins.
    if _MD_HINT.search(text_head.decode("utf-8", errors="ignore")):
        return InputFormat.MARKDOWN
    return InputFormat.TXT
