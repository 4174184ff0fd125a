"""The NPPES NPI Registry API v2.1: search by taxonomy and state, split by ZIP prefix under the cap.

The API returns at most `limit` 200 per page and lets a query skip at most 1,000, so no query
can reach more than 1,200 results. A query that fills every page is split by ZIP prefix
(`postal_code=787*`, then `7870*`, then `78701*`) until each part is under the cap; a part
that cannot be split further is reported, never silently truncated.
"""

from __future__ import annotations

import functools
import logging
from datetime import UTC, datetime
from urllib.parse import urlencode, urljoin

from pipeline import gazetteer
from pipeline.config.sources import NppesSource
from pipeline.errors import FetchError, SourceError
from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.pages import Page
from pipeline.records import RawListing
from pipeline.sources import Crawl, fetch_options, host_of, json_object

log = logging.getLogger(__name__)

API_VERSION = "2.1"


def crawl(source: NppesSource, fetcher: Fetcher) -> Crawl:
    result = Crawl(source=source.name)
    found: dict[str, tuple[dict, Page]] = {}  # NPI -> the record and the page it came on
    options = fetch_options(source, host_of(source.base_url))
    for taxonomy in source.taxonomies:
        for state in source.states:
            _search(source, fetcher, options, result, found, {"taxonomy_description": taxonomy, "state": state}, state)
    # The description search is loose (it finds assistants, surgeons, other "therapists"): only the
    # configured taxonomy codes are kept, as the bulk file source does.
    wanted = set(source.taxonomy_codes)
    for npi in sorted(found):
        record, page = found[npi]
        listing = parse_result(record, source=source.name, page=page, result=result, wanted_codes=wanted)
        if listing is not None:
            result.listings.append(listing)
    return result.finish()


def _search(
    source: NppesSource, fetcher: Fetcher, options: dict, result: Crawl, found: dict, criteria: dict, state: str
) -> None:
    try:
        records, page, capped = _query(source, fetcher, options, criteria)
    except FetchError as err:
        result.fail(err.reason, f"NPPES query {_describe(criteria)} failed: {err}")
        return
    if capped:
        prefix = criteria.get("postal_code", "").rstrip("*")
        parts = _zip3(state) if not prefix else [prefix + digit for digit in "0123456789"] if len(prefix) < 5 else []
        if parts:
            result.counts["scrape/nppes/split_queries"] += 1
            for part in parts:
                _search(source, fetcher, options, result, found, {**criteria, "postal_code": part + "*"}, state)
            return
        result.fail(
            "capped",
            f"NPPES query {_describe(criteria)} has more than "
            f"{source.page_size + source.max_skip} results and cannot be split further; "
            "the rest of it is missing",
        )
    for record in records:
        if isinstance(record, dict) and record.get("number"):
            found.setdefault(str(record["number"]).split(".")[0], (record, page))
        else:
            result.drop("malformed_record")


def _query(source: NppesSource, fetcher: Fetcher, options: dict, criteria: dict) -> tuple[list[dict], Page, bool]:
    """Every page of one query; `capped` when the last reachable page was still full."""
    records: list[dict] = []
    page = None
    for skip in range(0, source.max_skip + 1, source.page_size):
        params = {"version": API_VERSION, **criteria, "limit": source.page_size, "skip": skip}
        page = fetcher.get(f"{source.base_url}?{urlencode(params)}", **options)
        results = parse_envelope(page.text, criteria)
        records += results
        if len(results) < source.page_size:
            return records, page, False
    assert page is not None  # skip 0 is always asked
    return records, page, True


def parse_envelope(text: str, criteria: dict | None = None) -> list[dict]:
    """The `results` of an API answer; the HTTP-200 `{"Errors": [...]}` envelope is a SourceError."""
    data = json_object(text, "the NPPES API", "nppes")
    if data.get("Errors"):
        error = data["Errors"][0] if isinstance(data["Errors"], list) else {}
        field = f" (field {error.get('field')})" if error.get("field") else ""
        raise SourceError(
            f"the NPPES API refused {_describe(criteria or {})}: {error.get('description', 'unknown error')}{field}",
            source="nppes",
        )
    results = data.get("results")
    if not isinstance(results, list):
        shape = ", ".join(sorted(data)) or "nothing"
        raise SourceError(f"the NPPES API answered without a results list (keys: {shape})", source="nppes")
    return results


def parse_result(
    record: dict, *, source: str, page: Page, result: Crawl, wanted_codes: set[str] | None = None
) -> RawListing | None:
    """One API result as a RawListing; deactivated providers, providers of other taxonomies (when
    `wanted_codes` is given) and bad records are dropped."""
    if not isinstance(record, dict) or not record.get("number"):
        result.drop("malformed_record")
        return None
    npi = str(record["number"]).split(".")[0]
    basic = record.get("basic") or {}
    if _deactivated(basic):
        result.drop("deactivated")
        return None
    taxonomies = [t for t in record.get("taxonomies") or [] if isinstance(t, dict)]
    if wanted_codes and not {_text(t.get("code")) for t in taxonomies} & wanted_codes:
        result.drop("other_taxonomy")
        return None
    address = _location(record)
    dba = next(
        (
            _text(other.get("organization_name"))
            for other in record.get("other_names") or []
            if isinstance(other, dict)
            and ("business" in str(other.get("type", "")).lower() or str(other.get("code")) == "3")
        ),
        "",
    )
    if record.get("enumeration_type") == "NPI-2":
        name = _text(basic.get("organization_name"))
        business = dba or name
    else:
        name = " ".join(
            p
            for p in (_text(basic.get("first_name")), _text(basic.get("middle_name")), _text(basic.get("last_name")))
            if p
        )
        business = dba
    if not name:
        result.drop("no_name")
        return None
    fields: dict[str, str | list[str]] = {
        "name": name,
        "business_name": business or "",
        "credentials": [_text(basic.get("credential"))] if _text(basic.get("credential")) else [],
        "phone": _text(address.get("telephone_number")),
        "street": _text(address.get("address_1")),
        "street_2": _text(address.get("address_2")),
        "city": _text(address.get("city")),
        "state": _text(address.get("state")),
        "postal_code": _text(address.get("postal_code")),
        "country": _text(address.get("country_code")),
        "mailing_address": _mailing(record, address),
        # What the provider is registered as, kept for audits: never read as services (an
        # "Orthopaedic Surgery" taxonomy is not orthopedic massage); the codes mark the provider type.
        "taxonomies": [_text(t.get("desc")) for t in taxonomies if _text(t.get("desc"))],
        # Kept for audits (raw_fields): when the provider enrolled and last updated the record.
        "enumeration_date": _text(basic.get("enumeration_date")) or _epoch_date(record.get("created_epoch")),
        "last_updated": _text(basic.get("last_updated")) or _epoch_date(record.get("last_updated_epoch")),
        "practice_locations": str(len(record.get("practiceLocations") or [])),
    }
    return RawListing(
        source=source,
        source_key=f"npi:{npi}",
        url=urljoin(page.canonical_url, f"/provider-view/{npi}"),
        fetched_at=page.fetched_at,
        raw_sha256=page.sha256,
        fields=fields,
        npi=npi,
        licenses=[
            {"number": _text(t.get("license")), "state": _text(t.get("state")), "status": "active"}
            for t in taxonomies
            if _text(t.get("license"))
        ],
        taxonomy_codes=[_text(t.get("code")) for t in taxonomies if _text(t.get("code"))],
        kind="business" if record.get("enumeration_type") == "NPI-2" else "person",
    )


def _location(record: dict) -> dict:
    """The practice LOCATION address (never the mailing one), else the first practice location."""
    for address in record.get("addresses") or []:
        if isinstance(address, dict) and str(address.get("address_purpose", "")).upper() == "LOCATION":
            return address
    locations = [loc for loc in record.get("practiceLocations") or [] if isinstance(loc, dict)]
    return locations[0] if locations else {}


def _mailing(record: dict, location: dict) -> str:
    """The MAILING address on one line, when it is not the practice's own address."""
    for address in record.get("addresses") or []:
        if isinstance(address, dict) and str(address.get("address_purpose", "")).upper() == "MAILING":
            parts = [_text(address.get(key)) for key in ("address_1", "address_2", "city", "state", "postal_code")]
            mine = [_text(location.get(key)) for key in ("address_1", "address_2", "city", "state", "postal_code")]
            return "" if parts == mine else ", ".join(part for part in parts if part)
    return ""


def _deactivated(basic: dict) -> bool:
    if str(basic.get("status", "A")).upper() not in ("A", ""):
        return True
    deactivated, reactivated = _text(basic.get("deactivation_date")), _text(basic.get("reactivation_date"))
    return bool(deactivated) and not (reactivated and reactivated >= deactivated)


def _epoch_date(value) -> str:
    """An epoch as a date: integer seconds (older answers) or a string of milliseconds (newer)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    if number > 1e11:  # milliseconds
        number /= 1000
    return datetime.fromtimestamp(number, UTC).date().isoformat()


def _text(value) -> str:
    text = " ".join(str(value).split()) if value is not None else ""
    return "" if text in ("--", "-") else text


@functools.cache
def _zip3(state: str) -> list[str]:
    """The three-digit ZIP prefixes used in a state: the first split of a capped query."""
    return sorted({row["postal_code"][:3] for row in gazetteer.zip_rows() if row["state"] == state})


def _describe(criteria: dict) -> str:
    return "(" + ", ".join(f"{k}={v}" for k, v in criteria.items()) + ")"
