"""The character encoding of an HTML page, decided the way a careful browser would.

Order: a byte-order mark; the page's own ``<meta charset>``; a ``<meta http-equiv
content="…; charset=…">``; an XML declaration; then content detection (the text
reader's, :mod:`..encoding`). Two corrections keep real pages readable:

* GB2312 and GBK labels mean GB18030, their superset: pages declare ``gb2312`` and
  still contain GBK-only characters (镕, 堃 …), which a strict GB2312 decoder rejects.
* A declaration the bytes contradict is not trusted. Crawlers save pages as UTF-8 but
  keep the original ``<meta charset="gb2312">``, and ``dp.parse(str)`` hands us UTF-8
  bytes of text that may say anything: bytes that are valid UTF-8 with non-ASCII
  characters are UTF-8 (real GBK prose is practically never valid UTF-8). A Western
  single-byte label (``iso-8859-1``) on bytes that detection reads as Chinese loses too.

Decoding a whole page only to learn that it is UTF-8 costs as much as parsing it, so
UTF-8 pages are not decoded here (:func:`as_utf8`): the parser reads their bytes and, in
libxml2 2.14, checks each as UTF-8 on the way (``reader._parse_bytes``); only a page that
fails, or that no check covered, is decoded by :func:`decode_html`, with the same result
as if it had been decoded first.
"""

from __future__ import annotations

import codecs
import re

from ...errors import ReadError
from ..encoding import detect_encoding

__all__ = ["as_utf8", "declared_encoding", "decode_html", "doctypes_are_utf8", "is_utf8"]

_PRESCAN = 16 * 1024
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_TAG = re.compile(rb"<meta\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb"([A-Za-z][\w:-]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
_CONTENT_CHARSET = re.compile(rb"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# Labels whose characters GB18030 decodes identically, and more (WHATWG maps gb2312 to GBK too).
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "cp936", "ms936", "x-gbk", "euc-cn", "gb_2312-80", "csgb2312"})
_WESTERN = frozenset({"latin-1", "iso8859-1", "cp1252", "ascii"})


def _python_codec(label: str) -> str | None:
    """Python's codec name for a declared label; ``None`` if unknown or not usable for HTML bytes."""
    low = label.strip().lower()
    if low in _GB_FAMILY:
        return "gb18030"
    try:
        name = codecs.lookup(low).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None  # a UTF-16 label inside ASCII-compatible bytes is wrong by construction (WHATWG)
    return "utf-8" if name == "utf-8-sig" else name


def _meta_labels(head: bytes) -> tuple[list[bytes], list[bytes]]:
    """Labels from ``<meta charset>`` and from ``<meta http-equiv content="…charset=…">``, in order."""
    charsets: list[bytes] = []
    contents: list[bytes] = []
    for tag in _META_TAG.finditer(head):
        attrs = {name.lower(): value.strip(b"\"'") for name, value in _ATTRIBUTE.findall(tag.group(1))}
        if b"charset" in attrs:
            charsets.append(attrs[b"charset"])
        elif b"content" in attrs and (m := _CONTENT_CHARSET.search(attrs[b"content"])):
            contents.append(m.group(1))
    return charsets, contents


def declared_encoding(data: bytes) -> str | None:
    """The encoding the page declares in its first 16 KB, if usable: ``<meta charset>`` first,
    then ``<meta http-equiv content="…charset=…">``, then an XML declaration."""
    head = data[:_PRESCAN]
    charsets, contents = _meta_labels(head)
    xml = _XML_DECL.search(head)
    for label in [*charsets, *contents, *([xml.group(1)] if xml else [])]:
        codec = _python_codec(label.decode("ascii", "ignore"))
        if codec is not None:
            return codec
    return None


def _strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _detected(data: bytes) -> str:
    try:
        return detect_encoding(data)
    except ReadError as exc:
        raise ReadError(f"cannot decode the HTML page: {exc.message}", format="html") from exc


def _fallback(data: bytes, declared: str | None) -> str:
    """The encoding of bytes that are not valid UTF-8."""
    if declared is None or declared == "utf-8":
        return _detected(data)
    if declared in _WESTERN:
        found = _detected(data)
        return found if found == "gb18030" else declared
    return declared


def as_utf8(data: bytes) -> tuple[str, bool] | None:
    """Whether the parser may take ``data`` as UTF-8 bytes as they are, without decoding them here.

    Returns ``(encoding, proven)``: ``encoding`` is what :func:`decode_html` would report,
    ``proven`` says the bytes are known to be UTF-8 (pure ASCII); when not, the rest of the
    page must still be proven UTF-8 (by the parser or :func:`is_utf8`) or the page read with
    :func:`decode_html`. ``None``: a byte-order mark, NUL bytes, or a first 16 KB that is not
    UTF-8 (GBK pages fail at their title) — :func:`decode_html` decides.
    """
    if data.startswith(tuple(bom for bom, _ in _BOMS)) or b"\x00" in data[:4096]:
        return None
    if data.isascii():
        return declared_encoding(data) or "utf-8", True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data[:_PRESCAN])  # not final: a cut sequence is fine
    except UnicodeDecodeError:
        return None
    return "utf-8", False


def is_utf8(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8, as :func:`decode_html` tests it."""
    return _strict_utf8(data) is not None


def doctypes_are_utf8(data: bytes) -> bool:
    """Whether every ``<!DOCTYPE …>`` of the page is valid UTF-8: the one stretch of a page
    that libxml2 2.14's tokenizer skips without checking its bytes (``htmlSkipBogusDoctype``)."""
    # Found from its "!": a one-byte search is a memchr, where a search for "<!doctype" (a
    # regular expression, or bytes.find with any longer needle) costs a slow pass over the page.
    i = data.find(b"!")
    while i >= 0:
        if i and data[i - 1] == 0x3C and data[i + 1 : i + 8].lower() == b"doctype":  # "<!doctype"
            end = data.find(b">", i + 8)
            declaration = data[i - 1 : end + 1 if end >= 0 else len(data)]
            if not declaration.isascii() and not is_utf8(declaration):
                return False
        i = data.find(b"!", i + 1)
    return True


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode an HTML page; returns ``(text, encoding)``.

    Undecodable bytes under a declared or detected encoding become U+FFFD instead of
    failing the page: one bad byte in a 300 KB page must not lose the report.

    Raises:
        ReadError: the bytes are not text in any supported encoding.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    if b"\x00" in data[:4096]:
        return _with_nul_bytes(data)
    declared = declared_encoding(data)
    utf8 = _strict_utf8(data)
    if utf8 is not None:
        # Valid UTF-8: with non-ASCII bytes that is what it is (see the module docstring);
        # pure ASCII reads the same under any ASCII-compatible label.
        return utf8, ("utf-8" if declared is None or not data.isascii() else declared)
    encoding = _fallback(data, declared)
    return data.decode(encoding, errors="replace"), encoding


def _with_nul_bytes(data: bytes) -> tuple[str, str]:
    """UTF-16 without a BOM (its NUL bytes would pass as UTF-8), or binary data."""
    encoding = _detected(data)
    text = data.decode(encoding, errors="replace").lstrip("\ufeff")
    sample = text[:4096]
    if sum(ch < " " and ch not in "\t\n\r\f" for ch in sample) > len(sample) // 100:
        raise ReadError("binary data: not an HTML page in any supported encoding", format="html")
    return text, encoding
