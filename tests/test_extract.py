"""Extraction: text files with headers, HTML pages via the body selector or trafilatura."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import extract
from pipeline.config import ArticleHints
from pipeline.errors import ParseError
from pipeline.extract import (
    MAX_HTML_DEPTH,
    date_from_url,
    decode_html,
    from_html,
    from_text,
    nesting_depth,
    read_path,
)

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Pengukuhan LKKS Kota Contoh | Portal Berita</title>
<meta property="og:title" content="Pengukuhan Pengurus LKKS Kota Contoh">
<meta property="article:published_time" content="2025-03-04T09:15:00+07:00">
<link rel="canonical" href="https://portal.example.id/2025/03/04/pengukuhan-lkks"></head>
<body><nav><a href="/">Beranda</a><a href="/daerah">Daerah</a></nav>
<div class="post-content"><p>KOTA CONTOH — Wali Kota Contoh mengukuhkan 25 pengurus LKKS periode 2025-2030.</p>
<p>Baca juga: Banjir rendam 805 rumah</p>
<ul><li><p>Pengurus diminta aktif membina LKS di setiap kecamatan.</p></li></ul>
<script>var x = "tidak boleh ikut";</script>
<form><p>Tinggalkan komentar</p></form></div>
<footer>© 2025 Portal Berita</footer></body></html>"""


def test_html_with_body_selector_keeps_blocks_and_metadata() -> None:
    document = from_html(PAGE, hints=ArticleHints(body_selector="div.post-content"))
    texts = [p.text for p in document.paragraphs]
    assert texts[0].startswith("KOTA CONTOH — Wali Kota")
    assert "Baca juga: Banjir rendam 805 rumah" in texts
    assert "Pengurus diminta aktif membina LKS di setiap kecamatan." in texts
    assert not any("tidak boleh ikut" in t or "Tinggalkan komentar" in t for t in texts)
    assert texts.count("Pengurus diminta aktif membina LKS di setiap kecamatan.") == 1
    assert document.title == "Pengukuhan Pengurus LKKS Kota Contoh"
    assert document.published == dt.date(2025, 3, 4)
    assert document.url == "https://portal.example.id/2025/03/04/pengukuhan-lkks"


def test_html_without_selector_falls_back_to_trafilatura() -> None:
    long_page = PAGE.replace("</div>", "<p>" + "Kegiatan pembinaan LKS berlangsung lancar. " * 8 + "</p></div>")
    document = from_html(long_page, url="https://portal.example.id/x")
    joined = " ".join(p.text for p in document.paragraphs)
    assert "mengukuhkan 25 pengurus LKKS" in joined
    assert "Beranda" not in joined


def test_copyright_footer_is_not_a_publication_date() -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2025-03-04T09:15:00+07:00">', "")
    page = page.replace("/2025/03/04/", "/berita/")
    assert from_html(page, hints=ArticleHints(body_selector="div.post-content")).published is None


def test_empty_page_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        from_html("   ")


def test_text_header_is_metadata_not_body() -> None:
    document = from_text("URL: https://x.example.id/a\nTITLE: Judul\nPUBLISHED: 2024-05-20\n---\nSatu.\n\nDua.\n")
    assert document.url == "https://x.example.id/a"
    assert document.title == "Judul"
    assert document.published == dt.date(2024, 5, 20)
    assert [p.text for p in document.paragraphs] == ["Satu.", "Dua."]


def test_text_without_header_keeps_every_line() -> None:
    document = from_text("Serang (ANTARA) -\nPengurus baru LKKS.\n")
    assert [p.index for p in document.paragraphs] == [0, 1]
    assert document.published is None


def test_read_path_dispatches_on_suffix(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(PAGE, encoding="utf-8")
    assert read_path(str(page)).title == "Pengukuhan Pengurus LKKS Kota Contoh"
    with pytest.raises(ParseError, match="cannot read"):
        read_path(str(tmp_path / "missing.txt"))


def test_date_from_url_and_decoding() -> None:
    assert date_from_url("https://a.id/2025/10/08/lkks") == dt.date(2025, 10, 8)
    assert date_from_url("https://a.id/2025/13/08/lkks") is None
    assert decode_html("Rp 5.000 – caf\xe9".encode("cp1252"), "text/html; charset=windows-1252").endswith("café")
    assert decode_html(b'<meta charset="iso-8859-1"><p>caf\xe9</p>').endswith("café</p>")
    assert decode_html("café".encode()) == "café"


@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "<br/>", "<", "</", "<<b>", "x", "<span a='>'>",
                                 "</span>", "<img>", "<DIV class=x>"]), max_size=60))
def test_nesting_depth_never_exceeds_the_opening_tags(parts: list[str]) -> None:
    # parse_html skips the scan when this bound is within the limit; the bound must hold for any input.
    html = "".join(parts)
    assert nesting_depth(html) <= html.count("<") - html.count("</")


def test_many_shallow_tags_parse_and_deep_nesting_is_still_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    shallow = "<html><body>" + "<div><b>kata</b></div>" * MAX_HTML_DEPTH + "</body></html>"
    assert extract.parse_html(shallow).css_first("b") is not None
    scanned: list[int] = []
    real_depth = extract.nesting_depth
    monkeypatch.setattr(extract, "nesting_depth", lambda html: scanned.append(1) or real_depth(html))
    extract.parse_html("<p>few tags</p>")
    assert scanned == []  # a page with few opening tags cannot be too deep: no scan
    with pytest.raises(ParseError, match="nested"):
        extract.parse_html("<div>" * (MAX_HTML_DEPTH + 1))
    assert scanned == [1]
