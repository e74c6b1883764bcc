"""Long fuzzing run over the targets of tests/faults/test_fuzz.py: `python -m bench.fuzz_long --minutes 30`.

The suite runs each target for a few dozen examples; this keeps drawing fresh examples (a new random seed per
round) until the time is up, and stops at the first failure with Hypothesis' minimal failing input.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from collections.abc import Sequence

from hypothesis import HealthCheck, given, seed, settings

from tests.faults.test_fuzz import TARGETS, warm_up


def fuzz_round(name: str, examples: int, round_seed: int) -> None:
    """Run one target for `examples` examples from `round_seed`; raises on the first failure."""
    strategy, check = TARGETS[name]
    test = seed(round_seed)(settings(max_examples=examples, deadline=30_000, database=None,
                                     suppress_health_check=list(HealthCheck))(given(strategy)(check)))
    test()


def main(argv: Sequence[str] | None = None) -> int:
    """Fuzz the chosen targets in turn until the time budget is spent; exit 1 on the first failure."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0, help="total time budget (default: %(default)s)")
    parser.add_argument("--examples", type=int, default=500, help="examples per round (default: %(default)s)")
    parser.add_argument("--targets", nargs="+", choices=sorted(TARGETS), default=sorted(TARGETS))
    args = parser.parse_args(argv)
    # trafilatura logs every page it cannot read; a fuzzer feeds it thousands.
    logging.disable(logging.CRITICAL)
    warm_up.__wrapped__()  # type: ignore[attr-defined]
    deadline = time.monotonic() + args.minutes * 60
    rounds = 0
    while time.monotonic() < deadline:
        for name in args.targets:
            round_seed = random.randrange(1 << 32)
            started = time.monotonic()
            try:
                fuzz_round(name, args.examples, round_seed)
            except Exception:
                print(f"FAILED {name} (seed {round_seed})", flush=True)
                raise
            print(f"{name}: {args.examples} examples in {time.monotonic() - started:.1f}s (seed {round_seed})",
                  flush=True)
            if time.monotonic() >= deadline:
                break
        rounds += 1
    print(f"done: {rounds} rounds over {len(args.targets)} targets, no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
