"""Benchmark: our geocode + resolve + load of a staged batch vs DuckDB's own read_json of the same rows."""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import sizes, synthetic_listings, timed, write_results  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.load import load_staged  # noqa: E402
from pipeline.runs import utcnow  # noqa: E402
from pipeline.warehouse import Warehouse, open_work  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> list[dict]:
    config = load_config(ROOT / "pipeline.toml")
    results = []
    for n in sizes("10000,100000"):
        rows = synthetic_listings(n)
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            ndjson = tmp / "batch.ndjson"
            with open(ndjson, "w") as handle:
                for row in rows:
                    handle.write(json.dumps(row) + "\n")
            # Baseline: DuckDB reading the same NDJSON into an empty table (the limit).
            with Warehouse(tmp / "baseline.duckdb") as baseline:
                baseline_s, _ = timed(baseline.con.execute,
                                      "create table t as select * from read_json(?, format = 'newline_delimited')",
                                      [str(ndjson)])
            with open_work(tmp / "work.duckdb") as warehouse:
                from pipeline.geocode import ensure_gazetteer
                ensure_gazetteer(warehouse)  # one-off, not part of a load
                counts = Counter()
                stage_s, _ = timed(warehouse.stage_rows, "scrape/insert_staged.sql", rows, {"load_id": "bench1"})
                load_s, _ = timed(load_staged, config, warehouse, now=utcnow(), counts=counts)
                # Reload with nothing changed.
                warehouse.stage_rows("scrape/insert_staged.sql", rows, {"load_id": "bench2"})
                counts2 = Counter()
                reload_s, _ = timed(load_staged, config, warehouse, now=utcnow(), counts=counts2)
        ours = stage_s + load_s
        results.append({"name": "load", "size": n, "ours_s": round(ours, 3), "baseline": "duckdb read_json",
                        "baseline_s": round(baseline_s, 3), "ratio": round(ours / baseline_s, 2),
                        "extra": {"stage_s": round(stage_s, 3), "geocode_resolve_load_s": round(load_s, 3),
                                  "reload_unchanged_s": round(reload_s, 3),
                                  "therapists": counts["load/active_therapists"],
                                  "reload_unchanged_rows": counts2["load/unchanged"],
                                  "reload_changed_rows": counts2["load/changed"] + counts2["load/new"]}})
        print(f"load n={n}: ours {ours:.2f}s (stage {stage_s:.2f}s + geocode/resolve/load {load_s:.2f}s), "
              f"read_json {baseline_s:.2f}s, ratio {ours / baseline_s:.1f}x; reload unchanged {reload_s:.2f}s")
    write_results("load", results)
    return results


if __name__ == "__main__":
    main()
