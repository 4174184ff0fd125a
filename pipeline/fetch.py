"""The one polite HTTP fetcher: User-Agent, timeouts, robots.txt, per-host delay, raw archive."""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import requests

from pipeline.archive import Archive
from pipeline.config import Http
from pipeline.errors import FetchError, RobotsDisallowed, RobotsUnavailable
from pipeline.robots import Robots

log = logging.getLogger(__name__)

MAX_REDIRECTS = 5
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str
    text: str
    sha256: str
    fetched_at: str  # ISO 8601 UTC


class Fetcher:
    """Fetches pages politely and archives every body; one instance per run."""

    def __init__(self, http: Http, archive: Archive, *, run_id: str, counts: Counter | None = None):
        self.http = http
        self.archive = archive
        self.run_id = run_id
        self.counts = counts if counts is not None else Counter()
        self.responses: list[dict] = []  # rows for raw_responses, flushed by the scrape stage
        self.session = requests.Session()
        self.session.headers["User-Agent"] = http.user_agent
        self.session.max_redirects = MAX_REDIRECTS
        self._robots: dict[str, Robots] = {}
        self._last_request: dict[str, float] = {}

    def close(self) -> None:
        self.session.close()

    def get(self, url: str, *, source: str, delay: float | None = None, obey_robots: bool = True) -> Page:
        """Fetch `url`; raise FetchError (or RobotsDisallowed) when it cannot be had."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"refusing non-HTTP URL {url}", url=url, reason="bad_scheme")
        host = _origin(url)
        delay = self.http.delay_seconds if delay is None else delay
        robots = self._robots_for(host, delay) if obey_robots else None
        if robots is not None and robots.unavailable:
            self.counts["fetch/robots_refused"] += 1
            raise RobotsUnavailable(url, robots.why)
        if robots is not None and not robots.allows(self.http.user_agent, url):
            self.counts["fetch/robots_refused"] += 1
            raise RobotsDisallowed(url)
        self._wait(host, max(delay, robots.crawl_delay if robots else 0.0))
        response = self._request(url)
        body = response.content
        sha256, archive_path = self.archive.store(body)
        fetched_at = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
        self.counts["fetch/requests"] += 1
        self.counts["fetch/bytes"] += len(body)
        self.counts[f"fetch/status/{response.status_code}"] += 1
        self.responses.append({
            "url": url, "final_url": response.url, "status": response.status_code,
            "content_type": response.headers.get("Content-Type", ""), "fetched_at": fetched_at,
            "etag": response.headers.get("ETag"), "last_modified": response.headers.get("Last-Modified"),
            "sha256": sha256, "size": len(body), "archive_path": archive_path,
            "source": source, "run_id": self.run_id,
        })
        if response.status_code >= 400:
            raise FetchError(f"{url} answered HTTP {response.status_code}", url=url,
                             status=response.status_code, reason=f"http_{response.status_code}")
        return Page(url=url, final_url=response.url, status=response.status_code,
                    content_type=response.headers.get("Content-Type", ""),
                    text=decode(body, response.headers.get("Content-Type", "")),
                    sha256=sha256, fetched_at=fetched_at)

    def _request(self, url: str) -> requests.Response:
        timeout = (self.http.connect_timeout, self.http.read_timeout)
        try:
            return self.session.get(url, timeout=timeout)
        except requests.TooManyRedirects as err:
            self.counts["fetch/failed/redirects"] += 1
            raise FetchError(f"{url} redirected more than {MAX_REDIRECTS} times", url=url, reason="redirects") from err
        except requests.Timeout as err:
            self.counts["fetch/failed/timeout"] += 1
            raise FetchError(f"{url} timed out", url=url, reason="timeout") from err
        except requests.RequestException as err:
            self.counts["fetch/failed/connection"] += 1
            raise FetchError(f"cannot reach {url}: {type(err).__name__}", url=url, reason="connection") from err

    def _wait(self, host: str, delay: float) -> None:
        last = self._last_request.get(host)
        if last is not None and delay > 0:
            remaining = last + delay - time.monotonic()
            if remaining > 0:
                time.sleep(remaining)
        self._last_request[host] = time.monotonic()

    def _robots_for(self, host: str, delay: float) -> Robots:
        """robots.txt, fetched once per host per run."""
        if host not in self._robots:
            try:
                self._wait(host, delay)
                response = self._request(f"{host}/robots.txt")
                status, text = response.status_code, decode(response.content, response.headers.get("Content-Type", ""))
                why = ""
            except FetchError as err:
                status, text, why = None, "", err.reason
            robots = Robots.from_response(status, text, self.http.user_agent, why)
            if robots.unavailable:
                log.warning("robots.txt of %s is unavailable; treating the host as disallowed", host)
                self.counts["fetch/robots_unavailable"] += 1
            self._robots[host] = robots
        return self._robots[host]


def decode(body: bytes, content_type: str) -> str:
    """Decode with the declared charset, then the HTML meta charset, then UTF-8 (never raising)."""
    declared = re.search(r"charset=([\w-]+)", content_type or "", re.IGNORECASE)
    meta = _META_CHARSET.search(body[:4096])
    for candidate in (declared and declared.group(1), meta and meta.group(1).decode("ascii", "ignore")):
        if candidate:
            try:
                return body.decode(candidate)
            except (LookupError, UnicodeDecodeError):
                continue
    return body.decode("utf-8", errors="replace")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
