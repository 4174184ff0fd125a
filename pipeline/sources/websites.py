"""Practice websites: each site the other sources name, read within a page budget for what it treats.

The open sources (NPPES, OpenStreetMap, licensing rosters) say who practises and where; the
practice's own site says what it treats. The start list is every website the other sources'
active listings name (one per site: its host without "www."), less the hosts that are not a
practice's own (booking platforms, social networks, directories). Per site: the home page, then
the same-site links most likely to describe services (services, treatments, massage, about,
pricing, FAQ), never forms, carts, blogs, archives or files, up to `max_pages_per_site` pages.
Many sites are crawled at once (`max_hosts_in_parallel`), each one request at a time through the
shared Fetcher (robots.txt, Crawl-delay, pacing, conditional GET, archive, offline replay).

A site read gives one RawListing (kind "site", key = its canonical origin) whose pages are judged
page by page; a site that cannot be read (dead, parked, disallowed, redirected to a platform) gives
a dead reason instead, and its listing keeps its last good evidence until survivorship.stale_after.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pipeline.config.sources import WebsitesSource
from pipeline.errors import FetchError, RobotsDisallowed, RobotsUnavailable
from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.hosts import origin
from pipeline.fetch.pages import Page
from pipeline.records import RawListing
from pipeline.sources import fetch_options, structured
from pipeline.sources.page_text import ReadPage, is_parked, read_page, same_site, worth

# Why a site gave nothing this time, from how its home page failed.
_DEAD = {
    "connection": "unreachable",
    "timeout": "unreachable",
    "request": "unreachable",
    "offsite_redirect": "redirect_platform",
    "redirects": "redirect_loop",
    "http_404": "not_found",
    "http_410": "not_found",
    "too_large": "too_large",
    "not_archived": "not_archived",
}
# A site's name from its home page's title: "Bluebonnet Massage - Austin, TX".
_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ")


@dataclass(frozen=True)
class Site:
    """One practice's site and the URLs the listings give for it."""

    site: str  # host without "www."
    urls: tuple[str, ...]

    @property
    def home(self) -> str:
        """Where to begin: the https origin of the URLs given, else the first one's."""
        ranked = sorted(self.urls, key=lambda url: (urlsplit(url).scheme != "https", url))
        return origin(ranked[0]) + "/"


@dataclass
class SiteRead:
    """What reading one site gave: a listing, or why there was none."""

    site: Site
    listing: RawListing | None = None
    dead: str | None = None  # unreachable, robots_disallowed, redirect_platform, parked, not_found, ...
    message: str = ""
    counts: Counter = field(default_factory=Counter)


def skipped(host: str, hosts: Iterable[str]) -> bool:
    """A host on the skip list, or a subdomain of one (www.facebook.com, sites.google.com)."""
    host = host.lower().removeprefix("www.")
    return any(host == other or host.endswith("." + other) for other in hosts)


def start_list(
    rows: Iterable[tuple[str, list[str]]],
    skip_hosts: Iterable[str],
    counts: Counter,
    only_hosts: set[str] | None = None,
) -> list[Site]:
    """The sites to read from (site, urls) rows (sql/sources/site_starts.sql), in site order.

    `only_hosts` (the bundled sample sites) limits the crawl to hosts served on loopback; the rest
    are counted as not sampled, so the demo never leaves the machine.
    """
    skip = [host.lower().removeprefix("www.") for host in skip_hosts]
    sites = []
    for site, urls in rows:
        if skipped(site, skip):
            counts["scrape/sites/skipped_host"] += 1
        elif only_hosts is not None and site not in only_hosts:
            counts["scrape/sites/not_sampled"] += 1
        else:
            sites.append(Site(site, tuple(urls)))
    return sites


def crawl_sites(source: WebsitesSource, fetcher: Fetcher, sites: Iterable[Site]) -> Iterator[SiteRead]:
    """Read many sites at once, each one request at a time; yield each as it finishes.

    At most twice `max_hosts_in_parallel` sites are in hand at any moment, so memory stays flat
    however long the start list is.
    """
    workers = source.max_hosts_in_parallel
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="site") as pool:
        running: set[Future] = set()
        for site in sites:
            if len(running) >= 2 * workers:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
            running.add(pool.submit(read_site, source, fetcher, site))
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)


def read_site(source: WebsitesSource, fetcher: Fetcher, site: Site) -> SiteRead:
    """The home page, then the best same-site links, within the page budget."""
    netloc = urlsplit(site.home).netloc
    twin = netloc[4:] if netloc.startswith("www.") else "www." + netloc
    try:
        return _read(source, fetcher, site, fetch_options(source, netloc, twin))
    finally:
        fetcher.forget(*(f"{scheme}://{host}" for scheme in ("http", "https") for host in (netloc, twin)))


def _read(source: WebsitesSource, fetcher: Fetcher, site: Site, options: dict) -> SiteRead:
    result = SiteRead(site)
    home_url = site.home
    try:
        home = fetcher.get(home_url, **options)
    except FetchError as err:
        result.dead = _dead_reason(err)
        result.message = str(err)
        return result
    home_read = read_page(home.text, home.final_url)
    if is_parked(home_read):
        result.dead = "parked"
        return result
    pages: list[tuple[int, Page, ReadPage]] = [(0, home, home_read)]  # (worth of the link, page, what it says)
    seen = {_visit_key(home_url), _visit_key(home.final_url)}
    queue: list[tuple[int, int, str]] = []  # (-worth, order found, url): best first, then page order
    order = 0

    def offer(links: Iterable[tuple[str, str]]) -> None:
        nonlocal order
        for url, text in links:
            key = _visit_key(url)
            if key in seen or not same_site(url, site.site):
                continue
            points = worth(url, text)
            if points is None:
                continue
            seen.add(key)
            order += 1
            heapq.heappush(queue, (-points, order, url))

    offer((url, "") for url in site.urls if urlsplit(url).path not in ("", "/"))
    offer(home_read.links)
    budget = source.max_pages_per_site - 1
    while queue and budget > 0:
        points, _, url = heapq.heappop(queue)
        budget -= 1
        try:
            page = fetcher.get(url, **options)
        except FetchError as err:
            result.counts[f"scrape/sites/page_failed/{_dead_reason(err)}"] += 1
            continue
        if "html" not in page.content_type.lower() and page.content_type:
            continue
        read = read_page(page.text, page.final_url)
        pages.append((-points, page, read))
        offer(read.links)
    result.listing = site_listing(source.name, site, pages)
    result.counts["scrape/sites/pages"] += len(pages)
    return result


def site_listing(source: str, site: Site, pages: list[tuple[int, Page, ReadPage]]) -> RawListing:
    """One listing for a site from its pages read, (worth of the link, page, what it says), home first:
    the home page's schema.org data first, then what the pages show."""
    _, home, home_read = pages[0]
    found = structured.extract_html(home.text) if home_read.has_structured else structured.Structured()
    fields: dict[str, str | list[str]] = dict(found.fields)
    fields.pop("website", None)  # the site is its own website: the canonical origin below
    fields.setdefault("name", home_read.site_name or _name_from_title(home_read.title) or site.site)
    if home_read.description:
        fields.setdefault("description", home_read.description)
    phones = [phone for _, _, read in pages for phone in read.phones]
    emails = [email for _, _, read in pages for email in read.emails]
    if phones:
        fields.setdefault("phone", phones[0])
    if emails:
        fields.setdefault("email", emails[0])
    key = origin(home.canonical_url)
    fields["website"] = key
    # Services pages first, so evidence quotes them; the rest in the order they were read.
    ordered = sorted(enumerate(pages), key=lambda item: (-item[1][0] if item[0] else 0, item[0]))
    fields["pages_read"] = [page.canonical_url for _, (_, page, _) in ordered]
    return RawListing(
        source=source,
        source_key=key,
        url=home.canonical_url,
        fetched_at=home.fetched_at,
        raw_sha256=home.sha256,
        fields=fields,
        lat=found.lat,
        lon=found.lon,
        kind="site",
        field_sources=dict.fromkeys(found.fields, found.origin),
        pages=[{"url": page.canonical_url, "text": read.text} for _, (_, page, read) in ordered if read.text],
    )


def _dead_reason(err: FetchError) -> str:
    if isinstance(err, RobotsDisallowed):
        return "robots_disallowed"
    if isinstance(err, RobotsUnavailable):  # no answer for robots.txt: the host itself is often down
        return "unreachable" if err.why in ("connection", "timeout") else "robots_unavailable"
    reason = err.reason or "error"
    return _DEAD.get(reason, "http_error" if reason.startswith("http_") else reason)


def _name_from_title(title: str) -> str:
    """The practice's name from its home page's title: the first part around the usual separators
    ("Bluebonnet Massage | Deep Tissue in Austin") that is not a page's own name ("Home")."""
    parts = [title]
    for separator in _TITLE_SEPARATORS:
        parts = [piece.strip() for part in parts for piece in part.split(separator)]
    generic = ("home", "welcome", "homepage", "home page")
    return next((part for part in parts if part and part.lower() not in generic), "")


def _visit_key(url: str) -> str:
    """One page, whatever the scheme, www, trailing slash or fragment."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    if path.endswith(("/index.html", "/index.htm")):
        path = path.rsplit("/", 1)[0] or "/"
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"
