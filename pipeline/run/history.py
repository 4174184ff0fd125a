"""Run bookkeeping: one `pipeline_runs` row per command, with stage timings, counts and errors."""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pipeline.database import Warehouse

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    """Naive UTC, as stored in DuckDB TIMESTAMP columns."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class Run:
    command: str
    started_at: datetime = field(default_factory=utcnow)
    run_id: str = ""
    counts: Counter = field(default_factory=Counter)
    stages: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    fetch_stats: dict = field(default_factory=dict)
    status: str = "running"

    def __post_init__(self):
        if not self.run_id:
            self.run_id = self.started_at.strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        log.debug("stage %s started", name)
        started, status = time.perf_counter(), "ok"
        try:
            yield
        except BaseException:
            status = "failed"
            raise
        finally:
            self.stages.append({"stage": name, "status": status, "seconds": round(time.perf_counter() - started, 3)})

    def start(self, warehouse: Warehouse) -> None:
        warehouse.run("runs/start.sql", {"run_id": self.run_id, "command": self.command, "started_at": self.started_at})

    def finish(self, warehouse: Warehouse, status: str) -> None:
        self.status = status
        warehouse.run(
            "runs/finish.sql",
            {
                "run_id": self.run_id,
                "finished_at": utcnow(),
                "status": status,
                "stages": json.dumps(self.stages),
                "counts": json.dumps(dict(sorted(self.counts.items()))),
                "errors": json.dumps(self.errors),
                "fetch_stats": json.dumps(self.fetch_stats, sort_keys=True),
            },
        )


def recent_runs(warehouse: Warehouse, limit: int = 5) -> list[dict]:
    columns, rows = warehouse.query("runs/recent.sql", {"limit": limit})
    runs = [dict(zip(columns, row)) for row in rows]
    for run in runs:
        for key in ("stages", "counts", "errors", "fetch_stats"):
            if isinstance(run.get(key), str):
                run[key] = json.loads(run[key])  # DuckDB hands JSON columns back as text
    return runs


def failing_checks(warehouse: Warehouse) -> list[dict]:
    columns, rows = warehouse.query("runs/failing_checks.sql")
    return [dict(zip(columns, row)) for row in rows]
