"""The DOCX reader: a Word file's body as paragraphs, tables and figures in reading order.

It reads ``word/document.xml`` directly with a hardened lxml parser instead of going
through python-docx's object model: python-docx's cell access re-resolves merges for
every cell (tens of milliseconds on one report's merged tables) and its package
loader inflates every part with no size limit. See :mod:`.package` for the safety
checks, :mod:`.prepare` and :mod:`.body` for what is read and in which order,
:mod:`.grid` for merged cells and :mod:`.numbering` for automatic list numbers.

What the document gets:

* ``Paragraph`` blocks with the list number Word shows (``三、``, ``（一）``, ``1.``)
  rendered into the text, one block per visible line, ``level`` from the outline level
  or heading style; ``location.line`` is the paragraph's 1-based position among all
  paragraphs of the body (table cells included): DOCX has no pages until laid out;
* ``RawTable`` grids as Word draws them (``aligned=True``); a cell's paragraphs are
  joined by line breaks; ``location`` gives table (0-based, reading order), row, col;
* ``Figure`` blocks for images outside text boxes, described by their alt text or name;
* ``properties``: ``docx:title``, ``docx:creator``, ``docx:created``, ``docx:modified``
  from the core properties, when present;
* ``notes``: ``W1`` text hidden in vertically merged cells (ignored), ``W2`` an embedded
  foreign-format chunk (not read), ``W3`` tracked changes (read as accepted), ``W4``
  content controls showing only their placeholder text (not read).
"""

from __future__ import annotations

from lxml import etree

from ...document import RawDocument
from ...formats import OLE_MAGIC, InputFormat, ole_error
from ...options import ParseOptions
from ..base import Reader
from . import ns
from .body import BodyWalker
from .package import open_package

__all__ = ["DocxReader", "core_properties"]

_CORE = (
    ("title", f"{{{ns.DC_NS}}}title"),
    ("creator", f"{{{ns.DC_NS}}}creator"),
    ("created", f"{{{ns.DCTERMS_NS}}}created"),
    ("modified", f"{{{ns.DCTERMS_NS}}}modified"),
)


def core_properties(core: etree._Element | None) -> dict[str, str]:
    """Title, author and dates from ``docProps/core.xml``, as ``docx:``-prefixed strings."""
    props: dict[str, str] = {}
    if core is None:
        return props
    for key, tag in _CORE:
        el = core.find(tag)
        value = (el.text or "").strip() if el is not None else ""
        if value:
            props[f"docx:{key}"] = value
    return props


class DocxReader(Reader):
    """Reader for Word ``.docx`` files (also ``.docm``/``.dotx``: any WordprocessingML package)."""

    formats = (InputFormat.DOCX,)

    def read(self, data: bytes, *, options: ParseOptions, name: str | None = None) -> RawDocument:
        """Read a DOCX from its bytes.

        Raises:
            ReadError: not a zip, a corrupt zip, malformed XML or XML declaring a DTD.
            UnsupportedFormatError: a zip that is not a Word document; a legacy .doc.
            EncryptedDocumentError: a password-protected document.
            ResourceLimitError: parts inflating beyond ``max_uncompressed_bytes``, a table
                beyond ``max_table_cells``.
        """
        if data.startswith(OLE_MAGIC):
            raise ole_error(data, name)
        pkg = open_package(data, max_uncompressed_bytes=options.max_uncompressed_bytes)
        doc = RawDocument(format=InputFormat.DOCX.value, properties=core_properties(pkg.core))
        doc.blocks = BodyWalker(pkg, doc, max_cells=options.max_table_cells).read(pkg.document)
        return doc
