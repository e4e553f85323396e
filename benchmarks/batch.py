"""Throughput and memory of ``disclosure-parser batch`` with 1 and 2 workers.

    python benchmarks/batch.py [--docs 200] [--repeat 3]

Copies the readable reports of ``samples/`` and ``../shared/corpus`` into a temporary
folder until there are ``--docs`` files, each made distinct (the batch skips duplicate
content), then runs the batch into a fresh SQLite database with 1 and with 2 workers.
Prints median seconds and files/s of ``--repeat`` runs, the speed-up, and the peak RSS
of the parent and of the largest worker — run once with ``--docs 100`` and once with
``--docs 400`` to see that memory does not grow with the number of files. Not a test.
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from disclosure_parser.batch import ParseResult
from disclosure_parser.bulk import run_batch

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "samples", ROOT.parent / "shared" / "corpus"]
SUFFIXES = {".txt", ".md", ".html", ".docx", ".pdf"}


def _distinct(data: bytes, suffix: str, n: int) -> bytes:
    if suffix == ".docx":
        buf = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                dst.writestr(item, src.read(item.filename))
            dst.writestr(f"customXml/copy{n}.txt", str(n))
        return buf.getvalue()
    if suffix == ".pdf":
        return data + f"\n%copy {n}\n".encode()
    if suffix == ".html":
        return data + f"\n<!-- copy {n} -->\n".encode()
    return data + f"\n\n{n}\n".encode()


def make_corpus(folder: Path, docs: int) -> int:
    files = [p for d in SOURCES if d.is_dir() for p in sorted(d.iterdir()) if p.suffix in SUFFIXES]
    files = [p for p in files if p.name != "README.md"]
    for n in range(docs):
        src = files[n % len(files)]
        data = src.read_bytes()  # the appended digits are ASCII: valid in every encoding used here
        (folder / f"{n:05d}_{src.name}").write_bytes(_distinct(data, src.suffix, n))
    return docs


WORKER_RSS: list[float] = []


def _track(result: ParseResult) -> None:
    if result.worker_peak_rss_mb:
        WORKER_RSS.append(result.worker_peak_rss_mb)


def run(folder: Path, workers: int, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            summary = run_batch([str(folder)], Path(tmp) / "r.sqlite", workers=workers, progress=_track)
            times.append(time.perf_counter() - t0)
            assert summary.skipped == 0, summary.line()
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n = make_corpus(folder, args.docs)
        medians = {}
        for workers in (1, 2):
            times = run(folder, workers, args.repeat)
            medians[workers] = statistics.median(times)
            print(
                f"workers={workers}: median {medians[workers]:.2f} s over {args.repeat} runs "
                f"({n / medians[workers]:.1f} files/s)"
            )
        print(f"speed-up with 2 workers: {medians[1] / medians[2]:.2f}x")
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    first = statistics.median(WORKER_RSS[: max(1, len(WORKER_RSS) // 10)])
    print(
        f"peak RSS: parent {parent:.0f} MiB; workers: {first:.0f} MiB after their first files, "
        f"{max(WORKER_RSS):.0f} MiB at most ({n} documents)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
