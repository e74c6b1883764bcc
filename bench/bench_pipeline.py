"""Offline throughput: the whole pipeline per article vs trafilatura.extract alone, measured in one run.

    python bench/bench_pipeline.py [--pages 1000]

Prints per-stage seconds and the ratio whole-pipeline / trafilatura (goal <= 1.0), then the analysis stage
alone in articles/s on one core and on all cores.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura
from selectolax.lexbor import LexborHTMLParser

from bench.corpus import Page, generate
from pipeline import analyse, clean, extract
from pipeline.config import ArticleHints
from pipeline.models import Document
from pipeline.run import LOAD_BATCH
from pipeline.warehouse import ArticleLoad, Warehouse


def _timed(label: str, times: dict[str, float], start: float) -> float:
    now = time.perf_counter()
    times[label] = times.get(label, 0.0) + now - start
    return now


def _analyse_chunk(documents: list[Document]) -> int:
    return sum(len(a.events) for a in analyse.analyse_many(documents))


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    pages: list[Page] = generate(args.pages)
    analyse.build_nlp()  # model set-up is paid once per process, not per page

    start = time.perf_counter()
    for page in pages:
        trafilatura.extract(page.html, url=page.url)
    reference = time.perf_counter() - start

    start = time.perf_counter()
    for page in pages:
        LexborHTMLParser(page.html)
    parse_only = time.perf_counter() - start

    times: dict[str, float] = {}
    documents: list[Document] = []
    with tempfile.TemporaryDirectory() as folder:
        wh = Warehouse(Path(folder) / "bench.duckdb")
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
        wh.close()
    whole = sum(times.values())

    n = len(pages)
    print(f"pages: {n}")
    print(f"{'trafilatura.extract alone':32s} {reference:8.2f} s  {n / reference:8.1f} pages/s  (reference)")
    print(f"{'selectolax parse alone':32s} {parse_only:8.2f} s  {n / parse_only:8.1f} pages/s  "
          f"ratio {parse_only / reference:5.2f}")
    for stage, seconds in times.items():
        print(f"  {stage:30s} {seconds:8.2f} s  {seconds / whole * 100:5.1f} % of pipeline")
    print(f"{'whole pipeline':32s} {whole:8.2f} s  {n / whole:8.1f} pages/s  ratio {whole / reference:5.2f}")

    start = time.perf_counter()
    _analyse_chunk(documents)
    one_core = time.perf_counter() - start
    workers = os.cpu_count() or 1
    chunks = [documents[i::workers] for i in range(workers)]
    start = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_analyse_chunk, chunks))
    all_cores = time.perf_counter() - start
    print(f"analysis alone: {n / one_core:8.1f} articles/s on one core, {n / all_cores:8.1f} articles/s on "
          f"{workers} cores (including worker start-up)")


if __name__ == "__main__":
    main()
