"""Benchmark: the static website for 10^5 therapists: full build, page weight, shards, incremental rebuild.

A synthetic export of N therapists spread over real ZIP centroids (weighted towards cities, as
practices are) is built into a site; then 100 therapists change and the site is rebuilt. The
baseline of the full build is writing the same export's per-therapist JSON files again (the
export's own cost per record); the incremental rebuild is compared with the full build. Page
weight is measured from the built files, gzip-compressed as a static host serves them: what the
search page loads before the first search, and the shards a 25-mile search reads in the densest
cell.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import sizes, write_results  # noqa: E402
from pipeline.config import Site  # noqa: E402
from pipeline.gazetteer import zip_rows  # noqa: E402
from pipeline.publish.site import build_site, cell_key, lon_step  # noqa: E402
from pipeline.relevance.vocabulary import load_vocabulary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FIRST_LOAD = [
    "index.html",
    "assets/site.css",
    "assets/vendor/leaflet/leaflet.css",
    "assets/vendor/leaflet/leaflet.js",
    "assets/vendor/topojson-client/topojson-client.min.js",
    "assets/basemap.js",
    "assets/search.js",
    "data/meta.json",
    "assets/vendor/us-atlas/states-10m.json",
]
TECHNIQUES = ["deep_tissue", "neuromuscular", "trigger_point", "myofascial_release", "sports", "medical_massage"]


def synthetic_export(folder: Path, count: int, rng: random.Random) -> list[dict]:
    zips = [z for z in zip_rows() if z.get("standard", True) and -125 < z["lon"] < -66 and 24 < z["lat"] < 50]
    weights = [1 + (hash(z["city"]) % 7) ** 2 for z in zips]  # some places much denser than others
    chosen = rng.choices(zips, weights=weights, k=count)
    records = []
    for n, z in enumerate(chosen):
        techniques = sorted(rng.sample(TECHNIQUES, rng.randint(1, 3)))
        records.append(
            {
                "therapist_id": f"t{n:015x}",
                "slug": f"therapist-{n}-{z['city'].lower().replace(' ', '-')}",
                "name": f"Fictional Therapist {n}",
                "kind": "person",
                "credentials": ["LMT"],
                "business_name": f"Fictional Bodywork {n}",
                "npi": None,
                "licenses": [{"number": f"MT{n}", "state": z["state"], "status": "active"}],
                "phone": "+15125550100",
                "phone_display": "(512) 555-0100",
                "website": f"https://therapist-{n}.example.com",
                "email": None,
                "street": f"{100 + n % 900} Main St",
                "city": z["city"],
                "state": z["state"],
                "postal_code": z["postal_code"],
                "lat": round(z["lat"] + rng.uniform(-0.02, 0.02), 4),
                "lon": round(z["lon"] + rng.uniform(-0.02, 0.02), 4),
                "geocode_precision": "postal_code",
                "address_derived": False,
                "description": "Deep tissue and trigger point massage for sciatica and low back pain.",
                "opening_hours": "Mo-Fr 09:00-18:00",
                "price_range": "$$",
                "payment_accepted": ["Cash", "Credit Card"],
                "languages": ["English"],
                "techniques": techniques,
                "conditions": ["sciatica"],
                "relevance_score": rng.choice([20, 40, 75, 100]),
                "relevance_tier": rng.choice(["low", "medium", "high"]),
                "evidence": [
                    {
                        "technique": t,
                        "snippet": f"{t.replace('_', ' ').title()} for sciatica: slow, firm pressure.",
                        "field": "page",
                        "source_url": f"https://therapist-{n}.example.com/services/",
                    }
                    for t in techniques
                ],  # fmt: skip
                "sources": ["roster", "practice_sites"],
                "attribution": None,
                "first_seen": "2026-01-01T00:00:00Z",
                "updated_at": "2026-01-01T00:00:00Z",
            }
        )
    write_export(folder, records)
    return records


def write_export(folder: Path, records: list[dict]) -> float:
    """The export's files the site reads; returns the time to write one JSON file per therapist
    (the baseline: what the export itself spends per record)."""
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    per = folder / "therapists"
    per.mkdir(exist_ok=True)
    therapists = {}
    for r in records:
        text = json.dumps(r, sort_keys=True)
        (per / f"{r['slug']}.json").write_text(text)
        therapists[r["therapist_id"]] = {"slug": r["slug"], "sha256": hashlib.sha256(text.encode()).hexdigest()}
    elapsed = time.perf_counter() - started
    manifest = {"generated_at": "2026-01-01T00:00:00Z", "min_tier": "low", "therapists": therapists,
                "sources": [], "attribution": []}  # fmt: skip
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (folder / "therapists.json").write_text(json.dumps(records))
    (folder / "redirects.json").write_text(json.dumps({"slugs": {}, "therapist_ids": {}}))
    return elapsed


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def densest_search(site: Path, records: list[dict]) -> tuple[int, int, float, float]:
    """Cells and compressed bytes a 25-mile search reads around the centre of the densest cell."""
    counts: dict[str, list] = {}
    for r in records:
        counts.setdefault(cell_key(r["lat"], r["lon"]), []).append(r)
    members = max(counts.values(), key=len)
    lat = sum(r["lat"] for r in members) / len(members)
    lon = sum(r["lon"] for r in members) / len(members)
    dlat = 25 / 68.7
    dlon = 25 / (69.17 * math.cos(math.radians(min(abs(lat) + dlat, 89))))
    keys = {
        f"{band}_{index}"
        for band in range(math.floor(lat - dlat), math.floor(lat + dlat) + 1)
        for index in range(math.floor((lon - dlon) / lon_step(band)), math.floor((lon + dlon) / lon_step(band)) + 1)
    }
    present = [site / "data" / "cells" / f"{key}.json" for key in keys]
    present = [p for p in present if p.exists()]
    return len(present), sum(gz(p) for p in present), lat, lon


def render_ms(site: Path, lat: float, lon: float) -> float | None:
    """Milliseconds from the shards' arrival to the results on screen, in headless Chromium
    (the search page's own `search-render` measure); None without Debian's chromium."""
    if not Path(CHROMIUM).exists():
        print("  (no /usr/bin/chromium: the render time is not measured)")
        return None
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900}, bypass_csp=True)  # to read the timing
            times = []
            for _ in range(3):
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/?place={lat:.4f},{lon:.4f}&radius=25")
                page.wait_for_function("performance.getEntriesByName('search-render').length > 0", timeout=30000)
                times.append(page.evaluate("performance.getEntriesByName('search-render')[0].duration"))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return sorted(times)[1]


def main() -> None:
    vocabulary = load_vocabulary(ROOT / "vocabulary.toml")
    rows = []
    for count in sizes("100000"):
        rng = random.Random(count)
        with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
            export, site = Path(folder) / "export", Path(folder) / "site"
            records = synthetic_export(export, count, rng)
            baseline = write_export(Path(folder) / "export-again", records)
            shutil.rmtree(Path(folder) / "export-again")
            started = time.perf_counter()
            full = build_site(export, site, Site(), vocabulary)
            full_s = time.perf_counter() - started
            first_load = sum(gz(site / path) for path in FIRST_LOAD)
            cells, cell_bytes, lat, lon = densest_search(site, records)
            rendered_ms = render_ms(site, lat, lon)
            for r in rng.sample(records, 100):
                r["relevance_score"], r["relevance_tier"] = 100, "high"
                r["evidence"][0]["snippet"] += " Now with neuromuscular therapy."
            write_export(export, records)
            started = time.perf_counter()
            again = build_site(export, site, Site(), vocabulary)
            incremental_s = time.perf_counter() - started
        print(
            f"site {count:>7} therapists: full build {full_s:6.1f} s "
            f"({full.files:,} files, {full.bytes / 1e6:,.0f} MB; "
            f"writing the export's per-therapist files {baseline:.1f} s, {full_s / baseline:.1f}x); "
            f"100 changed: {incremental_s:.1f} s, {again.written} files written, {again.rendered} rendered"
        )
        print(
            f"  first load before a search: {first_load / 1024:,.0f} KB gzip (budget 250 KB); "
            f"a 25-mile search in the densest cell: {cells} shards, {cell_bytes / 1024:,.0f} KB gzip "
            "(budget 4 shards), "
            f"results on screen {rendered_ms if rendered_ms is None else round(rendered_ms)} ms after they arrive "
            "(budget 300 ms)"
        )
        rows.append(
            {
                "name": "site_full_build",
                "size": count,
                "ours_s": round(full_s, 3),
                "baseline": "writing the export's per-therapist JSON files",
                "baseline_s": round(baseline, 3),
                "ratio": round(full_s / baseline, 3),
                "extra": {
                    "files": full.files,
                    "bytes": full.bytes,
                    "first_load_gzip_bytes": first_load,
                    "densest_25mi_shards": cells,
                    "densest_25mi_gzip_bytes": cell_bytes,
                    "render_ms": rendered_ms,
                },
            }  # fmt: skip
        )
        rows.append(
            {
                "name": "site_incremental_100",
                "size": count,
                "ours_s": round(incremental_s, 3),
                "baseline": "the full build",
                "baseline_s": round(full_s, 3),
                "ratio": round(incremental_s / full_s, 3),
                "extra": {"written": again.written, "rendered": again.rendered},
            }  # fmt: skip
        )
    write_results("site", rows)


if __name__ == "__main__":
    main()
