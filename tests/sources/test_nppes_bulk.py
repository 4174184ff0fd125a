"""The NPPES bulk source: DuckDB reads the 330-column file, keeps wanted taxonomies, drops deactivated."""

import csv
import zipfile

import pytest

from pipeline.config import Http
from pipeline.config.sources import NppesBulkSource
from pipeline.errors import ConfigError
from pipeline.fetch.archive import Archive
from pipeline.fetch.fetcher import Fetcher
from pipeline.sources import nppes_bulk
from tests.conftest import ROOT

SAMPLE = ROOT / "data" / "samples" / "nppes" / "bulk" / "npidata_pfile_20261101-20261107.csv"


def header() -> list[str]:
    with open(SAMPLE, newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle))


def write(path, rows: list[dict]) -> None:
    columns = header()
    assert len(columns) == 330
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(column, "") for column in columns])


def row(npi: str, *codes: str, **extra) -> dict:
    data = {
        "NPI": npi,
        "Entity Type Code": "1",
        "Provider Last Name (Legal Name)": "RUIZ",
        "Provider First Name": "ANA",
        "Provider Credential Text": "LMT",
        "Provider First Line Business Practice Location Address": "1 MAIN ST",
        "Provider Business Practice Location Address City Name": "AUSTIN",
        "Provider Business Practice Location Address State Name": "TX",
        "Provider Business Practice Location Address Postal Code": "787011234",
        "Provider Business Practice Location Address Telephone Number": "5125550142",
        "Provider First Line Business Mailing Address": "PO BOX 1",
        "Provider Enumeration Date": "05/01/2012",
        "Last Update Date": "06/30/2022",
    }
    for slot, code in enumerate(codes, start=1):
        data[f"Healthcare Provider Taxonomy Code_{slot}"] = code
        data[f"Provider License Number_{slot}"] = f"L{slot}{npi[-4:]}"
        data[f"Provider License Number State Code_{slot}"] = "TX"
        data[f"Healthcare Provider Primary Taxonomy Switch_{slot}"] = "Y" if slot == 1 else "N"
    return {**data, **extra}


def crawl(path, tmp_path, **settings):
    source = NppesBulkSource(name="bulk", kind="nppes_bulk", path=str(path), **settings)
    fetcher = Fetcher(Http(user_agent="t (+https://example.org)"), Archive(tmp_path / "raw"), run_id="t")
    try:
        return nppes_bulk.crawl(source, fetcher)
    finally:
        fetcher.close()


@pytest.fixture
def bulk_file(tmp_path):
    path = tmp_path / "npidata_pfile_test.csv"
    write(
        path,
        [
            row("1234567893", "225700000X"),
            row("1003142399", "207Q00000X", "225700000X"),  # massage therapist in the second slot
            row("1245319599", "207Q00000X"),  # a family doctor: filtered out
            row("1679576722", "225700000X", **{"NPI Deactivation Date": "01/14/2015"}),
            row(
                "1962437715",
                "225700000X",
                **{"NPI Deactivation Date": "01/14/2015", "NPI Reactivation Date": "02/13/2019"},
            ),
            row("1457365264", "225700000X", **{"Provider Business Practice Location Address State Name": "CO"}),
        ],
    )
    return path


def test_keeps_wanted_taxonomies_in_any_slot_and_drops_deactivated(bulk_file, tmp_path):
    result = crawl(bulk_file, tmp_path)
    assert sorted(r.npi for r in result.listings) == ["1003142399", "1234567893", "1457365264", "1962437715"]
    assert result.counts["scrape/dropped/deactivated"] == 1
    first = next(r for r in result.listings if r.npi == "1003142399")
    assert first.source_key == "npi:1003142399" and first.taxonomy_codes == ["207Q00000X", "225700000X"]
    assert first.fields["name"] == "ANA RUIZ" and first.fields["postal_code"] == "787011234"
    assert first.fields["street"] == "1 MAIN ST", "the practice location, not the mailing address"
    assert {"number": "L22399", "state": "TX", "status": "active"} in first.licenses
    assert len(first.raw_sha256) == 64


def test_state_filter(bulk_file, tmp_path):
    result = crawl(bulk_file, tmp_path, states=["CO"])
    assert [r.npi for r in result.listings] == ["1457365264"]


def test_reads_the_monthly_zip(bulk_file, tmp_path):
    archive = tmp_path / "NPPES_Data_Dissemination_November_2026.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(bulk_file, "npidata_pfile_20261101-20261107.csv")
        zipped.writestr("npidata_pfile_20261101-20261107_fileheader.csv", "header only")
    assert len(crawl(archive, tmp_path).listings) == 4


def test_the_bundled_sample_uses_the_real_header():
    columns = header()
    assert len(columns) == 330 and columns[0] == "NPI"
    assert "Healthcare Provider Taxonomy Code_15" in columns


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        crawl(tmp_path / "absent.csv", tmp_path)
