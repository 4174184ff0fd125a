"""Export: a failure leaves the previous export whole; the folder is swapped, never half-written."""

import json
from pathlib import Path

import duckdb
import pytest

from pipeline.database import Warehouse, open_work
from pipeline.errors import WarehouseError
from pipeline.publish.export import export


def test_failed_export_keeps_the_previous_one(tmp_path):
    out = tmp_path / "export"
    out.mkdir()
    (out / "therapists.json").write_text("[previous]")
    broken = tmp_path / "broken.duckdb"
    duckdb.connect(str(broken)).close()  # a database without our tables
    refused = pytest.raises(WarehouseError, match="sql/export/fingerprint.sql")
    with Warehouse(broken, read_only=True) as warehouse, refused:
        export(warehouse, out, min_tier="low", source_kinds={})
    assert (out / "therapists.json").read_text() == "[previous]"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.duckdb", "export"], "no temp folder left behind"


def test_empty_database_exports_valid_empty_files(tmp_path):
    with open_work(tmp_path / "w.duckdb") as warehouse:
        result = export(warehouse, tmp_path / "export", min_tier="low", source_kinds={})
    assert result.therapists == 0
    assert json.loads((tmp_path / "export" / "therapists.json").read_text()) == []
    assert (tmp_path / "export" / "therapists.geojson").read_text() == '{"type":"FeatureCollection","features":[\n]}\n'
    assert (tmp_path / "export").stat().st_mode & 0o755 == 0o755


# ---- the website's files: schema, slugs, incremental rewrite, determinism, kills -------------

import os  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from datetime import timedelta  # noqa: E402

import jsonschema  # noqa: E402

from pipeline.config import load_config  # noqa: E402
from pipeline.database import publish  # noqa: E402
from pipeline.publish.export import SCHEMA  # noqa: E402
from pipeline.run.history import utcnow  # noqa: E402
from pipeline.warehouse.load import load_staged  # noqa: E402
from tests.resolve.test_resolve import listing  # noqa: E402

SERVICES = "Deep tissue massage and trigger point therapy for sciatica."
T0 = utcnow()


def therapist(key, name, **kwargs):
    row = listing(key, name, **kwargs)
    row.update(
        description=SERVICES,
        techniques=["deep_tissue", "trigger_point"],
        conditions=["sciatica"],
        relevance_score=100,
        relevance_tier="high",
    )
    return row


def load(config, rows, load_id, now):
    with open_work(config.work_database) as warehouse:
        warehouse.stage_rows("scrape/insert_staged.sql", rows, {"load_id": load_id})
        load_staged(config, warehouse, now=now, counts=Counter())
    publish(config.work_database, config.database)


def export_published(config, out):
    with Warehouse(config.database, read_only=True) as warehouse:
        return export(warehouse, out, min_tier="low", source_kinds={"sample_directory": "html"})


def validate_all(out):
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))
    records = json.loads((out / "therapists.json").read_text())
    ndjson = [json.loads(line) for line in (out / "therapists.ndjson").read_text().splitlines()]
    files = [json.loads(p.read_text()) for p in sorted((out / "therapists").iterdir())]
    assert records == ndjson and sorted(records, key=lambda r: r["therapist_id"]) == sorted(
        files, key=lambda r: r["therapist_id"]
    )
    for record in records:
        validator.validate(record)
    return records


def test_the_schema_is_2020_12_and_documents_every_field():
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert all(spec.get("description") for spec in schema["properties"].values())


def test_demo_export_validates_and_is_complete(tmp_path, write_config):
    config = load_config(write_config())
    rows = [
        therapist(f"k{i}", f"Person Number{'abcdefghij'[i]}", phone=f"512-555-01{i:02d}", street=f"{i + 1} Main St")
        for i in range(10)
    ]
    load(config, rows, "r1", T0)
    out = tmp_path / "export"
    export_published(config, out)
    records = validate_all(out)
    assert len(records) == 10 and {r["slug"] for r in records} == {f"person-number{c}-austin" for c in "abcdefghij"}
    assert records[0]["phone_display"].startswith("(512) 555-01")
    manifest = json.loads((out / "manifest.json").read_text())
    assert set(manifest["files"]) == {
        "therapists.json",
        "therapists.ndjson",
        "therapists.geojson",
        "facets.json",
        "redirects.json",
        "schema/therapist.schema.json",
    }
    for name, entry in manifest["files"].items():
        assert file_sha(out / name) == entry["sha256"]
    for entry in manifest["therapists"].values():
        assert file_sha(out / "therapists" / f"{entry['slug']}.json") == entry["sha256"]
    assert manifest["changes"]["added"] == sorted(manifest["therapists"]) and manifest["run_id"] == "r1"
    assert manifest["generated_at"] and manifest["sources"][0]["license"]
    facets = json.loads((out / "facets.json").read_text())
    assert facets["state"] == {"TX": 10} and facets["technique"] == {"deep_tissue": 10, "trigger_point": 10}
    assert facets["tier"] == {"high": 10} and facets["city"] == {"Austin, TX": 10}


def file_sha(path):
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_incremental_export_keeps_unchanged_files_and_reports_changes(tmp_path, write_config):
    config = load_config(write_config())
    ana = therapist("ana", "Ana Ruiz", phone="512-555-0101", street="1 Main St")
    ben = therapist("ben", "Ben Cho", phone="512-555-0102", street="2 Main St")
    cara = therapist("cara", "Cara Diaz", phone="512-555-0103", street="3 Main St")
    load(config, [ana, ben, cara], "r1", T0)
    out = tmp_path / "export"
    export_published(config, out)
    first = json.loads((out / "manifest.json").read_text())
    slugs = {tid: entry["slug"] for tid, entry in first["therapists"].items()}
    mtimes = {slug: (out / "therapists" / f"{slug}.json").stat().st_mtime_ns for slug in slugs.values()}
    time.sleep(0.05)

    # Ben changes, Cara goes (a complete crawl without her), Dee arrives.
    ben2 = therapist("ben", "Ben Cho", phone="512-555-0109", street="2 Main St")
    dee = therapist("dee", "Dee Fox", phone="512-555-0104", street="4 Main St")
    with open_work(config.work_database) as warehouse:
        warehouse.con.execute(
            "insert into crawls (run_id, source, status) values ('r2', 'sample_directory', 'complete')"
        )
    load(config, [ana, ben2, dee], "r2", T0 + timedelta(days=1))
    result = export_published(config, out)
    manifest = json.loads((out / "manifest.json").read_text())
    ids = {entry["slug"]: tid for tid, entry in manifest["therapists"].items()}
    assert result.kept == 1 and result.written == 2
    assert manifest["changes"] == {
        "added": [ids["dee-fox-austin"]],
        "changed": [ids["ben-cho-austin"]],
        "removed": [tid for tid, slug in slugs.items() if slug == "cara-diaz-austin"],
    }
    assert (out / "therapists" / "ana-ruiz-austin.json").stat().st_mtime_ns == mtimes["ana-ruiz-austin"]
    assert (out / "therapists" / "ben-cho-austin.json").stat().st_mtime_ns > mtimes["ben-cho-austin"]
    assert not (out / "therapists" / "cara-diaz-austin.json").exists()
    validate_all(out)

    # The same database again: nothing to do, not a file touched; elsewhere, byte-identical files.
    before = {p.relative_to(out): (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    assert export_published(config, out).up_to_date
    assert {p.relative_to(out): (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()} == before
    before = {name: data for name, (data, _) in before.items()}
    other = tmp_path / "elsewhere"
    export_published(config, other)
    assert (other / "therapists.json").read_bytes() == before[Path("therapists.json")]


def test_hostile_names_give_safe_slugs_and_plain_text(tmp_path, write_config):
    config = load_config(write_config())
    hostile = [
        therapist("a", "../../etc/passwd", phone="512-555-0111", street="1 Elm St"),
        therapist("b", "<script>alert('x')</script> Jane Doe", phone="512-555-0112", street="2 Elm St"),
        therapist("c", "Renée 💆‍♀️ Ó'Brien\u0000\u0007", phone="512-555-0113", street="3 Elm St"),
        therapist("d", "Massage " * 40 + "Studio", phone="512-555-0114", street="4 Elm St"),
        therapist("e", "CON", phone="512-555-0115", street="5 Elm St", city=None),
        therapist("f", "💆💆💆", phone="512-555-0116", street="6 Elm St"),
    ]
    hostile[1]["description"] = "<b>Deep tissue</b> <img src=x onerror=alert(1)> for sciatica"
    hostile[1]["website"] = "javascript:alert(1)"
    load(config, hostile, "r1", T0)
    out = tmp_path / "export"
    export_published(config, out)
    records = validate_all(out)
    names = sorted((out / "therapists").iterdir())
    assert len(names) == len(records) == 6
    for path in names:
        assert path.parent == out / "therapists" and len(path.name) <= 93
        assert path.name == path.name.lower() and ".." not in path.name and "/" not in path.stem
    blob = (out / "therapists.json").read_text()
    for bad in ("<script", "<img", "<b>", "javascript:", "\\u0000", "\\u0007"):
        assert bad not in blob, bad
    slugs = {r["slug"] for r in records}
    assert "etc-passwd-austin" in slugs and "con-therapist" in slugs, slugs
    assert not [slug for slug in slugs if "script" in slug], "no markup in slugs"
    assert "alert-jane-doe-austin" in slugs and "renee-obrien-austin" in slugs, slugs
    assert all(len(slug) <= 88 for slug in slugs)
    jane = next(r for r in records if r["slug"] == "alert-jane-doe-austin")
    assert jane["name"] == "alert('x') Jane Doe" and jane["website"] is None
    assert jane["description"] == "Deep tissue for sciatica"


def test_a_killed_export_leaves_the_previous_one_whole(tmp_path, write_config):
    from tests.warehouse.test_atomicity import STAGE_SYNTHETIC

    config = load_config(write_config())
    with open_work(config.work_database) as warehouse:
        warehouse.con.execute(STAGE_SYNTHETIC, {"n": 3_000, "prefix": "k", "load_id": "r1"})
        warehouse.con.execute("update stg_listings set relevance_score = 50, relevance_tier = 'medium'")
        load_staged(config, warehouse, now=T0, counts=Counter())
    publish(config.work_database, config.database)
    out = config.export_dir
    export_published(config, out)
    before = {p.relative_to(out): p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    manifest = (out / "manifest.json").read_bytes()

    os.unlink(out / "therapists.json")  # a marker: any byte of the killed export would replace it
    (out / "therapists.json").write_text("[]")
    con = duckdb.connect(str(config.database))  # every record changes, so the next export rewrites all
    con.execute("update therapists set relevance_score = relevance_score + 1, load_id = 'r2'")
    con.close()
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "--config", str(config.path), "export"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:  # kill it once it is writing files
        staging = next(out.parent.glob(f".{out.name}-new-*"), None)
        if (
            staging is not None
            and (staging / "therapists").is_dir()
            and next((staging / "therapists").iterdir(), None) is not None
        ):
            break
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the export finished before the kill: make it bigger"
    after = {p.relative_to(out) for p in out.rglob("*") if p.is_file()}
    assert after == set(before) and (out / "manifest.json").read_bytes() == manifest, "the old export is whole"
    assert (out / "therapists.json").read_text() == "[]", "not a byte of the killed export is in place"

    export_published(config, out)  # the next export clears what the killed one left
    leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith(".export-")]
    assert leftovers == []
    validate_all(out)


def test_redirects_map_merged_ids_and_their_slugs_to_the_survivor(tmp_path, write_config):
    from tests.resolve.test_resolve import three_runs

    config = load_config(write_config(all_sources=True))
    retired, survivor = three_runs(config)  # Dana's two therapists merged in the third run
    out = tmp_path / "export"
    with Warehouse(config.database, read_only=True) as warehouse:
        export(warehouse, out, min_tier="none", source_kinds={})
    redirects = json.loads((out / "redirects.json").read_text())
    records = {r["therapist_id"]: r for r in json.loads((out / "therapists.json").read_text())}
    assert redirects["therapist_ids"] == {retired: survivor}
    assert redirects["slugs"] == {f"dana-wu-austin-{retired[1:8]}": records[survivor]["slug"]}
    assert records[survivor]["slug"] == "dana-wu-austin" and retired not in records


# ---- touching only what changed: the content fingerprint, in-place updates, the commit -------

import dataclasses  # noqa: E402

from pipeline.publish import export as export_module  # noqa: E402


def trio(ben="Ben Cho", ben_phone="512-555-0102"):
    return [
        therapist("ana", "Ana Ruiz", phone="512-555-0101", street="1 Main St"),
        therapist("ben", ben, phone=ben_phone, street="2 Main St"),
        therapist("cara", "Cara Diaz", phone="512-555-0103", street="3 Main St"),
    ]


def files_state(out):
    """Each file's identity and bytes, and the per-therapist folder's identity."""
    state = {
        p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes())
        for p in out.rglob("*")
        if p.is_file()
    }
    state["therapists/"] = (out / "therapists").stat().st_ino
    return state


def contents(out):
    """Every file's bytes but the manifest's (whose `changes` say what the previous export was)."""
    return {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != "manifest.json"}


def published_load_ids(config):
    con = duckdb.connect(str(config.database), read_only=True)
    try:
        return {load_id for (load_id,) in con.execute("select distinct load_id from therapists").fetchall()}
    finally:
        con.close()


def test_a_rebuild_that_changes_no_record_touches_no_file(tmp_path, write_config):
    config = load_config(write_config())
    load(config, trio(), "r1", T0)
    out = tmp_path / "export"
    export_published(config, out)
    before = files_state(out)

    # New survivorship settings rebuild every therapist (each gets the new run's load_id) and, here,
    # change no record: the export's content is the same, so not a file may be written or relinked.
    survivorship = dataclasses.replace(config.survivorship, stale_after="365d")
    load(dataclasses.replace(config, survivorship=survivorship), trio(), "r2", T0 + timedelta(days=1))
    assert published_load_ids(config) == {"r2"}, "every therapist was rebuilt"
    result = export_published(config, out)
    assert result.up_to_date and result.written == 0 and result.kept == 3
    assert files_state(out) == before, "same inode, mtime and bytes for every file, manifest included"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export-")] == []


def test_one_changed_therapist_rewrites_only_its_own_file(tmp_path, write_config):
    config = load_config(write_config())
    load(config, trio(), "r1", T0)
    out = tmp_path / "export"
    export_published(config, out)
    before = files_state(out)
    time.sleep(0.05)

    load(config, trio(ben_phone="512-555-0199"), "r2", T0 + timedelta(days=1))
    result = export_published(config, out)
    after = files_state(out)
    manifest = json.loads((out / "manifest.json").read_text())
    ben_id = next(tid for tid, entry in manifest["therapists"].items() if entry["slug"] == "ben-cho-austin")
    assert result.written == 1 and result.kept == 2 and not result.up_to_date
    assert manifest["changes"] == {"added": [], "changed": [ben_id], "removed": []}
    assert after["therapists/ben-cho-austin.json"][1:] != before["therapists/ben-cho-austin.json"][1:]
    for name in ("therapists/ana-ruiz-austin.json", "therapists/cara-diaz-austin.json"):
        assert after[name] == before[name], f"{name} was touched"
    assert after["therapists/"] == before["therapists/"], "the folder is updated in place, not replaced"
    for name in ("facets.json", "redirects.json", "schema/therapist.schema.json"):
        assert after[name] == before[name], f"{name} has the same bytes: it stays untouched"
    for name in ("therapists.json", "therapists.ndjson", "manifest.json"):
        assert after[name][2] != before[name][2]
    validate_all(out)


def test_renamed_and_removed_therapists_files_go(tmp_path, write_config):
    config = load_config(write_config())
    load(config, trio(), "r1", T0)
    out = tmp_path / "export"
    export_published(config, out)
    before = files_state(out)

    # Ben takes a new name (a new slug; the old one redirects), Cara goes (a complete crawl without her).
    ana, ben, _ = trio(ben="Benjamin Cho")
    with open_work(config.work_database) as warehouse:
        warehouse.con.execute(
            "insert into crawls (run_id, source, status) values ('r2', 'sample_directory', 'complete')"
        )
    load(config, [ana, ben], "r2", T0 + timedelta(days=1))
    result = export_published(config, out)
    assert sorted(p.name for p in (out / "therapists").iterdir()) == [
        "ana-ruiz-austin.json",
        "benjamin-cho-austin.json",
    ]
    assert files_state(out)["therapists/ana-ruiz-austin.json"] == before["therapists/ana-ruiz-austin.json"]
    assert result.written == 1 and result.kept == 1 and len(result.changes["removed"]) == 1
    redirects = json.loads((out / "redirects.json").read_text())
    assert redirects["slugs"] == {"ben-cho-austin": "benjamin-cho-austin"}
    validate_all(out)


class Killed(BaseException):
    """Stands in for SIGKILL inside the process: nothing after it runs."""


# Seven renames move that commit in: two per-therapist files, four top-level files, the manifest.
@pytest.mark.parametrize("moves", [0, 1, 2, 4, 6], ids=lambda n: f"killed-after-{n}-renames")
def test_an_export_killed_while_moving_in_is_finished_by_the_next(tmp_path, write_config, monkeypatch, moves):
    config = load_config(write_config())
    load(config, trio(), "r1", T0)
    out = tmp_path / "export"
    export_published(config, out)
    # Ben changes, Dee arrives: two per-therapist files, the changed top-level files, the manifest.
    rows = [*trio(ben_phone="512-555-0199"), therapist("dee", "Dee Fox", phone="512-555-0104", street="4 Main St")]
    load(config, rows, "r2", T0 + timedelta(days=1))

    real_replace, done = os.replace, []

    def replace_then_die(source, target):
        if "-commit-" in str(source):
            if len(done) == moves:
                raise Killed
            done.append(target)
        real_replace(source, target)

    monkeypatch.setattr(export_module.os, "replace", replace_then_die)
    with pytest.raises(Killed):
        export_published(config, out)
    monkeypatch.setattr(export_module.os, "replace", real_replace)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export-commit-")], "the commit waits"
    assert json.loads((out / "manifest.json").read_text())["run_id"] == "r1", "the old manifest until the end"

    export_published(config, out)  # finishes the commit first, then finds itself up to date
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export-")] == []
    validate_all(out)
    manifest = json.loads((out / "manifest.json").read_text())
    for name, entry in manifest["files"].items():
        assert file_sha(out / name) == entry["sha256"], name
    for entry in manifest["therapists"].values():
        assert file_sha(out / "therapists" / f"{entry['slug']}.json") == entry["sha256"]
    assert len(manifest["changes"]["added"]) == 1 and len(manifest["changes"]["changed"]) == 1
    fresh = tmp_path / "fresh"
    export_published(config, fresh)
    assert contents(out) == contents(fresh), "byte for byte what an export from scratch writes"


def test_every_record_changed_swaps_the_folder_and_a_kill_between_is_finished(tmp_path, write_config, monkeypatch):
    config = load_config(write_config())
    load(config, trio(), "r1", T0)
    out = tmp_path / "export"
    export_published(config, out)
    folder = (out / "therapists").stat().st_ino
    con = duckdb.connect(str(config.database))  # every record changes: nothing of the old folder is kept
    con.execute("update therapists set relevance_score = relevance_score - 1")
    con.close()

    real_replace = os.replace

    def die_after_moving_the_old_folder_aside(source, target):
        real_replace(source, target)
        if Path(target).name == "therapists.old":
            raise Killed

    monkeypatch.setattr(export_module.os, "replace", die_after_moving_the_old_folder_aside)
    with pytest.raises(Killed):
        export_published(config, out)
    monkeypatch.setattr(export_module.os, "replace", real_replace)
    assert not (out / "therapists").exists()

    result = export_published(config, out)
    assert result.up_to_date and (out / "therapists").stat().st_ino != folder
    assert len(list((out / "therapists").iterdir())) == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export-")] == []
    validate_all(out)


@pytest.mark.parametrize(
    "per_therapist",
    [
        {},
        {"t1": {"slug": "ana-ruiz-austin", "sha256": "ab" * 32}},
        {'t"2\\': {"slug": "renée-\u2028-\x01", "sha256": "c"}, "t1": {"slug": "b", "sha256": "d"}},
        {"t1": {"slug": "b", "sha256": "d"}, "t2": {"slug": "c", "sha256": "e"}},
    ],
    ids=["empty", "one", "awkward-strings", "awkward-removed-id"],
)
def test_the_manifest_text_is_what_json_dumps_writes(per_therapist):
    manifest = {
        "attribution": ["GeoNames"],
        "changes": {"added": sorted(per_therapist), "changed": [], "removed": ["t0", 't"\u00e9'][: len(per_therapist)]},
        "counts": {"therapists": len(per_therapist)},
        "files": {"therapists.json": {"sha256": "ef"}},
        "schema_version": 4,
        "sources": [],
        "therapists": per_therapist,
    }
    expected = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert export_module._manifest_text(manifest) == expected
