"""Crawl a directory website declared in config by CSS selectors: list pages, then profiles."""

from __future__ import annotations

import logging
from urllib.parse import urldefrag, urljoin, urlsplit

import soupsieve
from bs4 import BeautifulSoup

from pipeline.config import HtmlSource
from pipeline.errors import ConfigError, FetchError, RobotsDisallowed
from pipeline.fetch import Fetcher, Page
from pipeline.records import RawListing
from pipeline.sources import Crawl

log = logging.getLogger(__name__)

LIST_FIELDS = frozenset({"services", "credentials"})  # fields that collect every match
# A profile lost for one of these reasons is the site's doing, not a failed crawl.
RECORD_DROPS = frozenset({"http_404", "http_410", "robots_disallowed", "offsite_redirect"})


def validate(source: HtmlSource, config_path) -> None:
    """Every selector must be valid CSS: a typo is a config error, not a crash mid-crawl."""
    selectors = {f"selectors.{k}": v for k, v in vars(source.selectors).items() if v}
    selectors.update({f"fields.{k}": v.partition("@")[0] for k, v in source.fields.items()})
    for key, css in selectors.items():
        try:
            soupsieve.compile(css)
        except soupsieve.SelectorSyntaxError as err:
            message = str(err).splitlines()[0]
            raise ConfigError(f"key 'sources.{source.name}.{key}' is not a valid CSS selector ({message}) "
                              f"(in {config_path})", path=str(config_path), key=key) from err


def crawl(source: HtmlSource, fetcher: Fetcher) -> Crawl:
    result = Crawl(source=source.name)
    hosts = {urlsplit(source.base_url).netloc, *source.allowed_hosts}
    if not source.obey_robots:
        log.warning("source %s ignores robots.txt (obey_robots = false); use that only where its terms allow",
                    source.name)
        result.counts["scrape/robots_ignored_sources"] += 1
    options = {"source": source.name, "delay": None if source.delay_seconds < 0 else source.delay_seconds,
               "obey_robots": source.obey_robots, "allowed_hosts": hosts, "cache_ttl": source.cache_ttl_seconds}

    profiles: list[str] = []
    queue = [urljoin(source.base_url, url) for url in source.start_urls]
    seen_pages: set[str] = set()
    while queue and len(seen_pages) < source.max_pages:
        url = queue.pop(0)
        if url in seen_pages:
            continue
        seen_pages.add(url)
        try:
            page = fetcher.get(url, **options)
        except FetchError as err:
            result.fail(err.reason, f"list page {fetcher.canonical(url)} failed: {err}")
            continue
        result.counts["scrape/list_pages"] += 1
        soup = BeautifulSoup(page.text, "lxml")
        for card in soup.select(source.selectors.card):
            link = card.select_one(source.selectors.detail_link)
            href = link.get("href") if link else None
            if not href:
                result.drop("card_without_link")
                continue
            target = urldefrag(urljoin(page.final_url, href)).url
            if urlsplit(target).netloc not in hosts:
                result.drop("offsite_link")
            elif target not in profiles:
                profiles.append(target)
        next_link = soup.select_one(source.selectors.next_page) if source.selectors.next_page else None
        if next_link and next_link.get("href"):
            target = urldefrag(urljoin(page.final_url, next_link["href"])).url
            if urlsplit(target).netloc in hosts:
                queue.append(target)
    if queue:
        result.counts["scrape/page_limit_reached"] += 1
        result.status = "partial"
        result.message = result.message or f"stopped at max_pages = {source.max_pages}"

    for url, outcome in fetcher.get_many(profiles, **options):
        if isinstance(outcome, FetchError):
            if isinstance(outcome, RobotsDisallowed) or outcome.reason in RECORD_DROPS:
                result.drop(outcome.reason)
            else:
                result.fail(outcome.reason, f"profile {fetcher.canonical(url)} failed: {outcome}")
            continue
        listing = _listing(source, outcome)
        if listing is None:
            result.drop("no_name")
        else:
            result.listings.append(listing)
    if not result.listings and result.failures:
        result.status = "failed"
    return result


def _listing(source: HtmlSource, page: Page) -> RawListing | None:
    fields = extract_fields(page.text, source.fields)
    if not fields.get("name"):
        return None
    return RawListing(source=source.name, source_key=page.canonical_url, url=page.canonical_url,
                      fetched_at=page.fetched_at, raw_sha256=page.sha256, fields=fields)


def extract_fields(html: str, selectors: dict[str, str]) -> dict[str, str | list[str]]:
    """Apply `field -> "css"` or `field -> "css@attribute"` selectors to one page."""
    soup = BeautifulSoup(html, "lxml")
    for junk in soup(["script", "style", "noscript", "template"]):
        junk.decompose()
    fields: dict[str, str | list[str]] = {}
    for name, spec in selectors.items():
        css, _, attribute = spec.partition("@")
        nodes = soup.select(css)
        values = [(node.get(attribute) or "") if attribute else node.get_text(" ") for node in nodes]
        values = [value for value in values if value.strip()]
        if name in LIST_FIELDS:
            fields[name] = values
        elif values:
            fields[name] = values[0] if name != "description" else "\n".join(values)
    return fields
