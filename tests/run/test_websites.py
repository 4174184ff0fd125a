"""Practice websites through the whole run: named by a roster, read on a loopback web, attached to
each therapist who names them (never merging a clinic's therapists), kept when they go dark until
stale, and a crawl killed midway resumed without asking again."""

from __future__ import annotations

import functools
import json
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest

from pipeline.config import load_config
from pipeline.database import open_work
from pipeline.run import runner
from pipeline.run.history import Run
from pipeline.run.scrape import scrape
from pipeline.sources.samples import SampleServer, SitesHandler, site_routes
from tests.sources.test_websites import build_web, page

ROSTER_HEADER = "License Number,License Type,Status,First Name,Last Name,City,State,Zip,Phone,Website\n"
SOURCES = """
[sources.roster]
kind = "csv"
path = "roster.csv"
state = "TX"
license_types = ["Massage Therapist"]
active_statuses = ["Active"]
[sources.roster.columns]
license_number = "License Number"
license_type = "License Type"
status = "Status"
first_name = "First Name"
last_name = "Last Name"
city = "City"
state = "State"
postal_code = "Zip"
phone = "Phone"
website = "Website"

[sources.sites]
kind = "websites"
delay_seconds = 0.0
cache_ttl = "0s"
max_hosts_in_parallel = 8
"""
ROWS = [
    ("MT1", "Ana", "Ruiz", "512-555-0101", "https://ana-bodywork.test/"),
    ("MT2", "Ben", "Cho", "512-555-0102", "https://cedarclinic.test/team"),
    ("MT3", "Cara", "Diaz", "512-555-0103", "http://www.cedarclinic.test"),
    ("MT4", "Dee", "Park", "512-555-0104", "cedarclinic.test"),
    ("MT5", "Eve", "Stone", "512-555-0105", "https://gone.test/"),
    ("MT6", "Finn", "Lee", "512-555-0106", ""),
    ("MT7", "Gil", "Moss", "512-555-0107", "https://www.facebook.com/gilmoss"),
]


def rows(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def scrape_sources(config, routes: dict, counts: Counter | None = None):
    run = Run(command="test")
    with open_work(config.work_database) as warehouse:
        return scrape(
            config,
            warehouse,
            run_id=run.run_id,
            counts=counts if counts is not None else run.counts,
            origins={},
            routes=routes,
            only=["roster", "sites"],
        )


def load(config) -> None:
    runner.execute(config, "run", ["geocode", "resolve", "load"], sources=["roster", "sites"])


@pytest.fixture
def web(tmp_path, write_config):
    (tmp_path / "roster.csv").write_text(
        ROSTER_HEADER
        + "".join(
            f"{n},Massage Therapist,Active,{first},{last},Austin,TX,78701,{p},{w}\n" for n, first, last, p, w in ROWS
        )
    )
    root = build_web(
        tmp_path / "web",
        {
            "ana-bodywork.test": {
                "/": page("Ana Ruiz Bodywork", '<p>Hands-on care in Austin.</p><a href="/services/">Services</a>'),
                "/services/": page("Services", "<p>Deep tissue massage and trigger point therapy for sciatica.</p>"),
            },
            "www.cedarclinic.test": {
                "/": page("Cedar Clinic", '<a href="/team">Our therapists</a><a href="/treatments">Treatments</a>'),
                "/team": page("Team", "<p>Ben Cho, LMT. Cara Diaz, LMT. Dee Park, LMT.</p>"),
                "/treatments": page("Treatments", "<p>Neuromuscular therapy for low back pain.</p>"),
            },
            "gone.test": {"/": page("Gone", "<p>Deep tissue.</p>"), "_refuse": ""},
        },
    )
    config = load_config(write_config(SOURCES))
    with SampleServer(root, sites=True) as server:
        yield config, root, site_routes(root, server.url)


def therapists(config) -> dict[str, tuple]:
    return {
        name.split()[0]: (therapist_id, tier, score, sources)
        for therapist_id, name, tier, score, sources in rows(
            config.database, "select therapist_id, name, relevance_tier, relevance_score, sources from therapists"
        )
    }


def test_sites_are_read_attached_to_each_therapist_naming_them_kept_when_dark_until_stale(web):
    config, root, routes = web
    counts: Counter = Counter()
    result = scrape_sources(config, routes, counts)
    crawl = next(c for c in result.crawls if c.source == "sites")
    assert crawl.status == "complete" and crawl.staged == 2
    assert counts["scrape/sites/listed"] == 3 and counts["scrape/sites/skipped_host"] == 1  # facebook
    assert counts["scrape/sites/dead/unreachable"] == 1  # gone.test
    load(config)

    found = therapists(config)
    assert found["Ana"][1:3] == ("high", 100) and "sites" in found["Ana"][3]
    # One clinic site, three therapists: each gets its evidence, none is merged with another.
    clinic = {found[name][0] for name in ("Ben", "Cara", "Dee")}
    assert len(clinic) == 3 and all(found[name][1] == "medium" for name in ("Ben", "Cara", "Dee"))
    assert rows(config.database, "select count(*) from site_links where source_key = 'https://cedarclinic.test'") == [
        (3,)
    ]
    # Nothing read for Eve (her site is down), Finn (no site) or Gil (only a social profile): unknown.
    assert [found[name][1] for name in ("Eve", "Finn", "Gil")] == ["unknown"] * 3
    (evidence,) = rows(config.database, f"select evidence from therapists where therapist_id = '{found['Ana'][0]}'")
    assert {"technique": "deep_tissue", "snippet": "Deep tissue massage and trigger point therapy for sciatica.",
            "field": "page", "source_url": "https://ana-bodywork.test/services/"} in evidence[0]  # fmt: skip

    # The export and search understand "unknown": min_tier unknown lists Eve, the default does not.
    assert runner.export_command(config).therapists == 4
    wider = config.path.with_name("wider.toml")
    wider.write_text(config.path.read_text().replace('min_tier = "low"', 'min_tier = "unknown"'))
    assert runner.export_command(load_config(wider), config.path.parent / "wider").therapists == 7

    # Ana's site goes dark: her listing keeps its evidence, marked with the date it was read.
    (root / "ana-bodywork.test" / "_refuse").write_text("")
    scrape_sources(config, site_routes(root, routes["ana-bodywork.test"]))
    load(config)
    assert therapists(config)["Ana"][1] == "high"
    assert rows(config.database, "select active from listings where source = 'sites' and source_key like '%ana%'") == [
        (True,)
    ]

    # ... until survivorship.stale_after: then it is inactive and Ana has nothing to judge.
    with open_work(config.work_database) as warehouse:
        warehouse.con.execute(
            "update listings set last_seen = last_seen - interval 200 day "
            "where source = 'sites' and source_key like '%ana%'"
        )
    scrape_sources(config, site_routes(root, routes["ana-bodywork.test"]))
    load(config)
    assert therapists(config)["Ana"][1] == "unknown"
    assert rows(config.database, "select active from listings where source = 'sites' and source_key like '%ana%'") == [
        (False,)
    ]


class LoggingSites(SitesHandler):
    """The sites handler, logging each (host, path) it answers, a little slow."""

    hits: list[tuple[str, str]] = []

    def do_GET(self):  # noqa: N802
        self.hits.append((self.headers["Host"], self.path))
        time.sleep(0.005)
        super().do_GET()


RESUME_SCRIPT = """
import json, sys
from collections import Counter
from pipeline.config import load_config
from pipeline.database import open_work
from pipeline.run.history import Run
from pipeline.run.scrape import scrape
config = load_config(sys.argv[1])
routes = json.loads(open(sys.argv[2]).read())
with open_work(config.work_database) as warehouse:
    scrape(config, warehouse, run_id=Run(command="test").run_id, counts=Counter(), origins={}, routes=routes,
           only=["roster", "sites"])
"""


def test_a_crawl_of_200_sites_killed_midway_resumes_without_asking_again(tmp_path, write_config):
    sites = {
        f"site{i:03}.test": {
            "/": f'<html><title>Site {i}</title><a href="/services.html">Services</a></html>',
            "/services.html": "<html><title>Services</title><p>Deep tissue massage.</p></html>",
        }
        for i in range(200)
    }
    root = build_web(tmp_path / "web", sites)
    (tmp_path / "roster.csv").write_text(
        ROSTER_HEADER
        + "".join(
            f"MT{i},Massage Therapist,Active,Ana,Site{i},Austin,TX,78701,,https://site{i:03}.test/\n"
            for i in range(200)
        )
    )
    config = load_config(write_config(SOURCES))
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(LoggingSites, directory=str(root)))
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        routes = site_routes(root, f"http://127.0.0.1:{server.server_address[1]}")
        (tmp_path / "routes.json").write_text(json.dumps(routes))
        child = subprocess.Popen([sys.executable, "-c", RESUME_SCRIPT, str(config.path), str(tmp_path / "routes.json")])
        journal = config.raw_dir / "journal"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            lines = sum(len(p.read_text().splitlines()) for p in journal.glob("*.ndjson")) if journal.exists() else 0
            if lines >= 200:
                break
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
        child.wait()
        before = set(LoggingSites.hits)
        assert 200 <= len(before) < 600, "killed midway"
        LoggingSites.hits.clear()
        result = scrape_sources(config, routes)
    finally:
        server.shutdown()
        server.server_close()
    crawl = next(c for c in result.crawls if c.source == "sites")
    assert crawl.status == "complete" and crawl.staged == 200
    first = {hit for hit in before if hit[1] != "/robots.txt"}
    second = {hit for hit in LoggingSites.hits if hit[1] != "/robots.txt"}
    assert len(first | second) == 400  # every page of every site read, ...
    assert len(first & second) <= 8  # ... and only those in flight at the kill asked twice
