"""Locate listings: source coordinates, then offline ZIP/city centroids, behind geopy's interface."""

from __future__ import annotations

import re
from collections import Counter

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from pipeline import gazetteer
from pipeline.normalize import normalize_state
from pipeline.warehouse import Warehouse

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
        if match := _TRAILING_ZIP.search(query):
            if row := gazetteer.lookup_zip(match.group(1)):
                return row, "postal_code"
        if match := _CITY_STATE.search(query):
            state = normalize_state(match.group(2))
            if state and (row := gazetteer.lookup_city(match.group(1).strip(), state)):
                return row, "city"
        return None


def ensure_gazetteer(warehouse: Warehouse) -> None:
    """Load the centroid tables into the database once."""
    if warehouse.scalar("geocode/count_reference.sql"):
        return
    with warehouse.transaction():
        warehouse.stage_rows("geocode/load_zip_centroids.sql", gazetteer.zip_rows())
        warehouse.stage_rows("geocode/load_city_centroids.sql", gazetteer.city_rows())


def geocode_staged(warehouse: Warehouse, chain: list[str], counts: Counter) -> None:
    """Fill lat/lon/precision of staged listings, trying the providers of `chain` in order."""
    ensure_gazetteer(warehouse)
    with warehouse.transaction():
        warehouse.run("geocode/begin.sql")
        for provider in chain:
            warehouse.run(f"geocode/{provider}.sql")
        warehouse.run("geocode/apply.sql")
    for precision, listings in warehouse.run("geocode/summary.sql"):
        counts[f"geocode/precision/{precision}"] = listings
