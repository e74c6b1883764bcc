"""The text an analyser component sees: kept paragraphs with their offsets in one joined string."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.models import Document, Evidence, Paragraph

SEPARATOR = "\n\n"
# Where a sentence or a paragraph ends, at its simplest: any full stop, "!", "?" or line break.
SENTENCE_END = re.compile(r"[.!?\n]")
# Non-ASCII letters that a case-insensitive regex reads as ASCII ones (dotted and dotless i, long s, the Kelvin
# sign); no other character lower-cases to an ASCII letter or to more than one character.
FOLDED_LETTERS = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=8)
def _lowered(text: str) -> str | None:
    """`text` in lower case, character for character; None when it holds one of `FOLDED_LETTERS`."""
    if any(letter in text for letter in FOLDED_LETTERS):
        return None
    return text.lower()


def matches_at_openings(pattern: re.Pattern[str], openings: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text)`, trying `pattern` only where `openings` says a match can start."""
    resume = 0
    for opening in openings.finditer(text):
        start = opening.start()
        if start < resume:
            continue
        match = pattern.match(text, start)  # the lookbehinds still see the text before `start`
        if match is not None:
            yield match
            resume = match.end()


def may_contain(text: str, *words: str) -> bool:
    """False only when no case-insensitive regex finds any of these lower-case ASCII words in `text`.

    Several components look for rare cue words in the same article before running a slow regex over it:
    one lower-cased copy per text answers them all.
    """
    lowered = _lowered(text)
    return lowered is None or any(word in lowered for word in words)


@dataclass(slots=True)
class ArticleText:
    """Kept paragraphs of one document, joined, with a map back to paragraph index and offset."""

    paragraphs: list[Paragraph]
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    text: str = ""
    starts: list[int] = field(default_factory=list)

    @classmethod
    def from_document(cls, document: Document) -> ArticleText:
        """Build from a cleaned Document: only `kept` paragraphs take part."""
        kept = document.kept()
        starts: list[int] = []
        position = 0
        for p in kept:
            starts.append(position)
            position += len(p.text) + len(SEPARATOR)
        return cls(paragraphs=kept, published=document.published, title=document.title,
                   url=document.url, text=SEPARATOR.join(p.text for p in kept), starts=starts)

    def evidence(self, start: int, end: int) -> Evidence:
        """Turn a span of the joined text into paragraph index plus offsets inside that paragraph."""
        import bisect

        slot = max(0, bisect.bisect_right(self.starts, start) - 1)
        base = self.starts[slot] if self.starts else 0
        return Evidence(paragraph=self.paragraphs[slot].index if self.paragraphs else 0,
                        start=start - base, end=end - base)
