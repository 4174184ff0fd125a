"""Crawl a directory website declared in config by CSS selectors: list pages, then profiles."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

import soupsieve
from bs4 import BeautifulSoup, Tag

from pipeline.config.sources import HtmlSource
from pipeline.errors import ConfigError, FetchError, RobotsDisallowed
from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.pages import Page
from pipeline.records import RawListing
from pipeline.sources import Crawl, fetch_options, structured

log = logging.getLogger(__name__)

LIST_FIELDS = frozenset({"services", "credentials", "payment_accepted", "languages"})  # fields that collect every match
FALLBACK_FIELDS = ("phone", "email", "website")  # selector values normalization may refuse
# A profile lost for one of these reasons is the site's doing, not a failed crawl.
RECORD_DROPS = frozenset({"http_404", "http_410", "robots_disallowed", "offsite_redirect"})


def validate(source: HtmlSource, config_path) -> None:
    """Every selector must be valid CSS: a typo is a config error, not a crash mid-crawl."""
    selectors = {f"selectors.{k}": v for k, v in vars(source.selectors).items() if v}
    selectors.update({f"fields.{k}": v.partition("@")[0] for k, v in source.fields.items()})
    selectors.update({f"card_fields.{k}": v.partition("@")[0] for k, v in source.card_fields.items()})
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
    cards: dict[str, Card] = {}  # profile URL (or the card key) -> what its card said
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
        found_cards, next_url = parse_list_page(source, page.text, page.final_url, result, page)
        for card in found_cards:
            if card.link is None:
                key = card.key(fetcher.canonical(page.final_url))
                if key and key not in cards:
                    cards[key] = card  # everything is on the card: no profile to fetch
            elif urlsplit(card.link).netloc not in hosts:
                result.drop("offsite_link")
            elif card.link not in profiles:
                profiles.append(card.link)
                if card.fields:
                    cards[card.link] = card
        if next_url and urlsplit(next_url).netloc in hosts:
            queue.append(next_url)
    if queue:
        result.counts["scrape/page_limit_reached"] += 1
        result.status = "partial"
        result.message = result.message or f"stopped at max_pages = {source.max_pages}"

    for url, outcome in fetcher.get_many(profiles, **options):
        on_list: Card | None = cards.pop(url, None)
        if isinstance(outcome, FetchError):
            if isinstance(outcome, RobotsDisallowed):
                result.drop(outcome.reason)  # the site said no: not even its card is used
                continue
            if outcome.reason in RECORD_DROPS:
                result.drop(outcome.reason)
            else:
                result.fail(outcome.reason, f"profile {fetcher.canonical(url)} failed: {outcome}")
            if on_list is not None:  # a dead profile link: the card still says who and where
                _add(result, on_list.listing(source.name, fetcher.canonical(url)), "from_card")
            continue
        listing = extract_listing(source, outcome, result, card=on_list)
        if listing is not None:
            result.listings.append(listing)
    for key, rest in cards.items():  # cards with no profile at all
        _add(result, rest.listing(source.name, key), "from_card")
    return result.finish()


def _add(result: Crawl, listing: RawListing | None, counted: str) -> None:
    if listing is None:
        result.drop("card_without_name")
    else:
        result.counts[f"scrape/{counted}"] += 1
        result.listings.append(listing)


@dataclass(frozen=True)
class Card:
    """One listing on a list page: its profile link, the fields `card_fields` read from it, and the
    page it stood on."""

    link: str | None
    fields: dict[str, str | list[str]]
    page_url: str
    page: Page | None = None

    def key(self, page_url: str) -> str | None:
        """A card without a profile is keyed by its page and its name (and phone or city)."""
        name = str(self.fields.get("name") or "").strip().lower()
        extra = str(self.fields.get("phone") or self.fields.get("city") or "").strip().lower()
        return f"{page_url}#card:{' '.join(name.split())}|{' '.join(extra.split())}" if name else None

    def listing(self, source: str, key: str) -> RawListing | None:
        """The card as a listing of its own (keyed by its profile URL when it has one)."""
        page = self.page
        if not self.fields.get("name") or page is None:
            return None
        return RawListing(
            source=source,
            source_key=key,
            url=key if "#card:" not in key else page.canonical_url,
            fetched_at=page.fetched_at,
            raw_sha256=page.sha256,
            fields=dict(self.fields),
            field_sources=dict.fromkeys(sorted(self.fields), "card"),
        )


def parse_list_page(
    source: HtmlSource, text: str, base_url: str, result: Crawl, page: Page | None = None
) -> tuple[list[Card], str | None]:
    """The cards of a list page (profile link and `card_fields`), and its next-page link."""
    soup = BeautifulSoup(text, "lxml")
    cards = []
    for node in soup.select(source.selectors.card):
        link = node.select_one(source.selectors.detail_link) if source.selectors.detail_link else None
        href = structured.attribute(link, "href") if link else None
        fields = extract_fields(node, source.card_fields) if source.card_fields else {}
        if href:
            cards.append(Card(urldefrag(urljoin(base_url, href)).url, fields, base_url, page))
        elif fields:
            cards.append(Card(None, fields, base_url, page))
        else:
            result.drop("card_without_link")
    next_link = soup.select_one(source.selectors.next_page) if source.selectors.next_page else None
    next_href = structured.attribute(next_link, "href") if next_link else ""
    next_url = urldefrag(urljoin(base_url, next_href)).url if next_href else None
    return cards, next_url


def extract_listing(source: HtmlSource, page: Page, result: Crawl, card: Card | None = None) -> RawListing | None:
    """Selectors and schema.org data of one profile page; selectors win field by field, and what
    the list page's card said fills the gaps. Where a selector and the structured data disagree,
    the structured value is kept beside it (`FIELD_fallback`): normalization falls back to it
    when the selector's value is unusable (a placeholder `tel:+1234567890`)."""
    soup = BeautifulSoup(page.text, "lxml")
    found = structured.extract(soup) if source.structured_data else structured.Structured()
    for problem in found.problems:
        result.counts[f"scrape/structured/{problem}"] += 1
    selected = extract_fields(soup, source.fields)
    from_card = card.fields if card else {}
    fields = {**from_card, **found.fields, **selected}
    origins = {
        **dict.fromkeys(from_card, "card"),
        **dict.fromkeys(found.fields, found.origin),
        **dict.fromkeys(selected, "selector"),
    }
    for name in FALLBACK_FIELDS:
        if name in selected and found.fields.get(name) and found.fields[name] != selected[name]:
            fields[f"{name}_fallback"] = found.fields[name]
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


def extract_fields(soup: BeautifulSoup | Tag | str, selectors: dict[str, str]) -> dict[str, str | list[str]]:
    """Apply `field -> "css"` or `field -> "css@attribute"` selectors to one page (or one card)."""
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
