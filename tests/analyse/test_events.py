"""find_events: relevance, event types from headline and lead, dates, tense, tenure periods and organisations."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.analyse import analyse
from pipeline.analyse.context import ArticleText
from pipeline.analyse.events import find_events
from pipeline.models import Analysis, DateMention, Document, Event, Paragraph, ParagraphStatus
from tests.paths import seed_path

PUBLISHED = dt.date(2024, 5, 21)


def document(title: str | None, *paragraphs: str | tuple[str, ParagraphStatus],
             published: dt.date | None = PUBLISHED) -> Document:
    """A cleaned document; a (text, status) pair marks a paragraph that is not kept."""
    items = []
    for index, item in enumerate(paragraphs):
        status: ParagraphStatus = "kept"
        text, status = (item, status) if isinstance(item, str) else item
        items.append(Paragraph(index=index, text=text, status=status))
    return Document(paragraphs=items, title=title, published=published)


def seed_document(prefix: str) -> Document:
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
    return document(None, *paragraphs, published=None)


def main_event(doc: Document) -> Event:
    """The first event of a document that must be relevant."""
    analysis = analyse(doc)
    assert analysis.relevant
    assert analysis.events
    return analysis.events[0]


IRRELEVANT = {
    "pkk": document(
        "TP PKK Kendal Gelar Lomba Posyandu Tingkat Kabupaten",
        "KENDAL - Tim Penggerak PKK Kabupaten Kendal menggelar lomba posyandu tingkat kabupaten di Pendopo Kendal, "
        "Selasa (21/5/2024).",
        "Ketua TP PKK Kendal, Hj. Rina Dewi, yang juga Ketua LKKS Kendal mengatakan lomba ini untuk meningkatkan "
        "kualitas layanan posyandu.",
        "Sebanyak 20 posyandu mengikuti lomba tersebut. Para kader PKK diminta terus aktif."),
    "karang_taruna": document(
        "Pengurus Karang Taruna Kota Semarang Dikukuhkan",
        "SEMARANG - Wali Kota Semarang Hevearita Gunaryanti Rahayu mengukuhkan pengurus Karang Taruna Kota Semarang "
        "masa bakti 2024-2029, Senin (20/5/2024).",
        "Ia berharap karang taruna menjadi motor penggerak pemuda di setiap kelurahan."),
    "sports": document(
        "Persiraja Menang 2-0 atas PSMS",
        "BANDA ACEH - Persiraja Banda Aceh menang 2-0 atas PSMS Medan dalam lanjutan Liga 2, Senin (20/5/2024).",
        "Pelatih Persiraja, Akhyar Ilyas, mengatakan timnya bermain disiplin."),
    "bpjs_with_passing_lks": document(
        "BPJS Ketenagakerjaan Lindungi Pekerja Rentan di Bireuen",
        "BIREUEN - BPJS Ketenagakerjaan menyerahkan kartu kepesertaan kepada 500 pekerja rentan di Kabupaten "
        "Bireuen, Senin (20/5/2024).",
        "Program ini didukung oleh Pemkab Bireuen dan sejumlah lembaga, termasuk LKS setempat."),
    "bansos_without_lks": document(
        "Dinsos Salurkan Bansos ke 500 KPM",
        "KENDAL - Dinas Sosial Kabupaten Kendal menyalurkan bantuan sosial beras kepada 500 keluarga penerima "
        "manfaat (KPM), Senin (20/5/2024).",
        "Kepala Dinsos Kendal, Muntoha, mengatakan penyaluran dilakukan bertahap."),
    "lks_only_in_read_also": document(
        "Banjir Rendam 805 Rumah di Pandeglang",
        "PANDEGLANG - Banjir merendam 805 rumah warga di Kabupaten Pandeglang, Senin (20/5/2024).",
        ("Baca juga: Pengurus LKKS Banten periode 2024-2029 dilantik", "boilerplate"),
        "BPBD Pandeglang mendirikan dapur umum bagi warga terdampak."),
}


@pytest.mark.parametrize("key", sorted(IRRELEVANT))
def test_neighbouring_topics_are_not_relevant(key: str) -> None:
    analysis = analyse(IRRELEVANT[key])
    assert (analysis.relevant, analysis.events) == (False, [])


# (title, paragraphs, type, date, tense, (kind, region_code) of the first organisation)
RELEVANT = [
    ("Polres Bireuen Santuni Anak Panti Asuhan Budi Luhur",
     ["BIREUEN - Kapolres Bireuen AKBP Jatmiko menyantuni puluhan anak yatim di Panti Asuhan Budi Luhur, "
      "Senin (20/5/2024).",
      "Santunan berupa uang tunai dan paket sembako diserahkan langsung kepada pengasuh panti asuhan."],
     "aid_distribution", dt.date(2024, 5, 20), "past", ("LKSA", "11.11")),
    ("Musda LKKS Kabupaten Agam, Hj. Rosna Terpilih Jadi Ketua",
     ["LUBUK BASUNG - Lembaga Koordinasi Kesejahteraan Sosial (LKKS) Kabupaten Agam menggelar Musyawarah Daerah "
      "(Musda) ke-III di Aula Kantor Bupati Agam, Sabtu (18/5/2024).",
      "Dalam musda tersebut, Hj. Rosna Wati terpilih secara aklamasi sebagai Ketua LKKS Kabupaten Agam periode "
      "2024-2029."],
     "deliberation", dt.date(2024, 5, 18), "past", ("LKKS", "13.06")),
    ("Dinsos Pontianak Visitasi Akreditasi 10 LKSA",
     ["PONTIANAK - Dinas Sosial Kota Pontianak melakukan visitasi akreditasi terhadap 10 Lembaga Kesejahteraan "
      "Sosial Anak (LKSA) di Kota Pontianak, Rabu (15/5/2024).",
      "Kepala Dinas Sosial Kota Pontianak, Trisnawati, mengatakan akreditasi menjamin mutu pelayanan LKSA."],
     "accreditation", dt.date(2024, 5, 15), "past", ("LKSA", "61.71")),
    ("Dinsos Kalbar Gelar Bimtek Pengurus LKS",
     ["PONTIANAK - Dinas Sosial Provinsi Kalimantan Barat menggelar bimbingan teknis (bimtek) bagi 60 pengurus "
      "Lembaga Kesejahteraan Sosial (LKS) se-Kalbar di Hotel Aston, Selasa (14/5/2024).",
      "Kepala Dinas Sosial Kalbar, Dr. H. Ismail, M.Pd, mengatakan bimtek meningkatkan kapasitas pengelola LKS."],
     "training", dt.date(2024, 5, 14), "past", ("LKS", "61")),
    ("Ketua LKKS Sumbar Kunjungi LKKS Agam",
     ["LUBUK BASUNG - Ketua LKKS Provinsi Sumatera Barat, Harneli Mahyeldi, melakukan kunjungan kerja ke LKKS "
      "Kabupaten Agam, Kamis (16/5/2024).",
      "Kunjungan tersebut untuk melihat langsung program kerja LKKS kabupaten."],
     "visit", dt.date(2024, 5, 16), "past", ("LKKS", "13")),
    ("Pengurus LKKS Kota Padang Segera Dilantik",
     ["PADANG - Pengurus Lembaga Koordinasi Kesejahteraan Sosial (LKKS) Kota Padang periode 2024-2029 akan "
      "dilantik pada Senin (27/5/2024) mendatang.",
      "Kepala Dinas Sosial Kota Padang, Heryanto Rustam, mengatakan persiapan pelantikan sudah rampung."],
     "inauguration", dt.date(2024, 5, 27), "future", ("LKKS", "13.71")),
    ("Forum LKS Bogor Audiensi dengan Bupati",
     ["CIBINONG - Pengurus Forum Lembaga Kesejahteraan Sosial (FLKS) Kabupaten Bogor beraudiensi dengan Penjabat "
      "Bupati Bogor Asmawa Tosepu di Pendopo Bupati, Rabu (15/5/2024).",
      "Ketua Forum LKS Kabupaten Bogor, Asep Saepudin, menyampaikan usulan terkait pembinaan LKS."],
     "coordination_meeting", dt.date(2024, 5, 15), "past", ("FORUM_LKS", "32.01")),
]


@pytest.mark.parametrize(("title", "paragraphs", "kind", "date", "tense", "organization"), RELEVANT)
def test_relevant_articles_give_their_main_event(title: str, paragraphs: list[str], kind: str, date: dt.date,
                                                 tense: str, organization: tuple[str, str]) -> None:
    event = main_event(document(title, *paragraphs))
    assert (event.type, event.date, event.tense) == (kind, date, tense)
    assert event.organizations
    assert (event.organizations[0].kind, event.organizations[0].region_code) == organization
    assert event.region_code == organization[1]


def test_background_words_do_not_become_events() -> None:
    analysis = analyse(document(
        None,
        "PEKALONGAN - Dinas Sosial Kota Pekalongan melantik pengurus LKKS Kota Pekalongan, Senin (20/5/2024).",
        "LKKS dibentuk pada tahun 2018 dan kini beranggotakan 47 organisasi sosial, 6 di antaranya sudah "
        "terakreditasi.",
        "Ke depan LKKS akan melakukan konsolidasi dan evaluasi serta monitoring program.",
    ))
    assert [e.type for e in analysis.events] == ["inauguration"]


def test_two_activities_in_the_lead_give_two_events() -> None:
    analysis = analyse(document(
        "Usai Dilantik, Pengurus LKKS Kendal Langsung Gelar Rakor",
        "KENDAL - Bupati Kendal Dyah Kartika Permanasari melantik pengurus LKKS Kabupaten Kendal, Selasa "
        "(21/5/2024). Usai pelantikan, pengurus langsung menggelar rapat koordinasi (rakor) perdana.",
        "Rakor membahas program kerja LKKS tahun 2024.",
    ))
    assert sorted(e.type for e in analysis.events) == ["coordination_meeting", "inauguration"]
    assert all(e.date == dt.date(2024, 5, 21) and e.region_code == "33.24" for e in analysis.events)


def test_announced_installation_is_a_second_event_with_its_own_date_and_tense() -> None:
    analysis = analyse(document(
        "LKKS Provinsi Bengkulu Gelar Raker 2025",
        "Bengkulu, Kamis (14/8/2025) - Lembaga Koordinasi Kesejahteraan Sosial (LKKS) Provinsi Bengkulu menggelar "
        "Rapat Kerja (Raker) Tahun 2025 bersama LKKS kabupaten/kota di Gedung Daerah, Kota Bengkulu.",
        "Raker diikuti sekitar 80 orang pengurus dari 10 kabupaten/kota.",
        "\"Tinggal Kabupaten Kaur. Pengurus LKKS Kaur akan dilantik pada 5 Desember 2025 mendatang,\" ujar Sari.",
        published=dt.date(2025, 8, 14)))
    found = [(e.type, e.date, e.tense) for e in analysis.events]
    assert found == [("coordination_meeting", dt.date(2025, 8, 14), "past"),
                     ("inauguration", dt.date(2025, 12, 5), "future")]


def test_planned_aid_in_a_speech_is_not_an_event() -> None:
    analysis = analyse(document(
        "Pengurus LKKS Kalteng Audiensi dengan Gubernur",
        "PALANGKA RAYA - Pengurus LKKS Provinsi Kalimantan Tengah beraudiensi dengan Gubernur Kalteng di Istana "
        "Isen Mulang, Selasa (20/5/2025).",
        "Gubernur menyatakan Pemprov akan mengalokasikan hibah Rp 500 juta untuk kegiatan LKKS.",
        published=dt.date(2025, 5, 20)))
    assert [e.type for e in analysis.events] == ["coordination_meeting"]


def test_relevant_article_without_a_known_activity_is_other() -> None:
    analysis = analyse(document(
        "Peran LKS dalam Pembangunan Sosial di Kendal",
        "KENDAL - Lembaga Kesejahteraan Sosial (LKS) di Kabupaten Kendal dinilai berperan besar dalam pembangunan "
        "kesejahteraan sosial.",
        "Menurut catatan, ada 120 LKS yang aktif di Kendal.",
    ))
    assert analysis.relevant
    assert [(e.type, e.region_code) for e in analysis.events] == [("other", "33.24")]


def test_relative_period_counts_from_the_event_year() -> None:
    event = main_event(document(
        "Pengukuhan Pengurus LKKS Provinsi Kalsel",
        "Gubernur Kalimantan Selatan H. Muhidin mengukuhkan kepengurusan LKKS Provinsi Kalsel periode lima tahun "
        "ke depan, Rabu (8/10/2025).",
        published=dt.date(2025, 10, 8)))
    assert (event.period_start, event.period_end) == (2025, 2030)


def test_weekday_date_resolves_and_dates_come_from_analysis() -> None:
    article = ArticleText.from_document(document(
        None, "Dinas Sosial Kota Semarang menggelar bimtek bagi pengurus LKS pada Senin.",
        "Bimtek diikuti 40 pengurus LKS dari 16 kecamatan."))
    monday = dt.date(2024, 5, 20)
    analysis = Analysis(dates=[DateMention(text="Senin", value=monday, evidence=article.evidence(66, 71))])
    relevant, events = find_events(article, analysis)
    assert relevant
    assert [(e.type, e.date, e.date_text) for e in events] == [("training", monday, "Senin")]


def test_empty_article_is_not_relevant() -> None:
    article = ArticleText.from_document(document(None))
    assert find_events(article, Analysis()) == (False, [])


# (seed, type, date, tense, period, (kind, region) of organisations that must be there)
SEED_EVENTS = [
    ("000", "inauguration", None, "past", (2024, 2029), [("LKKS", "36")]),
    ("001", "inauguration", dt.date(2025, 10, 8), "past", (2025, 2030), [("LKKS", "63")]),
    ("002", "inauguration", dt.date(2024, 5, 20), "past", (2024, 2028), [("LKKS", "33.75"), ("DINSOS", "33.75")]),
    ("003", "training", dt.date(2019, 6, 21), "past", (None, None), [("DINSOS", "36"), ("LKS", "36")]),
    ("004", "coordination_meeting", dt.date(2023, 9, 18), "past", (None, None), [("DINSOS", "11"), ("LKS", "11")]),
]


@pytest.mark.parametrize(("seed", "kind", "date", "tense", "period", "organizations"), SEED_EVENTS)
def test_seed_events(seed: str, kind: str, date: dt.date | None, tense: str, period: tuple[int | None, int | None],
                     organizations: list[tuple[str, str]]) -> None:
    analysis = analyse(seed_document(seed))
    assert analysis.relevant
    assert [e.type for e in analysis.events] == [kind]
    event = analysis.events[0]
    assert (event.date, event.tense, (event.period_start, event.period_end)) == (date, tense, period)
    found = {(o.kind, o.region_code) for o in event.organizations}
    assert set(organizations) <= found
    assert all(o.kind != "KEMENSOS" for o in event.organizations)
