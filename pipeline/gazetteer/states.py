"""US states and territories: names and USPS codes, and whether a point lies in the country."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
STATES = {
    "ALABAMA": "AL", "ALASKA": "AK", "ARIZONA": "AZ", "ARKANSAS": "AR", "CALIFORNIA": "CA",
    "COLORADO": "CO", "CONNECTICUT": "CT", "DELAWARE": "DE", "DISTRICT OF COLUMBIA": "DC",
    "FLORIDA": "FL", "GEORGIA": "GA", "HAWAII": "HI", "IDAHO": "ID", "ILLINOIS": "IL", "INDIANA": "IN",
    "IOWA": "IA", "KANSAS": "KS", "KENTUCKY": "KY", "LOUISIANA": "LA", "MAINE": "ME", "MARYLAND": "MD",
    "MASSACHUSETTS": "MA", "MICHIGAN": "MI", "MINNESOTA": "MN", "MISSISSIPPI": "MS", "MISSOURI": "MO",
    "MONTANA": "MT", "NEBRASKA": "NE", "NEVADA": "NV", "NEW HAMPSHIRE": "NH", "NEW JERSEY": "NJ",
    "NEW MEXICO": "NM", "NEW YORK": "NY", "NORTH CAROLINA": "NC", "NORTH DAKOTA": "ND", "OHIO": "OH",
    "OKLAHOMA": "OK", "OREGON": "OR", "PENNSYLVANIA": "PA", "RHODE ISLAND": "RI", "SOUTH CAROLINA": "SC",
    "SOUTH DAKOTA": "SD", "TENNESSEE": "TN", "TEXAS": "TX", "UTAH": "UT", "VERMONT": "VT",
    "VIRGINIA": "VA", "WASHINGTON": "WA", "WEST VIRGINIA": "WV", "WISCONSIN": "WI", "WYOMING": "WY",
    # Territories with ZIP codes: in the directory's country, as USPS and NPPES treat them.
    "PUERTO RICO": "PR", "VIRGIN ISLANDS": "VI", "US VIRGIN ISLANDS": "VI", "GUAM": "GU",
    "AMERICAN SAMOA": "AS", "NORTHERN MARIANA ISLANDS": "MP",
}  # fmt: skip
STATE_CODES = frozenset(STATES.values())
# What sources write for the country itself (NPPES country_code, OSM addr:country, schema.org
# addressCountry, the end of a one-line address).
COUNTRY_NAMES = {"US": "US", "USA": "US", "U S": "US", "U S A": "US", "UNITED STATES": "US",
                 "UNITED STATES OF AMERICA": "US", "AMERICA": "US", **dict.fromkeys(STATE_CODES, "US")}  # fmt: skip
# Boxes (south, west, north, east) around the states and territories. A box is generous (the
# lower 48's box holds Toronto and Tijuana), so a point counts as in the country only if it is
# also near a US ZIP centroid (see lookup.in_country).
US_BOXES = (
    (24.3, -125.0, 49.5, -66.8),  # the lower 48
    (51.0, -180.0, 71.6, -129.9),
    (51.0, 172.0, 53.1, 180.0),  # Alaska, across the antimeridian
    (18.8, -160.6, 22.4, -154.6),  # Hawaii
    (17.8, -67.4, 18.6, -65.2),
    (17.6, -65.1, 18.5, -64.5),  # Puerto Rico, US Virgin Islands
    (13.2, 144.6, 20.6, 146.1),  # Guam and the Northern Mariana Islands
    (-14.6, -171.1, -11.0, -168.1),  # American Samoa
)


def normalize_state(value: str | None) -> str | None:
    """A USPS state code from a code or a name ("Texas", "TX", "D.C."), else None."""
    if not value:
        return None
    upper = _SPACE.sub(" ", value.strip().upper().replace(".", ""))
    if upper in STATE_CODES:
        return upper
    return STATES.get(upper)


def normalize_country(value: str | None) -> str | None:
    """ "US" for the United States (and its territories), the text upper-cased otherwise; None if empty."""
    if not value or not value.strip():
        return None
    upper = _SPACE.sub(" ", re.sub(r"[.,]", " ", value).strip().upper())
    return COUNTRY_NAMES.get(upper, upper)


def in_us_boxes(lat: float, lon: float) -> bool:
    return any(south <= lat <= north and west <= lon <= east for south, west, north, east in US_BOXES)
