"""Bounding what a PDF's compressed streams inflate to, before PDFium decodes any of them.

A page content stream of a few kilobytes can inflate to gigabytes of drawing operators
(a decompression bomb): PDFium would decode it whole and then walk every operator. The
raw file is scanned for ``stream … endstream`` bodies (streams cannot hide inside object
streams) and each Flate one is inflated incrementally, counting bytes, never holding more
than a chunk; past ``limit`` in total the file is refused.
"""

from __future__ import annotations

import re
import zlib

from ...errors import ResourceLimitError

__all__ = ["check_inflated_size"]

_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20


def _inflated(body: bytes, budget: int) -> int:
    """Bytes ``body`` inflates to, stopping just past ``budget``; 0 if it is not Flate data."""
    d = zlib.decompressobj()
    total = 0
    try:
        out = d.decompress(body, _CHUNK)
        while True:
            total += len(out)
            if total > budget or not d.unconsumed_tail:
                return total
            out = d.decompress(d.unconsumed_tail, _CHUNK)
    except zlib.error:
        return total


def check_inflated_size(data: bytes, limit: int, name: str | None = None) -> None:
    """Raise when the Flate streams of ``data`` inflate to more than ``limit`` bytes in total."""
    total = 0
    for m in _STREAM.finditer(data):
        start = m.end()
        end = data.find(b"endstream", start)
        if end < 0:
            break
        head = data[max(0, m.start() - 300) : m.start()]
        if b"Flate" not in head:
            continue
        total += _inflated(data[start:end], limit - total)
        if total > limit:
            raise ResourceLimitError(
                f"the PDF's compressed streams inflate to more than {limit} bytes (max_uncompressed_bytes): "
                "a decompression bomb?",
                source=name,
                format="pdf",
                limit="max_uncompressed_bytes",
            )
