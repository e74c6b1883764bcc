"""Indonesian numbers: digits with dot thousands and comma decimals, number words, scale words, rough plurals.

Conventions: "8.717" is 8717 and "76,35" is 76.35; a dot followed by one or two digits is a decimal only before a
scale word ("2.5 juta"). Rough plurals take the unit of their order of magnitude: belasan and puluhan = 10,
ratusan = 100, ribuan = 1000, jutaan = 1e6, and they multiply a following scale ("puluhan ribu" = 10000).
"""

from __future__ import annotations

import re

UNIT_WORDS: dict[str, int] = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
}
# "se-" forms: one of the following word.
SE_WORDS: dict[str, int] = {"sepuluh": 10, "sebelas": 11, "seratus": 100}
SCALE_WORDS: dict[str, float] = {
    "ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9, "miliyar": 1e9, "milyard": 1e9,
    "miliard": 1e9, "triliun": 1e12,
}
SE_SCALES: dict[str, float] = {"seribu": 1e3, "sejuta": 1e6, "semiliar": 1e9, "setriliun": 1e12}
# Capital letters after a sum of money: "Rp 1,7 M", "Rp 2 T".
MONEY_SCALE_LETTERS: dict[str, float] = {"K": 1e3, "M": 1e9, "T": 1e12}
ROUGH_WORDS: dict[str, float] = {"belasan": 10, "puluhan": 10, "ratusan": 100, "ribuan": 1e3, "jutaan": 1e6}
PLACE_WORDS: dict[str, int] = {"belas": 10, "puluh": 10, "ratus": 100}

NUMBER_WORDS: frozenset[str] = frozenset(
    [*UNIT_WORDS, *SE_WORDS, *SCALE_WORDS, *SE_SCALES, *ROUGH_WORDS, *PLACE_WORDS]
)

_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_PLAIN = re.compile(r"\d+(?:,\d+)?")
_DOT_DECIMAL = re.compile(r"\d+\.\d{1,2}")
_ENGLISH = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_MONEY_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_MONEY_SUFFIX = re.compile(r"(?:,-|,00|\.-)$")


def parse_digits(text: str, *, scaled: bool = False) -> float | None:
    """Value of a digit string in Indonesian notation; `scaled` allows "2.5" (a decimal before a scale word)."""
    if _THOUSANDS.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    if _PLAIN.fullmatch(text):
        return float(text.replace(",", "."))
    if _ENGLISH.fullmatch(text):
        return float(text.replace(",", ""))
    if scaled and _DOT_DECIMAL.fullmatch(text):
        return float(text)
    return None


def parse_words(words: list[str]) -> float | None:
    """Value of a run of lower-case number words ("seratus lima puluh", "dua juta lima ratus ribu")."""
    total = 0.0
    group = 0.0  # below one thousand, not yet scaled
    pending = 0.0  # a unit word waiting for belas/puluh/ratus
    seen = False
    for word in words:
        if word in UNIT_WORDS:
            if pending:
                return None  # "dua tiga" is not a number
            pending = UNIT_WORDS[word] or 0.0
            seen = True
            if word == "nol" and len(words) > 1:
                return None
        elif word in SE_WORDS:
            group += SE_WORDS[word]
            seen = True
        elif word in PLACE_WORDS:
            if not pending:
                return None
            group += pending + 10 if word == "belas" else pending * PLACE_WORDS[word]
            pending = 0.0
        elif word in ROUGH_WORDS:
            if seen:
                return None
            group += ROUGH_WORDS[word]
            seen = True
        elif word in SE_SCALES:
            if group or pending:
                return None
            total += SE_SCALES[word]
            seen = True
        elif word in SCALE_WORDS:
            amount = group + pending
            if not amount:
                return None
            if total and total < SCALE_WORDS[word] * amount:
                # "lima ribu juta" is not how amounts are said; "dua juta lima ratus ribu" is fine.
                return None
            total += amount * SCALE_WORDS[word]
            group = pending = 0.0
        else:
            return None
    if not seen:
        return None
    return total + group + pending


def scaled(value: float, scale: float) -> float:
    """A value times a scale word's, without binary noise (8,3 miliar is 8300000000, not 8300000000.000001)."""
    return round(value * scale, 4)


def parse_number(text: str) -> float | None:
    """Value of a number phrase: "8.717", "76,35", "Rp 1,7 miliar", "4 ribu", "tiga puluh", "ratusan"."""
    cleaned = _MONEY_SUFFIX.sub("", _MONEY_PREFIX.sub("", text.strip())).strip()
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].strip()
    parts = cleaned.split()
    if not parts:
        return None
    head = parts[0]
    if head[0].isdigit():
        value = parse_digits(head, scaled=len(parts) > 1)
        if value is None:
            return None
        for part in parts[1:]:
            scale = SCALE_WORDS.get(part.lower()) or MONEY_SCALE_LETTERS.get(part)
            if scale is None:
                return None
            value = scaled(value, scale)
        return value
    return parse_words([p.lower() for p in parts])
