"""Grouping reports of the same agency across years, conservatively, for cross-year checks.

Two names are the same agency when they are equal after normalisation (NFKC, no
spaces), or when one is the other with an administrative prefix in front
(``淮安市`` + ``洪泽区人民政府``) *and* the batch holds no other prefixed name ending the
same way — the evidence that the short name cannot mean another place. Anything
less certain stays apart: a missed pair costs one check, a wrong pair invents findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import regex

from .textnorm import squash

__all__ = ["group_agencies", "normalise_agency"]

_PREFIX = regex.compile(r"^.{1,12}?(?:省|市|自治区|自治州|州|盟|地区)$")


def normalise_agency(name: str) -> str:
    return squash(name).strip("“”\"'")


def group_agencies(names: Iterable[str]) -> dict[str, str]:
    """Map each name to its group's canonical (longest) name."""
    norm = sorted({normalise_agency(n) for n in names if n})
    longer_forms: dict[str, set[str]] = defaultdict(set)
    for a in norm:
        for b in norm:
            if a != b and a.endswith(b) and _PREFIX.match(a[: len(a) - len(b)]):
                longer_forms[b].add(a)
    canonical = {n: n for n in norm}
    for short, forms in longer_forms.items():
        if len(forms) == 1:  # unique evidence: exactly one prefixed form of this name
            canonical[short] = next(iter(forms))
    return {n: canonical[normalise_agency(n)] for n in names if n}


def consecutive_pairs(
    docs: Sequence[tuple[str, str | None, int | None, float]],
) -> list[tuple[str, str]]:
    """``(earlier doc_id, later doc_id)`` for consecutive years of each agency group.

    ``docs`` are ``(doc_id, agency, year, completeness)``; where several documents of one
    agency share a year (the same report in several formats), the most complete one is used.
    """
    groups = group_agencies([a for _, a, _, _ in docs if a])
    best: dict[tuple[str, int], tuple[float, str]] = {}
    for doc_id, agency, year, completeness in docs:
        if not agency or year is None:
            continue
        key = (groups[agency], year)
        if key not in best or completeness > best[key][0]:
            best[key] = (completeness, doc_id)
    pairs: list[tuple[str, str]] = []
    for (group, year), (_, doc_id) in sorted(best.items()):
        prev = best.get((group, year - 1))
        if prev is not None:
            pairs.append((prev[1], doc_id))
    return pairs
