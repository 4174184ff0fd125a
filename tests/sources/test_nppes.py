"""The NPPES API source against a fake registry that honours the real limit/skip cap and envelopes."""

import json
from collections import Counter

import pytest

from pipeline.config import Http, Relevance
from pipeline.config.sources import NppesSource
from pipeline.errors import SourceError
from pipeline.fetch.archive import Archive
from pipeline.fetch.fetcher import Fetcher
from pipeline.normalize.listing import normalize
from pipeline.relevance.classify import classify
from pipeline.relevance.vocabulary import load_vocabulary
from pipeline.sources import nppes
from pipeline.sources.sample_apis import NppesRegistry
from tests.conftest import ROOT
from tests.servers import Route, ScriptedServer

UA = "therapist-directory-test/1.0 (+https://therapist-directory.example.org/bot)"


def npi_for(i: int) -> str:
    """A valid (Luhn) NPI from a serial number."""
    base = f"1{i:08d}"
    for check in range(10):
        candidate = base + str(check)
        from pipeline.normalize.listing import npi_is_valid

        if npi_is_valid(candidate):
            return candidate
    raise AssertionError


def record(i: int, *, zip_code: str = "787010000", state: str = "TX", old: bool = False, **basic) -> dict:
    """An NPPES v2.1 result; `old` gives the 2019 shape (integer number, epoch seconds, gender)."""
    npi = npi_for(i)
    result = {
        "enumeration_type": "NPI-1",
        "number": int(npi) if old else npi,
        "created_epoch": 1256083200 if old else "1256083200000",
        "last_updated_epoch": 1553380697 if old else "1553380697000",
        "basic": {
            "first_name": f"ANA{i}",
            "last_name": "RUIZ",
            "credential": "LMT",
            "sole_proprietor": "YES",
            ("gender" if old else "sex"): "F",
            "enumeration_date": "2009-10-21",
            "last_updated": "2019-03-23",
            "status": "A",
            "name_prefix": "--",
            **basic,
        },
        "other_names": [],
        "addresses": [
            {
                "address_purpose": "MAILING",
                "address_1": "PO BOX 12",
                "city": "AUSTIN",
                "state": state,
                "postal_code": "787680012",
                "telephone_number": "512-555-0199",
                "country_code": "US",
            },
            {
                "address_purpose": "LOCATION",
                "address_1": f"{100 + i} CONGRESS AVE",
                "address_2": "STE 4",
                "city": "AUSTIN",
                "state": state,
                "postal_code": zip_code,
                "telephone_number": "512-555-0142",
                "country_code": "US",
            },
        ],
        "taxonomies": [
            {"code": "225700000X", "desc": "Massage Therapist", "primary": True, "state": "TX", "license": f"MT{i:06d}"}
        ],
        "identifiers": [],
        "practiceLocations": [],
    }
    if not old:
        result["endpoints"] = []
    return result


def serve(records, *, max_limit=10, max_skip=20):
    registry = NppesRegistry(records, max_limit=max_limit, max_skip=max_skip)
    return ScriptedServer(
        dynamic={
            "/api/": lambda query: Route(
                body=json.dumps(registry.answer(query)), headers={"Content-Type": "application/json"}
            )
        }
    )


def crawl(server, tmp_path, **settings):
    source = NppesSource(
        name="npi",
        kind="nppes",
        base_url=server.url + "/api/",
        states=["TX"],
        page_size=10,
        max_skip=20,
        delay_seconds=0.0,
        **settings,
    )
    fetcher = Fetcher(Http(user_agent=UA, delay_seconds=0, backoff_seconds=0.01), Archive(tmp_path), run_id="t")
    try:
        return nppes.crawl(source, fetcher), server.paths()
    finally:
        fetcher.close()


def test_a_capped_query_is_split_by_zip_prefix_until_complete(tmp_path):
    # 70 providers, more than the 30 one query can reach (limit 10 + skip 20).
    zips = ["787010000", "787040000", "787450000", "786640000", "750010000", "770020000"]
    records = [record(i, zip_code=zips[i % len(zips)] if i < 60 else f"7870{i % 10}1234") for i in range(70)]
    with serve(records) as server:
        result, paths = crawl(server, tmp_path)
    assert result.status == "complete", result.message
    assert len(result.listings) == 70 and len({r.npi for r in result.listings}) == 70
    assert any("postal_code=787%2A" in p for p in paths) and any("postal_code=7870%2A" in p for p in paths)
    assert result.counts["scrape/nppes/split_queries"] >= 2


def test_a_part_that_cannot_be_split_is_reported_not_truncated(tmp_path):
    records = [record(i, zip_code="787010000") for i in range(40)]  # 40 in one five-digit ZIP
    with serve(records) as server:
        result, _ = crawl(server, tmp_path)
    assert result.status == "partial"
    assert "cannot be split further" in result.message and "postal_code=78701*" in result.message
    assert len(result.listings) == 30  # what could be reached is kept


def test_error_envelope_is_a_clear_source_error(tmp_path):
    error = {"Errors": [{"description": "No valid search criteria provided", "field": "generic", "number": "04"}]}
    answer = {"/api/": lambda q: Route(body=json.dumps(error))}
    with ScriptedServer({}, dynamic=answer) as server, pytest.raises(SourceError, match="No valid search criteria"):
        crawl(server, tmp_path)


def test_the_fake_registry_behaves_like_the_real_api():
    registry = NppesRegistry([record(1)], max_limit=200, max_skip=1000)
    assert registry.answer("version=2.1")["Errors"][0]["number"] == "04"
    assert "Errors" in registry.answer("state=TX&version=2.1")
    assert "Errors" in registry.answer("taxonomy_description=Massage&limit=201")
    assert "Errors" in registry.answer("taxonomy_description=Massage&skip=1001")
    assert registry.answer("taxonomy_description=massage therapist&state=TX")["result_count"] == 1


VOCABULARY = load_vocabulary(ROOT / "vocabulary.toml")


@pytest.mark.parametrize("old", [True, False], ids=["2019-shape", "current-shape"])
def test_both_response_shapes_give_the_same_record(old, tmp_path):
    with serve([record(5, old=old, state="TEXAS", credential="L.M.T.", middle_name="--")]) as server:
        result, _ = crawl(server, tmp_path)
    (raw,) = result.listings
    listing = classify(normalize(raw, Counter()), VOCABULARY, Relevance())
    assert raw.source_key == f"npi:{npi_for(5)}" and listing.npi == npi_for(5)
    assert (listing.name, listing.state, listing.postal_code, listing.phone) == (
        "Ana5 Ruiz",
        "TX",
        "78701",
        "+15125550142",
    ), "LOCATION address, not the PO box"
    assert (listing.street, listing.suite) == ("105 Congress Ave", "Suite 4")
    assert listing.credentials == ["LMT"]
    assert listing.licenses == [{"number": "MT000005", "state": "TX", "status": "active"}]
    assert listing.taxonomy_codes == ["225700000X"]
    assert listing.raw_fields["enumeration_date"] == "2009-10-21"


def test_deactivated_providers_are_not_listed(tmp_path):
    records = [
        record(1, status="D"),
        record(2, deactivation_date="2015-01-14"),
        record(3, deactivation_date="2015-01-14", reactivation_date="2019-02-13"),
        record(4),
    ]
    with serve(records) as server:
        result, _ = crawl(server, tmp_path)
    assert sorted(r.npi for r in result.listings) == sorted([npi_for(3), npi_for(4)])
    assert result.counts["scrape/dropped/deactivated"] == 2


def test_organization_with_a_dba(tmp_path):
    org = record(9)
    org["enumeration_type"] = "NPI-2"
    org["basic"] = {"organization_name": "CEDAR CLINIC LLC", "status": "A"}
    org["other_names"] = [{"type": "Doing Business As", "code": "3", "organization_name": "CEDAR SPORTS MASSAGE"}]
    with serve([org]) as server:
        result, _ = crawl(server, tmp_path)
    (raw,) = result.listings
    assert raw.fields["name"] == "CEDAR CLINIC LLC" and raw.fields["business_name"] == "CEDAR SPORTS MASSAGE"


def test_only_the_configured_taxonomy_codes_are_kept_and_descriptions_are_not_services(tmp_path):
    """The description search is loose ("Massage Therapist" also finds other therapists): what it
    brings back of another taxonomy is dropped, and no taxonomy description ever reaches the
    technique vocabulary."""
    other = record(1)
    other["taxonomies"] = [
        {"code": "106H00000X", "desc": "Marriage & Family Therapist", "primary": True, "state": "TX", "license": "Q1"}
    ]
    both = record(2)
    both["taxonomies"].append(
        {"code": "171100000X", "desc": "Acupuncturist", "primary": False, "state": "TX", "license": "MT000002"}
    )
    with serve([record(0), other, both]) as server:
        result, _ = crawl(server, tmp_path)
    assert [r.npi for r in result.listings] == sorted([record(0)["number"], both["number"]])
    assert result.counts["scrape/dropped/other_taxonomy"] == 1
    assert all("services" not in r.fields for r in result.listings)
    assert all("Massage Therapist" in r.fields["taxonomies"] for r in result.listings)
    assert [r.kind for r in result.listings] == ["person", "person"]


@pytest.mark.parametrize(
    "answer", [{"result_count": 1}, {"results": {"0": {}}}, ["not", "an", "object"]], ids=["no-results", "dict", "list"]
)
def test_an_answer_of_the_wrong_shape_fails_the_crawl_with_a_message(tmp_path, answer):
    with (
        ScriptedServer({}, dynamic={"/api/": lambda q: Route(body=json.dumps(answer))}) as server,
        pytest.raises(SourceError, match="NPPES API"),
    ):
        crawl(server, tmp_path)
