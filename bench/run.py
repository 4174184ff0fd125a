"""Run every benchmark in bench/ (`make bench`); sizes via BENCH_SIZES, results in bench/results/."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import (
    bench_bulk,
    bench_classify,
    bench_export,
    bench_extract,
    bench_fetch,  # noqa: E402
    bench_geocode,
    bench_load,
    bench_resolve,
    bench_search,
    bench_site,
    bench_websites,
)

if __name__ == "__main__":
    for module in (
        bench_fetch,
        bench_websites,
        bench_extract,
        bench_bulk,
        bench_classify,
        bench_geocode,
        bench_resolve,
        bench_load,
        bench_search,
        bench_export,
        bench_site,
    ):
        module.main()
