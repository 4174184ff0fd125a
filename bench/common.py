"""Shared benchmark plumbing: sizes from the environment, and bench/results/<name>.json rows."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def sizes(default: str) -> list[int]:
    """Sizes from $BENCH_SIZES (e.g. "10000,100000,1000000"), else the default."""
    return [int(s) for s in os.environ.get("BENCH_SIZES", default).split(",") if s.strip()]


def write_results(name: str, rows: list[dict]) -> Path:
    """Write the rows (name, size, ours_s, baseline, baseline_s, ratio, extra) for later comparison."""
    RESULTS.mkdir(exist_ok=True)
    for row in rows:
        row.setdefault("extra", {})
        row["extra"].setdefault("machine", f"{platform.machine()} {os.cpu_count()} cpu, py{platform.python_version()}")
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(rows, indent=2) + "\n")
    return path
