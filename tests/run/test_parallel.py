"""Judging a large batch across worker processes gives the rows and counts of judging it in one,
in the same order; a record that breaks the judging raises what it raises in one process, and a
worker that dies is a PipelineError, not a hang."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
from collections import Counter
from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.errors import ConfigError, PipelineError
from pipeline.gazetteer import lookup
from pipeline.records import RawListing
from pipeline.relevance.vocabulary import load_vocabulary
from pipeline.run import parallel
from pipeline.run.parallel import RowMaker
from tests.conftest import ROOT

TESTS = Path(__file__).resolve().parent.parent
ADDRESSES = [row["input"] for row in json.loads((TESTS / "normalize/data/addresses.json").read_text("utf-8"))]
CASES = json.loads((TESTS / "relevance/data/relevance_eval.json").read_text("utf-8"))
NAMES = ["ANA   RUIZ, LMT", "RUIZ, ANA M", "Dr. Marcus O'Neil LMT", "Kim Ma", "Jane Doe, PT, DPT",
         "Glow &amp; Unwind Spa", "<b>Linh</b> Do, L.M.T.", "Back\u00a0in  Balance LLC", "n/a", "  "]  # fmt: skip
PHONES = ["(512) 555-0123", "512.555.0188 ext. 4", "+1 512 555 0199", "Call 512-555-0100 or (512) 555-0101",
          "tel:+1234567890", "n/a", "555-0100", "5125550142"]  # fmt: skip
EMAILS = ["INFO@Example.com", "mailto:ana@ruiz.example?subject=Hi", "not-an-email@", ""]
WEBSITES = ["https://Ana.example.com/?utm_source=x&id=3", "www.backbalance.example", "javascript:void(0)",
            "http://CLINIC.example:8080/about#team", "ftp://files.example/x", ""]  # fmt: skip
SERVICES = ["Deep tissue massage", "Swedish", "Triger point therapy", "Hot stone", "Myofascial release", "Cupping",
            "Prenatal massage", "Siatica relief", "Licensed Massage Therapist", "&lt;Chair&gt; massage"]  # fmt: skip
CODES = ["225700000X", "1223G0001X", " 208100000x ", "111N00000X", "225100000X"]


def npi(rng: random.Random, valid: bool) -> str:
    """A ten-digit NPI whose check digit is right (or one off)."""
    body = f"1{rng.randrange(10**8):08d}"
    total = 24  # "80840" contributes 24 to the Luhn sum
    for i, digit in enumerate(int(d) for d in reversed(body)):
        doubled = digit * 2 if i % 2 == 0 else digit
        total += doubled - 9 if doubled > 9 else doubled
    check = (10 - total % 10) % 10
    return body + str(check if valid else (check + 1) % 10)


def varied_raws(n: int, seed: int = 19) -> list[RawListing]:
    """n records in the shapes the sources give: directory cards and profiles (fallback values,
    entities, line breaks), NPPES registrations (surname first, NPIs, licences, taxonomy codes),
    rosters (a default state), OSM places (coordinates, no address), foreign addresses."""
    rng = random.Random(seed)
    raws = []
    for i in range(n):
        case = CASES[i % len(CASES)]
        shape = i % 5
        fields: dict = {"name": rng.choice(NAMES) if i % 3 else case["name"], "phone": rng.choice(PHONES)}
        if shape == 0:  # a directory profile: one-line address, structured fallbacks
            fields |= {"address": rng.choice(ADDRESSES), "phone_fallback": "(737) 555-0110",
                       "email": rng.choice(EMAILS), "email_fallback": "desk@clinic.example",
                       "website": rng.choice(WEBSITES), "opening_hours": "Mo-Fr 09:00-17:00",
                       "price_range": "$$ " * (i % 30), "languages": ["English", "Spanish", " "],
                       "payment_accepted": ["Cash", "HSA", "Cash"]}  # fmt: skip
        elif shape == 1:  # a card: address in parts, a line break in the street
            zip_code = rng.choice(["78704-1234", "78704", "7870", "02134", "2134", "99999"])
            fields |= {"street": f"{100 + i} S Congress Ave\nSuite {i % 40}", "city": "AUSTIN", "state": "Texas",
                       "postal_code": zip_code}  # fmt: skip
        elif shape == 2:  # a roster row: the board's state implied
            fields |= {"street": f"{i} Main St<br>Ste {i % 9}", "city": "Boston", "postal_code": "2134"}
        elif shape == 3:  # a place from coordinates only
            pass
        else:  # a registry row: mailing address beside the practice
            fields |= {"street": f"{i} N LAMAR BLVD", "street_2": "STE 210", "city": "AUSTIN", "state": "TX",
                       "postal_code": "787051234", "mailing_address": f"PO BOX {i}, AUSTIN, TX 78767"}  # fmt: skip
        fields["services"] = rng.sample(SERVICES, i % 4) + list(case["services"])
        if case.get("description") or i % 7 == 0:
            fields["description"] = (case.get("description") or "") + " Walk-ins welcome &amp; by referral.\x07"
        if case.get("business_name"):
            fields["business_name"] = case["business_name"]
        if case["credentials"] or i % 11 == 0:
            fields["credentials"] = list(case["credentials"]) or ["L.M.T., NCBTMB"]
        raws.append(
            RawListing(
                source="varied",
                source_key=f"k{i}",
                url=f"http://varied.test/{i}",
                fetched_at="2026-01-01T00:00:00",
                raw_sha256=f"{i:064d}",
                fields=fields,
                npi=npi(rng, valid=i % 13 != 0) if shape == 4 else None,
                licenses=[{"number": f" {i} ", "state": "Texas", "status": "ACTIVE"}, {"number": str(i), "state": "TX"}]
                if shape == 4
                else [],
                taxonomy_codes=list(case["taxonomy_codes"]) + ([rng.choice(CODES)] if shape == 4 else []),
                lat=30.25 + i % 50 / 1000 if shape == 3 else None,
                lon=-97.75 if shape == 3 else (None if i % 17 else 2.35),
                default_state="MA" if shape == 2 else None,
                kind=rng.choice([None, "person", "business"]),
                attribution="© OpenStreetMap contributors, ODbL" if shape == 3 else None,
            )
        )
    return raws


RAWS = varied_raws(1_250)  # every labelled case in every shape (249 cases x 5 shapes)


@pytest.fixture(scope="module")
def judging():
    config = load_config(ROOT / "pipeline.toml")
    return load_vocabulary(config.vocabulary_path), config.relevance


@pytest.fixture(scope="module")
def serial(judging):
    """The rows and counts of judging RAWS in this process, after what a run already counted."""
    counts: Counter = Counter({"scrape/listings": 3})
    return RowMaker(*judging, "US", processes=1).rows(RAWS, counts), counts


@pytest.fixture(scope="module")
def pool(judging):
    """Two worker processes that take any batch, in chunks of 97 records (the last one short)."""
    with RowMaker(*judging, "US", processes=2, parallel_from=2, chunk=97) as maker:
        yield maker


def test_the_records_are_varied(serial):
    rows, counts = serial
    assert counts["scrape/dropped/outside_country"] and counts["normalize/invalid/phone"]
    assert counts["normalize/invalid/npi"] and counts["normalize/invalid/email"] and counts["classify/negated"]
    assert {row["relevance_tier"] for row in rows} >= {"high", "medium", "low", "none", "unknown"}
    assert {row["kind"] for row in rows} == {"person", "business"} and any(row["evidence"] for row in rows)


def test_parallel_rows_and_counts_are_the_serial_ones_in_order(serial, pool):
    counts: Counter = Counter({"scrape/listings": 3})
    rows = pool.rows(RAWS, counts)
    assert pool._pool is not None, "the batch was judged in worker processes"
    assert rows == serial[0]
    assert list(counts.items()) == list(serial[1].items())  # the same counts, in the same order


def test_a_small_batch_is_judged_here(judging):
    maker = RowMaker(*judging, "US", processes=2, parallel_from=len(RAWS) + 1)
    assert maker.rows(RAWS[:50], Counter()) == RowMaker(*judging, "US", processes=1).rows(RAWS[:50], Counter())
    assert maker._pool is None


def test_a_record_that_breaks_judging_raises_what_it_raises_here(judging, pool):
    broken = [*RAWS[:120], RawListing("varied", "bad", "http://varied.test/bad", "", "", {"services": [5]})]
    with pytest.raises(TypeError) as here:
        RowMaker(*judging, "US", processes=1).rows(broken, Counter())
    with pytest.raises(TypeError) as there:
        pool.rows(broken, Counter())
    assert str(there.value) == str(here.value)
    assert pool.rows(RAWS[:100], Counter()) == RowMaker(*judging, "US", processes=1).rows(RAWS[:100], Counter())


class _Exit:
    """A value that ends the process unpickling it, as a crashed or killed worker would end."""

    def __reduce__(self):
        return os._exit, (3,)


def test_a_worker_that_dies_is_a_pipeline_error(judging):
    doomed = [*RAWS[:10], RawListing("varied", "exit", "http://varied.test/exit", "", "", {"name": _Exit()})]
    with RowMaker(*judging, "US", processes=2, parallel_from=2, chunk=4) as maker:
        with pytest.raises(PipelineError, match="worker process .* ended abruptly"):
            maker.rows(doomed, Counter())
        assert maker._pool is None  # and the next large batch starts a new pool
        assert maker.rows(RAWS[:20], Counter()) == RowMaker(*judging, "US", processes=1).rows(RAWS[:20], Counter())


def _gazetteer_indexed() -> bool:
    """In a worker: whether the gazetteer's ZIPs and cities are read and indexed."""
    return lookup._zip_index.cache_info().currsize == lookup._city_index.cache_info().currsize == 1


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(), reason="workers are spawned")
def test_workers_start_with_the_gazetteer_loaded(judging):
    with RowMaker(*judging, "US", processes=1) as maker:
        assert maker._started().submit(_gazetteer_indexed).result()  # its first task: nothing judged yet


@pytest.mark.parametrize(
    ("value", "wanted"),
    [("", parallel.usable_cores()), ("1", 1), ("3", 3), ("0", None), ("two", None), ("-2", None)],
    ids=["unset-cores", "one", "three", "zero", "words", "negative"],
)
def test_processes_from_the_environment(monkeypatch, value, wanted):
    monkeypatch.setenv(parallel.PROCESSES_ENV, value)
    if wanted is None:
        with pytest.raises(ConfigError, match=parallel.PROCESSES_ENV):
            parallel.processes_wanted()
    else:
        assert parallel.processes_wanted() == wanted
