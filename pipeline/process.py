"""The offline path for one document: extract → clean → analyse; used by `run`, `reprocess` and `extract`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pipeline import analyse as analyse_stage
from pipeline import clean as clean_stage
from pipeline import extract as extract_stage
from pipeline.config import ArticleHints
from pipeline.models import Analysis, Document, to_contract


def process_document(document: Document, *, recurring: frozenset[str] = frozenset()) -> tuple[Document, Analysis]:
    """Clean a freshly extracted document and analyse its kept paragraphs."""
    clean_stage.clean(document, recurring=recurring)
    if document.published is None:
        document.published = _dateline_date(document)
    return document, analyse_stage.analyse(document)


def _dateline_date(document: Document) -> dt.date | None:
    """A publication date from the first paragraphs' dateline ("Banjarmasin, Rabu (8/10/2025)")."""
    try:
        from pipeline.analyse.dates import publication_date_from
    except ImportError:  # the dates component is optional for the text-only path
        return None
    for paragraph in document.kept()[:2]:
        found = publication_date_from(paragraph.text[:160])
        if found:
            return found
    return None


def process_html(html: str, *, url: str | None, hints: ArticleHints | None = None, source: str | None = None,
                 recurring: frozenset[str] = frozenset()) -> tuple[Document, Analysis]:
    """Extract, clean and analyse one fetched page."""
    document = extract_stage.from_html(html, url=url, hints=hints, source=source)
    return process_document(document, recurring=recurring)


def process_file(path: str | Path, *, url: str | None = None, published: dt.date | None = None) -> dict[str, Any]:
    """The contract object (extract.md) for one .html/.htm/.txt file or '-'."""
    document = extract_stage.read_path(str(path), url=url, published=published)
    document, analysis = process_document(document)
    return to_contract(document, analysis)
