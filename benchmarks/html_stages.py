"""Where the HTML reader's time goes, stage by stage, beside the bare lxml parse.

    python benchmarks/html_stages.py [--repeat 15] [FILES...]

For each page: the median of ``lxml.html.fromstring`` (the baseline of ``run.py``), of
``dp.read`` as a whole, and of each stage of the reader timed inside one read: parse
(with the encoding check), drop (scripts, styles), find (the article), props (portal
metadata), blocks (the article's paragraphs and tables), free (the tree). ``floor`` is the
least any reader on lxml can cost: the parse, then every cell's spans and text read from
Python (no article finding, no rendering); its ratio to ``base`` bounds what optimising the
stages after the parse can reach. Each round
runs after a ``gc.collect()``, as ``run.py`` does, so stages pay the same cold caches
as in a real read. Not a test.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import statistics
import sys
import time
from pathlib import Path

import lxml.html
from lxml import etree

from disclosure_parser.document import RawDocument
from disclosure_parser.options import ParseOptions
from disclosure_parser.readers.html import reader
from disclosure_parser.readers.html.article import find_article
from disclosure_parser.readers.html.blocks import extract_blocks
from disclosure_parser.readers.html.dom import drop_non_content, trim_furniture
from disclosure_parser.readers.html.portal import page_properties

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
STAGES = ("parse", "drop", "find", "props", "blocks", "free")


def staged_read(data: bytes, options: ParseOptions) -> list[float]:
    """One read, as ``read_html`` does it, with the time of each stage."""
    marks = [time.perf_counter()]
    parsed, _ = reader._parse_bytes(data)
    marks.append(time.perf_counter())
    drop_non_content(parsed.root)
    marks.append(time.perf_counter())
    article = find_article(reader._body(parsed.root))
    marks.append(time.perf_counter())
    props = page_properties(parsed.root, article.root)
    marks.append(time.perf_counter())
    blocks = trim_furniture(extract_blocks(article.root, article.titles, options))
    RawDocument(blocks=blocks, format="html", properties=props)
    marks.append(time.perf_counter())
    del parsed, article
    marks.append(time.perf_counter())
    return [b - a for a, b in itertools.pairwise(marks)]


def touch_cells(data: bytes) -> int:
    """The floor: parse, and read each cell's spans and text in Python, as any table reader must."""
    root = etree.fromstring(data, etree.HTMLParser(encoding="utf-8"))
    return sum(
        len("".join(td.itertext())) + len(td.get("rowspan") or "") + len(td.get("colspan") or "")
        for td in root.iter("td", "th")
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args(argv)
    files = args.files or sorted(CORPUS.glob("*.html"))
    options = ParseOptions()
    head = f"{'file':<36} {'base':>6} {'read':>6} {'ratio':>5} {'floor':>6} {'ratio':>5}  "
    print(head + " ".join(f"{s:>6}" for s in STAGES))
    for path in files:
        data = path.read_bytes()
        reader.read_html(data)  # warm imports and caches once
        base, read, floor, stages = [], [], [], []
        for _ in range(args.repeat):
            gc.collect()
            t0 = time.perf_counter()
            lxml.html.fromstring(data)
            base.append(time.perf_counter() - t0)
            gc.collect()
            t0 = time.perf_counter()
            reader.read_html(data)
            read.append(time.perf_counter() - t0)
            gc.collect()
            t0 = time.perf_counter()
            touch_cells(data)
            floor.append(time.perf_counter() - t0)
            gc.collect()
            stages.append(staged_read(data, options))
        b, r, f = (statistics.median(times) * 1000 for times in (base, read, floor))
        cols = " ".join(f"{statistics.median(col) * 1000:6.2f}" for col in zip(*stages, strict=True))
        print(f"{path.name[:36]:<36} {b:6.2f} {r:6.2f} {r / b:5.2f} {f:6.2f} {f / b:5.2f}  {cols}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
