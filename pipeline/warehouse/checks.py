"""Data-quality checks: each sql/checks/*.sql returns failing rows; severity error blocks publishing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from pipeline.config import Config
from pipeline.config.durations import parse_duration
from pipeline.database import SQL_DIR, Warehouse, sql_text
from pipeline.relevance.vocabulary import load_vocabulary

_SEVERITY = re.compile(r"^--\s*severity:\s*(warn|error)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class CheckResult:
    name: str
    severity: str  # warn or error
    failing_rows: int
    description: str

    @property
    def failed(self) -> bool:
        return self.failing_rows > 0


def check_names() -> list[str]:
    return sorted(path.stem for path in (SQL_DIR / "checks").glob("*.sql"))


def run_checks(config: Config, warehouse: Warehouse, *, run_id: str, now: datetime) -> list[CheckResult]:
    """Run every check, record the results in quality_results, and return them."""
    rel = config.relevance
    vocabulary = load_vocabulary(config.vocabulary_path)
    sources = config.enabled_sources()
    params = {
        "high": rel.high,
        "medium": rel.medium,
        "low": rel.low,
        "now": now,
        "slugs": vocabulary.slugs("technique") + vocabulary.slugs("condition"),
        "max_miles": config.geocode.max_distance_miles,
        "max_drop_percent": config.checks.max_active_drop_percent,
        "min_active": max(1, config.checks.min_active_for_drop),
        "source_names": [source.name for source in sources],
        "max_age_seconds": [parse_duration(source.max_age) for source in sources],
    }
    results = []
    for name in check_names():
        text = sql_text(f"checks/{name}.sql")
        severity = _SEVERITY.search(text)
        description = next((line[2:].strip() for line in text.splitlines()[1:] if line.startswith("--")), name)
        rows = warehouse.run(f"checks/{name}.sql", params)
        results.append(CheckResult(name, severity.group(1) if severity else "error", len(rows), description))
    with warehouse.transaction():
        for result in results:
            warehouse.run(
                "quality/record.sql",
                {
                    "run_id": run_id,
                    "check_name": result.name,
                    "severity": result.severity,
                    "failing_rows": result.failing_rows,
                    "now": now,
                },
            )
    return results


def blocking(results: list[CheckResult]) -> list[CheckResult]:
    return [r for r in results if r.failed and r.severity == "error"]
