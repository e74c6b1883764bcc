"""sources.yaml parsed once into typed, validated objects; every default lives in `Defaults`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from selectolax.lexbor import LexborHTMLParser

from pipeline.errors import ConfigError

# The contract's four plus the other names the same bodies go by (LKSA, BKKKS, LK3, forum LKS, panti asuhan).
DEFAULT_KEYWORDS = ["LKKS", "LKS", "Lembaga Kesejahteraan Sosial", "Lembaga Koordinasi Kesejahteraan Sosial",
                    "LKSA", "BKKKS", "LK3", "Forum LKS", "panti asuhan"]
_NAME = re.compile(r"^[a-z0-9-]+$")
# A century back is "everything"; beyond it the age cutoff no longer fits in a datetime.
MAX_AGE_DAYS = 36_500
_PROBE_DOC = LexborHTMLParser("<html><body><p>probe</p></body></html>")


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {value!r}")
    return value


def _check_selector(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        _PROBE_DOC.css(value)
    except Exception as exc:  # selectolax raises its own error type for bad CSS
        raise ValueError(f"invalid CSS selector {value!r}: {exc}") from None
    return value


class _Strict(BaseModel):
    # An infinite delay or timeout (YAML `.inf`) would hang the crawl; NaN compares false with every bound.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Defaults(_Strict):
    """Per-source settings with their defaults; any of them can be overridden by a source."""

    user_agent: str = "lkks-monitor/0.1 (+https://example.org/lkks-monitor)"
    delay_seconds: float = Field(1.0, ge=0)
    concurrency_per_host: int = Field(2, ge=1, le=32)
    timeout_seconds: float = Field(20, gt=0)
    max_page_bytes: int = Field(5_000_000, gt=0)
    obey_robots: bool = True
    keywords: list[str] = Field(default_factory=lambda: list(DEFAULT_KEYWORDS))
    max_age_days: int | None = Field(30, ge=1, le=MAX_AGE_DAYS)
    max_retries: int = Field(3, ge=0, le=10)
    max_redirects: int = Field(5, ge=0, le=20)


class Listing(_Strict):
    """A search, tag or index page whose article links are picked with a CSS selector."""

    url: str
    link_selector: str
    next_selector: str | None = None
    max_pages: int = Field(5, ge=1, le=1000)

    _url = field_validator("url")(classmethod(lambda cls, v: _check_url(v)))
    _sel = field_validator("link_selector", "next_selector")(classmethod(lambda cls, v: _check_selector(v)))


class ArticleHints(_Strict):
    """Optional per-site extraction hints."""

    body_selector: str | None = None
    date_selector: str | None = None
    title_selector: str | None = None

    _sel = field_validator("body_selector", "date_selector", "title_selector")(
        classmethod(lambda cls, v: _check_selector(v))
    )


class Source(_Strict):
    """One outlet to watch, with its defaults already merged in."""

    name: str
    url: str
    province: str | None = None
    allowed_domains: list[str] = Field(default_factory=list)
    feeds: list[str] = Field(default_factory=list)
    sitemaps: list[str] = Field(default_factory=list)
    listings: list[Listing] = Field(default_factory=list)
    article: ArticleHints = Field(default_factory=ArticleHints)
    enabled: bool = True

    user_agent: str
    delay_seconds: float = Field(ge=0)
    concurrency_per_host: int = Field(ge=1, le=32)
    timeout_seconds: float = Field(gt=0)
    max_page_bytes: int = Field(gt=0)
    obey_robots: bool
    keywords: list[str]
    max_age_days: int | None = Field(ge=1, le=MAX_AGE_DAYS)
    max_retries: int = Field(ge=0, le=10)
    max_redirects: int = Field(ge=0, le=20)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError(f"name {value!r} must match [a-z0-9-]+")
        return value

    @field_validator("url")
    @classmethod
    def _home(cls, value: str) -> str:
        return _check_url(value)

    @field_validator("feeds", "sitemaps")
    @classmethod
    def _urls(cls, values: list[str]) -> list[str]:
        return [_check_url(v) for v in values]

    @field_validator("keywords")
    @classmethod
    def _keywords(cls, values: list[str]) -> list[str]:
        # Without a keyword every titled candidate is dropped as off-topic: a silent empty crawl.
        if not any(value.strip() for value in values):
            raise ValueError("needs at least one non-blank keyword")
        return values

    @field_validator("province")
    @classmethod
    def _province(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\d{2}", value):
            raise ValueError(f"province {value!r} must be a two-digit Kemendagri code")
        return value

    @model_validator(mode="after")
    def _discovery(self) -> Source:
        if not (self.feeds or self.sitemaps or self.listings):
            raise ValueError("needs at least one of feeds, sitemaps, listings")
        if not self.allowed_domains:
            object.__setattr__(self, "allowed_domains", [urlsplit(self.url).hostname or ""])
        return self

    @property
    def host(self) -> str:
        """The home page's host name."""
        return urlsplit(self.url).hostname or ""


class Config(_Strict):
    """The whole sources.yaml."""

    path: str
    defaults: Defaults
    sources: list[Source]

    def select(self, only: list[str] | None = None) -> list[Source]:
        """Enabled sources, or exactly the named ones (which must exist)."""
        if not only:
            return [s for s in self.sources if s.enabled]
        names = {s.name for s in self.sources}
        missing = [n for n in only if n not in names]
        if missing:
            raise ConfigError(f"no source named {', '.join(missing)}", file=self.path, key="--only")
        return [s for s in self.sources if s.name in only]


def _where(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(top level)"


def parse_config(data: Any, path: str = "sources.yaml") -> Config:
    """Validate already-loaded YAML data; raise ConfigError naming file, source and key."""
    if not isinstance(data, dict):
        raise ConfigError("must be a mapping with a 'sources' list", file=path)
    unknown = set(data) - {"defaults", "sources"}
    if unknown:
        raise ConfigError("unknown top-level key", file=path, key=sorted(unknown)[0])
    try:
        defaults = Defaults.model_validate(data.get("defaults") or {})
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ConfigError(err["msg"], file=path, key="defaults." + _where(err["loc"])) from None
    raw_sources = data.get("sources")
    if not isinstance(raw_sources, list) or not raw_sources:
        raise ConfigError("must list at least one source", file=path, key="sources")
    sources: list[Source] = []
    seen: set[str] = set()
    for position, raw in enumerate(raw_sources):
        label = raw.get("name") if isinstance(raw, dict) else None
        label = str(label) if label else f"#{position + 1}"
        if not isinstance(raw, dict):
            raise ConfigError("must be a mapping", file=path, source=label)
        merged = {**defaults.model_dump(), **raw}
        try:
            source = Source.model_validate(merged)
        except ValidationError as exc:
            err = exc.errors()[0]
            key = _where(err["loc"])
            if err["type"] == "missing":
                raise ConfigError("required key is missing", file=path, source=label, key=key) from None
            if err["type"] == "extra_forbidden":
                raise ConfigError("unknown key", file=path, source=label, key=key) from None
            message = str(err["msg"]).removeprefix("Value error, ")
            raise ConfigError(message, file=path, source=label, key=key) from None
        if source.name in seen:
            raise ConfigError("duplicate source name", file=path, source=label, key="name")
        seen.add(source.name)
        sources.append(source)
    return Config(path=path, defaults=defaults, sources=sources)


def load_config(path: str | Path) -> Config:
    """Read and validate a sources.yaml file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text (bad byte at offset {exc.start})", file=str(path)) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ConfigError(f"not valid YAML{where}", file=str(path)) from None
    except RecursionError:
        raise ConfigError("not valid YAML: nested too deeply", file=str(path)) from None
    return parse_config(data, str(path))
