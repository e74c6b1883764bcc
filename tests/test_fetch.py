"""The fetcher against the real local server: politeness, retries, redirects, limits, charsets, archiving."""

from __future__ import annotations

import asyncio
import gzip
import itertools
import tracemalloc
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from pipeline.archive import WarcArchive, read_response
from pipeline.config import Source
from pipeline.demo.server import FakeWeb, Response
from pipeline.errors import ClientError, ContentError, NetworkError, RateLimited, RefusedError, ServerError
from pipeline.fetch import Fetcher, FetchKind, FetchResult, decode_body, parse_retry_after
from tests.conftest import Faults

T = TypeVar("T")
ARTICLE = "/berita/lkks-kalsel-gelar-rapat-koordinasi"
SourceFactory = Callable[..., Source]


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


async def fetch_all(source: Source, urls: list[str], kind: FetchKind = "article", **options: Any
                    ) -> tuple[list[FetchResult], Fetcher]:
    options.setdefault("allow_private", True)
    options.setdefault("backoff_base", 0.01)
    async with Fetcher([source], **options) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(url, source, kind) for url in urls))
    return list(results), fetcher


def fetch_one(source: Source, url: str, kind: FetchKind = "article", **options: Any) -> tuple[FetchResult, Fetcher]:
    results, fetcher = run(fetch_all(source, [url], kind, **options))
    return results[0], fetcher


def paths(web: FakeWeb, site: str = "news") -> list[str]:
    return [r.path for r in web.requests_for(site)]


def test_successful_fetch_fills_the_result(fakeweb: FakeWeb, make_source: SourceFactory) -> None:
    source = make_source()
    url = fakeweb.base_url("news") + ARTICLE
    result, fetcher = fetch_one(source, url)
    assert result.ok and result.error is None
    assert (result.status, result.final_url, result.kind, result.source, result.attempts) == (
        200, url, "article", "news", 1)
    assert "LKKS Kalsel Gelar Rapat Koordinasi" in (result.text or "")
    assert result.etag and result.last_modified and result.sha256 and len(result.sha256) == 64
    assert result.fetched_at.tzinfo is not None and result.elapsed > 0
    assert result.content_type == "text/html"
    article_request = fakeweb.requests_for("news", ARTICLE)[0]
    assert article_request.headers["user-agent"] == source.user_agent
    assert fetcher.stats["ok"] == 1 and fetcher.stats["requests"] == 2  # robots.txt + the page


def test_robots_disallow_is_obeyed_and_crawl_delay_spaces_requests(fakeweb: FakeWeb, faults: Faults,
                                                                   make_source: SourceFactory) -> None:
    faults.always("news", "/robots.txt", Response(200, {"Content-Type": "text/plain"},
                                                   b"User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n"))
    source = make_source(delay_seconds=0.0)
    base = fakeweb.base_url("news")
    urls = [base + "/private/secret", base + ARTICLE, base + "/berita/bantuan-untuk-lks-anak"]
    results, fetcher = run(fetch_all(source, urls))
    assert isinstance(results[0].error, RefusedError) and results[0].error_detail == "robots"
    assert results[1].ok and results[2].ok
    assert "/private/secret" not in paths(fakeweb)
    assert paths(fakeweb).count("/robots.txt") == 1
    assert fetcher.stats["robots_disallowed"] == 1
    assert fetcher.host_delay(base) == pytest.approx(0.3)
    times = [r.time for r in fakeweb.requests_for("news")]
    assert all(later - earlier >= 0.28 for earlier, later in itertools.pairwise(times))


def test_robots_ignored_when_obey_robots_is_off(fakeweb: FakeWeb, make_source: SourceFactory) -> None:
    result, _ = fetch_one(make_source(obey_robots=False), fakeweb.base_url("news") + "/private/secret")
    assert result.ok
    assert paths(fakeweb) == ["/private/secret"]


def test_unreachable_robots_disallows_and_missing_robots_allows(fakeweb: FakeWeb, faults: Faults,
                                                                make_source: SourceFactory) -> None:
    faults.always("news", "/robots.txt", Response(500, {}, b"down"))
    result, fetcher = fetch_one(make_source(max_retries=0), fakeweb.base_url("news") + ARTICLE)
    assert result.error_detail == "robots" and fetcher.stats["robots_unreachable"] == 1
    assert ARTICLE not in paths(fakeweb)
    result, _ = fetch_one(make_source("plain"), fakeweb.base_url("plain") + "/docs/")
    assert result.ok  # plain has no robots.txt: 404 means everything is allowed


def test_per_host_delay_spaces_request_starts(fakeweb: FakeWeb, make_source: SourceFactory) -> None:
    # The server sees request starts with thread-scheduling jitter on a busy machine: a longer delay keeps that
    # jitter small beside it, so the check is on the spacing, not on the scheduler.
    source = make_source(delay_seconds=0.5, concurrency_per_host=4, obey_robots=False)
    base = fakeweb.base_url("news")
    urls = [base + ARTICLE, base + "/berita/bantuan-untuk-lks-anak", base + "/feed.xml", base + "/"]
    results, _ = run(fetch_all(source, urls))
    assert all(r.ok for r in results)
    times = sorted(r.time for r in fakeweb.requests_for("news"))
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert len(gaps) == 3 and min(gaps) >= 0.45


def test_hosts_are_paced_independently(fakeweb: FakeWeb, make_source: SourceFactory) -> None:
    news, mirror = make_source(delay_seconds=0.3, obey_robots=False), make_source("mirror", obey_robots=False)

    async def both() -> None:
        async with Fetcher([news, mirror], allow_private=True) as fetcher:
            await asyncio.gather(fetcher.fetch(fakeweb.base_url("news") + "/", news, "listing"),
                                 fetcher.fetch(fakeweb.base_url("news") + ARTICLE, news, "article"),
                                 fetcher.fetch(fakeweb.base_url("mirror") + "/", mirror, "listing"))

    run(both())
    news_times = sorted(r.time for r in fakeweb.requests_for("news"))
    mirror_time = fakeweb.requests_for("mirror")[0].time
    assert news_times[1] - news_times[0] >= 0.28
    assert mirror_time < news_times[1]


def test_global_concurrency_limits_requests_in_flight(fakeweb: FakeWeb, faults: Faults,
                                                      make_source: SourceFactory) -> None:
    faults.slow("news", "/a", 0.4)
    faults.slow("mirror", "/b", 0.4)
    news, mirror = make_source(obey_robots=False), make_source("mirror", obey_robots=False)

    async def both(limit: int) -> float:
        async with Fetcher([news, mirror], allow_private=True, global_concurrency=limit) as fetcher:
            started = asyncio.get_running_loop().time()
            await asyncio.gather(fetcher.fetch(fakeweb.base_url("news") + "/a", news, "article"),
                                 fetcher.fetch(fakeweb.base_url("mirror") + "/b", mirror, "article"))
            return asyncio.get_running_loop().time() - started

    assert run(both(1)) >= 0.8
    assert run(both(2)) < 0.75


def test_500_then_200_is_retried(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    url = faults.fail_then_succeed("news", ARTICLE, failures=2, status=500)
    result, fetcher = fetch_one(make_source(obey_robots=False, max_retries=3), url)
    assert result.ok and result.attempts == 3 and result.error is None
    assert paths(fakeweb) == [ARTICLE] * 3
    assert fetcher.stats["retries"] == 2


def test_backoff_grows_exponentially_through_the_injected_sleep(fakeweb: FakeWeb, faults: Faults,
                                                                 make_source: SourceFactory) -> None:
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    url = faults.fail_then_succeed("news", ARTICLE, failures=3, status=500)
    result, _ = fetch_one(make_source(obey_robots=False, max_retries=3), url, sleep=record, backoff_base=0.1)
    assert result.ok and result.attempts == 4
    # No host delay is configured, so every recorded wait is a retry pause with jitter in [50%, 100%].
    assert len(waits) == 3
    for attempt, wait in enumerate(waits, start=1):
        assert 0.1 * 2 ** (attempt - 1) * 0.5 <= wait <= 0.1 * 2 ** (attempt - 1)


def test_persistent_5xx_gives_up_after_max_retries(fakeweb: FakeWeb, faults: Faults,
                                                   make_source: SourceFactory) -> None:
    url = faults.always("news", ARTICLE, Response(502, {}, b"bad gateway"))
    result, fetcher = fetch_one(make_source(obey_robots=False, max_retries=2), url)
    assert isinstance(result.error, ServerError) and result.status == 502 and not result.ok
    assert result.attempts == 3 and paths(fakeweb) == [ARTICLE] * 3
    assert fetcher.stats["error:server_error"] == 1


def test_408_is_transient(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    url = faults.fail_then_succeed("news", ARTICLE, failures=1, status=408)
    result, _ = fetch_one(make_source(obey_robots=False), url)
    assert result.ok and result.attempts == 2


def test_404_is_terminal_and_not_retried(fakeweb: FakeWeb, make_source: SourceFactory) -> None:
    result, fetcher = fetch_one(make_source(obey_robots=False, max_retries=3), fakeweb.base_url("news") + "/gone")
    assert isinstance(result.error, ClientError) and result.error.status == 404
    assert result.status == 404 and result.attempts == 1 and paths(fakeweb) == ["/gone"]
    assert fetcher.stats["error:client_error"] == 1


def test_retry_after_seconds_is_honoured_and_slows_the_host(fakeweb: FakeWeb, faults: Faults,
                                                            make_source: SourceFactory) -> None:
    url = faults.rate_limited("news", ARTICLE, retry_after="2")
    result, fetcher = fetch_one(make_source(obey_robots=False), url)
    assert result.ok and result.attempts == 2
    first, second = (r.time for r in fakeweb.requests_for("news", ARTICLE))
    # The slowed-down host delay alone would allow a retry after 1 s; Retry-After asked for 2.
    assert second - first >= 1.95
    assert (fetcher.host_delay(url) or 0) >= 1.0


def test_retry_after_http_date_and_503(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=3), usegmt=True)
    url = faults.rate_limited("news", ARTICLE, retry_after=when, status=503)
    result, _ = fetch_one(make_source(obey_robots=False), url)
    assert result.ok
    first, second = (r.time for r in fakeweb.requests_for("news", ARTICLE))
    assert second - first >= 1.5  # HTTP dates have one-second resolution


def test_retry_after_is_capped(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    url = faults.rate_limited("news", ARTICLE, retry_after="3600")
    result, _ = fetch_one(make_source(obey_robots=False), url, max_retry_after=0.3)
    assert result.ok
    first, second = (r.time for r in fakeweb.requests_for("news", ARTICLE))
    assert 0.28 <= second - first < 3


def test_rate_limited_until_retries_run_out(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    url = faults.always("news", ARTICLE, Response(429, {"Retry-After": "0"}, b""))
    result, _ = fetch_one(make_source(obey_robots=False, max_retries=1), url)
    assert isinstance(result.error, RateLimited) and result.error.retry_after == 0
    assert result.attempts == 2


def test_timeout_is_a_network_error(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    url = faults.slow("news", "/slow", 3.0)
    result, _ = fetch_one(make_source(obey_robots=False, timeout_seconds=0.3, max_retries=0), url)
    assert isinstance(result.error, NetworkError) and result.error_detail == "timeout"
    assert result.elapsed < 2


def test_slow_drip_hits_the_total_deadline(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    url = faults.slow_drip("news", "/drip", chunks=100, chunk_delay=0.05)
    result, _ = fetch_one(make_source(obey_robots=False, timeout_seconds=0.2, max_retries=0), url,
                          total_timeout_factor=3.0)
    assert isinstance(result.error, NetworkError) and result.error_detail == "timeout"
    assert result.elapsed < 2


def test_reset_mid_body_is_retried_then_reported(fakeweb: FakeWeb, faults: Faults,
                                                 make_source: SourceFactory) -> None:
    url = faults.reset_mid_body("news", "/reset")
    result, _ = fetch_one(make_source(obey_robots=False, max_retries=1), url)
    assert isinstance(result.error, NetworkError) and result.error_detail == "network"
    assert result.attempts == 2 and paths(fakeweb) == ["/reset", "/reset"]
    # Headers arrived before the reset: the status is known, the body is not kept.
    assert result.status == 200 and result.body == b"" and not result.ok


def test_truncated_chunked_body_is_a_network_error(fakeweb: FakeWeb, faults: Faults,
                                                   make_source: SourceFactory) -> None:
    url = faults.truncated_chunked("news", "/cut")
    result, _ = fetch_one(make_source(obey_robots=False, max_retries=0), url)
    assert isinstance(result.error, NetworkError) and not result.ok


def test_redirect_is_followed_and_recorded(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    url = faults.redirect("news", "/lama", ARTICLE, status=301)
    result, _ = fetch_one(make_source(obey_robots=False), url)
    assert result.ok and result.url == url and result.final_url == fakeweb.base_url("news") + ARTICLE
    assert result.redirects == [fakeweb.base_url("news") + ARTICLE]


def test_redirect_loop_is_refused(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    url = faults.redirect_loop("news", "/a", "/b")
    result, _ = fetch_one(make_source(obey_robots=False, max_redirects=10), url)
    assert isinstance(result.error, RefusedError) and result.error_detail == "redirect_loop"
    assert paths(fakeweb) == ["/a", "/b"]


def test_too_many_redirects(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    for hop in range(4):
        faults.redirect("news", f"/r{hop}", f"/r{hop + 1}")
    result, _ = fetch_one(make_source(obey_robots=False, max_redirects=2), fakeweb.base_url("news") + "/r0")
    assert result.error_detail == "too_many_redirects"
    assert paths(fakeweb) == ["/r0", "/r1", "/r2"]


def test_off_domain_redirect_is_refused(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    url = faults.redirect("news", "/keluar", fakeweb.base_url("mirror") + "/salinan")
    result, _ = fetch_one(make_source(obey_robots=False), url)
    assert isinstance(result.error, RefusedError) and result.error_detail == "off_domain"
    assert fakeweb.requests_for("mirror") == []


def test_redirect_to_non_http_scheme_is_refused(fakeweb: FakeWeb, faults: Faults,
                                                make_source: SourceFactory) -> None:
    url = faults.redirect("news", "/ftp", "ftp://127.0.0.10/file")
    result, _ = fetch_one(make_source(obey_robots=False), url)
    assert result.error_detail == "bad_scheme"


def test_start_url_policies(fakeweb: FakeWeb, make_source: SourceFactory) -> None:
    source = make_source(obey_robots=False)
    outside, _ = fetch_one(source, fakeweb.base_url("mirror") + "/salinan")
    assert outside.error_detail == "off_domain"
    scheme, _ = fetch_one(source, "file:///etc/passwd")
    assert scheme.error_detail == "bad_scheme"
    private, fetcher = fetch_one(source, fakeweb.base_url("news") + ARTICLE, allow_private=False)
    assert isinstance(private.error, RefusedError) and private.error_detail == "private_address"
    assert fakeweb.requests == [] and fetcher.stats["requests"] == 0


class _PublicNameTransport(httpx.AsyncBaseTransport):
    """Sends requests for public.example to a loopback site, as if DNS said so."""

    def __init__(self, target: str) -> None:
        self.target = httpx.URL(target)
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "public.example":
            request.url = request.url.copy_with(host=self.target.host, port=self.target.port)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_public_host_redirecting_into_private_space_is_refused(fakeweb: FakeWeb, faults: Faults,
                                                               make_source: SourceFactory) -> None:
    faults.redirect("news", "/hop", fakeweb.base_url("mirror") + "/salinan")
    source = make_source(obey_robots=False, allowed_domains=["public.example", fakeweb.host("mirror")])
    result, _ = fetch_one(source, "http://public.example/hop", transport=_PublicNameTransport(fakeweb.base_url("news")))
    assert paths(fakeweb) == ["/hop"]
    assert isinstance(result.error, RefusedError) and result.error_detail == "private_address"
    assert fakeweb.requests_for("mirror") == []


def test_oversize_body_is_refused_with_or_without_content_length(fakeweb: FakeWeb, faults: Faults,
                                                                 make_source: SourceFactory) -> None:
    declared = faults.oversize("news", "/big", 3_000_000)
    streamed = faults.oversize("news", "/big-chunked", 3_000_000, declare_length=False)
    source = make_source(obey_robots=False, max_page_bytes=200_000, max_retries=0)
    results, fetcher = run(fetch_all(source, [declared, streamed]))
    for result in results:
        assert isinstance(result.error, ContentError) and result.error_detail == "oversize"
        assert result.body == b"" and not result.ok
    assert fetcher.stats["bytes_received"] < 1_000_000


def test_gzip_bomb_is_refused_without_inflating_it(fakeweb: FakeWeb, faults: Faults,
                                                   make_source: SourceFactory) -> None:
    url = faults.gzip_bomb("news", "/bomb", size=64 << 20)
    source = make_source(obey_robots=False, max_page_bytes=1_000_000, max_retries=0)
    tracemalloc.start()
    try:
        result, _ = fetch_one(source, url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(result.error, ContentError) and result.error_detail == "oversize"
    assert peak < 16 << 20


def test_gzip_content_encoding_is_decoded(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    url = faults.gzipped("news", "/gz", "<html><body><p>Kesejahteraan sosial – ok</p></body></html>")
    result, _ = fetch_one(make_source(obey_robots=False), url)
    assert result.ok and "Kesejahteraan sosial – ok" in (result.text or "")


def test_concatenated_gzip_members_and_trailing_junk(fakeweb: FakeWeb, faults: Faults,
                                                     make_source: SourceFactory) -> None:
    body = gzip.compress(b"<html><body><p>LKKS ") + gzip.compress(b"Kalsel</p></body></html>") + b"\0\0junk"
    url = faults.always("news", "/multi", Response(200, {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                                                   body))
    result, _ = fetch_one(make_source(obey_robots=False), url)
    assert result.ok and result.text == "<html><body><p>LKKS Kalsel</p></body></html>"


def test_windows_1252_body_without_charset_is_decoded(fakeweb: FakeWeb, faults: Faults,
                                                      make_source: SourceFactory) -> None:
    text = "Ketua LKKS “Peduli Sesama” menyerahkan bantuan – café Banjarmasin"
    url = faults.legacy_charset("news", "/lama.html", text)
    result, _ = fetch_one(make_source(obey_robots=False), url)
    assert result.ok and text in (result.text or "")
    assert result.encoding == "cp1252"


def test_wrong_utf8_label_falls_back_to_detection(fakeweb: FakeWeb, faults: Faults,
                                                  make_source: SourceFactory) -> None:
    text = "Yayasan “Kasih Ibu” – panti asuhan résmi"
    url = faults.legacy_charset("news", "/salah.html", text, content_type="text/html; charset=utf-8")
    result, _ = fetch_one(make_source(obey_robots=False), url)
    assert text in (result.text or "")


def test_unsupported_content_type_is_refused_before_download(fakeweb: FakeWeb, faults: Faults,
                                                             make_source: SourceFactory) -> None:
    url = faults.always("news", "/foto.png", Response(200, {"Content-Type": "image/png"}, b"\x89PNG" * 50_000))
    result, fetcher = fetch_one(make_source(obey_robots=False, max_retries=0), url)
    assert isinstance(result.error, ContentError) and result.error_detail == "content_type"
    assert result.body == b"" and fetcher.stats["bytes_received"] < 200_000


def test_conditional_request_gives_not_modified(fakeweb: FakeWeb, make_source: SourceFactory) -> None:
    source = make_source(obey_robots=False)
    url = fakeweb.base_url("news") + "/feed.xml"
    first, _ = fetch_one(source, url, "feed")

    async def again(**validators: str | None) -> FetchResult:
        async with Fetcher([source], allow_private=True) as fetcher:
            result = await fetcher.fetch(url, source, "feed", **validators)
            assert fetcher.stats["not_modified"] == (1 if result.not_modified else 0)
            return result

    by_etag = run(again(etag=first.etag))
    assert by_etag.not_modified and by_etag.status == 304 and by_etag.error is None and not by_etag.ok
    assert by_etag.body == b"" and by_etag.text is None
    assert fakeweb.requests_for("news")[-1].headers["if-none-match"] == first.etag
    by_date = run(again(last_modified=first.last_modified))
    assert by_date.not_modified
    changed = run(again(etag='"stale"'))
    assert changed.ok and not changed.not_modified


def test_responses_are_archived(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory,
                                tmp_path: Path) -> None:
    faults.redirect("news", "/lama", ARTICLE)
    source = make_source(obey_robots=False)
    base = fakeweb.base_url("news")

    async def crawl() -> tuple[list[FetchResult], FetchResult]:
        with WarcArchive(tmp_path / "warc", "run-1") as archive:
            async with Fetcher([source], allow_private=True, archive=archive) as fetcher:
                results = [await fetcher.fetch(base + path, source, "article") for path in ("/lama", "/hilang")]
                first = results[0]
                revisit = await fetcher.fetch(base + ARTICLE, source, "article", etag=first.etag)
        return results, revisit

    (moved, missing), revisit = run(crawl())
    assert moved.ok and moved.warc is not None
    archived = read_response(moved.warc)
    assert archived.status == 200 and archived.url == base + ARTICLE and archived.body == moved.body
    assert missing.warc is not None and read_response(missing.warc).status == 404
    assert revisit.not_modified and revisit.warc is None


def test_decode_body_prefers_bom_then_header_then_meta() -> None:
    assert decode_body("\ufeffhé".encode(), "text/html; charset=iso-8859-2") == ("hé", "utf-8-sig")
    assert decode_body("é".encode("iso-8859-2"), "text/html; charset=ISO-8859-2")[1] == "iso8859-2"
    meta = b'<html><head><meta charset="windows-1252"></head><body>\x93ok\x94</body></html>'
    assert "“ok”" in decode_body(meta, "text/html")[0]
    xml = b'<?xml version="1.0" encoding="ISO-8859-1"?><rss>\x80</rss>'
    assert "€" in decode_body(xml, "application/xml")[0]  # latin-1 labels mean windows-1252 on the web
    assert decode_body(b"plain ascii", None) == ("plain ascii", "utf-8")
    assert decode_body(b"caf\xe9", "text/html; charset=bogus-charset") == ("café", "cp1252")


def test_parse_retry_after() -> None:
    now = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Sun, 15 Jun 2025 12:00:30 GMT", now=now) == 30
    assert parse_retry_after("Sun, 15 Jun 2025 11:00:00 GMT", now=now) == 0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_fetch_outside_context_manager_is_a_programming_error(make_source: SourceFactory) -> None:
    source = make_source()
    with pytest.raises(RuntimeError):
        run(Fetcher([source]).fetch(source.url, source, "article"))
