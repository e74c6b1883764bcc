"""URL canonicalisation, domain scoping, stable ids and the private-address test."""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import posixpath
from collections.abc import Sequence
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

# Parameters that only say where a click came from; they never change the page.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid",
    "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url", "spm", "__twitter_impression",
    "oly_anon_id", "oly_enc_id", "vero_id", "wt_mc", "wt.mc_id", "cmpid", "s_cid", "ncid", "sr_share",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
_AMP_PARAMS = {"amp": {"", "1", "true"}, "outputtype": {"amp"}}
_DEFAULT_PORTS = {"http": 80, "https": 443}
_HOST_PREFIXES = ("www.", "m.")
# Characters left unescaped in paths/queries so equivalent spellings compare equal.
_PATH_SAFE = ":@!$&'()*+,;=-._~"
_QUERY_SAFE = ":@!$'()*+,;/?-._~"


def _strip_host_prefix(host: str) -> str:
    for prefix in _HOST_PREFIXES:
        # Keep the prefix when it is all there is ("www.com" must not become "com").
        if host.startswith(prefix) and host.count(".") >= 2:
            return host[len(prefix):]
    return host


def _normalize_host(host: str) -> str:
    host = host.strip().rstrip(".").lower()
    if host and not host.isascii():
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii")
    return host


def _normalize_path(path: str, *, keep_trailing_slash: bool = False) -> str:
    if not path:
        return "/"
    trailing = keep_trailing_slash and path.endswith("/")
    segments = [quote(unquote(segment), safe=_PATH_SAFE) for segment in path.split("/")]
    path = "/".join(segments)
    normalized = posixpath.normpath(path)
    # normpath keeps a leading "//" and drops a trailing slash we decide about separately.
    normalized = "/" + normalized.lstrip("/") if normalized != "." else "/"
    parts = [segment for segment in normalized.split("/") if segment]
    # AMP copies of an article live under an /amp/ segment or end in /amp.
    parts = [segment for segment in parts if segment.lower() != "amp"]
    joined = "/" + "/".join(parts)
    return joined + "/" if trailing and joined != "/" else joined


def _normalize_query(query: str) -> str:
    kept: list[tuple[str, str]] = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        lowered = key.lower()
        if lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES):
            continue
        if lowered in _AMP_PARAMS and value.lower() in _AMP_PARAMS[lowered]:
            continue
        kept.append((key, value))
    kept.sort()
    return urlencode(kept, quote_via=quote, safe=_QUERY_SAFE)


def canonicalize(url: str, base: str | None = None, *, strip_host_prefix: bool = True,
                 strip_trailing_slash: bool = True) -> str:
    """Resolve against base and normalise: scheme/host case, ports, fragments, tracking, AMP, www./m., slash."""
    url = url.strip()
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))
    host = _normalize_host(parts.hostname or "")
    if strip_host_prefix:
        host = _strip_host_prefix(host)
    try:
        port = parts.port
    except ValueError:
        port = None
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, _normalize_path(parts.path, keep_trailing_slash=not strip_trailing_slash),
                       _normalize_query(parts.query), ""))


def fetchable(url: str, base: str | None = None) -> str:
    """Cleaned URL that still reaches the same resource: keeps the www./m. host and a trailing slash."""
    return canonicalize(url, base, strip_host_prefix=False, strip_trailing_slash=False)


def in_domains(url: str, allowed: Sequence[str]) -> bool:
    """True when url is http(s) and its host equals or is a subdomain of an allowed domain."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        return False
    host = _strip_host_prefix(_normalize_host(parts.hostname))
    for domain in allowed:
        domain = _strip_host_prefix(_normalize_host(domain))
        if domain and (host == domain or host.endswith("." + domain)):
            return True
    return False


def url_id(url: str) -> str:
    """Stable id: first 16 hex chars of the sha256 of the canonical URL."""
    return hashlib.sha256(canonicalize(url).encode("utf-8")).hexdigest()[:16]


def is_private_address(host: str) -> bool:
    """True for loopback, private, link-local, unspecified, reserved or multicast addresses and localhost."""
    host = host.strip().strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (address.is_private or address.is_loopback or address.is_link_local or address.is_unspecified
            or address.is_reserved or address.is_multicast)
