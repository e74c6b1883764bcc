"""Error hierarchy of the pipeline.

    PipelineError
    ├── ConfigError              bad sources.yaml or CLI usage: exit 2, nothing fetched
    ├── LockedError              another run holds the lock: exit 3
    ├── TransientError           worth retrying later or with backoff
    │   ├── NetworkError         connect/read failure, timeout, DNS failure, reset
    │   ├── ServerError          5xx, 408
    │   └── RateLimited          429/503, carries retry_after seconds
    └── TerminalError            record, skip, go on
        ├── ClientError          4xx other than 408/429
        ├── RefusedError         robots.txt, off-domain, private address, bad scheme
        ├── ContentError         wrong content type, oversize body, undecodable bytes
        ├── ParseError           feed, sitemap, page or text that cannot be parsed
        └── ArchiveError         a WARC record that cannot be read

Every dropped page or paragraph is counted under a `reason` string, the error's `reason`.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base of every error the pipeline raises on purpose."""

    reason = "error"

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


class ConfigError(PipelineError):
    """sources.yaml or the command line is wrong; names file, source and key."""

    reason = "config"

    def __init__(self, message: str, *, file: str | None = None, source: str | None = None,
                 key: str | None = None) -> None:
        where = ": ".join(part for part in (file, f"source {source!r}" if source else None,
                                            f"key {key!r}" if key else None) if part)
        super().__init__(f"{where}: {message}" if where else message)
        self.file, self.source, self.key = file, source, key


class LockedError(PipelineError):
    """Another run holds the warehouse lock."""

    reason = "locked"


class TransientError(PipelineError):
    """A failure that may go away: retry with backoff."""

    reason = "transient"


class NetworkError(TransientError):
    """Connection, DNS, timeout or reset."""

    reason = "network"


class ServerError(TransientError):
    """The server answered 5xx or 408."""

    reason = "server_error"

    def __init__(self, message: str, *, url: str | None = None, status: int | None = None) -> None:
        super().__init__(message, url=url)
        self.status = status


class RateLimited(ServerError):
    """The server asked us to slow down (429/503), possibly with Retry-After."""

    reason = "rate_limited"

    def __init__(self, message: str, *, url: str | None = None, status: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(message, url=url, status=status)
        self.retry_after = retry_after


class TerminalError(PipelineError):
    """A failure that retrying will not fix: record it and skip."""

    reason = "terminal"


class ClientError(TerminalError):
    """The server answered 4xx (not 408/429)."""

    reason = "client_error"

    def __init__(self, message: str, *, url: str | None = None, status: int | None = None) -> None:
        super().__init__(message, url=url)
        self.status = status


class RefusedError(TerminalError):
    """We will not request this URL: robots.txt, domain, scheme or address policy."""

    reason = "refused"


class ContentError(TerminalError):
    """The response is not something we process: type, size, encoding."""

    reason = "content"


class ParseError(TerminalError):
    """A feed, sitemap, page or text that cannot be parsed."""

    reason = "parse"


class ArchiveError(TerminalError):
    """A WARC record or file that cannot be read."""

    reason = "archive"
