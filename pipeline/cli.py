"""The `therapists` command line: parses arguments, calls the library, prints results and errors.

Only this module prints. Data goes to stdout, messages to stderr, and every error is one
sentence with an exit code: 0 ok, 1 error, 2 usage or config, 3 partial (a source failed).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import logging
import os
import sys
from pathlib import Path

from pipeline import __version__
from pipeline.config import TIERS, load_config
from pipeline.database import Warehouse
from pipeline.errors import ConfigError, PipelineError, RunLocked, UsageError
from pipeline.progress import Progress, TerminalProgress
from pipeline.publish.explain_text import explanation_lines
from pipeline.publish.search import PRECISIONS, SORTS, explain, search
from pipeline.relevance.vocabulary import load_vocabulary
from pipeline.run import runner
from pipeline.run.history import utcnow
from pipeline.run.report import write_report
from pipeline.run.status import operator_database, operator_status, status_lines
from pipeline.run.summary import site_line, summary_lines
from pipeline.sources.samples import SCHEME, is_sample
from pipeline.warehouse import checks

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3
EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the lock; cron tries again next time
log = logging.getLogger("pipeline")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one sentence and exit 2, like every other usage error
        raise UsageError(f"{message} (see `therapists --help`)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="therapists",
        description="Find massage therapists who help with sciatica, "
        "load them into DuckDB and export JSON for a directory website.",
    )
    parser.add_argument("--version", action="version", version=f"therapists {__version__}")
    parser.add_argument("--config", metavar="PATH", help="config file (default: $THERAPISTS_CONFIG or ./pipeline.toml)")
    noise = parser.add_mutually_exclusive_group()
    noise.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr")
    noise.add_argument("-q", "--quiet", action="store_true", help="errors only")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help_text, description=help_text)

    run = command("run", "Run every stage: scrape, geocode, resolve, load, check, publish, export, site.")
    scrape = command("scrape", "Fetch the sources, extract, normalize and classify listings into staging.")
    for parser_ in (run, scrape):
        parser_.add_argument("--source", action="append", metavar="NAME", help="only this source (repeatable)")
        parser_.add_argument(
            "--offline",
            action="store_true",
            help="no network at all: re-extract from the raw archive (e.g. after a parser fix)",
        )
        parser_.add_argument("--refresh", action="store_true", help="ignore the sources' cache_ttl")
    run.add_argument("--force", action="store_true", help="publish even if error-severity checks fail")
    run.add_argument(
        "--due",
        action="store_true",
        help="only the sources whose cadence (`every`) has come round; nothing if none is due (for cron)",
    )
    command("geocode", "Locate the staged listings (source coordinates, then offline centroids).")
    command("resolve", "Cluster staged and current listings into therapists with stable IDs.")
    load = command("load", "Merge the staged batch into the warehouse, run the checks and publish.")
    load.add_argument("--force", action="store_true", help="publish even if error-severity checks fail")
    command("check", "Run the data-quality checks on the working database.")
    export = command("export", "Write the JSON, NDJSON, GeoJSON and manifest from the published database.")
    export.add_argument("--out", metavar="DIR", type=Path, help="output folder (default: paths.export_dir)")
    site = command("site", "Build the static directory website from the export (only what changed is rewritten).")
    site.add_argument("--out", metavar="DIR", type=Path, help="output folder (default: paths.site_dir)")
    search_cmd = command("search", "Find therapists near a place in the published database.")
    search_cmd.add_argument("--near", required=True, metavar="PLACE", help='a ZIP code, "City, ST" or "lat,lon"')
    search_cmd.add_argument("--radius", type=float, default=25.0, metavar="MILES", help="default 25")
    search_cmd.add_argument(
        "--technique", action="append", metavar="SLUG", help="required technique slug, e.g. trigger_point (repeatable)"
    )
    search_cmd.add_argument("--min-tier", default="low", choices=TIERS, help="lowest relevance tier (default low)")
    search_cmd.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results (default 20)")
    search_cmd.add_argument("--sort", default="distance", choices=SORTS, help="order (default distance)")
    search_cmd.add_argument(
        "--precision", default="any", choices=PRECISIONS, help="only locations at least this precise (default any)"
    )
    search_cmd.add_argument("--format", default="table", choices=("table", "json", "csv"), help="output format")
    explain_cmd = command(
        "explain",
        "Show why a therapist is listed and why its listings are one therapist: "
        "evidence, listings, match signals and scores, field provenance.",
    )
    explain_cmd.add_argument("therapist_id", metavar="THERAPIST_ID", help="a therapist ID (a retired one is followed)")
    explain_cmd.add_argument("--format", default="text", choices=("text", "json"), help="output format")
    status = command("status", "Show the latest runs and each source's last crawl.")
    status.add_argument("--format", default="table", choices=("table", "json"), help="output format")
    report = command(
        "report",
        "Write the operator's run report: one self-contained HTML page (runs, sources, "
        "a map by tier, techniques, failing checks).",
    )
    report.add_argument("--out", metavar="FILE", type=Path, help="where to write it (default: paths.report)")
    command("demo", "Serve the bundled sample site on loopback, run every stage on it, search Austin.")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except UsageError as err:
        _error(err)
        return EXIT_USAGE
    _configure_logging(args)
    if not args.command:
        build_parser().print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except (ConfigError, UsageError) as err:
        _error(err)
        return EXIT_USAGE
    except RunLocked as err:
        _error(err)
        return EXIT_LOCKED
    except PipelineError as err:
        _error(err)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error. Stop writing to the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("Interrupted; the published database and export are unchanged.", file=sys.stderr)
        return 130
    except Exception as err:  # a bug: say so in one line, the traceback only with -v
        log.debug("unexpected error", exc_info=True)
        print(f"Error: unexpected {type(err).__name__}: {err} (rerun with -v for details)", file=sys.stderr)
        return EXIT_ERROR


def _error(err: Exception) -> None:
    message = str(err).strip()
    end = "" if message.endswith((".", "?", "!")) else "."
    print(f"Error: {message[:1].upper()}{message[1:]}{end}", file=sys.stderr)


def _configure_logging(args) -> None:
    level = logging.DEBUG if args.verbose else logging.ERROR if args.quiet else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


# -- pipeline commands --------------------------------------------------------------------------
def _stages_command(stages: list[str]):
    def handler(args) -> int:
        config = load_config(args.config)
        report = runner.execute(
            config,
            args.command,
            stages,
            sources=getattr(args, "source", None),
            force=getattr(args, "force", False),
            offline=getattr(args, "offline", False),
            refresh=getattr(args, "refresh", False),
            due=getattr(args, "due", False),
            progress=_progress(args),
        )
        if report.sources_due == []:
            if not args.quiet:
                upcoming = sorted((when, name) for name, when in report.next_due if when)
                hint = f"; next: {upcoming[0][1]} at {upcoming[0][0]:%Y-%m-%d %H:%M} UTC" if upcoming else ""
                print(f"Nothing is due{hint}.", file=sys.stderr)
            return EXIT_OK
        if not args.quiet:
            _print_summary(config, report)
        return EXIT_PARTIAL if report.partial else EXIT_OK

    return handler


def _progress(args) -> Progress | None:
    """Progress lines on a terminal; none under cron, in a pipe, or with --quiet."""
    return TerminalProgress(sys.stderr) if sys.stderr.isatty() and not args.quiet else None


def cmd_check(args) -> int:
    config = load_config(args.config)
    report = runner.execute(config, "check", ["check"])
    for result in report.checks:
        mark = "FAIL" if result.failed else "ok"
        why = result.description.rstrip(".")
        print(f"{mark:4} {result.severity:5} {result.name}: {result.failing_rows} failing rows ({why})")
    return EXIT_ERROR if checks.blocking(report.checks) else EXIT_OK


def cmd_site(args) -> int:
    config = load_config(args.config)
    result = runner.site_command(config, args.out)
    if not args.quiet:
        print(
            f"Site {config.shown(result.directory)}: {result.therapists} therapists, "
            f"{result.changed_therapists} changed; {site_line(result)}",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_export(args) -> int:
    config = load_config(args.config)
    result = runner.export_command(config, args.out)
    if not args.quiet and result.up_to_date:
        print(
            f"Export {config.shown(result.directory)} is up to date ({result.therapists} therapists); "
            "nothing was written",
            file=sys.stderr,
        )
    elif not args.quiet:
        changes = result.changes
        print(
            f"Exported {result.therapists} therapists to {config.shown(result.directory)} "
            f"({result.written} files written, "
            f"{result.kept} unchanged; {len(changes.get('added', []))} added, {len(changes.get('changed', []))} "
            f"changed, {len(changes.get('removed', []))} removed)",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_demo(args) -> int:
    config = load_config(args.config)
    samples = [s.name for s in config.sources.values() if is_sample(s)]
    if not samples:
        raise UsageError(f'the demo needs a source with base_url = "{SCHEME}site" in {config.path}')
    # Only the bundled samples: the demo never touches a live source the user has added.
    stages = ["scrape", "geocode", "resolve", "load", "export", "site"]
    report = runner.execute(config, "demo", stages, sources=samples)
    if not args.quiet:
        _print_summary(config, report)
        print('\nExample: therapists search --near "Austin, TX" --radius 25', file=sys.stderr)
        with Warehouse(config.database, read_only=True) as warehouse:
            result = search(warehouse, load_vocabulary(config.vocabulary_path), near="Austin, TX", radius=25)
        _print_table(result.columns, result.rows)
        print(
            "\nNext: `make sql` and try: select name, distance_miles from therapists_near(30.2672, -97.7431, 50);",
            file=sys.stderr,
        )
    return EXIT_PARTIAL if report.partial else EXIT_OK


def _print_summary(config, report: runner.Report) -> None:
    for line in summary_lines(config, report):
        print(line, file=sys.stderr)


# -- reading commands ---------------------------------------------------------------------------
def cmd_search(args) -> int:
    config = load_config(args.config)
    vocabulary = load_vocabulary(config.vocabulary_path)
    with Warehouse(config.database, read_only=True) as warehouse:
        result = search(
            warehouse,
            vocabulary,
            near=args.near,
            radius=args.radius,
            techniques=args.technique,
            min_tier=args.min_tier,
            limit=args.limit,
            sort=args.sort,
            precision=args.precision,
        )
    if args.format == "json":
        rows = [dict(zip(result.columns, row)) for row in result.rows]
        print(
            json.dumps(
                {
                    "near": result.place.label,
                    "lat": result.place.lat,
                    "lon": result.place.lon,
                    "radius_miles": args.radius,
                    "results": rows,
                },
                indent=2,
                default=str,
            )
        )
    elif args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
    else:
        if not args.quiet:
            noun = "therapist" if len(result.rows) == 1 else "therapists"
            print(f"{len(result.rows)} {noun} within {args.radius:g} miles of {result.place.label}", file=sys.stderr)
        _print_table(result.columns, result.rows)
    return EXIT_OK


def cmd_explain(args) -> int:
    config = load_config(args.config)
    with Warehouse(config.database, read_only=True) as warehouse:
        found = explain(warehouse, args.therapist_id, threshold=config.resolution.threshold)
    if args.format == "json":
        print(json.dumps(dataclasses.asdict(found), indent=2, default=str, ensure_ascii=False))
        return EXIT_OK
    for line in explanation_lines(found, config.resolution.threshold):
        print(line)
    return EXIT_OK


def cmd_status(args) -> int:
    config = load_config(args.config)
    status = operator_status(config)
    if args.format == "json":
        print(json.dumps(status, indent=2, default=str))
        return EXIT_OK
    for line in status_lines(status):
        print(line)
    return EXIT_OK


def cmd_report(args) -> int:
    config = load_config(args.config)
    path, running = operator_database(config)
    with Warehouse(path, read_only=True) as warehouse:
        result = write_report(
            warehouse,
            args.out or config.resolve(config.paths.report),
            generated_at=f"{utcnow():%Y-%m-%d %H:%M} UTC",
            source_label=config.shown(path),
        )
    if not args.quiet:
        note = " (a run is in progress: this is the published state)" if running else ""
        print(
            f"Report: {config.shown(result.path)} ({result.runs} runs, {result.therapists} active therapists){note}",
            file=sys.stderr,
        )
    return EXIT_OK


def _cell(value):
    return ";".join(map(str, value)) if isinstance(value, list) else value


def _print_table(columns: list[str], rows: list[tuple]) -> None:
    cells = [[str(_cell(v)) if v is not None else "" for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


COMMANDS = {
    "run": _stages_command(["scrape", "geocode", "resolve", "load", "export", "site"]),
    "scrape": _stages_command(["scrape"]),
    "geocode": _stages_command(["geocode"]),
    "resolve": _stages_command(["resolve"]),
    "load": _stages_command(["load"]),
    "check": cmd_check,
    "export": cmd_export,
    "site": cmd_site,
    "search": cmd_search,
    "explain": cmd_explain,
    "status": cmd_status,
    "report": cmd_report,
    "demo": cmd_demo,
}
