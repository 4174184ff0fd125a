"""Benchmark: the NPPES bulk source over a synthetic 1,000,000-row file with the real 330-column header,
against DuckDB merely reading the same file (count(*) over read_csv, all columns as text)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402  (the benchmark builds its input with DuckDB; the pipeline never imports it here)

from bench.common import sizes, write_results  # noqa: E402
from pipeline.config import Http  # noqa: E402
from pipeline.config.sources import NppesBulkSource  # noqa: E402
from pipeline.fetch.archive import Archive  # noqa: E402
from pipeline.fetch.fetcher import Fetcher  # noqa: E402
from pipeline.sources import nppes_bulk  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "nppes" / "bulk" / "npidata_pfile_20261101-20261107.csv"


def header() -> list[str]:
    import csv

    with open(SAMPLE, newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle))


def write_synthetic(path: Path, rows: int) -> None:
    """Every column quoted as in the CMS file; 3% of rows carry 225700000X in a random taxonomy slot."""
    columns = header()
    values = []
    for name in columns:
        quoted = '"' + name.replace('"', '""') + '"'
        if name == "NPI":
            values.append(f"cast(1000000000 + i as varchar) as {quoted}")
        elif name == "Entity Type Code":
            values.append(f"'1' as {quoted}")
        elif name in ("Provider Last Name (Legal Name)", "Provider First Name"):
            values.append(f"'NAME' || cast(i % 9973 as varchar) as {quoted}")
        elif name == "Provider Business Practice Location Address State Name":
            values.append(f"(['TX', 'CO', 'OR', 'NC', 'IL', 'FL'])[1 + i % 6] as {quoted}")
        elif name == "Provider Business Practice Location Address Postal Code":
            values.append(f"'78701' || lpad(cast(i % 10000 as varchar), 4, '0') as {quoted}")
        elif name.startswith("Healthcare Provider Taxonomy Code_"):
            slot = int(name.rsplit("_", 1)[1])
            values.append(
                f"case when i % 33 = 0 and {slot} = 1 + (i % 3) then '225700000X' "
                f"when {slot} = 1 then '207Q00000X' else '' end as {quoted}"
            )
        else:
            values.append(f"'' as {quoted}")
    con = duckdb.connect()
    con.execute(f"copy (select {', '.join(values)} from range({rows}) as r(i)) to '{path}' (header, force_quote *)")
    con.close()


def main() -> list[dict]:
    results = []
    for n in sizes("1000000"):
        with tempfile.TemporaryDirectory(dir=ROOT / "data") as tmp:
            path = Path(tmp) / "npidata_pfile_synthetic.csv"
            write_synthetic(path, n)
            started = time.perf_counter()
            con = duckdb.connect()
            con.execute("select count(*) from read_csv(?, header = true, all_varchar = true)", [str(path)]).fetchall()
            con.close()
            baseline = time.perf_counter() - started
            source = NppesBulkSource(name="bulk", kind="nppes_bulk", path=str(path))
            fetcher = Fetcher(Http(user_agent="bench (+https://example.org)"), Archive(Path(tmp) / "raw"), run_id="b")
            started = time.perf_counter()
            crawl = nppes_bulk.crawl(source, fetcher)
            ours = time.perf_counter() - started
            fetcher.close()
            size_mb = path.stat().st_size / 1e6
        results.append(
            {
                "name": "nppes_bulk",
                "size": n,
                "ours_s": round(ours, 2),
                "baseline": "duckdb count(*) over read_csv(all_varchar)",
                "baseline_s": round(baseline, 2),
                "ratio": round(ours / baseline, 2),
                "extra": {"rows_per_s": round(n / ours), "file_mb": round(size_mb), "kept": len(crawl.listings)},
            }
        )
        print(
            f"nppes_bulk {n} rows ({size_mb:.0f} MB): ours {ours:.1f} s ({n / ours:,.0f} rows/s, "
            f"{len(crawl.listings)} kept), read_csv alone {baseline:.1f} s, ratio {ours / baseline:.2f}x"
        )
    write_results("bulk", results)
    return results


if __name__ == "__main__":
    main()
