"""The Overpass source: the query it builds, the element mapping, and runtime-error remarks."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from pipeline.config import Http
from pipeline.config.sources import OverpassSource
from pipeline.errors import SourceError
from pipeline.fetch.archive import Archive
from pipeline.fetch.fetcher import Fetcher
from pipeline.sources import overpass
from tests.servers import Route, ScriptedServer

UA = "therapist-directory-test/1.0 (+https://therapist-directory.example.org/bot)"
ENVELOPE = {
    "version": 0.6,
    "generator": "Overpass API (test)",
    "osm3s": {
        "timestamp_osm_base": "2026-11-01T00:00:00Z",
        "copyright": "The data included in this document is from www.openstreetmap.org. "
        "The data is made available under ODbL.",
    },
}
ELEMENTS = [
    {
        "type": "node",
        "id": 101,
        "lat": 30.2671,
        "lon": -97.7432,
        "tags": {
            "name": "Harlow Bodywork",
            "shop": "massage",
            "massage": "deep_tissue",
            "addr:housenumber": "1200",
            "addr:street": "South Congress Avenue",
            "addr:unit": "210",
            "addr:city": "Austin",
            "addr:state": "TX",
            "addr:postcode": "78704",
            "contact:phone": "+1 512-555-0142",
            "website": "https://harlow.example.com",
            "opening_hours": "Mo-Fr 09:00-18:00",
            "description": "Trigger point therapy for sciatica",
        },
    },
    {
        "type": "way",
        "id": 202,
        "center": {"lat": 39.7392, "lon": -104.9903},
        "tags": {"name": "Mile High Physio", "healthcare": "physiotherapist", "phone": "303-555-0150"},
    },
    {
        "type": "relation",
        "id": 303,
        "center": {"lat": 35.7796, "lon": -78.6382},
        "tags": {"name": "Oak Chiropractic", "healthcare": "alternative", "healthcare:speciality": "chiropractic"},
    },
    {"type": "node", "id": 404, "lat": 30.1, "lon": -97.1, "tags": {"shop": "massage"}},  # no name
]


def source(base_url, **overrides):
    settings = dict(name="osm", kind="overpass", base_url=base_url, areas=["US-TX"], delay_seconds=0.0)
    return OverpassSource(**{**settings, **overrides})


def run(server, tmp_path, **overrides):
    fetcher = Fetcher(Http(user_agent=UA, delay_seconds=0, backoff_seconds=0.01), Archive(tmp_path), run_id="t")
    try:
        return overpass.crawl(source(server.url + "/api/interpreter", **overrides), fetcher)
    finally:
        fetcher.close()


def test_query_covers_areas_and_tag_filters():
    query = overpass.build_query(source("x", areas=["US-TX", "US-CO"]))
    assert query.startswith("[out:json][timeout:180];")
    assert 'area["ISO3166-2"="US-TX"]->.a0;' in query and 'area["ISO3166-2"="US-CO"]->.a1;' in query
    assert 'nwr["shop"="massage"](area.a0);' in query
    assert 'nwr["healthcare"="alternative"]["healthcare:speciality"="chiropractic"](area.a1);' in query
    assert query.endswith("out center tags;")
    bbox = overpass.build_query(source("x", areas=[], bbox=[30.0, -98.0, 30.5, -97.5]))
    assert 'nwr["shop"="massage"](30,-98,30.5,-97.5);' in bbox


def test_elements_map_to_listings_with_coordinates_and_attribution(tmp_path):
    body = json.dumps({**ENVELOPE, "elements": ELEMENTS})
    with ScriptedServer({"/api/interpreter": Route(body=body, headers={"Content-Type": "application/json"})}) as server:
        result = run(server, tmp_path)
        sent = parse_qs(urlsplit(server.hits[-1].path).query)["data"][0]
    assert "out center tags;" in sent
    by_key = {r.source_key: r for r in result.listings}
    assert set(by_key) == {"osm:node/101", "osm:way/202", "osm:relation/303"}
    assert result.counts["scrape/dropped/no_name"] == 1
    node = by_key["osm:node/101"]
    assert (node.lat, node.lon) == (30.2671, -97.7432)
    assert node.fields["street"] == "1200 South Congress Avenue, Unit 210" and node.fields["postal_code"] == "78704"
    assert node.fields["phone"] == "+1 512-555-0142" and node.fields["opening_hours"] == "Mo-Fr 09:00-18:00"
    assert "deep tissue massage" in node.fields["services"]
    assert node.url == "https://www.openstreetmap.org/node/101"
    assert all("OpenStreetMap contributors" in r.attribution and "ODbL" in r.attribution for r in result.listings)
    assert (by_key["osm:way/202"].lat, by_key["osm:way/202"].lon) == (39.7392, -104.9903)
    assert "Chiropractic" in by_key["osm:relation/303"].fields["services"]


def test_runtime_error_remark_is_a_failure_not_an_empty_area(tmp_path):
    body = json.dumps(
        {**ENVELOPE, "elements": [], "remark": 'runtime error: Query timed out in "query" at line 3 after 180 seconds.'}
    )
    with ScriptedServer({"/api/interpreter": Route(body=body)}) as server, pytest.raises(SourceError, match="timed"):
        run(server, tmp_path)


def test_broken_json_is_a_failure(tmp_path):
    broken = {"/api/interpreter": Route(body='{"elements": [')}
    with ScriptedServer(broken) as server, pytest.raises(SourceError, match="malformed JSON"):
        run(server, tmp_path)


def test_an_empty_area_is_complete_and_empty(tmp_path):
    with ScriptedServer({"/api/interpreter": Route(body=json.dumps({**ENVELOPE, "elements": []}))}) as server:
        result = run(server, tmp_path)
    assert result.status == "complete" and result.listings == []


@pytest.mark.parametrize(
    "answer, status, message",
    [
        # A remark of any kind means Overpass stopped early: what came is kept, the crawl is partial
        # (so nothing missing from it is marked inactive).
        ({"elements": ELEMENTS, "remark": "runtime remark: Timeout after 180 seconds"}, "partial", "incomplete"),
        ({"elements": [], "remark": "runtime remark: Timeout after 180 seconds"}, "failed", "Timeout"),
        ({"version": 0.6}, "failed", "no elements list"),
        ({"elements": {"0": "node"}}, "failed", "no elements list"),
    ],
    ids=["remark-with-elements", "remark-without-elements", "no-elements-key", "elements-not-a-list"],
)
def test_an_incomplete_or_malformed_answer_is_never_a_complete_crawl(tmp_path, answer, status, message):
    body = json.dumps({**ENVELOPE, **answer})
    with ScriptedServer({"/api/interpreter": Route(body=body)}) as server:
        try:
            result = run(server, tmp_path)
        except SourceError as err:
            got, text = "failed", str(err)
        else:
            got, text = result.status, result.message
    assert got == status and message in text


def test_area_elements_are_not_places(tmp_path):
    area = {"type": "area", "id": 3600114690, "tags": {"name": "Texas", "admin_level": "4"}}
    body = json.dumps({**ENVELOPE, "elements": [area, *ELEMENTS[:1]]})
    with ScriptedServer({"/api/interpreter": Route(body=body)}) as server:
        result = run(server, tmp_path)
    assert result.counts["scrape/dropped/not_a_place"] == 1 and result.counts["scrape/dropped/no_name"] == 0
    assert [r.kind for r in result.listings] == ["business"], "an OSM place is a business"
