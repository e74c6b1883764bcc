"""The nightly job, top to bottom: discover → fetch → archive → extract → clean → analyse → load.

Stages hand off through storage: discovery writes the `frontier`, fetching writes WARC records and `pages`
rows, processing reads archived pages not yet processed and loads each article in one transaction. A run
killed anywhere is finished by the next one; nothing is loaded twice.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import datetime as dt
import hashlib
import itertools
import logging
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

import httpx

from pipeline import archive as archive_stage
from pipeline import dedup as dedup_stage
from pipeline import discover as discover_stage
from pipeline import fetch as fetch_stage
from pipeline import process as process_stage
from pipeline.config import ArticleHints, Config, Source
from pipeline.errors import PipelineError
from pipeline.extract import decode_html
from pipeline.lock import RunLock
from pipeline.models import Analysis, Document, Paragraph
from pipeline.urls import url_id
from pipeline.warehouse import ArticleLoad, PendingPage, Warehouse, job_warehouse, new_run_id

log = logging.getLogger("lkks.run")

EXIT_OK, EXIT_SOURCES_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3


class RunProgress(Protocol):
    """Receives progress of each source during a run (a progress bar, log lines, or nothing)."""

    def status(self, source: str, message: str) -> None:
        """A milestone of one source: discovery result, failure."""

    def total(self, source: str, pages: int) -> None:
        """How many article URLs the source will request."""

    def advance(self, source: str) -> None:
        """One article request of the source finished."""


class SilentProgress:
    """Progress that goes nowhere (library use, tests)."""

    def status(self, source: str, message: str) -> None:
        """Ignore."""

    def total(self, source: str, pages: int) -> None:
        """Ignore."""

    def advance(self, source: str) -> None:
        """Ignore."""


@dataclass
class RunOptions:
    """Where to store things and how to reach the network."""

    db_path: Path
    archive_dir: Path | None = None
    only: list[str] | None = None
    transport: httpx.AsyncBaseTransport | None = None
    allow_private: bool = False
    global_concurrency: int = 8
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    progress: RunProgress | None = None

    @property
    def archive(self) -> Path:
        """The WARC folder: beside the database unless given."""
        return self.archive_dir or self.db_path.parent / "archive" / self.db_path.stem


@dataclass
class SourceReport:
    """What happened to one source during a run."""

    name: str
    error: str | None = None
    candidates: int = 0
    new_urls: int = 0
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    unchanged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)


@dataclass
class RunSummary:
    """The outcome of a run, as printed and as stored in `runs`."""

    run_id: str
    status: str
    sources: list[SourceReport]
    totals: dict[str, int]
    stats: Counter[str]
    errors: list[str]

    @property
    def exit_code(self) -> int:
        """0 when every source ran, 1 when some failed but the run completed."""
        return EXIT_SOURCES_FAILED if self.totals.get("sources_failed") else EXIT_OK


def _page_row(run_id: str, result: fetch_stage.FetchResult) -> dict[str, object]:
    outcome = "ok" if result.ok else "not_modified" if result.not_modified else "failed"
    warc = result.warc
    return {
        "page_id": hashlib.sha256(f"{run_id} {result.kind} {result.url}".encode()).hexdigest()[:20],
        "source": result.source, "kind": result.kind, "url": result.url, "url_id": url_id(result.url),
        "final_url": result.final_url, "status": result.status, "outcome": outcome,
        "error": f"{result.error.reason}: {result.error}" if result.error else None,
        "not_modified": result.not_modified, "etag": result.etag, "last_modified": result.last_modified,
        "body_sha256": result.sha256, "bytes": len(result.body), "fetched_at": result.fetched_at,
        "elapsed_seconds": result.elapsed, "warc_path": warc.path if warc else None,
        "warc_offset": warc.offset if warc else None, "warc_length": warc.length if warc else None,
    }


def _endpoints(source: Source) -> list[str]:
    return [*source.feeds, *source.sitemaps, *(listing.url for listing in source.listings)]


async def crawl_source(source: Source, fetcher: fetch_stage.Fetcher, wh: Warehouse, run_id: str,
                       now: dt.datetime, options: RunOptions, stages: Sequence[str]) -> SourceReport:
    """Discover a source's articles, then fetch the new and the still-listed ones conditionally."""
    report = SourceReport(source.name)
    progress = options.progress or SilentProgress()
    listed: set[str] = set()
    if "discover" in stages:
        listed = await _discover_source(source, fetcher, wh, run_id, now, report)
        if report.error:
            progress.status(source.name, report.error)
            return report
    if "fetch" not in stages:
        return report
    todo = wh.to_fetch(source.name, listed)
    progress.status(source.name, f"{report.candidates} listed, {report.new_urls} new, fetching {len(todo)}")
    progress.total(source.name, len(todo))

    async def fetch_one(uid: str, url: str, etag: str | None, last_modified: str | None) -> None:
        result = await fetcher.fetch(url, source, "article", etag=etag, last_modified=last_modified)
        progress.advance(source.name)
        wh.record_page(run_id, _page_row(run_id, result))
        if result.ok:
            report.fetched += 1
            wh.frontier_outcome(uid, "fetched", etag=result.etag, last_modified=result.last_modified,
                                body_sha256=result.sha256)
            if result.sha256 and wh.known_body(uid) == result.sha256:
                report.unchanged += 1
                wh.mark_processed(_page_row(run_id, result)["page_id"])  # type: ignore[arg-type]
        elif result.not_modified:
            report.not_modified += 1
            wh.frontier_outcome(uid, "not_modified")
        else:
            report.failed += 1
            message = f"{url}: {result.error}" if result.error else f"{url}: HTTP {result.status}"
            report.errors.append(message)
            wh.frontier_outcome(uid, "failed", error=message)

    # A task group: if one fetch raises, its siblings are cancelled rather than left running unsupervised.
    async with asyncio.TaskGroup() as group:
        for row in todo:
            group.create_task(fetch_one(*row))
    return report


async def _discover_source(source: Source, fetcher: fetch_stage.Fetcher, wh: Warehouse, run_id: str,
                           now: dt.datetime, report: SourceReport) -> set[str]:
    """Discovery of one source into the frontier; returns the url ids listed this run."""
    endpoints = _endpoints(source)
    found = await discover_stage.discover(source, fetcher, now=now, validators=wh.validators(endpoints))
    report.skipped.update(found.skipped)
    report.errors.extend(found.errors)
    # Candidates are stored before the feed/listing responses are recorded: a recorded response's validators
    # make the next run's request conditional, so a run killed in between must not leave the validators of a
    # feed whose items were never stored (the next run would get 304 and never see them).
    report.candidates = len(found.candidates)
    report.new_urls = wh.add_candidates(run_id, (
        (url_id(c.url), c.url, source.name, c.via, c.title, c.published) for c in found.candidates))
    for result in found.fetched:
        wh.record_page(run_id, _page_row(run_id, result))
    reached = [r for r in found.fetched if r.kind != "robots" and (r.ok or r.not_modified)]
    if endpoints and not reached:
        first = found.errors[0] if found.errors else "no discovery endpoint answered"
        report.error = f"unreachable: {first}"
        log.warning("source %s: %s", source.name, report.error)
        return set()
    return {url_id(c.url) for c in found.candidates}


async def crawl(sources: Sequence[Source], wh: Warehouse, run_id: str, options: RunOptions,
                stages: Sequence[str] = ("discover", "fetch")) -> list[SourceReport]:
    """Discover and fetch every source concurrently; each response is archived before it is recorded."""
    now = dt.datetime.now(dt.UTC)
    with archive_stage.WarcArchive(options.archive, run_id) as warc:
        async with fetch_stage.Fetcher(sources, transport=options.transport, archive=warc,
                                       allow_private=options.allow_private,
                                       global_concurrency=options.global_concurrency) as fetcher:
            results = await asyncio.gather(
                *(crawl_source(s, fetcher, wh, run_id, now, options, stages) for s in sources), return_exceptions=True)
    reports: list[SourceReport] = []
    for source, result in zip(sources, results, strict=True):
        if isinstance(result, BaseException):
            if not isinstance(result, Exception):
                raise result
            while isinstance(result, ExceptionGroup) and result.exceptions:  # a fetch of the source's task group
                result = result.exceptions[0]
            log.exception("source %s crashed", source.name, exc_info=result)
            reports.append(SourceReport(source.name, error=f"crashed: {type(result).__name__}: {result}"))
        else:
            reports.append(result)
    return reports


@dataclass(slots=True)
class _Processed:
    """What a worker hands back for one page: the facts, or why there are none."""

    page: PendingPage
    document: Document | None = None
    analysis: Analysis | None = None
    error: str | None = None
    reason: str | None = None


def _process_page(page: PendingPage, hints: ArticleHints | None, recurring: frozenset[str]) -> _Processed:
    """Read one archived page and run extract → clean → analyse on it (runs in a worker process)."""
    try:
        response = archive_stage.read_response(
            archive_stage.WarcRef(page.warc_path, page.warc_offset, page.warc_length))
        html = decode_html(response.body, response.headers.get("content-type"))
        document, analysis = process_stage.process_html(html, url=page.url, hints=hints, source=page.source,
                                                        recurring=recurring)
    except PipelineError as exc:
        return _Processed(page, error=f"{exc.reason}: {exc}", reason=exc.reason)
    except Exception as exc:  # a bug on one page must not stop the others; the next run retries it
        log.exception("page %s crashed the extractor", page.url)
        return _Processed(page, error=f"crash: {type(exc).__name__}: {exc}", reason="crash")
    return _Processed(page, document, analysis)


_Job = tuple[PendingPage, ArticleHints | None, frozenset[str]]


def _process_star(job: _Job) -> _Processed:
    return _process_page(*job)


def _process_task(jobs: list[_Job]) -> list[_Processed]:
    """Several pages per worker call: fewer round trips between processes."""
    return [_process_page(*job) for job in jobs]


# Articles per load transaction: bulk inserts are cheap, and a crash loses at most one batch of work.
LOAD_BATCH = 200

# Below this many pages per worker, starting processes costs more than it saves.
_PAGES_PER_WORKER = 64

# Pending pages read per query, pages per worker call, and calls queued per worker: together they bound what a
# reprocess of the whole archive holds in memory, whatever the archive's size. The queue is deep enough (about
# two seconds of work) that the workers do not run dry while this process loads a batch into a large warehouse.
_PENDING_CHUNK = 2000
_TASK_PAGES = 16
_TASKS_PER_WORKER = 32


def _warm_analysis() -> None:
    """Build the analysis pipeline and load what its components read (spaCy, gazetteer, caches) in this process."""
    process_stage.process_document(Document(paragraphs=[Paragraph(index=0, text=_WARM_UP_TEXT)]))


# One sentence that takes every analyser component through its lazy set-up (gazetteer index, role tables).
_WARM_UP_TEXT = ("Ketua LKKS Provinsi Kalimantan Selatan, H. Ahmad Fauzi, membuka Musyawarah Daerah di Banjarmasin "
                 "pada Senin (6/10/2025) yang dihadiri 120 peserta dari Dinas Sosial.")


def start_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes that start ready to analyse.

    Where processes fork, the pipeline is built here once and every worker inherits it (copy-on-write) instead
    of building spaCy's tokenizer tables and the gazetteer itself, a second or more each; elsewhere each worker
    builds it before its first call. Called before any worker exists, and this process starts no threads for it.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    if context.get_start_method() == "fork":
        _warm_analysis()
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_analysis)


def _pending(wh: Warehouse, everything: bool) -> Iterator[PendingPage]:
    """Pending pages in order, read a chunk at a time so they are never all in memory."""
    after: tuple[dt.datetime | None, str] | None = None
    while True:
        chunk = wh.pending_pages(everything=everything, after=after, limit=_PENDING_CHUNK)
        yield from chunk
        if len(chunk) < _PENDING_CHUNK:
            return
        after = (chunk[-1].fetched_at, chunk[-1].page_id)


_In = TypeVar("_In")
_Out = TypeVar("_Out")


def in_order(pool: ProcessPoolExecutor, items: Iterable[_In], workers: int,
             work: Callable[[list[_In]], list[_Out]]) -> Iterator[_Out]:
    """`work` over items in tasks of `_TASK_PAGES`, results in item order, a bounded number of calls in flight.

    Executor.map would submit every task at once and hold all their results.
    """
    source = iter(items)
    tasks = iter(lambda: list(itertools.islice(source, _TASK_PAGES)), [])
    in_flight: collections.deque[Future[list[_Out]]] = collections.deque(
        pool.submit(work, task) for task in itertools.islice(tasks, workers * _TASKS_PER_WORKER))
    while in_flight:
        done = in_flight.popleft().result()
        for task in itertools.islice(tasks, 1):
            in_flight.append(pool.submit(work, task))
        yield from done


def process_pending(wh: Warehouse, run_id: str, sources: dict[str, Source], stats: Counter[str], *,
                    everything: bool = False, workers: int = 1) -> tuple[int, int]:
    """Extract, clean, analyse and load every archived page not yet processed; (new, updated) articles.

    CPU work runs in `workers` processes; loading stays in this process, in page order, in batches of
    LOAD_BATCH articles per transaction. Pages stream from the warehouse in chunks, and only a bounded
    number of them is in the workers' hands at once, so memory does not grow with the archive.
    """
    pending = _pending(wh, everything)
    # Enough pages to decide how many workers are worth starting; the rest is read as processing goes.
    head = list(itertools.islice(pending, max(1, workers) * _PAGES_PER_WORKER))
    workers = max(1, min(workers, len(head) // _PAGES_PER_WORKER))
    recurring: dict[str, frozenset[str]] = {}

    def job(page: PendingPage) -> _Job:
        # Read when a source's first page comes up: a source's boilerplate depends only on its own articles, and
        # none of them has been loaded by this run before that, so this equals reading them all up front.
        if page.source not in recurring:
            recurring[page.source] = wh.recurring_lines(page.source)
        return page, sources[page.source].article if page.source in sources else None, recurring[page.source]

    jobs = map(job, itertools.chain(head, pending))
    new = updated = 0
    batch: list[ArticleLoad] = []

    def flush() -> None:
        nonlocal new, updated
        fresh = wh.load_articles(batch, run_id=run_id)
        new, updated = new + sum(fresh), updated + len(fresh) - sum(fresh)
        batch.clear()

    with contextlib.ExitStack() as stack:
        if workers > 1:
            pool = stack.enter_context(start_pool(workers))
            stack.callback(pool.shutdown, cancel_futures=True)  # on a failure, do not finish the queued calls
            results: Iterator[_Processed] = in_order(pool, jobs, workers, _process_task)
        else:
            results = map(_process_star, jobs)
        for done in results:
            page = done.page
            if done.document is None or done.analysis is None:
                stats[f"dropped_page:{done.reason}"] += 1
                log.warning("page %s not processed: %s", page.url, done.error)
                wh.mark_processed(page.page_id, error=done.error)
                continue
            for paragraph in done.document.paragraphs:
                if paragraph.status != "kept":
                    stats[f"dropped_paragraph:{paragraph.status}:{paragraph.reason}"] += 1
            batch.append(ArticleLoad(page.url_id, done.document, done.analysis, page.page_id, page.body_sha256))
            stats["events"] += len(done.analysis.events)
            stats["relevant_articles" if done.analysis.relevant else "irrelevant_articles"] += 1
            if len(batch) >= LOAD_BATCH:
                flush()
        flush()
    return new, updated


def deduplicate_stage(wh: Warehouse, stats: Counter[str]) -> None:
    """Cluster near-duplicate articles and merge reports of one event across outlets (whole warehouse)."""
    found = dedup_stage.deduplicate(wh.con)
    stats["article_clusters"] = found.clusters
    stats["duplicate_articles"] = found.duplicates
    stats["event_groups"] = found.event_groups


STAGES = ("discover", "fetch", "process")


@contextlib.contextmanager
def recorded_run(wh: Warehouse, command: str) -> Iterator[str]:
    """A `runs` row for this job; runs left 'running' by a killed job become 'interrupted'; a crash is 'failed'."""
    wh.con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
    run_id = new_run_id()
    wh.start_run(run_id, command)
    try:
        yield run_id
    except BaseException as exc:
        with contextlib.suppress(Exception):  # the database itself may be what failed
            wh.finish_run(run_id, "failed", {}, {}, [f"{type(exc).__name__}: {exc}"])
        raise


def run(config: Config, options: RunOptions, *, command: str = "run",
        stages: Sequence[str] = STAGES) -> RunSummary:
    """The whole job (or the named stages) under the run lock: crawl, process, record the run."""
    sources = config.select(options.only)
    with RunLock(options.db_path), job_warehouse(options.db_path) as wh, recorded_run(wh, command) as run_id:
        log.info("run %s (%s): %d sources into %s", run_id, ", ".join(stages), len(sources), options.db_path)
        for source in sources:
            wh.upsert_source(source.name, source.url, source.province, source.enabled)
        reports: list[SourceReport] = []
        crawl_stages = [s for s in stages if s in ("discover", "fetch")]
        if crawl_stages:
            reports = asyncio.run(crawl(sources, wh, run_id, options, crawl_stages))
            for report in reports:
                wh.source_outcome(report.name, run_id, report.error)
        stats: Counter[str] = Counter()
        for report in reports:
            for reason, n in report.skipped.items():
                stats[f"skipped_url:{reason}"] += n
        new = updated = 0
        if "process" in stages:
            new, updated = process_pending(wh, run_id, {s.name: s for s in config.sources}, stats,
                                           workers=options.workers)
            deduplicate_stage(wh, stats)
        failed = [r for r in reports if r.error]
        totals = {
            "sources_ok": len(reports) - len(failed), "sources_failed": len(failed),
            "pages_fetched": sum(r.fetched for r in reports),
            "pages_not_modified": sum(r.not_modified for r in reports),
            "pages_failed": sum(r.failed for r in reports),
            "articles_new": new, "articles_updated": updated, "events": stats["events"],
        }
        errors = [f"{r.name}: {r.error}" for r in failed] + [f"{r.name}: {e}" for r in reports for e in r.errors]
        status = "completed_with_failures" if failed else "completed"
        wh.finish_run(run_id, status, totals, dict(stats), errors)
    return RunSummary(run_id, status, reports, totals, stats, errors)


def reprocess(config: Config, db_path: Path, workers: int = os.cpu_count() or 1) -> RunSummary:
    """Re-extract every archived article page without network (e.g. after the extractor improved)."""
    with RunLock(db_path), job_warehouse(db_path) as wh, recorded_run(wh, "reprocess") as run_id:
        stats: Counter[str] = Counter()
        new, updated = process_pending(wh, run_id, {s.name: s for s in config.sources}, stats, everything=True,
                                     workers=workers)
        deduplicate_stage(wh, stats)
        totals = {"articles_new": new, "articles_updated": updated, "events": stats["events"]}
        wh.finish_run(run_id, "completed", totals, dict(stats), [])
    return RunSummary(run_id, "completed", [], totals, stats, [])
