"""HTML reader: a report as published on a government portal, or a saved fragment of one.

Steps: decode (:mod:`.decode`; UTF-8 pages go to the parser undecoded), parse with a
hardened lxml parser and drop scripts and styles (:mod:`.dom`), find the article among the
portal furniture (:mod:`.article`), read the portal's metadata from outside it
(:mod:`.portal`), and turn the article into blocks (:mod:`.blocks`, :mod:`.grid`).
"""

from __future__ import annotations

import codecs

from lxml import etree

from ...document import RawDocument
from ...errors import ReadError, ResourceLimitError
from ...formats import InputFormat
from ...options import ParseOptions
from ..base import Reader
from .article import find_article
from .blocks import extract_blocks
from .decode import as_utf8, decode_html, doctypes_are_utf8, is_utf8
from .dom import Parsed, drop_non_content, parse_tree, trim_furniture
from .portal import page_properties

__all__ = ["HtmlReader", "read_html"]


def _body(root: etree._Element) -> etree._Element:
    body = root.find("body")
    return body if body is not None else root


def _check_size(data: bytes, options: ParseOptions) -> None:
    if len(data) > options.max_bytes:
        raise ResourceLimitError(
            f"the page is {len(data)} bytes, over the {options.max_bytes}-byte limit (max_bytes)",
            format="html",
            limit="max_bytes",
        )


def _parse_bytes(data: bytes) -> tuple[Parsed, str]:
    """The page's tree and encoding. UTF-8 bytes go to the parser as they are, which checks them as
    it reads; only a page that is not UTF-8 (or not proven so) is decoded here and re-encoded."""
    fast = as_utf8(data)
    if fast is not None:
        encoding, proven = fast
        try:
            parsed = parse_tree(data)
        except ReadError:
            parsed = None  # decided below, as any other page
        if parsed is not None and (
            proven or (parsed.utf8_checked and doctypes_are_utf8(data)) or (not parsed.utf8_error and is_utf8(data))
        ):
            return parsed, encoding
    text, encoding = decode_html(data)
    if encoding != "utf-8" or data.startswith(codecs.BOM_UTF8):
        data = text.encode("utf-8", errors="replace")
    return parse_tree(data), encoding


def read_html(source: bytes | str, *, options: ParseOptions | None = None) -> RawDocument:
    """Read an HTML page (bytes in any encoding, or already-decoded text) into a document.

    Raises:
        ReadError: the bytes cannot be decoded or hold no HTML.
        ResourceLimitError: the page is over ``options.max_bytes``, or a table over
            ``options.max_table_cells``.
    """
    options = options or ParseOptions()
    encoding: str | None = None
    if isinstance(source, str):
        data = source.encode("utf-8", errors="replace")
        _check_size(data, options)
        parsed = parse_tree(data)
    else:
        data = bytes(source)
        _check_size(data, options)
        parsed, encoding = _parse_bytes(data)
    root = parsed.root
    drop_non_content(root)
    article = find_article(_body(root))
    properties = page_properties(root, article.root)
    doc = RawDocument(
        blocks=trim_furniture(extract_blocks(article.root, article.titles, options)),
        format=InputFormat.HTML.value,
        properties=properties,
    )
    if encoding is not None:
        doc.properties["encoding"] = encoding
    if parsed.truncated:
        doc.note("H1", "the page nests elements deeper than 255 levels; content below that depth was not read")
    return doc


class HtmlReader(Reader):
    """Reader for ``.html``/``.htm`` pages and fragments, in any encoding."""

    formats = (InputFormat.HTML,)

    def read(self, data: bytes, *, options: ParseOptions, name: str | None = None) -> RawDocument:
        return read_html(data, options=options)
