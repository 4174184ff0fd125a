"""Entity resolution against the labelled pairs in tests/data/resolution_pairs.json: precision and
recall of "same therapist" decisions, per kind of hard case (the baseline issue 7 improves on)."""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import write_results  # noqa: E402
from pipeline.names import split_credentials  # noqa: E402
from pipeline.records import Listing  # noqa: E402
from pipeline.resolve import resolve_staged  # noqa: E402
from pipeline.runs import utcnow  # noqa: E402
from pipeline.warehouse import open_work  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "data" / "resolution_pairs.json"


def listing(key: str, side: dict) -> dict:
    license_ = side.get("license")
    name, credentials = split_credentials(side["name"])  # as normalize() would
    return Listing(
        source=side["source"], source_key=key, url=f"http://pairs.test/{key}", fetched_at="2026-01-01T00:00:00",
        raw_sha256="0" * 64, raw_fields="{}", name=name, business_name=side.get("business_name"),
        credentials=credentials + (side.get("credentials") or []), npi=side.get("npi"), phone=side.get("phone"),
        street=side.get("street"), suite=side.get("suite"), city=side.get("city"), state=side.get("state"),
        postal_code=side.get("postal_code"), lat=side.get("lat"), lon=side.get("lon"), website=side.get("website"),
        licenses=[{"number": license_["number"], "state": license_["state"], "status": "active"}] if license_ else [],
    ).row()


def main() -> list[dict]:
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))
    rows = [listing(f"{pair['id']}{side}", pair[side]) for pair in pairs for side in ("a", "b")]
    with tempfile.TemporaryDirectory(dir=ROOT / "data") as tmp, open_work(Path(tmp) / "r.duckdb") as warehouse:
        warehouse.stage_rows("scrape/insert_staged.sql", rows, {"load_id": "pairs"})
        resolve_staged(warehouse, now=utcnow(), counts=Counter())
        ids = dict(warehouse.con.execute("select source_key, therapist_id from stg_listings").fetchall())
    outcome = Counter()
    by_kind: dict[str, Counter] = defaultdict(Counter)
    for pair in pairs:
        merged = ids[f"{pair['id']}a"] == ids[f"{pair['id']}b"]
        key = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}[(pair["same"], merged)]
        outcome[key] += 1
        by_kind[pair["kind"]]["right" if key in ("tp", "tn") else "wrong"] += 1
    precision = outcome["tp"] / max(1, outcome["tp"] + outcome["fp"])
    recall = outcome["tp"] / max(1, outcome["tp"] + outcome["fn"])
    print(f"resolution on {len(pairs)} labelled pairs: precision {precision:.3f}, recall {recall:.3f} "
          f"(tp {outcome['tp']}, fp {outcome['fp']}, fn {outcome['fn']}, tn {outcome['tn']})")
    for kind, counts in sorted(by_kind.items()):
        print(f"  {kind:26} {counts['right']:3} right, {counts['wrong']:3} wrong")
    results = [{"name": "resolution_pairs", "size": len(pairs), "ours_s": 0, "baseline": "labels", "baseline_s": 0,
                "ratio": 0, "extra": {"precision": round(precision, 3), "recall": round(recall, 3),
                                      "by_kind": {k: dict(v) for k, v in sorted(by_kind.items())}}}]
    write_results("resolve", results)
    return results


if __name__ == "__main__":
    main()
