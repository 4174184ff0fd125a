"""The NPPES monthly dissemination file, read by DuckDB directly and filtered on its taxonomy columns.

The file is ~9 GB and ~10^7 rows: DuckDB's CSV reader does the scan and the filter, and only
the matching providers (a few percent) come back to Python, in the same shape as the API source.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from pipeline.config.sources import NppesBulkSource
from pipeline.database import Warehouse
from pipeline.errors import ConfigError, WarehouseError
from pipeline.fetch.archive import file_sha256
from pipeline.fetch.fetcher import Fetcher
from pipeline.records import RawListing
from pipeline.sources import Crawl

_CHUNK = 1 << 20
REGISTRY_VIEW = "https://npiregistry.cms.hhs.gov/provider-view/"


def crawl(source: NppesBulkSource, fetcher: Fetcher) -> Crawl:
    result = Crawl(source=source.name)
    path = Path(source.path)
    if not path.is_file():
        raise ConfigError(f"NPPES bulk file {path} of source {source.name} does not exist")
    with _csv_file(path) as csv_path:
        sha256 = file_sha256(path)
        fetched_at = (
            datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None).isoformat(timespec="seconds")
        )
        try:
            with Warehouse(Path(":memory:")) as scratch:
                columns, rows = scratch.query(
                    "sources/nppes_bulk.sql",
                    {"path": str(csv_path), "codes": list(source.taxonomy_codes), "states": list(source.states)},
                )
        except WarehouseError as err:
            result.fail("unreadable", f"NPPES bulk file {path} could not be read: {err}")
            return result.finish()
    for row in rows:
        record = dict(zip(columns, row))
        if record["deactivated"]:
            result.drop("deactivated")
            continue
        listing = to_listing(record, source=source.name, sha256=sha256, fetched_at=fetched_at)
        if listing is None:
            result.drop("no_name")
        else:
            result.listings.append(listing)
    result.counts["scrape/nppes_bulk/matching_rows"] += len(rows)
    return result.finish()


def to_listing(record: dict, *, source: str, sha256: str, fetched_at: str) -> RawListing | None:
    """The same shape the API source yields (`npi:` keys, location address, licences)."""
    if record["entity_type"] == "2":
        name = record["organization_name"] or ""
        business = record["other_organization_name"] or name
    else:
        name = " ".join(p for p in (record["first_name"], record["middle_name"], record["last_name"]) if p)
        business = record["other_organization_name"] or ""
    if not name or not record["npi"]:
        return None
    npi = record["npi"].split(".")[0]
    fields = {
        "name": name,
        "business_name": business,
        "credentials": [record["credential"]] if record["credential"] else [],
        "phone": record["phone"] or "",
        "street": record["address_1"] or "",
        "street_2": record["address_2"] or "",
        "city": record["city"] or "",
        "state": record["state"] or "",
        "postal_code": record["postal_code"] or "",
        "country": record["country"] or "",
        "mailing_address": record["mailing_address"] or "",
        "services": [],
        "enumeration_date": record["enumeration_date"] or "",
        "last_updated": record["last_updated"] or "",
    }
    return RawListing(
        # The record's public page is the Registry's view of the same NPI (the file is not a web page).
        source=source,
        source_key=f"npi:{npi}",
        url=f"{REGISTRY_VIEW}{npi}",
        fetched_at=fetched_at,
        raw_sha256=sha256,
        fields={key: value for key, value in fields.items() if value},
        npi=npi,
        licenses=[{"number": lic["number"], "state": lic["state"], "status": "active"} for lic in record["licenses"]],
        taxonomy_codes=list(record["codes"]),
        kind="business" if record["entity_type"] == "2" else "person",
    )


@contextlib.contextmanager
def _csv_file(path: Path) -> Iterator[Path]:
    """The CSV itself, or the npidata_pfile member of a zip extracted to a temporary folder."""
    if path.suffix.lower() != ".zip":
        yield path
        return
    with zipfile.ZipFile(path) as archive:
        members = [
            m
            for m in archive.namelist()
            if Path(m).name.startswith("npidata_pfile") and m.endswith(".csv") and "fileheader" not in m
        ]
        if not members:
            raise ConfigError(f"{path} holds no npidata_pfile_*.csv")
        tmp = Path(tempfile.mkdtemp(prefix="nppes-"))
        try:
            target = tmp / Path(members[0]).name
            with archive.open(members[0]) as source, open(target, "wb") as out:
                shutil.copyfileobj(source, out, _CHUNK)
            yield target
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
