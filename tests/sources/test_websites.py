"""Practice websites read on a loopback web: one server plays many sites by their Host names."""

from __future__ import annotations

import functools
import json
import threading
import time
from collections import Counter, defaultdict
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from pipeline.config.sources import WebsitesSource
from pipeline.fetch.archive import Archive
from pipeline.fetch.fetcher import Fetcher
from pipeline.sources import websites
from pipeline.sources.page_text import MAX_TEXT, read_page, worth
from pipeline.sources.samples import SampleServer, SitesHandler, site_routes

NAV = '<nav><a href="/">Home</a> <a href="/services/">Services</a> <a href="/blog/">Blog</a></nav>'
FOOTER = "<footer>© 2026 · 100 Congress Ave, Austin, TX 78701 · (512) 555-0100</footer>"
COOKIES = '<div class="cookie-banner">We use cookies to improve your experience. Accept</div>'


def page(title: str, body: str, *, head: str = "") -> str:
    return (
        f"<!doctype html><html lang=en><head><title>{title}</title>{head}</head>"
        f"<body>{COOKIES}{NAV}<main>{body}</main>{FOOTER}</body></html>"
    )


def build_web(root: Path, sites: dict[str, dict[str, str]]) -> Path:
    """Write {host: {path: text}} as one folder per host ("/" is index.html, "a/" a/index.html)."""
    for host, files in sites.items():
        for path, text in files.items():
            target = root / host / (path.strip("/") or "index.html")
            if path.endswith("/") and path != "/":
                target = target / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return root


def crawl(config, root: Path, served: str, *, budget: int = 6, parallel: int = 8, **options) -> dict:
    """Read every site of the web; {site: SiteRead}."""
    options = {"delay_seconds": 0.0, **options}
    source = WebsitesSource(
        name="practice_sites", kind="websites", max_pages_per_site=budget, max_hosts_in_parallel=parallel, **options
    )
    fetcher = Fetcher(config.http, Archive(config.raw_dir), run_id="test", routes=site_routes(root, served))
    sites = [websites.Site(folder.name.removeprefix("www."), (f"https://{folder.name}",)) for folder in root.iterdir()]
    try:
        return {read.site.site: read for read in websites.crawl_sites(source, fetcher, sites)}
    finally:
        fetcher.close()


@pytest.fixture
def http_config(config):
    return config


def test_a_page_reads_as_a_visitor_reads_it():
    html = page(
        "Services | Bluebonnet Massage",
        "<h1>Our services</h1><p>Deep tissue massage for tight hips.</p>"
        '<form><input name=q><button>Search</button></form><p><a href="tel:+15125550101">Call</a> or '
        '<a href="mailto:hello@bluebonnet.test?subject=hi">Email</a></p><script>var deep="tissue"</script>',
        head='<meta name="description" content="Massage in Austin"><meta property="og:site_name" content="Bluebonnet">',
    )
    read = read_page(html, "https://bluebonnet.test/services/")
    assert read.text.splitlines() == ["Our services", "Deep tissue massage for tight hips.", "Call or Email"]
    assert (read.title, read.description, read.site_name) == (
        "Services | Bluebonnet Massage",
        "Massage in Austin",
        "Bluebonnet",
    )
    assert read.phones == ["+15125550101"] and read.emails == ["hello@bluebonnet.test"]
    assert ("https://bluebonnet.test/services/", "Services") in read.links  # links are read before nav is dropped


def test_links_are_ranked_services_first_and_files_carts_and_archives_never():
    assert worth("https://a.test/services/", "Services") > worth("https://a.test/about", "About us") > 0
    assert worth("https://a.test/faq", "FAQ") > worth("https://a.test/gift-cards", "Gift cards") == 0
    never = ("/intake-form.pdf", "/cart", "/blog/", "/blog/why-stretch", "/news/2024", "/2024/05/", "/wp-login.php")
    for path in (*never, "/tag/massage", "/privacy"):
        assert worth(f"https://a.test{path}", "") is None, path
    assert worth("mailto:a@a.test", "Email") is None


def test_a_site_gives_its_home_page_then_its_services_pages_within_the_budget(http_config, tmp_path):
    others = "".join(f'<a href="/news-{i}.html">News {i}</a>' for i in range(8))
    root = build_web(
        tmp_path / "web",
        {
            "www.bluebonnet-massage.test": {
                "/": page(
                    "Bluebonnet Massage - Austin, TX",
                    '<p>Welcome! Visit our gift shop for candles.</p><a href="/treatments/">Treatments</a>'
                    '<a href="/cart">Cart</a><a href="/intake.pdf">Intake form</a><a href="/blog/">Blog</a>'
                    f'<a href="https://www.vagaro.test/bluebonnet">Book</a>{others}',
                ),
                "/treatments/": page(
                    "Treatments", '<p>Pick a treatment.</p><a href="/treatments/deep-tissue.html">Deep tissue</a>'
                ),
                "/treatments/deep-tissue.html": page(
                    "Deep tissue", "<p>Deep tissue massage and trigger point therapy for sciatica.</p>"
                ),
                **{f"/news-{i}.html": page("News", "<p>We moved.</p>") for i in range(8)},
            }
        },
    )
    with SampleServer(root, sites=True) as server:
        read = crawl(http_config, root, server.url, budget=5)["bluebonnet-massage.test"]
    listing = read.listing
    assert read.dead is None and listing is not None
    assert listing.source_key == "https://www.bluebonnet-massage.test" and listing.kind == "site"
    assert listing.fields["name"] == "Bluebonnet Massage"
    read_urls = listing.fields["pages_read"]
    # Five requests: the menu's /services/ link is gone (404, counted) and one news page fills the budget.
    assert read.counts["scrape/sites/page_failed/not_found"] == 1 and len(read_urls) == 4
    # Services pages first (the technique two clicks deep), then the home page, then the rest;
    # never the cart, the PDF, the blog or the booking platform.
    assert read_urls[:3] == [
        "https://www.bluebonnet-massage.test/treatments/",
        "https://www.bluebonnet-massage.test/treatments/deep-tissue.html",
        "https://www.bluebonnet-massage.test/",
    ]
    assert not any(word in url for url in read_urls for word in ("cart", ".pdf", "blog", "vagaro"))
    assert listing.pages[1]["text"] == "Deep tissue massage and trigger point therapy for sciatica."


def test_dead_sites_are_told_apart(http_config, tmp_path):
    home = page("Lavender Massage", "<p>Deep tissue massage.</p>")
    root = build_web(
        tmp_path / "web",
        {
            "closed.test": {"/": home, "robots.txt": "User-agent: *\nDisallow: /\n"},
            "moved.test": {"_redirect": "https://www.vagaro.test/us02/moved"},
            "parked.test": {
                "/": "<html><title>parked.test</title><body>This domain is for sale! Buy this domain.</body>"
            },
            "refused.test": {"/": home, "_refuse": ""},
            "gone.test": {"other.html": home},
            "alive.test": {"/": home},
        },
    )
    with SampleServer(root, sites=True) as server:
        reads = crawl(http_config, root, server.url)
    assert {site: read.dead for site, read in reads.items()} == {
        "closed.test": "robots_disallowed",
        "moved.test": "redirect_platform",
        "parked.test": "parked",
        "refused.test": "unreachable",
        "gone.test": "not_found",
        "alive.test": None,
    }
    assert reads["alive.test"].listing is not None


class CountingSites(SitesHandler):
    """The sites handler, slowed a little and watched: requests in flight per host and in all."""

    lock = threading.Lock()
    in_flight: Counter = Counter()
    peaks: Counter = Counter()  # host -> most requests at once; "*" -> most hosts at once
    times: dict = defaultdict(list)  # host -> when each request arrived

    def do_GET(self):  # noqa: N802
        host = self.headers["Host"]
        with self.lock:
            self.times[host].append(time.monotonic())
            self.in_flight[host] += 1
            self.peaks[host] = max(self.peaks[host], self.in_flight[host])
            busy = sum(1 for n in self.in_flight.values() if n)
            self.peaks["*"] = max(self.peaks["*"], busy)
        self._done = False
        try:
            time.sleep(0.03)
            super().do_GET()
        finally:
            self._leave()

    def end_headers(self):
        # Out of flight before the body goes: once the client has the whole response it may send
        # the next request, which must not find this one still counted (a race on a busy machine).
        self._leave()
        super().end_headers()

    def _leave(self):
        with self.lock:
            if not self._done:
                self._done = True
                self.in_flight[self.headers["Host"]] -= 1


def test_many_sites_at_once_one_request_at_a_time_each_crawl_delay_obeyed(http_config, tmp_path):
    pages = {"/": page("Home", '<a href="/services.html">Services</a><a href="/about.html">About</a>')}
    pages |= {"/services.html": page("Services", "<p>Deep tissue.</p>"), "/about.html": page("About", "<p>Hi</p>")}
    web = {f"site{i:02}.test": pages for i in range(16)}
    web["slow.test"] = {**pages, "robots.txt": "User-agent: *\nCrawl-delay: 0.3\n"}
    root = build_web(tmp_path / "web", web)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingSites, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        reads = crawl(http_config, root, f"http://127.0.0.1:{server.server_address[1]}", parallel=6)
    finally:
        server.shutdown()
        server.server_close()
    assert all(read.listing is not None and len(read.listing.fields["pages_read"]) == 3 for read in reads.values())
    assert max(n for host, n in CountingSites.peaks.items() if host != "*") == 1  # one request per host at a time
    assert 2 <= CountingSites.peaks["*"] <= 6  # many hosts at once, never more than asked
    slow = CountingSites.times["slow.test"]  # robots.txt, three pages and the menu's missing /services/
    assert len(slow) == 5 and min(b - a for a, b in zip(slow, slow[1:])) >= 0.29


def test_a_five_megabyte_page_is_read_in_part(http_config, tmp_path):
    root = build_web(
        tmp_path / "web",
        {
            "bigmenu.test": {
                "/": page("Big Menu Spa", '<p>Deep tissue massage.</p><a href="/menu.html">Our massage menu</a>'),
                "_large.json": json.dumps({"path": "/menu.html", "bytes": 5_000_000}),
            }
        },
    )
    with SampleServer(root, sites=True) as server:
        read = crawl(http_config, root, server.url)["bigmenu.test"]
    menu = next(p for p in read.listing.pages if p["url"].endswith("/menu.html"))
    assert len(menu["text"]) <= MAX_TEXT and menu["text"].startswith("Full menu")
