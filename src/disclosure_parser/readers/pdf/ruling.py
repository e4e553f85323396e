"""Ruled tables: the grid rebuilt from the lines drawn on the page.

1. Ruling segments are snapped (a border drawn as two strokes, or in pieces cell by cell,
   becomes one segment) and only segments crossing at least two segments of the other
   direction are kept: an underline under a number touches no border and is not a rule.
2. Connected segments form one table. Its column boundaries are the x of its verticals,
   its row boundaries the y of its horizontals: an *atomic* grid.
3. Neighbouring atomic cells with no rule between them are one cell: that is how merged
   cells (``三、本年度办理结果`` over 22 rows, ``申请人情况`` over 7 columns) come out.
4. Each glyph goes to the cell holding its centre, so a number never straddles two cells.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from .model import Char, Edge

__all__ = ["CellBox", "PageTable", "cluster", "find_tables"]

_SNAP = 3.0  # points: rules closer than this are the same rule
_COVER = 0.6  # share of a cell side that must be ruled for it to count as a border
_EDGE = 2.0  # points: a table this close to the page edge is cut by it
_OVERHANG = 5.0  # points: rules running this far past the outermost crossing rule make an open side
_MAX_PAIRS = 250_000  # horizontal × vertical rules on a page: beyond, a drawing, not a table
_MAX_ATOMS = 20_000  # atomic cells of one table (the part-三 matrix has about 300)
_UNDERLINE_GAP = 4.0  # points: an underline lies this close under its glyphs' boxes
_UNDERLINED = 0.7  # share of a segment that glyphs right above it must cover for it to be an underline


@dataclass(slots=True)
class CellBox:
    """A cell as drawn: its box and its glyphs, per page (a cell continued across a page break has two parts)."""

    x0: float
    x1: float
    top: float
    bottom: float
    parts: list[tuple[int, list[Char]]] = field(default_factory=list)
    # Reaching the page's edge: real tables keep a margin, so the table is wider than the page
    # and was cut there; what the cell held may be cut off, so an empty one is unknown, not
    # blank. In shanghai_shizhengfu_bgt_2019_derived.pdf the 行政复议 结果维持 value 5 is cut
    # off this way (the column shows as a 6-point sliver at the left edge).
    off_page: bool = False

    @property
    def chars(self) -> list[Char]:
        return [c for _, chars in self.parts for c in chars]

    @property
    def page(self) -> int:
        return self.parts[0][0]


@dataclass(slots=True)
class PageTable:
    """A ruled table: boundaries of its atomic grid and the cells drawn over it."""

    page: int
    xs: list[float]
    ys: list[float]
    cells: list[CellBox]
    last_page: int = 0  # the page its last part is on (after stitching, a later page)

    def __post_init__(self) -> None:
        self.last_page = max(self.last_page, self.page)

    @property
    def x0(self) -> float:
        return self.xs[0]

    @property
    def x1(self) -> float:
        return self.xs[-1]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]


def cluster(values: Sequence[float], tol: float = _SNAP) -> list[float]:
    """Sorted values merged where consecutive ones are within ``tol``; each cluster's mean."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(group) / len(group) for group in out]


def _merge(edges: Sequence[Edge]) -> list[Edge]:
    """Collinear segments within snapping distance joined into one."""
    merged: list[Edge] = []
    for horizontal in (True, False):
        same = sorted((e for e in edges if e.horizontal is horizontal), key=lambda e: e.pos)
        groups: list[list[Edge]] = []
        for e in same:
            if groups and e.pos - groups[-1][-1].pos <= _SNAP:
                groups[-1].append(e)
            else:
                groups.append([e])
        for group in groups:
            pos = sum(e.pos for e in group) / len(group)
            current: Edge | None = None
            for e in sorted(group, key=lambda e: e.start):
                if current is not None and e.start <= current.end + _SNAP:
                    current.end = max(current.end, e.end)
                else:
                    current = Edge(horizontal, pos, e.start, e.end)
                    merged.append(current)
    return merged


def _crosses(h: Edge, v: Edge) -> bool:
    return v.start - _SNAP <= h.pos <= v.end + _SNAP and h.start - _SNAP <= v.pos <= h.end + _SNAP


def _rules(edges: Sequence[Edge]) -> tuple[list[Edge], list[Edge]]:
    """Keep segments that cross a segment of the other direction (twice, as removals cascade).

    An underline crosses nothing; a rule of a table without outer side borders crosses
    only the inner ones, so one crossing is enough.
    """
    hs = [e for e in edges if e.horizontal]
    vs = [e for e in edges if not e.horizontal]
    if len(hs) * len(vs) > _MAX_PAIRS:
        return [], []
    for _ in range(2):
        hs = [h for h in hs if any(_crosses(h, v) for v in vs)]
        vs = [v for v in vs if any(_crosses(h, v) for h in hs)]
    return hs, vs


def _without_underlines(hs: list[Edge], vs: list[Edge], chars: Sequence[Char]) -> list[Edge]:
    """Drop the horizontal segments that underline text: such a segment reaches a vertical at
    one end at most (a cell border runs from vertical to vertical) and lies right under glyphs
    that cover most of it. An underline starting within ``_SNAP`` of a column's border passed
    for a rule and cut a number wrapped in its cell in two (``590`` over ``7``, read as 590)."""
    candidates = [h for h in hs if sum(1 for v in vs if _crosses(h, v)) <= 1]
    if not candidates:
        return hs
    by_bottom = sorted(chars, key=lambda c: c.bottom)
    bottoms = [c.bottom for c in by_bottom]
    drop = {id(h) for h in candidates if _underlines_text(h, by_bottom, bottoms)}
    return [h for h in hs if id(h) not in drop]


def _underlines_text(h: Edge, by_bottom: list[Char], bottoms: list[float]) -> bool:
    lo, hi = bisect_right(bottoms, h.pos - _UNDERLINE_GAP), bisect_right(bottoms, h.pos + 1.0)
    spans = sorted((max(c.x0, h.start), min(c.x1, h.end)) for c in by_bottom[lo:hi] if c.x1 > h.start and c.x0 < h.end)
    covered, reach = 0.0, h.start
    for a, b in spans:
        if b > reach:
            covered += b - max(a, reach)
            reach = b
    return covered >= _UNDERLINED * h.length


def _components(hs: list[Edge], vs: list[Edge]) -> list[tuple[list[Edge], list[Edge]]]:
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if _crosses(h, v):
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Edge], list[Edge]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return list(groups.values())


def _by_line(segments: list[Edge], bounds: list[float]) -> list[list[Edge]]:
    """Segments grouped by the boundary they lie on (none for an open side added by overhang)."""
    out: list[list[Edge]] = [[] for _ in bounds]
    for e in segments:
        i = min(range(len(bounds)), key=lambda k: abs(bounds[k] - e.pos))
        if abs(bounds[i] - e.pos) <= _SNAP:
            out[i].append(e)
    return out


def _covered(segments: list[Edge], a: float, b: float) -> bool:
    """Whether the side from ``a`` to ``b`` is ruled (mostly) by ``segments`` lying on its line."""
    total = sum(max(0.0, min(e.end, b) - max(e.start, a)) for e in segments)
    return total >= _COVER * (b - a)


def _bounds(positions: list[float], ends: list[Edge]) -> list[float]:
    """Boundaries from rule positions, widened where the rules of the other direction run on
    past the outermost one (a table drawn without its outer side borders)."""
    bounds = cluster(positions)
    lo, hi = min(e.start for e in ends), max(e.end for e in ends)
    if lo < bounds[0] - _OVERHANG:
        bounds.insert(0, lo)
    if hi > bounds[-1] + _OVERHANG:
        bounds.append(hi)
    return bounds


class _Grid:
    """Union-find over the atomic cells of one table."""

    def __init__(self, xs: list[float], ys: list[float], hs: list[Edge], vs: list[Edge]) -> None:
        self.xs, self.ys = xs, ys
        self.nr, self.nc = len(ys) - 1, len(xs) - 1
        self.parent = list(range(self.nr * self.nc))
        v_at, h_at = _by_line(vs, xs), _by_line(hs, ys)
        for r in range(self.nr):
            for c in range(self.nc):
                if c + 1 < self.nc and not _covered(v_at[c + 1], ys[r], ys[r + 1]):
                    self.union(r * self.nc + c, r * self.nc + c + 1)
                if r + 1 < self.nr and not _covered(h_at[r + 1], xs[c], xs[c + 1]):
                    self.union(r * self.nc + c, (r + 1) * self.nc + c)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)

    def cells(self, page: int) -> tuple[list[CellBox], dict[int, CellBox]]:
        spans: dict[int, list[int]] = {}
        for i in range(self.nr * self.nc):
            r, c = divmod(i, self.nc)
            s = spans.setdefault(self.find(i), [r, r, c, c])
            s[0], s[1], s[2], s[3] = min(s[0], r), max(s[1], r), min(s[2], c), max(s[3], c)
        by_root: dict[int, CellBox] = {}
        for root, (r0, r1, c0, c1) in spans.items():
            by_root[root] = CellBox(self.xs[c0], self.xs[c1 + 1], self.ys[r0], self.ys[r1 + 1], [(page, [])])
        cells = sorted(by_root.values(), key=lambda b: (b.top, b.x0))
        return cells, by_root

    def locate(self, ch: Char, width: float) -> int | None:
        """Atomic cell index holding the glyph's centre, or ``None`` when it lies outside the table.

        A table cut by the page edge (wider than the page: HTML converted to PDF) keeps the
        text the file has beyond that edge, in the cell of its row at the edge: the file's
        text layer holds ``一、本年新收政府`` left of the page where the rules stop at x = 0.
        """
        x, y = ch.cx, ch.cy
        if not self.ys[0] - 1 <= y <= self.ys[-1] + 1:
            return None
        left = self.xs[0] - 1 if self.xs[0] > _EDGE else float("-inf")
        right = self.xs[-1] + 1 if self.xs[-1] < width - _EDGE else float("inf")
        if not left <= x <= right:
            return None
        c = min(max(bisect_right(self.xs, x) - 1, 0), self.nc - 1)
        r = min(max(bisect_right(self.ys, y) - 1, 0), self.nr - 1)
        return self.find(r * self.nc + c)


def find_tables(
    page: int, edges: Sequence[Edge], chars: Sequence[Char], width: float
) -> tuple[list[PageTable], list[Char]]:
    """Ruled tables on one page and the glyphs left outside them.

    A table needs at least two columns (a framed paragraph is not a table) and some text.
    """
    hs, vs = _rules(_merge(edges))
    hs = _without_underlines(hs, vs, chars)
    tables: list[PageTable] = []
    rest = list(chars)
    for ch_edges, cv_edges in _components(hs, vs):
        xs, ys = _bounds([v.pos for v in cv_edges], ch_edges), _bounds([h.pos for h in ch_edges], cv_edges)
        if len(xs) < 3 or len(ys) < 2 or (len(xs) - 1) * (len(ys) - 1) > _MAX_ATOMS:
            continue
        grid = _Grid(xs, ys, ch_edges, cv_edges)
        cells, by_root = grid.cells(page)
        for cell in cells:
            cell.off_page = cell.x0 <= _EDGE or cell.x1 >= width - _EDGE
        outside: list[Char] = []
        for ch in rest:
            root = grid.locate(ch, width)
            if root is None:
                outside.append(ch)
            else:
                by_root[root].parts[0][1].append(ch)
        if len(outside) == len(rest) or len(cells) < 2:
            continue  # no text inside: decoration, not a table
        rest = outside
        tables.append(PageTable(page, xs, ys, cells))
    tables.sort(key=lambda t: t.top)
    return tables, rest
