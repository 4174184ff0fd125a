"""Sources: each module crawls one kind of public listing and yields RawListing records.

Takes in a source's settings (`[sources.NAME]`) and the shared Fetcher; gives out a `Crawl`: the
RawListing records extracted from the pages, counted drops and the crawl's status (complete,
partial or failed). `samples` serves the bundled fictional sources on loopback for the demo.

A kind module offers `validate(source, config_path)` (what the config loader cannot check) and
`crawl(source, fetcher) -> Crawl`. Network sources fetch only through the shared Fetcher.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pipeline.errors import SourceError
from pipeline.fetch.fetcher import Fetcher
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
    staged: int = 0  # listings staged once normalized, classified and one per key (set by the scrape)

    def drop(self, reason: str) -> None:
        """Count a record skipped for a per-record reason (never fatal)."""
        self.counts[f"scrape/dropped/{reason}"] += 1

    def fail(self, reason: str, message: str) -> None:
        """Count a page that could not be had: the crawl is no longer complete."""
        self.failures += 1
        self.counts[f"scrape/failed/{reason}"] += 1
        self.status = "partial"
        self.message = self.message or message

    def finish(self) -> Crawl:
        if not self.listings and self.failures:
            self.status = "failed"
        return self


def fetch_options(source, *hosts: str) -> dict:
    """The Fetcher.get keywords a source's settings imply."""
    return {
        "source": source.name,
        "delay": None if source.delay_seconds < 0 else source.delay_seconds,
        "obey_robots": source.obey_robots,
        "cache_ttl": source.cache_ttl_seconds,
        "allowed_hosts": {h for h in hosts if h},
    }


def json_object(text: str, who: str, source: str) -> dict:
    """An API answer that must be a JSON object; anything else is a SourceError saying who sent it."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise SourceError(f"{who} answered with malformed JSON ({err.msg})", source=source) from err
    if not isinstance(data, dict):
        raise SourceError(f"{who} answered with something other than a JSON object", source=source)
    return data


def host_of(url: str) -> str:
    return urlsplit(url).netloc


def _kinds():
    # The kind modules import Crawl from here, so they are imported on first use.
    from pipeline.sources import csv, html, nppes, nppes_bulk, overpass, websites

    return {
        "html": html,
        "nppes": nppes,
        "nppes_bulk": nppes_bulk,
        "overpass": overpass,
        "csv": csv,
        "websites": websites,  # crawled by the scrape after the others (pipeline/run/scrape.py)
    }


def localize(source, resolve):
    """Make a source's local file path absolute: "samples:..." inside data/samples/, else via `resolve`
    (Config.resolve: relative to the config file)."""
    path = getattr(source, "path", None)
    if not path or getattr(source, "base_url", ""):
        return source
    from pipeline.sources.samples import SAMPLES_DIR, SCHEME

    local = SAMPLES_DIR / path[len(SCHEME) :] if path.startswith(SCHEME) else resolve(path)
    return dataclasses.replace(source, path=str(local))


def validate(source, config_path) -> None:
    """Check what the config loader cannot (e.g. CSS syntax); raise ConfigError."""
    check = getattr(_kinds()[source.kind], "validate", None)
    if check:
        check(source, config_path)


def crawl(source, fetcher: Fetcher) -> Crawl:
    """Crawl one configured source through the shared fetcher."""
    return _kinds()[source.kind].crawl(source, fetcher)
