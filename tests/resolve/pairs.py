"""The labelled listing pairs of tests/resolve/data/resolution_pairs.json, resolved by the real pipeline.

Each side goes through normalize() as a scraped record would; all pairs are resolved together in
one batch (so a pair can also go wrong through a third listing), then every pair is judged:
did the two listings get one therapist_id, and should they have?
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import Config
from pipeline.database import Warehouse
from pipeline.normalize.listing import normalize
from pipeline.records import RawListing
from pipeline.resolve.resolver import resolve_staged
from pipeline.run.history import utcnow

PAIRS = Path(__file__).resolve().parent / "data" / "resolution_pairs.json"


def load_pairs() -> list[dict]:
    return json.loads(PAIRS.read_text(encoding="utf-8"))


def raw_listing(key: str, side: dict) -> RawListing:
    street = ", ".join(part for part in (side.get("street"), side.get("suite")) if part)
    fields = {
        "name": side["name"],
        "business_name": side.get("business_name"),
        "phone": side.get("phone"),
        "street": street,
        "city": side.get("city"),
        "state": side.get("state"),
        "postal_code": side.get("postal_code"),
        "website": side.get("website"),
        "credentials": side.get("credentials") or [],
    }
    license_ = side.get("license")
    return RawListing(
        source=side["source"],
        source_key=key,
        url=f"http://pairs.test/{key}",
        fetched_at="2026-01-01T00:00:00",
        raw_sha256="0" * 64,
        fields={k: v for k, v in fields.items() if v},
        npi=side.get("npi"),
        lat=side.get("lat"),
        lon=side.get("lon"),
        licenses=[{"number": license_["number"], "state": license_["state"], "status": "active"}] if license_ else [],
    )


@dataclass
class Outcome:
    counts: Counter = field(default_factory=Counter)  # tp, fp, fn, tn
    by_kind: dict = field(default_factory=lambda: defaultdict(Counter))
    wrong: list = field(default_factory=list)  # the pairs decided wrongly

    @property
    def precision(self) -> float:
        return self.counts["tp"] / max(1, self.counts["tp"] + self.counts["fp"])

    @property
    def recall(self) -> float:
        return self.counts["tp"] / max(1, self.counts["tp"] + self.counts["fn"])


def resolve_pairs(warehouse: Warehouse, config: Config, pairs: list[dict]) -> Outcome:
    """Stage both sides of every pair, resolve them, and judge each pair."""
    rows = [normalize(raw_listing(f"{pair['id']}{side}", pair[side])).row() for pair in pairs for side in "ab"]
    warehouse.stage_rows("scrape/insert_staged.sql", rows, {"load_id": "pairs"})
    resolve_staged(warehouse, config, now=utcnow(), counts=Counter())
    ids = dict(warehouse.con.execute("select source_key, therapist_id from stg_listings").fetchall())
    outcome = Outcome()
    for pair in pairs:
        merged = ids[f"{pair['id']}a"] == ids[f"{pair['id']}b"]
        key = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}[
            (pair["same"], merged)
        ]
        outcome.counts[key] += 1
        outcome.by_kind[pair["kind"]]["right" if key in ("tp", "tn") else "wrong"] += 1
        if key in ("fp", "fn"):
            outcome.wrong.append((key, pair))
    return outcome
