"""The load stage: merge the staged batch into listings, deactivate vanished ones, rebuild therapists."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from pipeline.config import Config
from pipeline.errors import NothingToDo
from pipeline.geocode import geocode_staged
from pipeline.resolve import resolve_staged
from pipeline.warehouse import Warehouse


def pending(warehouse: Warehouse) -> dict[str, int]:
    ungeocoded, unresolved, staged = warehouse.run("load/pending.sql")[0]
    return {"ungeocoded": ungeocoded, "unresolved": unresolved, "staged": staged}


def load_staged(config: Config, warehouse: Warehouse, *, now: datetime, counts: Counter) -> None:
    """Load the staged batch in one transaction; geocode and resolve it first if still needed."""
    todo = pending(warehouse)
    if not todo["staged"]:
        raise NothingToDo("nothing is staged to load; run `therapists scrape` first")
    if todo["ungeocoded"]:
        geocode_staged(warehouse, config, counts, now=now)
    if todo["ungeocoded"] or todo["unresolved"]:
        resolve_staged(warehouse, now=now, counts=counts)
    rel = config.relevance
    with warehouse.transaction():
        for change, listings in warehouse.run("load/diff.sql"):
            counts[f"load/{change}"] = listings
        warehouse.run("load/merge.sql", {"now": now})
        counts["load/deactivated"] = warehouse.scalar("load/deactivate.sql", {"now": now})
        warehouse.run("load/rebuild_therapists.sql", {"high": rel.high, "medium": rel.medium, "low": rel.low})
        warehouse.run("load/clear_staged.sql")
    active_listings, active_therapists = warehouse.run("load/counts.sql")[0]
    counts["load/active_listings"] = active_listings
    counts["load/active_therapists"] = active_therapists
