"""The orchestrator against the demo web served for real: resumable, idempotent, reader-safe, locked."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from pipeline import run as run_module
from pipeline.demo import demo_config
from pipeline.demo.server import FakeWeb
from pipeline.errors import LockedError
from pipeline.extract import from_text
from pipeline.lock import RunLock
from pipeline.process import process_document
from pipeline.run import RunOptions, reprocess, run
from tests.test_demo import facts


def test_nightly_rerun_makes_only_conditional_requests(tmp_path: Path, demo_web: FakeWeb) -> None:
    config = demo_config(demo_web)
    options = RunOptions(db_path=tmp_path / "w.duckdb", allow_private=True, workers=1)
    first = run(config, options)
    assert first.exit_code == 0 and first.totals["articles_new"] >= 15
    demo_web.requests.clear()
    second = run(config, options)
    assert second.totals["pages_fetched"] == 0
    assert second.totals["articles_new"] == second.totals["articles_updated"] == 0
    # Unchanged feeds, sitemaps and listings answer 304, so no article is even asked for again.
    requests = [r for r in demo_web.requests if r.path != "/robots.txt"]
    assert requests
    assert all({"if-none-match", "if-modified-since"} & {k.lower() for k in r.headers} for r in requests)


def test_reprocess_rebuilds_the_same_facts_offline(tmp_path: Path, demo_web: FakeWeb) -> None:
    config = demo_config(demo_web)
    db = tmp_path / "w.duckdb"
    run(config, RunOptions(db_path=db, allow_private=True, workers=1))
    before = facts(db)
    demo_web.stop()
    summary = reprocess(config, db, workers=1)
    assert summary.totals["articles_updated"] == len(before["articles"])
    assert facts(db) == before


def test_worker_processes_give_the_same_facts(tmp_path: Path, demo_web: FakeWeb,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    config = demo_config(demo_web)
    run(config, RunOptions(db_path=tmp_path / "one.duckdb", allow_private=True, workers=1))
    monkeypatch.setattr(run_module, "_PAGES_PER_WORKER", 1)
    run(config, RunOptions(db_path=tmp_path / "two.duckdb", allow_private=True, workers=2))
    assert facts(tmp_path / "one.duckdb") == facts(tmp_path / "two.duckdb")


def test_a_reader_holding_the_warehouse_open_never_breaks_a_run(tmp_path: Path, demo_web: FakeWeb) -> None:
    config = demo_config(demo_web)
    db = tmp_path / "w.duckdb"
    only_two = RunOptions(db_path=db, allow_private=True, workers=1, only=["kalsel-mc", "orinews-aceh"])
    run(config, only_two)
    reader = duckdb.connect(str(db), read_only=True)
    old = reader.execute("SELECT count(*) FROM articles").fetchone()
    seen: list[object] = []
    stop = threading.Event()

    def keep_reading() -> None:
        while not stop.is_set():
            seen.append(reader.execute("SELECT count(*) FROM articles").fetchone())

    thread = threading.Thread(target=keep_reading)
    thread.start()
    try:
        summary = run(config, RunOptions(db_path=db, allow_private=True, workers=1))
    finally:
        stop.set()
        thread.join()
    assert summary.exit_code == 0
    assert set(seen) == {old}  # the open connection keeps its snapshot: never half a load
    reader.close()
    with duckdb.connect(str(db), read_only=True) as fresh:
        assert fresh.execute("SELECT count(*) FROM articles").fetchone()[0] > old[0]


def test_a_second_run_while_one_holds_the_lock_is_refused(tmp_path: Path, demo_web: FakeWeb) -> None:
    db = tmp_path / "w.duckdb"
    with RunLock(db), pytest.raises(LockedError):
        run(demo_config(demo_web), RunOptions(db_path=db, allow_private=True, workers=1))
    assert not db.exists()


def test_pool_workers_analyse_as_this_process_does() -> None:
    texts = ["Ketua LKKS Kabupaten Kendal, Hj. Siti Aminah, melantik 25 pengurus LKS di Kendal pada 3 Maret 2025.",
             "Dinas Sosial Kota Serang menyalurkan bantuan kepada 12 panti asuhan, kata Kepala Dinsos Budi Santoso."]
    documents = [from_text(text) for text in texts]
    with run_module.start_pool(2) as pool:
        pooled = list(pool.map(process_document, documents))
    assert pooled == [process_document(from_text(text)) for text in texts]
    assert any(analysis.officials for _, analysis in pooled)
