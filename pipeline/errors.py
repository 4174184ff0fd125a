"""The one error tree: every failure the pipeline reports derives from PipelineError."""

from __future__ import annotations


class PipelineError(Exception):
    """Root of every error this package raises on purpose.

    The message is one actionable sentence; the CLI prints it as `Error: ...`.
    """


class ConfigError(PipelineError, ValueError):
    """The configuration file is missing, unreadable or invalid."""

    def __init__(self, message: str, *, path: str | None = None, key: str | None = None):
        super().__init__(message)
        self.path = path
        self.key = key


class UsageError(PipelineError, ValueError):
    """A command-line value is invalid (exit code 2)."""


class PlaceNotFound(UsageError, LookupError):
    """A search location could not be resolved to coordinates."""


class RunLocked(PipelineError):
    """Another run holds the lock (exit code 75, EX_TEMPFAIL: try again later)."""


class FetchError(PipelineError, OSError):
    """An HTTP fetch failed after its retries."""

    def __init__(self, message: str, *, url: str, status: int | None = None, reason: str = "error"):
        super().__init__(message)
        self.url = url
        self.status = status
        self.reason = reason  # a short slug for counters: timeout, http_503, robots_disallowed, ...
        self.attempts = 1


class RobotsDisallowed(FetchError):
    """robots.txt forbids fetching this URL for our User-Agent."""

    def __init__(self, url: str):
        super().__init__(f"robots.txt disallows {url}", url=url, reason="robots_disallowed")


class RobotsUnavailable(FetchError):
    """robots.txt could not be read (5xx or unreachable): RFC 9309 says treat the host as disallowed."""

    def __init__(self, url: str, why: str):
        super().__init__(
            f"robots.txt for {url} could not be fetched ({why}), so the host is treated as disallowed for this run",
            url=url,
            reason="robots_unavailable",
        )


class SourceError(PipelineError):
    """A source could not be crawled (its records are kept from earlier runs)."""

    def __init__(self, message: str, *, source: str):
        super().__init__(message)
        self.source = source


class WarehouseError(PipelineError, RuntimeError):
    """The DuckDB warehouse could not be opened, migrated or written."""


class NothingToDo(PipelineError):
    """A stage found no input (e.g. `load` before any `scrape`)."""


class ChecksFailed(PipelineError):
    """Data-quality checks of severity error failed, so nothing was published."""

    def __init__(self, message: str, *, failures: list[str]):
        super().__init__(message)
        self.failures = failures
