"""find_organizations: kinds, normalised names and regions (explicit, shared within a kind, or the article's)."""

from __future__ import annotations

import pytest

from pipeline.analyse.context import ArticleText
from pipeline.analyse.organizations import dominant_region, find_organizations, organization_kinds
from pipeline.analyse.regions import find_regions
from pipeline.models import Document, Organization, Paragraph, ParagraphStatus, RegionMention
from tests.paths import seed_path


def make_article(*paragraphs: str | tuple[str, ParagraphStatus]) -> ArticleText:
    """An ArticleText from paragraph strings; a (text, status) pair marks a paragraph that is not kept."""
    items = []
    for index, item in enumerate(paragraphs):
        status: ParagraphStatus = "kept"
        text, status = (item, status) if isinstance(item, str) else item
        items.append(Paragraph(index=index, text=text, status=status))
    return ArticleText.from_document(Document(paragraphs=items))


def seed_article(prefix: str) -> ArticleText:
    """A seed, one paragraph per non-empty line, with 'Baca juga' lines and repeated lines not kept."""
    seen: set[str] = set()
    paragraphs: list[str | tuple[str, ParagraphStatus]] = []
    for line in seed_path(prefix).read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if not text:
            continue
        if text.lower().startswith("baca juga"):
            paragraphs.append((text, "boilerplate"))
        elif text in seen:
            paragraphs.append((text, "duplicate"))
        else:
            paragraphs.append(text)
        seen.add(text)
    return make_article(*paragraphs)


def organizations_of(*paragraphs: str | tuple[str, ParagraphStatus]) -> list[Organization]:
    """Distinct organisations of an article made of the given paragraphs."""
    article = make_article(*paragraphs)
    return [org for org, _ in find_organizations(article, find_regions(article))]


def triples(found: list[Organization]) -> list[tuple[str, str, str | None]]:
    """(kind, name, region_code) of each organisation."""
    return [(o.kind, o.name, o.region_code) for o in found]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Pengurus LKKS Provinsi Kalsel dikukuhkan gubernur.",
     ("LKKS", "LKKS Provinsi Kalimantan Selatan", "63")),
    ("Ketua Lembaga Kordinasi Kesejahteraan Sosial (LKKS) Kabupaten Bireuen hadir.",
     ("LKKS", "LKKS Kabupaten Bireuen", "11.11")),
    ("BKKKS Provinsi Jawa Timur menggelar musyawarah daerah.",
     ("LKKS", "LKKS Provinsi Jawa Timur", "35")),
    ("Pengurus LK3 Kabupaten Kendal mengikuti pelatihan konselor.",
     ("LKKS", "LKKS Kabupaten Kendal", "33.24")),
    ("Forum Lembaga Kesejahteraan Sosial (FLKS) Kabupaten Bogor beraudiensi dengan bupati.",
     ("FORUM_LKS", "Forum LKS Kabupaten Bogor", "32.01")),
    ("Forda LKSA Kota Medan menggelar rapat kerja.",
     ("FORUM_LKS", "Forum LKS Kota Medan", "12.71")),
    ("Dinas Sosial (Dinsos) Provinsi Banten menggelar pembinaan.",
     ("DINSOS", "Dinas Sosial Provinsi Banten", "36")),
    ("Dinas Sosial, Pengendalian Penduduk dan Keluarga Berencana (Dinsos-P2KB) Kota Pekalongan melantik pengurus.",
     ("DINSOS", "Dinsos-P2KB Kota Pekalongan", "33.75")),
    ("Kementrian Sosial (Kemensos) menyiapkan program baru.",
     ("KEMENSOS", "Kementerian Sosial", None)),
    ("Puluhan anak Panti Asuhan Budi Luhur menerima santunan.",
     ("LKSA", "Panti Asuhan Budi Luhur", None)),
    ("Bupati mengunjungi Lembaga Penyelenggara Kesejahteraan Sosial (LPKS) di Kabupaten Garut.",
     ("LKS", "Lembaga Kesejahteraan Sosial", "32.05")),
])
def test_kind_name_and_explicit_region(sentence: str, expected: tuple[str, str, str | None]) -> None:
    assert triples(organizations_of(sentence))[0] == expected


def test_bare_mention_takes_the_region_of_its_kind_then_of_the_article() -> None:
    found = triples(organizations_of(
        "Lembaga Koordinasi Kesejahteraan Sosial (LKKS) Provinsi Kalsel mengukuhkan pengurus di Banjarmasin.",
        "Ketua LKKS mengatakan LKS di Kalsel berjumlah 199 lembaga dan bekerja sama dengan Dinas Sosial.",
    ))
    assert found == [("LKKS", "LKKS Provinsi Kalimantan Selatan", "63"),
                     ("LKS", "Lembaga Kesejahteraan Sosial", "63"),
                     ("DINSOS", "Dinas Sosial Provinsi Kalimantan Selatan", "63")]


def test_office_name_does_not_swallow_the_next_office() -> None:
    found = triples(organizations_of(
        "Kolaborasi dengan instansi terkait seperti Dinas Sosial, Dinas Kesehatan, dan BKKBN Kota Semarang."))
    assert found == [("DINSOS", "Dinas Sosial Kota Semarang", "33.74")]


def test_only_kept_paragraphs_and_evidence_points_into_them() -> None:
    article = make_article(("Baca juga: Musda LKKS Kabupaten Kendal digelar", "boilerplate"),
                           "Dinas Sosial Kabupaten Bireuen membina LKS setempat.")
    found = find_organizations(article, find_regions(article))
    assert [o.kind for o, _ in found] == ["DINSOS", "LKS"]
    evidence = found[0][1]
    assert evidence.paragraph == 1
    assert article.paragraphs[0].text[evidence.start:evidence.end] == "Dinas Sosial Kabupaten Bireuen"


@pytest.mark.parametrize("sentence", [
    "Bupati Karawang melantik anggota Lembaga Kerja Sama (LKS) Tripartit. LKS Tripartit bertugas tiga tahun.",
    "Siswa SMK meraih emas dalam Lomba Kompetensi Siswa (LKS) tingkat provinsi. LKS nasional digelar Agustus.",
    "Guru membagikan LKS matematika kepada siswa. Lembar kerja siswa itu dicetak sekolah.",
])
def test_lks_meaning_something_else_is_no_welfare_body(sentence: str) -> None:
    assert organizations_of(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Bantuan diberikan kepada anak yatim piatu yang tinggal diluar panti.",
    "Santunan untuk anak yatim yang tinggal di luar panti asuhan.",
    "Santunan untuk anak yatim luar panti diserahkan Bupati.",
    "Bantuan bagi anak terlantar binaan di luar lembaga kesejahteraan sosial anak (LKSA)/panti.",
    "Santunan bagi 334 anak yatim piatu di luar LKS.",
    "Santunan diberikan kepada 3.653 anak yatim yang belum diasuh di panti.",
    "Ada 8.000 anak yatim yang belum memperoleh pengasuhan di panti asuhan.",
    "Lansia itu tidak tinggal di panti werdha.",
])
def test_people_outside_a_home_name_no_home(sentence: str) -> None:
    assert organizations_of(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Satpol PP menyegel tiga panti pijat yang nekat buka di Kawasan Bintaro.",
    "Razia digelar di sejumlah panti refleksi dan panti-panti pijit di pusat kota.",
])
def test_a_massage_parlour_is_no_welfare_home(sentence: str) -> None:
    assert organizations_of(sentence) == []


def test_an_elderly_home_named_without_panti_is_an_lks() -> None:
    assert [o.kind for o in organizations_of("Peringatan HLUN bertempat di UPTD Tresna Werdha Natar.")] == ["LKS"]


@pytest.mark.parametrize(("sentence", "kinds"), [
    ("Bayi itu dirawat di UPTD Pelayanan Sosial Anak Balita Medan.", ["LKSA"]),
    ("Rombongan mengunjungi Unit Pelaksana Teknis (UPT) Lansia Binjai.", ["LKS"]),
    ("Komisi E meninjau UPT Rehabilitasi Sosial Cacat Rungu Wicara di Bangil.", ["LKS"]),
    ("Bantuan disalurkan UPTD Kesos Lansia Budi Agung kepada 36 lansia.", ["LKS"]),
    ("Rapat digelar di UPTD Pusat Pelayanan Sosial (Pusyansos) Griya Lansia Ciparay.", ["LKS"]),
    ("Anak itu diasuh di UPT Rumah Pengasuhan Anak Wiloso Projo.", ["LKSA"]),
    # Units of other services are no welfare homes.
    ("Vaksinasi digelar di UPTD Puskesmas Kota, UPTD PPA dan UPT Pendidikan Kecamatan.", []),
])
def test_a_social_offices_own_home_is_a_welfare_body(sentence: str, kinds: list[str]) -> None:
    assert [o.kind for o in organizations_of(sentence)] == kinds


def test_a_home_that_is_not_only_where_something_happens_is_still_named() -> None:
    assert [o.kind for o in organizations_of("Pembinaan tidak hanya di panti asuhan, tetapi juga di rumah.")] == ["LKSA"]


@pytest.mark.parametrize("sentence", [
    "Yayasan Cahaya Kasih yang menampung 62 anak yatim piatu menerima kunjungan Bupati.",
    "Bantuan permakanan diberikan kepada 15 yayasan untuk anak terlantar, lansia terlantar dan disabilitas.",
    "Di Yayasan Harapan Bunda, bantuan disalurkan kepada 40 lansia.",
    "Pengurus yayasan yang merawat ODGJ itu mengaku kekurangan tenaga.",
])
def test_a_foundation_caring_for_those_lks_serve_is_an_lks(sentence: str) -> None:
    assert [o.kind for o in organizations_of(sentence)] == ["LKS"]


@pytest.mark.parametrize("sentence", [
    "Ada juga bantuan operasi gratis bibir sumbing dari Yayasan Permata Sari bekerja sama dengan RSUD.",
    "Baznas memberi santunan bulanan kepada lansia, santunan fakir miskin dan kaum duafa, bantuan kepada lembaga "
    "pendidikan Islam, TPA/TPQ dan Yayasan Islam.",
    "Yayasan Bina Insan menyalurkan beasiswa kepada 20 mahasiswa. Sebelumnya 30 lansia menerima sembako dari desa.",
])
def test_a_foundation_without_those_lks_serve_nearby_is_no_welfare_body(sentence: str) -> None:
    assert organizations_of(sentence) == []


def test_abbreviations_are_case_sensitive_and_whole_words() -> None:
    assert organizations_of("Siswa mengerjakan lks matematika dan LKSAnak tidak ada.") == []
    assert organization_kinds("Dinsos Aceh: LKS Indikator Peran Masyarakat") == ["DINSOS", "LKS"]


def test_dominant_region_prefers_a_regency_that_outnumbers_its_province() -> None:
    city = RegionMention(name="Kota Pekalongan", level="kota", code="33.75", mentions=5)
    province = RegionMention(name="Jawa Tengah", level="provinsi", code="33", mentions=1)
    assert dominant_region([province, city]) == city
    province.mentions = 6
    assert dominant_region([province, city]) == province
    assert dominant_region([]) is None


@pytest.mark.parametrize(("seed", "expected"), [
    ("000", [("LKKS", "LKKS Provinsi Banten", "36")]),
    ("001", [("LKKS", "LKKS Provinsi Kalimantan Selatan", "63"), ("LKS", "Lembaga Kesejahteraan Sosial", "63"),
             ("DINSOS", "Dinas Sosial Provinsi Kalimantan Selatan", "63")]),
    ("003", [("DINSOS", "Dinas Sosial Provinsi Banten", "36"), ("LKS", "Lembaga Kesejahteraan Sosial", "36"),
             ("KEMENSOS", "Kementerian Sosial", None)]),
])
def test_seed_organizations(seed: str, expected: list[tuple[str, str, str | None]]) -> None:
    article = seed_article(seed)
    assert triples([o for o, _ in find_organizations(article, find_regions(article))]) == expected


def test_seed_004_keeps_provincial_and_regency_bodies_apart() -> None:
    article = seed_article("004")
    found = triples([o for o, _ in find_organizations(article, find_regions(article))])
    assert ("DINSOS", "Dinas Sosial Provinsi Aceh", "11") in found
    assert ("DINSOS", "Dinas Sosial Kabupaten Bireuen", "11.11") in found
    assert ("LKKS", "LKKS Kabupaten Bireuen", "11.11") in found
    assert ("LKS", "Lembaga Kesejahteraan Sosial", "11") in found


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Badan Koordinasi dan Kegiatan Kesejahteraan Sosial (BK3S) Provinsi Bali merayakan hari jadi.", "LKKS"),
    ("Pengurus BK3S Kota Denpasar hadir.", "LKKS"),
    ("Lembaga Koordinasi Kegiatan Kesejahteraan Sosial Provinsi Banten menggelar raker.", "LKKS"),
    ("Ketua LK2S Kabupaten Sinjai memberi sambutan.", "LKKS"),
    ("Fornas LKSA menggelar rapat pimpinan nasional.", "FORUM_LKS"),
    ("Forum Wilayah LKSA Provinsi Jambi memilih ketua baru.", "FORUM_LKS"),
    ("Forum Daerah Lembaga Kesejahteraan Sosial Anak Kota Jambi hadir.", "FORUM_LKS"),
    ("Bantuan diberikan kepada panti-panti asuhan di kota itu.", "LKSA"),
    ("Pengelola panti sosial anak mengikuti rapat.", "LKSA"),
    ("Petugas panti sosial lanjut usia menerima pelatihan.", "LKS"),
    ("Warga lansia mendapat bantuan lewat program LKSLU.", "LKS"),
    ("Gubernur meresmikan Institusi Penerima Wajib Lapor (IPWL) Ummu Syahidah.", "LKS"),
    ("Bantuan diberikan kepada lansia terlantar, baik di dalam atau di luar panti.", "LKS"),
    ("Bantuan diberikan kepada anak, baik di dalam maupun di luar LKSA.", "LKSA"),
])
def test_older_regional_and_plural_names(sentence: str, kind: str) -> None:
    assert [o.kind for o in organizations_of(sentence)][:1] == [kind]


def test_other_lks_cues_are_in_every_other_use_of_lks() -> None:
    from pipeline.analyse.context import may_contain
    from pipeline.analyse.organizations import _OTHER_LKS, _OTHER_LKS_CUES

    for text in ["LKS Tripartit Provinsi", "lks bipartit", "Lembaga Kerja Sama", "lembaga kerjasama", "Lembar Kerja Siswa",
                 "Latihan Kepemimpinan Siswa", "Lomba Kompetensi Siswa"]:
        assert _OTHER_LKS.search(text) is not None, text
        assert may_contain(text, *_OTHER_LKS_CUES), text
