"""`run --offline` re-extracts from the raw archive with no network at all."""

import socket

import duckdb

from pipeline.cli import main


def listing_rows(config_path):
    con = duckdb.connect(str(config_path.parent / "data" / "directory.duckdb"), read_only=True)
    try:
        return con.execute("select source_key, content_hash, active from listings order by all").fetchall()
    finally:
        con.close()


def test_offline_run_makes_no_request_and_changes_nothing(write_config, monkeypatch, capsys):
    path = write_config()
    assert main(["--config", str(path), "-q", "run"]) == 0
    before = listing_rows(path)
    assert len(before) == 72

    connections = []

    def refuse(self, address):
        connections.append(address)
        raise ConnectionRefusedError("offline runs must not connect")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    assert main(["--config", str(path), "run", "--offline"]) == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    assert connections == []
    assert "unchanged=72" in err and "offline=" in err
    assert listing_rows(path) == before


def test_offline_without_an_archive_fails_cleanly(write_config, capsys):
    path = write_config()
    assert main(["--config", str(path), "run", "--offline"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "not in the archive" in err and err.count("\n") == 1
