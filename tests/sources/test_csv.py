"""Licensing-board roster CSVs: column mapping, licence type and status filters, local file or URL."""

from pathlib import Path

import duckdb
import pytest

from pipeline.config import Http
from pipeline.config.sources import CsvSource
from pipeline.errors import ConfigError
from pipeline.fetch.archive import Archive
from pipeline.fetch.fetcher import Fetcher
from pipeline.sources import csv as roster
from tests.servers import Route, ScriptedServer

UA = "therapist-directory-test/1.0 (+https://therapist-directory.example.org/bot)"
HEADER = (
    "License Number,License Type,License Status,Expiration Date,Last Name,First Name,Business Name,Address,City,Zip,"
    "Phone"
)
ROSTER = (
    HEADER
    + """
MT100001,Massage Therapist,Active,12/31/2099,ALVAREZ,JANE,,1200 S Congress Ave,Austin,78704-1234,(512) 555-0142
MT100002,Massage Therapist,Expired,01/31/2020,CHO,BEN,,5 Elm St,Austin,78701,
MT100003,Massage Therapist,Revoked,12/31/2099,DIAZ,CARA,,9 Oak St,Austin,78745,
ME200001,Massage Establishment,Active,12/31/2099,,,Lotus Tide Day Spa,77 Lamar Blvd,Austin,78705,512-555-0170
MT100004,Massage Therapist,Active,03/01/2021,FOX,DEE,,3 Pine St,Austin,78751,
MT100005,Massage Therapist,Active,12/31/2099,ORTEGA,JOSÉ,,8 Cedar Ln,Round Rock,78664,512.555.0180
"""
)
COLUMNS = {
    "license_number": "License Number",
    "license_type": "License Type",
    "status": "License Status",
    "expires": "Expiration Date",
    "last_name": "Last Name",
    "first_name": "First Name",
    "business_name": "Business Name",
    "street": "Address",
    "city": "City",
    "postal_code": "Zip",
    "phone": "Phone",
}


def source(**overrides) -> CsvSource:
    settings = dict(
        name="tx_board",
        kind="csv",
        path="roster.csv",
        state="TX",
        columns=COLUMNS,
        license_types=["Massage Therapist"],
        delay_seconds=0.0,
    )
    return CsvSource(**{**settings, **overrides})


def fetcher(tmp_path: Path) -> Fetcher:
    return Fetcher(Http(user_agent=UA, delay_seconds=0), Archive(tmp_path / "raw"), run_id="t")


def test_local_roster_keeps_active_licences_of_the_wanted_type(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    result = roster.crawl(source(path=str(path)), fetcher(tmp_path))
    assert [r.fields["name"] for r in result.listings] == ["JANE ALVAREZ", "JOSÉ ORTEGA"]
    assert result.counts["scrape/dropped/inactive_license"] == 2
    assert result.counts["scrape/dropped/other_license_type"] == 1
    assert result.counts["scrape/dropped/expired_license"] == 1
    jane = result.listings[0]
    assert jane.source_key == "license:TX:MT100001" and jane.url == path.resolve().as_uri()
    assert jane.licenses == [{"number": "MT100001", "state": "TX", "status": "Active"}]
    assert jane.fields["postal_code"] == "78704-1234" and "state" not in jane.fields
    assert jane.default_state == "TX", "the board's state is a default, never the address's own"


def test_roster_by_url_goes_through_the_fetcher(tmp_path):
    body = ROSTER.encode("cp1252")  # a board that exports windows-1252
    with ScriptedServer({"/rosters/tx.csv": Route(body=body, headers={"Content-Type": "text/csv"})}) as server:
        result = roster.crawl(
            source(base_url=server.url + "/rosters/", path="tx.csv", license_types=[]), fetcher(tmp_path)
        )
    names = [r.fields["name"] for r in result.listings]
    assert "JOSÉ ORTEGA" in names and "Lotus Tide Day Spa" in names


def test_a_missing_column_fails_the_crawl_with_the_columns_it_has(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER.replace("License Status", "Status"), encoding="utf-8")
    result = roster.crawl(source(path=str(path)), fetcher(tmp_path))
    assert result.status == "failed" and "no column 'License Status'" in result.message


def test_a_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot be read"):
        roster.crawl(source(path=str(tmp_path / "absent.csv")), fetcher(tmp_path))


def test_a_key_listed_twice_keeps_the_most_complete_row_and_is_counted(tmp_path, write_config):
    """A roster (or a directory) that lists one licence twice gives one listing: the fuller row,
    whatever the order; the drop and the disagreement are counted."""
    from pipeline.cli import main

    roster = tmp_path / "roster.csv"
    roster.write_text(
        HEADER
        + "\nMT100001,Massage Therapist,Active,12/31/2099,ALVAREZ,JANE,,1200 S Congress Ave,Austin,78704,"
        + "\nMT100001,Massage Therapist,Active,12/31/2099,ALVAREZ,JANE,,1200 S Congress Ave,Austin,78704,"
        + "(512) 555-0142"
        + "\nMT100002,Massage Therapist,Active,12/31/2099,CHO,BEN,,5 Elm St,Austin,78701,\n",
        encoding="utf-8",
    )
    columns = "\n".join(f'{field} = "{column}"' for field, column in COLUMNS.items())
    path = write_config(
        f'[sources.board]\nkind = "csv"\npath = "{roster}"\nstate = "TX"\n[sources.board.columns]\n{columns}\n'
    )
    assert main(["--config", str(path), "-q", "run", "--source", "board"]) == 0
    con = duckdb.connect(str(tmp_path / "data" / "directory.duckdb"), read_only=True)
    try:
        rows = con.execute("select source_key, phone from listings order by 1").fetchall()
        (counts,) = con.execute("select counts from pipeline_runs order by started_at desc limit 1").fetchone()
    finally:
        con.close()
    assert rows == [("license:TX:MT100001", "+15125550142"), ("license:TX:MT100002", None)]
    assert '"scrape/dropped/duplicate_key": 1' in counts and '"scrape/duplicate_key_conflicts": 1' in counts
