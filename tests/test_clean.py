"""Cleaning: boilerplate lines with reasons, repeated paragraphs marked duplicate."""

from __future__ import annotations

from pipeline.clean import classify, paragraph_hash
from pipeline.extract import read_path
from tests.paths import seed_path

BODY = ("Dinas Sosial Kabupaten Kendal menggelar bimbingan teknis bagi 40 pengurus LKS di aula kantor "
        "dinas pada Selasa pagi.")


def test_boilerplate_lines_are_classified_with_reasons() -> None:
    paragraphs = classify([
        BODY, "Baca juga: 8.717 jiwa di Pandeglang terdampak banjir", "Editor: Budi", "Penulis : Rina",
        "sumber : diskominfomc.kalselprov.go.id", "Tinggalkan Balasan", "Related Articles", "(Dro)",
        "Keterangan foto: suasana pelantikan", "Bagikan artikel ini",
    ])
    assert paragraphs[0].status == "kept"
    reasons = [(p.status, p.reason) for p in paragraphs[1:]]
    assert all(status == "boilerplate" for status, _ in reasons)
    assert [r for _, r in reasons[:4]] == ["read_also", "byline", "byline", "byline"]


def test_read_also_glued_to_a_paragraph_is_split_off() -> None:
    paragraphs = classify([BODY + " Baca juga: Banjir rendam 805 rumah"])
    assert [(p.status, p.text.startswith("Baca juga")) for p in paragraphs] == [
        ("kept", False), ("boilerplate", True)]


def test_dateline_line_is_kept_but_bare_labels_are_not() -> None:
    kept = [p.status for p in classify(["Serang (ANTARA) -", "KENDAL —", "KALSEL", BODY])]
    assert kept == ["kept", "kept", "boilerplate", "kept"]


def test_exact_and_near_repeats_point_to_the_first() -> None:
    near = BODY.replace("Selasa pagi", "Selasa pagi ini").upper()
    paragraphs = classify([BODY, "Paragraf lain yang berbeda sama sekali tentang musda LKKS.", BODY, near])
    assert (paragraphs[2].status, paragraphs[2].duplicate_of) == ("duplicate", 0)
    assert (paragraphs[3].status, paragraphs[3].duplicate_of, paragraphs[3].reason) == ("duplicate", 0,
                                                                                        "near_repeat")
    assert paragraphs[1].status == "kept"


def test_recurring_lines_learned_per_source_are_dropped() -> None:
    footer = "Media Center Kalsel menyajikan informasi resmi pemerintah provinsi setiap hari."
    paragraphs = classify([BODY, footer], recurring=frozenset({paragraph_hash(footer)}))
    assert [(p.status, p.reason) for p in paragraphs] == [("kept", None), ("boilerplate", "recurring")]


def test_seed_003_second_half_is_duplicate() -> None:
    document = read_path(str(seed_path("003")))
    paragraphs = classify([p.text for p in document.paragraphs])
    duplicates = [p for p in paragraphs if p.status == "duplicate"]
    assert len(duplicates) == 7
    for p in duplicates:
        original = paragraphs[p.duplicate_of or 0]
        assert original.status == "kept" and original.text == p.text


def test_seed_000_read_also_lines_are_not_kept() -> None:
    document = read_path(str(seed_path("000")))
    kept_text = " ".join(p.text for p in classify([p.text for p in document.paragraphs]) if p.status == "kept")
    for number in ("8.717", "805", "76,35"):
        assert number not in kept_text


def test_headlines_listed_under_a_related_heading_are_boilerplate() -> None:
    paragraphs = classify([
        BODY, "Berita Terkait", "9 Momen Meriah HUT Kota Palu di Taman Nasional",
        "Harga Cabai Rawit Naik Jelang Ramadan", "-",
        "Ketua LKKS Kota Palu menutup acara dengan doa bersama para pengurus dan anak panti.",
    ])
    assert [(p.status, p.reason) for p in paragraphs] == [
        ("kept", None), ("boilerplate", "read_also"), ("boilerplate", "related_list"),
        ("boilerplate", "related_list"), ("boilerplate", "empty"), ("kept", None)]


def test_a_headline_like_line_without_a_related_heading_is_kept() -> None:
    paragraphs = classify([BODY, "Pengurus LKKS Kota Palu Periode 2025-2030", BODY.replace("40", "45")])
    assert paragraphs[1].status == "kept"


def test_read_also_lines_with_stray_leading_punctuation_or_short_label() -> None:
    paragraphs = classify([BODY, ".Baca : Tingkat kepuasan warga capai 99 persen", "- Baca Juga: Banjir rendam 805 rumah"])
    assert [(p.status, p.reason) for p in paragraphs[1:]] == [("boilerplate", "read_also")] * 2
