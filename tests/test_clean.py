"""Cleaning: boilerplate lines with reasons, repeated paragraphs marked duplicate."""

from __future__ import annotations

import random

from pipeline.clean import classify, join_wrapped, normalise, paragraph_hash
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


def test_a_line_ending_in_a_photo_credit_is_a_caption() -> None:
    paragraphs = classify([
        "Bupati Kulon Progo menyerahkan bantuan kepada Panti Asuhan Putri Boro. (Foto ANTARA/Mamiek)",
        "Proses pelantikan pengurus LKKS Sabtu lalu (foto:iis)", "Wakil Bupati bersama pengurus FIK LKS. (Ist)",
        BODY, "Kulon Progo (ANTARA) - " + BODY,
    ])
    assert [(p.status, p.reason) for p in paragraphs] == [("boilerplate", "caption")] * 3 + [("kept", None)] * 2


def test_read_also_glued_to_a_paragraph_is_split_off() -> None:
    paragraphs = classify([BODY + " Baca juga: Banjir rendam 805 rumah"])
    assert [(p.status, p.text.startswith("Baca juga")) for p in paragraphs] == [
        ("kept", False), ("boilerplate", True)]


def test_dateline_line_is_kept_but_bare_labels_are_not() -> None:
    kept = [p.status for p in classify(["Serang (ANTARA) -", "KENDAL —", "KALSEL", BODY])]
    assert kept == ["kept", "kept", "boilerplate", "kept"]


def test_a_line_broken_before_a_lower_case_word_continues_its_paragraph() -> None:
    texts = ["Sementara itu, Kepala Biro Kesra Provinsi NTB, H. Sahnan,",
             "turut memberikan apresiasi kepada pengurus yang baru dikukuhkan.", BODY]
    assert join_wrapped(texts) == [f"{texts[0]} {texts[1]}", BODY]


def test_a_hard_wrapped_page_joins_its_lines_even_before_a_capital() -> None:
    texts = ["PALANGKA RAYA – Kepala Dinas Sosial Provinsi Kalimantan Tengah,",
             "Suhaemi menegaskan, pembangunan kesejahteraan sosial adalah bagian integral",
             "dari pembangunan nasional yang dilaksanakan untuk menangani",
             "berbagai permasalahan sosial dan memenuhi kebutuhan dasar",
             "warga, kata Suhaemi saat membuka bimtek.",
             "Kegiatan berlangsung selama tiga hari."]
    assert join_wrapped(texts) == [" ".join(texts[:5]), texts[5]]


def test_lines_that_end_a_sentence_or_open_with_a_capital_stay_apart() -> None:
    texts = ["Bantuan Sosial Permakanan untuk LKS", BODY, "Kegiatan ditutup pukul 12.00.",
             "sementara itu pengurus LKS lain menyusul.", "Baca juga: Bupati lantik pengurus",
             "dinas sosial menggelar rapat koordinasi dengan 30 LKS."]
    assert join_wrapped(texts) == texts
    assert [p.status for p in classify(texts)][-2:] == ["boilerplate", "kept"]


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



def _shingle_set(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)} if len(words) >= 3 else {tuple(words)}


def _pairwise_answers(texts: list[str], threshold: float = 0.85) -> list[tuple[str, int | None]]:
    """(reason, duplicate_of) per paragraph, found by comparing every pair, for texts that are not boilerplate."""
    kept: list[tuple[int, str, list[str]]] = []
    answers: list[tuple[str, int | None]] = []
    for index, text in enumerate(texts):
        key = normalise(text)
        words = key.split()
        exact = next((other_index for other_index, other_key, _ in kept if other_key == key), None)
        if exact is not None:
            answers.append(("exact_repeat", exact))
            continue
        for other_index, _, other in kept:
            if min(len(words), len(other)) < 8 or abs(len(words) - len(other)) > 0.3 * max(len(words), len(other)):
                continue
            ours, theirs = _shingle_set(words), _shingle_set(other)
            if len(ours & theirs) / max(1, len(ours | theirs)) >= threshold:
                answers.append(("near_repeat", other_index))
                break
        else:
            kept.append((index, key, words))
            answers.append(("kept", None))
    return answers


def test_near_repeats_match_a_comparison_of_every_pair() -> None:
    rng = random.Random(7)
    vocabulary = [f"kata{i}" for i in range(12)]
    sentences = [[rng.choice(vocabulary) for _ in range(rng.randint(4, 30))] for _ in range(15)]
    texts = []
    for _ in range(300):  # variants of a few sentences: words added and dropped, long and short ones
        words = list(rng.choice(sentences))
        for _ in range(rng.randint(0, 2)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(vocabulary))
        if rng.random() < 0.5:
            words.pop(rng.randrange(len(words)))
        texts.append("Menurut " + " ".join(words) + " selesai.")
    answers = [(p.reason or p.status, p.duplicate_of) for p in classify(texts)]
    assert answers == _pairwise_answers(texts)
    assert {reason for reason, _ in answers} == {"kept", "exact_repeat", "near_repeat"}
