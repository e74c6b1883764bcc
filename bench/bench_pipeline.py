"""Offline throughput: the whole pipeline per article vs trafilatura.extract alone, measured in one run.

    python bench/bench_pipeline.py [--pages 1000] [--workers N]

Prints, against trafilatura.extract alone in one process (the reference):
  - the whole pipeline (extract, clean, analyse, load) in one process, with per-stage seconds;
  - the whole pipeline spread over `--workers` processes (default: all cores) the way `lkks run` spreads it
    (pool from `pipeline.run.start_pool`):
    workers extract, clean and analyse batches of pages, this process loads them in LOAD_BATCH transactions;
    wall time from the pool's start (worker start-up included) to the last commit;
  - the analysis stage alone in articles/s on one core and on all cores.
The goal is a ratio <= 1.0.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura
from selectolax.lexbor import LexborHTMLParser

from bench.corpus import Page, generate
from pipeline import analyse, clean, extract
from pipeline.config import ArticleHints
from pipeline.models import Analysis, Document
from pipeline.run import LOAD_BATCH, in_order, start_pool
from pipeline.warehouse import ArticleLoad, Warehouse


def _timed(label: str, times: dict[str, float], start: float) -> float:
    now = time.perf_counter()
    times[label] = times.get(label, 0.0) + now - start
    return now


def _document(page: Page) -> Document:
    hints = ArticleHints(body_selector=page.body_selector) if page.body_selector else None
    document = extract.from_html(page.html, url=page.url, hints=hints)
    return clean.clean(document)


def _analyse_chunk(documents: list[Document]) -> int:
    return sum(len(a.events) for a in analyse.analyse_many(documents))


def _process_chunk(pages: list[Page]) -> list[tuple[Document, Analysis]]:
    """Extract, clean and analyse a worker's share of pages (what a worker call does in a run)."""
    documents = [_document(page) for page in pages]
    return list(zip(documents, analyse.analyse_many(documents), strict=True))


def _load(wh: Warehouse, results: Iterator[tuple[Document, Analysis]]) -> None:
    batch: list[ArticleLoad] = []
    for number, (document, analysis) in enumerate(results):
        batch.append(ArticleLoad(f"a{number}", document, analysis))
        if len(batch) >= LOAD_BATCH:
            wh.load_articles(batch, run_id="bench")
            batch = []
    if batch:
        wh.load_articles(batch, run_id="bench")


def one_process(pages: list[Page], folder: Path) -> tuple[dict[str, float], list[Document], dict[str, int]]:
    """Per-stage seconds of the whole pipeline in this process, the cleaned documents, and the rows loaded."""
    times: dict[str, float] = {}
    documents: list[Document] = []
    with Warehouse(folder / "one.duckdb") as wh:
        t = time.perf_counter()
        for page in pages:
            hints = ArticleHints(body_selector=page.body_selector) if page.body_selector else None
            document = extract.from_html(page.html, url=page.url, hints=hints)
            t = _timed("extract", times, t)
            clean.clean(document)
            t = _timed("clean", times, t)
            documents.append(document)
        analyses = list(analyse.analyse_many(documents))
        t = _timed("analyse", times, t)
        loads = [ArticleLoad(f"a{i}", d, a) for i, (d, a) in enumerate(zip(documents, analyses, strict=True))]
        for start_at in range(0, len(loads), LOAD_BATCH):
            wh.load_articles(loads[start_at:start_at + LOAD_BATCH], run_id="bench")
        _timed("load", times, t)
        rows = wh.table_counts()
    return times, documents, rows


def all_cores(pages: list[Page], folder: Path, workers: int) -> tuple[float, dict[str, int]]:
    """Wall seconds of the whole pipeline over `workers` processes, and the rows loaded."""
    with Warehouse(folder / "pool.duckdb") as wh:
        start = time.perf_counter()
        with start_pool(workers) as pool:
            _load(wh, in_order(pool, pages, workers, _process_chunk))
        seconds = time.perf_counter() - start
        rows = wh.table_counts()
    return seconds, rows


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the all-cores measurements (default: all cores)")
    args = parser.parse_args()
    workers = max(1, args.workers)
    pages: list[Page] = generate(args.pages)
    analyse.build_nlp()  # model set-up is paid once per process, not per page (start_pool's workers inherit it)

    start = time.perf_counter()
    for page in pages:
        trafilatura.extract(page.html, url=page.url)
    reference = time.perf_counter() - start

    start = time.perf_counter()
    for page in pages:
        LexborHTMLParser(page.html)
    parse_only = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        times, documents, rows_one = one_process(pages, Path(tmp))
        pooled, rows_pool = all_cores(pages, Path(tmp), workers)
    whole = sum(times.values())

    n = len(pages)
    print(f"pages: {n}, cores: {os.cpu_count()}, workers: {workers}")
    print(f"{'trafilatura.extract alone, one process':44s} {reference:8.2f} s  {n / reference:8.1f} pages/s  "
          "(reference)")
    print(f"{'selectolax parse alone':44s} {parse_only:8.2f} s  {n / parse_only:8.1f} pages/s  "
          f"ratio {parse_only / reference:5.2f}")
    print(f"{'whole pipeline, one process':44s} {whole:8.2f} s  {n / whole:8.1f} pages/s  "
          f"ratio {whole / reference:5.2f}")
    for stage, seconds in times.items():
        print(f"  {stage:42s} {seconds:8.2f} s  {seconds / whole * 100:5.1f} % of pipeline")
    print(f"{f'whole pipeline, {workers} worker processes (wall)':44s} {pooled:8.2f} s  {n / pooled:8.1f} pages/s  "
          f"ratio {pooled / reference:5.2f}  (worker start-up included)")
    if rows_pool != rows_one:  # the pooled run must load the same facts, or its time means nothing
        raise SystemExit(f"the pooled run loaded different rows: {rows_pool} vs {rows_one}")

    start = time.perf_counter()
    _analyse_chunk(documents)
    one_core = time.perf_counter() - start
    chunks = [documents[i::workers] for i in range(workers)]
    start = time.perf_counter()
    with start_pool(workers) as pool:
        list(pool.map(_analyse_chunk, chunks))
    spread = time.perf_counter() - start
    print(f"analysis alone: {n / one_core:8.1f} articles/s on one core, {n / spread:8.1f} articles/s on "
          f"{workers} worker processes (worker start-up included)")


if __name__ == "__main__":
    main()
