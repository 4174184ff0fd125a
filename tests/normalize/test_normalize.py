"""Normalization, table-driven with the messy shapes real listings have."""

import pytest

from pipeline import gazetteer
from pipeline.gazetteer import normalize_state
from pipeline.normalize.addresses import describe_flags, parse_address
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
    "postal_code, state, expected",
    [
        ("78701", "TX", ("78701", None, ())),
        ("78701-1234", "TX", ("78701", "1234", ())),
        ("787011234", "TX", ("78701", "1234", ())),
        ("2134", "MA", ("02134", None, ("zip_restored",))),
        ("21345678", "MA", ("02134", "5678", ("zip_restored",))),
        ("2134", None, (None, None, ("invalid_postal_code",))),  # nothing confirms the zero
        ("7072", "TX", (None, None, ("invalid_postal_code",))),  # 07072 is New Jersey's
        ("ABCDE", "TX", (None, None, ("invalid_postal_code",))),
        (None, "TX", (None, None, ())),
    ],
    ids=["zip5", "zip+4", "zip9", "lost-zero", "lost-zero-zip9", "lost-zero-no-state", "lost-zero-other-state",
         "letters", "none"],
)  # fmt: skip
def test_zip(postal_code, state, expected):
    address = parse_address(None, None, state, postal_code)
    assert (address.postal_code, address.zip4, address.flags) == expected


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        # NPPES wrote a Georgia ZIP under Alabama: the city agrees with the ZIP, so the ZIP's state wins.
        (dict(city="Atlanta", state="AL", postal_code="30329"),
         dict(state="GA", flags=("state_zip_mismatch", "state_from_zip"))),
        # The city does not agree: the written state stays, flagged (the geocoder will not trust the ZIP).
        (dict(city="Birmingham", state="AL", postal_code="30329"),
         dict(state="AL", flags=("state_zip_mismatch",))),
        # A roster's state is a default: the address's own state and ZIP win.
        (dict(line="22 Tidewater Ln, Portsmouth, New Hampshire 03801", default_state="MA"),
         dict(city="Portsmouth", state="NH", postal_code="03801", flags=())),
        (dict(city="Portsmouth", postal_code="03801", default_state="MA"), dict(state="NH", flags=("state_from_zip",))),
        (dict(city="Boston", default_state="MA"), dict(state="MA", flags=())),
        # A Brazilian postcode is never coerced into ZIP 07072.
        (dict(street="SQS 308 Bloco C", city="Brasília", state="DF", postal_code="70722-520"),
         dict(country="BR", postal_code=None)),
        (dict(line="10211 99 Ave, Fort Saskatchewan, AB T8L 4E1"), dict(country="CA", postal_code=None)),
        (dict(street="4 Rue Larkspur", city="Gatineau", state="QC"), dict(country="CA")),
        (dict(street="12 Orchard Ln", city="Austin", state="TX", postal_code="78701", country="United States"),
         dict(country="US")),
        (dict(street="Av. Reforma 222", city="Ciudad de México", country="MX"), dict(country="MX")),
    ],
    ids=["state-zip-mismatch-city-agrees", "state-zip-mismatch-city-disagrees", "roster-state-is-a-default",
         "state-from-zip-before-default", "default-state", "brazilian-postcode", "canadian-line", "quebec-province",
         "country-us", "country-mx"],
)  # fmt: skip
def test_zip_state_and_country_truth(kwargs, expected):
    address = parse_address(**kwargs)
    assert {key: getattr(address, key) for key in expected} == expected


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        # NPPES puts the PO box on line 1 and the street on line 2: the street is where clients go.
        (dict(street="PO BOX 729", street_2="501 N BRYAN", city="MESQUITE", state="TX", postal_code="75149"),
         dict(street="501 N Bryan", mailing="PO Box 729", po_box=False)),
        (dict(street="501 N Bryan St", street_2="P.O. Box 729", city="Mesquite", state="TX", postal_code="75149"),
         dict(street="501 N Bryan St", mailing="PO Box 729", po_box=False)),
        (dict(street="PO Box 729", city="Mesquite", state="TX", postal_code="75149"),
         dict(street="PO Box 729", mailing=None, po_box=True)),
        (dict(street="4417 Larkspur Bend", street_2="Suite 120", city="Austin", state="TX", postal_code="78745"),
         dict(street="4417 Larkspur Bend", suite="Suite 120")),
        (dict(street="CLN 408", city="Austin", state="TX", postal_code="78701"), dict(po_box=False, mailing=None)),
        (dict(street="RR 2 Box 45", city="Ava", state="MO", postal_code="65608"),
         dict(street="RR 2 Box 45", po_box=False)),
        (dict(street="800 Larkspur Ave", city="Austin", state="TX", postal_code="78701",
              mailing="PO Box 9, Austin, TX 78767"),
         dict(street="800 Larkspur Ave", mailing="PO Box 9, Austin, TX 78767")),
    ],
    ids=["po-box-then-street", "street-then-po-box", "po-box-alone", "suite-line", "clinic-room-is-no-po-box",
         "rural-route", "nppes-mailing-address"],
)  # fmt: skip
def test_street_over_po_box_and_location_over_mailing(kwargs, expected):
    address = parse_address(**kwargs)
    assert {key: getattr(address, key) for key in expected} == expected


def test_coordinates_without_an_address_get_the_nearest_zip_marked_derived():
    address = parse_address(lat=30.2669, lon=-97.7428)  # downtown Austin
    assert (address.city, address.state) == ("Austin", "TX")
    assert "AUSTIN|TX" in gazetteer.cities_of_zip(address.postal_code)
    assert address.flags == ("from_coordinates",) and address.country == "US"
    assert parse_address(lat=-15.79, lon=-47.88).country == "XX", "coordinates abroad are outside the country"
    assert parse_address(lat=43.65, lon=-79.38).country == "XX", "Toronto is no US ZIP's neighbour"
    kept = parse_address(city="Austin", state="TX", postal_code="78704", lat=30.2669, lon=-97.7428)
    assert (kept.postal_code, kept.flags) == ("78704", ()), "an address the source gave is never replaced"


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


def test_address_flags_are_explained_in_words():
    corrected = describe_flags(("state_zip_mismatch", "state_from_zip"), state="GA", postal_code="30329")
    assert corrected == [
        "the state written disagreed with ZIP 30329 (in GA); the city is one of the ZIP's, so GA was used"
    ]
    kept = describe_flags(("state_zip_mismatch",), state="AL", postal_code="30329")
    assert kept == ["state AL disagrees with ZIP 30329 (in GA); located by the city, not the ZIP"]
    assert (
        "derived from the source's coordinates"
        in describe_flags(("from_coordinates",), state="TX", postal_code="78701")[0]
    )


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Linh Do", ("Linh Do", [])),
        ("Kim Ma, LMT", ("Kim Ma", ["LMT"])),
        ("Kim Ma LMT", ("Kim Ma", ["LMT"])),
        ("Café do Ponto", ("Café do Ponto", [])),
        ("Jane Doe, Psy.D", ("Jane Doe", ["PSYD"])),
        ("Ann Lee, Ph.D., CGP", ("Ann Lee", ["PHD", "CGP"])),
        ("Bo Kim LICSW", ("Bo Kim", ["LICSW"])),
        ("John Roe, M. D.", ("John Roe", ["MD"])),
        ("Pat Fox, Pharm D", ("Pat Fox", ["PHARMD"])),
        ("Ann Wu, OTR/L", ("Ann Wu", ["OTR/L"])),
        ("Smith Family Practice, PC", ("Smith Family Practice, PC", [])),
        ("Smith, Jones & Associates", ("Smith, Jones & Associates", [])),
    ],
    ids=["surname-do", "surname-ma-after-comma", "surname-ma-unmistakable-lmt", "osm-cafe-do", "psyd", "phd-cgp",
         "licsw", "m-d", "pharm-d", "otr-l", "legal-suffix", "comma-in-business"],
)  # fmt: skip
def test_a_name_never_loses_its_last_word_and_credentials_stay_whole(raw, expected):
    assert split_credentials(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("HEALING HANDS PRACTICE, PC", "Healing Hands Practice, PC"),
        ("1820 QUINCE RD NE", "1820 Quince Rd NE"),
        ("SMITH & JONES PLLC", "Smith & Jones PLLC"),
        ("ACME MASSAGE LLP", "Acme Massage LLP"),
        ("JOHN ROE III", "John Roe III"),
        ("44 ELM ST SW", "44 Elm St SW"),
    ],
)
def test_legal_suffixes_and_directions_keep_their_capitals(raw, expected):
    assert proper_case(raw) == expected


@pytest.mark.parametrize(
    "name, hint, kind",
    [
        ("Berkeley Yacht Club", None, "business"),
        ("Jon F. Van Rader Sr.", None, "person"),
        ("Café do Ponto", "business", "business"),
        ("Reyna Baldwin", "person", "person"),
        ("Quiet Harbor", "business", "business"),  # an OSM place, whatever its name looks like
    ],
)
def test_kind_from_the_source_or_the_name(name, hint, kind):
    assert listing_kind(name, hint) == kind


def test_the_same_licence_under_two_taxonomies_appears_once():
    raw = RawListing(
        source="s",
        source_key="npi:1",
        url="http://x.test",
        fetched_at="2026-01-01T00:00:00",
        raw_sha256="0" * 64,
        fields={"name": "Reyna Baldwin"},
        licenses=[
            {"number": "MT199001", "state": "TX", "status": "active"},
            {"number": "mt199001", "state": "Texas", "status": "active"},
        ],
    )
    assert normalize(raw).licenses == [{"number": "MT199001", "state": "TX", "status": "active"}]


def test_raw_fields_are_a_json_object_and_a_placeholder_phone_falls_back():
    raw = RawListing(
        source="s",
        source_key="k",
        url="http://x.test",
        fetched_at="2026-01-01T00:00:00",
        raw_sha256="0" * 64,
        fields={"name": "Cedar Clinic", "phone": "tel:+1234567890", "phone_fallback": "(512) 555-0160"},
    )
    listing = normalize(raw)
    assert listing.raw_fields["name"] == "Cedar Clinic" and listing.phone == "+15125550160"
