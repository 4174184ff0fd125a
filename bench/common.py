"""Shared benchmark plumbing: sizes from the environment, and bench/results/<name>.json rows."""

from __future__ import annotations

import contextlib
import io
import json
import os
import platform
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def sizes(default: str) -> list[int]:
    """Sizes from $BENCH_SIZES (e.g. "10000,100000,1000000"), else the default."""
    return [int(s) for s in os.environ.get("BENCH_SIZES", default).split(",") if s.strip()]


CODE_ROOT_ENV = "BENCH_CODE_ROOT"  # a bench run in a subprocess imports `pipeline` from here


def code_root(default: Path) -> Path:
    """Where this process imports `pipeline` from: $BENCH_CODE_ROOT (an earlier revision, for a
    baseline measured in the same run), else the checkout."""
    return Path(os.environ.get(CODE_ROOT_ENV) or default)


@contextlib.contextmanager
def checkout(rev: str, root: Path) -> Iterator[Path | None]:
    """The project's files at git revision `rev` in a temporary folder, or None (with a message)
    when there is no git history to take them from (a tarball)."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(root), "archive", rev, "pipeline", "sql", "schema", "vocabulary.toml", "pipeline.toml"],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as err:
        print(f"(baseline revision {rev} is not available here: {err}; that row is skipped)")
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        yield Path(folder)


def write_results(name: str, rows: list[dict]) -> Path:
    """Write the rows (name, size, ours_s, baseline, baseline_s, ratio, extra) for later comparison."""
    RESULTS.mkdir(exist_ok=True)
    for row in rows:
        row.setdefault("extra", {})
        row["extra"].setdefault("machine", f"{platform.machine()} {os.cpu_count()} cpu, py{platform.python_version()}")
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(rows, indent=2) + "\n")
    return path
