"""Analyst views on a real DuckDB warehouse: dedup-aware events, officials, zero-filled months, health, docs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline import views
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
from pipeline.warehouse import Warehouse

INAUGURATION_TEXT = ("Gubernur Kalimantan Selatan H. Muhidin mengukuhkan pengurus LKKS Provinsi Kalsel di "
                     "Banjarbaru, Rabu (8/10/2025).")
TRAINING_TEXT = "Wali Kota Banjarmasin Ibnu Sina membuka pelatihan 30 peserta dari 12 LKS, Selasa (2/12/2025)."
LISTED_UTC = dt.datetime(2025, 11, 30, 15, 30, tzinfo=dt.UTC)  # 1 December only in WIT (UTC+9)


def _article(url: str, source: str, published: dt.date | None, text: str, analysis: Analysis,
             title: str) -> tuple[Document, Analysis]:
    document = Document([Paragraph(0, text), Paragraph(1, "Baca juga: berita lain", "boilerplate", "read_also")],
                        url=url, title=title, published=published, source=source)
    return document, analysis


def _inauguration(official_name: str) -> Analysis:
    return Analysis(
        relevant=True,
        events=[Event("inauguration", dt.date(2025, 10, 8), "Rabu (8/10/2025)", 2025, 2030, "past",
                      [Organization("LKKS", "LKKS Provinsi Kalimantan Selatan", "63")], "63", Evidence(0, 0, 38))],
        officials=[Official(official_name, f"H. {official_name}", "Gubernur Kalimantan Selatan", "governor",
                            region_code="63", evidence=Evidence(0, 11, 38))],
        regions=[RegionMention("Kalimantan Selatan", "provinsi", "63")],
        counts=[Count(199, "LKS", "199 LKS", 0, 0, 7)],
    )


def load_fixture_articles(wh: Warehouse) -> None:
    """Six articles over four outlets and three provinces, with source health and one listing timestamp."""
    wh.start_run("r1", "run")
    for name, province in (("kalsel-mc", "63"), ("antara-kalsel", "63"), ("banten-news", "36"),
                           ("aceh-news", "11"), ("papua-news", "91")):
        wh.upsert_source(name, f"https://{name}.example.id/", province, True)
    for name in ("kalsel-mc", "antara-kalsel", "banten-news", "papua-news"):
        wh.source_outcome(name, "r1", None)
    for _ in range(3):
        wh.source_outcome("aceh-news", "r1", "unreachable: connection refused")
    for i, outcome in enumerate(("ok", "ok", "failed")):
        wh.record_page("r1", {"page_id": f"p{i}", "source": "kalsel-mc", "kind": "article",
                              "url": f"https://kalsel-mc.example.id/{i}", "outcome": outcome})
    wh.add_candidates("r1", [("a6", "https://papua-news.example.id/a6", "papua-news", "feed", "Rakor LKS Papua",
                              LISTED_UTC)])
    articles: list[tuple[str, tuple[Document, Analysis]]] = [
        ("a1", _article("https://kalsel-mc.example.id/a1", "kalsel-mc", dt.date(2025, 10, 8), INAUGURATION_TEXT,
                        _inauguration("Muhidin"), "Pengukuhan Pengurus LKKS Provinsi Kalsel")),
        ("a2", _article("https://antara-kalsel.example.id/a2", "antara-kalsel", dt.date(2025, 10, 9),
                        INAUGURATION_TEXT, _inauguration("MUHIDIN"), "Gubernur kukuhkan LKKS Kalsel")),
        ("a3", _article("https://kalsel-mc.example.id/a3", "kalsel-mc", dt.date(2025, 12, 3), TRAINING_TEXT,
                        Analysis(relevant=True,
                                 events=[Event("training", dt.date(2025, 12, 2), "Selasa (2/12/2025)", tense="past",
                                               organizations=[Organization("LKS", "LKS Kota Banjarmasin", "63.71")],
                                               region_code="63.71", evidence=Evidence(0, 0, 60))],
                                 officials=[Official("Ibnu Sina", "Ibnu Sina", "Wali Kota Banjarmasin", "mayor",
                                                     region_code="63.71")],
                                 regions=[RegionMention("Kota Banjarmasin", "kota", "63.71")],
                                 counts=[Count(30, "peserta", "30 peserta", 0, 50, 60),
                                         Count(12, "LKS", "12 LKS", 0, 66, 72)]),
                        "Pelatihan LKS Banjarmasin")),
        ("a4", _article("https://banten-news.example.id/a4", "banten-news", dt.date(2025, 11, 20),
                        "Pj Sekda Banten Usman Asshiddiqi Qohara memimpin rakor LKKS.",
                        Analysis(relevant=True,
                                 events=[Event("coordination_meeting", region_code="36",
                                               organizations=[Organization("LKKS", "LKKS Provinsi Banten", "36")])],
                                 officials=[Official("Usman Asshiddiqi Qohara", "Usman Asshiddiqi Qohara",
                                                     "Pj Sekda Banten", "regional_secretary", acting=True,
                                                     region_code="36")],
                                 regions=[RegionMention("Banten", "provinsi", "36")]),
                        "Rakor LKKS Banten")),
        ("a5", _article("https://banten-news.example.id/a5", "banten-news", dt.date(2025, 11, 21),
                        "Harga cabai naik di Pasar Rau.", Analysis(relevant=False), "Harga cabai")),
        ("a6", _article("https://papua-news.example.id/a6", "papua-news", None, "Rakor LKS se-Papua digelar.",
                        Analysis(relevant=True, events=[Event("coordination_meeting", region_code="91")]),
                        "Rakor LKS Papua")),
    ]
    for article_id, (document, analysis) in articles:
        wh.load_article(article_id, document, analysis, run_id="r1")


def group_syndicated_inauguration(con: duckdb.DuckDBPyConnection) -> None:
    """What the dedup stage does for a1/a2: one event group with a canonical event and two mentions."""
    con.execute("""INSERT INTO event_groups (group_id, type, region_code, date_start, date_end, canonical_event_id,
                   n_articles, n_sources) VALUES ('g1', 'inauguration', '63', DATE '2025-10-08', DATE '2025-10-08',
                   'a1:0', 2, 2)""")
    con.execute("""INSERT INTO event_mentions VALUES ('g1', 'a1:0', 'a1', 'kalsel-mc', 0),
                   ('g1', 'a2:0', 'a2', 'antara-kalsel', 0)""")


def build_warehouse(path: Path, *, grouped: bool = True) -> Path:
    """A warehouse file with the fixture articles, the analyst views and (optionally) one dedup group."""
    with Warehouse(path) as wh:
        load_fixture_articles(wh)
        views.apply(wh.con)
        if grouped:
            group_syndicated_inauguration(wh.con)
    return path


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    path = build_warehouse(tmp_path_factory.mktemp("views") / "w.duckdb")
    with duckdb.connect(str(path), read_only=True) as connection:
        yield connection


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_every_view_exists_and_answers(con: duckdb.DuckDBPyConnection) -> None:
    present = {name for (name,) in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert set(views.VIEWS) <= present
    for view in views.VIEWS:
        assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] > 0, view  # type: ignore[index]


def test_v_events_has_one_row_per_deduplicated_event(con: duckdb.DuckDBPyConnection) -> None:
    rows = {r["group_id"]: r for r in _dicts(con, "SELECT * FROM v_events")}
    assert sorted(rows) == ["a3:0", "a4:0", "a6:0", "g1"]
    g1 = rows["g1"]
    assert (g1["grouped"], g1["type"], g1["date"], g1["local_date"], g1["date_basis"]) == (
        True, "inauguration", dt.date(2025, 10, 8), dt.date(2025, 10, 8), "stated")
    assert (g1["n_events"], g1["n_articles"], g1["n_sources"], g1["sources"]) == (
        2, 2, 2, ["antara-kalsel", "kalsel-mc"])
    assert (g1["province_code"], g1["province_name"], g1["time_zone"], g1["regency_code"]) == (
        "63", "Kalimantan Selatan", "WITA", None)
    assert g1["canonical_url"] == "https://kalsel-mc.example.id/a1"
    assert g1["organizations"] == ["LKKS Provinsi Kalimantan Selatan"]
    assert g1["evidence_sentence"] == INAUGURATION_TEXT
    assert "Muhidin (Gubernur Kalimantan Selatan)" in g1["officials"]


def test_v_events_locates_regencies_and_falls_back_to_local_publication_and_listing_dates(
        con: duckdb.DuckDBPyConnection) -> None:
    rows = {r["group_id"]: r for r in _dicts(con, "SELECT * FROM v_events")}
    training = rows["a3:0"]
    assert (training["regency_code"], training["regency_name"], training["province_name"]) == (
        "63.71", "Kota Banjarmasin", "Kalimantan Selatan")
    assert (rows["a4:0"]["local_date"], rows["a4:0"]["date_basis"], rows["a4:0"]["time_zone"]) == (
        dt.date(2025, 11, 20), "published", "WIB")
    papua = rows["a6:0"]
    assert (papua["time_zone"], papua["date_basis"]) == ("WIT", "listed")
    assert papua["local_date"] == dt.date(2025, 12, 1)  # 15:30 UTC is 00:30 WIT but 22:30 WIB


def test_v_events_degrades_to_one_group_per_event_without_dedup(tmp_path: Path) -> None:
    path = build_warehouse(tmp_path / "w.duckdb", grouped=False)
    with duckdb.connect(str(path), read_only=True) as con:
        rows = _dicts(con, "SELECT group_id, grouped, n_articles, canonical_event_id FROM v_events ORDER BY group_id")
    assert [r["group_id"] for r in rows] == ["a1:0", "a2:0", "a3:0", "a4:0", "a6:0"]
    assert all(not r["grouped"] and r["n_articles"] == 1 and r["canonical_event_id"] == r["group_id"] for r in rows)


def test_a_stale_canonical_event_falls_back_to_the_earliest_report(tmp_path: Path) -> None:
    path = build_warehouse(tmp_path / "w.duckdb")
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE event_groups SET canonical_event_id = 'gone:0'")
        row = con.execute("SELECT canonical_event_id, canonical_published FROM v_events WHERE group_id = 'g1'").fetchone()
    assert row == ("a1:0", dt.date(2025, 10, 8))


def test_v_event_mentions_links_reports_to_articles_with_evidence(con: duckdb.DuckDBPyConnection) -> None:
    rows = _dicts(con, "SELECT * FROM v_event_mentions WHERE group_id = 'g1' ORDER BY event_id")
    assert [(r["event_id"], r["source"], r["grouped"]) for r in rows] == [
        ("a1:0", "kalsel-mc", True), ("a2:0", "antara-kalsel", True)]
    assert rows[0]["evidence_text"] == INAUGURATION_TEXT[:38]
    assert rows[0]["evidence_sentence"] == rows[0]["paragraph_text"] == INAUGURATION_TEXT
    unlocated = _dicts(con, "SELECT evidence_text, evidence_sentence FROM v_event_mentions WHERE event_id = 'a4:0'")
    assert unlocated == [{"evidence_text": None, "evidence_sentence": None}]


@pytest.mark.parametrize(("span", "sentence"), [
    ("meninjau", "Orinews.id | Jantho — Plh. Kepala Dinas Sosial Teuku Munawar, S.STP, M.Si meninjau enam panti "
                 "asuhan, Rabu (16/10/2024)."),
    ("Rakor", "Rakor diikuti 30 peserta dari Dr. Hendra dan H. Muhidin!"),
    ("Muhidin", "Rakor diikuti 30 peserta dari Dr. Hendra dan H. Muhidin!"),
    ("selesai", "Acara selesai pukul 12.00 WIB"),
])
def test_evidence_sentence_expands_a_span_to_its_sentence_despite_abbreviations(
        con: duckdb.DuckDBPyConnection, span: str, sentence: str) -> None:
    text = ("Orinews.id | Jantho — Plh. Kepala Dinas Sosial Teuku Munawar, S.STP, M.Si meninjau enam panti asuhan, "
            "Rabu (16/10/2024). Rakor diikuti 30 peserta dari Dr. Hendra dan H. Muhidin! Acara selesai pukul "
            "12.00 WIB")
    start = text.index(span)
    found = con.execute("SELECT evidence_sentence(?, ?, ?)", [text, start, start + len(span)]).fetchone()
    assert found == (sentence,)


def test_v_officials_merges_spellings_and_counts_articles_and_events(con: duckdb.DuckDBPyConnection) -> None:
    rows = {r["name_key"]: r for r in _dicts(con, "SELECT * FROM v_officials")}
    assert sorted(rows) == ["ibnu sina", "muhidin", "usman asshiddiqi qohara"]
    governor = rows["muhidin"]
    assert (governor["role_kind"], governor["n_articles"], governor["n_events"]) == ("governor", 2, 1)
    assert (governor["first_seen"], governor["last_seen"]) == (dt.date(2025, 10, 8), dt.date(2025, 10, 9))
    assert governor["roles"] == ["Gubernur Kalimantan Selatan"]
    assert governor["province_name"] == "Kalimantan Selatan"
    assert rows["usman asshiddiqi qohara"]["ever_acting"] is True
    assert rows["ibnu sina"]["regency_name"] == "Kota Banjarmasin"


def test_v_province_month_covers_all_38_provinces_in_every_month_with_zeros(
        con: duckdb.DuckDBPyConnection) -> None:
    shape = con.execute("SELECT count(DISTINCT province_code), count(DISTINCT month), count(*) "
                        "FROM v_province_month").fetchone()
    assert shape == (38, 3, 114)
    months = [m for (m,) in con.execute("SELECT DISTINCT month FROM v_province_month ORDER BY month").fetchall()]
    assert months == [dt.date(2025, 10, 1), dt.date(2025, 11, 1), dt.date(2025, 12, 1)]
    active = {(r["province_code"], r["month"]): r for r in _dicts(
        con, "SELECT * FROM v_province_month WHERE events > 0 OR articles > 0")}
    assert sorted(active) == [("36", dt.date(2025, 11, 1)), ("63", dt.date(2025, 10, 1)),
                              ("63", dt.date(2025, 12, 1)), ("91", dt.date(2025, 12, 1))]
    october = active[("63", dt.date(2025, 10, 1))]
    assert (october["events"], october["inauguration"], october["training"], october["reports"],
            october["articles"], october["silent"]) == (1, 1, 0, 2, 2, False)
    assert active[("63", dt.date(2025, 12, 1))]["training"] == 1
    assert active[("36", dt.date(2025, 11, 1))]["coordination_meeting"] == 1
    aceh = _dicts(con, "SELECT events, articles, silent FROM v_province_month WHERE province_code = '11'")
    assert aceh == [{"events": 0, "articles": 0, "silent": True}] * 3


def test_v_province_month_is_empty_but_valid_on_an_empty_warehouse(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "empty.duckdb") as wh:
        views.apply(wh.con)
        for view in views.VIEWS:
            assert wh.con.execute(f"SELECT count(*) FROM {view}").fetchone() == (
                0 if view != "v_region_rollup" else 552,), view


def test_v_region_rollup_counts_regency_events_for_their_province(con: duckdb.DuckDBPyConnection) -> None:
    rows = {r["code"]: r for r in _dicts(con, "SELECT * FROM v_region_rollup WHERE province_code IN ('63', '91')")}
    assert (rows["63"]["events"], rows["63"]["events_here"], rows["63"]["officials"]) == (2, 1, 2)
    assert (rows["63.71"]["events"], rows["63.71"]["level"], rows["63.71"]["silent"]) == (1, "kota", False)
    assert rows["63.01"]["silent"] is True
    assert rows["91"]["events"] == 1
    regencies = con.execute("SELECT count(*) FROM v_region_rollup WHERE level <> 'provinsi'").fetchone()
    assert regencies == (514,)
    prefix = con.execute("SELECT count(*) FROM v_events WHERE starts_with(region_code, '63.')").fetchone()
    assert prefix == (1,)  # the documented pattern for "all regencies of a province"


def test_v_source_health_reports_failures_runs_and_yield(con: duckdb.DuckDBPyConnection) -> None:
    rows = {r["source"]: r for r in _dicts(con, "SELECT * FROM v_source_health")}
    assert sorted(rows) == ["aceh-news", "antara-kalsel", "banten-news", "kalsel-mc", "papua-news"]
    aceh = rows["aceh-news"]
    assert (aceh["status"], aceh["healthy"], aceh["consecutive_failures"], aceh["last_success_at"]) == (
        "unhealthy", False, 3, None)
    assert aceh["last_error"] == "unreachable: connection refused"
    kalsel = rows["kalsel-mc"]
    assert (kalsel["status"], kalsel["last_run_id"], kalsel["last_run_pages_fetched"],
            kalsel["last_run_pages_failed"], kalsel["pages_fetched"]) == ("ok", "r1", 2, 1, 2)
    assert (kalsel["articles"], kalsel["relevant_articles"], kalsel["events"]) == (2, 2, 2)
    banten = rows["banten-news"]
    assert (banten["articles"], banten["relevant_articles"]) == (2, 1)
    assert rows["papua-news"]["urls_pending"] == 1


def test_gazetteer_and_time_zones_cover_every_province(con: duckdb.DuckDBPyConnection) -> None:
    levels = dict(con.execute("SELECT level, count(*) FROM gazetteer GROUP BY level").fetchall())
    assert (levels["provinsi"], levels["kabupaten"] + levels["kota"]) == (38, 514)
    zones = dict(con.execute("SELECT zone, count(*) FROM province_timezones GROUP BY zone").fetchall())
    assert zones == {"WIB": 18, "WITA": 12, "WIT": 8}
    unzoned = con.execute("""SELECT count(*) FROM gazetteer g LEFT JOIN province_timezones z
                             ON z.province_code = g.code WHERE g.level = 'provinsi' AND z.zone IS NULL""").fetchone()
    assert unzoned == (0,)
    assert con.execute("SELECT version FROM views_meta").fetchone() == (views.VIEWS_VERSION,)


def test_every_table_view_and_column_is_commented(con: duckdb.DuckDBPyConnection) -> None:
    assert views.undocumented(con) == []
    comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'v_events' "
                          "AND column_name = 'local_date'").fetchone()
    assert comment is not None and "time zone" in comment[0]
    table_comment = con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 'events'").fetchone()
    assert table_comment is not None and "event_id" in table_comment[0]


def test_apply_is_idempotent_and_keeps_dedup_rows(tmp_path: Path) -> None:
    path = build_warehouse(tmp_path / "w.duckdb")
    with Warehouse(path) as wh:
        before = wh.con.execute("SELECT * FROM v_events ORDER BY group_id").fetchall()
        views.apply(wh.con)
        views.apply(wh.con)
        assert wh.con.execute("SELECT * FROM v_events ORDER BY group_id").fetchall() == before
        assert wh.con.execute("SELECT count(*) FROM event_mentions").fetchone() == (2,)
        assert wh.con.execute("SELECT count(*) FROM gazetteer WHERE level = 'provinsi'").fetchone() == (38,)
        assert views.undocumented(wh.con) == []


def test_views_compile_over_dedup_tables_made_elsewhere_with_other_column_types(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        # The dedup stage may create its tables first, with integer ids and JSON lists.
        wh.con.execute("DROP VIEW IF EXISTS v_events; DROP VIEW IF EXISTS v_event_mentions; "
                       "DROP TABLE event_mentions; DROP TABLE event_groups")
        wh.con.execute("""CREATE TABLE event_groups (group_id INTEGER PRIMARY KEY, type VARCHAR, region_code VARCHAR,
                          date_start DATE, date_end DATE, canonical_event_id VARCHAR, n_articles INTEGER,
                          n_sources INTEGER, organizations JSON, key_officials JSON)""")
        wh.con.execute("CREATE TABLE event_mentions (group_id INTEGER, event_id VARCHAR, article_id VARCHAR, "
                       "source VARCHAR, paragraph INTEGER)")
        load_fixture_articles(wh)
        views.apply(wh.con)
        wh.con.execute("INSERT INTO event_groups VALUES (7, 'inauguration', '63', NULL, NULL, 'a2:0', 2, 2, "
                       "'[]', '[]')")
        wh.con.execute("INSERT INTO event_mentions VALUES (7, 'a1:0', 'a1', 'kalsel-mc', 0), "
                       "(7, 'a2:0', 'a2', 'antara-kalsel', 0)")
        row = wh.con.execute("SELECT group_id, n_articles, canonical_article_id, date FROM v_events "
                             "WHERE grouped").fetchone()
    assert row == ("7", 2, "a2", dt.date(2025, 10, 8))


def test_a_failing_apply_leaves_the_previous_analyst_layer_intact(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = build_warehouse(tmp_path / "w.duckdb")
    with Warehouse(path) as wh:
        before = wh.con.execute("SELECT applied_at FROM views_meta").fetchone()
        monkeypatch.setattr(views, "_VIEW_SQL", (*views._VIEW_SQL, "CREATE OR REPLACE VIEW v_broken AS SELECT nope"))
        with pytest.raises(duckdb.BinderException):
            views.apply(wh.con)
        assert wh.con.execute("SELECT applied_at FROM views_meta").fetchone() == before
        assert wh.con.execute("SELECT count(*) FROM v_events").fetchone() == (4,)
        assert wh.con.execute("SELECT count(*) FROM gazetteer WHERE level = 'provinsi'").fetchone() == (38,)
        assert wh.con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = 'v_broken'").fetchone() == (0,)
