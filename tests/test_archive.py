"""WARC archive: durable writes, read-back by ref and by iteration, rotation, damaged files."""

from __future__ import annotations

import gzip
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from pipeline.archive import WarcArchive, WarcRef, iter_responses, read_response
from pipeline.errors import ArchiveError
from pipeline.fetch import FetchResult

MOMENT = datetime(2025, 6, 15, 4, 30, 12, 345678, tzinfo=UTC)


def result(index: int, *, status: int = 200, body: bytes | None = None, url: str | None = None) -> FetchResult:
    page = url or f"https://example.com/berita/{index}"
    return FetchResult(
        url=page, final_url=page, kind="article", source="contoh", status=status,
        headers={"content-type": "text/html; charset=utf-8", "content-encoding": "gzip", "etag": f'"e{index}"'},
        body=body if body is not None else f"<html><body><p>Berita LKKS nomor {index}</p></body></html>".encode(),
        text=None, fetched_at=MOMENT, elapsed=0.1,
        request_headers={"User-Agent": "lkks-test/1.0", "Accept-Encoding": "gzip"})


def test_write_and_read_back_by_ref(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, "2025-06-15T04:30") as archive:
        refs = [archive.write(result(i)) for i in range(3)]
        missing = archive.write(result(9, status=404, body=b"not here"))
    assert all(ref.path == refs[0].path for ref in refs)
    assert Path(refs[0].path).name == "2025-06-15T04_30-00000.warc.gz"
    assert [ref.offset for ref in refs] == sorted(ref.offset for ref in refs)
    second = read_response(refs[1])
    assert second.url == "https://example.com/berita/1" and second.status == 200
    assert second.body == result(1).body
    assert second.headers["etag"] == '"e1"' and "content-encoding" not in second.headers
    assert second.headers["content-length"] == str(len(second.body))
    assert second.fetched_at == MOMENT and second.ref == refs[1]
    gone = read_response(missing)
    assert (gone.status, gone.body) == (404, b"not here")


def test_file_is_standard_warc_readable_by_warcio(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, "run") as archive:
        moved = result(1, url="https://example.com/baru")
        moved.url = "https://example.com/lama"
        ref = archive.write(moved)
    with open(ref.path, "rb") as handle:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers.protocol,
                    r.rec_headers.get_header("WARC-Requested-URI"), r.content_stream().read())
                   for r in ArchiveIterator(handle)]
    assert [r[0] for r in records] == ["warcinfo", "response", "request"]
    assert all(protocol == "WARC/1.1" for _, _, protocol, _, _ in records)
    assert records[1][1] == "https://example.com/baru" and records[1][3] == "https://example.com/lama"
    assert records[1][4] == moved.body
    with open(ref.path, "rb") as handle:
        request = next(r for r in ArchiveIterator(handle) if r.rec_type == "request")
        assert request.http_headers.protocol == "GET" and request.http_headers.get_header("User-Agent")
        assert request.rec_headers.get_header("WARC-Concurrent-To")


def test_iter_responses_yields_every_response_with_its_ref(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, "run") as archive:
        refs = [archive.write(result(i)) for i in range(4)]
    responses = list(iter_responses(Path(refs[0].path)))
    assert [r.ref for r in responses] == refs
    assert [read_response(r.ref).body for r in responses] == [result(i).body for i in range(4)]


def test_rotation_by_size_and_no_overwrite_on_resume(tmp_path: Path) -> None:
    big = os.urandom(5000)  # incompressible, so each record really is larger than max_bytes
    with WarcArchive(tmp_path, "run", max_bytes=3000) as archive:
        refs = [archive.write(result(i, body=big + bytes([i]))) for i in range(3)]
    assert len({ref.path for ref in refs}) == 3
    with WarcArchive(tmp_path, "run") as resumed:
        later = resumed.write(result(7))
    assert Path(later.path).name == "run-00003.warc.gz"
    assert all(read_response(ref).body == big + bytes([i]) for i, ref in enumerate(refs))


def test_write_without_response_is_rejected(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, "run") as archive, pytest.raises(ValueError):
        archive.write(result(1, status=None))  # type: ignore[arg-type]


def test_truncated_file_yields_readable_records_then_raises(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, "run") as archive:
        refs = [archive.write(result(i, body=bytes(range(256)) * 40 + bytes([i]))) for i in range(3)]
    path = Path(refs[0].path)
    data = path.read_bytes()
    for cut in (refs[2].offset + refs[2].length // 2, len(data) - 5, refs[2].offset + 20):
        damaged = tmp_path / "damaged.warc.gz"
        damaged.write_bytes(data[:cut])
        seen: list[str] = []
        with pytest.raises(ArchiveError):
            for response in iter_responses(damaged):
                seen.append(response.url)
        assert seen[:2] == ["https://example.com/berita/0", "https://example.com/berita/1"]
        assert len(seen) <= 3


def test_read_response_reports_unreadable_refs(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, "run") as archive:
        ref = archive.write(result(1))
    with pytest.raises(ArchiveError):
        read_response(WarcRef(ref.path, ref.offset + 3, ref.length))
    with pytest.raises(ArchiveError):
        read_response(WarcRef(ref.path, ref.offset, ref.length - 10))
    with pytest.raises(ArchiveError):
        read_response(WarcRef(str(tmp_path / "missing.warc.gz"), 0, 10))
    with pytest.raises(ArchiveError):
        read_response(WarcRef(ref.path, 0, ref.offset))  # the warcinfo record is not a response
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(gzip.compress(b"this is not a WARC record\r\n\r\n"))
    with pytest.raises(ArchiveError):
        read_response(WarcRef(str(garbage), 0, garbage.stat().st_size))
    with pytest.raises(ArchiveError):
        list(iter_responses(garbage))


def test_records_are_on_disk_when_write_returns(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path, "run")
    ref = archive.write(result(1))
    # Read through a separate handle while the archive is still open, as the lead does after a crash.
    assert read_response(ref).body == result(1).body
    archive.close()
    archive.close()
