"""Discovery: turn a source's feeds, sitemaps and listing pages into de-duplicated, pre-filtered candidates."""

from __future__ import annotations

import asyncio
import io
import re
import xml.etree.ElementTree as ET
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any, Literal
from urllib.parse import unquote, urlsplit
from xml.parsers import expat

import feedparser
from selectolax.lexbor import LexborHTMLParser, LexborNode

from pipeline.config import Listing, Source
from pipeline.errors import ContentError, ParseError, PipelineError
from pipeline.extract import MAX_HTML_DEPTH, nesting_depth, parse_html
from pipeline.fetch import Fetcher, FetchKind, FetchResult
from pipeline.urls import canonicalize, fetchable, in_domains

Via = Literal["feed", "sitemap", "listing"]

# Indexes of big sites list years of monthly sitemaps; the newest few hold everything within max_age_days.
MAX_CHILD_SITEMAPS = 25
MAX_SITEMAP_DEPTH = 3
SNIPPET_CHARS = 500
_ACRONYM_MAX = 5
_EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(slots=True)
class Candidate:
    """An article URL found by discovery; `url` is fetchable, `canonical` is what identity and dedup use."""

    url: str
    source: str
    via: Via
    title: str | None = None
    published: datetime | None = None
    snippet: str | None = None
    canonical: str = ""

    def __post_init__(self) -> None:
        if not self.canonical:
            self.canonical = canonicalize(self.url)


@dataclass(slots=True)
class Discovery:
    """What discovery of one source produced: candidates, every fetch made, skip counts and error strings."""

    source: str
    candidates: list[Candidate]
    fetched: list[FetchResult]
    skipped: Counter[str]
    errors: list[str]


@dataclass(slots=True)
class _Found:
    candidate: Candidate
    topical_listing: bool = False


@dataclass(slots=True)
class _Run:
    source: Source
    fetcher: Fetcher
    validators: Mapping[str, tuple[str | None, str | None]]
    cutoff: datetime | None
    now: datetime
    fetched: list[FetchResult] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    sitemaps_seen: set[str] = field(default_factory=set)


@lru_cache(maxsize=256)
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    words = keyword.split()
    body = r"\s+".join(re.escape(word) for word in words)
    if len(words) == 1 and len(keyword) <= _ACRONYM_MAX:
        # Short acronyms must stand alone: LKS in "balks" or "LKSLK" is not LKS.
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, re.IGNORECASE)


def matches_keywords(text: str, keywords: Sequence[str]) -> bool:
    """True when any keyword occurs in text (case-insensitive; short acronyms only as whole words)."""
    return any(_keyword_pattern(keyword).search(text) for keyword in keywords if keyword.strip())


def _slug_text(url: str, *, with_query: bool = False) -> str:
    parts = urlsplit(url)
    raw = unquote(parts.path + (" " + parts.query if with_query else ""))
    return re.sub(r"[\W_]+", " ", raw)


def _plain_text(html: str | None) -> str | None:
    if not html:
        return None
    if "<" not in html:
        text = html
    elif nesting_depth(html) > MAX_HTML_DEPTH:
        # A summary nested absurdly deep is hostile; its words are all a snippet needs.
        text = re.sub(r"<[^<>]*>", " ", html)
    else:
        text = LexborHTMLParser(f"<div>{html}</div>").text(separator=" ")
    text = re.sub(r"\s+", " ", text).strip()
    return text[:SNIPPET_CHARS] or None


def _parse_date(value: str | None) -> datetime | None:
    """W3C datetime as used by sitemaps; naive values are taken as UTC."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        match = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
        if not match:
            return None
        try:
            parsed = datetime(int(match.group(1)), int(match.group(2)), int(match.group(3) or 1))
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _qualified(name: str) -> str:
    uri, _, local = name.rpartition(" ")
    return f"{{{uri}}}{local}" if uri else local


class _EntityDeclared(Exception):
    """Internal: the document declares entities, which we refuse to expand."""


def _refuse_entities(*_args: Any) -> int:
    raise _EntityDeclared


def parse_xml(data: bytes) -> ET.Element:
    """Parse XML with expat, refusing DTD entity declarations and external entities (no XXE, no entity bombs)."""
    parser = expat.ParserCreate(namespace_separator=" ")
    builder = ET.TreeBuilder()
    parser.StartElementHandler = lambda name, attrs: builder.start(
        _qualified(name), {_qualified(key): value for key, value in attrs.items()})
    parser.EndElementHandler = lambda name: builder.end(_qualified(name))
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = _refuse_entities
    parser.UnparsedEntityDeclHandler = _refuse_entities
    parser.ExternalEntityRefHandler = _refuse_entities
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
        return builder.close()
    except _EntityDeclared:
        raise ParseError("XML declares entities; refused") from None
    except (expat.ExpatError, AssertionError, LookupError) as exc:  # LookupError: unknown declared encoding
        raise ParseError(f"not well-formed XML: {exc}") from None


def _declares_entities(data: bytes) -> bool:
    parser = expat.ParserCreate()
    parser.EntityDeclHandler = _refuse_entities
    parser.UnparsedEntityDeclHandler = _refuse_entities
    parser.ExternalEntityRefHandler = _refuse_entities
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except _EntityDeclared:
        return True
    except (expat.ExpatError, LookupError):
        # Malformed feeds (or an unknown declared encoding) are feedparser's business; only entity
        # declarations matter here.
        return False
    return False


def _gunzip(data: bytes, limit: int) -> bytes:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        output = decompressor.decompress(data, limit + 1)
    except zlib.error as exc:
        raise ParseError(f"corrupt gzip sitemap: {exc}") from None
    if len(output) > limit:
        raise ContentError(f"gzip sitemap larger than {limit} bytes")
    return output


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _children(element: ET.Element, local: str) -> list[ET.Element]:
    # Match by local name: sitemaps in the wild use the 0.9 namespace, old 0.84 ones, or none at all.
    return [child for child in element if _local(child.tag) == local]


def _child_text(element: ET.Element, local: str) -> str | None:
    for child in _children(element, local):
        if child.text and child.text.strip():
            return child.text.strip()
    return None


class _Discoverer:
    """Discovers from one endpoint (and, for sitemap indexes, its children) into its own `found` list."""

    def __init__(self, run: _Run) -> None:
        self.run = run
        self.source = run.source
        self.found: list[_Found] = []

    async def fetch(self, url: str, kind: FetchKind) -> FetchResult | None:
        """Fetch an endpoint with its validators; None when it failed or had nothing new."""
        etag, last_modified = self.run.validators.get(url, (None, None))
        result = await self.run.fetcher.fetch(url, self.source, kind, etag=etag, last_modified=last_modified)
        self.run.fetched.append(result)
        if result.not_modified:
            self.run.skipped["not_modified"] += 1
            return None
        if not result.ok:
            self.fail(kind, url, result.error or PipelineError(f"HTTP {result.status}, empty body"))
            return None
        return result

    def fail(self, kind: str, url: str, error: PipelineError) -> None:
        """Record an endpoint failure as an error string naming source, kind and URL."""
        self.run.errors.append(f"{self.source.name}: {kind} {url}: {error.reason}: {error}")

    def add(self, raw_url: str | None, base: str, via: Via, *, title: str | None = None,
            published: datetime | None = None, snippet: str | None = None, topical_listing: bool = False) -> None:
        """Record a link if it is a usable http(s) URL inside the source's domains."""
        if not raw_url or not raw_url.strip():
            self.run.skipped["bad_url"] += 1
            return
        try:
            url = fetchable(raw_url, base)
        except ValueError:
            self.run.skipped["bad_url"] += 1
            return
        if not in_domains(url, self.source.allowed_domains):
            self.run.skipped["off_domain"] += 1
            return
        candidate = Candidate(url=url, source=self.source.name, via=via, title=title or None,
                              published=published, snippet=snippet or None)
        self.found.append(_Found(candidate, topical_listing))

    async def feed(self, url: str) -> None:
        """Candidates from an RSS/Atom feed."""
        result = await self.fetch(url, "feed")
        if result is None:
            return
        if _declares_entities(result.body):
            self.fail("feed", url, ParseError("feed declares XML entities; refused"))
            return
        # Hand feedparser the bytes as a stream so it can never fetch anything itself.
        try:
            parsed = feedparser.parse(io.BytesIO(result.body), response_headers={
                "content-type": result.headers.get("content-type", "application/xml"),
                "content-location": result.final_url})
        except Exception as exc:  # feedparser has its own bugs on hostile input (e.g. "&#xD800;")
            self.fail("feed", url, ParseError(f"unparseable feed: {type(exc).__name__}: {exc}"))
            return
        if not parsed.entries and (parsed.bozo or not parsed.get("version")):
            reason = parsed.get("bozo_exception") or "no entries and not a feed"
            self.fail("feed", url, ParseError(f"unparseable feed: {reason}"))
            return
        for entry in parsed.entries:
            link = entry.get("link")
            if not link:
                link = next((item.get("href") for item in entry.get("links", []) if item.get("href")), None)
            moment = entry.get("published_parsed") or entry.get("updated_parsed")
            try:
                published = datetime(*moment[:6]).replace(tzinfo=UTC) if moment else None
            except (TypeError, ValueError):
                published = None
            self.add(link, result.final_url, "feed", title=_plain_text(entry.get("title")), published=published,
                     snippet=_plain_text(entry.get("summary")))

    async def sitemap(self, url: str, depth: int = 0) -> None:
        """Candidates from a sitemap, sitemap index (recursively), news or plain-text sitemap."""
        key = canonicalize(url)
        if key in self.run.sitemaps_seen:
            return
        self.run.sitemaps_seen.add(key)
        result = await self.fetch(url, "sitemap")
        if result is None:
            return
        try:
            body = result.body
            if body[:2] == b"\x1f\x8b":
                body = _gunzip(body, self.source.max_page_bytes)
            if not body.lstrip().startswith(b"<"):
                for line in body.decode("utf-8", "replace").splitlines():
                    if line.strip().startswith(("http://", "https://")):
                        self.add(line.strip(), result.final_url, "sitemap")
                return
            root = parse_xml(body)
        except PipelineError as exc:
            self.fail("sitemap", url, exc)
            return
        local = _local(root.tag)
        if local == "sitemapindex":
            await self._sitemap_index(root, result, depth)
        elif local == "urlset":
            self._urlset(root, result)
        else:
            self.fail("sitemap", url, ParseError(f"root element <{local}> is not urlset or sitemapindex"))

    async def _sitemap_index(self, root: ET.Element, result: FetchResult, depth: int) -> None:
        if depth + 1 >= MAX_SITEMAP_DEPTH:
            self.fail("sitemap", result.url, ParseError("sitemap indexes nested too deeply"))
            return
        children: list[tuple[str, datetime | None]] = []
        for entry in _children(root, "sitemap"):
            loc = _child_text(entry, "loc")
            if not loc:
                continue
            child = fetchable(loc, result.final_url)
            host = (urlsplit(result.final_url).hostname or "").lower()
            if not in_domains(child, self.source.allowed_domains) and urlsplit(child).hostname != host:
                self.run.skipped["off_domain"] += 1
                continue
            lastmod = _parse_date(_child_text(entry, "lastmod"))
            if lastmod is not None and self.run.cutoff is not None and lastmod < self.run.cutoff:
                # Nothing in a sitemap last modified before the cutoff can be recent enough.
                self.run.skipped["too_old_sitemap"] += 1
                continue
            children.append((child, lastmod))
        floor = datetime.min.replace(tzinfo=UTC)
        children.sort(key=lambda item: item[1] or floor, reverse=True)
        if len(children) > MAX_CHILD_SITEMAPS:
            self.run.skipped["sitemap_limit"] += len(children) - MAX_CHILD_SITEMAPS
            children = children[:MAX_CHILD_SITEMAPS]
        await asyncio.gather(*(self.sitemap(child, depth + 1) for child, _ in children))

    def _urlset(self, root: ET.Element, result: FetchResult) -> None:
        for entry in _children(root, "url"):
            loc = _child_text(entry, "loc")
            published = title = None
            for news in _children(entry, "news"):
                published = _parse_date(_child_text(news, "publication_date"))
                title = _child_text(news, "title")
            if published is None:
                published = _parse_date(_child_text(entry, "lastmod"))
            self.add(loc, result.final_url, "sitemap", title=title, published=published)

    async def listing(self, listing: Listing) -> None:
        """Candidates from a listing page and its pagination."""
        # A search or tag page for one of our keywords has done the relevance check itself.
        topical = matches_keywords(_slug_text(listing.url, with_query=True), self.source.keywords)
        page_url: str | None = listing.url
        seen: set[str] = set()
        for _ in range(listing.max_pages):
            if page_url is None or canonicalize(page_url) in seen:
                break
            seen.add(canonicalize(page_url))
            result = await self.fetch(page_url, "listing")
            if result is None:
                break
            try:
                tree = parse_html(result.text or "", url=page_url)
            except ParseError as exc:
                self.fail("listing", page_url, exc)
                break
            base_node = tree.css_first("base[href]")
            base = fetchable(base_node.attributes.get("href") or "", result.final_url) if base_node else result.final_url
            nodes = tree.css(listing.link_selector)
            if not nodes and len(seen) == 1:
                # A first page without a single match means the site changed its markup: say so
                # rather than report a quiet "nothing new" night after night.
                self.fail("listing", page_url, ParseError(
                    f"link_selector {listing.link_selector!r} matched nothing on the first page"))
            for node in nodes:
                anchor = node if node.tag == "a" else node.css_first("a[href]")
                if anchor is None:
                    self.run.skipped["bad_url"] += 1
                    continue
                title = re.sub(r"\s+", " ", node.text(separator=" ")).strip()
                self.add(anchor.attributes.get("href"), base, "listing", title=title or None,
                         topical_listing=topical)
            page_url = self._next_page(tree, listing, base)

    @staticmethod
    def _next_page(tree: LexborHTMLParser, listing: Listing, base: str) -> str | None:
        if not listing.next_selector:
            return None
        node: LexborNode | None = tree.css_first(listing.next_selector)
        if node is not None and node.tag != "a":
            node = node.css_first("a[href]")
        href = node.attributes.get("href") if node is not None else None
        return fetchable(href, base) if href else None


def _select(run: _Run, found_in_order: list[_Found]) -> list[Candidate]:
    """Merge duplicates (first endpoint wins, gaps filled from the others), then apply age and topic filters."""
    merged: dict[str, _Found] = {}
    for found in found_in_order:
        key = found.candidate.canonical
        kept = merged.get(key)
        if kept is None:
            merged[key] = found
            continue
        run.skipped["duplicate"] += 1
        first, other = kept.candidate, found.candidate
        first.title = first.title or other.title
        first.snippet = first.snippet or other.snippet
        first.published = first.published or other.published
        kept.topical_listing = kept.topical_listing or found.topical_listing
    candidates: list[Candidate] = []
    latest = run.now + timedelta(days=1)
    for found in merged.values():
        candidate = found.candidate
        if candidate.published is not None and not _EARLIEST <= candidate.published <= latest:
            # "2099-12-31" or "0001-01-01" is a CMS default or a typo, not a date: keep the link, drop the
            # date (DuckDB would also hand years outside 1..9999 back as strings).
            candidate.published = None
        if candidate.published is not None and run.cutoff is not None and candidate.published < run.cutoff:
            run.skipped["too_old"] += 1
            continue
        known = " ".join(part for part in (candidate.title, candidate.snippet) if part)
        if known and not found.topical_listing and not matches_keywords(
                f"{known} {_slug_text(candidate.url)}", run.source.keywords):
            run.skipped["off_topic"] += 1
            continue
        candidates.append(candidate)
    return candidates


async def discover(source: Source, fetcher: Fetcher, *, now: datetime,
                   validators: Mapping[str, tuple[str | None, str | None]] | None = None) -> Discovery:
    """Fetch every feed, sitemap and listing of a source; failures become error strings, never exceptions."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    cutoff = now - timedelta(days=source.max_age_days) if source.max_age_days is not None else None
    run = _Run(source=source, fetcher=fetcher, validators=validators or {}, cutoff=cutoff, now=now)
    robots_before = len(fetcher.robots_fetches)
    feeds = [(_Discoverer(run), url) for url in source.feeds]
    sitemaps = [(_Discoverer(run), url) for url in source.sitemaps]
    listings = [(_Discoverer(run), listing) for listing in source.listings]
    await asyncio.gather(*(d.feed(url) for d, url in feeds), *(d.sitemap(url) for d, url in sitemaps),
                         *(d.listing(listing) for d, listing in listings))
    # Endpoints finish in any order; merging in configuration order keeps `via` and titles deterministic.
    ordered = [found for d, _ in [*feeds, *sitemaps, *listings] for found in d.found]
    candidates = _select(run, ordered)
    # robots.txt fetched on this source's behalf is recorded with its discovery.
    robots = [r for r in fetcher.robots_fetches[robots_before:] if r.source == source.name]
    return Discovery(source=source.name, candidates=candidates, fetched=robots + run.fetched,
                     skipped=run.skipped, errors=run.errors)
