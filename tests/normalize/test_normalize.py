"""Normalization, table-driven with the messy shapes real listings have."""

import pytest

from pipeline.gazetteer import normalize_state
from pipeline.normalize.addresses import parse_address, split_zip
from pipeline.normalize.listing import (
    clean_text,
    normalize,
    normalize_email,
    normalize_phone,
    normalize_phones,
    normalize_website,
)
from pipeline.normalize.names import listing_kind, proper_case, split_credential_text, split_credentials
from pipeline.records import RawListing


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("(512) 555-0142", ("+15125550142", None)),
        ("512.555.0143", ("+15125550143", None)),
        ("+1 512 555 0145", ("+15125550145", None)),
        ("5125550146", ("+15125550146", None)),
        ("(303) 555-0150 ext. 12", ("+13035550150", "12")),
        ("Call 303-555-0151 or 303-555-0152", ("+13035550151", None)),
        ("call for appointment", (None, None)),
        ("555", (None, None)),
        (None, (None, None)),
    ],
    ids=["parens", "dots", "plus-one", "bare-digits", "extension", "first-of-several", "words", "too-short", "none"],
)
def test_phone(raw, expected):
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Jane Alvarez, LMT", ("Jane Alvarez", ["LMT"])),
        ("MARCUS O'NEIL LMT, NCBTMB", ("Marcus O'Neil", ["LMT", "NCBTMB"])),
        ("DANA M. MCDONALD, CMT", ("Dana M. McDonald", ["CMT"])),
        ("Dr. Priya DeLuca LMBT", ("Priya DeLuca", ["LMBT"])),
        ("Sam Lee, PT, DPT", ("Sam Lee", ["PT", "DPT"])),
        ("Lotus Tide Day Spa", ("Lotus Tide Day Spa", [])),
    ],
    ids=["comma-credential", "upper-case-irish", "upper-case-scottish", "title-dropped", "two-credentials", "business"],
)
def test_name_and_credentials(raw, expected):
    assert split_credentials(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("JOSÉ ORTEGA", "José Ortega"),
        ("MARY-KATE O'HARA", "Mary-Kate O'Hara"),
        ("Priya DeLuca", "Priya DeLuca"),
        ("mcdonald", "mcdonald"),
    ],
    ids=["accent", "hyphen-apostrophe", "mixed-case-kept", "lower-case-kept"],
)
def test_proper_case_only_fixes_shouting(raw, expected):
    assert proper_case(raw) == expected


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Jane Alvarez", "person"),
        ("Lotus Tide Day Spa", "business"),
        ("Cedar Clinic", "business"),
        ("Madonna", "business"),
        ("José Ortega Ruiz", "person"),
    ],
)
def test_kind(name, kind):
    assert listing_kind(name) == kind


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("TX", "TX"),
        ("texas", "TX"),
        ("NORTH CAROLINA", "NC"),
        ("N.C.", "NC"),
        ("Tex", None),
        ("", None),
    ],
)
def test_state(raw, expected):
    assert normalize_state(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("78701", ("78701", None)),
        ("78701-1234", ("78701", "1234")),
        ("787011234", ("78701", "1234")),
        ("2134", ("02134", None)),
        ("21345678", ("02134", "5678")),
        ("ABCDE", (None, None)),
        (None, (None, None)),
    ],
    ids=["zip5", "zip+4", "zip9", "lost-zero", "lost-zero-zip9", "letters", "none"],
)
def test_zip(raw, expected):
    assert split_zip(raw) == expected


@pytest.mark.parametrize(
    "parts, expected",
    [
        (
            ("1200 S Congress Ave, Suite 210", "Austin", "TX", "78704-1234"),
            dict(
                street="1200 S Congress Ave",
                suite="Suite 210",
                city="Austin",
                state="TX",
                postal_code="78704",
                zip4="1234",
            ),
        ),
        (
            ("1550 WEWATTA ST STE. 4", "DENVER", "COLORADO", "802021234"),
            dict(
                street="1550 Wewatta St", suite="Suite 4", city="Denver", state="CO", postal_code="80202", zip4="1234"
            ),
        ),
        (("501 N MAIN ST # 1842", "WASILLA", "AK", "996547052"), dict(street="501 N Main St", suite="Suite 1842")),
        (("77 Lamar Blvd Unit 3", "Austin", "TX", "78705"), dict(street="77 Lamar Blvd", suite="Unit 3")),
        (("PO BOX 871842", "WASILLA", "AK", "996871842"), dict(street="PO Box 871842", po_box=True, suite=None)),
        (("P.O. Box 12", "Austin", "TX", "78701"), dict(po_box=True)),
        (
            ("1200 S Congress Ave, Suite 210, Austin, TX 78704", None, None, None),
            dict(street="1200 S Congress Ave", suite="Suite 210", city="Austin", state="TX", postal_code="78704"),
        ),
        (("Call for location", "Austin", "TX", "78701"), dict(street=None, not_an_address=True, postal_code="78701")),
        (("By appointment only - mobile massage", "Tampa", "FL", None), dict(street=None, not_an_address=True)),
        (("We come to you!", "Denver", "CO", "80202"), dict(not_an_address=True)),
    ],
    ids=[
        "suite",
        "upper-case-ste-9-digit-zip-spelled-state",
        "hash-suite",
        "unit",
        "po-box",
        "dotted-po-box",
        "whole-address-in-street",
        "call-for-location",
        "by-appointment",
        "we-come-to-you",
    ],
)
def test_addresses(parts, expected):
    address = parse_address(*parts)
    assert {key: getattr(address, key) for key in expected} == expected


def test_phones_keep_every_valid_number_in_order():
    assert normalize_phones("Office 512-555-0142, cell (512) 555-0143 x7, fax 512-555-0142") == [
        ("+15125550142", None),
        ("+15125550143", "7"),
    ]


@pytest.mark.parametrize(
    "raw, expected", [("LMT, NCBTMB", ["LMT", "NCBTMB"]), ("L.M.T.", ["LMT"]), ("--", []), ("PT/DPT", ["PT", "DPT"])]
)
def test_credential_text(raw, expected):
    assert split_credential_text(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("https://WWW.Harlow-Bodywork.example.com/?utm_source=directory", "https://www.harlow-bodywork.example.com"),
        ("harlow.example.com/book?utm_medium=x&id=4#top", "https://harlow.example.com/book?id=4"),
        ("javascript:alert(1)", None),
        ("mailto:a@b.example.com", None),
        ("", None),
    ],
    ids=["tracking-removed", "scheme-added", "javascript-refused", "mailto-refused", "empty"],
)
def test_website(raw, expected):
    assert normalize_website(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("mailto:Book@Cedar-Clinic.example.net", "book@cedar-clinic.example.net"),
        ("mailto:a@b.example.com?subject=hi", "a@b.example.com"),
        ("not an email", None),
    ],
)
def test_email(raw, expected):
    assert normalize_email(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("  Deep\n\n   tissue &amp; NMT&nbsp;work ", "Deep tissue & NMT work"),
        ("Ren&eacute;e <b>Castillo</b>", "Renée Castillo"),
        ("--", ""),
        ("n/a", ""),
        ("Ana\x00 Ruiz\x07\x1b[31m", "Ana Ruiz [31m"),
    ],
    ids=["whitespace-entities", "tags", "placeholder-dashes", "placeholder-na", "control-characters"],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


def test_normalize_builds_a_listing_and_counts_invalid_values():
    from collections import Counter

    counts = Counter()
    raw = RawListing(
        source="s",
        source_key="k",
        url="http://x.test/a",
        fetched_at="2026-01-01T00:00:00",
        raw_sha256="0" * 64,
        fields={
            "name": "  JANE   ALVAREZ,\n LMT ",
            "phone": "call us",
            "state": "Texas",
            "postal_code": "78701-4402",
            "city": "AUSTIN",
            "email": "nope",
            "services": ["Deep tissue", " ", "Deep tissue"],
        },
    )
    listing = normalize(raw, counts)
    assert (listing.name, listing.credentials, listing.state, listing.postal_code, listing.city) == (
        "Jane Alvarez",
        ["LMT"],
        "TX",
        "78701",
        "Austin",
    )
    assert listing.phone is None and listing.email is None and listing.services == ["Deep tissue"]
    assert counts == Counter({"normalize/invalid/phone": 1, "normalize/invalid/email": 1})
