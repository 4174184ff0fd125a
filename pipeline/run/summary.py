"""The summary a run ends with: each source and host, the counts per stage, the checks, what was published."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.run import runner


def site_line(result) -> str:
    return f"{result.files} files, {result.written} written, {result.removed} removed; `make site-serve` to browse it"


def summary_lines(config, report: runner.Report) -> Iterator[str]:
    """The summary of a run, line by line, for the CLI to print on stderr."""
    run = report.run
    yield f"Run {run.run_id}: {run.status}"
    sources = report.fetch_stats.get("sources", {})
    for crawl in report.crawls:
        yield (
            f"  source {crawl.source}: {crawl.status}, {crawl.staged} listings"
            + (f", {crawl.failures} failures ({crawl.message})" if crawl.failures else "")
        )
        if crawl.source in sources:
            yield "    fetched: " + ", ".join(f"{k}={v}" for k, v in sources[crawl.source].items())
    for host, stats in report.fetch_stats.get("hosts", {}).items():
        yield f"  host {host}: " + ", ".join(f"{k}={v}" for k, v in stats.items())
    for host, why in report.robots_unavailable.items():
        yield f"  robots.txt of {host} could not be fetched ({why}): the host was treated as disallowed"
    groups: dict[str, list[str]] = {}
    for key, value in sorted(run.counts.items()):
        stage, _, name = key.partition("/")
        groups.setdefault(stage, []).append(f"{name}={value}")
    for stage in ("scrape", "normalize", "classify", "geocode", "resolve", "load", "export"):
        if stage in groups:
            yield f"  {stage:9} " + ", ".join(groups[stage])
    failing = [c for c in report.checks if c.failed]
    if report.checks:
        yield (
            f"  checks    {len(report.checks) - len(failing)} passed, {len(failing)} failing"
            + "".join(f"\n    {c.severity}: {c.name} ({c.failing_rows} rows)" for c in failing)
        )
    if report.published:
        yield f"Database: {config.shown(config.database)}"
    if report.exported:
        yield f"Export:   {config.shown(report.exported.directory)} ({report.exported.therapists} therapists)"
    if report.site:
        yield f"Site:     {config.shown(report.site.directory)} ({site_line(report.site)})"
