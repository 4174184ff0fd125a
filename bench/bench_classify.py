"""Benchmark: normalize + classify throughput on 100,000 listings, one process against the code
before the address work and against the code before the worker processes (both measured in the
same run), then across worker processes (1, 2 and one per core) against the latter; the address
parser's accuracy on the labelled corpus, and the relevance evaluation's confusion tables."""

from __future__ import annotations

import contextlib
import hashlib
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
# "Today" for issue 19 (worker processes): its one-process rate is what two cores must double.
TODAY_REV = "bd1ea2792540964441efb647176b71013e3fd94a"
REVISIONS = {"baseline": BASELINE_REV, "today": TODAY_REV}
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


CHUNK = 10_000  # listings per timed round; the sides take turns round by round


def serve(n: int) -> None:
    """Prepare n listings, then turn the chunk named on each stdin line into staged rows (normalize,
    classify, the row the scrape stages), printing its wall and CPU seconds: the coordinator
    alternates such processes (ours and the earlier revisions)."""
    config = load_config(ROOT / "pipeline.toml")
    vocabulary = load_vocabulary(config.vocabulary_path)
    raws = raw_listings(n)
    counts: Counter = Counter()
    for raw in raws[:200]:  # warm up: reference data and regular expressions load once per process
        classify(normalize(raw, counts), vocabulary, config.relevance, counts).row()
    print("ready", flush=True)
    for line in sys.stdin:
        start = int(line)
        began, cpu = time.perf_counter(), time.process_time()
        for raw in raws[start : start + CHUNK]:
            classify(normalize(raw, counts), vocabulary, config.relevance, counts).row()
        print(time.perf_counter() - began, time.process_time() - cpu, flush=True)


def interleaved(n: int) -> tuple[dict[str, float], dict[str, float]]:
    """Wall and CPU seconds for ours and for each of REVISIONS on the same n listings in one process
    each, timed in alternating rounds of CHUNK listings, so the machine's ups and downs fall on
    every side alike (measured: two runs of the same code a minute apart differed by 25% on this
    shared machine; CPU seconds vary less). A revision without git history to take it from is
    left out."""
    with contextlib.ExitStack() as stack:
        folders = {side: stack.enter_context(checkout(rev, CHECKOUT)) for side, rev in REVISIONS.items()}
        sides = {"ours": {}} | {side: {CODE_ROOT_ENV: str(folder)} for side, folder in folders.items() if folder}
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
        walls, cpus = dict.fromkeys(procs, 0.0), dict.fromkeys(procs, 0.0)
        try:
            for proc in procs.values():
                assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
            for round_number, start in enumerate(range(0, n, CHUNK)):
                order = list(procs)[round_number % len(procs) :] + list(procs)[: round_number % len(procs)]
                for side in order:
                    proc = procs[side]
                    assert proc.stdin is not None and proc.stdout is not None
                    proc.stdin.write(f"{start}\n")
                    proc.stdin.flush()
                    wall, cpu = proc.stdout.readline().split()
                    walls[side] += float(wall)
                    cpus[side] += float(cpu)
        finally:
            for proc in procs.values():
                if proc.stdin:
                    proc.stdin.close()
                proc.wait()
    return walls, cpus


def pooled(n: int, processes: int) -> dict:
    """n listings judged by `processes` worker processes: wall seconds with the pool's start-up, the
    start-up alone (a fresh pool judging one listing a worker), the CPU seconds of this process and
    of each worker (what the run would take on idle cores, whatever else the machine is doing),
    the counts, and a fingerprint of the rows (every number of workers must give the same)."""
    from pipeline.run.parallel import RowMaker  # absent from the earlier revisions the serve mode runs

    config = load_config(ROOT / "pipeline.toml")
    vocabulary = load_vocabulary(config.vocabulary_path)
    raws = raw_listings(n)
    settings = (vocabulary, config.relevance, config.scope.country)
    with RowMaker(*settings, processes=processes, chunk=1) as maker:
        began = time.perf_counter()
        maker.pooled(raws[:processes], Counter())
        startup = time.perf_counter() - began
    counts: Counter = Counter()
    with RowMaker(*settings, processes=processes) as maker:
        began, cpu = time.perf_counter(), time.process_time()
        rows = maker.pooled(raws, counts)
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
        # The pool names its workers only in a private attribute; a benchmark may look.
        workers = [_cpu_seconds(pid) for pid in maker._pool._processes] if maker._pool else []
    return {
        "wall_s": seconds,
        "startup_s": startup,
        "main_cpu_s": cpu,
        "worker_cpu_s": [w for w in workers if w is not None],
        "counts": counts,
        "fingerprint": hashlib.sha256("".join(row["content_hash"] for row in rows).encode()).hexdigest(),
    }


def _cpu_seconds(pid: int) -> float | None:
    """CPU seconds a live process has used (user + system), from /proc; None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _against_today(name: str, n: int, ours: float, today: float | None, extra: dict) -> dict:
    """A row of issue 19: ours against the one-process rate at TODAY_REV (ratio < 1 is faster)."""
    return {
        "name": name,
        "size": n,
        "ours_s": round(ours, 2),
        "baseline": f"one process at {TODAY_REV[:7]}, before the worker processes",
        "baseline_s": round(today, 2) if today else None,
        "ratio": round(ours / today, 2) if today else None,
        "extra": {
            "listings_per_s": round(n / ours),
            "baseline_listings_per_s": round(n / today) if today else None,
            "speedup": round(today / ours, 2) if today else None,
            **extra,
        },
    }


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
    from pipeline.run import parallel  # absent from the earlier revisions the serve mode runs

    config = load_config(ROOT / "pipeline.toml")
    vocabulary = load_vocabulary(config.vocabulary_path)
    results = []
    for n in sizes("100000"):
        walls, cpus = interleaved(n)
        ours, before, today = walls["ours"], walls.get("baseline"), walls.get("today")
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
                    "cpu_s": round(cpus["ours"], 2),
                    "baseline_cpu_s": round(cpus["baseline"], 2) if before else None,
                },
            }
        )
        print(
            f"normalize + classify {n} listings, one process: {ours:.1f} s ({n / ours:,.0f} listings/s); "
            + (
                f"at {BASELINE_REV[:7]} {before:.1f} s ({n / before:,.0f}/s), ratio {ours / before:.2f}; "
                if before
                else ""
            )
            + f"cleaning text alone {floor:.1f} s"
        )
        today_cpu = cpus.get("today")
        extra = {"processes": 0, "cpu_s": round(cpus["ours"], 2), "baseline_cpu_s": today_cpu and round(today_cpu, 2)}
        if today_cpu:
            extra["cpu_speedup"] = round(today_cpu / cpus["ours"], 2)
        results.append(_against_today("normalize_classify_serial", n, ours, today, extra))
        if today and today_cpu:
            print(
                f"  one process at {TODAY_REV[:7]}, before the worker processes: {today:.1f} s "
                f"({n / today:,.0f}/s); one process now {today / ours:.2f}x as fast "
                f"(CPU seconds {cpus['ours']:.1f} against {today_cpu:.1f}: {today_cpu / cpus['ours']:.2f}x)"
            )
        outputs = set()
        for processes in sorted({1, 2, parallel.usable_cores()}):
            run = pooled(n, processes)
            wall, workers = run["wall_s"], run["worker_cpu_s"]
            outputs.add((run["fingerprint"], tuple(sorted(run["counts"].items()))))
            extra = {
                "processes": processes,
                "chunk": parallel.CHUNK,
                "startup_s": round(run["startup_s"], 2),
                "main_cpu_s": round(run["main_cpu_s"], 2),
                "worker_cpu_s": [round(w, 2) for w in workers],
                "speedup_vs_one_process_now": round(ours / wall, 2),
            }
            if today_cpu and workers:
                # On idle cores the run takes about as long as its busiest worker's CPU seconds
                # (pool start-up aside): the speed-up a shared machine's wall clock cannot show.
                extra["cpu_bound_speedup"] = round(today_cpu / max(workers), 2)
            results.append(_against_today(f"normalize_classify_processes_{processes}", n, wall, today, extra))
            print(
                f"  {processes} worker process{'es' if processes > 1 else ''}: {wall:.1f} s ({n / wall:,.0f}/s, "
                f"pool start-up {run['startup_s']:.2f} s); {ours / wall:.2f}x one process now"
                + (f", {today / wall:.2f}x {TODAY_REV[:7]}" if today else "")
                + f"; CPU seconds: this process {run['main_cpu_s']:.1f}, workers "
                + " + ".join(f"{w:.1f}" for w in workers)
                + (
                    f" ({today_cpu / max(workers):.2f}x {TODAY_REV[:7]}'s on idle cores)"
                    if today_cpu and workers
                    else ""
                )
            )
        assert len(outputs) == 1, "every number of worker processes must give the same rows and counts"
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
