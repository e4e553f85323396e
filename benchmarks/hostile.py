"""Every hostile-input case with its outcome, parse time and peak RSS (each in its own process).

    python benchmarks/hostile.py [--filter SUBSTRING]

The same cases as ``tests/test_hostile.py`` (which asserts the bounds); this prints the table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_cases import CASES  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--filter", default="")
    args = ap.parse_args(argv)
    print(f"{'case':<44} {'outcome':<28} {'seconds':>8} {'peak RSS MB':>12}")
    for name in sorted(CASES):
        if args.filter not in name:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            proc = subprocess.run(
                [sys.executable, "-m", "tests.hostile_cases", name, tmp],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=300,
            )
        if proc.returncode:
            print(f"{name:<44} runner failed: {proc.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"{name:<44} {r['outcome']:<28} {r['seconds']:8.3f} {r['rss_mb']:12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
