"""Article level: persisted MinHash signatures of kept text, LSH candidates, exact verification, clusters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa

from pipeline.dedup.minhash import (
    I64,
    U32,
    U64,
    MinHashParams,
    candidate_pairs,
    connected_components,
    jaccard,
    shingle_hashes,
    signatures,
)

_BATCH_ARTICLES = 2000  # articles whose text is shingled at once: bounds memory, keeps numpy batches large


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What decides an article's place in a cluster: its id, outlet and age."""

    article_id: str
    source: str | None
    published: dt.date | None
    first_seen_run: str | None

    @property
    def age_key(self) -> tuple[bool, dt.date, bool, str, str]:
        """Earliest first: published date, then the run that first loaded it, then article_id (nulls last)."""
        return (self.published is None, self.published or dt.date.max, self.first_seen_run is None,
                self.first_seen_run or "", self.article_id)


@dataclass(frozen=True, slots=True)
class ClusterRow:
    """One article's cluster assignment."""

    article_id: str
    cluster_id: str
    canonical_article_id: str
    similarity: float


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    """Expose an Arrow table to SQL under `name` for the duration of the block."""
    con.register(name, table)
    try:
        yield
    finally:
        con.unregister(name)


def load_articles(con: duckdb.DuckDBPyConnection) -> list[ArticleInfo]:
    """Every article, sorted by id so that nothing depends on insertion order."""
    rows = con.execute(
        "SELECT article_id, source, published, first_seen_run FROM articles ORDER BY article_id").fetchall()
    return [ArticleInfo(*row) for row in rows]


def kept_texts(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> dict[str, list[str]]:
    """The kept paragraphs of these articles, in order (articles without any map to an empty list)."""
    texts: dict[str, list[str]] = {article_id: [] for article_id in article_ids}
    if not article_ids:
        return texts
    with registered(con, "dedup_wanted", pa.table({"article_id": pa.array(list(article_ids), pa.string())})):
        rows = con.execute(
            """SELECT p.article_id, p.text FROM paragraphs p JOIN dedup_wanted w USING (article_id)
               WHERE p.status = 'kept' AND p.text IS NOT NULL ORDER BY p.article_id, p.idx""").fetchall()
    for article_id, text in rows:
        texts[article_id].append(text)
    return texts


def refresh_signatures(con: duckdb.DuckDBPyConnection, params: MinHashParams) -> int:
    """Bring article_signatures up to date; only articles whose kept body (or the method) changed are hashed."""
    current = con.execute(
        """SELECT a.article_id,
                  md5(coalesce(string_agg(p.text, chr(10) ORDER BY p.idx) FILTER (WHERE p.status = 'kept'), ''))
           FROM articles a LEFT JOIN paragraphs p USING (article_id)
           GROUP BY a.article_id ORDER BY a.article_id""").fetchall()
    stored = dict(con.execute(
        "SELECT article_id, body_hash FROM article_signatures WHERE method = ?", [params.method]).fetchall())
    stale = [(article_id, body_hash) for article_id, body_hash in current if stored.get(article_id) != body_hash]
    con.execute("DELETE FROM article_signatures WHERE article_id NOT IN (SELECT article_id FROM articles)")
    for start in range(0, len(stale), _BATCH_ARTICLES):
        batch = stale[start:start + _BATCH_ARTICLES]
        texts = kept_texts(con, [article_id for article_id, _ in batch])
        flat: list[str] = []
        owners: list[int] = []
        for position, (article_id, _) in enumerate(batch):
            flat.extend(texts[article_id])
            owners.extend([position] * len(texts[article_id]))
        signature = np.full((len(batch), params.num_perm), 0xFFFFFFFF, dtype=np.uint32)
        counts = np.zeros(len(batch), dtype=np.int64)
        if flat:
            computed, computed_counts = signatures(flat, owners, params=params)
            signature[:len(computed)] = computed
            counts[:len(computed)] = computed_counts
        table = pa.table({
            "article_id": pa.array([article_id for article_id, _ in batch], pa.string()),
            "body_hash": pa.array([body_hash for _, body_hash in batch], pa.string()),
            "minhash": pa.array([row.astype("<u4").tobytes() for row in signature], pa.binary()),
            "n_shingles": pa.array(counts, pa.int32()),
            "method": pa.array([params.method] * len(batch), pa.string()),
        })
        with registered(con, "dedup_signatures", table):
            con.execute("DELETE FROM article_signatures WHERE article_id IN (SELECT article_id FROM dedup_signatures)")
            con.execute("""INSERT INTO article_signatures (article_id, body_hash, minhash, n_shingles, method)
                           SELECT article_id, body_hash, minhash, n_shingles, method FROM dedup_signatures""")
    return len(stale)


def load_signatures(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str],
                    params: MinHashParams) -> tuple[U32, I64]:
    """Signature matrix and shingle counts, one row per article in the given order."""
    rows = dict((r[0], (r[1], r[2])) for r in con.execute(
        "SELECT article_id, minhash, n_shingles FROM article_signatures WHERE method = ?",
        [params.method]).fetchall())
    empty = bytes(4 * params.num_perm)
    blob = b"".join(rows[a][0] if a in rows else empty for a in article_ids)
    matrix = np.frombuffer(blob, dtype="<u4").astype(np.uint32).reshape(len(article_ids), params.num_perm)
    counts = np.array([rows[a][1] if a in rows else 0 for a in article_ids], dtype=np.int64)
    return matrix, counts


def shingle_sets(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str],
                 params: MinHashParams) -> dict[str, U64]:
    """Exact distinct shingle hashes of each article's kept body (for verifying LSH candidates)."""
    sets: dict[str, U64] = {}
    for start in range(0, len(article_ids), _BATCH_ARTICLES):
        batch = list(article_ids[start:start + _BATCH_ARTICLES])
        texts = kept_texts(con, batch)
        flat: list[str] = []
        owner_of_text: list[int] = []
        for position, article_id in enumerate(batch):
            flat.extend(texts[article_id])
            owner_of_text.extend([position] * len(texts[article_id]))
        hashes, text_index = shingle_hashes(flat, params)
        owners = np.asarray(owner_of_text, dtype=np.int64)[text_index]
        order = np.lexsort((hashes, owners))
        hashes, owners = hashes[order], owners[order]
        distinct = np.ones(len(hashes), dtype=np.bool_)
        distinct[1:] = (hashes[1:] != hashes[:-1]) | (owners[1:] != owners[:-1])
        hashes, owners = hashes[distinct], owners[distinct]
        bounds = np.searchsorted(owners, np.arange(len(batch) + 1))
        for position, article_id in enumerate(batch):
            sets[article_id] = hashes[bounds[position]:bounds[position + 1]]
    return sets


def cluster_articles(con: duckdb.DuckDBPyConnection, articles: Sequence[ArticleInfo], params: MinHashParams,
                     threshold: float) -> list[ClusterRow]:
    """Near-duplicate clusters of all articles: LSH on stored signatures, exact Jaccard, connected components."""
    ids = [article.article_id for article in articles]
    signature, counts = load_signatures(con, ids, params)
    signature[counts == 0] = 0xFFFFFFFF  # an article without kept text is nobody's duplicate
    pairs = candidate_pairs(signature, params)
    involved = sorted({ids[i] for i in np.unique(pairs)}) if len(pairs) else []
    sets = shingle_sets(con, involved, params)
    verified = [(a, b) for a, b in pairs.tolist() if jaccard(sets[ids[a]], sets[ids[b]]) >= threshold]
    labels = connected_components(len(ids), np.array(verified, dtype=np.int64).reshape(-1, 2))
    members: dict[int, list[int]] = {}
    for index, label in enumerate(labels.tolist()):
        members.setdefault(label, []).append(index)
    rows: list[ClusterRow] = []
    for group in members.values():
        canonical = min(group, key=lambda i: articles[i].age_key)
        canonical_id = ids[canonical]
        for index in group:
            similarity = 1.0 if index == canonical else jaccard(sets[ids[index]], sets[canonical_id])
            rows.append(ClusterRow(ids[index], canonical_id, canonical_id, similarity))
    rows.sort(key=lambda row: row.article_id)
    return rows


def write_clusters(con: duckdb.DuckDBPyConnection, rows: Sequence[ClusterRow]) -> None:
    """Replace article_clusters with these rows."""
    con.execute("DELETE FROM article_clusters")
    table = pa.table({
        "article_id": pa.array([r.article_id for r in rows], pa.string()),
        "cluster_id": pa.array([r.cluster_id for r in rows], pa.string()),
        "canonical_article_id": pa.array([r.canonical_article_id for r in rows], pa.string()),
        "similarity": pa.array([r.similarity for r in rows], pa.float64()),
    })
    with registered(con, "dedup_clusters", table):
        con.execute("""INSERT INTO article_clusters (article_id, cluster_id, canonical_article_id, similarity)
                       SELECT article_id, cluster_id, canonical_article_id, similarity FROM dedup_clusters""")
