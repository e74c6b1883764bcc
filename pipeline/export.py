"""Parquet export of the analyst tables and views, one file per table or view, with the schema comments."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb

from pipeline.views import VIEWS

# Crawl internals (frontier, pages, runs' raw state) stay in DuckDB: analysts read v_source_health instead.
EXPORT_TABLES = ("articles", "paragraphs", "events", "event_organizations", "officials", "regions", "counts",
                 "dates", "sources", "runs", "article_clusters", "event_groups", "event_mentions", "gazetteer",
                 "province_timezones")
EXPORT_NAMES = (*EXPORT_TABLES, *VIEWS)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def export_parquet(db_path: Path, out_dir: Path) -> list[Path]:
    """Write every analyst table and view present in the warehouse to OUT_DIR/<name>.parquet; return the files.

    The warehouse is opened read-only. Table and column comments travel in each file's key-value metadata
    (`lkks.comment`, `lkks.columns` as JSON). Each file is written beside its target and renamed into place,
    so a reader never sees a half-written file.
    """
    if not Path(db_path).is_file():
        raise FileNotFoundError(f"no warehouse at {db_path}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with duckdb.connect(str(db_path), read_only=True) as con:
        comments = dict(con.execute(
            """SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main'
               UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main'""").fetchall())
        for name in EXPORT_NAMES:
            if name not in comments:
                continue
            columns = {column: comment for column, comment in con.execute(
                """SELECT column_name, comment FROM duckdb_columns()
                   WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index""", [name]).fetchall()
                if comment}
            metadata = ", ".join(f'"{key}": {_literal(value)}' for key, value in (
                ("lkks.table", name), ("lkks.comment", comments[name] or ""),
                ("lkks.columns", json.dumps(columns, ensure_ascii=False))))
            target = out_dir / f"{name}.parquet"
            partial = out_dir / f".{name}.parquet.partial"
            con.execute(f"COPY (SELECT * FROM {name}) TO {_literal(str(partial))} "
                        f"(FORMAT parquet, COMPRESSION zstd, KV_METADATA {{{metadata}}})")
            os.replace(partial, target)
            written.append(target)
    return written
