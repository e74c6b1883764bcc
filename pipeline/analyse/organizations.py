"""Organisations an article names (LKKS, LKS, LKSA, forums, social offices, the ministry) with their region."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from pipeline.analyse import gazetteer
from pipeline.analyse.context import SENTENCE_END, ArticleText, may_contain
from pipeline.analyse.titles import CaselessPattern, looks_like_headline, phrase_key, trie_pattern, words_of
from pipeline.models import Evidence, Organization, OrgKind, RegionMention


class RegionLike(Protocol):
    """What this module reads from a gazetteer region."""

    code: str
    name: str
    level: str


@dataclass(slots=True, frozen=True)
class RegionSpan:
    """A region named at [start, end) of a text."""

    start: int
    end: int
    code: str
    name: str
    level: str


@dataclass(slots=True)
class OrgMention:
    """One mention of an organisation at [start, end) of the article text."""

    start: int
    end: int
    organization: Organization
    explicit_region: bool


# Names of organisations by kind. Abbreviations (written in capitals here) count only as written or in
# full capitals ("LKS", never "lks"); full names count in any case.
def _coordination_body_names() -> tuple[str, ...]:
    """Spelled-out names of the coordinating body in the spellings the press uses.

    "Lembaga/Badan Koordinasi (dan) (Kegiatan) Kesejahteraan Sosial", with the common misspellings of
    "koordinasi" and "kesejahteraan": the older BKKKS/BK3S name adds "Kegiatan", sometimes joined by "dan".
    """
    return tuple(
        f"{body} {coordination} {middle}{welfare} sosial"
        for body in ("lembaga", "badan")
        for coordination in ("koordinasi", "kordinasi", "koodinasi")
        for middle in ("", "kegiatan ", "dan kegiatan ")
        for welfare in ("kesejahteraan", "kesejahtraan")
    )


# Forums of LKS/LKSA exist at national, regional and district level (Fornas, Forwil, Forda).
_FORUM_LEVELS = ("forum", "forum nasional", "forum wilayah", "forum daerah", "forum komunikasi", "fornas", "forwil",
                 "forda")
_ORG_NAMES: dict[OrgKind, tuple[str, ...]] = {
    "FORUM_LKS": ("FLKS", "FKLKS", "FLKSA", "Forda", "Forwil", "Fornas", "forum panti", "forum panti asuhan",
                  *(f"{level} {body}" for level in _FORUM_LEVELS
                    for body in ("lks", "lksa", "lembaga kesejahteraan sosial", "lembaga kesejahteraan sosial anak"))),
    # DNIKS is the national coordinating council the provincial LKKS belong to.
    "LKKS": ("LKKS", "BKKKS", "BK3S", "LKKKS", "LK3", "LK3S", "LK2S", "K3S", "DNIKS",
             "dewan nasional indonesia untuk kesejahteraan sosial", *_coordination_body_names()),
    "LKSA": ("LKSA", "PSAA", "lembaga kesejahteraan sosial anak", "panti asuhan", "panti-panti asuhan",
             "panti asuhan anak", "panti sosial asuhan anak", "panti sosial anak"),
    # Homes for the elderly and the disabled are LKS as much as orphanages are; a bare "panti" in this press is one.
    # Kemensos registers the drug-rehabilitation institutions it funds (IPWL) as LKS.
    # Homes Kemensos designates for children in conflict with the law (LPKS) are LKS too.
    "LKS": ("LKS", "LKSLU", "IPWL", "institusi penerima wajib lapor", "Orsos", "lembaga kesejahteraan sosial",
            "LPKS", "lembaga penyelenggara kesejahteraan sosial", "lembaga penyelenggaraan kesejahteraan sosial",
            "yayasan sosial", "organisasi sosial", "panti sosial",
            "panti-panti sosial", "panti werdha", "panti wreda", "panti werda", "panti wredha", "panti jompo",
            "panti lansia", "panti lanjut usia", "panti sosial tresna werdha", "panti disabilitas", "panti",
            # "UPTD Tresna Werdha", "Griya Tresna Werdha": the elderly home's own name, without "panti".
            "tresna werdha", "tresna wreda", "tresna werda", "panti-panti"),
    "DINSOS": ("Dinsos", "dinas sosial"),
    "KEMENSOS": ("Kemensos", "Kemsos", "kementerian sosial", "kementrian sosial"),
}
_ORG_KIND: dict[str, OrgKind] = {phrase_key(name): kind for kind, names in _ORG_NAMES.items() for name in names}
# Allowed spellings of each abbreviation: as listed and in full capitals.
_ABBREVIATION_FORMS: dict[str, frozenset[str]] = {
    name.lower(): frozenset({name, name.upper()})
    for names in _ORG_NAMES.values() for name in names if name != name.lower()
}
_ORG_RE = CaselessPattern(rf"\b(?:{trie_pattern(_ORG_KIND)})\b")
_OTHER_LKS = re.compile(r"\bLKS\s+(?:Tripartit|Bipartit)\b|lembaga\s+kerja\s*sama|lembar\s+kerja\s+(?:siswa|peserta)"
                        r"|(?:latihan\s+)?kepemimpinan\s+siswa"
                        r"|lomba\s+kompetensi\s+siswa", re.IGNORECASE)
# Every `_OTHER_LKS` match holds one of these words: without them, the slow scan for those uses is skipped.
_OTHER_LKS_CUES = ("partit", "kerja", "siswa")
# "... (LKS)" spelled out just before: anything but a welfare body shows the article means something else.
_LKS_DEFINED = re.compile(r"\(LKS\)")
# "anak yatim yang tinggal di luar panti", "binaan di luar LKSA/panti": people outside any home, not a home; "di
# dalam atau di luar panti" is both. The body's short form and alternatives right after it are outside too.
_OUTSIDE_BEFORE = re.compile(r"\b(?:(?:di[ \t]*)?luar|tanpa"
                             # "anak yatim yang belum diasuh di panti", "tidak tinggal di panti": not there either.
                             r"|(?:belum|tidak|tak)(?![ \t]+(?:hanya|saja|cuma)\b)(?:[ \t]+[a-z]+){1,2}[ \t]+di)[ \t]+$",
                             re.IGNORECASE)
_OUTSIDE_REACH = 45
_INSIDE_TOO_BEFORE = re.compile(r"\bdalam[ \t]+(?:(?:dan|atau|maupun)[ \t]+)?(?:di[ \t]*)?luar[ \t]+$", re.IGNORECASE)
_BARE_HOMES = frozenset({"panti", "panti-panti"})
_BUSINESS_AFTER = re.compile(r"[ \t]+(?:pijat|pijit|pijet|urut|refleksi|spa)\b", re.IGNORECASE)
_SAME_BODY_GAP = re.compile(r"[\s()/,-]*")
_WELFARE_BODY_KINDS: frozenset[OrgKind] = frozenset({"LKKS", "LKS", "LKSA", "FORUM_LKS"})
# "Dinsos-P2KB", "Dinsos/PPPA": the office's own suffix stays with it.
_OFFICE_ABBREVIATION_TAIL = re.compile(r"(?:[-/][A-Za-z0-9]+)+\b")


# A foundation is a welfare body (an LKS) when its sentence names the people such bodies care for: "Yayasan X
# yang menampung 62 anak yatim", "15 yayasan untuk anak terlantar, lansia terlantar dan disabilitas". The poor
# ("dhuafa") are left out: foundations of every kind give to them.
_FOUNDATION = re.compile(r"\byayasan(?:-yayasan)?\b(?![ \t]+sosial\b)", re.IGNORECASE)
_CARED_FOR = re.compile(
    r"\b(?:yatim|piatu|(?:anak|lansia|orang)[ \t]+(?:terlantar|telantar)|lansia|lanjut[ \t]+usia|disabilitas|difabel"
    r"|tuna[ \t]?(?:netra|rungu|wicara|grahita|daksa)|ODGJ|gangguan[ \t]+jiwa|anak[ \t]+asuh|anak[ \t]+jalanan)\b",
    re.IGNORECASE)
# Before the foundation only its own residents stand close ("lansia di bawah naungan Yayasan X"); people named
# further back are other recipients in a list ("santunan kepada lansia, ..., TPA/TPQ dan Yayasan Islam").
_CARE_REACH_BEFORE = 60
_CARE_REACH_AFTER = 100


# A social office's or the ministry's own home is an LKS as much as a foundation's: "UPTD Pelayanan Sosial Anak
# Balita", "(UPT) Lansia Binjai", "UPT Rehabilitasi Sosial Cacat Rungu Wicara", "UPTD Kesos Lansia Budi Agung".
_SOCIAL_HOME_UNIT = re.compile(
    r"\bUPTD?\)?[ \t]+(?i:(?:(?:pusat|pelayanan|rehabilitasi|perlindungan|kesejahteraan|kesos|sosial|griya|rumah"
    r"|panti|pengasuhan)[ \t]+(?:\([A-Za-z]+\)[ \t]+)?){0,4}"
    r"(?P<residents>anak|balita|remaja|lansia|lanjut[ \t]+usia|LU|disabilitas|penyandang|cacat"
    r"|tuna[ \t]?\w+|tresna|werdha|wredha|asuhan|PSTW|PSAA|PSAR|PSBR|PSAB|PSBN|PSBG|PSKW|PSPD|PSRSPD|RPA))\b")
_CHILDREN_HOMES = frozenset({"anak", "balita", "remaja", "asuhan", "psaa", "psar", "psbr", "psab", "rpa"})


def _cares_for_people(text: str, start: int, end: int) -> bool:
    """True when the sentence around [start, end) names people LKS care for, close to the foundation."""
    low = max(0, start - _CARE_REACH_BEFORE)
    stops = list(SENTENCE_END.finditer(text, low, start))
    if stops:
        low = stops[-1].end()
    high = min(len(text), end + _CARE_REACH_AFTER)
    stop = SENTENCE_END.search(text, end, high)
    if stop is not None:
        high = stop.start()
    return _CARED_FOR.search(text, low, high) is not None


def _outside(text: str, start: int, outside_until: int) -> bool:
    """True for a welfare body named as where people are not ("di luar LKSA/panti"), or its short form after it."""
    if outside_until >= 0 and _SAME_BODY_GAP.fullmatch(text, outside_until, start) is not None:
        return True
    before = text[max(0, start - _OUTSIDE_REACH):start]
    return _OUTSIDE_BEFORE.search(before) is not None and _INSIDE_TOO_BEFORE.search(before) is None


def _org_matches(text: str) -> list[tuple[re.Match[str], OrgKind]]:
    """Organisation names in a text with their kinds; abbreviations only in their written case.

    "LKS" also abbreviates Lembaga Kerja Sama (Tripartit, Bipartit), Lembar Kerja Siswa and Lomba Kompetensi
    Siswa: where the text uses it so, a bare "LKS" is not a welfare body. A foundation is one (an LKS) where
    its sentence names the people such bodies care for.
    """
    other_lks: bool | None = None  # looked for at the first bare "LKS" only
    found: list[tuple[re.Match[str], OrgKind]] = []
    position = 0
    outside_until = -1  # where the last body named as outside ends
    # `finditer` over the text, one search at a time in its lower-cased copy (three times faster).
    while (match := _ORG_RE.search(text, position)) is not None:
        position = match.end()
        key = phrase_key(match.group())
        forms = _ABBREVIATION_FORMS.get(key)
        if forms is not None and match.group() not in forms:
            continue
        if key == "lks" and other_lks is None:
            other_lks = (may_contain(text, *_OTHER_LKS_CUES) and _OTHER_LKS.search(text) is not None) or any(
                "sosial" not in text[max(0, m.start() - 45):m.start()].lower() for m in _LKS_DEFINED.finditer(text))
        if key == "lks" and other_lks:
            continue
        if key in _BARE_HOMES and _BUSINESS_AFTER.match(text, match.end()):
            continue  # "panti pijat", "panti refleksi": a massage parlour, not a welfare home
        if _ORG_KIND[key] in _WELFARE_BODY_KINDS and _outside(text, match.start(), outside_until):
            outside_until = match.end()
            continue
        outside_until = -1
        found.append((match, _ORG_KIND[key]))
    if "UPT" in text:
        _add_untaken(found, ((match, "LKSA" if match.group("residents").lower() in _CHILDREN_HOMES else "LKS")
                             for match in _SOCIAL_HOME_UNIT.finditer(text)))
    if may_contain(text, "yayasan"):
        _add_untaken(found, ((match, "LKS") for match in _FOUNDATION.finditer(text)
                             if _cares_for_people(text, match.start(), match.end())))
    return found


def _add_untaken(found: list[tuple[re.Match[str], OrgKind]],
                 extra: Iterable[tuple[re.Match[str], OrgKind]]) -> None:
    """Add to `found` the `extra` mentions that overlap none of it, keeping text order."""
    taken = [match.span() for match, _ in found]
    found.extend(item for item in extra if not any(a < item[0].end() and item[0].start() < b for a, b in taken))
    found.sort(key=lambda item: item[0].start())


# Words that may follow "Dinas Sosial" inside the office's own name.
_OFFICE_SUFFIX_WORDS = words_of("""
pemberdayaan perempuan perlindungan anak pengendalian penduduk keluarga berencana masyarakat desa tenaga kerja
transmigrasi pemerintahan kependudukan pencatatan sipil dan & sosial pemakaman
""")
_TAIL_TOKEN = re.compile(r"\s*(,|&|\((?P<paren>[^()\n]{1,40})\)|[\w'’.-]+)")
_LEVEL_WORD = re.compile(r"\s*(?:Provinsi|Prov\.|Propinsi|Kabupaten|Kab\.|Kota|Pemprov|Pemkab|Pemkot|se-?|tingkat)\s*",
                         re.IGNORECASE)
_PROPER_NAME = re.compile(r"\s+((?:[A-Z][\w'’-]*|Al|Ar|An|As)(?:\s+(?:[A-Z][\w'’-]*|al|bin|binti)){0,3})")
_PROPER_STOP = words_of("""
di dan yang pada untuk dengan kabupaten kota provinsi kab prov kecamatan desa kelurahan se ini itu tersebut
""")

_CANONICAL: dict[OrgKind, str] = {
    "LKKS": "LKKS",
    "LKS": "Lembaga Kesejahteraan Sosial",
    "LKSA": "Lembaga Kesejahteraan Sosial Anak",
    "FORUM_LKS": "Forum LKS",
    "DINSOS": "Dinas Sosial",
    "KEMENSOS": "Kementerian Sosial",
    "OTHER": "",
}
# Generic LKS/LKSA mentions name a class of bodies, so the region stays out of their name.
_REGION_IN_NAME: frozenset[OrgKind] = frozenset({"LKKS", "FORUM_LKS", "DINSOS"})


@dataclass(slots=True, frozen=True)
class RegionSpans:
    """The region mentions of one text, sorted, with their starts for bisection."""

    items: tuple[RegionSpan, ...]
    starts: tuple[int, ...]

    def at(self, position: int) -> RegionSpan | None:
        """The span covering `position`, if any."""
        slot = bisect.bisect_right(self.starts, position) - 1
        if slot >= 0 and self.items[slot].start <= position < self.items[slot].end:
            return self.items[slot]
        return None

    def within(self, start: int, end: int) -> list[RegionSpan]:
        """Spans that start inside [start, end)."""
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return list(self.items[low:high])


@lru_cache(maxsize=32)
def region_spans(text: str) -> RegionSpans:
    """Region mentions of a text via the gazetteer (cached: officials and events both ask)."""
    spans: list[RegionSpan] = []
    for start, end, region in gazetteer.find_mentions(text):
        if region.level in ("kecamatan", "desa"):
            # A district counts only when named as one ("Kecamatan Curug"): bare district names are often
            # people's or common words. It stands for its regency or city, the level facts are kept at.
            parent = gazetteer.get(region.code[:5])
            if parent is None or not text[start:end].lower().startswith(("kecamatan", "kec.", "distrik")):
                continue
            spans.append(RegionSpan(start, end, parent.code, parent.name, str(parent.level)))
        else:
            spans.append(RegionSpan(start, end, region.code, region.name, str(region.level)))
    spans.sort(key=lambda s: s.start)
    return RegionSpans(tuple(spans), tuple(s.start for s in spans))


def span_at(spans: RegionSpans, position: int) -> RegionSpan | None:
    """The region span covering `position`, if any."""
    return spans.at(position)


def region_label(code: str, name: str, level: str) -> str:
    """How a region reads inside an organisation's name: "Provinsi Banten", "Kabupaten Bireuen"."""
    if level == "provinsi":
        return f"Provinsi {name}"
    prefix = "Kota" if level == "kota" else "Kabupaten"
    return name if name.split(" ", 1)[0] in {"Kota", "Kabupaten"} else f"{prefix} {name}"


def province_of(code: str) -> str:
    """The province code of any region code."""
    return code.split(".", 1)[0]


def dominant_province(regions: list[RegionMention]) -> RegionMention | None:
    """The province the article is about: most mentions, its regencies' mentions counting half."""
    provinces = [r for r in regions if r.level == "provinsi"]
    if not provinces:
        return None
    weight: dict[str, float] = {}
    for region in regions:
        if region.level == "provinsi":
            weight[region.code] = weight.get(region.code, 0.0) + region.mentions
        elif region.level in ("kabupaten", "kota"):
            code = province_of(region.code)
            weight[code] = weight.get(code, 0.0) + region.mentions / 2
    return max(provinces, key=lambda r: (weight.get(r.code, 0.0), -regions.index(r)))


def dominant_local(regions: list[RegionMention], level: str | None = None) -> RegionMention | None:
    """The most mentioned regency or city (optionally of one level), first named on ties."""
    locals_ = [r for r in regions if r.level in ("kabupaten", "kota") and (level is None or r.level == level)]
    if not locals_:
        return None
    return max(locals_, key=lambda r: (r.mentions, -regions.index(r)))


def dominant_region(regions: list[RegionMention]) -> RegionMention | None:
    """The region an article is about: its regency/city when that outnumbers the province, else the province."""
    province = dominant_province(regions)
    local = dominant_local(regions)
    if local is None:
        return province
    if province is None:
        return local
    if local.mentions > province.mentions and province_of(local.code) == province.code:
        return local
    return province


def _region_after(text: str, position: int, spans: RegionSpans) -> RegionSpan | None:
    """A region named right after `position`, allowing a level word ("Provinsi", "Kab.") in between."""
    lookahead = text[position:position + 60]
    skipped = len(lookahead) - len(lookahead.lstrip(" \t"))
    if skipped == 0 and not lookahead.startswith(("-", "/")):
        return None
    candidate = position + skipped
    found = span_at(spans, candidate)
    if found is None:
        level = _LEVEL_WORD.match(text, candidate)
        if level:
            found = span_at(spans, level.end())
    return found


def _office_tail(text: str, position: int) -> tuple[int, str | None]:
    """End of a social office's long name ("Dinas Sosial, Pengendalian Penduduk dan KB (Dinsos-P2KB)") and abbr."""
    end = position
    abbreviation: str | None = None
    cursor = position
    while True:
        token = _TAIL_TOKEN.match(text, cursor)
        if token is None:
            break
        word = token.group(1)
        if token.group("paren") is not None:
            inner = token.group("paren").strip()
            if len(inner.split()) <= 2 and inner[:1].isupper():
                abbreviation = inner
                end = cursor = token.end()
            break
        if word in {",", "&"} or word.lower() in _OFFICE_SUFFIX_WORDS:
            cursor = token.end()
            if word not in {",", "&"} and word.lower() != "dan":
                end = cursor
            continue
        break
    return end, abbreviation


def _proper_name(text: str, position: int, spans: RegionSpans) -> tuple[int, str]:
    """The proper name after "Panti Asuhan"/"LKSA"/"Yayasan Sosial", as far as it goes, or none."""
    match = _PROPER_NAME.match(text, position)
    if match is None:
        return position, ""
    words: list[str] = []
    end = position
    for word in re.finditer(r"[\w'’-]+", match.group(1)):
        absolute = match.start(1) + word.start()
        if word.group().lower() in _PROPER_STOP or span_at(spans, absolute) is not None:
            break
        words.append(word.group())
        end = match.start(1) + word.end()
    return end, " ".join(words)


def _organization_name(kind: OrgKind, written: str, abbreviation: str | None, proper: str,
                       region: RegionSpan | RegionMention | None) -> str:
    """A normalised name: "LKKS Provinsi Kalimantan Selatan", "Dinsos-P2KB Kota Pekalongan", "Panti Asuhan X"."""
    if proper:
        return f"{written} {proper}"
    base = _CANONICAL[kind]
    if kind == "DINSOS":
        for candidate in (abbreviation, written):
            if candidate and candidate.lower().startswith("dinsos") and len(candidate) > len("dinsos"):
                base = candidate
                break
    if kind in _REGION_IN_NAME and region is not None:
        return f"{base} {region_label(region.code, region.name, region.level)}"
    return base


def organization_kinds(text: str) -> list[OrgKind]:
    """Kinds of the organisations a short text (a headline) names, in order."""
    return [kind for _, kind in _org_matches(text)]


def organization_spans(text: str) -> list[tuple[int, int]]:
    """Where a short text (a headline) names organisations."""
    return [match.span() for match, _ in _org_matches(text)]


# Officials and events both ask for the same article's mentions, one after the other.
_last_mentions: list[tuple[ArticleText, list[RegionMention], list[OrgMention]]] = []


def find_org_mentions(article: ArticleText, regions: list[RegionMention]) -> list[OrgMention]:
    """Every organisation mention in the kept text, each with its explicit or inferred region."""
    if _last_mentions and _last_mentions[0][0] is article and _last_mentions[0][1] is regions:
        return list(_last_mentions[0][2])
    mentions = _find_org_mentions(article, regions)
    _last_mentions[:] = [(article, regions, mentions)]
    return list(mentions)


def _find_org_mentions(article: ArticleText, regions: list[RegionMention]) -> list[OrgMention]:
    text = article.text
    spans = region_spans(text)
    raw: list[tuple[int, int, OrgKind, str, str | None, str, RegionSpan | None]] = []
    headline_paragraphs = {i for i, p in enumerate(article.paragraphs) if looks_like_headline(p.text)}
    for match, kind in _org_matches(text):
        end = match.end()
        written = match.group()
        abbreviation: str | None = None
        proper = ""
        if kind == "DINSOS" and written.lower().startswith("dinas"):
            end, abbreviation = _office_tail(text, end)
        elif kind == "DINSOS" and (tail := _OFFICE_ABBREVIATION_TAIL.match(text, end)):
            end = tail.end()
            written = text[match.start():end]
        else:
            paren = re.match(r"\s*\(([A-Za-z0-9-]{2,15})\)", text[end:end + 20])
            if paren:
                abbreviation = paren.group(1)
                end += paren.end()
        # Only children's homes carry their own names often enough to be worth reading ("Panti Asuhan Al-Ikhlas").
        if kind == "LKSA" and bisect.bisect_right(article.starts, match.start()) - 1 not in headline_paragraphs:
            end, proper = _proper_name(text, end, spans)
        region = _region_after(text, end, spans)
        raw.append((match.start(), end, kind, written, abbreviation, proper, region))

    # A bare mention shares the region of the first explicit mention of its kind, else the article's.
    first_explicit: dict[OrgKind, RegionSpan] = {}
    for _, _, kind, _, _, _, region in raw:
        if region is not None and kind not in first_explicit:
            first_explicit[kind] = region
    fallback = dominant_region(regions)
    mentions: list[OrgMention] = []
    for start, end, kind, written, abbreviation, proper, region in raw:
        chosen: RegionSpan | RegionMention | None = region
        if chosen is None and kind != "KEMENSOS":
            chosen = first_explicit.get(kind) or fallback
        name = _organization_name(kind, written, abbreviation, proper, chosen)
        code = chosen.code if chosen is not None else None
        span_end = region.end if region is not None else end
        mentions.append(OrgMention(start, span_end, Organization(kind=kind, name=name, region_code=code),
                                   explicit_region=region is not None))
    return mentions


def find_organizations(article: ArticleText, regions: list[RegionMention]) -> list[tuple[Organization, Evidence]]:
    """Distinct organisations of the article, in order of first mention, each with that mention's evidence."""
    seen: dict[tuple[str, str], tuple[Organization, Evidence]] = {}
    for mention in find_org_mentions(article, regions):
        key = (mention.organization.kind, mention.organization.name)
        if key not in seen:
            seen[key] = (mention.organization, article.evidence(mention.start, mention.end))
    return list(seen.values())
