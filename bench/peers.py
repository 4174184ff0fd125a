"""The peers measured beside our stages (dlt, splink, Scrapy): whether one is installed, and running it
in a process of its own that prints its figures as one JSON line.

The peers are optional benchmark extras (`pip install '.[bench]'`). One that is not installed is
skipped with a message and writes no row; one that fails says why and writes no row: a figure is
measured or absent, never made up.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
EXTRAS = "pip install '.[bench]'"


def installed(module: str, distribution: str | None = None) -> str | None:
    """The installed version of a peer, or None after saying it is skipped."""
    if importlib.util.find_spec(module) is None:
        print(f"({module} is not installed: {EXTRAS}; skipped)")
        return None
    return importlib.metadata.version(distribution or module)


def run(
    script: str, *args: str, what: str = "", env: dict[str, str] | None = None, cwd: Path | None = None
) -> dict | None:
    """Run bench/<script> in a fresh interpreter (its imports, memory and global state stay out of
    ours); return the JSON of its last line, or None after saying why it failed (`what` names the run)."""
    done = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"({what or script} failed with exit code {done.returncode}: {last}; skipped)")
        return None
    return json.loads(lines[-1])
