"""The load stage: merge the staged batch into listings, deactivate vanished ones, rebuild therapists."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import datetime, timedelta

from pipeline.config import SURVIVING_FIELDS, Config
from pipeline.config.durations import parse_duration
from pipeline.database import Warehouse
from pipeline.errors import NothingToDo
from pipeline.geocode.chain import geocode_staged
from pipeline.progress import Progress
from pipeline.resolve.resolver import resolve_staged

FULL_REBUILD_SHARE = 0.2  # touching more than this share of therapists rebuilds them all
REBUILD_VERSION = 4  # bump when sql/load/rebuild_therapists.sql changes what it computes


def pending(warehouse: Warehouse) -> dict[str, int]:
    ungeocoded, unresolved, staged = warehouse.run("load/pending.sql")[0]
    return {"ungeocoded": ungeocoded, "unresolved": unresolved, "staged": staged}


def load_staged(
    config: Config, warehouse: Warehouse, *, now: datetime, counts: Counter, progress: Progress | None = None
) -> None:
    """Load the staged batch in one transaction; geocode and resolve it first if still needed."""
    todo = pending(warehouse)
    if not todo["staged"]:
        raise NothingToDo("nothing is staged to load; run `therapists scrape` first")
    progress = progress or Progress()
    if todo["ungeocoded"]:
        geocode_staged(warehouse, config, counts, now=now, progress=progress)
    if todo["ungeocoded"] or todo["unresolved"]:
        resolve_staged(warehouse, config, now=now, counts=counts)
    stale_before = now - timedelta(seconds=parse_duration(config.survivorship.stale_after))
    ranks = survivorship_ranks(config)
    fingerprint = settings_fingerprint(config, ranks)
    progress.start("loading", 5)
    with warehouse.transaction():
        batch = warehouse.scalar("load/batch_id.sql")  # the run that staged the batch
        for change, listings in warehouse.run("load/diff.sql"):
            counts[f"load/{change}"] = listings
        # A first load, or one after the settings changed, rebuilds every therapist.
        full = warehouse.scalar("load/settings_fingerprint.sql") != fingerprint
        warehouse.run("load/merge.sql", {"now": now, "load_id": batch, "full": full})
        progress.advance()
        counts["load/deactivated"] = warehouse.scalar("load/deactivate.sql", {"now": now, "stale_before": stale_before})
        counts["load/site_links"] = warehouse.scalar("load/site_links.sql", {"now": now})
        progress.advance()
        scope, total = warehouse.run("load/scope.sql", {"full": full, "stale_before": stale_before})[0]
        if not full and scope > FULL_REBUILD_SHARE * total:
            # Many touched: one full rebuild is cheaper and re-sorts the table by latitude.
            full = True
            scope, total = warehouse.run("load/scope.sql", {"full": True, "stale_before": stale_before})[0]
        progress.advance()
        warehouse.stage_rows("load/survivorship_ranks.sql", ranks)
        params = rebuild_params(config, stale_before, batch)
        warehouse.run("load/rebuild_therapists.sql", {**params, "solo": True, "full": full})
        progress.advance()
        warehouse.run("load/assign_slugs.sql", {"now": now, "load_id": batch})
        warehouse.run("load/insert_rebuilt.sql", params)
        warehouse.run("load/touch_therapists.sql", {"now": now})
        warehouse.run("load/record_fingerprint.sql", {"fingerprint": fingerprint, "load_id": batch})
        warehouse.run("load/clear_staged.sql")
    progress.advance()
    progress.finish()
    counts["load/therapists_rebuilt"] = scope
    active_listings, active_therapists = warehouse.run("load/counts.sql")[0]
    counts["load/active_listings"] = active_listings
    counts["load/active_therapists"] = active_therapists


def rebuild_params(config: Config, stale_before: datetime, load_id: str) -> dict:
    """The parameters of sql/load/rebuild_therapists.sql and insert_rebuilt.sql but `solo` (the
    one-listing fast path) and `full` (every therapist is rebuilt)."""
    rel = config.relevance
    return {"high": rel.high, "medium": rel.medium, "low": rel.low, "stale_before": stale_before, "load_id": load_id}


def settings_fingerprint(config: Config, ranks: list[dict]) -> str:
    """What the therapists table depends on besides the listings: when it changes, rebuild all."""
    rel = config.relevance
    text = json.dumps(
        {
            "tiers": [rel.high, rel.medium, rel.low],
            "ranks": ranks,
            "stale_after": config.survivorship.stale_after,
            "version": REBUILD_VERSION,
        },
        sort_keys=True,
    )
    return hashlib.sha256(text.encode()).hexdigest()


def survivorship_ranks(config: Config) -> list[dict]:
    """Each source's rank (0 = best) for each surviving field, from [survivorship] in config.

    The orders name sources or source kinds; a source named in neither order ranks last.
    """
    rules = config.survivorship
    kinds = {name: source.kind for name, source in config.sources.items()}
    orders = {field: rules.fields.get(field, rules.source_priority) for field in SURVIVING_FIELDS}
    named = set(kinds) | {entry for order in orders.values() for entry in order}
    rows = []
    for source in sorted(named):
        row: dict[str, str | int] = {"source": source}
        for field, order in orders.items():
            ranks = [order.index(key) for key in (source, kinds.get(source)) if key in order]
            row[field] = min(ranks, default=len(order))
        rows.append(row)
    return rows
