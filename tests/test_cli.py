"""End to end through the CLI: the demo twice (idempotent, byte-identical), search, explain, status."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.cli import main
from tests.conftest import ROOT, snapshot

# The demo fixture runs the demo twice; keeping its users on one worker runs it once.
pytestmark = pytest.mark.xdist_group(name="demo")

TRUTH = json.loads((ROOT / "data" / "samples" / "site-truth.json").read_text())


def test_demo_succeeds_and_prints_a_summary_and_results(demo):
    first = demo["first"]
    assert first.returncode == 0, first.stderr
    for source in (
        "sample_directory",
        "sample_jsonld",
        "sample_nppes",
        "sample_nppes_bulk",
        "sample_overpass",
        "sample_roster",
    ):
        assert f"source {source}: complete" in first.stderr
    # Paths inside the config's folder are shown relative to it: no machine paths in the output.
    assert "Database: data/directory.duckdb\n" in first.stderr and "Export:   data/export (" in first.stderr
    assert str(demo["tmp"]) not in first.stderr
    assert "Austin" in first.stdout and "distance_miles" in first.stdout
    assert "Traceback" not in first.stderr


def test_second_demo_changes_nothing(demo):
    assert demo["second"].returncode == 0, demo["second"].stderr
    again = snapshot(demo["tmp"])
    assert again["therapists"] == demo["snapshot"]["therapists"]
    assert again["listings"] == demo["snapshot"]["listings"]
    assert again["files"] == demo["snapshot"]["files"], "exports must be byte-identical"


def test_export_content(demo):
    export = demo["tmp"] / "data" / "export"
    records = json.loads((export / "therapists.json").read_text())
    ndjson = [json.loads(line) for line in (export / "therapists.ndjson").read_text().splitlines()]
    assert records == ndjson
    relevant = {
        t["name"] for t in TRUTH if t["kind"] == "relevant" and not t["duplicate_of"] and not t["robots_disallowed"]
    }
    assert len(records) >= 0.9 * len(relevant)
    assert {r["relevance_tier"] for r in records} <= {"high", "medium", "low"}
    assert [r["therapist_id"] for r in records] == sorted(r["therapist_id"] for r in records)
    assert len({r["therapist_id"] for r in records}) == len(records)
    assert all(
        e["snippet"] and (e["source_url"] is None or e["source_url"].startswith(("http://", "https://")))
        for r in records
        for e in r["evidence"]
    )
    osm = [r for r in records if "sample_overpass" in r["sources"]]
    assert osm and all(any("OpenStreetMap contributors" in a for a in r["attribution"]) for r in osm)
    assert all(not r["attribution"] for r in records if "sample_overpass" not in r["sources"])
    assert not any("Quinn Harlow" in r["name"] for r in records), "robots-disallowed profile leaked"
    assert all(r["phone"] is None or r["phone"].startswith("+1") for r in records)
    assert all("<" not in (r["description"] or "") for r in records)
    assert "last_seen" not in records[0]
    # Spas and negated listings are not exported at the default tier.
    names = {r["name"] for r in records}
    for truth in TRUTH:
        if truth["kind"] in ("spa", "unrelated", "negated"):
            assert truth["name"] not in names

    geojson = json.loads((export / "therapists.geojson").read_text())
    assert geojson["type"] == "FeatureCollection" and len(geojson["features"]) == len(records)
    lon, lat = geojson["features"][0]["geometry"]["coordinates"]
    assert 24 < lat < 50 and -125 < lon < -66

    manifest = json.loads((export / "manifest.json").read_text())
    kinds = {source["name"]: source["kind"] for source in manifest["sources"]}
    assert kinds["sample_overpass"] == "overpass" and kinds["sample_nppes"] == "nppes"
    assert any("OpenStreetMap" in line for line in manifest["attribution"])
    assert manifest["counts"]["therapists"] == len(records)
    import hashlib

    for name, entry in manifest["files"].items():
        assert hashlib.sha256((export / name).read_bytes()).hexdigest() == entry["sha256"]
    assert any("GeoNames" in line for line in manifest["attribution"])


def test_duplicates_are_resolved(demo):
    con = duckdb.connect(str(demo["tmp"] / "data" / "directory.duckdb"), read_only=True)
    try:
        clusters = dict(
            con.execute("select source_key, therapist_id from listings where source = 'sample_directory'").fetchall()
        )
    finally:
        con.close()
    for truth in TRUTH:
        if truth["duplicate_of"]:
            original = next(t for t in TRUTH if t["slug"] == truth["duplicate_of"])
            key = "http://site.samples.test{}"
            assert clusters[key.format(truth["path"])] == clusters[key.format(original["path"])], truth["slug"]
    distinct = len({t["slug"] for t in TRUTH if not t["duplicate_of"] and not t["robots_disallowed"]})
    assert len(set(clusters.values())) == distinct


def test_one_therapist_across_sources_is_one_entry(demo):
    """The sample NPPES, bulk and OSM records of people and businesses on the sample site (same
    phone and ZIP) resolve into the site listing's therapist, whatever the spelling."""
    sources_truth = json.loads((ROOT / "data" / "samples" / "sources-truth.json").read_text())
    site = {t["slug"]: t for t in TRUTH}
    con = duckdb.connect(str(demo["tmp"] / "data" / "directory.duckdb"), read_only=True)
    try:
        rows = con.execute("select source, right(phone, 10), postal_code, therapist_id from listings").fetchall()
    finally:
        con.close()
    checked = 0
    for kind, source in (
        ("nppes", "sample_nppes"),
        ("nppes_bulk", "sample_nppes_bulk"),
        ("overpass", "sample_overpass"),
    ):
        for slug in sources_truth[kind]["matches_site"]:
            key = (site[slug]["phone_digits"], site[slug]["zip"])
            site_ids = {r[3] for r in rows if r[0] == "sample_directory" and r[1:3] == key}
            ids = {r[3] for r in rows if r[0] == source and r[1:3] == key}
            assert len(site_ids) == 1 and ids == site_ids, (source, slug)
            checked += 1
    assert checked >= 25


def run_cli(args, capsys, config):
    code = main(["--config", str(config), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_search_formats(demo, capsys):
    code, out, err = run_cli(
        ["search", "--near", "78701", "--radius", "25", "--format", "json"], capsys, demo["config"]
    )
    assert code == 0
    result = json.loads(out)
    distances = [r["distance_miles"] for r in result["results"]]
    assert distances == sorted(distances) and all(d <= 25 for d in distances) and distances
    assert all(r["state"] == "TX" for r in result["results"])

    code, out, _ = run_cli(
        ["search", "--near", "Denver, CO", "--technique", "trigger_point", "--format", "csv"], capsys, demo["config"]
    )
    table = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and table and all("trigger_point" in row["techniques"] for row in table)

    code, out, err = run_cli(
        ["search", "--near", "30.2672,-97.7431", "--min-tier", "high", "--limit", "2"], capsys, demo["config"]
    )
    assert code == 0 and len(out.strip().splitlines()) == 3 and "within 25 miles" in err


@pytest.mark.parametrize(
    "args, message",
    [
        (["--near", "00000"], "Unknown ZIP code 00000"),
        (["--near", "Austn, TX"], "did you mean Austin, TX"),
        (["--near", "78701", "--radius", "0"], "radius must be more than 0"),
        (["--near", "78701", "--radius", "-5"], "radius must be more than 0"),
        (["--near", "78701", "--radius", "100000"], "at most 500 miles"),
        (["--near", "78701", "--technique", "trigger_pont"], "did you mean 'trigger_point'"),
        (["--near", "78701", "--technique", "x'); drop table therapists; --"], "unknown technique"),
        (["--near", "78701'; drop table therapists; --"], "cannot read the place"),
        (["--near", "78701", "--limit", "0"], "limit must be from 1"),
        (
            [
                "--near",
                "78701",
                *[
                    arg
                    for slug in ("deep_tissue", "neuromuscular", "trigger_point", "myofascial_release", "sports")
                    for arg in ("--technique", slug)
                ],
            ],
            "at most 4 techniques",
        ),
        (["--near", "78701", "--radius", "ten"], "invalid float value"),
    ],
    ids=[
        "unknown-zip",
        "city-typo",
        "zero-radius",
        "negative-radius",
        "huge-radius",
        "technique-typo",
        "sql-technique",
        "sql-place",
        "zero-limit",
        "five-techniques",
        "non-numeric-radius",
    ],
)
def test_search_bad_input_is_one_sentence_and_exit_2(demo, capsys, args, message):
    code, out, err = run_cli(["search", *args], capsys, demo["config"])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("Error: ") and message.lower() in err.lower()
    con = duckdb.connect(str(demo["tmp"] / "data" / "directory.duckdb"), read_only=True)
    assert con.execute("select count(*) from therapists").fetchall()[0][0] > 0
    con.close()


def test_explain_shows_evidence(demo, capsys):
    export = json.loads((demo["tmp"] / "data" / "export" / "therapists.json").read_text())
    record = next(r for r in export if len(r["evidence"]) >= 2)
    code, out, _ = run_cli(["explain", record["therapist_id"]], capsys, demo["config"])
    assert code == 0 and record["name"] in out and f"Relevance: {record['relevance_tier']}" in out
    assert record["evidence"][0]["snippet"] in out
    code, out, err = run_cli(["explain", "t-nope"], capsys, demo["config"])
    assert code == 2 and "no therapist with id" in err.lower()


def test_status_and_check(demo, capsys):
    code, out, _ = run_cli(["status", "--format", "json"], capsys, demo["config"])
    status = json.loads(out)
    assert code == 0 and status["runs"][0]["status"] == "ok"
    assert status["sources"][0]["source"] == "sample_directory"
    code, out, _ = run_cli(["check"], capsys, demo["config"])
    assert code == 0 and "therapists_unique_id" in out and "FAIL error" not in out


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "therapists"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "demo" in result.stdout


def test_the_duckdb_shell_that_make_sql_installs_opens_the_published_file(demo):
    """`make sql` opens data/directory.duckdb with the duckdb-cli package's shell: whatever engine
    the pipeline runs, the published file must stay in a storage format that shell reads."""
    shell = Path(sys.executable).parent / "duckdb"
    database = demo["tmp"] / "data" / "directory.duckdb"
    query = "select count(*) from therapists; select count(*) from listing_history; select count(*) from listings;"
    result = subprocess.run(
        [str(shell), "-readonly", "-csv", "-noheader", str(database), "-c", query],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    therapists, history, listings = (int(line) for line in result.stdout.split())
    assert therapists > 100 and history >= listings > therapists


def test_no_command_and_unknown_command_are_usage_errors(capsys):
    assert main([]) == 2
    assert main(["frobnicate"]) == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("near", "radius", "techniques", "tier", "precision"),
    [
        ("78701", 25, [], "low", "any"),
        ("Denver, CO", 60, ["trigger_point"], "medium", "postal_code"),
        ("35.78,-78.64", 100, [], "none", "any"),
        ("97205", 10, ["deep_tissue"], "high", "rooftop"),
    ],
)
def test_search_returns_what_the_shell_macro_returns(demo, near, radius, techniques, tier, precision):
    """The lean search query and `therapists_near` (what users call in the shell) agree."""
    from pipeline.database import Warehouse
    from pipeline.gazetteer import resolve_place
    from pipeline.publish.search import search
    from pipeline.relevance.vocabulary import load_vocabulary
    from tests.conftest import ROOT as root

    place = resolve_place(near)
    with Warehouse(demo["tmp"] / "data" / "directory.duckdb", read_only=True) as warehouse:
        ours = search(
            warehouse,
            load_vocabulary(root / "vocabulary.toml"),
            near=near,
            radius=radius,
            techniques=techniques,
            min_tier=tier,
            limit=1000,
            precision=precision,
        )
        shell = warehouse.con.execute(
            "select therapist_id from therapists_near(?, ?, ?) where tier_rank(relevance_tier) >= tier_rank(?) "
            "and list_has_all(techniques, ?) and precision_rank(geocode_precision) >= precision_rank(?) "
            "order by distance_miles, therapist_id",
            [place.lat, place.lon, float(radius), tier, techniques, precision],
        ).fetchall()
    assert [row[0] for row in ours.rows] == [row[0] for row in shell]


def test_places_with_only_coordinates_are_searchable_and_foreign_rows_are_not_loaded(demo, capsys):
    """OSM shops mapped with coordinates and no addr:* tags keep them through to search and the
    export (city, state and ZIP derived, marked so); the foreign rows are counted, not loaded."""
    sources_truth = json.loads((ROOT / "data" / "samples" / "sources-truth.json").read_text())
    code, out, _ = run_cli(["search", "--near", "78701", "--radius", "25", "--format", "json"], capsys, demo["config"])
    found = {r["name"]: r for r in json.loads(out)["results"]}
    relevant = ["Barton Springs Sciatica Bodywork", "Mueller Trigger Point Studio"]
    assert code == 0 and set(relevant) <= set(found)
    assert all(found[name]["geocode_precision"] == "source" for name in relevant)
    export = {r["name"]: r for r in json.loads((demo["tmp"] / "data" / "export" / "therapists.json").read_text())}
    for name in relevant:
        assert export[name]["address_derived"] is True and (export[name]["city"], export[name]["state"]) == (
            "Austin",
            "TX",
        )
    assert not any(
        r["address_derived"] for n, r in export.items() if n not in sources_truth["overpass"]["coordinate_only"]
    )

    assert "dropped/outside_country=2" in demo["first"].stderr
    con = duckdb.connect(str(demo["tmp"] / "data" / "directory.duckdb"), read_only=True)
    try:
        names = {row[0] for row in con.execute("select name from listings").fetchall()}
        roster = {
            key.split(":")[-1]: (city, state, postal_code)
            for key, city, state, postal_code in con.execute(
                "select source_key, city, state, postal_code from listings where source = 'sample_ma_roster'"
            ).fetchall()
        }
    finally:
        con.close()
    assert not names & set(sources_truth["overpass"]["foreign"])
    expected = {key: tuple(where) for key, where in sources_truth["address_roster"]["expect"].items() if where}
    assert roster == expected, "one-line addresses land at their own city, state and ZIP (NH rows too)"


def test_explain_says_what_normalization_found_about_an_address(demo, capsys):
    con = duckdb.connect(str(demo["tmp"] / "data" / "directory.duckdb"), read_only=True)
    try:
        (lowell,) = con.execute(
            "select therapist_id from listings where postal_code = '01852' and kind <> 'site'"
        ).fetchone()
        (derived,) = con.execute(
            "select therapist_id from therapists where list_contains(address_flags, 'from_coordinates') limit 1"
        ).fetchone()
    finally:
        con.close()
    code, out, _ = run_cli(["explain", lowell], capsys, demo["config"])
    assert code == 0 and "address: ZIP 01852: the leading zero a spreadsheet lost was restored" in out
    code, out, _ = run_cli(["explain", derived], capsys, demo["config"])
    assert code == 0 and "(derived from the source's coordinates)" in out


def test_an_export_folder_that_cannot_be_made_is_one_sentence(demo, capsys):
    blocker = demo["tmp"] / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    code, out, err = run_cli(["export", "--out", str(blocker / "site-data")], capsys, demo["config"])
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith(f"Error: Cannot write the export to {blocker / 'site-data'}: a part of the path is a file")
    assert "the previous export stays in place" in err and "unexpected" not in err


def test_the_report_names_the_database_relative_to_the_config(demo, capsys):
    out = demo["tmp"] / "report-relative.html"
    code, _, err = run_cli(["report", "--out", str(out)], capsys, demo["config"])
    page = out.read_text(encoding="utf-8")
    assert code == 0 and "from data/work.duckdb." in page and str(demo["tmp"]) not in page
    assert "Report: report-relative.html" in err


def test_no_listing_anywhere_says_what_each_source_gave_and_lost(tmp_path, write_config, capsys):
    from tests.servers import Route, ScriptedServer

    routes = {"/directory/page-1.html": Route(body="<html><body><p>No results.</p></body></html>")}
    with ScriptedServer(routes) as server:
        path = write_config(base_url=server.url + "/")
        code = main(["--config", str(path), "run"])
    err = capsys.readouterr().err
    assert code == 1 and "No source produced any listing (sample_directory: complete, 0 listings, 0 failures" in err


def test_the_demo_records_come_out_right(demo):
    """Display names keep their diacritics, raw fields are JSON objects, an NPPES record's street
    beats its PO box and its state follows its ZIP, a licence listed under two taxonomies is one,
    and records of other taxonomies the loose search brought back are dropped and counted."""
    con = duckdb.connect(str(demo["tmp"] / "data" / "directory.duckdb"), read_only=True)
    try:
        names = {row[0] for row in con.execute("select name from therapists").fetchall()}
        missing = con.execute("select count(*) from listings where raw_fields->>'$.name' is null").fetchone()[0]
        reyna = con.execute(
            "select street, mailing_address, city, state, postal_code, licenses, address_flags from listings "
            "where name = 'Reyna Baldwin'"
        ).fetchone()
    finally:
        con.close()
    assert "Tomás Reyes" in names and "Tomas Reyes" not in names
    assert {"Linh Do", "Kim Ma", "Ann Okafor", "Café do Ponto Massagem"} <= names, "no surname lost to a credential"
    assert missing == 0
    street, mailing, city, state, postal_code, licenses, flags = reyna
    assert (street, mailing, city, state, postal_code) == (
        "2210 S 1st St",
        "PO Box 4471, Austin, TX 78767",
        "Austin",
        "TX",
        "78704",
    )
    assert [(lic["number"], lic["state"]) for lic in licenses] == [("MT199001", "TX")]
    assert flags == ["state_zip_mismatch", "state_from_zip"]
    assert "dropped/other_taxonomy=2" in demo["first"].stderr
