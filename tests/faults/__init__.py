"""The fault matrix (docs/faults.md): every fault injected for real, and the helpers the tests share."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import httpx

from tests.test_demo import FACT_QUERIES

# Each query lists what must never exist in a warehouse, whatever happened to the run that wrote it.
INTEGRITY_QUERIES = {
    "duplicate article URLs": "SELECT url FROM articles GROUP BY url HAVING count(*) > 1",
    "articles missing paragraphs": """SELECT article_id FROM articles a WHERE paragraphs_total <>
        (SELECT count(*) FROM paragraphs p WHERE p.article_id = a.article_id)""",
    "paragraphs without article": """SELECT article_id FROM paragraphs p
        WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = p.article_id)""",
    "events without article": """SELECT event_id FROM events e
        WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = e.article_id)""",
    "events with a gap in their sequence": """SELECT article_id FROM events GROUP BY article_id
        HAVING max(seq) + 1 <> count(*)""",
    "organisations without event": """SELECT event_id FROM event_organizations o
        WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = o.event_id)""",
    "facts without article": """SELECT article_id FROM (SELECT article_id FROM officials UNION ALL
        SELECT article_id FROM regions UNION ALL SELECT article_id FROM counts UNION ALL
        SELECT article_id FROM dates) f WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = f.article_id)""",
    "loaded pages not marked processed": """SELECT a.article_id FROM articles a JOIN pages p USING (page_id)
        WHERE p.processed_version IS NULL""",
}


def facts(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every fact table's content without run ids or timestamps, in a stable order (as tests/test_demo.py)."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in FACT_QUERIES.items()}


def integrity_problems(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The violated integrity rules of a warehouse file, with the offending rows (empty when sound)."""
    with duckdb.connect(str(db), read_only=True) as con:
        found = {name: con.execute(sql).fetchall() for name, sql in INTEGRITY_QUERIES.items()}
    return {name: rows for name, rows in found.items() if rows}


def scalar(db: Path, sql: str, params: list[object] | None = None) -> Any:
    """The single value a read-only query returns."""
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(sql, params or []).fetchone()
    assert row is not None
    return row[0]


def rows(db: Path, sql: str, params: list[object] | None = None) -> list[tuple[Any, ...]]:
    """All rows of a read-only query."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


class PublicNames(httpx.AsyncBaseTransport):
    """Sends requests for public-looking host names to local sites, as if DNS said so.

    The peer address is hidden from the fetcher, so its private-address policy sees the web it would see
    in production; a name without a site raises ConnectError, so nothing ever leaves the machine.
    """

    def __init__(self, sites: Mapping[str, str]) -> None:
        self.sites = {host: httpx.URL(base) for host, base in sites.items()}
        self.inner = httpx.AsyncHTTPTransport()
        self.hosts_asked: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Forward to the local site that plays this host."""
        self.hosts_asked.append(request.url.host)
        target = self.sites.get(request.url.host)
        if target is None:
            raise httpx.ConnectError(f"no local site plays {request.url.host}", request=request)
        request.url = request.url.copy_with(scheme=target.scheme, host=target.host, port=target.port)
        response = await self.inner.handle_async_request(request)
        response.extensions = {k: v for k, v in response.extensions.items() if k != "network_stream"}
        return response

    async def aclose(self) -> None:
        """Close the real transport."""
        await self.inner.aclose()


class FakeDns:
    """A resolver for socket.getaddrinfo: names map to addresses; unknown names fail like NXDOMAIN.

    Numeric hosts are resolved locally (AI_NUMERICHOST), so no DNS query ever leaves the machine.
    """

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = dict(names)
        self.asked: list[str] = []
        self._real = socket.getaddrinfo

    def __call__(self, host: Any, port: Any, family: int = 0, type: int = 0, proto: int = 0,
                 flags: int = 0) -> list[Any]:
        """getaddrinfo with the fake zone."""
        name = host.decode() if isinstance(host, bytes) else str(host)
        self.asked.append(name)
        try:
            return self._real(host, port, family, type, proto, flags | socket.AI_NUMERICHOST)
        except socket.gaierror:
            pass
        address = self.names.get(name.rstrip(".").lower())
        if address is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        kind = socket.AF_INET6 if ipaddress.ip_address(address).version == 6 else socket.AF_INET
        number = int(port) if isinstance(port, int | str) and str(port).isdigit() else 0
        return [(kind, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, number))]
