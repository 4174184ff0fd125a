"""Benchmark: the load stage (diff, merge, history, therapists) vs DuckDB's own read_json of the same
batch into an empty table (the limit), at 10^4, 10^5 and 10^6 listings; then the same batch again
(nothing changed): time and what was written.

Beside it, on the same batch written as Parquet, each into a DuckDB file on the same disk: the floor
(`create table as select * from read_parquet`), the contract floor (the located batch copied into the
two tables a first load must write, `therapists` sorted by latitude: bench/parquet_contract_floor.sql)
and, when installed (`pip install '.[bench]'`), dlt's merge (delete-insert on source+source_key) and
scd2, each loading the batch into an empty database and then the identical batch again. The first
loads, both floors and dlt run in interleaved rounds (ROUNDS), and the best run of each counts.

The batch is generated inside DuckDB (bench/synthetic_listings.sql), geocoded and resolved before
the clock starts: those stages have benchmarks of their own (bench_geocode, bench_resolve).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import peers  # noqa: E402
from bench.common import sizes, write_results  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.database import Warehouse, open_work  # noqa: E402
from pipeline.geocode.chain import ensure_gazetteer, geocode_staged  # noqa: E402
from pipeline.resolve.resolver import resolve_staged  # noqa: E402
from pipeline.run.history import utcnow  # noqa: E402
from pipeline.warehouse.load import load_staged  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3  # each side of the first-load comparison runs this often; the best run counts


def staged_batch(warehouse: Warehouse, config, n: int, load_id: str) -> float:
    """Generate, geocode and resolve a batch; return the seconds resolving took (not timed as load)."""
    warehouse.run("../bench/synthetic_listings.sql", {"n": n, "load_id": load_id})
    geocode_staged(warehouse, config, Counter(), now=utcnow())
    started = time.perf_counter()
    resolve_staged(warehouse, config, now=utcnow(), counts=Counter())
    return time.perf_counter() - started


def history_rows(warehouse: Warehouse) -> int:
    return warehouse.con.execute("select count(*) from listing_history").fetchone()[0]


def floor(tmp: Path, round_: int) -> float:
    """Seconds DuckDB takes to copy the batch's Parquet file into a new table of a new file."""
    with Warehouse(tmp / f"floor-{round_}.duckdb") as database:
        started = time.perf_counter()
        database.run("../bench/parquet_floor.sql", {"batch": str(tmp / "batch.parquet")})
        return time.perf_counter() - started


def contract_floor(tmp: Path, round_: int) -> float:
    """Seconds DuckDB takes to copy the located batch into the contract's two tables of a new file."""
    with Warehouse(tmp / f"contract-{round_}.duckdb") as database:
        started = time.perf_counter()
        database.run("../bench/parquet_contract_floor.sql", {"batch": str(tmp / "located.parquet")})
        return time.perf_counter() - started


def dlt_loads(tmp: Path, round_: int) -> dict[str, dict]:
    """dlt's figures per merge strategy (first load, identical reload), each in a fresh process with
    its state in `tmp` (dlt writes to ~/.dlt otherwise) and no telemetry; {} when dlt is not installed."""
    if not peers.installed("dlt"):
        return {}
    env = {
        "DLT_DATA_DIR": str(tmp / f"dlt-home-{round_}"),
        "DLT_PROJECT_DIR": str(tmp),  # no .dlt/ config of ours or the user's is read
        "RUNTIME__DLTHUB_TELEMETRY": "false",
        "RUNTIME__LOG_LEVEL": "ERROR",
    }
    runs = {}
    for strategy in ("delete-insert", "scd2"):
        folder = tmp / f"dlt-{strategy}-{round_}"
        folder.mkdir()
        figures = peers.run(
            "peer_dlt.py", str(tmp / "batch.parquet"), str(folder), strategy, what=f"dlt {strategy}", env=env, cwd=tmp
        )
        if figures:
            runs[strategy] = figures
    return runs


def peer_rows(
    n: int, ours: float, reload_s: float, floor_s: float, contract_s: float, dlt_runs: dict[str, dict]
) -> list[dict]:
    """Our first load and reload beside the floors and each dlt strategy measured: one row each."""
    said = [
        f"create table as read_parquet {floor_s:.2f} s (ours {ours / floor_s:.1f}x)",
        f"the contract's two tables {contract_s:.2f} s "
        f"({contract_s / floor_s:.1f}x the floor; ours {ours / contract_s:.1f}x)",
    ]
    rows = [
        {
            "name": "load_vs_floor",
            "size": n,
            "ours_s": round(ours, 3),
            "baseline": "duckdb create table as select * from read_parquet",
            "baseline_s": round(floor_s, 3),
            "ratio": round(ours / floor_s, 2),
        },
        {
            "name": "load_vs_contract_floor",
            "size": n,
            "ours_s": round(ours, 3),
            "baseline": "duckdb create table as read_parquet, into listings and into therapists sorted by latitude",
            "baseline_s": round(contract_s, 3),
            "ratio": round(ours / contract_s, 2),
            "extra": {"contract_floor_vs_floor": round(contract_s / floor_s, 2)},
        },
    ]
    for strategy, label in (("delete-insert", "merge"), ("scd2", "scd2")):
        if strategy not in dlt_runs:
            continue
        figures = dlt_runs[strategy]
        said.append(
            f"dlt {label} {figures['first_s']:.2f} s, reload {figures['reload_s']:.2f} s "
            f"(ours {ours / figures['first_s']:.2f}x, {reload_s / figures['reload_s']:.2f}x)"
        )
        for run, ours_s in (("first", ours), ("reload", reload_s)):
            rows.append(
                {
                    "name": f"{'load' if run == 'first' else 'reload'}_vs_dlt_{label}",
                    "size": n,
                    "ours_s": round(ours_s, 3),
                    "baseline": f"dlt {figures['dlt']} merge ({strategy}) into duckdb",
                    "baseline_s": round(figures[f"{run}_s"], 3),
                    "ratio": round(ours_s / figures[f"{run}_s"], 2),
                    "extra": {
                        "rows_after": figures[f"{run}_rows"],
                        # scd2 keeps every version: rows it added on the identical reload.
                        "reload_rows_added": figures["reload_rows"] - figures["first_rows"],
                    },
                }
            )
    print(f"  beside it, n={n:,}: " + "; ".join(said))
    return rows


def first_load(config, staged: Path, out: Path) -> tuple[float, Counter]:
    """Seconds a first load of the staged database `staged` takes, on a fresh copy of it at `out`."""
    shutil.copyfile(staged, out)
    counts: Counter = Counter()
    with open_work(out) as warehouse:
        started = time.perf_counter()
        load_staged(config, warehouse, now=utcnow(), counts=counts)
        return time.perf_counter() - started, counts


def main() -> list[dict]:
    config = load_config(ROOT / "pipeline.toml")
    results = []
    previous = None
    for n in sizes("10000,100000,1000000"):
        with tempfile.TemporaryDirectory(dir=ROOT / "data") as tmp:
            tmp = Path(tmp)
            with open_work(tmp / "staged.duckdb") as warehouse:
                ensure_gazetteer(warehouse)
                resolve_s = staged_batch(warehouse, config, n, "bench1")
                warehouse.copy_to("../bench/copy_staged.sql", tmp / "batch.ndjson")
                warehouse.copy_to("../bench/copy_staged_parquet.sql", tmp / "batch.parquet")
                warehouse.copy_to("../bench/copy_located_parquet.sql", tmp / "located.parquet")
                warehouse.checkpoint()
            # Interleaved rounds, the best of each side (ours, the floor, each dlt strategy): one slow
            # moment of a shared machine should not decide a ratio either way.
            firsts, floors, contracts, dlt_rounds = [], [], [], []
            for round_ in range(ROUNDS):
                ours_s, counts = first_load(config, tmp / "staged.duckdb", tmp / "work.duckdb")
                firsts.append(ours_s)
                floors.append(floor(tmp, round_))
                contracts.append(contract_floor(tmp, round_))
                dlt_rounds.append(dlt_loads(tmp, round_))
                # A round of 10^6 leaves about 2 GB of databases.
                (tmp / f"floor-{round_}.duckdb").unlink()
                (tmp / f"contract-{round_}.duckdb").unlink()
                for folder in tmp.glob(f"dlt-*-{round_}"):
                    shutil.rmtree(folder)
            ours, floor_s, contract_s = min(firsts), min(floors), min(contracts)
            dlt_runs = {
                strategy: min((run[strategy] for run in dlt_rounds if strategy in run), key=lambda f: f["first_s"])
                for strategy in {strategy for run in dlt_rounds for strategy in run}
            }
            with open_work(tmp / "work.duckdb") as warehouse:
                staged_batch(warehouse, config, n, "bench2")  # the same listings again
                before = history_rows(warehouse)
                again: Counter = Counter()
                started = time.perf_counter()
                load_staged(config, warehouse, now=utcnow(), counts=again)
                reload_s = time.perf_counter() - started
                versions = history_rows(warehouse) - before
            with Warehouse(tmp / "baseline.duckdb") as baseline:
                started = time.perf_counter()
                baseline.con.execute(
                    "create table t as select * from read_json(?, format = 'newline_delimited')",
                    [str(tmp / "batch.ndjson")],
                )
                baseline_s = time.perf_counter() - started
        growth = f"; {ours / previous[1]:.1f}x the time for {n / previous[0]:.0f}x the listings" if previous else ""
        print(
            f"load n={n:,}: {ours:.2f} s (best of {ROUNDS}: {', '.join(f'{t:.2f}' for t in firsts)}), "
            f"read_json {baseline_s:.2f} s, ratio {ours / baseline_s:.1f}x{growth}; "
            f"reload unchanged {reload_s:.2f} s ({again['load/unchanged']:,} unchanged, "
            f"{again['load/changed'] + again['load/new']} rewritten, {versions} history versions, "
            f"{again['load/therapists_rebuilt']} therapists rebuilt)"
        )
        results.append(
            {
                "name": "load",
                "size": n,
                "ours_s": round(ours, 3),
                "baseline": "duckdb read_json",
                "baseline_s": round(baseline_s, 3),
                "ratio": round(ours / baseline_s, 2),
                "extra": {
                    "rounds": ROUNDS,
                    "first_load_all_s": [round(t, 3) for t in firsts],
                    "floor_all_s": [round(t, 3) for t in floors],
                    "contract_floor_all_s": [round(t, 3) for t in contracts],
                    "reload_unchanged_s": round(reload_s, 3),
                    "resolve_s_not_counted": round(resolve_s, 3),
                    "reload_unchanged_rows": again["load/unchanged"],
                    "reload_rewritten_rows": again["load/changed"] + again["load/new"],
                    "reload_history_versions": versions,
                    "reload_therapists_rebuilt": again["load/therapists_rebuilt"],
                    "therapists": counts["load/active_therapists"],
                },
            }
        )
        results += peer_rows(n, ours, reload_s, floor_s, contract_s, dlt_runs)
        previous = (n, ours)
    write_results("load", results)
    return results


if __name__ == "__main__":
    main()
