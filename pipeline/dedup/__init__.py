"""Dedup stage: near-duplicate article clusters (syndicated copies) and one group per real-world event.

`deduplicate` recomputes both for the whole warehouse in one transaction. Article bodies are compared by
MinHash/LSH over word shingles of their kept paragraphs (signatures persist in `article_signatures`, so only
new or changed articles are hashed), candidates are verified by exact Jaccard, and connected components
become clusters whose canonical article is the earliest. Events are then grouped: same-type events of one
cluster always, and across outlets when type, dates (±3 days), places and people or organisations agree.
The result depends only on the warehouse content, never on the order it was loaded in.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import duckdb

from pipeline.dedup.articles import cluster_articles, load_articles, refresh_signatures, write_clusters
from pipeline.dedup.events import DATE_WINDOW_DAYS, group_events, load_events, write_groups
from pipeline.dedup.minhash import MinHashParams

SIMILARITY_THRESHOLD = 0.5
ARTICLE_PARAMS = MinHashParams()

DEDUP_SCHEMA = """
CREATE TABLE IF NOT EXISTS article_signatures (
    article_id VARCHAR PRIMARY KEY, body_hash VARCHAR, minhash BLOB, n_shingles INTEGER, method VARCHAR);
CREATE TABLE IF NOT EXISTS article_clusters (
    article_id VARCHAR PRIMARY KEY, cluster_id VARCHAR, canonical_article_id VARCHAR, similarity DOUBLE);
CREATE TABLE IF NOT EXISTS event_groups (
    group_id VARCHAR PRIMARY KEY, type VARCHAR, region_code VARCHAR, date_start DATE, date_end DATE,
    canonical_event_id VARCHAR, n_articles INTEGER, n_sources INTEGER, organizations VARCHAR,
    key_officials VARCHAR);
CREATE TABLE IF NOT EXISTS event_mentions (
    group_id VARCHAR, event_id VARCHAR, article_id VARCHAR, source VARCHAR, paragraph INTEGER,
    PRIMARY KEY (group_id, event_id));
"""


@dataclass(frozen=True, slots=True)
class DedupStats:
    """What one dedup pass found."""

    articles: int
    clusters: int
    duplicates: int
    event_groups: int
    events: int
    signatures_computed: int = 0


def deduplicate(con: duckdb.DuckDBPyConnection, *, threshold: float = SIMILARITY_THRESHOLD,
                window_days: int = DATE_WINDOW_DAYS) -> DedupStats:
    """Recompute article_clusters, event_groups and event_mentions for the whole warehouse, atomically."""
    con.execute(DEDUP_SCHEMA)
    con.execute("BEGIN TRANSACTION")
    try:
        computed = refresh_signatures(con, ARTICLE_PARAMS)
        articles = load_articles(con)
        clusters = cluster_articles(con, articles, ARTICLE_PARAMS, threshold)
        write_clusters(con, clusters)
        events = load_events(con, {a.article_id: a for a in articles}, {c.article_id: c.cluster_id for c in clusters})
        groups = group_events(events, window=window_days)
        write_groups(con, groups)
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):  # keep the real cause, not the rollback's
            con.execute("ROLLBACK")
        raise
    n_clusters = len({c.cluster_id for c in clusters})
    return DedupStats(articles=len(articles), clusters=n_clusters, duplicates=len(articles) - n_clusters,
                      event_groups=len(groups), events=len(events), signatures_computed=computed)


__all__ = ["DEDUP_SCHEMA", "DedupStats", "deduplicate"]
