"""Polite, bounded HTTP fetching: robots.txt, per-host pacing, retries, redirects checked hop by hop, size limits."""

from __future__ import annotations

import asyncio
import codecs
import collections
import hashlib
import ipaddress
import random
import re
import socket
import time
import zlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin, urlsplit

import httpx
from charset_normalizer import from_bytes
from protego import Protego

from pipeline.errors import (
    ClientError,
    ContentError,
    NetworkError,
    PipelineError,
    RateLimited,
    RefusedError,
    ServerError,
    TerminalError,
    TransientError,
)
from pipeline.urls import canonicalize, in_domains, is_private_address

if TYPE_CHECKING:
    from pipeline.archive import WarcArchive, WarcRef
    from pipeline.config import Source

FetchKind = Literal["robots", "feed", "sitemap", "listing", "article"]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Types we can extract from; everything else (images, PDFs, archives) is refused before download.
TEXT_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/xml", "application/xml", "application/rss+xml",
    "application/atom+xml", "application/rdf+xml", "application/x-rss+xml", "text/plain",
})
# Sitemaps are often served gzipped as a file rather than with Content-Encoding.
SITEMAP_EXTRA_TYPES = frozenset({"application/gzip", "application/x-gzip", "application/octet-stream"})
# RFC 9309 asks parsers to read at least 500 KiB of robots.txt; more is not needed.
ROBOTS_MAX_BYTES = 512 * 1024
# Error bodies are archived for diagnosis but are never processed, so keep only their start.
ERROR_BODY_BYTES = 64 * 1024
# WHATWG maps these legacy labels to windows-1252; real-world pages labelled latin-1 use its extra glyphs.
_CP1252_LABELS = frozenset({"latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "ascii", "us-ascii",
                            "l1", "cp819", "ibm819", "windows-1252", "cp1252"})
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.IGNORECASE)


@dataclass(slots=True)
class FetchResult:
    """The outcome of fetching one URL; `error` is set instead of raising for page-level failures."""

    url: str
    final_url: str
    kind: FetchKind
    source: str
    status: int | None
    headers: dict[str, str]
    body: bytes
    text: str | None
    fetched_at: datetime
    elapsed: float
    attempts: int = 1
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    error: PipelineError | None = None
    warc: WarcRef | None = None
    error_detail: str | None = None
    encoding: str | None = None
    redirects: list[str] = field(default_factory=list)
    request_headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """A 2xx response with a body and no error."""
        return self.status is not None and 200 <= self.status < 300 and self.error is None and bool(self.body)

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower-case ("" when absent)."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


class _Failed(Exception):
    """Internal: carries a pipeline error plus a finer-grained detail for stats."""

    def __init__(self, error: PipelineError, detail: str) -> None:
        super().__init__(str(error))
        self.error = error
        self.detail = detail


@dataclass
class _Host:
    """Politeness state of one host:port."""

    delay: float
    slots: asyncio.Semaphore
    start_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    last_start: float | None = None

    def raise_delay(self, delay: float) -> None:
        """Lengthen the gap, also for the request already scheduled after the last one."""
        if delay <= self.delay:
            return
        self.delay = delay
        if self.last_start is not None:
            self.next_start = max(self.next_start, self.last_start + delay)


@dataclass
class _Robots:
    """robots.txt of one origin; `parser` None means allow all, `disallow_all` set when unreachable."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    loaded: bool = False
    parser: Protego | None = None
    disallow_all: bool = False
    unreachable: PipelineError | None = None


class _BodyDecoder:
    """Content-Encoding decoder that never produces more than the remaining budget (gzip-bomb safe)."""

    def __init__(self, encoding: str) -> None:
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip() and c.strip().lower() != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise _Failed(ContentError(f"unsupported Content-Encoding {encoding!r}"), "content_encoding")
        self.coding = codings[0] if codings else None
        self._new_decompressor()

    def _new_decompressor(self) -> None:
        # 32 + MAX_WBITS accepts both gzip and zlib headers; raw deflate is tried on failure.
        self._zlib = zlib.decompressobj(32 + zlib.MAX_WBITS)
        self._raw_fallback = self.coding == "deflate"

    def feed(self, data: bytes, budget: int) -> bytes:
        """Decode data; raise oversize when the output would exceed budget bytes."""
        if self.coding is None:
            if len(data) > budget:
                raise _oversize(budget)
            return data
        output = bytearray()
        while data:
            room = budget - len(output)
            try:
                produced = self._zlib.decompress(data, room + 1)
            except zlib.error as exc:
                if self._raw_fallback:
                    self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._raw_fallback = False
                    continue
                raise _Failed(ContentError(f"corrupt {self.coding} body: {exc}"), "bad_encoding") from None
            self._raw_fallback = False
            output += produced
            if len(output) > budget:
                raise _oversize(budget)
            if self._zlib.unconsumed_tail:
                data = self._zlib.unconsumed_tail
            elif self._zlib.eof and self._zlib.unused_data.startswith(b"\x1f\x8b"):
                # Concatenated gzip members are legal; start a fresh decompressor for the next one.
                data = self._zlib.unused_data
                self._new_decompressor()
            else:
                # Bytes after the end of the stream are padding or junk, which browsers ignore too.
                data = b""
        return bytes(output)


def _oversize(limit: int) -> _Failed:
    return _Failed(ContentError(f"body larger than {limit} bytes"), "oversize")


def _codec(label: str) -> str | None:
    label = label.strip().strip("\"'").lower()
    if label in _CP1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _detect(body: bytes) -> str:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    best = from_bytes(body[:200_000]).best()
    guess = best.encoding if best is not None else None
    if guess is not None and guess.startswith(("utf_16", "utf_32")):
        # Without a BOM these are guesses on noise (HTML is ASCII-compatible); never seen on news sites.
        guess = None
    # Short Latin-script text is ambiguous between the cp125x/iso-8859 families; the web's legacy default wins.
    if guess is None or guess.startswith(("cp125", "iso8859", "latin", "mac_")):
        try:
            body.decode("cp1252")
        except UnicodeDecodeError:
            return guess or "utf-8"
        return "cp1252"
    return guess


def decode_body(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode bytes to text: BOM, HTTP charset, meta/XML declaration, then detection; returns (text, codec)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(name, errors="replace"), name
    declared: str | None = None
    match = re.search(r"charset\s*=\s*([^;\s]+)", content_type or "", re.IGNORECASE)
    if match:
        declared = _codec(match.group(1))
    if declared is None:
        head = body[:4096]
        sniffed = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
        if sniffed:
            declared = _codec(sniffed.group(1).decode("ascii", "replace"))
    if declared in ("utf-16", "utf-32"):
        # A UTF-16 label on a body without BOM is almost always a lie: the body parsed as ASCII to find it.
        declared = None
    if declared is not None:
        try:
            return body.decode(declared), declared
        except UnicodeDecodeError:
            if declared != "utf-8":
                return body.decode(declared, errors="replace"), declared
    detected = _detect(body)
    return body.decode(detected, errors="replace"), detected


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date); None when absent or invalid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc.lower()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class Fetcher:
    """Fetches pages for many sources concurrently while staying polite to every host."""

    def __init__(self, sources: Sequence[Source], *, transport: httpx.AsyncBaseTransport | None = None,
                 global_concurrency: int = 8, archive: WarcArchive | None = None, allow_private: bool = False,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, backoff_base: float = 1.0,
                 max_backoff: float = 60.0, max_retry_after: float = 300.0, max_crawl_delay: float = 60.0,
                 total_timeout_factor: float = 3.0) -> None:
        """Configure limits; the HTTP client is opened by `async with`."""
        if global_concurrency < 1:
            raise ValueError("global_concurrency must be at least 1")
        self.sources = {source.name: source for source in sources}
        self.transport = transport
        self.archive = archive
        self.allow_private = allow_private
        self.stats: collections.Counter[str] = collections.Counter()
        self.robots_fetches: list[FetchResult] = []
        self._sleep = sleep
        self._global = asyncio.Semaphore(global_concurrency)
        self._global_concurrency = global_concurrency
        self._backoff_base = backoff_base
        self._max_backoff = max_backoff
        self._max_retry_after = max_retry_after
        self._max_crawl_delay = max_crawl_delay
        self._total_timeout_factor = total_timeout_factor
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, _Robots] = {}
        self._resolved: dict[str, bool] = {}
        self._client: httpx.AsyncClient | None = None
        for source in sources:
            self._host(source.url, source)

    async def __aenter__(self) -> Fetcher:
        limits = httpx.Limits(max_connections=self._global_concurrency * 2,
                              max_keepalive_connections=self._global_concurrency)
        self._client = httpx.AsyncClient(transport=self.transport, follow_redirects=False, limits=limits,
                                         trust_env=False)
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def _host(self, url: str, source: Source) -> _Host:
        key = _host_key(url)
        host = self._hosts.get(key)
        if host is None:
            host = _Host(delay=source.delay_seconds, slots=asyncio.Semaphore(source.concurrency_per_host))
            self._hosts[key] = host
        else:
            # Two sources on one host: the most cautious delay wins.
            host.raise_delay(source.delay_seconds)
        return host

    def host_delay(self, url: str) -> float | None:
        """Current minimum gap between request starts for url's host (None when never seen)."""
        host = self._hosts.get(_host_key(url))
        return host.delay if host else None

    async def fetch(self, url: str, source: Source, kind: FetchKind, *, etag: str | None = None,
                    last_modified: str | None = None) -> FetchResult:
        """Fetch one URL with retries; failures are reported in `result.error`, never raised."""
        if self._client is None:
            raise RuntimeError("Fetcher must be used as 'async with Fetcher(...)'")
        started = time.monotonic()
        result = FetchResult(url=url, final_url=url, kind=kind, source=source.name, status=None, headers={},
                             body=b"", text=None, fetched_at=datetime.now(UTC), elapsed=0.0, attempts=0)
        failure: _Failed | None = None
        try:
            self._check_start(url, source, kind)
        except _Failed as exc:
            failure = exc
        while failure is None or isinstance(failure.error, TransientError):
            if failure is not None:
                if result.attempts > source.max_retries:
                    break
                self.stats["retries"] += 1
                await self._sleep(self._retry_wait(failure.error, result.attempts))
            result.attempts += 1
            try:
                await self._attempt(result, source, kind, etag, last_modified)
            except _Failed as exc:
                failure = exc
                continue
            failure = None
            break
        if kind == "robots":
            # robots.txt outcomes are counted by _load_robots, not as page successes or failures.
            pass
        elif failure is not None:
            self.stats[f"error:{failure.error.reason}"] += 1
            if failure.detail != failure.error.reason:
                self.stats[f"error:{failure.error.reason}:{failure.detail}"] += 1
            if failure.detail == "robots":
                self.stats["robots_disallowed"] += 1
        elif result.not_modified:
            self.stats["not_modified"] += 1
        else:
            self.stats["ok"] += 1
        if failure is not None:
            result.error, result.error_detail = failure.error, failure.detail
        result.attempts = max(result.attempts, 1)
        result.elapsed = time.monotonic() - started
        return result

    def _retry_wait(self, error: PipelineError, attempt: int) -> float:
        if isinstance(error, RateLimited) and error.retry_after is not None:
            # The host gate already holds requests back until Retry-After has passed.
            return 0.0
        base = min(self._max_backoff, self._backoff_base * 2 ** (attempt - 1))
        return base * (0.5 + random.random() / 2)

    def _check_start(self, url: str, source: Source, kind: FetchKind) -> None:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise _Failed(RefusedError(f"not an http(s) URL: {url}", url=url), "bad_scheme")
        if kind == "article" and not in_domains(url, source.allowed_domains):
            raise _Failed(RefusedError(f"outside allowed domains of {source.name}: {url}", url=url), "off_domain")
        if not self.allow_private and is_private_address(parts.hostname):
            raise _Failed(RefusedError(f"private address: {url}", url=url), "private_address")

    def _check_hop(self, current: str, target: str, source: Source, start_host: str) -> None:
        parts = urlsplit(target)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise _Failed(RefusedError(f"redirect to a non-http(s) URL: {target}", url=target), "bad_scheme")
        host = parts.hostname.lower()
        if host != start_host and not in_domains(target, source.allowed_domains):
            raise _Failed(RefusedError(f"redirect off allowed domains: {target}", url=target), "off_domain")
        if is_private_address(host):
            if not self.allow_private:
                raise _Failed(RefusedError(f"redirect to private address: {target}", url=target), "private_address")
            # Even where private hosts are allowed, a public site must not bounce us into private space.
            if not is_private_address(urlsplit(current).hostname or ""):
                raise _Failed(RefusedError(f"public host redirected to private address: {target}", url=target),
                              "private_address")

    async def _attempt(self, result: FetchResult, source: Source, kind: FetchKind, etag: str | None,
                       last_modified: str | None) -> None:
        current = result.url
        start_host = (urlsplit(current).hostname or "").lower()
        seen = {canonicalize(current)}
        # Each attempt starts clean so a failed retry does not report an earlier attempt's response.
        result.redirects, result.status, result.headers, result.warc = [], None, {}, None
        result.final_url, result.etag, result.last_modified = result.url, None, None
        while True:
            if kind != "robots" and source.obey_robots and not await self._robots_allow(current, source):
                robots = self._robots[_origin(current)]
                # Say why: "robots.txt disallows" would hide a DNS failure or a dead host.
                why = (f"robots.txt unreachable ({robots.unreachable.reason}: {robots.unreachable})"
                       if robots.unreachable is not None else "robots.txt disallows")
                raise _Failed(RefusedError(f"{why}: {current}", url=current), "robots")
            await self._check_resolved(current)
            headers = {"User-Agent": source.user_agent, "Accept-Encoding": "gzip, deflate",
                       "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"}
            if current == result.url:
                # Validators belong to the URL they were recorded for, not to redirect targets.
                if etag:
                    headers["If-None-Match"] = etag
                if last_modified:
                    headers["If-Modified-Since"] = last_modified
            await self._request(result, current, source, kind, headers)
            status = result.status or 0
            location = result.headers.get("location")
            if status in REDIRECT_STATUSES and location:
                target = urljoin(current, location.strip())
                self.stats["redirects"] += 1
                if len(result.redirects) >= source.max_redirects:
                    raise _Failed(RefusedError(f"more than {source.max_redirects} redirects from {result.url}",
                                               url=result.url), "too_many_redirects")
                self._check_hop(current, target, source, start_host)
                canonical = canonicalize(target)
                if canonical in seen:
                    raise _Failed(RefusedError(f"redirect loop at {target}", url=target), "redirect_loop")
                seen.add(canonical)
                result.redirects.append(target)
                current = target
                continue
            break
        self._classify(result, source)

    def _classify(self, result: FetchResult, source: Source) -> None:
        status = result.status or 0
        url = result.final_url
        if status == 304:
            result.not_modified = True
            return
        if 200 <= status < 300:
            return
        if status in (429, 503):
            retry_after = parse_retry_after(result.headers.get("retry-after"))
            self._slow_down(url, retry_after)
            raise _Failed(RateLimited(f"HTTP {status} from {url}", url=url, status=status,
                                      retry_after=retry_after), "rate_limited")
        if status == 408 or status >= 500:
            raise _Failed(ServerError(f"HTTP {status} from {url}", url=url, status=status), "server_error")
        raise _Failed(ClientError(f"HTTP {status} from {url}", url=url, status=status), f"http_{status}")

    def _slow_down(self, url: str, retry_after: float | None) -> None:
        host = self._hosts.get(_host_key(url))
        if host is None:
            return
        host.raise_delay(min(max(host.delay * 2, 1.0), self._max_crawl_delay))
        if retry_after is not None:
            wait = min(retry_after, self._max_retry_after)
            host.next_start = max(host.next_start, time.monotonic() + wait)

    async def _check_resolved(self, url: str) -> None:
        """Refuse hostnames that resolve into private space unless private addresses are allowed."""
        if self.allow_private:
            return
        host = (urlsplit(url).hostname or "").lower()
        try:
            ipaddress.ip_address(host)
        except ValueError:
            pass
        else:
            return
        private = self._resolved.get(host)
        if private is None:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
            except OSError as exc:
                raise _Failed(NetworkError(f"cannot resolve {host}: {exc}", url=url), "dns") from None
            private = any(is_private_address(str(info[4][0])) for info in infos)
            self._resolved[host] = private
        if private:
            raise _Failed(RefusedError(f"{host} resolves to a private address", url=url), "private_address")

    async def _request(self, result: FetchResult, url: str, source: Source, kind: FetchKind,
                       headers: dict[str, str]) -> None:
        assert self._client is not None
        host = self._host(url, source)
        async with host.slots:
            async with host.start_lock:
                wait = host.next_start - time.monotonic()
                if wait > 0:
                    await self._sleep(wait)
                await self._global.acquire()
                host.last_start = time.monotonic()
                host.next_start = host.last_start + host.delay
            try:
                self.stats["requests"] += 1
                timeout = httpx.Timeout(source.timeout_seconds)
                request = self._client.build_request("GET", url, headers=headers, timeout=timeout)
                async with asyncio.timeout(source.timeout_seconds * self._total_timeout_factor):
                    await self._exchange(result, request, url, source, kind)
            except _Failed as exc:
                # A refused body (type, size) still had a response worth keeping as evidence.
                if isinstance(exc.error, ContentError):
                    await self._archive(result)
                raise
            except TimeoutError:
                raise _Failed(NetworkError(f"timed out fetching {url}", url=url), "timeout") from None
            except httpx.TimeoutException as exc:
                raise _Failed(NetworkError(f"timed out fetching {url}: {type(exc).__name__}", url=url),
                              "timeout") from None
            except httpx.TransportError as exc:
                raise _Failed(NetworkError(f"{type(exc).__name__} fetching {url}: {exc}", url=url),
                              "network") from None
            except httpx.InvalidURL as exc:
                # httpx parses a redirect's Location even when not following it: a hostile one
                # ("data:...", "javascript:...") must fail this page, not the whole source's crawl.
                raise _Failed(RefusedError(f"invalid URL in the response to {url}: {exc}", url=url),
                              "bad_url") from None
            finally:
                self._global.release()
        await self._archive(result)

    async def _archive(self, result: FetchResult) -> None:
        if self.archive is not None and result.status is not None and result.status != 304:
            # The archive fsyncs every record: keep that off the event loop.
            result.warc = await asyncio.to_thread(self.archive.write, replace(result, redirects=[]))
            self.stats["archived"] += 1

    async def _exchange(self, result: FetchResult, request: httpx.Request, url: str, source: Source,
                        kind: FetchKind) -> None:
        assert self._client is not None
        response = await self._client.send(request, stream=True)
        try:
            result.final_url = url
            result.fetched_at = datetime.now(UTC)
            result.status = response.status_code
            result.headers = {key.lower(): value for key, value in response.headers.items()}
            result.request_headers = dict(request.headers.items())
            result.etag = response.headers.get("etag")
            result.last_modified = response.headers.get("last-modified")
            result.body, result.text, result.sha256, result.encoding = b"", None, None, None
            if not self.allow_private:
                self._check_peer(response, url)
            status = response.status_code
            if status in REDIRECT_STATUSES or status == 304 or status < 200:
                return
            if not 200 <= status < 300:
                result.body = await self._read(response, ERROR_BODY_BYTES, truncate=True)
                return
            limit = ROBOTS_MAX_BYTES if kind == "robots" else source.max_page_bytes
            if kind != "robots":
                self._check_type(result, kind, url)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit and response.headers.get("content-encoding") is None:
                raise _oversize(limit)
            result.body = await self._read(response, limit, truncate=kind == "robots")
            if not result.body and kind != "robots":
                # A 200 with nothing in it is a broken page, not "HTTP 200"; an empty robots.txt allows all.
                raise _Failed(ContentError(f"empty body from {url}", url=url), "empty")
            result.sha256 = hashlib.sha256(result.body).hexdigest()
            if result.content_type not in SITEMAP_EXTRA_TYPES:
                result.text, result.encoding = decode_body(result.body, response.headers.get("content-type"))
        finally:
            await response.aclose()

    def _check_peer(self, response: httpx.Response, url: str) -> None:
        stream = response.extensions.get("network_stream")
        address = stream.get_extra_info("server_addr") if stream is not None else None
        if address and is_private_address(str(address[0])):
            raise _Failed(RefusedError(f"{url} answered from private address {address[0]}", url=url),
                          "private_address")

    def _check_type(self, result: FetchResult, kind: FetchKind, url: str) -> None:
        media = result.content_type
        if not media or media in TEXT_TYPES or media.endswith("+xml"):
            return
        if kind == "sitemap" and media in SITEMAP_EXTRA_TYPES:
            return
        raise _Failed(ContentError(f"unsupported content type {media!r} at {url}", url=url), "content_type")

    async def _read(self, response: httpx.Response, limit: int, *, truncate: bool) -> bytes:
        """Stream the body, decoding Content-Encoding within limit; truncate or raise oversize beyond it."""
        decoder = _BodyDecoder(response.headers.get("content-encoding", ""))
        body = bytearray()
        received = 0
        async for chunk in response.aiter_raw():
            received += len(chunk)
            self.stats["bytes_received"] += len(chunk)
            try:
                if received > limit:
                    raise _oversize(limit)
                body += decoder.feed(chunk, limit - len(body))
            except _Failed:
                if truncate:
                    return bytes(body)
                raise
        return bytes(body)

    async def _robots_allow(self, url: str, source: Source) -> bool:
        origin = _origin(url)
        robots = self._robots.setdefault(origin, _Robots())
        async with robots.lock:
            if not robots.loaded:
                await self._load_robots(robots, origin, source)
        if robots.disallow_all:
            return False
        if robots.parser is None:
            return True
        return bool(robots.parser.can_fetch(url, source.user_agent))

    async def _load_robots(self, robots: _Robots, origin: str, source: Source) -> None:
        fetched = await self.fetch(origin + "/robots.txt", source, "robots")
        self.robots_fetches.append(fetched)
        self.stats["robots_fetched"] += 1
        robots.loaded = True
        error = fetched.error
        if fetched.status is not None and 200 <= fetched.status < 300 and error is None:
            robots.parser = Protego.parse(fetched.text or "")
            crawl_delay = robots.parser.crawl_delay(source.user_agent)
            if crawl_delay:
                delay = min(float(crawl_delay), self._max_crawl_delay)
                self._host(origin, source).raise_delay(delay)
                self._host(fetched.final_url, source).raise_delay(delay)
        elif isinstance(error, (ServerError, NetworkError)) and not isinstance(error, TerminalError):
            # RFC 9309: an unreachable robots.txt means complete disallow.
            robots.disallow_all = True
            robots.unreachable = error
            self.stats["robots_unreachable"] += 1
