"""Benchmark: normalize + classify throughput on 100,000 listings (against the code before the
address work, measured in the same run), the address parser's accuracy on the labelled corpus,
and the relevance evaluation's confusion tables."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))
from bench.common import CODE_ROOT_ENV, checkout, code_root, sizes, write_results  # noqa: E402

sys.path.insert(0, str(code_root(CHECKOUT)))  # an earlier revision's `pipeline` when measuring a baseline
from pipeline.config import load_config  # noqa: E402
from pipeline.normalize.listing import clean_text, normalize  # noqa: E402
from pipeline.records import RawListing  # noqa: E402
from pipeline.relevance.classify import classify  # noqa: E402
from pipeline.relevance.evaluate import evaluate  # noqa: E402
from pipeline.relevance.vocabulary import load_vocabulary  # noqa: E402

ROOT = code_root(CHECKOUT)
# "Today" for issue 15 (one-line addresses, ZIP/state truth): its normalize + classify rate must hold.
BASELINE_REV = "7080fea3e43c0ae0fc5adb20a53621fa57549e0c"
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


CHUNK = 10_000  # listings per timed round; the two sides alternate round by round


def serve(n: int) -> None:
    """Prepare n listings, then normalize and classify the chunk named on each stdin line, printing
    its seconds: the coordinator alternates two such processes (ours, the baseline)."""
    config = load_config(ROOT / "pipeline.toml")
    vocabulary = load_vocabulary(config.vocabulary_path)
    raws = raw_listings(n)
    counts: Counter = Counter()
    for raw in raws[:200]:  # warm up: reference data and regular expressions load once per process
        classify(normalize(raw, counts), vocabulary, config.relevance, counts)
    print("ready", flush=True)
    for line in sys.stdin:
        start = int(line)
        began = time.perf_counter()
        for raw in raws[start : start + CHUNK]:
            classify(normalize(raw, counts), vocabulary, config.relevance, counts)
        print(time.perf_counter() - began, flush=True)


def interleaved(n: int) -> tuple[float, float | None]:
    """Seconds for ours and for BASELINE_REV on the same n listings, timed in alternating rounds of
    CHUNK listings each, so the machine's ups and downs fall on both sides alike (measured: two
    runs of the same code a minute apart differed by 25% on this shared machine)."""
    with checkout(BASELINE_REV, CHECKOUT) as folder:
        sides = {"ours": {}} | ({"baseline": {CODE_ROOT_ENV: str(folder)}} if folder else {})
        procs = {
            side: subprocess.Popen(
                [sys.executable, __file__, "--serve", str(n)],
                env={**os.environ, **extra},
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for side, extra in sides.items()
        }
        totals = dict.fromkeys(procs, 0.0)
        try:
            for proc in procs.values():
                assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
            for round_number, start in enumerate(range(0, n, CHUNK)):
                order = list(procs) if round_number % 2 == 0 else list(procs)[::-1]
                for side in order:
                    proc = procs[side]
                    assert proc.stdin is not None and proc.stdout is not None
                    proc.stdin.write(f"{start}\n")
                    proc.stdin.flush()
                    totals[side] += float(proc.stdout.readline())
        finally:
            for proc in procs.values():
                if proc.stdin:
                    proc.stdin.close()
                proc.wait()
    return totals["ours"], totals.get("baseline")


def address_accuracy() -> dict:
    """Per-field accuracy of the address parser on tests/normalize/data/addresses.json."""
    from tests.normalize.test_address_corpus import load, score

    started = time.perf_counter()
    rows = load()
    accuracy, misses = score(rows)
    seconds = time.perf_counter() - started
    print(f"\naddress corpus: {len(rows)} one-line addresses, {len(rows) / seconds:,.0f}/s; per-field accuracy:")
    print("  " + ", ".join(f"{field} {value:.3f}" for field, value in accuracy.items()))
    for miss in misses[:10]:
        print(f"  miss: {miss}")
    return {
        "name": "address_corpus",
        "size": len(rows),
        "ours_s": round(seconds, 3),
        "baseline": "labels written apart from the parser",
        "baseline_s": 0,
        "ratio": 0,
        "extra": {"accuracy": {field: round(value, 4) for field, value in accuracy.items()}, "misses": len(misses)},
    }


def main() -> list[dict]:
    config = load_config(ROOT / "pipeline.toml")
    vocabulary = load_vocabulary(config.vocabulary_path)
    results = []
    for n in sizes("100000"):
        ours, before = interleaved(n)
        raws = raw_listings(n)
        started = time.perf_counter()
        for raw in raws:  # the floor: merely cleaning the same text fields
            for value in raw.fields.values():
                if isinstance(value, str):
                    clean_text(value)
        floor = time.perf_counter() - started
        results.append(
            {
                "name": "normalize_classify",
                "size": n,
                "ours_s": round(ours, 2),
                "baseline": f"the same at {BASELINE_REV[:7]}, before the address work",
                "baseline_s": round(before, 2) if before else None,
                "ratio": round(ours / before, 2) if before else None,
                "extra": {
                    "listings_per_s": round(n / ours),
                    "baseline_listings_per_s": round(n / before) if before else None,
                    "clean_text_only_s": round(floor, 2),
                },
            }
        )
        print(
            f"normalize + classify {n} listings: {ours:.1f} s ({n / ours:,.0f} listings/s); "
            + (
                f"at {BASELINE_REV[:7]} {before:.1f} s ({n / before:,.0f}/s), ratio {ours / before:.2f}; "
                if before
                else ""
            )
            + f"cleaning text alone {floor:.1f} s"
        )
    results.append(address_accuracy())
    for name in ("relevance_eval", "relevance_holdout", *(f"relevance_holdout_{n}" for n in range(2, 6))):
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


if __name__ == "__main__" and sys.argv[1:2] == ["--serve"]:
    serve(int(sys.argv[2]))
elif __name__ == "__main__":
    main()
