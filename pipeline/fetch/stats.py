"""Fetch statistics per host and per source (requests, bytes, statuses, retries, cache hits...)."""

from __future__ import annotations

import threading
from collections import Counter, defaultdict


class FetchStats:
    """Thread-safe counters; also mirrored into the run's flat counts as `fetch/<key>`."""

    def __init__(self, counts: Counter | None = None):
        self.counts = counts if counts is not None else Counter()
        self.hosts: dict[str, Counter] = defaultdict(Counter)
        self.sources: dict[str, Counter] = defaultdict(Counter)
        self._lock = threading.Lock()

    def add(self, source: str, host: str, key: str, amount: int = 1) -> None:
        with self._lock:
            self.hosts[host][key] += amount
            self.sources[source][key] += amount
            self.counts[f"fetch/{key}"] += amount

    def as_dict(self) -> dict:
        with self._lock:
            return {
                "hosts": {h: dict(sorted(c.items())) for h, c in sorted(self.hosts.items())},
                "sources": {s: dict(sorted(c.items())) for s, c in sorted(self.sources.items())},
            }
