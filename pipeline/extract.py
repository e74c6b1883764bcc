"""Extraction stage: a fetched page or a text file becomes a Document (paragraphs plus metadata)."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import trafilatura
from selectolax.lexbor import LexborHTMLParser, LexborNode

from pipeline.config import ArticleHints
from pipeline.errors import ParseError
from pipeline.models import Document, Paragraph

_BLOCKS = "p, h2, h3, h4, h5, li, blockquote, pre, figcaption, td"
_NOISE_TAGS = ("script", "style", "noscript", "iframe", "form", "button", "svg", "nav", "select", "textarea")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
_ISO_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_DMY_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")
_DATE_META = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="content_PublishedDate"]',
)
_TEXT_HEADER = re.compile(r"^(URL|TITLE|PUBLISHED):\s*(.*)$", re.IGNORECASE)


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def parse_iso_date(value: str | None) -> dt.date | None:
    """The first YYYY-MM-DD (or D/M/YYYY) found in a metadata value."""
    if not value:
        return None
    for pattern, order in ((_ISO_DATE, (0, 1, 2)), (_DMY_DATE, (2, 1, 0))):
        match = pattern.search(value)
        if match:
            parts = match.groups()
            try:
                return dt.date(int(parts[order[0]]), int(parts[order[1]]), int(parts[order[2]]))
            except ValueError:
                continue
    return None


def date_from_url(url: str | None) -> dt.date | None:
    """A /YYYY/MM/DD/ date in an article URL."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _meta(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    value = node.attributes.get("content") or node.attributes.get("datetime")
    return value.strip() if value else None


def _title(tree: LexborHTMLParser, hints: ArticleHints | None) -> str | None:
    if hints and hints.title_selector:
        node = tree.css_first(hints.title_selector)
        if node is not None and node.text(strip=True):
            return _squash(node.text())
    for selector in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        value = _meta(tree, selector)
        if value:
            return _squash(value)
    for selector in ("h1", "title"):
        node = tree.css_first(selector)
        if node is not None and node.text(strip=True):
            return _squash(node.text())
    return None


def _published(tree: LexborHTMLParser, hints: ArticleHints | None, url: str | None) -> dt.date | None:
    if hints and hints.date_selector:
        node = tree.css_first(hints.date_selector)
        if node is not None:
            found = parse_iso_date(node.attributes.get("datetime") or node.text())
            if found:
                return found
    for selector in _DATE_META:
        found = parse_iso_date(_meta(tree, selector))
        if found:
            return found
    node = tree.css_first("time[datetime]")
    if node is not None:
        found = parse_iso_date(node.attributes.get("datetime"))
        if found:
            return found
    return date_from_url(url)


def _block_texts(node: LexborNode) -> list[str]:
    for tag in _NOISE_TAGS:
        for noise in node.css(tag):
            noise.decompose()
    texts: list[str] = []
    for block in node.css(_BLOCKS):
        # A block nested in another block (li > p) would be read twice.
        if block.tag != "li" and block.parent is not None and block.parent.tag in ("li", "blockquote", "td"):
            continue
        text = _squash(block.text(separator=" "))
        if text:
            texts.append(text)
    if not texts:
        texts = [_squash(line) for line in node.text(separator="\n").splitlines() if line.strip()]
    return texts


def _canonical(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first('link[rel="canonical"]')
    href = node.attributes.get("href") if node is not None else None
    return href or _meta(tree, 'meta[property="og:url"]')


def from_html(html: str, *, url: str | None = None, hints: ArticleHints | None = None,
              path: str | None = None, source: str | None = None) -> Document:
    """Extract paragraphs and metadata from a full HTML page (selectolax fast path, trafilatura fallback)."""
    if not html or not html.strip():
        raise ParseError("empty page", url=url)
    tree = LexborHTMLParser(html)
    title = _title(tree, hints)
    published = _published(tree, hints, url)
    page_url = url or _canonical(tree)
    texts: list[str] = []
    if hints and hints.body_selector:
        body = tree.css_first(hints.body_selector)
        if body is not None:
            texts = _block_texts(body)
    if not texts:
        extracted = trafilatura.bare_extraction(
            html, url=page_url, with_metadata=False, include_comments=False, include_tables=False,
            favor_precision=False,
        )
        raw = getattr(extracted, "text", None) if extracted is not None else None
        texts = [_squash(line) for line in (raw or "").splitlines() if line.strip()]
    if title and texts and _squash(texts[0]).casefold() == title.casefold():
        texts = texts[1:]
    if not texts:
        raise ParseError("no article text found", url=url)
    site = _meta(tree, 'meta[property="og:site_name"]')
    author = _meta(tree, 'meta[name="author"]')
    return Document(
        paragraphs=[Paragraph(index=i, text=t) for i, t in enumerate(texts)],
        url=page_url, title=title, published=published, path=path, source=source,
        site_name=site, author=author,
    )


def from_text(text: str, *, path: str | None = None, url: str | None = None,
              published: dt.date | None = None) -> Document:
    """A plain-text article: optional URL/TITLE/PUBLISHED header closed by '---', then one paragraph per line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header: dict[str, str] = {}
    if "---" in (line.strip() for line in lines[:8]):
        cut = next(i for i, line in enumerate(lines) if line.strip() == "---")
        head = [line for line in lines[:cut] if line.strip()]
        if all(_TEXT_HEADER.match(line.strip()) for line in head):
            for line in head:
                match = _TEXT_HEADER.match(line.strip())
                assert match is not None
                header[match[1].upper()] = match[2].strip()
            lines = lines[cut + 1:]
    texts = [_squash(line) for line in lines if line.strip()]
    if not texts:
        raise ParseError("no text", url=url)
    page_url = url or header.get("URL") or None
    return Document(
        paragraphs=[Paragraph(index=i, text=t) for i, t in enumerate(texts)],
        url=page_url, title=header.get("TITLE") or None,
        published=published or parse_iso_date(header.get("PUBLISHED")) or date_from_url(page_url),
        path=path,
    )


def read_path(path: str, *, url: str | None = None, published: dt.date | None = None) -> Document:
    """Read a .html/.htm/.txt file (or '-' for standard input) into a Document."""
    if path == "-":
        data = sys.stdin.read()
        is_html = data.lstrip()[:1] == "<"
    else:
        file = Path(path)
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise ParseError(f"cannot read {path}: {exc.strerror}") from None
        data = raw.decode("utf-8", errors="replace")
        is_html = file.suffix.lower() in (".html", ".htm") or data.lstrip()[:1] == "<"
    if is_html:
        document = from_html(data, url=url, path=path)
        if published:
            document.published = published
        return document
    return from_text(data, path=path, url=url, published=published)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode an archived body: charset from the header, then the page's meta tag, then UTF-8 or cp1252."""
    candidates: list[str] = []
    if content_type and "charset=" in content_type.lower():
        candidates.append(content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'"))
    match = _META_CHARSET.search(body[:4096])
    if match:
        candidates.append(match[1].decode("ascii", errors="ignore").lower())
    for charset in (*candidates, "utf-8"):
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", errors="replace")
