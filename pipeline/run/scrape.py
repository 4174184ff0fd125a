"""The scrape stage: crawl the sources (hosts in parallel), normalize and classify, stage the listings."""

from __future__ import annotations

import json
import logging
import tempfile
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pipeline import sources
from pipeline.config import Config
from pipeline.database import Warehouse
from pipeline.errors import SourceError, UsageError
from pipeline.fetch.archive import Archive
from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.journal import Journal, leftovers, recoverable_rows
from pipeline.fetch.responses import ResponseCache
from pipeline.fetch.stats import FetchStats
from pipeline.progress import Progress
from pipeline.relevance.vocabulary import load_vocabulary
from pipeline.run.parallel import RowMaker
from pipeline.sources import Crawl, websites
from pipeline.sources.samples import SAMPLES_DIR, SCHEME, is_sample, site_hosts

log = logging.getLogger(__name__)

RECORD_EVERY = 500  # sites between two recordings of a website crawl's raw responses


@dataclass
class ScrapeResult:
    crawls: list[Crawl] = field(default_factory=list)
    stats: dict = field(default_factory=dict)  # FetchStats.as_dict(): per host and per source
    robots_unavailable: dict[str, str] = field(default_factory=dict)  # host -> why


def scrape(
    config: Config,
    warehouse: Warehouse,
    *,
    run_id: str,
    counts: Counter,
    origins: dict[str, str],
    routes: dict[str, str] | None = None,
    only: list[str] | None = None,
    offline: bool = False,
    refresh: bool = False,
    progress: Progress | None = None,
) -> ScrapeResult:
    """Crawl the selected sources, sources on different hosts concurrently; stage what they yield.

    `offline` re-extracts from the raw archive with no network at all; `refresh` ignores cache TTLs.
    """
    selected = [sources.localize(source, config.resolve) for source in select_sources(config, only)]
    for source in selected:
        sources.validate(source, config.path)
    maker = RowMaker(load_vocabulary(config.vocabulary_path), config.relevance, config.scope.country)
    names = [source.name for source in selected]
    resume_since = None if offline else _recover_journals(warehouse, config.raw_dir, counts)
    cache = ResponseCache(warehouse.run("fetch/latest_responses.sql", {"sources": names}))
    stats = FetchStats(counts)
    journal = None if offline else Journal(config.raw_dir, run_id)
    fetcher = Fetcher(
        config.http,
        Archive(config.raw_dir),
        run_id=run_id,
        stats=stats,
        cache=cache,
        origins=origins,
        routes=routes,
        offline=offline,
        refresh=refresh,
        journal=journal,
        resume_since=resume_since,
        progress=progress,
    )
    result = ScrapeResult()
    # Practice websites come last: their start list is what the other sources have just named.
    listed = [source for source in selected if source.kind != "websites"]
    site_sources = [source for source in selected if source.kind == "websites"]
    if progress is not None and listed:
        progress.start("fetching")
    try:
        workers = max(1, min(len(listed), config.http.max_hosts_in_parallel))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="crawl") as pool:
            started = {pool.submit(_crawl, source, fetcher): (source, _now()) for source in listed}
            # Staging writes happen here, one source at a time, as crawls finish.
            for future in as_completed(started):
                source, began = started[future]
                crawl = future.result()
                counts.update(crawl.counts)
                rows = _one_per_key(maker.rows(crawl.listings, counts), counts)
                crawl.staged = len(rows)
                _stage(
                    warehouse,
                    fetcher,
                    crawl,
                    rows,
                    run_id=run_id,
                    started=began,
                    stats=stats.as_dict()["sources"].get(source.name, {}),
                )
                counts["scrape/listings"] += len(rows)
                log.info(
                    "source %s: %s, %d listings, %d failures", source.name, crawl.status, len(rows), crawl.failures
                )
                result.crawls.append(crawl)
        if progress is not None and listed:
            progress.finish()
        for source in site_sources:
            crawl = _crawl_websites(source, config, warehouse, fetcher, maker, counts, run_id=run_id, progress=progress)
            result.crawls.append(crawl)
    finally:
        maker.close()
        fetcher.close()
    if journal is not None:
        journal.finish()  # reached only when every source's responses are recorded
    result.crawls.sort(key=lambda crawl: names.index(crawl.source))
    result.stats = stats.as_dict()
    result.robots_unavailable = fetcher.robots_unavailable()
    return result


def _crawl_websites(
    source,
    config: Config,
    warehouse: Warehouse,
    fetcher: Fetcher,
    maker: RowMaker,
    counts: Counter,
    *,
    run_id: str,
    progress: Progress | None,
) -> Crawl:
    """Read every practice site the listings name, many at once; stage one listing per site read.

    Rows are spooled to disk as sites finish and raw responses recorded every RECORD_EVERY sites,
    so memory stays flat over any number of sites and a killed crawl resumes from the journal.
    A site that could not be read is retained: its listing keeps its last good evidence.
    """
    began = _now()
    crawl = Crawl(source=source.name)
    only = site_hosts(SAMPLES_DIR / source.base_url[len(SCHEME) :].strip("/")) if is_sample(source) else None
    skip = [*source.skip_hosts, *config.resolution.shared_hosts]
    sites = websites.start_list(warehouse.run("sources/site_starts.sql"), skip, crawl.counts, only)
    crawl.counts["scrape/sites/listed"] += len(sites)
    shown, fetcher.progress = fetcher.progress, Progress()  # sites are counted, not responses
    fetcher.stats.fold(source.name, f"{source.name}: practice sites")  # one line, not one per site
    fetcher.quiet_sources.add(source.name)  # a dead site is counted by reason, not warned of
    if progress is not None:
        progress.start("websites", len(sites))
    retained: list[dict] = []
    keys: set[str] = set()
    spool = tempfile.TemporaryFile("w+", encoding="utf-8", dir=warehouse.path.parent)  # noqa: SIM115 (closed below)
    try:
        for done, read in enumerate(websites.crawl_sites(source, fetcher, sites), start=1):
            crawl.counts.update(read.counts)
            if read.listing is None:
                crawl.counts[f"scrape/sites/dead/{read.dead}"] += 1
                retained.append({"source": source.name, "site": read.site.site, "reason": read.dead})
                log.info("site %s: %s (%s)", read.site.site, read.dead, read.message)
            elif read.listing.source_key in keys:
                crawl.counts["scrape/sites/same_site_twice"] += 1
            elif row := maker.row(read.listing, counts, pages=read.listing.pages):
                keys.add(read.listing.source_key)
                spool.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
                crawl.staged += 1
            if done % RECORD_EVERY == 0:
                with warehouse.transaction():
                    warehouse.stage_rows("scrape/insert_raw_responses.sql", fetcher.take_responses(source.name))
            if progress is not None:
                progress.advance()
        crawl.counts["scrape/sites/read"] += crawl.staged
        counts.update(crawl.counts)
        spool.seek(0)
        _stage(
            warehouse,
            fetcher,
            crawl,
            (json.loads(line) for line in spool),
            run_id=run_id,
            started=began,
            stats=fetcher.stats.as_dict()["sources"].get(source.name, {}),
            retained=retained,
        )
    finally:
        spool.close()
        fetcher.progress = shown
        if progress is not None:
            progress.finish()
    counts["scrape/listings"] += crawl.staged
    log.info("source %s: %d sites, %d read, %d dead", source.name, len(sites), crawl.staged, len(retained))
    return crawl


def _recover_journals(warehouse: Warehouse, raw_dir, counts: Counter) -> datetime | None:
    """Record what killed runs fetched; return when the earliest of them began fetching (what was
    fetched since is fresh for this run, whatever the sources' cache_ttl)."""
    paths = leftovers(raw_dir)
    if not paths:
        return None
    rows = recoverable_rows(paths, raw_dir)
    with warehouse.transaction():
        warehouse.stage_rows("scrape/recover_raw_responses.sql", rows)
    for path in paths:
        path.unlink()
    counts["scrape/resumed_responses"] += len(rows)
    return min((datetime.fromisoformat(row["fetched_at"]) for row in rows), default=None)


def _crawl(source, fetcher: Fetcher) -> Crawl:
    try:
        return sources.crawl(source, fetcher)
    except SourceError as err:
        return Crawl(source=source.name, status="failed", failures=1, message=str(err))


def _stage(
    warehouse: Warehouse,
    fetcher: Fetcher,
    crawl: Crawl,
    rows: Iterable[dict],
    *,
    run_id: str,
    started: datetime,
    stats: dict,
    retained: list[dict] | None = None,
) -> None:
    """One transaction per source: its batch, its raw responses, its failures and its crawl record."""
    with warehouse.transaction():
        if crawl.status != "failed":
            warehouse.run("scrape/clear_source.sql", {"source": crawl.source})
            warehouse.stage_rows("scrape/insert_staged.sql", rows, {"load_id": run_id})
            warehouse.stage_rows("scrape/insert_retained.sql", retained or [])
        warehouse.stage_rows("scrape/insert_raw_responses.sql", fetcher.take_responses(crawl.source))
        warehouse.stage_rows("fetch/insert_failures.sql", fetcher.take_failures(crawl.source))
        warehouse.run(
            "scrape/record_crawl.sql",
            {
                "run_id": run_id,
                "source": crawl.source,
                "started_at": started,
                "finished_at": _now(),
                "status": crawl.status,
                "listings": crawl.staged,
                "failures": crawl.failures,
                "message": crawl.message or None,
                "stats": json.dumps(stats, sort_keys=True),
            },
        )


def select_sources(config: Config, only: list[str] | None):
    """The named sources (enabled or not), or every enabled one; unknown names are usage errors."""
    if only:
        unknown = [name for name in only if name not in config.sources]
        if unknown:
            raise UsageError(f"unknown source {unknown[0]!r}; configured: {', '.join(config.sources)}")
        return [config.sources[name] for name in dict.fromkeys(only)]
    return config.enabled_sources()


_BOOKKEEPING = frozenset({"source", "source_key", "url", "fetched_at", "raw_sha256", "raw_fields", "content_hash"})


def _one_per_key(rows: list[dict], counts: Counter) -> list[dict]:
    """One row per source key. A directory that lists a provider twice under one key (22,450 rows,
    16,523 keys in one real crawl) keeps the most complete row, the same one whatever the order;
    the others are counted (dropped/duplicate_key), and so are keys whose rows disagree."""
    by_key: dict[str, list[dict]] = {}
    for row in rows:
        by_key.setdefault(row["source_key"], []).append(row)
    kept = []
    for same in by_key.values():
        if len(same) > 1:
            counts["scrape/dropped/duplicate_key"] += len(same) - 1
            if len({row["content_hash"] for row in same}) > 1:
                counts["scrape/duplicate_key_conflicts"] += 1
            same.sort(key=lambda row: (-_filled(row), row["content_hash"]))
        kept.append(same[0])
    return kept


def _filled(row: dict) -> int:
    """How many of a row's own fields carry something."""
    return sum(1 for key, value in row.items() if key not in _BOOKKEEPING and value not in (None, "", [], False, 0))


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
