"""Crawl a directory website declared in config by CSS selectors: list pages, then profiles."""

from __future__ import annotations

import logging
from urllib.parse import urldefrag, urljoin, urlsplit

import soupsieve
from bs4 import BeautifulSoup

from pipeline.config.sources import HtmlSource
from pipeline.errors import ConfigError, FetchError, RobotsDisallowed
from pipeline.fetch.fetcher import Fetcher, Page
from pipeline.records import RawListing
from pipeline.sources import Crawl, fetch_options, structured

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
            raise ConfigError(
                f"key 'sources.{source.name}.{key}' is not a valid CSS selector ({message}) (in {config_path})",
                path=str(config_path),
                key=key,
            ) from err


def crawl(source: HtmlSource, fetcher: Fetcher) -> Crawl:
    result = Crawl(source=source.name)
    hosts = {urlsplit(source.base_url).netloc, *source.allowed_hosts}
    if not source.obey_robots:
        log.warning(
            "source %s ignores robots.txt (obey_robots = false); use that only where its terms allow", source.name
        )
        result.counts["scrape/robots_ignored_sources"] += 1
    options = fetch_options(source, *hosts)

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
        links, next_url = parse_list_page(source, page.text, page.final_url, result)
        for target in links:
            if urlsplit(target).netloc not in hosts:
                result.drop("offsite_link")
            elif target not in profiles:
                profiles.append(target)
        if next_url and urlsplit(next_url).netloc in hosts:
            queue.append(next_url)
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
        listing = extract_listing(source, outcome, result)
        if listing is not None:
            result.listings.append(listing)
    return result.finish()


def parse_list_page(source: HtmlSource, text: str, base_url: str, result: Crawl) -> tuple[list[str], str | None]:
    """The profile links of a list page's cards, and its next-page link."""
    soup = BeautifulSoup(text, "lxml")
    links = []
    for card in soup.select(source.selectors.card):
        link = card.select_one(source.selectors.detail_link)
        href = structured.attribute(link, "href") if link else None
        if href:
            links.append(urldefrag(urljoin(base_url, href)).url)
        else:
            result.drop("card_without_link")
    next_link = soup.select_one(source.selectors.next_page) if source.selectors.next_page else None
    next_href = structured.attribute(next_link, "href") if next_link else ""
    next_url = urldefrag(urljoin(base_url, next_href)).url if next_href else None
    return links, next_url


def extract_listing(source: HtmlSource, page: Page, result: Crawl) -> RawListing | None:
    """Selectors and schema.org data of one profile page; selectors win field by field."""
    soup = BeautifulSoup(page.text, "lxml")
    found = structured.extract(soup) if source.structured_data else structured.Structured()
    for problem in found.problems:
        result.counts[f"scrape/structured/{problem}"] += 1
    selected = extract_fields(soup, source.fields)
    fields = {**found.fields, **selected}
    origins = {**dict.fromkeys(found.fields, found.origin), **dict.fromkeys(selected, "selector")}
    if not fields.get("name"):
        if found.problems and not found.fields:
            result.drop(found.problems[0])  # e.g. bad_jsonld: the only data on the page was broken
        elif found.types_seen and not found.fields:
            result.drop("wrong_kind")  # structured data about something that is not a practice
        else:
            result.drop("no_name")
        return None
    return RawListing(
        source=source.name,
        source_key=page.canonical_url,
        url=page.canonical_url,
        fetched_at=page.fetched_at,
        raw_sha256=page.sha256,
        fields=fields,
        lat=found.lat,
        lon=found.lon,
        field_sources=dict(sorted(origins.items())),
    )


def extract_fields(soup: BeautifulSoup | str, selectors: dict[str, str]) -> dict[str, str | list[str]]:
    """Apply `field -> "css"` or `field -> "css@attribute"` selectors to one page."""
    if isinstance(soup, str):
        soup = BeautifulSoup(soup, "lxml")
    for junk in soup(["script", "style", "noscript", "template"]):
        junk.decompose()
    fields: dict[str, str | list[str]] = {}
    for name, spec in selectors.items():
        css, _, attribute = spec.partition("@")
        nodes = soup.select(css)
        values = [structured.attribute(node, attribute) if attribute else node.get_text(" ") for node in nodes]
        values = [value for value in values if value.strip()]
        if name in LIST_FIELDS:
            fields[name] = values
        elif values:
            fields[name] = values[0] if name != "description" else "\n".join(values)
    return fields
