"""Analyst layer of the warehouse: region and time-zone tables, deduplicated views, and schema comments.

`apply(con)` is idempotent and cheap enough to run on every read-write open: it (re)creates the gazetteer
and time-zone tables, the dedup tables when the dedup stage has not made them yet (so the views always
compile), every `v_*` view, and a COMMENT on every table, view and column, so `duckdb_tables()`,
`duckdb_views()` and `duckdb_columns()` document the schema from inside DuckDB.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import typing

import duckdb
import pyarrow as pa

from pipeline.analyse import gazetteer
from pipeline.dedup import DEDUP_SCHEMA
from pipeline.models import EventType

# Bumped whenever a view's columns or meaning change; recorded in `views_meta`.
VIEWS_VERSION = 1

EVENT_TYPES: tuple[str, ...] = typing.get_args(EventType)

VIEWS = ("v_event_mentions", "v_events", "v_officials", "v_province_month", "v_region_rollup", "v_source_health")

# Indonesia's three civil time zones by province code. West and Central Kalimantan are on WIB (IANA zone
# Asia/Pontianak) while the rest of Kalimantan is on WITA, so the island is split.
_ZONES: dict[str, tuple[str, int]] = {"WIB": ("Asia/Jakarta", 7), "WITA": ("Asia/Makassar", 8),
                                      "WIT": ("Asia/Jayapura", 9)}
PROVINCE_ZONES: dict[str, str] = {
    **dict.fromkeys(("11", "12", "13", "14", "15", "16", "17", "18", "19", "21",  # Sumatra, Riau Islands
                     "31", "32", "33", "34", "35", "36",  # Java
                     "61", "62"), "WIB"),  # West and Central Kalimantan
    **dict.fromkeys(("51", "52", "53",  # Bali, Nusa Tenggara
                     "63", "64", "65",  # South, East, North Kalimantan
                     "71", "72", "73", "74", "75", "76"), "WITA"),  # Sulawesi
    **dict.fromkeys(("81", "82", "91", "92", "93", "94", "95", "96"), "WIT"),  # Maluku, Papua
}
_TZ_OVERRIDES = {"61": "Asia/Pontianak", "62": "Asia/Pontianak"}
DEFAULT_TZ = "Asia/Jakarta"


# The sentence around an evidence span. A boundary is [.!?] after three lower-case letters or digits or after
# ")", then white space: so "H. Muhidin", "Plt. Asisten", "Dr. Hendra" and "M.Si" do not end a sentence, while
# "... 2025). Rakor ..." does. The tail search starts three characters before the span's end so that a
# boundary right after the span is seen with its preceding letters.
_EVIDENCE_SENTENCE = r"""
CREATE OR REPLACE MACRO evidence_sentence(text, span_start, span_end) AS (
    WITH bounds AS (
        SELECT length(regexp_extract(substr(text, 1, span_start),
                                     '^(?s)(.*(?:[a-z0-9]{3}|\))[.!?]["”’]?\s+)', 1)) AS first_char,
               greatest(span_start, span_end - 3) AS tail_from
    ), ends AS (
        SELECT first_char,
               tail_from + coalesce(nullif(length(regexp_extract(substr(text, tail_from + 1),
                                                                 '^(?s)(.*?(?:[a-z0-9]{3}|\))[.!?]["”’]?)(?:\s|$)', 1)),
                                           0), length(text) - tail_from) AS last_char
        FROM bounds
    )
    SELECT trim(substr(text, first_char + 1, greatest(last_char, span_end) - first_char)) FROM ends
)
"""

# One row per (group, reported event). Events the dedup stage has not grouped (yet) form a group of their
# own whose id is the event id, so every view works before, without and after deduplication.
_V_EVENT_MENTIONS = """
CREATE OR REPLACE VIEW v_event_mentions AS
WITH membership AS (
    SELECT CAST(em.group_id AS VARCHAR) AS group_id, em.event_id, TRUE AS grouped
    FROM event_mentions em WHERE em.group_id IS NOT NULL
    UNION ALL
    SELECT e.event_id, e.event_id, FALSE FROM events e
    WHERE NOT EXISTS (SELECT 1 FROM event_mentions em WHERE em.event_id = e.event_id AND em.group_id IS NOT NULL)
)
SELECT m.group_id, m.grouped, e.event_id, e.article_id, a.source, a.url, a.title, a.published, a.relevant,
       e.type, e.date, e.date_text, e.tense, e.region_code, e.paragraph, e.span_start, e.span_end,
       CASE WHEN e.span_start IS NOT NULL AND e.span_end > e.span_start
            THEN substr(p.text, e.span_start + 1, e.span_end - e.span_start) ELSE p.text END AS evidence_text,
       CASE WHEN e.span_start IS NOT NULL AND e.span_end > e.span_start
            THEN evidence_sentence(p.text, e.span_start, e.span_end) ELSE p.text END AS evidence_sentence,
       p.text AS paragraph_text
FROM membership m
JOIN events e ON e.event_id = m.event_id
LEFT JOIN articles a ON a.article_id = e.article_id
LEFT JOIN paragraphs p ON p.article_id = e.article_id AND p.idx = e.paragraph
"""

_V_EVENTS = f"""
CREATE OR REPLACE VIEW v_events AS
WITH stats AS (
    SELECT group_id, bool_or(grouped) AS grouped, list(DISTINCT event_id) AS event_ids,
           count(DISTINCT event_id) AS n_events, count(DISTINCT article_id) AS n_articles,
           count(DISTINCT source) AS n_sources, list_sort(list_distinct(list(source))) AS sources,
           min(date) AS first_stated, max(date) AS last_stated,
           first(event_id ORDER BY published NULLS LAST, event_id) AS earliest_event_id
    FROM v_event_mentions GROUP BY group_id
), orgs AS (
    SELECT m.group_id, list_sort(list_distinct(list(o.name))) AS organizations,
           list_sort(list_distinct(list(o.kind))) AS organization_kinds,
           first(o.region_code ORDER BY length(o.region_code) DESC, o.region_code)
               FILTER (WHERE o.region_code IS NOT NULL) AS org_region_code
    FROM v_event_mentions m JOIN event_organizations o ON o.event_id = m.event_id GROUP BY m.group_id
), people AS (
    SELECT g.group_id, list_sort(list_distinct(list(o.name || coalesce(' (' || o.role || ')', '')))) AS officials
    FROM (SELECT DISTINCT group_id, article_id FROM v_event_mentions) g
    JOIN officials o ON o.article_id = g.article_id GROUP BY g.group_id
), grouped AS (
    SELECT s.*, eg.type AS group_type, eg.region_code AS group_region_code,
           TRY_CAST(eg.date_start AS DATE) AS group_date_start, TRY_CAST(eg.date_end AS DATE) AS group_date_end,
           -- a canonical event removed by a later reprocess falls back to the earliest report
           CASE WHEN list_contains(s.event_ids, eg.canonical_event_id) THEN eg.canonical_event_id
                ELSE s.earliest_event_id END AS canonical_event_id
    FROM stats s LEFT JOIN event_groups eg ON CAST(eg.group_id AS VARCHAR) = s.group_id
), located AS (
    SELECT g.*, c.article_id AS canonical_article_id, c.url AS canonical_url, c.title AS canonical_title,
           c.source AS canonical_source, c.published AS canonical_published, c.date_text, c.tense,
           c.evidence_sentence, coalesce(g.group_type, c.type) AS type,
           nullif(coalesce(g.group_region_code, c.region_code, o.org_region_code), '') AS region_code,
           coalesce(g.group_date_start, g.first_stated) AS date,
           coalesce(g.group_date_end, g.last_stated, g.group_date_start, g.first_stated) AS date_end,
           f.listed_published, o.organizations, o.organization_kinds, p.officials
    FROM grouped g
    JOIN v_event_mentions c ON c.group_id = g.group_id AND c.event_id = g.canonical_event_id
    LEFT JOIN orgs o ON o.group_id = g.group_id
    LEFT JOIN people p ON p.group_id = g.group_id
    LEFT JOIN frontier f ON f.url_id = c.article_id
), zoned AS (
    SELECT l.*, left(l.region_code, 2) AS province_code,
           CASE WHEN length(l.region_code) >= 5 THEN left(l.region_code, 5) END AS regency_code,
           tz.zone AS time_zone, coalesce(tz.tz_name, '{DEFAULT_TZ}') AS tz_name
    FROM located l LEFT JOIN province_timezones tz ON tz.province_code = left(l.region_code, 2)
)
SELECT z.group_id, z.grouped, z.type, z.tense, z.date, z.date_end, z.date_text,
       coalesce(z.date, z.canonical_published, CAST(timezone(z.tz_name, z.listed_published) AS DATE)) AS local_date,
       CASE WHEN z.date IS NOT NULL THEN 'stated' WHEN z.canonical_published IS NOT NULL THEN 'published'
            WHEN z.listed_published IS NOT NULL THEN 'listed' END AS date_basis,
       z.time_zone, z.region_code, z.province_code, gp.name AS province_name, z.regency_code,
       gr.name AS regency_name, coalesce(z.organizations, []) AS organizations,
       coalesce(z.organization_kinds, []) AS organization_kinds, coalesce(z.officials, []) AS officials,
       z.n_events, z.n_articles, z.n_sources, z.sources, z.canonical_event_id, z.canonical_article_id,
       z.canonical_url, z.canonical_title, z.canonical_source, z.canonical_published, z.evidence_sentence
FROM zoned z
LEFT JOIN gazetteer gp ON gp.code = z.province_code
LEFT JOIN gazetteer gr ON gr.code = z.regency_code
"""

_V_OFFICIALS = """
CREATE OR REPLACE VIEW v_officials AS
WITH seen AS (
    SELECT o.*, lower(trim(regexp_replace(strip_accents(o.name), '[^A-Za-z0-9]+', ' ', 'g'))) AS name_key,
           a.source, coalesce(a.published, CAST(a.loaded_at AS DATE)) AS seen_on
    FROM officials o LEFT JOIN articles a ON a.article_id = o.article_id
    WHERE trim(coalesce(o.name, '')) <> ''
), people AS (
    SELECT name_key, role_kind, mode(name) AS name, list_sort(list_distinct(list(role))) AS roles,
           bool_or(acting) AS ever_acting, mode(region_code) AS region_code,
           list_sort(list_distinct(flatten(list(coalesce(aliases, []))))) AS aliases,
           count(DISTINCT article_id) AS n_articles, CAST(sum(mentions) AS BIGINT) AS mentions,
           list_sort(list_distinct(list(source))) AS sources, min(seen_on) AS first_seen,
           max(seen_on) AS last_seen
    FROM seen GROUP BY name_key, role_kind
), in_events AS (
    SELECT s.name_key, s.role_kind, count(DISTINCT m.group_id) AS n_events
    FROM (SELECT DISTINCT name_key, role_kind, article_id FROM seen) s
    JOIN v_event_mentions m ON m.article_id = s.article_id GROUP BY s.name_key, s.role_kind
)
SELECT p.name_key, p.name, p.role_kind, p.roles, p.ever_acting, p.aliases, p.region_code,
       left(p.region_code, 2) AS province_code, gp.name AS province_name,
       CASE WHEN length(p.region_code) >= 5 THEN left(p.region_code, 5) END AS regency_code, gr.name AS regency_name,
       p.n_articles, coalesce(e.n_events, 0) AS n_events, p.mentions, p.sources, p.first_seen, p.last_seen
FROM people p
LEFT JOIN in_events e ON e.name_key = p.name_key AND e.role_kind IS NOT DISTINCT FROM p.role_kind
LEFT JOIN gazetteer gp ON gp.code = left(p.region_code, 2)
LEFT JOIN gazetteer gr ON gr.code = CASE WHEN length(p.region_code) >= 5 THEN left(p.region_code, 5) END
"""

_TYPE_COUNTS = ",\n       ".join(
    f"count(*) FILTER (WHERE type = '{t}') AS {t}" for t in EVENT_TYPES)
_TYPE_COLUMNS = ", ".join(f"coalesce(ev.{t}, 0) AS {t}" for t in EVENT_TYPES)

_V_PROVINCE_MONTH = f"""
CREATE OR REPLACE VIEW v_province_month AS
WITH ev AS (
    SELECT province_code, CAST(date_trunc('month', local_date) AS DATE) AS month, count(*) AS events,
       {_TYPE_COUNTS},
       CAST(sum(n_articles) AS BIGINT) AS reports
    FROM v_events WHERE local_date IS NOT NULL AND province_code IS NOT NULL GROUP BY ALL
), art AS (
    SELECT left(r.code, 2) AS province_code, CAST(date_trunc('month', a.published) AS DATE) AS month,
           count(DISTINCT a.article_id) AS articles
    FROM regions r JOIN articles a ON a.article_id = r.article_id
    WHERE a.relevant AND a.published IS NOT NULL GROUP BY ALL
), bounds AS (
    SELECT min(month) AS first_month, max(month) AS last_month
    FROM (SELECT month FROM ev UNION ALL SELECT month FROM art)
), months AS (
    SELECT CAST(unnest(generate_series(CAST(first_month AS TIMESTAMP), CAST(last_month AS TIMESTAMP),
                                       INTERVAL 1 MONTH)) AS DATE) AS month
    FROM bounds WHERE first_month IS NOT NULL
)
SELECT p.code AS province_code, p.name AS province_name, tz.zone AS time_zone, m.month,
       coalesce(ev.events, 0) AS events, {_TYPE_COLUMNS},
       coalesce(ev.reports, 0) AS reports, coalesce(art.articles, 0) AS articles,
       coalesce(ev.events, 0) = 0 AS silent
FROM gazetteer p CROSS JOIN months m
LEFT JOIN province_timezones tz ON tz.province_code = p.code
LEFT JOIN ev ON ev.province_code = p.code AND ev.month = m.month
LEFT JOIN art ON art.province_code = p.code AND art.month = m.month
WHERE p.level = 'provinsi'
"""

# Each fact is counted at its own region and at every enclosing one: a regency event also counts for its
# province. Codes are fixed-width (NN, NN.NN, NN.NN.NN), so the ancestors are plain prefixes.
_V_REGION_ROLLUP = """
CREATE OR REPLACE VIEW v_region_rollup AS
WITH ev AS (
    SELECT group_id, local_date, region_code, left(region_code, 2) AS code FROM v_events WHERE region_code IS NOT NULL
    UNION ALL
    SELECT group_id, local_date, region_code, left(region_code, 5) FROM v_events WHERE length(region_code) >= 5
), ev_agg AS (
    SELECT code, count(DISTINCT group_id) AS events,
           count(DISTINCT group_id) FILTER (WHERE region_code = code) AS events_here,
           min(local_date) AS first_event, max(local_date) AS last_event
    FROM ev GROUP BY code
), art AS (
    SELECT DISTINCT r.article_id, left(r.code, 2) AS code FROM regions r JOIN articles a USING (article_id)
    WHERE a.relevant
    UNION
    SELECT DISTINCT r.article_id, left(r.code, 5) FROM regions r JOIN articles a USING (article_id)
    WHERE a.relevant AND length(r.code) >= 5
), art_agg AS (SELECT code, count(*) AS articles FROM art GROUP BY code),
people AS (
    SELECT DISTINCT lower(trim(regexp_replace(strip_accents(name), '[^A-Za-z0-9]+', ' ', 'g'))) AS name_key,
           left(region_code, 2) AS code FROM officials WHERE region_code IS NOT NULL
    UNION
    SELECT DISTINCT lower(trim(regexp_replace(strip_accents(name), '[^A-Za-z0-9]+', ' ', 'g'))),
           left(region_code, 5) FROM officials WHERE length(region_code) >= 5
), people_agg AS (SELECT code, count(*) AS officials FROM people GROUP BY code)
SELECT g.code, g.name, g.level, g.province_code, tz.zone AS time_zone,
       coalesce(ev_agg.events, 0) AS events, coalesce(ev_agg.events_here, 0) AS events_here,
       coalesce(art_agg.articles, 0) AS articles, coalesce(people_agg.officials, 0) AS officials,
       ev_agg.first_event, ev_agg.last_event, coalesce(ev_agg.events, 0) = 0 AS silent
FROM gazetteer g
LEFT JOIN province_timezones tz ON tz.province_code = g.province_code
LEFT JOIN ev_agg ON ev_agg.code = g.code
LEFT JOIN art_agg ON art_agg.code = g.code
LEFT JOIN people_agg ON people_agg.code = g.code
WHERE g.level IN ('provinsi', 'kabupaten', 'kota')
"""

_V_SOURCE_HEALTH = """
CREATE OR REPLACE VIEW v_source_health AS
WITH names AS (
    SELECT name FROM sources
    UNION SELECT source FROM pages WHERE source IS NOT NULL
    UNION SELECT source FROM articles WHERE source IS NOT NULL
), page_runs AS (
    SELECT source, run_id, count(*) FILTER (WHERE outcome = 'ok') AS fetched,
           count(*) FILTER (WHERE outcome = 'not_modified') AS not_modified,
           count(*) FILTER (WHERE outcome = 'failed') AS failed
    FROM pages GROUP BY source, run_id
), page_totals AS (
    SELECT source, max(run_id) AS latest_run_id, CAST(sum(fetched) AS BIGINT) AS fetched,
           CAST(sum(not_modified) AS BIGINT) AS not_modified, CAST(sum(failed) AS BIGINT) AS failed
    FROM page_runs GROUP BY source
), yields AS (
    SELECT a.source, count(*) AS articles, count(*) FILTER (WHERE a.relevant) AS relevant_articles,
           max(a.published) AS last_published, max(a.loaded_at) AS last_loaded_at
    FROM articles a GROUP BY a.source
), event_yields AS (
    SELECT a.source, count(*) AS events FROM events e JOIN articles a ON a.article_id = e.article_id GROUP BY a.source
), backlog AS (
    SELECT source, count(*) FILTER (WHERE status = 'pending') AS urls_pending,
           count(*) FILTER (WHERE status = 'failed') AS urls_failed
    FROM frontier GROUP BY source
)
SELECT n.name AS source, s.url, s.province, s.enabled, s.healthy,
       CASE WHEN s.name IS NULL THEN 'unregistered' WHEN s.last_attempt_at IS NULL THEN 'never_run'
            WHEN NOT s.healthy THEN 'unhealthy' WHEN s.consecutive_failures > 0 THEN 'failing' ELSE 'ok' END AS status,
       coalesce(s.consecutive_failures, 0) AS consecutive_failures, s.last_attempt_at, s.last_success_at,
       s.last_error, coalesce(s.last_run_id, pt.latest_run_id) AS last_run_id,
       coalesce(lr.fetched, 0) AS last_run_pages_fetched,
       coalesce(lr.not_modified, 0) AS last_run_pages_not_modified,
       coalesce(lr.failed, 0) AS last_run_pages_failed,
       coalesce(pt.fetched, 0) AS pages_fetched, coalesce(pt.not_modified, 0) AS pages_not_modified,
       coalesce(pt.failed, 0) AS pages_failed,
       coalesce(b.urls_pending, 0) AS urls_pending, coalesce(b.urls_failed, 0) AS urls_failed,
       coalesce(y.articles, 0) AS articles, coalesce(y.relevant_articles, 0) AS relevant_articles,
       coalesce(ey.events, 0) AS events, y.last_published, y.last_loaded_at
FROM names n
LEFT JOIN sources s ON s.name = n.name
LEFT JOIN page_totals pt ON pt.source = n.name
LEFT JOIN page_runs lr ON lr.source = n.name AND lr.run_id = coalesce(s.last_run_id, pt.latest_run_id)
LEFT JOIN yields y ON y.source = n.name
LEFT JOIN event_yields ey ON ey.source = n.name
LEFT JOIN backlog b ON b.source = n.name
"""

_VIEW_SQL = (_EVIDENCE_SENTENCE, _V_EVENT_MENTIONS, _V_EVENTS, _V_OFFICIALS, _V_PROVINCE_MONTH, _V_REGION_ROLLUP, _V_SOURCE_HEALTH)


def apply(con: duckdb.DuckDBPyConnection) -> None:
    """Create or refresh the analyst tables and views and document every table and column.

    Runs in a transaction of its own (the connection must not be inside one): a failure leaves the previous
    analyst layer untouched.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(DEDUP_SCHEMA)  # the dedup stage owns these tables; the views read them
        _refresh_reference_tables(con)
        for sql in _VIEW_SQL:
            con.execute(sql)
        con.execute("CREATE OR REPLACE TABLE views_meta AS SELECT ?::INTEGER AS version, "
                    "?::TIMESTAMPTZ AS applied_at, ?::VARCHAR AS gazetteer_source",
                    [VIEWS_VERSION, dt.datetime.now(dt.UTC), gazetteer.SOURCE])
        document(con)
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):  # keep the real cause, not the rollback's
            con.execute("ROLLBACK")
        raise


def _refresh_reference_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild `gazetteer` and `province_timezones` from the installed region data (one statement each)."""
    levels = ("provinsi", "kabupaten", "kota", "kecamatan")
    rows = [r for r in gazetteer.regions() if r.level in levels]
    regions_table = pa.table({"code": [r.code for r in rows], "name": [r.name for r in rows],
                              "level": [r.level for r in rows], "province_code": [r.province_code for r in rows]})
    con.register("_gazetteer_rows", regions_table)
    try:
        con.execute("CREATE OR REPLACE TABLE gazetteer (code VARCHAR PRIMARY KEY, name VARCHAR, level VARCHAR, "
                    "province_code VARCHAR)")
        con.execute("INSERT INTO gazetteer SELECT code, name, level, province_code FROM _gazetteer_rows")
    finally:
        con.unregister("_gazetteer_rows")
    zones = [(code, zone, _TZ_OVERRIDES.get(code, _ZONES[zone][0]), _ZONES[zone][1])
             for code, zone in sorted(PROVINCE_ZONES.items())]
    con.execute("CREATE OR REPLACE TABLE province_timezones (province_code VARCHAR PRIMARY KEY, zone VARCHAR, "
                "tz_name VARCHAR, utc_offset_hours INTEGER)")
    con.executemany("INSERT INTO province_timezones VALUES (?, ?, ?, ?)", zones)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def document(con: duckdb.DuckDBPyConnection) -> None:
    """COMMENT ON every known table, view and column that lacks the current description."""
    objects = {name: kind for name, kind in con.execute(
        """SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary
           UNION ALL SELECT view_name, 'VIEW' FROM duckdb_views()
           WHERE schema_name = 'main' AND NOT internal AND NOT temporary""").fetchall()}
    current = dict(con.execute(
        """SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main'
           UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main'""").fetchall())
    statements = [f"COMMENT ON {kind} {name} IS {_quote(text)}" for name, kind in objects.items()
                  if (text := TABLE_DOCS.get(name)) and current.get(name) != text]
    for table, column, comment in con.execute(
            """SELECT table_name, column_name, comment FROM duckdb_columns()
               WHERE schema_name = 'main' AND NOT internal""").fetchall():
        text = column_doc(table, column) if table in objects else None
        if text and comment != text:
            statements.append(f'COMMENT ON COLUMN {table}."{column}" IS {_quote(text)}')
    if statements:
        # One round trip: each recreated view needs some thirty comments on every apply.
        con.execute(";\n".join(statements))


def column_doc(table: str, column: str) -> str | None:
    """The description of one column: its table's own, else the shared one for that column name."""
    own = COLUMN_DOCS.get(table, {})
    if column in own:
        return own[column]
    if table in VIEWS and column in EVENT_TYPES:
        return f"number of deduplicated events of type {column}"
    return SHARED_COLUMN_DOCS.get(column)


def undocumented(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables, views and columns of the main schema without a comment ("table" or "table.column")."""
    missing = [name for (name,) in con.execute(
        """SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary
           AND (comment IS NULL OR comment = '')
           UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal
           AND NOT temporary AND (comment IS NULL OR comment = '')""").fetchall()]
    missing += [f"{t}.{c}" for t, c in con.execute(
        """SELECT c.table_name, c.column_name FROM duckdb_columns() c
           WHERE c.schema_name = 'main' AND NOT c.internal AND (c.comment IS NULL OR c.comment = '')
           AND c.table_name NOT IN (SELECT table_name FROM duckdb_tables() WHERE temporary)
           AND c.table_name NOT IN (SELECT view_name FROM duckdb_views() WHERE temporary)""").fetchall()]
    return sorted(missing)


TABLE_DOCS: dict[str, str] = {
    "schema_migrations": "Schema versions applied to this warehouse file (pipeline.warehouse.SCHEMA_VERSION).",
    "runs": "One row per pipeline run (run, process, reprocess, ...): when, outcome, totals, errors.",
    "sources": "Registered news sources from sources.yaml with their crawl health. Key: name.",
    "frontier": "Every article URL ever discovered and its crawl state. Key: url_id (= articles.article_id).",
    "pages": "Every HTTP fetch (feeds, sitemaps, listings, articles) with its outcome and WARC location.",
    "articles": "One row per article URL with its latest extraction. Key: article_id (= frontier.url_id).",
    "paragraphs": "Paragraphs of each article with the cleaning verdict. Key: (article_id, idx).",
    "events": "LKKS/LKS activities reported by an article, one row per report. Key: event_id = article_id:seq.",
    "event_organizations": "Organisations taking part in an event. Key: (event_id, seq).",
    "officials": "People named with a position in an article. Key: (article_id, seq).",
    "regions": "Provinces and regencies/cities named in an article (Kemendagri codes). Key: (article_id, code).",
    "counts": "Stated quantities (people, organisations, money, ...) in an article. Key: (article_id, seq).",
    "dates": "Explicit or resolved dates mentioned in an article. Key: (article_id, seq).",
    "article_clusters": "Near-duplicate article clusters from the dedup stage (syndicated or re-posted news).",
    "article_signatures": "MinHash signature of each article's kept text, kept so new articles are compared with "
                          "old ones without recomputing. Key: article_id.",
    "event_groups": "Deduplicated events: reports of one real-world activity merged into a group. Key: group_id.",
    "event_mentions": "Which reported event (events.event_id) belongs to which event group.",
    "gazetteer": "Kemendagri provinces, regencies/cities and districts (rebuilt by pipeline.views.apply).",
    "province_timezones": "Civil time zone of each province: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).",
    "views_meta": "Version of the analyst views and of the region data they were built with.",
    "v_event_mentions": "One row per reported event with its group, article link and evidence text; ungrouped "
                        "events form their own group (group_id = event_id).",
    "v_events": "One row per deduplicated event (event group, or single report when ungrouped) with local date, "
                "province/regency, organisations and the canonical article.",
    "v_officials": "People by normalised name and role kind: roles seen, region, articles and events, first/last "
                   "seen.",
    "v_province_month": "Activity per province per month, all 38 provinces x every month spanned by the data, "
                        "zero rows included (silent = no event).",
    "v_region_rollup": "Events, articles and officials per province and regency/city, each fact also counted for "
                       "its enclosing province; zero rows included.",
    "v_source_health": "Per source: crawl health, last run and overall page outcomes, URL backlog and article "
                       "yield.",
}

SHARED_COLUMN_DOCS: dict[str, str] = {
    "article_id": "article key: url_id of the article URL (articles.article_id = frontier.url_id)",
    "url_id": "hash of the normalised URL; equals articles.article_id for article URLs",
    "extractor_version": "pipeline.EXTRACTOR_VERSION that produced the row",
    "paragraph": "paragraphs.idx of the evidence paragraph",
    "span_start": "evidence start offset (characters) within the paragraph text",
    "span_end": "evidence end offset (characters, exclusive) within the paragraph text",
    "seq": "position of the fact within its article (0-based)",
    "run_id": "runs.run_id: sortable UTC timestamp plus a random suffix",
    "source": "sources.name of the outlet",
    "url": "URL",
    "title": "article title",
    "published": "publication date of the article (as stated by the outlet, local calendar)",
    "region_code": "Kemendagri code: NN province, NN.NN regency/city, NN.NN.NN district (gazetteer.code)",
    "province_code": "two-digit Kemendagri province code (gazetteer.code where level = 'provinsi')",
    "province_name": "province name from the gazetteer",
    "regency_code": "NN.NN Kemendagri regency/city code (NULL for province-level facts)",
    "regency_name": "regency/city name from the gazetteer",
    "time_zone": "civil time zone of the province: WIB, WITA or WIT",
    "etag": "ETag validator of the last response",
    "last_modified": "Last-Modified validator of the last response",
    "body_sha256": "SHA-256 of the response body",
    "type": "event type (extract.md vocabulary: inauguration, coordination_meeting, deliberation, training, "
            "accreditation, aid_distribution, visit, other)",
    "tense": "past, future or unknown",
    "date": "event date stated in (or resolved from) the text; the local calendar of the place",
    "date_text": "the date as written in the text",
    "name": "name",
    "code": "Kemendagri region code",
    "level": "provinsi, kabupaten, kota or kecamatan",
    "mentions": "how many times the article mentions it",
    "role_kind": "role category (extract.md vocabulary: governor, regent, head_of_social_office, org_chair, ...)",
    "group_id": "event group key (event_groups.group_id; the event_id itself for an ungrouped event)",
    "event_id": "events.event_id = article_id:seq",
    "relevant": "the article is about LKKS/LKS activity",
    "events": "number of deduplicated events",
    "articles": "number of relevant articles",
    "n_events": "number of reported events (rows of events)",
    "n_articles": "number of distinct articles",
    "n_sources": "number of distinct outlets",
    "status": "state",
    "last_error": "last error message",
    "silent": "true when no event is recorded",
    "month": "first day of the month (local calendar)",
}

COLUMN_DOCS: dict[str, dict[str, str]] = {
    "schema_migrations": {"version": "schema version", "applied_at": "when it was applied (UTC)"},
    "runs": {
        "command": "CLI command that started the run (run, discover, fetch, process, reprocess, demo)",
        "started_at": "start time", "finished_at": "end time (NULL while running or if the run died)",
        "status": "running, completed or completed_with_failures",
        "sources_ok": "sources that ran without a source-level failure",
        "sources_failed": "sources whose discovery failed (unreachable)",
        "pages_fetched": "article pages fetched with 200", "pages_not_modified": "article pages answered 304",
        "pages_failed": "article pages that failed", "articles_new": "articles loaded for the first time",
        "articles_updated": "articles re-loaded with new content", "events": "events extracted in this run",
        "stats": "JSON counters: skipped URLs and dropped pages/paragraphs by reason",
        "errors": "JSON list of error messages",
    },
    "sources": {
        "name": "source name from sources.yaml (key)", "url": "home page of the outlet",
        "province": "province the outlet covers (two-digit code), if any", "enabled": "enabled in sources.yaml",
        "last_run_id": "last run that attempted this source", "last_attempt_at": "time of the last attempt",
        "last_success_at": "time of the last attempt whose discovery succeeded",
        "last_error": "error of the last failed attempt (NULL after a success)",
        "consecutive_failures": "failed attempts in a row",
        "healthy": "false after several consecutive failures",
    },
    "frontier": {
        "url": "article URL", "via": "how it was discovered: feed, sitemap or listing",
        "title": "title given by the listing", "listed_published": "publication time given by the listing",
        "discovered_at": "first discovery time", "discovered_run": "run that first discovered it",
        "status": "pending, fetched, not_modified or failed", "attempts": "fetch attempts so far",
        "last_error": "error of the last failed fetch",
    },
    "pages": {
        "page_id": "fetch key: hash of run, kind and URL", "kind": "robots, feed, sitemap, listing or article",
        "url": "requested URL", "final_url": "URL after redirects", "status": "HTTP status code",
        "outcome": "ok, not_modified or failed", "error": "reason and message of a failed fetch",
        "not_modified": "answered 304 Not Modified", "bytes": "body size", "fetched_at": "fetch time",
        "elapsed_seconds": "request duration", "warc_path": "WARC file holding the response",
        "warc_offset": "record offset in the WARC file", "warc_length": "record length in the WARC file",
        "processed_version": "extractor version that processed this page (NULL: not yet)",
        "process_error": "why processing dropped the page",
    },
    "articles": {
        "article_id": "article key (= frontier.url_id)", "url": "article URL", "page_id": "pages.page_id loaded",
        "paragraphs_total": "paragraphs extracted", "paragraphs_kept": "paragraphs kept after cleaning",
        "first_seen_run": "run that first loaded it", "last_loaded_run": "run that last loaded it",
        "loaded_at": "time of the last load",
    },
    "paragraphs": {
        "idx": "paragraph index within the article (0-based)", "text": "paragraph text",
        "status": "kept, boilerplate or duplicate", "reason": "why it was dropped",
        "duplicate_of": "idx of the paragraph it repeats", "text_hash": "hash of the normalised text",
    },
    "events": {
        "event_id": "event key: article_id:seq", "period_start": "first year of a stated term (periode 2024-2029)",
        "period_end": "last year of a stated term", "region_code": "Kemendagri code of where the event took place",
        "paragraph": "paragraphs.idx of the evidence",
    },
    "event_organizations": {"kind": "LKKS, LKS, LKSA, FORUM_LKS, DINSOS, KEMENSOS or OTHER",
                            "name": "organisation name as normalised by the extractor",
                            "seq": "position within the event"},
    "officials": {
        "name": "name without honorifics, titles and degrees", "name_text": "the name as written",
        "role": "position as written (Gubernur Kalimantan Selatan)", "acting": "Pj./Plt./Plh. (acting) holder",
        "aliases": "other ways the article refers to the person",
    },
    "regions": {"code": "Kemendagri code", "name": "region name", "level": "provinsi, kabupaten, kota, kecamatan "
                                                                            "or desa"},
    "counts": {"value": "numeric value", "unit": "counted noun as written (LKS, orang, rupiah, persen)",
               "text": "the quantity as written", "paragraph": "paragraphs.idx where it stands"},
    "dates": {"text": "the date as written", "value": "resolved ISO date (NULL when unknown)"},
    "article_signatures": {"body_hash": "hash of the kept text the signature was made from",
                           "minhash": "MinHash signature (packed unsigned integers)",
                           "n_shingles": "number of word shingles in the kept text",
                           "method": "hashing settings; a change triggers recomputation"},
    "article_clusters": {"cluster_id": "cluster key", "canonical_article_id": "article chosen to represent the "
                                                                             "cluster",
                         "similarity": "similarity to the canonical article (0..1)"},
    "event_groups": {
        "region_code": "Kemendagri code of the group's place", "date_start": "earliest stated date in the group",
        "date_end": "latest stated date in the group", "canonical_event_id": "event chosen to represent the group",
        "n_articles": "reporting articles", "n_sources": "reporting outlets",
        "organizations": "organisations across the group's reports", "key_officials": "main officials named",
    },
    "event_mentions": {"paragraph": "paragraphs.idx of the report's evidence"},
    "gazetteer": {"code": "Kemendagri code (key): NN, NN.NN or NN.NN.NN", "name": "official name",
                  "province_code": "two-digit code of the enclosing province"},
    "province_timezones": {"zone": "WIB, WITA or WIT", "tz_name": "IANA time zone name for AT TIME ZONE / timezone()",
                           "utc_offset_hours": "offset from UTC in hours (no daylight saving in Indonesia)"},
    "views_meta": {"version": "pipeline.views.VIEWS_VERSION", "applied_at": "when the views were last applied",
                   "gazetteer_source": "region data the gazetteer table was built from"},
    "v_event_mentions": {
        "grouped": "the dedup stage has grouped this event (false: a group of its own)",
        "published": "publication date of the reporting article", "relevant": "the article is relevant",
        "date": "date stated in this report", "region_code": "Kemendagri code stated in this report",
        "evidence_text": "the evidence span of the report (whole paragraph when no span)",
        "evidence_sentence": "the sentence holding the evidence span (evidence_sentence() macro)",
        "paragraph_text": "the full evidence paragraph",
    },
    "v_events": {
        "grouped": "several reports were merged by the dedup stage (false: a single ungrouped report)",
        "tense": "tense of the canonical report",
        "date": "event date (group start date or the report's stated date)",
        "date_end": "last date of the event (group end date)",
        "date_text": "date as written in the canonical report",
        "local_date": "best local calendar date: stated date, else the canonical article's publication date, "
                      "else its listing time converted to the province's time zone (Asia/Jakarta if unknown)",
        "date_basis": "where local_date comes from: stated, published or listed",
        "region_code": "most specific Kemendagri code: group's, else the report's, else its organisations'",
        "organizations": "distinct organisation names across all reports",
        "organization_kinds": "distinct organisation kinds across all reports",
        "officials": "people named in the reporting articles, as 'name (role)'",
        "n_events": "reports merged into this event",
        "n_articles": "distinct reporting articles", "n_sources": "distinct reporting outlets",
        "sources": "reporting outlets", "canonical_event_id": "report chosen to represent the event",
        "canonical_article_id": "article of the canonical report", "canonical_url": "URL of the canonical article",
        "canonical_title": "title of the canonical article", "canonical_source": "outlet of the canonical article",
        "canonical_published": "publication date of the canonical article",
        "evidence_sentence": "the sentence of the canonical report that the event was read from",
    },
    "v_officials": {
        "name_key": "normalised name: lower case ASCII letters and digits separated by single spaces",
        "name": "most frequent spelling of the name", "roles": "distinct positions as written",
        "ever_acting": "seen as an acting (Pj./Plt./Plh.) holder", "aliases": "other forms used by articles",
        "region_code": "most frequent region code of the person's position",
        "n_articles": "articles naming the person", "n_events": "deduplicated events reported by those articles",
        "mentions": "total mentions", "sources": "outlets naming the person",
        "first_seen": "earliest publication date (load date when unknown)", "last_seen": "latest such date",
    },
    "v_province_month": {
        "province_code": "two-digit province code", "events": "deduplicated events located in the province "
                                                              "with local_date in the month",
        "reports": "reporting articles of those events (a syndicated event counts once per article)",
        "articles": "relevant articles published in the month that name the province or one of its regions",
        "silent": "no event in this province and month",
    },
    "v_region_rollup": {
        "code": "Kemendagri code of the province or regency/city", "name": "official name",
        "level": "provinsi, kabupaten or kota", "events": "deduplicated events here or in enclosed regions",
        "events_here": "deduplicated events coded exactly at this region",
        "articles": "relevant articles naming this region or an enclosed one",
        "officials": "distinct people (name_key) whose position lies here or in an enclosed region",
        "first_event": "earliest local_date of those events", "last_event": "latest local_date of those events",
    },
    "v_source_health": {
        "url": "home page of the outlet", "province": "province the outlet covers",
        "enabled": "enabled in sources.yaml", "healthy": "sources.healthy (NULL for unregistered names)",
        "status": "ok, failing (last attempt failed), unhealthy (too many failures in a row), never_run or "
                  "unregistered (seen in pages/articles but not in sources)",
        "consecutive_failures": "failed attempts in a row", "last_attempt_at": "time of the last attempt",
        "last_success_at": "time of the last successful attempt",
        "last_run_id": "last run that attempted the source (else its latest run with pages)",
        "last_run_pages_fetched": "pages of every kind answered 200 in that run",
        "last_run_pages_not_modified": "pages answered 304 in that run",
        "last_run_pages_failed": "pages that failed in that run",
        "pages_fetched": "pages answered 200, all runs", "pages_not_modified": "pages answered 304, all runs",
        "pages_failed": "pages that failed, all runs", "urls_pending": "discovered article URLs not fetched yet",
        "urls_failed": "article URLs whose last fetch failed", "articles": "articles loaded from the source",
        "relevant_articles": "relevant articles", "events": "event reports extracted from its articles",
        "last_published": "latest publication date of its articles", "last_loaded_at": "latest load time",
    },
}
