"""Benchmark: normalize + classify throughput on 100,000 listings, and the evaluation confusion table."""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import sizes, write_results  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.normalize.listing import clean_text, normalize  # noqa: E402
from pipeline.records import RawListing  # noqa: E402
from pipeline.relevance.classify import classify  # noqa: E402
from pipeline.relevance.evaluate import evaluate  # noqa: E402
from pipeline.relevance.vocabulary import load_vocabulary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SERVICES = [
    "Deep tissue massage",
    "Swedish massage",
    "Trigger point therapy",
    "Hot stone",
    "Myofascial release",
    "Sports massage",
    "Prenatal massage",
    "Neuromuscular therapy (NMT)",
    "Aromatherapy",
    "Cupping",
]
ABOUT = [
    "Relief for sciatica and low back pain.",
    "We do not offer deep tissue work.",
    "Relaxing spa treatments in a calm space.",
    "Read our blog: 5 myths about deep tissue massage.",
    "Clinical massage for herniated discs and piriformis syndrome, by referral or walk-in.",
]


def raw_listings(n: int) -> list[RawListing]:
    rng = random.Random(5)
    return [
        RawListing(
            source="bench",
            source_key=f"k{i}",
            url=f"http://bench.test/{i}",
            fetched_at="2026-01-01T00:00:00",
            raw_sha256="0" * 64,
            fields={
                "name": f"  ANA   RUIZ{i % 97}, LMT ",
                "phone": f"(512) 555-01{i % 100:02d} ext. {i % 9}",
                "street": f"{100 + i % 900} S Congress Ave, Ste. {i % 40}",
                "city": "AUSTIN",
                "state": "Texas",
                "postal_code": "78704-1234",
                "website": "https://Ana.example.com/?utm_source=x",
                "services": rng.sample(SERVICES, 3),
                "description": " ".join(rng.sample(ABOUT, 2)),
            },
        )
        for i in range(n)
    ]


def main() -> list[dict]:
    config = load_config(ROOT / "pipeline.toml")
    vocabulary = load_vocabulary(config.vocabulary_path)
    results = []
    for n in sizes("100000"):
        raws = raw_listings(n)
        counts = Counter()
        started = time.perf_counter()
        for raw in raws:
            classify(normalize(raw, counts), vocabulary, config.relevance, counts)
        ours = time.perf_counter() - started
        started = time.perf_counter()
        for raw in raws:  # the floor: merely cleaning the same text fields
            for value in raw.fields.values():
                if isinstance(value, str):
                    clean_text(value)
        baseline = time.perf_counter() - started
        results.append(
            {
                "name": "normalize_classify",
                "size": n,
                "ours_s": round(ours, 2),
                "baseline": "clean_text of the same fields only",
                "baseline_s": round(baseline, 2),
                "ratio": round(ours / baseline, 1),
                "extra": {"listings_per_s": round(n / ours)},
            }
        )
        print(
            f"normalize + classify {n} listings: {ours:.1f} s ({n / ours:,.0f} listings/s); "
            f"cleaning text alone {baseline:.1f} s"
        )
    for name in ("relevance_eval", "relevance_holdout"):
        path = ROOT / "tests" / "relevance" / "data" / f"{name}.json"
        if path.exists():
            report = evaluate(path, vocabulary, config.relevance)
            print(
                f"\n{name}: {report.total} cases, relevant-vs-not precision {report.precision:.3f}, "
                f"recall {report.recall:.3f}, tier accuracy {report.tier_accuracy:.3f}"
            )
            print(report.confusion_table())
            results.append(
                {
                    "name": name,
                    "size": report.total,
                    "ours_s": 0,
                    "baseline": "labels",
                    "baseline_s": 0,
                    "ratio": 0,
                    "extra": {
                        "precision": round(report.precision, 3),
                        "recall": round(report.recall, 3),
                        "tier_accuracy": round(report.tier_accuracy, 3),
                    },
                }
            )
    write_results("classify", results)
    return results


if __name__ == "__main__":
    main()
