"""find_events: relevance, event types from headline and lead, dates, tense, tenure periods and organisations."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.analyse import analyse
from pipeline.analyse.context import ArticleText
from pipeline.analyse.events import find_events, slug_title
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


def test_relevant_article_that_reports_no_activity_has_no_event() -> None:
    assert events_of(document(
        "Peran LKS dalam Pembangunan Sosial di Kendal",
        "KENDAL - Lembaga Kesejahteraan Sosial (LKS) di Kabupaten Kendal dinilai berperan besar dalam pembangunan "
        "kesejahteraan sosial.",
        "Menurut catatan, ada 120 LKS yang aktif di Kendal.",
    )) == []


def test_dated_occasion_of_no_known_kind_is_other() -> None:
    analysis = analyse(document(
        "Wali Kota Ajak Anak Panti Asuhan Makan Bersama",
        "KENDAL - Wali Kota mengajak 40 anak Panti Asuhan Darul Hadlonah makan bersama di sebuah rumah makan di "
        "Kendal, Senin (20/5/2024).",
        "Anak-anak panti tampak gembira.",
    ))
    assert analysis.relevant
    assert [(e.type, e.date, e.region_code) for e in analysis.events] == [("other", dt.date(2024, 5, 20), "33.24")]


@pytest.mark.parametrize("attribution", [
    '"Panti asuhan di kota ini terus berkurang," kata Kepala Dinas Sosial Palembang Faisal AR, di Palembang, '
    'Kamis (16/5/2024).',
    "Hal itu disampaikan Kepala Bidang Rehabilitasi Sosial Dinsos Kota Palembang, Drs. H. Faisal, M.Si., di "
    "ruang rapat, Kamis (16/5/2024).",
    '"Jumlahnya terus berkurang," ujar Faisal berdasarkan keterangannya di Palembang, Kamis (16/5/2024).',
    "Data itu dipaparkan Faisal saat ditemui di kantor Dinas Sosial, Kamis (16/5/2024).",
    "Dari data Dinas Sosial per 16 Mei 2024, sebanyak 86 panti asuhan sudah berizin.",
])
def test_day_of_a_statement_or_of_figures_reports_no_activity(attribution: str) -> None:
    assert events_of(document(
        "Panti Asuhan di Palembang Terus Berkurang",
        "PALEMBANG - Jumlah panti asuhan yang dikelola masyarakat di Kota Palembang terus berkurang.",
        attribution,
    )) == []


def test_statement_made_at_an_occasion_dates_it() -> None:
    analysis = analyse(document(
        "Panti Asuhan di Palembang Terus Berkurang",
        "PALEMBANG - Jumlah panti asuhan yang dikelola masyarakat di Kota Palembang terus berkurang.",
        '"Panti asuhan terus berkurang," kata Wali Kota Palembang usai acara makan bersama anak Panti Asuhan Al '
        "Amin, Kamis (16/5/2024).",
    ))
    assert [(e.type, e.date) for e in analysis.events] == [("other", dt.date(2024, 5, 16))]


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


# --- real-news writing habits (invented sentences, names and places) ------------------------------------------


def events_of(doc: Document) -> list[tuple[str, dt.date | None, str]]:
    """(type, date, tense) of each event of a document that must be relevant."""
    analysis = analyse(doc)
    assert analysis.relevant
    return [(e.type, e.date, e.tense) for e in analysis.events]


def test_short_lead_paragraphs_carry_the_beneficiaries_into_relevance() -> None:
    # The 5W lead is spread over three short paragraphs; the LKS-type bodies stand only in the third.
    doc = document(
        None,
        "MANOKWARI - Dinas Sosial Provinsi Papua Barat menyalurkan bantuan permakanan Tahun Anggaran 2024.",
        "Penyerahan berlangsung di halaman kantor dinas tersebut, Kamis (12/9/2024).",
        "Bantuan ditujukan bagi anak-anak yang tinggal di panti-panti asuhan serta lembaga kesejahteraan sosial di "
        "daerah itu.",
        "Kepala dinas, Yohanis Rumbewas, berharap bantuan itu meringankan beban pengasuh.",
        published=dt.date(2024, 9, 12))
    assert events_of(doc) == [("aid_distribution", dt.date(2024, 9, 12), "past")]


def test_one_late_passing_orphanage_does_not_make_a_bansos_story_relevant() -> None:
    doc = document(
        "Dinsos Salurkan Beras ke 300 Keluarga",
        "TEGAL - Dinas Sosial Kota Tegal menyalurkan bantuan beras kepada 300 keluarga penerima manfaat, Rabu "
        "(11/9/2024).",
        "Penyaluran dilakukan di tiga kelurahan dan berjalan tertib.",
        "Kepala Dinsos Tegal, Ratna Sari, mengatakan data penerima sudah diperbarui.",
        "Menurutnya, penyaluran tahap berikutnya dijadwalkan bulan depan.",
        "Sebelumnya dinas juga pernah menyalurkan bantuan ke sebuah panti asuhan.")
    assert analyse(doc).relevant is False


def people_served(where: str) -> Document:
    return document(
        "Bupati Serahkan Bantuan Sandang bagi Anak Disabilitas",
        "MASAMBA - Bupati Luwu Utara menyerahkan bantuan sandang kepada anak penyandang disabilitas dan anak "
        f"terlantar binaan {where}, di Kantor Bupati, Jumat (30/8/2024).",
        "Bantuan ini merupakan kegiatan Dinas Sosial yang dilaksanakan setiap tahun.",
        "Jumlah anak penyandang disabilitas sebanyak 125 jiwa yang tersebar di 15 kecamatan.",
        published=dt.date(2024, 9, 2))


def test_homes_named_as_where_the_people_served_are_not_make_no_lks_story() -> None:
    assert analyse(people_served("di luar lembaga kesejahteraan sosial anak (LKSA)/panti")).relevant is False
    assert analyse(people_served("baik di dalam maupun di luar lembaga kesejahteraan sosial anak (LKSA)/panti")).relevant


def test_foundations_for_neglected_people_make_an_aid_story_relevant() -> None:
    doc = document(
        "Pemkot Salurkan Bantuan Permakanan ke 12 Yayasan",
        "CIMAHI - Wakil Wali Kota Cimahi menyerahkan bantuan permakanan secara simbolis bagi 12 yayasan, Selasa "
        "(4/6/2024).",
        "Yayasan yang menerima adalah yayasan untuk anak terlantar, lansia terlantar dan penyandang disabilitas.",
        "Sebanyak 800 penerima manfaat dari 12 yayasan tersebut mendapat paket beras dan lauk pauk.",
        published=dt.date(2024, 6, 4))
    assert events_of(doc) == [("aid_distribution", dt.date(2024, 6, 4), "past")]


def test_a_sentence_opening_with_an_awaited_occasion_reports_its_main_clause_as_done() -> None:
    doc = document(
        "Jelang Jambore Nasional, Dinsos Bina Anak Panti",
        "SOLOK — Jelang pelaksanaan Jambore LKSA tingkat nasional yang akan berlangsung di Kota Padang, Sabtu - Senin "
        "(12-14/8) mendatang, Dinas Sosial Kota Solok melakukan pembinaan kepada LKSA Panti Asuhan Nurul Huda, "
        "Rabu (9/8).",
        "Kepala Dinas Sosial, Hendra Putra, hadir langsung membina anak-anak panti yang akan ikut jambore.",
        published=None)
    # No year anywhere and no publication date: the tense comes from the sentence alone.
    assert ("training", None, "past") in events_of(doc)


def test_a_meeting_someone_organised_beside_an_announced_visit_is_its_own_event() -> None:
    doc = document(
        "Dinsos Siap Sambut Kunjungan Tim Penilai LKS Teladan",
        "Dinas Sosial Kota Langsa mematangkan persiapan menyambut Tim Penilai LKS Teladan Nasional tahun 2019. "
        "Kunjungan tim itu guna melihat langsung kiprah dua LKS yang masuk 15 besar nasional.",
        "Kepala Dinas Sosial Kota Langsa, Ahmad Yani, kepada wartawan, Jumat (13/9/2019), mengatakan hari ini ia "
        "menggelar pertemuan informal dengan pengurus kedua LKS tersebut.",
        published=dt.date(2019, 9, 13))
    assert "coordination_meeting" in [kind for kind, _, _ in events_of(doc)]


def test_aid_that_is_sought_or_pretended_is_no_hand_over() -> None:
    doc = document(
        "Puluhan Panti Asuhan Berkedok Donasi, Dinsos Ancam Cabut Izin",
        "Kepala Dinas Sosial Provinsi Riau, Rahmat Hidayat, mengungkap banyak panti asuhan beroperasi tanpa izin "
        "dan hanya mencari keuntungan dari donasi masyarakat.",
        "Menurut dia, lembaga kesejahteraan sosial anak (LKSA) yang belum terdaftar akan ditertibkan.",
        "\"Panti yang modus donasi seperti ini akan kami tindak,\" ujarnya.")
    assert "aid_distribution" not in [kind for kind, _, _ in events_of(doc)]


@pytest.mark.parametrize("occasion", [
    "menggelar khitanan massal bagi 40 anak panti asuhan",
    "melakukan peletakan batu pertama gedung baru panti asuhan",
    "menggelar pentas seni anak-anak panti asuhan",
    "menggelar terminasi bagi 25 warga binaan panti sosial bina netra",
])
def test_circumcisions_groundbreakings_and_shows_of_a_welfare_body_are_other_occasions(occasion: str) -> None:
    doc = document(
        None,
        f"GORONTALO - Lembaga Koordinasi Kesejahteraan Sosial (LKKS) Provinsi Gorontalo {occasion}, Sabtu "
        "(14/9/2024).",
        "Kegiatan itu terlaksana berkat bantuan donatur dan berbagi bersama warga sekitar panti.",
        "Ketua LKKS Gorontalo, Hj. Rahmawati, berharap kegiatan serupa dapat terus dilakukan bersama LKS lainnya.",
        published=dt.date(2024, 9, 14))
    # The occasion itself is the main event, ahead of the donors' help mentioned with it.
    assert events_of(doc)[0] == ("other", dt.date(2024, 9, 14), "past")


def test_money_programmes_and_efforts_named_after_training_are_no_training() -> None:
    doc = document(
        "Pemkab Perhatikan LKS",
        "BONE - Kepala Dinas Sosial Bone, Andi Salam, meninjau lembaga kesejahteraan sosial (LKS) Al Ikhlas, Kamis "
        "(5/9/2024).",
        "Pemkab memberikan dana pembinaan melalui bagian sosial setda kepada 12 LKS yang terdaftar.",
        "Menurut Andi, program pelatihan dan upaya peningkatan kompetensi pengasuh panti juga menjadi perhatian.",
        published=dt.date(2024, 9, 5))
    assert [kind for kind, _, _ in events_of(doc)] == ["visit"]


def test_how_a_home_lives_on_donors_is_no_hand_over() -> None:
    doc = document(
        "Panti Asuhan Nurul Iman Gelar Syukuran",
        "BATAM - Panti Asuhan Nurul Iman di Sagulung menggelar syukuran ulang tahun ke-10, Selasa (3/9/2024).",
        "Panti yang menampung 40 anak itu sering disantuni warga, kerap menerima bantuan dari donatur dan hanya "
        "mengandalkan bantuan masyarakat untuk makan sehari-hari.",
        "Pengelola panti, Siti Aminah, berharap pemerintah ikut memperhatikan panti tersebut.",
        published=dt.date(2024, 9, 3))
    assert [kind for kind, _, _ in events_of(doc)] == ["other"]


def test_the_meals_programme_is_aid() -> None:
    doc = document(
        "Kadinsos Dampingi Pemberian Permakanan Lansia LKS Kadar",
        "BIMA - Kepala Dinas Sosial Kota Bima turun langsung saat launching program, sekaligus mendampingi proses "
        "pemberian permakanan bagi lansia binaan Lembaga Kesejahteraan Sosial (LKS) Kadar, Senin (16/1/2023).",
        "Program permakanan LKS itu kini mengakomodir 10 orang lansia di Kota Bima.",
        published=dt.date(2023, 1, 16))
    assert events_of(doc)[0] == ("aid_distribution", dt.date(2023, 1, 16), "past")


def test_a_crime_partys_visit_is_the_incidents_not_the_reported_activity() -> None:
    doc = document(
        "Tim Balai Kemensos Kunjungi Panti Asuhan Pasca Penganiayaan",
        "MAKASSAR (12 Mei 2022) - Balai Rehabilitasi Sosial Kementerian Sosial merespon kejadian di Panti Asuhan "
        "Harapan Bunda.",
        "Kejadian bermula pada hari Senin tanggal 9 Mei 2022. Pelaku mendatangi Panti Asuhan tersebut untuk "
        "menagih utang kepada pengurus panti.",
        "Menerima laporan tersebut, tim Balai langsung mendatangi panti dan berkoordinasi dengan Dinas Sosial.",
        published=None)
    assert ("visit", dt.date(2022, 5, 12), "past") in events_of(doc)


def test_funds_handed_over_are_aid_and_what_they_pay_for_is_its_topic() -> None:
    doc = document(
        "Gubernur Serahkan Bantuan untuk Panti Asuhan",
        "Gubernur Sumatera Barat menyerahkan dana bantuan operasional pengembangan kapasitas untuk Lembaga "
        "Kesejahteraan Sosial Anak (LKSA) sebesar Rp500 juta di Padang, Senin (3/3/2025).",
        "Menurut dia, LKSA perlu terus berbenah agar pelayanan kepada anak semakin baik.")
    assert [kind for kind, _, _ in events_of(doc)] == ["aid_distribution"]


def test_an_opening_counts_when_what_it_opens_is_a_welfare_bodys() -> None:
    lksa = ("Ia menyerahkan bantuan kepada Lembaga Kesejahteraan Sosial Anak (LKSA) Harapan Bunda. Bantuan "
            "diterima Ketua LKSA.")
    elsewhere = document("Menteri Serahkan Bantuan untuk LKSA",
                         "Menteri Sosial meresmikan Gedung Pusat Edukasi NAPZA di Mataram, Senin (3/3/2025). " + lksa)
    assert "other" not in [kind for kind, _, _ in events_of(elsewhere)]
    own = document("Menteri Serahkan Bantuan untuk LKSA",
                   "Menteri Sosial meresmikan gedung baru Panti Asuhan Harapan Bunda di Mataram, Senin (3/3/2025). "
                   + lksa)
    assert "other" in [kind for kind, _, _ in events_of(own)]


def test_a_day_before_web_news_is_history_not_the_activitys() -> None:
    doc = document(
        "Dinsos Sosialisasikan Panti Sosial Bina Netra",
        "Dinas Sosial Provinsi menggelar sosialisasi Panti Sosial Bina Netra kepada warga di Balai Latihan Kerja.",
        "Panti Sosial Bina Netra itu didirikan pada tanggal 3 Januari 1962 dan mulai beroperasi pada 1 Juli 1962.",
        published=None)
    assert events_of(doc) == [("training", None, "past")]


def test_a_yearless_day_in_the_lead_stays_unknown_unless_stated_again_in_full() -> None:
    visit = ("Bupati Tapanuli Selatan mengunjungi Panti Asuhan Al-Hijrah dan bersedekah kepada anak-anak panti, "
             "Sabtu (25/6).")
    quote = "\"Napak tilas ke panti-panti asuhan ini meneruskan kebiasaan almarhum papa,\" kata Bupati."
    history = "Kebiasaan itu diajarkan almarhum ayahnya yang wafat pada Rabu, 30 Desember 2020 lalu."
    assert events_of(document("Bupati Kunjungi Panti Asuhan", visit, quote, history, published=None)) == [
        ("visit", None, "past")]
    restated = "Kunjungan ke panti asuhan itu dilakukan Sabtu (25/6/2022) pagi."
    assert events_of(document("Bupati Kunjungi Panti Asuhan", visit, quote, history, restated,
                              published=None)) == [
        ("visit", dt.date(2022, 6, 25), "past")]


def test_the_peak_of_a_welfare_day_is_its_ceremony_held() -> None:
    lead = ("peringatan Hari Kesetiakawanan Sosial Nasional (HKSN) tahun 2023 tingkat Pemerintah Kabupaten Bintan "
            "dilaksanakan di Gedung MTQ, Kamis (30/11/2023).")
    awards = ("Bupati memberikan apresiasi kepada pilar-pilar sosial, mulai dari Tagana, Pendamping Lansia, LKS LU "
              "hingga LKS Anak.")
    visit = ("Ketua LKKS Bintan menyebut, beberapa waktu lalu dirinya dengan sigap langsung mengunjungi lokasi anak "
             "terlantar.")
    assert main_event(document(None, "Puncak " + lead, awards, visit)).type == "other"
    assert main_event(document(None, "P" + lead[1:], awards, visit)).type == "visit"


def test_a_plan_in_the_headline_comes_after_the_training_the_body_reports() -> None:
    doc = document(
        "Akreditasi Panti Sosial di Riau akan Dilakukan Secara Bertahap",
        "PEKANBARU - Dinas Sosial Provinsi Riau berupaya untuk melakukan akreditasi panti-panti sosial yang tersebar "
        "di seluruh wilayah Riau.",
        "Pada permulaan ini, Dinas Sosial telah memberikan bimbingan teknis bagi Lembaga Kesejahteraan Sosial (LKS) "
        "dari kabupaten dan kota se-Riau sejak Rabu (9/8/2017) lalu.",
        "\"Ke depannya secara bertahap panti-panti akan dilakukan akreditasi,\" kata Kepala Dinas Sosial.",
        published=dt.date(2017, 8, 12))
    assert events_of(doc) == [("training", dt.date(2017, 8, 9), "past"), ("accreditation", None, "future")]


def test_a_licence_revoked_is_licensing() -> None:
    doc = document(None, "PEKANBARU - Dinas Sosial Provinsi Riau mencabut izin Panti Asuhan Tunas Bangsa di Kecamatan "
                         "Tenayan Raya, Senin (30/1/2017).", published=dt.date(2017, 1, 31))
    assert events_of(doc) == [("accreditation", dt.date(2017, 1, 30), "past")]


def test_a_threat_after_a_condition_announces_nothing() -> None:
    visit = ("Kepala Dinas Sosial mengunjungi Lembaga Kesejahteraan Sosial Anak (LKSA) Harapan Bunda untuk memantau "
             "pengasuhan anak, Selasa (20/5/2024).")
    threat = "Bilamana ditemukan kasus kekerasan, Kepala Dinas menegaskan pihaknya bakal mencabut izin LKSA tersebut."
    assert [kind for kind, _, _ in events_of(document(None, visit, threat))] == ["visit"]
    plan = "Kepala Dinas menegaskan pihaknya bakal mencabut izin LKSA lain yang menelantarkan anak."
    assert [kind for kind, _, _ in events_of(document(None, visit, plan))] == ["visit", "accreditation"]


def test_the_dot_of_a_long_title_ends_no_sentence() -> None:
    planned = "Bupati Kendal akan bersama Kombespol. Budi Santoso menyalurkan bantuan kepada Panti Asuhan Harapan Bunda."
    assert events_of(document(None, planned)) == [("aid_distribution", None, "future")]
    hoped = "Bupati Kendal berharap Ustadzah. Siti Aminah menyalurkan bantuan kepada Panti Asuhan Harapan Bunda."
    assert events_of(document(None, hoped)) == []


def test_the_dot_of_an_acting_prefix_keeps_the_occasion_in_its_sentence() -> None:
    doc = document(
        None,
        "Plt. Sekda Kalteng melakukan anjangsana ke Lembaga Kesejahteraan Sosial Lanjut Usia Mutiara Hati, Rabu "
        "(13/8/2025).",
        "Anjangsana yang dilaksanakan di panti sosial itu merupakan rangkaian peringatan hari jadi provinsi tahun ini.",
        "Mendampingi Sekda pada kegiatan itu antara lain staf ahli gubernur dan kepala dinas sosial provinsi.",
        "Pada kesempatan ini, Plt. Sekda secara simbolis menyerahkan bantuan kebutuhan pokok kepada 10 perwakilan "
        "lansia.",
        published=None)
    assert [kind for kind, _, _ in events_of(doc)] == ["visit", "aid_distribution"]


def test_a_name_cut_by_the_look_back_window_is_still_no_announcement() -> None:
    lead = ("Ibu Ketua TP PKK didampingi Kepala Dinas Pengendalian Penduduk dan Keluarga Berencana, dan Sekretaris "
            "Dinas Tenaga Kerja dan Transmigrasi Prov. NTB, sambangi Yayasan Peduli Anak di Desa Langko, Kamis "
            "(1/8/2024).")
    more = "Kunjungan ini sekaligus silaturahim dengan pengurus Lembaga Kesejahteraan Sosial Anak (LKSA) Lombok Barat."
    assert events_of(document(None, lead, more, published=None)) == [("visit", dt.date(2024, 8, 1), "past")]


def test_what_the_programme_goes_on_with_is_held() -> None:
    doc = document(
        "Wagub Safari Ramadan dan Buka Puasa bersama Anak-Anak Panti Asuhan",
        "Wakil Gubernur berbuka puasa bersama anak-anak Lembaga Kesejahteraan Sosial Anak (LKSA) Harapan Bunda di "
        "Agropark, Senin (10/3/2025).",
        "Sebelumnya anak-anak berkeliling kawasan Agropark, memanen anggur, serta meninjau tanaman hidroponik.",
        "Acara kemudian dilanjutkan dengan penyerahan paket sembako secara simbolis kepada pengurus panti asuhan.",
        published=dt.date(2025, 3, 11))
    assert ("aid_distribution", dt.date(2025, 3, 10), "past") in events_of(doc)


def test_older_and_regional_names_of_the_coordinating_body_make_an_article_relevant() -> None:
    doc = document(
        "BK3S Provinsi Bali Peringati Hari Jadi",
        "DENPASAR - Badan Koordinasi dan Kegiatan Kesejahteraan Sosial (BK3S) Provinsi Bali memperingati hari jadinya "
        "yang ke-40 di Denpasar, Sabtu (14/9/2024).",
        "Ketua BK3S Bali, Made Sukerta, mengajak 25 orsos anggota terus aktif.",
        published=dt.date(2024, 9, 16))
    analysis = analyse(doc)
    assert analysis.relevant
    assert [(e.type, e.date, e.tense) for e in analysis.events] == [("other", dt.date(2024, 9, 14), "past")]
    assert analysis.events[0].organizations[0].kind == "LKKS"


def test_without_a_day_in_the_lead_the_day_stated_with_the_act_beats_a_comment_day() -> None:
    doc = document(
        None,
        "PADANG - Anggota DPRD Sumbar mengapresiasi Pemprov Sumbar yang membagikan bantuan permakanan untuk 40 "
        "Lembaga Kesejahteraan Sosial Anak (LKSA).",
        "Menurut dia, perhatian itu penting bagi panti asuhan.",
        "\"Kami mendukung langkah gubernur,\" ujar dia, Minggu (12/9/2021).",
        "Diberitakan sebelumnya, penyerahan bantuan dilakukan secara simbolis di Panti Asuhan Aisyiyah Padang, "
        "Jumat (10/9/2021).",
        published=dt.date(2021, 9, 13))
    assert events_of(doc) == [("aid_distribution", dt.date(2021, 9, 10), "past")]


def test_a_verb_after_an_activity_name_is_what_was_done_not_its_topic() -> None:
    doc = document(
        None,
        "MEDAN - Dharma Wanita Persatuan Kota Medan menggelar kegiatan bakti sosial mengunjungi Panti Sosial Lanjut "
        "Usia Harapan Kita, Jumat (18/10/2019).",
        "Kegiatan itu digelar dalam rangka HUT DWP ke-20.",
        published=dt.date(2019, 10, 19))
    assert "visit" in [kind for kind, _, _ in events_of(doc)]


@pytest.mark.parametrize("sentence", [
    "Yayasan itu memiliki kebun yang menjadi tempat pelatihan keterampilan bagi anak asuh.",
    "Panti Asuhan Nurul Falah memiliki visi, membina anak yatim dan anak terlantar agar mandiri.",
])
def test_what_a_body_is_for_is_no_activity(sentence: str) -> None:
    doc = document(
        None,
        "MUARA ENIM - Lembaga Kesejahteraan Sosial Anak (LKSA) Panti Asuhan Nurul Falah di Kecamatan Lawang Kidul "
        "kini mengasuh 30 anak.",
        sentence,
        published=dt.date(2024, 9, 4))
    assert "training" not in [kind for kind, _, _ in events_of(doc)]


def test_a_drug_rehabilitation_lks_is_relevant_however_often_drugs_are_named() -> None:
    doc = document(
        None,
        "LHOKSEUMAWE - Dinas Sosial Kota Lhokseumawe menggelar pertemuan Institusi Penerima Wajib Lapor (IPWL), "
        "Selasa (3/9/2024), di aula dinas.",
        "Kepala bidang rehabilitasi sosial mengatakan kasus narkoba di kota itu terus naik.",
        "Pecandu narkoba perlu direhabilitasi, dan korban narkoba perlu didampingi keluarga.",
        published=dt.date(2024, 9, 4))
    assert analyse(doc).relevant


def test_many_drug_words_beside_one_passing_lks_are_off_topic() -> None:
    doc = document(
        None,
        "LHOKSEUMAWE - Polres Lhokseumawe menggelar razia narkoba di tiga kecamatan, Selasa (3/9/2024).",
        "Polisi menyita narkoba jenis sabu, dan pengedar narkoba ditahan; salah satunya pengurus LKS setempat.",
        published=dt.date(2024, 9, 4))
    assert not analyse(doc).relevant


@pytest.mark.parametrize(("lead", "kind"), [
    ("Dinas Sosial Kota Madiun menggelar kegiatan penguatan sumber daya manusia (SDM) bagi pengurus Lembaga "
     "Kesejahteraan Sosial (LKS), Selasa (10/9/2024).", "training"),
    # Advocacy is none of the contract's named activities (training lists pembinaan, bimtek, pelatihan,
    # sosialisasi, workshop, peningkatan kapasitas), so it is an LKS activity of type "other".
    ("Balai Rehabilitasi Sosial Kemensos melakukan advokasi pembentukan Lembaga Kesejahteraan Sosial (LKS) "
     "lanjut usia di Kabupaten Sumba Timur, Selasa (10/9/2024).", "other"),
    ("Dinas Sosial Kabupaten Sigi melakukan pemetaan Lembaga Kesejahteraan Sosial (LKS) lanjut usia di tiga "
     "kecamatan, Selasa (10/9/2024).", "visit"),
    ("Bupati Aceh Tamiang beranjangsana ke Panti Asuhan Nurul Huda di Karang Baru, Selasa (10/9/2024).", "visit"),
    ("Forum LKSA Provinsi Jambi menggelar acara konsolidasi pengurus LKSA se-Jambi di Kota Jambi, Selasa "
     "(10/9/2024).", "coordination_meeting"),
    ("Forum Nasional LKSA menggelar Rapimnas di Kabupaten Banyuwangi, Selasa (10/9/2024), dihadiri pengurus "
     "LKSA dari berbagai provinsi.", "coordination_meeting"),
    ("Dinas Sosial Provinsi Maluku menggelar kegiatan Koordinasi, Sinkronisasi dan Pembinaan Pengelola Panti "
     "Sosial Anak di Ambon, Selasa (10/9/2024).", "coordination_meeting"),
])
def test_activities_named_in_other_words(lead: str, kind: str) -> None:
    doc = document(None, lead, "Kegiatan itu diikuti para pengurus LKS dan pengelola panti asuhan.",
                   published=dt.date(2024, 9, 10))
    assert events_of(doc)[0] == (kind, dt.date(2024, 9, 10), "past")


def test_a_further_activity_of_the_same_occasion_is_a_second_event() -> None:
    doc = document(
        None,
        "SALATIGA - LKKS Kota Salatiga menggelar Musyawarah Daerah (Musda) di Gedung Pertemuan Daerah, Sabtu "
        "(7/9/2024).",
        "Musda memilih ketua baru untuk masa bakti 2024-2029.",
        "Dalam kesempatan tersebut juga diserahkan bantuan dari sebuah bank daerah untuk 15 LKS se-Salatiga.",
        published=dt.date(2024, 9, 9))
    assert events_of(doc) == [("deliberation", dt.date(2024, 9, 7), "past"),
                              ("aid_distribution", dt.date(2024, 9, 7), "past")]


@pytest.mark.parametrize("setting", [
    # The occasion named by its own word, and a hand-over told with an adverb between.
    "Pada anjangsana tersebut, Wakil Bupati menyerahkan bantuan sembako kepada pengurus panti.",
    "Pada kesempatan itu, Sekda secara simbolis menyerahkan bantuan sembako kepada pengurus panti.",
])
def test_a_hand_over_on_the_named_occasion_is_a_second_event(setting: str) -> None:
    doc = document(
        None,
        "SENGKANG - Pemerintah Kabupaten Wajo melakukan anjangsana ke Panti Asuhan Darul Hikmah, Rabu (14/8/2024).",
        "Anjangsana itu digelar menjelang peringatan kemerdekaan dan dihadiri pejabat dinas sosial.",
        setting,
        published=dt.date(2024, 8, 15))
    assert events_of(doc) == [("visit", dt.date(2024, 8, 14), "past"),
                              ("aid_distribution", dt.date(2024, 8, 14), "past")]


def test_the_aim_of_an_occasion_is_no_further_activity() -> None:
    doc = document(
        None,
        "DUMAI - Wali Kota Dumai mengunjungi dua panti asuhan di Kecamatan Dumai Barat, Kamis (5/9/2024).",
        "Ia mengatakan pada kunjungan itu pihaknya datang untuk melakukan pembinaan kepada pengurus panti.",
        published=dt.date(2024, 9, 6))
    assert events_of(doc) == [("visit", dt.date(2024, 9, 5), "past")]


def test_things_explained_on_the_occasion_are_not_further_activities() -> None:
    doc = document(
        None,
        "KUPANG - Dinas Sosial Provinsi NTT menggelar sosialisasi pembentukan LKS bagi pengurus yayasan, Senin "
        "(9/9/2024).",
        "Selain itu, narasumber juga menjelaskan tahapan pendirian LKS, mulai dari akta notaris, susunan "
        "pengurus, hingga izin operasional dari dinas.",
        published=dt.date(2024, 9, 9))
    assert events_of(doc) == [("training", dt.date(2024, 9, 9), "past")]


def test_negated_state_and_programme_mentions_are_not_events() -> None:
    doc = document(
        "Pemkab Tidak Lagi Bantu Panti, Forum LKSA Cari Mitra",
        "BATANG - Sejak 2022 panti asuhan di Kabupaten Batang tidak lagi mendapat bantuan dari APBD.",
        "Forum LKSA Kabupaten Batang menggelar rapat koordinasi di Aula Kecamatan Subah, Jumat (6/9/2024).",
        "Peserta rapat merupakan LKSA yang sudah mengikuti akreditasi. Mereka membahas tiga klaster pembinaan "
        "anak tanpa sosialisasi tambahan.",
        published=dt.date(2024, 9, 7))
    assert [kind for kind, _, _ in events_of(doc)] == ["coordination_meeting"]


def test_a_mid_article_subheading_does_not_weigh_like_the_lead() -> None:
    doc = document(
        None,
        "WONOSOBO - Bupati Wonosobo mengukuhkan pengurus LKKS Kabupaten Wonosobo periode 2024-2029, Senin "
        "(2/9/2024).",
        "Bupati berpesan agar pengurus segera bekerja.",
        "Tiga Klaster Pembinaan Sosial",
        "Ketua LKKS menjelaskan fokus pembinaan anak, pembinaan lansia dan pembinaan keluarga rentan.",
        published=dt.date(2024, 9, 3))
    assert [kind for kind, _, _ in events_of(doc)] == ["inauguration"]


def test_a_future_word_in_an_office_name_or_about_another_activity_keeps_the_report_past() -> None:
    doc = document(
        None,
        "BLITAR - Dinas Sosial, Pengendalian Penduduk dan Keluarga Berencana Kota Blitar melaksanakan pengukuhan "
        "pengurus LKKS Kota Blitar di Balai Kota, Rabu (4/9/2024).",
        "Usai pengukuhan, Wali Kota Blitar menyatakan pemkot akan terus mendampingi LKKS yang dikukuhkan hari itu.",
        published=dt.date(2024, 9, 4))
    assert events_of(doc) == [("inauguration", dt.date(2024, 9, 4), "past")]


def test_an_activity_announced_after_its_name_is_future() -> None:
    doc = document(
        None,
        "BARRU - Musyawarah Daerah LKKS Kabupaten Barru akan digelar di Gedung Kesenian pada Kamis (26/9/2024).",
        "Ketua LKKS Barru, Andi Tenri, mengatakan panitia sudah menyiapkan tata tertib musda.",
        published=dt.date(2024, 9, 10))
    assert events_of(doc) == [("deliberation", dt.date(2024, 9, 26), "future")]


def test_an_activity_a_meeting_decided_to_hold_is_announced() -> None:
    doc = document(
        None,
        "BARRU - Pengurus LKKS Kabupaten Barru menggelar rapat koordinasi di kantor LKKS, Kamis (12/9/2024).",
        "Dalam rapat tersebut juga diputuskan untuk melakukan pengukuhan pengurus baru pada awal Oktober.",
        published=dt.date(2024, 9, 12))
    assert events_of(doc) == [("coordination_meeting", dt.date(2024, 9, 12), "past"),
                              ("inauguration", None, "future")]


def test_without_publication_date_reported_verbs_make_the_tense_past() -> None:
    doc = document(
        None,
        "Singaraja (Antara Bali) - Pemerintah Kabupaten Buleleng membantu kebutuhan pangan anak di empat panti asuhan "
        "atau Lembaga Kesejahteraan Sosial Anak (LKSA) setempat.",
        "Bantuan itu diserahkan langsung oleh Bupati Buleleng di Singaraja, Jumat.",
        published=None)
    assert events_of(doc) == [("aid_distribution", None, "past")]


def test_a_vague_time_borrows_no_date_from_the_byline_or_an_interview() -> None:
    doc = document(
        None,
        "Kamis, 12 September 2024 10:15 WIB",
        "JAMBI (KabarJambi) - Musyawarah pengurus Forum Wilayah LKSA Provinsi Jambi memilih Rudi Hartono sebagai "
        "ketua periode 2024-2029, baru-baru ini di aula Dinas Sosial Provinsi Jambi.",
        "Kepada wartawan, Kamis (12/9/2024), Rudi menyampaikan terima kasih kepada forda yang telah memilihnya.",
        "Ia meminta pengurus LKSA dan panti asuhan menjaga amanah bantuan pemerintah.",
        published=dt.date(2024, 9, 12))
    assert events_of(doc) == [("deliberation", None, "past")]


def test_the_url_slug_stands_in_for_a_missing_headline() -> None:
    doc = Document(
        paragraphs=[Paragraph(index=0, text="BANTUL - Wakil Bupati Bantul mengukuhkan pengurus LKKS Kabupaten Bantul "
                                             "periode 2024-2029 di Pendopo Parasamya, Senin (2/9/2024)."),
                    Paragraph(index=1, text="Ketua LKKS menyebut pembinaan LKS sebagai program utama, termasuk "
                                            "pembinaan pengurus dan pembinaan relawan.")],
        url="https://kabarbantul.example/2024/09/02/pengurus-lkks-bantul-dikukuhkan-wabup",
        published=dt.date(2024, 9, 2))
    assert events_of(doc)[0] == ("inauguration", dt.date(2024, 9, 2), "past")


@pytest.mark.parametrize(("url", "title"), [
    ("https://x.example/2025/11/26/lkks-kendal-dikukuhkan-bupati-tekankan-pelayanan/", "lkks kendal dikukuhkan bupati "
                                                                                     "tekankan pelayanan"),
    ("https://x.example/post/BK3S%20DKI%20Jakarta%20Peringati%20HUT%20Ke51/14711", "BK3S DKI Jakarta Peringati HUT Ke51"),
    ("https://x.example/read/news/2025-02-17-musda-lkks-riau-pilih-ketua.html", "musda lkks riau pilih ketua"),
    ("https://x.example/?p=55610", None),
    ("https://x.example/23838-2", None),
    (None, None),
])
def test_slug_title(url: str | None, title: str | None) -> None:
    assert slug_title(url) == title


@pytest.mark.parametrize("lead", [
    "RANGKASBITUNG - Tak lama setelah dilantik pada Senin (9/9/2024), pengurus LKKS Kabupaten Lebak langsung "
    "menyusun program kerja bersama LKS setempat.",
    "RANGKASBITUNG - Pengurus LKKS Kabupaten Lebak yang dilantik Senin (9/9/2024) tidak hanya berasal dari unsur "
    "LKS, tetapi juga akademisi.",
])
def test_affirming_phrases_with_a_negation_word_keep_the_event(lead: str) -> None:
    doc = document(None, lead, "Ketua LKKS Lebak, Hendra Wijaya, berjanji merangkul seluruh LKS.",
                   published=dt.date(2024, 9, 10))
    assert events_of(doc) == [("inauguration", dt.date(2024, 9, 9), "past")]


def test_a_habit_in_the_lead_is_not_the_reported_activity() -> None:
    doc = document(
        None,
        "SLEMAN - LKKS Kabupaten Sleman menggelar rapat kerja di Pendopo Parasamya, Rabu (2/10/2024).",
        "Selain itu, LKKS juga rutin menyalurkan bantuan kepada panti asuhan setiap bulan.",
        published=dt.date(2024, 10, 3))
    assert events_of(doc) == [("coordination_meeting", dt.date(2024, 10, 2), "past")]


TUESDAY = dt.date(2024, 10, 8)


@pytest.mark.parametrize("paragraphs", [
    ["KUPANG (ANTARA) - Dinas Sosial Provinsi NTT akan menyalurkan bantuan permakanan kepada 40 panti asuhan di "
     "Kota Kupang, kata Kepala Dinas Sosial NTT Maria Kleden di Kupang, Senin.",
     "Menurut dia, setiap LKSA yang memenuhi syarat akan mendapatkan bantuan sebesar Rp50 juta.",
     "Bantuan itu nantinya akan disalurkan langsung ke rekening masing-masing panti asuhan, ujarnya."],
    ["MAROS - Pemerintah Kabupaten Maros menganggarkan Rp2 miliar dalam APBD 2025 untuk bantuan operasional 25 "
     "panti asuhan dan LKSA.",
     "Kepala Dinas Sosial Maros, Andi Tenri, mengatakan calon penerima bantuan sudah didata. \"Setelah "
     "verifikasi, dana bantuan akan dicairkan bertahap ke LKSA,\" katanya, Senin (7/10/2024)."],
    ["MAMUJU - Pemprov Sulbar berencana menggelar pelatihan bagi 100 pengasuh panti asuhan dan LKSA tahun depan.",
     "Kepala Dinas Sosial Sulbar, Andi Mansyur, mengatakan pelatihan akan difokuskan pada standar pengasuhan. "
     "\"Pelatihannya nanti akan dilaksanakan bertahap,\" ujarnya di Mamuju, Senin (7/10/2024)."],
])
def test_a_plan_story_is_future_and_takes_no_date_from_the_statement(paragraphs: list[str]) -> None:
    events = events_of(document(None, *paragraphs, published=TUESDAY))
    assert len(events) == 1
    assert events[0][1:] == (None, "future")


def test_a_plan_told_with_its_own_day_keeps_that_day() -> None:
    doc = document(None, "KENDARI - Pengurus LKKS Sulawesi Tenggara masa bakti 2024-2029 akan dilantik Gubernur pada "
                         "Senin (14/10/2024) di Aula Bahteramas.",
                   "Hal itu disampaikan Sekretaris LKKS Sultra, Rudi Hartono, di Kendari, Senin (7/10/2024).",
                   published=TUESDAY)
    assert events_of(doc) == [("inauguration", dt.date(2024, 10, 14), "future")]


@pytest.mark.parametrize("promise", [
    "Dalam kunjungan itu, bupati menegaskan pemerintah akan terus melakukan pembinaan terhadap LKS dan panti asuhan.",
    "Bupati juga berjanji akan selalu mendukung pelatihan bagi pengasuh panti asuhan.",
    "Pemkab, kata dia, berkomitmen menyelenggarakan bimbingan teknis bagi pengurus LKS.",
])
def test_a_promise_to_keep_doing_something_is_no_activity(promise: str) -> None:
    doc = document(None, "BLITAR - Bupati Blitar mengunjungi Panti Asuhan Al Hikmah di Kecamatan Wlingi, Senin "
                         "(7/10/2024).", promise, published=TUESDAY)
    assert events_of(doc) == [("visit", dt.date(2024, 10, 7), "past")]


@pytest.mark.parametrize("handed", [
    "Kepala Dinas Sosial menjelaskan, bantuan yang diserahkan kepada panti asuhan itu berupa beras 200 kg dan mi "
    "instan.",
    "Adapun bentuk bantuan yang diberikan ke panti asuhan yaitu beras, gula pasir dan minyak goreng.",
    "Santunan yang dibagikan bagi 60 anak asuh itu berasal dari zakat ASN Pemkab Blitar.",
])
def test_aid_handed_over_during_a_visit_is_a_second_event(handed: str) -> None:
    doc = document(None, "BLITAR - Bupati Blitar bersama Ketua LKKS Blitar mengunjungi Panti Asuhan Al Hikmah di "
                         "Kecamatan Wlingi, Senin (7/10/2024).", handed, "Bupati berharap panti asuhan terus berbenah.",
                   published=TUESDAY)
    assert {kind for kind, _, _ in events_of(doc)} == {"visit", "aid_distribution"}


def test_aid_merely_hoped_for_or_compared_is_not_handed_over() -> None:
    doc = document(None, "BLITAR - Bupati Blitar bersama Ketua LKKS Blitar mengunjungi Panti Asuhan Al Hikmah di "
                         "Kecamatan Wlingi, Senin (7/10/2024).",
                   "Semoga bantuan yang diberikan pemerintah selama ini bermanfaat, kata bupati. Bantuan makanan yang "
                   "diberikan Pemda pun bisa saja dihentikan bila data panti tidak jujur.", published=TUESDAY)
    assert [kind for kind, _, _ in events_of(doc)] == ["visit"]


@pytest.mark.parametrize("done", [
    "\"Bimbingan teknis bagi pengurus panti asuhan dan LKSA sudah kami laksanakan bersama Kemensos,\" kata Kepala "
    "Bidang Rehabilitasi Sosial, Yulius Wenda.",
    "\"Sosialisasi standar pengasuhan kepada seluruh pengurus LKSA telah dilaksanakan,\" kata Kepala Bidang "
    "Rehabilitasi Sosial, Yulius Wenda.",
    "\"Pelatihan kepada 30 pengelola panti asuhan se-Jayapura telah dilakukan dengan materi dari Kemensos,\" ujarnya.",
])
def test_an_activity_said_to_be_done_counts_even_in_a_quote(done: str) -> None:
    doc = document(None, "JAYAPURA - Dinas Sosial Provinsi Papua mendorong 30 panti asuhan di Jayapura mengelola "
                         "anak asuh sesuai standar.", done, "Ia berharap pengurus LKSA menerapkan hasil kegiatan itu.",
                   published=None)
    assert events_of(doc) == [("training", None, "past")]


def test_activity_words_inside_a_body_name_are_no_activity() -> None:
    doc = document(None, "MAKASSAR - Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial (BBPPKS) Makassar "
                         "mengunjungi LKS Nurul Iman di Kabupaten Gowa, Kamis (3/10/2024).",
                   "Kepala balai mengatakan LKS perlu menata administrasi. Badan Akreditasi Lembaga Kesejahteraan "
                   "Sosial juga menilai kelayakan lembaga.",
                   "Pengurus LKS Nurul Iman menyambut baik kunjungan itu.", published=TUESDAY)
    assert events_of(doc) == [("visit", dt.date(2024, 10, 3), "past")]


@pytest.mark.parametrize("lead", [
    "PADANG - Ketua LKKS Sumatera Barat menyampaikan selamat atas pelantikan Andi Saputra sebagai Kepala Dinas "
    "Sosial Sumbar oleh Gubernur, Senin (7/10/2024).",
    "PADANG - LKKS Sumatera Barat mendukung penunjukan Andi Saputra sebagai Kepala Dinas Sosial Sumbar. Ia "
    "dilantik Gubernur, Senin (7/10/2024).",
])
def test_the_installation_of_a_government_official_is_not_an_lks_inauguration(lead: str) -> None:
    doc = document(None, lead, "Menurut Ketua LKKS, LKKS dan seluruh LKS siap bersinergi dengan kepala dinas yang "
                               "baru.", published=TUESDAY)
    assert "inauguration" not in [kind for kind, _, _ in events_of(doc)]


def test_a_board_installed_by_the_governor_stays_an_inauguration() -> None:
    doc = document(None, "PADANG - Gubernur Sumatera Barat melantik pengurus LKKS Sumatera Barat masa bakti "
                         "2024-2029 di Auditorium Gubernuran, Senin (7/10/2024).",
                   "Gubernur berharap LKKS menjadi mitra pemerintah.", published=TUESDAY)
    assert events_of(doc) == [("inauguration", dt.date(2024, 10, 7), "past")]


@pytest.mark.parametrize("visit", [
    "Hal itu disampaikan Direktur Rehabilitasi Sosial Anak, Rina Wulandari, ketika meninjau LKS Kasih Ibu di Kota "
    "Bogor, Jumat (4/10/2024).",
    "Rina Wulandari menyampaikan hal itu saat mengunjungi LKS Kasih Ibu di Kota Bogor pada Jumat (4/10/2024).",
])
def test_a_dated_act_is_an_event_however_much_the_article_discusses_another_topic(visit: str) -> None:
    doc = document(None, "JAKARTA - Kementerian Sosial terus mendorong lembaga kesejahteraan sosial (LKS) mengikuti "
                         "akreditasi agar layanan sesuai standar.", visit,
                   "Menurut Rina, akreditasi penting untuk mengukur mutu layanan LKS. Akreditasi dilakukan oleh tim "
                   "asesor.", "\"Akreditasi adalah bentuk pengakuan negara kepada LKS,\" ujarnya.", published=TUESDAY)
    assert ("visit", dt.date(2024, 10, 4), "past") in events_of(doc)


@pytest.mark.parametrize(("when", "date"), [
    ("pekan lalu", None),
    ("akhir bulan lalu", None),
    ("pada September lalu", None),
    ("pada September 2024", None),
    ("Jumat pekan lalu", dt.date(2024, 10, 4)),
])
def test_a_week_or_month_alone_gives_no_day(when: str, date: dt.date | None) -> None:
    doc = document(None, f"KENDARI - Dinas Sosial Sultra menggelar bimbingan teknis bagi pengurus LKS di Kendari {when}.",
                   "Hal itu disampaikan Kadinsos Sultra, Senin (7/10/2024). Sebanyak 60 pengurus LKS mengikuti bimtek.",
                   published=TUESDAY)
    assert events_of(doc) == [("training", date, "past")]


@pytest.mark.parametrize(("lead", "kind"), [
    ("Dinas Sosial menggelar FGD bersama pengurus LKS se-kabupaten", "coordination_meeting"),
    ("LKKS Kabupaten Sinjai menggelar musyawarah kabupaten untuk memilih ketua baru", "deliberation"),
    ("Dinas Sosial memberikan pembekalan kepada pengurus LKS dan pekerja sosial", "training"),
    ("Ketua LKKS mendistribusikan 200 paket beras ke panti asuhan", "aid_distribution"),
    ("Panti asuhan binaan LKKS dijenguk Ketua LKKS bersama jajaran", "visit"),
    ("Tim Kemensos mengakreditasi tiga LKS", "accreditation"),
])
def test_other_forms_of_the_activity_verbs(lead: str, kind: str) -> None:
    doc = document(None, f"SINJAI - {lead} di Sinjai, Senin (7/10/2024).", "Kegiatan itu diikuti LKS setempat.",
                   published=TUESDAY)
    assert events_of(doc)[0] == (kind, dt.date(2024, 10, 7), "past")


@pytest.mark.parametrize("background", [
    "Sebelumnya, LKKS Kota Bogor menyalurkan bantuan ke 20 panti asuhan pada Selasa (1/10/2024).",
    "LKKS Kota Bogor juga pernah menyalurkan bantuan ke 20 panti asuhan pada Selasa (13/2/2024).",
])
def test_an_earlier_dated_act_is_background(background: str) -> None:
    doc = document(None, "BOGOR - Kementerian Sosial terus mendorong lembaga kesejahteraan sosial (LKS) di Kota Bogor "
                         "mengikuti akreditasi agar layanan sesuai standar.",
                   "Menurut Direktur Rehabilitasi Sosial Anak, akreditasi penting untuk mengukur mutu layanan LKS.",
                   background, published=TUESDAY)
    assert "aid_distribution" not in [kind for kind, _, _ in events_of(doc)]


@pytest.mark.parametrize(("lead", "kind"), [
    ("Pemerintah Kota Kupang melakukan penguatan Lembaga Konsultasi Kesejahteraan Keluarga (LK3) di Aula Dinas "
     "Sosial, Kamis (12/9/2024).", "training"),
    ("Gubernur Sulawesi Utara menyerahkan bantuan Rp100 juta kepada Panti Werdha Kasih di Manado, Kamis "
     "(12/9/2024).", "aid_distribution"),
])
def test_strengthening_an_lks_and_homes_for_the_elderly(lead: str, kind: str) -> None:
    doc = document(None, lead, "Kegiatan itu dihadiri pengurus panti dan para pendamping.",
                   published=dt.date(2024, 9, 12))
    assert events_of(doc)[0] == (kind, dt.date(2024, 9, 12), "past")


def test_lks_as_a_student_leadership_training_is_not_relevant() -> None:
    doc = document(
        "LKS Tingkat Provinsi Dibuka Wagub",
        "PALEMBANG - Latihan Kepemimpinan Siswa (LKS) tingkat provinsi resmi dibuka Wakil Gubernur, Senin "
        "(9/9/2024).",
        "Peserta LKS berjumlah 70 siswa dari berbagai sekolah. Alumni LKS diharapkan menjadi pemimpin.")
    assert not analyse(doc).relevant


def test_a_summary_of_the_year_and_an_aim_after_a_future_word_are_not_events() -> None:
    doc = document(
        None,
        "DENPASAR - BKKKS Provinsi Bali menggelar Rapat Kerja (Raker) di Denpasar, Kamis (12/9/2024).",
        "Selama tahun 2024, BKKKS Bali telah memberikan bantuan kursi roda sebanyak 40 unit dan paket sembako.",
        "Raker ini akan mempermudah pengurus untuk menyalurkan bantuan kepada LKS di kabupaten.",
        published=dt.date(2024, 9, 12))
    assert events_of(doc) == [("coordination_meeting", dt.date(2024, 9, 12), "past")]


def test_the_meeting_of_a_visit_is_not_a_second_event() -> None:
    doc = document(
        None,
        "DENPASAR - Ketua BK3S Bali menerima kunjungan kerja BK3S Jawa Timur, Selasa (10/9/2024).",
        "Dalam pertemuan yang berlangsung di aula dinas sosial itu, kedua lembaga bertukar pengalaman.",
        published=dt.date(2024, 9, 10))
    assert events_of(doc) == [("visit", dt.date(2024, 9, 10), "past")]


def test_a_cue_inside_a_bodys_name_in_the_slug_is_no_event() -> None:
    doc = document(
        None,
        "METRO - Dinas Sosial Kota Metro mengadakan Bhakti Sosial Lembaga Koordinasi Kesejahteraan Sosial (LKKS) "
        "untuk fakir miskin dan lansia terlantar, Jumat (13/9/2024).",
        "Ketua LKKS Kota Metro mengatakan kegiatan itu membantu warga yang membutuhkan.",
        published=dt.date(2024, 9, 13))
    doc.url = "https://example.id/dinas-sosial-adakan-bhakti-sosial-lembaga-koordinasi-kesejahteraan-sosial-lkks/"
    assert events_of(doc) == [("aid_distribution", dt.date(2024, 9, 13), "past")]


def test_a_bakti_sosial_of_services_is_not_aid() -> None:
    doc = document(
        "LKKS Gelar Bakti Sosial",
        "Sebanyak 40 anak di Kabupaten Boalemo dikhitan secara massal pada acara Bakti Sosial yang diselenggarakan "
        "LKKS Provinsi Gorontalo, Jumat (13/9/2024).",
        "Ketua LKKS Gorontalo mengatakan kegiatan itu rutin digelar bersama LKS setempat.",
        published=dt.date(2024, 9, 13))
    assert [kind for kind, _, _ in events_of(doc)] == ["other"]


def test_aid_handed_over_on_the_occasion_mid_sentence_is_a_second_event() -> None:
    doc = document(
        None,
        "PEKANBARU - Pj Wali Kota Pekanbaru mengunjungi dua panti asuhan di Kecamatan Tenayan Raya, Jumat "
        "(13/9/2024).",
        "Selain melakukan pembinaan, pada kesempatan tersebut Pj Wali Kota juga menyerahkan bantuan kepada "
        "pengurus panti asuhan.",
        published=dt.date(2024, 9, 13))
    assert sorted(events_of(doc)) == [("aid_distribution", dt.date(2024, 9, 13), "past"),
                                      ("visit", dt.date(2024, 9, 13), "past")]


def test_the_start_of_a_lasting_state_is_not_the_event_day() -> None:
    doc = document(
        None,
        "TIMIKA - Panti Asuhan Kasih Bunda di bawah naungan LKSA Yayasan Peduli Kasih, sejak 15 Oktober 2024 hingga "
        "saat ini dihuni 145 anak.",
        "Pendiri panti asuhan itu dalam perayaan syukuran tiga tahun LKSA, Senin 9 Desember 2024, menjelaskan "
        "kebutuhan LKS tersebut.",
        published=dt.date(2024, 12, 10))
    assert events_of(doc)[0][1] == dt.date(2024, 12, 9)


def test_a_headline_demand_and_an_audience_are_read_as_they_are() -> None:
    doc = document(
        "Dewan Desak Pemerintah Kukuhkan LKKS",
        "SOE - LKKS Kabupaten Timor Tengah Selatan melakukan audiens bersama Komisi IV DPRD, Senin (11/11/2019).",
        "Dalam audiens itu, pengurus LKKS menyampaikan program kerja dan meminta pengakuan dari pemerintah daerah.",
        published=dt.date(2019, 11, 12))
    assert events_of(doc) == [("coordination_meeting", dt.date(2019, 11, 11), "past")]


def test_what_a_new_board_prepares_is_announced() -> None:
    doc = document(
        None,
        "BANJARMASIN - Forum LKSA Kota Banjarmasin menggelar Musyawarah Daerah (Musda) di Banjarmasin, Selasa "
        "(10/9/2024).",
        "Pengurus terpilih akan meminta SK. Selanjutnya, mempersiapkan pengukuhan serta Rapat Kerja Daerah untuk "
        "menyusun program.",
        published=dt.date(2024, 9, 10))
    assert sorted(events_of(doc)) == [("coordination_meeting", None, "future"),
                                      ("deliberation", dt.date(2024, 9, 10), "past"),
                                      ("inauguration", None, "future")]


def test_aid_asked_for_or_hoped_for_is_not_the_reported_activity() -> None:
    doc = document(
        None,
        "MANADO - Anggota DPRD Sulut meninjau Panti Werdha Damai yang terbakar, Senin (29/12/2025).",
        "Dewan telah meminta Dinas Sosial Provinsi Sulut untuk memberikan bantuan kepada pengelola panti.",
        published=dt.date(2025, 12, 30))
    assert events_of(doc) == [("visit", dt.date(2025, 12, 29), "past")]


@pytest.mark.parametrize(("lead", "kind"), [
    ("Pengurus LKKS Kabupaten Kendal masa bakti 2024-2029 resmi dikukuhkan oleh Bupati Kendal, Rabu (11/9/2024).",
     "inauguration"),
    ("Sebanyak 40 pengelola LKSA di Kota Medan mengikuti pelatihan manajemen, Rabu (11/9/2024).", "training"),
    ("Forum LKS Kabupaten Pati menggelar rapat anggota tahunan di aula Dinas Sosial, Rabu (11/9/2024).",
     "coordination_meeting"),
    ("LKKS Kota Bima dan Baznas menandatangani nota kesepahaman penanganan anak yatim, Rabu (11/9/2024).", "other"),
    ("Dinsos Kota Bekasi melakukan monitoring terhadap 20 LKSA penerima bantuan, Rabu (11/9/2024).", "visit"),
])
def test_one_lks_type_body_acting_in_the_lead_makes_a_short_report_relevant(lead: str, kind: str) -> None:
    doc = document(None, lead, "Kegiatan itu berlangsung lancar dan tertib.", published=dt.date(2024, 9, 11))
    assert events_of(doc) == [(kind, dt.date(2024, 9, 11), "past")]


def test_a_passing_lks_in_the_lead_without_an_activity_stays_irrelevant() -> None:
    doc = document(
        None,
        "KENDAL - Harga cabai di Pasar Kendal naik, sementara LKS setempat masih menunggu data warga miskin.",
        "Pedagang mengatakan pasokan dari petani berkurang sejak pekan lalu.")
    assert not analyse(doc).relevant


def test_a_body_that_holds_the_activity_later_in_the_report_makes_it_relevant() -> None:
    def report(holder: str) -> Document:
        return document(
            None,
            "MATARAM - Hari Lanjut Usia Nasional diperingati di banyak daerah dengan beragam kegiatan warga.",
            "Pemerintah pusat mengusung tema nasional yang mengajak daerah memuliakan orang tua.",
            f"Pada Sabtu (1/6/2024), Wakil Gubernur menghadiri jalan sehat lansia yang digelar oleh {holder} "
            "di Taman Sangkareang.",
            "Ratusan warga lanjut usia mengikuti kegiatan itu hingga siang.",
            published=dt.date(2024, 6, 3))

    assert analyse(report("LKKS Provinsi NTB")).relevant
    # Named beside the organiser, the body is only a guest.
    assert not analyse(report("Dinas Kesehatan bersama LKKS Provinsi NTB")).relevant


def test_an_undated_activity_the_body_holds_without_a_named_kind_is_other() -> None:
    def report(verb: str) -> Document:
        return document(
            None,
            f"KUNINGAN - Dinas Sosial bersama LKKS Kuningan {verb} advokasi dan pelayanan penyandang masalah "
            "kesejahteraan sosial, belum lama ini di Lembah Ciremai.",
            "Ketua LKKS Kuningan mengajak seluruh potensi sumber kesejahteraan sosial bekerja sama.",
            published=None)

    assert events_of(report("menggelar kegiatan")) == [("other", None, "past")]
    assert events_of(report("membahas pentingnya")) == []


def test_an_act_that_took_place_outranks_one_announced_in_the_same_report() -> None:
    doc = document(
        None,
        "BUNGO - Anak-anak panti asuhan bersemangat karena mereka akan mendapatkan bantuan paket sembako dari "
        "Kementerian Sosial.",
        "Acara penyerahan bantuan sembako berlangsung di LKSA Nurul Iman, Senin (15/6/2020).",
        published=None)
    assert events_of(doc) == [("aid_distribution", dt.date(2020, 6, 15), "past")]


def test_a_line_that_is_only_a_date_is_the_pages_date_not_the_events() -> None:
    doc = document(
        "Lima Panti Sosial Terakreditasi A",
        "28 November 2021",
        "BANJARBARU - Lima panti sosial milik Dinas Sosial Kalsel meraih akreditasi A dari Kementerian Sosial.",
        "Akreditasi sudah diserahkan kepada lima pengelola panti dalam acara di PSTW Budi Sejahtera.",
        published=dt.date(2020, 1, 15))
    assert events_of(doc) == [("accreditation", None, "past")]


@pytest.mark.parametrize("handed", [
    "Dalam kunjungan ini pihaknya memberikan bantuan berupa sembako kepada pengelola panti.",
    "Selain memberikan bantuan berupa bingkisan Natal, ia berdialog dengan pengelola panti.",
    "Pada kesempatan itu dilakukan penyampaian bantuan kepada pengurus panti.",
])
def test_aid_given_in_the_course_of_a_visit(handed: str) -> None:
    doc = document(
        None,
        "KUPANG - Penjabat Wali Kota Kupang mengunjungi Panti Asuhan Kasih di Kelurahan Oesapa, Jumat (6/12/2024).",
        "Kunjungan itu disambut pengurus LKSA dan anak-anak panti.", handed,
        published=dt.date(2024, 12, 6))
    assert {kind for kind, _, _ in events_of(doc)} == {"visit", "aid_distribution"}


def test_an_act_after_a_check_is_not_a_second_activity() -> None:
    doc = document(
        None,
        "LUBUK BASUNG - Pemkab Agam menyerahkan bantuan operasional kepada 27 panti asuhan, Senin (3/3/2025).",
        "Penyaluran bantuan dilakukan setelah verifikasi lapangan oleh tim dinas ke seluruh panti.",
        published=dt.date(2025, 3, 3))
    assert events_of(doc) == [("aid_distribution", dt.date(2025, 3, 3), "past")]


@pytest.mark.parametrize(("lead", "kind"), [
    ("Pemprov Kaltara menggelar peningkatan keterampilan tenaga pelatih panti asuhan di Tanjung Selor, Rabu "
     "(29/8/2018).", "training"),
    ("Kadinsos bersama Tim LK3 melakukan penjangkauan ke LKSA Hidayatullah Tanjungpinang, Kamis (30/8/2018).",
     "visit"),
])
def test_more_activities_named_in_other_words(lead: str, kind: str) -> None:
    doc = document(None, lead, "Kegiatan itu diikuti pengurus LKS setempat.", published=dt.date(2018, 8, 31))
    assert events_of(doc)[0][0] == kind


def test_a_future_word_inside_a_quote_does_not_govern_the_attribution() -> None:
    doc = document(
        None,
        "TANGERANG SELATAN - Dinas Sosial menggelar sosialisasi pendaftaran LKS di Puspemkot, Senin (18/3/2024).",
        "“Dinsos akan mengawal proses pendaftaran,” ujar Wali Kota dalam kegiatan Sosialisasi LKS tersebut.",
        published=dt.date(2024, 3, 18))
    assert events_of(doc)[0] == ("training", dt.date(2024, 3, 18), "past")


def test_the_day_a_commemorated_holiday_falls_on_is_not_the_visits() -> None:
    doc = document(
        None,
        "BADUNG - Ketua DWP Badung mengunjungi Panti Jompo Syailendra di Jimbaran, Selasa (20/4/2021).",
        "Kunjungan ini dalam rangka memperingati Hari Kartini tanggal 21 April, dan dalam kunjungan ini pihaknya "
        "memberikan bantuan sembako kepada pengurus panti.",
        published=dt.date(2021, 4, 21))
    assert sorted(events_of(doc)) == [("aid_distribution", dt.date(2021, 4, 20), "past"),
                                      ("visit", dt.date(2021, 4, 20), "past")]


def test_a_national_welfare_day_a_body_holds_is_an_other_occasion() -> None:
    held = document(
        None,
        "JOGJA - Dinas Sosial DIY menggelar peringatan Hari Lanjut Usia Nasional (HLUN) ke-25 pada Selasa (15/6/2021) "
        "bersama 39 Lembaga Kesejahteraan Sosial Lanjut Usia (LKS-LU).",
        "Kepala Dinas Sosial DIY mengajak masyarakat peduli kepada warga lansia di LKS.",
        published=dt.date(2021, 6, 16))
    assert ("other", dt.date(2021, 6, 15), "past") in events_of(held)
    # Named as the occasion of another act, the day is no event of its own.
    occasion = document(
        None,
        "JOGJA - Dalam rangka peringatan Hari Lanjut Usia Nasional, Dinas Sosial DIY menyerahkan bantuan kepada "
        "39 Lembaga Kesejahteraan Sosial Lanjut Usia (LKS-LU), Selasa (15/6/2021).",
        "Kepala Dinas Sosial DIY mengajak masyarakat peduli kepada warga lansia di LKS.",
        published=dt.date(2021, 6, 16))
    assert [kind for kind, _, _ in events_of(occasion)] == ["aid_distribution"]
    # Its short name alone, once attended or said held, outweighs the trainings it took in.
    attended = document(
        "Wakil Wali Kota Bogor Hadiri HKSN Pertama Kali di SMK",
        "BOGOR - Wakil Wali Kota Bogor menghadiri HKSN yang digagas Forum Lembaga Kesejahteraan Sosial (LKS) Kota "
        "Bogor, Sabtu (17/12/2022).",
        "Rangkaian kegiatan digelar mulai dari pelatihan kader LKS dan pelatihan kewirausahaan bagi pengurus panti.",
        "Pelatihan itu diikuti 50 peserta dari LKS se-Kota Bogor.",
        published=dt.date(2022, 12, 18))
    assert events_of(attended)[0] == ("other", dt.date(2022, 12, 17), "past")


def test_the_day_a_holiday_falls_on_is_not_the_acts() -> None:
    doc = document(
        None,
        "BEKASI - Dharma Wanita Persatuan mengunjungi Panti Sosial Tresna Werdha Budi Dharma, Kamis (12/4).",
        "Bakti sosial ini digelar dalam rangka menyambut Hari Kartini yang jatuh pada tanggal 21 April 2018 "
        "mendatang. Rombongan memberikan santunan kepada 120 lansia.",
        published=dt.date(2018, 4, 12))
    assert dt.date(2018, 4, 21) not in [date for _, date, _ in events_of(doc)]


def test_an_expected_start_is_announced() -> None:
    doc = document(
        None,
        "PASURUAN - Akreditasi delapan LKSA di Kabupaten Pasuruan diperkirakan dimulai pada September 2018.",
        "Penilaian dilakukan oleh Badan Akreditasi LKS pusat.",
        published=dt.date(2018, 8, 31))
    assert events_of(doc)[0][0] == "accreditation" and events_of(doc)[0][2] == "future"


def test_cue_weights_count_quote_marks_within_each_paragraph() -> None:
    """A quote left open at a paragraph's end does not carry over; one closed mid-paragraph ends there."""
    from pipeline.analyse.events import _cue_hits, _Layout
    from pipeline.analyse.organizations import find_org_mentions

    doc = document(
        None,
        "LKKS Kendal menggelar pelatihan pengurus di Kendal, Selasa (21/5/2024), dan “pelatihan ini penting",
        "Pelatihan kedua digelar di aula Dinas Sosial Kendal. “Kami senang dengan pelatihan ini dan pembinaan LKS,” "
        "ujar Ketua LKKS. Pelatihan ketiga digelar pula di Kendal.",
        # A Kelvin sign reads as "K" to a case-insensitive regex: the cues are then searched in the text itself.
        "Ia berkata “bantuan untuk panti\u212a diserahkan” kemarin, lalu bantuan lain diserahkan kepada panti.")
    article = ArticleText.from_document(doc)
    hits = _cue_hits(_Layout.of(article), find_org_mentions(article, []))
    assert [(article.text[h.start:h.end], h.weight, h.held) for h in hits] == [
        ("pelatihan", 6.0, True), ("pelatihan", 2.0, False), ("Pelatihan", 6.0, False), ("pelatihan", 2.0, False),
        ("pembinaan", 1.0, False), ("Pelatihan", 6.0, False), ("bantuan", 0.75, False), ("bantuan", 1.5, False)]


def test_cue_spans_match_the_case_insensitive_regex() -> None:
    from pipeline.analyse.events import _CUE_RE, _CUE_SPANS

    for text in ("Pelantikan PENGURUS LKKS dan RAPAT  Koordinasi", "Bimbingan\nteknis, bakti-sosial; BAKSOS",
                 "\u212aunjungan kerja dan ſosialisasi", "PELATİHAN dan pelatihan"):
        assert list(_CUE_SPANS.spans(text)) == [m.span() for m in _CUE_RE.finditer(text)]


@pytest.mark.parametrize("attribution", [
    "kata Kepala Seksi Rehabilitasi Sosial, Wulan, ditemui di kantornya, Senin (8/4/2024)",
    "ujar Wulan kepada Suarakota.com, Senin (8/4/2024)",
    "kata Wulan saat dikonfirmasi wartawan, Senin (8/4/2024)",
    "ujarnya melalui sambungan telepon, Senin (8/4/2024)",
    "ujar Wulan kepada Khatulistiwaonline, Senin (8/4/2024)",
])
def test_the_day_of_an_interview_does_not_date_the_activity(attribution: str) -> None:
    doc = document(
        None,
        "SEMARANG - Dinas Sosial tahun ini fokus melakukan pembinaan dan kunjungan ke panti asuhan yang terdaftar.",
        f"“Kami datangi LKSA satu per satu untuk melihat pengasuhan anak,” {attribution}.",
        published=None)
    assert {date for _, date, _ in events_of(doc)} == {None}


@pytest.mark.parametrize("attribution", [
    "kata Wulan ditemui usai pembinaan, Senin (8/4/2024)",
    "ujar Wulan kepada wartawan di sela kegiatan, Senin (8/4/2024)",
])
def test_an_interview_at_the_activity_dates_it(attribution: str) -> None:
    doc = document(
        None,
        "SEMARANG - Dinas Sosial menggelar pembinaan pengurus panti asuhan di aula dinas.",
        f"“Pengasuhan anak harus sesuai standar,” {attribution}.",
        published=None)
    assert events_of(doc)[0][:2] == ("training", dt.date(2024, 4, 8))


def test_a_meeting_in_an_officials_office_is_dated_there() -> None:
    doc = document(
        None,
        "KERINCI - Pengurus Forum LKSA melakukan audiensi dengan Bupati di ruang kerja bupati, Selasa (26/11/2024).",
        published=dt.date(2024, 11, 27))
    assert events_of(doc)[0][:2] == ("coordination_meeting", dt.date(2024, 11, 26))


@pytest.mark.parametrize("lead", [
    "MATARAM - LKKS Provinsi NTB menggelar syukuran HUT ke-50 di Pendopo Gubernur, Kamis (20/6/2024).",
    "PADANG - Ketua Forum LKSA Sumbar melepas kontingen Jambore Nasional LKSA di Aula Dinsos, Kamis (20/6/2024).",
    "SLEMAN - Dinas Sosial menggelar seleksi LKS berprestasi tingkat kabupaten di Sleman, Kamis (20/6/2024).",
    "PAYAKUMBUH - Wali Kota meresmikan LKS Mitra Kenangan bagi lansia di Kelurahan Koto Baru, Kamis (20/6/2024).",
])
def test_occasions_that_fit_no_other_kind_are_other(lead: str) -> None:
    assert events_of(document(None, lead, published=dt.date(2024, 6, 21)))[0] == (
        "other", dt.date(2024, 6, 20), "past")


@pytest.mark.parametrize("lead", [
    "BATU - Dalam rangka memperingati HUT Kemerdekaan RI, Dinsos menyerahkan paket sembako kepada 12 LKSA, "
    "Kamis (15/8/2024).",
    "BATU - Menyambut HUT ke-74 Kota Batu, Dinsos menyerahkan paket sembako kepada 12 LKSA, Kamis (15/8/2024).",
    "BATU - Dinsos menyerahkan paket sembako kepada 12 LKSA sambil melepas rindu dengan anak-anak panti, "
    "Kamis (15/8/2024).",
    "BATU - Dinsos menyerahkan paket sembako kepada 12 LKSA, Kamis (15/8/2024). Anak berprestasi juga diberi "
    "penghargaan.",
])
def test_the_occasion_an_activity_marks_is_not_an_event_of_its_own(lead: str) -> None:
    assert [kind for kind, _, _ in events_of(document(None, lead, published=dt.date(2024, 8, 16)))] == [
        "aid_distribution"]


def test_an_anniversary_named_as_the_occasion_stays_the_occasion_when_named_again() -> None:
    doc = document(
        None,
        "BATU - Dalam rangka memperingati HUT ke-74 Kota Batu, Dinsos menyerahkan paket sembako kepada 12 LKSA, "
        "Kamis (15/8/2024).",
        "Sementara itu, Ketua LKSA Darul Amin, Achmad mengharapkan dengan adanya kegiatan tersebut, dan HUT yang "
        "ke-74, dia mendoakan Kota Batu makin jaya.",
        published=dt.date(2024, 8, 16))
    assert [kind for kind, _, _ in events_of(doc)] == ["aid_distribution"]


def test_supervising_institutions_is_a_visit() -> None:
    doc = document(
        None,
        "CURUP - Dinas Sosial Kabupaten Rejang Lebong tengah melakukan pengawasan terhadap panti asuhan yang ada di "
        "daerah itu agar hak anak terpenuhi.",
        "Kepala Dinas Sosial, Zulfan, mengatakan pengawasan dan evaluasi terhadap LKSA dilakukan agar tidak ada anak "
        "panti yang telantar.",
        published=None)
    assert events_of(doc)[0][0] == "visit"


def test_an_activity_named_right_after_another_is_its_topic() -> None:
    doc = document(
        None,
        "PASURUAN - Dinas Sosial menggelar sosialisasi akreditasi LKSA yang diikuti 37 panti asuhan di aula dinas, "
        "Kamis (6/4/2017).",
        published=dt.date(2017, 4, 7))
    assert events_of(doc) == [("training", dt.date(2017, 4, 6), "past")]


def test_a_page_time_stamp_does_not_date_the_activity() -> None:
    doc = document(
        None,
        "Bimbingan teknis penyusunan LPJ bantuan sosial bagi LKSA.",
        "Oleh MC Provinsi, Senin, 4 Agustus 2025 | 08:23 WIB",
        "GORONTALO - Dinas Sosial Provinsi Gorontalo menyelenggarakan bimbingan teknis penyusunan laporan bagi "
        "pengurus LKSA penerima bantuan.",
        published=None)
    assert events_of(doc)[0][:2] == ("training", None)


def test_the_day_an_activity_is_said_to_be_held_dates_it() -> None:
    doc = document(
        None,
        "Oleh MC Provinsi, Senin, 4 Agustus 2025",
        "GORONTALO - Dinas Sosial Provinsi Gorontalo menyelenggarakan bimbingan teknis penyusunan laporan bagi "
        "pengurus LKSA penerima bantuan.",
        "Kegiatan yang digelar Kamis (31/7/2025) itu diikuti oleh 10 perwakilan LKSA.",
        published=dt.date(2025, 8, 4))
    assert events_of(doc)[0] == ("training", dt.date(2025, 7, 31), "past")


@pytest.mark.parametrize(("lead", "kind"), [
    ("MAGELANG - Sebanyak 22 pengurus LKS di Kota Magelang mengikuti penguatan kelembagaan LKKS di aula panti, "
     "Kamis (13/2/2020).", "training"),
    ("TERNATE - Dinas Sosial melalui UPTD Panti Asuhan menggelar wisata edukasi bagi anak asuh LKSA, "
     "Kamis (13/2/2020).", "other"),
])
def test_strengthening_a_body_is_training_and_an_educational_outing_is_not(lead: str, kind: str) -> None:
    assert [k for k, _, _ in events_of(document(None, lead, published=dt.date(2020, 2, 14)))] == [kind]


def test_a_benefit_is_not_an_activity() -> None:
    doc = document(
        None,
        "PASURUAN - Dinas Sosial menggelar pembinaan LKSA di aula dinas, Kamis (6/4/2017).",
        "“Akreditasi juga bisa mempermudah penyaluran bantuan dari pusat,” kata Sekretaris Dinsos.",
        published=dt.date(2017, 4, 7))
    assert [k for k, _, _ in events_of(doc)] == ["training"]


@pytest.mark.parametrize(("lead", "kind"), [
    ("BATAM - Senator DPD RI melakukan agenda reses bersama pengurus Forum LKSA se-Kota Batam di ruang rapat "
     "Dinas Sosial, Senin (21/12/2020).", "coordination_meeting"),
    ("BATAM - Pengurus Forum LKSA Kota Batam bertemu Wali Kota di kantor wali kota membahas bantuan operasional "
     "panti, Senin (21/12/2020).", "coordination_meeting"),
    ("DENPASAR - Dinas Sosial Provinsi Bali menggelar Bimbingan Fisik, Mental dan Sosial bagi anak LKSA di Hotel "
     "Puri, Senin (21/12/2020).", "training"),
])
def test_meetings_and_guidance_named_in_other_words(lead: str, kind: str) -> None:
    body = "Ketua Forum LKSA mengatakan panti asuhan di Batam membutuhkan dukungan bagi anak asuh."
    assert events_of(document(None, lead, body, published=dt.date(2020, 12, 22)))[0][:2] == (
        kind, dt.date(2020, 12, 21))


def test_every_topic_listed_after_an_activity_is_its_topic() -> None:
    doc = document(
        None,
        "SERANG - Dinas Sosial Provinsi melaksanakan kegiatan sosialisasi tanda terdaftar, akreditasi dan "
        "sertifikasi lembaga kesejahteraan sosial bagi 70 pengurus LKS, Senin (26/8/2024).",
        published=dt.date(2024, 8, 27))
    assert events_of(doc) == [("training", dt.date(2024, 8, 26), "past")]


def test_a_visit_in_a_series_of_anniversary_activities_is_no_anniversary_event() -> None:
    doc = document(
        None,
        "LEWOLEBA - Wakil Bupati menyerahkan bantuan beras kepada enam panti asuhan, Selasa (16/8/2016).",
        "Bantuan diserahkan ketika melakukan anjangsana dalam rangkaian kegiatan HUT RI ke-71 di Lewoleba.",
        published=dt.date(2016, 8, 17))
    assert "other" not in [kind for kind, _, _ in events_of(doc)]


def test_striving_to_guide_is_no_training() -> None:
    doc = document(
        None,
        "PALEMBANG - Dinas Sosial mengoptimalkan lima panti asuhan milik pemerintah, kata Kepala Dinas Sosial, "
        "Kamis (14/7/2016).",
        "Selain itu, pihaknya juga berupaya mendukung dan membina panti asuhan swasta yang masih beroperasi.",
        published=dt.date(2016, 7, 14))
    assert "training" not in [kind for kind, _, _ in events_of(doc)]


def test_an_announced_activity_takes_the_day_stated_where_it_is_named() -> None:
    doc = document(
        None,
        "JAKARTA - Terkait pelaksanaan Munas I Forum LKSA-PSAA pada 24 sampai 27 Juli 2018 di Sabuga Bandung, "
        "pengurus forum bertemu Kepala Staf Presiden.",
        "Sebanyak 5.540 panti direncanakan menghadiri Munas I Forum LKSA-PSAA tersebut.",
        published=None)
    assert ("deliberation", dt.date(2018, 7, 24), "future") in events_of(doc)


def test_a_kind_the_headline_names_and_the_body_dates_is_an_event() -> None:
    doc = document(
        "Bertemu Staf Presiden, Forum LKSA Siapkan Munas Pertama",
        "JAKARTA - Forum LKSA-PSAA menyiapkan Munas I yang akan digelar di Bandung.",
        "Dalam pertemuan di Kantor Staf Presiden (30/4/2018), Ketua Umum Forum LKSA menyampaikan kesiapan panti.",
        published=dt.date(2018, 5, 1))
    assert ("coordination_meeting", dt.date(2018, 4, 30), "past") in events_of(doc)


def test_the_occasion_a_statement_is_made_at_is_an_event() -> None:
    doc = document(
        "Jumlahnya Capai Ratusan, Dinsos Tangsel Kawal Pendaftaran Lembaga Kesejahteraan Sosial",
        "TANGSEL - Dinas Sosial Kota Tangerang Selatan bakal mengawal proses pendaftaran lembaga kesejahteraan "
        "sosial hingga tahap akreditasi.",
        "Menurut dia, LKS yang sudah terdaftar akan diarahkan untuk menuju tahap akreditasi.",
        "“LKS harus terdaftar dan dibantu oleh Dinsos,” ujar Wali Kota dalam kegiatan Sosialisasi pendaftaran LKS "
        "di Pamulang, Senin (18/3/2024).",
        published=dt.date(2024, 3, 19))
    assert ("training", dt.date(2024, 3, 18), "past") in events_of(doc)


def test_a_years_work_takes_no_day_from_the_page() -> None:
    doc = document(
        "Dinsos Salurkan Bantuan Permakanan bagi 95 LKS",
        "PEKANBARU - Dinas Sosial Provinsi Riau telah menyalurkan bantuan permakanan kepada 95 LKS sepanjang tahun "
        "2023.",
        "Hal itu disampaikan Kepala Dinas Sosial pada kegiatan sosialisasi di Pekanbaru, Senin (18/9/2023).",
        published=dt.date(2023, 9, 18))
    assert ("aid_distribution", None, "past") in events_of(doc)


def test_the_national_council_and_its_anniversary_gathering() -> None:
    doc = document(
        "Mensos Hadiri HUT ke-58 DNIKS",
        "JAKARTA - Dewan Nasional Indonesia untuk Kesejahteraan Sosial (DNIKS) menggelar halal bi halal dan "
        "peringatan HUT ke-58 di Gedung Kemensos, Jumat (25/7/2025).",
        published=dt.date(2025, 7, 26))
    assert events_of(doc)[0] == ("other", dt.date(2025, 7, 25), "past")


def test_a_day_before_an_announced_activity_is_the_reported_acts() -> None:
    doc = document(
        None,
        "BATAM - Forum LKSA Kepri menggelar halal bihalal di Batam, Jumat (22/7/2016), dan rakerwil forum yang akan "
        "digelar di Batam pada April 2017 juga dibahas.",
        published=dt.date(2016, 7, 23))
    assert ("coordination_meeting", None, "future") in events_of(doc)


def test_an_occasion_said_to_be_held_is_no_habit_of_the_aim() -> None:
    doc = document(
        None,
        "BANJARNEGARA - Kementerian Sosial terus memperkuat peran LKS melalui kegiatan Sosialisasi dan Penguatan LKS "
        "Lanjut Usia yang digelar oleh Direktorat Rehabilitasi Sosial Lanjut Usia.",
        "Salah satu materi yang menjadi perhatian peserta adalah syarat akreditasi LKS. Dalam materi kebijakan "
        "akreditasi, disampaikan bahwa akreditasi tidak hanya bersifat administratif.",
        published=dt.date(2025, 12, 12))
    assert events_of(doc)[0][0] == "training"


def test_a_day_announced_for_another_activity_is_no_fallback() -> None:
    doc = document(
        None,
        "SURABAYA - Forum LKS Surabaya menggelar rapat koordinasi bersama Kepala Bidang Pemberdayaan Sosial Dinas "
        "Sosial Kota Surabaya di kantor dinas.",
        "Dalam pertemuan tersebut disepakati rencana pembinaan LKS yang akan dilaksanakan pada 2 April 2026.",
        published=None)
    assert events_of(doc)[0][:2] == ("coordination_meeting", None)


@pytest.mark.parametrize("lead", [
    "AMBON - Polda Maluku memberikan santunan kepada 20 anak panti asuhan, Kamis (2/8/2018). Aksi ini dari para "
    "Polisi Wanita yang akan merayakan HUT ke-70 pada 1 September 2018.",
    "TARAKAN - Dinsos menyerahkan santunan kepada 20 anak panti asuhan, Kamis (2/8/2018). Pengurus LKKS akan "
    "dikukuhkan bertepatan dengan HUT ke-27 Kota Tarakan.",
])
def test_someone_elses_anniversary_is_no_event(lead: str) -> None:
    assert "other" not in [kind for kind, _, _ in events_of(document(None, lead, published=dt.date(2018, 8, 3)))]


@pytest.mark.parametrize(("lead", "kind"), [
    ("YOGYAKARTA - Pengelola 22 panti asuhan Muhammadiyah sepakat membentuk forum, dan Salbani dari panti asuhan "
     "Prambanan diamanahi sebagai ketua forum panti.", "deliberation"),
    ("KENDAL - Forum Panti Sosial Asuhan Anak Jawa Tengah menggelar temu pengurus panti di Kendal, Selasa "
     "(11/4/2023).", "coordination_meeting"),
])
def test_a_chair_entrusted_by_the_members_and_a_members_gathering(lead: str, kind: str) -> None:
    assert events_of(document(None, lead, published=dt.date(2023, 4, 12)))[0][0] == kind


def test_contests_inside_the_reported_activity_are_part_of_it() -> None:
    doc = document(
        None,
        "MEDAN - Dinas Sosial Kota Medan menggelar pembinaan anak-anak di luar panti bersama perwakilan setiap LKSA, "
        "Kamis (15/9/2022).",
        "Dalam kegiatan itu juga dibuat beberapa perlombaan di antaranya adalah lomba video, lomba mewarnai dan "
        "menyanyi.",
        published=dt.date(2022, 9, 16))
    assert [kind for kind, _, _ in events_of(doc)] == ["training"]


def test_a_visit_on_the_momentum_of_a_regions_anniversary_is_no_anniversary_event() -> None:
    doc = document(
        None,
        "KAMPAR - Kunjungan Sosial ke Panti Asuhan Putri Aisiyah merupakan salah satu momentum HUT Kabupaten Kampar, "
        "Jumat (17/8/2018).",
        published=dt.date(2018, 8, 18))
    assert "other" not in [kind for kind, _, _ in events_of(doc)]


@pytest.mark.parametrize("speaker", ["kata dia", "ujar Wulan", "kata beliau"])
def test_the_day_a_plan_was_told_does_not_date_the_plan(speaker: str) -> None:
    doc = document(
        None,
        "PALEMBANG - Dinas Sosial menyoroti panti asuhan yang bermasalah di kota itu.",
        f"“Kemensos akan melakukan peninjauan ulang panti yang ada di Palembang,” {speaker}, Senin (27/2/2023).",
        published=None)
    assert ("visit", None, "future") in events_of(doc)


def test_anjang_sana_written_apart_is_a_visit() -> None:
    doc = document(
        None,
        "PALANGKA RAYA - Asisten II Setda Kalteng melaksanakan anjang sana di LKSA Panti Asuhan Berkah, "
        "Selasa (24/8/2021).",
        published=None)
    assert events_of(doc)[0][:2] == ("visit", dt.date(2021, 8, 24))


def test_a_place_and_date_line_is_the_dateline_that_dates_the_report() -> None:
    doc = document(
        None,
        "Singaraja, 28 Maret 2023",
        "Serangkaian HUT Kota Singaraja yang ke-419, Dinas Sosial melaksanakan penyaluran sembako di Panti Sosial "
        "Tresna Werdha Jara Mara Pati.",
        published=None)
    assert events_of(doc) == [("aid_distribution", dt.date(2023, 3, 28), "past")]


def test_a_line_of_only_a_date_is_the_page_stamp() -> None:
    doc = document(
        None,
        "Selasa, 28 Maret 2023",
        "Dinas Sosial baru-baru ini melaksanakan penyaluran sembako di Panti Sosial Tresna Werdha Jara Mara Pati.",
        published=None)
    assert events_of(doc) == [("aid_distribution", None, "past")]


def test_a_cue_being_defined_is_no_activity() -> None:
    doc = document(
        "Dinsos Gelar Bimbingan Teknik bagi LKS",
        "SEMARANG - Akreditasi merupakan jawaban pemerintah atas tuntutan mutu. Akreditasi adalah syarat bagi LKS. "
        "Hal itu disampaikan Kabid Pemberdayaan Sosial di depan peserta Bimbingan Teknik LKS, Sabtu (13/11/2021).",
        published=None)
    assert [kind for kind, _, _ in events_of(doc)] == ["training"]


def test_opening_a_home_outweighs_the_aid_it_lives_on() -> None:
    doc = document(
        None,
        "Solok, 19/5 (Antara) - Wali Kota Solok meresmikan Lembaga Kesejahteraan Sosial (LKS) Harapan Kita yang "
        "akan menampung lansia terlantar di kota itu.",
        "Ia mengatakan, lembaga ini berada di bawah naungan Dinas Sosial yang menghimpun infak serta bantuan dari "
        "kalangan masyarakat dan swasta.",
        "Lembaga ini menjadi mitra Baznas untuk menghimpun bantuan dari segala elemen masyarakat.",
        published=None)
    assert [kind for kind, _, _ in events_of(doc)] == ["other"]


@pytest.mark.parametrize(("title", "lead"), [
    ("Sambut HUT Bhayangkara, Polres Kendal Sambangi Panti Asuhan",
     "KENDAL - Polres Kendal menyambangi dan berbagi tali asih di Panti Asuhan Darul Hadlonah, Selasa (18/6/2019)."),
    ("Polres Kendal Sambangi Panti Asuhan",
     "KENDAL - Pada HUT Bhayangkara ke-73, Polres Kendal menyambangi dan berbagi tali asih di Panti Asuhan Darul "
     "Hadlonah, Selasa (18/6/2019)."),
])
def test_the_anniversary_of_another_body_is_an_occasion_not_an_event(title: str, lead: str) -> None:
    types = [e.type for e in analyse(document(title, lead, published=dt.date(2019, 6, 18))).events]
    assert "other" not in types
    assert "visit" in types


def test_a_welfare_bodys_own_anniversary_is_an_event() -> None:
    doc = document("HUT ke-58 DNIKS Digelar Sederhana",
                   "JAKARTA - DNIKS menggelar syukuran HUT ke-58 DNIKS di kantornya, Jumat (18/7/2025).",
                   published=dt.date(2025, 7, 18))
    assert [e.type for e in analyse(doc).events] == ["other"]


def test_what_a_training_teaches_about_is_its_topic() -> None:
    doc = document(
        None,
        "TANGERANG - Untuk memberikan pemahaman pentingnya akreditasi, Dinas Sosial Kota Tangerang menyelenggarakan "
        "pembinaan terhadap 100 LKS di Pusat Pemerintahan, Kamis (16/6/2022).",
        "Kepala Dinas Sosial Kota Tangerang, Mulyani, menjelaskan ada 100 LKS yang diundang mengikuti kegiatan "
        "pembinaan tersebut.",
        published=dt.date(2022, 6, 16))
    assert [e.type for e in analyse(doc).events] == ["training"]


def test_supervision_as_a_standing_duty_or_a_policy_is_no_visit() -> None:
    doc = document(
        "Dinsos Kendal Perketat Pengawasan Panti Asuhan",
        "KENDAL - Dinas Sosial Kabupaten Kendal memperketat pengawasan terhadap panti asuhan yang belum berizin.",
        "Saat ini 40 LKSA di Kendal berada di bawah pengawasan Dinas Sosial.",
        published=dt.date(2024, 5, 20))
    assert events_of(doc) == []


@pytest.mark.parametrize("byline", [
    "Rabu, 22 Mei 2024 Reporter: Nurito Editor: Budhy 7228",
    "22 Mei 2024 Admin Website Artikel 10535",
])
def test_a_byline_date_is_the_pages_not_the_activitys(byline: str) -> None:
    doc = document(
        None, byline,
        "KENDAL - Ketua DWP Kendal menyerahkan bingkisan kepada anak-anak Panti Asuhan Darul Hadlonah.",
        '"Semoga bermanfaat bagi anak-anak panti," kata Ketua DWP Kendal usai penyerahan bingkisan, Selasa (21/5).',
        published=None)
    assert [(e.type, e.date) for e in analyse(doc).events] == [("aid_distribution", dt.date(2024, 5, 21))]


def test_the_day_an_activity_comes_before_is_not_its_day() -> None:
    doc = document(
        None,
        "LEMBATA - Dua hari menjelang Natal 25 Desember 2022, Penjabat Bupati Lembata, Jumat (23/12), mengunjungi "
        "tiga panti sosial di Kota Lewoleba.",
        "Di Panti Asuhan Eugene Schmitz, Penjabat Bupati juga menyerahkan bantuan beras dan makanan siap saji.",
        published=dt.date(2022, 12, 25))
    assert {e.date for e in analyse(doc).events} == {dt.date(2022, 12, 23)}


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Balai Rehabilitasi Sosial Dinas Sosial DIY mengadakan kegiatan studi tiru ke Panti Pelayanan Sosial Anak "
     "Woro Wiloso Salatiga, Sabtu (4/11/2023).", "visit"),
    ("Dinas Sosial DKI Jakarta mengadakan Temu Konsultasi bersama BK3S se-Jawa dan Bali di Jakarta, Rabu "
     "(3/12/2008).", "coordination_meeting"),
    ("Pengurus LKKS Kabupaten Kampar melakukan Study Tiru ke LKKS Kabupaten Sleman, Rabu (16/10/2024).", "visit"),
    ("Forum LKSA Kota Probolinggo menyampaikan aspirasi dalam Rapat Dengar Pendapat (RDP) bersama Komisi III DPRD "
     "Kota Probolinggo, Kamis (25/5/2023).", "coordination_meeting"),
    ("Dinas Sosial Provinsi Jawa Timur menggelar Pengembangan Kapasitas Lembaga Kesejahteraan Sosial bagi pengurus "
     "LKS disabilitas di Surabaya, Selasa (29/3/2022).", "training"),
])
def test_named_kinds_of_visits_and_meetings(sentence: str, kind: str) -> None:
    assert [e.type for e in analyse(document(None, sentence, published=None)).events] == [kind]


def test_an_act_reported_as_done_outranks_the_aim_that_led_to_it() -> None:
    doc = document(
        None,
        "SAMARINDA (3 Maret 2021) - Menindaklanjuti arahan Menteri Sosial untuk segera memberikan bantuan kepada "
        "warga terdampak banjir di Kalimantan Timur.",
        "Merespon hal tersebut Sentra Mulya Jaya menyerahkan bantuan sembako kepada Panti Asuhan Nurul Iman.",
        published=None)
    assert [(e.type, e.tense, e.date) for e in analyse(doc).events] == [
        ("aid_distribution", "past", dt.date(2021, 3, 3))]


def test_filling_in_an_activitys_forms_is_not_that_activity() -> None:
    doc = document(
        None,
        "PALU - Dinas Sosial Sulawesi Tengah menggelar bimbingan teknis bagi pengurus LKSA di Palu, Senin (6/5/2024).",
        "Usai materi, para pengurus LKSA juga melakukan praktik pengisian borang akreditasi dipimpin asesor.",
        "Peserta juga mempelajari kriteria akreditasi dan indikator akreditasi lembaga.")
    assert [e.type for e in analyse(doc).events] == ["training"]


def test_an_aid_programmes_name_is_no_aid_handed_over() -> None:
    doc = document(
        None,
        "KENDARI - Program rehabilitasi sosial lanjut usia terdiri dari Bantuan Bertujuan Lanjut Usia (BANTU-LU), "
        "dukungan keluarga dan perawatan sosial.",
        "Lembaga Kesejahteraan Sosial Lanjut Usia (LKSLU) menjadi mitra utama program itu di setiap kabupaten.")
    assert [e.type for e in analyse(doc).events] == []


def test_an_activity_named_only_as_background_took_place_nowhere() -> None:
    doc = document(
        None,
        "KENDARI - Warga melaporkan pengelola LKSA Nurul Huda ke Dinas Sosial karena tidak terbuka soal bantuan "
        "yang sudah disalurkan, mengenai bantuan untuk anak asuh, dan tentang bantuan dari donatur.",
        "Kepala Dinas Sosial mengatakan pihaknya mengumpulkan bukti terkait bantuan yang telah diterima lembaga itu "
        "dan mengenai penyaluran bantuan selama ini.")
    assert analyse(doc).events == []


@pytest.mark.parametrize("title", [
    "Panti Asuhan Harapan Bangsa Menanti Bantuan Dermawan",
    "LKSA Al Ikhlas Butuh Bantuan Perlengkapan Sekolah",
    "Panti Jompo Ini Kekurangan Bantuan Pangan",
])
def test_aid_a_headline_says_is_awaited_or_lacking_was_not_given(title: str) -> None:
    doc = document(
        title,
        "BANDAR LAMPUNG - Pengelola panti asuhan di Kelurahan Kelapatiga mengatakan sebanyak 59 anak asuh kini hidup "
        "serba terbatas sejak pandemi melanda.")
    assert analyse(doc).events == []


def test_a_held_training_outranks_the_aid_it_prepares_which_stays_a_plan() -> None:
    doc = document(
        "Balai Anak Gelar Bimbingan LKS Penerima Bansos",
        "PALU (27 April 2020) - Balai Anak Nipotowe melaksanakan kegiatan Bimbingan Lembaga Kesejahteraan Sosial "
        "(LKS) penerima Bantuan Sosial (Bansos). Kegiatan ini diikuti oleh Korwil Bansos dan pengurus LKSA yang "
        "akan menerima Bansos.",
        "Kepala Balai menjelaskan tahun ini balai akan menyalurkan Bantuan Sosial kepada 1050 anak melalui LKSA.",
        "Narasumber menjelaskan mekanisme penyaluran Bansos kepada para peserta.",
        published=None)
    assert [(e.type, e.tense, e.date) for e in analyse(doc).events] == [
        ("training", "past", dt.date(2020, 4, 27)), ("aid_distribution", "future", None)]


@pytest.mark.parametrize(("title", "kinds"), [
    ("Gubernur Berbagi Kebahagiaan Bersama Anak-anak Panti Asuhan Tarakani", ["visit"]),
    ("Gubernur Berbagi Keceriaan dan Kebersamaan di Panti Asuhan Tarakani", ["visit"]),
    ("Gubernur Berbagi Kasih dengan Anak-anak Panti Asuhan Tarakani", ["aid_distribution", "visit"]),
])
def test_sharing_cheer_is_company_where_sharing_love_is_charity(title: str, kinds: list[str]) -> None:
    doc = document(
        title,
        "TOBELO - Gubernur Maluku Utara mengunjungi Panti Asuhan Tarakani di Desa Togawa Besi, Kamis (26/6/2025), "
        "dan berbagi kebahagiaan bersama anak-anak panti dalam jamuan makan malam.",
        published=dt.date(2025, 6, 27))
    assert sorted(e.type for e in analyse(doc).events) == kinds


def test_a_committees_name_and_a_programmes_parts_are_no_activities() -> None:
    doc = document(
        None,
        "DEPOK - Kementerian Sosial menyelenggarakan rapat pembahasan standar layanan LKS di Depok, Selasa "
        "(10/9/2019).",
        "Rapat dihadiri Sekjen Komite Akreditasi Nasional (KAN) dan perwakilan Komite Sertifikasi Profesi.",
        "Program ATENSI meliputi pelatihan vokasional dan pendampingan keluarga.")
    assert [e.type for e in analyse(doc).events] == ["coordination_meeting"]


def test_what_a_programme_comprises_is_no_activity_held() -> None:
    doc = document(
        None,
        "JAKARTA - Menteri Sosial menyalurkan bantuan program ATENSI kepada LKS di Jakarta, Senin (4/10/2021).",
        "Program ATENSI itu antara lain pelatihan vokasional bagi penerima manfaat.",
        "Program ini juga mencakup pelatihan kewirausahaan.")
    assert [e.type for e in analyse(doc).events] == ["aid_distribution"]


@pytest.mark.parametrize(("supervision", "visited"), [
    ("Dinas Sosial mendapat sorotan atas lemahnya pengawasan terhadap panti asuhan yang beroperasi tanpa izin. "
     "Anggota DPRD menilai ada kelalaian dalam pengawasan.", False),
    ("Jika pengawasan terhadap panti asuhan itu dilakukan lebih ketat, kasus ini bisa dicegah, kata anggota DPRD.",
     False),
    ("Dinas Sosial melakukan pengawasan terhadap panti asuhan yang beroperasi tanpa izin.", True),
])
def test_a_lacking_or_hypothetical_supervision_is_no_visit(supervision: str, visited: bool) -> None:
    doc = document("DPRD Soroti Panti Asuhan Tanpa Izin",
                   f"SURABAYA - {supervision}", "Panti asuhan itu menampung 20 anak, Rabu (5/2/2025).",
                   published=None)
    assert ("visit" in [e.type for e in analyse(doc).events]) is visited


def test_a_titles_dot_ends_no_sentence_so_the_lead_names_its_home_with_its_act() -> None:
    doc = document(None,
                   "PALANGKA RAYA – Kunjungan Gubernur H. Agustiar Sabran ke Panti Sosial Tresna Werdha (PSTW) Sinta "
                   "Rangkang pada Kamis (8/5/2025) membawa pesan penting bagi dunia usaha.",
                   "Kepala Dinas Sosial mengajak semua pihak ikut berkontribusi.", published=None)
    analysis = analyse(doc)
    assert analysis.relevant
    assert [(e.type, e.date) for e in analysis.events] == [("visit", dt.date(2025, 5, 8))]


def test_a_capitalised_plan_word_inside_a_name_announces_nothing() -> None:
    doc = document(None,
                   "Binjai – Penasehat DWP Langkat Ibu Terbit Rencana dan Ibu Syah Afandin menghadiri bakti sosial "
                   "mengunjungi panti sosial Tresna Werda Abdi di Binjai, Jumat (18/10/2019).", published=None)
    assert {e.tense for e in analyse(doc).events} == {"past"}


@pytest.mark.parametrize(("accreditation", "kinds"), [
    ("Budi menjelaskan, proses akreditasi panti asuhan membutuhkan pengisian instrumen.", ["training"]),
    ("Pada kesempatan itu, tim asesor juga mengakreditasi tiga LKSA peserta.", ["training", "accreditation"]),
    ("Pada kesempatan itu, tujuh LKSA menerima tanda daftar dari Kepala Bidang.", ["training", "accreditation"]),
])
def test_accreditation_talked_about_at_a_training_is_its_topic_unless_someone_accredits(
        accreditation: str, kinds: list[str]) -> None:
    doc = document("Bimtek Akreditasi Panti Asuhan Digelar",
                   "MALANG - Bimtek akreditasi bertujuan meningkatkan pemahaman pengurus LKSA.",
                   "Hal itu disampaikan Budi saat menjadi pemateri pada Bimbingan Teknis Akreditasi Panti Asuhan yang "
                   "diselenggarakan Majelis Kesejahteraan Sosial di Malang, Sabtu (19/10/2019).",
                   "Dia menjelaskan, secara khusus bimtek bertujuan agar peserta mampu menerapkan standar pengasuhan.",
                   accreditation, published=None)
    assert [e.type for e in analyse(doc).events] == kinds


@pytest.mark.parametrize("sentence", [
    # A forestry degree is no anniversary.
    "Bantuan diserahkan Kepala UPTD Kesos Lansia, Fransiskus Xaverius Nong, S.Hut, kepada pengurus panti jompo, "
    "Senin (3/3/2025).",
    # Aid sent on its way is no send-off of people.
    "Wali Kota melepas satu pikap sembako menuju Panti Asuhan Bundo Saiyo, Senin (3/3/2025).",
    # Grace is no award.
    "Pengurus panti asuhan menyerahkan bantuan sebagai bentuk syukur atas anugerah Tuhan, Senin (3/3/2025).",
])
def test_words_that_only_look_like_an_occasion_add_no_other_event(sentence: str) -> None:
    doc = document("Bantuan untuk Panti Asuhan", f"KUPANG - {sentence}", published=None)
    assert "other" not in [e.type for e in analyse(doc).events]
