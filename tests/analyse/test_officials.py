"""find_officials: people with their position, role kind, acting flag, region, aliases and mention counts."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.analyse.context import ArticleText
from pipeline.analyse.officials import find_officials
from pipeline.analyse.regions import find_regions
from pipeline.analyse.titles import classify_role, is_degree, is_honorific, looks_like_headline
from pipeline.models import Document, Official, Paragraph, ParagraphStatus
from tests.paths import seed_path


def make_article(*paragraphs: str | tuple[str, ParagraphStatus], title: str | None = None,
                 published: dt.date | None = None) -> ArticleText:
    """An ArticleText from paragraph strings; a (text, status) pair marks a paragraph that is not kept."""
    items = []
    for index, item in enumerate(paragraphs):
        status: ParagraphStatus = "kept"
        text, status = (item, status) if isinstance(item, str) else item
        items.append(Paragraph(index=index, text=text, status=status))
    return ArticleText.from_document(Document(paragraphs=items, title=title, published=published))


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


def officials_of(*paragraphs: str | tuple[str, ParagraphStatus]) -> list[Official]:
    """Officials of an article made of the given paragraphs, with regions found as the pipeline does."""
    article = make_article(*paragraphs)
    return find_officials(article, find_regions(article))


def by_name(found: list[Official]) -> dict[str, Official]:
    """Officials keyed by their bare name."""
    return {o.name: o for o in found}


# (sentence, name, role_kind, acting, region_code)
POSITIONED = [
    ("Bupati Kendal, Dyah Kartika Permanasari, membuka kegiatan tersebut.",
     "Dyah Kartika Permanasari", "regent", False, "33.24"),
    ("Muntoha, Kepala Dinsos Kendal, mengatakan kegiatan ini rutin digelar.",
     "Muntoha", "head_of_social_office", False, "33.24"),
    ("Kepala Dinas Sosial Kabupaten Kendal Muntoha mengatakan LKS wajib terakreditasi.",
     "Muntoha", "head_of_social_office", False, "33.24"),
    ("Wakil Gubernur Jawa Tengah Taj Yasin Maimoen hadir dalam pengukuhan pengurus LKKS Jateng.",
     "Taj Yasin Maimoen", "vice_governor", False, "33"),
    ("Ketua TP PKK Provinsi Kalsel Hj. Fathul Jannah Muhidin juga hadir.",
     "Fathul Jannah Muhidin", "org_chair", False, "63"),
    ("Pj Bupati Aceh Besar Muhammad Iswanto, S.STP, MM, melantik pengurus LKKS.",
     "Muhammad Iswanto", "regent", True, "11.06"),
    ("Menteri Sosial Tri Rismaharini mengunjungi panti asuhan tersebut.",
     "Tri Rismaharini", "minister", False, None),
    ("Hal itu disampaikan Sekretaris Dinas Sosial Provinsi Sumatera Barat, Dr. H. Arry Yuswandi, SE, MM, Selasa.",
     "Arry Yuswandi", "social_office_staff", False, "13"),
    ("Anggota Komisi IV DPRD Kalsel, H. Gusti Abidinsyah, mengapresiasi kegiatan LKKS.",
     "Gusti Abidinsyah", "legislator", False, "63"),
    ("Kabid Rehabilitasi Sosial Dinsos Kota Banjarmasin, Rina Wulandari, S.Sos, menjelaskan kegiatan.",
     "Rina Wulandari", "social_office_staff", False, "63.71"),
    ("Menurut Plh Sekdaprov Sulsel Andi Aslam Patonangi, LKKS berperan penting.",
     "Andi Aslam Patonangi", "regional_secretary", True, "73"),
    ("Pelaksana Tugas (Plt) Kepala Dinas Sosial Kota Medan, Khoiruddin Rangkuti, mengatakan hal itu.",
     "Khoiruddin Rangkuti", "head_of_social_office", True, "12.71"),
    ("Kegiatan dibuka Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak (Dinsos P3A) "
     "Kabupaten Bireuen, Murdani, S.Sos.", "Murdani", "head_of_social_office", False, "11.11"),
    ("Ketua Forum LKS Kabupaten Bogor, Asep Saepudin mengatakan forum siap membantu.",
     "Asep Saepudin", "org_chair", False, "32.01"),
    ("Sekda Kota Pekalongan Nur Priyantomo membuka musda LKKS.",
     "Nur Priyantomo", "regional_secretary", False, "33.75"),
    ("Direktur Rehabilitasi Sosial Anak Kemensos, Kanya Eka Santi, menjelaskan program ATENSI.",
     "Kanya Eka Santi", "ministry_official", False, None),
    ("Wabup Kendal Windu Suko Basuki menerima audiensi pengurus LKKS.",
     "Windu Suko Basuki", "vice_regent", False, "33.24"),
    ("Staf Ahli Gubernur Bidang Kemasyarakatan dan SDM, Ahmad Bagiawan, mewakili Gubernur NTB.",
     "Ahmad Bagiawan", "regional_staff", False, "52"),
    ("Kepala Bidang Pemberdayaan Sosial pada Dinas Sosial Provinsi Jambi, Yusrizal, menyampaikan laporan.",
     "Yusrizal", "social_office_staff", False, "15"),
    ("Ia didampingi Kepala Seksi Kelembagaan dan Pemberdayaan Sosial, Sri Wahyuni.",
     "Sri Wahyuni", "social_office_staff", False, None),
    ("Hal senada disampaikan Ketua Harian LKKS Kota Semarang, Krisseptiana Hendrar Prihadi.",
     "Krisseptiana Hendrar Prihadi", "org_chair", False, "33.74"),
    ("Wakil Ketua I LKKS Kalsel, Drs. H. Ahmad Fikri, M.Pd, membacakan laporan.",
     "Ahmad Fikri", "org_officer", False, "63"),
    ("Kadinsos Kalsel Siti Nuriyani menyebut ada 199 LKS di daerah itu.",
     "Siti Nuriyani", "head_of_social_office", False, "63"),
    ("Wakil Wali Kota Banjarmasin Arifin Noor membuka rapat koordinasi LKS.",
     "Arifin Noor", "vice_mayor", False, "63.71"),
    ("Walikota Surabaya Eri Cahyadi meminta LKS aktif.",
     "Eri Cahyadi", "mayor", False, "35.78"),
    ("Kegiatan ditutup oleh Sekretaris Daerah Kabupaten Kendal Sugiono.",
     "Sugiono", "regional_secretary", False, "33.24"),
    ("Hadir pula Kapolres Bireuen AKBP Jatmiko dalam acara tersebut.",
     "Jatmiko", "other", False, "11.11"),
    ("Pimpinan Panti Asuhan Al-Ikhlas, Ustadzah Siti Aminah, menyampaikan terima kasih.",
     "Siti Aminah", "org_chair", False, None),
    ("Ketua Yayasan Nurul Iman, Ahmad Fauzi, mengucapkan terima kasih.",
     "Ahmad Fauzi", "org_chair", False, None),
    ("Kepala Desa Sukamaju Ahmad Yani mengatakan warganya terbantu.",
     "Ahmad Yani", "other", False, None),
    ("Hj. Rosna Wati terpilih secara aklamasi sebagai Ketua LKKS Kabupaten Agam periode 2024-2029.",
     "Rosna Wati", "org_chair", False, "13.06"),
    ("Bendahara LKKS Provinsi Banten, Nurul Hidayah, melaporkan keuangan.",
     "Nurul Hidayah", "org_officer", False, "36"),
    ("Ketua Yayasan Panti Asuhan Muhammadiyah Bireuen, Drs. Jumadi, menerima bantuan.",
     "Jumadi", "org_chair", False, "11.11"),
    ("Kepala Panti Sosial Tresna Werdha Budi Sejahtera, Hj. Siti Rahmah, menyambut rombongan.",
     "Siti Rahmah", "org_chair", False, None),
    ("Camat Kota Juang, Ridwan Khalid, turut hadir.", "Ridwan Khalid", "other", False, None),
    ("Sekretaris Daerah Provinsi Jawa Barat (Sekda Jabar) Herman Suryatman membuka rakor.",
     "Herman Suryatman", "regional_secretary", False, "32"),
    ("Bupati Hulu Sungai Tengah H. Aulia Oktafiandi membuka musda LKKS.",
     "Aulia Oktafiandi", "regent", False, "63.07"),
    ("H. Muhidin selaku Gubernur Kalsel menyerahkan SK.", "Muhidin", "governor", False, "63"),
    ("Kepala Dinas Sosial Budi Santoso, S.Sos mengatakan hal itu.",
     "Budi Santoso", "head_of_social_office", False, None),
    ("Anggota Komisi E DPRD DKI Jakarta, Rina Melati Sitorus, ikut meninjau panti.",
     "Rina Melati Sitorus", "legislator", False, "31"),
    ("Ketua FLKS Kepri periode 2020-2025, Hj. Zuraida Harun, menyampaikan laporan.",
     "Zuraida Harun", "org_chair", False, "21"),
    ("Musda secara aklamasi menetapkan Hj. Rosnida Chaniago sebagai ketua periode 2025-2030.",
     "Rosnida Chaniago", "org_chair", False, None),
    ("Pengasuh Panti Asuhan Bethesda, Pdt. Samuel Itaar, berharap kunjungan rutin.",
     "Samuel Itaar", "org_officer", False, None),
    ("Bantuan diserahkan Kepala Dinas Sosial Provinsi Sulawesi Tengah, Moh. Arif Lamakarate, kepada LKSA.",
     "Moh. Arif Lamakarate", "head_of_social_office", False, "72"),
    ("Salah satu penerima, pengurus Panti Asuhan Nurul Jihad, Hasnawati, mengucapkan terima kasih.",
     "Hasnawati", "org_officer", False, None),
    ("Nota kesepahaman ditandatangani Rektor Unpatti, Prof. Dr. Ir. Johanis Leiwakabessy, M.Sc.",
     "Johanis Leiwakabessy", "other", False, None),
    # Titles and degrees in careless or unusual forms.
    ("Wakil Ketua II BAZNAS Kabupaten Sleman Prof Dr. H. Abdul Karim, S.H., M.Ag memberi sambutan.",
     "Abdul Karim", "org_officer", False, "34.04"),
    ("Ketua Umum (Ketum) Forwil LKS Sumbar, HM Rasyid Nasution mengatakan hal itu.",
     "Rasyid Nasution", "org_chair", False, "13"),
    ("Hadir Staf Ahli bidang Kemasyarakatan dan SDM Setda Lingga drs. Marlina, MM. membuka acara.",
     "Marlina", "regional_staff", False, "21.04"),
    ("Gubernur Maluku Utara Dr. (HC) Yusuf Tamba, MBA menegaskan hal itu.", "Yusuf Tamba", "governor", False, "82"),
    ("Ketua Umum BK3S Provinsi Jambi DR. Sutrisno Msi, mengatakan hal itu.", "Sutrisno", "org_chair", False, "15"),
    ("Bupati Klungkung I Nyoman Suwirta membuka acara.", "I Nyoman Suwirta", "regent", False, "51.05"),
    # Long office names: internal commas, "dan", bracketed acronyms, slashes, words no list knows.
    ("Kepala Dinas Sosial, Pemberdayaan Masyarakat dan Desa Provinsi Gorontalo, Wahyudin Katili, membuka acara.",
     "Wahyudin Katili", "head_of_social_office", False, "75"),
    ("Kepala Dinas Sosial, Pemberdayaan Perempuan, dan Perlindungan Anak, Marthen Wenda, melaporkan kegiatan.",
     "Marthen Wenda", "head_of_social_office", False, None),
    ("Kepala Bidang Pemberdayaan Sosial dan Potensi Sumber Kesejahteraan Sosial (PSKS) Dinas Sosial Kota Kupang, "
     "Maria Bria, menjelaskan.", "Maria Bria", "social_office_staff", False, "53.71"),
    ("PLT Kabag Prokopim Setdako Tidore, Hasan Basri, SIP, mengatakan.",
     "Hasan Basri", "regional_staff", True, "82.72"),
    ("Ketua Forum FLKS/LKSA Kabupaten Madiun, M. Hasan Basri, menyampaikan bahwa di Kabupaten Madiun terdapat "
     "tujuh LKSA yang terdata secara", "M. Hasan Basri", "org_chair", False, "35.19"),
    ("Ketua K3S Kabupaten Siak, Provinsi Riau Warsini Hadi melakukan kunjungan.",
     "Warsini Hadi", "org_chair", False, "14.08"),
    ("Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat, dan SDM KPU Kabupaten Boalemo, "
     "Yusran Mooduto, menyerahkan santunan.", "Yusran Mooduto", "other", False, "75.02"),
    # Appointed or entrusted "as" a position; an orphanage inside a prayer house's name.
    ("Syaikul Ansari didaulat sebagai Ketua Forum Wilayah (Forwil) LKSA Jawa Timur periode 2024-2029.",
     "Syaikul Ansari", "org_chair", False, "35"),
    ("Rasa syukur disampaikan pengasuh Ponpes Barokah Nandan, H Mukhtar Hartanto, SHI, Jumat.",
     "Mukhtar Hartanto", "org_officer", False, None),
    # A regional head's name followed by the initials the press calls them by.
    ("Program itu sesuai dengan visi Gubernur Suhardi Duka (SDK) dalam pembangunan.",
     "Suhardi Duka", "governor", False, None),
    # Dotted initials inside a name; a misspelt Sekretaris.
    ("Menurut Ketua KPU Provinsi Sulawesi Utara, Meidy Y.T. Tinangon, kegiatan itu penting.",
     "Meidy Y.T. Tinangon", "other", False, "71"),
    ("Bupati diwakili Seketaris Daerah Kabupaten Kampar Drs. Yusri, M.Si ketika membacakan sambutan.",
     "Yusri", "regional_secretary", False, "14.01"),
    # A school head, a commissioner of a national commission.
    ("Bantuan diterima 70 anak yang didampingi langsung oleh Kepala Sekolah, Susana.",
     "Susana", "other", False, None),
    ("Hadir pula Komisioner KPAI Pusat, Jasra Putra, dalam acara itu.", "Jasra Putra", "other", False, None),
    # "se-" ("all of") before the region; one holder of two posts; an orphanage's owner.
    ("Ketua Forum Panti Asuhan se-Kota Palu, Bahar Hamid, menerangkan bahwa panti belum menerima bantuan.",
     "Bahar Hamid", "org_chair", False, "72.71"),
    ("Ketua Forum Panti Asuhan Kota Palu sekaligus pemilik panti asuhan Baitul Rahim, Bahar, S.Sos, menerangkan.",
     "Bahar", "org_chair", False, "72.71"),
    # A deputy of a national office; an adviser to the social affairs minister; a Kemensos agency spelled out.
    ("Narasumber lain adalah Deputi IV Kantor Staf Kepresidenan, Eko Sulistyo, yang hadir.",
     "Eko Sulistyo", "other", False, None),
    ("Hadir pula Staf Ahli Menteri Sosial, Eko Sulistyo, dalam acara itu.",
     "Eko Sulistyo", "ministry_official", False, None),
    ("Kepala Badan Pendidikan Penelitian dan Penyuluhan Sosial (BP3S) Syahbuddin membuka pelatihan.",
     "Syahbuddin", "ministry_official", False, None),
    # A unit named by two fields joined by "dan"; a veterinarian's title before the name.
    ("Kepala Bidang Keagamaan dan Swadaya Sosial Dinsos Surabaya M. Januar Rizal menjelaskan perwali baru.",
     "M. Januar Rizal", "social_office_staff", False, "35.78"),
    ("Kepala Dinas Sosial Provinsi Bali Dr. drh. Luh Ayu Aryani, M.P., membuka acara.",
     "Luh Ayu Aryani", "head_of_social_office", False, "51"),
    # Where the unit ends and the person begins.
    ("Kepala LRSPDF Wiraguna Bekasi Dedi Kurniawan mengatakan pihaknya siap.",
     "Dedi Kurniawan", "ministry_official", False, "32.75"),
    ("Ketua Panti Asuhan Ade Irma Suryani Nasution Sri Wahyuni menerima bantuan.",
     "Sri Wahyuni", "org_chair", False, None),
    ("Ketua Yayasan Nurul Iman Ahmad Fauzi menerima bantuan.", "Ahmad Fauzi", "org_chair", False, None),
    ("Ketua Panti Asuhan Muhammadiyah KH. Achmad Dahlan, Budi Santoso, menerima bantuan.", "Budi Santoso",
     "org_chair", False, None),
    ("Camat Kebon Jeruk Rudi Salim hadir.", "Rudi Salim", "other", False, None),
    # A sentence-opening verb before the comma is no speaker: the name after the position is its holder.
    ("Dilanjutkan, Ketua Forum LKS Kabupaten Blora Agus Salim mengatakan forum siap.", "Agus Salim", "org_chair",
     False, "33.16"),
    # The one addressed as Bapak/Ibu after a comma is the holder; the words before it named the unit.
    ("Turut hadir Pengelola PSBR Mardi Utomo, Bapak Hendra Saputra beserta staf.", "Hendra Saputra",
     "org_chair", False, None),
    # A charity's name of several words; a forum of charities has none; abbreviated heads of a prison or an
    # assessment section, a numbered chair.
    ("Menurut Ketua LKS Pelita Hati Komari, para lansia dibantu.", "Komari", "org_chair", False, None),
    ("Ketua Panti Asuhan Harapan Mulia Siti Aminah mengucapkan terima kasih.",
     "Siti Aminah", "org_chair", False, None),
    ("Ketua Forum LKS Azis Muslim mengatakan, peringatan HKSN digelar.", "Azis Muslim", "org_chair", False, None),
    ("Bantuan diserahkan langsung oleh Kalapas Pekalongan, Imam Purwanto dan Ketua Dharma Wanita.",
     "Imam Purwanto", "other", False, "33.75"),
    ("Turut serta Kepala Seksi Assesmen dan Advokasi Sosial, Subhan Kadir yang turun ke lapangan.",
     "Subhan Kadir", "social_office_staff", False, None),
    ("Ketua I Badan Koordinasi Kegiatan Kesejahteraan Sosial (BKKKS) Provinsi Jawa Timur Ny. Sri Murti Sutardjo "
     "memberi sambutan.", "Sri Murti Sutardjo", "org_officer", False, "35"),
    # A level glued to its region; an assistant of the regional secretary; a police bureau is no regional staff;
    # charities named "Kasih ..." or "... Anak".
    ("Bantuan diserahkan didampingi Ketua DPRD Kab.Buleleng, Gede Supriatna,SH, dan Kepala Dinas Sosial.",
     "Gede Supriatna", "legislator", False, "51.08"),
    ("Asda 3 Pemkot Tangsel, Teddy Meiyadi saat rapat koordinasi dengan jajaran panitia.",
     "Teddy Meiyadi", "regional_staff", False, "36.74"),
    ("Kata Kepala Biro SDM Polda Kalimantan Tengah, Kombes Pol Ivan Adhityas, di Palangka Raya, Selasa.",
     "Ivan Adhityas", "other", False, "62"),
    ("Ketua Pengurus LKSA Kasih Karunia, Pendeta Ribka Priskila Wulur mengucapkan terima kasih.",
     "Ribka Priskila Wulur", "org_chair", False, None),
    ("Diawali oleh Ketua Yayasan Peduli Anak, yang juga ketua LKSA Peduli Anak Nurdiana, menyampaikan sambutan.",
     "Nurdiana", "org_chair", False, None),
    ("Pada Munas telah terpilih Ketua Umum DNIKS yang baru yaitu Tantyo Aji Sudarmono.",
     "Tantyo Aji Sudarmono", "org_chair", False, None),
    # A rank's force and retirement; a chair "terbaru yakni," the holder; a nun.
    ("Pj. Gubernur NTB Mayor Jendral TNI (Purn) Hassanudin berkunjung ke Lombok Timur.",
     "Hassanudin", "governor", True, "52"),
    ("Pada munas ini, terpilih Ketua Fornas LKSA-PSAA terbaru yakni, Drs. H. Yanto Mulya Pibiwanto.",
     "Yanto Mulya Pibiwanto", "org_chair", False, None),
    ("Kepala Panti Asuhan Bhakti Luhur, Suster Veronika, menerima tali asih.",
     "Veronika", "org_chair", False, None),
    # Sections named by the elderly ("Lanjut Usia"); a forum's own short name; "greater" region; one-word unit
    # names; police directorates.
    ("Hadir Kepala Seksi Rehabilitasi Sosial Lanjut Usia dan Anak, Yenti Kemala.",
     "Yenti Kemala", "social_office_staff", False, None),
    ("Wakil Ketua Fornas LKSA Deni Lumi menambah, peran Fornas diharapkan besar.",
     "Deni Lumi", "org_officer", False, None),
    ("Ketua HRC Malang Raya, Setiawan menyampaikan, kegiatan bhakti sosial penting.",
     "Setiawan", "org_chair", False, "35.73"),
    ("Kepala Bidang Pemberdayaan Sosial, Dinas Sosial Provinsi Riau Raya Pribadi selaku narasumber mengatakan.",
     "Raya Pribadi", "social_office_staff", False, "14"),
    ("Sekretaris DPMD didampingi Kasubag Umum Tatalaksana dan Kepegawaian (UTK) Kartika Sari dan staf.",
     "Kartika Sari", "other", False, None),
    ("Hadir Irwasda Polda Maluku Kombes Pol Purwolelono, Dirkrimsus Kombes Pol Firman Nainggolan.",
     "Firman Nainggolan", "other", False, "81"),
    # A clause between the position and the person.
    ("Ketua FLKS Kota Bitung yang baru, Yohanis Rumengan, berjanji aktif.",
     "Yohanis Rumengan", "org_chair", False, "71.72"),
    ("Wali Kota Ternate yang akrab disapa Bang Tauhid Soleman membuka acara.",
     "Tauhid Soleman", "mayor", False, "82.71"),
    # Abbreviated offices of regional government.
    ("Ia didampingi Sudin Sosial Jakarta Barat, Rudi Salim, meninjau panti.",
     "Rudi Salim", "head_of_social_office", False, "31.73"),
    ("Kepala Sudinsos Jakarta Utara Hendra Gunawan meninjau panti.",
     "Hendra Gunawan", "head_of_social_office", False, "31.72"),
    ("Sekdis Sosial Kota Tual, Maria Rahanra, membuka bimtek.", "Maria Rahanra", "social_office_staff", False, "81.72"),
    ("Asisten III Setdaprov Sulteng, Ahmad Zainuri, mewakili gubernur.", "Ahmad Zainuri", "regional_staff", False, "72"),
    ("Kepala Sentra Terpadu Pangudi Luhur Bekasi, Joko Santoso, menjelaskan.",
     "Joko Santoso", "ministry_official", False, "32.75"),
    ("Dirjen Rehsos Kemensos, Supomo, menyerahkan bantuan.", "Supomo", "ministry_official", False, None),
    ("Bunda PAUD Kota Mataram, Hj. Yustika Mohan, turut hadir.", "Yustika Mohan", "other", False, "52.71"),
    ("Kades Mekarsari Ujang Supriatna menerima bantuan.", "Ujang Supriatna", "other", False, None),
    ("Sementara itu, Ketua Panitia, Cut Rahmah, SH., MM, menyebut kegiatan ini penting.",
     "Cut Rahmah", "other", False, None),
    ("Ketua LKKS Kabupaten Sragen yang baru saja dilantik, Sri Mulyani, menyampaikan terima kasih.",
     "Sri Mulyani", "org_chair", False, "33.14"),
    ("Danramil 1408-05/Mamajang Kapten Inf Syamsul Bahri hadir.", "Syamsul Bahri", "other", False, None),
    # Two capitals after a name are a father's initials, not a body.
    ("Kepala Dinas Sosial Kota Parepare, Abdul Rahman AR, membuka acara.",
     "Abdul Rahman AR", "head_of_social_office", False, "73.72"),
    ("Anggota DPRD Kota Makassar dari Fraksi Golkar, Andi Suharmika, hadir.",
     "Andi Suharmika", "legislator", False, "73.71"),
    # Functional posts of social offices and the ministry, with their grades.
    ("Penyuluh Sosial dari Kemensos RI, Rina Marlinda mengatakan, LKS wajib terdaftar.",
     "Rina Marlinda", "ministry_official", False, None),
    ("Hal itu disampaikan Darmawan Putra, Penyuluh Sosial Madya, mewakili Dinas Sosial Jambi.",
     "Darmawan Putra", "social_office_staff", False, "15"),
    ("“Kami usulkan,” ungkap Pekerja Sosial Ahli Muda, Bidang Rehabilitasi Sosial (Resos) Dinas Sosial (Dinsos) "
     "Kalbar, Wulan Sarinah S.Sos.", "Wulan Sarinah", "social_office_staff", False, "61"),
    # A time word between two name words, "HM" before it; Bugis "Dg." inside a name.
    ("Kadis Sosial Kalsel, HM Rudi Hari Santoso, mengatakan bantuan sudah disalurkan.",
     "Rudi Hari Santoso", "head_of_social_office", False, "63"),
    ("Ketua Komisi A DPRD Kota Makassar, Amir Dg. Tompo, memimpin rapat.", "Amir Dg. Tompo", "legislator", False,
     "73.71"),
    # A body's name the writer abbreviates in brackets ends the unit; the person follows the comma.
    ("Ketua LKS Himpunan Orang Tua Anak Berkebutuhan Khusus (HOTABK), Sudarmi, mengatakan dana itu kecil.",
     "Sudarmi", "org_chair", False, None),
    # The position's own short form in brackets between it and the holder.
    ("Gubernur Jambi (Gubjam) H Tarmizi Hakim menyerahkan bantuan.", "Tarmizi Hakim", "governor", False, "15"),
    # A committee named after its meeting and year; a body's own working meeting draws it from the board.
    ("Ketua Panitia Rakerda Tahun 2023, I Nyoman Suardana, S.Sos melaporkan jumlah peserta.",
     "I Nyoman Suardana", "org_officer", False, None),
    # A committee named after its event in words of any kind, up to the comma before its chair.
    ("Ketua Panitia penyelenggara Munas ke-3 Forum LKSA 2024, Hendra Wijaya menyampaikan harapan.",
     "Hendra Wijaya", "org_officer", False, None),
    ("Ketua pelaksana bakti sosial santunan anak yatim dan dhuafa, Rina Marlina mengatakan sasaran tercapai.",
     "Rina Marlina", "other", False, None),
    # "selaku" follows its holder: the names after the position's comma are companions.
    ("Penyaluran dikawal oleh Marzuki selaku Kepala Seksi Rehabilitasi Sosial, Dedi dan Rina.", "Marzuki",
     "social_office_staff", False, None),
    ("Ketua Tim Kerja Kelembagaan Sosial Dinsos Bantul, Sri Wahyuni, mengatakan ada 20 LKS.",
     "Sri Wahyuni", "social_office_staff", False, "34.02"),
    # Delegation: "Mewakili Gubernur, Wakil Gubernur X": the comma starts a new position.
    ("Mewakili Gubernur, Wakil Gubernur Sulawesi Tengah Reny Lamadjido menyerahkan bantuan.",
     "Reny Lamadjido", "vice_governor", False, "72"),
    ("Hal itu dikemukakan Direktur Lansia Kemensos, Rudi Permana, di Ternate.", "Rudi Permana",
     "ministry_official", False, None),
    ("Pendamping PKH Kecamatan Peusangan, Nurhayati, menjelaskan syarat penerima.", "Nurhayati", "other", False,
     "11.11"),
    ("Sementara itu, Sekretaris Direktorat Jenderal Rehabilitasi Sosial Kemensos RI, Budi Prasetyo yang hadir "
     "mengatakan.", "Budi Prasetyo", "ministry_official", False, None),
    ("Sekretaris Jenderal (Sekjen) Kementerian Sosial (kemensos) RI, Dedi Kurnia menjelaskan.", "Dedi Kurnia",
     "ministry_official", False, None),
    ("Gubernur NTB Bapak Dr. TGH. Ahmad Fauzan meminta semua dinas mendukung.", "Ahmad Fauzan", "governor", False,
     "52"),
    ("Rudi Hartono sebagai Sekjen Forum Nasional LKSA menyampaikan tema.", "Rudi Hartono", "org_officer", False,
     None),
    ("Ibu Warsini sebagai salah satu pengurus panti dari PAM Sentolo, memaparkan syarat akreditasi.", "Warsini",
     "org_officer", False, None),
    ("Yohana Mite, Pendiri Panti Asuhan Santa Maria dalam syukuran itu, berterima kasih.", "Yohana Mite",
     "org_officer", False, None),
    ("Perwakilan Pusdiklat Kemensos RI, Sinta Dewi, juga hadir.", "Sinta Dewi", "ministry_official", False, None),
    ("Pemateri ialah Penyuluh Ahli Muda Dinsos Provinsi Kaltim, Rahmadi.", "Rahmadi", "social_office_staff", False,
     "64"),
    ("Ketua Umum Forum Nasional LKSA – Panti Sosial Asuhan Anak Bapak Yanto Mulyono menyampaikan pesan.",
     "Yanto Mulyono", "org_chair", False, None),
    # The coordinator in charge of a home leads it.
    ("Kunjungan itu diterima oleh Koordinator di Panti Jompo Syailendra, Magdalena.", "Magdalena", "org_chair",
     False, None),
    ("Ketua Pimpinan Cabang Aisyiyah Ngawen, Sri Harsini. S.Pd.I mengungkapkan LKSA ini ladang amal.",
     "Sri Harsini", "org_chair", False, None),
    ("Penghargaan diserahkan Mentri Sosial RI Agus G. Kartasasmita di Bandung.", "Agus G. Kartasasmita",
     "minister", False, None),
    ("Musliadi Daeng Raja selaku Ketua Departemen Sosial DPP Hidayatullah menekankan pentingnya LKSA.",
     "Musliadi Daeng Raja", "org_officer", False, None),
    ("Kunjungan Ny.Rasniathi Adi Arnawa selaku Ketua TP PKK Badung disambut pengurus panti.",
     "Rasniathi Adi Arnawa", "org_chair", False, "51.03"),
]


@pytest.mark.parametrize(("sentence", "name", "kind", "acting", "region"), POSITIONED)
def test_position_and_name_are_read(sentence: str, name: str, kind: str, acting: bool, region: str | None) -> None:
    found = by_name(officials_of(sentence))
    assert name in found, [o.name for o in found.values()]
    official = found[name]
    assert (official.role_kind, official.acting, official.region_code) == (kind, acting, region)


@pytest.mark.parametrize("sentence", [
    "Kegiatan ini dihadiri Kepala Dinas Kesehatan dan Kepala Bappeda.",
    "Ketua LKKS mengatakan pengurus harus aktif. Dalam sambutannya, Gubernur menyampaikan terima kasih.",
    "Sekretaris LKKS Provinsi Kalsel Periode 2025-2030 dilantik hari ini.",
    "Bupati Kendal Minta LKS Aktif Bantu Pemerintah",
    "Pengurus baru LKKS Provinsi Banten periode 2024-2029 diharapkan berperan aktif.",
    "Acara berlangsung di Pendopo Bupati Kendal, Selasa (21/5/2024).",
    "Ketua dan anggota LKS hadir dalam pertemuan itu.",
    "Kata Muslim, pemerintah daerah berkomitmen mendukung LKKS.",
    "Pengurus dilantik berdasarkan Surat Keputusan Gubernur Sumatera Utara Nomor 188.44/512/KPTS/2025.",
    "Acara digelar di Kantor Gubernur Sumut, Jalan Pangeran Diponegoro, Medan.",
    "Rapat Koordinasi Ketua LKKS se-Jawa Tengah digelar di Semarang.",
    "Pelantikan Ketua LKKS Kota Jambi berlangsung meriah.",
    "Dalam Rapat Kerja, ketua LKKS menyampaikan laporan.",
    "“Kami berterima kasih,” kata dia, ketua LKS tersebut.",
    "Tim monitoring terdiri dari Dinas Sosial dan Bappeda.",
    "Rombongan terdiri dari 20 orang pengurus LKS.",
    "Budi memimpin rapat koordinasi LKS se-Kabupaten Sleman.",
    "Gubernur memimpin apel pagi.",
    "Masa bakti ketua lama berakhir tahun ini.",
    "Jabatan ketua diserahkan kepada penggantinya.",
    "Hadir pula Camat Kebon Jeruk.",
    "Mereka diterima pengurus LKSA Harapan Bangsa.",
    "Karenanya, ketua LKKS Kendal menutup acara.",
    "Selanjutnya, ketua LKKS Kendal menutup acara.",
    "Ketua LKKS yang hadir dalam acara, menyampaikan terima kasih kepada Bupati.",
    "Turut hadir Kepala Bidang dari Dinas Penanaman Modal, Pelayanan Terpadu Satu Pintu dan Tenaga Kerja.",
    "Kegiatan itu didampingi Satuan Bakti Pekerja Sosial yang merupakan pekerja sosial profesional.",
    "Rapat bersama pengurus forum LKSA, Balai Wirajaya, Dinas Sosial Kota Palu serta Dinas Sosial Provinsi.",
    "Hadir Kepala Dinas Sosial, Kabid P3Sm, para Pengurus Yayasan, Ketua GOW, Guru dan Staf Pengajar.",
    "Pilar sosial seperti Pekerja Sosial Masyarakat (PSM), Tenaga Kesejahteraan Sosial Kecamatan (TKSK), Karang "
    "Taruna, dan LKS.",
    # A building named by its office and a head of delegation; a statement, a police unit, a youth group.
    "Penghargaan untuk kategori Anak Asuh Berbakat, Alumni Tersukses, Pengasuh Teladan diberikan.",
    "Disampaikan Sekda kegiatan Silahturahmi di Panti Asuhan Aisyiah Putri Bangkinang merupakan agenda rutin.",
    "Sekda diberi lukisan bergambar Gubernur Jateng, Komjen Pol oleh pengurus panti.",
    "Imbauan Kadinsos Banten itu terkait dengan peringatan Hari Anak Nasional.",
    "Hadir pula puluhan anggota Polwan dari lingkup Polda Maluku.",
    "Ada empat pilar yakni, TKSK, LKS, Karangtaruna, dan Pekerja Sosial Masyarakat (PSM).",
    "Rapat digelar di Komplek Perkantoran Gubernur, Air Itam, Pangkalpinang, Jumat (11/01/2019).",
    "Anjangsana dipimpin oleh Ketua Rombongan yang datang dari ibu kota provinsi.",
    # Post grades and unit words that are common nouns; a charity named by several such words; a place or
    # institution pointed back to with "tersebut".
    "Kabid Rehabilitasi Sosial beserta Pejabat Fungsional menerima kunjungan kerja Komisi IV DPRD.",
    "Hadir Kepala Dinas Penanaman Modal dan PTSP Kota Palangka Raya, Pimpinan Hotel Neo Palma.",
    "Kegiatan digelar bersama anak-anak di Panti Sosial Asuhan Anak Budi Asih, Bandar Lampung, Rabu.",
    "Yayasan Aswirusani, LKSA Asmaul Husna Bangkit menjadi salah satu LKSA yang akan dimonitoring.",
    "Menurut Pengasuh Istana Anak Yatim Batulicin tersebut, ada banyak tantangan internal LKSA.",
    # Verbs, adverbs and a former post before a position with no name; a unit abbreviation; a pious phrase.
    "Mendampingi, Plt. Sekda pada kegiatan anjangsana ini, antara lain Kepala Dinas Sosial.",
    "Mantan Kabag Kesra Setda Kota Kendari ini menambahkan, panti harus berizin.",
    "Terpisah, Kepala UPTD PSAA Budi Sentosa saat ditemui di ruang kerjanya.",
    "Ketua LKS itu hadir didampingi Kabid Resos.",
    "Kita menggelar pelantikan lima kepala panti, In syaa Allah akan kami perhatikan.",
    "Nanti secara teknis dibahas dengan Asda 3. Tadi juga sudah dilaporkan ke Asda 3.",
    "Lembaga ini diinisiasi oleh para Ketua Panti Asuhan Anak, Praktisi dan Aktivis perlindungan anak.",
])
def test_no_official_without_a_named_person_in_position(sentence: str) -> None:
    assert officials_of(sentence) == []


def test_honorifics_and_degrees_stay_in_name_text_only() -> None:
    official = officials_of("Plt. Kepala Dinsos Aceh Devi Riansyah, A.KS, M.Si mengatakan hal itu.")[0]
    assert (official.name, official.name_text) == ("Devi Riansyah", "Devi Riansyah, A.KS, M.Si")
    assert official.role == "Kepala Dinsos Aceh"
    official = officials_of("Wakil Bupati Bireuen Ir. H. Razuardi Ibrahim MT meminta LKKS aktif.")[0]
    assert (official.name, official.name_text) == ("Razuardi Ibrahim", "Ir. H. Razuardi Ibrahim MT")


def test_led_by_names_the_chair_of_the_body_before_it() -> None:
    found = by_name(officials_of(
        "Pengurus LKKS Provinsi NTB yang dilantik berjumlah 41 orang dan diketuai Hj. Nurhasanah Rahman.",
        "Akreditasi dilakukan tim asesor Kementerian Sosial yang dipimpin Dr. Teguh Wiryawan, M.Kesos."))
    assert (found["Nurhasanah Rahman"].role_kind, found["Nurhasanah Rahman"].region_code) == ("org_chair", "52")
    assert found["Teguh Wiryawan"].role_kind == "ministry_official"


def test_a_person_named_with_the_body_they_come_from_is_its_member() -> None:
    found = by_name(officials_of(
        "Penyerahan bantuan disaksikan oleh Wayan Sudarma, dari Komisi VIII DPR RI, dan warga sekitar.",
        "Hadir pula Bapak Hartono dari Panti Asuhan Muhammadiyah Wonosari bersama anak-anak.",
        "\"Kami dari Dinas Sosial mendukung,\" katanya."))
    assert (found["Wayan Sudarma"].role, found["Wayan Sudarma"].role_kind) == ("Anggota Komisi VIII DPR RI", "legislator")
    assert found["Hartono"].role_kind == "org_officer"
    assert "Kami" not in found


def test_titles_inside_an_institution_run_open_the_name() -> None:
    official = officials_of("Ketua LKSA Darul Aitam Teungku H. Muhammad Yusuf menerima kunjungan.")[0]
    assert (official.name, official.name_text, official.role) == (
        "Muhammad Yusuf", "Teungku H. Muhammad Yusuf", "Ketua LKSA Darul Aitam")


def test_acting_prefix_is_not_part_of_the_role() -> None:
    official = officials_of("Penjabat Sekretaris Daerah (Pj Sekda) Provinsi Banten Usman Asshiddiqi Qohara "
                            "di Serang, Rabu, mengatakan LKKS penting.")[0]
    assert (official.name, official.role, official.acting) == (
        "Usman Asshiddiqi Qohara", "Sekretaris Daerah Provinsi Banten", True)


def test_delegation_gives_both_people() -> None:
    found = by_name(officials_of(
        "Wali Kota Banjarmasin H. Ibnu Sina melalui Asisten III Setdako Banjarmasin, Doyo Pudjadi, "
        "menyerahkan bantuan kepada LKS."))
    assert (found["Ibnu Sina"].role_kind, found["Doyo Pudjadi"].role_kind) == ("mayor", "regional_staff")
    found = by_name(officials_of(
        "Bupati Bireuen yang diwakili oleh Asisten I Setdakab Bireuen, Mulyadi, SH, membuka kegiatan."))
    assert list(found) == ["Mulyadi"]
    assert found["Mulyadi"].region_code == "11.11"


def test_nickname_surname_and_title_mentions_resolve_to_one_person() -> None:
    found = officials_of(
        "Pelantikan dilakukan oleh Wali Kota Pekalongan, Achmad Afzan Arslan Djunaid.",
        "Wali Kota Pekalongan yang akrab disapa Aaf menjelaskan peran LKKS.",
        "Aaf mengimbau pengurus turun ke masyarakat.",
        "Wali Kota Pekalongan Aaf juga meminta pengurus bekerja dengan hati.",
    )
    assert [o.name for o in found] == ["Achmad Afzan Arslan Djunaid"]
    assert found[0].aliases == ["Aaf"]
    assert found[0].mentions == 4


def test_nickname_opening_the_next_paragraph_is_an_alias() -> None:
    found = officials_of("Wali Kota Makassar Moh Ramdhan Pomanto membuka lomba, Senin (12/8/2024).",
                         "Danny, sapaan akrabnya, meminta seluruh OPD berpartisipasi.")
    assert [(o.name, o.aliases, o.mentions) for o in found] == [("Moh Ramdhan Pomanto", ["Danny"], 2)]


def test_bracketed_nickname_is_an_alias() -> None:
    official = officials_of("Gubernur Kalimantan Selatan H. Muhidin (Paman Birin) mengukuhkan pengurus.")[0]
    assert (official.name, official.aliases) == ("Muhidin", ["Paman Birin"])


def test_repeated_full_mentions_are_one_official_with_the_first_evidence() -> None:
    found = officials_of(
        "Kepala Dinas Sosial Provinsi Banten, Nurhana mengatakan kegiatan rutin.",
        "Sekda Banten Al Muktabar hadir.",
        "Sekda Banten Al Muktabar mengungkapkan kemiskinan masih tinggi, ujar Nurhana.",
    )
    assert [(o.name, o.mentions) for o in found] == [("Nurhana", 2), ("Al Muktabar", 2)]
    assert found[1].evidence is not None and found[1].evidence.paragraph == 1


def test_evidence_spans_role_and_name_in_the_kept_paragraph() -> None:
    article = make_article(("Baca juga: Bupati Kendal Dico Ganinduto resmikan pasar", "boilerplate"),
                           "Pembukaan dilakukan Bupati Kendal, Dyah Kartika Permanasari, kemarin.")
    found = find_officials(article, find_regions(article))
    assert [o.name for o in found] == ["Dyah Kartika Permanasari"]
    evidence = found[0].evidence
    assert evidence is not None and evidence.paragraph == 1
    text = article.paragraphs[0].text
    assert text[evidence.start:evidence.end] == "Bupati Kendal, Dyah Kartika Permanasari"


def test_role_without_region_takes_the_article_region() -> None:
    found = by_name(officials_of(
        "Lembaga Koordinasi Kesejahteraan Sosial (LKKS) Kota Pekalongan melantik pengurus baru di Kota Pekalongan.",
        "Sekretaris Dinsos-P2KB, Indah Budiharti mengungkapkan LKKS beranggotakan 47 organisasi sosial.",
    ))
    assert (found["Indah Budiharti"].role_kind, found["Indah Budiharti"].region_code) == (
        "social_office_staff", "33.75")


@pytest.mark.parametrize(("role", "kind"), [
    ("Sekretaris Dinsos-P2KB", "social_office_staff"),
    ("Kepala Dinas Kesehatan", "other"),
    ("Sekretaris Dinas Kesehatan", "other"),
    ("Sekretaris LKKS", "org_officer"),
    ("Kasi Rehsos", "social_office_staff"),
    ("Kepala UPTD Panti Sosial Bina Remaja", "social_office_staff"),
    ("Ketua Komisi IV DPRD Kalsel", "legislator"),
    ("Anggota DPR RI", "legislator"),
    ("Ketua Dewan Pembina LKKS", "org_officer"),
    ("Kepala Biro Kesra Setdaprov Kalsel", "regional_staff"),
    ("Kepala Bagian Kesra Setdakab Bireuen", "regional_staff"),
    ("Sekdakab Bireuen", "regional_secretary"),
    ("Mensos", "minister"),
    ("Dirjen Rehabilitasi Sosial", "ministry_official"),
    ("Camat Curug", "other"),
    ("Ketua RT 05", "other"),
    ("Sekretaris Fraksi PKB DPRD Jawa Timur", "legislator"),
    ("Sekretaris DPRD Jawa Timur", "other"),
    ("Sekretaris Komisi E DPRD Jateng", "legislator"),
    ("Bendahara Pansus DPRD Kota Malang", "legislator"),
    # A coordinator of a named body leads it; of a section or a field team, is one of its officers.
    ("Koordinator Forum Panti Asuhan Kabupaten Bantul", "org_chair"),
    ("Koordinator Wilayah LKSA Provinsi Jambi", "org_chair"),
    ("Kordinator Perkumpulan Sahabat Lansia", "org_chair"),
    ("Koordinator kesekretariatan", "org_officer"),
    ("Koordinator Forum LKS Dinas Sosial Kota Blitar", "social_office_staff"),
])
def test_role_kinds(role: str, kind: str) -> None:
    assert classify_role(role) == kind


def test_title_and_degree_shapes() -> None:
    assert all(is_honorific(t) for t in ["H.", "Hj", "Dr.", "Drs.", "KH.", "K.H.", "Prof.", "Ny.", "AKBP"])
    assert not any(is_honorific(t) for t in ["Muhidin", "Dewi", "Ketua"])
    assert all(is_degree(t) for t in ["S.Sos", "M.Si", "A.KS", "MM", "SE", "S.H.", "M.AP", "Ak"])
    assert not any(is_degree(t) for t in ["Rabu.", "Kalsel", "Dewi"])
    assert looks_like_headline("Pengukuhan Pengurus LKKS Provinsi Kalsel, Gubernur : Berikan Pelayanan Terbaik")
    assert not looks_like_headline("Gubernur Kalimantan Selatan H. Muhidin mengukuhkan pengurus LKKS.")


# (seed, name, role_kind, acting, region_code)
SEED_OFFICIALS = [
    ("000", "Usman Asshiddiqi Qohara", "regional_secretary", True, "36"),
    ("001", "Muhidin", "governor", False, "63"),
    ("001", "Muhamad Muslim", "regional_staff", True, "63"),
    ("001", "Dewi Damayanti Said", "org_chair", False, "63"),
    ("002", "Achmad Afzan Arslan Djunaid", "mayor", False, "33.75"),
    ("002", "Indah Budiharti", "social_office_staff", False, "33.75"),
    ("003", "Nurhana", "head_of_social_office", False, "36"),
    ("003", "Al Muktabar", "regional_secretary", False, "36"),
    ("004", "Devi Riansyah", "head_of_social_office", True, "11"),
    ("004", "Mukhlis Aminullah", "org_chair", False, "11.11"),
    ("004", "Alfian", "social_office_staff", False, "11.11"),
]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_officials_are_exactly_the_expected_people(seed: str) -> None:
    article = seed_article(seed)
    found = {(o.name, o.role_kind, o.acting, o.region_code) for o in find_officials(article, find_regions(article))}
    assert found == {row[1:] for row in SEED_OFFICIALS if row[0] == seed}


def test_seed_mentions_count_surnames_and_titles() -> None:
    article = seed_article("001")
    found = by_name(find_officials(article, find_regions(article)))
    # "Gubernur menyampaikan" is the governor again; "kata Muslim", "menurut Muslim" the assistant.
    assert (found["Muhidin"].mentions, found["Muhamad Muslim"].mentions, found["Dewi Damayanti Said"].mentions) == (
        2, 3, 2)
    article = seed_article("002")
    mayor = by_name(find_officials(article, find_regions(article)))["Achmad Afzan Arslan Djunaid"]
    assert mayor.aliases == ["Aaf"]


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("“Kami siap membantu,” kata Rudi Hartono, bendahara FLKS Kabupaten Sleman.",
     "Rudi Hartono", "bendahara FLKS Kabupaten Sleman"),
    ("Menurut Sri Lestari, ketua, forum akan menggelar musyawarah bulan depan.", "Sri Lestari", "ketua"),
    ("Hj Wartini Sulastri Ketua LKKS Provinsi Jambi berdiskusi dengan tamu di Gedung Daerah.",
     "Wartini Sulastri", "Ketua LKKS Provinsi Jambi"),
    ("Sementara Rahmi ketua sebelumnya dipilih oleh forum kabupaten.", "Rahmi", "ketua"),
    ("Mukhlis, ketua LKKS Bireuen, mengatakan pengurus siap.", "Mukhlis", "ketua LKKS Bireuen"),
    # The words after the unit name the institution when the speaker before the comma holds the position.
    ("“Laporan kami lengkap,” kata Yusuf Hamdani, Ketua LKS-LU Sinar Kasih, Senin (5/10/2020).",
     "Yusuf Hamdani", "Ketua LKS-LU Sinar Kasih"),
    ("“Kami bangga,” ujar Dewi Anggraini, Ketua LKSA Cahaya Bunda di kantornya.",
     "Dewi Anggraini", "Ketua LKSA Cahaya Bunda"),
    # So does the agent of a passive act before the comma.
    ("Paket sembako diserahkan langsung oleh Rina Marlina Putri, Wakil Ketua DWP Unand, kepada pengasuh.",
     "Rina Marlina Putri", "Wakil Ketua DWP Unand"),
])
def test_position_written_after_its_holder(sentence: str, name: str, role: str) -> None:
    found = by_name(officials_of(sentence))
    assert name in found, [o.name for o in found.values()]
    assert found[name].role == role


def test_people_each_named_with_sebagai_keep_their_own_position() -> None:
    found = by_name(officials_of(
        "Dalam rapat itu Siti Aminah ditetapkan sebagai Ketua Umum, didampingi Rudi Hartono sebagai Ketua Harian, "
        "Lina Marlina sebagai Sekretaris, dan Yusuf Efendi sebagai Bendahara."))
    assert {name: o.role for name, o in found.items()} == {
        "Siti Aminah": "Ketua Umum", "Rudi Hartono": "Ketua Harian", "Lina Marlina": "Sekretaris",
        "Yusuf Efendi": "Bendahara"}
    # Beside a chair, the daily chair is a board member.
    assert (found["Siti Aminah"].role_kind, found["Rudi Hartono"].role_kind) == ("org_chair", "org_officer")


def test_listed_board_members_belong_to_the_body() -> None:
    found = by_name(officials_of(
        "Pengurus LKKS Kota Bima yang hadir terdiri atas Hj. Nurlaila, Ahmad Syukri, dan Fitri Handayani. "
        "Bambang Sutejo mengatakan hal itu."))
    assert set(found) == {"Nurlaila", "Ahmad Syukri", "Fitri Handayani"}
    assert {(o.role_kind, o.region_code) for o in found.values()} == {("org_officer", "52.72")}
    found = by_name(officials_of("Tim monev LKKS Jateng terdiri dari Trisno Hadi (kiri) dan Humaidi Asnawi."))
    assert set(found) == {"Trisno Hadi", "Humaidi Asnawi"}


def test_chosen_to_lead_and_handover_name_chairs() -> None:
    found = by_name(officials_of(
        "Musyawarah forum LKS memberikan amanah kepada Rahmat Hidayat untuk memimpin forum ini lima tahun ke depan.",
        "Jabatan ketua LKKS Kota Sorong diserahkan dari Ny. Sri Handayani kepada Ny. Maria Goreti."))
    assert {name: o.role_kind for name, o in found.items()} == {
        "Rahmat Hidayat": "org_chair", "Sri Handayani": "org_chair", "Maria Goreti": "org_chair"}
    assert found["Maria Goreti"].region_code == "96.71"


def test_team_leader_takes_the_body_of_the_team() -> None:
    found = by_name(officials_of(
        "Akreditasi dilakukan rombongan tim Balai Besar dari kemensos RI yang dipimpin oleh Sutrisno Hadi "
        "di LKSA Harapan Kita.",
        "Tim asesor tiba di LKSA Kasih Ibu Pontianak. Rombongan itu dipimpin Hendrik Wijaya dari LKKS Kalbar."))
    assert found["Sutrisno Hadi"].role_kind == "ministry_official"
    assert (found["Hendrik Wijaya"].role_kind, found["Hendrik Wijaya"].region_code) == ("org_chair", "61")


@pytest.mark.parametrize("paragraphs", [
    ("Gubernur Bengkulu Helmi Hasan membuka rakor.", "Dalam sambutannya, Gubernur Helmy menekankan peran LKKS."),
    ("Gubernur Jambi Rahmat Fadilah Harun membuka rakor.", "Gubernur Fadil meminta LKKS aktif."),
    ("Bupati Klungkung I Gusti Ayu Sri Wahyuni membuka acara.", "Bupati IGA Sri Wahyuni berharap LKS aktif."),
    ("Wali Kota Sabang yang akrab disapa Bang Zulkifli Rahman hadir.", "Wali Kota Zulkifli Rahman membuka acara."),
])
def test_later_title_with_short_or_misspelt_name_is_the_same_holder(paragraphs: tuple[str, str]) -> None:
    found = officials_of(*paragraphs)
    assert len(found) == 1, [o.name for o in found]
    assert found[0].mentions == 2


def test_different_names_in_the_same_office_stay_apart() -> None:
    found = officials_of("Gubernur Jambi Rahmat Fadilah membuka rakor.",
                         "Mantan Gubernur Jambi Zainal Abidin turut hadir.")
    assert [o.name for o in found] == ["Rahmat Fadilah", "Zainal Abidin"]


def test_truncated_sentence_is_no_headline() -> None:
    assert not looks_like_headline("Wakil Ketua III Baznas Provinsi Jawa Tengah Prof Dr. H. Saifuddin, S.H., M.Ag "
                                   "menyampaikan, Baznas Provinsi Jawa Tengah berperan dalam")
    assert looks_like_headline("Bupati Kendal Minta Pengurus LKS Aktif Membantu Pemerintah dalam Pembangunan")


@pytest.mark.parametrize(("role", "kind"), [
    ("Ketua Harian LKKS Jateng", "org_officer"),
    ("Ketua Umum LKKS Lampung", "org_chair"),
    ("Ketua Panitia Musda", "org_officer"),
    ("Ketua Pelaksana Rapat Kerja Wilayah", "org_officer"),
    ("Ketua Panitia Temu Kreasi LKSA", "other"),
    ("Ketua Panitia HUT Korpri", "other"),
    ("Kepala Loka Rehabilitasi Sosial Lanjut Usia", "ministry_official"),
    ("Kepala LRSLU Meohai", "ministry_official"),
    ("Sudin Sosial Jaksel", "head_of_social_office"),
    ("Kepala Suku Dinas Sosial Jakarta Pusat", "head_of_social_office"),
    ("Ketua Tim Kemensos", "ministry_official"),
    ("Divisi Hukum KPU Kabupaten Gorontalo", "other"),
])
def test_more_role_kinds(role: str, kind: str) -> None:
    assert classify_role(role) == kind


def test_careless_titles_and_degrees() -> None:
    assert all(is_honorific(t) for t in ["drs.", "prof.", "HM", "DR.", "Abah"])
    assert not any(is_honorific(t) for t in ["drs", "ibu.", "teh."])
    assert all(is_degree(t) for t in ["Msi", "Mpd", "SSos"])
    assert not any(is_degree(t) for t in ["Ma", "Se", "Mas"])


# Round 2: general patterns of regional news, each in several invented variants.
# (paragraphs, expected [(name, role_kind)] in order)
GENERAL_PATTERNS: list[tuple[tuple[str, ...], list[tuple[str, str]]]] = [
    # A reporting verb, then the speaker, then a lower-case position naming its body, with no comma.
    (("Demikian dikatakan Rudi Hartanto ketua LKKS Sulteng saat membuka rapat kerja di Palu.",),
     [("Rudi Hartanto", "org_chair")]),
    (("Hal itu disampaikan oleh Hj. Nurlaila kepala Dinas Sosial Kabupaten Sambas di sela kegiatan.",),
     [("Nurlaila", "head_of_social_office")]),
    (("\u201cKami siap membantu,\u201d kata Yohanes Bria sekretaris LKKS NTT usai rapat.",),
     [("Yohanes Bria", "org_officer")]),
    # The holder written in brackets after the position, with titles and degrees.
    (("Narasumber adalah Kepala Bidang Rehabilitasi Sosial Dinsos Provinsi Jambi (Drs. Ahmad Fauzi, M.Si) dan "
      "Sekretaris LKKS Jambi (Sri Wahyuni).",),
     [("Ahmad Fauzi", "social_office_staff"), ("Sri Wahyuni", "org_officer")]),
    (("Materi dibawakan Kepala Seksi Pengelolaan Data dan Pengaduan Bantuan Sosial (Maria Ulfa, S.Sos) di Kupang.",),
     [("Maria Ulfa", "social_office_staff")]),
    # A company's legal form in brackets is part of its name, not a person.
    (("Manajer PT Maju Jaya (Persero) menyerahkan bantuan ke panti asuhan di Kota Bogor.",), []),
    (("Manajer PT Sinar Abadi (Persero), Sinta Dewi, menyerahkan bantuan.",), [("Sinta Dewi", "other")]),
    # Island names in regional units; Javanese noble titles before the name.
    (("Pelatihan ditutup oleh Kepala BBPPKS Regional II Kalimantan, KRT. Bambang Wiyono.",
      "Peserta dari Pengurus LKSA Regional Sulawesi mengikuti diklat itu."),
     [("Bambang Wiyono", "ministry_official")]),
    (("Diklat dibuka Kepala Balai Besar Pelatihan Kesejahteraan Sosial Regional Jawa, RM. Hadi Kusumo.",),
     [("Hadi Kusumo", "ministry_official")]),
    # Sub-units ("Subbagian", "Kasubsi") of Kemensos halls, centres and lodges.
    (("\u201cKami mendata LKS,\u201d jelas Kepala Subbagian Umum LRSPA Alyatama Jambi Dewi Kartika, Senin (5/8/2024).",),
     [("Dewi Kartika", "ministry_official")]),
    (("Kasubsi Advokasi Sosial BRSPDM Budi Luhur Banjarbaru, Yusran Effendi, memimpin asesmen.",),
     [("Yusran Effendi", "ministry_official")]),
    (("Kepala BP3S Kementerian Sosial, Hendra Wijaya, meninjau akreditasi.",
      "Kepala Balai Besar POM Kota Palu, Agus Salim, turut hadir."),
     [("Hendra Wijaya", "ministry_official"), ("Agus Salim", "other")]),
    # The common misspelling "Sekertaris".
    (("Sekertaris Dinas Sosial Kota Kupang Maria Goreti membuka acara.", "Sekertaris LKKS Kaltim, Hj. Rahmawati, hadir."),
     [("Maria Goreti", "social_office_staff"), ("Rahmawati", "org_officer")]),
    # A position shared by several people listed after it.
    (("Dua staf Direktorat Rehabilitasi Sosial Lanjut Usia Kemensos RI Andre dan Putri Ramadhani mengunjungi panti "
      "di Kabupaten Sikka.",),
     [("Andre", "ministry_official"), ("Putri Ramadhani", "ministry_official")]),
    (("Tiga pengurus LKKS Kaltara Yusuf Rahman, Fitri Handayani dan Markus Kila hadir di Tarakan.",),
     [("Yusuf Rahman", "org_officer"), ("Fitri Handayani", "org_officer"), ("Markus Kila", "org_officer")]),
    (("Kepala Dinas Sosial Kota Bima Budi Santoso dan Sekretaris LKKS Ani Lestari hadir.",),
     [("Budi Santoso", "head_of_social_office"), ("Ani Lestari", "org_officer")]),
    # A second position held by the same person, named by their given name.
    (("Wakil Gubernur Bengkulu Rosjonsyah Syahili membuka Musda LKKS.",
      "Hal itu disampaikan Rosjonsyah yang juga menjabat sebagai Ketua LKKS Provinsi Bengkulu."),
     [("Rosjonsyah Syahili", "vice_governor")]),
    (("Bupati Sigi Mohamad Irwan Lapatta hadir.", "Irwan Lapatta, Ketua Forum LKS Sigi, menyerahkan piagam."),
     [("Mohamad Irwan Lapatta", "regent")]),
    # Someone standing for a social body, named with no position of their own.
    (("Sambutan dari Dinas Sosial Kabupaten Pati yang diwakili oleh Bapak Heru Prasetyo, S.Sos. Ia mengajak LKS tertib.",),
     [("Heru Prasetyo", "social_office_staff")]),
    (("Samsul Bahri, mewakili Dinsos Aceh Besar, menyerahkan bantuan kepada panti asuhan.",),
     [("Samsul Bahri", "social_office_staff")]),
    (("Dinas Sosial Kabupaten Pati yang diwakili Kabid Rehsos, Rina Marlina, hadir.",),
     [("Rina Marlina", "social_office_staff")]),
    (("Bupati Pati yang diwakili oleh Heru Prasetyo membuka acara.",), []),
    # Village heads by their regional names; a Balinese name after the village.
    (("Wali Nagari Koto Tangah, Syafrizal, menyambut rombongan LKKS Sumbar.",), [("Syafrizal", "other")]),
    (("Perbekel Desa Sanur Kaja, I Made Sudana, hadir.",), [("I Made Sudana", "other")]),
    (("Kepala Desa Sukamaju, Ni Luh Sukerti, hadir.",), [("Ni Luh Sukerti", "other")]),
]


@pytest.mark.parametrize(("paragraphs", "expected"), GENERAL_PATTERNS)
def test_general_patterns_of_regional_news(paragraphs: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role_kind) for o in officials_of(*paragraphs)] == expected


def test_wife_sharing_the_family_name_is_not_merged() -> None:
    found = officials_of("Wali Kota Padang Fadly Amran membuka rapat.", "Ketua LKKS Padang Rika Fadly Amran hadir.",
                         "Fadly Amran juga menyerahkan bantuan.")
    assert [(o.name, o.role_kind) for o in found] == [("Fadly Amran", "mayor"), ("Rika Fadly Amran", "org_chair")]


def test_sub_units_and_javanese_titles_are_recognised() -> None:
    assert is_honorific("GRM.") and is_honorific("KRT.")
    assert classify_role("Kepala Subseksi Advokasi LRSLU Minaula") == "ministry_official"
    assert classify_role("Sekertaris Dinas Sosial Kota Palu") == "social_office_staff"


def test_a_local_office_is_read_with_its_holder() -> None:
    found = by_name(officials_of("“Panti ini untuk anak yatim,” kata Kepala Dinsos setempat, Afrizal di Padang, Selasa."))
    assert found["Afrizal"].role_kind == "head_of_social_office"


def test_a_name_said_again_without_its_usual_opener_keeps_the_full_form() -> None:
    people = officials_of(
        "Muhammad Rizal, saat ditemui di panti, menjelaskan kebutuhan anak.",
        "“Bantuan ini sangat bermanfaat,” kata Rizal yang juga Ketua LKSA Harapan Kita.")
    assert [(o.name, o.role_kind) for o in people] == [("Muhammad Rizal", "org_chair")]
    assert "Rizal" in people[0].aliases


def test_a_team_leader_named_with_an_office_of_their_own_holds_that_office() -> None:
    found = by_name(officials_of(
        "Ia ditemui tim monitoring program sosial yang dipimpin Vici Yulian, penyuluh sosial madya Dinsos Aceh, "
        "Kamis (13/4/2023)."))
    assert found["Vici Yulian"].role_kind == "social_office_staff"


@pytest.mark.parametrize(("text", "kind"), [
    ("“Warga butuh bantuan,” tutur Yos Army selaku Kepala Dinas dalam sambutannya di Dinas Sosial Kota Kupang.",
     "head_of_social_office"),
    ("“Warga butuh bantuan,” tutur Yos Army selaku Kepala Dinas dalam rapat bersama Dinas Sosial dan Dinas "
     "Kesehatan.", "other"),
])
def test_a_bare_head_of_office_is_the_social_office_only_where_it_is_the_only_office(text: str, kind: str) -> None:
    assert by_name(officials_of(text))["Yos Army"].role_kind == kind


def test_a_programme_abbreviated_in_brackets_after_a_position_names_nobody() -> None:
    assert officials_of("Hadir para Pendamping Program Keluarga Harapan (PDP PKH) dan TKSK.") == []


def test_a_former_post_gives_way_to_the_one_held_now() -> None:
    found = by_name(officials_of(
        "Mantan wakil wali kota Pekalongan, Abu Almafachir, ditunjuk sebagai ketua LKKS Kota Pekalongan."))
    assert found["Abu Almafachir"].role_kind == "org_chair"


def test_whole_words_are_those_of_the_alternation_regex() -> None:
    """`_whole_words` replaces a pattern compiled per article: same matches, longest key first, no overlaps."""
    import random
    import re

    from pipeline.analyse.officials import _whole_words

    rng = random.Random(3)
    keys_pool = ["Budi", "Budi Santoso", "Santoso", "Ana", "Anas", "H. Ana", "Dr.", "Ná", "Budi_"]
    glue = [" ", "", ",", ".", "é", "_", "1", "\n", "-"]
    for _ in range(300):
        keys = rng.sample(keys_pool, rng.randint(1, 5))
        text = "".join(rng.choice(keys_pool) + rng.choice(glue) for _ in range(rng.randint(1, 15)))
        pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
                             + r")(?![\w])")
        assert _whole_words(text, keys) == [(m.start(), m.group()) for m in pattern.finditer(text)], (text, keys)


@pytest.mark.parametrize(("pattern", "cue", "text"), [
    ("_NICKNAME", "_NICKNAME_CUE", "Bupati Tanbu yang akrab disapa Abah Zairullah"),
    ("_NICKNAME", "_NICKNAME_CUE", "Wali Kota yang lebih dikenal Aaf"),
    ("_NICKNAME", "_NICKNAME_CUE", "Ketua yang biasa disebut Pak Haji"),
    ("_NICKNAME", "_NICKNAME_CUE", "Ketua yang kerap\tsebut Pak Haji"),
    ("_NICKNAME", "_NICKNAME_CUE", "Danny, sapaan akrabnya, hadir"),
    ("_NICKNAME", "_NICKNAME_CUE", "panggilan akrab Abah hadir"),
    ("_LED_BY", "_LED_BY_CUE", "Pengurus LKKS diketuai oleh Hj. Nurhasanah"),
    ("_TO_LEAD", "_TO_LEAD_CUE", "Ardi terpilih memimpin FLKS"),
])
def test_cues_are_found_wherever_their_pattern_matches(pattern: str, cue: str, text: str) -> None:
    from pipeline.analyse import officials

    assert getattr(officials, pattern).search(text) is not None
    assert getattr(officials, cue).search(text) is not None


def test_nickname_cue_skips_the_common_tersebut() -> None:
    from pipeline.analyse.officials import _NICKNAME_CUE

    assert _NICKNAME_CUE.search("Program tersebut berjalan.") is None
    assert _NICKNAME_CUE.search("yang disebut Abah") is not None


def test_other_office_matches_as_with_a_leading_word_boundary() -> None:
    import re

    from pipeline.analyse.officials import _OTHER_OFFICE

    plain = re.compile(r"\b[Dd]inas\s+(?!Sosial\b)[A-Z][a-z]{3,}")
    for text in ["Dinas Kesehatan", "dinas Pendidikan", "Kadinas Kesehatan", "_Dinas Kesehatan", "Dinas Sosial",
                 "x, Dinas  Perhubungan", "éDinas Kesehatan", "Dinas Sosialisasi"]:
        assert [m.span() for m in _OTHER_OFFICE.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_a_run_the_article_writes_as_an_institution_name_is_no_person() -> None:
    found = officials_of(
        "Lembaga Kesejahteraan Sosial (LKS) Nur Hidayah menyalurkan santunan kepada 120 anak yatim, Jumat (5/4/2024).",
        "Pembina LKS Nur Hidayah menyebut santunan itu digelar setiap tahun.")
    assert [o.name for o in found] == []



def test_a_name_the_article_gives_a_home_is_no_person() -> None:
    found = officials_of(
        "Kepala Panti Sosial Tresna Werdha Mekar Wangi menyebut 40 lansia kini diasuh.",
        "Para lansia itu tinggal di Panti Sosial Tresna Werdha Mekar Wangi sejak 2019.")
    assert [o.name for o in found] == []


@pytest.mark.parametrize("sentence", [
    "Ketua Panitia mengatakan, Budi Santoso hadir sebagai tamu.",
    "Ketua panitia menyampaikan terima kasih kepada Dinas Sosial, Pemkab dan warga.",
    "Ketua panitia berharap acara serupa digelar lagi, Minggu depan.",
])
def test_a_committee_description_is_not_a_sentence_going_on(sentence: str) -> None:
    assert [o.name for o in officials_of(sentence)] == []


def test_a_name_after_a_forum_of_homes_in_a_position_is_its_holder() -> None:
    found = officials_of(
        "Ketua Umum Forum Nasional LKSA-PSAA Rahmat Hidayat memuji pemerintah provinsi.",
        "Rahmat Hidayat juga meminta panti asuhan segera mendaftar.")
    assert [o.name for o in found] == ["Rahmat Hidayat"]


def test_a_last_word_shortened_to_its_initial_is_the_same_person() -> None:
    found = officials_of(
        "Wawali Sofyan Edi J menyerahkan bantuan, disaksikan Kepala Dinsos Kota Malang Sri W.",
        "Wakil Wali Kota Malang Sofyan Edi Jarwoko berharap bantuan bermanfaat.",
        "Sri Wahyuningtyas, Kepala Dinas Sosial Kota Malang, menambahkan bantuan akan naik.")
    assert sorted(o.name for o in found) == ["Sofyan Edi Jarwoko", "Sri Wahyuningtyas"]


@pytest.mark.parametrize(("sentence", "name"), [
    ("\"Dinas Sosial adalah pembina,\" kata Anak Agung Ngr. Gde Marjaya, Kepala Bidang Rehabilitasi Sosial Dinas "
     "Sosial Kota Denpasar.", "Anak Agung Ngr. Gde Marjaya"),
    ("Hadir Kepala Dinas Sosial Bali I Gst. Ayu Putri dalam acara itu.", "I Gst. Ayu Putri"),
])
def test_balinese_name_words_written_short_stay_in_the_name(sentence: str, name: str) -> None:
    assert [o.name for o in officials_of(sentence)] == [name]


def test_the_person_answerable_for_a_home_holds_a_position() -> None:
    found = by_name(officials_of(
        "Bantuan diterima Suster Rince, selaku penanggung jawab utama Panti Asuhan Bakti Luhur.",
        "Penanggung jawab Panti Asuhan Kasih, Maria Goreti mengatakan anak asuh ada 40."))
    assert {name: o.role_kind for name, o in found.items()} == {"Rince": "org_chair", "Maria Goreti": "org_chair"}


def test_an_island_name_closing_a_name_is_a_family_name() -> None:
    assert [o.name for o in officials_of("Penjabat Bupati Lembata, Marsianus Jawa, mengunjungi panti.")] == [
        "Marsianus Jawa"]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Kepala Dinas Sosial Sultra melalui Kepala Seksi (Kasi) Hj. Mulfasari menjelaskan program itu.",
     "social_office_staff"),
    ("Kepala Dinas Pendidikan Sultra melalui Kepala Seksi Hj. Mulfasari menjelaskan program itu.", "other"),
    ("Kadinsos Sultra melalui Kasi Pelayanan Hj. Mulfasari menjelaskan program itu.", "social_office_staff"),
    ("Kepala Dinsos Kobar melalui pendamping Pilar Sosial Dinsos Kobar, Dadang Sumirat menyampaikan apresiasi.",
     "social_office_staff"),
])
def test_staff_the_social_office_head_speaks_through_are_the_offices(sentence: str, kind: str) -> None:
    found = [o for o in officials_of(sentence) if o.role_kind != "head_of_social_office"]
    assert [o.role_kind for o in found] == [kind]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Bantuan itu diserahkan Kapolsek Patebon Iptu Budi Santoso kepada pengurus panti.",
     [("Budi Santoso", "Kapolsek Patebon")]),
    ("Kompol Efianto SH, Kapolsek Delitua, mengunjungi panti asuhan.", [("Efianto", "Kapolsek Delitua")]),
    ("Wakil Ketua Bhayangkari Poldasu, Ny. Rina Prawoto didampingi Kasi Humas Polrestabes, AKP Sri Ginting "
     "menyerahkan bantuan.",
     [("Rina Prawoto", "Wakil Ketua Bhayangkari Poldasu"), ("Sri Ginting", "Kasi Humas Polrestabes")]),
    # A unit's head ("Kepala Unit") in the police's short form.
    ("Materi disampaikan Kanit PPA Polda NTT, Rita Sulabessy, kepada anak-anak.", [("Rita Sulabessy", "Kanit PPA Polda NTT")]),
    # Army and police commands in short form, and the corps after an officer's rank ("Kolonel Inf", "Kapten Czi").
    ("Sementara itu, Kapendam XIV/Hasanuddin, Kolonel Inf Budi Harahap, menegaskan komitmen TNI.",
     [("Budi Harahap", "Kapendam XIV/Hasanuddin")]),
    ("Kapolri Andi Prasetyo mengunjungi panti asuhan di Palembang.", [("Andi Prasetyo", "Kapolri")]),
    ("Bantuan diserahkan Panit II Subdit 1 Polda Sumbar, Ipda Aldi Saputra, SH, kepada pengurus panti.",
     [("Aldi Saputra", "Panit II Subdit 1 Polda Sumbar")]),
    # A command's area of two words after its number, up to the comma before the holder.
    ("Danramil 11/Medan Deli, Kapten Czi Jem Sinaga, hadir mewakili Pangdam.",
     [("Jem Sinaga", "Danramil 11/Medan Deli")]),
])
def test_a_rank_opens_the_name_and_a_command_is_part_of_the_position(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role) for o in officials_of(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Gubernur didampingi oleh Sekda Jateng Sumarno, DPRD Jateng, dan Polda Jateng.",
     [("Sumarno", "Sekda Jateng")]),
    ("Ketua Komisi D, Supratman, mengkritisi aturan bantuan untuk panti asuhan.", [("Supratman", "Ketua Komisi D")]),
    ("Ketua Komisi E Supratman mengkritisi aturan bantuan untuk panti asuhan.", [("Supratman", "Ketua Komisi E")]),
])
def test_an_office_closed_by_its_region_or_letter_is_followed_by_its_holder(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role) for o in officials_of(sentence)] == expected


def test_a_functional_post_is_a_position_before_or_after_the_name() -> None:
    found = officials_of(
        "Herlina Naki, Fungsional Pekerja Sosial Dinsos Provinsi Gorontalo, menjelaskan pelayanan panti.",
        "Fungsional Penyuluh Sosial Dinsos Kendal, Budi Santoso, menjelaskan hal itu.")
    assert [(o.name, o.role_kind) for o in found] == [("Herlina Naki", "social_office_staff"),
                                                      ("Budi Santoso", "social_office_staff")]


@pytest.mark.parametrize(("role", "kind"), [
    # A government home named by its short form: run by the social office as a unit (UPT, UPTD, Balai) ...
    ("Kepala UPTD PSAA Budi Sentosa", "social_office_staff"),
    ("Kepala UPT PTKS Malang", "social_office_staff"),
    ("Kepala BPSTW Ciparay", "social_office_staff"),
    ("Kepala Seksi Pelayanan PPRSAR Mulia Satria Kalsel", "social_office_staff"),
    # ... or headed as a home, as "Kepala Panti Sosial Tresna Werdha" is.
    ("Kepala PSAA Putra Utama 1", "org_chair"),
    ("Kepala PPSA Woro Wiloso", "org_chair"),
    ("Kepala Panti Sosial Tresna Werdha Budi Sejahtera", "org_chair"),
    ("Kepala UPTD Panti Sosial Asuhan Anak", "social_office_staff"),
])
def test_government_homes_by_their_short_forms(role: str, kind: str) -> None:
    assert classify_role(role) == kind


def test_a_bare_post_right_before_its_holder_is_no_other_office() -> None:
    found = by_name(officials_of(
        "Rombongan disambut Plh. Kepala Dinas Sosial Aceh, Zulkarnain, Sekretaris Dinas Chaidir, dan pengurus panti."))
    assert found["Chaidir"].role_kind == "social_office_staff"


@pytest.mark.parametrize(("sentence", "role", "kind"), [
    ("Yusuf Efendi selaku ketua pelaksana menyampaikan laporannya bahwa kegiatan berjalan lancar.",
     "ketua pelaksana", "other"),
    ("Moh Nasrun selaku ketua panitia mengatakan peserta berjumlah 56 orang.", "ketua panitia", "other"),
])
def test_lower_case_unit_words_after_selaku_continue_the_position(sentence: str, role: str, kind: str) -> None:
    assert [(o.role, o.role_kind) for o in officials_of(sentence)] == [(role, kind)]


@pytest.mark.parametrize(("role", "kind"), [
    ("Ketua Badan Penasehat DNIKS", "org_officer"),
    ("Ketua BPA DNIKS", "org_officer"),
    ("Ketua Dewan Pembina Yayasan Al Amin", "org_officer"),
    ("Ketua Tim Akreditasi Forum Daerah LKSA Kabupaten Ponorogo", "org_officer"),
    ("Ketua Tim Penggerak PKK Kabupaten Kendal", "org_chair"),
    ("Ketua Badan Koordinasi Kegiatan Kesejahteraan Sosial Provinsi Bali", "org_chair"),
])
def test_chairs_of_a_bodys_advisory_board_or_working_team_are_its_officers(role: str, kind: str) -> None:
    assert classify_role(role) == kind


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Menteri Sosial Saifullah Yusuf (Gus Ipul) mengatakan panti harus terdaftar.",
     [("Saifullah Yusuf", "Menteri Sosial")]),
    ("Ketua LKKS Jawa Timur Arumi Bachsin (Mbak Arumi) membuka acara.", [("Arumi Bachsin", "Ketua LKKS Jawa Timur")]),
    # Right after the position, the bracket still holds the holder.
    ("Sekretaris Dinsos Kalteng (Pak Budi) hadir.", [("Budi", "Sekretaris Dinsos Kalteng")]),
])
def test_one_name_word_after_a_familiar_address_in_brackets_is_a_nickname(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role) for o in officials_of(sentence)] == expected


def test_a_capitalised_word_for_especially_is_no_name() -> None:
    found = officials_of("Ajang ini mempererat silaturahmi pengurus panti di Jawa Tengah Khususnya, ujar Ketua Forum "
                         "LKSA Jateng Agus Salim.")
    assert [o.name for o in found] == ["Agus Salim"]


@pytest.mark.parametrize(("sentence", "names"), [
    ("Rombongan disambut pengurus panti, diantaranya Indah Sari, Amperawati dan Dewi Anggraini.",
     ["Indah Sari", "Amperawati", "Dewi Anggraini"]),
    ("Tim LKKS Jateng, antara lain Budi Santoso dan Hj. Rukmini, meninjau panti.", ["Budi Santoso", "Rukmini"]),
])
def test_people_listed_after_a_board_or_team_are_its_members(sentence: str, names: list[str]) -> None:
    found = officials_of(sentence)
    assert [o.name for o in found] == names
    assert {o.role_kind for o in found} == {"org_officer"}


def test_a_list_of_places_after_a_team_names_no_members() -> None:
    assert officials_of("Tim mengunjungi beberapa panti, di antaranya Panti Asuhan Melati dan Yayasan Mawar Sharon.") == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Kepala Balai Rehabilitasi Sosial “Mulya Jaya” Jakarta Siti Rahmawati melaporkan jumlah peserta.",
     [("Siti Rahmawati", "ministry_official")]),
    ("Bantuan diterima langsung oleh Ketua Panti Asuhan “Al Ikhlas” Rahmah Fadillah.", [("Rahmah Fadillah", "org_chair")]),
    ('Koordinator Panti Sosial Tresna Werdha "Jara Mara", Putu Sugita, mengatakan panti penuh.',
     [("Putu Sugita", "org_chair")]),
])
def test_a_units_own_name_in_quotes_stays_in_the_position(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role_kind) for o in officials_of(sentence)] == expected


@pytest.mark.parametrize(("role", "kind"), [
    ("Kepala Pusat Data dan Informasi Kesejahteraan Sosial", "ministry_official"),
    ("Kepala Pusat Penyuluhan Sosial", "ministry_official"),
    ("Ketua Pusat Kajian Kesejahteraan Sosial Universitas Indonesia", "org_chair"),
    ("Kepala Pusat Kesehatan Masyarakat", "other"),
    # Kemensos homes named by the people they serve; other ministries' balai are not its own.
    ("Kepala Balai Anak “Toddopuli” Makassar", "ministry_official"),
    ("Kepala Balai Besar Disabilitas “Kartini” Temanggung", "ministry_official"),
    ("Kepala Balai Lansia “Gau Mabaji” Gowa", "ministry_official"),
    # Their staff are the ministry's too.
    ("Kepala Urusan Tata Usaha Loka Lansia “Minaula” Kendari", "ministry_official"),
    ("Pekerja Sosial Balai Anak “Toddopuli” Makassar", "ministry_official"),
    ("Kepala Balai Pemasyarakatan Kelas II", "other"),
    ("Kepala Balai Besar POM Makassar", "other"),
])
def test_the_ministrys_centres_spelled_out(role: str, kind: str) -> None:
    assert classify_role(role) == kind


@pytest.mark.parametrize("verb", ["Ditambahkan", "Dijelaskan", "Disampaikan", "Diungkapkan"])
def test_a_reporting_verb_opening_the_sentence_is_no_part_of_the_name(verb: str) -> None:
    found = officials_of(f"{verb} Budi Santoso, Ketua LKS Kabupaten Pati, bahwa bantuan sudah diterima.")
    assert [(o.name, o.role_kind) for o in found] == [("Budi Santoso", "org_chair")]


def test_the_last_word_of_an_institution_before_a_comma_is_no_holder() -> None:
    found = officials_of(
        "Hadir pula Polda Jateng, Kejaksaan Tinggi, Kepala Kanwil Kemenag Jateng, dan lainnya.",
        "Bapak Salbani dari panti asuhan Muhammadiyah Prambanan diamanahi sebagai ketua forum.",
        "Acara itu diikuti warga dari seluruh Jawa Timur. Sukesi selaku Kepala Dinas Sosial Jatim menuturkan harapannya.")
    assert {o.name for o in found} == {"Salbani", "Sukesi"}


def test_a_position_naming_its_unit_by_reference_is_followed_by_its_holder() -> None:
    found = by_name(officials_of(
        "Rombongan diterima Koordinator Panti Sosial tersebut Wayan Suanta di panti lansia.",
        "Ketua LKS itu, Budi Santoso, mengatakan bantuan sangat berarti."))
    assert found["Wayan Suanta"].role == "Koordinator Panti Sosial"
    assert found["Budi Santoso"].role_kind == "org_chair"


def test_an_unnamed_position_after_a_listed_holder_is_the_next_item() -> None:
    found = officials_of(
        "Hadir Sekretaris Dinas Sosial Kota Medan Sri Maharani, Kabid Kepesertaan BPJS Kota Medan Budi Santoso, "
        "Ketua Forum LKSA beserta seluruh pengurus panti asuhan.")
    assert [(o.name, o.role_kind) for o in found] == [("Sri Maharani", "social_office_staff"), ("Budi Santoso", "other")]


def test_a_passive_acts_agent_holds_the_position_written_right_after_the_name() -> None:
    found = officials_of("Jambore dibuka sore ini oleh H. M. Ridwan Ketua Forum Panti Asuhan Kabupaten Jombang.",
                         "Bantuan diserahkan oleh Budi Santoso Kepala Dinas Sosial Kendal kepada panti.")
    assert [(o.name, o.role) for o in found] == [("M. Ridwan", "Ketua Forum Panti Asuhan Kabupaten Jombang"),
                                                 ("Budi Santoso", "Kepala Dinas Sosial Kendal")]


@pytest.mark.parametrize("sentence", [
    "Perempuan yang menjabat sebagai Ketua Dekranasda dan Bunda Paud Bitung ini juga mendatangi panti.",
    "Pengurus panti diminta berkoordinasi dengan anggota Bhabinkamtibmas yang bertugas di kelurahan.",
    "Bantuan sudah dikoordinasikan dengan Asisten Logistik Dandim, agar sampai ke panti.",
    "Pemkab serius memperhatikan panti. Terbaru Bupati Kota Reog itu merealisasikan bantuan dana.",
])
def test_unit_words_and_a_sentence_opening_adverb_are_no_names(sentence: str) -> None:
    assert officials_of(sentence) == []


def test_a_unit_word_after_a_bare_post_leads_to_the_holder() -> None:
    found = officials_of("Hadir Ketua DWP Malut, Darmawati, Kaban Balitbangda, Mulyadi Wowor, dan Kadis PPPA Malut.")
    assert [o.name for o in found] == ["Darmawati", "Mulyadi Wowor"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Program 100 hari kerja Walikota dan Wakil Walikota Bekasi, Tri Adhianto dan Harris Bobihoe, berjalan.",
     [("Tri Adhianto", "mayor"), ("Harris Bobihoe", "vice_mayor")]),
    ("Hadir Gubernur dan Wakil Gubernur Jambi, Al Haris dan Abdullah Sani, di panti itu.",
     [("Al Haris", "governor"), ("Abdullah Sani", "vice_governor")]),
])
def test_a_regions_head_and_deputy_named_together_take_their_posts_in_order(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role_kind) for o in officials_of(sentence)] == expected


def test_a_region_word_followed_by_a_degree_is_a_surname() -> None:
    found = officials_of("Kepemimpinan Bupati Franky Wongkar dan Wakil Bupati Pdt.Petra Y Rembang,M.Th berlanjut.")
    assert [o.name for o in found] == ["Franky Wongkar", "Petra Y Rembang"]


def test_a_degree_alone_is_no_name() -> None:
    assert [o.name for o in officials_of("Kabid Linjamsos Khabib Jabar, S.Sos, beserta jajaran hadir.")] != ["S.Sos"]


def test_a_candidate_for_a_post_does_not_hold_it() -> None:
    found = officials_of("Selain Dinsos, calon Gubernur Sulteng, Longki Djanggola, ikut memberikan bantuan ke panti.")
    assert [(o.name, o.role_kind) for o in found] == [("Longki Djanggola", "other")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Acara dibuka Kepala Dinas Sosial Kota Makassar, Muhtar Tahir, didampingi Kepala Bidang (Kabid) Orsos, Dra. "
     "Eny Andriani, S.Sos.", [("Muhtar Tahir", "head_of_social_office"), ("Eny Andriani", "social_office_staff")]),
    ("Kepala Dinas (Kadis) Sosial, Pahri Yamsul melalui Kepala Bidang (Kabid) Resos, Irdansyah Umar mengatakan "
     "bantuan sudah diberikan.",
     [("Pahri Yamsul", "head_of_social_office"), ("Irdansyah Umar", "social_office_staff")]),
    ("Ketua TP PKK Kabupaten Pangandaran Hjh. Ida Nurlela Wiradinata mengunjungi panti.",
     [("Ida Nurlela Wiradinata", "org_chair")]),
])
def test_social_office_divisions_in_short_form_and_hjh(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role_kind) for o in officials_of(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Perbincangan dengan Abu Bakar, salah satu pengurus Panti Asuhan Al Ikhlas, berlangsung hangat.",
     [("Abu Bakar", "pengurus Panti Asuhan Al Ikhlas")]),
    ("Ustadz Hadi, salah seorang anggota LKSA, menjelaskan delapan hak anak.", [("Hadi", "anggota LKSA")]),
])
def test_one_of_a_bodys_members_named_before_the_body_holds_the_position(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role) for o in officials_of(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Gubernur didampingi Kepala Bapenda Ernawati serta pejabat lainnya.", [("Ernawati", "Kepala Bapenda")]),
    ("Hadir Kepala Disperkim Kota Jambi Budi Santoso dan Kepala DLH Ani Wijaya.",
     [("Budi Santoso", "Kepala Disperkim Kota Jambi"), ("Ani Wijaya", "Kepala DLH")]),
])
def test_a_regional_agency_in_short_form_is_part_of_the_position(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role) for o in officials_of(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Pengarahan disampaikan oleh Ibu Sulistyoningsih, A. Ks., M. Si selaku Kepala Seksi Pelatihan UPT PTKS Malang.",
     [("Sulistyoningsih", "social_office_staff")]),
    # An initial before a name is no spaced degree.
    ("Jambore dibuka oleh H. M. Sidiq Ketua Forum Panti Sosial Asuhan Anak Jombang.", [("M. Sidiq", "org_chair")]),
])
def test_a_degree_written_with_a_space_stands_between_name_and_position(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role_kind) for o in officials_of(sentence)] == expected


def test_a_council_committee_in_short_form_is_a_legislators_post() -> None:
    found = officials_of("Raperda dibahas bersama Panitia Khusus (Pansus) DPRD DIY. Ketua Pansus, RB Dwi Wahyu, "
                         "mengatakan pembahasan berjalan baik.")
    assert [(o.name, o.role_kind) for o in found] == [("RB Dwi Wahyu", "legislator")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ketua KUB Santo Yohanes Paulus II Kelurahan Bello Paroki St. Fransiskus Asisi Stasi St Agustinus Bello, "
     "Yoseph Cardoso mengatakan kegiatan itu rutin.", [("Yoseph Cardoso", "org_chair")]),
    ("Ketua Stasi Santo Yosef Budi Santoso menyerahkan bantuan ke panti asuhan.", [("Budi Santoso", "org_chair")]),
])
def test_church_units_and_their_saints_names_are_part_of_the_position(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role_kind) for o in officials_of(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ketua Panitia Natal Ikaljatim, Monika Antoh mengatakan, bantuan berupa dua unit mesin cuci.",
     [("Monika Antoh", "Ketua Panitia Natal Ikaljatim")]),
    ("Ketua Panitia HUT LKKS, Budi Santoso, mengatakan acara berjalan lancar.",
     [("Budi Santoso", "Ketua Panitia HUT LKKS")]),
    # A committee named by no event is followed by its chair, whoever comes after the comma.
    ("Ketua Panitia Sukardi, Budi Santoso dan Ani hadir.", [("Sukardi", "Ketua Panitia")]),
])
def test_a_committee_is_named_after_its_feast_and_its_organiser_before_the_chair(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role) for o in officials_of(sentence)] == expected


def test_a_room_after_di_is_where_a_board_was_installed_not_its_unit() -> None:
    assert officials_of("Wali Kota mengukuhkan pengurus LKKS Kota Pekalongan periode 2019-2023 di Ruang Jetayu, "
                        "Selasa (17/12).") == []


@pytest.mark.parametrize("spelling", ["Muhammadyah", "Muhamadiyah", "Aisyiah", "Aisiyah"])
def test_muhammadiyah_and_aisyiyah_spelled_otherwise_are_still_unit_words(spelling: str) -> None:
    found = officials_of(f"Rombongan disambut Pimpinan Panti Anak {spelling} Yunnasfiah didampingi pengurus panti.")
    assert not any(spelling in o.name for o in found)


@pytest.mark.parametrize(("sentence", "expected"), [
    # "UPT." is an abbreviation's dot, not a sentence's end.
    ("Kepala UPT. PSRSPD Sulteng Ernawaty Ladjalani, SE.,M.Si menuturkan, bimbingan berjalan lancar.",
     [("Ernawaty Ladjalani", "social_office_staff")]),
    ("Kepala UPTD PSAR Sultra Budi Santoso menyambut rombongan.", [("Budi Santoso", "social_office_staff")]),
])
def test_government_homes_in_short_form_and_a_dotted_upt(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.name, o.role_kind) for o in officials_of(sentence)] == expected


def test_where_a_body_is_from_comes_before_the_holder() -> None:
    found = officials_of("Ketua LKSA Rumah Yatim Ibadurrahman asal Duri Kabupaten Bengkalis, Rahma Nelly (47) yang "
                         "meraih juara 1 mengucapkan terima kasih.")
    assert [(o.name, o.role) for o in found] == [("Rahma Nelly", "Ketua LKSA Rumah Yatim Ibadurrahman")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Sementara itu Koordinator lapangan Jhony Daud mengatakan pemberian bantuan ini murni.",
     [("Jhony Daud", "Koordinator lapangan", "other")]),
    # A jury is named after its contest up to the comma before its chair.
    ("Sementara itu Ketua Tim Juri seleksi LKS, Sulistiyo mengatakan kategori penilaian meliputi tiga hal.",
     [("Sulistiyo", "Ketua Tim Juri seleksi LKS", "other")]),
])
def test_a_field_coordinator_and_a_jurys_chair_serve_one_event(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(o.name, o.role, o.role_kind) for o in officials_of(sentence)] == expected


def test_social_pillars_listed_after_a_position_are_units_not_its_holders() -> None:
    pillars = "Penghargaan diberikan kepada Pendamping Kecamatan, Tagana, Pendamping Lansia, PSM hingga LKS Anak."
    assert officials_of(pillars) == []
    found = by_name(officials_of("Koordinator Tagana Kabupaten Kendal, Budi Santoso, mengatakan bantuan disalurkan."))
    assert found["Budi Santoso"].role == "Koordinator Tagana Kabupaten Kendal"


def test_an_outlets_web_name_after_a_dateline_is_nobodys_name() -> None:
    assert officials_of("Karo, MISTAR.ID", "Dinas Sosial menyalurkan tali asih ke panti sosial di Berastagi.") == []
    found = by_name(officials_of("Karo Humas, Budi Santoso, mengatakan tali asih disalurkan ke panti sosial."))
    assert found["Budi Santoso"].role == "Karo Humas"


def test_social_work_degrees_are_dropped_from_the_name() -> None:
    assert all(is_degree(t) for t in ["MPSSp", "MKesos", "SST"])
    found = by_name(officials_of(
        "Kegiatan dipandu oleh Dwi Ambar Pratiknyo,S.Sos,MPSSp (Penyuluh Sosial Muda), dilanjutkan sharing informasi."))
    assert found["Dwi Ambar Pratiknyo"].role == "Penyuluh Sosial Muda"


def test_one_word_after_a_bare_board_head_is_its_body_when_a_name_in_commas_follows() -> None:
    found = by_name(officials_of("Ketua Forpama, Wibowo, menyambut baik kegiatan pelatihan akreditasi ini."))
    assert (found["Wibowo"].role, found["Wibowo"].role_kind) == ("Ketua Forpama", "org_chair")
    pair = by_name(officials_of("Ketua Wibowo, Sekretaris Ani Lestari, menyambut baik kegiatan ini."))
    assert (pair["Wibowo"].role, pair["Ani Lestari"].role) == ("Ketua", "Sekretaris")
    assert by_name(officials_of("Ketua Wibowo, Budi dan Ani hadir dalam kegiatan ini."))["Wibowo"].role == "Ketua"


def test_one_word_after_a_section_head_is_its_unit_when_a_name_closing_the_sentence_follows() -> None:
    found = by_name(officials_of('"Bingkisan kami bagikan kepada anak panti," tutur Kasubsie Yantah, Iim Ruhimat.'))
    assert found["Iim Ruhimat"].role == "Kasubsie Yantah"
    assert "Yantah" not in found
    assert by_name(officials_of("Pembinaan itu dibuka Kasi Rehsos, Dewi Anggraini, di aula dinas."))[
        "Dewi Anggraini"].role == "Kasi Rehsos"
    assert by_name(officials_of("Hadir Kasi Wibowo, Budi dan Ani dalam kegiatan ini."))["Wibowo"].role == "Kasi"


@pytest.mark.parametrize("office", ["OJK Regional 8 Bali Nusra", "Bank Indonesia Sulselbar", "Kanwil DJP Sumbagsel",
                                    "OJK Jabodetabek"])
def test_a_regional_office_covering_several_provinces_ends_at_its_grouping(office: str) -> None:
    found = by_name(officials_of(f"Kepala {office}, Hizbullah mengatakan bantuan itu rutin diberikan."))
    assert found["Hizbullah"].role == f"Kepala {office}"


def test_a_numbered_deputy_of_a_university_head_is_followed_by_the_person_not_a_place() -> None:
    found = by_name(officials_of("Kegiatan dihadiri Dekan FISIP Unpas Budiana, Wakil Dekan III Sumardani, dan warga."))
    assert found["Sumardani"].role == "Wakil Dekan III"
    assert by_name(officials_of("Wakil Rektor II Budi Santoso hadir."))["Budi Santoso"].role == "Wakil Rektor II"
    assert by_name(officials_of("Wakil Rektor Unpatti, Budi Santoso hadir."))["Budi Santoso"].role == (
        "Wakil Rektor Unpatti")


def test_pemimpin_heads_a_position_and_leads_a_home() -> None:
    found = by_name(officials_of("Bantuan diterima oleh Paul Ngalngola selaku Pemimpin Panti Asuhan dan disaksikan warga."))
    assert (found["Paul Ngalngola"].role, found["Paul Ngalngola"].role_kind) == ("Pemimpin Panti Asuhan", "org_chair")
    bank = by_name(officials_of("Pemimpin Cabang BRI Kendal, Budi Santoso, menyerahkan bantuan."))["Budi Santoso"]
    assert bank.role_kind == "other"


def test_pejabat_before_an_abbreviated_pj_is_the_acting_prefix_misspelt() -> None:
    found = by_name(officials_of("Pejabat (Pj) Bupati Madiun, Tontro Pahlawanto, menghadiri acara itu."))
    assert (found["Tontro Pahlawanto"].role_kind, found["Tontro Pahlawanto"].acting) == ("regent", True)


def test_an_acting_prefix_after_a_comma_opens_the_next_position() -> None:
    found = by_name(officials_of("Hadir Kepala Dinas Sosial Benyamin San, PLH Ketua Dharma Wanita Persatuan Ny. Bonevora "
                                 "Veni Paput, dan warga."))
    assert found["Benyamin San"].role_kind == "head_of_social_office"
    assert (found["Bonevora Veni Paput"].role, found["Bonevora Veni Paput"].acting) == (
        "Ketua Dharma Wanita Persatuan", True)


def test_the_people_a_council_commission_is_represented_by_are_its_members() -> None:
    found = by_name(officials_of("Komisi D DPRD Kendal, yang diwakili oleh Budi Santoso dan Sri Wahyuni, meninjau panti."))
    assert {name: (p.role, p.role_kind) for name, p in found.items()} == {
        "Budi Santoso": ("Anggota Komisi D DPRD Kendal", "legislator"),
        "Sri Wahyuni": ("Anggota Komisi D DPRD Kendal", "legislator")}


def test_west_sumatran_short_forms_of_the_mayor_and_the_city_secretary() -> None:
    found = by_name(officials_of("Ikut menyaksikan penyerahan bantuan itu, Wawako Padang, Hendri Septa.",
                                 "Wako Padang Mahyeldi dan Sekdako Padang Andree Algamar menyerahkan bantuan."))
    assert [(found[n].role_kind, found[n].region_code) for n in ("Hendri Septa", "Mahyeldi", "Andree Algamar")] == [
        ("vice_mayor", "13.71"), ("mayor", "13.71"), ("regional_secretary", "13.71")]
