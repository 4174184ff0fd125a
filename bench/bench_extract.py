"""Benchmark: extraction throughput vs the cost of merely parsing the same input.

- HTML list pages with 20 cards (~60 KB) and profile pages with JSON-LD: our extraction vs
  BeautifulSoup(lxml) parsing alone.
- NPPES API JSON pages of 200 results: our parse vs json.loads alone.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bs4 import BeautifulSoup  # noqa: E402

from bench.common import write_results  # noqa: E402
from pipeline.config.sources import HtmlSelectors, HtmlSource  # noqa: E402
from pipeline.fetch.fetcher import Page  # noqa: E402
from pipeline.sources import Crawl, html, nppes  # noqa: E402

SOURCE = HtmlSource(
    name="bench",
    kind="html",
    base_url="http://bench.test/",
    start_urls=["/"],
    selectors=HtmlSelectors(
        card="article.listing-card", detail_link="a.listing-link", next_page="nav.pagination a.next"
    ),
    fields={
        "name": "h1.profile-name",
        "phone": ".contact .phone",
        "street": "address .street",
        "city": "address .city",
        "state": "address .state",
        "postal_code": "address .zip",
        "services": ".services li",
        "description": ".about p",
    },
)
FILLER = "<p>" + "Fictional directory filler text about massage and bodywork. " * 20 + "</p>"


def list_page(i: int) -> str:
    cards = "".join(
        f'<article class="listing-card"><h2><a class="listing-link" href="/t/{i}-{n}.html">Name {n}</a>'
        f"</h2><p>Austin, TX</p>{FILLER}</article>"
        for n in range(20)
    )
    return (
        f'<html><head><meta charset="utf-8"><title>Page {i}</title></head><body><nav>{FILLER}</nav>{cards}'
        f'<nav class="pagination"><a class="next" href="/d/{i + 1}.html">Next</a></nav></body></html>'
    )


def profile_page(i: int) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "HealthAndBeautyBusiness",
        "name": f"Clinic {i}",
        "telephone": "512-555-0142",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "1 Main St",
            "addressLocality": "Austin",
            "addressRegion": "TX",
            "postalCode": "78701",
        },
        "makesOffer": [{"@type": "Offer", "itemOffered": {"@type": "Service", "name": "Deep Tissue Massage"}}],
    }
    return (
        f'<html><head><meta charset="utf-8"><script type="application/ld+json">{json.dumps(data)}</script></head>'
        f'<body><main class="profile"><h1 class="profile-name">Ana Ruiz {i}</h1>'
        f'<div class="contact"><span class="phone">(512) 555-0142</span></div>'
        f'<address><span class="street">1 Main St</span><span class="city">Austin</span>'
        f'<span class="state">TX</span><span class="zip">78701</span></address>'
        f'<section class="services"><ul><li>Deep tissue</li><li>Trigger point</li></ul></section>'
        f'<section class="about"><p>Sciatica relief.</p></section>{FILLER * 10}</main></body></html>'
    )


def as_page(text: str) -> Page:
    return Page(
        url="http://bench.test/p",
        final_url="http://bench.test/p",
        canonical_url="http://bench.test/p",
        status=200,
        content_type="text/html",
        text=text,
        sha256="0" * 64,
        fetched_at="2026-01-01T00:00:00",
    )


def timed(fn, items) -> float:
    started = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - started


def nppes_results(n: int) -> list[dict]:
    return [
        {
            "enumeration_type": "NPI-1",
            "number": str(1000000000 + i),
            "basic": {
                "first_name": "ANA",
                "last_name": f"RUIZ{i}",
                "credential": "LMT",
                "status": "A",
                "enumeration_date": "2010-01-01",
                "last_updated": "2020-01-01",
            },
            "addresses": [
                {
                    "address_purpose": "LOCATION",
                    "address_1": "1 MAIN ST",
                    "city": "AUSTIN",
                    "state": "TX",
                    "postal_code": "787010000",
                    "telephone_number": "512-555-0142",
                }
            ],
            "taxonomies": [{"code": "225700000X", "desc": "Massage Therapist", "state": "TX", "license": f"MT{i}"}],
            "other_names": [],
            "practiceLocations": [],
            "identifiers": [],
        }
        for i in range(n)
    ]


def main() -> list[dict]:
    results = []
    lists = [list_page(i) for i in range(100)]
    ours = timed(lambda text: html.parse_list_page(SOURCE, text, "http://bench.test/d/1.html", Crawl("b")), lists)
    base = timed(lambda text: BeautifulSoup(text, "lxml"), lists)
    results.append(
        {
            "name": "html_list_pages",
            "size": len(lists),
            "ours_s": round(ours, 3),
            "baseline": "BeautifulSoup(lxml) parse only",
            "baseline_s": round(base, 3),
            "ratio": round(ours / base, 2),
            "extra": {"pages_per_s": round(len(lists) / ours), "page_kb": round(len(lists[0]) / 1024)},
        }
    )
    profiles = [profile_page(i) for i in range(200)]
    ours = timed(lambda text: html.extract_listing(SOURCE, as_page(text), Crawl("b")), profiles)
    base = timed(lambda text: BeautifulSoup(text, "lxml"), profiles)
    results.append(
        {
            "name": "html_profiles_jsonld",
            "size": len(profiles),
            "ours_s": round(ours, 3),
            "baseline": "BeautifulSoup(lxml) parse only",
            "baseline_s": round(base, 3),
            "ratio": round(ours / base, 2),
            "extra": {"pages_per_s": round(len(profiles) / ours)},
        }
    )
    pages = [json.dumps({"result_count": 200, "results": nppes_results(200)}) for _ in range(50)]
    page = as_page("")

    def parse_api(text: str) -> None:
        for record in nppes.parse_envelope(text):
            nppes.parse_result(record, source="b", page=page, result=Crawl("b"))

    ours = timed(parse_api, pages)
    base = timed(json.loads, pages)
    records = 200 * len(pages)
    results.append(
        {
            "name": "nppes_api_json",
            "size": records,
            "ours_s": round(ours, 3),
            "baseline": "json.loads only",
            "baseline_s": round(base, 3),
            "ratio": round(ours / base, 2),
            "extra": {"records_per_s": round(records / ours)},
        }
    )
    for row in results:
        print(
            f"{row['name']}: {row['size']} in {row['ours_s']} s vs {row['baseline']} {row['baseline_s']} s "
            f"(ratio {row['ratio']}x) {row['extra']}"
        )
    write_results("extract", results)
    return results


if __name__ == "__main__":
    main()
