"""Officials: people named with their position ("Gubernur Kalsel H. Muhidin", "Mukhlis, Ketua LKKS Bireuen")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from pipeline.analyse import gazetteer
from pipeline.analyse.context import ArticleText, may_contain
from pipeline.analyse.organizations import (
    OrgMention,
    RegionSpan,
    RegionSpans,
    dominant_local,
    dominant_province,
    dominant_region,
    find_org_mentions,
    province_of,
    region_spans,
    span_at,
)
from pipeline.analyse.titles import (
    ABBREVIATED_HEADS,
    ACTING_PHRASES,
    ARABIC_NAME_OPENERS,
    CITY_KINDS,
    DEGREE_TAIL_RE,
    DOTTED_PREFIXES,
    FAMILIAR_ADDRESS,
    FUNCTION_WORDS,
    HEAD_RE,
    INSTITUTION_NAME_WORDS,
    JURY,
    MONTHS_AND_DAYS,
    NAME_LIKE_ROLE_WORDS,
    NAME_PARTICLES,
    NATIONAL_KINDS,
    PASSIVE_REPORTING_STEMS,
    PROPER_NAME_UNITS,
    PROVINCIAL_KINDS,
    REGENCY_KINDS,
    REGION_TAIL_WORDS,
    REPORTING_VERB_STEMS,
    ROMAN,
    SINGLE_HOLDER_KINDS,
    classify_role,
    eponym_length,
    is_abbreviation,
    is_degree,
    is_head_word,
    is_honorific,
    is_role_word,
    is_spaced_degree,
    looks_like_headline,
    words_of,
)
from pipeline.models import Official, RegionMention, RoleKind

_TOKEN = re.compile(
    r"(?P<word>[^\W_](?:[\w'’`]|[.\-](?=[^\W_]))*\.?)|(?P<nl>\n)|(?P<open>\()|(?P<close>\))|(?P<comma>,)"
    r"|(?P<other>[^\w\s])"
)
_WINDOW = 180
# Without a capital or bracket soon after it, a head names no person, unit region or abbreviation.
_CAPITAL_SOON = re.compile(r"[^A-Z(\n]{0,40}[A-Z(]")
_MAX_NAME_TOKENS = 5
_LOWER_ROLE_REACH = 40
# Heads followed by a place or institution name before the person ("Camat Kota Juang, Ridwan", "Rektor Unpatti").
_PLACE_HEADS = frozenset({"camat", "lurah", "kades", "keuchik", "geuchik", "rektor", "dekan"})
# Unit words often followed by the institution's own name, which a comma then separates from the person
# ("Kepala UPTD Panti Sosial Asuhan Anak Budi Mulia, Siti Aisyah").
_NAMED_UNIT_ENDINGS = frozenset({"anak", "sosial", "lansia", "werdha", "disabilitas", "remaja", "terlantar"})
# A forum of a kind of institution is no institution with a name of its own ("Ketua Forum LKS Azis Muslim").
_GENERIC_UNIT_END = re.compile(r"\b(?:forum|fornas|forwil|forda)\s+(?:lks\S*|lksa\S*|panti(?:\s+asuhan)?|yayasan)\s*$",
                               re.IGNORECASE)
# A demonstrative after the words read as a name shows they named a place or an institution, not a person
# ("Menurut Pengasuh Istana Anak Yatim Batulicin tersebut").
_DEMONSTRATIVES = frozenset({"tersebut", "itu"})
_DEMONSTRATIVE_AFTER = re.compile(r"\s+(?:" + "|".join(_DEMONSTRATIVES) + r")\b")
_ADDRESSED_AFTER = re.compile(r"[ \t]*,[ \t]*((?:Bapak|Ibu|Pak|Bu)\.?[ \t]+[A-Z][a-z])")
# "Ketua LKSA Rumah Yatim Ibadurrahman asal Duri Kabupaten Bengkalis, Rahma Nelly": where the body is from, after its
# name; the holder follows the comma.
_ORIGIN_AFTER = re.compile(r"[ \t]+asal[ \t]+[^,.;:\n]{1,50},[ \t]*(?=[A-Z])")
_CONNECTORS = frozenset({"dan", "&", "pada", "serta", "/", "dari", "di"})
_SHORT_BODY_ABBREVIATIONS = frozenset({"RI", "TP", "PP", "UP"})
_RUN_CONNECTORS = frozenset({"dan", "serta"})
# "pengurus LKKS ... di Ruang Jetayu": after "di", rooms and buildings are where something happens, not a unit.
_VENUES = frozenset({"ruang", "ruangan", "aula", "gedung", "hotel", "pendopo", "pendapa", "lapangan", "auditorium",
                     "gor", "wisma", "rumah"})
_DOUBLE_POST = frozenset({"sekaligus", "merangkap"})
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_MAX_UNIT_RUN = 10
# Clauses between a position and its holder.
_ROLE_CLAUSE = re.compile(
    # "Ketua LKKS yang baru saja dilantik, Murdoko": a short relative clause closed by a comma before the name.
    r"yang\s+(?:(?:[a-z]+\s+){0,3}[a-z]+\s*,(?=\s*[A-Z])"
    # "Ketua Umum DNIKS yang baru yaitu Tantyo": the clause may end in an introducer.
    r"|(?:baru|lama|terpilih|sebelumnya|terdahulu|definitif|demisioner|saat\s+ini|kini)\b"
    r"(?:\s+(?:yaitu|yakni|adalah|ialah)\b)?"
    r"|(?P<nick>(?:akrab|biasa|karib|kerap)\s+(?:di)?(?:sapa|panggil)\s+(?:dengan\s+)?(?:nama\s+)?))\s*")
# "Yang terpilih sebagai Ketua LKKS Polman adalah Hj. Andi Nurhidayah": words that introduce the holder.
_INTRODUCERS = frozenset({"adalah", "ialah", "yakni", "yaitu"})
_NEWLY = frozenset({"baru", "terbaru", "terpilih"})
_TENURE_WORDS = frozenset({"periode", "masa", "bakti", "bhakti", "jabatan", "khidmat", "kepengurusan", "sebelumnya", "tahun",
                           "lalu", "terdahulu", "lama", "baru"})
# Dotted tokens that do not end a sentence.
_DOTTED_ABBREVIATIONS = DOTTED_PREFIXES | words_of(
    "ds sdr bpk ny tn moh muh moch mochd mhd mohd muhd abd ach ahm st dg upt uptd ka"
    # Balinese name words written short: Ngurah, Gusti, Gede, Bagus, Cokorda, Dewa.
    " ngr gst gd bgs cok dw")
_APPOSITION_LEFT = re.compile(
    r"(?:(?:,|\()(?:\s*salah\s+(?:satu|seorang))?|\bselaku(?:\s+salah\s+(?:satu|seorang))?|\b(?:(?:terpilih|dilantik|dikukuhkan|ditetapkan|diangkat"
    r"|ditunjuk|didaulat|diamanahi|diamanatkan|dipercaya|resmi)(?:\s+(?:secara\s+aklamasi|kembali|resmi"
    r"|secara\s+resmi))?\s+)?(?:sebagai|menjadi)"
    r"(?:\s+salah\s+(?:satu|seorang))?"
    r"|\byang\s+(?:juga\s+)?(?:merupakan|menjabat(?:\s+sebagai)?|adalah)|\byang\s+juga)\s*$"
)
_NICKNAME = re.compile(
    r"\b(?:akrab|biasa|karib|kerap|populer|lebih)\s+(?:di)?(?:sapa|panggil|kenal|sebut|dikenal)(?:an)?\s+"
    r"(?:dengan\s+)?(?:nama\s+|sapaan\s+)?(?P<alias>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"|\b(?:sapaan|panggilan)\s+akrab(?:nya)?\s+(?P<alias2>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"|(?P<alias3>\b[A-Z][\w'’-]+),\s+(?:sapaan|panggilan)\s+akrab(?:nya)?\b"
)
_LED_BY = re.compile(r"\b(?:diketuai|dipimpin|dinakhodai|dikomandoi|dijabat)\s+(?:langsung\s+)?(?:oleh\s+)?(?=[A-Z])")
# Words every match of a whole-text pattern holds: a quick search for them spares most articles the slow scan.
_NICKNAME_CUE = re.compile(r"sapa|panggil|kenal|sebut(?:(?<=disebut)|(?<=\ssebut))")
_LED_BY_CUE = re.compile(r"diketuai|dipimpin|dinakhodai|dikomandoi|dijabat")
_TO_LEAD_CUE = re.compile(r"memimpin|mengetuai|menakhodai")
# "... Hj. Rosnida Chaniago sebagai ketua": connectors that let a lower-case position follow its holder.
_SPELLED_APPOSITION = re.compile(r"\b(?:selaku|sebagai|menjadi)\s+$", re.IGNORECASE)
# Reporting verbs before a speaker, active ("kata", "tandas") or passive ("dikatakan oleh", "disampaikan").
# Right before a name "lanjut", "beber", "sambung" and "menurut" report too; so does "disampaikan" (of words).
_PASSIVE_SPEECH_STEMS = (*PASSIVE_REPORTING_STEMS, "sampai")
_SPEECH_VERB_BEFORE = re.compile(
    r"\b(?:(?:" + "|".join((*REPORTING_VERB_STEMS, "lanjut", "beber", "urai", "sambung", "menurut")) + r")(?:nya)?"
    r"|di(?:" + "|".join(_PASSIVE_SPEECH_STEMS) + r")kan(?:\s+oleh)?)\s*$", re.IGNORECASE)
# The agent of a passive act ("diserahkan langsung oleh", "diterima oleh") is the one the sentence is about.
_AGENT_BEFORE = re.compile(r"\b(?:oleh|diterima)\s+$", re.IGNORECASE)
_ADVERB_LIKE = re.compile(r"^\w{4,}nya$|^\w+(?:lah|pun)$", re.IGNORECASE)
_SENTENCE_END_BEFORE = re.compile(r"[.!?][\"”’]?\s+$")
_PLACE_IN_PHOTO = re.compile(r"\s*\(\s*(?:kiri|kanan|tengah|depan|belakang)[^()\n]{0,20}\)", re.IGNORECASE)
_LIST_STOP = re.compile(r"\s*[.!?;:(]")
# What may follow a one-word name inside a list: more of the list or the sentence's end.
_LIST_GOES_ON = re.compile(r"\s*(?:,|dan\b|serta\b|[.;!?]|$)")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z\"“])")
_FROM_BODY = re.compile(r"\s*,?\s*(?:dari|asal)\s+")
_TEAM = re.compile(r"\b(?:tim|rombongan|delegasi)\b", re.IGNORECASE)
# A ministry team also arrives as "tim Kemensos RI", "Balai Besar", "BALKS" or "Ditjen Rehsos", often in lower case.
_MINISTRY_CUE = re.compile(r"\b(?:kemensos|kemsos|kementr?erian\s+sosial|ditjen|direktorat\s+jenderal|balai\s+besar"
                           r"|b[a-z]?lks|balaks|sentra|lrs[a-z]*|b?brs[a-z]*|bbppks|b2p3ks|bp3s|p4s)\b", re.IGNORECASE)
# "Pengurus ... terdiri dari A dan B", "didampingi pengurus panti, diantaranya A, B dan C".
_CONSISTS_OF = re.compile(
    r"\b(?P<group>pengurus|tim|rombongan|delegasi)\b(?:[^.\n]{0,100}?\bterdiri\s+(?:dari|atas)|[^.,;:\n]{0,60}?,?[ \t]*"
    r"(?:di[ \t]*antaranya|antara[ \t]+lain))\s+(?:(?:bapak|ibu|sdr)\.?\s+)?",
    re.IGNORECASE)
_CONSISTS_OF_CUES = ("terdiri", "antara")
_TO_LEAD = re.compile(
    r"\s+(?:(?:terpilih|ditetapkan|dipercaya|kembali|resmi)\s+)*(?:untuk\s+)?(?P<verb>memimpin|mengetuai|menakhodai)\s+"
    r"(?P<object>[\w-]+)")
_GIVEN_TO = re.compile(r"\b(?:kepada|pada)\s+$")
_BODY_NOUNS = words_of("lembaga organisasi forum yayasan panti perkumpulan himpunan ikatan asosiasi lks lksa lkks")
_HANDOVER = re.compile(
    r"\bjabatan\s+(?P<role>ketua(?:\s+umum|\s+harian)?)\b[^.\n]{0,60}?\bdari\s+(?P<giver>)\S[^\n]{0,80}?"
    r"\bkepada\s+(?P<taker>)", re.IGNORECASE)
_TENURE_AFTER = re.compile(r"\s+(?:sebelum\w*|lama|terdahulu|terpilih|demisioner|periode\s+\d)", re.IGNORECASE)
_DAILY_CHAIR = re.compile(r"ketua\s+harian\b", re.IGNORECASE)
# Heads of an organisation's board, who are named after their body ("Ketua Forpama, Wibowo").
# Heads of an office's section are named after their unit's short name the same way ("Kasubsie Yantah, Iim Ruhimat").
_BODY_HEADS = frozenset({"ketua", "ketum", "sekretaris", "bendahara", "pembina", "penasehat", "penasihat", "koordinator",
                         "direktur", "pimpinan", "pengurus", "manajer", "kasi", "kasie", "kasubsi", "kasubsie", "kasubag",
                         "kasubbag", "kabag", "kabid", "kasubdit", "kasubid", "kasubbid", "kasat", "kanit"})
_OWN_APPOSITION = re.compile(r"[\s,]*(?:selaku|sebagai)\b", re.IGNORECASE)
_OPENING_TITLES = frozenset({"H", "Hj", "KH", "Drs", "Dra", "Prof", "Ir", "Dr", "dr", "drg", "drh", "Ny", "Pdt", "Ustadz", "Ustaz",
                             "Bapak", "Bpk"})
# Ranks that never stand inside a person's name (unlike "Mayor", a surname too).
_UNIT_PLACE_WORDS = 2
# "Kodim 1408/...", "Kodam XIV/Hasanuddin": a unit's number, Arabic or Roman.
_UNIT_NUMBER = re.compile(r"\d[\w-]*|[IVX]+")
_RANKS = words_of("""AKBP AKP Kompol Iptu Ipda Aiptu Aipda Bripka Brigpol Briptu Bripda Bharada Kombes Kombespol Irjen
Brigjen Letkol Letjen Mayjen Kolonel Lettu Letda Serka Serma Sertu Serda Pelda Peltu Komjen Laksma Laksda Marsda Marsma""")
_GLUED_TITLES = re.compile(r"^(?:(?i:dr|drs|dra|drg|drh|ir|h|hj|prof|kh|ny|tn|sdr|pdt|ust|bpk)\.)+(?=[A-Z][a-z]{2,})")
# An honorary doctorate is written "Dr. (HC)" or "Dr. (H.C.)" before the name.
_HONORIS_CAUSA = frozenset({"HC", "H.C", "H.C.", "Hc", "hc"})
# "Mayor Jendral TNI (Purn) Hassanudin": the force and retirement of a rank belong to the title.
_RANK_FORCES = frozenset({"TNI", "Polri", "POLRI"})
_RETIRED = frozenset({"Purn", "Purn.", "purn", "purn."})
# Balinese names open with "I" (men) or "Ni" (women) before a birth-order or caste name: "I Wayan Sudirta".
BALINESE_NAME_WORDS = words_of("""
wayan made nyoman ketut putu kadek komang nengah gede gusti dewa desak ida bagus ayu agung ngurah luh kade iluh
gst ngr gd bgs
""")
_TITLES_AFTER_NAME = frozenset({"Dt", "Datuk", "Datuak", "St", "Sutan"})
_NOT_A_PERSON_BEFORE = re.compile(
    r"\b(?:keputusan|peraturan|surat|sk|instruksi|edaran|kantor|perkantoran|kompleks?|pendopo|rumah\s+dinas|rumah\s+jabatan|aula|gedung"
    r"|istana|piala|hadiah|satuan\s+bakti)\s+$", re.IGNORECASE)
_PAREN_ALIAS = re.compile(r"[ \t]*\((?P<alias>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\)")
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
# "Dua staf Kemensos A dan B", "para pengurus LKS A, B dan C": a position shared by the names listed after it.
_PLURAL_BEFORE = re.compile(r"\b(?:dua|tiga|empat|lima|kedua|ketiga|keempat|kelima|para|sejumlah|beberapa)\s+$",
                            re.IGNORECASE)
_COLLECTIVE_HEADS = words_of("anggota pengurus staf staff pengasuh")
_LIST_JOIN = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:dan|serta)[ \t]+)?|[ \t]+(?:dan|serta)[ \t]+)(?=[A-Z])")
# "Dinas Sosial Demak yang diwakili oleh Bapak A" and "A, mewakili Dinsos": the person stands for that body.
_REPRESENTED_BY = re.compile(r"(?:[ \t]+[A-Z0-9][\w-]*){0,5}[ \t]+(?:yang[ \t]+)?diwakili[ \t]+(?:oleh[ \t]+)?")
_REPRESENTS = re.compile(r"[ \t]*,?[ \t]+(?:yang[ \t]+)?(?:hadir[ \t]+)?mewakili[ \t]+$")
_REPRESENTATIVE_KINDS: dict[str, RoleKind] = {
    "DINSOS": "social_office_staff", "KEMENSOS": "ministry_official", "LKKS": "org_officer", "LKS": "org_officer",
    "LKSA": "org_officer", "FORUM_LKS": "org_officer"}
_OWN_LEAD = re.compile(r"[ \t]*,?[ \t]*")
# "Budiyati MPd dari Majelis Pelayanan Sosial", "Komang Koheri, dari Komisi VIII DPR RI": a person named with the
# body they come from and no position of their own is its member.
_FROM_BEFORE = re.compile(r"[ \t]*,?[ \t]+(?:dari|asal)[ \t]+$")
_HOUSE_COMMITTEE_CUE = re.compile(r"dari[ \t]+Komisi")
_FROM_HOUSE_COMMITTEE = re.compile(r"[ \t]*,?[ \t]+dari[ \t]+(Komisi[ \t]+[A-Z0-9]{1,4}[ \t]+DPR[DA]?\b(?:[ \t]+RI\b)?)")
# "berdialog dengan Komisi 8 yang diwakili Budiman Sudjatmiko, Alfia Reziani dan Diah Pitaloka": its members.
_HOUSE_COMMITTEE_REPRESENTED = re.compile(
    r"\b(Komisi[ \t]+[A-Z0-9]{1,4}(?:[ \t]+DPR[DA]?\b(?:[ \t]+(?:RI|[A-Z][a-z]+))?)?)[ \t]*,?[ \t]+(?:yang[ \t]+)?"
    r"diwakili[ \t]+(?:oleh[ \t]+)?")
_HOUSE_COMMITTEE_REPRESENTED_CUE = re.compile(r"Komisi")
# A story about the social office only: its bare "Kepala Dinas" is the social office's head.
_SOCIAL_OFFICE = re.compile(r"\b(?:dinas\s+sosial|dinsos)", re.IGNORECASE)
# The word boundary is checked after the first letter, so the regex engine can skip ahead to a "D" or "d".
_OTHER_OFFICE = re.compile(r"[Dd](?<!\w[Dd])inas\s+(?!Sosial\b)[A-Z][a-z]{3,}")
_BARE_OFFICE_KINDS: dict[str, RoleKind] = {
    "kepala dinas": "head_of_social_office", "kadis": "head_of_social_office", "kadin": "head_of_social_office",
    "sekretaris dinas": "social_office_staff", "kepala bidang": "social_office_staff", "kabid": "social_office_staff",
    "kepala seksi": "social_office_staff", "kasi": "social_office_staff", "kasie": "social_office_staff"}
# The social office's head acting through someone: "Kadinsos Sultra melalui ...".
_THROUGH_SOCIAL_OFFICE = re.compile(
    r"\b(?:(?:kepala|kadis)\s+(?:dinas\s+sosial|dinsos)|kadinsos)\b[^.!?;\n]{0,50}?\s+melalui\s+$", re.IGNORECASE)
# A committee's or jury's chair ("Ketua Panitia", "Ketua Pelaksana", "Ketua Tim Juri") and the words naming its
# event, up to the comma.
_COMMITTEE_CHAIR = re.compile(rf"(?i:ketua)\s+(?i:panitia|pelaksana|{JURY})\b")
_EVENT_DESCRIPTION = re.compile(r"([^\n.!?;:,()\"“”]{1,90}?)[ \t]*,[ \t]*")
# Words of a sentence going on, not of an event's name: verbs, clause links, addressees.
_NOT_A_DESCRIPTION = re.compile(r"\b(?:me[a-z]{3,}|ber[a-z]{3,}|di[a-z]{4,}|ter[a-z]{3,}kan|yang|bahwa|kepada|untuk|ini|itu)\b")
_GROUP_LEAD = re.compile(r"(?:ketua|pimpinan|kepala)\s+(?:tim|rombongan|delegasi)\b", re.IGNORECASE)
# "mantan Bupati", "calon Gubernur": a post once held or sought, not held now.
_FORMER_BEFORE = re.compile(r"\b(?:mantan|eks|bekas|calon)\s+$", re.IGNORECASE)
_GENERAL_UNITS = frozenset({"direktorat", "sekretaris", "sekretariat", "direktur", "inspektur", "inspektorat"})
_SELAKU_BEFORE = re.compile(r"\b(?:selaku|sebagai)(?:\s+salah\s+(?:satu|seorang))?\s+$", re.IGNORECASE)
_NAME_LIKE_TIME_WORDS = frozenset({"Hari", "Bulan", "Masa"})
_COMMON_GIVEN_NAMES = words_of("muhammad muhamad mohammad mohamad moh achmad ahmad abdul siti sri nur nurul")
_DROPPED_OPENERS = _COMMON_GIVEN_NAMES | words_of("m muh muhd mochammad mochamad andi i ni")


@dataclass(slots=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class _Mention:
    """A position found in the text, with the person it names (or None for a title-only mention)."""

    start: int
    end: int
    role: str
    role_kind: RoleKind
    acting: bool
    region_code: str | None
    capitalised: bool
    name: str | None = None
    name_text: str | None = None
    aliases: list[str] = field(default_factory=list)
    nickname: bool = False


@dataclass(slots=True)
class _Person:
    mention: _Mention
    tokens: frozenset[str]
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


# The same few positions come back in every article.
_classify_role = lru_cache(maxsize=4096)(classify_role)
# Positions that head a region, not a named unit: governors, regents, mayors and their deputies.
_REGION_HEAD_KINDS = PROVINCIAL_KINDS | REGENCY_KINDS | CITY_KINDS


def _cued(pattern: re.Pattern[str], cue: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, or nothing at once when `text` lacks the `cue` every match holds."""
    return pattern.finditer(text) if cue.search(text) else iter(())


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    """Tokens from `start` up to the end of the paragraph or `end`."""
    # No token holds a line break or looks past one, so stopping the scan there gives the tokens before it.
    paragraph_end = text.find("\n", start, end)
    if paragraph_end >= 0:
        end = paragraph_end
    return [_Token(match.lastgroup or "other", match.group(), match.start(), match.end())
            for match in _TOKEN.finditer(text, start, end)]


def _ends_sentence(token: str) -> bool:
    """A trailing dot that closes a sentence rather than an abbreviation, initial or degree."""
    if not token.endswith("."):
        return False
    core = token[:-1]
    return not (len(core) <= 1 or "." in core or core.lower() in _DOTTED_ABBREVIATIONS
                or is_honorific(token) or is_degree(token))


def _restarts_name(token: str) -> bool:
    """A title that, met after name-like words, must open the person's name ("Yayasan Nurul Iman H. Ahmad").

    A police or military rank does too ("Kapolsek Patebon Iptu Budi"). "Hi." inside a name ("Abubakar Hi.
    Ibrahim") is part of it.
    """
    core = token.rstrip(".")
    return (core in _OPENING_TITLES and (token.endswith(".") or len(token) > 1)) or core in _RANKS


def _region_word_as_surname(tokens: list[_Token], position: int, spans: RegionSpans) -> bool:
    """True for a one-word region name that a degree follows: "Petra Y Rembang, M.Th" (places hold no degrees)."""
    token = tokens[position]
    region = span_at(spans, token.start)
    if token.kind != "word" or region is None or region.end != token.end or not token.text[:1].isupper():
        return False
    following = position + 1
    if following < len(tokens) and tokens[following].kind == "comma":
        following += 1
    return following < len(tokens) and tokens[following].kind == "word" and is_degree(tokens[following].text)


def _strip_dot(token: _Token) -> tuple[str, int]:
    """Token text and end without a sentence-closing dot."""
    if _ends_sentence(token.text):
        return token.text[:-1], token.end - 1
    return token.text, token.end


# A passive reporting verb, "ditambahkan" too, as a word: never a name's.
_REPORTING_VERB_WORD = re.compile(r"di(?:" + "|".join((*_PASSIVE_SPEECH_STEMS, "tambah")) + r")kan")


_WEB_DOMAIN = re.compile(r"\w\.(?:id|com|net|org|co|news|info|tv)$", re.IGNORECASE)


def _is_name_word(token: _Token, spans: RegionSpans) -> bool:
    """A capitalised word that can be part of a person's name here."""
    if token.kind != "word" or not token.text[:1].isupper() or any(c.isdigit() for c in token.text):
        return False  # "P3Sm", "Dinsos-P2KB": codes of units, never names
    core = token.text.rstrip(".")
    lowered = core.lower()
    if lowered in FUNCTION_WORDS or lowered in MONTHS_AND_DAYS or is_head_word(core):
        return False
    if _REPORTING_VERB_WORD.fullmatch(lowered):
        return False  # "Ditambahkan Budi Santoso, ...", "Dijelaskan Ngalimun Ketua YJP": a verb opening the sentence
    if span_at(spans, token.start) is not None:
        return False
    if _WEB_DOMAIN.search(core):
        return False  # "Karo, MISTAR.ID": an outlet's name after a dateline, not a person's
    if _DOTTED_INITIALS.fullmatch(token.text):
        return True  # "Meidy Y.T. Tinangon": initials inside a name
    if is_role_word(core) and lowered not in NAME_LIKE_ROLE_WORDS and lowered not in ROMAN and len(core) > 2:
        # "Rapat Koordinasi", "Humaspro Setda": a unit or event word is never part of a person's name.
        return False
    return not (is_abbreviation(core) and len(core) >= 3 and not is_honorific(core))


@dataclass(slots=True)
class _Name:
    name: str
    name_text: str
    start: int
    end: int
    aliases: list[str]


def _read_name(text: str, tokens: list[_Token], index: int, spans: RegionSpans) -> tuple[_Name | None, int]:
    """A person's name starting at tokens[index] (honorifics, name words, degrees); also where its words ended."""
    honorific_start: int | None = None
    words: list[_Token] = []
    position = index
    while position < len(tokens):
        token = tokens[position]
        if token.kind != "word":
            break
        glued = _GLUED_TITLES.match(token.text)
        if glued:
            # "Dr.H.Syahril": titles written onto the name without spaces; after other words ("Kunjungan
            # Ny.Rasniathi") they open the name, as a spaced title does.
            if words:
                honorific_start, words = None, []
            honorific_start = token.start if honorific_start is None else honorific_start
            token = _Token("word", token.text[glued.end():], token.start + glued.end(), token.end)
        if words and token.text.rstrip(".") in _TITLES_AFTER_NAME:
            # "H. Afrizal Dt. Rajo Mudo": a Minangkabau adat title follows the name.
            break
        if (is_honorific(token.text) and position + 3 < len(tokens) and tokens[position + 1].kind == "open"
                and tokens[position + 2].text in _HONORIS_CAUSA and tokens[position + 3].kind == "close"):
            # "Dr. (HC) Jhon": the bracket belongs to the title.
            honorific_start = token.start if honorific_start is None else honorific_start
            position += 4
            continue
        if not words and honorific_start is not None and token.text in _RANK_FORCES:
            # "Mayor Jendral TNI (Purn) Hassanudin": the rank's force, and its retirement in brackets.
            position += 1
            if (position + 2 < len(tokens) and tokens[position].kind == "open"
                    and tokens[position + 1].text in _RETIRED and tokens[position + 2].kind == "close"):
                position += 3
            continue
        if is_honorific(token.text) and (not words or _restarts_name(token.text)):
            if words:
                # A title inside the run means the words before it named the unit, not the person; titles just
                # before it ("Teungku H. Ahmad") still open the name.
                honorific_start = token.start
                while words and is_honorific(words[-1].text):
                    honorific_start = words.pop().start
                words = []
            elif honorific_start is None:
                honorific_start = token.start
            position += 1
            continue
        if words and token.text.lower() in NAME_PARTICLES:
            words.append(token)
            position += 1
            continue
        if (words and token.text in _NAME_LIKE_TIME_WORDS and position + 1 < len(tokens)
                and _is_name_word(tokens[position + 1], spans)):
            # "Agus Hari Kesuma": a capitalised time word between two name words is part of the name.
            words.append(token)
            position += 1
            continue
        # "Meidy Y.T. Tinangon": dotted initials followed by a name word are the name's, not a degree ("S.E.").
        initials = (_DOTTED_INITIALS.fullmatch(token.text) is not None and position + 1 < len(tokens)
                    and _is_name_word(tokens[position + 1], spans) and not is_degree(tokens[position + 1].text))
        if words and _region_word_as_surname(tokens, position, spans):
            words.append(token)
            position += 1
            continue
        if not _is_name_word(token, spans) or (words and is_degree(token.text) and not initials):
            break
        words.append(token)
        position += 1
        if _ends_sentence(token.text) or len(words) > _MAX_NAME_TOKENS:
            break
    while words and words[-1].text.lower() in NAME_PARTICLES:
        words.pop()
    if not words or len(words) > _MAX_NAME_TOKENS:
        return None, position
    if all(is_role_word(w.text) for w in words):
        return None, position  # "Karang Taruna", "Timur": unit words that may sit inside names, not a name
    if all(is_degree(w.text) for w in words):
        return None, position  # "Khabib Jabar, S.Sos": the run before the degree was read as the position
    if not any(len(w.text.rstrip(".")) > 2 or (len(w.text) == 2 and not w.text.endswith(".")) for w in words):
        return None, position
    name_end = _strip_dot(words[-1])[1]
    name = " ".join(_strip_dot(w)[0] for w in words)
    start = honorific_start if honorific_start is not None and honorific_start < words[0].start else words[0].start
    end = name_end
    tail = DEGREE_TAIL_RE.match(text, end)
    if tail:
        end = tail.end()
    aliases: list[str] = []
    paren = _PAREN_ALIAS.match(text, end)
    if paren and not is_role_word(paren.group("alias").split()[0]) and span_at(spans, paren.start("alias")) is None:
        aliases.append(paren.group("alias"))
    return _Name(name=name, name_text=text[start:end].rstrip(" ,"), start=start, end=end, aliases=aliases), position


def _comma_apposition(left: re.Match[str]) -> bool:
    """True for an apposition opened by a comma ("Budi, Ketua ...", "Budi, salah satu pengurus ...")."""
    return left.group().lstrip().startswith(",")


def _read_name_backwards(text: str, end: int, spans: RegionSpans) -> _Name | None:
    """A name (with honorifics and degrees) that ends at `end`: the "Muntoha" of "Muntoha, Kepala Dinsos"."""
    tokens = _tokens(text, text.rfind("\n", 0, end) + 1 if end > 0 else 0, end)[-14:]
    position = len(tokens) - 1
    # Degrees sit between the name and the apposition: "Budi, S.Sos, Kepala ...", also spaced ("A. Ks., M. Si").
    while position >= 0:
        if tokens[position].kind == "comma" or is_degree(tokens[position].text):
            position -= 1
        elif position > 0 and is_spaced_degree(tokens[position - 1].text, tokens[position].text):
            position -= 2
        else:
            break
    last = position
    while position >= 0:
        token = tokens[position]
        if token.kind != "word":
            break
        if position < last and _ends_sentence(token.text):
            break
        if not (_is_name_word(token, spans) or is_honorific(token.text)
                or (position < last and token.text.lower() in NAME_PARTICLES)):
            break
        position -= 1
    first = position + 1
    while first <= last and (tokens[first].text.lower() in NAME_PARTICLES
                             or tokens[first].text.rstrip(".").lower() in FUNCTION_WORDS):
        first += 1
    if first > last:
        return None
    name, _ = _read_name(text, tokens[: last + 1], first, spans)
    if name is None or name.end < tokens[last].end - 1:
        return None
    return name


def _name_right_before(text: str, end: int, spans: RegionSpans) -> _Name | None:
    """The name ending just before `end`, with nothing but spaces and commas between."""
    name = _read_name_backwards(text, end, spans)
    return None if name is None or text[name.end:end].strip(" ,") else name


def _speaker_before(text: str, end: int, spans: RegionSpans, specific: bool) -> _Name | None:
    """The person a position written after their name belongs to, when the sentence is about that person.

    "kata Heri Santoso, sekretaris LKKS", "Menurut Budi, ketua, ..." and the caption "Hj Dewi Lestari Ketua LKKS
    Jambi berdiskusi ...": after a speech verb; as a passive act's agent with a title or two name words; or
    opening the sentence with a title, two name words, or one name word before a position that names its body
    ("Mukhlis, ketua LKKS Bireuen, ...").
    """
    name = _name_right_before(text, end, spans)
    if name is None:
        return None
    paragraph_start = text.rfind("\n", 0, name.start) + 1
    before = text[max(paragraph_start, name.start - 40):name.start]
    titled = name.name_text[:1] != name.name[:1] or len(name.name.split()) >= 2
    if _SPEECH_VERB_BEFORE.search(before) or (titled and _AGENT_BEFORE.search(before)):
        # A passive act's agent too: "dibuka oleh H. M. Ridwan Ketua Forum Panti Asuhan Jombang".
        return name
    opens_sentence = not text[paragraph_start:name.start].strip() or _SENTENCE_END_BEFORE.search(before) is not None
    # A lone sentence-opening word before a comma is often an adverb ("Sebelumnya,", "Karenanya,").
    named = titled or (specific and not _ADVERB_LIKE.match(name.name))
    return name if opens_sentence and named else None


def _unit_tail(text: str, name: _Name, spans: RegionSpans) -> bool:
    """True for one capitalised word right after a unit word: "Kejaksaan Tinggi, Kepala Kanwil ..." names no one."""
    if " " in name.name or name.name_text != name.name:
        return False
    before = _tokens(text, text.rfind("\n", 0, name.start) + 1, name.start)
    if not before or before[-1].end < name.start - 1:
        return False
    word = before[-1].text
    return word[:1].isupper() and not _ends_sentence(word) and is_role_word(word) and not is_head_word(word)


# A list item "<position> <name>": a head word, then capitalised words only, up to the name.
_POSITION_RUN_BEFORE = re.compile(r",[ \t]*(?P<run>[A-Z][\w.()/-]*(?:[ \t]+[A-Z][\w.()/-]*){0,8})[ \t]+$")


def _titled_in_list(text: str, name_start: int) -> bool:
    """True when a capitalised position right before the name, opening a comma-separated item, holds it."""
    paragraph_start = text.rfind("\n", 0, name_start) + 1
    before = _POSITION_RUN_BEFORE.search(text, max(paragraph_start, name_start - 90), name_start)
    return before is not None and HEAD_RE.match(before.group("run")) is not None


def _agent_before(text: str, end: int, spans: RegionSpans) -> _Name | None:
    """The name just before `end` when it is a passive act's agent: "diserahkan oleh Fiyanti Mala Ayi, ..."."""
    name = _name_right_before(text, end, spans)
    if name is None or len(name.name.split()) < 2:
        return None
    return name if _AGENT_BEFORE.search(text, max(0, name.start - 20), name.start) else None


def _reported_speaker(text: str, end: int, spans: RegionSpans) -> _Name | None:
    """The name just before `end` when a reporting verb ("kata", "dikatakan oleh") introduces it."""
    name = _name_right_before(text, end, spans)
    if name is None:
        return None
    paragraph_start = text.rfind("\n", 0, name.start) + 1
    return name if _SPEECH_VERB_BEFORE.search(text, max(paragraph_start, name.start - 40), name.start) else None


def _district_length(words: str) -> int:
    """How many leading words of a run after "Camat" name a known district ("Kebon Jeruk"); 1 when none do."""
    parts = words.split()
    for size in range(len(parts), 1, -1):
        phrase = " ".join(parts[:size])
        found = gazetteer.find_districts(f"Kecamatan {phrase}")
        if found and found[0][1] == len("Kecamatan ") + len(phrase):
            return size
    return 1


def _role_region(text: str, role_start: int, role_end: int, kind: RoleKind, spans: RegionSpans,
                 context_province: str | None) -> str | None:
    """The region a role names itself, adjusted to the level the position implies (Wali Kota -> a kota)."""
    inside = spans.within(role_start, role_end)
    if not inside:
        return None
    chosen = inside[-1]
    if chosen.level == "provinsi":
        # "Ketua K3S Kabupaten Kampar, Provinsi Riau": the province only places the regency named before it.
        chosen = next((r for r in reversed(inside) if r.level != "provinsi" and r.code.startswith(chosen.code + ".")),
                      chosen)
    if kind in PROVINCIAL_KINDS:
        return province_of(chosen.code)
    wanted = "kota" if kind in CITY_KINDS else "kabupaten" if kind in REGENCY_KINDS else None
    if wanted and chosen.level != wanted:
        base = re.sub(r"^(?:Kota|Kabupaten|Kab\.)\s+", "", text[chosen.start:chosen.end])
        region = gazetteer.resolve(f"{'Kota' if wanted == 'kota' else 'Kabupaten'} {base}",
                                   context_province=context_province)
        if region is not None:
            return str(region.code)
    return chosen.code


def _fallback_region(kind: RoleKind, role: str, regions: list[RegionMention]) -> str | None:
    """The article's own region for a role that names none ("Gubernur" in an article about Kalsel)."""
    if kind in NATIONAL_KINDS or (kind == "legislator" and not re.search(r"\bDPR[DKA]\b", role)):
        return None
    if kind in PROVINCIAL_KINDS:
        chosen = dominant_province(regions)
    elif kind in REGENCY_KINDS:
        chosen = dominant_local(regions, "kabupaten")
    elif kind in CITY_KINDS:
        chosen = dominant_local(regions, "kota")
    else:
        chosen = dominant_region(regions)
    return chosen.code if chosen is not None else None


@dataclass(slots=True)
class _Scan:
    """Where a position's words end and what follows them."""

    role_end: int
    excluded: list[tuple[int, int]]
    next_index: int
    after_comma: bool
    last_role_word: str
    name_possible: bool
    nickname: bool = False


def _is_unit_marker(token: _Token, spans: RegionSpans) -> bool:
    """A word only an office or a body is named with: a unit word, an organisation abbreviation, a region."""
    if token.kind != "word" or is_honorific(token.text) or is_degree(token.text):
        return False
    if span_at(spans, token.start) is not None:
        return True
    core = token.text.rstrip(".")
    if core.lower() in ROMAN or core.lower() in NAME_LIKE_ROLE_WORDS:
        return False
    # Two capitals may be a father's initials after a name ("Abdul Rahman AR"); longer ones name a body.
    return is_role_word(core) or (is_abbreviation(core) and (len(core) >= 3 or core in _SHORT_BODY_ABBREVIATIONS))


_OPENING_QUOTES = frozenset('"“')
_CLOSING_QUOTES = frozenset('"”')
_MAX_QUOTED_NAME = 5


def _quoted_name_end(tokens: list[_Token], index: int) -> int | None:
    """Index of the closing quote of a short capitalised name quoted at tokens[index] ("“Mulya Jaya”"), else None."""
    if tokens[index].kind != "other" or tokens[index].text not in _OPENING_QUOTES:
        return None
    for k in range(index + 1, min(len(tokens), index + _MAX_QUOTED_NAME + 2)):
        token = tokens[k]
        if token.kind == "other" and token.text in _CLOSING_QUOTES:
            return k if k > index + 1 else None
        if token.kind != "word" or not (token.text[:1].isupper() or token.text.lower() in NAME_PARTICLES):
            return None
    return None


def _bracket_close(tokens: list[_Token], index: int) -> int | None:
    """Index of the ")" closing the "(" at `index`, looked for over a few tokens."""
    return next((k for k in range(index + 1, min(len(tokens), index + 8)) if tokens[k].kind == "close"), None)


def _unit_run_end(tokens: list[_Token], index: int, spans: RegionSpans) -> int | None:
    """Where a run of capitalised words that opens with a non-unit word ends in a unit word; None without one.

    Office and body names are title case and may hold words no list knows ("Kabag Humaspro Setda",
    "Kepala LRSLU Minaula Kendari Syamsuddin"): a run that reaches a unit word or region before its comma or
    lower-case word belongs to the position, and only what follows the last such word can be the person.
    """
    last_marker: int | None = None
    position = index
    while position < len(tokens) and position - index < _MAX_UNIT_RUN:
        token = tokens[position]
        if token.kind == "open":
            close = _bracket_close(tokens, position)
            if close is None:
                break
            if close > position + 1 and all(is_abbreviation(t.text) for t in tokens[position + 1:close]):
                # "Perkumpulan Keluarga Penyandang Disabilitas (PKPD)", "Keluarga Harapan (PDP PKH)": a run the writer
                # abbreviates names a body.
                last_marker = close
            position = close + 1
            continue
        if token.kind == "other" and token.text in "/-&–":
            position += 1
            continue
        if token.kind != "word":
            break
        if token.text.lower() in _RUN_CONNECTORS and last_marker is not None:
            position += 1
            continue
        if not token.text[:1].isupper() or is_honorific(token.text) or is_head_word(token.text):
            break
        region = _region_at(spans, token)
        if region is not None:
            while position + 1 < len(tokens) and tokens[position + 1].start < region.end:
                position += 1
            last_marker = position
        elif _is_unit_marker(token, spans):
            last_marker = position
        if _ends_sentence(tokens[position].text):
            break
        position += 1
    return None if last_marker is None else last_marker + 1


def _region_at(spans: RegionSpans, token: _Token) -> RegionSpan | None:
    """The region span a word opens, also behind the "all of" prefix: "se-Kota Palu", "se-Jawa Tengah"."""
    region = span_at(spans, token.start)
    if region is None and token.text[:3].lower() == "se-":
        region = span_at(spans, token.start + 3)
    return region


def _scan_role(text: str, tokens: list[_Token], head: str, spans: RegionSpans, role_end: int) -> _Scan:
    """Walk over unit words, regions, connectors and abbreviations in brackets that continue a position."""
    excluded: list[tuple[int, int]] = []
    last_role_word = head.split()[-1].lower()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "word" and token.text.lower() == "yang":
            clause = _ROLE_CLAUSE.match(text, token.start)
            if clause is None:
                return _Scan(role_end, excluded, index, False, last_role_word, True)
            # "Ketua LKKS Kendal yang baru, Murdoko"; "Bupati Tanbu yang akrab disapa Abah Zairullah Azhar".
            resume = next((k for k in range(index, len(tokens)) if tokens[k].start >= clause.end()), len(tokens))
            after_comma = clause.group().rstrip().endswith(",")
            return _Scan(role_end, excluded, resume, after_comma, last_role_word, True,
                         nickname=clause.group("nick") is not None)
        if token.kind == "word":
            region = _region_at(spans, token)
            if region is not None:
                role_end = max(role_end, region.end)
                while index < len(tokens) and tokens[index].start < region.end:
                    index += 1
                if (index < len(tokens) and tokens[index].kind == "word"
                        and tokens[index].text.lower() in REGION_TAIL_WORDS
                        and (index + 1 == len(tokens) or not tokens[index + 1].text[:1].isupper())):
                    # "Ketua HRC Malang Raya, Setiawan": "greater Malang", still the region; not "Riau Raya Pribadi",
                    # where a name goes on.
                    role_end = tokens[index].end
                    index += 1
                last_role_word = ""
                if _ends_sentence(tokens[index - 1].text):
                    return _Scan(role_end, excluded, index, False, last_role_word, False)
                continue
            lowered = token.text.lower()
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if len(token.text) == 1 and token.text.isupper() and (
                    (following is not None and following.kind == "word"
                     and (is_abbreviation(following.text) or is_role_word(following.text)))
                    or (index > 0 and tokens[index - 1].text.lower() == "komisi")):
                # "Komisi E DPRD", "Seksi B Dinsos"; a council's commissions are lettered ("Ketua Komisi D, Supratman").
                role_end = token.end
                index += 1
                continue
            if lowered == "jenderal" and index > 0 and tokens[index - 1].text.lower() in _GENERAL_UNITS:
                # "Sekretaris Direktorat Jenderal ...": part of the unit, not a military rank before a name.
                role_end = token.end
                last_role_word = lowered
                index += 1
                continue
            if lowered == "setempat":
                # "Kepala Dinsos setempat, Afnil": "local", the region the article is about.
                role_end = token.end
                index += 1
                continue
            if lowered in _TENURE_WORDS and following is not None and following.kind == "word" and (
                    following.text.lower() in _TENURE_WORDS or following.text[:1].isdigit()):
                # "Ketua FLKS Kepri periode 2020-2025, Hj. Zuraida Harun"
                while index < len(tokens) and tokens[index].kind == "word" and (
                        tokens[index].text.lower() in _TENURE_WORDS or tokens[index].text[:1].isdigit()):
                    role_end = tokens[index].end
                    index += 1
                    if tokens[index - 1].text.endswith("."):
                        return _Scan(role_end - 1, excluded, index, False, "", False)
                last_role_word = ""
                continue
            if token.text == "I" and following is not None and following.text.lower().rstrip(".") in BALINESE_NAME_WORDS:
                # "Wakil Bupati I Wayan Artha": the Balinese name prefix, not a numbered deputy.
                return _Scan(role_end, excluded, index, False, last_role_word, True)
            if lowered in _INTRODUCERS and following is not None and following.text[:1].isupper():
                return _Scan(role_end, excluded, index + 1, True, last_role_word, True)
            if (lowered in _INTRODUCERS and following is not None and following.kind == "comma"
                    and index + 2 < len(tokens) and tokens[index + 2].text[:1].isupper()):
                # "Ketua Fornas LKSA-PSAA terbaru yakni, Drs. H. Yanto"
                return _Scan(role_end, excluded, index + 2, True, last_role_word, True)
            if (lowered in _NEWLY and following is not None and following.kind == "word"
                    and following.text.lower() in _INTRODUCERS):
                index += 1  # "Ketua ... terbaru yakni X"
                continue
            if (lowered in _DOUBLE_POST and following is not None and following.kind == "word"
                    and is_head_word(following.text)):
                # "Ketua Forum Panti Asuhan sekaligus pemilik panti Baitul Rahim, Bahar": one holder of both posts.
                index += 1
                continue
            if lowered in _CONNECTORS:
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                if following is not None and following.kind == "word" and not (
                        lowered == "di" and following.text.lower() in _VENUES) and (
                        is_role_word(following.text) or span_at(spans, following.start) is not None
                        or is_abbreviation(following.text)
                        or (lowered in _RUN_CONNECTORS and _unit_run_end(tokens, index + 1, spans) is not None)
                ) and not is_head_word(following.text):
                    # "Kepala Bidang Keagamaan dan Swadaya Sosial Dinsos Surabaya": more of the unit's name.
                    index += 1
                    continue
                return _Scan(role_end, excluded, index, False, last_role_word, False)
            if not is_honorific(token.text) and (is_role_word(token.text) or is_abbreviation(token.text)):
                if _ends_sentence(token.text):
                    return _Scan(token.end - 1, excluded, index + 1, False, last_role_word, False)
                role_end = token.end
                last_role_word = lowered.rstrip(".")
                index += 1
                continue
            # A governor, regent or mayor heads a region, not a named unit: "Gubernur Suhardi Duka (SDK)".
            run_end = (None if is_honorific(token.text) or _classify_role(head) in _REGION_HEAD_KINDS
                       else _unit_run_end(tokens, index, spans))
            if run_end is not None:
                role_end = tokens[run_end - 1].end
                last_role_word = tokens[run_end - 1].text.lower().rstrip(".")
                index = run_end
                if _ends_sentence(tokens[run_end - 1].text):
                    return _Scan(role_end - 1, excluded, index, False, last_role_word, False)
                continue
            return _Scan(role_end, excluded, index, False, last_role_word, True)
        quoted_end = _quoted_name_end(tokens, index)
        if quoted_end is not None:
            # "Kepala BRSAMPK “Handayani” Jakarta", "Ketua Yayasan “Cinta Kasih”": a unit's own name in quotes.
            role_end = tokens[quoted_end].end
            last_role_word = ""
            index = quoted_end + 1
            continue
        if token.kind == "open":
            close = _bracket_close(tokens, index)
            inner = tokens[index + 1:close] if close is not None else []
            if close is not None and inner and all(
                    (t.kind == "word" and (is_role_word(t.text) or is_abbreviation(t.text)
                                          or span_at(spans, t.start) is not None))
                    or (t.kind == "other" and t.text in "-/&") for t in inner):
                excluded.append((token.start, tokens[close].end))
                role_end = tokens[close].end
                last_role_word = inner[-1].text.lower()
                index = close + 1
                continue
            if (close == index + 2 and tokens[index + 1].kind == "word" and tokens[index + 1].text[:1].isupper()
                    and close + 1 < len(tokens) and (is_honorific(tokens[close + 1].text)
                                                     or _is_name_word(tokens[close + 1], spans)
                                                     or _is_unit_marker(tokens[close + 1], spans))):
                # "Gubernur Riau (Gubri) H Syamsuar", "Bidang Rehabilitasi Sosial (Resos) Dinas Sosial": the
                # position's or unit's own short form, then more of the unit or its holder.
                excluded.append((token.start, tokens[close].end))
                index = close + 1
                continue
            holder = _bracket_holder(text, tokens, index, spans)
            # A scan resumed right at a bracket follows words just read as a name: a familiar form of address
            # there is their nickname ("Menteri Sosial Saifullah Yusuf (Gus Ipul)"), not a holder.
            if holder is not None and not (index == 0 and _familiar_nickname(holder)):
                # "Sekretaris Dinsos Kalteng (Drs. Budi Santoso)": the holder written in brackets.
                return _Scan(role_end, excluded, index + 1, True, last_role_word, True)
            return _Scan(role_end, excluded, index, False, last_role_word, False)
        if token.kind == "comma":
            if _continues_after_comma(tokens, index + 1, spans):
                index += 1
                continue
            return _Scan(role_end, excluded, index + 1, True, last_role_word, True)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if (token.text == "/" and index > 0 and _UNIT_NUMBER.fullmatch(tokens[index - 1].text) and following is not None
                and following.kind == "word" and following.text[:1].isupper() and not is_honorific(following.text)):
            # "Kodim 1408/Makassar", "Danramil 05/Mamajang": a unit number, then the place it covers.
            role_end = following.end
            index += 2
            # "Danramil 11/Medan Deli, Kapten Czi Jem Sinuhaji": a place of more words, up to the comma.
            last = index
            while (last < len(tokens) and last - index < _UNIT_PLACE_WORDS and tokens[last].kind == "word"
                   and tokens[last].text[:1].isupper() and not is_honorific(tokens[last].text)):
                last += 1
            if last > index and last < len(tokens) and tokens[last].kind == "comma":
                role_end, index = tokens[last - 1].end, last
            continue
        if token.text in "/-–" and following is not None and following.kind == "word" and (
                is_role_word(following.text) or is_abbreviation(following.text)
                or span_at(spans, following.start) is not None):
            # "Dandim 0111/Bireuen", "Dinsos - P2KB"
            index += 1
            continue
        return _Scan(role_end, excluded, index, False, last_role_word, False)
    return _Scan(role_end, excluded, index, False, last_role_word, False)


def _bracket_holder(text: str, tokens: list[_Token], index: int, spans: RegionSpans) -> _Name | None:
    """A person's name filling the bracket opened at tokens[index]: "(Drs. Budi Santoso)", "(Reny Lestari, SP)".

    A bare single word ("(Persero)", "(Jateng)") is no proof of a person: a title, a degree or two name words are.
    """
    if index >= len(tokens) or tokens[index].kind != "open":
        return None
    close = next((k for k in range(index + 1, min(len(tokens), index + 18)) if tokens[k].kind in ("close", "open")),
                 None)
    if close is None or tokens[close].kind != "close" or close == index + 1:
        return None
    name, _ = _read_name(text, tokens[index + 1:close], 0, spans)
    if name is None or name.start != tokens[index + 1].start or text[name.end:tokens[close].start].strip(" ,."):
        return None
    titled = name.name_text[:1] != name.name[:1] or len(name.name.split()) >= 2 or name.name_text != name.name
    return name if titled else None


def _familiar_nickname(name: _Name) -> bool:
    """True for one name word after a familiar form of address: "Gus Ipul", "Mbak Arumi"."""
    words = name.name_text.split()
    return len(words) == 2 and words[0] in FAMILIAR_ADDRESS and len(name.name.split()) == 1


def _named_as_institution_elsewhere(text: str, start: int, end: int) -> bool:
    """True when the words text[start:end] stand elsewhere in the article with no position word just before them."""
    run = text[start:end]
    position = text.find(run)
    while position >= 0:
        if position != start:
            before = text[max(0, position - 40):position].replace("(", " ").replace(")", " ").split()
            if not any(is_head_word(word.strip(",.")) for word in before[-3:]):
                return True
        position = text.find(run, position + 1)
    return False


_ACTING_WORDS = tuple(phrase for phrase in ACTING_PHRASES if " " not in phrase)


def _continues_after_comma(tokens: list[_Token], index: int, spans: RegionSpans) -> bool:
    """A comma inside a long office name: what follows is more of the unit, not the person.

    "Kepala Dinas Sosial, Pemberdayaan Perempuan, dan Perlindungan Anak, Roni" or "Ketua K3S Kabupaten Kampar,
    Provinsi Riau Muslimahwati": a unit word, a region, or a capitalised run ending in one.
    """
    if index < len(tokens) and tokens[index].kind == "word" and tokens[index].text.lower() in _RUN_CONNECTORS:
        index += 1
    if index >= len(tokens) or tokens[index].kind != "word":
        return False
    following = tokens[index]
    if not following.text[:1].isupper() or is_head_word(following.text) or is_honorific(following.text):
        return False
    if (following.text.lower().rstrip(".") in ("wakil", *_ACTING_WORDS) and index + 1 < len(tokens)
            and is_head_word(tokens[index + 1].text.replace("kota", ""))):
        # "Mewakili Gubernur, Wakil Gubernur Victor ...", "Kadinsos Benyamin San, PLH Ketua Dharma Wanita ...": a new
        # position, not more of the unit.
        return False
    if (following.text in ("I", "Ni") and index + 1 < len(tokens)
            and tokens[index + 1].text.lower().rstrip(".") in BALINESE_NAME_WORDS):
        # "Perbekel Desa Sanur Kaja, I Made Sudana": a Balinese name, not a numbered unit.
        return False
    if span_at(spans, following.start) is not None or (
            is_role_word(following.text) and following.text.lower() not in NAME_LIKE_ROLE_WORDS):
        return True
    return _unit_run_end(tokens, index, spans) is not None


def _role_text(text: str, start: int, end: int, excluded: list[tuple[int, int]]) -> str:
    """The role as written, without bracketed abbreviations and trailing punctuation."""
    pieces: list[str] = []
    cursor = start
    for ex_start, ex_end in excluded:
        pieces.append(text[cursor:ex_start])
        cursor = ex_end
    pieces.append(text[cursor:end])
    return " ".join("".join(pieces).split()).rstrip(" ,.")


def _parse_mention(text: str, match: re.Match[str], spans: RegionSpans, regions: list[RegionMention],
                   org_regions: list[tuple[int, int, str | None]], context_province: str | None,
                   ) -> tuple[_Mention | None, int]:
    """The position opened by a head match and the person it names; also where parsing ended."""
    head = match.group("head")
    head_start = match.start("head")
    capitalised = head[:1].isupper()
    if not capitalised and head.split()[0].lower() in ABBREVIATED_HEADS:
        return None, match.end()
    if _NOT_A_PERSON_BEFORE.search(text, max(0, match.start() - 25), match.start()):
        # "Surat Keputusan Gubernur ...", "Kantor Bupati ...": the office, not its holder.
        return None, match.end()
    if not _CAPITAL_SOON.match(text, match.end()):
        spelled_apposition = _SPELLED_APPOSITION.search(text, max(0, match.start() - 40), match.start())
        after_comma = text[max(0, match.start() - 3):match.start()].rstrip().endswith(",")
        if (not capitalised and spelled_apposition is None and not after_comma
                and not _TENURE_AFTER.match(text, match.end())):
            return None, match.end()
        # "Yusuf selaku ketua pelaksana menyampaikan": lower-case unit words still continue the position, not
        # a word of time ("Rahmi ketua sebelumnya").
        tokens = list(itertools.takewhile(
            lambda t: t.kind == "word" and t.text.lower() not in _TENURE_WORDS and is_role_word(t.text),
            _tokens(text, match.end(), match.end() + _LOWER_ROLE_REACH)))
    else:
        tokens = _tokens(text, match.end(), match.end() + _WINDOW)
    scan = _scan_role(text, tokens, head, spans, match.end())
    role_end = scan.role_end
    name: _Name | None = None
    consumed = role_end
    if scan.name_possible and not scan.after_comma and scan.last_role_word in PROPER_NAME_UNITS:
        # "Panti Asuhan Ade Irma Suryani Hendrati": a hero's name the institution carries is part of the unit.
        honoured = eponym_length([t.text for t in tokens[scan.next_index:scan.next_index + 6]])
        if honoured:
            offset = scan.next_index + honoured
            rest = _scan_role(text, tokens[offset:], head, spans, tokens[offset - 1].end)
            scan = _Scan(rest.role_end, scan.excluded + rest.excluded, offset + rest.next_index, rest.after_comma,
                         "", rest.name_possible, scan.nickname)
            role_end = scan.role_end
    referred = (scan.next_index < len(tokens) - 1 and scan.role_end > match.end()
                and tokens[scan.next_index].text.lower() in _DEMONSTRATIVES)
    if referred:
        # "Koordinator Panti Sosial tersebut Wayan Suanta", "Ketua LKS itu, Budi": a unit named before, then its holder.
        after = scan.next_index + 1
        comma = tokens[after].kind == "comma"
        scan.next_index, scan.after_comma, scan.name_possible = after + comma, comma, True
    if scan.name_possible and scan.next_index < len(tokens):
        name, stop = _read_name(text, tokens, scan.next_index, spans)
        holder = (_bracket_holder(text, tokens, stop, spans)
                  if name is not None and not scan.after_comma and name.name_text == name.name else None)
        if (name is not None and holder is not None and holder.name_text != holder.name
                and not _familiar_nickname(holder)):
            # "Kepala Seksi ... Pengumpulan Sumbangan (Reny Lestari, SP)": the words before the titled holder in
            # brackets end the unit; an untitled bracket after a name is a nickname ("H. Muhidin (Paman Birin)"),
            # and so is one name word after a familiar address ("Saifullah Yusuf (Gus Ipul)").
            role_end, name, scan.after_comma = name.end, holder, True
        first = tokens[scan.next_index]
        if name is not None and name.start > first.start and not scan.after_comma:
            # Words dropped before a title belong to the unit ("Ketua Yayasan Nurul Iman H. Ahmad").
            role_end = max(t.end for t in tokens if t.end <= name.start)
        # "Wakil Dekan III Sumardani": a numbered deputy's number, not a place, comes before the person.
        place_head = head.split()[-1].lower() in _PLACE_HEADS and scan.last_role_word not in ROMAN
        institution = (scan.last_role_word in PROPER_NAME_UNITS
                       and not _GENERIC_UNIT_END.search(text, head_start, role_end)) or place_head
        if (name is not None and not scan.after_comma and not referred and name.start == first.start
                and not is_honorific(first.text) and (institution or scan.last_role_word in _NAMED_UNIT_ENDINGS)):
            # After "Yayasan"/"Panti Asuhan"/"Camat" the first words name the institution or place; what follows
            # (its region, a comma) leads to the person.
            # Degrees read with the run show it was the person after all.
            resume = next((i for i in range(stop, len(tokens)) if tokens[i].start >= name.end), len(tokens))
            rest = _scan_role(text, tokens[resume:], head, spans, name.end)
            later = None
            if resume == stop and rest.name_possible and (rest.after_comma or rest.role_end > name.end):
                later = _read_name(text, tokens, resume + rest.next_index, spans)[0]
            if later is not None:
                role_end, name = rest.role_end, later
            elif rest.role_end > name.end:
                # "Manajer PT Maju Jaya (Persero) menyerahkan ...": the unit goes on past these words, so they
                # named the institution, and no person follows.
                role_end, name = rest.role_end, None
            elif institution and len(name.name.split()) >= 2:
                # The institution's own name takes one word, two after an Arabic article or construct ("Nurul Iman").
                length = 2 if first.text.lower() in ARABIC_NAME_OPENERS else 1
                while (length < len(name.name.split())
                       and tokens[scan.next_index + length].text.lower() in INSTITUTION_NAME_WORDS):
                    length += 1
                if head.lower().endswith("camat"):
                    length = max(length, _district_length(name.name))
                role_end = tokens[scan.next_index + length - 1].end
                # "Panti Asuhan Santa Susana dalam ...": an opener's two words are all the run, and no person follows.
                name = _read_name(text, tokens, scan.next_index + length, spans)[0] if len(
                    name.name.split()) > length else None
                if name is not None and _named_as_institution_elsewhere(text, first.start, name.end):
                    # "Pembina LKS Nur Hasan" beside "(LKS) Nur Hasan menyerahkan santunan": the whole run is the
                    # institution's name, as the article writes it with no position before it.
                    role_end, name = name.end, None
            elif institution:
                role_end, name = name.end, None
        if (name is not None and scan.after_comma and _OWN_APPOSITION.match(text, name.end)
                and _SPELLED_APPOSITION.search(text, max(0, match.start() - 40), match.start())):
            # "A sebagai Ketua Harian, B sebagai Sekretaris": B has a position of their own; this one is A's.
            name = None
        selaku = _SELAKU_BEFORE.search(text, max(0, match.start() - 25), match.start())
        if (name is not None and selaku is not None and not _OWN_APPOSITION.match(text, name.end)
                and _name_right_before(text, selaku.start(), spans) is not None):
            # "oleh Lifyarman selaku Kepala Seksi ..., Dedi Irawan dan ...", "Fatimah sebagai salah satu pengurus
            # panti dari PAM Nanggulan": "selaku"/"sebagai" follows its holder; names after the position are
            # companions or the body's own name.
            name = None
        if (name is not None and not scan.after_comma and " " not in name.name and stop < len(tokens)
                and scan.last_role_word and tokens[stop].kind == "comma" and tokens[stop].start == name.end
                and _continues_after_comma(tokens, stop + 1, spans)):
            # "Kepala Bidang dari Dinas Penanaman Modal, Pelayanan Terpadu ...": a word the office list goes on
            # after is the office's, not a person's. An office closed by its region ("Sekda Jateng Sumarno, DPRD
            # Jateng") is complete: the word after it is its holder.
            name = None
        if name is not None and not scan.after_comma and _DEMONSTRATIVE_AFTER.match(text, name.end):
            name = None
        if (name is not None and not scan.after_comma and " " not in name.name and scan.role_end == match.end()
                and name.start == first.start and head.split()[-1].lower() in _BODY_HEADS
                and stop + 1 < len(tokens) and tokens[stop].kind == "comma" and tokens[stop].start == name.end):
            # "Ketua Forpama, Wibowo, menyambut ...": one unknown word after a bare head is its body's short name
            # when a name closed by its own comma follows.
            holder, after = _read_name(text, tokens, stop + 1, spans)
            if holder is not None and (after == len(tokens) or tokens[after].kind == "comma"
                                       or _ends_sentence(tokens[after - 1].text)):
                role_end, name = name.end, holder
        if (name is not None and not scan.after_comma and name.start == first.start
                and (left := _APPOSITION_LEFT.search(text, max(0, match.start() - 60), match.start())) is not None
                and _comma_apposition(left)
                and (_speaker_before(text, left.start(), spans, False) is not None
                     or _agent_before(text, left.start(), spans) is not None)):
            # "kata Taufiq Ridwan, Ketua LKS-LU Lamin ne' etam": the speaker before the comma holds the position,
            # so the words right after its unit are the unit's own name.
            role_end, name = name.end, None
        addressed = _ADDRESSED_AFTER.match(text, name.end) if name is not None and not scan.after_comma else None
        if name is not None and addressed is not None:
            # "Kepala PPSA Woro Wiloso, Bapak Suyanto": the words after the unit were its own name; the person is
            # the one addressed as Bapak/Ibu after the comma.
            resume = next((i for i, t in enumerate(tokens) if t.start >= addressed.start(1)), len(tokens))
            person = _read_name(text, tokens, resume, spans)[0]
            if person is not None:
                role_end, name = name.end, person
        origin = _ORIGIN_AFTER.match(text, name.end) if name is not None and not scan.after_comma else None
        if name is not None and origin is not None:
            person = _read_name(text, _tokens(text, origin.end(), origin.end() + _WINDOW), 0, spans)[0]
            if person is not None and person.start == origin.end():
                role_end, name = name.end, person
        if name is not None and scan.nickname and len(name.name.split()) < 2:
            # A one-word nickname ("yang akrab disapa Aaf") is an alias of the holder, attached later.
            name = None
        if name is not None:
            consumed = name.end
    committee = _COMMITTEE_CHAIR.match(text, head_start)
    if (name is not None and committee is not None and " " not in name.name and not scan.after_comma
            and role_end > committee.end() and text.startswith(", ", name.end)):
        # "Ketua Panitia Natal Ikaljatim, Monika Antoh": one word after the committee's event and before the comma
        # ends the event's name; the holder follows the comma. "Ketua Panitia Sukardi, Budi ..." names its chair.
        name = None
    if name is None and not scan.after_comma and committee is not None:
        # "Ketua Panitia penyelenggara Munas ke-2 Fornas LKSA, Syaiful Islami": a committee is named after its
        # event, in words of any kind; the holder follows the comma that ends them.
        described = _EVENT_DESCRIPTION.match(text, role_end)
        if described is not None and not _NOT_A_DESCRIPTION.search(described.group(1)):
            following = _tokens(text, described.end(), described.end() + _WINDOW)
            holder, _ = _read_name(text, following, 0, spans)
            if holder is not None and holder.start == following[0].start:
                role_end, name = role_end + len(described.group(1).rstrip()), holder
                consumed = name.end
    role = _role_text(text, head_start, role_end, scan.excluded)
    if head.lower().endswith("nya"):
        role = head[:-3] + role[len(head):]
    kind = _classify_role(role)
    if kind == "other" and _THROUGH_SOCIAL_OFFICE.search(text, max(0, match.start() - 80), match.start()):
        # "Kepala Dinas Sosial Sultra melalui Kepala Seksi (Kasi) Mulfasari": the head speaks through their own staff.
        words = role.lower().split()
        kind = _BARE_OFFICE_KINDS.get(" ".join(words[:2]), _BARE_OFFICE_KINDS.get(" ".join(words[:1]), kind))
    if _FORMER_BEFORE.search(text, max(0, match.start() - 12), match.start()):
        # "Mantan wakil wali kota Pekalongan, Abu, ditunjuk sebagai ketua LKKS", "calon Gubernur Sulteng, Longki":
        # not the post held now; a later position of the same person replaces it.
        kind = "other"
    region_code = _role_region(text, head_start, role_end, kind, spans, context_province)
    if region_code is None:
        inside = [code for start, _, code in org_regions if head_start <= start < role_end and code]
        region_code = inside[-1] if inside and kind not in NATIONAL_KINDS else _fallback_region(kind, role, regions)
    mention = _Mention(start=match.start(), end=role_end, role=role, role_kind=kind,
                       acting=bool(match.group("acting")), region_code=region_code, capitalised=capitalised,
                       nickname=scan.nickname and name is not None)
    if name is None:
        left = _APPOSITION_LEFT.search(text, max(0, match.start() - 60), match.start())
        # "Hj. Rosnida Chaniago sebagai ketua": a spelled-out connector admits a lower-case position.
        lower_apposition = (left is not None and _comma_apposition(left) and role_end > match.end()
                            and kind != "other")
        backwards = _read_name_backwards(text, left.start(), spans) if lower_apposition and left is not None else None
        if left is not None and (capitalised or left.group()[:1].isalpha()):
            name = _read_name_backwards(text, left.start(), spans)
            if name is not None and (_unit_tail(text, name, spans)
                                     or (_comma_apposition(left) and _titled_in_list(text, name.start))):
                # "Kejaksaan Tinggi, Kepala Kanwil ...": the end of an institution's name, no holder. "Kabid
                # Kepesertaan BPJS Kota Medan Supriyanto Syaputra, Ketua Forum LKSA beserta ...": in a list of
                # positions each before its holder, an unnamed position after a comma is the next item.
                name = None
        elif backwards is not None and " " in backwards.name:
            # "Vici Yulian, penyuluh sosial madya Dinsos Aceh": a lower-case position naming its office after a
            # comma; one capitalised word there may only open the sentence ("Karenanya, ketua LKKS Kendal").
            name = backwards
        elif left is not None or capitalised:
            name = _speaker_before(text, left.start() if left is not None else match.start(), spans,
                                   role_end > match.end())
        elif role_end > match.end() and (spoken := _reported_speaker(text, match.start(), spans)) is not None:
            # "dikatakan Edy Santoso ketua LKKS Jateng": a lower-case position naming its body right after a
            # speaker the sentence reports.
            name = spoken
        elif _TENURE_AFTER.match(text, match.end()):
            # "Dasren ketua sebelumnya", "Rahmi pengurus lama": a tenure word marks a position after its holder.
            name = _read_name_backwards(text, match.start(), spans)
            if name is not None and text[name.end:match.start()].strip():
                name = None
        if name is not None:
            mention.start = name.start
    if name is not None:
        mention.name, mention.name_text, mention.aliases = name.name, name.name_text, name.aliases
        mention.end = max(mention.end, name.end)
    return mention, max(consumed, role_end)


def _mentions(article: ArticleText, regions: list[RegionMention]) -> list[_Mention]:
    """Every position mention in the kept text, in order."""
    text = article.text
    spans = region_spans(text)
    province = dominant_province(regions)
    context_province = province.code if province is not None else None
    orgs = find_org_mentions(article, regions)
    org_regions = [(m.start, m.end, m.organization.region_code) for m in orgs]
    headline_ranges = [(start, start + len(p.text)) for start, p in zip(article.starts, article.paragraphs, strict=True)
                       if looks_like_headline(p.text)]
    found: list[_Mention] = []
    position = 0
    while True:
        match = HEAD_RE.search(text, position)
        if match is None:
            break
        if any(start <= match.start() < end for start, end in headline_ranges):
            position = match.end()
            continue
        if text[match.start() - 1:match.start()] == "(" and text[match.end():match.end() + 1] == ")":
            position = match.end()  # "Tenaga Kesejahteraan Sosial Kecamatan (TKSK)": a unit's abbreviation
            continue
        mention, position = _parse_mention(text, match, spans, regions, org_regions, context_province)
        position = max(position, match.end())
        if mention is not None:
            found.append(mention)
            if mention.name is not None and (pair := _PAIRED_HEADS.match(mention.role)) is not None:
                found.extend(_split_pair(text, mention, pair, spans))
                continue
            if mention.name is not None and (
                    match.group("head").lower() in _COLLECTIVE_HEADS
                    or _PLURAL_BEFORE.search(text, max(0, match.start() - 20), match.start())):
                found.extend(_fellow_holders(text, mention, spans))
    bodies = [(m.start, m.organization.name) for m in orgs]
    found.extend(_representatives(text, spans, regions, orgs))
    found.extend(_led_by(article, spans, regions, bodies))
    found.extend(_listed_members(article, spans, regions, bodies))
    found.extend(_chosen_to_lead(article, spans, regions, bodies))
    found.extend(_handed_over(article, spans, regions, bodies))
    found.sort(key=lambda m: m.start)
    return found


# "Walikota dan Wakil Walikota Bekasi, Tri Adhianto dan Harris Bobihoe": a region's head and deputy, named in order.
_PAIRED_HEADS = re.compile(
    r"(?P<head>bupati|wali\s*kota|walkot|gubernur)\s+(?:dan|&)\s+(?P<deputy>wakil\s+(?:bupati|wali\s*kota|walkot"
    r"|gubernur))\b(?P<rest>.*)", re.IGNORECASE | re.DOTALL)


def _split_pair(text: str, mention: _Mention, pair: re.Match[str], spans: RegionSpans) -> list[_Mention]:
    """Give the first holder of "Bupati dan Wakil Bupati X" the head's post, and the next name the deputy's."""
    head_role = pair.group("head") + pair.group("rest")
    mention.role, mention.role_kind = head_role, _classify_role(head_role)
    join = _LIST_JOIN.match(text, mention.end)
    names = _read_name_list(text, join.end(), spans)[:1] if join is not None else []
    deputy_role = pair.group("deputy") + pair.group("rest")
    return [replace(mention, start=name.start, end=name.end, role=deputy_role, role_kind=_classify_role(deputy_role),
                    name=name.name, name_text=name.name_text, aliases=list(name.aliases)) for name in names]


def _fellow_holders(text: str, mention: _Mention, spans: RegionSpans) -> list[_Mention]:
    """The other people listed after a shared position's first holder ("staf Kemensos A dan B")."""
    join = _LIST_JOIN.match(text, mention.end)
    if join is None:
        return []
    return [replace(mention, start=name.start, end=name.end, name=name.name, name_text=name.name_text,
                    aliases=list(name.aliases)) for name in _read_name_list(text, join.end(), spans)]


def _representatives(text: str, spans: RegionSpans, regions: list[RegionMention],
                     orgs: list[OrgMention]) -> list[_Mention]:
    """People standing for a social body, named with no position of their own: they work for that body."""
    found: list[_Mention] = []
    for org in orgs:
        kind = _REPRESENTATIVE_KINDS.get(org.organization.kind)
        if kind is None:
            continue
        name: _Name | None = None
        after = _REPRESENTED_BY.match(text, org.end)
        if after is not None:
            tokens = _tokens(text, after.end(), after.end() + _WINDOW)
            name = _read_name(text, tokens, 0, spans)[0] if tokens and not is_head_word(tokens[0].text) else None
            lead = _OWN_LEAD.match(text, name.end) if name is not None else None
            # A position after the name ("A, Kabid Rehsos") is read with that position.
            if lead is not None and HEAD_RE.match(text, lead.end()):
                name = None
        else:
            before = _REPRESENTS.search(text, max(0, org.start - 30), org.start)
            if before is not None:
                name = _name_right_before(text, before.start(), spans)
            elif (origin := _FROM_BEFORE.search(text, max(0, org.start - 12), org.start)) is not None:
                name = _member_before(text, origin.start(), spans)
        if name is not None:
            mention = _role_mention(name, f"Perwakilan {org.organization.name}", regions)
            mention.role_kind = kind
            found.append(mention)
    for match in _cued(_FROM_HOUSE_COMMITTEE, _HOUSE_COMMITTEE_CUE, text):
        if (name := _member_before(text, match.start(), spans)) is not None:
            found.append(_role_mention(name, f"Anggota {match.group(1)}", regions))
    for match in _cued(_HOUSE_COMMITTEE_REPRESENTED, _HOUSE_COMMITTEE_REPRESENTED_CUE, text):
        found.extend(_role_mention(name, f"Anggota {match.group(1)}", regions)
                     for name in _read_name_list(text, match.end(), spans))
    return found


def _member_before(text: str, end: int, spans: RegionSpans) -> _Name | None:
    """The person named right before "dari <body>": with a title, a degree or two name words, so not "Kami".

    One whom a body is "dipimpin"/"diketuai" by leads it: that reading is `_led_by`'s.
    """
    name = _name_right_before(text, end, spans)
    if name is None or (name.name_text == name.name and len(name.name.split()) < 2):
        return None
    led = _LED_BY.search(text, max(0, name.start - 40), name.start + 1)
    return None if led is not None and led.end() == name.start else name


def _group_body(text: str, start: int, end: int, orgs: list[tuple[int, str]]) -> str | None:
    """The body a team or board in text[start:end] belongs to: a Kemensos team is the ministry's own."""
    if _MINISTRY_CUE.search(text, start, end):
        return "Tim Kemensos"
    return next((org for at, org in reversed(orgs) if start <= at < end), None)


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts, within its paragraph."""
    paragraph_start = text.rfind("\n", 0, position) + 1
    stop = max((m.end() for m in _SENTENCE_BREAK.finditer(text, paragraph_start, position)), default=paragraph_start)
    return stop


def _role_mention(name: _Name, role: str, regions: list[RegionMention]) -> _Mention:
    """A mention whose position is implied by the sentence rather than written before or after the name."""
    kind = _classify_role(role)
    return _Mention(start=name.start, end=name.end, role=role, role_kind=kind, acting=False,
                    region_code=_fallback_region(kind, role, regions), capitalised=True,
                    name=name.name, name_text=name.name_text, aliases=name.aliases)


def _led_by(article: ArticleText, spans: RegionSpans, regions: list[RegionMention],
            orgs: list[tuple[int, str]]) -> list[_Mention]:
    """ "Pengurus ... diketuai Hj. Nurhasanah": the chair of the body named just before in the paragraph.

    A team ("tim", "rombongan") is led for the body it comes from, named in its own sentence, not for the
    body it visits.
    """
    text = article.text
    found: list[_Mention] = []
    for match in _cued(_LED_BY, _LED_BY_CUE, text):
        tokens = _tokens(text, match.end(), match.end() + _WINDOW)
        name = _read_name(text, tokens, 0, spans)[0] if tokens else None
        if name is None:
            continue
        paragraph_start = text.rfind("\n", 0, match.start()) + 1
        team = _TEAM.search(text, _sentence_start(text, match.start()), match.start())
        body: str | None
        if team is not None:
            # "Rombongan ... dipimpin A dari LKKS Kalbar": the team's own body, before the leader or right after.
            origin = _FROM_BODY.match(text, name.end)
            body = _group_body(text, team.start(), match.start(), orgs) or (
                next((org for at, org in orgs if at == origin.end()), None) if origin else None) or "Tim"
        else:
            body = next((org for start, org in reversed(orgs) if paragraph_start <= start < match.start()), None)
        found.append(_role_mention(name, f"Ketua {body}" if body else "Ketua", regions))
    return found


def _read_name_list(text: str, start: int, spans: RegionSpans) -> list[_Name]:
    """Names listed from `start`: "A, B dan C", each with two name words or a title; a position ends the list.

    Once the list has begun, a one-word name that the list or the sentence goes on after is a person too ("A
    Sakti, Amperawati dan B").
    """
    tokens = _tokens(text, start, start + _WINDOW)
    names: list[_Name] = []
    index = 0
    while index < len(tokens):
        if tokens[index].kind != "word" or is_head_word(tokens[index].text):
            break
        name, stop = _read_name(text, tokens, index, spans)
        if name is None or (len(name.name.split()) < 2 and name.name_text[:1] == name.name[:1]
                            and not (names and _LIST_GOES_ON.match(text, name.end))):
            break
        names.append(name)
        # A photo caption marks where each person stands: "A (kiri) dan B".
        note = _PLACE_IN_PHOTO.match(text, name.end)
        after = note.end() if note else name.end
        if _LIST_STOP.match(text, after):
            break
        index = next((k for k in range(stop, len(tokens)) if tokens[k].start >= after), len(tokens))
        while index < len(tokens) and (tokens[index].kind == "comma" or tokens[index].text.lower() in _RUN_CONNECTORS):
            index += 1
    return names


def _listed_members(article: ArticleText, spans: RegionSpans, regions: list[RegionMention],
                    orgs: list[tuple[int, str]]) -> list[_Mention]:
    """ "Pengurus LKKS Jateng yang datang terdiri dari A dan B": each listed person is a member of that body."""
    text = article.text
    found: list[_Mention] = []
    for match in _CONSISTS_OF.finditer(text) if may_contain(text, *_CONSISTS_OF_CUES) else ():
        group = match.group("group").lower()
        body = _group_body(text, match.start(), match.end(), orgs)
        role = f"{'Anggota' if group != 'pengurus' else 'Pengurus'} {body}" if body else group.capitalize()
        found.extend(_role_mention(name, role, regions) for name in _read_name_list(text, match.end(), spans))
    return found


def _chosen_to_lead(article: ArticleText, spans: RegionSpans, regions: list[RegionMention],
                    orgs: list[tuple[int, str]]) -> list[_Mention]:
    """ "amanah kepada Ardi memimpin lembaga ini", "Budi terpilih memimpin FLKS": the chair of that body."""
    text = article.text
    found: list[_Mention] = []
    for match in _cued(_TO_LEAD, _TO_LEAD_CUE, text):
        name = _read_name_backwards(text, match.start(), spans)
        if name is None or text[name.end:match.start()].strip():
            continue
        handed_to = _GIVEN_TO.search(text, max(0, name.start - 12), name.start) is not None
        body = next((org for at, org in orgs if match.end("verb") <= at <= match.end("verb") + 2), None)
        if body is None and not (handed_to and match.group("object").lower() in _BODY_NOUNS):
            continue
        found.append(_role_mention(name, f"Ketua {body}" if body else "Ketua", regions))
    return found


def _handed_over(article: ArticleText, spans: RegionSpans, regions: list[RegionMention],
                 orgs: list[tuple[int, str]]) -> list[_Mention]:
    """ "Jabatan ketua LKKS diserahkan dari A kepada B": both the outgoing and the incoming holder held it."""
    text = article.text
    found: list[_Mention] = []
    for match in _HANDOVER.finditer(text) if may_contain(text, "jabatan") else ():
        role = match.group("role")
        body = next((org for at, org in orgs if match.end("role") <= at < match.start("giver")), None)
        role = role[:1].upper() + role[1:] + (f" {body}" if body else "")
        for key in ("giver", "taker"):
            tokens = _tokens(text, match.end(key), match.end(key) + _WINDOW)
            name = _read_name(text, tokens, 0, spans)[0] if tokens else None
            if name is not None:
                found.append(_role_mention(name, role, regions))
    return found


def _same_person(person: _Person, name: str, kind: RoleKind | None = None) -> bool:
    """A later name is the same person when its words are a subset of the known name (or vice versa).

    With a role kind, a partial match must also hold a compatible position: "Afrizal" the mayor is not
    "Rika Afrizal" the LKKS chair, his wife.
    """
    lowered = name.lower()
    if lowered == (person.mention.name or "").lower() or lowered in (a.lower() for a in person.aliases):
        return True
    words = frozenset(lowered.split())
    if _initial_for_last_word(lowered, (person.mention.name or "").lower()):
        return True
    if not (words <= person.tokens or person.tokens <= words):
        return False
    if kind is None or "other" in (kind, person.mention.role_kind) or kind == person.mention.role_kind:
        return True
    # A second position held by someone named by their first name ("Wagub Jihan ... Jihan, Ketua LKKS"): a
    # spouse or relative shares the family name, which comes last, never only the given name.
    shorter, longer = sorted((_without_common_opening(lowered), _without_common_opening(person.mention.name or "")),
                             key=len)
    return bool(shorter) and longer[:len(shorter)] == shorter


def _initial_for_last_word(one: str, other: str) -> bool:
    """ "sofyan edi j" and "sofyan edi jarwoko": a caption or headline shortens the last word to its initial."""
    first, second = one.split(), other.split()
    if len(first) != len(second) or len(first) < 2 or first[:-1] != second[:-1]:
        return False
    short, long = sorted((first[-1].rstrip("."), second[-1].rstrip(".")), key=len)
    return len(short) == 1 and len(long) > 1 and long.startswith(short)


def _without_common_opening(name: str) -> list[str]:
    """The words of a name after an opening shared by many ("Muhammad", "Siti"), which short mentions drop."""
    words = name.lower().split()
    while words and words[0] in _COMMON_GIVEN_NAMES:
        words = words[1:]
    return words


def _near_spelling(short: str, long: str) -> bool:
    """One word written as a shortening or with one letter wrong: "Mirza" for "Mirzani", "Sumatri" for "Sumantri"."""
    if short == long or (len(short) >= 4 and (long.startswith(short) or short.startswith(long))):
        return True
    if len(short) < 5 or abs(len(short) - len(long)) > 1:
        return False
    if len(short) == len(long):
        return sum(a != b for a, b in zip(short, long, strict=True)) <= 1
    shorter, longer = (short, long) if len(short) < len(long) else (long, short)
    cut = next((i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter))
    return shorter[cut:] == longer[cut + 1:]


def _initials_of(word: str, known: list[str]) -> bool:
    """ "IGA" for consecutive words "I Gusti Ayu" of the known name."""
    if len(word) < 2 or not word.isupper():
        return False
    initials = "".join(w[0] for w in known).upper()
    return word in initials


def _loosely_same_name(person: _Person, name: str) -> bool:
    """Every word of a later short mention is a word, shortening, misspelling or initials of the known name."""
    known = (person.mention.name or "").split()
    known_lower = [w.lower() for w in known]
    spelled = 0
    for word in name.split():
        if any(_near_spelling(word.lower(), k) for k in known_lower):
            spelled += 1
        elif not _initials_of(word, known):
            return False
    return spelled > 0


def _same_office(person: _Person, mention: _Mention) -> bool:
    """Both hold the same one-holder office of the same region ("Gubernur Lampung")."""
    held = person.mention
    return (mention.role_kind in SINGLE_HOLDER_KINDS and held.role_kind == mention.role_kind
            and (mention.region_code is None or held.region_code is None or held.region_code == mention.region_code))


def _merge(mentions: list[_Mention]) -> list[_Person]:
    """Group named mentions into people; the longest spelling of a name wins, the first role stays.

    A later mention of a one-holder office by a nickname or a shortened or misspelt name ("Gubernur Mirza" after
    "Gubernur Lampung Rahmat Mirzani Djausal") is the holder named before; its spelling becomes an alias.
    """
    people: list[_Person] = []
    for mention in mentions:
        if mention.name is None:
            continue
        person = next((p for p in people if _same_person(p, mention.name, mention.role_kind)), None)
        if person is None:
            holder = next((p for p in people if _same_office(p, mention)
                           and (mention.nickname or _loosely_same_name(p, mention.name))), None)
            if holder is not None:
                holder.spans.append((mention.start, mention.end))
                if mention.name not in holder.aliases:
                    holder.aliases.append(mention.name)
                continue
        if person is None:
            people.append(_Person(mention=mention, tokens=frozenset(mention.name.lower().split()),
                                  aliases=list(mention.aliases), spans=[(mention.start, mention.end)]))
            continue
        person.spans.append((mention.start, mention.end))
        for alias in mention.aliases:
            if alias not in person.aliases:
                person.aliases.append(alias)
        current = person.mention
        known = current.name or ""
        if (len(mention.name.split()), len(mention.name)) > (len(known.split()), len(known)):
            current.name, current.name_text = mention.name, mention.name_text
            person.tokens = frozenset(mention.name.lower().split())
        if mention.role_kind != "other" and (current.role_kind == "other" or _GROUP_LEAD.match(current.role)):
            # A team's leader ("Ketua Tim") named later with an office of their own is that office's.
            current.role, current.role_kind, current.region_code = mention.role, mention.role_kind, mention.region_code
            current.acting = mention.acting
    return people


def _title_match(people: list[_Person], mention: _Mention) -> _Person | None:
    """The one person holding the position a title-only mention names ("Gubernur", "Plt Kadinsos Aceh itu")."""
    candidates = [p for p in people if p.mention.role_kind == mention.role_kind and mention.role_kind != "other"
                  and (mention.region_code is None or p.mention.region_code is None
                       or p.mention.region_code == mention.region_code)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    # Several holders (a nickname not yet folded in): the one named most recently before the title.
    earlier = [(max(start for start, _ in p.spans if start < mention.start), p) for p in candidates
               if any(start < mention.start for start, _ in p.spans)]
    return max(earlier, key=lambda item: item[0])[1] if earlier else None


def _attach_nicknames(text: str, people: list[_Person], mentions: list[_Mention]) -> None:
    """ "yang akrab disapa Aaf" gives an alias to the person named or titled just before it."""
    for match in _cued(_NICKNAME, _NICKNAME_CUE, text):
        alias = match.group("alias") or match.group("alias2") or match.group("alias3")
        if not alias or is_role_word(alias.split()[0]):
            continue
        # "Danny, sapaan akrabnya, ..." opens a paragraph about the person named in the one before.
        reach, same_paragraph = (300, False) if match.group("alias3") else (80, True)
        before = [m for m in mentions if m.end <= match.start() and match.start() - m.end <= reach
                  and not (same_paragraph and "\n" in text[m.end:match.start()])]
        if not before:
            continue
        nearest = before[-1]
        person: _Person | None
        if nearest.name:
            person = next((p for p in people if _same_person(p, nearest.name or "")), None)
        else:
            person = _title_match(people, nearest)
        if person is not None and alias not in person.aliases:
            person.aliases.append(alias)


def _fold_nicknamed(people: list[_Person]) -> list[_Person]:
    """A "person" whose whole name is another's nickname ("Wali Kota Pekalongan Aaf") is that other person."""
    kept: list[_Person] = []
    for person in people:
        name = (person.mention.name or "").lower()
        owner = next((p for p in kept if name in (a.lower() for a in p.aliases)), None)
        if owner is None:
            kept.append(person)
            continue
        owner.spans.extend(person.spans)
    return kept


def _is_word_char(char: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return char.isalnum() or char == "_"


def _whole_words(text: str, keys: Iterable[str]) -> list[tuple[int, str]]:
    """(start, key) of each key written as a whole word, left to right, the longest key winning where several start.

    The same matches as `finditer` of the alternation of the keys, longest first, between `(?<!\\w)` and
    `(?!\\w)`, without compiling a new pattern for every article's names.
    """
    found: list[tuple[int, int, str]] = []
    for key in keys:
        at = text.find(key)
        while at >= 0:
            end = at + len(key)
            if (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end])):
                found.append((at, -len(key), key))
            at = text.find(key, at + 1)
    found.sort()
    words: list[tuple[int, str]] = []
    resume = 0
    for at, _, key in found:
        if at >= resume:
            words.append((at, key))
            resume = at + len(key)
    return words


def _count_mentions(text: str, people: list[_Person], mentions: list[_Mention]) -> list[int]:
    """How often each person is named in full, by one name, by nickname, or by title alone."""
    owners: dict[str, int] = {}
    ambiguous: set[str] = set()
    for number, person in enumerate(people):
        keys = {person.mention.name or "", *person.aliases}
        keys.update(w for w in (person.mention.name or "").split()
                    if len(w) >= 3 and w.lower() not in NAME_PARTICLES and w.lower() not in _COMMON_GIVEN_NAMES)
        for key in filter(None, keys):
            if key in owners and owners[key] != number:
                ambiguous.add(key)
            owners[key] = number
    for key in ambiguous:
        owners.pop(key, None)
    counts = [0] * len(people)
    named_at: list[tuple[int, int]] = []
    for start, key in _whole_words(text, owners):
        owner = owners[key]
        counts[owner] += 1
        named_at.append((start, owner))
    for mention in mentions:
        if mention.name is not None or not mention.capitalised:
            continue
        holder = _title_match(people, mention)
        if holder is None:
            continue
        owner = people.index(holder)
        # "Wali Kota ... yang akrab disapa Aaf" is one mention, already counted through the nickname.
        if any(o == owner and 0 <= start - mention.end <= 60 for start, o in named_at):
            continue
        counts[owner] += 1
    return [max(1, c) for c in counts]


def _promote_daily_chair(people: list[_Person]) -> None:
    """A "ketua harian" leads the board when the article names no chair above them; beside one, an officer."""
    if any(p.mention.role_kind == "org_chair" for p in people):
        return
    for person in people:
        if _DAILY_CHAIR.match(person.mention.role):
            person.mention.role_kind = "org_chair"


def find_officials(article: ArticleText, regions: list[RegionMention]) -> list[Official]:
    """People named with a position in the kept paragraphs, one per person, in order of first mention."""
    if not article.text:
        return []
    mentions = _mentions(article, regions)
    people = _merge(mentions)
    _attach_nicknames(article.text, people, mentions)
    people = _fold_nicknamed(people)
    _promote_daily_chair(people)
    counts = _count_mentions(article.text, people, mentions)
    # "Sekretaris Dinas Chaidir": a bare post and its holder, not another "Dinas X".
    first_names = {(p.mention.name or "").split(" ")[0] for p in people}
    social_context = (may_contain(article.text, "din") and _SOCIAL_OFFICE.search(article.text) is not None
                      and not any(m.group().split()[-1] not in first_names for m in _OTHER_OFFICE.finditer(article.text)))
    officials: list[Official] = []
    for person, count in zip(people, counts, strict=True):
        first = person.mention
        start, end = person.spans[0]
        name = first.name or ""
        if _institution_named(article.text, name):
            continue  # "Kepala UPTD PSAA Budi Sentosa" beside "di Panti Sosial Asuhan Anak Budi Sentosa": a home
        aliases = list(person.aliases)
        full = _full_form(article.text, name) if " " not in name else None
        if full is not None:
            aliases.append(name)
            name = full
        role_kind = first.role_kind
        if social_context and role_kind == "other":
            # "Yos Army selaku Kepala Dinas" in a story whose only office is the social one: that office.
            role_kind = _BARE_OFFICE_KINDS.get(" ".join(first.role.lower().split()), role_kind)
        officials.append(Official(
            name=name, name_text=first.name_text or first.name or "", role=first.role,
            role_kind=role_kind, acting=first.acting, region_code=first.region_code,
            evidence=article.evidence(start, end), aliases=aliases, mentions=count))
    return officials


# Unit words whose next words name the institution: "di Yayasan Annur Galang", "UPTD PSAA Budi Sentosa".
_INSTITUTION_UNIT_BEFORE = re.compile(
    r"\b(?:Yayasan|Panti(?:[ \t]+(?:Asuhan|Sosial|Werdha|Wreda|Jompo))*|Asuhan[ \t]+Anak|PSAA|LKSA|LKS|Rumah[ \t]+Yatim"
    r"|Pondok[ \t]+Pesantren|Ponpes)[ \t]+$")


def _institution_named(text: str, name: str) -> bool:
    """True when the article writes `name` right after an institution word with no position before it."""
    if not name:
        return False
    for match in re.finditer(re.escape(name), text):
        unit = _INSTITUTION_UNIT_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if unit is None or text[match.end():match.end() + 1].isalnum():
            continue
        # "Ketua Umum Forum Nasional LKSA-PSAA Zairullah Azhar": a position earlier in the clause owns the name.
        window = text[max(0, unit.start() - 60):unit.start()]
        clause = re.split(r"[.,;:!?\n(]", window)[-1]
        if not any(is_head_word(word.strip("-/")) for word in clause.split()):
            return True
    return False


def _full_form(text: str, name: str) -> str | None:
    """The longer spelling of a one-word name the article also uses ("Muhammad Nasir" for "Nasir"), if one."""
    if not name:
        return None
    forms: dict[str, int] = {}
    for match in re.finditer(rf"((?:[A-Z][\w'’-]*\.?[ \t]+){{1,2}}){re.escape(name)}\b", text):
        words = match.group(1).split()
        # Only the usual openers people drop when they are named again: "Muhammad Nasir" -> "Nasir".
        kept: list[str] = []
        for word in reversed(words):
            if word.rstrip(".").lower() not in _DROPPED_OPENERS:
                break
            kept.insert(0, word)
        if kept:
            form = " ".join([*kept, name])
            forms[form] = forms.get(form, 0) + 1
    if not forms:
        return None
    return max(forms, key=lambda form: (forms[form], len(form)))
