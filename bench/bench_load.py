"""Load throughput: >= N fact rows through Warehouse.load_articles vs DuckDB ingesting the same rows as Arrow.

    python bench/bench_load.py [--rows 1000000]

Builds articles as pipeline.models dataclasses (paragraphs, events with organisations, officials, regions,
counts, dates in the proportions of a real run), loads them into a fresh DuckDB file in LOAD_BATCH batches
(one transaction each, as the process stage does), then measures in the same run the reference: the same rows,
exported as ready Arrow tables, inserted into another fresh file with plain `INSERT INTO ... SELECT *` in one
transaction. A row-by-row `executemany` baseline on a 20,000-row sample, extrapolated, is there for contrast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyarrow as pa

from bench.corpus import FILLER, NAMES, PLACES
from pipeline.models import (
    Analysis,
    Count,
    DateMention,
    Document,
    Event,
    EventType,
    Evidence,
    Official,
    Organization,
    OrgKind,
    Paragraph,
    RegionMention,
    RoleKind,
)
from pipeline.run import LOAD_BATCH
from pipeline.warehouse import FACT_TABLES, ArticleLoad, Warehouse

TABLES = ("articles", *FACT_TABLES)
SAMPLE_ROWS = 20_000
_EVENT_TYPES: tuple[EventType, ...] = ("inauguration", "coordination_meeting", "deliberation", "training",
                                       "aid_distribution", "visit")
_ORG_KINDS: tuple[OrgKind, ...] = ("LKKS", "LKS", "LKSA", "FORUM_LKS", "DINSOS")
_ROLES: tuple[tuple[str, RoleKind], ...] = (("Kepala Dinas Sosial", "head_of_social_office"),
                                            ("Ketua LKKS", "org_chair"), ("Bupati", "regent"),
                                            ("Sekretaris Daerah", "regional_secretary"))


def _article(rng: random.Random, number: int) -> ArticleLoad:
    """One article shaped like the process stage's output: about 10 paragraphs, 1-2 events, 2-4 officials."""
    place, province = rng.choice(PLACES)
    texts = [f"{place} — {rng.choice(FILLER)}" for _ in range(rng.randint(7, 12))]
    paragraphs = [Paragraph(i, text) for i, text in enumerate(texts)]
    paragraphs.append(Paragraph(len(paragraphs), f"Baca juga: berita nomor {number}", "boilerplate", "related"))
    if rng.random() < 0.3:
        paragraphs.append(Paragraph(len(paragraphs), texts[0], "duplicate", "exact", 0))
    published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
    span = Evidence(0, 0, rng.randint(40, 120))
    events = [Event(rng.choice(_EVENT_TYPES), published, f"{published.day}/{published.month}", None, None, "past",
                    [Organization(rng.choice(_ORG_KINDS), f"LKS {rng.choice(NAMES)}", "33.24")
                     for _ in range(rng.randint(1, 3))], "33.24", span)
              for _ in range(rng.choice((1, 1, 1, 2)))]
    officials = [Official(name, name, role, kind, rng.random() < 0.1, "33.24", Evidence(1, 10, 40), [name.split()[0]],
                          rng.randint(1, 3))
                 for name, (role, kind) in zip(rng.sample(NAMES, rng.randint(2, 4)), rng.sample(_ROLES, 4),
                                               strict=False)]
    regions = [RegionMention(province, "provinsi", "33", 1, span), RegionMention(place, "kabupaten", "33.24", 2, span)]
    dates = [DateMention(f"{published.day} Mei {published.year}", published, span),
             DateMention("Senin", published - dt.timedelta(days=2), Evidence(2, 0, 5))]
    counts = [Count(float(rng.randint(10, 200)), "peserta", "100 peserta", 0, 5, 16),
              Count(float(rng.randint(1, 900)) * 1e6, "rupiah", "Rp100 juta", 3, 20, 30)]
    document = Document(paragraphs, url=f"https://portal{number % 7}.example.id/berita/{number}",
                        title=f"Kegiatan LKKS {place} nomor {number}", published=published,
                        source=f"portal{number % 7}")
    analysis = Analysis(True, events, officials, regions, dates, counts)
    return ArticleLoad(f"a{number:08d}", document, analysis)


def _fact_rows(item: ArticleLoad) -> int:
    """Rows one article adds across the warehouse's tables (regions are unique per code)."""
    analysis = item.analysis
    return (1 + len(item.document.paragraphs) + len(analysis.events)
            + sum(len(e.organizations) for e in analysis.events) + len(analysis.officials)
            + len({r.code for r in analysis.regions}) + len(analysis.counts) + len(analysis.dates))


def build(rows: int) -> tuple[list[ArticleLoad], int]:
    """Articles until at least `rows` fact rows; with the exact row count."""
    rng = random.Random(11)
    items: list[ArticleLoad] = []
    total = 0
    while total < rows:
        items.append(_article(rng, len(items)))
        total += _fact_rows(items[-1])
    return items, total


def _batches(items: list[ArticleLoad]) -> Iterator[list[ArticleLoad]]:
    for start in range(0, len(items), LOAD_BATCH):
        yield items[start:start + LOAD_BATCH]


def load_through_warehouse(wh: Warehouse, items: list[ArticleLoad], run_id: str) -> float:
    """Seconds to load every article with Warehouse.load_articles, one LOAD_BATCH transaction at a time."""
    start = time.perf_counter()
    for batch in _batches(items):
        wh.load_articles(batch, run_id=run_id)
    return time.perf_counter() - start


def ingest_arrow(wh: Warehouse, tables: dict[str, pa.Table]) -> float:
    """Seconds for DuckDB to ingest ready Arrow tables: `INSERT INTO ... SELECT *`, one transaction."""
    con = wh.con
    start = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    for name, table in tables.items():
        con.register("ready_rows", table)
        con.execute(f"INSERT INTO {name} SELECT * FROM ready_rows")
        con.unregister("ready_rows")
    con.execute("COMMIT")
    return time.perf_counter() - start


def insert_row_by_row(wh: Warehouse, rows: dict[str, list[tuple[Any, ...]]]) -> float:
    """Seconds for `executemany` with one parameter tuple per row, one transaction."""
    con = wh.con
    start = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    for name, table_rows in rows.items():
        if table_rows:
            marks = ", ".join("?" for _ in table_rows[0])
            con.executemany(f"INSERT INTO {name} VALUES ({marks})", table_rows)
    con.execute("COMMIT")
    return time.perf_counter() - start


def main() -> None:
    """Run the three loads and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    items, total = build(args.rows)
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        folder = Path(tmp)
        with Warehouse(folder / "load.duckdb") as wh:
            seconds = load_through_warehouse(wh, items, "bench-1")
            per_table = wh.table_counts()
            reload = load_through_warehouse(wh, items, "bench-2")
            tables: dict[str, pa.Table] = {name: wh.con.sql(f"SELECT * FROM {name}").to_arrow_table()
                                           for name in TABLES}
        loaded = sum(per_table[name] for name in TABLES)
        assert loaded == total, f"loaded {loaded} rows, built {total}"

        with Warehouse(folder / "arrow.duckdb") as wh:
            reference = ingest_arrow(wh, tables)

        sample = {item.article_id for item in items[:len(items) * SAMPLE_ROWS // total + 1]}
        sample_rows = {name: [tuple(row.values()) for row in table.to_pylist() if row["article_id"] in sample]
                       for name, table in tables.items()}
        sampled = sum(len(rows) for rows in sample_rows.values())
        with Warehouse(folder / "rows.duckdb") as wh:
            row_by_row = insert_row_by_row(wh, sample_rows) * total / sampled

    print(f"fact rows: {total:,} in {len(items):,} articles ("
          + ", ".join(f"{name} {per_table[name]:,}" for name in TABLES) + ")")
    print(f"{'method':58s} {'seconds':>9s} {'rows/s':>11s} {'vs Arrow':>9s}")
    for label, spent in (
            (f"Warehouse.load_articles, batches of {LOAD_BATCH}, fresh file", seconds),
            ("  same batches again (replace: deletes + inserts)", reload),
            ("Arrow tables, INSERT ... SELECT *, one transaction", reference),
            (f"executemany row by row ({sampled:,}-row sample, extrapolated)", row_by_row)):
        print(f"{label:58s} {spent:9.2f} {total / spent:11,.0f} {spent / reference:8.2f}x")


if __name__ == "__main__":
    main()
