"""URL canonicalisation, domain scoping, ids and the private-address test."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.urls import canonicalize, fetchable, in_domains, is_private_address, url_id


@pytest.mark.parametrize(("raw", "expected"), [
    ("HTTP://WWW.Example.COM/Berita/", "http://example.com/Berita"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("http://example.com:8080/a/", "http://example.com:8080/a"),
    ("https://example.com/a#comments", "https://example.com/a"),
    ("https://example.com/a?utm_source=fb&utm_medium=x&fbclid=1&gclid=2&id=7", "https://example.com/a?id=7"),
    ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
    ("https://m.example.com/berita/x", "https://example.com/berita/x"),
    ("https://example.com/amp/berita/x", "https://example.com/berita/x"),
    ("https://example.com/berita/x/amp/", "https://example.com/berita/x"),
    ("https://example.com/berita/x?amp=1", "https://example.com/berita/x"),
    ("https://example.com/berita/x?amp", "https://example.com/berita/x"),
    ("https://example.com/berita/x?outputType=amp&page=2", "https://example.com/berita/x?page=2"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com/", "https://example.com/"),
    ("https://example.com/a/./b/../c", "https://example.com/a/c"),
    ("https://example.com/a%7eb/%41", "https://example.com/a~b/A"),
    ("https://example.com/caf%C3%A9", "https://example.com/caf%C3%A9"),
    ("  https://example.com/x  ", "https://example.com/x"),
    ("https://www.com/x", "https://www.com/x"),
    ("http://127.0.0.10:41234/berita/", "http://127.0.0.10:41234/berita"),
])
def test_canonicalize(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


def test_relative_urls_resolve_against_base() -> None:
    base = "https://www.example.com/kategori/sosial/?page=2"
    assert canonicalize("../berita/x", base) == "https://example.com/kategori/berita/x"
    assert canonicalize("/berita/y?utm_campaign=z", base) == "https://example.com/berita/y"
    assert canonicalize("//cdn.example.com/z", base) == "https://cdn.example.com/z"
    assert canonicalize("?page=3", base) == "https://example.com/kategori/sosial?page=3"


def test_fetchable_keeps_the_host_prefix_but_cleans_the_rest() -> None:
    assert fetchable("https://WWW.example.com/amp/x/?utm_source=a#f") == "https://www.example.com/x/"
    assert fetchable("https://example.com/x/amp/") == "https://example.com/x/"
    assert fetchable("https://example.com") == "https://example.com/"
    assert canonicalize(fetchable("https://m.example.com/x")) == canonicalize("https://example.com/x")


def test_non_http_schemes_are_left_alone() -> None:
    assert canonicalize("mailto:Redaksi@Example.com") == "mailto:Redaksi@Example.com"
    assert canonicalize("javascript:void(0)#x") == "javascript:void(0)"


def test_url_id_is_stable_and_shared_by_equivalent_urls() -> None:
    first = url_id("https://www.example.com/berita/x/?utm_source=rss#top")
    assert first == url_id("https://example.com/berita/x")
    assert len(first) == 16 and int(first, 16) >= 0
    assert first != url_id("https://example.com/berita/y")


@pytest.mark.parametrize(("url", "allowed", "expected"), [
    ("https://diskominfomc.kalselprov.go.id/x", ["diskominfomc.kalselprov.go.id"], True),
    ("https://www.diskominfomc.kalselprov.go.id/x", ["diskominfomc.kalselprov.go.id"], True),
    ("https://diskominfomc.kalselprov.go.id/x", ["www.diskominfomc.kalselprov.go.id"], True),
    ("https://berita.kalselprov.go.id/x", ["kalselprov.go.id"], True),
    ("https://m.kalselprov.go.id/x", ["kalselprov.go.id"], True),
    ("https://evilkalselprov.go.id/x", ["kalselprov.go.id"], False),
    ("https://kalselprov.go.id.evil.com/x", ["kalselprov.go.id"], False),
    ("ftp://kalselprov.go.id/x", ["kalselprov.go.id"], False),
    ("javascript:alert(1)", ["kalselprov.go.id"], False),
    ("https://KALSELPROV.GO.ID./x", ["kalselprov.go.id"], True),
    ("http://127.0.0.10:5000/x", ["127.0.0.10"], True),
    ("http://127.0.0.11:5000/x", ["127.0.0.10"], False),
    ("https://example.com/x", [], False),
])
def test_in_domains(url: str, allowed: list[str], expected: bool) -> None:
    assert in_domains(url, allowed) is expected


@pytest.mark.parametrize(("host", "expected"), [
    ("127.0.0.1", True), ("127.0.0.10", True), ("10.0.0.5", True), ("192.168.1.1", True), ("172.16.0.1", True),
    ("169.254.169.254", True), ("0.0.0.0", True), ("::1", True), ("[::1]", True), ("fe80::1", True),
    ("::ffff:10.0.0.1", True), ("localhost", True), ("api.localhost", True), ("224.0.0.1", True),
    ("8.8.8.8", False), ("2001:4860:4860::8888", False), ("kalselprov.go.id", False),
])
def test_is_private_address(host: str, expected: bool) -> None:
    assert is_private_address(host) is expected


_segment = st.text(alphabet=st.sampled_from("abcXYZ019-_.~%é "), min_size=0, max_size=8)


@given(
    host=st.sampled_from(["example.com", "WWW.Example.com", "m.example.co.id", "127.0.0.1:8080"]),
    segments=st.lists(_segment, max_size=4),
    query=st.lists(st.tuples(st.sampled_from(["a", "utm_source", "amp", "page", "B"]), _segment), max_size=3),
    trailing=st.booleans(),
)
def test_canonicalize_is_idempotent(host: str, segments: list[str], query: list[tuple[str, str]],
                                    trailing: bool) -> None:
    path = "/" + "/".join(segments) + ("/" if trailing else "")
    url = f"https://{host}{path}" + ("?" + "&".join(f"{k}={v}" for k, v in query) if query else "")
    once = canonicalize(url)
    assert canonicalize(once) == once
    assert url_id(url) == url_id(once)
    cleaned = fetchable(url)
    assert fetchable(cleaned) == cleaned
    assert canonicalize(cleaned) == once
