"""The geocoder chain with a fake Nominatim on loopback: caching, rate limit, fallbacks, validation."""

import json
import time
from collections import Counter
from urllib.parse import parse_qs

import duckdb
import pytest

from pipeline.config import load_config
from pipeline.database import open_work
from pipeline.geocode.chain import geocode_staged
from pipeline.geocode.online import check, precision_of
from tests.geocode.staged import staged_row
from tests.servers import Route, ScriptedServer

JSON = {"Content-Type": "application/json; charset=utf-8"}
OVER_LIMIT = (
    "<html><head><title>Bandwidth limit exceeded</title></head><body><h1>Bandwidth limit exceeded</h1>"
    "<p>You have been temporarily blocked because you have been overusing OSM's geocoding service."
    "</p></body></html>"
)


def place(lat, lon, label, klass="building", kind="yes"):
    return {
        "place_id": 1,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright",
        "osm_type": "way",
        "osm_id": 2,
        "lat": str(lat),
        "lon": str(lon),
        "display_name": label,
        "class": klass,
        "type": kind,
        "importance": 0.41,
        "boundingbox": ["0", "0", "0", "0"],
    }


ANSWERS = {
    "1200 S Congress Ave": [place(30.2500, -97.7500, "1200, South Congress Avenue, Austin, Texas, 78704")],
    "9 Nowhere Ln": [],
    "77 Far Away Rd": [place(39.7392, -104.9903, "Denver, Colorado", "place", "city")],  # wrong city
    "5 Busy St": "over-limit",
}


class FakeNominatim:
    def __init__(self):
        self.queries: list[tuple[float, str]] = []
        self.limited_once = False

    def __call__(self, query: str) -> Route:
        q = parse_qs(query)["q"][0]
        self.queries.append((time.monotonic(), q))
        if q.startswith("3 Slow St") and not self.limited_once:
            self.limited_once = True
            return Route(status=429, body="Too Many Requests", headers={"Retry-After": "1"})
        if q.startswith("3 Slow St"):
            return Route(body=json.dumps([place(30.26, -97.74, "3, Slow Street, Austin")]), headers=JSON)
        answer = next((a for prefix, a in ANSWERS.items() if q.startswith(prefix)), [])
        if answer == "over-limit":
            return Route(body=OVER_LIMIT, headers={"Content-Type": "text/html"})
        return Route(body=json.dumps(answer), headers=JSON)


def row(key, street, postal_code="78704", city="Austin", state="TX", **extra):
    return staged_row(key, street=street, postal_code=postal_code, city=city, state=state, **extra)


ROWS = [
    row("found", "1200 S Congress Ave"),
    row("empty", "9 Nowhere Ln"),
    row("far", "77 Far Away Rd"),
    row("blocked", "5 Busy St"),
]


@pytest.fixture
def nominatim():
    fake = FakeNominatim()
    with ScriptedServer(dynamic={"/search": fake}) as server:
        yield server, fake


def configure(write_config, domain, *, chain='["source", "nominatim", "offline"]', delay=1.0):
    extra = (
        f'\n[geocode.providers.nominatim]\ndomain = "{domain}"\nscheme = "http"\n'
        f"min_delay_seconds = {delay}\ntimeout = 2.0\n"
    )
    path = write_config(extra)
    path.write_text(path.read_text().replace('chain = ["source", "offline"]', f"chain = {chain}"))
    return load_config(path)


def geocode(config, rows):
    counts = Counter()
    with open_work(config.work_database) as warehouse:
        warehouse.stage_rows("scrape/insert_staged.sql", rows, {"load_id": "t"})
        geocode_staged(warehouse, config, counts)
        located = {
            key: (provider, precision, lat, lon)
            for key, provider, precision, lat, lon in warehouse.con.execute(
                "select source_key, geocode_provider, geocode_precision, lat, lon from staged_geocodes"
            ).fetchall()
        }
        warehouse.run("load/clear_staged.sql")
    return located, counts


def test_chain_cache_rate_limit_and_fallbacks(write_config, nominatim):
    server, fake = nominatim
    config = configure(write_config, server.url.split("//")[1])
    located, counts = geocode(config, ROWS)
    assert located["found"][:2] == ("nominatim", "rooftop") and located["found"][2] == 30.25
    assert located["empty"][:2] == ("offline", "postal_code"), "no answer: the next provider"
    assert located["far"][:2] == ("offline", "postal_code"), "a mismatched answer is refused"
    assert located["blocked"][:2] == ("offline", "postal_code"), "an HTML over-limit page is an error, not a place"
    assert counts["geocode/nominatim/ok"] == 1 and counts["geocode/nominatim/mismatch"] == 1
    assert counts["geocode/nominatim/not_found"] == 1
    assert counts["geocode/nominatim/errors/GeocoderParseError"] == 1
    times = sorted(at for at, _ in fake.queries)
    # The client spaces its requests by 1 s. Under load one request can reach the server late, which
    # shortens the gap after it without any request being early: so each arrival is checked against
    # the first one (the k-th no sooner than k seconds after it, less a little timer slack).
    assert len(times) >= 3
    assert all(at - times[0] >= 0.95 * k for k, at in enumerate(times)), "at most 1 request/s"

    cache = duckdb.connect(str(config.work_database), read_only=True)
    statuses = dict(cache.execute("select split_part(query, ',', 1), status from geocode_cache").fetchall())
    untagged = cache.execute("select count(*) from geocode_cache where load_id is null").fetchone()[0]
    cache.close()
    assert statuses == {"1200 S Congress Ave": "ok", "9 Nowhere Ln": "not_found", "77 Far Away Rd": "mismatch"}
    assert untagged == 0, "every cached answer says which run asked"

    # A rerun asks only what was never answered (the over-limit one), nothing else.
    asked = len(fake.queries)
    again, _ = geocode(config, ROWS)
    assert again == located
    assert [q for _, q in fake.queries[asked:]] == ["5 Busy St, Austin, TX 78704"]


def test_a_429_is_waited_out(write_config, nominatim):
    server, fake = nominatim
    config = configure(write_config, server.url.split("//")[1], delay=0.1)
    started = time.monotonic()
    located, _ = geocode(config, [row("slow", "3 Slow St")])
    assert located["slow"][:2] == ("nominatim", "rooftop")
    assert time.monotonic() - started >= 0.95 and len(fake.queries) == 2


def test_an_outage_falls_back_and_the_run_completes(write_config):
    with ScriptedServer() as gone:
        dead = gone.url.split("//")[1]
    config = configure(write_config, dead, delay=0.0)
    rows = [row(f"r{i}", f"{i} Main St") for i in range(6)]
    located, counts = geocode(config, rows)
    assert {provider for provider, *_ in located.values()} == {"offline"}
    assert counts["geocode/nominatim/gave_up"] == 1
    assert sum(v for k, v in counts.items() if k.startswith("geocode/nominatim/errors/")) == 3


def test_source_coordinates_far_from_their_zip_are_refused(write_config):
    config = configure(write_config, "127.0.0.1:9", chain='["source", "offline"]')
    rows = [
        row("good", "1 A St", lat=30.25, lon=-97.75),
        row("far", "2 B St", lat=39.74, lon=-104.99),
        row("zero", "3 C St", lat=0.0, lon=0.0),
    ]
    located, counts = geocode(config, rows)
    assert located["good"][:2] == ("source", "source")
    assert located["far"][:2] == ("offline", "postal_code") and located["zero"][:2] == ("offline", "postal_code")
    assert counts["geocode/source/mismatch"] == 1


@pytest.mark.parametrize(
    "lat, lon, reason",
    [
        (30.25, -97.75, None),
        (95.0, -97.75, "out of range"),
        (0.0, 0.0, "(0, 0)"),
        (-97.75, 30.25, "swapped"),
        (39.74, -104.99, "miles from"),
    ],
    ids=["fine", "out-of-range", "null-island", "swapped", "too-far"],
)
def test_check(lat, lon, reason):
    problem = check(lat, lon, {"postal_code": "78704", "city": "Austin", "state": "TX"}, 30)
    assert (problem is None) if reason is None else (reason in problem)


def test_outside_the_state_without_a_zip():
    assert "outside CO" in check(30.25, -97.75, {"postal_code": None, "city": None, "state": "CO"}, 30)


def test_an_answer_in_another_zip_is_refused():
    address = {"postal_code": "90212", "city": "Beverly Hills", "state": "CA"}
    assert "ZIP 90210" in check(34.09, -118.41, address, 30, postcode="90210")
    assert check(34.07, -118.40, address, 30, postcode="90212") is None
    assert check(34.07, -118.40, address, 30, postcode=None) is None


@pytest.mark.parametrize(
    "raw, expected",
    [
        ({"class": "place", "type": "postcode", "addresstype": "postcode"}, "postal_code"),
        ({"class": "boundary", "type": "postal_code"}, "postal_code"),
        ({"class": "amenity", "type": "postcode"}, "postal_code"),  # filed as an amenity, still a postcode
        ({"class": "building", "type": "yes"}, "rooftop"),
        ({"class": "highway", "type": "residential"}, "street"),
        ({"class": "place", "type": "city"}, "city"),
    ],
    ids=["nominatim-postcode", "postal-boundary", "postcode-as-amenity", "building", "street", "city"],
)
def test_precision_is_honest(raw, expected):
    assert precision_of(raw) == expected


def test_a_nominatim_answer_for_another_postcode_is_a_mismatch(write_config):
    """The real case: asked for an address in 90212, the geocoder answered the centroid of 90210."""
    answer = [
        {**place(34.1030, -118.4105, "Beverly Hills, Los Angeles County, California, 90210, United States",
                 "place", "postcode"), "address": {"postcode": "90210", "state": "California"}}
    ]  # fmt: skip
    with ScriptedServer(dynamic={"/search": lambda q: Route(body=json.dumps(answer), headers=JSON)}) as server:
        config = configure(write_config, server.url.split("//")[1], delay=0.0)
        located, counts = geocode(config, [row("bh", "9500 Larkspur Dr", "90212", "Beverly Hills", "CA")])
    assert located["bh"][:2] == ("offline", "postal_code"), "the listing's own ZIP centroid stays"
    assert counts["geocode/nominatim/mismatch"] == 1
