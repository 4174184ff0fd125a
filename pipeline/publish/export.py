"""The export stage: the website's files, written beside the target and swapped in whole.

Files: therapists.json (array), therapists.ndjson, therapists/<slug>.json (one per therapist),
therapists.geojson, facets.json, redirects.json, schema/therapist.schema.json and manifest.json.
The same database (and the same previous export) gives byte-identical files; per-therapist files
whose bytes did not change are hard-linked from the previous export, so their mtime is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import gazetteer
from pipeline.database import SQL_DIR, Warehouse
from pipeline.errors import disk_error
from pipeline.fetch.archive import file_sha256

SCHEMA_VERSION = 4  # 4: relevance_tier may be "unknown" (export.min_tier = "unknown")
SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "therapist.schema.json"
PER_THERAPIST = "therapists"  # the folder of therapists/<slug>.json
LICENSES = {
    # What each source kind's data may be used under, carried into manifest.json.
    "html": "Facts listed publicly by the directory named in each record's evidence.source_url",
    "nppes": "Public domain (CMS NPPES NPI Registry)",
    "nppes_bulk": "Public domain (CMS NPPES downloadable file)",
    "overpass": "Open Database License (ODbL) 1.0: © OpenStreetMap contributors",
    "csv": "Public record (state licensing board roster)",
    "websites": "The practice's own public website, quoted with the page each snippet came from",
}


@dataclass(frozen=True)
class ExportResult:
    directory: Path
    therapists: int
    files: dict[str, str]  # top-level file name -> sha256
    written: int = 0  # per-therapist files written anew
    kept: int = 0  # per-therapist files unchanged (linked from the previous export)
    changes: dict = field(default_factory=dict)  # added / changed / removed therapist IDs
    up_to_date: bool = False  # nothing changed since the previous export: not a file was touched


def export(warehouse: Warehouse, out_dir: Path, *, min_tier: str, source_kinds: dict[str, str]) -> ExportResult:
    """Write every export file into a fresh folder beside `out_dir`, then swap it in.

    A failure or a kill at any point leaves the previous export whole (a folder left half-way is
    cleared by the next export); the same database gives byte-identical files.
    """
    out_dir = Path(out_dir)
    try:
        return _export(warehouse, out_dir, min_tier=min_tier, source_kinds=source_kinds)
    except OSError as err:
        raise disk_error(err, "write the export to", out_dir, kept="the previous export stays in place") from err


def _export(warehouse: Warehouse, out_dir: Path, *, min_tier: str, source_kinds: dict[str, str]) -> ExportResult:
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    _recover(out_dir)
    previous = _read_manifest(out_dir)
    fingerprint = _fingerprint(warehouse, min_tier, source_kinds)
    if previous.get("fingerprint") == fingerprint and all((out_dir / name).is_file() for name in previous["files"]):
        # The same data, settings and code as the export in place: it is already this export.
        counts = previous["counts"]
        return ExportResult(
            out_dir,
            counts["therapists"],
            {k: v["sha256"] for k, v in previous["files"].items()},
            0,
            len(previous.get("therapists", {})),
            previous.get("changes", {}),
            up_to_date=True,
        )
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-new-", dir=out_dir.parent))
    try:
        params = {"min_tier": min_tier}
        warehouse.copy_to("export/therapists_json.sql", staging / "therapists.json", params)
        warehouse.copy_to("export/therapists_ndjson.sql", staging / "therapists.ndjson", params)
        features = staging / "features.ndjson"
        warehouse.copy_to("export/geojson_features.sql", features, params)
        _wrap_feature_collection(features, staging / "therapists.geojson")
        features.unlink()
        per_therapist, written, kept = _write_therapist_files(
            warehouse, params, staging / PER_THERAPIST, out_dir / PER_THERAPIST, previous.get("therapists", {})
        )
        _write_json(staging / "facets.json", _facets(warehouse, params))
        _write_json(staging / "redirects.json", _redirects(warehouse, params))
        (staging / "schema").mkdir()
        shutil.copyfile(SCHEMA, staging / "schema" / SCHEMA.name)
        columns, rows = warehouse.query("export/summary.sql", params)
        summary = dict(zip(columns, rows[0]))
        files = {
            path.relative_to(staging).as_posix(): file_sha256(path)
            for path in sorted(staging.rglob("*"))
            if path.is_file() and path.parent.name != PER_THERAPIST
        }
        manifest = _manifest(summary, files, per_therapist, previous, min_tier, source_kinds)
        manifest["fingerprint"] = fingerprint
        _write_json(staging / "manifest.json", manifest)
        for folder in (staging, staging / PER_THERAPIST, staging / "schema"):
            os.chmod(folder, 0o755)  # mkdtemp makes it private; a web server must read it
        _swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ExportResult(out_dir, summary["therapists"], files, written, kept, manifest["changes"])


def _fingerprint(warehouse: Warehouse, min_tier: str, source_kinds: dict[str, str]) -> str:
    """The database's exportable state with everything else the files depend on: the settings, the
    schema and the SQL that writes them. Equal fingerprints give byte-identical exports."""
    digest = hashlib.sha256()
    digest.update(
        json.dumps(
            [SCHEMA_VERSION, min_tier, sorted(source_kinds.items()), warehouse.scalar("export/fingerprint.sql")]
        ).encode()
    )
    for path in [SCHEMA, *sorted((SQL_DIR / "export").glob("*.sql")), *sorted((SQL_DIR / "views").glob("*.sql"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _write_therapist_files(
    warehouse: Warehouse, params: dict, folder: Path, old_folder: Path, before: dict[str, dict]
) -> tuple[dict[str, dict], int, int]:
    """therapists/<slug>.json for each therapist; unchanged bytes are hard-linked from the last export."""
    folder.mkdir()
    index, written, kept = {}, 0, 0
    for therapist_id, slug, record in warehouse.stream("export/therapist_files.sql", params):
        data = (record + "\n").encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        name = f"{slug}.json"
        index[therapist_id] = {"slug": slug, "sha256": digest}
        old = before.get(therapist_id)
        if old == index[therapist_id] and _link(old_folder / name, folder / name):
            kept += 1
            continue
        (folder / name).write_bytes(data)
        written += 1
    return index, written, kept


def _link(source: Path, target: Path) -> bool:
    """Hard-link an unchanged file from the previous export (its mtime stays); False if impossible."""
    try:
        os.link(source, target)
        return True
    except OSError:
        return False


def _facets(warehouse: Warehouse, params: dict) -> dict:
    facets: dict[str, dict[str, int]] = {"state": {}, "city": {}, "technique": {}, "condition": {}, "tier": {}}
    for facet, value, count in warehouse.run("export/facets.sql", params):
        facets[facet][value] = count
    return facets


def _redirects(warehouse: Warehouse, params: dict) -> dict:
    redirects: dict[str, dict[str, str]] = {"therapist_id": {}, "slug": {}}
    for kind, old, new in warehouse.run("export/redirects.sql", params):
        redirects[kind][old] = new
    return {"therapist_ids": redirects["therapist_id"], "slugs": redirects["slug"]}


def _manifest(
    summary: dict,
    files: dict[str, str],
    per_therapist: dict[str, dict],
    previous: dict,
    min_tier: str,
    source_kinds: dict[str, str],
) -> dict:
    before = previous.get("therapists", {})
    changes = {
        "added": sorted(set(per_therapist) - set(before)),
        "changed": sorted(tid for tid, entry in per_therapist.items() if tid in before and before[tid] != entry),
        "removed": sorted(set(before) - set(per_therapist)),
    }
    listed = {name: {"sha256": digest} for name, digest in files.items()}
    if not any(changes.values()) and previous.get("files") == listed:
        # Nothing moved: this export is the previous one again, changes and all (deterministic).
        changes = previous.get("changes", changes)
    sources = summary["sources"] or []
    return {
        "schema_version": SCHEMA_VERSION,
        "schema": f"schema/{SCHEMA.name}",
        # The data's own clock, never the wall clock: the same database gives the same manifest.
        "generated_at": summary["data_updated_at"],
        "run_id": summary["run_id"],  # the last run that changed a therapist
        "min_tier": min_tier,
        "counts": {key: summary[key] for key in ("therapists", "located", "high", "medium", "low", "none")},
        "files": listed,
        "therapists": per_therapist,  # therapist_id -> {slug, sha256} of therapists/<slug>.json
        "changes": changes,  # since the previous export that differed
        "sources": [
            {
                "name": name,
                "kind": source_kinds.get(name, "unknown"),
                "license": LICENSES.get(source_kinds.get(name, ""), "see the source's terms"),
            }
            for name in sources
        ],
        "attribution": [gazetteer.ATTRIBUTION, *(summary["attributions"] or [])],
    }


def _read_manifest(out_dir: Path) -> dict:
    try:
        return json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no previous export (or an unreadable one): everything is new


def _write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


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


def _recover(out_dir: Path) -> None:
    """Undo what a killed export left: a half-written new folder goes; if the kill fell between the
    two renames of the swap, the previous export comes back."""
    for stale in out_dir.parent.glob(f".{out_dir.name}-new-*"):
        shutil.rmtree(stale, ignore_errors=True)
    olds = sorted(out_dir.parent.glob(f".{out_dir.name}-old-*"), key=lambda p: p.stat().st_mtime)
    if olds and not out_dir.exists():
        os.replace(olds.pop(), out_dir)
    for old in olds:
        shutil.rmtree(old, ignore_errors=True)


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
