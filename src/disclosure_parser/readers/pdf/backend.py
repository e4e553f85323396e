"""PDFium (through pypdfium2) as the one place that talks to a PDF library.

Why PDFium and not pdfminer: a full parse must cost less than half of pdfplumber's bare
``extract_text()`` pass (see ``benchmarks/run.py``). PDFium gives glyph boxes and the
page's path objects (the ruling lines of tables) in about 5 ms a page, where pdfminer's
layout analysis alone takes about 45 ms. Everything PDFium hands back is converted here
into the plain records of :mod:`.model`, in top-down page coordinates.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from ...errors import EncryptedDocumentError, MissingDependencyError, ReadError
from .model import Char, Edge, ImageBox, PageContent

__all__ = ["Document", "open_document"]

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_SPACES = frozenset({0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000, 0x2002, 0x2003, 0x200B, 0xFEFF})
_MAX_SEGMENTS = 50_000  # path segments read per page: a drawing, not a table, beyond that
_MAX_FORM_DEPTH = 6
_THIN = 3.0  # a filled shape this thin (points) is a rule drawn as a rectangle
_WHITE = 250  # colour channels at or above this on all of R, G, B: invisible on paper

try:  # pypdfium2 comes with pdfplumber, a core dependency; still say what to do if it is missing
    import pypdfium2 as _pdfium
    import pypdfium2.raw as _raw
except ImportError:  # pragma: no cover - exercised only in a broken install
    _pdfium = None
    _raw = None


def _require() -> None:
    if _pdfium is None:  # pragma: no cover
        raise MissingDependencyError(
            "reading PDF needs pypdfium2: pip install 'disclosure-parser' (or pip install pypdfium2)", format="pdf"
        )


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying ``inner`` first, then ``outer``."""
    a1, b1, c1, d1, e1, f1 = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _matrix(obj: Any) -> Matrix:
    fm = _raw.FS_MATRIX()
    if not _raw.FPDFPageObj_GetMatrix(obj, fm):
        return _IDENTITY
    return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)


def _visible(obj: Any, *, stroke: bool) -> bool:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    getter = _raw.FPDFPageObj_GetStrokeColor if stroke else _raw.FPDFPageObj_GetFillColor
    if not getter(obj, r, g, b, a):
        return True
    return a.value > 0 and min(r.value, g.value, b.value) < _WHITE


class _Graphics:
    """Collects ruling segments and image boxes from a page's objects (forms included)."""

    def __init__(self, top: float) -> None:
        self.top = top
        self.edges: list[Edge] = []
        self.images: list[ImageBox] = []
        self.segments = 0
        self.lost_text = 0

    def walk(self, objects: Iterator[Any], outer: Matrix, depth: int) -> None:
        for obj in objects:
            kind = _raw.FPDFPageObj_GetType(obj)
            if kind == _raw.FPDF_PAGEOBJ_PATH and self.segments < _MAX_SEGMENTS:
                self.path(obj, _compose(_matrix(obj), outer))
            elif kind == _raw.FPDF_PAGEOBJ_IMAGE:
                self.image(obj, outer)
            elif kind == _raw.FPDF_PAGEOBJ_TEXT and self.lost(obj):
                self.lost_text += 1
            elif kind == _raw.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                m = _compose(_matrix(obj), outer)
                n = _raw.FPDFFormObj_CountObjects(obj)
                self.walk((_raw.FPDFFormObj_GetObject(obj, i) for i in range(max(n, 0))), m, depth + 1)

    def lost(self, obj: Any) -> bool:
        """A text object PDFium left out of the text page: an empty box and no text.

        PDFium measures glyphs by their outlines. A CJK font that is not embedded, on a
        machine without a CJK font to stand in, has none: a text object of one such glyph
        (a label printed one character per line, a lone 无) gets an empty box and is
        dropped from the text page. Objects of spaces also have empty boxes, but their fonts
        are embedded (the LibreOffice exports of the corpus have dozens a page).
        """
        left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        if not _raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top) or right.value - left.value > 0.01:
            return False
        font = _raw.FPDFTextObj_GetFont(obj)
        return bool(font) and _raw.FPDFFont_GetIsEmbedded(font) == 0

    def image(self, obj: Any, outer: Matrix) -> None:
        left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        if not _raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            return
        pts = [_apply(outer, x, y) for x in (left.value, right.value) for y in (bottom.value, top.value)]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        self.images.append(ImageBox(min(xs), max(xs), self.top - max(ys), self.top - min(ys)))

    def _points(self, obj: Any, m: Matrix) -> list[list[tuple[float, float]]] | None:
        """Subpaths as lists of page points (closing point repeated); ``None`` for curves."""
        n = _raw.FPDFPath_CountSegments(obj)
        self.segments += max(n, 0)
        subpaths: list[list[tuple[float, float]]] = []
        x, y = ctypes.c_float(), ctypes.c_float()
        for i in range(max(n, 0)):
            seg = _raw.FPDFPath_GetPathSegment(obj, i)
            kind = _raw.FPDFPathSegment_GetType(seg)
            if kind == _raw.FPDF_SEGMENT_BEZIERTO:
                return None
            _raw.FPDFPathSegment_GetPoint(seg, x, y)
            px, py = _apply(m, x.value, y.value)
            if kind == _raw.FPDF_SEGMENT_MOVETO or not subpaths:
                subpaths.append([])
            subpaths[-1].append((px, self.top - py))
            if _raw.FPDFPathSegment_GetClose(seg) and subpaths[-1]:
                subpaths[-1].append(subpaths[-1][0])
        return subpaths

    def path(self, obj: Any, m: Matrix) -> None:
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        if not _raw.FPDFPath_GetDrawMode(obj, fill, stroke):
            return
        stroked = bool(stroke.value) and _visible(obj, stroke=True)
        filled = bool(fill.value) and _visible(obj, stroke=False)
        if not (stroked or filled):
            return
        subpaths = self._points(obj, m)
        if not subpaths:
            return
        if stroked:
            for sub in subpaths:
                for (x0, y0), (x1, y1) in pairwise(sub):
                    self.line(x0, y0, x1, y1)
        elif filled:
            self.thin_fill([p for sub in subpaths for p in sub])

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        if abs(y1 - y0) <= 1.0 and abs(x1 - x0) >= 1.0:
            self.edges.append(Edge(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= 1.0 and abs(y1 - y0) >= 1.0:
            self.edges.append(Edge(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))

    def thin_fill(self, pts: list[tuple[float, float]]) -> None:
        """A filled shape is a rule only when it is thin (cell shading is not)."""
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        if h <= _THIN < w:
            self.edges.append(Edge(True, (min(ys) + max(ys)) / 2, min(xs), max(xs)))
        elif w <= _THIN < h:
            self.edges.append(Edge(False, (min(xs) + max(xs)) / 2, min(ys), max(ys)))


def _char_text(tp: Any, i: int, n: int, u: int) -> tuple[str, int]:
    """The character at ``i`` (joining a UTF-16 surrogate pair); returns it and how many indices it used."""
    if 0xD800 <= u < 0xDC00 and i + 1 < n:
        low = _raw.FPDFText_GetUnicode(tp, i + 1)
        if 0xDC00 <= low < 0xE000:
            return chr(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)), 2
    try:
        return chr(u), 1
    except (ValueError, OverflowError):
        return "\ufffd", 1


def _chars(tp: Any, top: float) -> tuple[list[Char], int]:
    n = _raw.FPDFText_CountChars(tp)
    rect = _raw.FS_RECTF()
    chars: list[Char] = []
    unmapped = 0
    space = False
    i = 0
    while i < n:
        u = _raw.FPDFText_GetUnicode(tp, i)
        if u in _SPACES:
            space = space or (u not in (0x0A, 0x0D) and not _raw.FPDFText_IsGenerated(tp, i))
            i += 1
            continue
        text, used = _char_text(tp, i, n, u)
        if _raw.FPDFText_HasUnicodeMapError(tp, i) == 1:
            unmapped += 1
        _raw.FPDFText_GetLooseCharBox(tp, i, rect)
        chars.append(Char(text, rect.left, rect.right, top - rect.top, top - rect.bottom, i, space))
        space = False
        i += used
    return chars, unmapped


class Document:
    """An open PDF: page count, properties, and one page's content at a time."""

    def __init__(self, pdf: Any) -> None:
        self._pdf = pdf

    def __len__(self) -> int:
        return len(self._pdf)

    def close(self) -> None:
        self._pdf.close()

    def properties(self) -> dict[str, str]:
        """The document information dictionary, non-empty entries only (``Title``, ``Author`` …)."""
        try:
            meta = self._pdf.get_metadata_dict()
        except Exception:  # a broken Info dictionary is not worth failing the document for
            return {}
        return {str(k): str(v).strip() for k, v in meta.items() if v and str(v).strip()}

    def page(self, index: int, *, graphics: bool = True) -> PageContent:
        """Glyphs, and unless ``graphics`` is off, rules and images of page ``index`` (0-based)."""
        try:
            page = self._pdf[index]
        except _pdfium.PdfiumError as exc:
            raise ReadError(f"page {index + 1} of the PDF cannot be read: {exc}", format="pdf") from exc
        try:
            left, bottom, right, top = page.get_bbox()
            content = PageContent(index + 1, right - left, top - bottom)
            textpage = page.get_textpage()
            try:
                content.chars, content.unmapped = _chars(textpage.raw, top)
                if graphics:
                    g = _Graphics(top)
                    n = _raw.FPDFPage_CountObjects(page.raw)
                    g.walk((_raw.FPDFPage_GetObject(page.raw, i) for i in range(max(n, 0))), _IDENTITY, 0)
                    content.edges, content.images, content.lost_text = g.edges, g.images, g.lost_text
            finally:
                textpage.close()
            if left:
                _shift(content, -left)
            return content
        finally:
            page.close()

    def render(self, index: int, scale: float) -> Any:
        """Page ``index`` (0-based) as a grey image, ``scale`` pixels a point: a numpy ``uint8`` array, rows top-down.

        The image covers the same box as :meth:`page`'s coordinates (media box ∩ crop box).
        """
        try:
            page = self._pdf[index]
        except _pdfium.PdfiumError as exc:
            raise ReadError(f"page {index + 1} of the PDF cannot be read: {exc}", format="pdf") from exc
        try:
            bitmap = page.render(scale=scale, grayscale=True)
            try:
                image = bitmap.to_numpy()
                return (image[:, :, 0] if image.ndim == 3 else image).copy()
            finally:
                bitmap.close()
        finally:
            page.close()


def _shift(content: PageContent, dx: float) -> None:
    """Make x start at the page's left edge (pages whose box does not start at 0)."""
    for c in content.chars:
        c.x0 += dx
        c.x1 += dx
    for e in content.edges:
        if e.horizontal:
            e.start += dx
            e.end += dx
        else:
            e.pos += dx
    content.images = [ImageBox(b.x0 + dx, b.x1 + dx, b.top, b.bottom) for b in content.images]


def open_document(data: bytes, *, name: str | None = None) -> Document:
    """Open ``data`` as a PDF. An empty user password is tried (and opens such files).

    Raises:
        EncryptedDocumentError: a user password is needed, or the security handler is unsupported.
        ReadError: the bytes are not a PDF PDFium can repair and read.
    """
    _require()
    if not data:
        raise ReadError("the PDF is empty (0 bytes)", source=name, format="pdf")
    try:
        return Document(_pdfium.PdfDocument(data))
    except _pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == _raw.FPDF_ERR_PASSWORD:
            raise EncryptedDocumentError(
                "the PDF is encrypted with a user password; it cannot be opened without it", source=name, format="pdf"
            ) from exc
        if code == _raw.FPDF_ERR_SECURITY:
            raise EncryptedDocumentError(
                "the PDF uses an unsupported security handler (encryption)", source=name, format="pdf"
            ) from exc
        raise ReadError(f"not a readable PDF: {exc}", source=name, format="pdf") from exc
