"""Search the published therapists near a place, and explain why one is listed."""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field

from pipeline.config import TIERS
from pipeline.database import Warehouse
from pipeline.errors import UsageError
from pipeline.gazetteer import Place, resolve_place
from pipeline.normalize.addresses import describe_flags
from pipeline.relevance.vocabulary import Vocabulary

MAX_RADIUS = 500  # miles; wider than this is a national list, not a "near" search
MAX_LIMIT = 1000
SORTS = ("distance", "relevance")
PRECISIONS = ("any", "city", "postal_code", "street", "rooftop")  # each includes the ones after it
PRECISION_RANKS = {"any": 0, "city": 1, "postal_code": 2, "street": 3, "rooftop": 4}  # precision_rank() in SQL
MAX_TECHNIQUES = 4  # --technique is repeatable up to this many (one scalar parameter each)


@dataclass(frozen=True)
class SearchResult:
    place: Place
    columns: list[str]
    rows: list[tuple]


def search(
    warehouse: Warehouse,
    vocabulary: Vocabulary,
    *,
    near: str,
    radius: float = 25,
    techniques: list[str] | None = None,
    min_tier: str = "low",
    limit: int = 20,
    sort: str = "distance",
    precision: str = "any",
) -> SearchResult:
    """Active therapists within `radius` miles of `near`; every value is bound, never spliced."""
    place = resolve_place(near)
    if not 0 < radius <= MAX_RADIUS:
        raise UsageError(f"radius must be more than 0 and at most {MAX_RADIUS} miles, got {radius:g}")
    if not 0 < limit <= MAX_LIMIT:
        raise UsageError(f"limit must be from 1 to {MAX_LIMIT}, got {limit}")
    if min_tier not in TIERS:
        raise UsageError(f"unknown tier {min_tier!r}; use one of {', '.join(TIERS)}")
    if precision not in PRECISIONS:
        raise UsageError(f"unknown precision {precision!r}; use one of {', '.join(PRECISIONS)}")
    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    known = vocabulary.slugs("technique")
    for slug in techniques or []:
        if slug not in known:
            close = difflib.get_close_matches(slug, known, n=1, cutoff=0.4)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(known)}"
            raise UsageError(f"unknown technique {slug!r}{hint}")
    south, north, west, east = bounding_box(place.lat, place.lon, radius)
    wanted = list(dict.fromkeys(techniques or []))
    if len(wanted) > MAX_TECHNIQUES:
        raise UsageError(f"at most {MAX_TECHNIQUES} techniques can be required at once, got {len(wanted)}")
    warehouse.run("search/settings.sql")
    columns, rows = warehouse.query(
        "search/near.sql",
        {
            "lat": place.lat,
            "lon": place.lon,
            "miles": float(radius),
            "south": south,
            "north": north,
            "west": west,
            "east": east,
            "limit": limit,
            "sort": sort,
            "tier_rank": TIERS.index(min_tier),
            "precision_rank": PRECISION_RANKS[precision],
            **{f"technique_{i}": wanted[i - 1] if i <= len(wanted) else None for i in range(1, MAX_TECHNIQUES + 1)},
        },
    )
    return SearchResult(place, columns, rows)


def bounding_box(lat: float, lon: float, miles: float) -> tuple[float, float, float, float]:
    """(south, north, west, east) around a point, erring wide: a degree of latitude is at least
    68.7 miles, a degree of longitude 69.17 * cos(latitude) measured at the box's poleward edge.
    Mirrors the bbox_lat_degrees / bbox_lon_degrees macros in sql/migrations/0002_macros.sql."""
    dlat = miles / 68.7
    dlon = miles / (69.17 * math.cos(math.radians(min(abs(lat) + dlat, 89.0))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


@dataclass(frozen=True)
class Explanation:
    therapist: dict
    listings: list[dict]
    links: list[dict] = field(default_factory=list)  # compared pairs: inside (what joined) and close calls
    retired_ids: list[dict] = field(default_factory=list)  # IDs merged into this one
    asked_for: str | None = None  # the retired ID the user gave, when it was redirected


def explain(warehouse: Warehouse, therapist_id: str, *, threshold: float) -> Explanation:
    """A therapist's record with the listings, the pair signals that joined them and the field provenance.

    A retired ID (merged into another) is followed to the therapist it now belongs to.
    """
    asked_for = None
    redirect = warehouse.run("explain/redirect.sql", {"therapist_id": therapist_id})
    if redirect:
        asked_for, therapist_id = therapist_id, redirect[0][0]
    columns, rows = warehouse.query("explain/therapist.sql", {"therapist_id": therapist_id})
    if not rows:
        similar = [row[0] for row in warehouse.run("explain/similar_ids.sql", {"prefix": therapist_id[:4]})]
        hint = f"; similar IDs: {', '.join(similar)}" if similar else ""
        raise UsageError(f"no therapist with ID {therapist_id!r}{hint}")
    therapist = dict(zip(columns, rows[0]))
    params = {"therapist_id": therapist_id, "threshold": threshold}
    listings = _dicts(warehouse.query("explain/listings.sql", params))
    for listing in listings:
        listing["address_notes"] = describe_flags(
            listing["address_flags"] or [], state=listing["state"], postal_code=listing["postal_code"]
        )
    links = _dicts(warehouse.query("explain/links.sql", params))
    retired = _dicts(warehouse.query("explain/retired_ids.sql", params))
    return Explanation(therapist, listings, links, retired, asked_for)


def _dicts(result: tuple[list[str], list[tuple]]) -> list[dict]:
    columns, rows = result
    return [dict(zip(columns, row)) for row in rows]
