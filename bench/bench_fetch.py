"""Benchmark: our fetcher on 2,000 small pages from 1 and 4 local hosts vs a plain requests loop, and
beside them, when installed (`pip install '.[bench]'`), Scrapy with one request in flight per host."""

from __future__ import annotations

import json
import multiprocessing
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import requests  # noqa: E402

from bench import peers  # noqa: E402
from bench.common import sizes, write_results  # noqa: E402
from pipeline.config import Http  # noqa: E402
from pipeline.fetch.archive import Archive  # noqa: E402
from pipeline.fetch.fetcher import Fetcher  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "data"
UA = "therapist-directory-bench/1.0 (+https://therapist-directory.example.org/bot)"


class _Handler(BaseHTTPRequestHandler):
    latency = 0.0  # seconds each answer takes, standing in for a network round trip
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    disable_nagle_algorithm = True  # or each response waits ~40 ms for a delayed ACK

    def do_GET(self):  # noqa: N802
        if self.latency:
            time.sleep(self.latency)
        body = (
            f"<html><body><h1>{self.path}</h1>" + "<p>fictional therapist profile</p>" * 20 + "</body></html>"
        ).encode()
        self.send_response(200 if self.path != "/robots.txt" else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _serve(ports: multiprocessing.Queue, latency: float) -> None:
    _Handler.latency = latency
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    ports.put(httpd.server_address[1])
    httpd.serve_forever()


class _Server:
    """A local host in its own process, so the client under test does not share its GIL."""

    def __init__(self, latency: float = 0.0):
        ports = multiprocessing.Queue()
        self.process = multiprocessing.Process(target=_serve, args=(ports, latency), daemon=True)
        self.process.start()
        self.url = f"http://127.0.0.1:{ports.get(timeout=30)}"

    def close(self):
        self.process.terminate()
        self.process.join(timeout=10)


def plain_loop(urls: list[str]) -> float:
    started = time.perf_counter()
    with requests.Session() as session:
        session.headers["User-Agent"] = UA
        for url in urls:
            _ = session.get(url, timeout=(5, 20)).content  # read the whole body, as the fetcher does
    return time.perf_counter() - started


def ours(urls: list[str], raw: Path) -> float:
    http = Http(user_agent=UA, delay_seconds=0.0, jitter=0.0)
    fetcher = Fetcher(http, Archive(raw), run_id="bench")
    started = time.perf_counter()
    for _, outcome in fetcher.get_many(urls, source="bench"):
        assert not isinstance(outcome, Exception), outcome
    elapsed = time.perf_counter() - started
    fetcher.close()
    return elapsed


def scrapy_crawl(urls: list[str], folder: Path) -> dict | None:
    """Scrapy's figures on the same pages, in a process of its own (Twisted's reactor is one per process)."""
    listing = folder / "urls.json"
    listing.write_text(json.dumps(urls))
    figures = peers.run("peer_scrapy.py", str(listing), UA, what="scrapy")
    if figures and (figures["pages"] != len(urls) or figures["failed"]):
        print(f"(scrapy fetched {figures['pages']} of {len(urls)} pages, {figures['failed']} failed; skipped)")
        return None
    return figures


def main() -> list[dict]:
    results = []
    scrapy_version = peers.installed("scrapy")
    # Zero latency measures our CPU overhead (client and servers share 2 cores); 5 ms per answer
    # stands in for a real network, where per-host parallelism pays.
    for n in sizes("2000"):
        for host_count, latency in ((1, 0.0), (4, 0.0), (4, 0.005)):
            servers = [_Server(latency) for _ in range(host_count)]
            urls = [f"{servers[i % host_count].url}/therapists/{i}.html" for i in range(n)]
            try:
                # The archive goes where the real one lives (data/), not /tmp, whose file creation
                # was measured 7x slower on our machines.
                with tempfile.TemporaryDirectory(dir=DATA) as tmp:
                    baseline_s = plain_loop(urls)
                    ours_s = ours(urls, Path(tmp) / "raw")
                    scrapy = scrapy_crawl(urls, Path(tmp)) if scrapy_version else None
            finally:
                for server in servers:
                    server.close()
            name = f"fetch_{host_count}_hosts" + (f"_{latency * 1000:.0f}ms" if latency else "")
            results.append(
                {
                    "name": name,
                    "size": n,
                    "ours_s": round(ours_s, 3),
                    "baseline": "plain requests.Session().get loop",
                    "baseline_s": round(baseline_s, 3),
                    "ratio": round(ours_s / baseline_s, 2),
                    "extra": {
                        "pages_per_s": round(n / ours_s),
                        "baseline_pages_per_s": round(n / baseline_s),
                        "hosts": host_count,
                        "latency_s": latency,
                    },
                }
            )
            print(
                f"fetch {n} pages from {host_count} host(s), {latency * 1000:.0f} ms latency: "
                f"ours {n / ours_s:.0f} pages/s, "
                f"plain loop {n / baseline_s:.0f} pages/s, ratio {ours_s / baseline_s:.2f}x"
                + (
                    f"; scrapy {n / scrapy['seconds']:.0f} pages/s, ratio {ours_s / scrapy['seconds']:.2f}x"
                    if scrapy
                    else ""
                )
            )
            if scrapy:
                results.append(
                    {
                        "name": f"{name}_vs_scrapy",
                        "size": n,
                        "ours_s": round(ours_s, 3),
                        "baseline": f"scrapy {scrapy['scrapy']} ({scrapy['reactor']}), one request in flight per host",
                        "baseline_s": round(scrapy["seconds"], 3),
                        "ratio": round(ours_s / scrapy["seconds"], 2),
                        "extra": {
                            "pages_per_s": round(n / ours_s),
                            "baseline_pages_per_s": round(n / scrapy["seconds"]),
                            "plain_loop_pages_per_s": round(n / baseline_s),
                            "hosts": host_count,
                            "latency_s": latency,
                        },
                    }
                )
    write_results("fetch", results)
    return results


if __name__ == "__main__":
    main()
