"""Hostile and broken content served for real: bombs, charsets, nesting, empty and foreign bodies, XML attacks, dates.

Oversize bodies, the gzip Content-Encoding bomb, unsupported types and cp1252 at the fetcher are in
tests/test_fetch.py; the HTML-instead-of-a-feed case and entity refusal basics are in tests/test_discover.py.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import json
import time
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import Config, Defaults, Source
from pipeline.demo.server import FakeWeb, Response
from pipeline.discover import Discovery, discover
from pipeline.errors import ContentError, ParseError, PipelineError
from pipeline.extract import MAX_HTML_DEPTH, MAX_TEXT_CHARS, from_html
from pipeline.fetch import Fetcher
from pipeline.process import process_html
from pipeline.run import RunOptions, run
from tests.conftest import FAKE_NOW, Faults
from tests.faults import integrity_problems, rows

SourceFactory = Callable[..., Source]


def _deflate_bomb(size: int, *, raw: bool) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    return b"".join([*(compressor.compress(block) for _ in range(size >> 20)), compressor.flush()])


@pytest.mark.parametrize("raw", [False, True], ids=["zlib", "raw-deflate"])
def test_deflate_bomb_is_refused_without_inflating_it(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory,
                                                      raw: bool) -> None:
    url = faults.always("news", "/bom", Response(200, {"Content-Type": "text/html", "Content-Encoding": "deflate"},
                                                 _deflate_bomb(256 << 20, raw=raw)))
    source = make_source(obey_robots=False, max_page_bytes=1_000_000, max_retries=0)

    async def go() -> PipelineError | None:
        async with Fetcher([source], allow_private=True) as fetcher:
            return (await fetcher.fetch(url, source, "article")).error

    tracemalloc.start()
    try:
        error = asyncio.run(go())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, ContentError) and "larger than 1000000" in str(error)
    assert peak < 16 << 20  # 256 MB of zeros never materialised


def _discover(source: Source) -> Discovery:
    async def go() -> Discovery:
        async with Fetcher([source], allow_private=True, backoff_base=0.01) as fetcher:
            return await discover(source, fetcher, now=FAKE_NOW)

    return asyncio.run(go())


def test_gzipped_sitemap_bomb_is_refused(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (64 << 20) + b"</urlset>", compresslevel=9)
    url = faults.always("news", "/sitemap.xml.gz", Response(200, {"Content-Type": "application/gzip"}, bomb))
    found = _discover(make_source(feeds=[], listings=[], sitemaps=[url], max_page_bytes=2_000_000))
    assert found.candidates == []
    assert len(found.errors) == 1 and "gzip sitemap larger than 2000000 bytes" in found.errors[0]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
"""


def _rss(title: str, link: str) -> bytes:
    return (f'<rss version="2.0"><channel><title>t</title><item><title>{title}</title><link>{link}</link>'
            "</item></channel></rss>").encode()


def _urlset(loc: str) -> bytes:
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{loc}</loc></url></urlset>'.encode()


@pytest.mark.parametrize("kind", ["feed", "sitemap"])
@pytest.mark.parametrize("attack", ["billion laughs", "external entity", "external DTD", "parameter entity"])
def test_xml_attacks_in_feeds_and_sitemaps_expand_nothing_and_fetch_nothing(
        fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory, kind: str, attack: str) -> None:
    base = fakeweb.base_url("news")
    # The attacker's URL is live: a parser that resolved it would show up in the server's log.
    faults.always("news", "/evil.dtd", Response(200, {"Content-Type": "application/xml-dtd"},
                                                b'<!ENTITY x "LKKS dari luar">'))
    evil = base + "/evil.dtd"
    prolog = {
        "billion laughs": BILLION_LAUGHS,
        "external entity": f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{evil}">]>'.encode(),
        "external DTD": f'<?xml version="1.0"?><!DOCTYPE r SYSTEM "{evil}">'.encode(),
        "parameter entity": f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "{evil}"> %p;]>'.encode(),
    }[attack]
    reference = "&lol9;" if attack == "billion laughs" else "&x;" if attack != "external DTD" else "LKKS"
    link = f"{base}/berita/lkks-{reference.strip('&;')}"
    body = prolog + (_rss(f"LKKS {reference}", link) if kind == "feed" else _urlset(link))
    url = faults.always("news", f"/attack.{kind}", Response(200, {"Content-Type": "application/xml"}, body))
    endpoints = {"feeds": [url], "sitemaps": []} if kind == "feed" else {"feeds": [], "sitemaps": [url]}
    started = time.monotonic()
    found = _discover(make_source(listings=[], **endpoints))
    assert time.monotonic() - started < 5
    assert fakeweb.requests_for("news", "/evil.dtd") == []
    for candidate in found.candidates:  # whatever was read, no entity text got into it
        assert "lol" not in (candidate.title or "") + candidate.url and "dari luar" not in (candidate.title or "")
    if attack != "external DTD":
        assert found.candidates == [] and len(found.errors) == 1 and "entities" in found.errors[0]


def _content_site(faults: Faults) -> dict[str, str]:
    """Article pages with content faults, each behind its own URL; returns slug -> fault."""
    cases = {
        "lkks-latin1-label": ("text/html; charset=iso-8859-1", "cp1252", ""),
        "lkks-tanpa-charset": ("text/html", "cp1252", ""),
        "lkks-meta-windows": ("text/html", "cp1252", '<meta charset="windows-1252">'),
        "lkks-label-salah": ("text/html; charset=utf-8", "cp1252", ""),
        "lkks-utf8-benar": ("text/html; charset=utf-8", "utf-8", ""),
    }
    for slug, (content_type, encoding, meta) in cases.items():
        html = (f"<html><head>{meta}<title>LKKS “Peduli” {slug}</title></head><body><article>"
                f"<h1>LKKS “Peduli” {slug}</h1><p>Ketua LKKS Kota Banjarmasin menyerahkan bantuan Rp 5 juta – "
                f"sekitar €300 – kepada panti asuhan “Kasih Ibu” pada Kamis (12/6/2025).</p></article></body></html>")
        faults.always("news", f"/berita/{slug}", Response(200, {"Content-Type": content_type}, html.encode(encoding)))
    broken = {
        "lkks-kosong": Response(200, {"Content-Type": "text/html"}, b""),
        "lkks-spasi": Response(200, {"Content-Type": "text/html"}, b"   \n\t  "),
        "lkks-pdf": Response(200, {"Content-Type": "application/pdf"}, b"%PDF-1.7" + b"\0" * 1000),
        "lkks-bersarang": Response(200, {"Content-Type": "text/html"},
                                   ("<div>" * (MAX_HTML_DEPTH + 10) + "<p>LKKS rapat</p>").encode()),
        "lkks-biner": Response(200, {"Content-Type": "text/html"}, bytes(range(256)) * 50),
        "lkks-raksasa": Response(200, {"Content-Type": "text/html"}, "".join(
            f"<p>Baris {i} laporan LKKS tentang bantuan sosial di Banjarmasin.</p>"
            for i in range(MAX_TEXT_CHARS // 40)).encode()),
    }
    for slug, response in broken.items():
        faults.always("news", f"/berita/{slug}", response)
    return {**dict.fromkeys(cases, "charset"), **dict.fromkeys(broken, "broken")}


def test_a_run_over_hostile_content_loads_what_it_can_and_reports_the_rest(
        fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory, tmp_path: Path) -> None:
    slugs = _content_site(faults)
    base = fakeweb.base_url("news")
    items = "".join(f"<item><title>Kabar LKKS {slug}</title><link>{base}/berita/{slug}</link></item>"
                    for slug in slugs)
    feed = faults.always("news", "/content-feed.xml", Response(200, {"Content-Type": "application/rss+xml"}, (
        f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>').encode()))
    source = make_source(feeds=[feed], sitemaps=[], listings=[], max_age_days=None, max_retries=0,
                         article={"body_selector": "article"})
    db = tmp_path / "w.duckdb"
    summary = run(Config(path="sources.yaml", defaults=Defaults.model_validate({}), sources=[source]),
                  RunOptions(db_path=db, allow_private=True, workers=1))
    assert summary.exit_code == 0
    texts = dict(rows(db, """SELECT a.url, string_agg(p.text, ' ' ORDER BY p.idx) FROM articles a
                             JOIN paragraphs p USING (article_id) GROUP BY a.url"""))
    charset_pages = [slug for slug, kind in slugs.items() if kind == "charset"]
    assert sorted(url.rsplit("/", 1)[1] for url in texts) == sorted(charset_pages)
    for text in texts.values():
        # Curly quotes, dash and euro survive whatever the label said (latin-1 means windows-1252).
        assert "“Kasih Ibu”" in text and "– sekitar €300 –" in text and "\ufffd" not in text
    outcomes = dict(rows(db, "SELECT url, coalesce(error, process_error) FROM pages WHERE kind = 'article'"))
    reasons = {url.rsplit("/", 1)[1]: error for url, error in outcomes.items() if error}
    assert set(reasons) == {slug for slug, kind in slugs.items() if kind == "broken"}
    assert reasons["lkks-pdf"].startswith("content: unsupported content type")
    assert reasons["lkks-kosong"].startswith("content: empty body")
    assert reasons["lkks-bersarang"].startswith("parse: HTML nested more than")
    assert reasons["lkks-raksasa"].startswith("parse:") and "not an article" in reasons["lkks-raksasa"]
    assert reasons["lkks-spasi"].startswith("parse: empty page")
    assert reasons["lkks-biner"].startswith("parse:")
    assert not any(error.startswith("crash") for error in reasons.values())
    assert integrity_problems(db) == {}


def test_extract_command_reads_a_cp1252_file_without_losing_characters(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "lama.html"
    page.write_bytes("<html><body><article><p>Ketua LKKS “Peduli Sesama” menyerahkan bantuan – café "
                     "Banjarmasin, Kamis (12/6/2025).</p></article></body></html>".encode("cp1252"))
    assert main(["extract", str(page)]) == 0
    obj = json.loads(capsys.readouterr().out)
    assert "“Peduli Sesama”" in obj["paragraphs"][0]["text"] and "café" in obj["paragraphs"][0]["text"]


@pytest.mark.parametrize("html", [
    "<div>" * 100_000 + "<p>LKKS</p>",
    "<div><span><b>" * 40_000 + "<p>LKKS",
    "<p>" + "<i>" * 50_000 + "LKKS" + "</i>" * 50_000,
], ids=["closed-divs", "unclosed-soup", "inline-tags"])
def test_pathologically_nested_html_is_refused_fast(html: str) -> None:
    started = time.monotonic()
    with pytest.raises(ParseError, match="nested more than"):
        from_html(html, url="http://x.id/a")
    assert time.monotonic() - started < 3  # parsing it took 20 s before the guard


@pytest.mark.parametrize("html", [
    "<html><body><p>Ketua LKKS Kota Banjarmasin membuka rapat koordinasi di aula dinas sosial.</p>" + "</div>" * 5000,
    "<p>Ketua LKKS\0 Kota Banjarmasin membuka rapat koordinasi di aula dinas sosial provinsi.</p>",
    "<<<>>><p <a href=<<><p>x</b></i></p></p><!-- <p>Ketua LKKS Kota Banjarmasin</p>"
    "<p>Ketua LKKS Kota Banjarmasin membuka rapat koordinasi di aula dinas sosial provinsi.",
    "<table>" + "<tr><td>sel</td>" * 3000 + "<p>Ketua LKKS Kota Banjarmasin membuka rapat koordinasi.</p>",
], ids=["stray-closers", "nul-bytes", "tag-soup", "wide-table"])
def test_malformed_html_is_extracted_or_refused_never_crashes(html: str) -> None:
    try:
        document, _ = process_html(html, url="http://x.id/berita/a")
    except PipelineError:
        return
    assert document.paragraphs


def test_near_duplicate_check_stays_fast_on_thousands_of_similar_lines() -> None:
    html = "".join(f"<p>Paragraf {i} tentang LKKS menggelar rapat koordinasi di Banjarmasin.</p>" for i in range(2500))
    started = time.monotonic()
    document, _ = process_html(html, url="http://x.id/berita/a")
    assert len(document.paragraphs) == 2500
    assert time.monotonic() - started < 20  # every-pair comparison took ~10 s for the cleaning alone


def test_future_and_unparseable_dates(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory) -> None:
    base = fakeweb.base_url("news")
    items = "".join(
        f"<item><title>Kabar LKKS {slug}</title><link>{base}/berita/{slug}</link><pubDate>{date}</pubDate></item>"
        for slug, date in (("masa-depan", "Fri, 31 Dec 2099 09:00:00 +0000"), ("ngawur", "kemarin sore"),
                           ("nol", "Mon, 00 Jan 0000 00:00:00 +0000")))
    feed = faults.always("news", "/dates.xml", Response(200, {"Content-Type": "application/rss+xml"},
                                                        f'<rss version="2.0"><channel>{items}</channel></rss>'.encode()))
    sitemap = faults.always("news", "/dates-sitemap.xml", Response(200, {"Content-Type": "application/xml"}, (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{base}/berita/lkks-{i}</loc><lastmod>{value}</lastmod></url>"
                  for i, value in enumerate(["9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-05:00", "2025-13-45",
                                             "kemarin", ""]))
        + "</urlset>").encode()))
    found = _discover(make_source(feeds=[feed], sitemaps=[sitemap], listings=[]))
    published = {c.url.rsplit("/", 1)[1]: c.published for c in found.candidates}
    assert found.errors == []
    # A date beyond tomorrow is no publication date: the candidate stays, its date becomes unknown.
    assert published["masa-depan"] is None and published["lkks-0"] is None
    assert published["ngawur"] is None and published["nol"] is None
    assert all(published[f"lkks-{i}"] is None for i in range(1, 5))  # year 1, month 13, words, nothing
    html = ('<html><head><meta property="article:published_time" content="2099-12-31T10:00:00+07:00"></head>'
            "<body><p>Ketua LKKS Kota Banjarmasin membuka rapat koordinasi di aula dinas sosial.</p></body></html>")
    assert from_html(html, url="http://x.id/2025/06/12/rapat").published == dt.date(2025, 6, 12)
    assert from_html(html, url="http://x.id/berita/rapat").published is None


def test_a_feed_that_crashes_the_feed_parser_fails_that_feed_only(fakeweb: FakeWeb, faults: Faults,
                                                                  make_source: SourceFactory) -> None:
    # Found by bench/fuzz_long.py: a surrogate character reference made feedparser raise UnicodeEncodeError,
    # which escaped discovery and crashed the whole source.
    base = fakeweb.base_url("news")
    broken = faults.always("news", "/surrogate.xml", Response(200, {"Content-Type": "application/atom+xml"}, (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>&#xD800;</id>'
        f'<entry><title>LKKS</title><link href="{base}/berita/x"/></entry></feed>').encode()))
    found = _discover(make_source(feeds=[broken, base + "/feed.xml"], sitemaps=[], listings=[]))
    assert len(found.errors) == 1 and "/surrogate.xml: parse: unparseable feed" in found.errors[0]
    assert "/berita/lkks-kalsel-gelar-rapat-koordinasi" in {c.url.removeprefix(base) for c in found.candidates}


def test_an_unknown_declared_xml_encoding_fails_that_endpoint_only(fakeweb: FakeWeb, faults: Faults,
                                                                   make_source: SourceFactory) -> None:
    # Found by bench/fuzz_long.py: expat raised LookupError, which escaped discovery and crashed the source.
    base = fakeweb.base_url("news")
    body = b'<?xml version="1.0" encoding="TF-8"?><urlset><url><loc>' + base.encode() + b"/berita/lkks</loc></url></urlset>"
    sitemap = faults.always("news", "/odd-sitemap.xml", Response(200, {"Content-Type": "application/xml"}, body))
    feed = faults.always("news", "/odd-feed.xml", Response(200, {"Content-Type": "application/rss+xml"},
                                                           b'<?xml version="1.0" encoding="TF-8"?>' + _rss("LKKS", "/x")))
    found = _discover(make_source(feeds=[feed, base + "/feed.xml"], sitemaps=[sitemap], listings=[]))
    assert any("/odd-sitemap.xml: parse: not well-formed XML: unknown encoding" in e for e in found.errors)
    assert "/berita/lkks-kalsel-gelar-rapat-koordinasi" in {c.url.removeprefix(base) for c in found.candidates}
