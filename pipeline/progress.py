"""Progress of long stages (fetching, geocoding, loading): stages report it, the CLI shows it.

Stages call a Progress; the default one shows nothing (cron, tests, --quiet, a pipe). The CLI
passes a TerminalProgress when stderr is a terminal: one self-overwriting line per stage.
"""

from __future__ import annotations

import threading
import time
from typing import TextIO


class Progress:
    """Shows nothing; the interface stages call."""

    def start(self, label: str, total: int | None = None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def finish(self) -> None:
        pass


class TerminalProgress(Progress):
    """`  fetching   [##########..........] 120/240  35/s` redrawn in place, at most ten times a second."""

    WIDTH = 24

    def __init__(self, stream: TextIO):
        self.stream = stream
        self._lock = threading.Lock()
        self.label, self.done, self._started, self._drawn = "", 0, 0.0, 0.0
        self.total: int | None = None

    def start(self, label: str, total: int | None = None) -> None:
        with self._lock:
            self.label, self.total, self.done = label, total, 0
            self._started = self._drawn = time.monotonic()
            self._draw()

    def advance(self, n: int = 1) -> None:
        with self._lock:
            self.done += n
            if time.monotonic() - self._drawn >= 0.1:
                self._draw()

    def finish(self) -> None:
        with self._lock:
            if self.label:
                self._draw()
                self.stream.write("\n")
                self.stream.flush()
            self.label = ""

    def _draw(self) -> None:
        self._drawn = now = time.monotonic()
        rate = self.done / max(now - self._started, 1e-6)
        if self.total:
            filled = int(self.WIDTH * min(self.done, self.total) / self.total)
            bar = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total}"
        else:
            bar = f"{self.done}"
        self.stream.write(f"\r  {self.label:10} {bar}  {rate:,.0f}/s\x1b[K")
        self.stream.flush()
