"""Counts: quantities of people, organisations, places and money with their unit; labels are not counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.analyse.context import ArticleText
from pipeline.analyse.counts import counts_in, find_counts
from pipeline.models import Document, Paragraph, ParagraphStatus

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def make_article(paragraphs: list[str | tuple[str, ParagraphStatus]], *, published: dt.date | None = None) -> ArticleText:
    """An ArticleText from paragraph strings; a (text, status) pair marks a paragraph that is not kept."""
    items = []
    for index, item in enumerate(paragraphs):
        text, status = (item, "kept") if isinstance(item, str) else item
        items.append(Paragraph(index=index, text=text, status=status))
    return ArticleText.from_document(Document(paragraphs=items, published=published))


def seed_article(prefix: str) -> ArticleText:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not available here")
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} not found")
    lines = [line.strip() for line in paths[0].read_text(encoding="utf-8").splitlines() if line.strip()]
    return make_article([(t, "boilerplate") if t.lower().startswith("baca juga") else t for t in lines])


def pairs(text: str) -> list[tuple[float, str]]:
    return [(value, unit) for value, unit, _ in counts_in(text)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Di Kalsel ada 199 LKS, dan", 199, "LKS"),
        ("Penerimanya sebanyak 750 anak-anak panti asuhan.", 750, "anak panti"),
        ("dana sebesar Rp25 miliyar untuk panti", 25e9, "rupiah"),
        ("mampu melayani 20 orang, maka", 20, "orang"),
        ("maka hampir 4 ribu warga rentan bisa terlayani", 4000, "warga"),
        ("masih ada dua daerah yang belum", 2, "daerah"),
        ("konsolidasi di 13 Kabupaten/Kota, termasuk", 13, "Kabupaten/Kota"),
        ("menjadi 47 organisasi sosial tersebar", 47, "organisasi sosial"),
        ("Rakor ini diikuti oleh 30 peserta dari", 30, "peserta"),
        ("biaya Rp15.000 per orang", 15000, "rupiah"),
        ("dana Rp 1,7 miliar dari APBD", 1_700_000_000, "rupiah"),
        ("masing-masing Rp1,5 juta.", 1_500_000, "rupiah"),
        ("senilai Rp 645 Juta lewat", 645_000_000, "rupiah"),
        ("sebesar Rp. 2.000.000,- per KK", 2_000_000, "rupiah"),
        ("bantuan 15 ribu rupiah", 15000, "rupiah"),
        ("anggaran sebesar 1,2 miliar untuk", 1_200_000_000, "rupiah"),
        ("IPM mencapai 76,35 persen", 76.35, "persen"),
        ("turun menjadi 21,3%", 21.3, "persen"),
        ("tiga puluh orang relawan", 30, "orang"),
        ("seratus lima puluh peserta", 150, "peserta"),
        ("sebelas LKS", 11, "LKS"),
        ("Tinggal satu daerah, yakni", 1, "daerah"),
        ("Dua lembaga belum mendaftar", 2, "lembaga"),
        ("kunjungan kerja ke dua panti asuhan di", 2, "panti asuhan"),
        ("sebanyak 2.450 warga binaan", 2450, "warga binaan"),
        ("total 1.274 organisasi sosial", 1274, "organisasi sosial"),
        ("4,2 juta warga miskin", 4_200_000, "warga"),
        ("dari 30 Lembaga Kesejahteraan Sosial Anak (LKSA) di", 30, "LKSA"),
        ("melalui 12 lembaga kesejahteraan sosial (LKS) di", 12, "LKS"),
        ("100 kepala keluarga (KK)", 100, "kepala keluarga"),
        ("50 paket sembako", 50, "paket sembako"),
        ("di 17 kapanewon", 17, "kapanewon"),
        ("sebanyak 2000 orang", 2000, "orang"),
        ("Sebanyak 1.126 LKS terdata", 1126, "LKS"),
        ("sekitar 80 orang pengurus", 80, "orang"),
        ("diikuti 150 peserta", 150, "peserta"),
        ("ada tujuh perguruan tinggi di kota itu", 7, "perguruan tinggi"),
        ("dua kandidat lainnya", 2, "kandidat"),
        ("1.250 jumlah panti asuhan di provinsi ini", 1250, "panti asuhan"),
        ("tercatat 12 LK3 di kabupaten", 12, "LK3"),
        ("Bupati Serahkan 50 Paket Sembako untuk Panti", 50, "Paket"),
        ("Dua staf direktorat itu mengunjungi panti", 2, "staf"),
        ("didampingi tiga dokter dan", 3, "dokter"),
        ("lima instruktur dari balai", 5, "instruktur"),
        ("dihadiri empat puluh jemaah masjid", 40, "jemaah"),
        # A budget's amount, whatever word follows it.
        ("anggaran yang diusulkan 1,5 Miliar turun drastis", 1_500_000_000, "rupiah"),
        # A scaled decimal is exact, not 8300000000.000001.
        ("dana hibah Rp 8,3 miliar untuk LKS", 8_300_000_000, "rupiah"),
        ("menikahkan 10 pasang calon pengantin", 10, "pasang"),
        # A word that exists only doubled is its own unit; a plural's doubling is not.
        ("terdiri atas 34 laki-laki dan", 34, "laki-laki"),
        ("diikuti 40 anak-anak dari panti", 40, "anak"),
    ],
)
def test_counts(text: str, value: float, unit: str) -> None:
    assert pairs(text) == [(value, unit)]


@pytest.mark.parametrize(
    "text",
    [
        "pada tahun 2019 LKKS dibentuk",
        "pada hari Ahad, 2 Juli 2023 M, 14 Zulhijjah 1444 H, di panti",
        "Kalau memang jumlah anak 30 ya bilang 30 jangan 35.",
        "2 min read",
        "0 comments",
        "program itu mengarah pada 3 hal pokok",
        "Pada 2025 LKKS Kalsel dibentuk",
        "program kerja 2026 serta",
        "periode 2024-2029",
        "masa bhakti 2024-2028",
        "UU Nomor 11 Tahun 2009 tentang",
        "Perda No. 5 tahun 2020",
        "sesuai Pasal 3 ayat (1)",
        "Permensos 184/2011",
        "pukul 09.00 WIB",
        "pukul 10 pagi",
        "Rabu (8/10/2025)",
        "pada 8 Oktober 2025",
        "HUT ke-80 RI",
        "Musda ke-9 LKKS",
        "Covid-19 melanda",
        "COVID 19 melanda",
        "di RT 05/RW 02",
        "hubungi 0812-3456-7890",
        "telepon (0511) 3352",
        "KP3B Curug",
        "salah satu LKS",
        "satu-satunya panti",
        "sebuah yayasan",
        "seorang pengasuh",
        "satu per satu",
        "tahun pertama kami",
        "tahun kedua dan ketiga",
        "puluhan LKS",
        "ratusan warga",
        "selama tiga hari",
        "periode lima tahun ke depan",
        "masuk tiga besar",
        "sebanyak 3 kali",
        "sembilan telah memiliki LKKS",
        "beranggotakan 16, kemudian",
        "6 di antaranya",
        "20 mengikuti pelatihan",
        "Kabupaten Lima Puluh Kota",
        "Jalan A. Yani Km 5",
        "Industri 4.0",
        "SK Nomor 188.45/123/2025",
        "Muswil III",
        "hari ke 3 kegiatan",
        "jarak 20 km",
        "berat 5 ton",
        "ke-3 kalinya",
        "menjelang 1 Muharram 1447 Hijriah",
        "pembukaan Rapimnas 2 Forum Nasional LKSA di gedung itu",
        "dalam Jambore 3 Pramuka Peduli tahun ini",
        # Goods and the words that refer back to a count: not people, organisations, places or money.
        "beras 3 kwintal dan 15 dus mi instan",
        "telur 150 butir dan 25 ekor ayam",
        "undang-undang itu memuat 45 pasal",
        "6 plus 29 sisanya",
        "dan 14 lainnya",
        # Activities, criteria and the like are no people, organisations, places or money.
        "telah melaksanakan 15 kegiatan dan",
        "penilaian meliputi 4 kriteria dan 3 aspek",
        "forum 5 tahunan itu",
        # Numbered commissions, assistants, grades and meetings are names, not quantities.
        "akan dibahas bersama Komisi 8 DPR RI",
        "Asda 1 Setdaprov Jambi hadir",
        "para pejabat eselon 2 Pemkab Bone",
        "dibuka pada Munas 3 Forum Nasional",
        "peserta Rakerda 2 BK3S Jatim",
        # "One" neither listed nor restricted is the indefinite article, or a measure of something else.
        "Di desa itu ada satu anak yang sakit keras.",
        "Kini ada 1 panti yang baru dibuka di kecamatan itu.",
        "Kalau satu yayasan bisa merawat puluhan anak, manfaatnya besar.",
        "Setiap satu pengasuh menangani banyak anak.",
    ],
)
def test_not_counts(text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Listed beside other counts, or restricted ("tinggal", "hanya"): one is a stated quantity.
        ("Ada tiga LKS di Kota Palu, satu LKS di Kabupaten Sigi.", [(3, "LKS"), (1, "LKS")]),
        ("terdiri dari 40 panti asuhan dan 1 panti sosial lansia", [(40, "panti asuhan"), (1, "panti sosial")]),
        ("Hanya satu lembaga yang belum terdaftar.", [(1, "lembaga")]),
        ("Hasilnya, yaitu 1 LKSA meraih nilai A.", [(1, "LKSA")]),
        # A measure of money per head: the money is the count, "one" is not.
        ("Bantuan untuk satu anak sebesar Rp 500 ribu.", [(500000, "rupiah")]),
        ("Di Jambi ada 120 LKS, dan jika satu LKS melayani 10 orang, itu banyak.", [(120, "LKS"), (10, "orang")]),
    ],
)
def test_one_counts_only_where_listed_or_restricted(text: str, expected: list[tuple[float, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bansos disalurkan untuk panti asuhan sebanyak 81 dan 3 LKS disabilitas.",
         [(81, "panti asuhan"), (3, "LKS")]),
        ("Peserta yang hadir sebanyak 50.", [(50, "Peserta")]),
        # A verb after the number, and a demonstrative after the noun, leave the noun before.
        ("Jumlah total bansos tersebut sebanyak 413 disalurkan di 2 provinsi.", [(413, "bansos"), (2, "provinsi")]),
        ("Paket sembako itu berjumlah 120 dibagikan kepada warga.", [(120, "Paket sembako")]),
        ("Anak asuh berjumlah 35, terdiri atas 20 laki-laki.", [(35, "Anak asuh"), (20, "laki-laki")]),
        # A bracket before "sebanyak": the noun's abbreviation is what is counted, a gloss leaves the noun before it.
        ("Terdiri dari Lembaga Kesejahteraan Sosial Anak (LKSA) sebanyak 707.", [(707, "LKSA")]),
        ("Pelayanan itu terdiri dari LKSA (anak) sebanyak 707, lalu lainnya.", [(707, "LKSA")]),
        # Money, years and nouns that count nothing are no count.
        ("Dana yang disalurkan sebanyak 50.", []),
        ("Kegiatan itu digelar sebanyak 2019.", []),
    ],
)
def test_a_noun_before_sebanyak_is_counted_when_none_follows(text: str, expected: list[tuple[float, str]]) -> None:
    assert pairs(text) == expected


def test_text_and_offsets() -> None:
    assert counts_in("maka hampir 4 ribu warga rentan") == [(4000, "warga", "hampir 4 ribu warga")]
    assert counts_in("Rp15.000,- per porsi") == [(15000, "rupiah", "Rp15.000,-")]


def test_find_counts_paragraph_and_offsets() -> None:
    article = make_article([
        ("Baca juga: 8.717 jiwa di Pandeglang terdampak banjir", "boilerplate"),
        "LKKS dibentuk pada 2018.",
        "Jumlah pengurus LKKS yang dilantik sebanyak 30 orang.",
    ])
    found = find_counts(article)
    assert [(c.value, c.unit, c.text, c.paragraph) for c in found] == [(30, "orang", "30 orang", 2)]
    paragraph = article.paragraphs[1].text
    assert paragraph[found[0].start:found[0].end] == "30 orang"


def test_seed_001() -> None:
    found = [(c.value, c.unit) for c in find_counts(seed_article("001"))]
    assert (199, "LKS") in found
    assert (20, "orang") in found
    assert (4000, "warga") in found
    assert (2, "daerah") in found
    assert (13, "Kabupaten/Kota") in found
    # "jika satu LKS mampu ..." is hypothetical: allowed, not required.
    assert set(found) - {(1, "LKS")} == {(199, "LKS"), (20, "orang"), (4000, "warga"), (2, "daerah"),
                                        (13, "Kabupaten/Kota")}


def test_seed_000_has_counts_only_in_dropped_lines() -> None:
    assert find_counts(seed_article("000")) == []


def test_seed_002_and_004() -> None:
    assert {(c.value, c.unit) for c in find_counts(seed_article("002"))} == {
        (47, "organisasi sosial"), (4, "kecamatan"), (30, "orang")}
    assert [(c.value, c.unit) for c in find_counts(seed_article("004"))] == [(30, "peserta")]


def test_a_part_counts_the_wholes_noun() -> None:
    assert pairs("Ia meraih 14 dari 22 suara peserta.") == [(14, "suara"), (22, "suara")]
    assert pairs("baru 63 dari 210 LKS yang terakreditasi") == [(63, "LKS"), (210, "LKS")]


def test_number_matches_are_those_of_a_full_scan() -> None:
    import random

    from pipeline.analyse.counts import _NUMBER, _number_matches

    pieces = ["12", "1.500", "2,5", "2.5 juta", "Rp", "Rp.", "RP", "rp", "IDR", "US$", "USD", "sekitar", "Sekitar",
              "kurang lebih", "Lebih dari", "hampir", "±", "dua", "Dua", "seratus", "lima puluh", "ribuan", "miliar",
              "satu", "sebelas", "juta", "orang", "LKS", "ke-80", "Covid-19", "tahun 2025", "x12", "kedua", "M", "٣"]
    glue = [" ", "", ",", ".", "/", "-", "\n", "(", ")", "a", "\u00a0"]
    rng = random.Random(11)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(1, 25)))
        assert [m.span() for m in _number_matches(text)] == [m.span() for m in _NUMBER.finditer(text)], text


@pytest.mark.parametrize(("text", "expected"), [
    ("Bantuan kesra diusahakan Rp12 sampai Rp15 juta per bulan.", [(12e6, "rupiah"), (15e6, "rupiah")]),
    ("Setahun kurang lebih Rp150 jutaan atau mungkin Rp200 juta.", [(150e6, "rupiah"), (200e6, "rupiah")]),
    ("Hibah berkisar Rp 500 - Rp 750 ribu per panti.", [(500e3, "rupiah"), (750e3, "rupiah")]),
])
def test_a_range_shares_its_scale_and_a_scale_with_an_is_about_that_much(
        text: str, expected: list[tuple[float, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # The amount again in words after a dash-ended figure.
    ("Bantuan diberikan dengan nilai Rp.25.500.000;- (dua puluh lima juta rupiah) per lembaga.",
     [(25_500_000, "rupiah")]),
    # A clause before a programme's abbreviation is no spelled-out name of the counted body.
    ("Balai menyasar sekitar 3.950 anak untuk mendapat program Asistensi Rehabilitasi Sosial (Atensi).",
     [(3950, "anak")]),
    ("Sebanyak 18 Lembaga Kesejahteraan Sosial (LKS) hadir.", [(18, "LKS")]),
])
def test_restated_amounts_and_spelled_out_names(text: str, expected: list[tuple[float, str]]) -> None:
    assert pairs(text) == expected
