"""Speed of a full parse against a baseline measured in the same run, per format.

    python benchmarks/run.py [--repeat 30] [FILES...]

Baselines (what any pipeline pays anyway, so the ratio says what *we* add):
  txt/md  reading the file and decoding it
  docx    python-docx's bare ``docx.Document(path)``
  pdf     pdfplumber's bare ``extract_text()`` over every page
  html    ``lxml.html.fromstring`` of the page

Prints, for each file, the median full-parse time, the median baseline time and
their ratio, then the reader alone (``dp.read``: bytes → RawDocument) and its ratio;
then, per format, the medians over the files. The three are timed interleaved, one
call of each per round after a ``gc.collect()``, so a noisy neighbour on the shared
machine slows all of them alike and no call pays for the previous one's garbage;
medians of the rounds. Each call's result is kept until its clock has stopped, so no call
pays for freeing what it built (python-docx's tree has reference cycles and would otherwise be
freed by the next round's collection, its cost charged to whichever call came next), and the
calls come in a shuffled order each round, so none always follows the same neighbour.
Not a test.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import disclosure_parser as dp

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def _txt_baseline(path: Path) -> object:
    return path.read_bytes().decode("utf-8", errors="replace")


def _docx_baseline(path: Path) -> object:
    import docx

    return docx.Document(str(path))


def _pdf_baseline(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def _html_baseline(path: Path) -> object:
    import lxml.html

    return lxml.html.fromstring(path.read_bytes())


BASELINES: dict[str, tuple[str, Callable[[Path], None]]] = {
    ".txt": ("read+decode", _txt_baseline),
    ".md": ("read+decode", _txt_baseline),
    ".docx": ("docx.Document", _docx_baseline),
    ".pdf": ("pdfplumber extract_text", _pdf_baseline),
    ".html": ("lxml.html.fromstring", _html_baseline),
}


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    return interleaved_ms([fn], repeat)[0]


def interleaved_ms(fns: list[Callable[[], object]], repeat: int) -> list[float]:
    """Median milliseconds of each function, timed round-robin: one call of each per round."""
    for fn in fns:
        fn()  # warm caches and imports once, outside the measurement
    times: list[list[float]] = [[] for _ in fns]
    rnd = random.Random(0)  # a fixed shuffle per round: the same orders every run
    order = list(range(len(fns)))
    for _ in range(repeat):
        rnd.shuffle(order)  # no call always follows the same neighbour
        for i in order:
            gc.collect()  # garbage of the previous call is not charged to this one
            t0 = time.perf_counter()
            result = fns[i]()
            times[i].append(time.perf_counter() - t0)
            del result  # freed after the clock stopped, for every call alike
    return [statistics.median(acc) * 1000 for acc in times]


def default_files() -> list[Path]:
    files = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in BASELINES)
    if CORPUS.is_dir():
        files += sorted(p for p in CORPUS.iterdir() if p.suffix in BASELINES and p.name != "README.md")
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args(argv)
    files = args.files or default_files()
    print(f"{'file':<44} {'parse ms':>9} {'baseline ms':>12}  {'ratio':>6}  {'read ms':>8}  {'ratio':>6}  baseline")
    by_format: dict[str, list[tuple[float, float, float]]] = {}
    for path in files:
        name, baseline = BASELINES[path.suffix]
        try:
            dp.parse(path)
        except dp.DisclosureParserError as exc:
            print(f"{path.name:<44} error: {exc}")
            continue
        fns = [lambda p=path: dp.parse(p), lambda p=path, b=baseline: b(p), lambda p=path: dp.read(p)]
        try:
            full, base, read = interleaved_ms(fns, args.repeat)  # type: ignore[misc]
        except ImportError as exc:
            print(f"{path.name:<44} (baseline unavailable: {exc})")
            continue
        ratio = full / base if base else float("inf")
        read_ratio = read / base if base else float("inf")
        by_format.setdefault(path.suffix, []).append((full, ratio, read_ratio))
        print(f"{path.name:<44} {full:9.2f} {base:12.3f}  {ratio:6.2f}  {read:8.2f}  {read_ratio:6.2f}  {name}")
    print()
    for suffix, rows in sorted(by_format.items()):
        full_ms, ratio, read_ratio = (statistics.median(col) for col in zip(*rows, strict=True))
        print(
            f"{suffix:<6} median full parse {full_ms:.2f} ms over {len(rows)} files; "
            f"median ratio to baseline: parse {ratio:.2f}, read {read_ratio:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
