"""The scrape stage: crawl each source, normalize and classify its listings, stage them."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import UTC, datetime

from pipeline import sources
from pipeline.archive import Archive
from pipeline.classify import classify
from pipeline.config import Config
from pipeline.errors import SourceError, UsageError
from pipeline.fetch import Fetcher
from pipeline.normalize import normalize
from pipeline.sources import Crawl
from pipeline.vocabulary import Vocabulary, load_vocabulary
from pipeline.warehouse import Warehouse

log = logging.getLogger(__name__)


def scrape(config: Config, warehouse: Warehouse, *, run_id: str, counts: Counter,
           origins: dict[str, str], only: list[str] | None = None) -> list[Crawl]:
    """Crawl the enabled sources (or `only` these); return each crawl's outcome."""
    selected = select_sources(config, only)
    for source in selected:
        sources.validate(source, config.path)
    vocabulary = load_vocabulary(config.vocabulary_path)
    fetcher = Fetcher(config.http, Archive(config.raw_dir), run_id=run_id, counts=counts)
    crawls = []
    try:
        for source in selected:
            started = _now()
            try:
                crawl = sources.crawl(source, fetcher, origins)
            except SourceError as err:
                crawl = Crawl(source=source.name, status="failed", failures=1, message=str(err))
            counts.update(crawl.counts)
            rows = [_process(raw, vocabulary, config, counts) for raw in crawl.listings]
            with warehouse.transaction():
                if crawl.status != "failed":
                    warehouse.run("scrape/clear_source.sql", {"source": source.name})
                    warehouse.stage_rows("scrape/insert_staged.sql", rows, {"load_id": run_id})
                warehouse.stage_rows("scrape/insert_raw_responses.sql", fetcher.responses)
                warehouse.run("scrape/record_crawl.sql", {
                    "run_id": run_id, "source": source.name, "started_at": started,
                    "finished_at": _now(), "status": crawl.status, "listings": len(rows),
                    "failures": crawl.failures, "message": crawl.message or None})
            fetcher.responses.clear()
            counts["scrape/listings"] += len(rows)
            log.info("source %s: %s, %d listings, %d failures", source.name, crawl.status,
                     len(rows), crawl.failures)
            crawls.append(crawl)
    finally:
        fetcher.close()
    return crawls


def select_sources(config: Config, only: list[str] | None):
    """The named sources (enabled or not), or every enabled one; unknown names are usage errors."""
    if only:
        unknown = [name for name in only if name not in config.sources]
        if unknown:
            raise UsageError(f"unknown source {unknown[0]!r}; configured: {', '.join(config.sources)}")
        return [config.sources[name] for name in only]
    return config.enabled_sources()


def _process(raw, vocabulary: Vocabulary, config: Config, counts: Counter) -> dict:
    listing = classify(normalize(raw, counts), vocabulary, config.relevance, counts)
    return listing.row()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
