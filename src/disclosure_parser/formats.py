"""Input formats and how they are recognised: content first, the file name only as a hint."""

from __future__ import annotations

import enum
import re

from .errors import UnsupportedFormatError

__all__ = ["InputFormat", "sniff_format"]


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
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
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
    """
    head = data[:4096]
    hint = format_from_name(name)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return InputFormat.DOCX  # the DOCX reader checks that the zip really is a Word document
    if b"%PDF-" in head[:1024]:
        return InputFormat.PDF
    if head.startswith(_OLE_MAGIC):
        raise UnsupportedFormatError(
            "this is an OLE compound file: a legacy Word/Excel document (.doc/.xls/.wps) or an "
            "encrypted Office file; save it as .docx or PDF first",
            source=name,
            format="ole",
        )
    for magic, what in _UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            raise UnsupportedFormatError(f"unsupported input: {what}", source=name, format=what)
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
