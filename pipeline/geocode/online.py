"""Online geocoders through geopy: rate-limited at the provider's policy, cached, and checked for sense.

The public geocoders are slow by policy (Nominatim: at most one request per second, an identifying
User-Agent, no bulk use), so they only see addresses the cache has not answered, one request at a
time, and every answer, found or not, is remembered in `geocode_cache`.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urlsplit

from geopy import exc as geopy_errors
from geopy.distance import distance
from geopy.geocoders import SERVICE_TO_GEOCODER

from pipeline import gazetteer
from pipeline.config import GeocoderSettings, is_example_agent
from pipeline.errors import ConfigError

log = logging.getLogger(__name__)

MAX_CONSECUTIVE_ERRORS = 3  # then the provider counts as down for this run and the chain moves on
# How precise a Nominatim answer is, from its class/type (addresstype on newer servers).
_ROOFTOP_CLASSES = {"building", "amenity", "shop", "office", "healthcare", "craft", "tourism", "leisure", "club"}
_POSTCODE_TYPES = {"postcode", "postal_code", "postal"}
_ZIP_IN_TEXT = re.compile(r"\b(\d{5})(?:-\d{4})?\b")
_CITY_TYPES = {"city", "town", "village", "hamlet", "municipality", "suburb", "neighbourhood", "administrative"}


class Provider:
    """One geopy geocoder with its rate limit; `lookup` yields cache rows for addresses."""

    def __init__(self, name: str, settings: GeocoderSettings, user_agent: str):
        service = (settings.service or name).lower()
        if service not in SERVICE_TO_GEOCODER:
            raise ConfigError(
                f"geocode.providers.{name}.service {service!r} is not a geopy geocoder; "
                f"known: {', '.join(sorted(SERVICE_TO_GEOCODER))}"
            )
        options: dict = dict(settings.options)
        if settings.domain:
            options["domain"] = settings.domain
        if settings.api_key_env:
            key = os.environ.get(settings.api_key_env)
            if not key:
                raise ConfigError(
                    f"geocoder {name} needs an API key in the environment variable "
                    f"{settings.api_key_env}, which is not set"
                )
            options["api_key"] = key
        host = urlsplit(f"//{settings.domain}").hostname or ""
        if is_example_agent(user_agent) and host not in ("127.0.0.1", "localhost", "::1"):
            raise ConfigError(
                f"http.user_agent still carries the example contact; put your own URL or email "
                f"there before using the {name} geocoder"
            )
        self.name, self.service, self.settings = name, service, settings
        self.geocoder = SERVICE_TO_GEOCODER[service](
            user_agent=user_agent, scheme=settings.scheme, timeout=settings.timeout, **options
        )
        self._last = 0.0

    def _wait(self) -> None:
        pause = self._last + self.settings.min_delay_seconds - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last = time.monotonic()

    def ask(self, query: str, max_wait: float):
        """One geocode request at the provider's pace; a 429 waits for its Retry-After once."""
        for attempt in (1, 2):
            self._wait()
            try:
                # The address details carry the answer's postcode, which `check` compares.
                options = {"country_codes": "us", "addressdetails": True} if self.service == "nominatim" else {}
                return self.geocoder.geocode(query, exactly_one=True, **options)
            except geopy_errors.GeocoderRateLimited as err:
                wait = float(err.retry_after or self.settings.min_delay_seconds * 5)
                if attempt == 2 or wait > max_wait:
                    raise
                log.info("%s asked us to slow down; waiting %.0f s", self.name, wait)
                self._last = time.monotonic() + wait - self.settings.min_delay_seconds
        return None

    def lookup(
        self, addresses: list[dict], *, max_miles: float, max_wait: float, now: datetime, counts: Counter
    ) -> Iterator[dict]:
        """Cache rows (ok, not_found or mismatch) for the addresses; stops early if the provider is down."""
        errors = 0
        for address in addresses:
            query = ", ".join(
                str(p)
                for p in (
                    address["street"],
                    address["city"],
                    " ".join(x for x in (address["state"], address["postal_code"]) if x),
                )
                if p
            )
            try:
                location = self.ask(query, max_wait)
            except (geopy_errors.GeopyError, ValueError) as err:
                # Outages, refusals and unreadable answers (an HTML over-limit page) are counted,
                # not cached, so the address is asked again next run.
                errors += 1
                counts[f"geocode/{self.name}/errors/{type(err).__name__}"] += 1
                log.warning("%s failed for %r: %s", self.name, query, err)
                if errors >= MAX_CONSECUTIVE_ERRORS:
                    counts[f"geocode/{self.name}/gave_up"] += 1
                    log.warning("%s failed %d times in a row; the next provider takes over", self.name, errors)
                    return
                continue
            errors = 0
            counts[f"geocode/{self.name}/requests"] += 1
            row = {
                "address_key": address["address_key"],
                "provider": self.name,
                "lat": None,
                "lon": None,
                "precision": None,
                "status": "not_found",
                "created_at": now.isoformat(),
                "query": query,
                "detail": None,
            }
            if location is not None:
                problem = check(
                    location.latitude, location.longitude, address, max_miles, postcode=answer_postcode(location)
                )
                row.update(
                    lat=location.latitude,
                    lon=location.longitude,
                    detail=problem or location.address,
                    precision=precision_of(location.raw),
                    status="mismatch" if problem else "ok",
                )
            counts[f"geocode/{self.name}/{row['status']}"] += 1
            yield row


def precision_of(raw: dict) -> str:
    """rooftop, street, postal_code or city, from what the provider says it found. A postcode (or
    a place) is never passed off as a rooftop, whatever class the provider files it under."""
    kind = str(raw.get("addresstype") or raw.get("type") or "").lower()
    klass = str(raw.get("class") or raw.get("category") or "").lower()
    if kind in _POSTCODE_TYPES or str(raw.get("type") or "").lower() in _POSTCODE_TYPES:
        return "postal_code"
    if kind in _CITY_TYPES:
        return "city"
    if kind in ("house", "building") or klass in _ROOFTOP_CLASSES:
        return "rooftop"
    if klass == "highway" or kind in ("road", "street", "residential"):
        return "street"
    if kind == "postcode":
        return "postal_code"
    if kind in _CITY_TYPES or klass in ("place", "boundary"):
        return "city"
    return "street"


def answer_postcode(location) -> str | None:
    """The ZIP an answer says it is in: its address details, else the last ZIP in its label."""
    raw = location.raw if isinstance(location.raw, dict) else {}
    details: dict = raw["address"] if isinstance(raw.get("address"), dict) else {}
    for text in (details.get("postcode"), raw.get("postcode"), location.address):
        found = _ZIP_IN_TEXT.findall(str(text or ""))
        if found:
            return found[-1]
    return None


def check(lat: float, lon: float, address: dict, max_miles: float, postcode: str | None = None) -> str | None:
    """Why coordinates cannot be this address's, or None: in another ZIP than the listing's (when
    the answer names one), out of range, (0, 0), swapped, too far from the address's own ZIP or
    city centroid, or in another state."""
    mine = (address.get("postal_code") or "")[:5]
    if postcode and mine and postcode[:5] != mine:
        return f"the answer is in ZIP {postcode[:5]}, the listing's is {mine}"
    reference = gazetteer.lookup_zip(address.get("postal_code") or "") or (
        gazetteer.lookup_city(address["city"], address["state"])
        if address.get("city") and address.get("state")
        else None
    )
    if (
        reference
        and -90 <= lon <= 90
        and -180 <= lat <= 180
        and distance((lon, lat), (reference["lat"], reference["lon"])).miles <= max_miles
    ):
        return "latitude and longitude swapped"
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return "coordinates out of range"
    if lat == 0 and lon == 0:
        return "coordinates are (0, 0)"
    if reference:
        miles = distance((lat, lon), (reference["lat"], reference["lon"])).miles
        if miles > max_miles:
            return f"{miles:.0f} miles from the address's own ZIP or city"
    state = address.get("state")
    nearest = gazetteer.nearest_zip(lat, lon)
    if state and nearest and nearest["state"] != state:
        return f"outside {state}"
    return None
