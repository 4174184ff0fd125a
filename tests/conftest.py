"""Shared fixtures: a network guard, the sample site on loopback, configs and databases in tmp_path."""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest

from pipeline import gazetteer
from pipeline.config import load_config
from pipeline.database import open_work
from pipeline.errors import ConfigError
from pipeline.geocode.chain import ensure_gazetteer
from pipeline.sources.samples import SAMPLES_DIR, SampleServer

ROOT = Path(__file__).resolve().parent.parent
OTHER_SOURCES = "# The other bundled fictional sources"  # where pipeline.toml's extra samples begin
# The gazetteer's derived reference files, shared by every test process (and the CLI subprocesses
# they start) and kept between runs: derived once, they load in milliseconds.
os.environ.setdefault(gazetteer.CACHE_DIR_ENV, str(Path(tempfile.gettempdir()) / "therapist-directory-tests"))
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _loopback_only(address) -> None:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host in ("localhost",):
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    raise ConnectionRefusedError(f"tests may only connect to loopback addresses, not {host!r}")


@pytest.fixture(autouse=True)
def no_internet(monkeypatch):
    """Refuse every connection that does not stay on this machine."""

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _loopback_only(address)
        return _real_connect(self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _loopback_only(address)
        return _real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)


@pytest.fixture(scope="session")
def sample_site():
    """The bundled fictional directory site, served for the whole test session."""
    with SampleServer(SAMPLES_DIR / "site") as server:
        yield server


@pytest.fixture(scope="session")
def work_template(tmp_path_factory) -> Path:
    """A working database with every migration applied and the gazetteer loaded, built once per test
    process: a test's fresh working database starts as a copy of it (migrating and loading the
    centroids again cost about 0.4 s a test). tests/test_database.py and the demo still start from
    nothing."""
    path = tmp_path_factory.mktemp("template") / "work.duckdb"
    with open_work(path) as warehouse:
        ensure_gazetteer(warehouse)
    return path


@pytest.fixture
def write_config(tmp_path, work_template):
    """Write a pipeline.toml into tmp_path: the shipped one with paths redirected, plus `extra` text.

    Only the sample directory site is kept unless `all_sources`: most tests watch one source. The
    working database it names starts as a copy of `work_template`.
    """

    def write(
        extra: str = "", *, base_url: str | None = None, name: str = "pipeline.toml", all_sources: bool = False
    ) -> Path:
        text = (ROOT / "pipeline.toml").read_text(encoding="utf-8")
        if not all_sources:
            text = text.split(OTHER_SOURCES, 1)[0]
        text = text.replace('vocabulary = "vocabulary.toml"', f'vocabulary = "{ROOT / "vocabulary.toml"}"')
        # Retries in tests back off for milliseconds, not seconds.
        text = text.replace("backoff_seconds = 1.0", "backoff_seconds = 0.01")
        if base_url:
            text = text.replace('base_url = "samples:site"', f'base_url = "{base_url}"')
        path = tmp_path / name
        path.write_text(text + "\n" + extra, encoding="utf-8")
        try:
            work = load_config(path).work_database
        except ConfigError:
            return path  # a test of a broken config
        if not work.exists():
            work.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work_template, work)
        return path

    return write


@pytest.fixture
def config(write_config):
    """The shipped configuration with every path inside tmp_path."""
    return load_config(write_config())


def demo_config(tmp: Path) -> Path:
    text = (
        (ROOT / "pipeline.toml")
        .read_text()
        .replace('vocabulary = "vocabulary.toml"', f'vocabulary = "{ROOT / "vocabulary.toml"}"')
    )
    path = tmp / "pipeline.toml"
    path.write_text(text)
    return path


def snapshot(tmp: Path) -> dict:
    con = duckdb.connect(str(tmp / "data" / "directory.duckdb"), read_only=True)
    try:
        therapists = con.execute(
            "select * exclude (last_seen, load_id) from therapists order by therapist_id"
        ).fetchall()
        listings = con.execute(
            "select * exclude (last_seen, load_id, fetched_at) from listings order by source, source_key"
        ).fetchall()
    finally:
        con.close()
    export = tmp / "data" / "export"
    files = {p.relative_to(export).as_posix(): p.read_bytes() for p in sorted(export.rglob("*")) if p.is_file()}
    return {"therapists": therapists, "listings": listings, "files": files}


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """Run `python -m pipeline demo` twice in a fresh folder; keep both outcomes (shared by the
    CLI and report tests; they only read it, apart from `check` recording its results)."""
    tmp = tmp_path_factory.mktemp("demo")
    config = demo_config(tmp)
    command = [sys.executable, "-m", "pipeline", "--config", str(config), "demo"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=120)
    taken = snapshot(tmp) if first.returncode == 0 else None
    second = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return {"tmp": tmp, "config": config, "first": first, "second": second, "snapshot": taken}
