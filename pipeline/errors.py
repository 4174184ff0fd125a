"""The one error tree: every failure the pipeline reports derives from PipelineError."""

from __future__ import annotations

import errno


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
        self.why = why  # the robots.txt fetch's own reason: connection, timeout, http_503, ...


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


class DiskError(PipelineError, OSError):
    """A file or folder could not be written: a full disk, no permission, a missing folder."""


# What an operator should read for the errors a disk gives; the strerror otherwise.
_DISK_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "permission is denied",
    errno.EPERM: "permission is denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOENT: "a folder on the way does not exist",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EEXIST: "a part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder",
}


def disk_error(err: OSError, doing: str, where, *, kept: str = "") -> DiskError:
    """One sentence for an operating-system error: what could not be done where, why, and what
    stays as it was ("cannot publish data/directory.duckdb: the disk is full; the previous
    snapshot stays published")."""
    reason = _DISK_REASONS.get(err.errno or 0, err.strerror or str(err))
    return DiskError(f"cannot {doing} {where}: {reason}" + (f"; {kept}" if kept else ""))


def is_disk_full(message: str) -> bool:
    """DuckDB reports a full disk only in its message."""
    return "No space left on device" in message or "Disk quota exceeded" in message
