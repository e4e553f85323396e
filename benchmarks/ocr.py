"""OCR accuracy and speed: the corpus's text PDFs as image-only scans, scored against their truth.

    python benchmarks/ocr.py [--scale 2.0] [--dpi 200] [--pages N] [--verbose] [FILES...]

Every text-layer PDF of ``../shared/corpus`` (or FILES) is rendered to an image-only PDF
(``tests/readers/scans.py``: grey, JPEG-compressed, ``--dpi``), parsed with ``ocr="auto"``
and its cells compared with the truth file the way ``../shared/tools/score.py`` does
(exact values, a blank must be None). Each wrong cell is reported with its recognition
confidence and whether a relation finding (C1-C6) or an OCR reading finding (O1) names it.

``--scale`` overrides the render scale (pixels a point) to measure its effect; seconds
per page are the median over the pages of all files (parse time / pages). Not a test.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.readers.scans import image_only_pdf  # noqa: E402

import disclosure_parser as dp  # noqa: E402
from disclosure_parser.readers.pdf import ocr as pdf_ocr  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FLAG_CODES = {"C1", "C2", "C3", "C4", "C5", "C6", "O1"}
LOW = 0.9  # a confidence under this is "low": the cell deserves a look


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-6)


def text_pdfs(names: list[str]) -> list[Path]:
    if names:
        return [CORPUS / Path(n).name for n in names]
    return sorted(p for p in CORPUS.glob("*.pdf") if (p.with_name(p.name + ".truth.json")).exists())


def scan_of(path: Path, dpi: int, pages: int | None, cache: Path) -> Path:
    out = cache / f"{path.stem}_{dpi}dpi{'' if pages is None else f'_{pages}p'}.pdf"
    if not out.exists():
        out.write_bytes(image_only_pdf(path.read_bytes(), dpi=dpi, pages=pages))
    return out


def score(path: Path, scan: Path) -> dict[str, Any]:
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    report = dp.parse(scan, ocr="auto")
    seconds = time.perf_counter() - started
    cells = report.cell_map()
    flagged = {k for f in report.findings if f.code in FLAG_CODES for k in f.cells}
    wrong = []
    for key, expected in truth.get("cells", {}).items():
        cell = cells.get(key)
        got = cell.value if cell is not None else "<missing>"
        if not _same(got, expected):
            conf = cell.confidence if cell is not None else None
            wrong.append(
                {
                    "key": key,
                    "expected": expected,
                    "got": got,
                    "raw": cell.raw if cell is not None else None,
                    "confidence": conf,
                    "flagged": key in flagged,
                    "low": conf is not None and conf < LOW,
                }
            )
    return {
        "file": path.name,
        "status": report.status,
        "pages": report.meta.source.pages if report.meta.source else None,
        "seconds": seconds,
        "total": len(truth.get("cells", {})),
        "wrong": wrong,
        "o1": [f.message for f in report.findings if f.code == "O1"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--scale", type=float, default=None, help="render scale for OCR (pixels a point)")
    ap.add_argument("--dpi", type=int, default=200, help="resolution of the simulated scans")
    ap.add_argument("--pages", type=int, default=None, help="only the first N pages of each file (speed runs)")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "dp-ocr-scans")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    if args.scale is not None:
        pdf_ocr.SCALE = args.scale
    args.cache.mkdir(parents=True, exist_ok=True)
    results = []
    for path in text_pdfs(args.files):
        r = score(path, scan_of(path, args.dpi, args.pages, args.cache))
        results.append(r)
        bad = r["wrong"]
        unexplained = [w for w in bad if not (w["flagged"] or w["low"])]
        print(
            f"{r['file']:<44} {r['total'] - len(bad):>4}/{r['total']:<4} {r['status']:<9} "
            f"{r['pages']:>2} pages {r['seconds']:6.1f} s  {r['seconds'] / max(r['pages'] or 1, 1):5.2f} s/page  "
            f"wrong {len(bad)} (unflagged, confident: {len(unexplained)})"
        )
        if args.verbose:
            for w in bad:
                print(
                    f"    {w['key']}: expected {w['expected']!r} got {w['got']!r} raw {w['raw']!r} "
                    f"conf {w['confidence']} {'FLAGGED' if w['flagged'] else ''} {'LOW' if w['low'] else ''}"
                )
            for m in r["o1"]:
                print(f"    O1: {m}")
    total = sum(r["total"] for r in results)
    wrong = sum(len(r["wrong"]) for r in results)
    unexplained = sum(1 for r in results for w in r["wrong"] if not (w["flagged"] or w["low"]))
    per_page = [r["seconds"] / r["pages"] for r in results if r["pages"]]
    print(
        f"cells {total - wrong}/{total} = {100.0 * (total - wrong) / max(total, 1):.2f}% | wrong {wrong}, "
        f"neither flagged nor low-confidence {unexplained} | scale {pdf_ocr.SCALE} | scans {args.dpi} dpi | "
        f"median {statistics.median(per_page) if per_page else 0:.2f} s/page"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
