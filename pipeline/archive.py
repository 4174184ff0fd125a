"""The raw response archive: every body stored once under data/raw/, by its sha256, gzipped."""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path


class Archive:
    """Content-addressed, immutable storage: `<root>/<sha[:2]>/<sha>.gz`."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def relative_path(self, sha256: str) -> str:
        return f"{sha256[:2]}/{sha256}.gz"

    def store(self, body: bytes) -> tuple[str, str]:
        """Archive a body (once); return its sha256 and path relative to the root."""
        sha256 = hashlib.sha256(body).hexdigest()
        relative = self.relative_path(sha256)
        target = self.root / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
                    handle.write(body)
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return sha256, relative

    def load(self, sha256: str) -> bytes:
        with gzip.open(self.root / self.relative_path(sha256), "rb") as handle:
            return handle.read()
