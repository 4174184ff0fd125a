"""Scheduled operation: one run at a time (exit 75), due sources, freshness, status."""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.database import open_work
from pipeline.run.history import utcnow
from pipeline.run.lock import lock_holder, run_lock
from pipeline.run.schedule import SourceState, due_sources

NOW = datetime(2026, 11, 29, 12, 0, 0)


def test_a_second_run_exits_75_and_names_the_holder(write_config, capsys):
    config = load_config(write_config())
    with run_lock(config.lock_path, "run"):
        assert lock_holder(config.lock_path)["pid"] == os.getpid()
        assert main(["--config", str(config.path), "run"]) == 75
        err = capsys.readouterr().err
        assert f"pid {os.getpid()}" in err and "`therapists run` started" in err and err.count("\n") == 1
        assert main(["--config", str(config.path), "export"]) == 75
    assert lock_holder(config.lock_path) is None


def test_the_lock_of_a_killed_run_never_blocks(write_config):
    config = load_config(write_config())
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, time; from pathlib import Path; from pipeline.run.lock import run_lock\n"
                f"with run_lock(Path({str(config.lock_path)!r}), 'run'):\n"
                "    print('locked', flush=True); time.sleep(60)"
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    assert lock_holder(config.lock_path)["pid"] == holder.pid
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=10)
    assert lock_holder(config.lock_path) is None
    with run_lock(config.lock_path, "run"):
        pass


@pytest.mark.parametrize(
    ("age", "every", "max_age", "due", "freshness"),
    [
        (None, "1d", "3d", True, "error"),  # never crawled completely
        (timedelta(hours=2), "1d", "3d", False, "ok"),
        (timedelta(days=1, minutes=1), "1d", "3d", True, "ok"),
        (timedelta(days=4), "7d", "3d", False, "warn"),
        (timedelta(days=7), "7d", "3d", True, "error"),
        (timedelta(minutes=1), "", "3d", True, "ok"),  # no cadence: due on every --due run
    ],
)
def test_cadence_and_freshness(age, every, max_age, due, freshness):
    last = NOW - age if age else None
    state = SourceState("s", every, max_age, last, "complete" if last else None, last, 3)
    assert state.due(NOW) is due and state.freshness(NOW) == freshness


def test_due_picks_exactly_the_due_sources_and_nothing_runs_when_none_is(write_config, capsys):
    config = load_config(write_config(all_sources=True))
    now = utcnow()
    crawled = {
        "sample_directory": now - timedelta(hours=1),  # every 1d: not due
        "sample_jsonld": now - timedelta(days=2),  # every 1d: due
        "sample_nppes": now - timedelta(days=8),  # every 7d: due
        "sample_nppes_bulk": now - timedelta(days=1),  # every 7d: not due
        "sample_overpass": now - timedelta(days=3),  # every 7d: not due
        "sample_websites": now - timedelta(days=20),  # every 30d: not due
    }  # sample_roster, sample_ma_roster and sample_results never: due
    with open_work(config.work_database) as warehouse:
        for source, when in crawled.items():
            warehouse.con.execute(
                "insert into crawls (run_id, source, started_at, finished_at, status) "
                "values ('old', ?, ?, ?, 'complete')",
                [source, when, when],
            )
    from pipeline.run.runner import current_source_states

    assert due_sources(current_source_states(config), now) == [
        "sample_jsonld",
        "sample_nppes",
        "sample_roster",
        "sample_ma_roster",
        "sample_results",
    ]

    with open_work(config.work_database) as warehouse:
        warehouse.con.execute(
            "insert into crawls (run_id, source, started_at, finished_at, status) "
            "select 'new', name, ?, ?, 'complete' from (values ('sample_jsonld'), "
            "('sample_nppes'), ('sample_roster'), ('sample_ma_roster'), ('sample_results')) as t(name)",
            [now, now],
        )
        runs_before = warehouse.con.execute("select count(*) from pipeline_runs").fetchone()[0]
    assert main(["--config", str(config.path), "run", "--due"]) == 0
    assert "Nothing is due; next: sample_directory at" in capsys.readouterr().err
    with open_work(config.work_database) as warehouse:
        assert warehouse.con.execute("select count(*) from pipeline_runs").fetchone()[0] == runs_before


def test_status_reports_freshness_and_failing_checks_as_json(write_config, capsys):
    config = load_config(write_config())
    old = utcnow() - timedelta(days=5)  # sample_directory: max_age 3d -> warn
    with open_work(config.work_database) as warehouse:
        warehouse.con.execute(
            "insert into crawls (run_id, source, started_at, finished_at, status, listings) "
            "values ('r1', 'sample_directory', ?, ?, 'complete', 72)",
            [old, old],
        )
        warehouse.con.execute("insert into quality_results values ('r1', 'sources_fresh', 'warn', 1, ?)", [old])
    assert main(["--config", str(config.path), "status", "--format", "json"]) == 0
    status = json.loads(capsys.readouterr().out)
    (source,) = status["sources"]
    assert (source["source"], source["freshness"], source["listings"], source["due"]) == (
        "sample_directory",
        "warn",
        72,
        True,
    )
    assert status["failing_checks"][0]["check_name"] == "sources_fresh" and status["running"] is None
    assert main(["--config", str(config.path), "status"]) == 0
    out = capsys.readouterr().out
    assert "sample_directory" in out and "warn" in out and "sources_fresh (1 rows)" in out

    with run_lock(config.lock_path, "run"):  # during a run: the published state, and who is running
        assert main(["--config", str(config.path), "status", "--format", "json"]) == 0
        status = json.loads(capsys.readouterr().out)
    assert status["running"]["pid"] == os.getpid()


def test_a_scrape_killed_mid_fetch_resumes_and_fetches_only_the_rest(write_config):
    from pipeline.run import runner
    from tests.servers import ScriptedServer
    from tests.sources.sitebuilder import profile, site

    pages = {f"p{i:02d}": profile(f"Person {chr(97 + i)}{chr(97 + i)}", phone=f"512-555-01{i:02d}") for i in range(30)}
    routes = site(pages)
    for path, route in routes.items():
        if path.startswith("/t/"):
            route.delay = 0.1  # a slow site: the crawl takes seconds
    with ScriptedServer(routes) as server:
        config = load_config(write_config(base_url=server.url + "/"))
        process = subprocess.Popen([sys.executable, "-m", "pipeline", "--config", str(config.path), "-q", "scrape"])
        deadline = time.monotonic() + 60
        while (
            sum(hit.path.startswith("/t/") and hit.done > 0 for hit in server.hits) < 10 and time.monotonic() < deadline
        ):
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        first = list(server.hits)
        answered = {hit.path for hit in first if hit.path.startswith("/t/") and hit.done}
        assert 10 <= len(answered) < 30, "the kill must land mid-crawl"

        report = runner.execute(config, "scrape", ["scrape"])
        second = [hit.path for hit in server.hits[len(first) :]]
    refetched = [path for path in second if path.startswith("/t/")]
    assert "/directory/page-1.html" not in second, "the list page fetched before the kill is not fetched again"
    assert len(refetched) <= 30 - len(answered) + 2, "at most the pages in flight at the kill are fetched twice"
    assert {hit.path for hit in first if hit.path.startswith("/t/")} | set(refetched) == {
        f"/t/{slug}.html" for slug in pages
    }
    assert report.run.counts["scrape/resumed_responses"] >= len(answered) - 2
    assert report.crawls[0].status == "complete" and len(report.crawls[0].listings) == 30


def test_progress_draws_on_a_terminal_and_stays_silent_otherwise(write_config, capsys):
    import io

    from pipeline.progress import TerminalProgress

    stream = io.StringIO()
    progress = TerminalProgress(stream)
    progress.start("loading", 4)
    progress.advance(4)
    progress.finish()
    assert "\r  loading    [########################] 4/4" in stream.getvalue() and stream.getvalue().endswith("\n")

    config = load_config(write_config())
    assert main(["--config", str(config.path), "run"]) == 0  # stderr is not a terminal here
    assert "\r" not in capsys.readouterr().err
