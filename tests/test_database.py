"""The warehouse: migrations applied once, persisted macros, SQL file handling, atomic publish."""

import errno
import os
import random
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.database import ROW_GROUP_SIZE, SQL_DIR, Warehouse, open_work, publish, statements
from pipeline.errors import DiskError, NothingToDo, WarehouseError


def test_migrations_apply_once_and_are_recorded(tmp_path):
    path = tmp_path / "w.duckdb"
    with Warehouse(path) as warehouse:
        applied = warehouse.migrate()
        assert applied == sorted(p.name for p in (SQL_DIR / "migrations").glob("[0-9]*.sql"))
        assert warehouse.migrate() == []
    with Warehouse(path) as warehouse:
        assert warehouse.migrate() == []
        versions = warehouse.con.execute("select version, name from schema_migrations order by 1").fetchall()
    assert [name for _, name in versions] == applied


def test_views_are_re_created_only_when_their_files_change(tmp_path):
    path = tmp_path / "w.duckdb"
    open_work(path).close()
    with duckdb.connect(str(path)) as con:
        con.execute("drop view listing_history")
    with open_work(path) as warehouse:  # the files are the ones it was made from: nothing re-run
        views = warehouse.con.execute("select view_name from duckdb_views() where not internal").fetchall()
        assert ("listing_history",) not in views
        # As if a file of sql/views/ had changed since (or the engine).
        warehouse.con.execute("update derived_settings set fingerprint = 'older' where name = 'views'")
    with open_work(path) as warehouse:
        assert warehouse.con.execute("select count(*) from listing_history").fetchone() == (0,)


def test_public_tables_and_macros_exist(tmp_path):
    with open_work(tmp_path / "w.duckdb") as warehouse:
        tables = {row[0] for row in warehouse.con.execute("select table_name from duckdb_tables()").fetchall()}
        macros = {
            row[0]
            for row in warehouse.con.execute(
                "select function_name from duckdb_functions() where function_type in ('macro', 'table_macro')"
            ).fetchall()
        }
    assert {"therapists", "listings", "pipeline_runs", "quality_results", "geocode_cache", "raw_responses"} <= tables
    assert {"haversine_miles", "therapists_near", "tier_rank", "exportable_therapists"} <= macros


def test_slugs_are_safe_file_names(tmp_path):
    with open_work(tmp_path / "w.duckdb") as warehouse:
        names = [
            "Con", "COM1", "com10", "lpt9", "aux", "Auxx", "Tomás O'Neil", "<b>", "",
            "Ana\x01Bé\x7fLu", "D’Arcy  J. 2nd / Ste 5", "--Zoë--", "X" * 90 + " Y",
        ]  # fmt: skip
        slugs = warehouse.con.execute("select [slugify(n, null) for n in $names]", {"names": names}).fetchall()[0][0]
    assert slugs == [
        "con-therapist", "com1-therapist", "com10", "lpt9-therapist", "aux-therapist",
        "auxx", "tomas-oneil", "therapist", "therapist",
        "ana-be-lu", "darcy-2nd-ste-5", "zoe", "x" * 80,
    ]  # fmt: skip


def test_haversine_matches_a_known_distance(tmp_path):
    with open_work(tmp_path / "w.duckdb") as warehouse:
        # Austin to Denver: about 775 statute miles great-circle.
        miles = warehouse.con.execute("select haversine_miles(30.2672, -97.7431, 39.7392, -104.9903)").fetchall()[0][0]
    assert 770 < miles < 780


def test_therapists_near_agrees_with_a_full_scan(tmp_path):
    """The bounding box must never drop a row the exact distance would keep."""
    rng = random.Random(7)
    with open_work(tmp_path / "w.duckdb") as warehouse:
        con = warehouse.con
        con.execute("select setseed(0.7)")
        con.execute(
            "insert into therapists (therapist_id, name, lat, lon, active) "
            "select 't' || i, 'n' || i, 25 + random() * 24, -124 + random() * 57, true from range(3000) as r(i)"
        )
        for _ in range(25):
            lat, lon, miles = rng.uniform(26, 48), rng.uniform(-123, -68), rng.choice([5, 25, 100, 300])
            near = con.execute("select therapist_id from therapists_near(?, ?, ?)", [lat, lon, miles]).fetchall()
            scan = con.execute(
                "select therapist_id from therapists where haversine_miles(?, ?, lat, lon) <= ? "
                "order by haversine_miles(?, ?, lat, lon), therapist_id",
                [lat, lon, miles, lat, lon],
            ).fetchall()
            assert near == scan


def test_statement_splitter_respects_quotes_and_comments():
    assert statements("migrations/0002_macros.sql")
    text = statements("scrape/insert_staged.sql")
    assert len(text) == 1 and "read_json" in text[0]


def test_missing_published_database_is_a_clear_error(tmp_path):
    with pytest.raises(NothingToDo, match="run `make demo`"):
        Warehouse(tmp_path / "absent.duckdb", read_only=True)


def test_a_locked_database_is_a_clear_error(tmp_path):
    path = tmp_path / "w.duckdb"
    holder = duckdb.connect(str(path))
    try:
        import subprocess
        import sys

        code = (
            "from pipeline.database import Warehouse\nfrom pipeline.errors import WarehouseError\n"
            f"try:\n    Warehouse({str(path)!r})\nexcept WarehouseError as e:\n    print(e)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    finally:
        holder.close()
    assert "in use by another process" in out


def test_publish_replaces_atomically_and_keeps_open_readers_working(tmp_path):
    work, published = tmp_path / "work.duckdb", tmp_path / "pub.duckdb"
    with open_work(work) as warehouse:
        warehouse.con.execute("insert into therapists (therapist_id, name, active) values ('t1', 'One', true)")
    publish(work, published)
    reader = duckdb.connect(str(published), read_only=True)
    with Warehouse(work) as warehouse:
        warehouse.con.execute("insert into therapists (therapist_id, name, active) values ('t2', 'Two', true)")
    publish(work, published)
    # The open reader still sees its snapshot; a new reader sees the new one.
    assert reader.execute("select count(*) from therapists").fetchall() == [(1,)]
    reader.close()
    with Warehouse(published, read_only=True) as fresh:
        assert fresh.con.execute("select count(*) from therapists").fetchall() == [(2,)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pub.duckdb", "work.duckdb"]


def test_failed_sql_names_the_file(tmp_path):
    with open_work(tmp_path / "w.duckdb") as warehouse, pytest.raises(WarehouseError, match="sql/load/merge.sql"):
        warehouse.run("load/merge.sql", {"now": "not a timestamp"})


def test_the_published_file_is_readable_by_everyone_like_any_new_file(tmp_path):
    work, published = tmp_path / "w.duckdb", tmp_path / "out" / "directory.duckdb"
    open_work(work).close()
    publish(work, published)
    assert published.stat().st_mode & 0o777 == 0o666 & ~_umask(), "a web server or a teammate must read it"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_full_disk_while_publishing_says_so_and_keeps_the_snapshot(tmp_path, monkeypatch):
    work, published = tmp_path / "w.duckdb", tmp_path / "directory.duckdb"
    open_work(work).close()
    publish(work, published)
    before = published.read_bytes()

    def full(src, dst, **kwargs):
        Path(dst).write_bytes(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full)
    with pytest.raises(DiskError) as caught:
        publish(work, published)
    assert str(caught.value) == f"cannot publish {published}: the disk is full; the previous snapshot stays published"
    assert published.read_bytes() == before and not list(tmp_path.glob(".directory.duckdb.*"))


def test_the_writer_cuts_row_groups_of_the_configured_size(tmp_path):
    """A writing connection attaches the file with ROW_GROUP_SIZE (DuckDB's default is 122,880):
    a bulk insert of a few 10^4 rows then goes straight to the file in full row groups, with no
    trip through the WAL. The setting lives in the connection, not the file: a reopened one keeps it."""
    rows = ROW_GROUP_SIZE * 2 + 5
    for _ in range(2):
        with Warehouse(tmp_path / "work.duckdb") as warehouse:
            warehouse.con.execute("create or replace table numbers as select range as i from range($n)", {"n": rows})
            warehouse.checkpoint()
            groups = warehouse.con.execute("select count(distinct row_group_id) from pragma_storage_info('numbers')")
            assert groups.fetchone()[0] == 3


def test_a_file_a_newer_engine_created_still_opens(tmp_path):
    """The writer asks for the 1.5 storage format only for files it creates: one that DuckDB 2.0
    wrote in its own format (say, by hand from Python) opens rather than being refused."""
    path = tmp_path / "newer.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table kept as select 1 as i")
    con.close()
    with Warehouse(path) as warehouse:
        assert warehouse.con.execute("select i from kept").fetchall() == [(1,)]
