"""US addresses as sources write them, one line or in parts, checked against the gazetteer.

A one-line address ("1200 S Congress Ave Suite 210 Austin TX 78704") is split from its end: the
country, the ZIP (or a foreign postcode), the state (code or name), then the city, which the ZIP's
own city names delimit when no comma does. The street line goes to `streets`. Then the parts are
checked: the ZIP's state against the state written (a mismatch is flagged, and the ZIP wins only
when the city agrees with it), a leading zero restored only when the state confirms it, foreign
addresses recognised (never coerced into a ZIP), and a place given only by coordinates gets its
city, state and ZIP from the nearest ZIP centroid, flagged as derived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import gazetteer
from pipeline.normalize.names import proper_case
from pipeline.normalize.streets import StreetLine, parse_street

_SPACE = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D")
_ZIP_SHAPE = re.compile(r"\d{5}(?:[-\s]?\d{4})?|\d{9}|\d{4}(?:-\d{4})?|\d{8}")  # a ZIP, perhaps +4 or its lost zero
_BREAK = re.compile(r"\s*(?:\r?\n|\\n)+\s*")
# Phrases that stand where a street address should be.
_NOT_AN_ADDRESS = re.compile(
    r"\b(call|text|email|contact)\s+(us\s+)?(for|to get)\s+(the\s+)?(location|address|directions)\b"
    r"|\bby appointment( only)?\b|\bmobile (service|massage|therapist|only)\b|\bin[- ]home\b"
    r"|\b(we|i) (come|travel) to you\b|\blocation (varies|provided)\b|\bprivate (residence|studio)\b"
    r"|\baddress (upon|on) (request|booking)\b|\bnot (listed|disclosed)\b",
    re.IGNORECASE,
)
_COUNTRY_AT_END = re.compile(
    r"[,\s]+(?P<country>u\.?\s?s\.?\s?a?\.?|united\s+states(?:\s+of\s+america)?|canada|brasil|brazil|m[eé]xico"
    r"|united\s+kingdom|uk|england)\.?$",
    re.IGNORECASE,
)
_FOREIGN_COUNTRIES = {"CANADA": "CA", "BRASIL": "BR", "BRAZIL": "BR", "MEXICO": "MX", "MÉXICO": "MX",
                      "UNITED KINGDOM": "GB", "UK": "GB", "ENGLAND": "GB"}  # fmt: skip
_US_ZIP_AT_END = re.compile(r"(?:^|[,\s])(?P<zip>\d{5}(?:[-\s]?\d{4})?|\d{9}|\d{4}(?:-\d{4})?|\d{8})$")
# Postcodes of the neighbours and of the places US directories list by mistake.
_FOREIGN_POSTCODES = (
    ("CA", re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b", re.IGNORECASE)),
    ("BR", re.compile(r"\b\d{5}-\d{3}\b")),
    ("GB", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}$", re.IGNORECASE)),
)
_FOREIGN_REGIONS = {
    "CA": {"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT", "ALBERTA",
           "BRITISH COLUMBIA", "MANITOBA", "NEW BRUNSWICK", "NEWFOUNDLAND AND LABRADOR", "NOVA SCOTIA",
           "ONTARIO", "PRINCE EDWARD ISLAND", "QUEBEC", "QUÉBEC", "SASKATCHEWAN", "YUKON"},
    "MX": {"CDMX", "CIUDAD DE MEXICO", "CIUDAD DE MÉXICO", "JALISCO", "NUEVO LEON", "NUEVO LEÓN",
           "BAJA CALIFORNIA", "QUINTANA ROO", "YUCATAN", "YUCATÁN", "CHIHUAHUA", "SONORA", "COAHUILA"},
}  # fmt: skip
# State names and codes as they end an address, longest first ("West Virginia" before "Virginia").
_STATE_WORDS = sorted({*gazetteer.STATES, *gazetteer.STATE_CODES}, key=len, reverse=True)
_STATE_AT_END = re.compile(
    r"(?:^|[,\s])(?P<state>" + "|".join(w.replace(" ", r"\s+") for w in _STATE_WORDS) + r"|D\.\s?C\.?)\.?$",
    re.IGNORECASE,
)
_MAX_CITY_WORDS = 5


@dataclass(frozen=True)
class Address:
    street: str | None = None  # number and street (or rural route), no suite; a PO box when that is all
    suite: str | None = None  # "Suite 210"
    mailing: str | None = None  # the PO box beside a street, or a separate mailing address
    po_box: bool = False  # the street is a PO box (a mailing address, not a place to visit)
    city: str | None = None
    state: str | None = None  # two letters
    postal_code: str | None = None  # five digits
    zip4: str | None = None  # the +4 of ZIP+4
    country: str = "US"  # ISO code; "XX" for coordinates outside the US with no address
    not_an_address: bool = False  # the source wrote "call for location" or similar
    # state_zip_mismatch, state_from_zip, zip_restored, from_coordinates, unknown_zip,
    # invalid_postal_code, invalid_state
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Line:
    """A one-line address cut from its end."""

    street: str = ""
    city: str | None = None
    state: str | None = None  # as written
    postal_code: str | None = None  # as written
    country: str | None = None


def parse_address(
    street: str | None = None,
    city: str | None = None,
    state: str | None = None,
    postal_code: str | None = None,
    *,
    street_2: str | None = None,
    line: str | None = None,
    country: str | None = None,
    default_state: str | None = None,
    mailing: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
) -> Address:
    """The address of a listing from whatever parts its source gave.

    `line` is a whole address on one line; a `street` holding a whole address is read as one too.
    Parts the source gave separately win over those read from a line. `default_state` is the
    state a source implies (a state board's roster): used only when the address names none.
    """
    street, street_2, city, state, postal_code, line = (
        _clean(value) for value in (street, street_2, city, state, postal_code, line)
    )
    if not line and street and not (city or state or postal_code) and _has_tail(street):
        line, street = street, None
    cut = _cut(line) if line else _Line()
    city = city or cut.city
    state_text = state or cut.state
    zip_text = postal_code or cut.postal_code
    flags: list[str] = []
    written = [text for text in (street or cut.street, street_2) if text]
    if any(_NOT_AN_ADDRESS.search(text) for text in written):
        written, not_an_address = [], True
    else:
        not_an_address = False
    lines = [parse_street(text) for text in written]
    street_out, suite, box = _choose(lines)
    mailing = _one_line(parse_address(line=_clean(mailing))) if _clean(mailing) else None
    if box and street_out:
        mailing = mailing or box  # the practice is at the street; the box is where its post goes
    elif box:
        street_out = box

    country_code = _country(country, cut, state_text, zip_text)
    state_code = gazetteer.normalize_state(state_text) if state_text else None
    if state_text and not state_code and country_code == "US":
        flags.append("invalid_state")
    zip5, zip4 = _zip(zip_text, state_code, city, flags) if country_code == "US" else (None, None)
    state_code = _check_state(state_code, zip5, city, flags) or (
        gazetteer.normalize_state(default_state) if default_state else None
    )
    if country_code == "US" and lat is not None and lon is not None and not zip5 and not city:
        nearest = gazetteer.nearest_zip(lat, lon, within_miles=gazetteer.lookup.IN_COUNTRY_MILES, standard=True)
        if nearest is None or not gazetteer.in_country(lat, lon):
            country_code = "XX"  # coordinates abroad (or at sea) and nothing else to go by
        elif state_code in (None, nearest["state"]):
            zip5, city, state_code = nearest["postal_code"], nearest["city"], nearest["state"]
            flags.append("from_coordinates")
    return Address(
        street=street_out,
        suite=suite,
        mailing=mailing,
        po_box=bool(street_out and box and street_out == box),
        city=proper_case(city.strip(" ,")) if city else None,
        state=state_code,
        postal_code=zip5,
        zip4=zip4,
        country=country_code,
        not_an_address=not_an_address,
        flags=tuple(flags),
    )


def _clean(value: str | None) -> str | None:
    """Line breaks become commas (address lines), runs of space one space."""
    if not value:
        return None
    if "\n" in value or "\\" in value or "  " in value or "\t" in value:
        value = _SPACE.sub(" ", _BREAK.sub(", ", value))
    return value.strip(" ,.") or None


def _has_tail(text: str) -> bool:
    """A street field holding a whole address: it ends with a ZIP, or with ", <state>"."""
    text = _COUNTRY_AT_END.sub("", text)
    if _US_ZIP_AT_END.search(text) and not re.match(r"^\d{4,5}$", text):
        return True
    return bool(re.search(r",\s*[^,]+$", text) and _STATE_AT_END.search(text))


def _cut(text: str) -> _Line:
    """Country, postcode, state and city off the end of a one-line address; the rest is the street."""
    country = None
    if found := _COUNTRY_AT_END.search(text):
        word = _SPACE.sub(" ", found.group("country").upper().replace(".", "").strip())
        country = _FOREIGN_COUNTRIES.get(word, "US")
        text = text[: found.start()].strip(" ,")
    for code, pattern in _FOREIGN_POSTCODES:
        if pattern.search(text):
            return _Line(street=text, country=code)
    postal_code = None
    if found := _US_ZIP_AT_END.search(text):
        postal_code = found.group("zip")
        text = text[: found.start()].strip(" ,")
    state = None
    if found := _STATE_AT_END.search(text):
        state = found.group("state")
        rest = text[: found.start()].strip(" ,-")
        if rest:  # a state alone is a state; "Washington" before nothing may be the city
            text = rest
        else:
            state = None
    elif region := _foreign_region(text):
        return _Line(street=text, country=region)
    city, street = _split_city(text, state, postal_code)
    return _Line(street=street, city=city, state=state, postal_code=postal_code, country=country)


def _foreign_region(text: str) -> str | None:
    last = _SPACE.sub(" ", re.split(r"[,\-]", text)[-1].strip().upper())
    return next((code for code, regions in _FOREIGN_REGIONS.items() if last in regions), None)


def _split_city(text: str, state: str | None, postal_code: str | None) -> tuple[str | None, str]:
    """(city, street) from what precedes the state. The ZIP's own city names (else the state's
    cities) delimit the city, longest first; a comma does when the gazetteer knows no name."""
    head, comma, tail = text.rpartition(",")
    state_code = gazetteer.normalize_state(state) if state else None
    words = tail.split() if comma else text.split()
    zip5 = _zip_digits(postal_code, state_code)
    known = gazetteer.cities_of_zip(zip5) if zip5 else frozenset()
    for count in range(min(_MAX_CITY_WORDS, len(words)), 0, -1):
        candidate = " ".join(words[-count:])
        if state_code and (
            gazetteer.city_key(candidate, state_code) in known
            or (not known and gazetteer.city_in_state(candidate, state_code))
        ):
            before = " ".join(words[:-count])
            return candidate, ", ".join(part for part in (head.strip(), before) if part) if comma else before
    if comma and tail.strip() and not re.search(r"\d", tail):
        return tail.strip(), head.strip()
    if not comma and state_code and len(words) == 1 and not re.search(r"\d", text):
        return text, ""  # "Smalltown TX": a place the gazetteer does not know
    return None, text


def _zip_digits(text: str | None, state: str | None) -> str | None:
    """The five-digit ZIP in `text`, a lost leading zero restored only where `state` confirms it."""
    digits = _NOT_DIGIT.sub("", text or "")
    if len(digits) in (5, 9):
        return digits[:5]
    if len(digits) in (4, 8) and state and gazetteer.zip_state("0" + digits[:4]) == state:
        return "0" + digits[:4]
    return None


def _zip(text: str | None, state: str | None, city: str | None, flags: list[str]) -> tuple[str | None, str | None]:
    """(ZIP, +4) of a US address; a ZIP whose leading zero a spreadsheet lost is restored only when
    the state (or, with no state, the city) confirms it."""
    if not text:
        return None, None
    digits = _NOT_DIGIT.sub("", text)
    if not _ZIP_SHAPE.fullmatch(text.strip()):
        flags.append("invalid_postal_code")
        return None, None
    if len(digits) in (4, 8):
        restored = "0" + digits[:4]
        restored_state = gazetteer.zip_state(restored)
        if state:
            confirmed = restored_state == state
        else:
            confirmed = bool(city and restored_state) and (
                gazetteer.city_key(city or "", restored_state or "") in gazetteer.cities_of_zip(restored)
            )
        if not confirmed:
            flags.append("invalid_postal_code")
            return None, None
        flags.append("zip_restored")
        digits = "0" + digits
    zip5, zip4 = digits[:5], digits[5:] or None
    if gazetteer.zip_state(zip5) is None:
        flags.append("unknown_zip")
    return zip5, zip4


def _check_state(state: str | None, zip5: str | None, city: str | None, flags: list[str]) -> str | None:
    """The state, checked against the ZIP's: a mismatch is flagged; the ZIP's state wins only when
    the city is one of the ZIP's (the state was mistyped), else the written state stays and the
    geocoder will not trust the ZIP."""
    zip_state = gazetteer.zip_state(zip5)
    if not zip_state:
        return state
    if not state:
        flags.append("state_from_zip")
        return zip_state
    if state == zip_state:
        return state
    flags.append("state_zip_mismatch")
    if city and gazetteer.city_key(city, zip_state) in gazetteer.cities_of_zip(zip5 or ""):
        flags.append("state_from_zip")
        return zip_state
    return state


def _country(country: str | None, cut: _Line, state: str | None, postal_code: str | None) -> str:
    """US unless something says otherwise: the source's country, a foreign postcode or region."""
    code = gazetteer.normalize_country(country) if country else None
    if code and code != "US":
        return _FOREIGN_COUNTRIES.get(code, code)
    if cut.country and cut.country != "US":
        return cut.country
    for found, pattern in _FOREIGN_POSTCODES:
        if postal_code and pattern.search(postal_code):
            return found
    if state and not gazetteer.normalize_state(state):
        upper = _SPACE.sub(" ", state.strip().upper().replace(".", ""))
        region = next((code for code, regions in _FOREIGN_REGIONS.items() if upper in regions), None)
        if region:
            return region
    return "US"


def _one_line(address: Address) -> str | None:
    """ "PO Box 4471, Austin, TX 78767": an address written out on one line."""
    region = " ".join(part for part in (address.state, address.postal_code) if part)
    line = ", ".join(part for part in (address.street, address.suite, address.city, region) if part)
    return line or None


def describe_flags(flags: list[str] | tuple[str, ...], *, state: str | None, postal_code: str | None) -> list[str]:
    """What normalization found about an address, one sentence each (for `explain`)."""
    zip_state = gazetteer.zip_state(postal_code)
    notes = {
        "state_zip_mismatch": (
            f"the state written disagreed with ZIP {postal_code} (in {zip_state}); the city is one of the ZIP's, "
            f"so {zip_state} was used"
            if "state_from_zip" in flags
            else f"state {state} disagrees with ZIP {postal_code} (in {zip_state}); located by the city, not the ZIP"
        ),
        "state_from_zip": None if "state_zip_mismatch" in flags else f"state {state} taken from ZIP {postal_code}",
        "zip_restored": f"ZIP {postal_code}: the leading zero a spreadsheet lost was restored (the state confirms it)",
        "from_coordinates": "city, state and ZIP derived from the source's coordinates (the nearest ZIP centroid)",
        "unknown_zip": f"ZIP {postal_code} is not in the gazetteer (new, or mistyped)",
        "invalid_postal_code": "the postal code written is not a US ZIP; left out",
        "invalid_state": "the state written is not a US state or territory; left out",
    }
    return [note for flag in flags if (note := notes.get(flag))]


def _choose(lines: list[StreetLine]) -> tuple[str | None, str | None, str | None]:
    """(street, suite, PO box) from a source's street lines: the first real street is the place
    to visit, a line holding only a unit is its suite, a PO box is kept apart."""
    street = next((line.street for line in lines if line.street), None)
    suite = ", ".join(dict.fromkeys(line.suite for line in lines if line.suite)) or None
    box = next((line.po_box for line in lines if line.po_box), None)
    return street, suite, box
