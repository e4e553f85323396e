"""Splitting run-together numbers back into cells, guided by the template's relations (spec §6, §12).

Text dumps concatenate a row's cells (``640020470`` = 64,0,0,2,0,4,70) or break them with
stray spaces (``230 000023``). A split into the row's cell count is *valid* when every
piece is a number without a leading zero (a lone ``0`` excepted; a sign or decimal point
only where the column allows one). Among valid splits only those satisfying the row's
relations are kept, and an answer is accepted only when it is unique:

* a part-三 row: C3 (总计 = the six applicant columns), searched directly (the last piece is
  the sum, so the search prunes as it goes); rows still ambiguous are resolved jointly with
  C1/C2 across rows, only if exactly one combination satisfies them;
* part 四: C4–C6, three groups of five each ending with its total;
* part 二: no relation, so only rows with a single valid split are accepted.

Spaces are first taken as cell boundaries; if nothing fits, as stray (ignored).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence

import regex

__all__ = ["Kind", "resolve_jointly", "solve", "split_groups", "split_with_total", "valid_splits"]

Kind = str  # "int" | "signed_int" | "decimal"
_INT = regex.compile(r"^(?:0|[1-9]\d*)$")
_SIGNED = regex.compile(r"^-?(?:0|[1-9]\d*)$")
_DECIMAL = regex.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?$")
_LEADING_ZERO = regex.compile(r"^-?0\d")
_PATTERNS = {"int": _INT, "signed_int": _SIGNED, "decimal": _DECIMAL}
MAX_SPLITS = 200_000


def _ok(piece: str, kind: Kind) -> bool:
    return bool(_PATTERNS[kind].match(piece))


def _split_token(token: str, kinds: Sequence[Kind], budget: list[int]) -> Iterator[list[str]]:
    """All ways to cut ``token`` into ``len(kinds)`` valid pieces (kinds in order)."""
    n = len(kinds)
    if n == 0:
        if not token:
            yield []
        return
    if n == 1:
        if _ok(token, kinds[0]):
            yield [token]
        return
    # Every remaining piece needs at least one character.
    for cut in range(1, len(token) - n + 2):
        budget[0] -= 1
        if budget[0] < 0:
            return
        head = token[:cut]
        if not _ok(head, kinds[0]):
            if _LEADING_ZERO.match(head):
                return  # a leading zero stays a leading zero however long the piece grows
            continue
        for rest in _split_token(token[cut:], kinds[1:], budget):
            yield [head, *rest]


def _split_tokens(tokens: Sequence[str], kinds: Sequence[Kind], budget: list[int]) -> Iterator[list[str]]:
    """Split each space-separated token into ≥ 1 pieces so that the pieces cover ``kinds``."""
    if not tokens:
        if not kinds:
            yield []
        return
    first, rest = tokens[0], tokens[1:]
    # The other tokens give at least one piece each and at most one per character.
    max_here = min(len(kinds) - len(rest), len(first))
    min_here = max(1, len(kinds) - sum(len(t) for t in rest))
    for take in range(min_here, max_here + 1):
        for head in _split_token(first, kinds[:take], budget):
            for tail in _split_tokens(rest, kinds[take:], budget):
                yield [*head, *tail]
        if budget[0] < 0:
            return


def valid_splits(blob: str, kinds: Sequence[Kind]) -> tuple[list[list[str]], bool]:
    """Every valid split of ``blob`` into ``len(kinds)`` cells.

    Returns ``(splits, complete)``; ``complete`` is False when the search hit its budget
    (the answer then cannot be trusted to be unique).
    """
    out: list[list[str]] = []
    for tokens in (blob.split(), ["".join(blob.split())]):
        budget = [MAX_SPLITS]
        out = list(_split_tokens(tokens, kinds, budget))
        if budget[0] < 0:
            return out, False
        if out or len(tokens) == 1:
            break
    return out, True


def solve(blob: str, kinds: Sequence[Kind], check: Callable[[list[str]], bool]) -> list[list[str]]:
    """The valid splits of ``blob`` that satisfy ``check`` (empty if the search was cut short)."""
    splits, complete = valid_splits(blob, kinds)
    if not complete:
        return []
    return [s for s in splits if check(s)]


def _plain(piece: str) -> bool:
    return piece == "0" or (piece[:1] != "0" and piece.isdigit())


def _crosses(cuts: frozenset[int], start: int, end: int) -> bool:
    """Whether a piece s[start:end] would swallow a forced cut (a space in the dump)."""
    return any(start < c < end for c in cuts)


def _parts_summing(s: str, cuts: frozenset[int], start: int, n: int, target: int) -> Iterator[list[str]]:
    """``n`` plain-integer pieces covering ``s[start:]``, crossing no forced cut, summing to ``target``."""
    if n == 1:
        piece = s[start:]
        if _plain(piece) and not _crosses(cuts, start, len(s)) and int(piece) == target:
            yield [piece]
        return
    for end in range(start + 1, len(s) - n + 2):
        if _crosses(cuts, start, end):
            return
        piece = s[start:end]
        if not _plain(piece):
            return  # a leading zero: longer pieces keep it
        value = int(piece)
        if value > target:
            return  # longer pieces are only larger
        for rest in _parts_summing(s, cuts, end, n - 1, target - value):
            yield [piece, *rest]


def _prepare(blob: str) -> list[tuple[str, frozenset[int]]]:
    """The digits with spaces as forced cuts, then (if that fails) with spaces as stray."""
    tokens = blob.split()
    digits = "".join(tokens)
    cuts: set[int] = set()
    pos = 0
    for t in tokens[:-1]:
        pos += len(t)
        cuts.add(pos)
    attempts = [(digits, frozenset(cuts))]
    if cuts:
        attempts.append((digits, frozenset()))
    return attempts


def _with_total(s: str, cuts: frozenset[int], n: int) -> list[list[str]]:
    out: list[list[str]] = []
    for p in range(len(s) - 1, n - 2, -1):  # the last piece s[p:] is the total of the others
        if _crosses(cuts, p, len(s)):
            break
        last = s[p:]
        if not _plain(last):
            continue
        head_cuts = frozenset(c for c in cuts if c < p)
        out.extend([*parts, last] for parts in _parts_summing(s[:p], head_cuts, 0, n - 1, int(last)))
    return out


def split_with_total(blob: str, n: int) -> list[list[str]]:
    """Splits of ``blob`` into ``n`` plain integers whose last is the sum of the others (C3)."""
    for digits, cuts in _prepare(blob):
        found = _with_total(digits, cuts, n)
        if found:
            return found
    return []


def split_groups(blob: str, groups: int, size: int) -> list[list[str]]:
    """Splits into consecutive groups of ``size`` cells, each ending with its own total (C4–C6)."""
    for digits, cuts in _prepare(blob):
        found = list(_groups(digits, cuts, 0, groups, size))
        if found:
            return found
    return []


def _groups(s: str, cuts: frozenset[int], start: int, groups: int, size: int) -> Iterator[list[str]]:
    if groups == 0:
        if start == len(s):
            yield []
        return
    for end in range(start + size, len(s) - (groups - 1) * size + 1):
        sub_cuts = frozenset(c - start for c in cuts if start < c < end)
        for split in _with_total(s[start:end], sub_cuts, size):
            for rest in _groups(s, cuts, end, groups - 1, size):
                yield [*split, *rest]


def resolve_jointly(
    candidates: Sequence[list[list[int]]],
    check: Callable[[list[list[int]]], bool],
    *,
    limit: int = 100_000,
) -> list[list[int]] | None:
    """Pick one candidate per row so that ``check`` holds; ``None`` unless exactly one pick does."""
    sizes = [len(c) for c in candidates]
    total = 1
    for s in sizes:
        total *= s
        if total > limit or s == 0:
            return None
    found: list[list[int]] | None = None
    for combo in itertools.product(*candidates):
        pick = list(combo)
        if check(pick):
            if found is not None:
                return None
            found = pick
    return found
