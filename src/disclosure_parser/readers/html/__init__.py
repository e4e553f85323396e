"""HTML reader: government portal pages and saved fragments (see :mod:`.reader`)."""

from __future__ import annotations

from .reader import HtmlReader, read_html

__all__ = ["HtmlReader", "read_html"]
