"""Benchmark: radius search latency (bounding box + exact distance) vs a full-scan haversine.

200 random ZIP codes, 25 miles, one technique, top 20, through the Python API on one open
connection, at 10^5 and 10^6 therapists loaded by the real pipeline from synthetic listings.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import sizes, write_results  # noqa: E402
from pipeline import gazetteer  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.database import Warehouse, open_work  # noqa: E402
from pipeline.geocode.chain import ensure_gazetteer  # noqa: E402
from pipeline.publish.search import search  # noqa: E402
from pipeline.relevance.vocabulary import load_vocabulary  # noqa: E402
from pipeline.run.history import utcnow  # noqa: E402
from pipeline.warehouse.load import load_staged  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUERIES = 200


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def main() -> list[dict]:
    config = load_config(ROOT / "pipeline.toml")
    vocabulary = load_vocabulary(config.vocabulary_path)
    rng = random.Random(3)
    results = []
    for n in sizes("100000,1000000"):
        with tempfile.TemporaryDirectory(dir=ROOT / "data") as tmp:
            path = Path(tmp) / "search.duckdb"
            with open_work(path) as warehouse:
                ensure_gazetteer(warehouse)
                warehouse.run("../bench/synthetic_listings.sql", {"n": n, "load_id": "bench"})
                load_staged(config, warehouse, now=utcnow(), counts=Counter())
            centres = [rng.choice(gazetteer.zip_rows())["postal_code"] for _ in range(QUERIES)]
            with Warehouse(path, read_only=True) as warehouse:
                ours, scan = [], []
                for zip_code in centres:
                    started = time.perf_counter()
                    search(warehouse, vocabulary, near=zip_code, radius=25, techniques=["deep_tissue"], limit=20)
                    ours.append(time.perf_counter() - started)
                    place = gazetteer.resolve_place(zip_code)
                    started = time.perf_counter()
                    warehouse.run("../bench/full_scan.sql", {"lat": place.lat, "lon": place.lon, "miles": 25.0})
                    scan.append(time.perf_counter() - started)
        p50, p95 = percentile(ours, 50), percentile(ours, 95)
        s50, s95 = percentile(scan, 50), percentile(scan, 95)
        results.append(
            {
                "name": "search_p95",
                "size": n,
                "ours_s": round(p95, 5),
                "baseline": "full-scan haversine p95",
                "baseline_s": round(s95, 5),
                "ratio": round(p95 / s95, 3),
                "extra": {"queries": QUERIES, "p50_s": round(p50, 5), "baseline_p50_s": round(s50, 5)},
            }
        )
        print(
            f"search n={n}: p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms; "
            f"full scan p50 {s50 * 1000:.1f} ms, p95 {s95 * 1000:.1f} ms"
        )
    write_results("search", results)
    return results


if __name__ == "__main__":
    main()
