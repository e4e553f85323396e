"""Cell values (spec §11): blanks are None, never 0; NFKC digits; notes; units; signs."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_parser.tables.numbers import parse_number, to_10k_yuan


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("", "blank", None),
        ("   ", "blank", None),
        ("\u00a0", "blank", None),
        ("/", "placeholder", None),
        ("—", "placeholder", None),
        ("-", "placeholder", None),
        ("无", "placeholder", None),
        ("N/A", "placeholder", None),
        ("0", "number", Decimal(0)),
        ("１２", "number", Decimal(12)),
        ("1,234", "number", Decimal(1234)),
        ("22（其中修订 16 件）", "number", Decimal(22)),
        ("-18", "number", Decimal(-18)),
        ("+3", "number", Decimal(3)),
        ("24252.311082", "number", Decimal("24252.311082")),
        ("251000元", "number", Decimal(251000)),
        ("160.5964万元", "number", Decimal("160.5964")),
        ("5件", "number", Decimal(5)),
        ("230 000023", "text", None),
        ("约20", "text", None),
        ("二十", "text", None),
    ],
)
def test_parse_number(text: str, kind: str, value: Decimal | None) -> None:
    parsed = parse_number(text)
    assert parsed.kind == kind
    assert parsed.value == value


def test_units_and_notes_are_kept_apart() -> None:
    assert parse_number("251000元").unit == "元"
    assert parse_number("22（其中修订 16 件）").note == "(其中修订 16 件)"  # NFKC form
    assert to_10k_yuan(Decimal(251000), "元") == Decimal("25.1")
    assert to_10k_yuan(Decimal("1.5"), "亿元") == Decimal(15000)
    assert to_10k_yuan(Decimal(5), "件") is None


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip(n: int) -> None:
    assert parse_number(str(n)).value == n
    assert parse_number(f"{n:,}").value == n
    full_width = str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    assert parse_number(full_width).value == n


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_signed_integers(n: int) -> None:
    assert parse_number(str(n)).value == n


@given(st.decimals(min_value=0, max_value=10**9, places=6, allow_nan=False, allow_infinity=False))
def test_decimals_round_trip(d: Decimal) -> None:
    assert parse_number(f"{d:f}").value == d


@given(st.text(max_size=30))
def test_never_raises_and_text_has_no_value(text: str) -> None:
    parsed = parse_number(text)
    assert parsed.kind in ("number", "blank", "placeholder", "text")
    assert (parsed.value is not None) == (parsed.kind == "number")
