"""Benchmark: the whole export of 10^6 therapists vs DuckDB's own COPY ... TO of the same rows (the
limit for therapists.json and .ndjson), the per-therapist files against merely creating as many
files on the same disk, and a second export with nothing changed (every per-therapist file
hard-linked, not rewritten)."""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import sizes, write_results  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.database import open_work  # noqa: E402
from pipeline.geocode.chain import ensure_gazetteer  # noqa: E402
from pipeline.publish.export import export  # noqa: E402
from pipeline.run.history import utcnow  # noqa: E402
from pipeline.warehouse.load import load_staged  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _raw_files(folder: Path, count: int) -> float:
    """Seconds to merely create `count` 900-byte files here: the floor for per-therapist files."""
    folder.mkdir()
    started = time.perf_counter()
    for i in range(count):
        (folder / f"{i}.json").write_bytes(b"x" * 900)
    return time.perf_counter() - started


def main() -> list[dict]:
    config = load_config(ROOT / "pipeline.toml")
    results = []
    for n in sizes("1000000"):
        with tempfile.TemporaryDirectory(dir=ROOT / "data") as tmp:
            tmp = Path(tmp)
            with open_work(tmp / "work.duckdb") as warehouse:
                ensure_gazetteer(warehouse)
                warehouse.run("../bench/synthetic_listings.sql", {"n": n, "load_id": "bench"})
                load_staged(config, warehouse, now=utcnow(), counts=Counter())
                warehouse.checkpoint()
                started = time.perf_counter()
                warehouse.copy_to("export/therapists_json.sql", tmp / "copy.json", {"min_tier": "none"})
                warehouse.copy_to("export/therapists_ndjson.sql", tmp / "copy.ndjson", {"min_tier": "none"})
                baseline = time.perf_counter() - started
                started = time.perf_counter()
                first = export(warehouse, tmp / "export", min_tier="none", source_kinds={})
                ours = time.perf_counter() - started
                started = time.perf_counter()
                rows = sum(1 for _ in warehouse.stream("export/therapist_files.sql", {"min_tier": "none"}))
                fetch_s = time.perf_counter() - started
                started = time.perf_counter()
                again = export(warehouse, tmp / "export", min_tier="none", source_kinds={})
                again_s = time.perf_counter() - started
                warehouse.run("../bench/touch_load_ids.sql")  # same records, new run
                started = time.perf_counter()
                relinked = export(warehouse, tmp / "export", min_tier="none", source_kinds={})
                relink_s = time.perf_counter() - started
            raw_s = _raw_files(tmp / "raw", rows)
        print(
            f"export n={n:,}: {ours:.1f} s in all, COPY of therapists.json + .ndjson {baseline:.1f} s "
            f"({ours / baseline:.1f}x); {first.written:,} per-therapist files (fetching their {rows:,} records "
            f"alone {fetch_s:.1f} s; merely creating as many 900-byte files on this disk {raw_s:.1f} s); "
            f"again with nothing changed {again_s:.2f} s (up to date: {again.up_to_date}); after a load that "
            f"changed no record {relink_s:.1f} s ({relinked.kept:,} files kept, {relinked.written} written)"
        )
        results.append(
            {
                "name": "export",
                "size": n,
                "ours_s": round(ours, 2),
                "baseline": "duckdb COPY json + ndjson",
                "baseline_s": round(baseline, 2),
                "ratio": round(ours / baseline, 2),
                "extra": {
                    "files_written": first.written,
                    "fetch_records_s": round(fetch_s, 2),
                    "create_same_number_of_files_s": round(raw_s, 2),
                    "unchanged_again_s": round(again_s, 3),
                    "same_records_new_run_s": round(relink_s, 2),
                    "files_kept": relinked.kept,
                },
            }
        )
    write_results("export", results)
    return results


if __name__ == "__main__":
    main()
