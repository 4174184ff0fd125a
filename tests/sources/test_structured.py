"""schema.org structured data in html sources: JSON-LD (@graph, lists), microdata, precedence."""

import json
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from pipeline.config.sources import HtmlSelectors, HtmlSource
from pipeline.fetch.pages import Page
from pipeline.sources import Crawl, html, structured

BUSINESS = {
    "@context": "https://schema.org",
    "@type": "HealthAndBeautyBusiness",
    "name": "Cedar Clinic",
    "telephone": "(512) 555-0160",
    "url": "https://cedar.example.com",
    "email": "hi@cedar.example.com",
    "address": {
        "@type": "PostalAddress",
        "streetAddress": "12 Oak St",
        "addressLocality": "Austin",
        "addressRegion": "TX",
        "postalCode": "78701",
    },
    "geo": {"@type": "GeoCoordinates", "latitude": 30.27, "longitude": -97.74},
    "openingHours": ["Mo-Fr 09:00-17:00", "Sa 10:00-14:00"],
    "description": "Neuromuscular therapy for sciatica.",
    "hasOfferCatalog": {
        "@type": "OfferCatalog",
        "itemListElement": [
            {"@type": "Offer", "itemOffered": {"@type": "Service", "name": "Deep Tissue Massage"}},
            {"@type": "Offer", "itemOffered": {"@type": "Service", "name": "Trigger Point Therapy"}},
        ],
    },
}


def page(body: str) -> str:
    return f"<html><head><title>t</title></head><body>{body}</body></html>"


def ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    "markup",
    [
        ld(BUSINESS),
        ld(
            {
                "@context": "https://schema.org",
                "@graph": [{"@type": "WebPage", "name": "Profile"}, {"@type": "BreadcrumbList"}, BUSINESS],
            }
        ),
        ld([{"@type": "WebSite", "name": "Directory"}, BUSINESS]),
    ],
    ids=["object", "graph", "top-level-list"],
)
def test_json_ld_shapes(markup):
    found = structured.extract(BeautifulSoup(page(markup), "lxml"))
    assert found.origin == "json-ld"
    assert found.fields["name"] == "Cedar Clinic" and found.fields["postal_code"] == "78701"
    assert found.fields["services"] == ["Deep Tissue Massage", "Trigger Point Therapy"]
    assert found.fields["opening_hours"] == "Mo-Fr 09:00-17:00; Sa 10:00-14:00"
    assert (found.lat, found.lon) == (30.27, -97.74)


def test_microdata():
    markup = (
        '<div itemscope itemtype="https://schema.org/DaySpa"><h1 itemprop="name">Lotus Tide</h1>'
        '<span itemprop="telephone">512-555-0170</span><p itemprop="description">Hot stone.</p>'
        '<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">'
        '<span itemprop="streetAddress">5 Elm St</span><span itemprop="addressLocality">Denver</span>'
        '<span itemprop="addressRegion">CO</span><span itemprop="postalCode">80202</span></div>'
        '<a itemprop="url" href="https://lotus.example.org">site</a></div>'
    )
    found = structured.extract(BeautifulSoup(page(markup), "lxml"))
    assert found.origin == "microdata"
    assert found.fields == {
        "name": "Lotus Tide",
        "phone": "512-555-0170",
        "description": "Hot stone.",
        "street": "5 Elm St",
        "city": "Denver",
        "state": "CO",
        "postal_code": "80202",
        "website": "https://lotus.example.org",
    }


def test_person_only_when_no_business():
    person = {"@type": "Person", "name": "Ana Ruiz", "jobTitle": "Licensed Massage Therapist"}
    assert structured.extract(BeautifulSoup(page(ld(person)), "lxml")).fields["name"] == "Ana Ruiz"
    both = ld({"@graph": [person, BUSINESS]})
    assert structured.extract(BeautifulSoup(page(both), "lxml")).fields["name"] == "Cedar Clinic"


def source(**fields):
    return HtmlSource(
        name="s",
        kind="html",
        base_url="http://x.test/",
        start_urls=["/"],
        selectors=HtmlSelectors(card="li", detail_link="a"),
        fields=fields,
    )


def as_page(text: str) -> Page:
    return Page(
        url="http://x.test/p",
        final_url="http://x.test/p",
        canonical_url="http://x.test/p",
        status=200,
        content_type="text/html",
        text=text,
        sha256="0" * 64,
        fetched_at="2026-01-01T00:00:00",
    )


def test_selectors_win_field_by_field_and_the_record_says_which():
    text = page(ld(BUSINESS) + '<h1 class="n">Cedar Clinic &amp; Spa</h1>')
    result = Crawl(source="s")
    raw = html.extract_listing(source(name="h1.n"), as_page(text), result)
    assert raw.fields["name"] == "Cedar Clinic & Spa" and raw.fields["phone"] == "(512) 555-0160"
    assert raw.field_sources["name"] == "selector" and raw.field_sources["phone"] == "json-ld"
    assert (raw.lat, raw.lon) == (30.27, -97.74)


@pytest.mark.parametrize(
    "markup, reason",
    [
        ('<script type="application/ld+json">{"@type": "LocalBusiness", "name": "X",}</script>', "bad_jsonld"),
        (ld({"@type": "Article", "headline": "Ten stretches"}), "wrong_kind"),
        ("<p>nothing here</p>", "no_name"),
    ],
    ids=["broken-json", "wrong-kind", "nothing"],
)
def test_pages_without_a_listing_are_counted_drops(markup, reason):
    result = Crawl(source="s")
    assert html.extract_listing(source(), as_page(page(markup)), result) is None
    assert result.counts == Counter(
        {f"scrape/dropped/{reason}": 1, **({"scrape/structured/bad_jsonld": 1} if reason == "bad_jsonld" else {})}
    )


def test_opening_hours_specification_price_payment_and_languages():
    data = {
        "@context": "https://schema.org",
        "@type": "HealthAndBeautyBusiness",
        "name": "Quiet Oak Bodywork",
        "priceRange": "$60-$120",
        "paymentAccepted": "Cash, Credit Card, HSA",
        "availableLanguage": ["English", {"@type": "Language", "name": "Spanish"}],
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [
                    f"https://schema.org/{d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
                ],
                "opens": "09:00:00",
                "closes": "17:00:00",
            },
            {"@type": "OpeningHoursSpecification", "dayOfWeek": "Saturday", "opens": "10:00", "closes": "14:00"},
        ],  # fmt: skip
    }
    found = structured.extract(BeautifulSoup(page(ld(data)), "lxml"))
    assert found.fields["opening_hours"] == "Mo-Fr 09:00-17:00; Sa 10:00-14:00"
    assert found.fields["price_range"] == "$60-$120"
    assert found.fields["payment_accepted"] == ["Cash", "Credit Card", "HSA"]
    assert found.fields["languages"] == ["English", "Spanish"]


def test_a_selector_placeholder_falls_back_to_the_structured_value():
    markup = ld(BUSINESS) + '<h1 class="n">Cedar Clinic</h1><a class="tel" href="tel:+1234567890">Call</a>'
    result = Crawl("t")
    raw = html.extract_listing(source(name="h1.n", phone="a.tel@href"), as_page(page(markup)), result)
    assert raw.fields["phone"] == "tel:+1234567890" and raw.fields["phone_fallback"] == "(512) 555-0160"
    from pipeline.normalize.listing import normalize

    assert normalize(raw).phone == "+15125550160"
