"""The reference rows: ZIP and city centroids derived from the `zipcodes` package, cached as files.

Coordinates come from GeoNames (CC BY 4.0) via `zipcodes` (MIT); the README and the export
manifest carry the attribution.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import zipcodes

log = logging.getLogger(__name__)
ATTRIBUTION = "ZIP centroids: GeoNames (CC BY 4.0) via the zipcodes package (MIT)"
# Derived reference files are kept here between runs (one folder per zipcodes version and per
# version of the derivation below): deriving them takes Python seconds, loading them milliseconds.
CACHE_DIR_ENV = "THERAPISTS_CACHE_DIR"
_REFERENCE_FORMAT = 5  # bump when the derived rows change shape or meaning


def cache_dir() -> Path:
    """$THERAPISTS_CACHE_DIR, else $XDG_CACHE_HOME/therapist-directory, else ~/.cache/therapist-directory."""
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "therapist-directory"


def reference_version() -> str:
    """Changes whenever the reference rows may (their format, or the zipcodes package's data)."""
    return f"v{_REFERENCE_FORMAT}-zipcodes-{zipcodes.__version__}"


@functools.cache
def reference_files() -> tuple[Path, Path]:
    """The ZIP and the city centroid rows as NDJSON files (DuckDB's `read_json` loads them)."""
    folder = cache_dir() / f"gazetteer-{reference_version()}"
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
    """One `json.loads` of the lines joined as an array: half the time of a call per line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(json.loads("[" + ",".join(line for line in lines if line) + "]"))


@functools.cache
def zip_rows() -> tuple[dict, ...]:
    """One row per ZIP: postal_code, city, state, lat, lon, cities (the other accepted names), standard."""
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
            "cities": z["acceptable_cities"],  # other names USPS accepts for the ZIP
            "standard": z["zip_code_type"] == "STANDARD",  # not a PO-box-only or one-building ZIP
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
    """The join key for cities: accents folded, upper case, single spaces, 'SAINT' spelled 'ST'.

    Mirrors the `city_key` SQL macro (sql/migrations/0015_city_key_accents.sql); keep them in step.
    """
    folded = "".join(c for c in unicodedata.normalize("NFKD", city) if not unicodedata.combining(c))
    name = re.sub(r"[^A-Z0-9 ]", " ", folded.upper())
    name = re.sub(r"\bSAINT\b", "ST", name)
    return f"{' '.join(name.split())}|{state.upper()}"
