"""The raw response archive: every body stored once under data/raw/, by its sha256, gzipped."""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path


class Archive:
    """Content-addressed, immutable storage: `<root>/<sha[:2]>/<sha>.gz`.

    Files are written by a background thread so fetching never waits on the disk; `flush()`
    returns once everything stored so far is on disk (call it before recording rows that point
    at the files).
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        self._pending: dict[str, Future] = {}
        self._lock = threading.Lock()
        self._writer: ThreadPoolExecutor | None = None
        self._folders: set[Path] = set()

    def relative_path(self, sha256: str) -> str:
        return f"{sha256[:2]}/{sha256}.gz"

    def store(self, body: bytes) -> tuple[str, str]:
        """Archive a body (once); return its sha256 and path relative to the root."""
        sha256 = hashlib.sha256(body).hexdigest()
        relative = self.relative_path(sha256)
        with self._lock:
            if sha256 not in self._pending:
                if self._writer is None:
                    self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="archive")
                self._pending[sha256] = self._writer.submit(self._write, self.root / relative, body)
        return sha256, relative

    def load(self, sha256: str) -> bytes:
        with self._lock:
            pending = self._pending.get(sha256)
        if pending is not None:
            pending.result()
        with gzip.open(self.root / self.relative_path(sha256), "rb") as handle:
            return handle.read()

    def flush(self) -> None:
        """Wait for every pending write; re-raise the first failure (e.g. a full disk)."""
        with self._lock:
            pending, self._pending = list(self._pending.values()), {}
        for future in pending:
            future.result()

    def close(self) -> None:
        self.flush()
        if self._writer is not None:
            self._writer.shutdown()
            self._writer = None

    def _write(self, target: Path, body: bytes) -> None:
        """Write atomically (temp file + rename); a crash never leaves a partial archive file."""
        if target.exists():
            return  # stored by an earlier run: bodies are immutable
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        data = gzip.compress(body, mtime=0)  # mtime=0: the same body always gives the same bytes
        tmp = target.with_name(f".tmp-{target.name}")  # one writer per sha, so the name is free
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read in 1 MiB chunks (bulk files run to gigabytes)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
