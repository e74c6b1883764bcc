"""Cleaning stage: mark each paragraph kept, boilerplate (with the reason) or duplicate of an earlier one."""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable

from pipeline.models import Document, Paragraph

# Lines that are never article content, by their opening words (outlet chrome, prompts, bylines, forms).
_BOILERPLATE_PREFIXES: dict[str, tuple[str, ...]] = {
    "read_also": (
        r"baca juga", r"baca pula", r"baca\s*:", r"baca selengkapnya", r"lihat juga", r"simak juga", r"artikel terkait",
        r"berita terkait", r"related articles?", r"related posts?", r"populer", r"terpopuler", r"berita lainnya",
        r"tonton juga", r"saksikan juga",
    ),
    "byline": (
        r"editor\s*:", r"penulis\s*:", r"pewarta\s*:", r"reporter\s*:", r"redaktur\s*:", r"penyunting\s*:",
        r"sumber\s*:", r"foto\s*:", r"kontributor\s*:", r"written by\b", r"oleh\s*:", r"dibaca\s*:",
        r"category\s*:", r"kategori\s*:", r"tags?\s*:", r"topik\s*:", r"\d+\s+menit baca",
    ),
    "caption": (r"keterangan foto", r"caption\s*:", r"\(foto\s*:", r"ilustrasi\s*[:.]"),
    "prompt": (
        r"tinggalkan balasan", r"tinggalkan komentar", r"alamat email anda", r"back to top",
        r"bagikan\b", r"share\b", r"ikuti (?:kami|berita|informasi)", r"dapatkan (?:update|berita|informasi)",
        r"klik (?:di ?sini|link)", r"download aplikasi", r"simak berita", r"gabung(?:lah)? (?:di|ke) ",
        r"komentar\b", r"copyright\b", r"©", r"hak cipta", r"all rights reserved", r"newsletter",
        r"berlangganan\b", r"loading\b", r"advertisement\b", r"iklan\b", r"scroll to continue",
        r"lanjutkan membaca", r"kirim komentar", r"nama\s*\*", r"email\s*\*", r"situs web\b",
    ),
}
_PREFIX = re.compile(
    "|".join(f"(?P<{reason}>^(?:{'|'.join(patterns)}))" for reason, patterns in _BOILERPLATE_PREFIXES.items()),
    re.IGNORECASE,
)
# "Baca juga" glued to the end of a content paragraph: cut there.
_GLUED_READ_ALSO = re.compile(r"\s+(?:baca juga|baca pula)\s*:", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)
# A dateline on its own line ("Serang (ANTARA) -") belongs to the story: it names the place.
_DATELINE = re.compile(r"^[A-Z][\w.' ]{1,40}(?:,\s*[^-–—]{0,40})?(?:\s*\([A-Za-z.]+\))?\s*[-–—]+\s*$")
# "Bupati menyerahkan bantuan kepada Panti Asuhan X. (Foto ANTARA/Mamiek)": a photo's caption, not the story.
_PHOTO_CREDIT_END = re.compile(r"[(\[](?:foto|photo|dok|dokumentasi|ist|istimewa)\b[^()\[\]]{0,60}[)\]][\s.,|]*$",
                               re.IGNORECASE)
_CLOSING_CREDIT = re.compile(r"^\(?[A-Za-z]{2,8}(?:/[A-Za-z]{2,8})?\)?\.?$|^\[\]$")


_RELATED_HEADING = re.compile(
    r"^\s*(?:baca juga|baca pula|lihat juga|simak juga|artikel terkait|berita terkait|related articles?|"
    r"related posts?|berita lainnya|terpopuler|populer|berita populer)\s*:?\s*$", re.IGNORECASE)
_HEADLINE_WORD = re.compile(r"[\w'’-]+")
_SMALL_WORDS = frozenset(["di", "ke", "dari", "dan", "atau", "yang", "untuk", "dengan", "pada", "dalam", "jadi", "ini", "itu", "akan", "juga", "the", "of"])


def _looks_like_headline(text: str) -> bool:
    """A short line without a closing full stop whose words are mostly capitalised: another story's title."""
    stripped = text.strip()
    if not stripped or stripped[-1] in ".\"”'’" or len(stripped) > 200:
        return stripped in ("-", "•", "|")
    words = [w for w in _HEADLINE_WORD.findall(stripped) if w.lower() not in _SMALL_WORDS]
    if not words or len(words) > 25:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capitalised >= 0.7 * len(words)


def normalise(text: str) -> str:
    """Case-, punctuation- and whitespace-insensitive form used to compare paragraphs."""
    return " ".join(_WORD.findall(text.casefold()))


def paragraph_hash(text: str) -> str:
    """Stable short hash of a paragraph's normalised form (for per-source recurring-line learning)."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:16]


def _shingles(words: list[str], size: int = 3) -> set[tuple[str, ...]]:
    if len(words) < size:
        return {tuple(words)}
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def _prefix_reason(text: str) -> str | None:
    # Stray punctuation glued in front (".Baca : ...", "- Baca juga") does not hide a read-also line.
    match = _PREFIX.match(text.strip().lstrip(".,;:-–—•*>| "))
    return match.lastgroup if match else None


def _boilerplate_reason(text: str) -> str | None:
    reason = _prefix_reason(text)
    if reason:
        return reason
    # Only "no words" and "three words or fewer" matter: the first four decide both.
    words = list(itertools.islice(_WORD.finditer(text), 4))
    if not words:
        return "empty"
    if _DATELINE.match(text.strip()):
        return None
    if _CLOSING_CREDIT.match(text.strip()):
        return "credit"
    if _PHOTO_CREDIT_END.search(text):
        return "caption"
    # A short line with no sentence punctuation and no digits is a label ("KALSEL", "Related Articles").
    if len(words) <= 3 and not re.search(r"[.!?\"“”]", text) and not re.search(r"\d", text):
        return "label"
    return None


def split_glued(texts: Iterable[str]) -> list[str]:
    """Split paragraphs that carry a 'Baca juga:' tail into content and the tail."""
    out: list[str] = []
    for text in texts:
        match = _GLUED_READ_ALSO.search(text)
        if match and _WORD.search(text[:match.start()]):
            out.extend([text[:match.start()].strip(), text[match.start():].strip()])
        else:
            out.append(text)
    return out


# A line cut mid-sentence by the page's own line breaks: it ends in a word or a comma, not in closing punctuation.
_OPEN_END = re.compile(r"[\w,]$")
_LOWER_START = re.compile(r"^[a-z]")
# Hard-wrapped pages break most sentences; once a page shows this many cuts before a lower-case word, a long
# line ending mid-sentence continues even before a capital ("Kepala Dinas Sosial Kalteng, / Suhaemi menegaskan").
_WRAPPED_PAGE_CUTS = 3
_WRAPPED_LINE_MIN_CHARS = 40


def join_wrapped(texts: list[str]) -> list[str]:
    """Join lines the page broke inside a sentence back into their paragraph."""
    stripped = [t.strip() for t in texts]
    cuts = sum(1 for a, b in itertools.pairwise(stripped) if _OPEN_END.search(a) and _LOWER_START.match(b))
    hard_wrapped = cuts >= _WRAPPED_PAGE_CUTS
    out: list[str] = []
    for text in stripped:
        previous = out[-1] if out else ""
        lower = bool(_LOWER_START.match(text))
        # Cheap tests first; a prompt or byline line ("Baca juga: ...", "Editor: ...") must not swallow the story
        # after it, nor a story line a byline or label.
        continues = (bool(previous and text and _OPEN_END.search(previous))
                     and (lower or (hard_wrapped and len(previous) >= _WRAPPED_LINE_MIN_CHARS and text[0].isupper()))
                     and not _prefix_reason(previous) and not _prefix_reason(text)
                     and (lower or not _boilerplate_reason(text)))
        if continues:
            out[-1] = f"{previous} {text}"
        else:
            out.append(text)
    return out


# Paragraphs shorter than this are never compared as near repeats: too few shingles to tell.
_NEAR_MIN_WORDS = 8


def classify(texts: list[str], *, recurring: frozenset[str] = frozenset(),
             near_threshold: float = 0.85) -> list[Paragraph]:
    """Paragraphs with status and reason; `recurring` holds hashes of lines seen on many pages of the source."""
    paragraphs = [Paragraph(index=i, text=t) for i, t in enumerate(split_glued(join_wrapped(texts)))]
    keys = [normalise(p.text) for p in paragraphs]
    all_shingles = [_shingles(key.split()) for key in keys]
    # Prefix filtering: two sets with Jaccard >= t share one of their rarest |S| - ceil(t|S|) + 1 shingles, so
    # only paragraphs sharing such a shingle are compared. Same answers as comparing every pair, but a page
    # of 20,000 near-identical lines no longer takes minutes.
    frequency = Counter(shingle for shingles in all_shingles for shingle in shingles)
    in_related_list = False
    seen_exact: dict[str, int] = {}
    seen_shingles: list[tuple[int, set[tuple[str, ...]], int]] = []
    by_shingle: dict[tuple[str, ...], list[int]] = {}
    for p, key, shingles in zip(paragraphs, keys, all_shingles, strict=True):
        reason = _boilerplate_reason(p.text)
        if reason is None and recurring and paragraph_hash(p.text) in recurring:
            reason = "recurring"
        # Under a bare "Berita Terkait"/"Baca Juga" heading come other stories' headlines, one per line.
        if reason is None and in_related_list and _looks_like_headline(p.text):
            reason = "related_list"
        in_related_list = (reason == "related_list" or (in_related_list and reason == "empty")
                           or (reason == "read_also" and bool(_RELATED_HEADING.match(p.text))))
        if reason is not None:
            p.status, p.reason = "boilerplate", reason
            continue
        if key in seen_exact:
            p.status, p.reason, p.duplicate_of = "duplicate", "exact_repeat", seen_exact[key]
            continue
        words = key.split()
        if len(words) < _NEAR_MIN_WORDS:
            # Too short to be anyone's near repeat or to have one (the length check below): nothing to compare.
            seen_exact[key] = p.index
            continue
        # Rarest first, ties in shingle order: a stable sort by frequency of the sorted shingles, no key tuples.
        rare_first = sorted(sorted(shingles), key=frequency.__getitem__)
        prefix = rare_first[:len(rare_first) - math.ceil(near_threshold * len(rare_first)) + 1]
        if near_threshold > 0:
            candidates = sorted({position for shingle in prefix for position in by_shingle.get(shingle, ())})
        else:
            candidates = list(range(len(seen_shingles)))
        for position in candidates:
            index, other, length = seen_shingles[position]
            if min(length, len(words)) < _NEAR_MIN_WORDS or abs(length - len(words)) > 0.3 * max(length, len(words)):
                continue
            overlap = len(shingles & other) / max(1, len(shingles | other))
            if overlap >= near_threshold:
                p.status, p.reason, p.duplicate_of = "duplicate", "near_repeat", index
                break
        else:
            seen_exact[key] = p.index
            for shingle in prefix:
                by_shingle.setdefault(shingle, []).append(len(seen_shingles))
            seen_shingles.append((p.index, shingles, len(words)))
    return paragraphs


def clean(document: Document, *, recurring: frozenset[str] = frozenset()) -> Document:
    """Re-classify a document's paragraphs in place and return it."""
    document.paragraphs = classify([p.text for p in document.paragraphs], recurring=recurring)
    return document


def drop_reasons(document: Document) -> Counter[str]:
    """How many paragraphs were dropped, by reason."""
    return Counter(f"{p.status}:{p.reason}" for p in document.paragraphs if p.status != "kept")
