"""Text normalisation shared by the segmenter and the table normalisers.

Everything that compares labels goes through :func:`canon`, so '1、' and '1.',
full- and half-width brackets, stray spaces, labels broken one character per line,
and curly or straight quotes all compare equal.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

__all__ = ["Enumerator", "canon", "nfkc", "split_enumerator", "squash"]

_WS = regex.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
# Punctuation that carries no meaning when matching labels.
_PUNCT = regex.compile(r"[\p{P}\p{S}]+")
_CN_NUM = "一二三四五六七八九十"
_ENUM = regex.compile(
    r"^(?:"
    r"(?P<cn>[一二三四五六七八九十]{1,3})\s*[、.．,，:：]"  # 一、
    r"|[（(〔\[]\s*(?P<pcn>[一二三四五六七八九十]{1,3})\s*[）)〕\]]\s*[、.．]?"  # （一）
    r"|(?P<num>\d{1,2})\s*(?:[、.．,，:：)）]|\.(?!\d))"  # 1.  1、  1)
    r"|[（(]\s*(?P<pnum>\d{1,2})\s*[）)]"  # (1)
    r")\s*"
)

Enumerator = tuple[str, int]


def nfkc(text: str) -> str:
    """NFKC-normalise (full-width digits and brackets become ASCII) and unify whitespace."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def squash(text: str) -> str:
    """NFKC text with all whitespace removed: labels printed with stray spaces or one character per line."""
    return _WS.sub("", unicodedata.normalize("NFKC", text))


def _cn_value(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_NUM.index(s[1]) + 1
    if s.endswith("十"):
        return (_CN_NUM.index(s[0]) + 1) * 10
    if "十" in s:
        tens, ones = s.split("十", 1)
        return (_CN_NUM.index(tens) + 1) * 10 + _CN_NUM.index(ones) + 1
    return _CN_NUM.index(s) + 1


@lru_cache(maxsize=4096)
def split_enumerator(text: str) -> tuple[Enumerator | None, str]:
    """Split a leading enumerator off a label.

    Returns ``((style, n), rest)`` where style is ``"cn"`` for 一、, ``"paren"`` for （一）,
    ``"num"`` for 1. / 1、 / (1); or ``(None, text)`` when there is none.

    >>> split_enumerator("（六）其他处理")
    (('paren', 6), '其他处理')
    """
    t = squash(text)
    m = _ENUM.match(t)
    if not m:
        return None, t
    rest = t[m.end() :]
    if m.group("cn"):
        return ("cn", _cn_value(m.group("cn"))), rest
    if m.group("pcn"):
        return ("paren", _cn_value(m.group("pcn"))), rest
    return ("num", int(m.group("num") or m.group("pnum"))), rest


@lru_cache(maxsize=8192)
def canon(text: str) -> str:
    """The comparison form of a label: NFKC, no whitespace, no punctuation, no enumerator."""
    _, rest = split_enumerator(text)
    return _PUNCT.sub("", rest).lower()
