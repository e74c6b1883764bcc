"""Vocabularies of Indonesian officialdom: position heads, unit words, honorifics, degrees, role kinds."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache

from pipeline.analyse.context import _lowered
from pipeline.models import RoleKind


def words_of(block: str) -> frozenset[str]:
    """A vocabulary written as whitespace-separated words."""
    return frozenset(block.split())


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regex matching any of the lower-case phrases, built as a character trie so one pass tests them all.

    A flat alternation of a hundred words makes the regex engine try every word at every position; the trie
    shares prefixes and starts with a single character set. Spaces in a phrase match any whitespace.
    """
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for char in " ".join(phrase.lower().split()):
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + build(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return build(root)


def word_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive regex finding any of the phrases as whole words."""
    return re.compile(rf"\b(?:{trie_pattern(phrases)})\b", re.IGNORECASE)


_CAPITAL_OUTSIDE_ESCAPE = re.compile(r"(?<![\\?])[A-Z]")


class CaselessPattern:
    """A case-insensitive regex of lower-case phrases, searched in the text's lower-cased copy.

    Without IGNORECASE the regex engine compares characters directly and skips the branches of a trie by their
    first letter, two to three times faster. The lower-cased copy lines up with the text character for character
    and, short of the letters in `context.FOLDED_LETTERS` (texts holding one are searched as they are), every
    character matches a lower-case literal, a word boundary or a class there exactly when IGNORECASE matches it
    in the text: the same spans come out.
    """

    def __init__(self, pattern: str) -> None:
        if _CAPITAL_OUTSIDE_ESCAPE.search(pattern):
            raise ValueError(f"a capital letter would not match the lower-cased text: {pattern[:60]}")
        self.caseless = re.compile(pattern, re.IGNORECASE)
        self._plain = re.compile(pattern)
        self.pattern = pattern

    def spans(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[tuple[int, int]]:
        """The (start, end) of every match `self.caseless.finditer(text, pos, endpos)` finds."""
        lowered = _lowered(text)
        if lowered is None:
            return (match.span() for match in self.caseless.finditer(text, pos, endpos))
        return (match.span() for match in self._plain.finditer(lowered, pos, endpos))

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """`self.caseless.search(text, pos)`: where to look is found in the lower-cased copy."""
        lowered = _lowered(text)
        found = self._plain.search(lowered, pos) if lowered is not None else None
        if found is not None:
            # Re-matched in the text itself so that the groups hold its own spelling; the lookbehind of a word
            # boundary still sees the character before `found.start()`.
            match = self.caseless.match(text, found.start())
            if match is not None and match.span() == found.span():
                return match
        return self.caseless.search(text, pos) if lowered is None or found is not None else None

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """`self.caseless.match(text, pos)`."""
        return self.caseless.match(text, pos)


def phrase_key(text: str) -> str:
    """The lookup key of a matched phrase: lower case, single spaces."""
    return " ".join(text.lower().split())


ACTING_PHRASES = ("penjabat sementara", "penjabat", "pelaksana tugas", "pelaksana harian", "pjs", "pj", "plt", "plh")
# Short forms written with a dot before a position or a name ("Plt. Sekda", "Kab. Kendal", "Jl. Pemuda", "No. 5"):
# their dot ends no sentence.
DOTTED_PREFIXES = words_of("plt plh pj pjs kab kec kel prov jl no")

# Army and police commands in their short forms, each a head ("Kapolri", "Kapendam XIV/Hasanuddin", "Panit II").
FORCE_COMMANDS = words_of("""
kapolri wakapolri kapolrestabes wakapolrestabes kapendam kasdam irdam kapenrem kasrem kabidhumas panit paur danyon
danlanud danlanal danlantamal danpomdam pangkostrad pangkoarmada kasad kasal kasau
""")
# Religious bodies and their units, in the spellings the press uses: each continues a position and is followed by
# its own name ("Ketua PD Aisyiah Kota X", "Ketua KUB Santo Yohanes ... Paroki St. Fransiskus Asisi").
RELIGIOUS_BODIES = words_of("""
aisyiyah aisyiah aisiyah muhammadiyah muhammadyah muhamadiyah fatayat muslimat
paroki stasi kub keuskupan jemaat klasis sinode kongregasi
""")

# Words that open a position. The trie prefers the longest ("Wakil Ketua Umum" over "Wakil Ketua").
HEAD_PHRASES = FORCE_COMMANDS | words_of("""
gubernur wagub bupati wabup wawalkot wawali wawalikota wawako walikota walkot wako walikotamadya sekda sekdaprov sekdakab
sekdakot sekdakota sekdako sekprov sekkab sekkot asisten stafsus kepala kadis kadissos kadinsos kadin kabid kasi kasie kasubag
kasubbag kasubid kasubdit kabag karo kaban kaper sekretaris sekdis sekjen sesditjen sesdit sekwan dirjen direktur
wamensos menteri mensos ketua bendahara anggota pembina penasehat penasihat koordinator pimpinan pemimpin pengasuh
pengelola pendiri pengurus ketuanya camat lurah kades keuchik geuchik kapolres kapolresta kapolda kapolsek dandim danrem danramil rektor dekan
presiden senator ketum waketum sekum bendum kasudin kasudinsos sudin sudinsos kadinsosp3a kadinsosp3ap2kb kaur kasat kanit
sekertaris sekretatis seketaris kasubsi kasubsie kasubbid kabiro kapus sekdes sekcam seklur kadus perbekel kuwu
pambakal
wakapolres wakapolresta wakapolda wakapolsek kasdim wadanrem pangdam kajari kajati kalak kasatpol korwil korda
subkoordinator manajer manager staf staff penyuluh pendamping tksk perwakilan pejabat mentri deputi pemilik fungsional
komisioner kalapas karutan kakanwil kakankemenag kordinator asda irwasda dirkrimsus dirkrimum dirreskrimsus
dirreskrimum dirresnarkoba dirlantas dirbinmas dirintelkam dirsamapta dirpolairud
""") | {
    "wakil gubernur", "wakil bupati", "wakil wali kota", "wakil walikota", "wakil walkot", "wali kota",
    "wali kotamadya", "sekretaris daerah", "staf ahli", "staff ahli", "staf khusus", "staff khusus",
    "direktur jenderal", "direktur utama", "inspektur jenderal", "wakil menteri", "wakil ketua", "wakil ketua umum",
    "wakil ketua harian", "wakil rektor", "wakil dekan", "ketua umum", "ketua harian", "bendahara umum", "wakil camat", "wakil presiden",
    "suku dinas", "bunda paud", "koordinator divisi", "ketua divisi", "anggota divisi", "divisi",
    "wali nagari", "kepala pelaksana", "general manager", "sub koordinator", "koordinator wilayah",
    "koordinator lapangan",
    "pekerja sosial", "penyuluh sosial", "sekretaris jenderal", "penanggung jawab",
}
# Single words that are a head by themselves ("Kepala", "Sekda"), to stop a name or a unit at them.
HEAD_WORDS = frozenset(p for p in HEAD_PHRASES if " " not in p)

# One search finds every position head, optionally behind an acting prefix; "Pelaksana Tugas (Plt) Kepala"
# spells the prefix out and abbreviates it; "Pejabat (Pj) Bupati" misspells "Penjabat" and abbreviates it.
HEAD_RE = CaselessPattern(
    rf"\b(?P<acting>(?:{trie_pattern(ACTING_PHRASES)}|pejabat(?=\s*\(pj\.?\)))\.?(?:\s*\((?:plt|pj|plh|pjs)\.?\))?\s*)?"
    rf"(?P<head>{trie_pattern(HEAD_PHRASES)})\b"
)


def is_head_word(token: str) -> bool:
    """True for a one-word position head such as "Kepala", "Ketua", "Sekda", "Gubernur"."""
    return token.rstrip(".").lower() in HEAD_WORDS


# Several provinces that one regional office of a national body covers ("OJK Regional 8 Bali Nusra", "Kanwil DJP
# Sulselbartra", "BI Sumbagsel"): not places of the gazetteer, but the end of an office's name as much as a province.
REGIONAL_GROUPINGS = words_of("""
nusra balinusra jabodetabek jabotabek jabodebek jabodetabekjur sulselbar sulselbartra sulutgomalut suluttenggo
kalselteng kaltimtara sumbagsel sumbagut sumbagteng jatimbalinus
""")
# Lower-cased words that belong to a position or unit name, never to a person's name; with the grades of
# functional posts ("Penyuluh Sosial Madya") and the meetings a committee is named after ("Ketua Panitia Raker").
ROLE_WORDS = words_of("""
gubernur wagub bupati wabup wali walikota walkot wako kota kotamadya wawali wawalkot wawalikota wawako sekda sekdaprov
sekdakab sekdakot sekdakota sekdako sekprov sekkab sekkot sekretaris sekretariat daerah asisten staf staff ahli khusus stafsus kepala
kadis kadin kadinsos kadissos sekdis kabid kasi kasie kasubag kasubbag kasubid kasubdit kabag karo kaban biro bagian
subbagian bidang subbidang seksi sub unit ketua wakil umum harian bendahara anggota pengurus pembina penasehat penasihat
koordinator pimpinan pemimpin pengasuh pengelola pendiri dewan direktur direktorat jenderal dirjen ditjen sesditjen sesdit
sekjen inspektur inspektorat menteri mensos wamensos kementerian kementrian kemensos kemsos camat lurah kades desa
kelurahan kecamatan rektor dekan presiden senator dinas dinsos sosial setda setdaprov setdakab setdakot setdakota
pemerintahan pemerintah pemprov pemkab pemkot kesejahteraan kesejahtraan rakyat kesra perekonomian pembangunan
administrasi hukum politik ekonomi keuangan kesehatan pendidikan kebudayaan pemberdayaan perempuan perlindungan anak
masyarakat keluarga berencana pengendalian penduduk kependudukan pencatatan sipil jaminan rehabilitasi penanganan
fakir miskin bencana linjamsos rehsos resos orsos dayasos kesos pfm psks pmks lembaga koordinasi kordinasi kordinator tim penggerak badan
kantor balai sentra upt uptd panti asuhan provinsi prov kabupaten kab kotamadya utara selatan timur barat tengah
tenggara laut daya sumber manusia aparatur organisasi tata laksana protokol komunikasi informatika kominfo
diskominfo bappeda perencanaan penelitian satpol pamong praja pelayanan layanan program pekerja tenaga penyuluh
pusat cabang wilayah regional nasional forum forda forwil perkumpulan yayasan komisi fraksi dprd dpr dpd dprk mpr
ri kabinet kapolres kapolresta kapolda kapolsek dandim danrem danramil keuchik geuchik kaper
pj pjs plt plh penjabat pelaksana tugas sementara lingkungan infrastruktur kemasyarakatan pemuda olahraga
perdagangan perindustrian pertanian perikanan peternakan kehutanan perhubungan pariwisata ketenagakerjaan
transmigrasi koperasi usaha kecil menengah pangan permukiman perumahan pekerjaan ruang agama keagamaan kesbangpol
kesatuan bangsa dinkes disdik disnaker dispora dishub distan dukcapil disdukcapil bkd bkpsdm bpkad bpbd pmd dpmd
dpmpd kemenag kemendagri kemenkes kemenko pmk bkkbn baznas rsud puskesmas adat majelis tp pkk karang taruna tagana psm
bapenda bappenda bapelitbangda bappelitbangda bapperida bpprd bpkd bpkpd bkpp bkpsdmd disperindag disperkim
dinperkim disperkimtan dpupr pupr dpuprkp disbudpar disparbud dispar disporapar dlh dkp distanak disnakertrans
disdikbud dispusip diskop diskopukm dpmptsp dinpmptsp pansus panja
kemitraan hubungan kerjasama kerja sama pengembangan pengawasan penyelenggaraan pembinaan evaluasi pemantauan
sarana prasarana data aset perbendaharaan anggaran umpeg kepegawaian persidangan perundang undangan
asesor penilai pendamping fasilitator satgas pokja panitia sebelumnya terpilih definitif demisioner partai dapil
golkar gerindra nasdem demokrat hanura perindo pdip pdi perjuangan demokrasi sejahtera amanat kebangkitan
ketum waketum sekum bendum kasudin kasudinsos sudin sudinsos suku kaur kasat divisi kegiatan potensi humas humaspro
prokopim protokol ops opsnal reskrim intelkam binmas sabhara lantas fornas forkopimda forkompimda forkopimcam
loka lrslu brslu lrs brs bbrs sosialisasi partisipasi pemilih teknis kpu kpud bawaslu panwaslu
sekertaris sekretatis kasubsi kasubsie kasubbid kabiro kapus sekdes sekcam seklur kadus perbekel kuwu pambakal nagari
wakapolres wakapolresta wakapolda wakapolsek kasdim wadanrem pangdam kajari kajati kalak kasatpol korwil korda
subkoordinator manajer manager general asesmen persero perseroda tbk perumda bumd bumn
sumatera sumatra jawa kalimantan sulawesi nusa nusantara indonesia
madya muda pertama terampil mahir penyelia lansia disabilitas penyandang difabel yatim piatu dhuafa terlantar
guru pengajar dosen relawan kader tokoh warga peserta siswa santri mahasiswa pemateri narasumber moderator perwakilan
mentri puskesos ranting nahdlatul dwp gow bhayangkari persit departemen
rakor rakorda rakornis rakorwil raker rakerda rakerwil musda musdalub muswil muscab munas bimtek
natal paskah idul idulfitri iduladha maulid imlek waisak nyepi hut halalbihalal bihalal
sekolah madrasah polwan polri karangtaruna komisioner kpai mushalla musholla mushola masjid ponpes pesantren
fungsional struktural utama juri asesmen assesmen assessment advokasi korpri penanaman modal perizinan terpadu peksos
kalapas karutan lapas rutan kakanwil kanwil kakankemenag asda resos tatalaksana lanjut usia irwasda dirkrimsus
dirkrimum dirreskrimsus dirreskrimum dirresnarkoba dirlantas dirbinmas dirintelkam dirsamapta dirpolairud
dekranasda balitbangda bhabinkamtibmas babinsa bhayangkara presidium logistik wanita persatuan
""") | FORCE_COMMANDS | RELIGIOUS_BODIES | REGIONAL_GROUPINGS

# Mixed-case agency abbreviations are open-ended ("Dinsos-P2KB", "Setdaprov", "Kemensos"); their stems suffice.
AGENCY_STEMS = ("dinsos", "dinas", "setda", "sekda", "kemen", "kementer", "disdik", "dinkes", "diskominfo", "dispenduk",
                "dukcapil", "bappe", "satpol", "dpmd", "dp3a", "dppkb", "sekret", "sudin", "kasudin", "kadinsos")

ROMAN = words_of("i ii iii iv v vi vii viii ix x xi xii")
# Unit words that are also people's names or parts of them ("Timur", "Anak Agung"): no proof of a unit on their own.
NAME_LIKE_ROLE_WORDS = words_of("timur barat utara selatan tengah tenggara daya laut besar anak karang taruna praja jawa utama")

# Heads whose next words are a place or institution name, not the person's ("Camat Kuta Alam", "Yayasan Al-Ikhlas").
PROPER_NAME_UNITS = words_of("""
yayasan panti asuhan lks lksa psaa pondok pesantren ponpes desa kelurahan kecamatan gampong nagari kampung dusun
universitas sekolah slb rumah masjid gereja pt cv partai komunitas paguyuban ikatan himpunan persatuan sentra
camat lurah kades keuchik geuchik balai loka cabang ranting
rs rsu rsud rsia klinik brslu lrslu
""") | RELIGIOUS_BODIES

# Arabic articles and construct forms that open a two-word institution name ("Nurul Iman", "Darul Aitam", "Al Ikhlas").
ARABIC_NAME_OPENERS = words_of("""
al ar as an at ad nurul darul daarul darus darun baitul miftahul raudhatul raudlatul hidayatul babul bustanul riyadhul
sirajul ulumul khairul hayatul ummul dzikrul ihya manbaul mambaul santa santo
""")

# National heroes and figures whose names panti, yayasan and schools carry ("Panti Asuhan Ade Irma Suryani"): after
# such a unit word, these words name the institution, and the person's name comes after them.
INSTITUTION_EPONYMS = tuple(tuple(phrase.split()) for phrase in """
ade irma suryani nasution|ade irma suryani|ade irma|ra kartini|dewi sartika|cut nyak dhien|cut nyak dien|cut meutia
teuku umar|tuanku imam bonjol|imam bonjol|pangeran diponegoro|jenderal sudirman|sultan hasanuddin|ki hajar dewantara
ki hadjar dewantara|ibu fatmawati|sultan agung|gajah mada|hang tuah|martha christina tiahahu|nyi ageng serang
raden intan|sultan syarif kasim|tuanku tambusai|pangeran antasari|sam ratulangi|frans kaisiepo|bung karno|bung hatta
kh ahmad dahlan|kh achmad dahlan|kyai haji ahmad dahlan|nyai ahmad dahlan|kh hasyim asyari|kh hasyim asy'ari|wahidin sudirohusodo|bunda teresa|ibu teresa|santo yosef
santa maria|yos sudarso|slamet riyadi|gatot subroto
""".replace("\n", "|").split("|") if phrase.strip())


# Words that go on naming a charity after its first word ("Budi Asih", "Pelita Hati", "Asmaul Husna Bangkit"): common
# nouns and wishes, rarely the last word of a person's name.
INSTITUTION_NAME_WORDS = words_of("""
kasih asih sejahtera bhakti bakti sentosa pusaka peduli hati bunda abadi mandiri sejati damai bangkit harapan mulia
pelita cahaya insani amanah kurnia karunia sayang ceria werdha wredha husna tresna sakinah mawaddah barokah berkah
insan kamil bina sehati sejahtra ikhlas iman anak bangsa umat ummat negeri
""")


def eponym_length(words: list[str]) -> int:
    """How many of the leading words spell an honoured figure's name (the longest), 0 when none do."""
    lowered = tuple(w.rstrip(".,").lower() for w in words)
    return max((len(e) for e in INSTITUTION_EPONYMS if lowered[:len(e)] == e), default=0)


# Abbreviated heads count only when capitalised: lower-case "karo" or "kasi" is an ordinary word.
ABBREVIATED_HEADS = words_of("""
karo kaban kaper kadis kadissos kadin kadinsos kabid kasi kasie kasubag kasubbag kasubid kasubdit kabag sekda
sekdaprov sekdakab sekdakot sekdakota sekprov sekkab sekkot sekdis sekjen sesditjen sesdit sekwan dirjen mensos
wamensos wagub wabup wawali wawalikota wawalkot wawako walkot wako sekdako stafsus kades keuchik geuchik kapolres kapolresta kapolda
kapolsek dandim danrem danramil ketum waketum sekum bendum kasudin kasudinsos sudin sudinsos kaur kasat kanit
kasubsi kasubsie kasubbid kabiro kapus sekdes sekcam seklur kadus wakapolres wakapolresta wakapolda wakapolsek kasdim
wadanrem pangdam kajari kajati kalak kasatpol korwil korda kalapas karutan kakanwil kakankemenag asda irwasda
dirkrimsus dirkrimum dirreskrimsus dirreskrimum dirresnarkoba dirlantas dirbinmas dirintelkam dirsamapta dirpolairud
""") | FORCE_COMMANDS

# Familiar forms of address, which with one name word make a nickname ("Gus Ipul", "Mbak Arumi", "Kang Emil").
FAMILIAR_ADDRESS = words_of("Gus Ning Abah Buya Bang Abang Kang Cak Mbak Teh Teteh Uda Pak Bu Bapak Ibu")
# Prefixed titles kept in `name_text` but not in `name`; matched on the token without its trailing dot. The
# familiar forms of address are among them.
HONORIFICS = FAMILIAR_ADDRESS | words_of("""
H Hj Hjh Hajjah Haji Dr DR dr drg drh Drs DRS Dra Ir Prof PROF KH Kh Ny Nn Tn Sdr Sdri Bpk Tuan Nyonya Saudara Saudari
Ustadz Ustaz Ustadzah Kyai Kiai Habib Syekh Syeikh Tgk Teungku Raden R RA Rr Hajah Mr Mrs Ms Apt Ns Ners
Jenderal Jendral Letnan Letjen Mayjen Brigjen Kolonel Letkol Mayor Kapten Lettu Letda Serka Serma Pelda Kombes Kombespol AKBP AKP
Komjen Komjenpol Irjenpol Brigjenpol
Kompol Iptu Ipda Aiptu Aipda Bripka Brigpol Briptu Bripda Bharada Irjen Marsekal Laksamana Laksma Laksda Pol Inf Cpl Arh
Kav Psk Marsda Marsma Sertu Serda Peltu Kopda Praka
Czi Arm Chb Ckm Cba Caj Cku Cpm Cpn Mar Pnb Kes Tek Lek Adm Sus
Pdt Pendeta Romo Pastor Pater Suster Sr Bruder Frater Ust Ustad Bhikkhu Biksu Dt Datuk Hi HM TGH TGB
Abuya
GRM RM BRM KRT KRAT KRMT KPH GPH BPH GBPH KGPH GKR BRAy RAy RNg
""")
LOWER_HONORIFICS = frozenset(h.lower() for h in HONORIFICS if len(h) > 1)
# Reporting verb stems ("kata", "ujar", "tandas"), each also with "-nya" ("ujarnya"); and the stems of their
# passive forms ("dikatakan", "diungkapkan"). Events read dates in attributions by them, officials the speaker.
REPORTING_VERB_STEMS = ("kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "terang", "papar", "sebut", "imbuh",
                        "tambah", "tegas", "pinta", "tandas", "pungkas")
PASSIVE_REPORTING_STEMS = ("kata", "ungkap", "jelas", "tegas", "terang", "tutur", "papar", "sebut", "utara")
# Academic and pilgrim titles still read as titles when typed in lower case with their dot ("drs. Mardiah").
LOWER_DOTTED_TITLES = words_of("dr drs dra drg drh ir prof hj kh")

# Undotted academic degrees written after a name ("SE, MM"); dotted ones ("S.Sos", "M.Si") are found by shape.
DEGREES = words_of("""
SE SH MH MM MSi MAP MAg SAg ST MT SP MP Lc MA MBA PhD SKM MKM SPd MPd SIP SSos SKom MKom Ak CA SSTP MKes SKep
SHI MHI SIKom MIKom SAP SPsi MPsi Psi SFarm Apt SKed SpA SpOG MSc SThI MEng MSE MAk MPH CPA SSi MSM SSn
SIAN MPA MIP SHut MHum SSy MSy SPdI MPdI MKn Ners SKp MKep AKS MPSSp MKesos SST
""")
# Undotted degrees of three letters or more are recognised in any case ("Msi", "Mpd"); shorter ones ("SE", "MM")
# only in capitals, since "se" or "ma" are words.
DEGREES_ANY_CASE = frozenset(d.lower() for d in DEGREES if len(d) >= 3)
_DEGREE_TOKEN = r"(?:(?:[A-Z][A-Za-z]{0,4}\.){1,4}[A-Za-z]{1,5}\.?(?:\([A-Z]\))?|" + "|".join(
    sorted((re.escape(d) for d in DEGREES if len(d) < 3), key=len, reverse=True)) + "|(?i:" + "|".join(
    sorted((re.escape(d) for d in DEGREES_ANY_CASE), key=len, reverse=True)) + r"))"
# Degrees after a name: ", S.Sos, M.Si" or " SE MM"; the dotted shape needs an inner dot or a known degree.
DEGREE_TAIL_RE = re.compile(rf"(?:[ \t]*,?[ \t]*{_DEGREE_TOKEN}(?![\w]))+")
DEGREE_SHAPE_RE = re.compile(r"^(?:[A-Z][A-Za-z]{0,4}\.)+[A-Za-z]{1,5}\.?$")

# Lower-case particles allowed inside a name ("Siti binti Ahmad", "Ahmad bin Said", "Ayu de Vries").
NAME_PARTICLES = words_of("bin binti al el van de der da von")

# Capitalised function words and verbs that open sentences or headlines, never a name.
FUNCTION_WORDS = words_of("""
di ke dari dan atau yang dengan untuk pada dalam oleh bagi serta juga ini itu tersebut ia dia mereka kami kita
saya beliau para sementara selain menurut kata ujar ungkap jelas tambah sebut lanjut imbuh tutur dikatakan
disampaikan hal saat ketika setelah sebelum sejak hingga sampai namun tetapi tapi karena sehingga maka agar supaya
jika kalau bahwa yakni yaitu seperti termasuk adapun sedangkan sebagai selaku hadir turut tampak acara kegiatan
bersama melalui tidak bukan sudah telah akan masih baru lebih sangat semua seluruh setiap tiap salah satu
pengurus periode masa khidmat tahun bulan hari pukul wib wita wit lalu kemarin besok kini
adalah merupakan ada atas bawah antara tentang terhadap sekitar kepada mengatakan menyampaikan menjelaskan
berharap meminta mengajak menegaskan mengungkapkan menuturkan menyatakan hadiri buka minta ajak kukuhkan lantik
resmikan serahkan berikan dorong apresiasi harap imbau tegaskan pimpin terima gelar sambut beri siap dukung
ingatkan pesan sampaikan tinjau kunjungi salurkan bagikan ikuti jadi raih dapat usul akui nilai
selamat terima assalamualaikum wassalamualaikum bismillah alhamdulillah insyaallah semoga mudah-mudahan
kemudian selanjutnya akhirnya bahkan apalagi padahal meski meskipun walau walaupun usai seusai sesudah
nomor no tentang jalan jl gedung aula kantor hotel pendopo wisma graha ruang rumah istana lantai kompleks
rombongan delegasi kontingen imbauan himbauan arahan sambutan instruksi safari baksos silahturahmi alumni
teladan tersukses terbaik tergiat terfavorit berbakat berprestasi
mendampingi didampingi mewakili diwakili mantan eks terpisah in insya insyaallah tadi nanti
khususnya terutama terbaru
praktisi aktivis pegiat akademisi
""")

MONTHS_AND_DAYS = words_of("""
januari februari pebruari maret april mei juni juli agustus september oktober november nopember desember
jan feb mar apr jun jul agu agt sep sept okt nov des senin selasa rabu kamis jumat jum'at jum’at sabtu minggu ahad
""")

# Compass and shape words that end region names; a lone "Selatan" after a head is never a person.
REGION_TAIL_WORDS = words_of("utara selatan timur barat tengah tenggara daya raya laut besar")

# Government homes by their short forms: Panti Sosial Asuhan Anak (PSAA), Panti Sosial Tresna Werdha (PSTW), Panti
# Pelayanan Sosial Anak (PPSA), the social office's training unit (PTKS) ...; a "Balai" home (BPSTW) is an office.
_GOVERNMENT_HOMES = r"(?:ps(?:aa|aab|ar|tw|br|lu|bn|pd|mp|bk|kw|bl|bg|ma|rs[a-z]*)|pp(?:sa|slu|rsar|sla|sbr)|rsan|ptks)\b"
_GOVERNMENT_HALLS = r"(?:bpstw|bpsaa|bpslu|bprsr|bpsbr)\b"
_SOCIAL = rf"(?:sosial|dinsos\S*|kesos|rehsos|resos|orsos|linjamsos|dayasos|psks|pmks|fakir\s+miskin|panti|\b{_GOVERNMENT_HOMES}|\b{_GOVERNMENT_HALLS})"

# Kemensos' own units: its agencies and centres (BP3S, P4S, Pusdatin), training and rehabilitation halls (BBPPKS,
# B2P3KS, BRS*, LRS*, "Balai Besar ... Sosial") and directorates of the social programmes.
_MINISTRY_UNITS = (r"b2p3ks|bbppks|bbpks|bbpps|bbrs[a-z]*|brs[a-z]+|lrs[a-z]*|bp3s|bpps|p4s|pusdatin|pusensos"
                   r"|pusdiklat\s+kesos|puslitbangkesos|poltekesos|stks|loka\s+rehabilitasi"
                   # Its homes named by the people they serve: "Loka Lansia Minaula", "Balai Anak Toddopuli".
                   r"|(?:loka|balai)\s+(?:anak|lansia|lanjut\s+usia|disabilitas|penyandang\s+disabilitas)"
                   r"|badan\s+pendidikan,?\s+penelitian,?\s+dan\s+penyuluhan\s+sosial"
                   r"|balai\s+besar\b(?=.*\b(?:sosial|kesejahteraan|rehabilitasi)\b)"
                   r"|direktorat\s+(?:rehabilitasi|perlindungan|jaminan|pemberdayaan|penanganan|pelayanan)"
                   # Its centres spelled out ("Pusat Data dan Informasi Kesejahteraan Sosial"), not a university's.
                   r"|pusat\s+(?:[\w,]+\s+){0,5}?(?:kesejahteraan\s+sosial|penyuluhan\s+sosial)"
                   r"(?!.*\b(?:universitas|univ|fakultas|institut|politeknik|sekolah\s+tinggi)\b)")
# Common misspellings of position words, read as the correct word.
_ROLE_TYPOS = re.compile(r"\bsek(?:ertaris|retatis|ertaris|etaris)\b")

# A contest's jury ("Tim Juri", "Dewan Penilai"), in lower case: its chair serves one event.
JURY = r"(?:tim\s+|dewan\s+)?(?:juri|penilai)"

# Ordered (pattern on the lower-cased role without acting prefix, role kind); the first match decides.
_ROLE_RULES: tuple[tuple[str, RoleKind], ...] = (
    (r"^(?:sekretaris\s+dprd|sekwan)\b", "other"),
    # A jury and a field coordinator serve one event, not a body's board.
    (rf"^(?:ketua\s+{JURY}|koordinator\s+lapangan)\b", "other"),
    # The secretary of a council's commission, faction or special committee is one of its members; the council's
    # own secretary ("Sekretaris DPRD", above) heads its staff.
    (r"^(?:ketua|wakil\s+ketua|anggota|senator|(?:sekretaris|bendahara)\s+(?:fraksi|komisi|pansus|panja))\b.*"
     r"\b(?:dpr|dprd|dprk|dpra|dpd|mpr"
     r"|komisi|fraksi|pansus|panja|dewan\s+perwakilan"
     r")\b|^anggota\s+dewan\b|^senator\b", "legislator"),
    (r"^(?:wakil\s+gubernur|wagub)\b", "vice_governor"),
    (r"^gubernur\b", "governor"),
    (r"^(?:wakil\s+bupati|wabup)\b", "vice_regent"),
    (r"^bupati\b", "regent"),
    (r"^(?:wakil\s+wali\s*kota|wakil\s+walkot|wawalkot|wawali|wawako\b)", "vice_mayor"),
    (r"^(?:wali\s*kota|walkot|wako\b)", "mayor"),
    (r"^(?:sekretaris\s+(?:daerah|provinsi|kabupaten|kota)\b|sekda|sekprov|sekkab|sekkot)", "regional_secretary"),
    (r"^(?:wakil\s+menteri|wamensos|menteri|mentri|mensos)\b", "minister"),
    (rf"\b(?:kemensos|kemsos|kemente?rian\s+sosial|ditjen|direktorat\s+jenderal|{_MINISTRY_UNITS})\b"
     r"|^(?:dirjen|direktur\s+jenderal"
     r"|sesditjen|sesdit|inspektur\s+jenderal)\b|^(?:staf{1,2}\s+(?:khusus|ahli)|stafsus)\s+(?:menteri|mensos)"
     # Kemensos directorates are named by the people they serve: "Direktur Lansia", "Direktur Anak".
     r"|^direktur\s+(?:rehabilitasi|perlindungan|jaminan|pemberdayaan|penanganan|pelayanan|lansia|lanjut\s+usia"
     r"|anak\b(?!\s+perusahaan)|disabilitas|penyandang|tuna\s+sosial|korban)"
     # Kemensos's own homes are named by the people they serve since 2020: "Balai Anak", "Balai Besar Disabilitas".
     r"|^kepala\s+(?:sentra|loka|balai\s+(?:besar\s+)?(?:rehabilitasi|anak|lansia|lanjut\s+usia|disabilitas|penyandang)"
     r"|b?brs[a-z]*|lrs[a-z]*)\b", "ministry_official"),
    (r"^(?:asisten|asda|staf{1,2}\s+ahli|kepala\s+bagian|kabag|kepala\s+biro|karo)\b"
     r"(?!.*\b(?:polda|polres|polresta|polri|kodam|korem|kodim|lantamal|lanud)\b)", "regional_staff"),
    # The coordinator of a forum, association or home leads it ("Koordinator Forum IPWL", "Koordinator Wilayah LKSA").
    (r"^(?:koordinator|kordinator)(?:\s+(?:wilayah|daerah))?\s+(?:di\s+)?(?:forum|perkumpulan|lks|lksa|lkks|panti|yayasan"
     r"|lembaga|flks|fornas|forwil|forda)\b(?!.*\b(?:dinas|dinsos\S*|kemensos|kementerian)\b)", "org_chair"),
    (r"^(?:kabid|kepala\s+bidang|kasie?|kepala\s+seksi|koordinator|sekretaris|bendahara|sekjen|perwakilan)\b"
     r"(?!.*\b(?:dinas|dinsos\S*|kemensos|kementerian)\b)(?=.*\b(?:lkks|bkkks|lk3s?|lks|lksa|flks|forum|yayasan"
     r"|lembaga\s+ko(?:or)?dinasi|panti)\b)", "org_officer"),
    # Jakarta's cities have a "Suku Dinas" (Sudin) in place of a dinas; its head heads the social office.
    (rf"^(?=.*{_SOCIAL})(?:kepala\s+dinas|kepala\s+dinsos|kadis|kadin|kepala\s+suku\s+dinas|kepala\s+sudin|suku\s+dinas"
     rf"|sudin|kasudin)|^(?:kadinsos|kadissos)\b", "head_of_social_office"),
    (rf"^(?=.*{_SOCIAL})(?:sekretaris\s+dinas|sekretaris\s+dinsos|kepala\s+bidang|kabid|kepala\s+seksi|kasie?\b"
     rf"|kasubb?ag|kasubb?id|kasubsie?\b|staf{{1,2}}\b|kepala\s+sub|kepala\s+upt|kepala\s+unit|pekerja\s+sosial|penyuluh\b"
     rf"|perwakilan\b|pejabat\s+fungsional|fungsional\b|pendamping\b|kepala\s+{_GOVERNMENT_HALLS})|^sekdis\b",
     "social_office_staff"),
    # A working team or group of a social office is part of that office ("Ketua Tim Kerja ... Dinsos Sleman").
    (r"^(?:ketua\s+(?:tim|kelompok|pokja|satgas)|koordinator)\b(?=.*\b(?:dinas\s+sosial|dinsos\S*)\b)",
     "social_office_staff"),
    # The chair of one department or section of an organisation is one of its officers; so are the chairs of its
    # advisory or supervisory board ("Ketua Badan Penasehat DNIKS", "Ketua BPA") and of a working team of a
    # welfare body ("Ketua Tim Akreditasi Forum Daerah LKSA").
    (r"^ketua\s+(?:departemen|bidang|divisi|seksi|(?:dewan|badan|majelis)\s+(?:penasehat|penasihat|pembina|pertimbangan"
     r"|pengawas|pakar)|bpa\b|tim\s+(?!penggerak\b)\w+.*\b(?:forum|lks|lksa|lkks|yayasan|panti)\b)"
     r"(?!.*\b(?:dprd|dpr|dpd)\b)", "org_officer"),
    # The committee of a body's own congress or working meeting is drawn from its board ("Ketua Panitia Musda").
    (r"^ketua\s+(?:panitia|pelaksana)\b.*\b(?:munas|musda|muswil|muscab|muskab|musyawarah|raker\w*|rapat\s+kerja"
     r"|rapimnas)\b", "org_officer"),
    # Chairs of a neighbourhood unit or of an event's committee lead no organisation.
    (r"^ketua\s+(?:rt|rw|panitia|pelaksana)\b", "other"),
    (r"^(?:kepala|sekretaris|kabid|kasie?|kasubb?ag|kasubid|kadis|kadin|direktur)\b.*\b(?:dinas|badan|kantor|bidang"
     r"|seksi|bagian|upt|uptd|rsud|puskesmas|kecamatan|desa|kelurahan|sekolah|dprd|camat)\b", "other"),
    # Numbered chairs ("Ketua I", "Ketua 2") are the chair's deputies.
    (r"^ketua\s+(?:i{1,3}|iv|v|[1-9])\b", "org_officer"),
    # The person answerable for a home or foundation runs it ("penanggung jawab Panti Asuhan Bakti Luhur").
    (r"^penanggung\s+jawab\b(?:\s+utama)?\s+(?:panti|yayasan|lks|lksa|lembaga\s+kesejahteraan)\b", "org_chair"),
    # A "ketua harian" runs the daily work under the "ketua (umum)": a board member, not the chair.
    (r"^(?:ketua(?:nya)?(?!\s+harian)|ketum|kepala\s+(?:panti|yayasan|lks|lksa|" + _GOVERNMENT_HOMES + r")|pimpinan|pengelola"
     r"|(?:direktur|pemimpin)\s+(?:yayasan|panti|lks|lksa|psaa)"
     r"|pemilik\s+(?:panti|yayasan|lks|lksa))\b"
     r"(?!.*\b(?:pengadilan|kpu|bawaslu)\b)", "org_chair"),
    (r"^(?:wakil\s+ketua|ketua\s+harian|waketum|sekretaris|sekjen|sekum|bendahara|bendum|anggota|pengurus|pembina|penasehat"
     r"|penasihat|koordinator|pengasuh|pendiri)\b", "org_officer"),
)
ROLE_RULES = tuple((re.compile(pattern), kind) for pattern, kind in _ROLE_RULES)

# Role kinds whose region is a province when the role text names none.
PROVINCIAL_KINDS = frozenset({"governor", "vice_governor"})
# Role kinds tied to a regency or city.
REGENCY_KINDS = frozenset({"regent", "vice_regent"})
CITY_KINDS = frozenset({"mayor", "vice_mayor"})
# Offices held by one person at a time in a region: a later mention by a short name is the same holder.
SINGLE_HOLDER_KINDS = frozenset({"governor", "vice_governor", "regent", "vice_regent", "mayor", "vice_mayor",
                                 "regional_secretary", "minister", "head_of_social_office"})
# National roles get no region by default.
NATIONAL_KINDS = frozenset({"minister", "ministry_official"})


def classify_role(role: str) -> RoleKind:
    """The contract role kind of a position text without its acting prefix."""
    lowered = _ROLE_TYPOS.sub("sekretaris", " ".join(role.lower().split()))
    for pattern, kind in ROLE_RULES:
        if pattern.search(lowered):
            return kind
    return "other"


# Unit numbers: "Dandim 0111", "Danramil 1408-05", "Koramil 05/Kota".
_UNIT_CODE = re.compile(r"^\d[\d./-]*$")
# Abstract nouns that name bureau units ("Kelembagaan", "Penanganan", "Rehabilitasi"), by their derivation.
_UNIT_NOUN = re.compile(r"^(?:(?:peng|peny|pem|pen|per|pe|ke)[a-z]{3,}an|[a-z]{4,}(?:asi|isme))$")
# Police and military commands, also run together with their province ("Poldasu", "Poldajatim", "Polrestabes").
_COMMAND_UNIT = re.compile(r"^(?:pol(?:da|res|sek|tabes|ri)|kodam|korem|kodim|koramil|lanud|lanal|lantamal|yonif"
                           r"|(?:sat)?brimob)[a-z]*$")


# What follows "sub" in a sub-unit's name: a unit word or its short form ("Subbag", "Subdit").
_SUB_UNITS = ROLE_WORDS | words_of("bag bid dit si sie")


# Region levels written onto the name without a space.
_GLUED_LEVELS = words_of("kab kabupaten prov provinsi kec kel")


def is_role_word(token: str) -> bool:
    """True for a word that belongs to a position or unit name ("Dinsos-P2KB", "Setdaprov", "IV", "LKKS")."""
    core = token.rstrip(".").lower()
    if (core in ROLE_WORDS or core in ROMAN or _UNIT_CODE.match(core) or _UNIT_NOUN.match(core)
            or _COMMAND_UNIT.match(core)):
        return True
    # Sub-units prefix "sub" to a unit word: "Subseksi", "Subbidang", "Subdirektorat", "Sub-Bagian".
    if core.startswith("sub") and core[3:].lstrip("-") in _SUB_UNITS:
        return True
    first = core.split("-", 1)[0]
    if first in ROLE_WORDS:
        return True
    if "." in core and core.split(".", 1)[0] in _GLUED_LEVELS:
        return True  # "Kab.Buleleng", "Prov.Kalteng": a level glued to its region's name
    return core.startswith(AGENCY_STEMS)


def is_abbreviation(token: str) -> bool:
    """True for an all-capitals organisation abbreviation such as LKKS, P2KB or DPRD (not a degree)."""
    core = token.rstrip(".")
    return (len(core) >= 2 and core.upper() == core and any(c.isalpha() for c in core)
            and core not in DEGREES and "." not in core)


def is_honorific(token: str) -> bool:
    """True for a prefixed title such as H., Hj, Dr., Drs., Prof., KH., Ny., Bapak, AKBP (or "drs.", "prof.")."""
    core = token.rstrip(".")
    if core in HONORIFICS:
        return True
    # Careless typing lower-cases academic titles but keeps their dot: "drs. Mardiah", "prof. Rahim".
    if token.endswith(".") and core in LOWER_DOTTED_TITLES:
        return True
    # "K.H." and "Dr.H." arrive as one dotted token.
    if core in {"K.H", "K.H.", "Dr.H", "Dr.Hj", "Drs.H", "Ir.H", "H.M"}:
        return True
    parts = [p for p in core.split(".") if p]
    return len(parts) > 1 and all(p in HONORIFICS for p in parts)


def is_degree(token: str) -> bool:
    """True for an academic degree token ("S.Sos", "M.Si", "A.KS", "MM", "SE")."""
    core = token.rstrip(".")
    return (core in DEGREES or core.replace(".", "") in DEGREES or core.lower() in DEGREES_ANY_CASE
            or bool(DEGREE_SHAPE_RE.match(token)))


def is_spaced_degree(first: str, second: str) -> bool:
    """True for a known degree written with a space after its dot ("M. Si", "A. Ks."), not an initial and a name."""
    joined = (first + second).replace(".", "")
    return first.endswith(".") and (joined in DEGREES or joined.lower() in DEGREES_ANY_CASE)


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words that title case keeps in lower case.
_TITLE_CASE_LOWER = words_of("""
dari dengan untuk pada dalam oleh bagi serta atau tentang terhadap sebagai antara hingga sampai kepada yang
""")
_TRAILING_CREDIT = re.compile(r"\s*\([^()]{1,30}\)\s*$")


@lru_cache(maxsize=4096)
def looks_like_headline(text: str) -> bool:
    """True for a title-cased line (a repeated headline), where capitals do not mark names."""
    # A closing credit "(rq/fud)" is not part of the sentence.
    stripped = _TRAILING_CREDIT.sub("", text).strip()
    if not stripped or stripped[-1] in ".!?\"”":
        return False
    words = [w for w in _WORD.findall(stripped) if len(w) > 3]
    if not 3 <= len(words) <= 25:
        return False
    # Title case leaves only prepositions and conjunctions in lower case; two other lower-case words ("menyampaikan",
    # "berperan") show a sentence about capitalised people and bodies, cut short before its full stop.
    if sum(1 for w in words if w[0].islower() and w not in _TITLE_CASE_LOWER) >= 2:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.8
