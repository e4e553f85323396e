"""Top-level conveniences: each is one line over a configured :class:`Parser`."""

from __future__ import annotations

from typing import Literal

from .document import RawDocument
from .formats import InputFormat
from .options import ParseOptions
from .parser import Parser
from .report import Report
from .segmenter import Segmentation
from .sources import Source

__all__ = ["parse", "read", "segment"]


def parse(
    source: Source,
    *,
    format: InputFormat | str | None = None,
    strict: bool = False,
    ocr: bool | Literal["auto"] | None = None,
    options: ParseOptions | None = None,
) -> Report:
    """Parse one annual report into a typed, validated :class:`Report`.

    Args:
        source: a path, ``bytes``, a ``str`` of report text, or a binary file object.
        format: ``"txt"``, ``"md"``, ``"html"``, ``"docx"`` or ``"pdf"`` to skip sniffing;
            by default the format is recognised from the content, the extension breaking ties.
        strict: raise :class:`StrictModeError` when the report has error findings
            (a broken 勾稽 relation, an unreadable number).
        ocr: read PDF pages by OCR (needs the ``[ocr]`` extra): ``"auto"`` only pages without a
            usable text layer (scans, glyph soup), ``True`` every page, ``False`` none (such pages
            give ``status="needs_ocr"``); ``None`` keeps ``options.ocr`` (default off).
        options: limits and switches (:class:`ParseOptions`); ``strict`` and ``ocr`` override its fields.

    Returns:
        The report. Problems that do not stop parsing are in ``report.findings``.

    Raises:
        DisclosureParserError: a subclass saying why the input could not be read.

    Examples:
        >>> import disclosure_parser as dp
        >>> report = dp.parse("一、总体情况\\n本机关2024年……")
        >>> report.template is None
        True
    """
    opts = options or ParseOptions()
    if strict != opts.strict and (strict or options is None):
        opts = opts.model_copy(update={"strict": strict})
    return Parser(options=opts, ocr=ocr).parse(source, format=format)


def read(
    source: Source,
    *,
    format: InputFormat | str | None = None,
    ocr: bool | Literal["auto"] | None = None,
    options: ParseOptions | None = None,
) -> RawDocument:
    """Run only the reader: paragraphs and tables as extracted, uninterpreted (for debugging)."""
    return Parser(options=options, ocr=ocr).read(source, format=format)[0]


def segment(
    source: Source, *, format: InputFormat | str | None = None, options: ParseOptions | None = None
) -> Segmentation:
    """Read and split into the six numbered parts (一 … 六) without reading the tables."""
    return Parser(options=options).segment(source, format=format)
