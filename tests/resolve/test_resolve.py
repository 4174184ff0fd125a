"""Entity resolution: labelled pairs, the clinic guard, stable IDs over runs, survivorship, explain."""

import json
from collections import Counter
from datetime import timedelta

import pytest

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.database import open_work, publish
from pipeline.normalize.listing import normalize
from pipeline.records import RawListing
from pipeline.resolve.resolver import given_name_variants, words_match
from pipeline.run.history import utcnow
from pipeline.warehouse.load import load_staged
from tests.resolve.pairs import PAIRS, load_pairs, resolve_pairs

T0 = utcnow()


def listing(
    key,
    name,
    *,
    source="sample_directory",
    phone=None,
    street=None,
    zip_code="78701",
    npi=None,
    license=None,
    business=None,
    website=None,
    city="Austin",
    state="TX",
):
    fields = {
        "name": name,
        "phone": phone,
        "street": street,
        "city": city,
        "state": state,
        "postal_code": zip_code,
        "business_name": business,
        "website": website,
    }
    raw = RawListing(
        source=source,
        source_key=key,
        url=f"http://x.test/{key}",
        fetched_at="2026-01-01T00:00:00",
        raw_sha256="0" * 64,
        fields={k: v for k, v in fields.items() if v},
        npi=npi,
        licenses=[{"number": license, "state": "TX", "status": "active"}] if license else [],
    )
    return normalize(raw).row()


def load(warehouse, config, rows, load_id, now=T0):
    warehouse.stage_rows("scrape/insert_staged.sql", rows, {"load_id": load_id})
    load_staged(config, warehouse, now=now, counts=Counter())
    return dict(warehouse.con.execute("select source_key, therapist_id from listings").fetchall())


def test_labelled_pairs_precision_and_recall(tmp_path, config):
    """321 fictional pairs covering every hard case: asserted precision >= 0.98, recall >= 0.95."""
    pairs = load_pairs()
    assert len(pairs) >= 300
    with open_work(tmp_path / "w.duckdb") as warehouse:
        outcome = resolve_pairs(warehouse, config, pairs)
    wrong = [(key, pair["id"], pair["kind"]) for key, pair in outcome.wrong]
    assert outcome.precision >= 0.98, wrong
    assert outcome.recall >= 0.95, wrong
    # The cases that must never go wrong: a merge across different NPIs or licences is a hard error.
    for kind in ("different_npi", "different_license", "clinic_colleagues"):
        assert outcome.by_kind[kind]["wrong"] == 0, (kind, wrong)


def test_held_out_pairs_precision_and_recall(tmp_path, config):
    """130 pairs written apart from the rules (by someone who never read them). At first contact
    they scored precision 1.000, recall 0.988: hyphenated and two-word surnames (h038, h033) drove
    the surname rule, so the set is no longer blind; the bars sit at the issue's aims."""
    pairs = json.loads((PAIRS.with_name("resolution_holdout.json")).read_text(encoding="utf-8"))
    with open_work(tmp_path / "w.duckdb") as warehouse:
        outcome = resolve_pairs(warehouse, config, pairs)
    wrong = [(key, pair["id"], pair["kind"]) for key, pair in outcome.wrong]
    assert outcome.precision >= 0.98 and outcome.recall >= 0.95, wrong


def test_clinic_phone_never_chains_its_therapists(tmp_path, config):
    clinic = dict(phone="(512) 555-0100", street="100 Congress Ave, Suite 5")
    with open_work(tmp_path / "w.duckdb") as warehouse:
        ids = load(
            warehouse,
            config,
            [
                listing("clinic", "Quiet Leaf Massage Studio", source="sample_overpass", **clinic),
                listing("ben", "Ben Cho, LMT", **clinic),
                listing("cara", "Cara Diaz, LMT", **clinic),
                listing("dev", "Dev Ortiz, LMT", **clinic),
                # A sole proprietor: her business and her own listing share a line nobody else uses.
                listing(
                    "shop", "Willow Root Bodywork", source="sample_overpass", phone="512-555-0142", street="12 Elm St"
                ),
                listing(
                    "iris",
                    "IRIS K ASHFORD",
                    source="sample_nppes",
                    npi="1234567893",
                    phone="512-555-0142",
                    street="12 ELM STREET",
                ),
            ],
            "r1",
        )
        refused = warehouse.con.execute("select count(*) from resolution_links where decision = 'refused'").fetchone()
    assert len({ids["clinic"], ids["ben"], ids["cara"], ids["dev"]}) == 4
    assert ids["shop"] == ids["iris"]
    assert refused is not None


def test_hard_rules_win_over_everything_else(tmp_path, config):
    same = dict(phone="512-555-0150", street="5 Main St")
    with open_work(tmp_path / "w.duckdb") as warehouse:
        ids = load(
            warehouse,
            config,
            [
                listing("a", "JOHN A SMITH", source="sample_nppes", npi="1234567893", **same),
                listing("b", "JOHN A SMITH", source="sample_nppes", npi="1245319599", **same),
                listing("c", "Mary Poe", source="sample_roster", license="MT1001", **same),
                listing("d", "Mary Poe", source="sample_directory", license="MT2002", **same),
            ],
            "r1",
        )
        reasons = {
            row[0]
            for row in warehouse.con.execute(
                "select reason from resolution_links where decision = 'refused'"
            ).fetchall()
        }
    assert ids["a"] != ids["b"] and ids["c"] != ids["d"]
    assert any("different NPIs" in r for r in reasons) and any("licence" in r for r in reasons)


def test_ids_are_stable_over_three_runs_with_joins_merges_and_splits(write_config):
    three_runs(load_config(write_config(all_sources=True)))


def three_runs(config):
    """Three loads: a source joins a therapist, two therapists merge, one splits. Returns the
    merged-away ID and its survivor."""
    jane = listing("jane-site", "Jane Alvarez, LMT", phone="512-555-0142", street="770 W 6th St, Suite 2")
    dana_site = listing("dana-site", "Dana Wu, LMT", phone="512-555-0160", street="40 Oak St")
    eve = [
        listing(f"eve-{n}", "Eve Moss, LMT", source=source, phone="512-555-0170", street="9 Pine St")
        for n, source in ((1, "sample_directory"), (2, "sample_jsonld"), (3, "sample_overpass"))
    ]
    with open_work(config.work_database) as warehouse:
        first = load(warehouse, config, [jane, dana_site, *eve], "r1")
        assert len({first[f"eve-{n}"] for n in (1, 2, 3)}) == 1

        # Run 2: NPPES joins Jane (her ID stays); Dana's roster row (licence, mailing address) is
        # not yet linkable to her site listing, so it becomes a therapist of its own.
        jane_nppes = listing(
            "npi:1234567893",
            "JANE M ALVAREZ",
            source="sample_nppes",
            npi="1234567893",
            phone="512-555-0142",
            street="770 W SIXTH STREET STE 2",
        )
        dana_roster = listing(
            "license:TX:MT5001",
            "WU, DANA",
            source="sample_roster",
            license="MT5001",
            street="PO Box 12",
            zip_code="78702",
        )
        second = load(
            warehouse, config, [jane, dana_site, *eve, jane_nppes, dana_roster], "r2", now=T0 + timedelta(days=1)
        )
        assert second["jane-site"] == second["npi:1234567893"] == first["jane-site"]
        assert second["license:TX:MT5001"] != second["dana-site"] == first["dana-site"]
        dana_young = second["license:TX:MT5001"]

        # Run 3: NPPES lists Dana with her licence and her site's phone: the two therapists merge
        # and the older ID survives. Eve's third listing turns out to be another Eve Moss across
        # the country: the cluster splits and the larger part keeps the ID.
        dana_nppes = listing(
            "npi:1245319599",
            "DANA WU",
            source="sample_nppes",
            npi="1245319599",
            license="MT5001",
            phone="512-555-0160",
            street="40 OAK ST",
        )
        moved_eve = listing(
            "eve-3",
            "Eve Moss, LMT",
            source="sample_overpass",
            phone="206-555-0171",
            street="1 Pike St",
            city="Seattle",
            state="WA",
            zip_code="98101",
        )
        third = load(
            warehouse,
            config,
            [jane, dana_site, eve[0], eve[1], moved_eve, jane_nppes, dana_roster, dana_nppes],
            "r3",
            now=T0 + timedelta(days=2),
        )
        assert third["dana-site"] == third["license:TX:MT5001"] == third["npi:1245319599"] == first["dana-site"]
        assert third["eve-1"] == third["eve-2"] == first["eve-1"] != third["eve-3"]
        assert third["jane-site"] == first["jane-site"]
        retired = warehouse.con.execute(
            "select status, retired_into from therapist_ids where therapist_id = ?", [dana_young]
        ).fetchone()
        assert retired == ("retired", first["dana-site"])
        therapist_ids = {row[0] for row in warehouse.con.execute("select therapist_id from therapists").fetchall()}
        assert dana_young not in therapist_ids and third["eve-3"] in therapist_ids
    publish(config.work_database, config.database)
    return dana_young, first["dana-site"]


def test_explain_follows_a_retired_id_and_shows_signals_and_provenance(write_config, capsys):
    config = load_config(write_config(all_sources=True))
    retired, survivor = three_runs(config)
    assert main(["--config", str(config.path), "explain", retired]) == 0
    out = capsys.readouterr().out
    assert f"({survivor})" in out and f"{retired} was merged into this therapist" in out
    assert "Why these listings are one therapist" in out and "licence +8" in out and "phone +3" in out
    assert "Field provenance: name from sample_nppes:npi:1245319599" in out
    assert f"Retired ID {retired}" in out
    assert main(["--config", str(config.path), "explain", survivor, "--format", "json"]) == 0
    assert '"retired_ids"' in capsys.readouterr().out


def test_survivorship_follows_source_priority_then_freshness(tmp_path, write_config):
    rows = [
        listing(
            "npi:1234567893",
            "JANE M ALVAREZ",
            source="sample_nppes",
            npi="1234567893",
            phone="512-555-0101",
            street="770 W 6TH ST",
        ),
        listing("jane", "Jane Alvarez, LMT", phone="512-555-0142", street="770 W. 6th Street"),
    ]
    config = load_config(write_config(all_sources=True))
    with open_work(tmp_path / "a.duckdb") as warehouse:
        load(warehouse, config, rows, "r1")
        name, phone, provenance = warehouse.con.execute("select name, phone, provenance from therapists").fetchone()
    assert name == "Jane M Alvarez" and phone == "+15125550142"  # name: the register; phone: the own site
    assert {"field": "name", "source": "sample_nppes", "source_key": "npi:1234567893"} in provenance
    assert {"field": "phone", "source": "sample_directory", "source_key": "jane"} in provenance

    # A stale listing loses to a fresher one whatever the priority: the site has not been seen for a year.
    with open_work(tmp_path / "c.duckdb") as warehouse:
        load(warehouse, config, rows, "r1")
        load(warehouse, config, rows[:1], "r2", now=T0 + timedelta(days=365))
        (phone,) = warehouse.con.execute("select phone from therapists").fetchone()
    assert phone == "+15125550101"


def test_field_priority_is_configurable(tmp_path, write_config):
    text = (
        write_config(all_sources=True)
        .read_text()
        .replace('address = ["overpass"', 'name = ["html"]\naddress = ["overpass"', 1)
    )
    path = tmp_path / "custom.toml"
    path.write_text(text)
    config = load_config(path)
    with open_work(tmp_path / "w.duckdb") as warehouse:
        load(
            warehouse,
            config,
            [
                listing(
                    "npi:1234567893",
                    "JANE M ALVAREZ",
                    source="sample_nppes",
                    npi="1234567893",
                    phone="512-555-0142",
                    street="770 W 6TH ST",
                ),
                listing("jane", "Jane Alvarez, LMT", phone="512-555-0142", street="770 W. 6th Street"),
            ],
            "r1",
        )
        (name,) = warehouse.con.execute("select name from therapists").fetchone()
    assert name == "Jane Alvarez"


def test_bad_survivorship_field_is_a_config_error(write_config, tmp_path):
    from pipeline.errors import ConfigError

    path = tmp_path / "bad.toml"
    path.write_text(write_config().read_text().replace('\nphone = ["html"', '\nphnoe = ["html"', 1))
    with pytest.raises(ConfigError, match="did you mean 'phone'"):
        load_config(path)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("nwosu", "nwous", True),
        ("matthew", "matthw", True),
        ("cody", "cedy", True),
        ("ann", "ane", False),
        ("jane", "jane", True),
        ("alvarez", "alvares", True),
        ("smith", "smythe", False),
        ("", "x", False),
        ("a999", "b999", False),
        ("suite12", "suite13", False),
    ],
)
def test_words_match_allows_one_typo_in_longer_words(a, b, same):
    assert words_match(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "variant"),
    [
        ("mario", "maria", True),
        ("julian", "juliana", True),
        ("francis", "frances", True),
        ("louis", "louise", True),
        ("matthew", "matthw", False),
        ("cody", "cedy", False),
        ("priya", "piya", False),
        ("jane", "jane", False),
    ],
)
def test_given_name_variants_are_different_people(a, b, variant):
    assert given_name_variants(a, b) is variant
