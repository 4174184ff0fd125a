"""Crashes and readers: a load killed with SIGKILL loses nothing and the next run finishes it; a
reader holding the published database during a run keeps working and never sees half a load."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter

import duckdb

from pipeline.config import load_config
from pipeline.database import open_work, publish
from pipeline.geocode.chain import geocode_staged
from pipeline.resolve.resolver import resolve_staged
from pipeline.run.history import utcnow
from pipeline.warehouse.load import load_staged

# A batch of fictional listings written straight into staging, as a scrape would leave it.
STAGE_SYNTHETIC = """
insert into stg_listings by name
select $load_id as load_id, 'sample_directory' as source, $prefix || i as source_key,
    'http://site.samples.test/t/' || $prefix || i as url, 'Therapist ' || $prefix || i as name, 'person' as kind,
    (100 + i)::varchar || ' Main St' as street, 'Austin' as city, 'TX' as state,
    ['78701', '78704', '78745', '78757'][1 + i % 4] as postal_code, 0 as relevance_score, 'none' as relevance_tier,
    [] as techniques, [] as conditions, '2026-01-01'::timestamp as fetched_at,
    ('0x' || left(sha256($prefix || i), 32))::uhugeint as content_hash,  -- 128 bits, as records.content_hash
from range($n) as t(i)
"""


def stage(config, n, prefix, load_id, *, resolve=True):
    with open_work(config.work_database) as warehouse:
        warehouse.con.execute(STAGE_SYNTHETIC, {"n": n, "prefix": prefix, "load_id": load_id})
        if resolve:
            geocode_staged(warehouse, config, Counter(), now=utcnow())
            resolve_staged(warehouse, config, now=utcnow(), counts=Counter())


def published(config, n):
    """A first run of n listings, loaded and published."""
    stage(config, n, "a", "r1")
    with open_work(config.work_database) as warehouse:
        load_staged(config, warehouse, now=utcnow(), counts=Counter())
    publish(config.work_database, config.database)
    return config


def count(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def cli(config, *args, **kwargs):
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "--config", str(config.path), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_a_load_killed_with_sigkill_leaves_the_last_state_and_the_next_run_finishes_it(write_config):
    config = published(load_config(write_config()), 1_000)
    # Big enough that the load outlasts the pause below on a fast machine (0.3 s after the start
    # of a load of 12,000 came after its commit); a kill before its transaction began is fine too.
    stage(config, 40_000, "b", "r2")

    process = cli(config, "-v", "load")
    for line in process.stderr:
        if "stage load started" in line:
            break
    time.sleep(0.1)  # most likely inside the load's transaction (about half a second)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    # The published snapshot is untouched, and the working database holds one consistent state.
    assert count(config.database, "select count(*) from listings") == 1_000
    with open_work(config.work_database) as warehouse:
        listings, staged, history = warehouse.con.execute(
            "select (select count(*) from listings), (select count(*) from stg_listings), "
            "(select count(*) from listing_history)"
        ).fetchone()
    assert (listings, staged, history) in {(1_000, 40_000, 1_000)}, "the load finished before the kill"

    # The next run completes the work.
    process = cli(config, "load")
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert count(config.database, "select count(*) from listings where active") == 41_000
    assert count(config.database, "select count(*) from listing_history where valid_to is null") == 41_000
    assert count(config.database, "select count(*) from therapists") == 41_000
    assert count(config.work_database, "select count(*) from stg_listings") == 0


def test_a_reader_holding_the_published_database_during_a_run_is_never_blocked(write_config):
    config = published(load_config(write_config()), 500)
    stage(config, 5_000, "b", "r2", resolve=False)

    reader = duckdb.connect(str(config.database), read_only=True)
    try:
        process = cli(config, "load")
        seen = set()
        while process.poll() is None:  # query all through the run: never an error, never half a load
            seen.add(reader.execute("select count(*) from listings").fetchone()[0])
            time.sleep(0.005)  # a busy loop would take the core the run needs
        _, err = process.communicate()
        assert process.returncode == 0, err
        assert seen == {500}
        assert reader.execute("select count(*) from therapists").fetchone()[0] == 500
    finally:
        reader.close()
    assert count(config.database, "select count(*) from listings") == 5_500
