"""The local multi-site web server: static mapping, placeholders, conditional requests, routes and faults."""

from __future__ import annotations

import contextlib
import http.client
import socket
import time
from pathlib import Path

import httpx
import pytest

from pipeline.demo.server import FakeWeb, RequestInfo, Response, content_type_for


def test_each_site_has_its_own_loopback_address(fakeweb: FakeWeb) -> None:
    bases = {site: fakeweb.base_url(site) for site in ("news", "mirror", "plain")}
    hosts = {httpx.URL(base).host for base in bases.values()}
    assert hosts == {"127.0.0.10", "127.0.0.11", "127.0.0.12"}
    assert all(not base.endswith("/") for base in bases.values())
    assert fakeweb.host("mirror") == "127.0.0.11"


def test_static_paths_map_to_files(fakeweb: FakeWeb) -> None:
    base = fakeweb.base_url("plain")
    assert httpx.get(base + "/").text.strip() == "<html><body>plain home</body></html>"
    assert "docs index" in httpx.get(base + "/docs/").text
    assert "docs index" in httpx.get(base + "/docs").text
    about = httpx.get(base + "/about")
    assert "about without extension" in about.text
    assert about.headers["content-type"] == "application/octet-stream"
    news = fakeweb.base_url("news")
    article = httpx.get(news + "/berita/lkks-kalsel-gelar-rapat-koordinasi")
    assert article.status_code == 200
    assert article.headers["content-type"] == "text/html; charset=utf-8"
    assert "LKKS Kalsel Gelar Rapat Koordinasi" in article.text


def test_query_string_maps_to_its_own_file_then_falls_back(fakeweb: FakeWeb) -> None:
    news = fakeweb.base_url("news")
    assert "Berikutnya" in httpx.get(news + "/?s=LKKS").text
    assert "Berikutnya" in httpx.get(news + "/page/2/?s=LKKS").text
    plain = fakeweb.base_url("plain")
    assert "search results 2" in httpx.get(plain + "/search?q=lkks&page=2").text
    # An unknown query on a known path serves the path, as real sites ignore unknown parameters.
    assert "plain home" in httpx.get(plain + "/?utm_source=x").text


def test_placeholders_are_rendered_in_text_files(fakeweb: FakeWeb) -> None:
    plain = fakeweb.base_url("plain")
    notes = httpx.get(plain + "/notes.txt")
    assert notes.text == f"see {plain}/docs/\n"
    assert notes.headers["content-type"] == "text/plain; charset=utf-8"
    feed = httpx.get(fakeweb.base_url("news") + "/feed.xml")
    assert feed.headers["content-type"] == "application/rss+xml"
    assert "{{base:" not in feed.text and fakeweb.base_url("news") + "/berita/" in feed.text
    assert fakeweb.render("a {{base:mirror}} b") == f"a {fakeweb.base_url('mirror')} b"


def test_unknown_path_is_404_html(fakeweb: FakeWeb) -> None:
    response = httpx.get(fakeweb.base_url("plain") + "/nope")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


def test_traversal_outside_the_site_directory_is_404(fakeweb: FakeWeb) -> None:
    # httpx would normalise "..", so send the raw request line.
    host, port = fakeweb.base_url("plain").removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.request("GET", "/../news/robots.txt")
    assert connection.getresponse().status == 404
    connection.close()


def test_conditional_requests_get_304(fakeweb: FakeWeb) -> None:
    url = fakeweb.base_url("news") + "/feed.xml"
    first = httpx.get(url)
    assert first.headers["etag"].startswith('"') and first.headers["last-modified"].endswith("GMT")
    assert httpx.get(url, headers={"If-None-Match": first.headers["etag"]}).status_code == 304
    assert httpx.get(url, headers={"If-Modified-Since": first.headers["last-modified"]}).status_code == 304
    assert httpx.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    assert httpx.get(url, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}).status_code == 200


def test_request_log_records_site_path_query_headers_and_time(fakeweb: FakeWeb) -> None:
    before = time.monotonic()
    httpx.get(fakeweb.base_url("news") + "/?s=LKKS", headers={"User-Agent": "probe/1"})
    httpx.head(fakeweb.base_url("plain") + "/docs/")
    logged = list(fakeweb.requests)
    assert [(r.site, r.method, r.path, r.query) for r in logged] == [
        ("news", "GET", "/", "s=LKKS"), ("plain", "HEAD", "/docs/", "")]
    assert logged[0].headers["user-agent"] == "probe/1"
    assert before <= logged[0].time <= logged[1].time <= time.monotonic()
    assert fakeweb.requests_for("plain") == [logged[1]]
    fakeweb.clear_log()
    assert fakeweb.requests == []


def test_routes_override_files_and_may_fall_through(fakeweb: FakeWeb) -> None:
    base = fakeweb.base_url("plain")
    fakeweb.route("plain", "/", Response(201, {"Content-Type": "text/plain", "X-Test": "1"}, b"created"))
    overridden = httpx.get(base + "/")
    assert (overridden.status_code, overridden.text, overridden.headers["x-test"]) == (201, "created", "1")
    seen: list[RequestInfo] = []

    def passthrough(info: RequestInfo) -> Response | None:
        seen.append(info)
        return None

    fakeweb.route("plain", "/docs/", passthrough)
    assert "docs index" in httpx.get(base + "/docs/").text
    assert seen[0].path == "/docs/"
    fakeweb.route("plain", "/search?q=x", Response(200, {}, b"query route"))
    assert httpx.get(base + "/search?q=x").text == "query route"
    with pytest.raises(KeyError):
        fakeweb.route("nosuchsite", "/", Response())


def test_delay_and_chunked_responses(fakeweb: FakeWeb) -> None:
    base = fakeweb.base_url("plain")
    fakeweb.route("plain", "/slow", Response(200, {}, b"late", delay=0.3))
    started = time.monotonic()
    assert httpx.get(base + "/slow").text == "late"
    assert time.monotonic() - started >= 0.3
    fakeweb.route("plain", "/chunked", Response(200, {"Content-Type": "text/plain"}, chunks=[b"ab", b"cd", b"e"]))
    chunked = httpx.get(base + "/chunked")
    assert chunked.text == "abcde" and chunked.headers["transfer-encoding"] == "chunked"


def test_reset_mid_body_breaks_the_transfer(fakeweb: FakeWeb) -> None:
    base = fakeweb.base_url("plain")
    fakeweb.route("plain", "/reset", Response(200, {}, b"x" * 10_000, reset_after=100))
    with pytest.raises(httpx.TransportError):
        httpx.get(base + "/reset")
    fakeweb.route("plain", "/cut", Response(200, {}, chunks=[b"a" * 100, b"b" * 100], reset_after=150))
    with pytest.raises(httpx.TransportError):
        httpx.get(base + "/cut")
    # The server keeps serving after a reset.
    assert httpx.get(base + "/").status_code == 200


def test_stop_releases_the_ports(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "index.html").write_text("hi", encoding="utf-8")
    with FakeWeb({"s": tmp_path / "s"}, first_host=40) as web:
        host, port = web.base_url("s").removeprefix("http://").split(":")
        web.route("s", "/hang", Response(200, {}, b"", delay=30))
        with contextlib.suppress(httpx.TimeoutException):
            httpx.get(web.base_url("s") + "/hang", timeout=0.2)
    started = time.monotonic()
    probe = socket.socket()
    # SO_REUSEADDR tolerates TIME_WAIT leftovers but still fails while a listener holds the port.
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind((host, int(port)))
    finally:
        probe.close()
    assert time.monotonic() - started < 1


def test_fixed_port_serves_all_sites_on_that_port(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(name, encoding="utf-8")
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    free_port = probe.getsockname()[1]
    probe.close()
    with FakeWeb({"a": tmp_path / "a", "b": tmp_path / "b"}, first_host=50, port=free_port) as web:
        assert web.base_url("a") == f"http://127.0.0.50:{free_port}"
        assert httpx.get(web.base_url("b") + "/").text == "b"


@pytest.mark.parametrize(("name", "expected"), [
    ("index.html", "text/html; charset=utf-8"), ("feed.xml", "application/rss+xml"),
    ("sitemap.xml", "application/xml"), ("atom.xml", "application/atom+xml"), ("x.txt", "text/plain; charset=utf-8"),
    ("s.xml.gz", "application/gzip"), ("image.png", "application/octet-stream"),
])
def test_content_types(name: str, expected: str) -> None:
    assert content_type_for(Path(name)) == expected
