"""Data-quality checks: each one fails on a crafted bad row; an error check blocks publishing
unless --force, and every result is recorded in quality_results."""

import shutil
from collections import Counter

import duckdb
import pytest

from pipeline.config import load_config
from pipeline.database import open_work
from pipeline.errors import ChecksFailed
from pipeline.run import runner
from pipeline.run.history import utcnow
from pipeline.warehouse import checks
from pipeline.warehouse.load import load_staged
from tests.conftest import OTHER_SOURCES, ROOT
from tests.warehouse.test_atomicity import STAGE_SYNTHETIC

FIRST = "(select min(therapist_id) from therapists)"
BAD_ROWS = {
    "therapists_unique_id": "insert into therapists select * from therapists limit 1",
    "therapists_required_fields": f"update therapists set name = ' ' where therapist_id = {FIRST}",
    "therapists_have_source": f"update listings set active = false where therapist_id = {FIRST}",
    "therapists_tier_matches_score": (
        f"update therapists set relevance_tier = 'high', relevance_score = 5 where therapist_id = {FIRST}"
    ),
    "therapists_techniques_known": f"update therapists set techniques = ['levitation'] where therapist_id = {FIRST}",
    "listings_unique_key": "insert into listings select * from listings limit 1",
    "active_count_drop": "insert into pipeline_runs (run_id, command, started_at, status, counts) values "
    "('earlier', 'run', now()::timestamp - interval 1 day, 'ok', '{\"load/active_therapists\": 1000}')",
    "therapists_state_code": f"update therapists set state = 'XX' where therapist_id = {FIRST}",
    "therapists_postal_code_format": f"update therapists set postal_code = '7870' where therapist_id = {FIRST}",
    "therapists_phone_e164": f"update therapists set phone = '512-555-0100' where therapist_id = {FIRST}",
    "therapists_coordinates_in_us": f"update therapists set lat = 51.5, lon = -0.12 where therapist_id = {FIRST}",
    "therapists_near_their_zip":  # Dallas coordinates on an Austin ZIP
    f"update therapists set lat = 32.78, lon = -96.80, postal_code = '78701' where therapist_id = {FIRST}",
    "therapists_slug_unique": f"update therapists set slug = null where therapist_id = {FIRST}",
    "sources_fresh": "update crawls set finished_at = finished_at - interval 30 days",
    "listings_state_zip_mismatch": "update listings set address_flags = ['state_zip_mismatch'] "
    "where therapist_id = " + FIRST,
}


@pytest.fixture(scope="module")
def healthy(tmp_path_factory):
    """A working database with 100 healthy therapists and a fresh complete crawl, built once."""
    folder = tmp_path_factory.mktemp("healthy")
    shipped = (ROOT / "pipeline.toml").read_text(encoding="utf-8").split(OTHER_SOURCES, 1)[0]
    (folder / "pipeline.toml").write_text(shipped.replace('"vocabulary.toml"', f'"{ROOT / "vocabulary.toml"}"'))
    config = load_config(folder / "pipeline.toml")
    with open_work(config.work_database) as warehouse:
        warehouse.con.execute(STAGE_SYNTHETIC, {"n": 100, "prefix": "c", "load_id": "r1"})
        load_staged(config, warehouse, now=utcnow(), counts=Counter())
        warehouse.con.execute(
            "insert into crawls (run_id, source, started_at, finished_at, status) "
            "values ('r1', 'sample_directory', now()::timestamp, now()::timestamp, 'complete')"
        )
    return config.work_database


@pytest.fixture
def loaded(write_config, healthy):
    """A copy of the healthy database for one test to spoil."""
    config = load_config(write_config())
    config.work_database.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(healthy, config.work_database)
    return config


def failing(config):
    with open_work(config.work_database) as warehouse:
        return {r.name for r in checks.run_checks(config, warehouse, run_id="t", now=utcnow()) if r.failed}


def test_every_check_has_a_crafted_bad_row():
    assert set(BAD_ROWS) == set(checks.check_names())


def test_healthy_data_passes_every_check(loaded):
    assert failing(loaded) == set()


@pytest.mark.parametrize("name", sorted(BAD_ROWS))
def test_each_check_fails_on_its_bad_row(loaded, name):
    with open_work(loaded.work_database) as warehouse:
        warehouse.con.execute(BAD_ROWS[name])
    assert name in failing(loaded)
    con = duckdb.connect(str(loaded.work_database), read_only=True)
    try:
        recorded = con.execute(
            "select severity, failing_rows from quality_results where check_name = ? and run_id = 't'", [name]
        ).fetchall()
    finally:
        con.close()
    assert recorded and recorded[0][1] > 0


def test_an_error_check_blocks_publishing_unless_forced(loaded):
    with open_work(loaded.work_database) as warehouse:
        warehouse.con.execute(STAGE_SYNTHETIC, {"n": 10, "prefix": "d", "load_id": "r2"})
        warehouse.con.execute(BAD_ROWS["active_count_drop"])  # 1,000 before, 110 now
    with pytest.raises(ChecksFailed, match="active_count_drop"):
        runner.execute(loaded, "load", ["load"])
    assert not loaded.database.exists(), "nothing was published"
    with open_work(loaded.work_database) as warehouse:
        warehouse.con.execute(STAGE_SYNTHETIC, {"n": 10, "prefix": "e", "load_id": "r3"})
    report = runner.execute(loaded, "load", ["load"], force=True)
    assert report.published and loaded.database.exists()
