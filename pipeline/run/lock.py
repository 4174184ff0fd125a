"""One run at a time: an exclusive lock on a file beside the working database.

The lock is an flock(2) lock, so the kernel drops it when its holder exits, however it exits
(kill -9 included): a stale lock never blocks the next run. The file holds who took it, so a
second run can say who it is waiting for.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from pipeline.errors import RunLocked


@contextlib.contextmanager
def run_lock(path: Path, command: str) -> Iterator[None]:
    """Hold the lock for the duration of the block, or raise RunLocked naming the holder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunLocked(_holder(fd, path)) from None
        os.ftruncate(fd, 0)
        os.write(
            fd,
            json.dumps(
                {
                    "pid": os.getpid(),
                    "command": command,
                    "started_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
                }
            ).encode(),
        )
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(fd: int, path: Path) -> str:
    try:
        holder = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except ValueError:
        holder = {}
    who = (
        f"pid {holder.get('pid', '?')}, `therapists {holder.get('command', '?')}` started "
        f"{holder.get('started_at', 'at an unknown time')}"
    )
    return f"another run is in progress ({who}; lock {path}); this one did nothing and exits"


def lock_holder(path: Path) -> dict | None:
    """Who holds the lock ({pid, command, started_at}), or None when no run is in progress."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                return json.loads(os.pread(fd, 4096, 0) or b"{}")
            except ValueError:
                return {}
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)
