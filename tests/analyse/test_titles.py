"""Position-head vocabulary: the lower-cased search for heads finds what a case-insensitive regex finds."""

from __future__ import annotations

import random
import re
import sys

import pytest

from pipeline.analyse.context import FOLDED_LETTERS
from pipeline.analyse.titles import HEAD_RE, CaselessPattern


def _all_matches(search: CaselessPattern | re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str, str]]:
    """Every match the way officials reads them: search again from the end of the last one."""
    found = []
    position = 0
    while (match := search.search(text, position)) is not None:
        found.append((match.span(), match.group("head"), match.group("acting") or ""))
        position = max(match.end(), position + 1)
    return found


def test_classes_and_boundaries_read_the_same_in_the_lower_cased_copy() -> None:
    """The premise of `CaselessPattern`: outside the folded letters, a character lower-cases to one that matches
    a literal, class or word boundary exactly when IGNORECASE matches the character itself."""
    others = "".join(chr(c) for c in range(sys.maxunicode + 1)
                     if chr(c) not in FOLDED_LETTERS and not 0xD800 <= c <= 0xDFFF)
    lowered = others.lower()
    assert len(lowered) == len(others)
    for atom in (r"[a-z]", r"\w", r"\s", r"\d", r"[().\-/']", r"[^\s.,;:!?]"):
        caseless = [m.start() for m in re.finditer(atom, others, re.IGNORECASE)]
        assert caseless == [m.start() for m in re.finditer(atom, lowered)], atom


def test_head_search_matches_the_case_insensitive_regex() -> None:
    glue = [" ", "  ", ", ", "(", ")", ".", "\n", "a", "7", "-", "\u00a0"]
    words = ["Kepala", "KEPALA", "kepala", "Plt", "PLT.", "Pelaksana Tugas", "(Plt)", "Wakil", "Ketua", "Umum",
             "Wali Kota", "Walikota", "Sekda", "Dinas", "Sosial", "Bupati", "Kadinsos", "ketuanya", "Pj.", "Camat",
             "Penjabat Sementara", "Gubernur", "Kepala\nDinas", "xKepala", "Kepalanya", "WAKIL KETUA UMUM"]
    generator = random.Random(7)
    for _ in range(400):
        text = "".join(generator.choice(words) + generator.choice(glue) for _ in range(generator.randint(1, 12)))
        assert _all_matches(HEAD_RE, text) == _all_matches(HEAD_RE.caseless, text), text
        assert list(HEAD_RE.spans(text)) == [m.span() for m in HEAD_RE.caseless.finditer(text)], text


@pytest.mark.parametrize("text", ["\u212aepala Dinas Sosial", "Wakil \u212aetua LKKS", "\u017fekda Aceh",
                                  "Bupat\u0131 Kendal", "BUPATİ Kendal", "Ketua DİNAS, Kepala Bidang"])
def test_head_search_with_letters_that_fold_to_ascii(text: str) -> None:
    """A text holding one of the folded letters is searched as it is: the Kelvin sign still reads as a "K"."""
    assert _all_matches(HEAD_RE, text) == _all_matches(HEAD_RE.caseless, text)
    assert _all_matches(HEAD_RE, text)


def test_head_search_keeps_the_texts_own_spelling() -> None:
    match = HEAD_RE.search("Hadir pula PLT. Kepala Dinas Sosial, Andi.", 0)
    assert match is not None
    assert (match.group("acting"), match.group("head")) == ("PLT. ", "Kepala")
    assert HEAD_RE.search("Hadir pula PLT. Kepala Dinas Sosial, Andi.", match.end()) is None


def test_a_capital_letter_in_the_pattern_is_refused() -> None:
    with pytest.raises(ValueError):
        CaselessPattern(r"\bKepala\b")
