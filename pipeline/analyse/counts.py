"""Stated quantities of people, organisations, places or money, with the counted noun as written.

One regex pass finds every number (digits in Indonesian notation, number words, rough plurals, sums of
money); a few checks of the words around each keep the counts: a noun after it ("199 LKS", "dua daerah"),
"persen"/"%" or "Rp". Years, dates, times, periods, numbers of legal texts, phone numbers, ordinals and
numbers inside names ("Covid-19", "ke-80", "KP3B") are not counts. A number word must be followed by a
countable noun (data/count_nouns.txt); "se-" words are articles, and so is "one" unless the text lists it among
other counts or restricts it ("tinggal satu daerah"). Rough plurals follow
the convention in `numbers` (ratusan = 100).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.analyse import numbers
from pipeline.analyse.context import ArticleText, matches_at_openings
from pipeline.models import Count

_DATA = resources.files("pipeline.analyse").joinpath("data")


def _read_words(name: str) -> frozenset[str]:
    text = _DATA.joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass(frozen=True, slots=True)
class _Lexicon:
    nouns: frozenset[str]
    stop: frozenset[str]
    compounds: dict[str, tuple[str, ...]]  # first word -> compounds starting with it, longest first


@cache
def _lexicon() -> _Lexicon:
    compounds: dict[str, list[str]] = {}
    for phrase in _read_words("count_compounds.txt"):
        compounds.setdefault(phrase.split()[0], []).append(phrase)
    return _Lexicon(
        nouns=_read_words("count_nouns.txt"),
        stop=_read_words("count_stop.txt"),
        compounds={k: tuple(sorted(v, key=lambda p: -len(p.split()))) for k, v in compounds.items()},
    )


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_WORD_NUMBERS = sorted(
    w for w in numbers.NUMBER_WORDS if w not in ("rb", "jt")
)
_FIRST_WORD = _alternation([*_WORD_NUMBERS, *(w.capitalize() for w in _WORD_NUMBERS)])
_NEXT_WORD = _alternation(_WORD_NUMBERS)
_SCALE = "(?i:" + _alternation(list(numbers.SCALE_WORDS)) + ")"

_NUMBER = re.compile(
    r"(?<![\w.,/\-])"
    r"(?:(?P<qual>[Hh]ampir|[Ss]ekitar|[Kk]urang\s+lebih|[Ll]ebih\s+dari|[Kk]urang\s+dari|[Ss]edikitnya"
    r"|[Ss]etidaknya|[Ss]ekira|[Kk]ira-kira|±)\s*)?"
    r"(?:(?P<money>Rp\.?|RP\.?|rp\.?|IDR|US\$|USD)[ \t\u00a0]*)?"
    r"(?:"
    r"(?P<digits>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}(?=[ \t\u00a0]*(?:" + _SCALE + r")\b))"
    r"(?![\d\w]|[.,/\-:]\d)"
    # "Rp150 jutaan": about 150 million.
    r"(?:[ \t\u00a0]*(?P<scale>" + _SCALE + r")(?:an)?\b|(?(money)[ \t\u00a0]?(?P<letter>[MT])\b))?"
    r"|(?P<words>(?<![\w\-])(?:" + _FIRST_WORD + r")(?:[ \t\u00a0]+(?:" + _NEXT_WORD + r"))*)(?![\w\-])"
    r")"
)
# Every `_NUMBER` match opens with a digit, "±" or a word starting with one of these (as written: the pattern
# minds case). Trying `_NUMBER` only where one starts finds the same matches as scanning every position, faster.
_OPENINGS = sorted({
    *(w[:3] for w in ("hampir", "sekitar", "kurang", "lebih", "sedikitnya", "setidaknya", "sekira", "kira-kira")),
    *(w[:3].capitalize() for w in ("hampir", "sekitar", "kurang", "lebih", "sedikitnya", "setidaknya", "sekira",
                                   "kira-kira")),
    "Rp", "RP", "rp", "IDR", "US",
    *(w[:3] for w in _WORD_NUMBERS), *(w[:3].capitalize() for w in _WORD_NUMBERS),
}, key=lambda w: (-len(w), w))
_NUMBER_OPENING = re.compile(r"(?<![\w.,/\-])(?:\d|±|" + "|".join(_OPENINGS) + ")")
_MONEY_TAIL = re.compile(r"(?:,-|,00\b|\.-)")
# "Rp12 sampai Rp15 juta", "Rp 500 - Rp 750 ribu": the first number of a range shares the scale of the second.
_RANGE_SCALE = re.compile(r"[ \t\u00a0]*(?:sampai|hingga|s\.?/?d\.?|atau|–|-)[ \t\u00a0]*(?:Rp\.?[ \t\u00a0]*)?"
                          r"\d{1,3}(?:[.,]\d+)?[ \t\u00a0]*(?P<scale>" + _SCALE + r")(?:an)?\b")
_PERCENT = re.compile(r"[ \t\u00a0]*(?:persen\b|%)")
_RUPIAH = re.compile(r"[ \t\u00a0]+rupiah\b", re.IGNORECASE)
# A unit may end in digits when it is an abbreviation ("7 LK3", "12 K3S").
_UNIT_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z][A-Za-z'’]*(?:(?<=[A-Z])\d+[A-Z]*)?(?:[/\-][A-Za-z][A-Za-z'’]*)*)")
# "8.640 jumlah panti asuhan", "30 total peserta": a filler noun between a number and what it counts.
_REDUPLICATED = re.compile(r"^([A-Za-z]+)-\1$", re.IGNORECASE)
# Words that exist only doubled ("laki-laki", "kanak-kanak"): the doubling is the word, not a plural.
_LEXICAL_REDUPLICATIONS = frozenset({"laki", "kanak", "kupu", "paru", "oleh", "alun"})
_FILLER = re.compile(r"[ \t\u00a0]+(?:jumlah|total|sejumlah)(?=[ \t\u00a0]+[a-z])", re.IGNORECASE)
# "14 dari 22 suara", "63 dari 210 LKS": the part counts the whole's noun.
_PART_OF = re.compile(r"[ \t\u00a0]+dari[ \t\u00a0]+(?:total[ \t\u00a0]+)?(?:\d{1,3}(?:\.\d{3})+|\d+)(?![\d,.]\d)")
# "Rapimnas 2 Forum Nasional", "Jambore 3 Pramuka": a series number between a name's capitalised words.
_CAPITAL_BEFORE = re.compile(r"(?<![.!?:;\n\"“])[ \t]+([A-Z][\w-]*)[ \t\u00a0]+$")
_TITLE_WORD = re.compile(r"[A-Z][a-z]+$")
_LINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NAME_WITH_ABBREVIATION = re.compile(r"([A-Za-z]+(?:[ \t]+[A-Za-z]+){0,6}?)[ \t]*\(([A-Z][A-Za-z0-9]{1,7})\)")
# "Rp 5.000.000 (lima juta", "Rp.25.500.000;- (dua puluh": the amount again in words.
_RESTATED = re.compile(r"\d(?:[,;.]?-)?[ \t\u00a0]*(?:[A-Za-z]+[ \t\u00a0]*)?\($")
_SPELLED_OUT = re.compile(r"[ \t\u00a0]*\((?:" + _NEXT_WORD + r")(?:[ \t\u00a0]+(?:" + _NEXT_WORD + r"))*\)")
_NEXT_UNIT_WORD = re.compile(r"[ \t\u00a0]+([a-z][a-z'’]*)")
# Words before a number that make it a label, not a quantity: legal references, times, dates, addresses,
# ranks and codes.
_LABEL_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:tahun|thn|pukul|jam|pasal|ayat|nomor|nomer|no\.?|uu|perda|perpres|perbup|perwali|pergub"
    r"|pp|permensos|permendagri|kepmendagri|kepmensos|inpres|keppres|sk|rt|rw|ke|km|jalan|jl\.?|jln\.?|blok"
    r"|lantai|lt\.?|kode|hal\.?|halaman|edisi|angkatan|gelombang|periode|tanggal|tgl\.?|kelas|juara"
    r"|peringkat|urutan|urut|level|seri|versi|huruf|butir|bab|tipe|type|gedung|kamar|ruang|nik|npwp|hp"
    r"|telp\.?|telepon|tel\.?|wa|whatsapp|fax|faks|tahap|hut|gang|gg\.?|kav\.?|kavling|zona|sektor|sesi|ronde"
    r"|babak|jilid|volume|vol\.?|surah|surat|qs\.?|covid|sars|nomor\s+urut"
    # Numbered commissions, assistants, grades and meetings: "Komisi 8 DPR", "Asda 3", "eselon 2", "Munas 2".
    r"|komisi|asda|asisten|eselon|munas|musda|muswil|muscab|musprov|muskab|muskot|musdalub|rakernas|rakerda"
    r"|rakerwil|rakorda|rakornas|rapimnas|rapimda|rapimwil|kongres|muktamar)[\s.:]*$",
    re.IGNORECASE,
)
_LABEL_WINDOW = 24
_ONE_OF = re.compile(r"(?<![A-Za-z])salah[ \t]+$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“”'‘(]\s*|\n)$")
_VERB_LIKE = re.compile(r"^(?:me|ber|ter|di|ke|se|per)")
_VERB_PREFIX = re.compile(r"^(?:me|ber|ter|di)[a-z]{4,}$")
_GENERIC_HEADS = frozenset({
    "organisasi", "lembaga", "panti", "anak", "kelompok", "tenaga", "pekerja", "rumah", "unit", "paket",
    "penyandang", "keluarga", "penerima", "forum", "yayasan", "komunitas", "kepala",
})
_MONEY_CONTEXT = re.compile(
    r"(?<![A-Za-z])(?:dana|anggaran|senilai|sebesar|biaya|nilai|nilainya|bantuan|hibah|uang|insentif|honor"
    r"|gaji|santunan|modal|total|apbd|apbn|pagu|alokasi)\b[^.\n]{0,30}$",
    re.IGNORECASE,
)


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100


def _unit_after(text: str, position: int, lexicon: _Lexicon) -> tuple[str, int] | None:
    """The counted noun after a number (one word, or a known several-word noun) and where it ends."""
    spelled = _SPELLED_OUT.match(text, position)
    if spelled:
        position = spelled.end()  # "2 (dua) orang"
    filler = _FILLER.match(text, position)
    if filler:
        position = filler.end()
    part = _PART_OF.match(text, position)
    if part:
        position = part.end()
    match = _UNIT_WORD.match(text, position)
    if not match:
        return None
    head = match.group(1)
    end = match.end()
    doubled = _REDUPLICATED.match(head)
    if doubled and doubled.group(1).lower() not in _LEXICAL_REDUPLICATIONS:
        head = doubled.group(1)  # "750 anak-anak": the plural form counts the same noun
    head_lower = head.lower()
    if head_lower in lexicon.stop or head_lower in numbers.NUMBER_WORDS:
        return None
    named = _NAME_WITH_ABBREVIATION.match(text, match.start(1))
    # "anak untuk mendapat program Asistensi Rehabilitasi Sosial (Atensi)": a clause, not a body's name spelled out.
    if named and any(word.lower() in lexicon.stop or _VERB_PREFIX.match(word.lower())
                     for word in named.group(1).split()[1:]):
        named = None
    if (named and named.group(2)[0].lower() == head_lower[0]
            and (head[0].isupper() or len(named.group(1).split()) >= 3)):
        # "18 Lembaga Kesejahteraan Sosial (LKS)": an institution spelled out is counted by its abbreviation;
        # "100 kepala keluarga (KK)" keeps its plain noun.
        return named.group(2), named.end()
    for phrase in lexicon.compounds.get(head_lower, ()):
        rest = phrase.split()[1:]
        cursor, ok = end, True
        for word in rest:
            nxt = _NEXT_UNIT_WORD.match(text, cursor)
            if not nxt or nxt.group(1).lower() != word:
                ok = False
                break
            cursor = nxt.end()
        if ok:
            return head + text[end:cursor], cursor
    if head_lower in _GENERIC_HEADS:
        nxt = _NEXT_UNIT_WORD.match(text, end)
        if nxt:
            modifier = nxt.group(1)
            if (modifier not in lexicon.stop and modifier not in numbers.NUMBER_WORDS
                    and not _VERB_LIKE.match(modifier) and modifier != "yang"):
                return head + text[end:nxt.end()], nxt.end()
    return head, end


def _title_cased_line(text: str, position: int) -> bool:
    """True when the line holding `position` is a headline: nearly all its longer words capitalised."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    words = [w for w in _LINE_WORD.findall(text, start, len(text) if end < 0 else end) if len(w) > 3]
    return bool(words) and sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words)


def _series_number(text: str, start: int, noun: str) -> bool:
    """True for a number inside a name: "Rapimnas 2 Forum Nasional" (capitalised words on both sides, in prose)."""
    head = noun.split()[0]
    if _TITLE_WORD.match(head) is None or _CAPITAL_BEFORE.search(text, max(0, start - 40), start) is None:
        return False
    return not _title_cased_line(text, start)


def _looks_verbal(unit: str, lexicon: _Lexicon) -> bool:
    """A verb right after a number ("20 mengikuti") shows the number counts nothing it names."""
    head = unit.split()[0]
    return head.islower() and head not in lexicon.nouns and _VERB_PREFIX.match(head) is not None


def _countable(unit: str, lexicon: _Lexicon) -> bool:
    head = unit.split()[0]
    letters = head.replace("/", "").replace("-", "")
    return head.lower() in lexicon.nouns or (letters.isupper() and 2 <= len(letters) <= 6)


def _number_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_NUMBER.finditer(text)`, trying `_NUMBER` only where a number can open."""
    return matches_at_openings(_NUMBER, _NUMBER_OPENING, text)


# "bansos tersebut sebanyak 413": a demonstrative between the noun and "sebanyak" is no part of the noun.
_DEMONSTRATIVES = frozenset({"tersebut", "itu", "ini"})
# "panti asuhan sebanyak 81 dan 3 LKS disabilitas", "Peserta yang hadir sebanyak 50.": the counted noun written
# before the number, which nothing follows.
_NOUN_BEFORE_AMOUNT = re.compile(r"(?P<noun>[A-Za-z][\w-]*(?:[ \t]+[a-z][\w-]*)?)[ \t]+(?:yang[ \t]+[a-z]+[ \t]+)?"
                                 r"(?:(?:" + "|".join(sorted(_DEMONSTRATIVES)) + r")[ \t]+)?"
                                 r"(?:sebanyak|sejumlah|berjumlah)[ \t]+$")
# "Lembaga Kesejahteraan Sosial Anak (LKSA) sebanyak 707", "LKSA (anak) sebanyak 707": a bracket before the amount
# holds the noun's abbreviation, which is what is counted, or a gloss of the noun before it.
_BRACKET_BEFORE_AMOUNT = re.compile(r"(?P<word>[A-Za-z][\w-]*)[ \t]+\((?P<inside>[^()\n]{1,40})\)[ \t]+"
                                    r"(?:sebanyak|sejumlah|berjumlah)[ \t]+$")
_ABBREVIATION = re.compile(r"[A-Z]{2}[\w-]*")
# "..., dan", "sebanyak 413 disalurkan di 2 provinsi": the number ends its noun phrase.
_NOTHING_COUNTED_AFTER = re.compile(r"[ \t]*(?:[.,;:)]|(?:dan|serta)\b|(?:di|ter|me|ber)[a-z]{4,}\b|$)")


def _noun_before(text: str, start: int, end: int, lexicon: _Lexicon) -> str | None:
    """The countable noun a number with no noun after it counts, written before "sebanyak"/"berjumlah"."""
    if _NOTHING_COUNTED_AFTER.match(text, end) is None:
        return None
    bracket = _BRACKET_BEFORE_AMOUNT.search(text, max(0, start - 60), start)
    if bracket is not None:
        inside = bracket.group("inside")
        noun = inside if _ABBREVIATION.fullmatch(inside) else bracket.group("word")
    elif (before := _NOUN_BEFORE_AMOUNT.search(text, max(0, start - 60), start)) is not None:
        noun = before.group("noun")
    else:
        return None
    words = [w for w in noun.split() if w.lower() not in _DEMONSTRATIVES]
    for index, word in enumerate(words):
        if word.lower() in lexicon.nouns:
            return " ".join(words[index:])
    return None


def _scan(text: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, unit) of each count in `text`."""
    lexicon = _lexicon()
    found: list[tuple[int, int, float, str]] = []
    for match in _number_matches(text):
        start = match.start()
        number_start = match.start("digits") if match.group("digits") else match.start("words")
        money = match.group("money")
        after_ke = False
        if not match.group("qual") and not money:
            label = _LABEL_BEFORE.search(text, max(0, start - _LABEL_WINDOW), start)
            if label:
                # "ke dua panti" goes to two homes; "hari ke 3" is an ordinal: the noun decides.
                after_ke = label.group().strip().lower() == "ke"
                if not after_ke:
                    continue
        end = match.end()
        digits = match.group("digits")
        if digits:
            scale_word = match.group("scale")
            letter = match.group("letter")
            if not scale_word and not letter and (shared := _RANGE_SCALE.match(text, end)) is not None:
                scale_word = shared.group("scale")
            value = numbers.parse_digits(digits, scaled=bool(scale_word))
            if value is None:
                continue
            if scale_word:
                value = numbers.scaled(value, numbers.SCALE_WORDS[scale_word.lower()])
            elif letter:
                value = numbers.scaled(value, numbers.MONEY_SCALE_LETTERS[letter])
            plain = digits.isdigit()
            if not money and plain and digits.startswith("0") and len(digits) > 1:
                continue  # phone numbers, codes, "05" of an RT
            if not money and plain and len(digits) >= 7:
                continue
            year_like = not money and not scale_word and _is_year(digits)
            from_words = False
        else:
            words = match.group("words")
            if _RESTATED.search(text, max(0, start - 24), start):
                continue  # "Rp 5.000.000 (lima juta rupiah)" says the same amount again
            if words[0].isupper() and not _SENTENCE_START.search(text, max(0, number_start - 3), number_start):
                continue  # "Lima Puluh Kota", "Tim Dua": part of a name
            value_or_none = numbers.parse_words(words.lower().split())
            if value_or_none is None:
                continue
            value = value_or_none
            lowered = words.lower()
            if lowered == "nol" or lowered in numbers.SCALE_WORDS or lowered.split()[0] in numbers.ROUGH_WORDS:
                continue  # "puluhan LKS" is vague, not a count
            if lowered == "satu" and _ONE_OF.search(text, max(0, start - 8), start):
                continue
            year_like = False
            from_words = True
        if money:
            tail = _MONEY_TAIL.match(text, end)
            if tail:
                end = tail.end()
            found.append((start, end, value, "rupiah"))
            continue
        percent = _PERCENT.match(text, end)
        if percent:
            found.append((start, percent.end(), value, "persen"))
            continue
        rupiah = _RUPIAH.match(text, end)
        if rupiah:
            found.append((start, rupiah.end(), value, "rupiah"))
            continue
        unit = _unit_after(text, end, lexicon)
        if (unit is None or unit[0].split()[0].lower() not in lexicon.nouns) and digits and match.group("scale") \
                and value >= 1e6 and _MONEY_CONTEXT.search(text, max(0, start - 40), start):
            # "anggaran ... 1,5 Miliar turun menjadi": an amount of a budget, whatever word follows it.
            found.append((start, end, value, "rupiah"))
            continue
        verb_after = unit is not None and bool(digits) and _looks_verbal(unit[0], lexicon)
        if ((unit is None or verb_after) and not year_like
                and (noun_before := _noun_before(text, start, end, lexicon))):
            found.append((start, end, value, noun_before))
            continue
        if unit is None:
            continue
        noun, unit_end = unit
        if year_like and (not noun.islower() or noun.split()[0] not in lexicon.nouns):
            continue
        if from_words and not _countable(noun, lexicon):
            continue
        if after_ke and noun.split()[0].lower() not in lexicon.nouns:
            continue
        if digits and _looks_verbal(noun, lexicon):
            continue
        if digits and not match.group("qual") and _series_number(text, start, noun):
            continue
        found.append((start, unit_end, value, noun))
    return _stated_ones(text, found)


# "Tinggal satu daerah", "dan 1 LKS lansia", "yaitu 1 LKSA": words that make "one" a quantity, restricting it or
# adding it to a list; elsewhere "satu anak yang ..." is the indefinite article.
_ONE_COUNTED_AFTER = re.compile(
    r"(?:(?<![A-Za-z])(?:tinggal|hanya|baru|cuma|sisanya|yakni|yaitu|ialah|dan|serta|terdiri\s+(?:atas|dari)"
    r"|antaranya)|,)[ \t\u00a0]*$", re.IGNORECASE)
# "jika satu LKS mampu", "untuk satu anak sebesar", "dalam satu panti": one taken as a measure, not a number stated.
_ONE_AS_MEASURE_AFTER = re.compile(
    r"(?<![A-Za-z])(?:jika|jikalau|kalau|bila|apabila|untuk|dalam|setiap|tiap|per|program)[ \t\u00a0]*$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?](?=\s)|\n")
# Sums and shares: "Rp 1 juta" and "1 persen" are amounts, never the indefinite article.
_AMOUNT_UNITS = frozenset({"rupiah", "persen"})


def _stated_ones(text: str, found: list[tuple[int, int, float, str]]) -> list[tuple[int, int, float, str]]:
    """The counts without the ones that are no stated quantity: a "one" neither listed nor restricted."""
    kept: list[tuple[int, int, float, str]] = []
    for count in found:
        start, end, value, unit = count
        if value != 1 or unit in _AMOUNT_UNITS:
            kept.append(count)
            continue
        window = text[max(0, start - 30):start]
        if _ONE_AS_MEASURE_AFTER.search(window):
            continue
        if _ONE_COUNTED_AFTER.search(window):
            kept.append(count)
            continue
        sentence_start = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, start)), default=0)
        following = _SENTENCE_BREAK.search(text, end)
        sentence_end = following.start() if following else len(text)
        # "dua LKS di Kota A, satu LKS di Kabupaten B": one among other counts of the same sentence.
        if any(other_start >= sentence_start and other_end <= sentence_end and other_value != 1
               and other_unit not in _AMOUNT_UNITS
               for other_start, other_end, other_value, other_unit in found):
            kept.append(count)
    return kept


def find_counts(article: ArticleText) -> list[Count]:
    """Counts stated in the kept paragraphs, each with its paragraph index and offsets in that paragraph."""
    counts: list[Count] = []
    for start, end, value, unit in _scan(article.text):
        evidence = article.evidence(start, end)
        counts.append(Count(value=value, unit=unit, text=article.text[start:end], paragraph=evidence.paragraph,
                            start=evidence.start, end=evidence.end))
    return counts


def counts_in(text: str) -> list[tuple[float, str, str]]:
    """(value, unit, text) of each count in a plain string; for checks and notebooks."""
    return [(value, unit, text[start:end]) for start, end, value, unit in _scan(text)]
