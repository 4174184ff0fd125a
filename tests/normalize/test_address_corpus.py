"""The address parser on 327 one-line addresses in the shapes US directories, rosters, NPPES and
OSM print (tests/normalize/data/addresses.json, written apart from the parser): every field right
for at least 98% of them."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline.normalize.addresses import parse_address

CORPUS = Path(__file__).resolve().parent / "data" / "addresses.json"
FIELDS = ("street", "suite", "city", "state", "postal_code", "zip4", "mailing", "country")


def comparable(field: str, value):
    """Streets, cities and mailing lines compare without case and punctuation; the rest exactly."""
    if value is None or field not in ("street", "city", "mailing"):
        return value
    return " ".join(re.sub(r"[.,]", "", value).lower().split())


def score(rows: list[dict]) -> tuple[dict[str, float], list[tuple]]:
    """Per-field accuracy and the misses (field, shape, input, expected, got). A foreign row counts
    only its country: its other parts are never used."""
    right: Counter = Counter()
    misses = []
    for row in rows:
        got = parse_address(line=row["input"])
        for field in FIELDS:
            foreign_part = row["country"] != "US" and field != "country"
            if foreign_part or comparable(field, getattr(got, field)) == comparable(field, row[field]):
                right[field] += 1
            else:
                misses.append((field, row["shape"], row["input"], row[field], getattr(got, field)))
    return {field: right[field] / len(rows) for field in FIELDS}, misses


def load() -> list[dict]:
    return json.loads(CORPUS.read_text(encoding="utf-8"))


def test_the_corpus_covers_the_shapes():
    rows = load()
    assert len(rows) >= 300
    shapes = Counter(row["shape"] for row in rows)
    for shape in ("no_commas", "spelled_state", "zip4", "suite_forms", "po_box_with_street", "rural_route",
                  "city_state_zip", "city_state", "dc", "puerto_rico", "lost_leading_zero", "foreign"):  # fmt: skip
        assert shapes[shape] >= 8, shape


@pytest.mark.parametrize("field", FIELDS)
def test_every_field_is_right_for_98_percent(field):
    accuracy, misses = score(load())
    wrong = [miss for miss in misses if miss[0] == field]
    assert accuracy[field] >= 0.98, f"{field}: {accuracy[field]:.3f}; misses: {wrong[:10]}"


def test_located_precision_for_strings_with_a_zip_or_a_city():
    """Every string with a valid US ZIP yields the ZIP (postal_code precision or better); every
    city-only string yields its city and state (city precision)."""
    rows = [row for row in load() if row["country"] == "US"]
    with_zip = [row for row in rows if row["postal_code"]]
    city_only = [row for row in rows if not row["postal_code"] and row["city"]]
    zips = sum(parse_address(line=row["input"]).postal_code == row["postal_code"] for row in with_zip)
    cities = sum(
        (lambda got: (got.city or "").lower() == row["city"].lower() and got.state == row["state"])(
            parse_address(line=row["input"])
        )
        for row in city_only
    )
    assert zips / len(with_zip) >= 0.99 and cities == len(city_only)
