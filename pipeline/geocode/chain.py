"""Locate listings along the configured chain: source coordinates, offline centroids, online geocoders."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from pipeline import gazetteer
from pipeline.config import Config
from pipeline.config.durations import parse_duration
from pipeline.database import Warehouse
from pipeline.geocode.online import Provider
from pipeline.progress import Progress

CACHE_BATCH = 50

_TRAILING_ZIP = re.compile(r"(\d{5})(?:-\d{4})?\s*$")
_CITY_STATE = re.compile(r"([^,]+),\s*([A-Za-z .]+?)(?:\s+\d{5}(?:-\d{4})?)?\s*$")


class OfflineGeocoder(Geocoder):
    """A geopy geocoder answering from the shipped ZIP and city centroids, with no network.

    The pipeline geocodes in bulk with the equivalent DuckDB joins (sql/geocode/offline.sql);
    this class serves one-off lookups and lets the offline data sit in a geopy provider chain.
    """

    def geocode(self, query: str, *, exactly_one: bool = True, timeout=None):
        found = self._lookup(str(query))
        if found is None:
            return None if exactly_one else []
        row, precision = found
        address = f"{row.get('postal_code', '')} {row['city']}, {row['state']}".strip()
        location = Location(address, (row["lat"], row["lon"]), {**row, "precision": precision})
        return location if exactly_one else [location]

    @staticmethod
    def _lookup(query: str) -> tuple[dict, str] | None:
        if (match := _TRAILING_ZIP.search(query)) and (row := gazetteer.lookup_zip(match.group(1))):
            return row, "postal_code"
        if match := _CITY_STATE.search(query):
            state = gazetteer.normalize_state(match.group(2))
            if state and (row := gazetteer.lookup_city(match.group(1).strip(), state)):
                return row, "city"
        return None


def ensure_gazetteer(warehouse: Warehouse) -> None:
    """Load the centroid tables into the database once."""
    if warehouse.scalar("geocode/count_reference.sql"):
        return
    zips, cities = gazetteer.reference_files()
    with warehouse.transaction():
        warehouse.run("geocode/load_zip_centroids.sql", {"path": str(zips)})
        warehouse.run("geocode/load_city_centroids.sql", {"path": str(cities)})


def geocode_staged(
    warehouse: Warehouse,
    config: Config,
    counts: Counter,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> None:
    """Fill lat/lon/precision of staged listings, trying the providers of the chain in order."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    geocode = config.geocode
    ensure_gazetteer(warehouse)
    # Every provider reads the staged listings that have no row in stg_geocodes yet (a rerun redoes
    # nothing) and adds one narrow row per listing it locates; no copy of the batch is made.
    for position, name in enumerate(geocode.chain, start=1):
        if name == "source":
            with warehouse.transaction():
                # Checking costs its planning and two hash builds even with no candidate to check.
                mismatched = 0
                if warehouse.scalar("geocode/source_candidates.sql"):
                    mismatched = warehouse.scalar("geocode/source.sql", {"max_miles": geocode.max_distance_miles})
                counts["geocode/source/mismatch"] += mismatched or 0
        elif name == "offline":
            with warehouse.transaction():
                warehouse.run("geocode/offline.sql", {"last": position == len(geocode.chain)})
        else:
            _online(warehouse, config, name, counts, now, progress or Progress())
    if geocode.chain[-1:] != ["offline"]:  # offline at the end records the unlocated itself
        with warehouse.transaction():
            warehouse.run("geocode/apply.sql")
    for precision, listings in warehouse.run("geocode/summary.sql"):
        counts[f"geocode/precision/{precision}"] = listings


def _online(
    warehouse: Warehouse, config: Config, name: str, counts: Counter, now: datetime, progress: Progress
) -> None:
    """Ask an online provider about addresses the cache cannot answer; remember every answer."""
    retry_after = now - timedelta(seconds=parse_duration(config.geocode.retry_failures_after))
    warehouse.run("geocode/from_cache.sql", {"provider": name})
    columns, rows = warehouse.query("geocode/pending_addresses.sql", {"provider": name, "retry_after": retry_after})
    if not rows:
        return
    provider = Provider(name, config.geocode.providers[name], config.http.user_agent)
    answers = provider.lookup(
        [dict(zip(columns, row)) for row in rows],
        max_miles=config.geocode.max_distance_miles,
        max_wait=config.http.max_wait_seconds,
        now=now,
        counts=counts,
    )
    batch: list[dict] = []
    progress.start(f"geocoding ({name})", len(rows))
    for answer in answers:
        progress.advance()
        batch.append(answer)
        if len(batch) >= CACHE_BATCH:  # committed as it goes: a killed run keeps what it paid for
            warehouse.stage_rows("geocode/insert_cache.sql", batch)
            batch = []
    progress.finish()
    warehouse.stage_rows("geocode/insert_cache.sql", batch)
    warehouse.run("geocode/from_cache.sql", {"provider": name})
