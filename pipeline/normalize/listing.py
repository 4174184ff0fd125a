"""Normalize a raw listing: clean text, E.164 phones, names, addresses, canonical URLs and emails."""

from __future__ import annotations

import html
import re
from collections import Counter
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import phonenumbers

from pipeline.gazetteer import normalize_state
from pipeline.normalize.addresses import parse_address
from pipeline.normalize.names import listing_kind, proper_case, split_credential_text, split_credentials
from pipeline.records import Listing, RawListing

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|source)$", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"^(javascript|mailto|tel|sms|data|file|ftp|about|blob):", re.IGNORECASE)
_EMAIL = re.compile(r"^[\w.+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_TAG = re.compile(r"<[^>]+>")
_ONE_NUMBER = re.compile(
    r"^\s*(\+?1[\s.-]?)?\(?(?P<area>\d{3})\)?[\s.-]?(?P<exchange>\d{3})[\s.-]?(?P<line>\d{4})"
    r"\s*((ext\.?|x|extension)\s*(?P<extension>\d{1,6}))?\s*$",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_NPI = re.compile(r"\d{10}")
_NOT_DIGIT = re.compile(r"\D")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # control characters never belong in a listing
_PLACEHOLDER = {"", "--", "-", "n/a", "na", "none", "null"}
_ADDRESS_LINES = ("street", "street_2", "address", "mailing_address")
_LINE_BREAK = re.compile(r"\s*(?:<br\s*/?>|\r?\n)+\s*", re.IGNORECASE)
# What each address flag counts as (normalize/<count>).
_FLAG_COUNTS = {
    "state_zip_mismatch": "invalid/state_zip_mismatch",
    "invalid_postal_code": "invalid/postal_code",
    "invalid_state": "invalid/state",
    "from_coordinates": "address_from_coordinates",
}


def normalize(raw: RawListing, counts: Counter | None = None) -> Listing:
    """Turn extracted strings into a typed Listing; unusable values become None and are counted."""
    counts = counts if counts is not None else Counter()
    fields = raw.fields
    text = {key: clean_text(value) for key, value in fields.items() if isinstance(value, str)}
    name, credentials = split_credentials(text.get("name") or "")
    for item in fields.get("credentials") or []:
        credentials += split_credential_text(clean_text(item))
    business = text.get("business_name")
    # A value a selector read that cannot be used (a placeholder "tel:+1234567890") gives way to
    # what the page's structured data says (FIELD_fallback, kept by the html source).
    phones = normalize_phones(text.get("phone"))
    if text.get("phone") and not phones:
        counts["normalize/invalid/phone"] += 1
    phones = phones or normalize_phones(text.get("phone_fallback"))
    email = normalize_email(text.get("email"))
    if text.get("email") and not email:
        counts["normalize/invalid/email"] += 1
    email = email or normalize_email(text.get("email_fallback"))
    lines = {key: _address_text(fields.get(key), text.get(key)) for key in _ADDRESS_LINES}
    address = parse_address(
        lines["street"],
        text.get("city"),
        text.get("state"),
        text.get("postal_code"),
        street_2=lines["street_2"],
        line=lines["address"],
        country=text.get("country"),
        default_state=raw.default_state,
        mailing=lines["mailing_address"],
        lat=raw.lat,
        lon=raw.lon,
    )
    for flag in address.flags:
        counts[f"normalize/{_FLAG_COUNTS.get(flag, flag)}"] += 1
    if address.not_an_address:
        counts["normalize/not_an_address"] += 1
    if address.po_box:
        counts["normalize/po_box"] += 1
    return Listing(
        source=raw.source,
        source_key=raw.source_key,
        url=raw.url,
        fetched_at=raw.fetched_at,
        raw_sha256=raw.raw_sha256,
        raw_fields=dict(fields),
        name=name,
        kind=listing_kind(name, raw.kind),
        credentials=_unique(credentials),
        business_name=proper_case(business) if business else None,
        phone=phones[0][0] if phones else None,
        phone_ext=phones[0][1] if phones else None,
        other_phones=[number for number, _ in phones[1:]],
        website=normalize_website(text.get("website")) or normalize_website(text.get("website_fallback")),
        email=email,
        street=address.street,
        suite=address.suite,
        po_box=address.po_box,
        mailing_address=address.mailing,
        city=address.city,
        state=address.state,
        postal_code=address.postal_code,
        zip4=address.zip4,
        country=address.country,
        address_flags=list(address.flags),
        description=text.get("description") or None,
        services=_clean_list(fields.get("services")),
        opening_hours=text.get("opening_hours") or None,
        price_range=(text.get("price_range") or "")[:40] or None,
        payment_accepted=_clean_list(fields.get("payment_accepted")),
        languages=_clean_list(fields.get("languages")),
        npi=_valid_npi(raw.npi, counts),
        licenses=_licenses(raw.licenses),
        taxonomy_codes=_unique([code.strip().upper() for code in raw.taxonomy_codes if code and code.strip()]),
        attribution=raw.attribution,
        field_sources=dict(raw.field_sources) or None,
        lat=raw.lat,
        lon=raw.lon,
    )


def _licenses(licenses: list[dict]) -> list[dict]:
    """Licences cleaned, each (state, number) once: NPPES repeats a licence under every taxonomy
    it is entered for."""
    kept: dict[tuple, dict] = {}
    for lic in licenses:
        number = clean_text(str(lic.get("number") or ""))
        if number:
            state = normalize_state(lic.get("state"))
            kept.setdefault((state, number.upper()), {
                "number": number, "state": state, "status": (lic.get("status") or "").lower() or None,
            })  # fmt: skip
    return list(kept.values())


def _address_text(value, cleaned: str | None) -> str | None:
    """An address line as text; a line break (or <br>) between its parts reads as a comma."""
    if not isinstance(value, str) or not value:
        return None
    if "\n" not in value and "<" not in value:
        return cleaned or None  # nothing to break: the text clean_text already made
    return clean_text(_LINE_BREAK.sub(", ", value)) or None


def clean_text(value: str | None) -> str:
    """Plain text: entities decoded, tags and control characters removed, whitespace runs collapsed,
    placeholders empty."""
    if not value:
        return ""
    if isinstance(value, str) and value.isprintable() and "&" not in value and "<" not in value:
        # The common case, printable text with no entity or tag: its only whitespace is the plain
        # space and it holds no control character, so only runs of spaces are left to collapse.
        text = (_SPACE.sub(" ", value) if "  " in value else value).strip()
    else:
        text = _CONTROL.sub(" ", _TAG.sub(" ", html.unescape(value)).replace("\u00a0", " "))
        text = _SPACE.sub(" ", text).strip()
    return "" if text.lower() in _PLACEHOLDER else text


def normalize_phones(value: str | None) -> list[tuple[str, str | None]]:
    """Every valid US number in the text, in order, as (E.164, extension); the first is the listing's."""
    if not value:
        return []
    if one := _ONE_NUMBER.match(value):
        # The common case, one number and perhaps an extension: parse it directly (the matcher,
        # which finds numbers inside prose, costs ten times more). When its area code starts with
        # 2-9 the pattern has already read what phonenumbers.parse would (a leading 1 or +1 is the
        # country, never part of such a number), at a fifth of the cost; whether the number
        # exists is still phonenumbers' to say.
        if value.isascii() and one["area"][0] not in "01":
            national = int(one["area"] + one["exchange"] + one["line"])
            number = phonenumbers.PhoneNumber(country_code=1, national_number=national, extension=one["extension"])
        else:
            try:
                number = phonenumbers.parse(value, "US")
            except phonenumbers.NumberParseException:
                return []
        # is_valid_number first finds the number's region, trying +1's in turn with the US first,
        # then checks the number there: a number the US takes is valid at half the cost.
        if not (phonenumbers.is_valid_number_for_region(number, "US") or phonenumbers.is_valid_number(number)):
            return []
        return [(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), number.extension or None)]
    found: list[tuple[str, str | None]] = []
    for match in phonenumbers.PhoneNumberMatcher(value, "US"):
        number = match.number
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            if e164 not in [f[0] for f in found]:
                found.append((e164, number.extension or None))
    return found


def normalize_phone(value: str | None) -> tuple[str | None, str | None]:
    """The first valid US number in the text, as E.164 and its extension."""
    phones = normalize_phones(value)
    return phones[0] if phones else (None, None)


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


def npi_is_valid(npi: str) -> bool:
    """The NPI check digit: Luhn over "80840" + the first nine digits (CMS's published rule)."""
    if not _NPI.fullmatch(npi or ""):
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
    npi = _NOT_DIGIT.sub("", str(npi))
    if npi_is_valid(npi):
        return npi
    counts["normalize/invalid/npi"] += 1
    return None


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _clean_list(values) -> list[str]:
    """A list field's items cleaned, the empty ones dropped, each once."""
    return _unique([cleaned for value in values or [] if (cleaned := clean_text(value))])
