"""Offline place data: ZIP and city centroids from the `zipcodes` package, and search places.

Coordinates come from GeoNames (CC BY 4.0) via `zipcodes` (MIT); the README and the export
manifest carry the attribution.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections import defaultdict
from dataclasses import dataclass

import zipcodes

from pipeline.errors import PlaceNotFound

ATTRIBUTION = "ZIP centroids: GeoNames (CC BY 4.0) via the zipcodes package (MIT)"
_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")
_ZIP = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")
_SPACE = re.compile(r"\s+")
STATES = {
    "ALABAMA": "AL", "ALASKA": "AK", "ARIZONA": "AZ", "ARKANSAS": "AR", "CALIFORNIA": "CA",
    "COLORADO": "CO", "CONNECTICUT": "CT", "DELAWARE": "DE", "DISTRICT OF COLUMBIA": "DC",
    "FLORIDA": "FL", "GEORGIA": "GA", "HAWAII": "HI", "IDAHO": "ID", "ILLINOIS": "IL", "INDIANA": "IN",
    "IOWA": "IA", "KANSAS": "KS", "KENTUCKY": "KY", "LOUISIANA": "LA", "MAINE": "ME", "MARYLAND": "MD",
    "MASSACHUSETTS": "MA", "MICHIGAN": "MI", "MINNESOTA": "MN", "MISSISSIPPI": "MS", "MISSOURI": "MO",
    "MONTANA": "MT", "NEBRASKA": "NE", "NEVADA": "NV", "NEW HAMPSHIRE": "NH", "NEW JERSEY": "NJ",
    "NEW MEXICO": "NM", "NEW YORK": "NY", "NORTH CAROLINA": "NC", "NORTH DAKOTA": "ND", "OHIO": "OH",
    "OKLAHOMA": "OK", "OREGON": "OR", "PENNSYLVANIA": "PA", "PUERTO RICO": "PR", "RHODE ISLAND": "RI",
    "SOUTH CAROLINA": "SC", "SOUTH DAKOTA": "SD", "TENNESSEE": "TN", "TEXAS": "TX", "UTAH": "UT",
    "VERMONT": "VT", "VIRGINIA": "VA", "WASHINGTON": "WA", "WEST VIRGINIA": "WV", "WISCONSIN": "WI",
    "WYOMING": "WY",
}
STATE_CODES = frozenset(STATES.values())


def normalize_state(value: str | None) -> str | None:
    if not value:
        return None
    upper = _SPACE.sub(" ", value.strip().upper().replace(".", ""))
    if upper in STATE_CODES:
        return upper
    return STATES.get(upper)


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    label: str
    precision: str  # postal_code, city or point


@functools.cache
def zip_rows() -> tuple[dict, ...]:
    """One row per ZIP: postal_code, city, state, lat, lon."""
    return tuple(
        {"postal_code": z["zip_code"], "city": z["city"], "state": z["state"],
         "lat": float(z["lat"]), "lon": float(z["long"])}
        for z in zipcodes.list_all() if _located(z)
    )


def _located(z: dict) -> bool:
    """The package gives military APO/FPO ZIPs (AA, AE, AP) the point (0, 0): no place at all."""
    return bool(z["lat"] and z["long"]) and (float(z["lat"]), float(z["long"])) != (0.0, 0.0)


@functools.cache
def city_rows() -> tuple[dict, ...]:
    """One row per city and state: the mean of its ZIP centroids (standard ZIPs when it has any)."""
    groups: dict[tuple[str, str], list[tuple[float, float, bool]]] = defaultdict(list)
    for z in zipcodes.list_all():
        if not _located(z):
            continue
        point = (float(z["lat"]), float(z["long"]), z["zip_code_type"] == "STANDARD")
        for city in [z["city"], *z["acceptable_cities"]]:
            groups[(city, z["state"])].append(point)
    rows = []
    for (city, state), points in sorted(groups.items()):
        standard = [p for p in points if p[2]] or points
        rows.append({"city_key": city_key(city, state), "city": city, "state": state,
                     "lat": round(sum(p[0] for p in standard) / len(standard), 5),
                     "lon": round(sum(p[1] for p in standard) / len(standard), 5),
                     "zip_count": len(standard)})
    return tuple(rows)


def city_key(city: str, state: str) -> str:
    """The join key for cities: upper case, single spaces, 'SAINT' spelled 'ST'.

    Mirrors the `city_key` SQL macro (sql/migrations/0002_macros.sql); keep them in step.
    """
    name = re.sub(r"[^A-Z0-9 ]", " ", city.upper())
    name = re.sub(r"\bSAINT\b", "ST", name)
    return f"{' '.join(name.split())}|{state.upper()}"


@functools.cache
def _zip_index() -> dict[str, dict]:
    return {row["postal_code"]: row for row in zip_rows()}


@functools.cache
def _city_index() -> dict[str, dict]:
    return {row["city_key"]: row for row in city_rows()}


def lookup_zip(code: str) -> dict | None:
    return _zip_index().get(code)


def lookup_city(city: str, state: str) -> dict | None:
    return _city_index().get(city_key(city, state))


def resolve_place(text: str) -> Place:
    """A search location: a ZIP code, "City, ST" or "lat,lon"."""
    text = (text or "").strip()
    if not text:
        raise PlaceNotFound("give a place: a ZIP code, \"City, ST\" or \"lat,lon\"")
    if match := _LATLON.match(text):
        lat, lon = float(match.group(1)), float(match.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise PlaceNotFound(f"{text!r} is not a valid latitude,longitude pair")
        return Place(lat, lon, f"{lat:.4f},{lon:.4f}", "point")
    if match := _ZIP.match(text):
        row = lookup_zip(match.group(1))
        if not row:
            raise PlaceNotFound(f"unknown ZIP code {match.group(1)}")
        return Place(row["lat"], row["lon"], f"{row['postal_code']} ({row['city']}, {row['state']})",
                     "postal_code")
    city, _, state_text = text.rpartition(",")
    state = normalize_state(state_text)
    if not city.strip() or not state:
        raise PlaceNotFound(f"cannot read the place {text!r}; use a ZIP code, \"City, ST\" or \"lat,lon\"")
    row = lookup_city(city, state)
    if not row:
        in_state = [r["city"] for r in city_rows() if r["state"] == state]
        close = difflib.get_close_matches(city.strip().title(), in_state, n=3)
        hint = f"; did you mean {', '.join(f'{c}, {state}' for c in close)}?" if close else ""
        raise PlaceNotFound(f"unknown city {city.strip()!r} in {state}{hint}")
    return Place(row["lat"], row["lon"], f"{row['city']}, {row['state']}", "city")


def nearest_zip(lat: float, lon: float) -> dict:
    """The ZIP centroid closest to a point (a linear scan: for the rare online answer, not for bulk)."""
    scale = max(0.1, math.cos(math.radians(lat)))
    return min(zip_rows(), key=lambda row: (row["lat"] - lat) ** 2 + ((row["lon"] - lon) * scale) ** 2)
