"""Event level: one group per real-world event, however many outlets and copies reported it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from pipeline.clean import normalise
from pipeline.dedup.articles import ArticleInfo, registered

DATE_WINDOW_DAYS = 3
KEY_OFFICIALS = 5
_SAME_CLUSTER = 0  # link priorities: copies of one article first, then evidence across outlets
_ACROSS_OUTLETS = 1


@dataclass(slots=True)
class EventInfo:
    """An event row with what grouping compares: type, date, region, organisations and officials."""

    event_id: str
    article: ArticleInfo
    seq: int
    type: str
    date: dt.date | None
    region_code: str | None
    paragraph: int | None
    cluster_id: str
    organizations: dict[str, str] = field(default_factory=dict)  # normalised name -> name as written
    officials: dict[str, str] = field(default_factory=dict)

    @property
    def age_key(self) -> tuple[tuple[bool, dt.date, bool, str, str], int]:
        """The canonical event of a group is the one from the earliest article."""
        return (self.article.age_key, self.seq)


@dataclass(frozen=True, slots=True)
class EventGroup:
    """One real-world event and the rows of event_mentions that report it."""

    group_id: str
    type: str
    region_code: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    canonical_event_id: str
    n_articles: int
    n_sources: int
    organizations: tuple[str, ...]
    key_officials: tuple[str, ...]
    mentions: tuple[tuple[str, str, str | None, int | None], ...]  # (event_id, article_id, source, paragraph)


def regions_compatible(first: str, second: str) -> bool:
    """Same code, or one contains the other (the province of a regency, the regency of a district)."""
    return first == second or first.startswith(second + ".") or second.startswith(first + ".")


def _most_specific(codes: Iterable[str]) -> str | None:
    """The deepest code when all lie on one chain (province ⊃ regency ⊃ ...), else None."""
    ordered = sorted(set(codes), key=lambda code: (-code.count("."), code))
    if not ordered or any(not regions_compatible(ordered[0], other) for other in ordered[1:]):
        return None
    return ordered[0]


def load_events(con: duckdb.DuckDBPyConnection, articles: dict[str, ArticleInfo],
                cluster_of: dict[str, str]) -> list[EventInfo]:
    """Events with their organisations and their article's officials, sorted by event_id."""
    events: dict[str, EventInfo] = {}
    for event_id, article_id, seq, kind, date, region_code, paragraph in con.execute(
            """SELECT event_id, article_id, seq, type, date, region_code, paragraph FROM events
               ORDER BY event_id""").fetchall():
        if article_id in articles:
            events[event_id] = EventInfo(event_id, articles[article_id], seq, kind, date, region_code, paragraph,
                                         cluster_of.get(article_id, article_id))
    org_regions: dict[str, list[str]] = {}
    for event_id, name, region_code in con.execute(
            "SELECT event_id, name, region_code FROM event_organizations ORDER BY event_id, seq").fetchall():
        if event_id in events and name and normalise(name):
            events[event_id].organizations.setdefault(normalise(name), name)
            if region_code:
                org_regions.setdefault(event_id, []).append(region_code)
    officials: dict[str, dict[str, str]] = {}
    for article_id, name, role in con.execute(
            "SELECT article_id, name, role FROM officials ORDER BY article_id, seq").fetchall():
        if name and normalise(name):
            label = f"{name} ({role})" if role else name
            officials.setdefault(article_id, {}).setdefault(normalise(name), label)
    for event in events.values():
        event.officials = officials.get(event.article.article_id, {})
        if event.region_code is None:
            # An event without a place of its own happens where its organisations are.
            event.region_code = _most_specific(org_regions.get(event.event_id, []))
    return list(events.values())


def _link_score(first: EventInfo, second: EventInfo) -> int:
    return (2 * len(first.organizations.keys() & second.organizations.keys())
            + len(first.officials.keys() & second.officials.keys())
            + (first.region_code is not None and first.region_code == second.region_code)
            + (first.date is not None and first.date == second.date)
            + (first.seq == second.seq))


def _cross_outlet_link(first: EventInfo, second: EventInfo, window: int) -> bool:
    """Same type, dates within the window, compatible places, and a shared organisation or official."""
    if first.date is None or second.date is None or abs((first.date - second.date).days) > window:
        return False
    shared_org = bool(first.organizations.keys() & second.organizations.keys())
    if first.region_code and second.region_code:
        if not regions_compatible(first.region_code, second.region_code):
            return False
    elif not shared_org:
        return False  # without a place on both sides only a shared organisation ties two reports together
    return shared_org or bool(first.officials.keys() & second.officials.keys())


# Partners considered per event, nearest first (in article-age order within a cluster, in date order across
# outlets). Real clusters and same-week events of one type are far smaller, so results are unchanged there; it
# keeps a degenerate warehouse (thousands of near-identical articles) from needing quadratic time and memory.
_MAX_PARTNERS = 64


def _candidate_links(events: Sequence[EventInfo], window: int) -> list[tuple[int, int, int, int]]:
    """(priority, -score, first, second) for every pair of events that may describe one happening."""
    links: list[tuple[int, int, int, int]] = []
    by_cluster_type: dict[tuple[str, str], list[int]] = {}
    for index, event in enumerate(events):
        by_cluster_type.setdefault((event.cluster_id, event.type), []).append(index)
    for members in by_cluster_type.values():
        for position, first in enumerate(members):
            for second in members[position + 1:position + 1 + _MAX_PARTNERS]:
                if events[first].article.article_id != events[second].article.article_id:
                    links.append((_SAME_CLUSTER, -_link_score(events[first], events[second]), first, second))
    dated: dict[str, list[tuple[dt.date, int]]] = {}
    for index, event in enumerate(events):
        if event.date is not None:
            dated.setdefault(event.type, []).append((event.date, index))
    for dated_members in dated.values():
        dated_members.sort()
        for position, (date, first) in enumerate(dated_members):
            for other_date, second in dated_members[position + 1:position + 1 + _MAX_PARTNERS]:
                if (other_date - date).days > window:
                    break
                a, b = events[first], events[second]
                if a.cluster_id != b.cluster_id and _cross_outlet_link(a, b, window):
                    low, high = min(first, second), max(first, second)
                    links.append((_ACROSS_OUTLETS, -_link_score(a, b), low, high))
    links.sort()
    return links


class _Groups:
    """Union-find over events that refuses to merge two events of one article or two exclusive places."""

    def __init__(self, events: Sequence[EventInfo]) -> None:
        self.parent = list(range(len(events)))
        self.articles = [{event.article.article_id} for event in events]
        self.regions = [{event.region_code} if event.region_code else set() for event in events]

    def find(self, index: int) -> int:
        """The root of an event's group (with path halving)."""
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def union(self, first: int, second: int, *, check_regions: bool) -> None:
        """Merge two groups unless an article would report twice or two places would exclude each other."""
        a, b = self.find(first), self.find(second)
        if a == b or self.articles[a] & self.articles[b]:
            return
        if check_regions and any(not regions_compatible(x, y) for x in self.regions[a] for y in self.regions[b]):
            return
        low, high = min(a, b), max(a, b)
        self.parent[high] = low
        self.articles[low] |= self.articles[high]
        self.regions[low] |= self.regions[high]


def _ranked(labels: Iterable[tuple[str, str]], limit: int | None = None) -> tuple[str, ...]:
    """Distinct items (key, label) by how many reports name them, then alphabetically."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for key, label in labels:
        counts[key] += 1
        shown.setdefault(key, label)
    ordered = sorted(counts, key=lambda key: (-counts[key], key))[:limit]
    return tuple(shown[key] for key in ordered)


def group_events(events: Sequence[EventInfo], *, window: int = DATE_WINDOW_DAYS) -> list[EventGroup]:
    """Merge events into groups: copies in one article cluster, then matching reports across outlets."""
    ordered = sorted(events, key=lambda event: event.event_id)
    groups = _Groups(ordered)
    for priority, _, first, second in _candidate_links(ordered, window):
        groups.union(first, second, check_regions=priority != _SAME_CLUSTER)
    members: dict[int, list[EventInfo]] = {}
    for index, event in enumerate(ordered):
        members.setdefault(groups.find(index), []).append(event)
    result = [_summarise(sorted(group, key=lambda e: e.age_key)) for group in members.values()]
    result.sort(key=lambda group: group.group_id)
    return result


def _summarise(group: Sequence[EventInfo]) -> EventGroup:
    """The group row, from its events sorted earliest article first."""
    canonical = group[0]
    dates = [event.date for event in group if event.date is not None]
    articles: dict[str, EventInfo] = {}
    for event in group:
        articles.setdefault(event.article.article_id, event)
    sources = {event.article.source or f"article:{event.article.article_id}" for event in group}
    region = _most_specific(event.region_code for event in group if event.region_code) or canonical.region_code
    return EventGroup(
        group_id=canonical.event_id, type=canonical.type, region_code=region,
        date_start=min(dates) if dates else None, date_end=max(dates) if dates else None,
        canonical_event_id=canonical.event_id, n_articles=len(articles), n_sources=len(sources),
        organizations=_ranked((key, name) for event in group for key, name in event.organizations.items()),
        key_officials=_ranked(((key, label) for event in articles.values() for key, label in event.officials.items()),
                              KEY_OFFICIALS),
        mentions=tuple((event.event_id, event.article.article_id, event.article.source, event.paragraph)
                       for event in sorted(group, key=lambda e: e.event_id)),
    )


def _as_stored(con: duckdb.DuckDBPyConnection, table: str, column: str) -> str:
    """The select expression for a list column: as is, or joined with '; ' where the table holds VARCHAR.

    The analyst layer (pipeline.views) may create event_groups first with list columns; DEDUP_SCHEMA makes
    them plain text. Either table is filled correctly.
    """
    rows = con.execute("SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                       [table, column]).fetchall()
    if column in ("organizations", "key_officials") and rows and not str(rows[0][0]).endswith("[]"):
        return f"array_to_string({column}, '; ') AS {column}"
    return column


def write_groups(con: duckdb.DuckDBPyConnection, groups: Sequence[EventGroup]) -> None:
    """Replace event_groups and event_mentions with these groups."""
    con.execute("DELETE FROM event_mentions")
    con.execute("DELETE FROM event_groups")
    group_table = pa.table({
        "group_id": pa.array([g.group_id for g in groups], pa.string()),
        "type": pa.array([g.type for g in groups], pa.string()),
        "region_code": pa.array([g.region_code for g in groups], pa.string()),
        "date_start": pa.array([g.date_start for g in groups], pa.date32()),
        "date_end": pa.array([g.date_end for g in groups], pa.date32()),
        "canonical_event_id": pa.array([g.canonical_event_id for g in groups], pa.string()),
        "n_articles": pa.array([g.n_articles for g in groups], pa.int32()),
        "n_sources": pa.array([g.n_sources for g in groups], pa.int32()),
        "organizations": pa.array([list(g.organizations) for g in groups], pa.list_(pa.string())),
        "key_officials": pa.array([list(g.key_officials) for g in groups], pa.list_(pa.string())),
    })
    mentions = [(g.group_id, *mention) for g in groups for mention in g.mentions]
    mention_table = pa.table({
        "group_id": pa.array([m[0] for m in mentions], pa.string()),
        "event_id": pa.array([m[1] for m in mentions], pa.string()),
        "article_id": pa.array([m[2] for m in mentions], pa.string()),
        "source": pa.array([m[3] for m in mentions], pa.string()),
        "paragraph": pa.array([m[4] for m in mentions], pa.int32()),
    })
    columns = ", ".join(group_table.column_names)
    values = ", ".join(_as_stored(con, "event_groups", name) for name in group_table.column_names)
    with registered(con, "dedup_groups", group_table):
        con.execute(f"INSERT INTO event_groups ({columns}) SELECT {values} FROM dedup_groups")
    with registered(con, "dedup_mentions", mention_table):
        con.execute("""INSERT INTO event_mentions (group_id, event_id, article_id, source, paragraph)
                       SELECT group_id, event_id, article_id, source, paragraph FROM dedup_mentions""")
