"""The Texas licensing-board roster sample, ``rosters/tx_massage_roster.csv``.

A fictional licensing-board export, ``csv.QUOTE_MINIMAL``, lines end with
``"\\n"``, UTF-8 without BOM.
"""

from __future__ import annotations

import csv

from .entities import COUNTY_OF, ENTITIES, check_site_match
from .formats import SAMPLES, fmt_phone

ROSTER_PATH = SAMPLES / "rosters" / "tx_massage_roster.csv"

# --------------------------------------------------------------------------
# Texas licensing-board roster
# (key, license number, type, status, expiration, name style, zip style, phone style)
# name style: "title" | "upper"; zip style: "5" | "9"; phone style: fmt_phone style or None.
# --------------------------------------------------------------------------
ROSTER = [
    # same people as the sample directory site
    ("jane", "MT061482", "Massage Therapist", "Active", "06/30/2027", "upper", "9", "paren"),
    ("marisol", "MT088213", "Massage Therapist", "Active", "03/31/2028", "title", "5", "dash"),
    ("tomas", "MT097750", "Massage Therapist", "Active", "09/30/2027", "upper", "5", "plain"),
    ("elaine", "MT070034", "Massage Therapist", "Active", "04/30/2028", "title", "9", "paren"),
    ("ben", "MT112094", "Massage Therapist", "Active", "02/28/2027", "upper", "5", "dash"),
    ("keisha", "MT090517", "Massage Therapist", "Active", "07/31/2027", "title", "5", "paren"),
    ("aaron", "MT131678", "Massage Therapist", "Active", "05/31/2028", "title", "9", "dash"),
    ("carla", "MT079905", "Massage Therapist", "Active", "10/31/2027", "upper", "5", "paren"),
    ("renee", "MT140221", "Massage Therapist", "Inactive", "01/31/2027", "title", "5", "dash"),
    ("willow", "ME004871", "Massage Establishment", "Active", "08/31/2027", "title", "5", "paren"),
    # same people as registry.json / the bulk file, not on the site
    ("lucia", "MT149336", "Massage Therapist", "Active", "02/29/2028", "title", "9", "dash"),
    ("owen", "MT052268", "Massage Therapist", "Expired", "11/30/2024", "upper", "5", None),
    ("desmond", "MT085530", "Massage Therapist", "Active", "12/31/2027", "upper", "9", "paren"),
    ("greta", "MT067718", "Massage Therapist", "Revoked", "08/19/2024", "upper", "5", None),
    ("roy", "MT091846", "Massage Therapist", "Expired", "05/31/2025", "title", "5", "dash"),
    ("pauline", "MT063390", "Massage Therapist", "Active", "10/31/2028", "title", "5", "dash"),
    ("samira", "MT126604", "Massage Therapist", "Active", "03/31/2027", "title", "9", "plain"),
    ("trevor", "MT143818", "Massage Therapist", "Active", "06/30/2028", "upper", "5", "paren"),
    ("joseib", "MT178402", "Massage Therapist", "Active", "01/31/2028", "title", "5", "paren"),
    ("capital", "ME005612", "Massage Establishment", "Active", "06/30/2027", "upper", "9", "dash"),
    ("nadia", "MT108863", "Massage Therapist", "Inactive", "04/30/2026", "title", "5", None),
    ("kwame", "MT150072", "Massage Therapist", "Active", "09/30/2028", "upper", "5", "dash"),
    ("lila", "MT158834", "Massage Therapist", "Expired", "07/31/2025", "title", "5", "dash"),
    ("brianna", "MT164490", "Massage Therapist", "Inactive", "12/31/2026", "title", "9", None),
    # roster only
    ("bangkok", "ME006893", "Massage Establishment", "Active", "11/30/2027", "upper", "5", "paren"),
    ("lonestar", "MS000214", "Massage School", "Active", "12/31/2027", "title", "9", "dash"),
    ("veronica", "MI002281", "Massage Therapy Instructor", "Active", "07/31/2028", "title", "5", "dash"),
    ("dale", "MT101557", "Massage Therapist", "Revoked", "03/31/2025", "upper", "5", None),
    ("priscilla", "MT166372", "Massage Therapist", "Inactive", "09/30/2026", "title", "5", None),
    ("terrence", "MT119980", "Massage Therapist", "Expired", "02/28/2025", "upper", "9", "dash"),
]
ROSTER_HEADER = [
    "License Number",
    "License Type",
    "License Status",
    "Expiration Date",
    "Last Name",
    "First Name",
    "Middle Name",
    "Business Name",
    "Address Line 1",
    "Address Line 2",
    "City",
    "State",
    "Zip Code",
    "County",
    "Phone",
    "Website",
]
ROSTER_FIRST_NAME = {"joseib": "José"}  # the roster keeps the accent NPPES drops
ROSTER_BUSINESS = {"keisha": "Brooks Neuromuscular Studio", "tomas": "Hill Country Sports Recovery"}
# The last column, as licensees typed it (with or without a scheme; empty for the rest): see practice_sites.
ROSTER_WEBSITE = {
    "jane": "www.alvarez-bodywork.example.com",
    "tomas": "https://hillcountry-recovery.example.net/",
    "elaine": "https://park-ortho.example.org",
    "keisha": "brooks-nmt.test",
    "willow": "https://willowcreekspa.example.org/",
    "lucia": "https://ferrante-deeptissue.example.com/",
    "desmond": "https://okoro-bodywork.test/",
    "pauline": "quietoak-bodywork.test",
    "samira": "https://capitalcity-sciatica.example.com/our-therapists/",
    "trevor": "http://capitalcity-sciatica.example.com",
    "joseib": "https://ibarra-masajes.test/",
    "capital": "https://capitalcity-sciatica.example.com/",
    "kwame": "https://asante-bodywork.test/",
    "bangkok": "http://bangkoklotus.example.com",
    "aaron": "http://feld-massage.example.net/",  # his old domain, parked since it lapsed
}


def roster_row(key, lic, ltype, status, exp, name_style, zip_style, phone_style) -> list[str]:
    """One CSV row (columns as ``ROSTER_HEADER``) of a ``ROSTER`` spec."""
    e = ENTITIES[key]
    up = (lambda s: s.upper()) if name_style == "upper" else (lambda s: s)
    is_person = ltype in ("Massage Therapist", "Massage Therapy Instructor") and not e["org"]
    if is_person:
        last, first, middle = up(e["last"]), up(ROSTER_FIRST_NAME.get(key, e["first"])), up(e["middle"])
        business = ROSTER_BUSINESS.get(key, "")
    else:
        last = first = middle = ""
        business = up(e["org"])
    zipc = e["zip"] + ("-" + e["zip4"] if zip_style == "9" else "")
    phone = fmt_phone(e["phone"], phone_style) if (phone_style and e["phone"]) else ""
    unit = e["unit"]
    return [
        lic,
        ltype,
        status,
        exp,
        last,
        first,
        middle,
        business,
        up(e["street"]),
        up(unit),
        up(e["city"]),
        "TX",
        zipc,
        COUNTY_OF[e["city"]],
        phone,
        ROSTER_WEBSITE.get(key, ""),
    ]


def build() -> list[list[str]]:
    """The rows, sorted by license number."""
    return sorted((roster_row(*spec) for spec in ROSTER), key=lambda r: r[0])


def write(rows: list[list[str]]) -> None:
    ROSTER_PATH.parent.mkdir(parents=True, exist_ok=True)
    with open(ROSTER_PATH, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(ROSTER_HEADER)
        w.writerows(rows)


def site_matches(site_truth) -> dict[str, str]:
    """Site slug -> license number, for the licensees declared as the same as a site listing (checked)."""
    matches = {}
    for spec in ROSTER:
        key, lic = spec[0], spec[1]
        e = ENTITIES[key]
        if e["site"]:
            row = roster_row(*spec)
            last, business, phone = row[4], row[7], row[14]
            check_site_match(site_truth, e["site"], last or business, e["phone"], e["zip"])
            assert phone, key
            matches[e["site"]] = lic
    return matches
