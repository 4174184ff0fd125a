"""Loads over successive runs: additions, changes, removals, a failed crawl, reactivation, stable IDs."""

import hashlib
import json
import shutil
from collections import Counter
from datetime import timedelta

import duckdb
import pytest

from pipeline.config import load_config
from pipeline.database import Warehouse, open_work
from pipeline.errors import NothingToDo
from pipeline.run import runner
from pipeline.run.history import utcnow
from pipeline.warehouse.load import load_staged, rebuild_params, survivorship_ranks
from tests.geocode.staged import staged_row
from tests.servers import Route, ScriptedServer
from tests.sources.sitebuilder import profile, site

STAGES = ["scrape", "geocode", "resolve", "load"]


def rows(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def listing_state(config):
    return {
        key.rsplit("/", 1)[-1]: (active, therapist_id, str(updated), str(last_seen))
        for key, active, therapist_id, updated, last_seen in rows(
            config.database, "select source_key, active, therapist_id, updated_at, last_seen from listings"
        )
    }


@pytest.fixture
def scripted_site(write_config):
    pages = {
        "ana": profile(
            "Ana Ruiz, LMT", phone="(512) 555-0101", services=("Deep tissue massage", "Trigger point therapy")
        ),
        "ben": profile("Ben Cho", phone="512-555-0102", zip_code="78704", services=("Neuromuscular therapy",)),
        "cara": profile("Cara Diaz", phone="512.555.0103", zip_code="78745", services=("Swedish massage",)),
        "ana-again": profile("ANA M. RUIZ", zip_code="78701", services=("Myofascial release",)),
    }
    with ScriptedServer(site(pages)) as server:
        config = load_config(write_config(base_url=server.url + "/"))
        yield config, server, pages


def test_three_loads_track_changes_removals_and_failures(scripted_site):
    config, server, pages = scripted_site

    # Run 1: four listings, two of them the same therapist.
    first = runner.execute(config, "run", STAGES)
    assert first.published and not first.partial
    state1 = listing_state(config)
    assert set(state1) == {"ana.html", "ben.html", "cara.html", "ana-again.html"}
    assert state1["ana.html"][1] == state1["ana-again.html"][1], "duplicates resolve to one therapist"
    assert rows(config.database, "select count(*) from therapists") == [(3,)]

    # Run 2: Ben changes, Cara vanishes, Dee appears; Ana is unchanged.
    pages["ben"] = profile(
        "Ben Cho", phone="512-555-0102", zip_code="78704", services=("Neuromuscular therapy", "Sciatica relief")
    )
    del pages["cara"]
    pages["dee"] = profile("Dee Fox", phone="512-555-0104", services=("Myofascial release",))
    server.routes.update(site(pages))
    second = runner.execute(config, "run", STAGES)
    assert (
        second.run.counts["load/changed"],
        second.run.counts["load/new"],
        second.run.counts["load/unchanged"],
        second.run.counts["load/deactivated"],
    ) == (1, 1, 2, 1)
    state2 = listing_state(config)
    assert state2["cara.html"][0] is False, "a vanished listing is kept, inactive"
    assert state2["ana.html"][1:3] == state1["ana.html"][1:3], "unchanged: same ID, same updated_at"
    assert state2["ana.html"][3] > state1["ana.html"][3], "unchanged: last_seen moves"
    assert state2["ben.html"][1] == state1["ben.html"][1] and state2["ben.html"][2] > state1["ben.html"][2]
    assert rows(config.database, "select techniques, conditions from therapists where name = 'Ben Cho'") == [
        (["neuromuscular"], ["sciatica"])
    ]
    cara = rows(config.database, "select active from therapists where name = 'Cara Diaz'")
    assert cara == [(False,)]

    # Run 3: the list page fails. Nothing is deactivated and the published snapshot stays.
    before = listing_state(config)
    server.routes["/directory/page-1.html"] = Route(status=503, body="down")
    with pytest.raises(NothingToDo, match="previous snapshot stays published"):
        runner.execute(config, "run", STAGES)
    assert listing_state(config) == before
    assert rows(config.database, "select status from crawls order by started_at desc limit 1") == [("complete",)], (
        "the published copy predates the failed run"
    )
    assert rows(config.work_database, "select status from crawls order by started_at desc limit 1") == [("failed",)]

    # Run 4: Cara returns and is reactivated under her old ID.
    pages["cara"] = profile("Cara Diaz", phone="512.555.0103", zip_code="78745", services=("Swedish massage",))
    server.routes.update(site(pages))
    runner.execute(config, "run", STAGES)
    state4 = listing_state(config)
    assert state4["cara.html"][0] is True and state4["cara.html"][1] == state1["cara.html"][1]
    runs = rows(config.work_database, "select command, status from pipeline_runs order by started_at")
    assert [status for _, status in runs] == ["ok", "ok", "failed", "ok"]

    # History: a version per change, each closed when the next opened, one open version per listing.
    history = rows(
        config.database,
        "select regexp_extract(source_key, '[^/]+$'), change, valid_to is null "
        "from listing_history order by source_key, valid_from",
    )
    versions = {}
    for key, change, current in history:
        versions.setdefault(key, []).append((change, current))
    assert versions["ben.html"] == [("new", False), ("changed", True)]
    assert versions["cara.html"] == [("new", False), ("deactivated", False), ("reactivated", True)]
    assert versions["ana.html"] == [("new", True)], "an unchanged listing gets no new version"
    assert versions["dee.html"] == [("new", True)]
    # Every row carries the run that wrote it.
    for table in ("listings", "therapists", "listing_history", "therapist_ids"):
        assert rows(config.database, f"select count(*) from {table} where load_id is null") == [(0,)], table
    load_ids = {row[0] for row in rows(config.database, "select load_id from listing_history")}
    assert load_ids <= {row[0] for row in rows(config.database, "select run_id from pipeline_runs")}


def test_an_unchanged_reload_moves_only_last_seen(scripted_site):
    config, _, _ = scripted_site
    runner.execute(config, "run", STAGES)
    before = rows(config.database, "select * exclude (last_seen) from listings order by source_key")
    therapists = rows(config.database, "select * exclude (last_seen) from therapists order by therapist_id")
    history = rows(config.database, "select * from listing_history order by source_key, valid_from")
    seen = rows(config.database, "select max(last_seen) from listings")
    report = runner.execute(config, "run", STAGES)
    assert report.run.counts["load/unchanged"] == 4 and report.run.counts["load/therapists_rebuilt"] == 0
    assert rows(config.database, "select * exclude (last_seen) from listings order by source_key") == before
    assert rows(config.database, "select * exclude (last_seen) from therapists order by therapist_id") == therapists
    assert rows(config.database, "select * from listing_history order by source_key, valid_from") == history
    assert rows(config.database, "select min(last_seen) from listings") > seen
    assert rows(config.database, "select min(last_seen) from therapists") > seen


def test_a_partial_crawl_deactivates_nothing(scripted_site):
    config, server, pages = scripted_site
    runner.execute(config, "run", STAGES)
    server.routes["/t/ben.html"] = Route(status=500, body="error")  # one profile fails: partial crawl
    del server.routes["/t/cara.html"]  # and one vanishes (404 now)
    report = runner.execute(config, "run", STAGES)
    assert report.partial and report.published
    state = listing_state(config)
    assert all(active for active, *_ in state.values()), "a partial crawl must not deactivate"


def test_stages_run_one_by_one_resume_from_staging(scripted_site):
    config, _, _ = scripted_site
    for stage in ["scrape", "geocode", "resolve", "load"]:
        runner.execute(config, stage, [stage])
    assert rows(config.database, "select count(*) from listings where active") == [(4,)]
    assert rows(config.work_database, "select count(*) from stg_listings") == [(0,)]
    with pytest.raises(NothingToDo, match="run `therapists scrape` first"):
        runner.execute(config, "load", ["load"])


def test_one_unreachable_source_gives_exit_3_and_publishes_the_rest(write_config, capsys):
    from pipeline.cli import main
    from tests.servers import ScriptedServer as Closed

    with Closed() as gone:
        dead = gone.url  # the port is closed once the server stops
    extra = f"""
[sources.gone_directory]
kind = "html"
base_url = "{dead}/"
start_urls = ["/list.html"]
delay_seconds = 0.0
[sources.gone_directory.selectors]
card = "article"
detail_link = "a"
[sources.gone_directory.fields]
name = "h1"
"""
    path = write_config(extra)
    assert main(["--config", str(path), "run"]) == 3
    err = capsys.readouterr().err
    assert "source gone_directory: failed" in err and "could not be fetched (connection)" in err
    assert "source sample_directory: complete, 72 listings" in err and "Database:" in err
    assert rows(path.parent / "data" / "directory.duckdb", "select count(*) from listings") == [(72,)]
    failures = rows(path.parent / "data" / "work.duckdb", "select source, reason from fetch_failures")
    assert ("gone_directory", "robots_unavailable") in failures


@pytest.mark.xdist_group(name="demo")
def test_the_one_listing_fast_path_builds_what_the_grouped_rebuild_builds(demo, tmp_path):
    """sql/load/rebuild_therapists.sql projects a therapist formed by one listing instead of ranking
    and grouping it: on the demo's listings, with some made inactive and some stale, both ways give
    the same therapists, column for column, and so does a full rebuild."""
    assert demo["first"].returncode == 0, demo["first"].stderr
    config = load_config(demo["config"])
    work = tmp_path / "work.duckdb"
    shutil.copy(config.work_database, work)
    now = utcnow()
    built = {}
    with open_work(work) as warehouse:
        warehouse.con.execute("update listings set active = false where hash(source_key) % 7 = 0")
        warehouse.con.execute(
            "update listings set last_seen = last_seen - interval 400 days where hash(source_key) % 5 = 0"
        )
        # Some listings say nothing a survivorship choice could name.
        warehouse.con.execute(
            "update listings set name = null, business_name = null, phone = null, website = null, email = null,"
            " street = null, city = null, postal_code = null, lat = null, lon = null, description = null,"
            " opening_hours = null, npi = null where hash(source_key) % 11 = 0"
        )
        # Lists as a listing may hold them: unsorted, repeated, a lone null, evidence out of order.
        warehouse.con.execute(
            "update listings set techniques = ['trigger_point', 'deep_tissue', 'trigger_point'],"
            " conditions = ['sciatica'], credentials = [null], languages = ['es', 'en', 'es'],"
            " payment_accepted = [null], evidence = list_reverse(evidence) where hash(source_key) % 13 = 0"
        )
        warehouse.con.execute("create or replace temp table load_scope as select therapist_id from therapists")
        warehouse.stage_rows("load/survivorship_ranks.sql", survivorship_ranks(config))
        stale_before = now - timedelta(days=365)
        # The scope is every therapist, so a full rebuild (which skips reading the scope) is the same too.
        for solo, full in ((True, False), (True, True), (False, False)):
            params = {**rebuild_params(config, stale_before, "x"), "solo": solo, "full": full}
            warehouse.run("load/rebuild_therapists.sql", params)
            if solo:
                solos = warehouse.con.execute("select count(*) from rebuilt_solo").fetchall()[0][0]
                assert solos > 50, "most demo therapists have one listing"
            built[solo, full] = warehouse.con.execute("select * from rebuilt order by therapist_id").fetchall()
    assert len(built[True, False]) > 100
    assert built[True, False] == built[True, True] == built[False, False]


@pytest.mark.xdist_group(name="demo")
def test_provenance_is_stored_where_listings_meet_and_the_view_names_every_field(demo, capsys):
    """A therapist formed by one listing stores no provenance (every field is that listing's): the
    view therapist_provenance and `explain` name it; one formed by several stores its choices."""
    from pipeline.cli import main

    assert demo["first"].returncode == 0, demo["first"].stderr
    config = load_config(demo["config"])
    con = duckdb.connect(str(config.database), read_only=True)
    try:
        met = con.execute(
            "select t.provenance is not null, t.therapist_id in (select therapist_id from listings where therapist_id"
            " is not null group by all having count(*) > 1 union select therapist_id from site_links) as met, count(*)"
            " from therapists as t group by all order by all"
        ).fetchall()
        assert [stored for stored, was_met, _ in met] == [was_met for stored, was_met, _ in met] == [False, True]
        assert all(n > 5 for *_, n in met), "the demo has both kinds"
        solo_id, source, key = con.execute(
            "select t.therapist_id, l.source, l.source_key from therapists as t join listings as l"
            " using (therapist_id) where t.provenance is null and t.name is not null and t.phone is not null"
            " order by all limit 1"
        ).fetchone()
        fields = dict(
            con.execute(
                "select field, source || ':' || source_key from therapist_provenance where therapist_id = ?",
                [solo_id],
            ).fetchall()
        )
        assert {"name", "phone", "address"} <= fields.keys() and set(fields.values()) == {f"{source}:{key}"}
        # The view holds what is stored, entry for entry, for the others.
        assert (
            con.execute(
                "select count(*) from therapist_provenance where therapist_id in"
                " (select therapist_id from therapists where provenance is not null)"
            ).fetchone()
            == con.execute("select sum(len(provenance)) from therapists").fetchone()
        )
        # Every therapist is named in it, and a listing that gives no field has no entry ([], not [''] or null).
        assert con.execute(
            "select count(*) from therapists where therapist_id not in (select therapist_id from therapist_provenance)"
        ).fetchone() == (0,)
        nothing = ", ".join(["null"] * 12)
        assert con.execute(f"select listing_provenance('s', 'k', {nothing})").fetchone() == ([],)
    finally:
        con.close()
    assert main(["--config", str(demo["config"]), "explain", solo_id]) == 0
    assert f"Field provenance: name from {source}:{key}; " in capsys.readouterr().out


def test_a_listing_hashed_before_the_integer_hash_reads_as_unchanged_after_it(tmp_path):
    """Migration 0021 keeps the first 128 bits of each stored SHA-256 hex digest, which is what
    records.content_hash now gives: a listing loaded before it and fetched unchanged after it is
    'unchanged', not rewritten."""
    row = staged_row("kept")
    stable = {key: value for key, value in row.items() if key not in ("fetched_at", "raw_sha256", "content_hash")}
    payload = json.dumps(stable, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    before = hashlib.sha256(payload.encode()).hexdigest()  # what the load stored until migration 0021
    with Warehouse(tmp_path / "old.duckdb") as warehouse:
        warehouse.migrate(upto=20)
        warehouse.con.execute(
            "insert into listings (source, source_key, content_hash, active) values (?, ?, ?, true)",
            [row["source"], row["source_key"], before],
        )
    with open_work(tmp_path / "old.duckdb") as warehouse:
        warehouse.stage_rows("scrape/insert_staged.sql", [row], {"load_id": "r2"})
        assert warehouse.run("load/diff.sql") == [("unchanged", 1)]
        (kind,) = warehouse.con.execute(
            "select data_type from duckdb_columns() where column_name = 'content_hash'"
            " and table_name = 'listing_versions'"
        ).fetchone()
    assert kind == "UHUGEINT"


def test_a_slug_someone_else_had_is_never_handed_to_another(tmp_path, config):
    """A retired slug stays its therapist's: the next one wanting it gets it with its ID's start."""

    def load(rows, hours):
        warehouse.stage_rows("scrape/insert_staged.sql", rows, {"load_id": f"r{hours}"})
        load_staged(config, warehouse, now=utcnow() + timedelta(hours=hours), counts=Counter())
        return dict(
            warehouse.con.execute(
                "select source_key, slug from listings join therapists using (therapist_id)"
            ).fetchall()
        )

    jane = {"city": "Austin", "state": "TX", "postal_code": "78701"}
    with open_work(tmp_path / "w.duckdb") as warehouse:
        assert load([staged_row("a", name="Jane Doe", **jane)], 0) == {"a": "jane-doe-austin"}
        renamed = staged_row("a", name="Jane Smith", **jane)
        assert load([renamed], 1) == {"a": "jane-smith-austin"}
        other = staged_row("b", name="Jane Doe", street="9 Oak St", **jane)  # a's old slug
        slugs = load([renamed, other], 2)
        (b_id,) = warehouse.con.execute("select therapist_id from listings where source_key = 'b'").fetchone()
    assert slugs == {"a": "jane-smith-austin", "b": f"jane-doe-austin-{b_id[1:8]}"}
