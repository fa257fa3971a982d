"""Warm parsed-content cache: time to load a generated bank of N questions (in-process).

    python benchmarks/cache_load.py [--count 10000] [--runs 7]

Writes the bank to a temp dir, fills the cache once, then times a warm `load_bank` through
the cache (every question from the cache, none parsed) N times and prints the median."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import write_bank  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QUIZ_CACHE_DIR"] = os.path.join(tmp, "cache")
        os.environ.pop("QUIZ_NO_CACHE", None)
        bank_dir = Path(tmp) / "bank"
        write_bank(bank_dir, args.count)
        from quizcli.bank import cache, loader

        cache.load_bank([bank_dir])  # fill
        whole = []
        for _ in range(args.runs):
            c = cache.ParseCache()
            t = time.perf_counter()
            bank = loader.load_bank([bank_dir], parse=c)
            whole.append(time.perf_counter() - t)
            assert len(bank) >= args.count and c.misses == 0, (len(bank), c.misses)
        print(f"questions={args.count} runs={args.runs} "
              f"warm_load_median_s={statistics.median(whole):.3f}")


if __name__ == "__main__":
    main()
