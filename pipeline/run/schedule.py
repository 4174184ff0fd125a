"""Cadence and freshness: which sources are due for a crawl, and which are stale.

Each source says how often to crawl it (`every`) and how old its data may get (`max_age`). Like
dbt's source freshness, a source is `ok` while its last complete crawl is younger than `max_age`,
`warn` up to twice that, and `error` beyond (or when it was never crawled completely).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pipeline.config import Config
from pipeline.config.durations import parse_duration
from pipeline.database import Warehouse


@dataclass(frozen=True)
class SourceState:
    source: str
    every: str  # "" = due on every --due run
    max_age: str
    last_crawl: datetime | None
    last_status: str | None
    last_complete: datetime | None
    listings: int | None

    def due(self, now: datetime) -> bool:
        if self.last_complete is None or not self.every:
            return True
        return now - self.last_complete >= timedelta(seconds=parse_duration(self.every))

    def next_due(self) -> datetime | None:
        if self.last_complete is None or not self.every:
            return None
        return self.last_complete + timedelta(seconds=parse_duration(self.every))

    def freshness(self, now: datetime) -> str:
        if self.last_complete is None:
            return "error"
        age, limit = (now - self.last_complete).total_seconds(), parse_duration(self.max_age)
        return "ok" if age <= limit else "warn" if age <= 2 * limit else "error"


def source_states(config: Config, warehouse: Warehouse | None) -> list[SourceState]:
    """Every enabled source with its last crawls (none known when there is no database yet)."""
    known = {}
    if warehouse is not None:
        columns, rows = warehouse.query("runs/sources.sql")
        known = {row[0]: dict(zip(columns, row)) for row in rows}
    states = []
    for source in config.enabled_sources():
        row = known.get(source.name, {})
        states.append(
            SourceState(
                source.name,
                source.every,
                source.max_age,
                row.get("last_crawl"),
                row.get("last_status"),
                row.get("last_complete"),
                row.get("listings"),
            )
        )
    return states


def due_sources(states: list[SourceState], now: datetime) -> list[str]:
    return [state.source for state in states if state.due(now)]
