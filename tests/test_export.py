"""Export: a failure leaves the previous export whole; the folder is swapped, never half-written."""

import json

import duckdb
import pytest

from pipeline.errors import WarehouseError
from pipeline.export import export
from pipeline.warehouse import Warehouse, open_work


def test_failed_export_keeps_the_previous_one(tmp_path):
    out = tmp_path / "export"
    out.mkdir()
    (out / "therapists.json").write_text("[previous]")
    broken = tmp_path / "broken.duckdb"
    duckdb.connect(str(broken)).close()  # a database without our tables
    with Warehouse(broken, read_only=True) as warehouse:
        with pytest.raises(WarehouseError, match="sql/export/therapists_json.sql"):
            export(warehouse, out, min_tier="low", source_kinds={})
    assert (out / "therapists.json").read_text() == "[previous]"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.duckdb", "export"], "no temp folder left behind"


def test_empty_database_exports_valid_empty_files(tmp_path):
    with open_work(tmp_path / "w.duckdb") as warehouse:
        result = export(warehouse, tmp_path / "export", min_tier="low", source_kinds={})
    assert result.therapists == 0
    assert json.loads((tmp_path / "export" / "therapists.json").read_text()) == []
    assert (tmp_path / "export" / "therapists.geojson").read_text() == '{"type":"FeatureCollection","features":[\n]}\n'
    assert (tmp_path / "export").stat().st_mode & 0o755 == 0o755
