"""The gazetteer: US places known offline, for every stage that reads or checks a place.

States and territories (names, codes, the country's bounds), ZIP and city centroids with each
ZIP's state and city names (from the `zipcodes` package: MIT code, GeoNames coordinates under
CC BY 4.0, attribution carried by the README and the export manifest), and the lookups built on
them: a ZIP's state, a point's nearest ZIP, a search place.
"""

from pipeline.gazetteer.lookup import (
    Place,
    cities_of_zip,
    city_in_state,
    in_country,
    lookup_city,
    lookup_zip,
    nearest_zip,
    resolve_place,
    zip_state,
)
from pipeline.gazetteer.reference import (
    ATTRIBUTION,
    CACHE_DIR_ENV,
    cache_dir,
    city_key,
    city_rows,
    reference_files,
    reference_version,
    zip_rows,
)
from pipeline.gazetteer.states import STATE_CODES, STATES, normalize_country, normalize_state

__all__ = [
    "ATTRIBUTION", "CACHE_DIR_ENV", "STATES", "STATE_CODES", "Place", "cache_dir", "cities_of_zip",
    "city_in_state", "city_key", "city_rows", "in_country", "lookup_city", "lookup_zip", "nearest_zip",
    "normalize_country", "normalize_state", "reference_files", "reference_version", "resolve_place", "zip_rows",
    "zip_state",
]  # fmt: skip
