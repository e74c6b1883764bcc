"""Relevance and events: is the article about an LKKS/LKS-type body, and which activities does it report."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import urlsplit

from pipeline.analyse.context import SENTENCE_END, ArticleText, may_contain
from pipeline.analyse.dates import FIRST_NEWS_YEAR, day_and_month
from pipeline.analyse.organizations import (
    OrgMention,
    dominant_region,
    find_org_mentions,
    organization_kinds,
    organization_spans,
)
from pipeline.analyse.titles import (
    DOTTED_PREFIXES,
    HONORIFICS,
    MONTHS_AND_DAYS,
    PASSIVE_REPORTING_STEMS,
    REPORTING_VERB_STEMS,
    CaselessPattern,
    looks_like_headline,
    phrase_key,
    word_regex,
    words_of,
)
from pipeline.models import Analysis, DateMention, Event, EventType, Organization, Tense

# Strong cues name the activity itself; weak ones are words that also occur as background talk.
_CUES: dict[EventType, tuple[str, str]] = {
    "inauguration": (
        """pelantikan dilantik dilantiknya melantik lantik pengukuhan dikukuhkan dikukuhkannya mengukuhkan kukuhkan
        pengambilan_sumpah mengambil_sumpah diambil_sumpah diambil_sumpahnya serah_terima_jabatan sertijab
        pengucapan_sumpah mengucapkan_sumpah pelantikkan pengukuhkan""",
        "sumpah_jabatan",
    ),
    "coordination_meeting": (
        """rapat_koordinasi rakor rakorda rakornis rakorwil rakornas rapat_kerja raker rakerda rakernas rakerwil
        rakercab audiensi beraudiensi audensi beraudensi audiens beraudiens forum_koordinasi temu_koordinasi pertemuan_koordinasi rapat_pleno
        temu_pengurus temu_anggota temu_forum
        rapat_pengurus rapat_anggota rapat_evaluasi rapat_pimpinan rapim rapimnas rapimda rapimwil rapimcab
        rapat_konsolidasi temu_konsolidasi fgd focus_group_discussion diskusi_kelompok_terarah temu_kerja
        temu_konsultasi rapat_konsultasi rapat_dengar_pendapat rdp""",
        """rapat pertemuan silaturahmi silaturahim silahturahmi silaturrahmi bersilaturahmi bersilaturahim diskusi rembuk
        rembug sarasehan bertemu
        menemui tatap_muka bertatap_muka dialog berdialog reses""",
    ),
    "deliberation": (
        """musyawarah_daerah musyawarah_wilayah musyawarah_kerja musyawarah_luar_biasa musyawarah_daerah_luar_biasa
        musyawarah_nasional musyawarah_cabang musyawarah_besar musyawarah_anggota musda musdalub muswil musywil
        muker munas muscab pemilihan_ketua secara_aklamasi terpilih_sebagai_ketua terpilih_menjadi_ketua musprov
        muskab muskot musyawarah_provinsi musyawarah_kabupaten musyawarah_kota rapat_formatur pemilihan_pengurus
        memilih_ketua diamanahi_sebagai_ketua""",
        "musyawarah formatur",
    ),
    "training": (
        """bimbingan_teknis bimbingan_teknik bimtek pelatihan diklat workshop lokakarya peningkatan_kapasitas capacity_building
        pengembangan_kapasitas
        seminar training penguatan_kapasitas peningkatan_kompetensi peningkatan_keterampilan peningkatan_kemampuan
        pembekalan webinar kursus penataran coaching
        mentoring bimbingan_sosial""",
        # "acara Bimbingan Fisik, Mental dan Sosial": a social office's standard programme for residents of a panti.
        # "Penguatan/peningkatan kualitas SDM" is also every official's stock phrase about the future: weak.
        """pembinaan membina dibina bimbingan sosialisasi menyosialisasikan mensosialisasikan sosialisasikan disosialisasikan
        penyuluhan orientasi edukasi melatih dilatih digembleng membekali dibekali penguatan_sdm penguatan_lkks penguatan_lks
        penguatan_lksa penguatan_lk3 penguatan_lembaga penguatan_kelembagaan penguatan_pengurus
        penguatan_sumber_daya_manusia
        peningkatan_kualitas_sdm peningkatan_kualitas_sumber_daya_manusia""",
    ),
    "accreditation": (
        """akreditasi reakreditasi diakreditasi visitasi sertifikasi izin_operasional tanda_daftar tanda_terdaftar pendaftaran_lks
        pendaftaran_lksa pendaftaran_lembaga registrasi_lks registrasi_lksa registrasi_lembaga mengakreditasi
        disertifikasi mencabut_izin pencabutan_izin cabut_izin""",
        "perizinan legalitas terakreditasi tersertifikasi",
    ),
    "aid_distribution": (
        """penyaluran menyalurkan disalurkan salurkan penyerahan_bantuan menyerahkan_bantuan serahkan_bantuan santunan
        menyantuni santuni disantuni membagikan dibagikan bagikan pemberian_bantuan memberikan_bantuan
        berikan_bantuan diserahkan_bantuan diberikan_bantuan penyerahan_santunan bansos paket_sembako
        membagi-bagikan mendistribusikan didistribusikan pendistribusian distribusi_bantuan menyumbangkan
        disumbangkan memberi_bantuan memberikan_santunan memberi_santunan menyerahkan_santunan menyerahkan_paket
        menyerahkan_donasi penyerahan_donasi penyerahan_paket tali_asih pembagian_bantuan pembagian_sembako
        pembagian_paket pembagian_santunan penyampaian_bantuan pemberian_permakanan bantuan_permakanan""",
        # A "bakti sosial" of a welfare body is mostly goods or services handed to people in need; "permakanan" is
        # the ministry's meals programme for the elderly, disabled and neglected children.
        "bantuan berbagi donasi hibah sumbangan bingkisan bakti_sosial bhakti_sosial baksos permakanan",
    ),
    "visit": (
        """kunjungan kunjungan_kerja kunker berkunjung mengunjungi kunjungi dikunjungi meninjau tinjau peninjauan
        supervisi studi_banding studi_tiru study_banding study_tiru menyambangi disambangi sambangi bertandang anjangsana beranjangsana anjang_sana blusukan
        inspeksi sidak peninjauan_lapangan turun_lapangan kunjungan_lapangan ditinjau menjenguk dijenguk jenguk
        penjangkauan
        melawat""",
        # Field assessment of institutions is monitoring: mapping, data collection, verification visits.
        "monitoring monev pemantauan memantau dipantau memonitor dimonitor pemetaan asesmen assessment pendataan"
        " verifikasi_lapangan mendatangi didatangi pengawasan mengawasi awasi diawasi",
    ),
    # Occasions of a welfare body that fit none of the kinds above: anniversaries, launches, send-offs,
    # contests and awards, jamborees, thanksgivings, the "terminasi" that ends residents' stay in a home.
    "other": (
        """hut hari_ulang_tahun hari_jadi milad dies_natalis syukuran tasyakuran peluncuran meluncurkan diluncurkan
        peresmian meresmikan diresmikan
        launching jambore pelepasan melepas dilepas lomba perlombaan seleksi halal_bihalal halalbihalal halal_bi_halal
        penganugerahan menganugerahkan dianugerahi anugerah pameran festival wisata_edukasi
        peletakan_batu_pertama groundbreaking khitanan_massal khitan_massal sunatan_massal pentas_seni terminasi""",
        # An award or an outing is mostly mentioned in passing ("diberikan penghargaan"): only held ones count.
        "",
    ),
}
# Words that name an activity only where the writer says it was held ("menggelar kegiatan koordinasi", "acara
# konsolidasi"); elsewhere they are what bodies do all the time ("memperkuat koordinasi").
_HELD_ONLY_CUES: dict[EventType, str] = {"coordination_meeting": "koordinasi sinkronisasi konsolidasi",
                                         # The welfare calendar's national days, when a body holds them.
                                         "other": "penghargaan award wisata outbound hlun hksn peringatan_hlun peringatan_han"
                                                  " peringatan_hksn peringatan_hdi peringatan_hari_lanjut_usia"
                                                  " peringatan_hari_lansia peringatan_hari_anak"
                                                  " peringatan_hari_disabilitas peringatan_hari_kesetiakawanan"}
_STRONG, _WEAK, _HELD_ONLY = 2.0, 1.0, 0.0
# Each cue phrase ("rapat_koordinasi" stands for "rapat koordinasi") with its event kind and base weight.
_CUE_WEIGHT: dict[str, tuple[EventType, float]] = {
    word.replace("_", " "): (kind, weight)
    for kind, (strong, weak) in _CUES.items()
    for words, weight in ((strong, _STRONG), (weak, _WEAK), (_HELD_ONLY_CUES.get(kind, ""), _HELD_ONLY))
    for word in words.split()
}
_CUE_RE = word_regex(_CUE_WEIGHT)
# The same search over a whole article, run on its lower-cased copy (faster; see `CaselessPattern`).
_CUE_SPANS = CaselessPattern(_CUE_RE.pattern)
_STRONG_CUES = frozenset(word for word, (_, weight) in _CUE_WEIGHT.items() if weight == _STRONG)

# Words that frame a cue as something that took place ("menggelar pembinaan", "acara pelantikan", "rakor
# yang digelar"); they must stand in the same sentence.
_FRAME_BEFORE = word_regex(words_of("""
menggelar gelar mengadakan adakan melaksanakan melakukan menyelenggarakan membuka buka menghadiri hadiri mengikuti
ikuti memimpin pimpin acara kegiatan agenda saat usai seusai resmi kesempatan kunjungan rangkaian sela
dirangkaikan dirangkai juga turut""")
    | {"dalam rangka", "secara resmi"})
_FRAME_AFTER = word_regex(words_of(
    "digelar berlangsung dilaksanakan diadakan diselenggarakan diikuti dibuka dihadiri dilakukan diserahkan diberikan"))
# "mempersiapkan pengukuhan": what is being prepared has not happened yet.
# A meeting's decision to hold an activity ("diputuskan untuk melakukan pengukuhan") announces it too.
_FUTURE = word_regex(words_of("""akan bakal rencananya berencana direncanakan dijadwalkan segera mendatang rencana
nantinya menjanjikan berjanji mempersiapkan menyiapkan persiapan""")
                     | {"diputuskan untuk", "memutuskan untuk", "sepakat untuk", "bersepakat untuk",
                        "disepakati untuk"})
# Names and nouns that hold a future word without announcing anything: "Dinas Sosial, Pengendalian Penduduk dan
# Keluarga Berencana", "rencana kerja" (a work plan).
# A capitalised future word after another capitalised word is part of a person's name ("Ny. Terbit Rencana").
_FUTURE_IN_NAME = re.compile(r"(?i:keluarga\s+berencana|rencana\s+(?:kerja|strategis|aksi))"
                             r"|\b[A-Z][\w.]*[a-z][ \t]+Rencana\b")
# A future word (or "juga") this close to a cue, with no comma between, governs the cue itself ("akan segera
# dilantik"); further away in the sentence it may belong to another activity ("akan terus membina LKS yang ...").
_FUTURE_WORDS_NEAR = 4
_CLAUSE_BREAK = re.compile(r"[,;:()]")
# "akan terus membina", "akan selalu mendukung": a promise to keep doing something announces no activity.
_PURPOSE = re.compile(r"\b(?:untuk|agar|supaya|guna|demi|sehingga)\b", re.IGNORECASE)
_COMMITMENT_AFTER = re.compile(r"[ \t]+(?:terus|senantiasa|selalu|tetap|lebih|semakin|makin|konsisten)\b",
                               re.IGNORECASE)
# An announced activity whose verb follows it: "Musda LKKS Kabupaten X akan digelar pekan depan".
# "Bantuan operasional nanti akan ditransfer ke rekening panti", "santunan itu bakal disalurkan": the hand-over
# verbs of aid and the installing verbs count too, not verbs of what the goods will be used for ("akan
# dimanfaatkan"). A done verb in between ("bantuan yang diserahkan hari ini akan digunakan") reports the act.
_FUTURE_AFTER = re.compile(
    r"(?:[ \t]+(?!(?:telah|sudah|diserahkan|disalurkan|diberikan|dibagikan|digelar|dilaksanakan)\b)[^\s.,;:!?]+){0,8}?"
    r"[ \t]+(?:nanti(?:nya)?[ \t]+)?(?:akan|bakal|rencananya|dijadwalkan|direncanakan|diperkirakan|ditargetkan)"
    r"[ \t]+(?:\w+[ \t]+)?"
    r"(?:digelar|dilaksanakan|diadakan|berlangsung|diselenggarakan|dilakukan|dimulai|disalurkan|diserahkan|diberikan"
    r"|dibagikan|ditransfer|dicairkan|dikirim|dikirimkan|didistribusikan|direalisasikan|digulirkan|dilantik"
    r"|dikukuhkan|dicabut|diterbitkan)\b", re.IGNORECASE)
# "calon penerima bantuan", "mengalokasikan anggaran Rp598 juta untuk bantuan operasional": aid that is budgeted
# or whose recipients are still candidates has not been handed over.
_PLANNED_BEFORE = re.compile(
    r"(?:\bcalon[ \t]+penerima[ \t]+(?:[\w-]+[ \t]+)?|\b(?:mengalokasikan|dialokasikan|menganggarkan|dianggarkan"
    r"|teralokasi|mengusulkan|diusulkan|mengajukan|diajukan)\b[^.;:!?\n]{0,80}\b(?:untuk|bagi|sebagai)[ \t]+"
    r"(?:[\w-]+[ \t]+)?)$", re.IGNORECASE)
_PAST = word_regex(words_of("""
telah sudah resmi kemarin tadi menggelar mengadakan melaksanakan digelar diadakan dilaksanakan diselenggarakan
berlangsung dilantik dikukuhkan melantik mengukuhkan membuka menghadiri diikuti dihadiri menyerahkan menyalurkan
mengunjungi dilakukan diserahkan melakukan""") | {"baru saja", "mengambil sumpah"})
# Indonesian verbs carry no tense: a report's words with a verb prefix (di-, me-, ber-) narrate what happened
# unless a future word says otherwise.
_REPORTED_VERB = re.compile(r"\b(?:di|me|ber)[a-z]{4,}\b")
# "tidak lagi mendapat bantuan", "tanpa orientasi profit": what did not happen is no activity; "tidak hanya"
# ("not only"), "tak lupa" ("did not forget to") and "tak lama setelah" ("soon after") affirm.
# "berada di bawah pengawasan Dinas Sosial", "memperketat pengawasan": a standing duty or a policy, not a visit.
_SUPERVISION_STATE_BEFORE = re.compile(r"\b(?:bawah|memperketat|perketat|diperketat|pengetatan)[ \t]+$", re.IGNORECASE)
_SUPERVISION = frozenset({"pengawasan", "mengawasi", "awasi", "diawasi"})


def _standing_supervision(text: str, key: str, floor: int, start: int) -> bool:
    """True for a supervision word that names a standing duty or a policy, not a visit ("di bawah pengawasan")."""
    return key in _SUPERVISION and _SUPERVISION_STATE_BEFORE.search(text, max(floor, start - 20), start) is not None

_NEGATION_BEFORE = re.compile(
    r"\b(?:tidak|tak|belum|bukan|tanpa|jangan)(?![ \t]+(?:hanya|sekadar|sekedar|cuma|saja|lupa|lama|henti)\b)"
    r"(?:[ \t]+[\w-]+){0,2}[ \t]+$", re.IGNORECASE)
# "LKS yang sudah mengikuti akreditasi": a state of the participants, not the reported activity.
_STATE_BEFORE = re.compile(r"\byang[ \t]+(?:sudah|telah|pernah)[ \t]+(?:[\w-]+[ \t]+)?$", re.IGNORECASE)
# "klaster pembinaan", "prosedur akreditasi", "Bidang Pembinaan", "dana pembinaan": a programme, rule, office
# unit or budget named by the activity word, not the activity itself.
_NOMINAL_BEFORE = re.compile(
    r"\b(?:klaster|bidang|seksi|subbidang|fungsi|pola|sistem|materi|prosedur|mekanisme|tahapan|syarat|persyaratan"
    # "Praktek Pengisian Instrumen Akreditasi": a form or yardstick of the activity, filled in or learnt.
    r"|instrumen|borang|kriteria|indikator|pedoman"
    r"|standar|kebijakan|tugas|peran|balai|pusat|sentra|ruang|wadah|sarana|tempat|penerima|calon"
    # "dana pembinaan", "program pelatihan", "upaya peningkatan kompetensi": money, a programme or an effort
    # under the activity's name.
    r"|dana|anggaran|biaya|insentif|program|upaya"
    # "Korwil Bansos", "pendamping bansos", "Tim Koordinator Bantuan": people named by the work they do.
    r"|korwil|koordinator|pendamping|petugas|operator"
    # "lemahnya pengawasan", "minimnya bantuan", "kelalaian dalam pengawasan": a lack or a fault, not an act.
    r"|lemahnya|kurangnya|minimnya|buruknya|rendahnya|ketiadaan|kelemahan|kelalaian(?:[ \t]+dalam)?"
    r"|(?:tidak|belum)[ \t]+adanya)[ \t]+$", re.IGNORECASE)
# The verbs by which someone holds an activity ("menggelar rapat", "mengadakan pertemuan").
_ORGANISING_VERBS = "menggelar|mengadakan|melaksanakan|menyelenggarakan"
# "menggelar peringatan", "mengadakan acara peringatan": the organising verb right before a word.
_ORGANISED_RIGHT_BEFORE = re.compile(rf"\b(?:{_ORGANISING_VERBS})[ \t]+(?:(?:acara|kegiatan)[ \t]+)?$", re.IGNORECASE)
# "menggelar pertemuan", "mengadakan rapat informal": an organising verb one word or none before it.
_ORGANISED_BEFORE = re.compile(rf"\b(?:{_ORGANISING_VERBS})[ \t]+(?:[\w-]+[ \t]+)?$", re.IGNORECASE)
# "acara konsolidasi", "menggelar sosialisasi", "pembinaan yang digelar": a word the writer names as an event, or
# says was held, is one, however often the same word serves as background talk elsewhere.
# "Puncak peringatan HKSN", "puncak HLUN": the day's main ceremony, held; "acara dilanjutkan dengan penyerahan
# paket sembako", "dirangkai dengan rapat koordinasi": a part of the programme, held.
_HELD_BEFORE = re.compile(
    rf"\b(?:acara|kegiatan|agenda|puncak|{_ORGANISING_VERBS}|menghadiri|membuka|memimpin"
    r"|(?:dilanjutkan|dirangkai|dirangkaikan|diisi|ditutup|diakhiri|diawali)[ \t]+dengan)(?:[ \t]+kegiatan)?[ \t]+$",
    re.IGNORECASE)
_HELD_VERBS = "digelar|dilaksanakan|diadakan|diselenggarakan|berlangsung"
_HELD_AFTER = re.compile(rf"[ \t]+(?:yang[ \t]+)?(?:{_HELD_VERBS}|dibuka)\b", re.IGNORECASE)
# "Sosialisasi dan Penguatan LKS Lanjut Usia yang digelar oleh Direktorat ...": one occasion, named then said held.
_HELD_LATER = re.compile(rf"[^,.;:!?\n]{{0,60}}?\byang[ \t]+(?:{_HELD_VERBS})\b", re.IGNORECASE)
# "bantuan yang diberikan ke panti", "santunan yang diserahkan kepada 50 anak", "bantuan berupa beras": aid named
# as handed over to someone or listed as goods.
_HANDED_AFTER = re.compile(
    r"[ \t]+(?:(?:tersebut|ini|itu)[ \t]+)?(?:yang[ \t]+)?(?:(?:telah|sudah)[ \t]+)?(?:berupa\b|(?:diberikan|diserahkan"
    r"|disalurkan|dibagikan|diterimakan)(?:[ \t]+[^\s.,;:!?]+){0,3}?[ \t]+(?:ke|kepada|bagi|untuk)\b)", re.IGNORECASE)
# "menyerahkan dana bantuan": money handed over, where "dana bantuan" alone is a budget.
_FUNDS_GIVEN_BEFORE = re.compile(r"\b(?:menyerahkan|memberikan|menyalurkan|membagikan|diserahkan|diberikan|disalurkan"
                                 r"|dibagikan)[ \t]+(?:dana|uang)[ \t]+$", re.IGNORECASE)
# "Pelatihan kepada 22 pengelola panti telah dilakukan": the cue is the subject of a completed act, said in
# a quote or not.
_DONE_AFTER = re.compile(
    r"(?:[ \t]+[^\s.,;:!?\"“”]+){0,12}?[ \t]+(?:telah|sudah)[ \t]+(?:kami[ \t]+)?(?:dilakukan|dilaksanakan|digelar"
    r"|diadakan|diselenggarakan|berlangsung|diikuti|diberikan|diserahkan|disalurkan|dibagikan|diterima"
    r"|dilantik|dikukuhkan|selesai|rampung|tuntas)\b", re.IGNORECASE)
# "Badan Akreditasi Lembaga Kesejahteraan Sosial", "Badan Pendidikan, Penelitian dan Penyuluhan Sosial", "Balai
# Besar Pelatihan": a capitalised cue inside the name of a government body or unit names no activity.
_INSTITUTION_BEFORE = re.compile(
    r"\b(?:Badan|Balai|Pusat|Pusdiklat|Lembaga|Dinas|Direktorat|Bidang|Subbidang|Seksi|Subseksi|Bagian|Subbagian"
    r"|Unit|Sentra|Sekolah|Politeknik|Akademi|Komisi|Komite|Kantor|Biro|Deputi|Loka|Kelompok[ \t]+Kerja|Pokja|Satgas)"
    r"(?:[ \t]+(?:[A-Z][\w-]*,?|dan|&))*[ \t]+$")
# "sosialisasi tentang akreditasi", "mulai dari akta notaris hingga izin operasional": the topic of a talk.
# "membahas pelatihan pengurus", "agar siap diakreditasi": what a meeting discussed or an aim, not a held activity;
# "akreditasi bisa mempermudah penyaluran bantuan": a benefit, not an act.
_TOPIC_BEFORE = re.compile(
    r"\b(?:tentang|mengenai|terkait|seputar|mulai[ \t]+dari|membahas|dibahas|pembahasan|membicarakan|mendiskusikan"
    r"|mengusulkan|diusulkan|usulan|agar|supaya|guna|demi|mempermudah|memudahkan|mempercepat|memperlancar"
    # "memiliki visi, membina anak yatim": what a body is for, not an act it reports.
    r"|visi|misi|bertujuan|tujuannya|bertugas"
    # "memberikan pemahaman pentingnya akreditasi": what people are to learn about, not an act.
    r"|pentingnya|pemahaman|memahami|pengetahuan|wawasan|manfaat"
    # "Program ATENSI antara lain pemberian bantuan ... serta pelatihan vokasional": what a programme comprises.
    r"|program\b[^.;:!?\n]{0,40}?\b(?:antara[ \t]+lain|meliputi|mencakup|terdiri[ \t]+(?:dari|atas)))\b"
    r"[^.;:!?\n]{0,80}$", re.IGNORECASE)
# "panti berkedok donasi", "mencari keuntungan dari donasi", "modus bantuan sosial": what is sought or pretended,
# not given.
_PRETEXT_BEFORE = re.compile(r"\b(?:berkedok|kedok|mengatasnamakan|modus|dalih|mencari|keuntungan[ \t]+dari)"
                             r"[ \t]+(?:[\w-]+[ \t]+)?$", re.IGNORECASE)
# "Korban Ar (48) mendatangi panti tersebut untuk menagih utang": in a crime report the parties' own moves are the
# incident's, not a welfare body's activity.
_CRIME_PARTY = re.compile(r"[ \t\"“]*(?:(?:para|kedua|ketiga)[ \t]+)?(?:korban|pelaku|tersangka|terdakwa|terduga)\b",
                          re.IGNORECASE)
_BACKGROUND_FACTOR = 0.25
_NAME_WITH_ACRONYM_AFTER = re.compile(r"(?:[ \t]+(?:[A-Z][\w-]*|dan|untuk|bagi))*[ \t]*\([A-Z][A-Za-z-]{1,15}\)")
# Transitive verb forms ("mengunjungi", "membagikan", "disalurkan"): the act itself, never another cue's topic.
_DONE_VERB = re.compile(r"(?:me(?:m|n|ng|ny)?|di)[a-z]{3,}(?:kan|i)$", re.IGNORECASE)
_TOPIC_GAP = 8
_AID_PURPOSE_REACH = 16
# One plain word between an aid word and another kind's cue ("bantuan operasional pelatihan"), not a conjunction.
_AID_PURPOSE_GAP = re.compile(r"[ \t]+(?!(?:dan|serta|atau|juga|maupun|sekaligus|kemudian|lalu)[ \t])[a-z]+[ \t]+")
_RESTATED_GAP = re.compile(r"(?:[ \t]+[A-Z][\w-]*){0,4}[ \t]*")
_LIST_GAP = re.compile(r"[ \t]*(?:,|/|&|dan|serta)?[ \t]*", re.IGNORECASE)
# "Pada kesempatan itu ... juga diserahkan bantuan": a further activity of the same occasion.
_OCCASION = re.compile(
    r"\W*(?:(?:pada|dalam|di)[ \t]+(?:kesempatan|kegiatan|acara|momen|momentum|agenda|kunjungan|anjangsana|pertemuan"
    r"|silaturahmi|safari)[ \t]+(?:itu|ini|tersebut"
    r"|yang[ \t]+sama)|di[ \t]+sela(?:-sela)?\b|selain[ \t]+itu|usai|seusai|setelah)", re.IGNORECASE)
# "sejak 15 Oktober 2024 hingga saat ini": the start of a state that lasts, not the day of an activity; a
# training held "sejak 26 Maret" that has now closed is dated by that day.
_UNTIL_NOW = re.compile(r"[ \t,]*(?:hingga|sampai|sampai[ \t]+dengan)[ \t]+(?:saat[ \t]+ini|sekarang|kini)\b",
                        re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\b(?:sejak|semenjak|terhitung[ \t]+(?:sejak|mulai))[ \t]+(?:tanggal[ \t]+)?$",
                           re.IGNORECASE)
# "data per 8 Januari 2024": the day figures stand at, not the day of an activity.
_AS_OF_BEFORE = re.compile(r"\bper[ \t]+(?:tanggal[ \t]+)?$", re.IGNORECASE)
# "berharap pengurus yang baru dilantik dapat ...": the hope is about people the act has made.
_JUST_DONE_BEFORE = re.compile(r"\byang[ \t]+(?:baru[ \t]+(?:saja[ \t]+)?)?$", re.IGNORECASE)
# "dalam rangka memperingati Hari Kartini tanggal 21 April": the day a holiday falls on, not the activity's.
# An activity held "bertepatan dengan HUT Kota Tarakan pada 14 Desember" is on that day.
# "Dua hari menjelang Natal 25 Desember 2022": the day approached is not the day of the act.
_COMMEMORATED_BEFORE = re.compile(r"\b(?:memperingati|peringatan|diperingati|menjelang|jelang)\b[^.,;:\n]{0,50}$",
                                  re.IGNORECASE)
# "menyambut Hari Kartini yang jatuh pada tanggal 21 April": the day a holiday falls on, whatever marks it.
_FALLS_ON_BEFORE = re.compile(r"\bjatuh[ \t]+pada[ \t]+(?:(?:hari|tanggal)[ \t]+)?$", re.IGNORECASE)
_COINCIDING = re.compile(r"\bbertepatan\b", re.IGNORECASE)
_TITLE_DEMAND = re.compile(r"\b(?:desak|mendesak|minta|meminta|dorong|mendorong|usul|usulkan|mengusulkan|tuntut"
                           r"|menuntut|harap|berharap|imbau|mengimbau|ajak|mengajak|siap|bersiap|akan|bakal"
                           # "Panti Asuhan Harapan Bangsa Menanti Bantuan Dermawan": awaited or lacked, not given.
                           r"|menanti|nanti|nantikan|menantikan|menunggu|tunggu|butuh|butuhkan|membutuhkan|perlu"
                           r"|memerlukan|kekurangan|minim|sepi|kurang|dambakan|mendambakan)\b",
                           re.IGNORECASE)
_LEAD_CHARACTERS = 600
_DEFINED_AFTER = re.compile(r"[ \t]+(?:merupakan|adalah|ialah)\b", re.IGNORECASE)
# "dalam rangka memperingati HUT Kemerdekaan", "menyambut HUT Kabupaten": the occasion another activity marks,
# not one of its own; "melepas rindu" is missing someone, not a send-off.
_MARKED_OCCASION_BEFORE = re.compile(
    r"\b(?:rangka|rangkaian|serangkaian|memperingati|peringatan|diperingati|menyambut|sambut|memeriahkan|jelang|menjelang"
    r"|bertepatan|momentum|momen)\b"
    r"[^.;:!?\n]{0,20}$", re.IGNORECASE)
_NOT_A_SEND_OFF = re.compile(r"[ \t]+(?:rindu|kangen|penat|lelah|tanggung[ \t]+jawab)\b", re.IGNORECASE)
# "melepas satu pikap sembako menuju panti", "pelepasan truk bantuan": aid sent on its way, not people seen off.
_SEND_OFFS = frozenset({"pelepasan", "melepas", "dilepas"})
_GOODS_SENT_AFTER = re.compile(r"(?:[ \t]+[\w-]+){0,2}?[ \t]+(?:bantuan|sembako|logistik|beras|paket|pikap|pick[ \t]?up"
                               r"|truk|armada|kendaraan|pengiriman|pendistribusian|distribusi)\b", re.IGNORECASE)
# "anugerah Tuhan", "anugerah dari Allah": grace, not an award.
_GRACE_AFTER = re.compile(r"[ \t]+(?:dari[ \t]+)?(?:Tuhan|Allah|Ilahi|Yang[ \t]+Maha)\b", re.IGNORECASE)
_FIGURATIVE_SHARE_AFTER = re.compile(
    r"[ \t]+(?:kebahagiaan|kebahagian|keceriaan|kegembiraan|kebersamaan|sukacita|suka[ \t]+cita|senyum|senyuman"
    r"|tawa|cinta|kehangatan|cerita|kisah|pengalaman|ilmu|pengetahuan|inspirasi|motivasi|semangat|momen|waktu)\b",
    re.IGNORECASE)


def _shares_no_goods(text: str, key: str, end: int) -> bool:
    """True for "berbagi" followed by what is shared without goods: "berbagi kebahagiaan", "berbagi ilmu"."""
    return key == "berbagi" and _FIGURATIVE_SHARE_AFTER.match(text, end) is not None


_SERVICE_EVENTS = frozenset({"bakti sosial", "bhakti sosial", "baksos"})
_SERVICE = re.compile(r"\b(?:(?:di|ber|peng)?(?:k?hitan|sunat)\w*|pengobatan|operasi|donor|pemeriksaan|cek[ \t]+kesehatan"
                      r"|layanan[ \t]+kesehatan)\b", re.IGNORECASE)
_SETTING = re.compile(r"\W*(?:pada|dalam|di)[ \t]", re.IGNORECASE)
_BESIDES_BEFORE = re.compile(r"\b[Ss]elain[ \t]+$")
_ALSO = word_regex(words_of("juga pun turut sekaligus"))
# "LKKS juga rutin menyalurkan bantuan setiap bulan": a habit, not an activity the report is about.
# "akan terus membina", "senantiasa mendukung", "berkomitmen menyalurkan": a standing commitment, not an activity;
# "juga pernah menyalurkan": something done at some time, not the reported act.
# "Selama tahun 2014, ... telah memberikan bantuan", "dalam satu tahun terakhir": a summary of a period's work,
# anywhere in the cue's sentence.
_RETROSPECTIVE = re.compile(r"\b(?:(?:selama|sepanjang)[ \t]+(?:tahun|periode|masa)\b|(?:satu|dua|tiga|beberapa)[ \t]+"
                            r"tahun[ \t]+(?:terakhir|belakangan))", re.IGNORECASE)
_HABITUAL = re.compile(r"\b(?:rutin|biasanya|berkala|selalu|senantiasa|terus|berkomitmen|komitmen|pernah|selama[ \t]+ini"
                       # "sering menerima bantuan dari donatur", "hanya mengandalkan bantuan donatur": how a home lives.
                       r"|sering|kerap(?:[ \t]+kali)?|acap(?:[ \t]+kali)?|mengandalkan|bergantung|tergantung"
                       r"|(?:setiap|tiap)[ \t]+(?:tahun|bulan|minggu|pekan|hari|triwulan|semester))\b", re.IGNORECASE)
# "baru-baru ini", "beberapa waktu lalu": the report gives no day, so none may be borrowed from the page.
_WEEKDAY_BEFORE = re.compile(r"\b(?:senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad)[ \t]+$", re.IGNORECASE)
# "pekan lalu", "akhir bulan lalu", "pada Juli lalu": a week or a month, no day.
_VAGUE_TIME = re.compile(
    r"\b(?:baru-baru[ \t]+ini|belum[ \t]+lama[ \t]+ini|beberapa[ \t]+(?:waktu|hari|pekan|minggu|bulan)"
    r"[ \t]+(?:yang[ \t]+)?lalu|(?:(?:awal|akhir|pertengahan)[ \t]+)?(?:pekan|bulan)[ \t]+(?:yang[ \t]+)?lalu"
    r"|(?:pada|bulan|awal|akhir|pertengahan)[ \t]+(?:januari|februari|maret|april|mei|juni|juli|agustus|september"
    r"|oktober|november|desember)(?:[ \t]+(?:19|20)\d{2})?(?![ \t]*\d)"
    # "sepanjang tahun 2024", "selama 2023": a year's work, no day ("Bimtek ... tahun 2022" names an edition).
    r"|(?:pada|sepanjang|selama)[ \t]+(?:tahun[ \t]+)?(?:19|20)\d{2}(?![ \t]*[-–/]))\b", re.IGNORECASE)
_WISH = word_regex(words_of("""berharap harap diharapkan harapkan semoga berupaya mengupayakan mudah-mudahan ingin meminta minta mendorong dorong
mengajak ajak mengimbau imbau menargetkan targetkan agar supaya kiranya"""))
_QUOTES = re.compile("[\"“”]")
_SPEECH_VERBS = (r"(?:(?:" + "|".join(REPORTING_VERB_STEMS) + r")(?:nya)?|harap"
                 r"|mengatakan|menjelaskan|menyampaikan|mengungkapkan|menegaskan|menuturkan|menerangkan|menyebutkan"
                 r"|mengaku|berharap|menambahkan|memaparkan)")
# A date in the attribution of a quote or a reported statement, before or after the speech verb.
_SPEECH_BEFORE = re.compile(r"\b" + _SPEECH_VERBS + r"\b,?[ \t]+(?:(?:[A-Z][\w.'’-]*|dia|ia|beliau)[ \t,]+){0,5}(?:di[ \t]+[A-Z][\w-]*"
                            r"(?:[ \t]+[A-Z][\w-]*)?[ \t,]+)?(?:pada[ \t]+)?$")
_SPEECH_AFTER = re.compile(r"[ \t]*,?[ \t]*" + _SPEECH_VERBS + r"\b")
# "kata Sri ditemui di kantornya, Senin (8/12)", "ujar dia kepada Tangerang7.com, Minggu": the day the reporter
# talked to someone, not the day of an activity, unless the talk was at it ("ditemui usai pelantikan").
_INTERVIEW_BEFORE = re.compile(
    r"\b(?:di(?:temui|konfirmasi|hubungi|wawancarai|jumpai)|kepada[ \t]+(?:para[ \t]+)?(?:wartawan|awak[ \t]+media"
    r"|media(?:[ \t]+ini)?|jurnalis|pers|reporter|antara)|kepada[ \t]+[\w-]+\.(?:com|id|co\.id|net)"
    # An outlet by its name: "Kepada Khatulistiwaonline", "kepada Tribunnews".
    r"|kepada[ \t]+(?-i:(?:[A-Z]\w*[ \t]+)?[A-Z][a-z]+(?:online|news|pos|post|times|today))"
    r"|(?:di|dari)[ \t]+(?:ruang[ \t]+kerjanya|kantornya|kediamannya|rumahnya)"
    r"|(?:melalui|via|lewat)[ \t]+(?:sambungan[ \t]+)?(?:telepon|telpon|ponsel|pesan|whatsapp|wa))\b", re.IGNORECASE)
_AT_EVENT = re.compile(
    r"\b(?:usai|seusai|selepas|setelah|sesudah|sela|disela|(?:saat|ketika|dalam|pada)[ \t]+(?:membuka|menutup"
    r"|menghadiri|memberikan|acara|kegiatan|pelaksanaan|sambutan))\b", re.IGNORECASE)
_INTERVIEW_REACH = 150
# A statement's attribution: a speech verb, a passive one ("dikatakan"), "disampaikan" of words ("Hal itu
# disampaikan", "Demikian disampaikan"; of goods it is a handing-over) or "keterangannya".
_ATTRIBUTION = re.compile(
    r"\b(?:" + _SPEECH_VERBS + r"|di(?:" + "|".join(PASSIVE_REPORTING_STEMS) + r")kan"
    r"|(?:hal|pernyataan|harapan|penjelasan|keterangan|pesan|imbauan|ajakan|demikian)(?:[ \t]+\w+){0,2}?[ \t]+"
    r"disampaikan|keterangannya)\b", re.IGNORECASE)
# Where the attribution's sentence ends: after a date, only a closing bracket may stand before the full stop.
_ATTRIBUTION_END = re.compile(r"[ \t]*\)?[ \t]*(?:[.\n]|$)")
# A full stop after a lower-case word ends a sentence; after "Drs", "Kab", "M.Si" it does not.
_WORD_SENTENCE_END = re.compile(r"[a-z]{3}[.!?][\"”’]?[ \t]")
_ATTRIBUTION_REACH = 300
_ANNOUNCED_DAY_BEFORE = re.compile(
    r"\b(?:akan|bakal|rencananya|dijadwalkan|direncanakan)\b[^.;:!?\n]{0,40}$", re.IGNORECASE)
# "Senin, 4 Agustus 2025 | 08:23 WIB": a page's time stamp; an activity's hour is "pukul 09.00".
_TIME_STAMP_AFTER = re.compile(r"[ \t]*(?:[|•·,\-–—][ \t]*)?\d{1,2}:\d{2}(?::\d{2})?\b")
# "Kegiatan yang digelar Kamis (1/8/2025)": the day the writer says the activity was held.
_HELD_ON_BEFORE = re.compile(
    rf"\b(?:{_HELD_VERBS}|dihelat|dibuka)(?:[ \t]+(?:pada|sejak|mulai))?"
    r"(?:[ \t]+(?:hari|tanggal))?[ \t,]*$", re.IGNORECASE)

# An LKS-type body must be central; these neighbouring topics alone do not make an article relevant.
_OFF_TOPIC = word_regex(words_of("pkk posyandu bpjs pilkada pemilu stunting banjir kebakaran narkoba sepakbola") | {
    "karang taruna", "rt/rw", "lembaga adat", "majelis adat", "dewan adat", "sepak bola"})
# Bodies whose own field is one of those topics: for a drug-rehabilitation LKS (IPWL), drugs are its subject.
_OWN_FIELD: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bIPWL\b|\binstitusi\s+penerima\s+wajib\s+lapor\b", re.IGNORECASE), "narkoba"),
)
# Who an installation installs: a board ("pengurus", "ketua") or an LKS-type body named beside the cue.
_BOARD = word_regex(words_of("""pengurus kepengurusan ketua wakil anggota dewan pengawas pembina penasehat penasihat
presidium badan_pengurus lkks lks lksa lk3 bkkks flks forum forwil forda panti yayasan organisasi lembaga terpilih"""))
# "(dilantik) sebagai Kepala Dinas Sosial", "resmi jabat kadinsos": a government post taken, not by "oleh" someone.
_GOVERNMENT_POST = re.compile(
    r"(?<!oleh )\b(?:sebagai|menjadi|jabat|menjabat|pelantikan|melantik)[ \t]+(?:[A-Z][\w.'’-]*,?[ \t]+){0,4}"
    r"(?:(?:sebagai|menjadi)[ \t]+)?(?:(?:pj|plt|plh|penjabat)\.?[ \t]+)?"
    r"(?:kepala[ \t]+(?:dinas|badan|bagian|bidang|kantor|biro|upt|uptd|dinsos)|kadis\w*|kadinsos|kaban|kabag|kabid"
    r"|sekretaris[ \t]+daerah|sekda|camat|lurah|kepala[ \t]+desa|kades|pejabat|direktur|inspektur|asisten"
    r"|staf[ \t]+ahli|bupati|wakil[ \t]+bupati|wali[ \t]?kota|wakil[ \t]+wali[ \t]?kota|gubernur|wakil[ \t]+gubernur)\b",
    re.IGNORECASE)
_LKS_KINDS = frozenset({"LKKS", "LKS", "LKSA", "FORUM_LKS"})
_EVENT_ORG_KINDS = frozenset({"LKKS", "LKS", "LKSA", "FORUM_LKS", "DINSOS", "KEMENSOS"})
_RELATIVE_PERIOD = re.compile(
    r"\b(?:periode|masa\s+(?:bakti|bhakti|jabatan|khidmat|kepengurusan))\s+(?P<years>satu|dua|tiga|empat|lima|enam"
    r"|tujuh|delapan|sembilan|sepuluh|\d{1,2})\s+tahun\s+(?:ke\s+depan|mendatang)", re.IGNORECASE)
_NUMBER_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
                 "sembilan": 9, "sepuluh": 10}
_RECENT_DAYS = 30
_EARLIER = re.compile(r"\b(?:sebelumnya|sebelum[ \t]+itu|tahun[ \t]+lalu|tahun[ \t]+sebelumnya)\b", re.IGNORECASE)
_TENURE_TYPES = frozenset({"inauguration", "deliberation"})
_TITLE_FACTOR, _LEAD_FACTOR, _FRAME_FACTOR, _QUOTE_FACTOR = 3.0, 2.0, 1.5, 0.5
_MAIN_THRESHOLD, _SECOND_THRESHOLD = 2.0, 4.0
_FRAME_REACH = 60


@dataclass(slots=True)
class _Hit:
    kind: EventType
    start: int
    end: int
    weight: float
    future: bool = False
    occasion: bool = False  # named as a further activity of the reported occasion
    held: bool = False  # said to take place or to be handed over ("digelar", "bantuan yang diserahkan kepada")
    verb: bool = False  # the cue is a verb of doing ("menyerahkan bantuan"), not a name of the activity
    background: bool = False  # named as a topic, programme, state, hope or habit, not as something done


@dataclass(slots=True)
class _Layout:
    """Where an article's lead and headline-like paragraphs are, computed once per article."""

    article: ArticleText
    lead: list[int]
    headlines: set[int]
    top: set[int]  # the lead and the headline-like lines above it (a repeated title), not later sub-headings

    @classmethod
    def of(cls, article: ArticleText) -> _Layout:
        """The first two real paragraphs (past datelines and repeated headlines) and the headline-like ones."""
        headlines = {i for i, p in enumerate(article.paragraphs) if looks_like_headline(p.text)}
        lead: list[int] = []
        for i, paragraph in enumerate(article.paragraphs):
            if i in headlines:
                if lead:
                    break  # a sub-heading after the opening paragraph starts the body's sections
                continue
            if len(paragraph.text.split()) >= 8:
                lead.append(i)
                if len(lead) == 2:
                    break
        first = lead[0] if lead else len(article.paragraphs)
        return cls(article, lead, headlines, set(lead) | {i for i in headlines if i < first})

    def slot(self, position: int) -> int:
        """Position in `article.paragraphs` of the paragraph holding a text offset."""
        return bisect.bisect_right(self.article.starts, position) - 1


def _framed(text: str, paragraph_start: int, start: int, end: int) -> bool:
    """True when a framing verb or noun stands near the cue in the same sentence."""
    window_start = max(paragraph_start, start - _FRAME_REACH)
    if any(not SENTENCE_END.search(text, m.end(), start) for m in _FRAME_BEFORE.finditer(text, window_start, start)):
        return True
    after = _FRAME_AFTER.search(text, end, min(len(text), end + _FRAME_REACH))
    return after is not None and not SENTENCE_END.search(text, end, after.start())


# Acting prefixes and place abbreviations stand before a position or a name: their dot ends no sentence.
_ABBREVIATION_DOTS = frozenset({word.capitalize() for word in DOTTED_PREFIXES} | {"Jln"})


def _title_dot(text: str, floor: int, dot: int) -> bool:
    """True when the dot at `dot` closes a title, an abbreviation or an initial: "H. Agustiar", "Plt. Sekda", "A. Yani"."""
    word = text[max(floor, text.rfind(" ", floor, dot) + 1):dot].lstrip("(")
    return word in HONORIFICS or word in _ABBREVIATION_DOTS or (len(word) == 1 and word.isupper())


def _sentence_start(text: str, floor: int, position: int) -> int:
    """Start of the sentence holding `position`, not before `floor` (the paragraph's start)."""
    floor = max(floor, text.rfind("\n", floor, position) + 1)
    stop = text.rfind(". ", floor, position)
    while stop >= floor and _title_dot(text, floor, stop):
        stop = text.rfind(". ", floor, stop)
    return max(floor, stop + 2)


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """True when `position` lies inside one of the sorted (start, end) spans."""
    slot = bisect.bisect_right(starts, position) - 1
    return slot >= 0 and spans[slot][0] <= position < spans[slot][1]


def _announced_before(text: str, sentence_start: int, cue_start: int) -> tuple[bool, bool]:
    """(near, anywhere): a future word right before the cue in its clause, or anywhere before it in the sentence."""
    window_start = max(sentence_start, cue_start - 80)
    # A name cut by the window ("... Keluarga | Berencana") is still a name: look for names from a little earlier.
    names = [m.span() for m in _FUTURE_IN_NAME.finditer(text, max(sentence_start, window_start - 20), cue_start + 20)]
    awaited_until = _awaited_occasion_end(text, sentence_start, cue_start)
    near = anywhere = False
    for match in _FUTURE.finditer(text, window_start, cue_start):
        if (any(a <= match.start() < b for a, b in names) or _COMMITMENT_AFTER.match(text, match.end())
                or match.start() < awaited_until):
            continue
        between = text[match.end():cue_start]
        if _PURPOSE.search(between) or _QUOTES.search(between):
            # "akan mempermudah pemerintah untuk memberikan bantuan": the future word governs the aim, not the cue;
            # "... akan mengawal," ujar Benyamin dalam kegiatan sosialisasi: the quote's future is not the cue's.
            continue
        anywhere = True
        if len(between.split()) <= _FUTURE_WORDS_NEAR and not _CLAUSE_BREAK.search(between):
            near = True
    return near, anywhere


# "Jelang Jambore LKSA yang akan berlangsung Sabtu mendatang, Dinsos melakukan pembinaan ...": a sentence that
# opens with what is awaited (after a dateline, if any) tells of it in the future; its main clause does not.
_AWAITED_OPENER = re.compile(r"(?:[^\n.]{0,60}?[—–-][ \t]+)?(?:jelang|menjelang|sebelum|sambil[ \t]+menunggu)\b",
                             re.IGNORECASE)


def _awaited_occasion_end(text: str, sentence_start: int, cue_start: int) -> int:
    """Where a sentence-opening "Jelang ..." clause before the cue ends (its last comma), else the sentence start."""
    if _AWAITED_OPENER.match(text, sentence_start, cue_start) is None:
        return sentence_start
    return max(sentence_start, text.rfind(",", sentence_start, cue_start))


def _also_right_before(text: str, sentence_start: int, cue_start: int) -> bool:
    """True when "juga"/"pun" governs the cue: a few words before it in the same clause ("juga diserahkan bantuan")."""
    last_end = max((m.end() for m in _ALSO.finditer(text, sentence_start, cue_start)), default=-1)
    if last_end < 0:
        return False
    between = text[last_end:cue_start]
    return len(between.split()) <= _FUTURE_WORDS_NEAR and not _CLAUSE_BREAK.search(between)


# "Jika pengawasan dilakukan lebih ketat, ...": what would follow an act that did not happen.
_CONDITIONS = "jika|jikalau|apabila|bila|bilamana|manakala|kalau|seandainya|andaikan|andaikata"
_CONDITION_BEFORE = re.compile(rf"\b(?:{_CONDITIONS})\b[^,;:\n]*$", re.IGNORECASE)
# "Bilamana ditemukan kasus seperti itu, pihaknya bakal mencabut izin LKSA": what follows a condition is a threat
# or a rule, not an act.
_CONDITION_OPENER = re.compile(rf"[ \t\"“]*(?:{_CONDITIONS})\b", re.IGNORECASE)


def _background(text: str, sentence_start: int, start: int) -> bool:
    """True when the cue names a state, programme, rule or topic, or a crime party's move, rather than an activity."""
    window = max(sentence_start, start - 40)
    return (_STATE_BEFORE.search(text, window, start) is not None
            or _NOMINAL_BEFORE.search(text, window, start) is not None
            or _PRETEXT_BEFORE.search(text, window, start) is not None
            or _CONDITION_BEFORE.search(text, window, start) is not None
            or _CONDITION_OPENER.match(text, sentence_start, start) is not None
            or _CRIME_PARTY.match(text, sentence_start) is not None
            or _TOPIC_BEFORE.search(text, max(sentence_start, start - 100), start) is not None)


_ANNIVERSARIES = frozenset({"hut", "hari ulang tahun", "hari jadi", "milad", "dies natalis"})


# "HUT Bhayangkara", "HUT ke-80 RI": the celebrant after an anniversary, past its ordinal.
_CELEBRANT = re.compile(r"[ \t]+(?:ke[ \t-]*\d+[ \t]+)?(?=[A-Z])")


def _someone_elses_anniversary(text: str, end: int, mentions: list[OrgMention]) -> bool:
    """True when the words right after an anniversary name a celebrant that is no welfare body.

    "HUT Bhayangkara ke-73", "HUT ke-80 RI", "Hari Jadi Kota Tarakan": the police's, the republic's, a city's.
    "HUT ke-58 DNIKS", "HUT LKKS": a welfare body's. "HUT yang ke-17" names nobody here.
    """
    celebrant = _CELEBRANT.match(text, end)
    if celebrant is None:
        return False
    return not any(m.start <= celebrant.end() < m.end and m.organization.kind in _LKS_KINDS for m in mentions)


_OPENINGS = frozenset({"meresmikan", "peresmian"})
# What is opened, named: "meresmikan Gedung ...", "peresmian gedung baru Panti ...", "meresmikan LKS Mitra".
_NAMED_OBJECT = re.compile(r"[ \t]+(?:(?:gedung|kantor|rumah|asrama|bangunan|penggunaan|operasional|baru)[ \t]+)*(?=[A-Z])")
_OBJECT_REACH = 120


def _opens_something_else(text: str, mentions: list[OrgMention], end: int) -> bool:
    """True when an opening names what it opens and that names no LKS-type body: a ministry's building or park."""
    if _NAMED_OBJECT.match(text, end) is None:
        return False
    stop = SENTENCE_END.search(text, end)
    reach = min(stop.start() if stop else len(text), end + _OBJECT_REACH)
    return not any(m.organization.kind in _LKS_KINDS and end <= m.start < reach for m in mentions)


def _names_a_welfare_body(text: str, mentions: list[OrgMention], start: int, end: int) -> bool:
    """True when the sentence around a cue names an LKS-type body ("HUT ke-50 BK3S DIY")."""
    sentence_start, sentence_end = _sentence_bounds(text, 0, start, end)
    return any(m.organization.kind in _LKS_KINDS and sentence_start <= m.start < sentence_end for m in mentions)


def _cue_hits(layout: _Layout, mentions: list[OrgMention]) -> list[_Hit]:
    """Weighted cue words of the kept text: the lead and framed mentions count more, quotes less.

    A cue inside an organisation's name ("Lembaga Koordinasi ...") is none; a negated one ("tidak lagi menerima
    bantuan") is dropped; one naming a state or programme ("LKS yang sudah mengikuti akreditasi", "klaster
    pembinaan") counts little.
    """
    article = layout.article
    text = article.text
    names = sorted((m.start, m.end) for m in mentions)
    name_starts = [start for start, _ in names]
    hits: list[_Hit] = []
    # Quote marks counted so far in the current paragraph: cues come in text order, so each stretch of text is
    # counted once rather than from the paragraph's start for every cue.
    quote_paragraph, quote_position, quotes = -1, 0, 0
    topic_end = -1
    # "anjangsana ini dalam rangka memperingati HUT Kalteng ke-67 ... dengan adanya kegiatan tersebut, dan HUT yang
    # ke-67": an anniversary once named as another activity's occasion stays the occasion when named again.
    occasion_anniversary = False
    # The cheap checks that drop a cue come first; each regex runs only when its answer can change the outcome.
    for start, end in _CUE_SPANS.spans(text):
        if _inside(names, name_starts, start):
            continue
        word = text[start:end]
        key = phrase_key(word)
        kind, weight = _CUE_WEIGHT[key]
        if (key in _SERVICE_EVENTS
                and _SERVICE.search(text, max(0, start - 60), min(len(text), end + 40))):
            continue  # "Bakti Sosial Khitanan Massal", "baksos pengobatan gratis": a service, not aid handed over
        if key == "hut" and text[start - 1:start] == ".":
            continue  # "S.Hut": a forestry degree
        if kind == "other" and ((key in _SEND_OFFS and _GOODS_SENT_AFTER.match(text, end))
                                or (key == "anugerah" and _GRACE_AFTER.match(text, end))):
            continue
        if kind == "other" and (_MARKED_OCCASION_BEFORE.search(text, max(0, start - 60), start)
                                or _NOT_A_SEND_OFF.match(text, end)):
            occasion_anniversary = occasion_anniversary or key in _ANNIVERSARIES
            continue
        if _shares_no_goods(text, key, end):
            continue  # "berbagi kebahagiaan bersama anak panti": company and cheer, not goods
        if key in _OPENINGS and _opens_something_else(text, mentions, end):
            continue  # "meresmikan Gedung Pusat Informasi dan Edukasi NAPZA", "meresmikan Taman Sejahtera Anak"
        if key in _ANNIVERSARIES and (
                occasion_anniversary or not _names_a_welfare_body(text, mentions, start, end)
                or _someone_elses_anniversary(text, end, mentions)):
            continue  # "HUT ke-27 Kota Tarakan", "Polwan yang akan merayakan HUT ke-70": someone else's birthday
        slot = layout.slot(start)
        paragraph_start = article.starts[slot]
        if weight == _HELD_ONLY and not (_HANDED_AFTER.match(text, end) or _HELD_AFTER.match(text, end)
                                         or _HELD_BEFORE.search(text, max(paragraph_start, start - 40), start)
                                         or _DONE_AFTER.match(text, end)):
            continue  # not said to be held whatever else holds: dropped below
        if (word[0].isupper() and slot not in layout.headlines
                and _INSTITUTION_BEFORE.search(text, max(paragraph_start, start - 80), start)):
            continue
        sentence_start = _sentence_start(text, paragraph_start, start)
        if _NEGATION_BEFORE.search(text, max(sentence_start, start - 40), start):
            continue
        if _standing_supervision(text, key, sentence_start, start):
            continue
        if paragraph_start != quote_paragraph:
            quote_paragraph, quote_position, quotes = paragraph_start, paragraph_start, 0
        quotes += len(_QUOTES.findall(text, quote_position, start))
        quote_position = start
        quoted = quotes % 2 == 1
        # A hope ("berharap pengurus segera dilantik") announces nothing.
        wish = _WISH.search(text, sentence_start, start) is not None
        # "terus memperkuat LKS melalui kegiatan Sosialisasi ... yang digelar oleh": the habit is the aim's; the
        # activity "yang digelar" is one occasion.
        habitual = not _HELD_LATER.match(text, end) and (
            _HABITUAL.search(_sentence_of_span(text, _clause_start(text, sentence_start, start), end)) is not None
            or _RETROSPECTIVE.search(text, sentence_start, start) is not None)
        # "akan dilantik", "dijadwalkan dikukuhkan": an announced activity, in the same sentence. A promise to
        # keep doing something ("berjanji akan selalu mendukung pelatihan") announces no activity.
        future = not wish and not habitual and (
            _announced_before(text, sentence_start, start)[1] or _FUTURE_AFTER.match(text, end) is not None
            or _PLANNED_BEFORE.search(text, max(sentence_start, start - 120), start) is not None)
        # "Pada kesempatan itu juga diserahkan ...", "dalam kunjungan ini pihaknya memberikan ...", "Selain
        # memberikan bantuan, ...": an act of the same occasion, named as done there.
        occasion = False
        if not (quoted or future or wish or habitual):
            setting = _OCCASION.search(text, sentence_start, start)
            occasion = ((setting is not None and (_also_right_before(text, sentence_start, start)
                                                  or (_SETTING.match(setting.group()) is not None
                                                      and len(text[setting.end():start].split()) <= 5
                                                      # "datang untuk melakukan pembinaan": the occasion's aim.
                                                      and not _PURPOSE.search(text, setting.end(), start))))
                        or _BESIDES_BEFORE.search(text, sentence_start, start) is not None)
        if kind == "other" and (occasion or _OCCASION.search(text, sentence_start, start)):
            # "Dalam kegiatan itu juga dibuat beberapa perlombaan ... lomba video": contests inside the reported
            # activity are part of it, where aid handed over on the occasion is an act of its own.
            occasion, habitual = False, True
        done = not future and _DONE_AFTER.match(text, end) is not None
        handed = _HANDED_AFTER.match(text, end) is not None
        given = (kind == "aid_distribution"
                 and _FUNDS_GIVEN_BEFORE.search(text, max(sentence_start, start - 30), start) is not None)
        held = (done or handed or given or _HELD_BEFORE.search(text, max(paragraph_start, start - 40), start)
                is not None or _HELD_AFTER.match(text, end) is not None)
        if held:
            weight = max(weight, _STRONG)
        elif weight == _HELD_ONLY:
            continue
        if occasion:
            weight = max(weight, _STRONG) * _FRAME_FACTOR
        elif not handed and _framed(text, paragraph_start, start, end):
            # The hand-over verb already made the aid word strong: it frames it only once.
            weight *= _FRAME_FACTOR
        if slot in layout.top:
            weight *= _LEAD_FACTOR
        if quoted and not done:
            weight *= _QUOTE_FACTOR
        hoped = wish and not held and not _JUST_DONE_BEFORE.search(text, max(0, start - 20), start)
        # "sosialisasi akreditasi", "bimtek penyaluran bantuan": a cue right after another kind's names its topic,
        # and so do the cues listed after it ("sosialisasi tanda terdaftar, akreditasi dan sertifikasi").
        # A verb right after an activity's name says what was done in it ("bakti sosial mengunjungi panti").
        gap = (text[hits[-1].end:start] if hits and start - hits[-1].end <= _AID_PURPOSE_REACH
               and not _DONE_VERB.match(word) else None)
        topic = gap is not None and ((hits[-1].kind != kind and not gap.strip())
                                     or (len(gap) <= _TOPIC_GAP and hits[-1].end == topic_end
                                         and _LIST_GAP.fullmatch(gap) is not None)
                                     # "dana bantuan asistensi pengembangan kapasitas": what the aid pays for.
                                     or (hits[-1].kind == "aid_distribution" != kind
                                         and _AID_PURPOSE_GAP.fullmatch(gap) is not None))
        if topic:
            topic_end = end
        # "Akreditasi merupakan jawaban ...", "Anjangsana adalah kunjungan ...": the word defined, not an act.
        defined = _DEFINED_AFTER.match(text, end) is not None
        # "Bantuan Bertujuan Lanjut Usia (BANTU-LU)", "Bantuan Sosial Tunai (BST)": an aid programme's name, not aid
        # handed over.
        programme = (kind == "aid_distribution" and word[0].isupper() and not held
                     and _NAME_WITH_ACRONYM_AFTER.match(text, end) is not None)
        # "mekanisme penyaluran Bansos", "penerima Bantuan Sosial (Bansos)": a phrase of one kind's words, or its
        # abbreviation right after it, is background throughout.
        same_phrase = bool(hits) and hits[-1].kind == kind and hits[-1].background and (
            not text[hits[-1].end:start].strip()
            or (text[start - 1:start] == "(" and _RESTATED_GAP.fullmatch(text, hits[-1].end, start - 1) is not None))
        background = (habitual or hoped or topic or defined or programme or same_phrase
                      or (not given and _background(text, sentence_start, start)))
        if background:
            # "meminta Dinsos untuk memberikan bantuan", "kiranya mampu memberikan bantuan": a hope, not an act.
            weight *= _BACKGROUND_FACTOR
            occasion = False  # "juga melakukan pengisian borang akreditasi": the occasion's topic, not its act
        hits.append(_Hit(kind, start, end, weight, future, occasion, held and not future,
                         _DONE_VERB.match(word.split()[0]) is not None, background))
    return hits


def _title_kinds(title: str | None, lead: str = "") -> set[EventType]:
    """Event kinds the headline names; not by a word inside a body's name ("Lembaga Koordinasi ...").

    A "bakti sosial" the headline or the lead shows to be a service (khitanan, pengobatan) is not aid.
    """
    if not title:
        return set()
    names = organization_spans(title)
    kinds: set[EventType] = set()
    for match in _CUE_RE.finditer(title):
        kind, weight = _CUE_WEIGHT[phrase_key(match.group())]
        if phrase_key(match.group()) in _SERVICE_EVENTS and (_SERVICE.search(title) or _SERVICE.search(lead)):
            continue
        if _shares_no_goods(title, phrase_key(match.group()), match.end()):
            continue  # "Gubernur Berbagi Kebahagiaan Bersama Anak Panti"
        if _TITLE_DEMAND.search(title, 0, match.start()):
            continue  # "Dewan Desak Pemerintah Kukuhkan LKKS": asked for, not reported
        if _standing_supervision(title, phrase_key(match.group()), 0, match.start()):
            continue  # "Dinsos Perketat Pengawasan Panti": a policy
        if _PRETEXT_BEFORE.search(title, 0, match.start()):
            continue  # "Panti Asuhan Berkedok Donasi": a pretext
        if _announced_before(title, 0, match.start())[1] or _FUTURE_AFTER.match(title, match.end()):
            continue  # "Akreditasi Panti Sosial akan Dilakukan Bertahap": a plan the body may report beside its act
        if weight != _HELD_ONLY and not any(start <= match.start() < end for start, end in names):
            kinds.add(kind)
    return kinds


_SLUG_SEPARATOR = re.compile(r"[-_+]|%20")
_SLUG_SUFFIX = re.compile(r"\.(?:html?|php|aspx?)$|^\d+$")
_MIN_SLUG_WORDS = 4


def slug_title(url: str | None) -> str | None:
    """The headline words of a URL's slug ("/2025/11/26/lkks-kendal-dikukuhkan-bupati/"), when it has one."""
    if not url:
        return None
    path = urlsplit(url).path
    best: list[str] = []
    for segment in path.split("/"):
        words = [w for w in _SLUG_SEPARATOR.split(_SLUG_SUFFIX.sub("", segment)) if w and not w.isdigit()]
        if len(words) > len(best):
            best = words
    return " ".join(best) if len(best) >= _MIN_SLUG_WORDS else None


def _scores(hits: list[_Hit], title_kinds: set[EventType]) -> dict[EventType, float]:
    """Total weight per event kind; a headline cue counts as several body mentions."""
    scores: dict[EventType, float] = {}
    for hit in hits:
        scores[hit.kind] = scores.get(hit.kind, 0.0) + hit.weight
    for kind in title_kinds:
        scores[kind] = scores.get(kind, 0.0) + _STRONG * _TITLE_FACTOR
    return scores


def is_relevant(article: ArticleText, mentions: list[OrgMention]) -> bool:
    """Whether an LKKS/LKS-type body is central to the article, not a passing or neighbouring mention."""
    return _relevant(_Layout.of(article), mentions)


_LEAD_WORDS = 100
_LEAD_PARAGRAPHS = 3


def _lead_zone(layout: _Layout) -> set[int]:
    """The lead by length, not by paragraph: outlets split the opening 5W sentences over short paragraphs.

    The first two real paragraphs, and a third while they hold fewer than about a hundred words.
    """
    zone: set[int] = set()
    words = 0
    for i, paragraph in enumerate(layout.article.paragraphs):
        if i in layout.headlines:
            continue
        size = len(paragraph.text.split())
        if size < 8:
            continue
        zone.add(i)
        words += size
        if len(zone) >= _LEAD_PARAGRAPHS or (len(zone) >= 2 and words >= _LEAD_WORDS):
            break
    return zone


def _relevant(layout: _Layout, mentions: list[OrgMention]) -> bool:
    lks = [m for m in mentions if m.organization.kind in _LKS_KINDS]
    if not lks:
        return False
    article = layout.article
    title = article.title or ""
    if any(kind in _LKS_KINDS for kind in organization_kinds(title)):
        return True
    lead = _lead_zone(layout) | {i for i in layout.headlines if i < 2}
    lead_hits = sum(1 for m in lks if layout.slot(m.start) in lead)
    own = {topic for body, topic in _OWN_FIELD if body.search(article.text)}
    off_topic = (sum(1 for word in _OFF_TOPIC.findall(article.text) if word.lower() not in own)
                 + 3 * sum(1 for word in _OFF_TOPIC.findall(title) if word.lower() not in own))
    if off_topic > len(lks):
        return len(lks) >= 4 and lead_hits >= 1
    return (lead_hits >= 1 and len(lks) >= 2) or len(lks) >= 3 or any(
        _acts_in_its_sentence(article.text, m) for m in lks if layout.slot(m.start) in lead) or any(
        _ORGANISED_BY_BEFORE.search(article.text, max(0, m.start - _ORGANISER_REACH), m.start) for m in lks)


# Acts that are none of the named event types but still an activity of the body ("menandatangani nota
# kesepahaman", "memperingati HKSN", "menggelar syukuran").
_ACTIVITY = word_regex(words_of("""menandatangani penandatanganan memperingati peringatan syukuran meluncurkan
peluncuran launching meresmikan peresmian monitoring monev""") | set(_ORGANISING_VERBS.split("|"))
                       | {"nota kesepahaman"})


# "rangkaian acara ... yang diselenggarakan oleh BK3S Provinsi Jawa Timur": an activity the body itself holds makes
# it central wherever the sentence stands.
_ORGANISED_BY_BEFORE = re.compile(rf"\b(?:{_HELD_VERBS}|dihelat|diprakarsai|diinisiasi)[ \t]+oleh[ \t]+"
                                  r"(?:(?:para[ \t]+)?pengurus[ \t]+)?$", re.IGNORECASE)
_ORGANISER_REACH = 40


def _acts_in_its_sentence(text: str, mention: OrgMention) -> bool:
    """True when a lead sentence names an LKS-type body with a strong activity word ("Forum LKSA menggelar Musda")."""
    start, end = _sentence_bounds(text, 0, mention.start, mention.end)
    return any(phrase_key(m.group()) in _STRONG_CUES and not (mention.start <= m.start() < mention.end)
               for m in _CUE_RE.finditer(text, start, end)) or _ACTIVITY.search(text, start, end) is not None


def _commemorated(text: str, position: int) -> bool:
    """True for the day a commemorated holiday falls on, unless the activity coincides with it or holds it."""
    window = max(0, position - 60)
    if _FALLS_ON_BEFORE.search(text, window, position) is not None:
        return True
    commemoration = _COMMEMORATED_BEFORE.search(text, window, position)
    if commemoration is None or _COINCIDING.search(text, window, position) is not None:
        return False
    # "menggelar peringatan HLUN ke-25 pada Selasa (15/6)": the day a body holds the commemoration on.
    return _ORGANISED_RIGHT_BEFORE.search(text, max(0, commemoration.start() - 30), commemoration.start()) is None


_BYLINE_AFTER = re.compile(r"[ \t]*(?:[|•·,\-–—][ \t]*)?(?:\d{1,2}[:.]\d{2}\b|(?:Reporter|Editor|Penulis|Admin|Oleh"
                           r"|Redaktur|Pewarta|Kontributor|Dilihat|Dibaca|Views?)\b)", re.IGNORECASE)


def _date_line(article: ArticleText, slot: int, mention: DateMention) -> bool:
    """True for a line that is only a date ("28 November 2021"): the page's date, not an activity's.

    A place before the date ("Singaraja, 28 Maret 2023") makes the line a dateline: the day of the report.
    """
    line = article.paragraphs[slot].text.strip(" \t|•·-–—,")
    if line.startswith(mention.text) and _BYLINE_AFTER.match(line, len(mention.text)):
        return True  # "Rabu, 28 Februari 2024 Reporter: Nurito Editor: ...", "06 Desember 2012 Admin Website"
    if len(line) > len(mention.text) + 12 or mention.text not in line:
        return False
    before = line[:line.index(mention.text)].strip(" \t,")
    return not (before[:1].isupper() and before.lower() not in MONTHS_AND_DAYS)


def _interview(text: str, position: int) -> bool:
    """True for the day of an interview ("kata Sri ditemui di kantornya, Senin (8/12/2025)"), not of an activity."""
    start = max(_sentence_start(text, 0, position), position - _INTERVIEW_REACH)
    return _INTERVIEW_BEFORE.search(text, start, position) is not None and not _AT_EVENT.search(text, start, position)


def _attributed(text: str, position: int, mention: DateMention) -> bool:
    """True for the day that closes a statement's attribution, not an activity's.

    '"...," kata Kepala Dinas Sosial Palembang Faisal AR, di Palembang, Kamis 14 Juli 2016.', "Hal itu
    disampaikan Irzin ... di Desa Karangrejo, Kamis (26/7/2023)." A statement made at an activity names it
    ("kata Bupati usai melantik pengurus, Senin").
    """
    if not _ATTRIBUTION_END.match(text, position + len(mention.text)):
        return False
    floor = max(text.rfind("\n", 0, position) + 1, position - _ATTRIBUTION_REACH)
    start = max((m.end() for m in _WORD_SENTENCE_END.finditer(text, floor, position)), default=floor)
    verbs = list(_ATTRIBUTION.finditer(text, start, position))
    return bool(verbs) and _AT_EVENT.search(text, verbs[-1].end(), position) is None


def _no_acts_day(layout: _Layout, position: int, mention: DateMention) -> bool:
    """True for a date that is no activity's day: the page's date line or time stamp, the start of a state that
    lasts ("sejak ... hingga saat ini"), the day figures stand at ("per ..."), or an interview's."""
    article = layout.article
    text = article.text
    end = position + len(mention.text)
    return bool((_SINCE_BEFORE.search(text, max(0, position - 20), position) and _UNTIL_NOW.match(text, end))
                or _date_line(article, layout.slot(position), mention)
                or _TIME_STAMP_AFTER.match(text, end)
                or _AS_OF_BEFORE.search(text, max(0, position - 20), position)
                or _interview(text, position))


def _vague_time(sentence: str) -> bool:
    """True when a sentence times its act by a week or month only ("pekan lalu"), not "Jumat pekan lalu"."""
    return any(_WEEKDAY_BEFORE.search(sentence, 0, match.start()) is None for match in _VAGUE_TIME.finditer(sentence))


def _absolute(article: ArticleText, mention: DateMention) -> int | None:
    """Where a date mention starts in the joined text."""
    if mention.evidence is None:
        return None
    for slot, paragraph in enumerate(article.paragraphs):
        if paragraph.index == mention.evidence.paragraph:
            return article.starts[slot] + mention.evidence.start
    return None


def _named_before(text: str, hits: list[_Hit], position: int) -> EventType | None:
    """The kind of the last cue before `position` in its sentence: whose day "yang akan dilaksanakan pada" gives."""
    floor = _sentence_start(text, 0, position)
    before = [h for h in hits if floor <= h.start < position]
    return max(before, key=lambda h: h.start).kind if before else None


def _choose_date(layout: _Layout, dates: list[DateMention], cues: list[_Hit], *, main: bool,
                 all_hits: list[_Hit] | None = None) -> tuple[DateMention | None, _Hit | None]:
    """The event's date and the cue it goes with.

    A date in a cue's own paragraph comes first (heaviest cue first). Failing that, an event reported as
    done takes the dateline's or lead's date (the day of the report), then any date near publication; an
    announced one ("akan dilantik") keeps no date rather than borrow the report's.
    """
    article = layout.article
    # A day before web news ("didirikan ... pada tanggal 3 Januari 1962") is the body's history, not a report's act.
    placed = [(position, d) for d in dates if (position := _absolute(article, d)) is not None
              and (d.value is None or d.value.year >= FIRST_NEWS_YEAR)
              and not _no_acts_day(layout, position, d) and not _commemorated(article.text, position)]
    explicit = [(p, d) for p, d in placed if d.value is not None and any(c.isdigit() for c in d.text)]
    weekdays = [(p, d) for p, d in placed if not any(c.isdigit() for c in d.text)]
    # "rencana pembinaan yang akan dilaksanakan pada 2 April 2026": days announced for a planned activity.
    announced = {p for p, _ in explicit if _ANNOUNCED_DAY_BEFORE.search(article.text, max(0, p - 50), p)}
    for cue in cues:
        slot = layout.slot(cue.start)
        same = [(p, d) for p, d in explicit if layout.slot(p) == slot]
        if not cue.future:
            # An announced day is no reported act's.
            same = [(p, d) for p, d in same if p not in announced]
        else:
            # "izin panti akan dicabut ..., kata dia, Senin (27/2)": the day a plan was told is not the plan's.
            same = [(p, d) for p, d in same if not _spoken_at(article.text, p, d)]
        after = [(p, d) for p, d in same if p >= cue.start]
        # An announced activity's day follows its name; a day before it is the reported act's.
        if after or (same and not cue.future):
            return min(after or same, key=lambda item: abs(item[0] - cue.start))[1], cue
        # "menggelar bimtek di Kendari Jumat pekan lalu": a weekday in the cue's own sentence beats a full date
        # elsewhere, which is often the day of an interview.
        sentence_start, sentence_end = _sentence_bounds(article.text, article.starts[slot], cue.start, cue.end)
        own_weekday = [d for p, d in weekdays if sentence_start <= p < sentence_end and d.value is not None]
        if own_weekday and not cue.future:
            return own_weekday[0], cue
        if main:
            # The main event is the report's own: look no further than its heaviest cue's paragraph.
            break
    best = cues[0] if cues else None
    if best is not None and best.future:
        # "Terkait pelaksanaan Munas I pada 24 sampai 27 Juli 2018 di Sabuga": an announced activity is dated only
        # by a day stated after it in a sentence that names it.
        for cue in cues:
            _, sentence_end = _sentence_bounds(article.text, 0, cue.start, cue.end)
            own = [d for p, d in explicit if cue.end <= p < sentence_end and not _spoken_at(article.text, p, d)]
            if own:
                return own[0], cue
        return None, best
    if any(_vague_time(_sentence_of(article.text, layout, cue)) for cue in cues
           if cue is best or layout.slot(cue.start) in layout.top):
        # "digelar baru-baru ini": any dated line of the page is the report's or an interview's day.
        return None, best
    # The day announced for another kind of activity is no fallback for this one.
    kind = best.kind if best else None
    explicit = [(p, d) for p, d in explicit
                if p not in announced or _named_before(article.text, all_hits or cues, p) in (None, kind)]
    held_on = [d for p, d in explicit if _HELD_ON_BEFORE.search(article.text, max(0, p - 40), p)]
    if held_on:
        return held_on[0], best
    lead = set(layout.lead) | {0}
    for pool in (explicit, weekdays):
        in_lead = [d for p, d in pool if layout.slot(p) in lead]
        if in_lead:
            return in_lead[0], best
    # "Sabtu (25/6)" on a page without a year: the lead's day is unknown, not the day of another story told later,
    # unless the page states that day again in full ("hari ini, 30 April ... Minggu (30/04/2017)").
    yearless = [d for p, d in placed if d.value is None and layout.slot(p) in lead and any(c.isdigit() for c in d.text)]
    if yearless:
        day = day_and_month(yearless[0].text)
        restated = [d for _, d in explicit if d.value is not None and (d.value.day, d.value.month) == day]
        return (restated or yearless)[0], best
    published = article.published
    near = [(p, d) for p, d in explicit
            if published is None or (d.value is not None and abs((d.value - published).days) <= 90)]
    # "Diberitakan sebelumnya, penyerahan bantuan ... Jumat (8/10/2021)": the day stated with the act itself beats
    # the first day the page happens to mention (often the day a comment was made).
    for cue in cues:
        if cue.future:
            continue
        start, end = _sentence_bounds(article.text, article.starts[layout.slot(cue.start)], cue.start, cue.end)
        stated = [d for p, d in near if start <= p < end]
        if stated:
            return stated[0], cue
    if near:
        return near[0][1], best
    return (weekdays[0][1] if weekdays else None), best


@dataclass(slots=True)
class _Periods:
    """Tenure periods of an article: absolute ("periode 2024-2029") and relative ("lima tahun ke depan")."""

    fixed: list[tuple[int, int, int, int]]
    relative: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str) -> _Periods:
        """All periods a text states."""
        from pipeline.analyse import dates

        relative = []
        # Every relative period holds "periode" or "masa", "tahun" and "depan" or "mendatang"; most articles lack one.
        stated = (may_contain(text, "periode", "masa") and may_contain(text, "tahun")
                  and may_contain(text, "depan", "mendatang"))
        for match in _RELATIVE_PERIOD.finditer(text) if stated else ():
            word = match.group("years").lower()
            relative.append((match.start(), int(word) if word.isdigit() else _NUMBER_WORDS[word]))
        return cls(list(dates.find_periods(text)), relative)

    def near(self, position: int, year: int | None, within: tuple[int, int] | None) -> tuple[int, int] | None:
        """(start, end) years of the period closest to `position`; relative ones count from `year`."""
        candidates = [(start, first, last) for start, _, first, last in self.fixed]
        if year is not None:
            candidates.extend((start, year, year + length) for start, length in self.relative)
        if within is not None:
            candidates = [c for c in candidates if within[0] <= c[0] < within[1]]
        if not candidates:
            return None
        _, first, last = min(candidates, key=lambda c: abs(c[0] - position))
        return first, last


_CLAUSE_OPENER = re.compile(r"[,;:\"“”]")


def _clause_start(text: str, sentence_start: int, position: int) -> int:
    """Start of the clause holding `position`: after the last comma, colon or quote mark of its sentence."""
    return max((m.end() for m in _CLAUSE_OPENER.finditer(text, sentence_start, position)), default=sentence_start)


def _sentence_bounds(text: str, floor: int, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence(s) holding text[start:end], not starting before `floor`."""
    end_match = SENTENCE_END.search(text, end)
    return _sentence_start(text, floor, start), end_match.start() if end_match else len(text)


def _sentence_of_span(text: str, sentence_start: int, position: int) -> str:
    """The sentence from its start through the end of the one holding `position`."""
    end_match = SENTENCE_END.search(text, position)
    return text[sentence_start:end_match.start() if end_match else len(text)]


def _sentence_of(text: str, layout: _Layout, cue: _Hit) -> str:
    """The sentence a cue stands in."""
    start = _sentence_start(text, layout.article.starts[layout.slot(cue.start)], cue.start)
    return _sentence_of_span(text, start, cue.end)


def _planned(hits: list[_Hit]) -> bool:
    """True when an article speaks of an activity mostly as ahead: its announced cues outweigh the reported ones.

    A plan story ("Pemprov akan memberikan bantuan ... calon penerima ... nanti akan ditransfer") names the aid
    many times, always ahead; a report names its act as done and may add one plan at the end. A topic, aim or
    habit ("berupaya untuk melakukan akreditasi") reports no act.
    """
    ahead = sum(h.weight for h in hits if h.future)
    return ahead > 0 and ahead > sum(h.weight for h in hits if not h.future and not h.background)


def _speech_date(article: ArticleText, mention: DateMention) -> bool:
    """True for the day a statement was made: "kata Saidin, Selasa (25/3/2025)", "X di Wamena, Minggu, mengatakan"."""
    position = _absolute(article, mention)
    return position is not None and _spoken_at(article.text, position, mention)


def _spoken_at(text: str, position: int, mention: DateMention) -> bool:
    """`_speech_date` for a mention whose place in the joined text is already known."""
    line_start = text.rfind("\n", 0, position) + 1
    return (_SPEECH_BEFORE.search(text, max(line_start, position - 60), position) is not None
            or _SPEECH_AFTER.match(text, position + len(mention.text)) is not None)


def _tense(layout: _Layout, cue: _Hit | None, date: dt.date | None, planned: bool = False) -> Tense:
    """Future when the cue is announced ("akan dilantik") or dated after publication; past when reported as done.

    A future word right before the cue (or "... akan digelar" after it) announces the cue itself; one further
    back in the sentence may belong to another activity, so a date on or before publication then wins. With no
    date to compare, a cue or an article that speaks of the activity as planned makes it future; otherwise a
    report's verbs narrate what happened: Indonesian marks the future, not the past.
    """
    article = layout.article
    text = article.text
    sentence = ""
    announced_far = False
    if cue is not None:
        start = _sentence_start(text, article.starts[layout.slot(cue.start)], cue.start)
        near, announced_far = _announced_before(text, start, cue.start)
        if near or _FUTURE_AFTER.match(text, cue.end):
            return "future"
        sentence = _sentence_of(text, layout, cue)
    if date is not None and article.published is not None:
        return "future" if date > article.published else "past"
    if announced_far or planned or (cue is not None and cue.future):
        return "future"
    lead_text = " ".join(article.paragraphs[i].text for i in layout.lead)
    if any(pattern.search(part) for pattern in (_PAST, _REPORTED_VERB) for part in (sentence, lead_text)):
        return "past"
    return "unknown"


def _event_organizations(layout: _Layout, mentions: list[OrgMention], cue: _Hit | None) -> list[Organization]:
    """Organisations named in the first paragraph or the cue's; the main LKS-type body at least."""
    places = set(layout.lead[:1])
    if cue is not None:
        places.add(layout.slot(cue.start))
    chosen: dict[tuple[str, str], Organization] = {}
    for mention in mentions:
        org = mention.organization
        if org.kind in _EVENT_ORG_KINDS and layout.slot(mention.start) in places:
            chosen.setdefault((org.kind, org.name), org)
    if not any(o.kind in _LKS_KINDS for o in chosen.values()):
        tally: dict[tuple[str, str], int] = {}
        first: dict[tuple[str, str], Organization] = {}
        for mention in mentions:
            if mention.organization.kind in _LKS_KINDS:
                key = (mention.organization.kind, mention.organization.name)
                tally[key] = tally.get(key, 0) + 1
                first.setdefault(key, mention.organization)
        if tally:
            best = max(tally, key=lambda k: tally[k])
            chosen = {best: first[best], **chosen}
    ordered = sorted(chosen.values(), key=lambda o: o.kind not in _LKS_KINDS)
    return [Organization(kind=o.kind, name=o.name, region_code=o.region_code) for o in ordered]


def _same_sentence_kind(text: str, cue: _Hit, hits: list[_Hit], kind: EventType) -> bool:
    """True when a cue of `kind` stands in the same sentence as `cue`."""
    start = max(text.rfind(".", 0, cue.start), text.rfind("\n", 0, cue.start)) + 1
    end_match = SENTENCE_END.search(text, cue.end)
    end = end_match.start() if end_match else len(text)
    return any(h.kind == kind and start <= h.start < end for h in hits)


def _ranked_hits(hits: list[_Hit], kind: EventType) -> list[_Hit]:
    """The cues of a kind, heaviest first, the earliest on ties; an act said to take place before any announced one.

    "... akan mendapatkan bantuan paket sembako" in a report whose "Acara penyerahan bantuan berlangsung" says the
    hand-over happened: the report's act is the one that took place.
    """
    of_kind = [h for h in hits if h.kind == kind]
    ahead = max((h.weight for h in of_kind if h.future), default=0.0)
    reported = any(not h.future and (h.held or (h.verb and h.weight >= ahead)) for h in of_kind)
    return sorted(of_kind, key=lambda h: (reported and h.future, -h.weight, h.start))


def _dated_kinds(layout: _Layout, dates: list[DateMention], hits: list[_Hit],
                 headlined: Collection[EventType] = ()) -> set[EventType]:
    """Kinds with a strong cue reported as done in a sentence that states its day.

    "... saat mengunjungi LKS X di Kupang, Rabu (25/11/2020)": the writer dates that act, so it is one of the
    report's events however much the rest of the article talks about another topic. A kind the headline names
    ("Bertemu Staf Presiden") counts with a weak cue too ("Dalam pertemuan di Kantor Staf Presiden (30/4/2018)").
    """
    article = layout.article
    text = article.text
    published = article.published
    # An act dated long before the report ("Sebelumnya, pada Maret lalu ...") is its background.
    positions = sorted(p for d in dates if d.value is not None and any(c.isdigit() for c in d.text)
                       and (published is None or abs((d.value - published).days) <= _RECENT_DAYS)
                       and (p := _absolute(article, d)) is not None)
    kinds: set[EventType] = set()
    for hit in hits:
        if hit.future or hit.kind in kinds or (hit.kind not in headlined and (
                hit.weight < _STRONG or phrase_key(text[hit.start:hit.end]) not in _STRONG_CUES)):
            continue
        paragraph_start = article.starts[layout.slot(hit.start)]
        if len(_QUOTES.findall(text, paragraph_start, hit.start)) % 2 == 1:
            continue
        start, end = _sentence_bounds(text, paragraph_start, hit.start, hit.end)
        if _EARLIER.search(text, start, end):
            continue
        index = bisect.bisect_left(positions, start)
        if index < len(positions) and positions[index] < end:
            kinds.add(hit.kind)
    return kinds


# "Dinsos kerja bareng LKKS Kuningan menggelar kegiatan advokasi dan pelayanan PMKS, belum lama ini".
_HOLDS_ACTIVITY = re.compile(rf"\b(?:{_ORGANISING_VERBS})[ \t]+(?:kegiatan|acara)\b", re.IGNORECASE)


def _holds_unnamed_activity(layout: _Layout, mentions: list[OrgMention]) -> bool:
    """True when a lead sentence has an LKS-type body hold an activity that none of the kinds names."""
    text = layout.article.text
    lead = _lead_zone(layout)
    for mention in mentions:
        if mention.organization.kind in _LKS_KINDS and layout.slot(mention.start) in lead:
            start, end = _sentence_bounds(text, 0, mention.start, mention.end)
            if _HOLDS_ACTIVITY.search(text, start, end):
                return True
    return False


def _activity_dated(layout: _Layout, dates: list[DateMention]) -> bool:
    """True when the article states the day of something done, not only of the page or of what was said.

    An article that only reports what an official said about homes ("kata Kepala Dinas Sosial ..., Senin")
    or describes them reports no activity.
    """
    text = layout.article.text
    return any(not (_no_acts_day(layout, position, mention) or _spoken_at(text, position, mention)
                    or _attributed(text, position, mention))
               for mention in dates if (position := _absolute(layout.article, mention)) is not None)


def _government_installation(layout: _Layout, hits: list[_Hit], title: str | None) -> bool:
    """True when the installation an article reports is of a government official, not of a board.

    "LKKS Aceh mendukung penunjukan Budi sebagai Kepala Dinas Sosial ... dalam prosesi pelantikan": no
    inauguration cue names a board or an LKS-type body in its sentence, and the article says who took which
    government post.
    """
    if not any(hit.kind == "inauguration" for hit in hits):
        return False  # no installation to drop: the whole-text searches below cannot change the outcome
    text = layout.article.text
    named_post = False
    for hit in hits:
        if hit.kind != "inauguration":
            continue
        start = _sentence_start(text, layout.article.starts[layout.slot(hit.start)], hit.start)
        sentence = _sentence_of_span(text, start, hit.end)
        if _GOVERNMENT_POST.search(sentence, hit.end - start):
            named_post = True  # "pelantikan Andi sebagai Kepala Dinas": whoever else the sentence names
        elif _BOARD.search(sentence):
            return False
    return named_post or _GOVERNMENT_POST.search(text) is not None or _GOVERNMENT_POST.search(title or "") is not None


_GATHERINGS: frozenset[EventType] = frozenset({"training", "coordination_meeting", "deliberation"})


def _kinds(hits: list[_Hit], title_kinds: set[EventType], article_text: str, dated: set[EventType]
           ) -> list[EventType]:
    """Event kinds to report, main first: the best-scored one, then others with lead, frame or headline support."""
    scores = _scores(hits, title_kinds)
    named = {h.kind for h in hits if phrase_key(article_text[h.start:h.end]) in _STRONG_CUES} | title_kinds
    if ("visit" in named and "coordination_meeting" not in named
            and not any(_ORGANISED_BEFORE.search(article_text, max(0, h.start - 40), h.start)
                        for h in hits if h.kind == "coordination_meeting" and not h.future)):
        # "menerima kunjungan ... Dalam pertemuan itu", "silaturahmi": the visit's own meeting, not another event;
        # a meeting someone organised ("menggelar pertemuan informal dengan ...") is one.
        scores.pop("coordination_meeting", None)
    by_kind: dict[EventType, list[_Hit]] = {}
    for hit in hits:
        by_kind.setdefault(hit.kind, []).append(hit)
    ranked = sorted(scores, key=lambda k: (-scores[k], min((h.start for h in by_kind.get(k, [])), default=-1)))
    if ranked and _planned(by_kind.get(ranked[0], [])):
        # "melaksanakan Bimbingan LKS penerima Bansos ... akan menyalurkan Bansos": the activity reported as held
        # is the report's, the plan it mentions comes second.
        held = next((k for k in ranked[1:] if scores[k] >= _MAIN_THRESHOLD
                     and any(h.held and not h.future for h in by_kind.get(k, []))), None)
        if held is not None:
            ranked.remove(held)
            ranked.insert(0, held)
    if (ranked and ranked[0] not in title_kinds and ranked[0] not in dated
            and all(h.background for h in by_kind.get(ranked[0], []))):
        # Named only as a topic, programme, hope or habit, however often ("bantuan ... diharapkan"): none took place.
        ranked = []
    kinds: list[EventType] = []
    if ranked and scores[ranked[0]] >= _MAIN_THRESHOLD:
        kinds.append(ranked[0])
        for kind in ranked[1:]:
            # A second activity needs support in the body (a strong cue in the lead or framed as taking place)
            # on top of its score, or an announcement ("akan dilantik", "berencana menyalurkan bantuan"): a
            # headline alone often names a background fact.
            body = by_kind.get(kind, [])
            if kind == "accreditation" and kinds[0] in _GATHERINGS and not any(
                    h.verb or h.held or h.occasion or h.future for h in body if not h.background):
                # "Bimtek Akreditasi", "proses akreditasi membutuhkan ...": at a training or meeting, accreditation
                # is what is talked about unless someone is said to accredit or be accredited, or is handed a
                # registration there ("Pada kesempatan itu, tujuh LKS menerima tanda daftar"), or it is announced
                # as an activity of its own ("ke depannya panti-panti akan dilakukan akreditasi").
                continue
            supported = any(h.weight > _STRONG or (h.held and h.weight >= _STRONG) for h in body)
            announced = any(h.future and not h.background and phrase_key(article_text[h.start:h.end]) in _STRONG_CUES
                            for h in body)
            # "Pada kesempatan itu juga diserahkan bantuan": the occasion's further activity needs no more.
            occasion = any(h.occasion for h in body) and scores[kind] >= _MAIN_THRESHOLD
            # "ujar Benyamin dalam kegiatan Sosialisasi": an activity said to be held and framed as the occasion.
            framed_held = any(h.held and not h.future and h.weight >= _STRONG * _FRAME_FACTOR for h in body)
            if ((scores[kind] >= _SECOND_THRESHOLD and supported) or announced or occasion or framed_held
                    or kind in dated):
                kinds.append(kind)
    return kinds


def find_events(article: ArticleText, analysis: Analysis) -> tuple[bool, list[Event]]:
    """Whether the article is relevant, and the LKKS/LKS activities it reports (main one first)."""
    if not article.text:
        return False, []
    layout = _Layout.of(article)
    mentions = find_org_mentions(article, analysis.regions)
    if not _relevant(layout, mentions):
        return False, []
    hits = _cue_hits(layout, mentions)
    # Without a headline, the URL's slug is the headline the outlet wrote.
    title = article.title or slug_title(article.url)
    if _government_installation(layout, hits, title):
        hits = [h for h in hits if h.kind != "inauguration"]
    periods = _Periods.of(article.text)
    fallback = dominant_region(analysis.regions)
    events: list[Event] = []
    headlined = _title_kinds(title, article.text[:_LEAD_CHARACTERS])
    kinds = _kinds(hits, headlined, article.text, _dated_kinds(layout, analysis.dates, hits, headlined))
    if not kinds and (_activity_dated(layout, analysis.dates) or _holds_unnamed_activity(layout, mentions)):
        # An occasion none of the kinds names ("makan bersama anak panti, Senin (12/2/2024)").
        kinds = ["other"]
    for number, kind in enumerate(kinds):
        ranked = _ranked_hits(hits, kind)
        planned = _planned(ranked)
        # A plan is dated by its announcements, not by a day its name borrows elsewhere ("Korwil Bansos ..., 27 April").
        dating = [h for h in ranked if h.future] if planned and number > 0 else ranked
        chosen, cue = _choose_date(layout, analysis.dates, dating, main=number == 0, all_hits=hits)
        if (chosen is None and events and events[0].tense == "future" and cue is not None and cue.future
                and _same_sentence_kind(article.text, cue, hits, events[0].type)):
            # Announced as part of the announced main event ("pelantikan akan dirangkaikan dengan ..."): its day.
            chosen = next((d for d in analysis.dates if d.value == events[0].date and d.text == events[0].date_text),
                          None)
        if chosen is not None and planned and _speech_date(article, chosen):
            chosen = None  # the day the plan was told, not the day of the activity
        date = chosen.value if chosen is not None else None
        tense = _tense(layout, cue, date, planned)
        if tense == "future" and chosen is not None and _speech_date(article, chosen):
            chosen, date = None, None
        year = date.year if date is not None else article.published.year if article.published else None
        organizations = _event_organizations(layout, mentions, cue)
        region = next((o.region_code for o in organizations if o.kind in _LKS_KINDS and o.region_code), None)
        region = region or next((o.region_code for o in organizations if o.region_code), None)
        if region is None and fallback is not None:
            region = fallback.code
        event = Event(type=kind, date=date, date_text=chosen.text if chosen is not None else None,
                      tense=tense, organizations=organizations, region_code=region,
                      evidence=article.evidence(cue.start, cue.end) if cue is not None else None)
        anchor = cue.start if cue is not None else 0
        within: tuple[int, int] | None = None
        if kind not in _TENURE_TYPES:
            # A board's term belongs to an installation or election; elsewhere only when stated beside the cue.
            slot = layout.slot(anchor)
            within = (article.starts[slot], article.starts[slot] + len(article.paragraphs[slot].text))
        period = periods.near(anchor, year, within)
        if period is not None:
            event.period_start, event.period_end = period
        events.append(event)
    return True, events
