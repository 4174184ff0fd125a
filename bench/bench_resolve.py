"""Entity resolution: quality on the labelled pairs, and time, memory and growth on synthetic data.

1. Precision and recall of "same therapist" on tests/resolve/data/resolution_pairs.json (dev) and
   tests/resolve/data/resolution_holdout.json (written apart from the rules), per kind of hard case.
2. Resolving 10^5 and 10^6 synthetic listings (BENCH_SIZES or BENCH_RESOLVE_SIZES) with a known duplicate rate,
   each size in a fresh process so its peak memory (VmHWM) is its own. The baseline, in the same
   process, is the cheapest resolution there is: one DuckDB GROUP BY on an exact name+ZIP key.
"""

from __future__ import annotations

import json
import os
import subprocess
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
from pipeline.resolve.resolver import resolve_staged  # noqa: E402
from pipeline.run.history import utcnow  # noqa: E402
from tests.resolve.pairs import PAIRS, load_pairs, resolve_pairs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = PAIRS.with_name("resolution_holdout.json")
DUP_RATE = 0.3


def labelled(name: str, path: Path) -> dict:
    config = load_config(ROOT / "pipeline.toml")
    pairs = json.loads(path.read_text(encoding="utf-8")) if path != PAIRS else load_pairs()
    with tempfile.TemporaryDirectory(dir=ROOT / "data") as tmp, open_work(Path(tmp) / "r.duckdb") as warehouse:
        started = time.perf_counter()
        outcome = resolve_pairs(warehouse, config, pairs)
        seconds = time.perf_counter() - started
    c = outcome.counts
    print(
        f"resolution on {len(pairs)} labelled pairs ({name}): precision {outcome.precision:.3f}, "
        f"recall {outcome.recall:.3f} (tp {c['tp']}, fp {c['fp']}, fn {c['fn']}, tn {c['tn']})"
    )
    for kind, counts in sorted(outcome.by_kind.items()):
        if counts["wrong"]:
            print(f"  {kind:26} {counts['right']:3} right, {counts['wrong']:3} wrong")
    return {
        "name": f"resolution_pairs_{name}",
        "size": len(pairs),
        "ours_s": round(seconds, 3),
        "baseline": "labels",
        "baseline_s": 0,
        "ratio": 0,
        "extra": {
            "precision": round(outcome.precision, 3),
            "recall": round(outcome.recall, 3),
            "wrong": [f"{key} {pair['id']} {pair['kind']}" for key, pair in outcome.wrong],
        },
    }


def one_size(entities: int) -> dict:
    """Resolve a synthetic batch in this process; print one JSON line of figures."""
    config = load_config(ROOT / "pipeline.toml")
    with tempfile.TemporaryDirectory(dir=ROOT / "data") as tmp, open_work(Path(tmp) / "r.duckdb") as warehouse:
        ensure_gazetteer(warehouse)
        listings = warehouse.run("../bench/synthetic_resolve.sql", {"entities": entities, "dup_rate": DUP_RATE})[0][0]
        warehouse.checkpoint()
        started = time.perf_counter()
        warehouse.run("../bench/exact_key_clusters.sql")
        baseline = time.perf_counter() - started
        counts: Counter = Counter()
        started = time.perf_counter()
        resolve_staged(warehouse, config, now=utcnow(), counts=counts)
        seconds = time.perf_counter() - started
        tp, predicted, actual, compared = warehouse.run("../bench/resolution_quality.sql")[0]
    return {
        "listings": listings,
        "seconds": seconds,
        "baseline_s": baseline,
        "peak_mb": _peak_mb(),
        "precision": tp / max(1, predicted),
        "recall": tp / max(1, actual),
        "pairs_compared": compared,
        "merges_refused": counts["resolve/merges_refused"],
    }


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> list[dict]:
    results = [labelled("dev", PAIRS)]
    if HOLDOUT.exists():
        results.append(labelled("holdout", HOLDOUT))
    previous = None
    for size in sizes(os.environ.get("BENCH_RESOLVE_SIZES", "100000,1000000")):
        entities = round(size / (1 + DUP_RATE))
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(entities)], capture_output=True, text=True, check=True
        ).stdout
        figures = json.loads(out.strip().splitlines()[-1])
        growth = (
            f", {figures['seconds'] / previous['seconds']:.1f}x the time for "
            f"{figures['listings'] / previous['listings']:.0f}x the listings"
            if previous
            else ""
        )
        print(
            f"resolve {figures['listings']:,} listings: {figures['seconds']:.2f} s "
            f"({figures['listings'] / figures['seconds']:,.0f} listings/s), peak {figures['peak_mb']:.0f} MB; "
            f"exact name+ZIP GROUP BY {figures['baseline_s']:.2f} s "
            f"({figures['seconds'] / figures['baseline_s']:.1f}x); "
            f"pairwise precision {figures['precision']:.3f} recall {figures['recall']:.3f}; "
            f"{figures['pairs_compared']:,} pairs compared{growth}"
        )
        results.append(
            {
                "name": "resolve_synthetic",
                "size": figures["listings"],
                "ours_s": round(figures["seconds"], 3),
                "baseline": "duckdb group by exact name+zip",
                "baseline_s": round(figures["baseline_s"], 3),
                "ratio": round(figures["seconds"] / figures["baseline_s"], 2),
                "extra": {k: (round(v, 3) if isinstance(v, float) else v) for k, v in figures.items()},
            }
        )
        previous = figures
    write_results("resolve", results)
    return results


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(one_size(int(sys.argv[2]))))
    else:
        main()
