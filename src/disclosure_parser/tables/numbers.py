"""Reading one table cell as a number, the spec §11 way.

* blank or a placeholder (``/``, ``—``, ``-``, ``无``, ``N/A`` …) → no value, never 0;
* digits after NFKC (full-width ``１２`` → 12), thousands separators (``1,234``);
* a note after the number is kept apart (``22（其中修订 16 件）`` → 22);
* a unit is read from the cell (``251000元``, ``160.5964万元``) and reported, so money
  can be normalised to 万元 by the caller, who knows the column;
* anything else is *text*: no value, and the caller records a finding with the raw text.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

import regex

from ..textnorm import nfkc

__all__ = ["CellKind", "ParsedNumber", "is_value_like", "parse_number", "to_10k_yuan"]

CellKind = Literal["number", "blank", "placeholder", "text"]

PLACEHOLDERS = frozenset(
    {"/", "\\", "-", "--", "—", "——", "–", "－", "―", "─", "一", "无", "空", "n/a", "na", "null", "none", "×", "x"}
)
_NUMBER = regex.compile(
    r"^(?P<sign>[+\-−－])?\s*"
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"\s*(?P<unit>万元|亿元|元|件|个|项|条|次|宗|起|人次|人)?"
    r"\s*(?P<note>[（(\[【].*)?$"
)
_UNIT_FACTOR = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}
# Digits broken by spaces inside one cell (``2 6``: a number wrapped in a narrow column, or two
# numbers): no number, but it stands where a value stands.
_SPACED_DIGITS = regex.compile(r"^\d+(?:\s+\d+)+$")
# A number as OCR misreads it: digits with letters taken for digits (1O, B0, S, l2). It is no
# number (its cell is reported, its raw text kept) but it stands where a value stands, so the
# row's other values are still read.
_MISREAD = regex.compile(r"^[0-9OoDQlI|SsBbZ〇]{1,8}$")


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """What a cell holds. ``value`` is a ``Decimal`` for numbers, else ``None``."""

    kind: CellKind
    value: Decimal | None = None
    unit: str | None = None
    note: str | None = None

    @property
    def is_empty(self) -> bool:
        """Blank or a placeholder: printed, but no value (0 inside a sum)."""
        return self.kind in ("blank", "placeholder")

    @property
    def is_integral(self) -> bool:
        return self.value is not None and self.value == self.value.to_integral_value()


def parse_number(text: str | None) -> ParsedNumber:
    """Parse one cell's text.

    >>> parse_number("22（其中修订 16 件）").value
    Decimal('22')
    >>> parse_number("—").kind
    'placeholder'
    """
    if text is None:
        return _BLANK
    # Cells repeat ("0" hundreds of times a report): short texts are parsed once per process.
    return _parse_cached(text) if len(text) <= 64 else _parse(text)


_BLANK = ParsedNumber("blank")


@lru_cache(maxsize=65536)
def _parse_cached(text: str) -> ParsedNumber:
    return _parse(text)


def _parse(text: str) -> ParsedNumber:
    if text.isascii() and text.isdigit():
        return ParsedNumber("number", Decimal(text))  # the common case, without regex or NFKC
    t = nfkc(text)
    if not t:
        return ParsedNumber("blank")
    if t.lower() in PLACEHOLDERS:
        return ParsedNumber("placeholder")
    m = _NUMBER.match(t)
    if not m:
        return ParsedNumber("text")
    digits = m.group("int").replace(",", "")
    frac = m.group("frac")
    try:
        value = Decimal(f"{digits}.{frac}" if frac else digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return ParsedNumber("text")
    if m.group("sign"):
        value = -value if m.group("sign") != "+" else value
    note = m.group("note")
    return ParsedNumber("number", value, m.group("unit"), note.strip() if note else None)


def is_value_like(text: str | None) -> bool:
    """Whether a cell can sit in a value column: a number, blank, a placeholder, a number as
    OCR misreads it (``1O``) or broken by a space (``2 6``): not numbers, but value cells all the same."""
    if text is None:
        return True
    # Asked of every cell of every row, often several times: short texts answered once.
    return _value_like_cached(text) if len(text) <= 64 else _value_like(text)


@lru_cache(maxsize=65536)
def _value_like_cached(text: str) -> bool:
    return _value_like(text)


def _value_like(text: str) -> bool:
    t = text.strip()
    return parse_number(text).kind != "text" or bool(_MISREAD.match(t) or _SPACED_DIGITS.match(t))


def to_10k_yuan(value: Decimal, unit: str | None) -> Decimal | None:
    """Convert a money value to 万元 by its printed unit; ``None`` if the unit is not money."""
    factor = _UNIT_FACTOR.get(unit or "")
    return None if factor is None else value * factor
