"""Reprocess throughput and memory: the real process stage over a WARC archive of N synthetic pages.

    python bench/bench_reprocess.py [--pages 100000] [--workers N]

Builds an archive of generated pages (bench.corpus layouts, one source per layout) with WarcArchive and the
matching `pages` rows in a temporary warehouse (not timed), then, in a fresh process, runs what
`lkks reprocess` runs: pipeline.run.process_pending(everything=True, workers=N). Prints pages/s and the peak
RSS of that process and of its largest worker (goal: each below 1 GB). The dedup stage that `reprocess` runs
next is not part of it: on this corpus of a few filler paragraphs every article resembles every other.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyarrow as pa

from bench.corpus import LAYOUTS, generate
from pipeline.archive import WarcArchive
from pipeline.config import Defaults, Source
from pipeline.fetch import FetchResult
from pipeline.urls import url_id
from pipeline.warehouse import Warehouse

# Pages generated per step; a multiple of the layouts so a page's layout follows from its number.
_CHUNK = 300 * len(LAYOUTS)
_FETCHED = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
_PAGE_COLUMNS = ("page_id", "run_id", "source", "kind", "url", "url_id", "final_url", "status", "outcome",
                 "not_modified", "body_sha256", "bytes", "fetched_at", "elapsed_seconds", "warc_path",
                 "warc_offset", "warc_length")


def _source_name(number: int) -> str:
    return f"bench-{LAYOUTS[number % len(LAYOUTS)]}"


def build(folder: Path, n: int) -> None:
    """Write the archive, the `pages` rows and the sources' body selectors into `folder`."""
    selectors: dict[str, str | None] = {}
    with WarcArchive(folder / "archive", "bench") as archive, Warehouse(folder / "bench.duckdb") as wh:
        for start in range(0, n, _CHUNK):
            rows: list[tuple[Any, ...]] = []
            for offset, page in enumerate(generate(min(_CHUNK, n - start), seed=start)):
                number = start + offset
                url = f"https://portal{number % 7}.example.id/berita/{number}"
                body = page.html.replace(page.url, url).encode()
                source = _source_name(number)
                selectors[source] = page.body_selector
                fetched = _FETCHED + dt.timedelta(seconds=number)
                ref = archive.write(FetchResult(
                    url=url, final_url=url, kind="article", source=source, status=200,
                    headers={"content-type": "text/html; charset=utf-8"}, body=body, text=None, fetched_at=fetched,
                    elapsed=0.0))
                rows.append((f"bench-{number:08d}", "bench-build", source, "article", url, url_id(url), url, 200, "ok",
                             False, hashlib.sha256(body).hexdigest(), len(body), fetched, 0.0, ref.path, ref.offset,
                             ref.length))
            columns = zip(_PAGE_COLUMNS, zip(*rows, strict=True), strict=True)
            chunk = pa.table({name: pa.array(list(values)) for name, values in columns})
            wh.con.register("chunk_rows", chunk)
            wh.con.execute(f"INSERT INTO pages ({', '.join(_PAGE_COLUMNS)}) SELECT * FROM chunk_rows")
            wh.con.unregister("chunk_rows")
    (folder / "selectors.json").write_text(json.dumps(selectors), encoding="utf-8")


def _sources(folder: Path) -> dict[str, Source]:
    selectors: dict[str, str | None] = json.loads((folder / "selectors.json").read_text(encoding="utf-8"))
    defaults = Defaults.model_validate({}).model_dump()
    return {name: Source.model_validate({**defaults, "name": name, "url": "https://bench.example.id/",
                                         "feeds": ["https://bench.example.id/feed"],
                                         "article": {"body_selector": selector}})
            for name, selector in selectors.items()}


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def measure(folder: Path, workers: int) -> dict[str, Any]:
    """Run the process stage over every archived page (as `reprocess` does); numbers of this process only."""
    from pipeline.run import process_pending

    sources = _sources(folder)
    stats: Counter[str] = Counter()
    result: dict[str, Any] = {}
    with Warehouse(folder / "bench.duckdb") as wh:
        start = time.perf_counter()
        new, updated = process_pending(wh, "bench-reprocess", sources, stats, everything=True, workers=workers)
        result["seconds"] = time.perf_counter() - start
        result["rss_main_mb"] = _peak_mb(resource.RUSAGE_SELF)
        result["rss_worker_mb"] = _peak_mb(resource.RUSAGE_CHILDREN)
        result["duckdb_mb"] = {tag: used / 1e6 for tag, used in wh.con.execute(
            "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes >= 1e6 ORDER BY 2 DESC"
        ).fetchall()}
        result["counts"] = wh.table_counts()
    result.update(new=new, updated=updated, events=stats["events"],
                  dropped=sum(n for key, n in stats.items() if key.startswith("dropped_page:")))
    return result


def _child(*args: str) -> str:
    """Run a phase in a fresh interpreter, so its peak RSS counts nothing of the others."""
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"phase {args[:2]} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def main() -> None:
    """Build the corpus, measure the process stage in a fresh process, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--phase", choices=("build", "measure"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "build":
        build(args.folder, args.pages)
        return
    if args.phase == "measure":
        print(json.dumps(measure(args.folder, args.workers)))
        return
    with tempfile.TemporaryDirectory(prefix="bench-reprocess-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        _child("--phase", "build", "--folder", tmp, "--pages", str(args.pages))
        built = time.perf_counter() - start
        warcs = sorted((folder / "archive").glob("*.warc.gz"))
        archive_mb = sum(path.stat().st_size for path in warcs) / 1e6
        out = json.loads(_child("--phase", "measure", "--folder", tmp, "--workers", str(args.workers))
                         .strip().splitlines()[-1])
    n, seconds = args.pages, out["seconds"]
    counts = out["counts"]
    rows = [
        ("pages", f"{n:,} ({len(LAYOUTS)} layouts), archive {archive_mb:,.0f} MB in {len(warcs)} WARC file(s), "
                  f"built in {built:.0f} s (not timed)"),
        ("workers", str(args.workers)),
        ("process stage", f"{seconds:8.1f} s  {n / seconds:8.1f} pages/s"),
        ("loaded", f"articles new {out['new']:,}, updated {out['updated']:,}, dropped pages {out['dropped']}, "
                   f"events {out['events']:,}, paragraphs {counts['paragraphs']:,}"),
        ("peak RSS main process", f"{out['rss_main_mb']:8.0f} MB"),
        ("peak RSS largest worker", f"{out['rss_worker_mb']:8.0f} MB" if out["rss_worker_mb"] else "no workers"),
        ("DuckDB memory at the end", ", ".join(f"{tag} {mb:.0f} MB" for tag, mb in out["duckdb_mb"].items())),
    ]
    for label, value in rows:
        print(f"{label:26s} {value}")
    worst = max(out["rss_main_mb"], out["rss_worker_mb"])
    print(f"{'goal: each process < 1 GB':26s} {'met' if worst < 1024 else 'NOT met'} (largest {worst:.0f} MB)")


if __name__ == "__main__":
    main()
