"""Chain the stages: scrape -> geocode -> resolve -> load -> check -> publish -> export."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from pipeline import database as wh
from pipeline.config import Config
from pipeline.errors import ChecksFailed, NothingToDo, PipelineError
from pipeline.geocode.chain import geocode_staged
from pipeline.progress import Progress
from pipeline.publish.export import ExportResult, export
from pipeline.publish.site import build_site
from pipeline.publish.site_output import SiteResult
from pipeline.relevance.vocabulary import load_vocabulary
from pipeline.resolve.resolver import resolve_staged
from pipeline.run.history import Run, utcnow
from pipeline.run.lock import run_lock
from pipeline.run.schedule import SourceState, due_sources, source_states
from pipeline.run.scrape import scrape, select_sources
from pipeline.sources import Crawl
from pipeline.sources.samples import serving_samples
from pipeline.warehouse import checks
from pipeline.warehouse.checks import CheckResult
from pipeline.warehouse.load import load_staged, pending

log = logging.getLogger(__name__)

STAGES = ("scrape", "geocode", "resolve", "load", "export")


@dataclass
class Report:
    """What a command did, for the CLI to summarise."""

    run: Run
    crawls: list[Crawl] = field(default_factory=list)
    fetch_stats: dict = field(default_factory=dict)  # per host and per source
    robots_unavailable: dict[str, str] = field(default_factory=dict)  # host -> why
    checks: list[CheckResult] = field(default_factory=list)
    published: bool = False
    exported: ExportResult | None = None
    site: SiteResult | None = None
    sources_due: list[str] | None = None  # `run --due`: what was due ([] = nothing, so nothing ran)
    next_due: list[tuple[str, datetime | None]] = field(default_factory=list)  # when each source is due

    @property
    def partial(self) -> bool:
        return any(crawl.status != "complete" for crawl in self.crawls)


def execute(
    config: Config,
    command: str,
    stages: list[str],
    *,
    sources: list[str] | None = None,
    force: bool = False,
    offline: bool = False,
    refresh: bool = False,
    due: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Run `stages` in order as one recorded run (one run at a time); load also checks and publishes.

    `due`: only the sources whose cadence (`every`) has come round; with none due nothing runs, and
    the export is redone only if the load changed something.
    """
    with run_lock(config.lock_path, command):
        if not due:
            return _execute(
                config,
                command,
                stages,
                sources=sources,
                force=force,
                offline=offline,
                refresh=refresh,
                progress=progress,
            )
        states = current_source_states(config)
        now = utcnow()
        report = Report(
            Run(command=command),
            sources_due=due_sources(states, now),
            next_due=[(state.source, state.next_due()) for state in states],
        )
        if not report.sources_due:
            return report
        done = _execute(
            config,
            command,
            [s for s in stages if s != "export"],
            sources=report.sources_due,
            force=force,
            offline=offline,
            refresh=refresh,
            progress=progress,
        )
        done.sources_due, done.next_due = report.sources_due, report.next_due
        changed = sum(done.run.counts[f"load/{key}"] for key in ("new", "changed", "deactivated"))
        if "export" in stages and done.published and (changed or not config.export_dir.exists()):
            done.exported = export_published(config)
            if "site" in stages:
                done.site = build_published_site(config)
        return done


def current_source_states(config: Config) -> list[SourceState]:
    """Each enabled source's cadence and last crawls, from the working database if there is one."""
    if not config.work_database.exists():
        return source_states(config, None)
    with wh.Warehouse(config.work_database, read_only=True) as warehouse:
        return source_states(config, warehouse)


def export_command(config: Config, out_dir=None) -> ExportResult:
    """`therapists export`: the export alone, under the run lock (it replaces the export folder)."""
    with run_lock(config.lock_path, "export"):
        return export_published(config, out_dir)


def site_command(config: Config, out_dir=None) -> SiteResult:
    """`therapists site`: the website from the current export, under the run lock."""
    with run_lock(config.lock_path, "site"):
        return build_published_site(config, out_dir)


def build_published_site(config: Config, out_dir=None) -> SiteResult:
    """The website from the export in paths.export_dir (written from the published snapshot)."""
    vocabulary = load_vocabulary(config.vocabulary_path)
    return build_site(config.export_dir, out_dir or config.site_dir, config.site, vocabulary)


def _execute(
    config: Config,
    command: str,
    stages: list[str],
    *,
    sources: list[str] | None,
    force: bool,
    offline: bool,
    refresh: bool,
    progress: Progress | None = None,
) -> Report:
    report = Report(Run(command=command))
    run = report.run
    if "scrape" in stages:
        sources = [source.name for source in select_sources(config, sources)]  # usage errors first
    if stages not in (["export"], ["export", "site"]):
        _work_stages(
            config,
            report,
            stages,
            sources=sources,
            force=force,
            offline=offline,
            refresh=refresh,
            progress=progress or Progress(),
        )
    if "export" in stages:
        with run.stage("export"):
            report.exported = export_published(config)
        run.counts["export/therapists"] = report.exported.therapists
    if "site" in stages:
        with run.stage("site"):
            report.site = build_published_site(config)
        run.counts["site/files_written"] = report.site.written
        run.counts["site/files"] = report.site.files
    if "export" in stages and stages not in (["export"], ["export", "site"]):
        # Add the publish and export timings to the run's record in the working database
        # (the published copy shows them from the next run on).
        with wh.Warehouse(config.work_database) as warehouse:
            run.finish(warehouse, run.status)
    return report


def _work_stages(
    config: Config,
    report: Report,
    stages: list[str],
    *,
    sources,
    force: bool,
    offline: bool,
    refresh: bool,
    progress: Progress,
) -> None:
    run = report.run
    warehouse = wh.open_work(config.work_database)
    status = "failed"
    try:
        run.start(warehouse)
        if "scrape" in stages:
            with (
                run.stage("scrape"),
                serving_samples(config, sources, offline=offline) as (
                    served,
                    origins,
                    routes,
                ),
            ):
                scraped = scrape(
                    served,
                    warehouse,
                    run_id=run.run_id,
                    counts=run.counts,
                    origins=origins,
                    routes=routes,
                    only=sources,
                    offline=offline,
                    refresh=refresh,
                    progress=progress,
                )
            report.crawls, report.robots_unavailable = scraped.crawls, scraped.robots_unavailable
            run.fetch_stats = report.fetch_stats = scraped.stats
            for host, why in scraped.robots_unavailable.items():
                run.errors.append(f"robots.txt of {host} could not be fetched ({why}); the host was skipped")
            for crawl in report.crawls:
                if crawl.status != "complete":
                    run.errors.append(f"source {crawl.source}: {crawl.status}: {crawl.message}")
            if not any(crawl.staged for crawl in report.crawls):
                reasons = "; ".join(_crawl_summary(c) for c in report.crawls)
                raise NothingToDo(
                    f"no source produced any listing ({reasons or 'no source enabled'}), "
                    "so nothing was loaded and the previous snapshot stays published"
                )
        if "geocode" in stages:
            with run.stage("geocode"):
                _require_staged(warehouse)
                geocode_staged(warehouse, config, run.counts, now=run.started_at, progress=progress)
        if "resolve" in stages:
            with run.stage("resolve"):
                _require_staged(warehouse)
                resolve_staged(warehouse, config, now=run.started_at, counts=run.counts)
        if "load" in stages:
            with run.stage("load"):
                load_staged(config, warehouse, now=run.started_at, counts=run.counts, progress=progress)
        if "check" in stages or "load" in stages:
            with run.stage("check"):
                report.checks = checks.run_checks(config, warehouse, run_id=run.run_id, now=run.started_at)
            failed = checks.blocking(report.checks)
            if failed and "load" in stages and not force:
                names = ", ".join(r.name for r in failed)
                raise ChecksFailed(
                    f"data checks failed ({names}); nothing was published (see `therapists check`, or pass --force)",
                    failures=[r.name for r in failed],
                )
        status = "partial" if report.partial else "ok"
    except PipelineError as err:
        run.errors.append(str(err))
        raise
    finally:
        try:
            run.finish(warehouse, status)
            warehouse.checkpoint()
        finally:
            warehouse.close()
    if "load" in stages:
        with run.stage("publish"):
            wh.publish(config.work_database, config.database)
        report.published = True


def _crawl_summary(crawl: Crawl) -> str:
    """ "overpass: complete, 0 listings, dropped no_name=3, not_a_place=1": what a crawl gave and lost."""
    drops = ", ".join(
        f"{key.rsplit('/', 1)[1]}={n}" for key, n in sorted(crawl.counts.items()) if key.startswith("scrape/dropped/")
    )
    parts = [crawl.status, f"{crawl.staged} listings", f"{crawl.failures} failures"]
    if drops:
        parts.append(f"dropped {drops}")
    if crawl.message:
        parts.append(crawl.message)
    return f"{crawl.source}: " + ", ".join(parts)


def _require_staged(warehouse: wh.Warehouse) -> None:
    if not pending(warehouse)["staged"]:
        raise NothingToDo("nothing is staged; run `therapists scrape` first")


def export_published(config: Config, out_dir=None) -> ExportResult:
    """Export the published snapshot (never the working database, which may be mid-run)."""
    with wh.Warehouse(config.database, read_only=True) as published:
        return export(
            published,
            out_dir or config.export_dir,
            min_tier=config.export.min_tier,
            source_kinds={name: source.kind for name, source in config.sources.items()},
        )
