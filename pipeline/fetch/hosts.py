"""Per-host politeness: one request in flight per host and a minimum, jittered gap between them."""

from __future__ import annotations

import contextlib
import ipaddress
import random
import threading
import time
from collections.abc import Iterator
from urllib.parse import urlsplit


class HostGate:
    """Serializes requests to each host and spaces them out; different hosts never wait on each other."""

    def __init__(self, jitter: float = 0.0, rng: random.Random | None = None):
        self.jitter = jitter
        self.rng = rng or random.Random()
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}  # monotonic time the host's last request finished
        self._not_before: dict[str, float] = {}  # a Retry-After or backoff for the whole host

    def _lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    @contextlib.contextmanager
    def slot(self, host: str, delay: float) -> Iterator[None]:
        """Hold the host for one request, starting at least `delay` (+ jitter) after the previous one."""
        with self._lock(host):
            wait_until = self._not_before.get(host, 0.0)
            last = self._last.get(host)
            if last is not None and delay > 0:
                wait_until = max(wait_until, last + delay * (1 + self.rng.uniform(0, self.jitter)))
            pause = wait_until - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            try:
                yield
            finally:
                self._last[host] = time.monotonic()

    def forget(self, *hosts: str) -> None:
        """Drop the hosts' pacing state (their crawl is over)."""
        with self._guard:
            for host in hosts:
                self._locks.pop(host, None)
                self._last.pop(host, None)
                self._not_before.pop(host, None)

    def defer(self, host: str, seconds: float) -> None:
        """Nobody may request `host` for `seconds` (a Retry-After or a backoff)."""
        with self._guard:
            self._not_before[host] = max(self._not_before.get(host, 0.0), time.monotonic() + seconds)


def origin(url: str) -> str:
    """scheme://host[:port] of a URL: the unit politeness is counted in."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def is_loopback(origin: str) -> bool:
    """This machine or a .test name: no real host to be polite to, nor to show the example agent."""
    hostname = urlsplit(origin).hostname or ""
    if hostname == "localhost" or hostname.endswith(".test"):
        return True
    try:
        return ipaddress.ip_address(hostname).is_loopback
    except ValueError:
        return False
