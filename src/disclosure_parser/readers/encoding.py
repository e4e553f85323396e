"""Text encoding detection for the encodings Chinese government text actually comes in.

Decision order, each step evidence-based rather than "first decoding that does not
raise" (GB18030 decodes almost any byte soup without error):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32);
2. UTF-16 without BOM, recognised by the zero bytes of its ASCII characters;
3. strict UTF-8, whose multi-byte structure random or GBK bytes almost never satisfy;
4. GB18030 (a superset of GBK and GB2312) only if the decoded text is *plausible*:
   no control characters, and its Han characters overwhelmingly from the common
   GB2312 repertoire, which real Chinese prose is and mis-decoded bytes are not.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache

from ..errors import ReadError

__all__ = ["decode_text", "detect_encoding"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")
_SAMPLE = 256 * 1024


def _utf16_without_bom(data: bytes, *, require_nul: bool = True) -> str | None:
    """UTF-16 without BOM: its ASCII characters put a zero byte on one side only, and the
    decoded text must read as text. Pure-Chinese UTF-16 has no zero bytes; it is tried
    last (``require_nul=False``), after UTF-8 and GB18030 failed."""
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if require_nul and not (even or odd):
        return None
    candidates = []
    # Han characters such as 一 (U+4E00) also contain a zero byte, so compare sides, not "none".
    if odd > 2 * even or not require_nul:
        candidates.append("utf-16-le")
    if even > 2 * odd or not require_nul:
        candidates.append("utf-16-be")
    for name in candidates:
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible_chinese(text) and sum(ch.isprintable() or ch in "\r\n\t" for ch in text) >= len(text) * 0.95:
            return name
    return None


@lru_cache(maxsize=8192)
def _is_common_hanzi(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _plausible_chinese(text: str) -> bool:
    """Whether text decoded as GB18030 reads like real text rather than mis-decoded bytes."""
    controls = 0
    han = 0
    common = 0
    odd = 0
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Cc" and ch not in _ALLOWED_CONTROLS:
            controls += 1
        elif "\u4e00" <= ch <= "\u9fff":
            han += 1
            if _is_common_hanzi(ch):
                common += 1
        elif cat in ("Co", "Cn", "Cs") or ("\u3400" <= ch <= "\u4dbf") or ord(ch) > 0xFFFF:
            odd += 1  # private use, unassigned, extension A or astral: rare in real reports
    total = max(len(text), 1)
    if controls > total * 0.001 + 1 or odd > total * 0.01 + 1:
        return False
    return han == 0 or common >= han * 0.9


def detect_encoding(data: bytes) -> str:
    """Return the codec name for ``data``.

    Raises:
        ReadError: when the bytes are not text in any supported encoding.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    sample = data[:_SAMPLE]
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A sample cut inside a multi-byte character fails only at its very end.
        if exc.start >= len(sample) - 3 and len(data) > _SAMPLE:
            return "utf-8"
    if b"\x00" in sample:
        raise ReadError("binary data: not text in any supported encoding", format="txt")
    if _plausible_gb18030(sample):
        return "gb18030"
    utf16 = _utf16_without_bom(data, require_nul=False)
    if utf16 is not None:
        return utf16
    raise ReadError("could not determine the text encoding (not UTF-8, UTF-16, or plausible GB18030/GBK)", format="txt")


def _plausible_gb18030(sample: bytes) -> bool:
    try:
        decoded = sample.decode("gb18030")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:
            return False
        decoded = sample[: exc.start].decode("gb18030")
    return _plausible_chinese(decoded[:20000])


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode ``data`` with the detected encoding; returns ``(text, encoding)``.

    Raises:
        ReadError: when no supported encoding fits.
    """
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding.startswith(("utf-16", "utf-32")):
            raise ReadError(f"corrupt {encoding} text", format="txt") from exc
        # Only the sample was checked; a stray bad byte later is kept visible, not fatal.
        text = data.decode(encoding, errors="replace")
    if encoding.startswith("utf-16") and text.startswith("\ufeff"):
        text = text[1:]
    return text, encoding
