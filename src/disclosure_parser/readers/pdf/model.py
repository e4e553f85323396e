"""What the PDF reader works with between the PDF library and the document model.

All coordinates are PDF points in *top-down* page space: ``top`` grows down the page,
so sorting by ``top`` is reading order. Nothing here knows about PDFium.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Char", "Edge", "ImageBox", "PageContent", "is_cjk"]


def is_cjk(ch: str) -> bool:
    """Chinese characters and the punctuation set with them, which take no spaces around them."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF  # CJK unified ideographs
        or 0x3000 <= o <= 0x303F  # CJK symbols and punctuation: 、。〇《》「」
        or 0xFF00 <= o <= 0xFFEF  # full-width forms: （）：，；１２
        or 0x3400 <= o <= 0x4DBF  # extension A
        or 0xF900 <= o <= 0xFAFF  # compatibility ideographs
        or 0x2018 <= o <= 0x201F  # curly quotes, used in Chinese text: “三安全一稳定”
        or o in (0x2014, 0x2026, 0x00B7, 0x2022)  # —— …… · •
        or 0x20000 <= o <= 0x2FA1F  # supplementary ideographs
    )


@dataclass(slots=True)
class Char:
    """One glyph with its box (font ascent to descent, so boxes of one line line up)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    index: int  # position in the page's text stream: the tie-breaker for glyphs drawn on top of each other
    space_before: bool = False  # a real space character came before it in the text stream
    confidence: float | None = None  # OCR recognition confidence (0-1); None for a text-layer glyph

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 0.1)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Edge:
    """A straight ruling segment: horizontal at ``pos`` = y, or vertical at ``pos`` = x, from ``start`` to ``end``."""

    horizontal: bool
    pos: float
    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class ImageBox:
    """Where an image is drawn on the page."""

    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def area(self) -> float:
        return max(self.x1 - self.x0, 0.0) * max(self.bottom - self.top, 0.0)


@dataclass(slots=True)
class PageContent:
    """Everything read from one page: glyphs, ruling segments and images."""

    number: int  # 1-based
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    images: list[ImageBox] = field(default_factory=list)
    unmapped: int = 0  # glyphs the PDF gives no Unicode for (missing or broken ToUnicode map)
    lost_text: int = 0  # text objects PDFium could not measure and left out (see backend._Graphics.lost)
