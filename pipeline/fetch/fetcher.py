"""The one polite HTTP fetcher: robots.txt, per-host pacing, retries, conditional GET, raw archive.

Every source fetches through a Fetcher and nothing else touches the network for listings.
"""

from __future__ import annotations

import logging
import os
import random
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import requests

from pipeline.config import Http, is_example_agent
from pipeline.errors import ConfigError, FetchError, RobotsDisallowed, RobotsUnavailable
from pipeline.fetch.archive import Archive
from pipeline.fetch.charset import decode
from pipeline.fetch.hosts import HostGate, is_loopback, origin
from pipeline.fetch.journal import FetchLog, Journal
from pipeline.fetch.pages import Page, Pages, Response, utcnow
from pipeline.fetch.responses import Archived, ResponseCache
from pipeline.fetch.retry import RETRY_STATUSES, backoff_seconds, retry_after_seconds
from pipeline.fetch.robots import Robots
from pipeline.fetch.stats import FetchStats
from pipeline.progress import Progress

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
POOL_SIZE = 128  # connections kept per host and hosts kept; more threads than this only reconnect


class Fetcher(Pages):
    """Fetches politely for one run; safe to share between threads crawling different hosts."""

    def __init__(
        self,
        http: Http,
        archive: Archive,
        *,
        run_id: str,
        stats: FetchStats | None = None,
        cache: ResponseCache | None = None,
        origins: dict[str, str] | None = None,
        offline: bool = False,
        refresh: bool = False,
        rng: random.Random | None = None,
        journal: Journal | None = None,
        resume_since: datetime | None = None,
        progress: Progress | None = None,
        routes: dict[str, str] | None = None,
    ):
        self.http = http
        self.archive = archive
        self.run_id = run_id
        self.stats = stats or FetchStats()
        self.cache = cache or ResponseCache()
        self.origins = origins or {}
        # Host name -> the origin that really serves it (the bundled practice sites are virtual
        # hosts of one loopback server): records, robots and pacing keep the host's own name.
        self.routes = {host.lower(): served for host, served in (routes or {}).items()}
        self.offline = offline
        self.refresh = refresh
        self.log = FetchLog(journal)
        self.resume_since = resume_since  # responses since then (a killed run's) count as fresh
        self.progress = progress or Progress()
        self.rng = rng or random.Random()
        self.gate = HostGate(http.jitter, self.rng)
        self.session = requests.Session()
        # Many hosts at once (a websites crawl), or many threads on one loopback sample server.
        adapter = requests.adapters.HTTPAdapter(pool_connections=POOL_SIZE, pool_maxsize=POOL_SIZE)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.quiet_sources: set[str] = set()  # sources whose unreachable robots.txt is counted, not warned of
        self.session.headers["User-Agent"] = http.user_agent
        if not any(key.lower().endswith("_proxy") for key in os.environ):
            # Without proxy variables, skip requests' per-request scan of the environment (~20% of
            # the time per small page); with them, keep it so no_proxy and friends are honoured.
            self.session.trust_env = False
        self._robots: dict[str, Robots] = {}
        self._agent_checked: set[str] = set()
        self._robots_lock = threading.Lock()  # guards the two dicts; each host has its own lock
        self._robots_locks: dict[str, threading.Lock] = {}

    @property
    def counts(self):
        return self.stats.counts

    def close(self) -> None:
        self.session.close()
        self.archive.close()

    # -- the public API ------------------------------------------------------------------------
    def get(
        self,
        url: str,
        *,
        source: str,
        delay: float | None = None,
        obey_robots: bool = True,
        allowed_hosts: Iterable[str] | None = None,
        cache_ttl: float = 0.0,
    ) -> Page:
        """Fetch `url` or raise FetchError (with a reason); every failure is also recorded."""
        try:
            return self._get(
                url,
                source=source,
                delay=self.http.delay_seconds if delay is None else delay,
                obey_robots=obey_robots,
                allowed=set(allowed_hosts) if allowed_hosts else None,
                cache_ttl=cache_ttl,
            )
        except FetchError as err:
            self._record_failure(source, url, err)
            raise

    def get_many(self, urls: list[str], *, source: str, **options) -> Iterator[tuple[str, Page | FetchError]]:
        """Fetch many URLs: hosts in parallel (bounded), each host one request at a time; input order."""
        by_host: dict[str, list[str]] = defaultdict(list)
        for url in urls:
            by_host[origin(url)].append(url)

        def fetch_host(host_urls: list[str]) -> dict[str, Page | FetchError]:
            results: dict[str, Page | FetchError] = {}
            for url in host_urls:
                try:
                    results[url] = self.get(url, source=source, **options)
                except FetchError as err:
                    results[url] = err
            return results

        if len(by_host) <= 1:
            done = fetch_host(urls)
        else:
            done = {}
            workers = min(len(by_host), self.http.max_hosts_in_parallel)
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
                for results in pool.map(fetch_host, by_host.values()):
                    done.update(results)
        for url in urls:
            yield url, done[url]

    def forget(self, *hosts: str) -> None:
        """Drop what this run keeps per host (robots rules, pacing) once a host's crawl is over, so a
        crawl of many sites holds only the sites in hand. `hosts` are origins (scheme://host)."""
        with self._robots_lock:
            for host in hosts:
                self._robots.pop(host, None)
                self._robots_locks.pop(host, None)
        self.gate.forget(*hosts)

    def take_responses(self, source: str) -> list[dict]:
        """The raw_responses rows recorded for `source` since the last call, their files on disk."""
        self.archive.flush()
        return self.log.take_responses(source)

    def take_failures(self, source: str) -> list[dict]:
        return self.log.take_failures(source)

    # -- one URL ---------------------------------------------------------------------------------
    def _get(
        self, url: str, *, source: str, delay: float, obey_robots: bool, allowed: set[str] | None, cache_ttl: float
    ) -> Page:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"refusing non-HTTP URL {url}", url=url, reason="bad_scheme")
        canonical = self.canonical(url)
        if self.offline:
            return self._offline(url, source, obey_robots=obey_robots)
        if not self.refresh and cache_ttl > 0:
            fresh = self.cache.fresh(canonical, cache_ttl, utcnow())
            if fresh:
                return self._from_archive(url, source, fresh, reason="cache_hit")
        if not self.refresh and self.resume_since is not None:
            fetched = self.cache.since(canonical, self.resume_since)
            if fetched:
                return self._from_archive(url, source, fetched, reason="resumed")
        current, hops = url, 0
        while True:
            host = origin(current)
            self._check_user_agent(host)
            robots = self._robots_for(host, source, delay) if obey_robots else None
            if robots is not None and robots.unavailable:
                self.stats.add(source, host, "robots_refused")
                raise RobotsUnavailable(current, robots.why)
            if robots is not None and not robots.allows(self.http.user_agent, current):
                self.stats.add(source, host, "robots_refused")
                raise RobotsDisallowed(current)
            known = self.cache.validators(self.canonical(current))  # for If-None-Match / If-Modified-Since
            response = self._attempts(current, host, source, max(delay, robots.crawl_delay if robots else 0.0), known)
            if response.status in (301, 302, 303, 307, 308) and "Location" in response.headers:
                target = urljoin(current, response.headers["Location"])
                self._record(source, current, response, None, None)
                hops += 1
                if hops > self.http.max_redirects:
                    self.stats.add(source, host, "failed/redirects")
                    raise FetchError(
                        f"{url} redirected more than {self.http.max_redirects} times", url=url, reason="redirects"
                    )
                if urlsplit(target).scheme not in ("http", "https"):
                    raise FetchError(f"{current} redirected to a non-HTTP URL", url=url, reason="bad_redirect")
                target_host = urlsplit(target).netloc
                if target_host != urlsplit(url).netloc and (allowed is None or target_host not in allowed):
                    self.stats.add(source, host, "failed/offsite_redirect")
                    raise FetchError(
                        f"{current} redirected off-site to {target_host}", url=url, reason="offsite_redirect"
                    )
                current = target
                continue
            break
        if response.status == 304 and known is not None and known.sha256 is not None:
            self.stats.add(source, host, "not_modified")
            self._record(source, current, response, known.sha256, self.archive.relative_path(known.sha256))
            return self._page(
                url, current, 304, known.content_type, self.archive.load(known.sha256), known.sha256, from_archive=True
            )
        sha256, archive_path = self.archive.store(response.body or b"")
        self._record(source, current, response, sha256, archive_path)
        if response.status >= 300:
            raise self._http_failure(source, host, url, current, response.status)
        return self._page(
            url, current, response.status, response.headers.get("Content-Type", ""), response.body or b"", sha256
        )

    def _attempts(self, url: str, host: str, source: str, delay: float, known: Archived | None) -> Response:
        """Request with retries: backoff with jitter, Retry-After honoured up to max_wait_seconds."""
        headers = {}
        if known is not None:
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        tries = self.http.max_retries + 1
        for attempt in range(1, tries + 1):
            retry_after = None
            try:
                with self.gate.slot(host, delay):
                    response = self._request(url, host, source, headers)
            except FetchError as err:
                failure, status = err, None
            else:
                if response.status not in RETRY_STATUSES:
                    return response
                status = response.status
                failure = FetchError(f"{url} answered HTTP {status}", url=url, status=status, reason=f"http_{status}")
                retry_after = retry_after_seconds(response.headers.get("Retry-After"))
            if attempt == tries:
                break
            wait = (
                retry_after
                if retry_after is not None
                else backoff_seconds(attempt, self.http.backoff_seconds, self.http.jitter, self.rng)
            )
            if wait > self.http.max_wait_seconds:
                self.stats.add(source, host, "failed/retry_after_too_long")
                raise FetchError(
                    f"{url} asked us to wait {wait:.0f} s, more than max_wait_seconds",
                    url=url,
                    status=status,
                    reason="retry_after_too_long",
                )
            self.stats.add(source, host, "retries")
            log.info("retrying %s in %.1f s after %s", url, wait, failure.reason)
            self.gate.defer(host, wait)
        self.stats.add(source, host, f"failed/{failure.reason}")
        failure.attempts = tries
        raise failure

    def _request(self, url: str, host: str, source: str, headers: dict) -> Response:
        """One HTTP exchange, reading at most max_body_bytes of the body."""
        limit = self.http.max_body_bytes
        self.stats.add(source, host, "requests")
        parts, target = urlsplit(url), url
        served = self.routes.get((parts.hostname or "").lower())
        if served is not None:  # a virtual host of a loopback server: ask it by its own name
            headers = {**headers, "Host": parts.netloc}
            target = served + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            with self._send(target, headers) as response:
                self.stats.add(source, host, f"status/{response.status_code}")
                if response.is_redirect or response.status_code == 304:
                    return Response(url, response.status_code, dict(response.headers), None)
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise _too_large(url, limit)
                body = bytearray()
                for chunk in response.iter_content(CHUNK):
                    body += chunk
                    if len(body) > limit:
                        raise _too_large(url, limit)
                self.stats.add(source, host, "bytes", len(body))
                return Response(url, response.status_code, dict(response.headers), bytes(body))
        except requests.Timeout as err:
            raise FetchError(f"{url} timed out", url=url, reason="timeout") from err
        except requests.ConnectionError as err:
            # A stalled body read surfaces as a ConnectionError wrapping a read timeout.
            reason = "timeout" if "timed out" in str(err).lower() else "connection"
            raise FetchError(f"cannot reach {url} ({reason})", url=url, reason=reason) from err
        except requests.RequestException as err:
            raise FetchError(f"{url} failed: {type(err).__name__}", url=url, reason="request") from err

    def _send(self, url: str, headers: dict) -> requests.Response:
        """GET without following redirects, streaming the body. Without proxy variables the request
        is prepared here and sent straight to the adapter: Session.request's merging of settings,
        cookies and environment costs a millisecond a request, a quarter of a small page's time."""
        timeout = (self.http.connect_timeout, self.http.read_timeout)
        if self.session.trust_env:
            return self.session.get(url, headers=headers, stream=True, allow_redirects=False, timeout=timeout)
        request = requests.PreparedRequest()
        request.prepare(method="GET", url=url, headers={**self.session.headers, **headers})
        return self.session.send(request, stream=True, allow_redirects=False, timeout=timeout)

    # -- robots and the User-Agent (archive and bookkeeping: pages.py) -------------------------
    def _robots_for(self, host: str, source: str, delay: float) -> Robots:
        """robots.txt, fetched once per host per run (the first thread to ask fetches it; threads
        crawling other hosts never wait for it)."""
        with self._robots_lock:
            lock = self._robots_locks.setdefault(host, threading.Lock())
        with lock:
            if host in self._robots:
                return self._robots[host]
            try:
                with self.gate.slot(host, delay):
                    response = self._request(f"{host}/robots.txt", host, source, {})
                status, why = response.status, ""
                text = decode(response.body or b"", response.headers.get("Content-Type", ""))
                # Archived like any page, so an offline run obeys the same rules.
                self._record(source, f"{host}/robots.txt", response, *self.archive.store(response.body or b""))
            except FetchError as err:
                status, text, why = None, "", err.reason
            robots = Robots.from_response(status, text, self.http.user_agent, why)
            if robots.unavailable:
                log.log(
                    logging.INFO if source in self.quiet_sources else logging.WARNING,
                    "robots.txt of %s is unavailable (%s); treating the host as disallowed",
                    host,
                    robots.why,
                )
                self.stats.add(source, host, "robots_unavailable")
            with self._robots_lock:
                self._robots[host] = robots
            return robots

    def robots_unavailable(self) -> dict[str, str]:
        """Hosts whose robots.txt could not be read this run, and why (for the run summary)."""
        with self._robots_lock:
            return {host: robots.why for host, robots in self._robots.items() if robots.unavailable}

    def _check_user_agent(self, host: str) -> None:
        if host in self._agent_checked or is_loopback(host) or (urlsplit(host).hostname or "") in self.routes:
            return
        if is_example_agent(self.http.user_agent):
            raise ConfigError(
                f"http.user_agent still carries the example contact; put your own URL or email "
                f"there before crawling {urlsplit(host).hostname}"
            )
        self._agent_checked.add(host)


def _too_large(url: str, limit: int) -> FetchError:
    return FetchError(f"{url} is larger than max_body_bytes ({limit:,} bytes)", url=url, reason="too_large")
