"""WARC/1.1 archive of every fetched response: durable writes, size rotation, random-access reads."""

from __future__ import annotations

import contextlib
import io
import os
import re
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline import __version__
from pipeline.errors import ArchiveError

if TYPE_CHECKING:
    from pipeline.fetch import FetchResult

# The stored payload is the decoded body, so headers describing the transfer encoding no longer apply.
_TRANSFER_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
_SAFE_RUN_ID = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True, slots=True)
class WarcRef:
    """Where one response record lives: file, byte offset and length of its gzip member."""

    path: str
    offset: int
    length: int


@dataclass(slots=True)
class ArchivedResponse:
    """A response read back from the archive."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime
    ref: WarcRef


def _warc_date(moment: datetime) -> str:
    moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _parse_warc_date(value: str | None) -> datetime:
    if not value:
        return datetime.fromtimestamp(0, UTC)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return datetime.fromtimestamp(0, UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


class WarcArchive:
    """Appends request/response record pairs to <directory>/<run_id>-NNNNN.warc.gz, rotating by size."""

    def __init__(self, directory: Path, run_id: str, max_bytes: int = 1 << 30) -> None:
        """Prepare the directory; files are opened lazily on the first write."""
        if max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        self.directory = Path(directory)
        self.run_id = _SAFE_RUN_ID.sub("_", run_id) or "run"
        self.max_bytes = max_bytes
        self.records = 0
        self.paths: list[Path] = []
        self._lock = threading.Lock()
        self._file: IO[bytes] | None = None
        self._writer: WARCWriter | None = None
        self._path: Path | None = None
        self._serial = self._next_serial()

    def _next_serial(self) -> int:
        # A resumed run with the same id never appends to a file a crash may have left truncated.
        serials = [int(match.group(1)) for path in self.directory.glob(f"{self.run_id}-*.warc.gz")
                   if (match := re.fullmatch(re.escape(self.run_id) + r"-(\d+)\.warc\.gz", path.name))]
        return max(serials, default=-1) + 1

    def _open(self) -> WARCWriter:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{self.run_id}-{self._serial:05d}.warc.gz"
        self._serial += 1
        handle = path.open("xb")
        # Held before the first write so a failing warcinfo write still gets the file closed.
        self._file, self._path = handle, path
        self.paths.append(path)
        writer = WARCWriter(handle, gzip=True, warc_version="WARC/1.1")
        info = writer.create_warcinfo_record(path.name, {
            "software": f"lkks-monitor/{__version__} (warcio)",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "isPartOf": self.run_id,
        })
        writer.write_record(info)
        self._writer = writer
        return writer

    def write(self, result: FetchResult) -> WarcRef:
        """Write the response and its request, flushed and fsynced; return where the response record is."""
        if result.status is None:
            raise ValueError(f"no response to archive for {result.url}")
        with self._lock:
            try:
                return self._write(result)
            except OSError as exc:
                # A failed write (disk full) leaves a partial record: never append after it; the next
                # write starts a new file, and the error says which archive could not be written.
                path = self._path
                self._abandon()
                raise OSError(exc.errno, f"cannot write the WARC archive {path or self.directory}: "
                                         f"{exc.strerror or exc}") from exc

    def _write(self, result: FetchResult) -> WarcRef:
        assert result.status is not None  # write() refuses results without a response
        writer = self._writer or self._open()
        assert self._file is not None and self._path is not None
        date = _warc_date(result.fetched_at)
        headers = [(name, value) for name, value in result.headers.items()
                   if name.lower() not in _TRANSFER_HEADERS]
        headers.append(("Content-Length", str(len(result.body))))
        http_headers = StatusAndHeaders(f"{result.status} {_reason(result.status)}", headers,
                                        protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": date, "WARC-Source": result.source, "WARC-Fetch-Kind": result.kind}
        if result.url != result.final_url:
            warc_headers["WARC-Requested-URI"] = result.url
        response = writer.create_warc_record(result.final_url, "response", payload=io.BytesIO(result.body),
                                             length=len(result.body), http_headers=http_headers,
                                             warc_headers_dict=warc_headers)
        offset = self._file.tell()
        writer.write_record(response)
        length = self._file.tell() - offset
        request = self._request_record(writer, result, date, response.rec_headers.get_header("WARC-Record-ID"))
        writer.write_record(request)
        self._file.flush()
        os.fsync(self._file.fileno())
        self.records += 1
        ref = WarcRef(str(self._path), offset, length)
        if self._file.tell() >= self.max_bytes:
            self._close_file()
        return ref

    @staticmethod
    def _request_record(writer: WARCWriter, result: FetchResult, date: str, response_id: str) -> Any:
        parts = urlsplit(result.final_url)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        sent = dict(result.request_headers) or {"User-Agent": "lkks-monitor"}
        sent.setdefault("Host", parts.netloc)
        http_headers = StatusAndHeaders(f"GET {target} HTTP/1.1", list(sent.items()), protocol="HTTP/1.1",
                                        is_http_request=True)
        return writer.create_warc_record(result.final_url, "request", payload=io.BytesIO(b""), length=0,
                                         http_headers=http_headers,
                                         warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": response_id})

    def _abandon(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
        self._file, self._writer, self._path = None, None, None

    def _close_file(self) -> None:
        if self._file is not None:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
        self._file, self._writer, self._path = None, None, None

    def close(self) -> None:
        """Close the current file."""
        with self._lock:
            self._close_file()

    def __enter__(self) -> WarcArchive:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _to_response(record: Any, ref: WarcRef) -> ArchivedResponse:
    if record.format != "warc":
        # warcio falls back to reading arbitrary text as a legacy ARC record.
        raise ArchiveError(f"{ref.path}: not a WARC record at {ref.offset}")
    http = record.http_headers
    status = int(http.get_statuscode()) if http is not None else 0
    headers = {name.lower(): value for name, value in http.headers} if http is not None else {}
    body = record.content_stream().read()
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) != len(body):
        # A cut-off record reads as a short body without any error from warcio.
        raise ArchiveError(f"{ref.path}: record for {record.rec_headers.get_header('WARC-Target-URI')} is truncated "
                           f"({len(body)} of {declared} bytes)")
    return ArchivedResponse(url=record.rec_headers.get_header("WARC-Target-URI") or "", status=status,
                            headers=headers, body=body,
                            fetched_at=_parse_warc_date(record.rec_headers.get_header("WARC-Date")), ref=ref)


_READ_ERRORS = (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError, KeyError)


def read_response(ref: WarcRef) -> ArchivedResponse:
    """The response record at ref; ArchiveError when the file or record cannot be read."""
    try:
        with open(ref.path, "rb") as handle:
            handle.seek(ref.offset)
            data = handle.read(ref.length)
        if len(data) != ref.length or not _gzip_complete(data):
            raise ArchiveError(f"{ref.path}: record at {ref.offset} is truncated")
        for record in ArchiveIterator(io.BytesIO(data), check_digests="raise"):
            if record.rec_type != "response":
                raise ArchiveError(f"{ref.path}: record at {ref.offset} is a {record.rec_type}, not a response")
            return _to_response(record, ref)
    except ArchiveError:
        raise
    except _READ_ERRORS as exc:
        raise ArchiveError(f"{ref.path}: cannot read record at {ref.offset}: {exc}") from None
    raise ArchiveError(f"{ref.path}: no record at {ref.offset}")


def iter_responses(path: Path) -> Iterator[ArchivedResponse]:
    """Every response record in a WARC file; after the readable ones, ArchiveError if the file is damaged."""
    size = os.path.getsize(path)
    end = 0
    last: tuple[int, int] | None = None
    try:
        with open(path, "rb") as handle:
            records = ArchiveIterator(handle, check_digests="raise")
            for record in records:
                if record.format != "warc":
                    raise ArchiveError(f"{path}: not a WARC record after byte {end}")
                is_response = record.rec_type == "response"
                response = _to_response(record, WarcRef(str(path), 0, 0)) if is_response else None
                records.read_to_end(record)
                offset, length = records.get_record_offset(), records.get_record_length()
                end, last = offset + length, (offset, length)
                if response is not None:
                    response.ref = WarcRef(str(path), offset, length)
                    yield response
    except _READ_ERRORS as exc:
        raise ArchiveError(f"{path}: damaged after byte {end}: {exc}") from None
    if end != size:
        # warcio stops quietly at some truncations; the byte count tells.
        raise ArchiveError(f"{path}: {size - end} unreadable bytes after byte {end}")
    if last is not None and not _member_complete(path, *last):
        raise ArchiveError(f"{path}: last record is truncated (gzip member incomplete)")


def _member_complete(path: Path, offset: int, length: int) -> bool:
    with open(path, "rb") as handle:
        handle.seek(offset)
        return _gzip_complete(handle.read(length))


def _gzip_complete(data: bytes) -> bool:
    # warcio accepts a gzip member whose trailer was cut off; zlib knows whether the stream really ended.
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while data and not decompressor.eof:
            decompressor.decompress(data, 1 << 20)
            data = decompressor.unconsumed_tail
    except zlib.error:
        return False
    return decompressor.eof
