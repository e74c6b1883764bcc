"""Warehouse: real DuckDB file, idempotent article loads, hand-off state for resumable runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from pipeline import EXTRACTOR_VERSION
from pipeline import warehouse as warehouse_module
from pipeline.errors import ConfigError, LockedError
from pipeline.lock import RunLock
from pipeline.models import (
    Analysis,
    Count,
    Document,
    Event,
    Evidence,
    Official,
    Organization,
    Paragraph,
    RegionMention,
)
from pipeline.warehouse import ArticleLoad, Warehouse


def _article(title: str = "Pelantikan LKKS") -> tuple[Document, Analysis]:
    document = Document(
        paragraphs=[Paragraph(0, "Gubernur melantik 30 pengurus LKKS."),
                    Paragraph(1, "Baca juga: x", "boilerplate", "read_also")],
        url="https://a.example.id/1", title=title, published=dt.date(2025, 1, 2), source="a")
    analysis = Analysis(
        relevant=True,
        events=[Event("inauguration", dt.date(2025, 1, 2), "Kamis (2/1/2025)", 2025, 2030, "past",
                      [Organization("LKKS", "LKKS Provinsi Banten", "36")], "36", Evidence(0, 0, 20))],
        officials=[Official("Usman", "H. Usman", "Gubernur Banten", "governor", region_code="36",
                            evidence=Evidence(0, 0, 8), aliases=["Pak Usman"])],
        regions=[RegionMention("Banten", "provinsi", "36", 2, Evidence(0, 0, 6))],
        counts=[Count(30, "pengurus", "30 pengurus", 0, 18, 29)],
    )
    return document, analysis


def test_loading_the_same_article_twice_replaces_instead_of_duplicating(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Warehouse(db) as wh:
        wh.start_run("r1", "test")
        assert wh.load_article("id1", *_article(), run_id="r1") is True
        first = wh.table_counts()
        assert wh.load_article("id1", *_article("Judul baru"), run_id="r2") is False
        assert wh.table_counts() == first
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT title, first_seen_run, last_loaded_run, extractor_version FROM articles").fetchone()
        assert row == ("Judul baru", "r1", "r2", EXTRACTOR_VERSION)
        assert con.execute("SELECT name, kind, region_code FROM event_organizations").fetchall() == [
            ("LKKS Provinsi Banten", "LKKS", "36")]
        assert con.execute("SELECT aliases FROM officials").fetchone() == (["Pak Usman"],)
        assert con.execute("SELECT value, unit, paragraph FROM counts").fetchone() == (30.0, "pengurus", 0)


def test_a_failed_load_leaves_the_previous_version_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.load_article("id1", *_article(), run_id="r1")
        before = wh.table_counts()
        real_arrow = warehouse_module._arrow

        def counts_without_last_column(table: str, rows: list[tuple[object, ...]]) -> pa.Table:
            built = real_arrow(table, rows)
            return built.drop_columns([built.column_names[-1]]) if table == "counts" else built

        # The counts insert then fails inside the transaction, after the old rows were deleted.
        monkeypatch.setattr(warehouse_module, "_arrow", counts_without_last_column)
        with pytest.raises(duckdb.Error):
            wh.load_article("id1", *_article("Judul baru"), run_id="r2")
        assert wh.table_counts() == before
        assert list(wh.rows("SELECT title FROM articles")) == [("Pelantikan LKKS",)]


def test_a_batch_load_reports_new_and_updated_and_keeps_first_seen(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.load_article("id1", *_article(), run_id="r1")
        loads = [ArticleLoad("id1", *_article("v2")), ArticleLoad("id2", *_article()),
                 ArticleLoad("id1", *_article("v3"))]
        assert wh.load_articles(loads, run_id="r2") == [False, True, False]
        assert sorted(wh.rows("SELECT article_id, title, first_seen_run FROM articles")) == [
            ("id1", "v3", "r1"), ("id2", "Pelantikan LKKS", "r2")]
        assert wh.table_counts()["officials"] == 2


def test_a_reloaded_batch_keeps_each_articles_own_first_run_and_replaces_its_facts(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        assert wh.load_articles([ArticleLoad("id1", *_article())], run_id="r1") == [True]
        assert wh.load_articles([ArticleLoad("id2", *_article())], run_id="r2") == [True]
        once = wh.table_counts()
        batch = [ArticleLoad(aid, *_article(f"{aid} v3")) for aid in ("id2", "id3", "id1")]
        assert wh.load_articles(batch, run_id="r3") == [False, True, False]
        assert wh.load_articles(batch, run_id="r4") == [False, False, False]
        assert sorted(wh.rows("SELECT article_id, title, first_seen_run, last_loaded_run FROM articles")) == [
            ("id1", "id1 v3", "r1", "r4"), ("id2", "id2 v3", "r2", "r4"), ("id3", "id3 v3", "r3", "r4")]
        assert {table: count * 3 // 2 for table, count in once.items() if table not in ("runs", "sources", "pages")} \
            == {table: count for table, count in wh.table_counts().items() if table not in ("runs", "sources", "pages")}


def test_pending_pages_and_processing_marks(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        base = {"source": "a", "kind": "article", "url": "https://a.example.id/1", "url_id": "u1",
                "outcome": "ok", "warc_path": "x.warc.gz", "warc_offset": 0, "warc_length": 10,
                "body_sha256": "h", "fetched_at": dt.datetime(2025, 1, 1, tzinfo=dt.UTC)}
        wh.record_page("r1", {**base, "page_id": "p1"})
        wh.record_page("r2", {**base, "page_id": "p2", "fetched_at": dt.datetime(2025, 1, 2, tzinfo=dt.UTC)})
        assert [p.page_id for p in wh.pending_pages()] == ["p2"]
        wh.mark_processed("p2")
        assert wh.pending_pages() == []
        assert [p.page_id for p in wh.pending_pages(everything=True)] == ["p2"]


def test_frontier_and_source_health(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        rows = [("u1", "https://a.id/1", "a", "feed", "t", None), ("u2", "https://a.id/2", "a", "feed", None, None)]
        assert wh.add_candidates("r1", rows) == 2
        assert wh.add_candidates("r2", rows) == 0
        wh.frontier_outcome("u1", "fetched", etag='"e"')
        assert [r[0] for r in wh.to_fetch("a")] == ["u2"]
        assert [r[0] for r in wh.to_fetch("a", listed={"u1"})] == ["u1", "u2"]
        wh.upsert_source("a", "https://a.id/", "36", True)
        for n in range(3):
            wh.source_outcome("a", f"r{n}", "unreachable: DNS")
        assert list(wh.rows("SELECT healthy, consecutive_failures, last_error FROM sources")) == [
            (False, 3, "unreachable: DNS")]
        wh.source_outcome("a", "r9", None)
        assert list(wh.rows("SELECT healthy, consecutive_failures FROM sources")) == [(True, 0)]


def test_run_lock_excludes_a_second_holder_and_is_reusable(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with RunLock(db), pytest.raises(LockedError, match="holds"):
        RunLock(db).acquire()
    with RunLock(db):
        pass


def test_migrations_bring_an_old_file_up_to_date_and_refuse_a_newer_one(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as con:  # a warehouse made by version 1 only
        con.execute(warehouse_module._MIGRATIONS_TABLE)
        con.execute(warehouse_module.MIGRATIONS[0][2])
        con.execute("INSERT INTO schema_migrations VALUES (1, 'base', now())")
    with Warehouse(db) as wh:
        versions = [r[0] for r in wh.rows("SELECT version FROM schema_migrations ORDER BY version")]
        assert versions == [m[0] for m in warehouse_module.MIGRATIONS]
        assert list(wh.rows("SELECT count(*) FROM event_groups")) == [(0,)]
        wh.con.execute("INSERT INTO schema_migrations VALUES (999, 'from the future', now())")
    with pytest.raises(ConfigError, match="newer than this program"):
        Warehouse(db)
