"""Entity resolution: duplicates merge, colleagues sharing a clinic phone stay apart, IDs are stable."""

from collections import Counter

from pipeline.load import load_staged
from pipeline.runs import utcnow
from pipeline.warehouse import open_work


def row(key, name, phone=None, zip_code="78701"):
    from pipeline.records import Listing
    return Listing(source="s", source_key=key, url=f"http://x.test/{key}", fetched_at="2026-01-01T00:00:00",
                   raw_sha256="0" * 64, raw_fields="{}", name=name, phone=phone, postal_code=zip_code,
                   city="Austin", state="TX").row()


def load(warehouse, config, rows, load_id):
    warehouse.stage_rows("scrape/insert_staged.sql", rows, {"load_id": load_id})
    load_staged(config, warehouse, now=utcnow(), counts=Counter())
    return dict(warehouse.con.execute("select source_key, therapist_id from listings").fetchall())


def test_clusters_and_stable_ids(tmp_path, config):
    with open_work(tmp_path / "w.duckdb") as warehouse:
        first = load(warehouse, config, [
            row("a1", "Jane Alvarez", "+15125550142"),
            row("b1", "Ben Cho", "+15125550100"),       # a clinic line shared by two colleagues
            row("c1", "Cara Diaz", "+15125550100"),
        ], "r1")
        assert len(set(first.values())) == 3, "colleagues sharing a phone are different therapists"

        # A second listing of Jane (middle initial, no phone, same ZIP) joins her existing ID.
        second = load(warehouse, config, [
            row("a1", "Jane Alvarez", "+15125550142"), row("b1", "Ben Cho", "+15125550100"),
            row("c1", "Cara Diaz", "+15125550100"), row("a2", "Jane M. Alvarez", None),
        ], "r2")
        assert second["a2"] == second["a1"] == first["a1"]
        assert {second["b1"], second["c1"]} == {first["b1"], first["c1"]}

    # A rebuild from scratch gives the same IDs (derived from the data, not from run order).
    with open_work(tmp_path / "fresh.duckdb") as warehouse:
        fresh = load(warehouse, config, [
            row("a1", "Jane Alvarez", "+15125550142"), row("b1", "Ben Cho", "+15125550100"),
            row("c1", "Cara Diaz", "+15125550100"), row("a2", "Jane M. Alvarez", None),
        ], "r1")
    assert fresh == second


def test_therapist_fields_come_from_the_best_listing(tmp_path, config):
    with open_work(tmp_path / "w.duckdb") as warehouse:
        load(warehouse, config, [row("a1", "Jane Alvarez", None), row("a2", "Jane M. Alvarez", "+15125550142")], "r1")
        (name, phone, count), = warehouse.con.execute(
            "select name, phone, listing_count from therapists").fetchall()
    assert phone == "+15125550142" and count == 2 and name in ("Jane Alvarez", "Jane M. Alvarez")
