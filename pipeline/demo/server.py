"""A real multi-site HTTP server on loopback addresses, for the offline demo and the tests.

Each site gets its own threaded stdlib server bound to 127.0.0.N on a free port, serving a directory
of static files plus dynamic routes that can inject faults (slow, chunked, reset mid-body).
"""

from __future__ import annotations

import hashlib
import re
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit


@dataclass
class RequestInfo:
    """One request as the server saw it; `time` is time.monotonic() when the request line arrived."""

    site: str
    method: str
    path: str
    query: str
    headers: dict[str, str]
    time: float


@dataclass
class Response:
    """What a route answers; `chunks` sends chunked encoding, `reset_after` aborts after that many body bytes."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0
    chunks: list[bytes] | None = None
    reset_after: int | None = None
    chunk_delay: float = 0.0


Handler = Callable[[RequestInfo], Response | None]

_PLACEHOLDER = re.compile(r"\{\{base:([A-Za-z0-9_.-]+)\}\}")
_TEXT_TYPES = ("text/", "application/xml", "application/rss+xml", "application/atom+xml", "application/json")
_NOT_FOUND = b"<!doctype html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>"


def content_type_for(path: Path) -> str:
    """The Content-Type a static file is served with, from its name."""
    name = path.name.lower()
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return "text/html; charset=utf-8"
    if suffix == ".xml" or suffix == ".rss" or name in ("feed", "rss"):
        if "atom" in name:
            return "application/atom+xml"
        if "feed" in name or "rss" in name or suffix == ".rss":
            return "application/rss+xml"
        return "application/xml"
    if suffix == ".atom":
        return "application/atom+xml"
    if suffix == ".txt":
        return "text/plain; charset=utf-8"
    if suffix == ".json":
        return "application/json"
    if suffix == ".gz":
        return "application/gzip"
    return "application/octet-stream"


def _query_suffix(query: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "_", query)


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    # A slow fault route must not make stop() wait for its thread.
    block_on_close = False

    def __init__(self, address: tuple[str, int], web: FakeWeb, site: str) -> None:
        self.web = web
        self.site = site
        super().__init__(address, _RequestHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients dropping keep-alive connections (timeouts, size limits) are normal here, not errors."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _SiteServer
    server_version = "FakeWeb/1.0"

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet; the request log is `FakeWeb.requests`."""

    def do_GET(self) -> None:
        """Serve a route or a static file."""
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        """Like GET without the body."""
        self._serve(send_body=False)

    def _serve(self, *, send_body: bool) -> None:
        parts = urlsplit(self.path)
        info = RequestInfo(
            site=self.server.site,
            method=self.command,
            path=parts.path or "/",
            query=parts.query,
            headers={key.lower(): value for key, value in self.headers.items()},
            time=time.monotonic(),
        )
        web = self.server.web
        web._log(info)
        response = web._dispatch(info)
        if response.delay and web._stopping.wait(response.delay):
            return
        try:
            self._send(response, send_body=send_body)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up (timeout or size limit): nothing left to do for this request.
            self.close_connection = True

    def _send(self, response: Response, *, send_body: bool) -> None:
        self.send_response(response.status)
        header_names = {name.lower() for name in response.headers}
        for name, value in response.headers.items():
            self.send_header(name, value)
        if response.chunks is not None:
            if "transfer-encoding" not in header_names:
                self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            if send_body:
                self._send_chunks(response)
            return
        if "content-length" not in header_names:
            self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if not send_body or response.status in (204, 304):
            return
        if response.reset_after is not None:
            self.wfile.write(response.body[: response.reset_after])
            self.wfile.flush()
            self._reset()
            return
        self.wfile.write(response.body)

    def _send_chunks(self, response: Response) -> None:
        assert response.chunks is not None
        sent = 0
        for chunk in response.chunks:
            if response.reset_after is not None and sent + len(chunk) > response.reset_after:
                partial = chunk[: response.reset_after - sent]
                # Announce the whole chunk, deliver only part of it: a truncated chunked body.
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + partial)
                self.wfile.flush()
                self._reset()
                return
            self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.flush()
            sent += len(chunk)
            if response.chunk_delay and self.server.web._stopping.wait(response.chunk_delay):
                return
        if response.reset_after is not None:
            self._reset()
            return
        self.wfile.write(b"0\r\n\r\n")

    def _reset(self) -> None:
        # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()


class FakeWeb:
    """Several static/dynamic web sites, each on its own loopback address."""

    def __init__(self, sites: Mapping[str, Path], *, first_host: int = 10, port: int = 0) -> None:
        """Map site names to directories; site i is served on 127.0.0.(first_host + i), port 0 = any free port."""
        if first_host < 1 or first_host + len(sites) > 254:
            raise ValueError("loopback host numbers must stay within 127.0.0.1-254")
        self.sites = {name: Path(directory) for name, directory in sites.items()}
        self.first_host = first_host
        self.port = port
        self.requests: list[RequestInfo] = []
        self._lock = threading.Lock()
        self._routes: dict[tuple[str, str], Handler | Response] = {}
        self._servers: dict[str, _SiteServer] = {}
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()

    def start(self) -> FakeWeb:
        """Bind every site and serve in background threads."""
        self._stopping.clear()
        try:
            for index, site in enumerate(self.sites):
                server = _SiteServer((f"127.0.0.{self.first_host + index}", self.port), self, site)
                self._servers[site] = server
                thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                          name=f"fakeweb-{site}", daemon=True)
                thread.start()
                self._threads.append(thread)
        except OSError:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Shut every server down and release the ports."""
        self._stopping.set()
        for server in self._servers.values():
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> FakeWeb:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def base_url(self, site: str) -> str:
        """Scheme, address and port of a running site, without trailing slash."""
        try:
            host, port = self._servers[site].server_address[:2]
        except KeyError:
            raise KeyError(f"site {site!r} is not running") from None
        return f"http://{host!s}:{port}"

    def host(self, site: str) -> str:
        """The loopback address a site is bound to."""
        return f"127.0.0.{self.first_host + list(self.sites).index(site)}"

    def render(self, text: str) -> str:
        """Replace every {{base:SITE}} with that site's base URL."""
        return _PLACEHOLDER.sub(lambda match: self.base_url(match.group(1)), text)

    def route(self, site: str, path: str, handler: Handler | Response) -> None:
        """Answer `path` (optionally with `?query`) on `site` dynamically; a handler returning None falls through."""
        if site not in self.sites:
            raise KeyError(f"unknown site {site!r}")
        self._routes[(site, path)] = handler

    def requests_for(self, site: str, path: str | None = None) -> list[RequestInfo]:
        """Logged requests to one site, optionally to one path."""
        with self._lock:
            return [r for r in self.requests if r.site == site and (path is None or r.path == path)]

    def clear_log(self) -> None:
        """Forget logged requests."""
        with self._lock:
            self.requests.clear()

    def _log(self, info: RequestInfo) -> None:
        with self._lock:
            self.requests.append(info)

    def _dispatch(self, info: RequestInfo) -> Response:
        keys = [(info.site, f"{info.path}?{info.query}")] if info.query else []
        keys.append((info.site, info.path))
        for key in keys:
            route = self._routes.get(key)
            if route is None:
                continue
            response = route(info) if callable(route) else route
            if response is not None:
                return response
        return self._static(info)

    def _static(self, info: RequestInfo) -> Response:
        path = self._find_file(self.sites[info.site], info.path, info.query)
        if path is None:
            return Response(404, {"Content-Type": "text/html; charset=utf-8"}, _NOT_FOUND)
        content_type = content_type_for(path)
        body = path.read_bytes()
        if content_type.startswith(_TEXT_TYPES):
            body = self.render(body.decode("utf-8")).encode("utf-8")
        mtime = int(path.stat().st_mtime)
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        headers = {"Content-Type": content_type, "ETag": etag, "Last-Modified": formatdate(mtime, usegmt=True)}
        if _not_modified(info.headers, etag, mtime):
            return Response(304, headers)
        return Response(200, headers, body)

    @staticmethod
    def _find_file(root: Path, url_path: str, query: str) -> Path | None:
        relative = unquote(url_path).lstrip("/")
        if relative == "" or relative.endswith("/"):
            stems = [relative + "index"]
            exact: list[str] = []
        else:
            stems = [relative, relative + "/index"]
            exact = [relative]
        candidates: list[str] = []
        if query:
            candidates += [f"{stem}__{_query_suffix(query)}.html" for stem in stems]
        candidates += exact + [f"{stem}.html" for stem in stems] + [f"{stem}.xml" for stem in stems]
        root = root.resolve()
        for candidate in candidates:
            path = (root / candidate).resolve()
            if path.is_relative_to(root) and path.is_file():
                return path
        return None


def _not_modified(headers: Mapping[str, str], etag: str, mtime: int) -> bool:
    if_none_match = headers.get("if-none-match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return etag in tags or "*" in tags
    if_modified_since = headers.get("if-modified-since")
    if if_modified_since:
        try:
            return mtime <= parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError):
            return False
    return False
