"""The typed records passed between stages; field names equal the DuckDB column names."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class RawListing:
    """One record as a source extracted it, before any cleaning."""

    source: str
    source_key: str  # stable within the source: the profile URL, `npi:...`, `osm:node/...`
    url: str
    fetched_at: str  # ISO 8601 UTC
    raw_sha256: str  # the archived response body this came from
    fields: dict[str, str | list[str]]
    # Structured facts some sources state outright (kept apart from the free-text fields):
    npi: str | None = None
    licenses: list[dict] = field(default_factory=list)  # [{number, state, status}]
    taxonomy_codes: list[str] = field(default_factory=list)  # NUCC codes
    lat: float | None = None  # coordinates the source published (OSM, schema.org geo)
    lon: float | None = None
    attribution: str | None = None  # a licence notice that must travel with the data (ODbL)
    default_state: str | None = None  # the state a source implies (a board's roster) if the address names none
    kind: str | None = None  # person or business when the source says so (NPPES entity type, an OSM place)
    field_sources: dict[str, str] = field(default_factory=dict)  # field -> what supplied it (html)
    # A practice's website: the visible text of each page read, [{"url", "text"}], services pages
    # first. Judged page by page (pipeline/relevance/classify.py), never stored (the archive has them).
    pages: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    technique: str  # a technique or condition slug
    snippet: str  # <= 160 characters of the text, containing the match
    field: str  # which listing field the text came from
    source_url: str


@dataclass(frozen=True)
class Listing:
    """A normalized, classified listing: one row of `stg_listings` / `listings`."""

    source: str
    source_key: str
    url: str
    fetched_at: str
    raw_sha256: str
    raw_fields: dict  # RawListing.fields as extracted (a JSON object), kept for re-processing and audits
    name: str
    kind: str = "person"  # person, business, or site (a practice's website, attached to its therapists)
    credentials: list[str] = field(default_factory=list)
    business_name: str | None = None
    phone: str | None = None  # E.164
    phone_ext: str | None = None
    other_phones: list[str] = field(default_factory=list)  # further valid numbers the source gave
    website: str | None = None
    email: str | None = None
    street: str | None = None  # number and street, without the suite
    suite: str | None = None
    po_box: bool = False  # the street is a PO box
    mailing_address: str | None = None  # a PO box beside the street, or the source's mailing address
    city: str | None = None
    state: str | None = None  # 2 letters
    postal_code: str | None = None  # 5 digits
    zip4: str | None = None
    country: str = "US"  # ISO code (the scrape drops listings outside the configured country)
    address_flags: list[str] = field(default_factory=list)  # state_zip_mismatch, from_coordinates, ...
    description: str | None = None
    services: list[str] = field(default_factory=list)
    opening_hours: str | None = None
    price_range: str | None = None  # schema.org priceRange: "$$", "$60-$120"
    payment_accepted: list[str] = field(default_factory=list)  # "Cash", "Credit Card", "HSA"
    languages: list[str] = field(default_factory=list)  # languages spoken (schema.org availableLanguage)
    npi: str | None = None
    licenses: list[dict] = field(default_factory=list)  # [{number, state, status}]
    taxonomy_codes: list[str] = field(default_factory=list)
    attribution: str | None = None
    field_sources: dict | None = None  # field -> selector / json-ld / microdata (a JSON object)
    techniques: list[str] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    relevance_score: int = 0
    relevance_tier: str = "none"
    evidence: list[Evidence] = field(default_factory=list)
    exclusion: str | None = None  # why the listing scored none despite matches, if it did
    lat: float | None = None
    lon: float | None = None
    geocode_precision: str | None = None  # source, rooftop, street, postal_code, city
    geocode_provider: str | None = None

    def row(self) -> dict:
        """The record as a JSON-ready dict, with the content hash the loader diffs on.

        A shallow copy (the record is frozen and its lists are not shared): `asdict` deep-copies
        every value and cost more than normalizing the listing; even for the evidence alone it took
        3% of judging the listing.
        """
        data = {name: getattr(self, name) for name in _LISTING_FIELDS}
        data["evidence"] = [{name: getattr(item, name) for name in _EVIDENCE_FIELDS} for item in self.evidence]
        data["content_hash"] = content_hash(data)
        return data


_LISTING_FIELDS = tuple(f.name for f in fields(Listing))
_EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))
# Bookkeeping fields that change on every fetch without the listing itself changing.
_VOLATILE = frozenset({"fetched_at", "raw_sha256", "content_hash"})


def content_hash(row: dict) -> str:
    """128 bits of SHA-256 as 32 hex digits: the load stores them as a UHUGEINT (a first load of 10^6
    listings wrote the 64-digit string in 0.27 s, the integer in 0.03)."""
    stable = {key: value for key, value in row.items() if key not in _VOLATILE}
    payload = json.dumps(stable, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()[:32]
