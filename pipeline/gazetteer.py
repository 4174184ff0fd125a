"""Offline place data: ZIP and city centroids from the `zipcodes` package, and search places.

Coordinates come from GeoNames (CC BY 4.0) via `zipcodes` (MIT); the README and the export
manifest carry the attribution.
"""

from __future__ import annotations

import difflib
import functools
import json
import logging
import math
import os
import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import zipcodes

from pipeline.errors import PlaceNotFound

log = logging.getLogger(__name__)
ATTRIBUTION = "ZIP centroids: GeoNames (CC BY 4.0) via the zipcodes package (MIT)"
_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")
_ZIP = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")
_SPACE = re.compile(r"\s+")
STATES = {
    "ALABAMA": "AL",
    "ALASKA": "AK",
    "ARIZONA": "AZ",
    "ARKANSAS": "AR",
    "CALIFORNIA": "CA",
    "COLORADO": "CO",
    "CONNECTICUT": "CT",
    "DELAWARE": "DE",
    "DISTRICT OF COLUMBIA": "DC",
    "FLORIDA": "FL",
    "GEORGIA": "GA",
    "HAWAII": "HI",
    "IDAHO": "ID",
    "ILLINOIS": "IL",
    "INDIANA": "IN",
    "IOWA": "IA",
    "KANSAS": "KS",
    "KENTUCKY": "KY",
    "LOUISIANA": "LA",
    "MAINE": "ME",
    "MARYLAND": "MD",
    "MASSACHUSETTS": "MA",
    "MICHIGAN": "MI",
    "MINNESOTA": "MN",
    "MISSISSIPPI": "MS",
    "MISSOURI": "MO",
    "MONTANA": "MT",
    "NEBRASKA": "NE",
    "NEVADA": "NV",
    "NEW HAMPSHIRE": "NH",
    "NEW JERSEY": "NJ",
    "NEW MEXICO": "NM",
    "NEW YORK": "NY",
    "NORTH CAROLINA": "NC",
    "NORTH DAKOTA": "ND",
    "OHIO": "OH",
    "OKLAHOMA": "OK",
    "OREGON": "OR",
    "PENNSYLVANIA": "PA",
    "PUERTO RICO": "PR",
    "RHODE ISLAND": "RI",
    "SOUTH CAROLINA": "SC",
    "SOUTH DAKOTA": "SD",
    "TENNESSEE": "TN",
    "TEXAS": "TX",
    "UTAH": "UT",
    "VERMONT": "VT",
    "VIRGINIA": "VA",
    "WASHINGTON": "WA",
    "WEST VIRGINIA": "WV",
    "WISCONSIN": "WI",
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


# Derived reference files are kept here between runs (one folder per zipcodes version and per
# version of the derivation below): deriving them takes Python seconds, loading them milliseconds.
CACHE_DIR_ENV = "THERAPISTS_CACHE_DIR"
_REFERENCE_FORMAT = 2  # bump when the derived rows change shape or meaning


def cache_dir() -> Path:
    """$THERAPISTS_CACHE_DIR, else $XDG_CACHE_HOME/therapist-directory, else ~/.cache/therapist-directory."""
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "therapist-directory"


@functools.cache
def reference_files() -> tuple[Path, Path]:
    """The ZIP and the city centroid rows as NDJSON files (DuckDB's `read_json` loads them)."""
    folder = cache_dir() / f"gazetteer-v{_REFERENCE_FORMAT}-zipcodes-{zipcodes.__version__}"
    zips, cities = folder / "zips.ndjson", folder / "cities.ndjson"
    if zips.exists() and cities.exists():
        return zips, cities
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:  # a read-only home: derive into a folder of this process
        log.warning("cannot write the cache folder %s (%s); using a temporary one", folder, err)
        folder = Path(tempfile.mkdtemp(prefix="therapists-gazetteer-"))
        zips, cities = folder / "zips.ndjson", folder / "cities.ndjson"
    located = [z for z in zipcodes.list_all() if _located(z)]
    _write_ndjson(zips, _derive_zip_rows(located))
    _write_ndjson(cities, _derive_city_rows(located))
    return zips, cities


def _write_ndjson(path: Path, rows: list[dict]) -> None:
    """Written beside and renamed into place, so a reader never sees half a file."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    os.replace(temporary, path)


def _read_ndjson(path: Path) -> tuple[dict, ...]:
    with open(path, encoding="utf-8") as handle:
        return tuple(json.loads(line) for line in handle)


@functools.cache
def zip_rows() -> tuple[dict, ...]:
    """One row per ZIP: postal_code, city, state, lat, lon."""
    return _read_ndjson(reference_files()[0])


@functools.cache
def city_rows() -> tuple[dict, ...]:
    """One row per city key: city_key, city, state, lat, lon, zip_count."""
    return _read_ndjson(reference_files()[1])


def _located(z: dict) -> bool:
    """The package gives military APO/FPO ZIPs (AA, AE, AP) the point (0, 0): no place at all."""
    return bool(z["lat"] and z["long"]) and (float(z["lat"]), float(z["long"])) != (0.0, 0.0)


def _derive_zip_rows(located: list[dict]) -> list[dict]:
    return [
        {
            "postal_code": z["zip_code"],
            "city": z["city"],
            "state": z["state"],
            "lat": float(z["lat"]),
            "lon": float(z["long"]),
        }
        for z in located
    ]


def _derive_city_rows(located: list[dict]) -> list[dict]:
    """One row per city key: the mean of its ZIP centroids (standard ZIPs when it has any).

    A city is reached by its ZIPs' main and acceptable names; spellings that share a key
    ("Port Saint Lucie", "Port St Lucie") are one city, shown by the spelling most ZIPs use.
    """
    points: dict[str, dict[str, tuple[float, float, bool]]] = defaultdict(dict)
    spellings: dict[str, Counter] = defaultdict(Counter)
    for z in located:
        point = (float(z["lat"]), float(z["long"]), z["zip_code_type"] == "STANDARD")
        for city in [z["city"], *z["acceptable_cities"]]:
            key = city_key(city, z["state"])
            points[key][z["zip_code"]] = point
            spellings[key][city] += 1
    rows = []
    for key in sorted(points):
        found = list(points[key].values())
        standard = [p for p in found if p[2]] or found
        city = min(spellings[key].items(), key=lambda item: (-item[1], item[0]))[0]
        rows.append(
            {
                "city_key": key,
                "city": city,
                "state": key.rsplit("|", 1)[1],
                "lat": round(sum(p[0] for p in standard) / len(standard), 5),
                "lon": round(sum(p[1] for p in standard) / len(standard), 5),
                "zip_count": len(standard),
            }
        )
    return rows


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


def nearest_zip(lat: float, lon: float) -> dict:
    """The ZIP centroid closest to a point (a linear scan: for the rare online answer, not for bulk)."""
    scale = max(0.1, math.cos(math.radians(lat)))
    return min(zip_rows(), key=lambda row: (row["lat"] - lat) ** 2 + ((row["lon"] - lon) * scale) ** 2)
