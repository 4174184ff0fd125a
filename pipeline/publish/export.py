"""The export stage: the website's files, staged beside the target and moved in as far as they changed.

Files: therapists.json (array), therapists.ndjson, therapists/<slug>.json (one per therapist),
therapists.geojson, facets.json, redirects.json, schema/therapist.schema.json and manifest.json.
The same database (and the same previous export) gives byte-identical files.

Only what changed is touched. The manifest's fingerprint hashes what the files are made of (the
exported therapists' content, not the run that last rebuilt them), so after a load that changed no
record the export returns at once. Otherwise DuckDB serializes every record once, into
therapists.ndjson; therapists.json and the per-therapist files are cut from its lines, and a
per-therapist file is written only when its bytes or slug differ from the previous manifest's. An
unchanged file keeps its inode and mtime (rsync and the site builder skip it).

Crash safety without relinking a million files: pipeline/publish/export_commit.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from pathlib import Path
from typing import BinaryIO

from pipeline import gazetteer
from pipeline.database import SQL_DIR, Warehouse
from pipeline.errors import DiskError, WarehouseError, disk_error
from pipeline.fetch.archive import file_sha256
from pipeline.publish.export_commit import MANIFEST, PER_THERAPIST, commit_staging, finish, recover

SCHEMA_VERSION = 4  # 4: relevance_tier may be "unknown" (export.min_tier = "unknown")
SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "therapist.schema.json"
LICENSES = {
    # What each source kind's data may be used under, carried into manifest.json.
    "html": "Facts listed publicly by the directory named in each record's evidence.source_url",
    "nppes": "Public domain (CMS NPPES NPI Registry)",
    "nppes_bulk": "Public domain (CMS NPPES downloadable file)",
    "overpass": "Open Database License (ODbL) 1.0: © OpenStreetMap contributors",
    "csv": "Public record (state licensing board roster)",
    "websites": "The practice's own public website, quoted with the page each snippet came from",
}
BLOCK = 1 << 22  # bytes of an NDJSON file read at a time
# A record's first two fields (exportable_therapists puts them first); a record that does not start
# so, or whose slug is not plainly a file name, is parsed in full.
_HEAD = re.compile(rb'\{"therapist_id":"([^"\\]+)","slug":"([0-9a-z][0-9a-z-]*)"')
# therapists.geojson: the features' lines wrapped in a FeatureCollection (opening, before the first
# feature, between two, closing).
FEATURE_COLLECTION = b'{"type":"FeatureCollection","features":[', b"\n", b",\n", b"\n]}\n"
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)
# manifest.json is written with sorted keys, so the per-therapist map is its last member; the
# up-to-date check reads only what comes before this line.
_MAP_KEY = b'\n  "therapists": '


@dataclass(frozen=True)
class ExportResult:
    directory: Path
    therapists: int
    files: dict[str, str]  # top-level file name -> sha256
    written: int = 0  # per-therapist files written anew
    kept: int = 0  # per-therapist files unchanged (not touched)
    changes: dict = field(default_factory=dict)  # added / changed / removed therapist IDs
    up_to_date: bool = False  # nothing changed since the previous export: not a file was touched


def export(warehouse: Warehouse, out_dir: Path, *, min_tier: str, source_kinds: dict[str, str]) -> ExportResult:
    """Stage the files that changed beside `out_dir`, then move them in, manifest.json last.

    A failure or a kill while staging leaves the previous export untouched; a kill while moving in
    is finished by the next export. The same database gives byte-identical files.
    """
    out_dir = Path(out_dir)
    try:
        return _export(warehouse, out_dir, min_tier=min_tier, source_kinds=source_kinds)
    except DiskError:
        raise
    except OSError as err:
        raise disk_error(err, "write the export to", out_dir, kept="the previous export stays in place") from err


def _export(warehouse: Warehouse, out_dir: Path, *, min_tier: str, source_kinds: dict[str, str]) -> ExportResult:
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(out_dir)
    fingerprint = _fingerprint(warehouse, min_tier, source_kinds)
    head = _read_manifest(out_dir, head_only=True)
    in_place = [*head.get("files", {}), PER_THERAPIST]
    if head.get("fingerprint") == fingerprint and all((out_dir / name).exists() for name in in_place):
        # The same content, settings and code as the export in place: it is already this export.
        counts = head["counts"]
        files = {name: entry["sha256"] for name, entry in head["files"].items()}
        return ExportResult(out_dir, counts["therapists"], files, 0, counts["therapists"], head["changes"], True)
    previous = _read_manifest(out_dir) if (out_dir / PER_THERAPIST).is_dir() else {}
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-new-", dir=out_dir.parent))
    try:
        result, manifest = _stage(warehouse, staging, out_dir, previous, min_tier, source_kinds)
        manifest["fingerprint"] = fingerprint
        (staging / MANIFEST).write_text(_manifest_text(manifest), encoding="utf-8")
        for folder in (staging, staging / PER_THERAPIST, staging / "schema"):
            os.chmod(folder, 0o755)  # mkdtemp makes it private; a web server must read it
        if not out_dir.exists():
            os.replace(staging, out_dir)  # a first export appears whole, in one rename
            return result
        old_slugs = {entry["slug"] for entry in previous.get("therapists", {}).values()}
        new_slugs = {entry["slug"] for entry in manifest["therapists"].values()}
        commit = commit_staging(
            staging,
            files=[name for name in result.files if (staging / name).exists()],
            # Every exported therapist's file is staged: swap the folder rather than move each file.
            replace_folder=result.kept == 0,
            remove=[] if result.kept == 0 else sorted(f"{slug}.json" for slug in old_slugs - new_slugs),
        )
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        finish(commit, out_dir)
    except OSError as err:
        raise disk_error(err, "move the new export into", out_dir, kept="the next export finishes it") from err
    return result


def _stage(
    warehouse: Warehouse, staging: Path, out_dir: Path, previous: dict, min_tier: str, source_kinds: dict[str, str]
) -> tuple[ExportResult, dict]:
    """Write the new export's files into `staging`: per-therapist files only for therapists new or
    changed, top-level files only when their bytes differ from those in place. Returns the result
    and the manifest (without its fingerprint)."""
    params = {"min_tier": min_tier}
    ndjson = staging / "therapists.ndjson"
    warehouse.copy_to("export/therapists_ndjson.sql", ndjson, params)
    before = previous.get("therapists", {})
    files, per_therapist, written = _cut_records(ndjson, staging / "therapists.json", staging / PER_THERAPIST, before)
    features = staging / "features.ndjson"
    warehouse.copy_to("export/geojson_features.sql", features, params)
    with open(features, "rb") as lines, _HashedFile(staging / "therapists.geojson") as out:
        for _block in _join_lines(_line_blocks(lines, hashlib.sha256()), out, *FEATURE_COLLECTION):
            pass
    files["therapists.geojson"] = out.sha256()
    features.unlink()
    _write_json(staging / "facets.json", _facets(warehouse, params))
    _write_json(staging / "redirects.json", _redirects(warehouse, params))
    (staging / "schema").mkdir()
    shutil.copyfile(SCHEMA, staging / "schema" / SCHEMA.name)
    for name in ("facets.json", "redirects.json", f"schema/{SCHEMA.name}"):
        files[name] = file_sha256(staging / name)
    files = dict(sorted(files.items()))
    for name, digest in files.items():
        if previous.get("files", {}).get(name) == {"sha256": digest} and (out_dir / name).is_file():
            (staging / name).unlink()  # the same bytes are in place: leave that file untouched
    columns, rows = warehouse.query("export/summary.sql", params)
    summary = dict(zip(columns, rows[0]))
    manifest = _manifest(summary, files, per_therapist, previous, min_tier, source_kinds)
    kept = len(per_therapist) - written
    return ExportResult(out_dir, summary["therapists"], files, written, kept, manifest["changes"]), manifest


def _fingerprint(warehouse: Warehouse, min_tier: str, source_kinds: dict[str, str]) -> str:
    """What the export's files are made of: the exported content in the database (not the runs that
    rebuilt it), the settings, the schema and the code that writes them. Equal fingerprints give
    byte-identical exports."""
    digest = hashlib.sha256()
    content = warehouse.scalar("export/fingerprint.sql")
    digest.update(json.dumps([SCHEMA_VERSION, min_tier, sorted(source_kinds.items()), content]).encode())
    code = [
        SCHEMA,
        Path(__file__),
        *sorted((SQL_DIR / "export").glob("*.sql")),
        *sorted((SQL_DIR / "views").glob("*.sql")),
    ]
    for path in code:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _cut_records(
    ndjson: Path, array: Path, folder: Path, before: dict[str, dict]
) -> tuple[dict[str, str], dict[str, dict], int]:
    """One pass over therapists.ndjson: therapists.json is its lines in a JSON array (the bytes
    DuckDB's `copy ... (format json, array true)` writes: the records are serialized once), and a
    line whose therapist is new or changed since `before` becomes therapists/<slug>.json (the line
    and its newline). Returns both files' sha256, the manifest's per-therapist map
    (therapist_id -> slug and sha256) and how many files were written."""
    folder.mkdir()
    per_therapist: dict[str, dict] = {}
    written = 0
    whole = hashlib.sha256()
    folder_fd = os.open(folder, os.O_RDONLY)
    try:
        with open(ndjson, "rb") as source, _HashedFile(array) as out:
            for block in _join_lines(_line_blocks(source, whole), out, b"[\n\t", b"", b",\n\t", b"\n]\n"):
                for line in block[:-1].split(b"\n"):
                    therapist_id, slug = _identify(line)
                    data = line + b"\n"
                    entry = {"slug": slug, "sha256": hashlib.sha256(data).hexdigest()}
                    per_therapist[therapist_id] = entry
                    if before.get(therapist_id) != entry:
                        _create(folder_fd, f"{slug}.json", data)
                        written += 1
    finally:
        os.close(folder_fd)
    return {"therapists.json": out.sha256(), "therapists.ndjson": whole.hexdigest()}, per_therapist, written


def _identify(line: bytes) -> tuple[str, str]:
    """A record's therapist_id and slug, from its first bytes when they are plain."""
    head = _HEAD.match(line)
    if head:
        return head[1].decode(), head[2].decode()
    record = json.loads(line)
    therapist_id, slug = record["therapist_id"], record["slug"]
    if not slug or "/" in slug or "\\" in slug or slug.startswith(".") or "\x00" in slug:
        raise WarehouseError(f"therapist {therapist_id} has the slug {slug!r}, which is not a safe file name")
    return therapist_id, slug


def _create(folder_fd: int, name: str, data: bytes) -> None:
    """Write a small file with bare system calls (about half the cost of Path.write_bytes)."""
    fd = os.open(name, _NEW_FILE, 0o666, dir_fd=folder_fd)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _line_blocks(source: BinaryIO, digest) -> Iterator[bytes]:
    """The file in blocks of whole lines, each ending with a newline; `digest` sees every byte read."""
    rest = b""
    while chunk := source.read(BLOCK):
        digest.update(chunk)
        chunk = rest + chunk
        end = chunk.rfind(b"\n") + 1
        rest = chunk[end:]
        if end:
            yield chunk[:end]
    if rest:
        yield rest + b"\n"  # a last line without its newline


def _join_lines(
    blocks: Iterator[bytes], out: _HashedFile, opening: bytes, first: bytes, sep: bytes, closing: bytes
) -> Iterator[bytes]:
    """Write the lines of whole-line blocks to `out` joined by `sep` (`first` before the first line)
    between `opening` and `closing`, passing each block on."""
    out.write(opening)
    lead = first
    for block in blocks:
        out.write(lead + block[:-1].replace(b"\n", sep))
        lead = sep
        yield block
    out.write(closing)


class _HashedFile:
    """A binary file being written, and the sha256 of what was written to it."""

    def __init__(self, path: Path):
        self._handle = open(path, "wb")  # noqa: SIM115 (closed by __exit__)
        self._digest = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self._handle.write(data)
        self._digest.update(data)

    def sha256(self) -> str:
        return self._digest.hexdigest()

    def __enter__(self) -> _HashedFile:
        return self

    def __exit__(self, *exc) -> None:
        self._handle.close()


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


def _manifest_text(manifest: dict) -> str:
    """manifest.json exactly as `json.dumps(manifest, indent=2, sort_keys=True)` writes it, but with
    its big members (the per-therapist map and the lists of changes: a million entries each) written
    here in one pass each: json's indenting encoder is pure Python and takes four times as long.
    They go into the text in place of placeholders, strings no real value is (they hold a NUL)."""
    therapists, changes = manifest["therapists"], manifest["changes"]
    quote = encode_basestring  # what json.dumps(ensure_ascii=False) quotes a string with
    big: dict[str, str] = {}

    def hold(name: str, text: str) -> str:
        placeholder = f"\x00{name}\x00"
        big[json.dumps(placeholder)] = text
        return placeholder

    def listed(ids: list[str]) -> str:  # a list of therapist IDs, a member of a member
        return "[\n" + ",\n".join(f"      {quote(i)}" for i in ids) + "\n    ]" if ids else "[]"

    entries = ",\n".join(
        f'    {quote(tid)}: {{\n      "sha256": {quote(entry["sha256"])},\n      "slug": {quote(entry["slug"])}\n    }}'
        for tid, entry in sorted(therapists.items())
    )
    held = {
        **manifest,
        "changes": {kind: hold(kind, listed(ids)) for kind, ids in changes.items()},
        "therapists": hold(PER_THERAPIST, "{\n" + entries + "\n  }" if therapists else "{}"),
    }
    text = json.dumps(held, indent=2, sort_keys=True, ensure_ascii=False)
    for placeholder, value in big.items():
        text = text.replace(placeholder, value, 1)
    return text + "\n"


def _read_manifest(out_dir: Path, *, head_only: bool = False) -> dict:
    """The export in place's manifest.json, {} if there is none (or an unreadable one: everything is
    then new). `head_only`: every member but the per-therapist map, reading no further than it."""
    try:
        with open(out_dir / MANIFEST, "rb") as handle:
            text = bytearray()
            while chunk := handle.read(1 << 20):
                start = max(0, len(text) - len(_MAP_KEY))
                text += chunk
                at = text.find(_MAP_KEY, start) if head_only else -1
                if at >= 0:
                    return json.loads(bytes(text[:at]).removesuffix(b",") + b"\n}")
            return json.loads(bytes(text))
    except (OSError, ValueError):
        return {}


def _write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
