"""Opening a DOCX safely: the zip container, its relationships and a hardened XML parser.

Every input may be hostile, so nothing here trusts the file:

* the zip is opened from memory and only the few parts the reader needs are read
  (main document, styles, numbering, core properties, relationship parts); the sum of
  their *declared* sizes is checked against ``max_uncompressed_bytes`` before a byte
  is inflated, and each read is bounded again, so a lying header cannot inflate more;
* XML is parsed with entity resolution, DTD loading and network access off and
  libxml2's default size/depth limits on (no ``huge_tree``); a part that declares a
  DTD at all is refused — Word never writes one (python-docx's own parser only sets
  ``resolve_entities=False`` and reads every part of the package into memory);
* a zip that is not a Word document (a workbook, a presentation, an OpenDocument file,
  any other archive) is named as what it is.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from ...errors import EncryptedDocumentError, ReadError, ResourceLimitError, UnsupportedFormatError

__all__ = ["DocxPackage", "open_package", "parse_xml"]

_FORMAT = "docx"
MAX_ENTRIES = 20_000  # a Word file has tens of parts; tens of thousands means a crafted archive
_PKG_RELS = "_rels/.rels"
_CT = "[Content_Types].xml"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
# ISO 29500 Strict documents use other namespace URIs for the same vocabulary; mapping
# them onto the transitional ones lets one walker read both.
_STRICT_TO_TRANSITIONAL = (
    (
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
)
_STRICT_MARK = b"http://purl.oclc.org/ooxml/"  # the common prefix of every strict URI above
_OTHER_OFFICE = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("content.xml", "an OpenDocument file (.odt/.ods, e.g. from WPS or LibreOffice)"),
)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


_PARSER = _parser()


def parse_xml(data: bytes, part: str) -> etree._Element:
    """Parse one XML part with the hardened parser; refuse DTDs and entity declarations.

    Raises:
        ReadError: malformed XML, or a part that declares a DTD (entity-expansion and
            external-entity attacks need one; Word never writes one).
    """
    if _declares_dtd(data):
        raise _dtd_error(part)
    if _STRICT_MARK in data:  # one scan of the part, not one per namespace: most files are transitional
        for strict, transitional in _STRICT_TO_TRANSITIONAL:
            data = data.replace(strict, transitional)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in str(exc) or "Huge input lookup" in str(exc):
            raise ResourceLimitError(
                f"{part} nests elements or text beyond libxml2's safety limits (depth 256): refused",
                format=_FORMAT,
                limit="nesting",
            ) from exc
        raise ReadError(f"{part} is not well-formed XML: {exc}", format=_FORMAT) from exc
    if root is None:  # pragma: no cover - lxml raises for an empty document
        raise ReadError(f"{part} is empty", format=_FORMAT)
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:  # a DOCTYPE the prolog scan missed
        raise _dtd_error(part)
    return root


_ROOT_START = re.compile(rb"<(?![?!])")


def _declares_dtd(data: bytes) -> bool:
    """Whether the prolog (before the root element) holds a ``<!DOCTYPE``: checked on the raw
    bytes, before the parser sees any entity declaration or external reference."""
    end = min(len(data), 65536)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:end].decode("utf-16", errors="ignore").encode("utf-8")
        m = _ROOT_START.search(head)
        return b"<!DOCTYPE" in head[: m.start() if m else len(head)]
    m = _ROOT_START.search(data, 0, end)  # searched in place: no copy of the head
    return data.find(b"<!DOCTYPE", 0, m.start() if m else end) >= 0


def _dtd_error(part: str) -> ReadError:
    return ReadError(
        f"{part} declares a DTD (<!DOCTYPE …>), which Word never writes; refused unread as a possible "
        "entity-expansion or external-entity attack",
        format=_FORMAT,
    )


@dataclass(slots=True)
class DocxPackage:
    """The parts of a Word package the reader uses, parsed; everything else is never inflated."""

    document: etree._Element
    document_part: str
    document_rels: dict[str, str] = field(default_factory=dict)  # relationship id → target part
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    core: etree._Element | None = None


class _Zip:
    """A zip opened from bytes, reading named parts within a shared uncompressed-size budget."""

    def __init__(self, data: bytes, limit: int) -> None:
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise ReadError(f"not a valid DOCX: the zip container is corrupt ({exc})", format=_FORMAT) from exc
        except (ValueError, OSError, EOFError) as exc:  # truncated or malformed central directory
            raise ReadError(f"not a valid DOCX: unreadable zip container ({exc})", format=_FORMAT) from exc
        infos = self.zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ResourceLimitError(
                f"zip has {len(infos)} entries, over the {MAX_ENTRIES} a Word document could have",
                format=_FORMAT,
                limit="entries",
            )
        self.by_name = {i.filename.lower().lstrip("/"): i for i in infos if not i.is_dir()}
        self.data = data
        self.limit = limit
        self.budget = limit

    def info(self, name: str) -> zipfile.ZipInfo | None:
        return self.by_name.get(name.lower().lstrip("/"))

    def reserve(self, names: list[str]) -> None:
        """Refuse before inflating anything if the parts to read declare more than the limit."""
        declared = sum(i.file_size for n in set(names) if (i := self.info(n)) is not None)
        if declared > self.budget:
            raise ResourceLimitError(
                f"the document parts would inflate to {declared} bytes, over the {self.limit}-byte limit "
                "(max_uncompressed_bytes); refusing a possible decompression bomb",
                format=_FORMAT,
                limit="max_uncompressed_bytes",
            )

    def read(self, name: str) -> bytes | None:
        info = self.info(name)
        if info is None:
            return None
        if info.file_size > self.budget:
            self.reserve([name])
        if info.flag_bits & 0x1:
            raise EncryptedDocumentError(f"zip entry {info.filename} is password-protected", format=_FORMAT)
        try:
            data = self._inflate(info)
            if data is None:
                with self.zf.open(info) as fh:
                    data = fh.read(self.budget + 1)
        except NotImplementedError as exc:
            raise ReadError(
                f"zip entry {info.filename} uses an unsupported compression: {exc}", format=_FORMAT
            ) from exc
        except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, ValueError, OSError, EOFError) as exc:
            # A CRC mismatch or a stream longer/shorter than declared lands here too.
            raise ReadError(f"zip entry {info.filename} is corrupt: {exc}", format=_FORMAT) from exc
        if len(data) > self.budget:
            raise ResourceLimitError(
                f"zip entry {info.filename} inflates beyond the {self.limit}-byte limit (max_uncompressed_bytes)",
                format=_FORMAT,
                limit="max_uncompressed_bytes",
            )
        self.budget -= len(data)
        return data

    def _inflate(self, info: zipfile.ZipInfo) -> bytes | None:
        """A stored or deflated entry inflated straight from the archive bytes in one zlib call,
        its output capped at the declared size (a lying header cannot make it inflate more);
        ``None`` for other compression methods, left to :mod:`zipfile`."""
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return None
        head = self.data[info.header_offset : info.header_offset + 30]
        if len(head) < 30 or head[:4] != b"PK\x03\x04":
            raise zipfile.BadZipFile("bad local file header")
        name_len, extra_len = struct.unpack("<HH", head[26:30])
        start = info.header_offset + 30 + name_len + extra_len
        raw = memoryview(self.data)[start : start + info.compress_size]
        if info.compress_type == zipfile.ZIP_STORED:
            out = bytes(raw)
        else:
            out = zlib.decompressobj(-zlib.MAX_WBITS).decompress(raw, info.file_size + 1)
        if len(out) != info.file_size or zlib.crc32(out) != info.CRC:
            raise zipfile.BadZipFile(f"inflated size or CRC does not match the header ({len(out)} bytes)")
        return out

    def xml(self, name: str) -> etree._Element | None:
        data = self.read(name)
        return None if data is None else parse_xml(data, name)


def _rels_path(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _relationships(zf: _Zip, part: str) -> list[tuple[str, str, str]]:
    """``(id, type, target part)`` of the internal relationships of ``part`` ("" = the package)."""
    root = zf.xml(_rels_path(part) if part else _PKG_RELS)
    if root is None:
        return []
    base = posixpath.dirname(part)
    out: list[tuple[str, str, str]] = []
    for rel in root.iter(f"{{{_REL_NS}}}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out.append((rel.get("Id") or "", rel.get("Type") or "", path))
    return out


def _package_target(rels: list[tuple[str, str, str]], kind: str, default: str) -> str:
    return next((target for _, k, target in rels if k.endswith(kind)), default)


def _not_word(zf: _Zip) -> UnsupportedFormatError:
    for marker, what in _OTHER_OFFICE:
        if zf.info(marker) is not None:
            return UnsupportedFormatError(f"this is {what}, not a Word document", format=_FORMAT)
    return UnsupportedFormatError(
        "this zip archive is not a Word document (it has no word/document.xml part)", format=_FORMAT
    )


def _check_content_type(zf: _Zip, part: str) -> None:
    """A main part typed as a workbook or a presentation is not ours, whatever its name."""
    root = zf.xml(_CT)
    if root is None:
        return
    for override in root.iter(f"{{{_CT_NS}}}Override"):
        if (override.get("PartName") or "").lstrip("/").lower() == part.lower():
            kind = override.get("ContentType") or ""
            if "spreadsheetml" in kind or "presentationml" in kind:
                raise UnsupportedFormatError(f"the main part is {kind}, not a Word document", format=_FORMAT)


def open_package(data: bytes, *, max_uncompressed_bytes: int) -> DocxPackage:
    """Open a DOCX from bytes and parse the parts the reader needs.

    Raises:
        ReadError: not a zip, a corrupt zip or malformed XML (a DTD included).
        UnsupportedFormatError: a zip that is not a Word document.
        ResourceLimitError: the parts would inflate beyond ``max_uncompressed_bytes``.
        EncryptedDocumentError: zip entries are password-protected.
    """
    if not data:
        raise ReadError("empty input (0 bytes): not a DOCX", format=_FORMAT)
    if not data.startswith(b"PK"):
        raise ReadError("not a DOCX: the data is not a zip archive", format=_FORMAT)
    zf = _Zip(data, max_uncompressed_bytes)
    zf.reserve([_PKG_RELS, _CT])
    package_rels = _relationships(zf, "")
    main = _package_target(package_rels, "/officeDocument", "word/document.xml")
    if zf.info(main) is None and zf.info("word/document.xml") is not None:
        main = "word/document.xml"  # a broken package relationship; the conventional name still holds
    if zf.info(main) is None:
        raise _not_word(zf)
    _check_content_type(zf, main)
    rels = _relationships(zf, main)
    targets = {kind.rsplit("/", 1)[-1]: target for _, kind, target in rels}
    core = _package_target(package_rels, "/core-properties", "docProps/core.xml")
    styles = targets.get("styles", "word/styles.xml")
    numbering = targets.get("numbering", "word/numbering.xml")
    zf.reserve([main, styles, numbering, core])
    document = zf.xml(main)
    assert document is not None
    return DocxPackage(
        document=document,
        document_part=main,
        document_rels={rid: target for rid, _, target in rels},
        styles=zf.xml(styles),
        numbering=zf.xml(numbering),
        core=zf.xml(core),
    )
