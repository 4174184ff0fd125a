"""The resolve stage: cluster listings of the same therapist and give each cluster a stable ID."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from pipeline.warehouse import Warehouse

MAX_ROUNDS = 50  # label propagation converges in (cluster diameter) rounds; clusters are small


def resolve_staged(warehouse: Warehouse, *, now: datetime, counts: Counter) -> None:
    """Assign `therapist_id` to staged listings (and re-point current ones whose cluster merged)."""
    with warehouse.transaction():
        warehouse.run("resolve/prepare.sql", {"now": now})
        for _ in range(MAX_ROUNDS):
            if not warehouse.scalar("resolve/propagate.sql"):
                break
        therapists, listings = warehouse.run("resolve/assign.sql")[0]
    counts["resolve/listings"] = listings
    counts["resolve/therapists"] = therapists
