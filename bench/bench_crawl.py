"""Crawl benchmark: N generated article pages on the local FakeWeb, then a no-change conditional re-run.

Run: python bench/bench_crawl.py [--pages 500] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pipeline.config import Defaults, Source
from pipeline.demo.server import FakeWeb
from pipeline.discover import discover
from pipeline.fetch import Fetcher, FetchResult

WORDS = ["lembaga", "kesejahteraan", "sosial", "koordinasi", "pengurus", "bantuan", "panti", "asuhan", "yayasan", "dinas", "sosial", "kabupaten", "kota", "provinsi", "musyawarah", "pelantikan", "pelatihan", "akreditasi", "anak", "lansia", "disabilitas"]


def build_site(root: Path, pages: int, seed: int = 7) -> None:
    """Write `pages` article pages (~25 KB each, with boilerplate) and a sitemap listing them."""
    rng = random.Random(seed)
    boilerplate = "".join(f"<li><a href='/kategori/{i}'>Kategori {i}</a></li>" for i in range(150))
    urls = []
    for number in range(pages):
        paragraphs = "".join("<p>" + " ".join(rng.choice(WORDS) for _ in range(60)) + ".</p>" for _ in range(12))
        path = root / "berita" / f"lkks-{number:05d}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><html><head><meta charset='utf-8'><title>LKKS {number}</title></head>"
                        f"<body><nav><ul>{boilerplate}</ul></nav><article><h1>LKKS berita {number}</h1>"
                        f"{paragraphs}</article><footer>{boilerplate}</footer></body></html>", encoding="utf-8")
        urls.append(f"<url><loc>{{{{base:bench}}}}/berita/lkks-{number:05d}</loc><lastmod>2025-06-14</lastmod></url>")
    (root / "sitemap.xml").write_text('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                      + "".join(urls) + "</urlset>", encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")


@dataclass
class RunStats:
    """Numbers of one crawl pass."""

    seconds: float
    requests: int
    body_bytes: int
    ok: int
    not_modified: int
    failed: int


async def crawl(source: Source, concurrency: int, validators: dict[str, tuple[str | None, str | None]]
                ) -> tuple[RunStats, dict[str, tuple[str | None, str | None]]]:
    """Discover via the sitemap and fetch every article, conditionally when validators are known."""
    started = time.perf_counter()
    async with Fetcher([source], allow_private=True, global_concurrency=concurrency) as fetcher:
        found = await discover(source, fetcher, now=datetime(2025, 6, 15, tzinfo=UTC), validators=validators)
        urls = [c.url for c in found.candidates] or [u for u in validators if "/berita/" in u]

        async def one(url: str) -> FetchResult:
            etag, last_modified = validators.get(url, (None, None))
            return await fetcher.fetch(url, source, "article", etag=etag, last_modified=last_modified)

        articles = await asyncio.gather(*(one(url) for url in urls))
    seen = {r.url: (r.etag, r.last_modified) for r in [*found.fetched, *articles] if r.ok}
    learned = {**validators, **seen}
    stats = RunStats(seconds=time.perf_counter() - started, requests=fetcher.stats["requests"],
                     body_bytes=fetcher.stats["bytes_received"], ok=sum(r.ok for r in articles),
                     not_modified=sum(r.not_modified for r in articles),
                     failed=sum(1 for r in articles if r.error is not None))
    return stats, learned


def main() -> None:
    """Run both passes and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "bench"
        build_site(root, args.pages)
        with FakeWeb({"bench": root}, first_host=200) as web:
            base = web.base_url("bench")
            source = Source.model_validate({
                **Defaults.model_validate({}).model_dump(), "name": "bench", "url": base + "/", "sitemaps": [base + "/sitemap.xml"],
                "delay_seconds": 0.0, "concurrency_per_host": min(args.concurrency, 32), "max_age_days": None,
                "max_page_bytes": 5_000_000})
            first, validators = asyncio.run(crawl(source, args.concurrency, {}))
            second, _ = asyncio.run(crawl(source, args.concurrency, validators))
    print("(requests include robots.txt and the sitemap; bytes are response bodies as received)")
    print(f"first run : {first.ok} articles ok, {first.failed} failed in {first.seconds:.2f} s "
          f"= {first.ok / first.seconds:.0f} pages/s; {first.requests} requests, {first.body_bytes / 1e6:.1f} MB bodies")
    print(f"re-run    : {second.not_modified} not modified, {second.ok} ok, {second.failed} failed in "
          f"{second.seconds:.2f} s; {second.requests} requests, {second.body_bytes / 1e3:.1f} kB bodies")
    print(f"ratio     : requests {second.requests / max(first.requests, 1):.2f}, "
          f"body bytes {second.body_bytes / max(first.body_bytes, 1):.4f} (re-run / first run)")


if __name__ == "__main__":
    main()
