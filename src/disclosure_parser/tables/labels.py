"""Fuzzy label matching: rows and columns are found by what they say, never by where they are.

A :class:`LabelMatcher` knows the canonical labels (and aliases) of one kind of
row or column. ``match(text)`` compares the text's canonical form (see
:func:`~disclosure_parser.textnorm.canon`) with every candidate:

* equal forms score 1.0; a text that is a prefix of a candidate (a shortened label
  such as ``（六）其他`` for ``（六）其他处理``) scores 0.9;
* otherwise the Dice coefficient of character bigrams, which survives typos
  (``2.其他法律行政止公开``) and dropped characters;
* a leading enumerator that contradicts the candidate's own (``（六）`` vs ``3.``)
  halves the score, so ``（六）其他`` and ``3.其他`` land on different rows.

The best candidate wins only above a threshold and clearly ahead of the runner-up;
otherwise the label is reported as unrecognised rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..textnorm import Enumerator, canon, split_enumerator

__all__ = ["LabelMatcher", "Match"]


@dataclass(frozen=True, slots=True)
class Match:
    key: str
    score: float


@dataclass(frozen=True, slots=True)
class _Candidate:
    key: str
    form: str
    bigrams: frozenset[str]
    enum: Enumerator | None


def _bigrams(s: str) -> frozenset[str]:
    if len(s) < 2:
        return frozenset((s,)) if s else frozenset()
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


class LabelMatcher:
    """Matches label text against a fixed set of canonical labels and aliases."""

    def __init__(
        self,
        labels: Mapping[str, Iterable[str]],
        *,
        threshold: float = 0.6,
        margin: float = 0.08,
        min_prefix: int = 2,
    ) -> None:
        self.threshold = threshold
        self.margin = margin
        self.min_prefix = min_prefix
        self._candidates: list[_Candidate] = []
        self._exact: dict[str, list[_Candidate]] = {}
        for key, variants in labels.items():
            for variant in variants:
                enum, _ = split_enumerator(variant)
                form = canon(variant)
                cand = _Candidate(key, form, _bigrams(form), enum)
                self._candidates.append(cand)
                self._exact.setdefault(form, []).append(cand)
        self._cache: dict[str, Match | None] = {}

    def match(self, text: str) -> Match | None:
        """The best key for ``text``, or ``None`` if nothing matches clearly."""
        try:
            return self._cache[text]
        except KeyError:
            pass
        result = self._match(text)
        if len(self._cache) < 20000:
            self._cache[text] = result
        return result

    def _score(self, cand: _Candidate, form: str, grams: frozenset[str], enum: Enumerator | None) -> float:
        if cand.form == form:
            score = 1.0
        elif len(form) >= self.min_prefix and cand.form.startswith(form):
            score = 0.9
        else:
            score = _dice(cand.bigrams, grams)
        if enum is not None and cand.enum is not None and enum != cand.enum:
            score *= 0.5
        return score

    def _match(self, text: str) -> Match | None:
        enum, _ = split_enumerator(text)
        form = canon(text)
        if not form:
            return None
        exact = self._exact.get(form)
        if exact and all(c.key == exact[0].key for c in exact):
            if enum is None or all(c.enum in (None, enum) for c in exact):
                return Match(exact[0].key, 1.0)
        grams = _bigrams(form)
        best: dict[str, float] = {}
        for cand in self._candidates:
            s = self._score(cand, form, grams, enum)
            if s > best.get(cand.key, 0.0):
                best[cand.key] = s
        ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
        if not ranked or ranked[0][1] < self.threshold:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < self.margin:
            return None
        return Match(ranked[0][0], ranked[0][1])
