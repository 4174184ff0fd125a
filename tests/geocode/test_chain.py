"""Offline geocoding and place lookup: known coordinates, geopy interface, clear errors."""

import pytest
import zipcodes
from geopy.distance import distance
from geopy.location import Location

from pipeline import gazetteer
from pipeline.errors import PlaceNotFound
from pipeline.gazetteer import city_key, resolve_place
from pipeline.geocode.chain import OfflineGeocoder

# Reference points (downtown coordinates looked up by hand) and how far a centroid may be.
KNOWN = [
    ("78701", (30.2672, -97.7431), 3),  # downtown Austin, TX
    ("80202", (39.7530, -104.9990), 3),  # downtown Denver, CO
    ("97205", (45.5210, -122.6880), 3),  # Portland, OR
    ("Austin, TX", (30.2672, -97.7431), 12),
    ("Chicago, IL", (41.8781, -87.6298), 12),
    ("Asheville, NC", (35.5951, -82.5515), 8),
    ("1200 S Congress Ave, Austin, TX 78704", (30.2500, -97.7500), 5),
]


@pytest.mark.parametrize("query, point, miles", KNOWN, ids=[k[0] for k in KNOWN])
def test_offline_geocoder_is_accurate(query, point, miles):
    location = OfflineGeocoder().geocode(query)
    assert isinstance(location, Location)
    assert distance((location.latitude, location.longitude), point).miles < miles


def test_offline_geocoder_reports_precision_and_misses():
    geocoder = OfflineGeocoder()
    assert geocoder.geocode("78701").raw["precision"] == "postal_code"
    assert geocoder.geocode("Austin, Texas").raw["precision"] == "city"
    assert geocoder.geocode("Nowhere, ZZ") is None
    assert geocoder.geocode("Nowhere, ZZ", exactly_one=False) == []


@pytest.mark.parametrize(
    "text, precision",
    [
        ("78701", "postal_code"),
        ("78701-1234", "postal_code"),
        ("Austin, TX", "city"),
        ("saint louis, missouri", "city"),
        ("30.2672,-97.7431", "point"),
        (" 30.2672 , -97.7431 ", "point"),
    ],
)
def test_places(text, precision):
    assert resolve_place(text).precision == precision


@pytest.mark.parametrize(
    "text, message",
    [
        ("00000", "unknown ZIP code 00000"),
        ("Austn, TX", "did you mean Austin, TX"),
        ("Springfield", "cannot read the place"),
        ("Austin, XX", "cannot read the place"),
        ("95.0,-97.0", "not a valid latitude"),
        ("", "give a place"),
        ("'; drop table therapists; --", "cannot read the place"),
    ],
    ids=["unknown-zip", "typo-suggestion", "no-state", "bad-state", "latitude-out-of-range", "empty", "sql-lookalike"],
)
def test_place_errors(text, message):
    with pytest.raises(PlaceNotFound, match=message):
        resolve_place(text)


def test_city_key_matches_the_sql_macro(tmp_path):
    from pipeline.database import open_work

    warehouse = open_work(tmp_path / "w.duckdb")
    try:
        for city, state in [("St. Louis", "MO"), ("Saint Paul", "mn"), ("Winston-Salem", "NC"), ("  new   york", "NY")]:
            assert warehouse.con.execute("select city_key(?, ?)", [city, state]).fetchall()[0][0] == city_key(
                city, state
            )
    finally:
        warehouse.close()


def test_the_gazetteer_has_no_null_island():
    """Military APO/FPO ZIPs come at (0, 0) in the package: geocoding there would be a lie."""
    assert not [z for z in gazetteer.zip_rows() if (z["lat"], z["lon"]) == (0.0, 0.0)]
    assert not [c for c in gazetteer.city_rows() if (c["lat"], c["lon"]) == (0.0, 0.0)]


def test_city_centroids_are_one_row_per_city_key():
    keys = [row["city_key"] for row in gazetteer.city_rows()]
    assert len(keys) == len(set(keys)), "two spellings of one city would locate a listing twice"
    assert gazetteer.lookup_city("Port Saint Lucie", "FL") == gazetteer.lookup_city("Port St. Lucie", "FL")


def test_reference_files_are_derived_once_then_reused(tmp_path, monkeypatch):
    monkeypatch.setenv(gazetteer.CACHE_DIR_ENV, str(tmp_path))
    gazetteer.reference_files.cache_clear()
    some = zipcodes.list_all()[:500]  # the mechanism, not the data: deriving all 42,000 takes seconds
    monkeypatch.setattr(zipcodes, "list_all", lambda: some)
    try:
        zips, cities = gazetteer.reference_files()
        assert zips.is_relative_to(tmp_path) and cities.stat().st_size > 0
        gazetteer.reference_files.cache_clear()

        def derive_again():
            raise AssertionError("the cached files should have been reused")

        monkeypatch.setattr(zipcodes, "list_all", derive_again)
        assert gazetteer.reference_files() == (zips, cities)
    finally:
        gazetteer.reference_files.cache_clear()
