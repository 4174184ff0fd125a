"""Source kinds: each module crawls one kind of public listing and yields RawListing records."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipeline.fetch import Fetcher
from pipeline.records import RawListing


@dataclass
class Crawl:
    """What one crawl of one source produced, and whether it saw the whole source."""

    source: str
    listings: list[RawListing] = field(default_factory=list)
    status: str = "complete"  # complete, partial (some pages failed) or failed (nothing usable)
    failures: int = 0
    message: str = ""
    counts: Counter = field(default_factory=Counter)

    def drop(self, reason: str) -> None:
        """Count a record skipped for a per-record reason (never fatal)."""
        self.counts[f"scrape/dropped/{reason}"] += 1

    def fail(self, reason: str, message: str) -> None:
        """Count a page that could not be had: the crawl is no longer complete."""
        self.failures += 1
        self.counts[f"scrape/failed/{reason}"] += 1
        self.status = "partial"
        self.message = self.message or message


def _kinds():
    from pipeline.sources import html  # the kind modules import Crawl from here

    return {"html": html}


def validate(source, config_path) -> None:
    """Check what the config loader cannot (e.g. CSS syntax); raise ConfigError."""
    _kinds()[source.kind].validate(source, config_path)


def crawl(source, fetcher: Fetcher) -> Crawl:
    """Crawl one configured source through the shared fetcher."""
    return _kinds()[source.kind].crawl(source, fetcher)
