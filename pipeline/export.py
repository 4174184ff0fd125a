"""The export stage: JSON, NDJSON, GeoJSON and a manifest for the website, swapped in atomically."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline import gazetteer
from pipeline.archive import file_sha256
from pipeline.warehouse import Warehouse

SCHEMA_VERSION = 1
LICENSES = {
    # What each source kind's data may be used under, carried into manifest.json.
    "html": "Facts listed publicly by the directory named in each record's evidence.source_url",
    "nppes": "Public domain (CMS NPPES NPI Registry)",
    "nppes_bulk": "Public domain (CMS NPPES downloadable file)",
    "overpass": "Open Database License (ODbL) 1.0: © OpenStreetMap contributors",
    "csv": "Public record (state licensing board roster)",
}


@dataclass(frozen=True)
class ExportResult:
    directory: Path
    therapists: int
    files: dict[str, str]  # file name -> sha256


def export(warehouse: Warehouse, out_dir: Path, *, min_tier: str, source_kinds: dict[str, str]) -> ExportResult:
    """Write every export file into a fresh folder beside `out_dir`, then swap it in.

    A failure at any point leaves the previous export untouched; the same database always
    gives byte-identical files.
    """
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-new-", dir=out_dir.parent))
    try:
        params = {"min_tier": min_tier}
        warehouse.copy_to("export/therapists_json.sql", staging / "therapists.json", params)
        warehouse.copy_to("export/therapists_ndjson.sql", staging / "therapists.ndjson", params)
        features = staging / "features.ndjson"
        warehouse.copy_to("export/geojson_features.sql", features, params)
        _wrap_feature_collection(features, staging / "therapists.geojson")
        features.unlink()
        columns, rows = warehouse.query("export/summary.sql", params)
        summary = dict(zip(columns, rows[0]))
        files = {path.name: file_sha256(path) for path in sorted(staging.iterdir())}
        manifest = _manifest(summary, files, min_tier, source_kinds)
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n",
                                               encoding="utf-8")
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a web server must read it
        _swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ExportResult(out_dir, summary["therapists"], files)


def _manifest(summary: dict, files: dict[str, str], min_tier: str, source_kinds: dict[str, str]) -> dict:
    updated = summary["data_updated_at"]
    sources = summary["sources"] or []
    return {
        "schema_version": SCHEMA_VERSION,
        "data_updated_at": updated,  # already ISO 8601 UTC (exportable_therapists)
        "min_tier": min_tier,
        "counts": {key: summary[key] for key in ("therapists", "located", "high", "medium", "low", "none")},
        "files": {name: {"sha256": digest} for name, digest in files.items()},
        "sources": [
            {"name": name, "kind": source_kinds.get(name, "unknown"),
             "license": LICENSES.get(source_kinds.get(name, ""), "see the source's terms")}
            for name in sources
        ],
        "attribution": [gazetteer.ATTRIBUTION, *(summary["attributions"] or [])],
    }


def _wrap_feature_collection(features: Path, target: Path) -> None:
    """Stream one-feature-per-line NDJSON into a GeoJSON FeatureCollection."""
    with open(features, encoding="utf-8") as source, open(target, "w", encoding="utf-8") as out:
        out.write('{"type":"FeatureCollection","features":[')
        first = True
        for line in source:
            line = line.rstrip("\n")
            if line:
                out.write(("\n" if first else ",\n") + line)
                first = False
        out.write("\n]}\n")


def _swap_in(staging: Path, out_dir: Path) -> None:
    """Replace out_dir with staging: two renames, so readers see the old or the new export whole."""
    old = None
    if out_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-old-", dir=out_dir.parent))
        os.rmdir(old)
        os.replace(out_dir, old)
    try:
        os.replace(staging, out_dir)
    except BaseException:
        if old is not None:
            os.replace(old, out_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
