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
# Lexbor's tree builder turns quadratic on absurd nesting (100k levels: 20 s); real pages stay below ~100.
MAX_HTML_DEPTH = 4096
# spaCy refuses texts over 1M characters, and no news article comes anywhere near this.
MAX_TEXT_CHARS = 200_000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>")
# Elements that never nest (void) or that the parser closes by itself (a new <p> closes the open one).
_FLAT_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb",
    "rt", "rp", "html", "head", "body",
})


def nesting_depth(html: str, limit: int = MAX_HTML_DEPTH) -> int:
    """How deep the element tree nests, counting unclosed tags as open; stops counting past `limit`."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, rest = match.groups()
        if name.lower() in _FLAT_TAGS or rest.endswith("/"):
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def parse_html(html: str, *, url: str | None = None) -> LexborHTMLParser:
    """Parse HTML with lexbor; ParseError for a document nested too deeply to parse in reasonable time."""
    # Every level of depth needs an opening "<" (not "</"), so a page with few opening tags, as nearly all
    # are, cannot be too deep, and the tag-by-tag scan (a tenth of extraction time) is skipped.
    if html.count("<") - html.count("</") <= MAX_HTML_DEPTH:
        return LexborHTMLParser(html)
    if nesting_depth(html) > MAX_HTML_DEPTH:
        raise ParseError(f"HTML nested more than {MAX_HTML_DEPTH} levels deep; refused", url=url)
    return LexborHTMLParser(html)


def _check_length(texts: list[str], url: str | None) -> None:
    total = sum(len(text) for text in texts)
    if total > MAX_TEXT_CHARS:
        raise ParseError(f"{total} characters of text (more than {MAX_TEXT_CHARS}): not an article", url=url)


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


def _plausible(date: dt.date | None) -> dt.date | None:
    """The date when it can be a publication date: not after tomorrow (time zones), else None."""
    # A CMS default ("2099-12-31") or a typo must not become the article's date; the next source of a
    # date (meta, <time>, URL, dateline) gets its turn instead.
    if date is None or date > dt.date.today() + dt.timedelta(days=1):
        return None
    return date


def _published(tree: LexborHTMLParser, hints: ArticleHints | None, url: str | None) -> dt.date | None:
    if hints and hints.date_selector:
        node = tree.css_first(hints.date_selector)
        if node is not None:
            found = _plausible(parse_iso_date(node.attributes.get("datetime") or node.text()))
            if found:
                return found
    for selector in _DATE_META:
        found = _plausible(parse_iso_date(_meta(tree, selector)))
        if found:
            return found
    node = tree.css_first("time[datetime]")
    if node is not None:
        found = _plausible(parse_iso_date(node.attributes.get("datetime")))
        if found:
            return found
    return _plausible(date_from_url(url))


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
    tree = parse_html(html, url=url)
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
    _check_length(texts, url)
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
    _check_length(texts, url)
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
        # Saved pages keep their original bytes: cp1252 files must not turn into U+FFFD.
        data = decode_html(raw)
        is_html = file.suffix.lower() in (".html", ".htm") or data.lstrip()[:1] == "<"
    if is_html:
        document = from_html(data, url=url, path=path)
        if published:
            document.published = published
        return document
    return from_text(data, path=path, url=url, published=published)


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode an archived body exactly as the fetcher did: BOM, header charset, meta, then detection."""
    # One decoder for both stages: a latin-1 label means windows-1252 on the web (curly quotes, euro),
    # and a re-extraction from the archive must read the same text the crawl saw.
    from pipeline.fetch import decode_body

    return decode_body(body, content_type)[0]
