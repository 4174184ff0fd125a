"""Benchmark: the whole export of 10^6 therapists against its floor measured in the same run (DuckDB's
own COPY ... TO of therapists.json and .ndjson, plus merely creating as many small files on the same
disk), an export after a load that changed no record (the goal: nothing written or relinked, at
once), and an export after 100 therapists changed (against the COPY of the two big files it must
rewrite). Also how fast this disk creates small files one way and another, which decided how the
export writes them."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import sizes, write_results  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.database import open_work  # noqa: E402
from pipeline.geocode.chain import ensure_gazetteer  # noqa: E402
from pipeline.publish.export import export  # noqa: E402
from pipeline.run.history import utcnow  # noqa: E402
from pipeline.warehouse.load import load_staged  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHANGED = 100  # therapists changed before the last export
WAYS_SAMPLE = 100_000  # files each way of creating them is timed on
RECORD = b"x" * 900  # about a record's size


def _raw_files(folder: Path, count: int) -> float:
    """Seconds to merely create `count` 900-byte files here with Path.write_bytes: the floor."""
    folder.mkdir()
    started = time.perf_counter()
    for i in range(count):
        (folder / f"{i}.json").write_bytes(RECORD)
    return time.perf_counter() - started


def _bare_files(folder: Path, count: int, threads: int) -> float:
    """Seconds to create `count` files with os.open/os.write/os.close, split over `threads` threads."""
    folder.mkdir()
    fd = os.open(folder, os.O_RDONLY)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC

    def write(numbers: range) -> None:
        for i in numbers:
            handle = os.open(f"{i}.json", flags, 0o666, dir_fd=fd)
            os.write(handle, RECORD)
            os.close(handle)

    started = time.perf_counter()
    try:
        if threads == 1:
            write(range(count))
        else:
            with ThreadPoolExecutor(threads) as pool:
                list(pool.map(write, [range(t, count, threads) for t in range(threads)]))
        return time.perf_counter() - started
    finally:
        os.close(fd)


def _ways(tmp: Path, count: int) -> dict[str, float]:
    """Microseconds per file, each way, on `count` files in a fresh folder each."""
    timings = {
        "path_write_bytes": _raw_files(tmp / "ways-path", count),
        "bare_syscalls_1_thread": _bare_files(tmp / "ways-1", count, 1),
        "bare_syscalls_2_threads": _bare_files(tmp / "ways-2", count, 2),
        "bare_syscalls_4_threads": _bare_files(tmp / "ways-4", count, 4),
    }
    for folder in tmp.glob("ways-*"):
        shutil.rmtree(folder)
    return {f"{way}_us_per_file": round(seconds / count * 1e6, 1) for way, seconds in timings.items()}


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and mtime: a file written or relinked changes one of them."""
    state = {}
    for entry in os.scandir(folder):
        if entry.is_file():
            stat = entry.stat()
            state[entry.name] = (stat.st_ino, stat.st_mtime_ns)
    return state


def _files_touched(out: Path, before: dict[str, dict[str, tuple[int, int]]]) -> int:
    """Files written, relinked, added or deleted since `before` (folder -> its _snapshot)."""
    touched = 0
    for folder, files in before.items():
        after = _snapshot(out / folder)
        touched += sum(1 for name in files.keys() | after.keys() if files.get(name) != after.get(name))
    return touched


def main() -> list[dict]:
    config = load_config(ROOT / "pipeline.toml")
    results = []
    for n in sizes("1000000"):
        with tempfile.TemporaryDirectory(dir=ROOT / "data") as tmp:
            tmp = Path(tmp)
            out = tmp / "export"
            params = {"min_tier": "none"}
            with open_work(tmp / "work.duckdb") as warehouse:
                ensure_gazetteer(warehouse)
                warehouse.run("../bench/synthetic_listings.sql", {"n": n, "load_id": "bench"})
                load_staged(config, warehouse, now=utcnow(), counts=Counter())
                warehouse.checkpoint()
                started = time.perf_counter()
                warehouse.copy_to("../bench/copy_therapists_json.sql", tmp / "copy.json", params)
                warehouse.copy_to("export/therapists_ndjson.sql", tmp / "copy.ndjson", params)
                copy_s = time.perf_counter() - started
                (tmp / "copy.json").unlink()
                (tmp / "copy.ndjson").unlink()
                started = time.perf_counter()
                first = export(warehouse, out, min_tier="none", source_kinds={})
                ours = time.perf_counter() - started
                started = time.perf_counter()
                again = export(warehouse, out, min_tier="none", source_kinds={})
                again_s = time.perf_counter() - started
                before = {".": _snapshot(out), "therapists": _snapshot(out / "therapists")}
                warehouse.run("../bench/touch_load_ids.sql")  # every therapist rebuilt, no record changed
                started = time.perf_counter()
                rebuilt = export(warehouse, out, min_tier="none", source_kinds={})
                rebuilt_s = time.perf_counter() - started
                touched = _files_touched(out, before)
                warehouse.run("../bench/change_therapists.sql", {"count": CHANGED})
                started = time.perf_counter()
                changed = export(warehouse, out, min_tier="none", source_kinds={})
                changed_s = time.perf_counter() - started
            raw_s = _raw_files(tmp / "raw", first.therapists)
            shutil.rmtree(tmp / "raw")
            ways = _ways(tmp, min(n, WAYS_SAMPLE))
        floor = copy_s + raw_s
        print(
            f"export n={n:,}: {ours:.1f} s in all against a floor of {floor:.1f} s ({ours / floor:.2f}x: COPY of "
            f"therapists.json + .ndjson {copy_s:.1f} s, creating {first.therapists:,} files with Path.write_bytes "
            f"{raw_s:.1f} s); again with nothing changed {again_s:.2f} s (up to date: {again.up_to_date})"
        )
        print(
            f"  after a load that rebuilt every therapist and changed no record {rebuilt_s:.2f} s (up to date: "
            f"{rebuilt.up_to_date}, {touched} files written or relinked); after {CHANGED} changed {changed_s:.1f} s "
            f"({changed.written} files written, {changed.kept:,} untouched; COPY of the two big files alone "
            f"{copy_s:.1f} s); per file: {ways}"
        )
        results += [
            {
                "name": "export",
                "size": n,
                "ours_s": round(ours, 2),
                "baseline": "floor: duckdb COPY json + ndjson, then creating as many files with Path.write_bytes",
                "baseline_s": round(floor, 2),
                "ratio": round(ours / floor, 2),
                "extra": {
                    "copy_json_and_ndjson_s": round(copy_s, 2),
                    "create_same_number_of_files_s": round(raw_s, 2),
                    "files_written": first.written,
                    "unchanged_again_s": round(again_s, 3),
                    **ways,
                },
            },
            {
                "name": "export_rebuilt_unchanged",
                "size": n,
                "ours_s": round(rebuilt_s, 3),
                "baseline": "the whole export",
                "baseline_s": round(ours, 2),
                "ratio": round(rebuilt_s / ours, 4),
                "extra": {"up_to_date": rebuilt.up_to_date, "files_written": rebuilt.written, "files_touched": touched},
            },
            {
                "name": f"export_{CHANGED}_changed",
                "size": n,
                "ours_s": round(changed_s, 2),
                "baseline": "duckdb COPY json + ndjson",
                "baseline_s": round(copy_s, 2),
                "ratio": round(changed_s / copy_s, 2),
                "extra": {"files_written": changed.written, "files_kept": changed.kept},
            },
        ]
    write_results("export", results)
    return results


if __name__ == "__main__":
    main()
