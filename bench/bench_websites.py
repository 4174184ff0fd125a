"""Benchmark: reading practice websites, many hosts at once, each one request at a time.

N loopback sites of 6 pages each (a home page linking five others), every answer taking 20 ms
(a network round trip), per-host delay 0.2 s. The baseline is the ideal a polite crawler cannot
beat: sites x pages x (delay + latency) / parallel hosts. Each site count runs in a fresh process
so its peak memory (max RSS) is its own: flat memory as the site count grows means the crawl
holds only the sites in hand, never the whole start list.
"""

from __future__ import annotations

import json
import multiprocessing
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import sizes, write_results  # noqa: E402

LATENCY = 0.02
DELAY = 0.2
PAGES = 6
PATHS = ["/", "/services.html", "/treatments.html", "/about.html", "/pricing.html", "/faq.html"]
UA = "therapist-directory-bench/1.0 (+https://therapist-directory.example.org/bot)"


class _Sites(BaseHTTPRequestHandler):
    """Every site the same shape, told apart by the Host header; robots.txt is absent (404)."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_GET(self):  # noqa: N802
        time.sleep(LATENCY)
        host = self.headers.get("Host", "")
        if self.path not in PATHS:
            body, status = b"not found", 404
        else:
            links = "".join(f'<li><a href="{p}">{p.strip("/").split(".")[0].title()}</a></li>' for p in PATHS[1:])
            body = (
                f"<!doctype html><html><head><title>{host} | Massage</title></head><body>"
                f"<nav><ul>{links}</ul></nav><main><h1>{self.path}</h1>"
                + "<p>Deep tissue massage and trigger point therapy for sciatica and low back pain.</p>" * 12
                + "</main><footer>© 2026 Fictional Massage · (512) 555-0100</footer></body></html>"
            ).encode()
            status = 200
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _serve(ports: multiprocessing.Queue) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Sites)
    server.daemon_threads = True
    server.request_queue_size = 256
    ports.put(server.server_address[1])
    server.serve_forever()


def crawl(count: int, parallel: int, served: str) -> dict:
    """Read `count` sites through the websites source; run in its own process (see main)."""
    from pipeline.config import Http, Relevance
    from pipeline.config.sources import WebsitesSource
    from pipeline.fetch.archive import Archive
    from pipeline.fetch.fetcher import Fetcher
    from pipeline.normalize.listing import normalize
    from pipeline.relevance.classify import classify
    from pipeline.relevance.vocabulary import load_vocabulary
    from pipeline.sources import websites

    vocabulary = load_vocabulary(Path(__file__).resolve().parent.parent / "vocabulary.toml")
    hosts = [f"site{i:06}.example.com" for i in range(count)]
    source = WebsitesSource(
        name="bench", kind="websites", delay_seconds=DELAY, max_hosts_in_parallel=parallel, max_pages_per_site=PAGES
    )
    with tempfile.TemporaryDirectory(prefix="bench-websites-") as raw:
        fetcher = Fetcher(
            Http(user_agent=UA, jitter=0.0, max_hosts_in_parallel=parallel),
            Archive(Path(raw)),
            run_id="bench",
            routes=dict.fromkeys(hosts, served),
        )
        counts: Counter = Counter()
        started = time.perf_counter()
        sites = (websites.Site(host, (f"https://{host}/",)) for host in hosts)
        for read in websites.crawl_sites(source, fetcher, sites):
            if read.listing is None:
                counts[f"dead/{read.dead}"] += 1
                continue
            counts["pages"] += len(read.listing.fields["pages_read"])
            listing = classify(normalize(read.listing), vocabulary, Relevance(), pages=read.listing.pages)
            counts[f"tier/{listing.relevance_tier}"] += 1
            fetcher.take_responses("bench")  # what the scrape records as it goes
        elapsed = time.perf_counter() - started
        fetcher.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    return {"seconds": elapsed, "cpu_s": cpu, "max_rss_mb": usage.ru_maxrss / 1024, **counts}


def main() -> None:
    ports: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=_serve, args=(ports,), daemon=True)
    server.start()
    served = f"http://127.0.0.1:{ports.get(timeout=30)}"
    rows = []
    try:
        counts = sizes("500,1000,2000")
        for parallel in (32, 64):
            for count in counts:
                if parallel == 64 and count != max(counts):
                    continue  # memory is compared at 32; the 64-host row is the speed one
                out = subprocess.run(
                    [sys.executable, __file__, "--one", str(count), str(parallel), served],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                got = json.loads(out.stdout.strip().splitlines()[-1])
                ideal = count * PAGES * (DELAY + LATENCY) / parallel
                ratio = got["seconds"] / ideal
                print(
                    f"websites {count:>6} sites x {PAGES} pages, {parallel} hosts at once: {got['seconds']:6.1f} s "
                    f"(ideal {ideal:6.1f} s, {ratio:.2f}x), {got['pages'] / got['seconds']:5.0f} pages/s, "
                    f"max RSS {got['max_rss_mb']:.0f} MB"
                )
                rows.append(
                    {
                        "name": f"websites_{parallel}_hosts",
                        "size": count,
                        "ours_s": round(got["seconds"], 3),
                        "baseline": "ideal sites x pages x (delay + latency) / parallel hosts",
                        "baseline_s": round(ideal, 3),
                        "ratio": round(ratio, 3),
                        "extra": {
                            "max_rss_mb": round(got["max_rss_mb"], 1),
                            "pages": got["pages"],
                            "delay_s": DELAY,
                            "latency_s": LATENCY,
                        },  # fmt: skip
                    }
                )
    finally:
        server.terminate()
        server.join(timeout=10)
    write_results("websites", rows)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        print(json.dumps(crawl(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])))
    else:
        main()
