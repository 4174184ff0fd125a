"""The set-based part of the chain on a real DuckDB: source coordinates, ZIP then city centroids, 'none'."""

import dataclasses
from collections import Counter

import pytest

from pipeline import gazetteer
from pipeline.database import Warehouse, open_work
from pipeline.geocode.chain import ensure_gazetteer, geocode_staged
from tests.geocode.staged import staged_row

AUSTIN_ZIP = gazetteer.lookup_zip("78704")
AUSTIN = gazetteer.lookup_city("Austin", "TX")
DENVER = gazetteer.lookup_city("Denver", "CO")
ST_LOUIS = gazetteer.lookup_city("St. Louis", "MO")  # the gazetteer spells it "Saint Louis"


def listing(key, *, postal_code=None, city=None, state=None, lat=None, lon=None):
    return staged_row(key, postal_code=postal_code, city=city, state=state, lat=lat, lon=lon)


AUSTIN_TX = {"city": "Austin", "state": "TX"}
FAR = {"lat": 39.74, "lon": -104.99}  # Denver, 770 miles from Austin
# key, the listing's address and coordinates, (provider, precision), where it lands (None: at the
# source's own point, or nowhere)
CASES = [
    ("zip", {"postal_code": "78704", **AUSTIN_TX}, ("offline", "postal_code"), AUSTIN_ZIP),
    ("zip-without-state", {"postal_code": "78704"}, ("offline", "postal_code"), AUSTIN_ZIP),
    ("unknown-zip-then-city", {"postal_code": "00000", **AUSTIN_TX}, ("offline", "city"), AUSTIN),
    ("zip-in-another-state", {"postal_code": "78704", "city": "Denver", "state": "CO"}, ("offline", "city"), DENVER),
    ("city-only", AUSTIN_TX, ("offline", "city"), AUSTIN),
    ("city-spelled-otherwise", {"city": "St. Louis", "state": "MO"}, ("offline", "city"), ST_LOUIS),
    ("city-without-state", {"city": "Austin"}, ("none", None), None),
    ("unknown-city", {"city": "Nowhereville", "state": "TX"}, ("none", None), None),
    ("nothing", {}, ("none", None), None),
    ("source", {"postal_code": "78704", **AUSTIN_TX, "lat": 30.25, "lon": -97.75}, ("source", "source"), None),
    ("source-without-reference", FAR, ("source", "source"), None),
    ("source-far-from-zip", {"postal_code": "78704", **AUSTIN_TX, **FAR}, ("offline", "postal_code"), AUSTIN_ZIP),
    ("source-far-from-city", {**AUSTIN_TX, **FAR}, ("offline", "city"), AUSTIN),
    ("source-zero", {"postal_code": "78704", "lat": 0.0, "lon": 0.0}, ("offline", "postal_code"), AUSTIN_ZIP),
]
ROWS = [listing(key, **fields) for key, fields, *_ in CASES]


def run(config, rows, chain):
    """Stage the rows (none: geocode the staged batch again) and geocode; stg_geocodes and the counts."""
    config = dataclasses.replace(config, geocode=dataclasses.replace(config.geocode, chain=chain))
    counts = Counter()
    with open_work(config.work_database) as warehouse:
        warehouse.stage_rows("scrape/insert_staged.sql", rows, {"load_id": "t"})
        geocode_staged(warehouse, config, counts)
        found = warehouse.con.execute(
            "select source_key, geocode_provider, geocode_precision, lat, lon from staged_geocodes"
        ).fetchall()
    return found, counts


@pytest.mark.parametrize("key, fields, expected, place", CASES, ids=[case[0] for case in CASES])
def test_each_listing_is_located_once_by_the_first_provider_that_can(config, key, fields, expected, place):
    found, counts = run(config, [listing(key, **fields)], ["source", "offline"])
    assert len(found) == 1, "one narrow row per listing"
    (_, provider, precision, lat, lon) = found[0]
    assert (provider, precision) == expected
    if provider == "source":
        assert (lat, lon) == (fields["lat"], fields["lon"]), "source coordinates are left alone"
    elif place is not None:
        assert (lat, lon) == (place["lat"], place["lon"])
    else:
        assert (lat, lon) == (None, None)
    assert counts[f"geocode/precision/{precision or 'none'}"] == 1
    assert counts["geocode/source/mismatch"] == (1 if key.startswith("source-far") else 0)


def test_the_whole_batch_at_once_and_a_rerun_changes_nothing(config):
    once, counts = run(config, ROWS, ["source", "offline"])
    again, recount = run(config, [], ["source", "offline"])
    assert sorted(again) == sorted(once) and recount["geocode/source/mismatch"] == 0, "a rerun redoes nothing"
    assert {key: (provider, precision) for key, provider, precision, *_ in once} == {case[0]: case[2] for case in CASES}
    assert counts["geocode/source/mismatch"] == 2
    assert counts["geocode/precision/none"] == 3 and counts["geocode/precision/city"] == 5


def test_offline_before_another_provider_leaves_it_the_unlocated(config):
    """Only the chain's last provider may record 'none': here source still gets its turn."""
    found, counts = run(config, ROWS, ["offline", "source"])
    by_key = {key: (provider, precision) for key, provider, precision, *_ in found}
    assert len(found) == len(ROWS)
    assert by_key["source"] == ("offline", "postal_code"), "the first provider that can wins"
    assert by_key["source-without-reference"] == ("source", "source"), "offline could not, source could"
    assert by_key["nothing"] == ("none", None)
    assert counts["geocode/precision/none"] == 3


def test_without_offline_the_unlocated_are_still_recorded(config):
    found, counts = run(config, ROWS, ["source"])
    assert len(found) == len(ROWS)
    assert counts["geocode/precision/source"] == 2 and counts["geocode/precision/none"] == len(ROWS) - 2


def test_a_centroid_is_found_by_its_own_spelling(tmp_path):
    """offline.sql looks a listing without a ZIP up by its city as spelled before computing a key:
    that finds the row city_key() would only while each centroid's spelling keys to that centroid,
    and no spelling, state or ZIP holds the '|' the lookup is joined with."""
    with open_work(tmp_path / "w.duckdb") as warehouse:
        ensure_gazetteer(warehouse)
        (astray,) = warehouse.con.execute(
            "select count(*) from ref_city_centroids "
            "where city_key(city, state) is distinct from city_key or contains(city || state, '|')"
        ).fetchone()
        (zips,) = warehouse.con.execute(
            "select count(*) from ref_zip_centroids where contains(postal_code, '|')"
        ).fetchone()
    assert (astray, zips) == (0, 0)


def test_staged_answers_keep_their_provider_and_precision_across_the_narrowing_migration(tmp_path):
    """Migration 0020 stores the precision as an ENUM and only an online service's name (in
    stg_geocode_services); what was staged before it reads the same after it."""
    before = [
        ("zip", 30.25, -97.75, "postal_code", "offline"),
        ("city", 30.27, -97.74, "city", "offline"),
        ("own", 30.26, -97.76, "source", "source"),
        ("asked", 30.28, -97.73, "rooftop", "nominatim"),
        ("lost", None, None, None, "none"),
    ]
    with Warehouse(tmp_path / "old.duckdb") as warehouse:
        warehouse.migrate(upto=19)
        warehouse.con.executemany(
            "insert into stg_geocodes values ('s', ?, ?, ?, ?, ?)",
            [list(row) for row in before],
        )
    with open_work(tmp_path / "old.duckdb") as warehouse:
        after = warehouse.con.execute(
            "select source_key, lat, lon, geocode_precision, geocode_provider from staged_geocodes "
            "order by lat nulls last"
        ).fetchall()
        kinds = dict(warehouse.con.execute("select column_name, column_type from (describe stg_geocodes)").fetchall())
    assert after == sorted(before, key=lambda row: (row[1] is None, row[1]))
    assert kinds["geocode_precision"].startswith("ENUM")
