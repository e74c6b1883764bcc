"""Analysis stage: spaCy `blank("id")` with rule components that turn kept paragraphs into facts.

Each component reads the shared `ArticleText` stored on the Doc and writes its findings back;
`analyse` runs the pipeline by component name, in the order the facts depend on each other.
The components read the article's text, never spaCy tokens, so the Doc is left untokenised.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.analyse.context import ArticleText
from pipeline.models import Analysis, Document

COMPONENTS = ("lkks_regions", "lkks_dates", "lkks_counts", "lkks_officials", "lkks_events")


@dataclass(slots=True)
class _Findings:
    article: ArticleText
    analysis: Analysis = field(default_factory=Analysis)


def _findings(doc: Doc) -> _Findings:
    found: _Findings = doc.user_data["lkks"]
    return found


@Language.component("lkks_regions")
def _regions_component(doc: Doc) -> Doc:
    from pipeline.analyse import regions

    found = _findings(doc)
    found.analysis.regions = regions.find_regions(found.article)
    return doc


@Language.component("lkks_dates")
def _dates_component(doc: Doc) -> Doc:
    from pipeline.analyse import dates

    found = _findings(doc)
    found.analysis.dates = dates.find_dates(found.article)
    return doc


@Language.component("lkks_counts")
def _counts_component(doc: Doc) -> Doc:
    from pipeline.analyse import counts

    found = _findings(doc)
    found.analysis.counts = counts.find_counts(found.article)
    return doc


@Language.component("lkks_officials")
def _officials_component(doc: Doc) -> Doc:
    from pipeline.analyse import officials

    found = _findings(doc)
    found.analysis.officials = officials.find_officials(found.article, found.analysis.regions)
    return doc


@Language.component("lkks_events")
def _events_component(doc: Doc) -> Doc:
    from pipeline.analyse import events

    found = _findings(doc)
    relevant, found_events = events.find_events(found.article, found.analysis)
    found.analysis.relevant = relevant
    found.analysis.events = found_events
    return doc


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    """The Indonesian blank pipeline with the LKKS rule components."""
    nlp = spacy.blank("id")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def _make_doc(nlp: Language, document: Document) -> Doc:
    # An empty Doc: tokenising the text would cost more than some components while none reads a token.
    doc = Doc(nlp.vocab)
    doc.user_data["lkks"] = _Findings(article=ArticleText.from_document(document))
    return doc


def analyse(document: Document) -> Analysis:
    """Facts of one cleaned document, taken only from its kept paragraphs."""
    nlp = build_nlp()
    doc = _make_doc(nlp, document)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return _findings(doc).analysis


def analyse_many(documents: Iterable[Document], batch_size: int = 64) -> Iterator[Analysis]:
    """Analyse documents in batches through `nlp.pipe`, in input order."""
    nlp = build_nlp()
    docs = (_make_doc(nlp, d) for d in documents)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield _findings(doc).analysis


def describe() -> dict[str, Any]:
    """Component names in run order, for logs and `--help`."""
    return {"pipeline": list(COMPONENTS)}
