"""HTML reader: a report as published on a government portal, or a saved fragment of one.

Steps: decode (:mod:`.decode`), parse with a hardened lxml parser and drop scripts and
styles (:mod:`.dom`), find the article among the portal furniture, read the portal's
metadata from outside it (:mod:`.portal`), and turn the article into blocks
(:mod:`.blocks`, :mod:`.grid`).
"""

from __future__ import annotations

from lxml import etree

from ...document import RawDocument
from ...errors import ResourceLimitError
from ...formats import InputFormat
from ...options import ParseOptions
from ..base import Reader
from .blocks import extract_blocks
from .decode import decode_html
from .dom import drop_non_content, find_article, parse_tree, trim_furniture
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
    else:
        data = bytes(source)
        _check_size(data, options)
        text, encoding = decode_html(data)
        if encoding != "utf-8" or data.startswith(b"\xef\xbb\xbf"):
            data = text.encode("utf-8", errors="replace")
    root, truncated = parse_tree(data)
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
    if truncated:
        doc.note("H1", "the page nests elements deeper than 255 levels; content below that depth was not read")
    return doc


class HtmlReader(Reader):
    """Reader for ``.html``/``.htm`` pages and fragments, in any encoding."""

    formats = (InputFormat.HTML,)

    def read(self, data: bytes, *, options: ParseOptions, name: str | None = None) -> RawDocument:
        return read_html(data, options=options)
