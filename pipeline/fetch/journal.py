"""What a run has fetched: the raw_responses and fetch_failures rows, kept per source until the
scrape records them, and written line by line to a journal as they arrive, so a run killed mid-fetch
loses nothing. The next scrape records the journal's responses in raw_responses and treats them
as fresh, so it fetches only what the killed run had not (README "Scheduling").
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from pathlib import Path

FOLDER = "journal"  # under paths.raw_dir


class Journal:
    """raw_responses rows appended to <raw_dir>/journal/<run_id>.ndjson, one flushed line each."""

    def __init__(self, raw_dir: Path, run_id: str):
        self.path = Path(raw_dir) / FOLDER / f"{run_id}.ndjson"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 (open for the run, closed by finish())
        self._lock = threading.Lock()

    def append(self, row: dict) -> None:
        line = json.dumps(row, ensure_ascii=False) + "\n"
        with self._lock:
            self._handle.write(line)
            self._handle.flush()  # in the kernel's hands: a kill of this process cannot lose it

    def finish(self) -> None:
        """The run recorded everything itself: the journal has served its purpose."""
        self._handle.close()
        self.path.unlink(missing_ok=True)


class FetchLog:
    """The rows a run's fetches produced, per source; safe to share between fetching threads."""

    def __init__(self, journal: Journal | None = None):
        self.journal = journal  # every response also goes here at once, for resuming after a kill
        self._responses: dict[str, list[dict]] = defaultdict(list)
        self._failures: dict[str, list[dict]] = defaultdict(list)
        self._lock = threading.Lock()

    def response(self, row: dict) -> None:
        with self._lock:
            self._responses[row["source"]].append(row)
        if self.journal is not None:
            self.journal.append(row)

    def failure(self, row: dict) -> None:
        with self._lock:
            self._failures[row["source"]].append(row)

    def take_responses(self, source: str) -> list[dict]:
        with self._lock:
            return self._responses.pop(source, [])

    def take_failures(self, source: str) -> list[dict]:
        with self._lock:
            return self._failures.pop(source, [])


def leftovers(raw_dir: Path) -> list[Path]:
    """Journals of runs that were killed before they finished."""
    return sorted((Path(raw_dir) / FOLDER).glob("*.ndjson"))


def recoverable_rows(paths: list[Path], raw_dir: Path) -> list[dict]:
    """The journalled responses whose body reached the archive (or that have none: redirects, 304s)."""
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue  # the line the kill cut short
            if not row.get("archive_path") or (Path(raw_dir) / row["archive_path"]).exists():
                rows.append(row)
    return rows
