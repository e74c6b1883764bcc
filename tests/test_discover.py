"""Discovery from feeds, (news) sitemap indexes and paginated listings against the local server."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from pipeline.config import Source
from pipeline.demo.server import FakeWeb, Response
from pipeline.discover import Candidate, Discovery, discover, matches_keywords, parse_xml
from pipeline.errors import ParseError
from pipeline.fetch import Fetcher
from tests.conftest import Faults

SourceFactory = Callable[..., Source]


def run_discovery(source: Source, now: datetime, **kwargs: Any) -> Discovery:
    async def go() -> Discovery:
        async with Fetcher([source], allow_private=True, backoff_base=0.01) as fetcher:
            return await discover(source, fetcher, now=now, **kwargs)

    return asyncio.run(go())


def by_path(found: Discovery, web: FakeWeb, site: str = "news") -> dict[str, Candidate]:
    base = web.base_url(site)
    return {c.url.removeprefix(base): c for c in found.candidates}


def test_feed_sitemap_index_and_paginated_listing(fakeweb: FakeWeb, make_source: SourceFactory,
                                                  fake_now: datetime) -> None:
    found = run_discovery(make_source(), fake_now)
    candidates = by_path(found, fakeweb)
    assert set(candidates) == {
        "/berita/lkks-kalsel-gelar-rapat-koordinasi",  # feed (utm_source stripped), sitemap, listing p1
        "/berita/bantuan-untuk-lks-anak",  # feed, listing p2
        "/berita/pengukuhan-pengurus-lkks-banjar",  # news sitemap, listing p1
        "/berita/lkks-paginated-kedua",  # listing p2 only: pagination was followed
    }
    assert found.errors == []
    assert found.skipped["too_old"] == 1  # lks-lama: old in the feed and in the news sitemap
    assert found.skipped["off_topic"] == 1  # the football article from the feed
    assert found.skipped["too_old_sitemap"] == 1 and found.skipped["off_domain"] == 1
    assert found.skipped["duplicate"] == 6
    rapat = candidates["/berita/lkks-kalsel-gelar-rapat-koordinasi"]
    assert rapat.via == "feed" and rapat.title == "LKKS Kalsel Gelar Rapat Koordinasi"
    assert rapat.published == datetime(2025, 6, 12, 9, 0, tzinfo=UTC)
    assert rapat.snippet and rapat.snippet.startswith("Lembaga Koordinasi Kesejahteraan Sosial (LKKS)")
    assert rapat.canonical == rapat.url and rapat.source == "news"
    news_item = candidates["/berita/pengukuhan-pengurus-lkks-banjar"]
    assert news_item.via == "sitemap" and news_item.title == "Pengukuhan Pengurus LKKS Kabupaten Banjar"
    assert news_item.published == datetime(2025, 6, 10, 0, 0, tzinfo=UTC)
    assert candidates["/berita/lkks-paginated-kedua"].via == "listing"
    requested = [r.path + ("?" + r.query if r.query else "") for r in fakeweb.requests_for("news")]
    assert "/post-sitemap-2019.xml" not in requested and "/page/3/?s=LKKS" in requested
    kinds = sorted(r.kind for r in found.fetched)
    assert kinds == ["feed", "listing", "listing", "listing", "robots", "sitemap", "sitemap"]
    assert all(r.ok for r in found.fetched)


def test_max_age_none_keeps_old_items(fakeweb: FakeWeb, make_source: SourceFactory, fake_now: datetime) -> None:
    found = run_discovery(make_source(max_age_days=None, listings=[]), fake_now)
    paths = set(by_path(found, fakeweb))
    assert "/berita/lks-lama-2025-maret" in paths and "/berita/2019-lama" in paths
    assert found.skipped["too_old"] == 0


def test_listing_pages_stop_at_max_pages(fakeweb: FakeWeb, make_source: SourceFactory, fake_now: datetime) -> None:
    listing = {"url": fakeweb.base_url("news") + "/?s=LKKS", "link_selector": "h2.entry-title a",
               "next_selector": "a.next", "max_pages": 1}
    found = run_discovery(make_source(feeds=[], sitemaps=[], listings=[listing]), fake_now)
    assert set(by_path(found, fakeweb)) == {"/berita/lkks-kalsel-gelar-rapat-koordinasi",
                                            "/berita/pengukuhan-pengurus-lkks-banjar"}
    assert [r.query for r in fakeweb.requests_for("news", "/")] == ["s=LKKS"]


def test_listing_that_is_not_a_keyword_search_is_prefiltered(fakeweb: FakeWeb, faults: Faults,
                                                             make_source: SourceFactory, fake_now: datetime) -> None:
    faults.always("news", "/kategori/daerah", Response(200, {"Content-Type": "text/html"}, (
        b"<html><body><ul class='list'>"
        b"<li><a href='/berita/persiapan-liga-sepak-bola'>Persiapan Liga Sepak Bola</a></li>"
        b"<li><a href='/berita/lkks-kalsel-gelar-rapat-koordinasi'>Rapat koordinasi</a></li>"
        b"<li><a href='https://outside.example/berita/lkks'>LKKS di luar</a></li>"
        b"<li><a href='mailto:redaksi@example.com'>Kontak LKKS</a></li>"
        b"<li><span>no link</span></li>"
        b"</ul></body></html>")))
    listing = {"url": fakeweb.base_url("news") + "/kategori/daerah", "link_selector": "ul.list li"}
    found = run_discovery(make_source(feeds=[], sitemaps=[], listings=[listing]), fake_now)
    # The second title lacks a keyword but its URL slug has "lkks".
    assert set(by_path(found, fakeweb)) == {"/berita/lkks-kalsel-gelar-rapat-koordinasi"}
    assert found.skipped["off_topic"] == 1
    assert found.skipped["off_domain"] == 2  # another host and a mailto: link
    assert found.skipped["bad_url"] == 1


def test_validators_are_sent_and_304_means_nothing_new(fakeweb: FakeWeb, make_source: SourceFactory,
                                                       fake_now: datetime) -> None:
    source = make_source(sitemaps=[], listings=[])
    first = run_discovery(source, fake_now)
    feed = next(r for r in first.fetched if r.kind == "feed")
    second = run_discovery(source, fake_now, validators={feed.url: (feed.etag, feed.last_modified)})
    assert second.candidates == [] and second.errors == []
    assert second.skipped["not_modified"] == 1
    refetched = next(r for r in second.fetched if r.kind == "feed")
    assert refetched.not_modified and refetched.status == 304
    assert fakeweb.requests_for("news", "/feed.xml")[-1].headers["if-none-match"] == feed.etag


def test_failing_feed_is_reported_and_other_endpoints_go_on(fakeweb: FakeWeb, faults: Faults,
                                                            make_source: SourceFactory, fake_now: datetime) -> None:
    base = fakeweb.base_url("news")
    faults.always("news", "/broken.xml", Response(500, {}, b"oops"))
    faults.always("news", "/html-feed", Response(200, {"Content-Type": "text/html"}, b"<html><body>hi</body></html>"))
    source = make_source(feeds=[base + "/broken.xml", base + "/missing.xml", base + "/html-feed", base + "/feed.xml"],
                         max_retries=0)
    found = run_discovery(source, fake_now)
    assert len(found.errors) == 3
    assert all(error.startswith("news: feed http://") for error in found.errors)
    assert any("/broken.xml: server_error" in error for error in found.errors)
    assert any("/missing.xml: client_error" in error for error in found.errors)
    assert any("/html-feed: parse" in error for error in found.errors)
    assert "/berita/lkks-paginated-kedua" in by_path(found, fakeweb)  # the listing still ran
    assert len([r for r in found.fetched if r.kind == "feed"]) == 4


def test_atom_feed_and_gzipped_text_sitemap(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory,
                                            fake_now: datetime) -> None:
    base = fakeweb.base_url("news")
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2025-06-14T00:00:00Z</updated>
        <entry><title>Forum LKS Gelar Pelatihan</title><id>urn:1</id>
          <link rel="alternate" href="/berita/forum-lks-pelatihan"/><updated>2025-06-14T03:00:00+08:00</updated>
          <summary>Pelatihan pengurus.</summary></entry>
        </feed>"""
    faults.always("news", "/atom.xml", Response(200, {"Content-Type": "application/atom+xml"}, atom))
    text_sitemap = gzip.compress(f"{base}/berita/tanpa-judul\n\n{base}/berita/lain\n".encode())
    faults.always("news", "/sitemap.txt.gz", Response(200, {"Content-Type": "application/gzip"}, text_sitemap))
    found = run_discovery(make_source(feeds=[base + "/atom.xml"], sitemaps=[base + "/sitemap.txt.gz"],
                                      listings=[]), fake_now)
    assert found.errors == []
    candidates = by_path(found, fakeweb)
    assert set(candidates) == {"/berita/forum-lks-pelatihan", "/berita/tanpa-judul", "/berita/lain"}
    assert candidates["/berita/forum-lks-pelatihan"].published == datetime(2025, 6, 13, 19, 0, tzinfo=UTC)


def test_sitemap_without_namespace_is_read(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory,
                                           fake_now: datetime) -> None:
    base = fakeweb.base_url("news")
    plain = (f"<?xml version='1.0'?><urlset><url><loc>{base}/berita/lkks-tanpa-ns</loc>"
             "<lastmod>2025-06-13</lastmod></url><url><loc>  </loc></url></urlset>").encode()
    faults.always("news", "/plain-sitemap.xml", Response(200, {"Content-Type": "text/xml"}, plain))
    found = run_discovery(make_source(feeds=[], sitemaps=[base + "/plain-sitemap.xml"], listings=[]), fake_now)
    assert set(by_path(found, fakeweb)) == {"/berita/lkks-tanpa-ns"}
    assert found.skipped["bad_url"] == 1


def test_entity_declarations_are_refused(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory,
                                         fake_now: datetime) -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&b;</loc></url></urlset>')
    xxe = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<rss version="2.0"><channel><title>&x;</title><item><title>LKKS &x;</title>'
           b"<link>/berita/x</link></item></channel></rss>")
    base = fakeweb.base_url("news")
    faults.always("news", "/bomb.xml", Response(200, {"Content-Type": "application/xml"}, bomb))
    faults.always("news", "/xxe.xml", Response(200, {"Content-Type": "application/rss+xml"}, xxe))
    found = run_discovery(make_source(feeds=[base + "/xxe.xml"], sitemaps=[base + "/bomb.xml"], listings=[]),
                          fake_now)
    assert found.candidates == []
    assert sorted(error.split(":")[1].strip().split()[0] for error in found.errors) == ["feed", "sitemap"]
    assert all("entities" in error for error in found.errors)


def test_parse_xml_builds_namespaced_tree() -> None:
    root = parse_xml(b'<a xmlns="urn:x" xmlns:n="urn:n"><n:b k="v">text</n:b></a>')
    assert root.tag == "{urn:x}a"
    child = root.find("{urn:n}b")
    assert child is not None and child.text == "text" and child.get("k") == "v"
    with pytest.raises(ParseError):
        parse_xml(b"<a><b></a>")


@pytest.mark.parametrize(("text", "expected"), [
    ("Pengukuhan pengurus LKKS Banjar", True),
    ("lks anak terima bantuan", True),
    ("LKS-nya mendapat bantuan", True),
    ("The deal balks at the price", False),
    ("Program LKSLK baru", False),
    ("Lembaga  Kesejahteraan\nSosial Anak", True),
    ("lembaga koordinasi kesejahteraan sosial", True),
    ("Liga sepak bola antar kecamatan", False),
])
def test_matches_keywords(text: str, expected: bool) -> None:
    keywords = ["LKKS", "LKS", "Lembaga Kesejahteraan Sosial", "Lembaga Koordinasi Kesejahteraan Sosial"]
    assert matches_keywords(text, keywords) is expected


def test_matches_keywords_ignores_blank_keywords() -> None:
    assert not matches_keywords("apa saja", ["", "  "])
