"""US addresses: street, suite, city, state, ZIP and ZIP+4 with a real parser; PO boxes and non-addresses."""

from __future__ import annotations

import re
from dataclasses import dataclass

import usaddress

from pipeline.gazetteer import normalize_state
from pipeline.normalize.names import proper_case

_SPACE = re.compile(r"\s+")
# Phrases that stand where a street address should be.
_NOT_AN_ADDRESS = re.compile(
    r"\b(call|text|email|contact)\s+(us\s+)?(for|to get)\s+(the\s+)?(location|address|directions)\b"
    r"|\bby appointment( only)?\b|\bmobile (service|massage|therapist|only)\b|\bin[- ]home\b"
    r"|\b(we|i) (come|travel) to you\b|\blocation (varies|provided)\b|\bprivate (residence|studio)\b"
    r"|\baddress (upon|on) (request|booking)\b|\bnot (listed|disclosed)\b",
    re.IGNORECASE,
)
_PO_BOX = re.compile(r"\b(p\.?\s*o\.?\s*box|post office box|pob)\b", re.IGNORECASE)
_STREET_PARTS = (
    "AddressNumberPrefix",
    "AddressNumber",
    "AddressNumberSuffix",
    "StreetNamePreModifier",
    "StreetNamePreDirectional",
    "StreetNamePreType",
    "StreetName",
    "StreetNamePostType",
    "StreetNamePostDirectional",
    "StreetNamePostModifier",
)


@dataclass(frozen=True)
class Address:
    street: str | None = None  # number and street, no suite
    suite: str | None = None  # "Suite 210"
    city: str | None = None
    state: str | None = None  # two letters
    postal_code: str | None = None  # five digits
    zip4: str | None = None  # the +4 of ZIP+4
    po_box: bool = False  # the street is a PO box (a mailing address, not a place to visit)
    not_an_address: bool = False  # the source wrote "call for location" or similar


def parse_address(
    street: str | None, city: str | None = None, state: str | None = None, postal_code: str | None = None
) -> Address:
    """Split and clean the parts a source gave; a street holding a whole address is parsed too."""
    street = _SPACE.sub(" ", street or "").strip(" ,")
    zip5, zip4 = split_zip(postal_code)
    parsed: dict[str, str | None] = {"city": city, "state": normalize_state(state), "postal_code": zip5, "zip4": zip4}
    if street and _NOT_AN_ADDRESS.search(street):
        return Address(
            city=proper_case(city.strip(" ,")) if city else None,
            state=parsed["state"],
            postal_code=zip5,
            zip4=zip4,
            not_an_address=True,
        )
    if street:
        parts = _tag(street)
        if parts is not None:
            street_text = " ".join(parts[k] for k in _STREET_PARTS if parts.get(k))
            if parts.get("USPSBoxType"):
                street_text = f"PO Box {parts.get('USPSBoxID', '')}".strip()
            occupancy = " ".join(p for p in (parts.get("OccupancyType"), parts.get("OccupancyIdentifier")) if p)
            parsed.update(
                street=street_text or street,
                suite=normalize_suite(occupancy) if occupancy else None,
                city=parsed["city"] or parts.get("PlaceName"),
                state=parsed["state"] or normalize_state(parts.get("StateName")),
            )
            if not parsed["postal_code"] and parts.get("ZipCode"):
                parsed["postal_code"], parsed["zip4"] = split_zip(parts["ZipCode"])
        else:
            parsed["street"] = street
    street_out, city_out = parsed.get("street"), parsed.get("city")
    return Address(
        street=proper_case(street_out) if street_out else None,
        suite=parsed.get("suite"),
        city=proper_case(city_out.strip(" ,")) if city_out else None,
        state=parsed["state"],
        postal_code=parsed["postal_code"],
        zip4=parsed["zip4"],
        po_box=bool(street_out and _PO_BOX.search(street_out)),
    )


_SIMPLE_STREET = re.compile(
    r"^(?P<AddressNumber>\d+[A-Z]?)\s+(?P<street>[A-Za-z0-9 .'-]+?)"
    r"(?:,?\s+(?P<OccupancyType>suite|ste\.?|unit|apt\.?|#)\s*#?\s*(?P<OccupancyIdentifier>[A-Za-z0-9-]+))?$",
    re.IGNORECASE,
)


def _tag(text: str) -> dict | None:
    simple = _SIMPLE_STREET.match(text)
    if simple and not _PO_BOX.search(text):
        # "1200 S Congress Ave, Suite 210": no need for the parser (~10x slower).
        parts = {k: v for k, v in simple.groupdict().items() if v}
        parts["StreetName"] = parts.pop("street")
        return parts
    try:
        parts, kind = usaddress.tag(text)
    except usaddress.RepeatedLabelError:
        return None
    return parts if kind in ("Street Address", "PO Box", "Intersection") else None


def normalize_suite(text: str) -> str:
    """ "Ste. 4", "STE 4", "# 4", "Unit 4" -> "Suite 4" (units and apartments keep their word)."""
    text = _SPACE.sub(" ", text).strip(" ,")
    match = re.match(r"^(suite|ste\.?|#|no\.?)\s*#?\s*(\S+)$", text, re.IGNORECASE)
    if match:
        return f"Suite {match.group(2).upper()}"
    match = re.match(
        r"^(unit|apt\.?|apartment|room|rm\.?|floor|fl\.?|bldg\.?|building)\s*#?\s*(\S+)$", text, re.IGNORECASE
    )
    if match:
        word = match.group(1).rstrip(".").lower()
        word = {"apt": "Apt", "rm": "Room", "fl": "Floor", "bldg": "Building"}.get(word, word.title())
        return f"{word} {match.group(2).upper()}"
    return proper_case(text) if text.isupper() else text


def split_zip(value: str | None) -> tuple[str | None, str | None]:
    """(ZIP, +4); a leading zero lost to a spreadsheet is restored."""
    digits = re.sub(r"\D", "", value or "")
    if len(digits) in (4, 8):
        digits = "0" + digits
    if len(digits) == 5:
        return digits, None
    if len(digits) == 9:
        return digits[:5], digits[5:]
    return None, None
