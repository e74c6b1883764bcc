"""Shared fixtures: the local multi-site web server (`fakeweb`), fault routes (`faults`) and `make_source`."""

from __future__ import annotations

import gzip
import textwrap
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import Defaults, Source
from pipeline.demo import corpus_sites
from pipeline.demo.server import FakeWeb, RequestInfo, Response

# The moment the fixture sites were "published" around: pass it as `now` to discovery.
FAKE_NOW = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)

_ARTICLES = {
    # path: (title, date, paragraph)
    "berita/lkks-kalsel-gelar-rapat-koordinasi": (
        "LKKS Kalsel Gelar Rapat Koordinasi", "2025-06-12",
        "Lembaga Koordinasi Kesejahteraan Sosial (LKKS) Provinsi Kalimantan Selatan menggelar rapat koordinasi "
        "bersama Dinas Sosial di Banjarmasin, Kamis (12/6/2025)."),
    "berita/pengukuhan-pengurus-lkks-banjar": (
        "Pengukuhan Pengurus LKKS Kabupaten Banjar", "2025-06-10",
        "Bupati Banjar mengukuhkan pengurus LKKS Kabupaten Banjar masa bakti 2025-2030 di Martapura."),
    "berita/bantuan-untuk-lks-anak": (
        "Dinsos Salurkan Bantuan untuk LKS Anak", "2025-06-14",
        "Dinas Sosial menyalurkan bantuan kepada 12 Lembaga Kesejahteraan Sosial (LKS) anak di Banjarbaru."),
    "berita/lks-lama-2025-maret": (
        "Akreditasi LKS Tahun Lalu", "2025-03-01",
        "Sebanyak 20 LKS mengikuti akreditasi yang diselenggarakan Kementerian Sosial pada Maret 2025."),
    "berita/persiapan-liga-sepak-bola": (
        "Persiapan Liga Sepak Bola Antar Kecamatan", "2025-06-13",
        "Panitia menyiapkan lapangan untuk liga sepak bola antar kecamatan di Banjarmasin."),
    "berita/lkks-paginated-kedua": (
        "Musyawarah LKKS Kota Banjarbaru", "2025-06-11",
        "LKKS Kota Banjarbaru menggelar musyawarah kota untuk memilih ketua baru."),
}


def _article_html(title: str, date: str, paragraph: str) -> str:
    return textwrap.dedent(f"""\
        <!doctype html>
        <html lang="id"><head><meta charset="utf-8"><title>{title}</title></head>
        <body>
        <nav><a href="/">Beranda</a> | <a href="/kategori/sosial/">Sosial</a></nav>
        <article>
          <h1 class="entry-title">{title}</h1>
          <time class="entry-date" datetime="{date}">{date}</time>
          <div class="entry-content"><p>{paragraph}</p><p>Kegiatan ini dihadiri unsur pemerintah daerah.</p></div>
        </article>
        <footer>Hak cipta Media Center Kalsel</footer>
        </body></html>
        """)


def _rss_item(path: str, title: str, date: str, summary: str) -> str:
    moment = datetime.fromisoformat(date).replace(hour=9, tzinfo=UTC)
    return (f"<item><title>{title}</title><link>{{{{base:news}}}}/{path}?utm_source=rss</link>"
            f"<pubDate>{moment.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
            f"<description><![CDATA[<p>{summary}</p>]]></description></item>")


def _listing_html(links: list[str], next_href: str | None) -> str:
    items = "\n".join(f'<h2 class="entry-title"><a href="{href}">{_ARTICLES[href.strip("/")][0]}</a></h2>'
                      for href in links)
    pager = f'<a class="next" href="{next_href}">Berikutnya</a>' if next_href else ""
    return f"<!doctype html><html><head><meta charset='utf-8'><title>Cari</title></head><body>{items}{pager}</body></html>"


def build_sites(root: Path) -> dict[str, Path]:
    """Write the fixture sites: `news` (feed, sitemaps, listing, robots), `mirror` and `plain`."""
    news = root / "news"
    for path, (title, date, paragraph) in _ARTICLES.items():
        target = news / f"{path}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_article_html(title, date, paragraph), encoding="utf-8")
    (news / "private").mkdir()
    (news / "private" / "secret.html").write_text("<html><body>LKKS internal</body></html>", encoding="utf-8")
    (news / "index.html").write_text(
        "<!doctype html><html><head><title>Media Center</title></head><body>"
        + "".join(f'<a href="/{path}">{title}</a>' for path, (title, _, _) in _ARTICLES.items())
        + "</body></html>", encoding="utf-8")
    (news / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    feed_paths = ["berita/lkks-kalsel-gelar-rapat-koordinasi", "berita/bantuan-untuk-lks-anak",
                  "berita/lks-lama-2025-maret", "berita/persiapan-liga-sepak-bola"]
    items = "".join(_rss_item(path, _ARTICLES[path][0], _ARTICLES[path][1], _ARTICLES[path][2]) for path in feed_paths)
    (news / "feed.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Media Center Kalsel</title>'
        f"<link>{{{{base:news}}}}/</link><description>Berita</description>{items}</channel></rss>",
        encoding="utf-8")
    (news / "sitemap_index.xml").write_text(textwrap.dedent("""\
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>{{base:news}}/news-sitemap.xml</loc><lastmod>2025-06-14T10:00:00+08:00</lastmod></sitemap>
          <sitemap><loc>{{base:news}}/post-sitemap-2019.xml</loc><lastmod>2019-12-31</lastmod></sitemap>
          <sitemap><loc>http://elsewhere.example/sitemap.xml</loc></sitemap>
        </sitemapindex>
        """), encoding="utf-8")
    (news / "news-sitemap.xml").write_text(textwrap.dedent("""\
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          <url><loc>{{base:news}}/berita/pengukuhan-pengurus-lkks-banjar</loc>
            <news:news><news:publication>Media Center</news:publication>
              <news:publication_date>2025-06-10T08:00:00+08:00</news:publication_date>
              <news:title>Pengukuhan Pengurus LKKS Kabupaten Banjar</news:title></news:news></url>
          <url><loc>{{base:news}}/berita/lkks-kalsel-gelar-rapat-koordinasi/</loc>
            <lastmod>2025-06-12</lastmod></url>
          <url><loc>{{base:news}}/berita/lks-lama-2025-maret</loc>
            <news:news><news:publication_date>2025-03-01</news:publication_date>
              <news:title>Akreditasi LKS Tahun Lalu</news:title></news:news></url>
        </urlset>
        """), encoding="utf-8")
    (news / "post-sitemap-2019.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>{{base:news}}/berita/2019-lama</loc></url></urlset>", encoding="utf-8")
    (news / "index__s_LKKS.html").write_text(_listing_html(
        ["/berita/lkks-kalsel-gelar-rapat-koordinasi", "/berita/pengukuhan-pengurus-lkks-banjar"],
        "/page/2/?s=LKKS"), encoding="utf-8")
    (news / "page" / "2").mkdir(parents=True)
    (news / "page" / "2" / "index__s_LKKS.html").write_text(_listing_html(
        ["/berita/lkks-paginated-kedua", "/berita/bantuan-untuk-lks-anak"], "/page/3/?s=LKKS"), encoding="utf-8")
    (news / "page" / "3").mkdir(parents=True)
    (news / "page" / "3" / "index__s_LKKS.html").write_text(_listing_html(
        ["/berita/lks-lama-2025-maret"], None), encoding="utf-8")

    mirror = root / "mirror"
    mirror.mkdir()
    (mirror / "index.html").write_text("<html><body><p>Mirror of {{base:news}}</p></body></html>", encoding="utf-8")
    (mirror / "salinan.html").write_text("<html><body><p>LKKS salinan</p></body></html>", encoding="utf-8")
    (mirror / "feed.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>m</title>'
                                     "</channel></rss>", encoding="utf-8")

    plain = root / "plain"
    (plain / "docs").mkdir(parents=True)
    (plain / "index.html").write_text("<html><body>plain home</body></html>", encoding="utf-8")
    (plain / "docs" / "index.html").write_text("<html><body>docs index</body></html>", encoding="utf-8")
    (plain / "notes.txt").write_text("see {{base:plain}}/docs/\n", encoding="utf-8")
    (plain / "about").write_text("<html><body>about without extension</body></html>", encoding="utf-8")
    (plain / "search__q_lkks_page_2.html").write_text("<html><body>search results 2</body></html>",
                                                      encoding="utf-8")
    (plain / "feed.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>p</title>'
                                    "</channel></rss>", encoding="utf-8")
    return {"news": news, "mirror": mirror, "plain": plain}


@pytest.fixture
def fake_now() -> datetime:
    """The reference 'now' of the fixture sites' dates."""
    return FAKE_NOW


@pytest.fixture
def fakeweb(tmp_path: Path) -> Iterator[FakeWeb]:
    """Sites `news`, `mirror` and `plain` served on their own 127.0.0.x addresses for one test."""
    web = FakeWeb(build_sites(tmp_path / "sites"))
    web.start()
    try:
        yield web
    finally:
        web.stop()


def _gzip_bomb(size: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    parts = [compressor.compress(block) for _ in range(size // len(block))]
    parts.append(compressor.flush())
    return b"".join(parts)


class Faults:
    """Registers fault routes on a FakeWeb; every method returns the full URL of the faulty path."""

    def __init__(self, web: FakeWeb) -> None:
        self.web = web

    def url(self, site: str, path: str) -> str:
        """Absolute URL of path on site."""
        return self.web.base_url(site) + path

    def fail_then_succeed(self, site: str, path: str, *, failures: int = 1, status: int = 500,
                          headers: dict[str, str] | None = None) -> str:
        """Answer `status` for the first `failures` requests, then fall through to the static file."""
        calls = {"n": 0}

        def handler(_info: RequestInfo) -> Response | None:
            calls["n"] += 1
            if calls["n"] <= failures:
                return Response(status, {"Content-Type": "text/html", **(headers or {})}, b"<h1>try later</h1>")
            return None

        self.web.route(site, path, handler)
        return self.url(site, path)

    def rate_limited(self, site: str, path: str, *, retry_after: str = "1", times: int = 1,
                     status: int = 429) -> str:
        """429 (or 503) with Retry-After for the first `times` requests, then the static file."""
        return self.fail_then_succeed(site, path, failures=times, status=status,
                                      headers={"Retry-After": retry_after})

    def always(self, site: str, path: str, response: Response) -> str:
        """Always answer with response."""
        self.web.route(site, path, response)
        return self.url(site, path)

    def slow(self, site: str, path: str, delay: float, body: bytes = b"<html><body>slow</body></html>") -> str:
        """Wait `delay` seconds before answering."""
        return self.always(site, path, Response(200, {"Content-Type": "text/html"}, body, delay=delay))

    def slow_drip(self, site: str, path: str, *, chunks: int = 50, chunk_delay: float = 0.1) -> str:
        """Send a chunked body one small chunk at a time."""
        return self.always(site, path, Response(200, {"Content-Type": "text/html"},
                                                chunks=[b"<p>drip</p>"] * chunks, chunk_delay=chunk_delay))

    def reset_mid_body(self, site: str, path: str, *, size: int = 20_000, reset_after: int = 5_000) -> str:
        """Declare Content-Length `size`, send `reset_after` bytes, then reset the connection."""
        body = b"<html><body>" + b"x" * size + b"</body></html>"
        return self.always(site, path, Response(200, {"Content-Type": "text/html"}, body, reset_after=reset_after))

    def truncated_chunked(self, site: str, path: str) -> str:
        """A chunked body that stops in the middle of a chunk."""
        chunks = [b"<html><body>", b"y" * 4000, b"</body></html>"]
        return self.always(site, path, Response(200, {"Content-Type": "text/html"}, chunks=chunks, reset_after=2000))

    def redirect(self, site: str, path: str, location: str, status: int = 302) -> str:
        """Redirect path to location."""
        return self.always(site, path, Response(status, {"Location": location}))

    def redirect_loop(self, site: str, first: str, second: str) -> str:
        """first -> second -> first -> ..."""
        self.redirect(site, first, second)
        self.redirect(site, second, first)
        return self.url(site, first)

    def oversize(self, site: str, path: str, size: int, *, declare_length: bool = True) -> str:
        """An HTML body of `size` bytes, with or without Content-Length (chunked)."""
        body = b"<html><body>" + b"z" * size + b"</body></html>"
        if declare_length:
            return self.always(site, path, Response(200, {"Content-Type": "text/html"}, body))
        chunks = [body[i:i + 65536] for i in range(0, len(body), 65536)]
        return self.always(site, path, Response(200, {"Content-Type": "text/html"}, chunks=chunks))

    def gzip_bomb(self, site: str, path: str, size: int = 64 << 20) -> str:
        """A small gzip Content-Encoding body that inflates to `size` bytes."""
        return self.always(site, path, Response(200, {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                                                _gzip_bomb(size)))

    def gzipped(self, site: str, path: str, html: str) -> str:
        """A normal page served with Content-Encoding: gzip."""
        return self.always(site, path, Response(200, {"Content-Type": "text/html; charset=utf-8",
                                                      "Content-Encoding": "gzip"}, gzip.compress(html.encode())))

    def legacy_charset(self, site: str, path: str, text: str, *, content_type: str = "text/html",
                       encoding: str = "cp1252") -> str:
        """`text` encoded in a legacy charset and served with a Content-Type that does not say so."""
        body = f"<html><body><p>{text}</p></body></html>".encode(encoding)
        return self.always(site, path, Response(200, {"Content-Type": content_type}, body))


@pytest.fixture
def faults(fakeweb: FakeWeb) -> Faults:
    """Fault-route helpers bound to the `fakeweb` fixture."""
    return Faults(fakeweb)


TEST_DEFAULTS: dict[str, Any] = {
    "user_agent": "lkks-test/1.0 (+https://example.org/test)",
    "delay_seconds": 0.0,
    "timeout_seconds": 5.0,
    "max_retries": 2,
}


@pytest.fixture
def make_source(fakeweb: FakeWeb) -> Callable[..., Source]:
    """Build a validated Source for a fakeweb site; keyword arguments override any field."""

    def build(site: str = "news", **overrides: Any) -> Source:
        base = fakeweb.base_url(site)
        data: dict[str, Any] = {**Defaults.model_validate({}).model_dump(), **TEST_DEFAULTS, "name": site, "url": base + "/",
                                "allowed_domains": [fakeweb.host(site)], "feeds": [base + "/feed.xml"]}
        if site == "news":
            data["sitemaps"] = [base + "/sitemap_index.xml"]
            data["listings"] = [{"url": base + "/?s=LKKS", "link_selector": "h2.entry-title a",
                                 "next_selector": "a.next", "max_pages": 5}]
        data.update(overrides)
        return Source.model_validate(data)

    return build


@pytest.fixture
def demo_web() -> Iterator[FakeWeb]:
    """The bundled demo sites served on 127.0.0.x, as `lkks demo` serves them."""
    with FakeWeb(corpus_sites(), first_host=40) as web:
        yield web
