"""Every bundled sample source crawled end to end through the scrape stage, checked against its truth file;
and, when REFERENCE_DATA is set, the parsers against real public responses."""

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.database import open_work
from pipeline.errors import SourceError
from pipeline.run.history import Run
from pipeline.run.scrape import scrape
from pipeline.sources import Crawl, nppes, overpass
from pipeline.sources.samples import serving_samples
from tests.conftest import ROOT

# One worker crawls the samples once for every test here (the crawl is the slow part).
pytestmark = pytest.mark.xdist_group(name="samples")
TRUTH = json.loads((ROOT / "data" / "samples" / "sources-truth.json").read_text())
SITE = {t["slug"]: t for t in json.loads((ROOT / "data" / "samples" / "site-truth.json").read_text())}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sources")
    text = (
        (ROOT / "pipeline.toml")
        .read_text()
        .replace('vocabulary = "vocabulary.toml"', f'vocabulary = "{ROOT / "vocabulary.toml"}"')
    )
    (tmp / "pipeline.toml").write_text(text)
    config = load_config(tmp / "pipeline.toml")
    run = Run(command="test")
    names = list(config.sources)
    with open_work(config.work_database) as warehouse, serving_samples(config, names) as (served, origins, routes):
        result = scrape(served, warehouse, run_id=run.run_id, counts=run.counts, origins=origins, routes=routes)
    return {crawl.source: crawl for crawl in result.crawls}


def test_the_practice_websites_are_read_or_counted_dead_as_their_truth_says(crawled):
    truth = TRUTH["practice_sites"]
    sites = crawled["sample_websites"]
    dead = Counter(truth["dead"].values())
    assert {reason: sites.counts[f"scrape/sites/dead/{reason}"] for reason in dead} == dict(dead)
    # Every bundled site some active listing names is read; harlow-bodywork is named only by a
    # profile robots.txt forbids, so nobody reaches it.
    assert sites.counts["scrape/sites/listed"] == len(truth["hosts"]) - 1
    assert sites.staged == len(truth["hosts"]) - 1 - len(truth["dead"])


def test_every_sample_source_is_complete(crawled):
    assert {name: crawl.status for name, crawl in crawled.items()} == dict.fromkeys(crawled, "complete")


def test_counts_match_the_truth_files(crawled):
    assert len(crawled["sample_nppes"].listings) == TRUTH["nppes"]["kept"]
    assert crawled["sample_nppes"].counts["scrape/dropped/other_taxonomy"] == len(TRUTH["nppes"]["other_taxonomy"])
    assert crawled["sample_nppes"].counts["scrape/dropped/deactivated"] == len(TRUTH["nppes"]["deactivated"])
    assert len(crawled["sample_nppes_bulk"].listings) == TRUTH["nppes_bulk"]["with_taxonomy_225700000X_active"]
    assert len(crawled["sample_overpass"].listings) == TRUTH["overpass"]["elements"]
    assert len(crawled["sample_roster"].listings) == TRUTH["roster"]["active_massage_therapists"]
    assert len(crawled["sample_ma_roster"].listings) == TRUTH["address_roster"]["current"]
    results = crawled["sample_results"]
    assert [r.fields["name"] for r in results.listings] == TRUTH["results_site"]["names"]
    assert results.counts["scrape/dropped/http_404"] == len(TRUTH["results_site"]["dead_profiles"])
    assert results.counts["scrape/from_card"] == 4
    assert len(crawled["sample_jsonld"].listings) == TRUTH["jsonld_site"]["profiles"] - len(
        TRUTH["jsonld_site"]["broken"]
    )
    assert crawled["sample_jsonld"].counts["scrape/dropped/bad_jsonld"] == len(TRUTH["jsonld_site"]["broken"])


def test_the_same_people_appear_in_several_sources(crawled):
    phones = Counter()
    for crawl in crawled.values():
        for raw in crawl.listings:
            digits = "".join(c for c in str(raw.fields.get("phone", "")) if c.isdigit())[-10:]
            if digits:
                phones[digits] += 1
    for slug in TRUTH["nppes"]["matches_site"]:
        assert phones[SITE[slug]["phone_digits"]] >= 2, slug


# -- the real public formats (optional: REFERENCE_DATA points at shared/reference-data) ------------
REFERENCE = Path(os.environ["REFERENCE_DATA"]) if os.environ.get("REFERENCE_DATA") else None
needs_reference = pytest.mark.skipif(REFERENCE is None or not REFERENCE.is_dir(), reason="REFERENCE_DATA not set")


@needs_reference
def test_real_nppes_responses_parse():
    from pipeline.fetch.pages import Page

    page = Page(
        url="https://npiregistry.cms.hhs.gov/api/?version=2.1",
        final_url="x",
        canonical_url="https://npiregistry.cms.hhs.gov/api/?version=2.1",
        status=200,
        content_type="application/json",
        text="",
        sha256="0" * 64,
        fetched_at="2026-01-01T00:00:00",
    )
    parsed = 0
    for path in sorted((REFERENCE / "nppes_api").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        if '"Errors"' in text:
            with pytest.raises(SourceError):
                nppes.parse_envelope(text)
            continue
        for record in nppes.parse_envelope(text):
            listing = nppes.parse_result(record, source="ref", page=page, result=Crawl("ref"))
            if listing is not None:
                assert listing.source_key.startswith("npi:") and listing.fields["name"]
                parsed += 1
    assert parsed >= 20


@needs_reference
def test_real_overpass_responses_parse():
    for path in sorted((REFERENCE / "overpass").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        if "runtime error" in text:
            with pytest.raises(SourceError, match="runtime error"):
                overpass.parse_elements(text)
        else:
            assert len(overpass.parse_elements(text)[0]) > 50
