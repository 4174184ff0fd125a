"""Pages: what a fetch gives back and leaves behind. A fresh body or an archived copy becomes a
`Page`; every response and failure is recorded (raw_responses, fetch_failures, the journal); cache
hits, a killed run's responses and offline runs are answered from those records and the raw archive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

from pipeline.config import Http
from pipeline.errors import FetchError, RobotsDisallowed
from pipeline.fetch.archive import Archive
from pipeline.fetch.charset import decode
from pipeline.fetch.hosts import origin
from pipeline.fetch.journal import FetchLog
from pipeline.fetch.responses import Archived, ResponseCache
from pipeline.fetch.robots import Robots
from pipeline.fetch.stats import FetchStats
from pipeline.progress import Progress


@dataclass(frozen=True)
class Page:
    url: str  # as requested
    final_url: str  # after redirects: join relative links against this
    canonical_url: str  # final_url with a sample server's loopback origin replaced by its stable one
    status: int  # 200..299, or 304 when the archived copy was confirmed
    content_type: str
    text: str
    sha256: str
    fetched_at: str  # ISO 8601 UTC
    from_archive: bool = False  # True for a cache hit, a 304 or an offline run


@dataclass(frozen=True)
class Response:
    """One HTTP answer as read off the wire, before it becomes a Page."""

    url: str
    status: int
    headers: dict
    body: bytes | None  # None for redirects and 304s


class Pages:
    """The Fetcher's side that deals in pages rather than the network: making Pages, recording
    responses and failures, replaying the archive. Mixed into Fetcher, which sets these attributes."""

    http: Http
    archive: Archive
    cache: ResponseCache
    stats: FetchStats
    origins: dict[str, str]
    log: FetchLog
    progress: Progress
    run_id: str

    def canonical(self, url: str) -> str:
        for served, canonical in self.origins.items():
            if url == served or url.startswith(served + "/"):
                return canonical + url[len(served) :]
        return url

    def _offline(self, url: str, source: str, *, obey_robots: bool) -> Page:
        """Replay the archive: the same robots rules, redirects, errors and bodies as the crawl met."""
        current = url
        for _ in range(self.http.max_redirects + 1):
            host = origin(current)
            if obey_robots:
                robots_row = self.cache.get(self.canonical(f"{host}/robots.txt"))
                if robots_row is not None and robots_row.sha256:
                    text = decode(self.archive.load(robots_row.sha256), robots_row.content_type or "")
                    robots = Robots.from_response(robots_row.status, text, self.http.user_agent)
                    if not robots.unavailable and not robots.allows(self.http.user_agent, self.canonical(current)):
                        self.stats.add(source, host, "robots_refused")
                        raise RobotsDisallowed(current)
            archived = self.cache.get(self.canonical(current))
            if archived is None or archived.status < 300 or archived.status == 304:
                return self._from_archive(url, source, archived, reason="offline")
            if archived.status >= 400:
                raise self._http_failure(source, host, url, current, archived.status, when=" when it was fetched")
            current = archived.final_url  # a redirect, recorded with its target
        raise FetchError(f"{url} redirected more than {self.http.max_redirects} times", url=url, reason="redirects")

    def _http_failure(
        self, source: str, host: str, url: str, current: str, status: int, *, when: str = ""
    ) -> FetchError:
        """Count an HTTP error answer (fresh or archived) and make the error the caller raises."""
        self.stats.add(source, host, f"failed/http_{status}")
        return FetchError(f"{current} answered HTTP {status}{when}", url=url, status=status, reason=f"http_{status}")

    def _from_archive(self, url: str, source: str, archived: Archived | None, *, reason: str) -> Page:
        host = origin(url)
        if archived is None or not archived.usable or archived.sha256 is None:
            self.stats.add(source, host, "failed/not_archived")
            raise FetchError(f"{url} is not in the archive", url=url, reason="not_archived")
        self.stats.add(source, host, reason)
        body = self.archive.load(archived.sha256)
        return Page(
            url=url,
            final_url=archived.final_url or url,
            canonical_url=self.canonical(archived.final_url or url),
            status=200,
            content_type=archived.content_type or "",
            text=decode(body, archived.content_type or ""),
            sha256=archived.sha256,
            fetched_at=archived.fetched_at.isoformat(timespec="seconds"),
            from_archive=True,
        )

    def _page(
        self, url: str, final: str, status: int, content_type: str, body: bytes, sha256: str, from_archive: bool = False
    ) -> Page:
        return Page(
            url=url,
            final_url=final,
            canonical_url=self.canonical(final),
            status=status,
            content_type=content_type,
            text=decode(body, content_type),
            sha256=sha256,
            fetched_at=utcnow().isoformat(timespec="seconds"),
            from_archive=from_archive,
        )

    def _record(self, source: str, url: str, response: Response, sha256: str | None, path: str | None) -> None:
        location = response.headers.get("Location")
        row = {
            "url": self.canonical(url),
            "final_url": self.canonical(urljoin(url, location)) if location else self.canonical(url),
            "status": response.status,
            "content_type": response.headers.get("Content-Type", ""),
            "fetched_at": utcnow().isoformat(timespec="seconds"),
            "etag": response.headers.get("ETag"),
            "last_modified": response.headers.get("Last-Modified"),
            "sha256": sha256,
            "size": len(response.body) if response.body is not None else None,
            "archive_path": path,
            "source": source,
            "run_id": self.run_id,
        }
        self.log.response(row)
        self.progress.advance()

    def _record_failure(self, source: str, url: str, err: FetchError) -> None:
        self.log.failure(
            {
                "run_id": self.run_id,
                "source": source,
                "url": self.canonical(url),
                "reason": err.reason,
                "status": err.status,
                "attempts": getattr(err, "attempts", 1),
                "failed_at": utcnow().isoformat(timespec="seconds"),
            }
        )


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
