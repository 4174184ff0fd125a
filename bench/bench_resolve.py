"""Entity resolution: quality on the labelled pairs, and time, memory and growth on synthetic data.

1. Precision and recall of "same therapist" on tests/resolve/data/resolution_pairs.json (dev) and
   tests/resolve/data/resolution_holdout.json (written apart from the rules), per kind of hard case.
2. Resolving 10^5 and 10^6 synthetic listings (BENCH_SIZES or BENCH_RESOLVE_SIZES) with a known duplicate rate,
   each size in a fresh process so its peak memory (VmHWM) is its own. The baseline, in the same
   process, is the cheapest resolution there is: one DuckDB GROUP BY on an exact name+ZIP key.
3. Beside it, up to 10^5 listings and when installed (`pip install '.[bench]'`): splink on its DuckDB
   backend resolving the same listings in a process of its own (bench/peer_splink.py), its time
   and pairwise precision and recall against the same truth.
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

from bench import peers  # noqa: E402
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
SPLINK_UP_TO = 100_000  # listings; its training and scoring at 10^6 would outlast the rest of `make bench`


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


def one_size(entities: int, folder: Path) -> dict:
    """Resolve a synthetic batch in this process; print one JSON line of figures. The listings are
    left in `folder` as Parquet for the peer."""
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
        figures = {
            "listings": listings,
            "seconds": seconds,
            "baseline_s": baseline,
            "peak_mb": _peak_mb(),
            "precision": tp / max(1, predicted),
            "recall": tp / max(1, actual),
            "pairs_compared": compared,
            "merges_refused": counts["resolve/merges_refused"],
        }
        warehouse.copy_to("../bench/copy_resolve_input.sql", folder / "listings.parquet")
    return figures


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def splink_run(size: int, folder: Path) -> dict | None:
    """splink's figures on the listings one_size left in `folder`, or None (said why)."""
    if size > SPLINK_UP_TO:
        print(f"(splink runs at up to {SPLINK_UP_TO:,} listings; skipped at {size:,})")
        return None
    if not peers.installed("splink"):
        return None
    return peers.run("peer_splink.py", str(folder / "listings.parquet"), str(folder), what="splink")


def splink_rows(ours: dict, splink: dict) -> list[dict]:
    """Ours beside splink trained in the run, and beside splink reusing a trained model."""
    reused = splink["predict_s"] + splink["cluster_s"]
    print(
        f"  beside it: splink {splink['splink']} {splink['seconds']:.2f} s (training {splink['train_s']:.2f} s, "
        f"predict {splink['predict_s']:.2f} s, cluster {splink['cluster_s']:.2f} s), "
        f"pairwise precision {splink['precision']:.3f} recall {splink['recall']:.3f}; "
        f"ours {ours['seconds'] / splink['seconds']:.2f}x its time, {ours['seconds'] / reused:.2f}x without training"
    )
    extra = {
        "precision": round(ours["precision"], 3),
        "recall": round(ours["recall"], 3),
        **{f"splink_{k}": (round(v, 3) if isinstance(v, float) else v) for k, v in splink.items() if k != "splink"},
    }
    label = f"splink {splink['splink']} duckdb, clustered at {splink['threshold']}"
    return [
        {
            "name": "resolve_vs_splink",
            "size": ours["listings"],
            "ours_s": round(ours["seconds"], 3),
            "baseline": f"{label}, trained in the run",
            "baseline_s": round(splink["seconds"], 3),
            "ratio": round(ours["seconds"] / splink["seconds"], 2),
            "extra": extra,
        },
        {
            "name": "resolve_vs_splink_trained",
            "size": ours["listings"],
            "ours_s": round(ours["seconds"], 3),
            "baseline": f"{label}, predict and cluster only (a model trained before)",
            "baseline_s": round(reused, 3),
            "ratio": round(ours["seconds"] / reused, 2),
            "extra": dict(extra),
        },
    ]


def main() -> list[dict]:
    results = [labelled("dev", PAIRS)]
    if HOLDOUT.exists():
        results.append(labelled("holdout", HOLDOUT))
    previous = None
    for size in sizes(os.environ.get("BENCH_RESOLVE_SIZES", "100000,1000000")):
        entities = round(size / (1 + DUP_RATE))
        with tempfile.TemporaryDirectory(dir=ROOT / "data") as tmp:
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(entities), tmp], capture_output=True, text=True, check=True
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
            # The peer reads the listings one_size left in tmp, after ours has finished with them.
            splink = splink_run(size, Path(tmp))
            if splink:
                results += splink_rows(figures, splink)
        previous = figures
    write_results("resolve", results)
    return results


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(one_size(int(sys.argv[2]), Path(sys.argv[3]))))
    else:
        main()
