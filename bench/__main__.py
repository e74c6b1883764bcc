"""Run every benchmark in turn, each in its own process: `python -m bench` (add --quick for a short smoke run)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

_HERE = Path(__file__).resolve().parent

# (script, full-size arguments, quick arguments): the full sizes are the ones the README reports.
BENCHMARKS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("bench_pipeline.py", ("--pages", "1000"), ("--pages", "200")),
    ("bench_load.py", ("--rows", "1000000"), ("--rows", "20000")),
    ("bench_crawl.py", ("--pages", "500"), ("--pages", "100")),
    ("bench_dedup.py", ("--paragraphs", "1000000"), ("--paragraphs", "20000", "--sample", "2000")),
    ("bench_reprocess.py", ("--pages", "100000"), ("--pages", "2000")),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks named (default: all) and say which failed."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes: checks the benchmarks run, not speed")
    parser.add_argument("only", nargs="*", help="benchmark names to run, e.g. pipeline load (default: all)")
    args = parser.parse_args(argv)
    chosen = [b for b in BENCHMARKS if not args.only or b[0].removeprefix("bench_").removesuffix(".py") in args.only]
    failed: list[str] = []
    for script, full, quick in chosen:
        command = [sys.executable, str(_HERE / script), *(quick if args.quick else full)]
        print(f"\n=== {script} {' '.join(command[2:])}", flush=True)
        started = time.perf_counter()
        # Each benchmark in a fresh process, so one's memory and caches cannot flatter the next.
        result = subprocess.run(command, check=False)
        print(f"=== {script}: exit {result.returncode} after {time.perf_counter() - started:.0f} s", flush=True)
        if result.returncode:
            failed.append(script)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
