"""Look-ups on the reference data: a ZIP's state and city names, a city, a point's nearest ZIP, a
search place ("78701", "Austin, TX", "30.27,-97.74")."""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from pipeline.errors import PlaceNotFound
from pipeline.gazetteer.reference import city_key, city_rows, zip_rows
from pipeline.gazetteer.states import in_us_boxes, normalize_state

_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")
_ZIP = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")
_CELL = 0.5  # degrees: the grid the nearest-ZIP search walks
_MILES_PER_DEGREE = 69.05
# A point farther than this from every US ZIP centroid is not in the country (at sea, abroad).
IN_COUNTRY_MILES = 25.0


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    label: str
    precision: str  # postal_code, city or point


@functools.cache
def _zip_index() -> dict[str, dict]:
    return {row["postal_code"]: row for row in zip_rows()}


@functools.cache
def _city_index() -> dict[str, dict]:
    return {row["city_key"]: row for row in city_rows()}


def load() -> None:
    """Read the reference rows and build their indexes now rather than at the first look-up."""
    _zip_index()
    _city_index()
    _grid()


def lookup_zip(code: str) -> dict | None:
    return _zip_index().get(code)


def lookup_city(city: str, state: str) -> dict | None:
    return _city_index().get(city_key(city, state))


def city_in_state(city: str, state: str) -> bool:
    return city_key(city, state) in _city_index()


def zip_state(code: str | None) -> str | None:
    """The state a ZIP code belongs to, or None for a code the gazetteer does not know."""
    row = _zip_index().get(code or "")
    return row["state"] if row else None


@functools.cache
def cities_of_zip(code: str) -> frozenset[str]:
    """The city keys a ZIP answers to: its main city and the names USPS accepts for it."""
    row = _zip_index().get(code)
    if not row:
        return frozenset()
    return frozenset(city_key(city, row["state"]) for city in [row["city"], *row.get("cities", [])])


@functools.cache
def _grid() -> dict[tuple[int, int], list[dict]]:
    cells: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for row in zip_rows():
        cells[(math.floor(row["lat"] / _CELL), math.floor(row["lon"] / _CELL))].append(row)
    return cells


def _miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 3958.8 * 2 * math.asin(min(1.0, math.sqrt(a)))


def nearest_zip(lat: float, lon: float, *, within_miles: float | None = None, standard: bool = False) -> dict | None:
    """The ZIP centroid closest to a point, walking rings of grid cells outwards; with
    `within_miles`, None when none is that close; `standard` skips PO-box-only and one-building
    ZIPs (their centroid is a post office, not a neighbourhood)."""
    cells, row0, col0 = _grid(), math.floor(lat / _CELL), math.floor(lon / _CELL)
    best, best_miles = None, math.inf
    # A ring r cells out is at least (r - 1) cells away north-south, whatever the longitude.
    for ring in range(0, 400):
        if (ring - 1) * _CELL * _MILES_PER_DEGREE > min(best_miles, within_miles or math.inf):
            break
        for r in range(row0 - ring, row0 + ring + 1):
            for c in range(col0 - ring, col0 + ring + 1):
                if max(abs(r - row0), abs(c - col0)) != ring:
                    continue
                for row in cells.get((r, c), ()):
                    if standard and not row["standard"]:
                        continue
                    miles = _miles(lat, lon, row["lat"], row["lon"])
                    if miles < best_miles:
                        best, best_miles = row, miles
    if within_miles is not None and best_miles > within_miles:
        return None
    return best


def in_country(lat: float, lon: float) -> bool:
    """In the United States or a territory: inside their boxes and near a ZIP centroid. (Across a
    border within a few miles of a US ZIP, such as Windsor facing Detroit, counts as in: only an
    address says otherwise.)"""
    return in_us_boxes(lat, lon) and nearest_zip(lat, lon, within_miles=IN_COUNTRY_MILES) is not None


def resolve_place(text: str) -> Place:
    """A search location: a ZIP code, "City, ST" or "lat,lon"."""
    text = (text or "").strip()
    if not text:
        raise PlaceNotFound('give a place: a ZIP code, "City, ST" or "lat,lon"')
    if match := _LATLON.match(text):
        lat, lon = float(match.group(1)), float(match.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise PlaceNotFound(f"{text!r} is not a valid latitude,longitude pair")
        return Place(lat, lon, f"{lat:.4f},{lon:.4f}", "point")
    if match := _ZIP.match(text):
        row = lookup_zip(match.group(1))
        if not row:
            raise PlaceNotFound(f"unknown ZIP code {match.group(1)}")
        return Place(row["lat"], row["lon"], f"{row['postal_code']} ({row['city']}, {row['state']})", "postal_code")
    city, _, state_text = text.rpartition(",")
    state = normalize_state(state_text)
    if not city.strip() or not state:
        raise PlaceNotFound(f'cannot read the place {text!r}; use a ZIP code, "City, ST" or "lat,lon"')
    row = lookup_city(city, state)
    if not row:
        in_state = [r["city"] for r in city_rows() if r["state"] == state]
        close = difflib.get_close_matches(city.strip().title(), in_state, n=3)
        hint = f"; did you mean {', '.join(f'{c}, {state}' for c in close)}?" if close else ""
        raise PlaceNotFound(f"unknown city {city.strip()!r} in {state}{hint}")
    return Place(row["lat"], row["lon"], f"{row['city']}, {row['state']}", "city")
