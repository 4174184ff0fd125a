"""Shared benchmark plumbing: synthetic listings, timing, and bench/results/<name>.json rows."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import random
import time
from pathlib import Path

from pipeline import gazetteer

RESULTS = Path(__file__).resolve().parent / "results"
FIRST = ["Ana", "Ben", "Cara", "Dee", "Eli", "Fay", "Gus", "Hana", "Ivan", "Jo", "Kai", "Lena", "Milo", "Nia",
         "Omar", "Pia", "Quin", "Rosa", "Sam", "Tia", "Uma", "Vic", "Wes", "Xia", "Yara", "Zed"]
LAST = ["Ruiz", "Cho", "Diaz", "Fox", "Grant", "Hale", "Ito", "Jain", "Kerr", "Lund", "Moss", "Nash", "Ortiz",
        "Park", "Quade", "Reyes", "Shaw", "Tran", "Ueda", "Vance", "Wolfe", "Xu", "Young", "Zane"]
TECHNIQUES = ["deep_tissue", "neuromuscular", "trigger_point", "myofascial_release", "sports", "stretching"]


def sizes(default: str) -> list[int]:
    """Sizes from $BENCH_SIZES (e.g. "10000,100000,1000000"), else the default."""
    return [int(s) for s in os.environ.get("BENCH_SIZES", default).split(",") if s.strip()]


def synthetic_listings(n: int, *, seed: int = 1, source: str = "bench") -> list[dict]:
    """n listing rows shaped like Listing.row(), spread over real ZIP codes, ~5% duplicates."""
    rng = random.Random(seed)
    zips = [row for row in gazetteer.zip_rows() if row["state"] not in ("PR", "VI", "GU", "AS", "MP", "AA", "AE", "AP")]
    rows = []
    for i in range(n):
        twin = i > 0 and rng.random() < 0.05
        person = rows[rng.randrange(len(rows))] if twin else None
        z = rng.choice(zips) if not person else {"postal_code": person["postal_code"], "city": person["city"],
                                                  "state": person["state"]}
        name = person["name"] if person else f"{rng.choice(FIRST)} {rng.choice(FIRST)[0]}{rng.choice(LAST)}{i % 997}"
        techniques = sorted(rng.sample(TECHNIQUES, rng.randint(0, 3)))
        score = min(100, 30 * len(techniques))
        row = {
            "source": source, "source_key": f"http://bench.test/t/{i}", "url": f"http://bench.test/t/{i}",
            "fetched_at": "2026-01-01T00:00:00", "raw_sha256": "0" * 64, "raw_fields": "{}",
            "name": name, "kind": "person", "credentials": ["LMT"], "business_name": None,
            "phone": person["phone"] if person else f"+1{rng.randint(201, 989)}555{rng.randint(100, 199):04d}",
            "phone_ext": None, "website": None, "email": None, "street": f"{rng.randint(1, 9999)} Main St",
            "city": z["city"], "state": z["state"], "postal_code": z["postal_code"],
            "description": "Deep tissue and trigger point work for sciatica." if techniques else "Swedish massage.",
            "services": [], "techniques": techniques, "conditions": ["sciatica"] if score else [],
            "relevance_score": score, "relevance_tier": "high" if score >= 60 else "low" if score else "none",
            "evidence": [{"technique": t, "snippet": t.replace("_", " "), "field": "services",
                          "source_url": f"http://bench.test/t/{i}"} for t in techniques],
            "exclusion": None, "lat": None, "lon": None, "geocode_precision": None, "geocode_provider": None,
        }
        row["content_hash"] = hashlib.sha256(json.dumps(row, sort_keys=True).encode()).hexdigest()
        rows.append(row)
    return rows


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - started, result


def write_results(name: str, rows: list[dict]) -> Path:
    """Write the rows (name, size, ours_s, baseline, baseline_s, ratio, extra) for later comparison."""
    RESULTS.mkdir(exist_ok=True)
    for row in rows:
        row.setdefault("extra", {})
        row["extra"].setdefault("machine", f"{platform.machine()} {os.cpu_count()} cpu, py{platform.python_version()}")
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(rows, indent=2) + "\n")
    return path
