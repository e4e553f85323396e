"""Synthetic PDFs for the PDF reader tests, drawn with reportlab (a test dependency).

Tables are drawn the way WPS/Word/LibreOffice export them: every cell's border stroked,
text placed glyph run by glyph run, a table that does not fit continued on the next page
(its cells drawn again there). The CJK font is reportlab's built-in ``STSong-Light``
(not embedded, mapped to Unicode by its standard CMap), so no font file is needed.

``write_pdf`` builds PDFs object by object for the cases reportlab cannot make: fonts
without a Unicode map (glyph soup) and documents with thousands of pages.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib import pdfencrypt
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT = 72.0, 523.0


@dataclass
class GridCell:
    """A cell of a drawn table, in the page part's own rows: rows ``r0..r1``, columns ``c0..c1`` (ends excluded)."""

    r0: int
    r1: int
    c0: int
    c1: int
    lines: Sequence[str]
    center: bool = False
    right: bool = False  # right-aligned, 2 points from the right border
    underline: bool = False  # each line underlined, the stroke starting a point from the left border


@dataclass
class Page:
    """What to draw on one page, top to bottom.

    Items: ``("text", lines)``, ``("grid", xs, heights, cells)``, ``("image",)`` (a scan of
    the whole page), ``("figure",)`` (a picture in the text: a table published as an image).
    """

    items: list[tuple[object, ...]] = field(default_factory=list)
    footer: str | None = None
    header: str | None = None


def _text_at(c: Canvas, x: float, top: float, text: str, size: float) -> None:
    """Text with its glyph box top at ``top`` (top-down), as a word processor places a line.

    A lone CJK glyph gets a trailing space: with the font not embedded and no CJK font on
    the machine, PDFium finds no glyph outline, gives a one-glyph text object an empty box
    and leaves it out of the text page (two glyphs, or glyph + space, are kept).
    """
    c.setFont(FONT, size)
    if len(text) == 1 and not text.isascii():
        text += " "
    c.drawString(x, PAGE_H - top - size * 0.88, text)


def draw_grid(c: Canvas, xs: Sequence[float], heights: Sequence[float], top: float, cells: Sequence[GridCell]) -> float:
    """Stroke each cell's border and write its lines; returns the grid's bottom (top-down)."""
    ys = [top]
    for h in heights:
        ys.append(ys[-1] + h)
    size = 9.0
    c.setLineWidth(0.5)
    for cell in cells:
        x0, x1, y0, y1 = xs[cell.c0], xs[cell.c1], ys[cell.r0], ys[cell.r1]
        c.rect(x0, PAGE_H - y1, x1 - x0, y1 - y0, stroke=1, fill=0)
        for i, line in enumerate(cell.lines):
            width = pdfmetrics.stringWidth(line, FONT, size)
            x = (x0 + x1 - width) / 2 if cell.center else (x1 - 2 - width if cell.right else x0 + 2)
            _text_at(c, x, y0 + 2 + i * size * 1.15, line, size)
            if cell.underline:  # as LibreOffice draws <u>: just under the glyphs' boxes
                under = PAGE_H - (y0 + 2 + i * size * 1.15 + size + 1)
                c.line(x0 + 1, under, x + width, under)
    return ys[-1]


def draw_lines(c: Canvas, top: float, lines: Sequence[str], size: float = 12.0) -> float:
    """Paragraph lines (a leading full-width space pair is drawn as a 2-em indent)."""
    for line in lines:
        indent = 0.0
        while line.startswith("\u3000"):
            indent += size
            line = line[1:]
        _text_at(c, LEFT + indent, top, line, size)
        top += size * 1.8
    return top


def wrap(text: str, width: int = 36, *, indent: bool = True) -> list[str]:
    """Chinese text cut into lines of ``width`` characters, the first indented by two."""
    text = ("\u3000\u3000" if indent else "") + text
    return [text[i : i + width] for i in range(0, len(text), width)]


def make_pdf(pages: Sequence[Page], *, encrypt: pdfencrypt.StandardEncryption | None = None) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(PAGE_W, PAGE_H), encrypt=encrypt)
    for page in pages:
        if page.header:
            _text_at(c, LEFT, 40, page.header, 9)
        top = 80.0
        for item in page.items:
            if item[0] == "text":
                top = draw_lines(c, top, item[1])  # type: ignore[arg-type]
            elif item[0] == "grid":
                top = draw_grid(c, item[1], item[2], top, item[3]) + 12  # type: ignore[arg-type]
            elif item[0] == "image":
                _draw_scan(c, 20, 20, PAGE_W - 40, PAGE_H - 40)
            elif item[0] == "figure":
                _draw_scan(c, LEFT, PAGE_H - top - 250, 420, 250)
                top += 262
        if page.footer:
            _text_at(c, PAGE_W / 2 - 10, PAGE_H - 50, page.footer, 10)
        c.showPage()
    c.save()
    return buf.getvalue()


def _draw_scan(c: Canvas, x: float, y: float, w: float, h: float) -> None:
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (300, 420), 255)
    draw = ImageDraw.Draw(img)
    for y in range(30, 400, 14):
        draw.line((30, y, 270, y), fill=20, width=3)  # text-like strokes of a scanned page
    c.drawImage(ImageReader(img), x, y, w, h)


# --- hand-built PDFs -------------------------------------------------------------------


def write_pdf(objects: Sequence[bytes]) -> bytes:
    """A PDF of the given objects (object 1 is the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def many_pages(n: int) -> bytes:
    """``n`` pages sharing one small content stream."""
    content = 3 + n
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>" % content
    objects += [page] * n
    objects.append(_stream(b"0 0 m 10 10 l S"))
    return write_pdf(objects)


def glyph_soup() -> bytes:
    """One page of text in a CID font with no Unicode map at all: what extractors show as (cid:123)."""
    runs = b"".join(
        b"BT /F1 12 Tf 72 %d Td <%s> Tj ET\n"
        % (760 - 20 * i, "".join(f"{0x100 + 37 * i + j:04X}" for j in range(30)).encode())
        for i in range(20)
    )
    return write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(runs),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Soup /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Soup /CIDSystemInfo"
            b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /FontDescriptor 7 0 R >>",
            b"<< /Type /FontDescriptor /FontName /Soup /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0"
            b" /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
        ]
    )
