"""Typed records passed between stages; `to_contract` renders the extract.md shape."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ParagraphStatus = Literal["kept", "boilerplate", "duplicate"]
EventType = Literal[
    "inauguration",
    "coordination_meeting",
    "deliberation",
    "training",
    "accreditation",
    "aid_distribution",
    "visit",
    "other",
]
Tense = Literal["past", "future", "unknown"]
OrgKind = Literal["LKKS", "LKS", "LKSA", "FORUM_LKS", "DINSOS", "KEMENSOS", "OTHER"]
RoleKind = Literal[
    "governor",
    "vice_governor",
    "regent",
    "vice_regent",
    "mayor",
    "vice_mayor",
    "regional_secretary",
    "regional_staff",
    "head_of_social_office",
    "social_office_staff",
    "minister",
    "ministry_official",
    "legislator",
    "org_chair",
    "org_officer",
    "other",
]
RegionLevel = Literal["provinsi", "kabupaten", "kota", "kecamatan", "desa"]


@dataclass(slots=True)
class Paragraph:
    """One paragraph of an article with its cleaning verdict."""

    index: int
    text: str
    status: ParagraphStatus = "kept"
    reason: str | None = None
    duplicate_of: int | None = None


@dataclass(slots=True)
class Document:
    """An article's text and metadata, as extracted from a page or a text file."""

    paragraphs: list[Paragraph]
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    path: str | None = None
    source: str | None = None
    site_name: str | None = None
    author: str | None = None

    def kept(self) -> list[Paragraph]:
        """Paragraphs that facts may come from."""
        return [p for p in self.paragraphs if p.status == "kept"]


@dataclass(slots=True)
class Evidence:
    """Where a fact stands: paragraph index and character span within that paragraph's text."""

    paragraph: int
    start: int
    end: int


@dataclass(slots=True)
class Organization:
    """An organisation taking part in an event."""

    kind: OrgKind
    name: str
    region_code: str | None = None


@dataclass(slots=True)
class Event:
    """One LKKS/LKS activity reported by an article."""

    type: EventType
    date: dt.date | None = None
    date_text: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    tense: Tense = "unknown"
    organizations: list[Organization] = field(default_factory=list)
    region_code: str | None = None
    evidence: Evidence | None = None


@dataclass(slots=True)
class Official:
    """A person named with a position."""

    name: str
    name_text: str
    role: str
    role_kind: RoleKind
    acting: bool = False
    region_code: str | None = None
    evidence: Evidence | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 1


@dataclass(slots=True)
class RegionMention:
    """A province or regency/city named in the article, with its Kemendagri code."""

    name: str
    level: RegionLevel
    code: str
    mentions: int = 1
    evidence: Evidence | None = None


@dataclass(slots=True)
class DateMention:
    """An explicit or resolved date in the text."""

    text: str
    value: dt.date | None
    evidence: Evidence | None = None


@dataclass(slots=True)
class Count:
    """A stated quantity of people, organisations, places or money."""

    value: float
    unit: str
    text: str
    paragraph: int
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Analysis:
    """Everything the analyser found in one document."""

    relevant: bool = False
    events: list[Event] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    regions: list[RegionMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def to_contract(doc: Document, analysis: Analysis) -> dict[str, Any]:
    """Render one analysed document as the extract.md JSON object."""
    paragraphs: list[dict[str, Any]] = []
    for p in doc.paragraphs:
        item: dict[str, Any] = {"index": p.index, "text": p.text, "status": p.status}
        if p.reason:
            item["reason"] = p.reason
        if p.duplicate_of is not None:
            item["duplicate_of"] = p.duplicate_of
        paragraphs.append(item)
    return {
        "path": doc.path,
        "url": doc.url,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "relevant": analysis.relevant,
        "paragraphs": paragraphs,
        "events": _jsonable([asdict(e) for e in analysis.events]),
        "officials": _jsonable([asdict(o) for o in analysis.officials]),
        "regions": _jsonable([asdict(r) for r in analysis.regions]),
        "dates": _jsonable([asdict(d) for d in analysis.dates]),
        "counts": _jsonable([asdict(c) for c in analysis.counts]),
    }
