"""Parquet export: one readable file per analyst table and view, comments carried along, read-only access."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import views
from pipeline.export import EXPORT_NAMES, export_parquet
from pipeline.warehouse import Warehouse
from tests.test_views import build_warehouse, load_fixture_articles


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("export") / "w.duckdb")


def test_every_analyst_table_and_view_becomes_a_readable_parquet_file(warehouse: Path, tmp_path: Path) -> None:
    written = export_parquet(warehouse, tmp_path / "out")
    assert [p.name for p in written] == [f"{name}.parquet" for name in EXPORT_NAMES]
    assert {p.name for p in (tmp_path / "out").iterdir()} == {p.name for p in written}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for path in written:
            table = pq.read_table(path)
            expected = con.execute(f"SELECT count(*) FROM {path.stem}").fetchone()
            assert expected == (table.num_rows,), path.name
    assert "frontier.parquet" not in {p.name for p in written}


def test_exported_views_keep_types_values_and_comments(warehouse: Path, tmp_path: Path) -> None:
    export_parquet(warehouse, tmp_path)
    events = pq.read_table(tmp_path / "v_events.parquet")
    assert events.schema.field("local_date").type == pa.date32()
    assert events.schema.field("organizations").type == pa.list_(pa.string())
    rows = {r["group_id"]: r for r in events.to_pylist()}
    assert sorted(rows) == ["a3:0", "a4:0", "a6:0", "g1"]
    assert rows["g1"]["n_articles"] == 2
    metadata = pq.read_schema(tmp_path / "v_events.parquet").metadata
    assert metadata[b"lkks.table"] == b"v_events"
    assert b"deduplicated" in metadata[b"lkks.comment"]
    columns = json.loads(metadata[b"lkks.columns"])
    assert "time zone" in columns["local_date"]
    assert set(columns) == set(events.column_names)
    months = pq.read_table(tmp_path / "v_province_month.parquet")
    assert months.num_rows == 38 * 3


def test_export_replaces_files_atomically_and_leaves_nothing_partial(warehouse: Path, tmp_path: Path) -> None:
    (tmp_path / "articles.parquet").write_bytes(b"stale")
    export_parquet(warehouse, tmp_path)
    export_parquet(warehouse, tmp_path)
    assert pq.read_table(tmp_path / "articles.parquet").num_rows == 6
    assert not list(tmp_path.glob(".*partial"))


def test_export_runs_beside_an_open_read_only_connection(warehouse: Path, tmp_path: Path) -> None:
    # A read-write open of the same file in this process would be refused while this connection is open.
    with duckdb.connect(str(warehouse), read_only=True) as analyst:
        written = export_parquet(warehouse, tmp_path)
        assert analyst.execute("SELECT count(*) FROM v_events").fetchone() == (4,)
    assert len(written) == len(EXPORT_NAMES)


def test_a_warehouse_without_analyst_views_exports_its_base_tables(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Warehouse(db) as wh:
        load_fixture_articles(wh)
        # A warehouse from before the analyst layer: no views, no gazetteer, no dedup tables.
        for view in views.VIEWS:
            wh.con.execute(f"DROP VIEW IF EXISTS {view}")
        for table in ("gazetteer", "province_timezones", "views_meta", "event_mentions", "event_groups",
                      "article_clusters"):
            wh.con.execute(f"DROP TABLE IF EXISTS {table}")
    written = {p.stem for p in export_parquet(db, tmp_path / "out")}
    assert written == {"articles", "paragraphs", "events", "event_organizations", "officials", "regions", "counts",
                       "dates", "sources", "runs"}
    assert not written & set(views.VIEWS)


def test_a_missing_warehouse_is_an_error_not_an_empty_export(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        export_parquet(tmp_path / "nope.duckdb", tmp_path / "out")
    assert not (tmp_path / "nope.duckdb").exists()
