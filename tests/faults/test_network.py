"""Network faults against real local servers: private-space redirects, DNS failure, and a whole run through them.

5xx/429/timeouts/resets/truncation/loops/off-domain at the fetcher level are in tests/test_fetch.py; here the
same faults go through `run()` and the next run must end where a run without faults ends.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pipeline.config import Source
from pipeline.demo.server import FakeWeb, RequestInfo, Response
from pipeline.errors import NetworkError, RefusedError
from pipeline.fetch import Fetcher, FetchResult
from pipeline.run import RunOptions, RunSummary, run
from tests.conftest import Faults
from tests.faults import FakeDns, PublicNames, facts, integrity_problems, rows, scalar

SourceFactory = Callable[..., Source]
PUBLIC = "news.example"
# The zone the fake resolver serves: the outlet is public, two of its sub-domains point into private space.
ZONE = {PUBLIC: "93.184.216.34", f"intranet.{PUBLIC}": "10.1.2.3", f"metadata.{PUBLIC}": "169.254.169.254"}


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDns]:
    """socket.getaddrinfo answering from ZONE only: no query ever leaves the machine."""
    resolver = FakeDns(ZONE)
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    yield resolver


def _public_source(make_source: SourceFactory, **overrides: object) -> Source:
    settings: dict[str, object] = {
        "url": f"http://{PUBLIC}/", "allowed_domains": [PUBLIC], "feeds": [f"http://{PUBLIC}/public-feed.xml"],
        "sitemaps": [], "listings": [], "max_retries": 1, "max_age_days": None, "obey_robots": False}
    return make_source("news", **{**settings, **overrides})


def _fetch(fakeweb: FakeWeb, source: Source, url: str, *, allow_private: bool = False
           ) -> tuple[FetchResult, PublicNames]:
    transport = PublicNames({PUBLIC: fakeweb.base_url("news")})

    async def go() -> FetchResult:
        async with Fetcher([source], transport=transport, allow_private=allow_private,
                           backoff_base=0.01) as fetcher:
            return await fetcher.fetch(url, source, "article")

    return asyncio.run(go()), transport


@pytest.mark.parametrize(("target", "detail"), [
    ("file:///etc/passwd", "bad_scheme"), ("gopher://news.example/1", "bad_scheme"),
    # httpx itself rejects a host-less Location; before the fix that exception crashed the whole source.
    ("data:text/html,<p>LKKS</p>", "bad_url"), ("javascript:alert(1)", "bad_url"), ("mailto:a@b.id", "bad_url"),
])
def test_redirect_to_a_non_http_scheme_is_refused(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory,
                                                  dns: FakeDns, target: str, detail: str) -> None:
    faults.redirect("news", "/pindah", target)
    result, transport = _fetch(fakeweb, _public_source(make_source), f"http://{PUBLIC}/pindah")
    assert isinstance(result.error, RefusedError) and result.error_detail == detail
    assert result.attempts == 1  # a refusal is final: no retry
    assert transport.hosts_asked == [PUBLIC]


@pytest.mark.parametrize(("target", "detail"), [
    ("http://127.0.0.1/admin", "off_domain"),
    ("http://169.254.169.254/latest/meta-data/", "off_domain"),
    ("http://10.0.0.1/", "off_domain"),
    ("http://[::1]/", "off_domain"),
    ("http://0.0.0.0/", "off_domain"),
    ("http://localhost/", "off_domain"),
    ("http://2130706433/", "off_domain"),  # 127.0.0.1 written as one number
    ("http://[::ffff:169.254.169.254]/", "off_domain"),
    (f"http://intranet.{PUBLIC}/admin", "private_address"),  # inside the domain, but resolves to 10.x
    (f"http://metadata.{PUBLIC}/latest/", "private_address"),
])
def test_public_page_cannot_steer_the_crawler_into_private_space(
        fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory, dns: FakeDns, target: str,
        detail: str) -> None:
    faults.redirect("news", "/lanjut", target)
    result, transport = _fetch(fakeweb, _public_source(make_source), f"http://{PUBLIC}/lanjut")
    assert isinstance(result.error, RefusedError) and result.error_detail == detail
    # Refused before connecting: the only host ever contacted is the public one.
    assert transport.hosts_asked == [PUBLIC]


@pytest.mark.parametrize("target", ["http://{loopback}/docs/", "http://169.254.169.254/", "http://10.9.8.7/"])
def test_private_space_stays_closed_to_public_hosts_even_in_demo_mode(
        fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory, target: str) -> None:
    live = target.format(loopback=fakeweb.base_url("plain").removeprefix("http://"))
    faults.redirect("news", "/lanjut", live)
    host = live.split("/")[2].split(":")[0]
    source = _public_source(make_source, allowed_domains=[PUBLIC, host])
    result, transport = _fetch(fakeweb, source, f"http://{PUBLIC}/lanjut", allow_private=True)
    assert isinstance(result.error, RefusedError) and result.error_detail == "private_address"
    assert transport.hosts_asked == [PUBLIC] and fakeweb.requests_for("plain") == []


def test_dns_failure_is_a_network_error_retried_then_reported(fakeweb: FakeWeb, make_source: SourceFactory,
                                                              dns: FakeDns) -> None:
    source = _public_source(make_source, url="http://gone.example/", allowed_domains=["gone.example"])
    result, transport = _fetch(fakeweb, source, "http://gone.example/berita/lkks")
    assert isinstance(result.error, NetworkError) and result.error_detail == "dns"
    assert "cannot resolve gone.example" in str(result.error)
    # Each attempt asks again: a failed lookup is not cached, a transient DNS outage can pass.
    assert result.attempts == 2 and dns.asked.count("gone.example") == 2
    assert transport.hosts_asked == []


def test_dns_failure_of_robots_txt_is_named_in_the_page_error(fakeweb: FakeWeb, make_source: SourceFactory,
                                                              dns: FakeDns) -> None:
    source = _public_source(make_source, url="http://gone.example/", allowed_domains=["gone.example"],
                            obey_robots=True, max_retries=0)
    result, _ = _fetch(fakeweb, source, "http://gone.example/berita/lkks")
    assert isinstance(result.error, RefusedError) and result.error_detail == "robots"
    assert "robots.txt unreachable" in str(result.error) and "cannot resolve gone.example" in str(result.error)


# --- a whole run through the faults --------------------------------------------------------------------

_ARTICLE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{title}</title></head><body>
<article><h1>{title}</h1><time datetime="2025-06-1{n}">1{n} Juni 2025</time>
<div class="entry-content"><p>Lembaga Koordinasi Kesejahteraan Sosial (LKKS) Kabupaten Banjar menggelar {title_lower}
di Martapura, Kamis (1{n}/6/2025), dihadiri {people} pengurus LKS.</p>
<p>Ketua LKKS Kabupaten Banjar menyampaikan bahwa kegiatan nomor {n} ini rutin diadakan.</p></div>
</article></body></html>"""
# slug -> the fault its article page shows in the first run
FAULTS = {
    "lkks-rapat-koordinasi": "none",
    "lkks-server-error-sekali": "500 once",
    "lkks-putus-tengah": "reset mid-body",
    "lkks-chunk-terpotong": "truncated chunked body",
    "lkks-ke-metadata": "redirect to 169.254.169.254",
    "lkks-ke-intranet": "redirect to a sub-domain resolving to 10.x",
    "lkks-ke-loopback": "redirect to a live loopback service",
    "lkks-ke-file": "redirect to file://",
    "lkks-ke-luar": "redirect to another domain",
}


def _feed(extra_links: list[str]) -> bytes:
    links = [f"http://{PUBLIC}/berita/{slug}" for slug in FAULTS] + extra_links
    items = "".join(f"<item><title>Kegiatan LKKS {i}</title><link>{link}</link>"
                    f"<pubDate>Thu, 12 Jun 2025 09:00:00 +0000</pubDate></item>" for i, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Berita</title>{items}</channel></rss>'
            ).encode()


def _page(slug: str) -> Response:
    n = list(FAULTS).index(slug)
    title = f"Rapat LKKS ke-{n}"
    html = _ARTICLE.format(title=title, title_lower=title.lower(), n=n, people=10 + n)
    return Response(200, {"Content-Type": "text/html; charset=utf-8"}, html.encode())


def _faulty(slug: str, fakeweb: FakeWeb) -> Response | Callable[[RequestInfo], Response | None]:
    kind = FAULTS[slug]
    page = _page(slug)
    if kind == "none":
        return page
    if kind == "500 once":
        calls: list[int] = []

        def flaky(_info: RequestInfo) -> Response:
            calls.append(1)
            return Response(500, {"Content-Type": "text/html"}, b"<h1>sibuk</h1>") if len(calls) == 1 else page

        return flaky
    if kind == "reset mid-body":
        return Response(200, page.headers, page.body * 20, reset_after=len(page.body))
    if kind == "truncated chunked body":
        return Response(200, page.headers, chunks=[page.body[:200], page.body[200:]], reset_after=300)
    target = {"redirect to 169.254.169.254": "http://169.254.169.254/latest/meta-data/",
              "redirect to a sub-domain resolving to 10.x": f"http://intranet.{PUBLIC}/berita/{slug}",
              "redirect to a live loopback service": fakeweb.base_url("plain") + "/docs/",
              "redirect to file://": "file:///etc/passwd",
              "redirect to another domain": "http://elsewhere.example/berita/lkks"}[kind]
    return Response(302, {"Location": target})


def _serve(fakeweb: FakeWeb, *, with_faults: bool) -> None:
    private_links = ["http://10.0.0.1/berita/lkks-rahasia", "http://169.254.169.254/latest/lkks",
                     fakeweb.base_url("plain") + "/docs/lkks"]
    fakeweb.route("news", "/public-feed.xml", Response(200, {"Content-Type": "application/rss+xml"},
                                                       _feed(private_links)))
    for slug in FAULTS:
        fakeweb.route("news", f"/berita/{slug}", _faulty(slug, fakeweb) if with_faults else _page(slug))


def _run(fakeweb: FakeWeb, sources: list[Source], db: Path) -> tuple[RunSummary, PublicNames]:
    from pipeline.config import Config, Defaults

    transport = PublicNames({PUBLIC: fakeweb.base_url("news")})
    config = Config(path="sources.yaml", defaults=Defaults.model_validate({}), sources=sources)
    return run(config, RunOptions(db_path=db, transport=transport, workers=1)), transport


def test_a_run_through_network_faults_loses_nothing_once_they_clear(
        fakeweb: FakeWeb, make_source: SourceFactory, dns: FakeDns, tmp_path: Path) -> None:
    source = _public_source(make_source)
    gone = make_source("mirror", name="gone", url="http://gone.example/", allowed_domains=["gone.example"],
                       feeds=["http://gone.example/feed.xml"], sitemaps=[], listings=[], max_retries=0)
    db = tmp_path / "faulty.duckdb"

    _serve(fakeweb, with_faults=True)
    first, transport = _run(fakeweb, [source, gone], db)
    # The outlet answered, so it ran; the one whose name does not resolve failed alone, with the reason.
    assert first.exit_code == 1 and first.totals["sources_failed"] == 1
    report = {r.name: r for r in first.sources}
    assert report["gone"].error and "cannot resolve gone.example" in report["gone"].error
    assert report["news"].error is None
    assert first.totals["articles_new"] == 2  # the clean page and the one that recovered from a 500
    assert report["news"].failed == len(FAULTS) - 2
    assert report["news"].skipped["off_domain"] == 3  # feed links into private space never become URLs
    failures = dict(rows(db, "SELECT url, last_error FROM frontier WHERE status = 'failed'"))
    assert len(failures) == len(FAULTS) - 2
    assert all(message for message in failures.values())
    # Nothing but the public outlet was contacted: no metadata service, no intranet, no loopback site.
    assert set(transport.hosts_asked) == {PUBLIC}
    assert fakeweb.requests_for("plain") == []
    assert integrity_problems(db) == {}

    _serve(fakeweb, with_faults=False)
    second, _ = _run(fakeweb, [source, gone], db)
    assert second.totals["articles_new"] == len(FAULTS) - 2
    clean_db = tmp_path / "clean.duckdb"
    clean, _ = _run(fakeweb, [source], clean_db)
    assert clean.totals["articles_new"] == len(FAULTS)
    assert facts(db) == facts(clean_db)
    assert scalar(db, "SELECT count(*) FROM frontier WHERE status <> 'fetched'") == 0
    assert integrity_problems(db) == {}

