"""Bounded fuzzing: generated and mutated demo-corpus inputs through extraction, cleaning, analysis and the parsers.

Each target may return or raise a documented PipelineError subclass, nothing else, and must not hang.
bench/fuzz_long.py runs the same TARGETS much longer.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import clean, extract
from pipeline.config import Defaults, Source, parse_config
from pipeline.demo import CORPUS
from pipeline.discover import discover, parse_xml
from pipeline.errors import ConfigError, PipelineError
from pipeline.fetch import FetchKind, FetchResult, decode_body
from pipeline.process import process_file, process_html
from pipeline.urls import in_domains

PAGES = sorted(CORPUS.rglob("*.html"))
FEEDS = sorted(CORPUS.rglob("feed.xml"))
SITEMAPS = sorted(CORPUS.rglob("sitemap*.xml"))
# Fragments that break parsers: unbalanced and deep tags, entities, CDATA, DTDs, control and odd characters.
SNIPPETS = [b"<div>", b"</div>", b"<p>", b"</p>", b"<table><tr><td>", b"<!--", b"-->", b"<![CDATA[", b"]]>",
            b"&amp;", b"&#0;", b"&#xD800;", b"&lol;", b'<!DOCTYPE x [<!ENTITY lol "lol">]>', b"<?xml version='1.0'?>",
            b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", "\u202e".encode(), "\ufffd".encode(), b"<script>", b"</script>",
            b"<base href='javascript:x'>", b"<a href='http://169.254.169.254/'>LKKS</a>", b"<meta charset='utf-16'>",
            b"<item><link>//x</link></item>", b"<loc>http://[::1</loc>", b"<lastmod>0000-00-00</lastmod>",
            b"<pubDate>Fri, 31 Dec 9999 23:59:59 +1400</pubDate>", b"LKKS " * 20, b"\r\n---\r\n", b"Baca juga: "]
EXAMPLES = 60  # per target; bench/fuzz_long.py raises it


@st.composite
def mutated(draw: st.DrawFn, files: list[Path]) -> bytes:
    """A corpus file with a few random cuts, copies, byte flips and inserted hostile snippets."""
    data = bytearray(draw(st.sampled_from(files)).read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "copy", "flip", "insert", "truncate", "repeat"]))
        if action == "cut":
            del data[at:at + draw(st.integers(1, 400))]
        elif action == "copy":
            data[at:at] = data[at:at + draw(st.integers(1, 400))]
        elif action == "flip" and data:
            data[min(at, len(data) - 1)] ^= draw(st.integers(1, 255))
        elif action == "insert":
            data[at:at] = draw(st.sampled_from(SNIPPETS)) + draw(st.binary(max_size=8))
        elif action == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.sampled_from(SNIPPETS)) * draw(st.integers(2, 300))
    return bytes(data)


def _text(data: bytes) -> str:
    return decode_body(data, None)[0]


html_text = st.one_of(mutated(PAGES).map(_text), st.text(max_size=3000),
                      st.lists(st.sampled_from([s.decode("utf-8", "replace") for s in SNIPPETS] + ["kata", " "]),
                               max_size=200).map("".join))
xml_bytes = st.one_of(mutated(FEEDS), mutated(SITEMAPS), st.binary(max_size=2000))


def check_from_html(html: str) -> None:
    """extract.from_html: a Document with clean, numbered paragraphs, or a ParseError."""
    try:
        document = extract.from_html(html, url="http://fuzz.example/2025/06/12/a")
    except PipelineError:
        return
    assert document.paragraphs
    assert [p.index for p in document.paragraphs] == list(range(len(document.paragraphs)))
    assert all(p.text and p.text == p.text.strip() for p in document.paragraphs)
    assert document.published is None or document.published <= dt.date.today() + dt.timedelta(days=1)


def check_from_text(text: str) -> None:
    """extract.from_text: paragraphs or a ParseError."""
    try:
        document = extract.from_text(text)
    except PipelineError:
        return
    assert all(p.text for p in document.paragraphs)


def check_classify(texts: list[str]) -> None:
    """clean.classify: every paragraph gets a known status; duplicates point back to a kept paragraph."""
    paragraphs = clean.classify(texts)
    kept = {p.index for p in paragraphs if p.status == "kept"}
    for p in paragraphs:
        assert p.status in ("kept", "boilerplate", "duplicate")
        if p.status == "duplicate":
            assert p.duplicate_of in kept and p.duplicate_of is not None and p.duplicate_of < p.index


def check_process_html(html: str) -> None:
    """The whole per-page path of a run: extract → clean → analyse."""
    try:
        document, analysis = process_html(html, url="http://fuzz.example/berita/a", source="fuzz")
    except PipelineError:
        return
    count = len(document.paragraphs)
    spans = [c.paragraph for c in analysis.counts] + [e.evidence.paragraph for e in analysis.events if e.evidence]
    assert all(0 <= paragraph < count for paragraph in spans)


def check_process_file(data: bytes, suffix: str, tmp: Path) -> None:
    """`lkks extract` internals on a file of any bytes: the contract object or a PipelineError."""
    path = tmp / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        obj = process_file(path)
    except PipelineError:
        return
    assert isinstance(obj["paragraphs"], list) and isinstance(obj["relevant"], bool)


def check_parse_xml(data: bytes) -> None:
    """discover.parse_xml: a tree or a ParseError; entity declarations are always refused."""
    try:
        parse_xml(data)
    except PipelineError:
        return
    assert b"<!ENTITY" not in data or b"<!DOCTYPE" not in data


@dataclass
class _Served:
    """A Fetcher stand-in serving one body at one URL (404 elsewhere), so discovery parses fuzz at full speed."""

    url: str
    body: bytes
    content_type: str
    robots_fetches: list[FetchResult]

    async def fetch(self, url: str, source: Source, kind: FetchKind, *, etag: str | None = None,
                    last_modified: str | None = None) -> FetchResult:
        """The fuzz body for the endpoint, an empty 404 for anything else."""
        found = url == self.url
        body = self.body if found else b""
        text, encoding = decode_body(body, self.content_type) if found else (None, None)
        return FetchResult(url=url, final_url=url, kind=kind, source=source.name, status=200 if found else 404,
                           headers={"content-type": self.content_type}, body=body, text=text,
                           fetched_at=dt.datetime.now(dt.UTC), elapsed=0.0, encoding=encoding,
                           error=None if found else PipelineError("HTTP 404"))


SOURCE = Source.model_validate({**Defaults.model_validate({}).model_dump(), "name": "fuzz", "url": "http://fuzz.example/",
                                "feeds": ["http://fuzz.example/feed"], "max_age_days": None})


def check_discover(kind: str, data: bytes) -> None:
    """Discovery of one feed, sitemap or listing body: never raises, only in-domain http(s) candidates."""
    url = f"http://fuzz.example/{kind}"
    endpoints: dict[str, Any] = {"feeds": [], "sitemaps": [], "listings": []}
    if kind == "listing":
        endpoints["listings"] = [{"url": url, "link_selector": "a", "next_selector": "a[rel=next]"}]
    else:
        endpoints[f"{kind}s"] = [url]
    source = Source.model_validate({**SOURCE.model_dump(), **endpoints})
    served = _Served(url, data, "text/html" if kind == "listing" else "application/xml", [])
    found = asyncio.run(discover(source, served, now=dt.datetime(2025, 6, 15, tzinfo=dt.UTC)))  # type: ignore[arg-type]
    for candidate in found.candidates:
        assert candidate.url.startswith(("http://", "https://")) and in_domains(candidate.url, ["fuzz.example"])
        assert candidate.published is None or candidate.published.year >= 1970


def check_config(data: object) -> None:
    """parse_config on any YAML-shaped data: a Config or a ConfigError."""
    try:
        parse_config(data, "fuzz.yaml")
    except ConfigError:
        return


yaml_like = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                         lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                                    max_size=4), max_leaves=20)
good_source = st.fixed_dictionaries({"name": st.just("a"), "url": st.just("https://a.id/"),
                                     "feeds": st.just(["https://a.id/f"])},
                                    optional={key: yaml_like for key in Defaults.model_fields})

TARGETS: dict[str, tuple[Any, Callable[..., None]]] = {
    "from_html": (html_text, check_from_html),
    "from_text": (st.one_of(st.text(max_size=2000), mutated(PAGES).map(_text)), check_from_text),
    "classify": (st.lists(st.text(max_size=200) | st.sampled_from(["Baca juga: x", "LKKS rapat di Banjar " * 3]),
                          max_size=40), check_classify),
    "process_html": (html_text, check_process_html),
    "parse_xml": (xml_bytes, check_parse_xml),
    "discover_feed": (xml_bytes, lambda data: check_discover("feed", data)),
    "discover_sitemap": (xml_bytes, lambda data: check_discover("sitemap", data)),
    "discover_listing": (mutated(PAGES), lambda data: check_discover("listing", data)),
    "config": (st.one_of(yaml_like, st.fixed_dictionaries({"sources": st.lists(good_source, max_size=2)})),
               check_config),
}


def _fuzz(name: str, examples: int = EXAMPLES) -> None:
    strategy, check = TARGETS[name]
    run = settings(max_examples=examples, deadline=10_000, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])(given(strategy)(check))
    run()


@pytest.fixture(scope="module", autouse=True)
def warm_up() -> None:
    """Load spaCy and the gazetteers once, so the per-example deadline measures the target, not the imports."""
    process_html(PAGES[0].read_text(encoding="utf-8"), url=None)


@pytest.mark.parametrize("name", [name for name in TARGETS if name != "process_html"])
def test_fuzz_target(name: str) -> None:
    _fuzz(name)


def test_fuzz_process_html() -> None:
    _fuzz("process_html", examples=40)


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_fuzz_extract_command_internals(suffix: str, tmp_path: Path) -> None:
    @settings(max_examples=25, deadline=10_000, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture])
    @given(st.one_of(mutated(PAGES), st.binary(max_size=3000)))
    def check(data: bytes) -> None:
        check_process_file(data, suffix, tmp_path)

    check()
