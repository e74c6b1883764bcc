"""Load stage and hand-off storage: the DuckDB warehouse, its schema, and idempotent per-article loads."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from pipeline import EXTRACTOR_VERSION
from pipeline.dedup import DEDUP_SCHEMA
from pipeline.errors import ConfigError
from pipeline.models import Analysis, Document

_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMPTZ);
"""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, command VARCHAR, started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ,
    status VARCHAR, sources_ok INTEGER, sources_failed INTEGER, pages_fetched INTEGER,
    pages_not_modified INTEGER, pages_failed INTEGER, articles_new INTEGER, articles_updated INTEGER,
    events INTEGER, stats JSON, errors JSON);
CREATE TABLE IF NOT EXISTS sources (
    name VARCHAR PRIMARY KEY, url VARCHAR, province VARCHAR, enabled BOOLEAN, last_run_id VARCHAR,
    last_attempt_at TIMESTAMPTZ, last_success_at TIMESTAMPTZ, last_error VARCHAR,
    consecutive_failures INTEGER DEFAULT 0, healthy BOOLEAN DEFAULT TRUE);
CREATE TABLE IF NOT EXISTS frontier (
    url_id VARCHAR PRIMARY KEY, url VARCHAR, source VARCHAR, via VARCHAR, title VARCHAR,
    listed_published TIMESTAMPTZ, discovered_at TIMESTAMPTZ, discovered_run VARCHAR,
    status VARCHAR, attempts INTEGER DEFAULT 0, last_error VARCHAR, etag VARCHAR, last_modified VARCHAR,
    body_sha256 VARCHAR);
CREATE TABLE IF NOT EXISTS pages (
    page_id VARCHAR PRIMARY KEY, run_id VARCHAR, source VARCHAR, kind VARCHAR, url VARCHAR, url_id VARCHAR,
    final_url VARCHAR, status INTEGER, outcome VARCHAR, error VARCHAR, not_modified BOOLEAN,
    etag VARCHAR, last_modified VARCHAR, body_sha256 VARCHAR, bytes BIGINT, fetched_at TIMESTAMPTZ,
    elapsed_seconds DOUBLE, warc_path VARCHAR, warc_offset BIGINT, warc_length BIGINT,
    processed_version VARCHAR, process_error VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY, url VARCHAR, source VARCHAR, title VARCHAR, published DATE,
    page_id VARCHAR, body_sha256 VARCHAR, relevant BOOLEAN, paragraphs_total INTEGER,
    paragraphs_kept INTEGER, first_seen_run VARCHAR, last_loaded_run VARCHAR, loaded_at TIMESTAMPTZ,
    extractor_version VARCHAR);
CREATE TABLE IF NOT EXISTS paragraphs (
    article_id VARCHAR, idx INTEGER, text VARCHAR, status VARCHAR, reason VARCHAR, duplicate_of INTEGER,
    text_hash VARCHAR, PRIMARY KEY (article_id, idx));
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, article_id VARCHAR, seq INTEGER, type VARCHAR, date DATE, date_text VARCHAR,
    period_start INTEGER, period_end INTEGER, tense VARCHAR, region_code VARCHAR, paragraph INTEGER,
    span_start INTEGER, span_end INTEGER, extractor_version VARCHAR);
CREATE TABLE IF NOT EXISTS event_organizations (
    event_id VARCHAR, article_id VARCHAR, seq INTEGER, kind VARCHAR, name VARCHAR, region_code VARCHAR,
    PRIMARY KEY (event_id, seq));
CREATE TABLE IF NOT EXISTS officials (
    article_id VARCHAR, seq INTEGER, name VARCHAR, name_text VARCHAR, role VARCHAR, role_kind VARCHAR,
    acting BOOLEAN, region_code VARCHAR, aliases VARCHAR[], mentions INTEGER, paragraph INTEGER,
    span_start INTEGER, span_end INTEGER, extractor_version VARCHAR, PRIMARY KEY (article_id, seq));
CREATE TABLE IF NOT EXISTS regions (
    article_id VARCHAR, code VARCHAR, name VARCHAR, level VARCHAR, mentions INTEGER, paragraph INTEGER,
    span_start INTEGER, span_end INTEGER, extractor_version VARCHAR, PRIMARY KEY (article_id, code));
CREATE TABLE IF NOT EXISTS counts (
    article_id VARCHAR, seq INTEGER, value DOUBLE, unit VARCHAR, text VARCHAR, paragraph INTEGER,
    span_start INTEGER, span_end INTEGER, extractor_version VARCHAR, PRIMARY KEY (article_id, seq));
CREATE TABLE IF NOT EXISTS dates (
    article_id VARCHAR, seq INTEGER, text VARCHAR, value DATE, paragraph INTEGER, span_start INTEGER,
    span_end INTEGER, PRIMARY KEY (article_id, seq));
"""

# Versioned migrations, applied in order, each once, each in its own transaction. Append; never edit one
# that has shipped.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "base schema: runs, sources, frontier, pages, articles and facts", _SCHEMA),
    (2, "dedup tables: signatures, article clusters, event groups and mentions", DEDUP_SCHEMA),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]

FACT_TABLES = ("paragraphs", "events", "event_organizations", "officials", "regions", "counts", "dates")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_run_id() -> str:
    """A sortable, unique run id: UTC timestamp plus a short random suffix."""
    return _now().strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


@dataclass(slots=True)
class PendingPage:
    """An archived article response waiting for the process stage."""

    page_id: str
    url: str
    url_id: str
    source: str
    warc_path: str
    warc_offset: int
    warc_length: int
    body_sha256: str | None
    fetched_at: dt.datetime


@dataclass(slots=True)
class ArticleLoad:
    """One processed article ready to be loaded, with the page it came from."""

    article_id: str
    document: Document
    analysis: Analysis
    page_id: str | None = None
    body_sha256: str | None = None


_S, _I, _B, _D, _F = pa.string(), pa.int32(), pa.bool_(), pa.date32(), pa.float64()
_SPAN = [("paragraph", _I), ("span_start", _I), ("span_end", _I)]
# Arrow schemas in the tables' column order, so batches insert with one `INSERT ... SELECT *`.
_COLUMNS: dict[str, list[tuple[str, pa.DataType]]] = {
    "articles": [("article_id", _S), ("url", _S), ("source", _S), ("title", _S), ("published", _D),
                 ("page_id", _S), ("body_sha256", _S), ("relevant", _B), ("paragraphs_total", _I),
                 ("paragraphs_kept", _I), ("first_seen_run", _S), ("last_loaded_run", _S),
                 ("loaded_at", pa.timestamp("us", tz="UTC")), ("extractor_version", _S)],
    "paragraphs": [("article_id", _S), ("idx", _I), ("text", _S), ("status", _S), ("reason", _S),
                   ("duplicate_of", _I), ("text_hash", _S)],
    "events": [("event_id", _S), ("article_id", _S), ("seq", _I), ("type", _S), ("date", _D),
               ("date_text", _S), ("period_start", _I), ("period_end", _I), ("tense", _S), ("region_code", _S),
               *_SPAN, ("extractor_version", _S)],
    "event_organizations": [("event_id", _S), ("article_id", _S), ("seq", _I), ("kind", _S), ("name", _S),
                            ("region_code", _S)],
    "officials": [("article_id", _S), ("seq", _I), ("name", _S), ("name_text", _S), ("role", _S),
                  ("role_kind", _S), ("acting", _B), ("region_code", _S), ("aliases", pa.list_(_S)),
                  ("mentions", _I), *_SPAN, ("extractor_version", _S)],
    "regions": [("article_id", _S), ("code", _S), ("name", _S), ("level", _S), ("mentions", _I), *_SPAN,
                ("extractor_version", _S)],
    "counts": [("article_id", _S), ("seq", _I), ("value", _F), ("unit", _S), ("text", _S), *_SPAN,
               ("extractor_version", _S)],
    "dates": [("article_id", _S), ("seq", _I), ("text", _S), ("value", _D), *_SPAN],
}


def _arrow(table: str, rows: list[tuple[Any, ...]]) -> pa.Table:
    columns = _COLUMNS[table]
    values = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    return pa.table({name: pa.array(list(column), type=kind) for (name, kind), column in zip(columns, values,
                                                                                            strict=True)})


class Warehouse:
    """One open DuckDB warehouse file; every write of a stage goes through here."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            self.migrate()

    def close(self) -> None:
        """Checkpoint and close the connection."""
        self.con.close()

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrate(self) -> None:
        """Apply the migrations this file lacks, then (re)create the analyst views."""
        from pipeline import views  # imports the gazetteer; only writers pay for it

        self.con.execute(_MIGRATIONS_TABLE)
        applied = {r[0] for r in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        if applied and max(applied) > SCHEMA_VERSION:
            raise ConfigError(f"schema version {max(applied)} is newer than this program's {SCHEMA_VERSION}; "
                              "upgrade lkks-monitor", file=str(self.path))
        for version, name, sql in MIGRATIONS:
            if version in applied:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, _now()])
                self.con.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(duckdb.Error):  # keep the real cause, not the rollback's
                    self.con.execute("ROLLBACK")
                raise
        views.apply(self.con)

    # runs -------------------------------------------------------------------------------------------
    def start_run(self, run_id: str, command: str) -> None:
        """Record that a run began."""
        self.con.execute(
            "INSERT INTO runs (run_id, command, started_at, status) VALUES (?, ?, ?, 'running')",
            [run_id, command, _now()],
        )

    def finish_run(self, run_id: str, status: str, totals: dict[str, int], stats: dict[str, Any],
                   errors: Sequence[str]) -> None:
        """Record a run's outcome, counts and errors."""
        self.con.execute(
            """UPDATE runs SET finished_at = ?, status = ?, sources_ok = ?, sources_failed = ?,
               pages_fetched = ?, pages_not_modified = ?, pages_failed = ?, articles_new = ?,
               articles_updated = ?, events = ?, stats = ?, errors = ? WHERE run_id = ?""",
            [_now(), status, totals.get("sources_ok", 0), totals.get("sources_failed", 0),
             totals.get("pages_fetched", 0), totals.get("pages_not_modified", 0), totals.get("pages_failed", 0),
             totals.get("articles_new", 0), totals.get("articles_updated", 0), totals.get("events", 0),
             json.dumps(stats, sort_keys=True, default=str), json.dumps(list(errors)), run_id],
        )

    # sources ----------------------------------------------------------------------------------------
    def upsert_source(self, name: str, url: str, province: str | None, enabled: bool) -> None:
        """Register a source (keeps its health history)."""
        self.con.execute(
            """INSERT INTO sources (name, url, province, enabled) VALUES (?, ?, ?, ?)
               ON CONFLICT (name) DO UPDATE SET url = excluded.url, province = excluded.province,
               enabled = excluded.enabled""",
            [name, url, province, enabled],
        )

    def source_outcome(self, name: str, run_id: str, error: str | None, *, unhealthy_after: int = 3) -> None:
        """Update a source's health after a run: failures in a row mark it unhealthy with the reason."""
        if error is None:
            self.con.execute(
                """UPDATE sources SET last_run_id = ?, last_attempt_at = ?, last_success_at = ?,
                   last_error = NULL, consecutive_failures = 0, healthy = TRUE WHERE name = ?""",
                [run_id, _now(), _now(), name],
            )
        else:
            self.con.execute(
                """UPDATE sources SET last_run_id = ?, last_attempt_at = ?, last_error = ?,
                   consecutive_failures = consecutive_failures + 1,
                   healthy = (consecutive_failures + 1) < ? WHERE name = ?""",
                [run_id, _now(), error, unhealthy_after, name],
            )

    # frontier and pages -----------------------------------------------------------------------------
    def add_candidates(self, run_id: str, rows: Iterable[tuple[str, str, str, str, str | None,
                                                               dt.datetime | None]]) -> int:
        """Insert (url_id, url, source, via, title, published) candidates not yet known; return how many."""
        before = self._count("frontier")
        for row in rows:
            self.con.execute(
                """INSERT OR IGNORE INTO frontier (url_id, url, source, via, title, listed_published,
                   discovered_at, discovered_run, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')""",
                [*row, _now(), run_id],
            )
        return self._count("frontier") - before

    def to_fetch(self, source: str, listed: Iterable[str] = (),
                 max_attempts: int = 5) -> list[tuple[str, str, str | None, str | None]]:
        """(url_id, url, etag, last_modified) to request: new, retryable, or listed again this run."""
        rows = self.con.execute(
            """SELECT url_id, url, etag, last_modified FROM frontier
               WHERE source = ? AND (status = 'pending' OR (status = 'failed' AND attempts < ?)
                                     OR list_contains(?, url_id))
               ORDER BY discovered_at, url_id""",
            [source, max_attempts, sorted(set(listed))],
        ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def validators(self, urls: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        """Last (etag, last_modified) seen for non-article URLs (feeds, sitemaps, listings)."""
        found: dict[str, tuple[str | None, str | None]] = {}
        for url in urls:
            row = self.con.execute(
                """SELECT etag, last_modified FROM pages WHERE url = ? AND outcome = 'ok'
                   ORDER BY fetched_at DESC LIMIT 1""", [url]).fetchone()
            if row and (row[0] or row[1]):
                found[url] = (row[0], row[1])
        return found

    def record_page(self, run_id: str, row: dict[str, Any]) -> None:
        """Record one fetch outcome (idempotent per run, kind and URL)."""
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.con.execute(f"INSERT OR REPLACE INTO pages (run_id, {columns}) VALUES (?, {marks})",
                         [run_id, *row.values()])

    def frontier_outcome(self, url_id: str, status: str, *, error: str | None = None, etag: str | None = None,
                         last_modified: str | None = None, body_sha256: str | None = None) -> None:
        """Update an article URL's crawl state after a fetch."""
        self.con.execute(
            """UPDATE frontier SET status = ?, attempts = attempts + 1, last_error = ?,
               etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
               body_sha256 = COALESCE(?, body_sha256) WHERE url_id = ?""",
            [status, error, etag, last_modified, body_sha256, url_id],
        )

    def known_body(self, url_id: str) -> str | None:
        """The body hash of the article already loaded for this URL, if any."""
        row = self.con.execute("SELECT body_sha256 FROM articles WHERE article_id = ?", [url_id]).fetchone()
        return row[0] if row else None

    def pending_pages(self, *, everything: bool = False, source: str | None = None,
                      after: tuple[dt.datetime | None, str] | None = None,
                      limit: int | None = None) -> list[PendingPage]:
        """Archived article responses not yet processed by this extractor version (latest per URL).

        In (fetched_at, page_id) order; `after` and `limit` read them a chunk at a time (keyset pagination).
        """
        filters: list[str] = []
        params: list[Any] = [source] if source else []
        if not everything:
            filters.append("(processed_version IS DISTINCT FROM ? OR process_error LIKE 'crash:%')")
            params.append(EXTRACTOR_VERSION)
        if after is not None and after[0] is None:
            filters.append("(fetched_at IS NULL AND page_id > ?)")
            params.append(after[1])
        elif after is not None:  # rows without a fetch time sort last, so they still come after any time
            filters.append("(fetched_at > ? OR fetched_at IS NULL OR (fetched_at = ? AND page_id > ?))")
            params.extend([after[0], after[0], after[1]])
        rows = self.con.execute(
            f"""SELECT page_id, url, url_id, source, warc_path, warc_offset, warc_length, body_sha256, fetched_at
                FROM (SELECT * FROM pages
                      WHERE kind = 'article' AND outcome = 'ok' AND warc_path IS NOT NULL
                      {"AND source = ?" if source else ""}
                      -- page_id breaks ties, so every chunked read picks the same version of a URL
                      QUALIFY row_number() OVER (PARTITION BY url_id ORDER BY fetched_at DESC, page_id DESC) = 1)
                {"WHERE " + " AND ".join(filters) if filters else ""}
                ORDER BY fetched_at NULLS LAST, page_id
                {"LIMIT ?" if limit is not None else ""}""",
            params + ([limit] if limit is not None else []),
        ).fetchall()
        return [PendingPage(*r) for r in rows]

    def mark_processed(self, page_id: str, error: str | None = None) -> None:
        """Remember that a page went through the process stage (with this extractor version)."""
        self.con.execute("UPDATE pages SET processed_version = ?, process_error = ? WHERE page_id = ?",
                         [EXTRACTOR_VERSION, error, page_id])

    def recurring_lines(self, source: str, min_articles: int = 4) -> frozenset[str]:
        """Hashes of paragraphs that stand in many articles of one source: its boilerplate."""
        rows = self.con.execute(
            """SELECT p.text_hash FROM paragraphs p JOIN articles a USING (article_id)
               WHERE a.source = ? GROUP BY p.text_hash HAVING count(DISTINCT p.article_id) >= ?""",
            [source, min_articles],
        ).fetchall()
        return frozenset(r[0] for r in rows)

    # articles and facts -----------------------------------------------------------------------------
    def load_article(self, article_id: str, document: Document, analysis: Analysis, *, run_id: str,
                     page_id: str | None = None, body_sha256: str | None = None) -> bool:
        """Replace everything known about one article in one transaction; True when it is new."""
        item = ArticleLoad(article_id, document, analysis, page_id, body_sha256)
        return self.load_articles([item], run_id=run_id)[0]

    def load_articles(self, items: Sequence[ArticleLoad], *, run_id: str) -> list[bool]:
        """Replace everything known about a batch of articles in one transaction (bulk Arrow inserts).

        The pages the articles came from are marked processed in the same transaction, so a crash leaves
        either the whole batch loaded and marked, or nothing. Returns, per item, whether it is new.
        """
        if not items:
            return []
        ids = [item.article_id for item in items]
        if len(set(ids)) != len(ids):
            # The same article twice in a batch: only the last version counts.
            last = {item.article_id: item for item in items}
            fresh = self.load_articles(list(last.values()), run_id=run_id)
            by_id = dict(zip(last, fresh, strict=True))
            return [by_id[i] for i in ids]
        id_table = pa.table({"article_id": pa.array(ids, pa.string())})
        pages = pa.table({"page_id": pa.array([i.page_id for i in items if i.page_id], pa.string())})
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.register("batch_ids", id_table)
            known: dict[str, str | None] = {r[0]: r[1] for r in con.execute(
                "SELECT article_id, first_seen_run FROM articles WHERE article_id IN (SELECT article_id FROM batch_ids)"
            ).fetchall()}
            # A re-loaded article keeps the run that first saw it: written into the new rows here, not patched
            # afterwards with one UPDATE per article (that cost as much as the whole insert).
            batches = {table: _arrow(table, table_rows)
                       for table, table_rows in _rows(items, run_id, known).items()}
            if known:
                # Facts are only ever written together with their article row, so a batch of articles the
                # warehouse has never seen has nothing to replace: no table scans for a first load.
                for table in (*FACT_TABLES, "articles"):
                    con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM batch_ids)")
            for table, batch in batches.items():
                if batch.num_rows:
                    con.register("batch_rows", batch)
                    con.execute(f"INSERT INTO {table} SELECT * FROM batch_rows")
                    con.unregister("batch_rows")
            if pages.num_rows:
                con.register("batch_pages", pages)
                con.execute("UPDATE pages SET processed_version = ?, process_error = NULL "
                            "WHERE page_id IN (SELECT page_id FROM batch_pages)", [EXTRACTOR_VERSION])
                con.unregister("batch_pages")
            con.unregister("batch_ids")
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.Error):  # keep the real cause (e.g. disk full), not the rollback's
                con.execute("ROLLBACK")
            raise
        return [aid not in known for aid in ids]

    def _count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def table_counts(self) -> dict[str, int]:
        """Row counts of the main tables, for summaries and tests."""
        return {t: self._count(t) for t in ("runs", "sources", "pages", "articles", *FACT_TABLES)}

    def rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Run a read query."""
        yield from self.con.execute(sql, list(params)).fetchall()


def _rows(items: Sequence[ArticleLoad], run_id: str,
          known: dict[str, str | None]) -> dict[str, list[tuple[Any, ...]]]:
    """Rows per table for a batch of articles; `known` maps already loaded ids to their first run."""
    from pipeline.clean import paragraph_hash

    rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in _COLUMNS}
    now = _now()
    for item in items:
        aid, document, analysis = item.article_id, item.document, item.analysis
        rows["articles"].append((
            aid, document.url, document.source, document.title, document.published, item.page_id,
            item.body_sha256, analysis.relevant, len(document.paragraphs), len(document.kept()),
            known.get(aid, run_id), run_id, now, EXTRACTOR_VERSION))
        rows["paragraphs"].extend(
            (aid, p.index, p.text, p.status, p.reason, p.duplicate_of, paragraph_hash(p.text))
            for p in document.paragraphs)
        for seq, event in enumerate(analysis.events):
            event_id = f"{aid}:{seq}"
            rows["events"].append((
                event_id, aid, seq, event.type, event.date, event.date_text, event.period_start,
                event.period_end, event.tense, event.region_code, *_span(event.evidence), EXTRACTOR_VERSION))
            rows["event_organizations"].extend(
                (event_id, aid, i, o.kind, o.name, o.region_code) for i, o in enumerate(event.organizations))
        rows["officials"].extend(
            (aid, i, o.name, o.name_text, o.role, o.role_kind, o.acting, o.region_code, list(o.aliases),
             o.mentions, *_span(o.evidence), EXTRACTOR_VERSION) for i, o in enumerate(analysis.officials))
        rows["regions"].extend(
            (aid, r.code, r.name, r.level, r.mentions, *_span(r.evidence), EXTRACTOR_VERSION)
            for r in _unique_regions(analysis))
        rows["counts"].extend(
            (aid, i, c.value, c.unit, c.text, c.paragraph, c.start, c.end, EXTRACTOR_VERSION)
            for i, c in enumerate(analysis.counts))
        rows["dates"].extend(
            (aid, i, d.text, d.value, *_span(d.evidence)) for i, d in enumerate(analysis.dates))
    return rows


def _span(evidence: Any) -> tuple[int | None, int | None, int | None]:
    if evidence is None:
        return (None, None, None)
    return (evidence.paragraph, evidence.start, evidence.end)


def _unique_regions(analysis: Analysis) -> list[Any]:
    seen: set[str] = set()
    out = []
    for region in analysis.regions:
        if region.code not in seen:
            seen.add(region.code)
            out.append(region)
    return out


def work_path(db_path: Path) -> Path:
    """The job's private working copy beside the published file; analysts never open it."""
    return db_path.with_name(f".{db_path.name}.work")


def publish(work: Path, db_path: Path) -> None:
    """Atomically replace the published file with a copy of the work file.

    Readers that hold the old file open keep reading the old snapshot (same inode); new readers see the
    new one. Nobody ever sees half a load, and the writer never needs a lock on the published file.
    """
    for leftover in db_path.parent.glob(f".{db_path.name}.publish-*"):
        leftover.unlink(missing_ok=True)  # from a job killed while publishing
    staging = db_path.with_name(f".{db_path.name}.publish-{os.getpid()}")
    shutil.copyfile(work, staging)
    with open(staging, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(staging, db_path)
    directory = os.open(db_path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


@contextlib.contextmanager
def job_warehouse(db_path: Path) -> Iterator[Warehouse]:
    """The warehouse a job writes: its work file, published as `db_path` when the job ends.

    A job killed half way leaves the work file (every article loaded in its own transaction); the next job
    continues from it and publishes.
    """
    work = work_path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    if work.exists() and not db_path.exists():
        # The published file is made before any work starts, so its absence means the user removed the
        # warehouse on purpose: start afresh rather than resurrect the old state.
        work.unlink()
        work.with_name(work.name + ".wal").unlink(missing_ok=True)
    if not work.exists() and db_path.exists():
        shutil.copyfile(db_path, work)
    if not db_path.exists():
        Warehouse(work).close()
        publish(work, db_path)
    warehouse = Warehouse(work)
    try:
        yield warehouse
    except BaseException:
        _close_and_publish(warehouse, work, db_path, quiet=True)
        raise
    _close_and_publish(warehouse, work, db_path, quiet=False)


def _close_and_publish(warehouse: Warehouse, work: Path, db_path: Path, *, quiet: bool) -> None:
    """Checkpoint, close and publish; when a failure is already on its way out, it stays the one reported."""
    try:
        # Another connection to the same file in this process (say, one kept alive by a traceback) would make a
        # plain close skip the checkpoint and leave this job's commits in the .wal, missing from the copy.
        try:
            warehouse.con.execute("FORCE CHECKPOINT")
        finally:
            warehouse.close()
        publish(work, db_path)
    except (OSError, duckdb.Error):
        if not quiet:
            raise
