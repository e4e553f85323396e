"""Rendering one list counter in a Word number format (``w:numFmt``).

Covers the formats these reports use — ``chineseCounting`` (一、二、… 十一), the
enclosed and full-width variants, ``decimal`` — plus the common Western ones. An
unknown format falls back to decimal, so a number is never silently lost.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["format_number"]

_CN_DIGITS = "〇一二三四五六七八九"  # digit by digit (ideographDigital): 2024 → 二〇二四
_CN_COUNTING = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_CN_LEGAL_TRAD = "零壹貳參肆伍陸柒捌玖"
_CN_UNITS = ("", "十", "百", "千")
_CN_LEGAL_UNITS = ("", "拾", "佰", "仟")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _below_10000(n: int, digits: str, units: tuple[str, ...], *, short_ten: bool) -> str:
    out: list[str] = []
    zero_pending = False
    for power in (3, 2, 1, 0):
        d = (n // 10**power) % 10
        if d == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append(digits[0])
            zero_pending = False
        out.append(digits[d] + units[power])
    text = "".join(out)
    if short_ten and text.startswith(digits[1] + units[1]):
        text = text[1:]  # 十一, not 一十一 (Word's chineseCounting)
    return text


def chinese(n: int, *, digits: str = _CN_COUNTING, units: tuple[str, ...] = _CN_UNITS, short_ten: bool = True) -> str:
    """``n`` in Chinese counting numerals: 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五."""
    if n <= 0:
        return digits[0]
    if n >= 100_000_000:
        return str(n)
    high, low = divmod(n, 10_000)
    if not high:
        return _below_10000(low, digits, units, short_ten=short_ten)
    text = _below_10000(high, digits, units, short_ten=short_ten) + "万"
    if low:
        text += (digits[0] if low < 1000 else "") + _below_10000(low, digits, units, short_ten=False)
    return text


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out: list[str] = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word repeats the letter: 27 → AA, 28 → BB.
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _enclosed(first: int, count: int) -> Callable[[int], str]:
    def fmt(n: int) -> str:
        return chr(first + n - 1) if 1 <= n <= count else str(n)

    return fmt


def _cycle(chars: str) -> Callable[[int], str]:
    def fmt(n: int) -> str:
        return chars[(n - 1) % len(chars)] if n > 0 else str(n)

    return fmt


def _full_width(n: int) -> str:
    return "".join(chr(ord(c) - ord("0") + 0xFF10) if c.isdigit() else c for c in str(n))


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "ordinal": str,
    "cardinalText": str,
    "ordinalText": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "chineseCounting": chinese,
    "chineseCountingThousand": chinese,
    "japaneseCounting": chinese,
    "taiwaneseCounting": chinese,
    "taiwaneseCountingThousand": chinese,
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(c)] for c in str(n)),
    "taiwaneseDigital": lambda n: "".join(_CN_DIGITS[int(c)] for c in str(n)),
    "japaneseDigitalTenThousand": lambda n: "".join(_CN_DIGITS[int(c)] for c in str(n)),
    "chineseLegalSimplified": lambda n: chinese(n, digits=_CN_LEGAL, units=_CN_LEGAL_UNITS, short_ten=False),
    "ideographLegalTraditional": lambda n: chinese(n, digits=_CN_LEGAL_TRAD, units=_CN_LEGAL_UNITS, short_ten=False),
    "japaneseLegal": lambda n: chinese(n, digits=_CN_LEGAL_TRAD, units=_CN_LEGAL_UNITS, short_ten=False),
    "ideographTraditional": _cycle(_HEAVENLY_STEMS),
    "ideographZodiac": _cycle(_EARTHLY_BRANCHES),
    "decimalEnclosedCircle": _enclosed(0x2460, 20),  # ①
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),  # ⑴
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),  # ⒈
    "ideographEnclosedCircle": _enclosed(0x3280, 10),  # ㊀
    "none": lambda n: "",
    "bullet": lambda n: "",
}


def format_number(n: int, fmt: str | None) -> str:
    """``n`` rendered in Word number format ``fmt`` (decimal when unknown or absent)."""
    return _FORMATS.get(fmt or "decimal", str)(n)
