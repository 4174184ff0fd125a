"""The static website built from an export: shards, pages, redirects, escaping, incremental and
deterministic builds. (Its behaviour in a real browser: tests/site/.)"""

from __future__ import annotations

import hashlib
import json
import math
import random
from pathlib import Path

import pytest

from pipeline.config import Site
from pipeline.publish.site import build_site, cell_key, lon_step
from pipeline.relevance.vocabulary import load_vocabulary
from tests.conftest import ROOT

VOCABULARY = load_vocabulary(ROOT / "vocabulary.toml")
SETTINGS = Site(base_url="https://directory.example.org")


def record(n: int, **fields) -> dict:
    base = {
        "therapist_id": f"t{n:015x}",
        "slug": f"therapist-{n}-austin",
        "name": f"Therapist {n}",
        "kind": "person",
        "credentials": ["LMT"],
        "business_name": None,
        "npi": None,
        "licenses": [{"number": f"MT{n}", "state": "TX", "status": "active"}],
        "phone": "+15125550100",
        "phone_display": "(512) 555-0100",
        "website": None,
        "email": None,
        "street": f"{100 + n} Congress Ave",
        "city": "Austin",
        "state": "TX",
        "postal_code": "78701",
        "lat": 30.27 + n / 1000,
        "lon": -97.74,
        "geocode_precision": "postal_code",
        "address_derived": False,
        "description": None,
        "opening_hours": None,
        "price_range": None,
        "payment_accepted": [],
        "languages": [],
        "techniques": ["deep_tissue"],
        "conditions": ["sciatica"],
        "relevance_score": 75,
        "relevance_tier": "high",
        "evidence": [
            {
                "technique": "deep_tissue",
                "snippet": "Deep tissue massage for sciatica.",
                "field": "page",
                "source_url": f"https://therapist-{n}.test/services/",
            }
        ],  # fmt: skip
        "sources": ["roster"],
        "attribution": None,
        "first_seen": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
    }
    return {**base, **fields}


def write_export(folder: Path, records: list[dict], redirects: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    therapists = {}
    for r in records:
        text = json.dumps(r, sort_keys=True)
        therapists[r["therapist_id"]] = {"slug": r["slug"], "sha256": hashlib.sha256(text.encode()).hexdigest()}
    manifest = {
        "generated_at": "2026-01-01T00:00:00Z",
        "min_tier": "low",
        "therapists": therapists,
        "sources": [{"name": "roster", "kind": "csv", "license": "Public record"}],
        "attribution": ["ZIP centroids: GeoNames (CC BY 4.0)"],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (folder / "therapists.json").write_text(json.dumps(records))
    (folder / "redirects.json").write_text(json.dumps(redirects or {"slugs": {}, "therapist_ids": {}}))
    return folder


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_site_has_search_shards_pages_lists_and_redirects(tmp_path):
    records = [record(n) for n in range(3)] + [record(9, city="Denver", state="CO", lat=39.74, lon=-104.99)]
    records.append(record(7, lat=None, lon=None, slug="unlocated-austin"))
    redirects = {
        "slugs": {"old-name-austin": "therapist-1-austin"},
        "therapist_ids": {"tdead": records[1]["therapist_id"]},
    }
    export = write_export(tmp_path / "export", records, redirects)
    result = build_site(export, tmp_path / "site", SETTINGS, VOCABULARY)
    site = tmp_path / "site"
    assert result.therapists == 5 and result.full
    meta = json.loads((site / "data" / "meta.json").read_text())
    austin = cell_key(30.27, -97.74)
    assert austin in meta["cells"] and "78" in meta["zip_prefixes"] and "tx" in meta["states"]
    shard = json.loads((site / "data" / "cells" / f"{austin}.json").read_text())
    assert [r["id"] for r in shard] == [r["therapist_id"] for r in records[:3]]  # unlocated: not searchable
    assert (
        shard[0]["evidence"]["snippet"] == "Deep tissue massage for sciatica."
        and shard[0]["url"] == "t/therapist-0-austin/"
    )
    lat, lon, city, state = json.loads((site / "data" / "places" / "zip" / "78.json").read_text())["78701"]
    assert (round(lat, 1), round(lon, 1), city, state) == (30.3, -97.7, "Austin", "TX")
    assert json.loads((site / "data" / "places" / "city" / "tx.json").read_text())["AUSTIN"][2] == "Austin"
    page = (site / "t" / "therapist-0-austin" / "index.html").read_text()
    assert '<link rel="canonical" href="https://directory.example.org/t/therapist-0-austin/">' in page
    assert "Deep tissue massage for sciatica." in page and 'href="https://therapist-0.test/services/"' in page
    assert "Texas licence MT0, active" in page
    city = (site / "massage-for-sciatica" / "tx" / "austin" / "index.html").read_text()
    assert city.count('<li><a href="../../../t/') == 4 and "<script" not in city
    assert (site / "t" / "old-name-austin" / "index.html").read_text().count('url=../therapist-1-austin/"') == 1
    assert (site / "_redirects").read_text() == (
        "/t/old-name-austin/ /t/therapist-1-austin/ 301\n/id/tdead/ /t/therapist-1-austin/ 301\n"
    )
    sitemap = (site / "sitemap.xml").read_text()
    assert "<loc>https://directory.example.org/t/therapist-9-austin/</loc><lastmod>2026-01-01</lastmod>" in sitemap
    assert "Sitemap: https://directory.example.org/sitemap.xml" in (site / "robots.txt").read_text()
    assert (site / "assets" / "vendor" / "leaflet" / "LICENSE").exists()


def test_text_from_the_data_is_escaped_and_only_web_links_are_links(tmp_path):
    evil = "<img src=x onerror=alert(1)>"
    records = [record(1, name=evil, website="javascript:alert(1)", evidence=[{
        "technique": "deep_tissue", "snippet": "</script><script>alert(1)</script>", "field": "page",
        "source_url": "javascript:alert(2)"}])]  # fmt: skip
    build_site(write_export(tmp_path / "export", records), tmp_path / "site", SETTINGS, VOCABULARY)
    page = (tmp_path / "site" / "t" / "therapist-1-austin" / "index.html").read_text()
    assert evil not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:" not in page and "</script><script>" not in page
    ld = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(ld)["name"] == evil  # the JSON-LD keeps the text, with "<" escaped
    shard = next((tmp_path / "site" / "data" / "cells").glob("*.json")).read_text()
    assert json.loads(shard)[0]["website"] is None
    assert "script-src 'self'" in page.replace("&#x27;", "'")


def test_rebuilds_are_deterministic_and_touch_only_what_changed(tmp_path):
    records = [
        record(n, city=city, lat=lat)
        for n, (city, lat) in enumerate([("Austin", 30.27)] * 3 + [("Round Rock", 30.51)] * 3)
    ]
    export = write_export(tmp_path / "export", records)
    build_site(export, tmp_path / "a", SETTINGS, VOCABULARY)
    build_site(export, tmp_path / "b", SETTINGS, VOCABULARY)
    first = files(tmp_path / "a")
    assert first == files(tmp_path / "b")  # the same export, byte-identical sites
    again = build_site(export, tmp_path / "a", SETTINGS, VOCABULARY)
    assert (again.written, again.removed, again.rendered, again.full) == (0, 0, 0, False)

    # One therapist changes, one leaves: its page, its city list and its cell, and nothing else.
    records[0] = {**records[0], "relevance_score": 40, "relevance_tier": "medium"}
    del records[5]
    write_export(export, records)
    changed = build_site(export, tmp_path / "a", SETTINGS, VOCABULARY)
    after = files(tmp_path / "a")
    differ = sorted(p for p in after if after[p] != first.get(p)) + sorted(set(first) - set(after))
    assert "t/therapist-0-austin/index.html" in differ and "t/therapist-5-austin/index.html" in differ
    assert not any(p.startswith("t/therapist-1") for p in differ)
    assert changed.rendered == 4  # 1 page + 2 city lists + the one cell both cities share
    assert all(p.startswith(("t/", "massage-for-sciatica/", "data/", "sitemap", ".site-state")) for p in differ)


def test_a_25_mile_search_needs_at_most_four_cells_anywhere_in_the_country():
    rng = random.Random(7)
    for _ in range(5000):
        lat, lon, miles = rng.uniform(-15, 71.5), rng.uniform(-180, -64), 25
        dlat = miles / 68.7
        dlon = miles / (69.17 * math.cos(math.radians(min(abs(lat) + dlat, 89))))
        cells = {
            f"{band}_{index}"
            for band in range(math.floor(lat - dlat), math.floor(lat + dlat) + 1)
            for index in range(math.floor((lon - dlon) / lon_step(band)), math.floor((lon + dlon) / lon_step(band)) + 1)
        }
        assert len(cells) <= 4, (lat, lon, cells)


def test_no_export_is_a_clear_error(tmp_path):
    from pipeline.errors import NothingToDo

    with pytest.raises(NothingToDo, match="run `therapists export` first"):
        build_site(tmp_path / "nothing", tmp_path / "site", SETTINGS, VOCABULARY)
