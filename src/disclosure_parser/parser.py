"""The :class:`Parser`: options plus the reader registry; where a parse actually happens."""

from __future__ import annotations

from typing import Literal

from ._version import __version__
from .build import build_report
from .document import RawDocument
from .errors import DisclosureParserError, ReadError, ResourceLimitError, StrictModeError
from .formats import InputFormat, sniff_format
from .models import SourceInfo
from .options import ParseOptions
from .readers import READERS, get_reader
from .report import Report
from .segmenter import Segmentation, segment
from .sources import LoadedSource, Source, load_source

__all__ = ["Parser"]


def _format_of(loaded: LoadedSource, format: InputFormat | str | None) -> InputFormat:
    if format is not None:
        try:
            return InputFormat(str(format).lower().lstrip("."))
        except ValueError:
            allowed = ", ".join(f.value for f in InputFormat)
            raise ValueError(f"format must be one of {allowed}, not {format!r}") from None
    return sniff_format(loaded.data, loaded.name)


class Parser:
    """A configured, reusable parser. ``dp.parse`` is a one-line convenience over it.

    Examples:
        >>> parser = Parser(options=ParseOptions(strict=True))
        >>> report = parser.parse("某县2023年政府信息公开工作年度报告.docx")  # doctest: +SKIP
    """

    def __init__(self, *, options: ParseOptions | None = None, ocr: bool | Literal["auto"] | None = None) -> None:
        """``ocr``, when given, overrides ``options.ocr`` (see :class:`ParseOptions`)."""
        opts = options or ParseOptions()
        if ocr is not None and ocr != opts.ocr:
            opts = opts.model_copy(update={"ocr": ParseOptions(ocr=ocr).ocr})
        self.options = opts

    def read(
        self, source: Source, *, format: InputFormat | str | None = None, name: str | None = None
    ) -> tuple[RawDocument, LoadedSource, InputFormat]:
        """Run only the reader layer: the extracted document, the loaded bytes and the format."""
        loaded = load_source(source, max_bytes=self.options.max_bytes, name=name)
        fmt = _format_of(loaded, format)
        reader = get_reader(fmt)
        try:
            doc = reader.read(loaded.data, options=self.options, name=loaded.name)
        except DisclosureParserError as exc:
            exc.source = exc.source or loaded.name
            raise
        except RecursionError as exc:
            raise ResourceLimitError(
                "input nested too deeply to read", source=loaded.name, format=fmt.value, limit="nesting"
            ) from exc
        except MemoryError as exc:
            raise ResourceLimitError(
                "input needs too much memory to read", source=loaded.name, format=fmt.value, limit="memory"
            ) from exc
        except Exception as exc:  # the reader boundary: a dependency's own errors become ours
            raise ReadError(
                f"cannot read {fmt.value} input: {type(exc).__name__}: {exc}", source=loaded.name, format=fmt.value
            ) from exc
        return doc, loaded, fmt

    def segment(self, source: Source, *, format: InputFormat | str | None = None) -> Segmentation:
        """Read and split into the six parts, without interpreting tables."""
        doc, _, _ = self.read(source, format=format)
        return segment(doc)

    def parse(self, source: Source, *, format: InputFormat | str | None = None, name: str | None = None) -> Report:
        """Parse one report.

        Raises:
            DisclosureParserError: the input cannot be read (a subclass says why);
                ``StrictModeError`` when ``strict`` is set and the report has error findings.
        """
        doc, loaded, fmt = self.read(source, format=format, name=name)
        info = SourceInfo(
            name=loaded.name,
            sha256=loaded.sha256,
            size=len(loaded.data),
            format=fmt.value,
            reader=READERS[fmt].__name__,
            encoding=doc.properties.get("encoding"),
            pages=doc.pages,
            parser_version=__version__,
        )
        report = build_report(doc, info)
        if self.options.strict and report.errors():
            errors = report.errors()
            raise StrictModeError(
                f"{len(errors)} error finding(s), first: [{errors[0].code}] {errors[0].message}",
                source=loaded.name,
                findings=errors,
            )
        return report
