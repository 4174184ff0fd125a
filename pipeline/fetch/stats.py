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
        self._folded: dict[str, str] = {}  # source -> the one label its hosts are counted under

    def fold(self, source: str, label: str) -> None:
        """Count every host of `source` under `label`: a crawl of 10,000 sites is one line."""
        with self._lock:
            self._folded[source] = label

    def add(self, source: str, host: str, key: str, amount: int = 1) -> None:
        with self._lock:
            host = self._folded.get(source, host)
            self.hosts[host][key] += amount
            self.sources[source][key] += amount
            self.counts[f"fetch/{key}"] += amount

    def as_dict(self) -> dict:
        with self._lock:
            return {
                "hosts": {h: dict(sorted(c.items())) for h, c in sorted(self.hosts.items())},
                "sources": {s: dict(sorted(c.items())) for s, c in sorted(self.sources.items())},
            }
