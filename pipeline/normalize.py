"""Normalize a raw listing: clean text, E.164 phones, name and credentials, address parts, URLs."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import phonenumbers

from pipeline.records import Listing, RawListing

CREDENTIALS = frozenset({
    "LMT", "LMBT", "CMT", "NCBTMB", "BCTMB", "RMT", "LMP", "LMTI", "CNMT", "NMT", "MMT", "PT",
    "DPT", "DC", "MD", "DO", "OTR", "ATC", "CSCS", "PHD", "MS", "MA", "BS", "RN", "LAC", "CPT",
})
TITLES = frozenset({"DR", "MR", "MRS", "MS", "MX", "MISS"})
BUSINESS_WORDS = frozenset({
    "spa", "massage", "clinic", "studio", "wellness", "salon", "center", "centre", "llc", "inc",
    "therapy", "therapies", "bodywork", "bodyworks", "health", "group", "co", "company", "day",
    "institute", "associates", "rehab", "chiropractic", "yoga", "float", "nails", "sports",
    "grooming", "supply", "retreat", "lounge", "house", "collective", "works", "the", "and", "&",
})
STATES = {
    "ALABAMA": "AL", "ALASKA": "AK", "ARIZONA": "AZ", "ARKANSAS": "AR", "CALIFORNIA": "CA",
    "COLORADO": "CO", "CONNECTICUT": "CT", "DELAWARE": "DE", "DISTRICT OF COLUMBIA": "DC",
    "FLORIDA": "FL", "GEORGIA": "GA", "HAWAII": "HI", "IDAHO": "ID", "ILLINOIS": "IL", "INDIANA": "IN",
    "IOWA": "IA", "KANSAS": "KS", "KENTUCKY": "KY", "LOUISIANA": "LA", "MAINE": "ME", "MARYLAND": "MD",
    "MASSACHUSETTS": "MA", "MICHIGAN": "MI", "MINNESOTA": "MN", "MISSISSIPPI": "MS", "MISSOURI": "MO",
    "MONTANA": "MT", "NEBRASKA": "NE", "NEVADA": "NV", "NEW HAMPSHIRE": "NH", "NEW JERSEY": "NJ",
    "NEW MEXICO": "NM", "NEW YORK": "NY", "NORTH CAROLINA": "NC", "NORTH DAKOTA": "ND", "OHIO": "OH",
    "OKLAHOMA": "OK", "OREGON": "OR", "PENNSYLVANIA": "PA", "PUERTO RICO": "PR", "RHODE ISLAND": "RI",
    "SOUTH CAROLINA": "SC", "SOUTH DAKOTA": "SD", "TENNESSEE": "TN", "TEXAS": "TX", "UTAH": "UT",
    "VERMONT": "VT", "VIRGINIA": "VA", "WASHINGTON": "WA", "WEST VIRGINIA": "WV", "WISCONSIN": "WI",
    "WYOMING": "WY",
}
STATE_CODES = frozenset(STATES.values())
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|source)$", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"^(javascript|mailto|tel|sms|data|file|ftp|about|blob):", re.IGNORECASE)
_EMAIL = re.compile(r"^[\w.+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_PLACEHOLDER = {"", "--", "-", "n/a", "na", "none", "null"}


def normalize(raw: RawListing, counts: Counter | None = None) -> Listing:
    """Turn extracted strings into a typed Listing; unusable values become None and are counted."""
    counts = counts if counts is not None else Counter()
    fields = raw.fields
    text = {key: clean_text(value) for key, value in fields.items() if isinstance(value, str)}
    name, credentials = split_credentials(text.get("name") or "")
    extra = fields.get("credentials") or []
    credentials = _unique(credentials + [c.upper() for c in extra if c.strip()])
    business = text.get("business_name")
    phone, ext = normalize_phone(text.get("phone"))
    if text.get("phone") and not phone:
        counts["normalize/invalid/phone"] += 1
    email = normalize_email(text.get("email"))
    if text.get("email") and not email:
        counts["normalize/invalid/email"] += 1
    state = normalize_state(text.get("state"))
    if text.get("state") and not state:
        counts["normalize/invalid/state"] += 1
    return Listing(
        source=raw.source, source_key=raw.source_key, url=raw.url, fetched_at=raw.fetched_at,
        raw_sha256=raw.raw_sha256,
        raw_fields=json.dumps(fields, ensure_ascii=False, sort_keys=True),
        name=name,
        kind=listing_kind(name, business),
        credentials=credentials,
        business_name=proper_case(business) if business else None,
        phone=phone, phone_ext=ext,
        website=normalize_website(text.get("website")),
        email=email,
        street=text.get("street") or None,
        city=proper_case(text["city"]) if text.get("city") else None,
        state=state,
        postal_code=normalize_postal_code(text.get("postal_code")),
        description=text.get("description") or None,
        services=_unique([clean_text(s) for s in fields.get("services") or [] if clean_text(s)]),
        opening_hours=text.get("opening_hours") or None,
        npi=_valid_npi(raw.npi, counts),
        licenses=[{"number": clean_text(str(lic.get("number") or "")), "state": normalize_state(lic.get("state")),
                   "status": (lic.get("status") or "").lower() or None}
                  for lic in raw.licenses if clean_text(str(lic.get("number") or ""))],
        taxonomy_codes=_unique([code.strip().upper() for code in raw.taxonomy_codes if code and code.strip()]),
        attribution=raw.attribution,
        field_sources=json.dumps(raw.field_sources, sort_keys=True) if raw.field_sources else None,
        lat=raw.lat, lon=raw.lon,
    )


def clean_text(value: str | None) -> str:
    """Plain text: entities decoded, tags removed, whitespace runs collapsed, placeholders empty."""
    if not value:
        return ""
    text = _TAG.sub(" ", html.unescape(value)).replace("\u00a0", " ")
    text = _SPACE.sub(" ", text).strip()
    return "" if text.lower() in _PLACEHOLDER else text


def split_credentials(name: str) -> tuple[str, list[str]]:
    """'JANE DOE, LMT, NCBTMB' -> ('Jane Doe', ['LMT', 'NCBTMB']); titles are dropped."""
    tokens = re.split(r"[\s,]+", name.strip())
    kept, credentials = [], []
    for token in tokens:
        bare = token.strip(".").upper().replace(".", "")
        if not bare:
            continue
        if bare in CREDENTIALS and kept:
            credentials.append(bare)
        elif bare in TITLES and not kept:
            continue
        else:
            kept.append(token)
    return proper_case(" ".join(kept)), credentials


def proper_case(value: str) -> str:
    """Title-case a name only when the source shouted it; keep McDonald, O'Neil, DeLuca intact."""
    if not value or not value.isupper():
        return value
    words = []
    for word in value.lower().split(" "):
        word = "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
        if word.startswith("Mc") and len(word) > 2:
            word = "Mc" + word[2].upper() + word[3:]
        if len(word) > 2 and word[1] == "'":
            word = word[:2] + word[2].upper() + word[3:]
        words.append(word)
    return " ".join(words)


def listing_kind(name: str, business_name: str | None) -> str:
    words = {word.strip(".,").lower() for word in name.split()}
    if words & BUSINESS_WORDS or len(words) > 4 or len(words) < 2:
        return "business"
    return "person"


def normalize_phone(value: str | None) -> tuple[str | None, str | None]:
    """The first valid US number in the text, as E.164 and its extension."""
    if not value:
        return None, None
    for match in phonenumbers.PhoneNumberMatcher(value, "US"):
        number = match.number
        if phonenumbers.is_possible_number(number):
            return (phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
                    number.extension or None)
    return None, None


def normalize_email(value: str | None) -> str | None:
    if not value:
        return None
    email = value.strip().removeprefix("mailto:").split("?")[0].strip().lower()
    return email if _EMAIL.match(email) else None


def normalize_website(value: str | None) -> str | None:
    """Canonical URL: http(s) only, lowercase host, no tracking parameters or fragment."""
    if not value:
        return None
    url = value.strip()
    if "://" not in url:
        if _OTHER_SCHEME.match(url):
            return None
        url = "https://" + url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    netloc = parts.hostname.lower() + (f":{port}" if port else "")
    path = parts.path if parts.path not in ("", "/") else ""
    return urlunsplit((parts.scheme.lower(), netloc, path, query, ""))


def normalize_state(value: str | None) -> str | None:
    if not value:
        return None
    upper = _SPACE.sub(" ", value.strip().upper().replace(".", ""))
    if upper in STATE_CODES:
        return upper
    return STATES.get(upper)


def normalize_postal_code(value: str | None) -> str | None:
    """5-digit ZIP; ZIP+4 is cut, and a leading zero lost to a spreadsheet is restored."""
    digits = re.sub(r"\D", "", value or "")
    if len(digits) in (4, 8):
        digits = "0" + digits
    return digits[:5] if len(digits) in (5, 9) else None


def npi_is_valid(npi: str) -> bool:
    """The NPI check digit: Luhn over "80840" + the first nine digits (CMS's published rule)."""
    if not re.fullmatch(r"\d{10}", npi or ""):
        return False
    digits = [int(d) for d in "80840" + npi]
    total = 0
    for i, digit in enumerate(reversed(digits)):
        if i % 2 == 1:
            digit *= 2
            digit -= 9 if digit > 9 else 0
        total += digit
    return total % 10 == 0


def _valid_npi(npi: str | None, counts: Counter) -> str | None:
    if not npi:
        return None
    npi = re.sub(r"\D", "", str(npi))
    if npi_is_valid(npi):
        return npi
    counts["normalize/invalid/npi"] += 1
    return None


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
