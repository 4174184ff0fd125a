"""The DuckDB warehouse: connections, migrations, SQL files from sql/, bulk staging, publishing."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipeline.errors import DiskError, NothingToDo, WarehouseError, disk_error, is_disk_full

log = logging.getLogger(__name__)

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
_PARAM = re.compile(r"\$([A-Za-z_]\w*)")
STORAGE_VERSION = "v1.5.0"  # what the DuckDB shell of `make sql` (duckdb-cli 1.5) reads
# Rows per row group the writer produces (DuckDB's default is 122,880). An insert writes each full
# row group straight to the file; a smaller one spares a load of 10^5 rows its trip through the
# WAL and the checkpoint that re-reads it (about 0.6 of 1.5 CPU-seconds per wide table at 10^5;
# nothing lost at 10^6), and radius searches skip in finer steps. Files grow about 10%.
ROW_GROUP_SIZE = 32_768
# Migrations rewritten after release without a change of meaning: version -> their old checksums,
# accepted without a warning. 0002: lambdas spelled `lambda t: ...` (DuckDB 2.0 rejects `t -> ...`).
REWRITTEN_MIGRATIONS = {2: {"71497b4a8475546ad5ef503e3bbd452a45f9959464690b13040bbf17b4efad7a"}}


@functools.cache
def sql_text(name: str) -> str:
    """The text of `sql/<name>`; SQL never lives in Python strings."""
    try:
        return (SQL_DIR / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WarehouseError(f"SQL file sql/{name} is missing from the installation") from None


@functools.cache
def statements(name: str) -> tuple[str, ...]:
    """Split a SQL file into statements on semicolons outside quotes and comments."""
    text, parts, current = sql_text(name), [], []
    quote, i = None, 0
    while i < len(text):
        char = text[i]
        if quote:
            current.append(char)
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
            current.append(char)
        elif text.startswith("--", i):
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            current.append(text[i:end])
            i = end
            continue
        elif char == ";":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return tuple(part for part in parts if _has_code(part))


def _has_code(statement: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in statement.splitlines())


class Warehouse:
    """One open DuckDB database (the working one, or the published one read-only)."""

    def __init__(self, path: Path, *, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise NothingToDo(f"no database at {self.path}; run `make demo` or `therapists run` first")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # Written files keep the storage format of duckdb-cli 1.5: `make sql` opens the
            # published copy with that shell, whichever engine writes it. Only ATTACH takes a
            # row group size, so a writer attaches the file to an in-memory connection.
            if read_only:
                self.con = duckdb.connect(str(self.path), read_only=True)
            else:
                self.con = duckdb.connect(config={"storage_compatibility_version": STORAGE_VERSION})
                # (A new file takes the connection's storage version; naming it here too would refuse
                # a file that a newer engine created.)
                self.con.execute(f"attach {quote_path(self.path)} as warehouse (row_group_size {ROW_GROUP_SIZE})")
                self.con.execute("use warehouse")
        except duckdb.IOException as err:
            if "lock" in str(err).lower():
                raise WarehouseError(
                    f"database {self.path} is in use by another process; "
                    "close it (or wait for the other run) and try again"
                ) from err
            raise WarehouseError(f"cannot open database {self.path}: {err}") from err
        except duckdb.Error as err:
            raise WarehouseError(f"cannot open database {self.path}: {err}") from err

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- running SQL files -------------------------------------------------------------------
    def run(self, name: str, params: dict | None = None) -> list[tuple]:
        """Execute every statement of `sql/<name>`; return the rows of the last one."""
        rows: list[tuple] = []
        for statement in statements(name):
            rows = self._execute(statement, params or {}, name).fetchall()
        return rows

    def query(self, name: str, params: dict | None = None) -> tuple[list[str], list[tuple]]:
        """Execute a one-statement SQL file; return (column names, rows)."""
        (statement,) = statements(name)
        result = self._execute(statement, params or {}, name)
        columns = [column[0] for column in result.description]
        return columns, result.fetchall()

    def stream(self, name: str, params: dict | None = None, *, batch: int = 10_000) -> Iterator[tuple]:
        """The rows of a one-statement SQL file, fetched `batch` at a time (for millions of rows)."""
        (statement,) = statements(name)
        result = self._execute(statement, params or {}, name)
        while rows := result.fetchmany(batch):
            yield from rows

    def scalar(self, name: str, params: dict | None = None):
        rows = self.run(name, params)
        return rows[0][0] if rows else None

    def _execute(self, statement: str, params: dict, name: str):
        wanted = {key: params[key] for key in _PARAM.findall(statement) if key in params}
        try:
            return self.con.execute(statement, wanted) if wanted else self.con.execute(statement)
        except duckdb.Error as err:
            if is_disk_full(str(err)):
                raise DiskError(f"the disk is full: sql/{name} could not write its file or table") from err
            raise WarehouseError(f"SQL file sql/{name} failed: {_first_line(err)}") from err

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all."""
        self.con.begin()
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    # -- bulk input ----------------------------------------------------------------------------
    def stage_rows(self, name: str, rows: Iterable[dict], params: dict | None = None) -> int:
        """Write rows to a temporary NDJSON file and run `sql/<name>` over it as `$path`.

        DuckDB's `read_json` loads ~100x faster than row-by-row inserts, so every bulk write
        goes through here.
        """
        fd, path = tempfile.mkstemp(prefix="stage-", suffix=".ndjson", dir=self.path.parent)
        count = 0
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                for row in rows:
                    handle.write(json.dumps(row, ensure_ascii=False, default=str))
                    handle.write("\n")
                    count += 1
            if count:
                self.run(name, {**(params or {}), "path": path})
        finally:
            os.unlink(path)
        return count

    # -- schema --------------------------------------------------------------------------------
    def migrate(self, upto: int | None = None) -> list[str]:
        """Apply the numbered files of sql/migrations/ not applied yet, each in one transaction, then
        re-create the views and table macros of sql/views/. `upto` stops after that version (a test
        builds an older database with it, to check that a migration keeps its data)."""
        self.run("warehouse/create_schema_migrations.sql")
        applied = dict(self.run("warehouse/applied_migrations.sql"))
        done = []
        for path in sorted((SQL_DIR / "migrations").glob("[0-9]*.sql")):
            version = int(path.name.split("_", 1)[0])
            if upto is not None and version > upto:
                break
            checksum = hashlib.sha256(path.read_bytes()).hexdigest()
            if version in applied:
                if applied[version] != checksum and applied[version] not in REWRITTEN_MIGRATIONS.get(version, ()):
                    log.warning("migration %s changed after it was applied; add a new migration instead", path.name)
                continue
            with self.transaction():
                self.run(f"migrations/{path.name}")
                self.run(
                    "warehouse/record_migration.sql",
                    {
                        "version": version,
                        "name": path.name,
                        "checksum": checksum,
                        "applied_at": datetime.now(UTC).replace(tzinfo=None),
                    },
                )
            done.append(path.name)
        if upto is not None:
            return done  # the views are written for the current schema
        # Views and table macros are derived, not data, so each lives in one file: re-created after a
        # migration or when a file (or the engine) changed. (Every time cost 25 ms per connection.)
        views = sorted((SQL_DIR / "views").glob("*.sql"))
        fingerprint = hashlib.sha256(
            duckdb.__version__.encode() + b"".join(path.name.encode() + path.read_bytes() for path in views)
        ).hexdigest()
        if done or self.scalar("warehouse/views_fingerprint.sql") != fingerprint:
            with self.transaction():
                for path in views:
                    self.run(f"views/{path.name}")
                self.run("warehouse/record_views_fingerprint.sql", {"fingerprint": fingerprint})
        return done

    def copy_to(self, name: str, out: Path, params: dict | None = None) -> None:
        """Run a `copy (...) to '{out}'` file; COPY cannot bind its path, so quote_path does."""
        (statement,) = statements(name)
        self._execute(statement.replace("'{out}'", quote_path(out)), params or {}, name).fetchall()

    def checkpoint(self) -> None:
        self.con.checkpoint()


def open_work(path: Path) -> Warehouse:
    """The working database, migrated to the current schema."""
    warehouse = Warehouse(path)
    try:
        warehouse.migrate()
    except BaseException:
        warehouse.close()
        raise
    return warehouse


def publish(work: Path, published: Path) -> None:
    """Copy the (closed, checkpointed) working database over the published one atomically.

    Readers holding the old file open keep reading the old snapshot; new readers see the new
    one. A crash before the rename leaves the previous snapshot in place.
    """
    kept = "the previous snapshot stays published"
    try:
        published.parent.mkdir(parents=True, exist_ok=True)
        # Not mkstemp, whose file is private (0600): the snapshot is for every reader (the web
        # server building the site, a teammate's `make sql`), so it gets the mode any new file gets.
        tmp = str(published.parent / f".{published.name}.{secrets.token_hex(6)}.tmp")
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except OSError as err:
        raise disk_error(err, "publish", published, kept=kept) from err
    try:
        shutil.copyfile(work, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        # A write-ahead log left beside the old snapshot would be replayed into the new one.
        Path(f"{published}.wal").unlink(missing_ok=True)
        os.replace(tmp, published)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise disk_error(err, "publish", published, kept=kept) from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def quote_path(path: Path) -> str:
    """Quote a file path as a SQL string literal (COPY ... TO does not take parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
