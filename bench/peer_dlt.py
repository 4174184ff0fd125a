"""The load stage's peer: dlt merging the staged batch (a Parquet file) into a DuckDB file, first into
an empty database and then the identical batch again; prints one JSON line of figures.

Run by bench_load.py in a fresh process whose working folder, DLT_DATA_DIR and pipelines_dir are the
benchmark's temporary folder (dlt writes to ~/.dlt otherwise), with telemetry off:

    python bench/peer_dlt.py BATCH.parquet FOLDER delete-insert|scd2
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import dlt  # an optional benchmark extra: bench/peers.py checks it is there before running this
import pyarrow.parquet as pq

KEY = ("source", "source_key")  # the staged batch's key, as in our listings table


def load(batch: Path, folder: Path, strategy: str) -> dict:
    """Time dlt's whole run (read the Parquet, extract, normalize, load, commit) twice."""
    pipeline = dlt.pipeline(
        pipeline_name=f"bench_{strategy.replace('-', '_')}",
        pipelines_dir=str(folder / "pipelines"),
        destination=dlt.destinations.duckdb(str(folder / f"dlt_{strategy}.duckdb")),
        dataset_name="bench",
        progress=None,
    )
    disposition = {"disposition": "merge", "strategy": strategy}
    hints: dict = {"write_disposition": disposition}
    if strategy == "scd2":
        # scd2 tells versions apart by a row hash, which dlt computes itself only for Python rows; for
        # arrow it takes a column. The batch's content_hash is the one our load diffs on: the same basis.
        disposition["row_version_column_name"] = "content_hash"
    else:
        hints["primary_key"] = KEY

    @dlt.resource(name="listings", **hints)
    def listings():
        # Record batches straight from the file: dlt's fastest path (arrow, no per-row Python). JSON
        # columns come as plain strings, as DuckDB wrote them: dlt refuses arrow's json extension type.
        yield from pq.ParquetFile(batch, arrow_extensions_enabled=False).iter_batches(batch_size=100_000)

    figures: dict = {"strategy": strategy, "dlt": dlt.__version__}
    for run in ("first", "reload"):
        started = time.perf_counter()
        info = pipeline.run(listings())
        figures[f"{run}_s"] = time.perf_counter() - started
        info.raise_on_failed_jobs()
        with pipeline.sql_client() as client:
            figures[f"{run}_rows"] = client.execute_sql("select count(*) from listings")[0][0]
    return figures


if __name__ == "__main__":
    print(json.dumps(load(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])))
