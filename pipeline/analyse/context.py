"""The text an analyser component sees: kept paragraphs with their offsets in one joined string."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pipeline.models import Document, Evidence, Paragraph

SEPARATOR = "\n\n"


@dataclass(slots=True)
class ArticleText:
    """Kept paragraphs of one document, joined, with a map back to paragraph index and offset."""

    paragraphs: list[Paragraph]
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    text: str = ""
    starts: list[int] = field(default_factory=list)
    doc: Any = None  # the spaCy Doc over `text`, set by the pipeline

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
