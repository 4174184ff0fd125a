"""The resolve stage's peer: splink (DuckDB backend) resolving the benchmark's synthetic listings into
clusters, in a DuckDB file of its own; prints one JSON line of time and pairwise precision and recall.

A model as splink's tutorials build one: blocking rules like ours (name+ZIP, phone, NPI, practice+ZIP,
address+ZIP, nearby with a matching name), the prior from a deterministic rule, u by random sampling,
m by expectation maximisation (blocked on phone, then on name+ZIP: blocked on ZIP, then on name, it
took 30 s a session at 10^5 for no better clusters), then connected components above a match probability. It is
trained in the run and the time counts it; `predict_s` + `cluster_s` are what a run reusing a saved
model would take.

    python bench/peer_splink.py LISTINGS.parquet FOLDER
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

import duckdb  # splink's backend: the benchmark gives it a database file of its own
import splink
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

BENCH = Path(__file__).resolve().parent
THRESHOLD = 0.95  # match probability at which two listings are one therapist
# Pairs sampled for u. Seeded, so the model is the same every run; 1e7 gave the same clusters at
# 10^5 listings in four times the time.
U_PAIRS = 1e6


def settings() -> SettingsCreator:
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.NameComparison("first_name"),
            cl.NameComparison("last_name"),
            cl.JaroWinklerAtThresholds("business_name", [0.92]),
            cl.ExactMatch("phone"),
            cl.ExactMatch("npi"),
            cl.LevenshteinAtThresholds("street", [2]),
            cl.ExactMatch("suite"),
            cl.DistanceInKMAtThresholds("lat", "lon", [0.1, 1, 5]),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("first_name", "last_name", "postal_code"),
            block_on("phone"),
            block_on("npi"),
            block_on("business_name", "postal_code"),
            block_on("street", "postal_code"),
            # Nearby with the same first name and surname initial, or surname and first initial.
            block_on("cell", "first_name", "substr(last_name, 1, 1)"),
            block_on("cell", "last_name", "substr(first_name, 1, 1)"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def resolve(listings: Path, folder: Path) -> dict:
    con = duckdb.connect(str(folder / "splink.duckdb"))
    figures: dict = {"splink": splink.__version__, "threshold": THRESHOLD}
    started = time.perf_counter()
    # DuckDB 2.0 keeps a result open until it is fetched; splink's queries on this connection fail then.
    con.execute((BENCH / "splink_input.sql").read_text(), {"listings": str(listings)}).fetchall()
    db_api = DuckDBAPI(con)
    linker = Linker(db_api.register("listings"), settings(), log_level=logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "last_name", "postal_code")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=U_PAIRS, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("phone"))
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("first_name", "last_name", "postal_code")
    )
    trained = time.perf_counter()
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    predicted = time.perf_counter()
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, THRESHOLD)
    finished = time.perf_counter()
    figures.update(
        seconds=finished - started,
        train_s=trained - started,
        predict_s=predicted - trained,
        cluster_s=finished - predicted,
    )
    clusters.as_duckdbpyrelation().create_view("clusters")
    tp, predicted, actual = con.execute((BENCH / "splink_quality.sql").read_text()).fetchall()[0]
    figures.update(
        listings=con.execute("select count(*) from listings").fetchall()[0][0],
        pairs_predicted=predictions.as_duckdbpyrelation().shape[0],
        precision=tp / max(1, predicted),
        recall=tp / max(1, actual),
    )
    con.close()
    return figures


if __name__ == "__main__":
    print(json.dumps(resolve(Path(sys.argv[1]), Path(sys.argv[2]))))
