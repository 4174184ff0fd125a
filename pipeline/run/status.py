"""What an operator needs at a glance: the last runs, each source's freshness, failing checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.config import Config
from pipeline.database import Warehouse
from pipeline.errors import NothingToDo, WarehouseError
from pipeline.run.history import failing_checks, recent_runs, utcnow
from pipeline.run.lock import lock_holder
from pipeline.run.schedule import source_states


def operator_database(config: Config) -> tuple[Path, dict | None]:
    """The database an operator's view reads: the working one, or the published one while a run
    holds the working one (DuckDB lets no reader in then); and who is running, if anyone."""
    running = lock_holder(config.lock_path)
    path = config.work_database
    if running is not None or not path.exists():
        path = config.database
    return path, running


def operator_status(config: Config) -> dict:
    """The last runs, each source's freshness and the failing checks."""
    path, running = operator_database(config)
    try:
        with Warehouse(path, read_only=True) as warehouse:
            runs, states, checks = recent_runs(warehouse), source_states(config, warehouse), failing_checks(warehouse)
    except (NothingToDo, WarehouseError):
        runs, states, checks = [], source_states(config, None), []
    now = utcnow()
    return {
        "running": running,
        "database": str(path),
        "runs": runs,
        "sources": [
            {
                "source": state.source,
                "freshness": state.freshness(now),
                "last_complete": state.last_complete,
                "age_seconds": round((now - state.last_complete).total_seconds()) if state.last_complete else None,
                "last_crawl": state.last_crawl,
                "last_status": state.last_status,
                "listings": state.listings,
                "every": state.every,
                "max_age": state.max_age,
                "due": state.due(now),
                "next_due": state.next_due(),
            }
            for state in states
        ],
        "failing_checks": checks,
    }


def status_lines(status: dict) -> Iterator[str]:
    """The text `therapists status` shows for `operator_status`, line by line, for the CLI to print."""
    if status["running"]:
        running = status["running"]
        yield (
            f"A run is in progress: pid {running.get('pid')}, `therapists {running.get('command')}` started "
            f"{running.get('started_at')} (shown: the last published state)."
        )
    yield "Latest runs:"
    for run in status["runs"]:
        counts = run.get("counts") or {}
        active = counts.get("load/active_therapists")
        yield (
            f"  {run['run_id']}  {run['command']:8} {run['status']:8} started {run['started_at']:%Y-%m-%d %H:%M:%S}"
            + (f", {active} active therapists" if active is not None else "")
        )
    yield "Sources (freshness: ok within max_age, warn within twice it, error beyond or never crawled):"
    for source in status["sources"]:
        last = f"{source['last_complete']:%Y-%m-%d %H:%M}" if source["last_complete"] else "never"
        due = "due now" if source["due"] else f"next due {source['next_due']:%Y-%m-%d %H:%M}"
        yield (
            f"  {source['source']:20} {source['freshness']:5}  last complete crawl {last}, "
            f"{source['listings'] or 0} listings; every {source['every'] or 'run'}, max age {source['max_age']}; {due}"
        )
    if status["failing_checks"]:
        yield "Failing checks (latest run):"
        for check in status["failing_checks"]:
            yield f"  {check['severity']:5} {check['check_name']} ({check['failing_rows']} rows)"
