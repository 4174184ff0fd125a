"""State licensing-board rosters: a CSV (local file or URL) mapped by a column table in config."""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urljoin

from pipeline.config.sources import CsvSource
from pipeline.errors import ConfigError, FetchError
from pipeline.fetch.charset import decode
from pipeline.fetch.fetcher import Fetcher
from pipeline.records import RawListing
from pipeline.sources import Crawl, fetch_options, host_of

log = logging.getLogger(__name__)
_DATE_FORMATS = ("%m/%d/%Y", "%Y-%m-%d", "%m/%d/%y", "%m-%d-%Y")


def crawl(source: CsvSource, fetcher: Fetcher) -> Crawl:
    result = Crawl(source=source.name)
    if source.base_url:
        url = urljoin(source.base_url, source.path)
        try:
            page = fetcher.get(url, **fetch_options(source, host_of(source.base_url)))
        except FetchError as err:
            result.fail(err.reason, f"roster {fetcher.canonical(url)} failed: {err}")
            return result.finish()
        text, sha256, fetched_at, where = page.text, page.sha256, page.fetched_at, page.canonical_url
    else:
        path = Path(source.path)
        try:
            body = path.read_bytes()
        except OSError as err:
            raise ConfigError(f"roster file {path} of source {source.name} cannot be read: {err.strerror}") from err
        text = decode(body, f"text/csv; charset={source.encoding}")
        sha256 = hashlib.sha256(body).hexdigest()
        fetched_at = (
            datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None).isoformat(timespec="seconds")
        )
        where = path.resolve().as_uri()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [column for column in source.columns.values() if column not in (reader.fieldnames or [])]
    if missing:
        result.fail(
            "missing_columns",
            f"roster {where} has no column {missing[0]!r}; its columns are {', '.join(reader.fieldnames or [])}",
        )
        return result.finish()
    today = datetime.now(UTC).date()
    for row in reader:
        listing = parse_row(row, source, where=where, sha256=sha256, fetched_at=fetched_at, today=today, result=result)
        if listing is not None:
            result.listings.append(listing)
    return result.finish()


def parse_row(
    row: dict, source: CsvSource, *, where: str, sha256: str, fetched_at: str, today: date, result: Crawl
) -> RawListing | None:
    value = {field: (row.get(column) or "").strip() for field, column in source.columns.items()}
    number = value.get("license_number", "")
    if not number:
        result.drop("no_license_number")
        return None
    wanted = {t.lower() for t in source.license_types}
    if wanted and value.get("license_type", "").lower() not in wanted:
        result.drop("other_license_type")
        return None
    if value.get("status", "Active").lower() not in {s.lower() for s in source.active_statuses}:
        result.drop("inactive_license")
        return None
    expires = _date(value.get("expires", ""))
    if expires and expires < today:
        result.drop("expired_license")
        return None
    name = value.get("name") or " ".join(
        p for p in (value.get("first_name"), value.get("middle_name"), value.get("last_name")) if p
    )
    person = bool(name)  # a licensee's own name; an establishment licence names only the business
    name = name or value.get("business_name", "")
    if not name:
        result.drop("no_name")
        return None
    fields = {
        "name": name,
        "business_name": value.get("business_name", ""),
        "address": value.get("address", ""),  # a whole address in one column
        "street": value.get("street", ""),
        "street_2": value.get("street_2", ""),
        "city": value.get("city", ""),
        "state": value.get("state", ""),
        "postal_code": value.get("postal_code", ""),
        "country": value.get("country", ""),
        "phone": value.get("phone", ""),
        "email": value.get("email", ""),
        "website": value.get("website", ""),
        "services": [value["license_type"]] if value.get("license_type") else [],
        "license_expires": expires.isoformat() if expires else "",
    }
    return RawListing(
        source=source.name,
        source_key=f"license:{source.state}:{number}",
        url=where,
        fetched_at=fetched_at,
        raw_sha256=sha256,
        fields={key: v for key, v in fields.items() if v},
        licenses=[{"number": number, "state": source.state, "status": value.get("status", "active")}],
        # The board's state is a default: the address's own state and ZIP say where the practice is
        # (boards license therapists who practise across the state line).
        default_state=source.state,
        kind=None if person else "business",
    )


def _date(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
