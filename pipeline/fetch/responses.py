"""What was fetched before: the latest archived response per URL, for TTL, conditional GET and offline runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Archived:
    url: str  # canonical request URL
    final_url: str
    content_type: str
    fetched_at: datetime
    etag: str | None
    last_modified: str | None
    sha256: str | None  # None for a redirect
    status: int = 200

    @property
    def usable(self) -> bool:
        """A body we can serve: a 2xx, or a 304 that confirmed an archived one."""
        return self.sha256 is not None and (200 <= self.status < 300 or self.status == 304)


class ResponseCache:
    """The latest response per canonical URL, loaded from raw_responses."""

    def __init__(self, rows: list[tuple] | None = None):
        self._by_url: dict[str, Archived] = {}
        for row in rows or []:
            archived = Archived(*row)
            self._by_url[archived.url] = archived

    def __len__(self) -> int:
        return len(self._by_url)

    def get(self, url: str) -> Archived | None:
        return self._by_url.get(url)

    def fresh(self, url: str, ttl_seconds: float, now: datetime) -> Archived | None:
        """The archived response if it is younger than the TTL."""
        archived = self._by_url.get(url)
        if (
            archived
            and archived.usable
            and ttl_seconds > 0
            and (now - archived.fetched_at).total_seconds() < ttl_seconds
        ):
            return archived
        return None

    def since(self, url: str, moment: datetime) -> Archived | None:
        """The archived response if it was fetched at or after `moment` (by a run that was killed)."""
        archived = self._by_url.get(url)
        return archived if archived and archived.usable and archived.fetched_at >= moment else None

    def validators(self, url: str) -> Archived | None:
        """The response whose ETag / Last-Modified a conditional request may send."""
        archived = self._by_url.get(url)
        return archived if archived and archived.usable else None
