"""The operator's run report: self-contained HTML whose numbers match the database.

Rendered in headless Chromium when one is installed (the DOM it builds is what is checked);
otherwise the HTML is parsed as a browser would."""

import re
import shutil
import subprocess

import duckdb
import pytest
from bs4 import BeautifulSoup

from pipeline.cli import main
from tests.conftest import demo_config

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def rendered(path):
    browser = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
    if browser is None:
        return path.read_text(encoding="utf-8")
    result = subprocess.run(
        [browser, "--headless", "--disable-gpu", "--no-sandbox", "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    """A run of two sample sources (the NPPES API and OSM): enough for every part of the report."""
    tmp = tmp_path_factory.mktemp("report")
    config = demo_config(tmp)
    assert main(["--config", str(config), "-q", "run", "--source", "sample_nppes", "--source", "sample_overpass"]) == 0
    return {"tmp": tmp, "config": config}


def test_report_renders_with_the_expected_counts(ran, capsys):
    out = ran["tmp"] / "report.html"
    assert main(["--config", str(ran["config"]), "report", "--out", str(out)]) == 0
    assert "Report:" in capsys.readouterr().err
    page = BeautifulSoup(rendered(out), "html.parser")
    con = duckdb.connect(str(ran["tmp"] / "data" / "work.duckdb"), read_only=True)
    try:
        active, located = con.execute("select count(*), count(lat) from therapists where active").fetchone()
        runs = con.execute("select run_id, status from pipeline_runs order by started_at desc").fetchall()
        crawls = con.execute("select source, listings from crawls where run_id = ?", [runs[0][0]]).fetchall()
        techniques = dict(
            con.execute(
                "select t, count(*) from (select unnest(techniques) as t from therapists where active) group by t"
            ).fetchall()
        )
    finally:
        con.close()

    # Self-contained: nothing is fetched from anywhere.
    assert not page.find_all(["script", "link", "img", "iframe"])
    assert all(not (tag.get("src") or tag.get("href") or "").startswith(("http", "//")) for tag in page.find_all(True))

    totals = {div["data-total"]: int(div.b.text.replace(",", "")) for div in page.select("[data-total]")}
    assert totals["active_therapists"] == active and totals["located"] == located
    assert [(row["data-run"], row["class"][0]) for row in page.select("#runs tr[data-run]")] == runs
    for source, listings in crawls:
        row = page.select_one(f'#sources tr[data-source="{source}"]')
        assert int(row.find_all("td")[0]["data-listings"]) == listings
    assert len(page.select("#map circle")) == located
    assert {c.get("class")[0] for c in page.select("#map circle")} <= {"high", "medium", "low", "unknown", "none"}
    histogram = {
        row["data-technique"]: int(row.select_one(".n").text.replace(",", "")) for row in page.select("#techniques tr")
    }
    assert histogram == techniques
    # The one failing check is a warning: the NPPES sample record whose state disagrees with its
    # ZIP (normalization used the ZIP's state, as the city agrees) is reported for a look.
    failing = [[td.text for td in row.find_all("td")] for row in page.select("#checks tr")]
    # The other is freshness: the sources this run did not crawl were never crawled.
    assert ["warn", "listings_state_zip_mismatch", "1 rows"] in failing
    assert {row[1] for row in failing} == {"listings_state_zip_mismatch", "sources_fresh"}


def test_report_shows_failing_checks_and_escapes_text(tmp_path, write_config):
    from pipeline.config import load_config
    from pipeline.database import open_work

    config = load_config(write_config())
    with open_work(config.work_database) as warehouse:
        warehouse.con.execute("insert into quality_results values ('r1', '<b>x</b>', 'error', 3, now()::timestamp)")
    out = tmp_path / "r.html"
    assert main(["--config", str(config.path), "report", "--out", str(out)]) == 0
    page = BeautifulSoup(out.read_text(), "html.parser")
    assert "<b>x</b>" in page.select_one("#checks").get_text() and not page.select("#checks b")
    assert "No located therapists yet." in page.get_text()


def test_report_draws_the_states_under_the_dots(ran):
    """The basemap: state outlines from the vendored atlas, through the dots' own projection."""
    out = ran["tmp"] / "basemap.html"
    assert main(["--config", str(ran["config"]), "-q", "report", "--out", str(out)]) == 0
    page = BeautifulSoup(rendered(out), "html.parser")
    con = duckdb.connect(str(ran["tmp"] / "data" / "work.duckdb"), read_only=True)
    try:
        (in_texas,) = con.execute(
            "select count(*) from therapists where active and lat is not null and state = 'TX'"
        ).fetchone()
    finally:
        con.close()

    svg = page.select_one("svg#map")
    # The outlines come first, so every dot is drawn on top of them.
    assert [tag.name for tag in svg.find_all(True, recursive=False)] == ["rect", "g", *["circle"] * len(svg("circle"))]
    states = {path["data-state"]: path["d"] for path in svg.select("g#basemap > path.state")}
    # Every state with a piece in the map's frame (fitted to the dots: the Pacific to Raleigh here),
    # among them each state the sample's therapists are in.
    assert len(states) >= 40 and {"Texas", "Colorado", "Florida", "Illinois", "North Carolina", "Oregon"} <= set(states)
    assert "US Census Bureau (public domain), via us-atlas" in page.select_one("p.legend").get_text()

    # The Austin and Round Rock dots fall inside Texas's outline's bounding box.
    xs, ys = zip(*((float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", states["Texas"])))
    dots = [(float(c["cx"]), float(c["cy"])) for c in svg("circle")]
    inside = [(x, y) for x, y in dots if min(xs) <= x <= max(xs) and min(ys) <= y <= max(ys)]
    assert in_texas and len(inside) >= in_texas, (len(inside), in_texas)


def test_report_renders_without_the_atlas(ran, tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.run.report.ATLAS", tmp_path / "missing.json")
    out = tmp_path / "report.html"
    assert main(["--config", str(ran["config"]), "-q", "report", "--out", str(out)]) == 0
    page = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert page.select("#map circle") and not page.select("#map #basemap, #map path")
    assert "us-atlas" not in page.get_text()
