"""Hostile and broken DOCX input: each fails with a specific error, quickly, in little memory.

Every case runs under :func:`bounded`, which asserts the error class, a time limit and
a ceiling on Python memory allocated while reading (tracemalloc: inflated XML and
decompressed bytes are Python objects, so a bomb that got inflated would show).
"""

from __future__ import annotations

import io
import re
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import disclosure_parser as dp
from disclosure_parser.readers.docx import DocxReader

from .docx_fixtures import NSDECL, W, document, ole, p, package

MB = 1024 * 1024


def bounded(
    fn: Callable[[], object], error: type[Exception], *, seconds: float = 2.0, mb: float = 32, match: str | None = None
) -> Exception:
    """Run ``fn``; it must raise ``error`` (message matching ``match``) within the bounds."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(error, match=match) as info:
            fn()
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < seconds, f"took {elapsed:.2f} s"
    assert peak < mb * MB, f"peak Python memory {peak / MB:.1f} MB"
    return info.value


def _read(data: bytes, **options: int) -> Callable[[], object]:
    return lambda: dp.read(data, format="docx", options=dp.ParseOptions(**options) if options else None)


def _patch_sizes(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the uncompressed size of entry ``name`` in its local header and central directory."""
    out = bytearray(data)
    encoded = name.encode()
    for m in re.finditer(rb"PK\x01\x02", data):  # central directory: size at +24, name at +46
        if data[m.start() + 46 : m.start() + 46 + len(encoded)] == encoded:
            out[m.start() + 24 : m.start() + 28] = struct.pack("<I", size)
            (offset,) = struct.unpack("<I", data[m.start() + 42 : m.start() + 46])
            out[offset + 22 : offset + 26] = struct.pack("<I", size)  # local header: size at +22
    return bytes(out)


def _zip(entries: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in entries.items():
            zf.writestr(name, content)
    return buf.getvalue()


# -- not a Word document ---------------------------------------------------------------------------


def test_zero_bytes(tmp_path: Path) -> None:
    empty = tmp_path / "报告.docx"
    empty.write_bytes(b"")
    bounded(lambda: dp.parse(empty), dp.SourceError, match="empty")
    bounded(lambda: DocxReader().read(b"", options=dp.ParseOptions()), dp.ReadError, match="0 bytes")


def test_not_a_zip(tmp_path: Path) -> None:
    fake = tmp_path / "报告.docx"
    fake.write_bytes(bytes(range(256)) * 20)
    bounded(lambda: dp.parse(fake), dp.ReadError, match="not a zip archive")
    bounded(_read(b"PK\x03\x04" + b"\x00" * 300), dp.ReadError, match="zip container is corrupt")


def test_truncated_docx() -> None:
    whole = package(p("一、总体情况") * 200)
    bounded(_read(whole[: len(whole) // 2]), dp.ReadError, match="corrupt")


def test_zip_without_word_document() -> None:
    bounded(_read(_zip({"readme.txt": "hello"})), dp.UnsupportedFormatError, match="no word/document.xml")
    bounded(_read(_zip({"xl/workbook.xml": "<workbook/>"})), dp.UnsupportedFormatError, match="Excel workbook")
    bounded(_read(_zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})),
            dp.UnsupportedFormatError, match="OpenDocument")  # fmt: skip


def test_a_main_part_that_is_not_wordprocessingml() -> None:
    workbook = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    bounded(_read(package("", document_xml=workbook)), dp.UnsupportedFormatError, match="not a Word document")
    empty = f'<w:document xmlns:w="{W}"/>'
    bounded(_read(package("", document_xml=empty)), dp.ReadError, match="no body")


def test_encrypted_document_in_an_ole_container(tmp_path: Path) -> None:
    # Word saves a password-protected .docx as an OLE file holding EncryptionInfo + EncryptedPackage.
    locked = tmp_path / "加密.docx"
    locked.write_bytes(ole("EncryptionInfo", "EncryptedPackage"))
    exc = bounded(lambda: dp.parse(locked), dp.EncryptedDocumentError, match="password")
    assert isinstance(exc, dp.ReadError) and exc.source == str(locked)
    bounded(_read(ole("EncryptionInfo", "EncryptedPackage")), dp.EncryptedDocumentError)


def test_legacy_doc_named_docx(tmp_path: Path) -> None:
    legacy = tmp_path / "年报.docx"
    legacy.write_bytes(ole("WordDocument", "1Table"))
    bounded(lambda: dp.parse(legacy), dp.UnsupportedFormatError, match=r"Word 97-2003 .*\.doc")
    bounded(_read(ole("WordDocument", "1Table")), dp.UnsupportedFormatError, match=r"\.doc")


def test_password_protected_zip_entry() -> None:
    data = bytearray(package(p("x")))
    for m in re.finditer(rb"PK\x01\x02", bytes(data)):  # set the "encrypted" flag bit on every entry
        data[m.start() + 8] |= 1
        (offset,) = struct.unpack("<I", data[m.start() + 42 : m.start() + 46])
        data[offset + 6] |= 1
    bounded(_read(bytes(data)), dp.EncryptedDocumentError)


# -- decompression bombs ---------------------------------------------------------------------------


def test_declared_size_over_the_limit_is_refused_before_inflating() -> None:
    data = _patch_sizes(package(p("x")), "word/document.xml", 3_000_000_000)
    exc = bounded(_read(data), dp.ResourceLimitError, match="max_uncompressed_bytes", mb=4)
    assert getattr(exc, "limit", "") == "max_uncompressed_bytes"


def test_real_bomb_at_the_default_limit(tmp_path: Path) -> None:
    # 250 MB of XML whitespace deflates to ~250 kB; the default limit is 200 MB.
    normal = zipfile.ZipFile(io.BytesIO(package(p("x"))))
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for item in normal.infolist():
            if item.filename != "word/document.xml":
                zf.writestr(item.filename, normal.read(item))
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(document(p("一、总体情况")).encode())
            block = b" " * MB
            for _ in range(250):
                fh.write(block)
    assert path.stat().st_size < 4 * MB
    bounded(lambda: dp.parse(path), dp.ResourceLimitError, match="decompression bomb", mb=8)


def test_a_part_inflating_beyond_its_declared_size_stops_at_the_declared_size() -> None:
    # The header says 1 kB, the stream inflates to 50 MB: reading must stop at the declared size.
    text = document(p("x" * (50 * MB))).encode()
    data = _patch_sizes(package("", document_xml=text.decode()), "word/document.xml", 1000)
    bounded(_read(data), dp.ReadError, match="corrupt", mb=8)


def test_smaller_limit_option_is_honoured() -> None:
    data = package(p("一" * 400_000))
    bounded(_read(data, max_uncompressed_bytes=100_000), dp.ResourceLimitError, match="max_uncompressed_bytes")


# -- hostile XML -----------------------------------------------------------------------------------

_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]>"
)


def test_billion_laughs_is_refused() -> None:
    xml = _LAUGHS + f"<w:document {NSDECL}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    bounded(_read(package("", document_xml=xml)), dp.ReadError, match="DTD", mb=8)


def test_external_entities_and_dtds_are_refused_without_file_or_network_access(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        f"<w:document {NSDECL}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    exc = bounded(_read(package("", document_xml=xxe)), dp.ReadError, match="DTD")
    assert "TOP-SECRET" not in str(exc)
    remote = (
        '<?xml version="1.0"?><!DOCTYPE w:document SYSTEM "http://192.0.2.1/evil.dtd">'
        f"<w:document {NSDECL}><w:body>{p('x')}</w:body></w:document>"
    )
    bounded(_read(package("", document_xml=remote)), dp.ReadError, match="DTD", seconds=1.0)
    # Every part goes through the same parser, not only the main document.
    styles = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:styles xmlns:w="http://x"/>'
    bounded(_read(package(p("x"), extra={"word/styles.xml": styles})), dp.ReadError, match="DTD")


def test_malformed_xml() -> None:
    bounded(_read(package("", document_xml="<w:document><w:body>")), dp.ReadError, match="not well-formed")


def test_deep_nesting_is_bounded() -> None:
    nested = "<w:tbl><w:tr><w:tc>" * 400 + p("x") + "</w:tc></w:tr></w:tbl>" * 400
    exc = bounded(_read(package(nested)), dp.ResourceLimitError, match="depth")
    assert getattr(exc, "limit", "") == "nesting"


def test_a_plain_zip_of_many_entries_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for i in range(20_001):
            zf.writestr(f"e{i}", b"")
    bounded(_read(buf.getvalue()), dp.ResourceLimitError, match="entries", seconds=3.0, mb=64)
