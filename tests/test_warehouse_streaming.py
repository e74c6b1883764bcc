"""Streaming the process stage: pending pages read in chunks, and tiny chunk/batch settings, change nothing."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import run as run_module
from pipeline.demo import demo_config
from pipeline.demo.server import FakeWeb
from pipeline.run import RunOptions, reprocess, run
from pipeline.warehouse import PendingPage, Warehouse
from tests.test_demo import facts

_BASE = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _fill(wh: Warehouse, seed: int, pages: int = 60) -> None:
    """Article pages with tied fetch times, missing fetch times, several versions per URL, mixed states."""
    rng = random.Random(seed)
    for number in range(pages):
        minute = rng.choice([None, *range(6)])  # few distinct times: many ties, also across versions of a URL
        solo = number < 3 or rng.random() < 0.4  # the first ones surely pending without a fetch time
        minute = None if number < 3 else minute
        wh.record_page("r1", {
            "page_id": f"p{rng.randrange(10_000):05d}-{number}", "source": rng.choice("ab"), "kind": "article",
            "url": f"https://a.example.id/{number}", "url_id": f"solo{number}" if solo else f"u{rng.randrange(pages // 4)}", "outcome": "ok",
            "warc_path": "x.warc.gz", "warc_offset": number, "warc_length": 10, "body_sha256": f"h{number}",
            "fetched_at": None if minute is None else _BASE + dt.timedelta(minutes=minute)})
    for (page_id,) in wh.rows("SELECT page_id FROM pages WHERE url_id NOT IN ('solo0', 'solo1', 'solo2')"):
        state = rng.random()
        if state < 0.3:
            wh.mark_processed(page_id)
        elif state < 0.4:
            wh.mark_processed(page_id, error="crash: ValueError: retried next run")
        elif state < 0.5:
            wh.mark_processed(page_id, error="parse: no article text found")


def _chunked(wh: Warehouse, size: int, *, everything: bool, mark: bool) -> Iterator[PendingPage]:
    """Keyset pagination as the process stage does it; `mark` marks each page processed once it is yielded."""
    after: tuple[dt.datetime | None, str] | None = None
    while True:
        chunk = wh.pending_pages(everything=everything, after=after, limit=size)
        for page in chunk:
            yield page
            if mark:
                wh.mark_processed(page.page_id)
        if len(chunk) < size:
            return
        after = (chunk[-1].fetched_at, chunk[-1].page_id)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("everything", [False, True])
def test_pending_pages_in_small_chunks_are_exactly_one_read(tmp_path: Path, seed: int, everything: bool) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        _fill(wh, seed)
        whole = wh.pending_pages(everything=everything)
        assert len(whole) > 5
        assert any(p.fetched_at is None for p in whole)
        assert len({p.fetched_at for p in whole}) < len(whole)  # ties on the first sort key
        assert len({p.url_id for p in whole}) == len(whole)  # latest version per URL only
        for size in (1, 2, 3, 7):
            assert list(_chunked(wh, size, everything=everything, mark=False)) == whole


@pytest.mark.parametrize("size", [1, 2, 3])
def test_marking_pages_processed_between_chunks_skips_none(tmp_path: Path, size: int) -> None:
    # The process stage loads (and marks) pages while it is still reading later chunks.
    with Warehouse(tmp_path / "w.duckdb") as wh:
        _fill(wh, seed=11)
        whole = wh.pending_pages()
        assert list(_chunked(wh, size, everything=False, mark=True)) == whole
        assert wh.pending_pages() == []


def test_the_process_stage_reader_chunks_like_one_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        _fill(wh, seed=5)
        whole = wh.pending_pages()
        monkeypatch.setattr(run_module, "_PENDING_CHUNK", 2)
        assert list(run_module._pending(wh, everything=False)) == whole


def _unprocessed(db: Path) -> int:
    with Warehouse(db, read_only=True) as wh:
        return len(wh.pending_pages())


def test_tiny_streaming_settings_load_the_same_facts(tmp_path: Path, demo_web: FakeWeb,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    config = demo_config(demo_web)
    normal = run(config, RunOptions(db_path=tmp_path / "normal.duckdb", allow_private=True, workers=1))
    expected = facts(tmp_path / "normal.duckdb")
    assert len(expected["articles"]) > 10  # several chunks and batches below
    # Chunks of 2 pages, one page per worker call, one call in flight per worker, transactions of 3 articles.
    for name, value in (("_PENDING_CHUNK", 2), ("_TASK_PAGES", 1), ("_TASKS_PER_WORKER", 1), ("LOAD_BATCH", 3),
                        ("_PAGES_PER_WORKER", 1)):
        assert hasattr(run_module, name), name  # a renamed setting must not turn this test into a no-op
        monkeypatch.setattr(run_module, name, value)
    for workers in (1, 2):
        db = tmp_path / f"tiny{workers}.duckdb"
        tiny = run(config, RunOptions(db_path=db, allow_private=True, workers=workers))
        assert tiny.totals["articles_new"] == normal.totals["articles_new"]
        assert facts(db) == expected, f"workers={workers}"
        assert _unprocessed(db) == 0
    demo_web.stop()
    summary = reprocess(config, tmp_path / "normal.duckdb", workers=2)
    assert summary.totals["articles_updated"] == len(expected["articles"])
    assert facts(tmp_path / "normal.duckdb") == expected
