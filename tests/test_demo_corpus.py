"""The bundled demo corpus is self-consistent: sources, robots, feeds, sitemaps, listings, manifest and seed pages."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import pytest
import yaml
from protego import Protego
from selectolax.lexbor import LexborHTMLParser

import pipeline
from pipeline.config import Config, Source, parse_config

CORPUS = Path(pipeline.__file__).resolve().parent / "demo" / "corpus"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SITES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
# Distinct fake hosts, so that a link to the wrong site cannot resolve by accident.
BASES = {site: f"http://127.0.0.{10 + i}:8000" for i, site in enumerate(SITES)}
HOST_TO_SITE = {urlsplit(base).netloc: site for site, base in BASES.items()}
PLACEHOLDER = re.compile(r"\{\{base:([^}]*)\}\}")
TEXT_SUFFIXES = {".html", ".xml", ".txt"}
MANIFEST: list[dict[str, Any]] = yaml.safe_load((CORPUS / "articles.yaml").read_text(encoding="utf-8"))
BY_URL = {BASES[a["site"]] + a["path"]: a for a in MANIFEST}
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
EVENT_TYPES = {"inauguration", "coordination_meeting", "deliberation", "training", "accreditation",
               "aid_distribution", "visit", "other"}


def render(text: str) -> str:
    """Replace placeholders the way the demo server does, with this test's fixed base URLs."""
    return PLACEHOLDER.sub(lambda m: BASES[m.group(1)], text)


def find_file(site: str, url_path: str, query: str) -> Path | None:
    """The file a URL path and query are served from, following the corpus serving conventions."""
    root = CORPUS / site
    relative = unquote(url_path).lstrip("/")
    if query:
        stem = relative + "index" if relative == "" or relative.endswith("/") else relative
        candidates = [f"{stem}__{re.sub(r'[^A-Za-z0-9]', '_', query)}.html"]
    elif relative == "" or relative.endswith("/"):
        candidates = [relative + "index.html"]
    else:
        candidates = [relative, relative + ".html", relative + "/index.html"]
    for candidate in candidates:
        path = root / candidate
        if path.is_file():
            return path
    return None


def locate(url: str) -> tuple[str, Path]:
    """Site and file behind an absolute URL; fails the test when nothing would be served."""
    parts = urlsplit(url)
    site = HOST_TO_SITE.get(parts.netloc)
    assert site is not None, f"{url} points to no corpus site"
    path = find_file(site, parts.path or "/", parts.query)
    assert path is not None, f"{url} resolves to no file under {CORPUS / site}"
    return site, path


def fetch(url: str) -> str:
    """The rendered text a URL would be served with."""
    return render(locate(url)[1].read_text(encoding="utf-8"))


def article_for(url: str, site: str) -> dict[str, Any]:
    """The manifest entry of an article URL, which must belong to `site`."""
    locate(url)
    entry = BY_URL.get(url)
    assert entry is not None, f"{url} is not an article listed in articles.yaml"
    assert entry["site"] == site, f"{url} belongs to {entry['site']}, linked from {site}"
    return entry


def meta(doc: LexborHTMLParser, attr: str, value: str) -> str | None:
    """Content of the <meta> whose `attr` is `value`, if any."""
    node = doc.css_first(f'meta[{attr}="{value}"]')
    return node.attributes.get("content") if node is not None else None


def published_of(entry: dict[str, Any]) -> dt.datetime:
    """The article:published_time of a manifest entry's page."""
    doc = LexborHTMLParser((CORPUS / entry["file"]).read_text(encoding="utf-8"))
    value = meta(doc, "property", "article:published_time")
    assert value is not None, f"{entry['file']} has no article:published_time"
    return dt.datetime.fromisoformat(value)


@pytest.fixture(scope="module")
def config() -> Config:
    """sources.demo.yaml with this test's base URLs filled in."""
    raw = (CORPUS / "sources.demo.yaml").read_text(encoding="utf-8")
    return parse_config(yaml.safe_load(render(raw)), "sources.demo.yaml")


def source_of(config: Config, site: str) -> Source:
    """The configured source of a site."""
    return next(s for s in config.sources if s.name == site)


def walk_listing(url: str, link_selector: str, next_selector: str | None, max_pages: int) -> list[list[str]]:
    """Article links of each listing page, following pagination like the crawler would."""
    pages: list[list[str]] = []
    next_url: str | None = url
    while next_url and len(pages) < max_pages:
        doc = LexborHTMLParser(fetch(next_url))
        pages.append([urljoin(next_url, a.attributes["href"] or "") for a in doc.css(link_selector)])
        found = doc.css_first(next_selector) if next_selector else None
        next_url = urljoin(next_url, found.attributes["href"] or "") if found is not None else None
    return pages


def sitemap_urls(url: str) -> list[str]:
    """Article URLs of a sitemap, descending into sitemap indexes."""
    root = ET.fromstring(fetch(url).encode("utf-8"))
    if root.tag == SITEMAP_NS + "sitemapindex":
        children = [loc.text or "" for loc in root.iter(SITEMAP_NS + "loc")]
        assert children, f"{url}: empty sitemap index"
        return [article for child in children for article in sitemap_urls(child)]
    assert root.tag == SITEMAP_NS + "urlset", f"{url}: not a sitemap ({root.tag})"
    urls = []
    for node in root.iter(SITEMAP_NS + "url"):
        loc = (node.findtext(SITEMAP_NS + "loc") or "").strip()
        lastmod = node.findtext(SITEMAP_NS + "lastmod")
        if lastmod and loc in BY_URL:
            assert dt.datetime.fromisoformat(lastmod) == published_of(BY_URL[loc]), f"{loc}: lastmod differs"
        urls.append(loc)
    assert urls, f"{url}: empty urlset"
    return urls


def discovered(config: Config, site: str) -> set[str]:
    """Every article URL a site's feeds, sitemaps and listings lead to."""
    source = source_of(config, site)
    urls: set[str] = set()
    for feed in source.feeds:
        urls |= {entry.link for entry in feedparser.parse(fetch(feed)).entries}
    for sitemap in source.sitemaps:
        urls |= set(sitemap_urls(sitemap))
    for listing in source.listings:
        for page in walk_listing(listing.url, listing.link_selector, listing.next_selector, listing.max_pages):
            urls |= set(page)
    return urls


def test_sites_have_home_robots_and_a_source(config: Config) -> None:
    assert len(SITES) >= 4
    assert {s.name for s in config.sources} == set(SITES)
    for site in SITES:
        assert (CORPUS / site / "index.html").is_file(), site
        assert (CORPUS / site / "robots.txt").is_file(), site


def test_sources_parse_with_local_politeness(config: Config) -> None:
    with_selector = [s for s in config.sources if s.article.body_selector]
    assert len(with_selector) >= 2
    assert len(with_selector) < len(config.sources), "some sources must go through trafilatura"
    assert any(s.feeds for s in config.sources)
    assert any(s.sitemaps for s in config.sources)
    assert any(s.listings for s in config.sources)
    for source in config.sources:
        host = urlsplit(BASES[source.name]).hostname
        assert source.allowed_domains == [host]
        assert source.url == BASES[source.name] + "/"
        endpoints = [*source.feeds, *source.sitemaps, *(listing.url for listing in source.listings)]
        assert endpoints and all(urlsplit(u).hostname == host for u in endpoints), source.name
        assert source.delay_seconds == 0.05 and source.obey_robots and source.max_age_days is None


def test_placeholders_name_existing_sites() -> None:
    served = [p for site in SITES for p in (CORPUS / site).rglob("*") if p.is_file()]
    assert all(p.suffix in TEXT_SUFFIXES for p in served), "the corpus holds text files only"
    files = [*served, CORPUS / "sources.demo.yaml", CORPUS / "articles.yaml"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert set(PLACEHOLDER.findall(text)) <= set(SITES), path
        assert "{{" not in PLACEHOLDER.sub("", text), f"{path}: malformed placeholder"
        assert "127.0.0." not in text and "localhost" not in text, f"{path}: hard-coded local address"


def test_feeds_parse_and_link_to_articles(config: Config) -> None:
    feeds = [(source.name, feed) for source in config.sources for feed in source.feeds]
    assert feeds
    for site, url in feeds:
        parsed = feedparser.parse(fetch(url))
        assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
        assert parsed.entries, url
        for entry in parsed.entries:
            article = article_for(entry.link, site)
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            assert stamp is not None, f"{entry.link}: no date in {url}"
            assert calendar.timegm(stamp) == published_of(article).timestamp(), f"{entry.link}: feed date differs"
            assert entry.get("title") == article["title"]


def test_sitemaps_are_well_formed_and_link_to_articles(config: Config) -> None:
    sitemaps = [(source.name, sitemap) for source in config.sources for sitemap in source.sitemaps]
    assert sitemaps
    for site, url in sitemaps:
        urls = sitemap_urls(url)
        assert len(urls) == len(set(urls)), f"{url}: repeated URLs"
        for article_url in urls:
            article_for(article_url, site)


def test_listings_paginate_and_link_to_articles(config: Config) -> None:
    listings = [(source.name, listing) for source in config.sources for listing in source.listings]
    assert listings
    for site, listing in listings:
        pages = walk_listing(listing.url, listing.link_selector, listing.next_selector, listing.max_pages)
        assert all(pages), f"{listing.url}: a listing page without article links"
        links = [link for page in pages for link in page]
        assert len(links) == len(set(links)), f"{listing.url}: an article listed twice"
        for link in links:
            article_for(link, site)
        if listing.next_selector:
            assert len(pages) >= 2, f"{listing.url}: pagination not followed"


def test_every_article_is_discoverable(config: Config) -> None:
    for site in SITES:
        expected = {BASES[site] + a["path"] for a in MANIFEST if a["site"] == site}
        assert discovered(config, site) == expected, site


def test_robots_allow_articles_and_block_admin(config: Config) -> None:
    for source in config.sources:
        robots = Protego.parse(fetch(BASES[source.name] + "/robots.txt"))
        agent = source.user_agent
        assert robots.crawl_delay(agent) == 0, source.name
        assert not robots.can_fetch(BASES[source.name] + "/wp-admin/", agent), source.name
        endpoints = [*source.feeds, *source.sitemaps, *(listing.url for listing in source.listings)]
        articles = [BASES[a["site"]] + a["path"] for a in MANIFEST if a["site"] == source.name]
        for url in endpoints + articles:
            assert robots.can_fetch(url, agent), f"robots.txt blocks {url}"


def test_manifest_lists_every_article_page() -> None:
    pages = set()
    for path in CORPUS.rglob("*.html"):
        doc = LexborHTMLParser(path.read_text(encoding="utf-8"))
        if meta(doc, "property", "og:type") == "article":
            pages.add(path.relative_to(CORPUS).as_posix())
    assert pages == {a["file"] for a in MANIFEST}
    assert len({a["key"] for a in MANIFEST}) == len(MANIFEST)


def test_manifest_is_varied() -> None:
    assert 20 <= len(MANIFEST) <= 30
    relevant = [a for a in MANIFEST if a["relevant"]]
    assert relevant and len(relevant) < len(MANIFEST)
    assert len({a["province"] for a in MANIFEST}) >= 6
    assert {a["event"] for a in relevant} <= EVENT_TYPES
    assert len({a["event"] for a in relevant}) >= 6
    assert all(a["event"] is None for a in MANIFEST if not a["relevant"])
    assert all("2019-01-01" <= a["published"] <= "2025-12-31" for a in MANIFEST)
    assert sorted(a["seed"] for a in MANIFEST if a["seed"]) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("article", MANIFEST, ids=[a["key"] for a in MANIFEST])
def test_article_page_has_metadata(article: dict[str, Any], config: Config) -> None:
    url = BASES[article["site"]] + article["path"]
    site, path = locate(url)
    assert path == CORPUS / article["file"]
    doc = LexborHTMLParser(render(path.read_text(encoding="utf-8")))
    canonical = doc.css_first('link[rel="canonical"]')
    assert canonical is not None and canonical.attributes.get("href") == url
    assert meta(doc, "property", "og:url") == url
    assert meta(doc, "property", "og:title") == article["title"]
    assert meta(doc, "name", "description")
    title = doc.css_first("title")
    assert title is not None and article["title"] in title.text()
    published = published_of(article)
    assert published.tzinfo is not None and published.date().isoformat() == article["published"]
    selector = source_of(config, site).article.body_selector
    if selector:
        bodies = doc.css(selector)
        assert len(bodies) == 1, f"{selector} must match the one article body"
        assert len(bodies[0].text(strip=True)) > 300


def _squash(text: str) -> str:
    """Text without any whitespace, so markup line breaks cannot hide a match."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("article", [a for a in MANIFEST if a["seed"]], ids=lambda a: f"seed{a['seed']}")
def test_seed_page_carries_the_seed_text(article: dict[str, Any]) -> None:
    if not SHARED.is_dir():
        pytest.skip("the shared seed folder is absent")
    seed_files = list((SHARED / "seeds").glob(f"{article['seed']}_*.txt"))
    assert len(seed_files) == 1
    lines = [_squash(line) for line in seed_files[0].read_text(encoding="utf-8").splitlines() if line.strip()]
    doc = LexborHTMLParser((CORPUS / article["file"]).read_text(encoding="utf-8"))
    assert doc.body is not None
    page = _squash(doc.body.text(separator="\n"))
    # Repeated seed paragraphs (seed 003 publishes its body twice) must be repeated on the page too.
    for line, wanted in Counter(lines).items():
        assert page.count(line) >= wanted, f"seed line missing {wanted}x: {line[:80]}"
