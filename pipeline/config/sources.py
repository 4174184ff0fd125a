"""Typed settings of each source kind, as declared in `[sources.NAME]` tables of pipeline.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.config.durations import parse_duration

# Fields an html source may extract; each maps to a CSS selector, `selector@attr` reads an attribute.
HTML_FIELDS = (
    "name",
    "business_name",
    "credentials",
    "phone",
    "website",
    "email",
    "address",
    "street",
    "city",
    "state",
    "postal_code",
    "services",
    "description",
    "opening_hours",
    "price_range",
    "payment_accepted",
    "languages",
)
# Fields a roster CSV may map from its columns.
CSV_FIELDS = (
    "license_number",
    "license_type",
    "status",
    "expires",
    "name",
    "first_name",
    "middle_name",
    "last_name",
    "business_name",
    "address",
    "street",
    "street_2",
    "city",
    "state",
    "postal_code",
    "country",
    "phone",
    "email",
    "website",
)
_STATE = re.compile(r"^[A-Z]{2}$")
_ISO_AREA = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
_TAG = re.compile(r"^[\w:.-]+(=[^,=\[\]\"]+)?$")


@dataclass(frozen=True, kw_only=True)
class SourceSettings:
    """Keys every source kind has."""

    name: str
    kind: str
    enabled: bool = True
    delay_seconds: float = -1.0  # per-source override of http.delay_seconds; -1 = inherit
    obey_robots: bool = True  # false only where the source's terms allow it (APIs); logged
    cache_ttl: str = "0s"  # re-use a page fetched less than this long ago, with no request ("12h", "7d")
    max_age: str = "14d"  # freshness: ok up to this age, warn up to twice it, error beyond
    every: str = ""  # cadence for `run --due` ("12h", "7d"); empty: due on every --due run

    @property
    def cache_ttl_seconds(self) -> float:
        return parse_duration(self.cache_ttl)

    @property
    def fetches(self) -> bool:
        """Whether the source reaches a server (so the crawler must identify itself): any kind with
        a base URL; a roster or bulk file read from disk does not."""
        return bool(getattr(self, "base_url", ""))

    def problems(self) -> list[tuple[str, str]]:
        """(key, message) pairs for values the type alone cannot rule out."""
        found = []
        try:
            _ = self.cache_ttl_seconds  # parsing it is the check
        except ValueError as err:
            found.append(("cache_ttl", str(err)))
        for key in ("max_age", "every"):
            value = getattr(self, key)
            if key == "every" and not value:
                continue
            try:
                parse_duration(value)
            except ValueError as err:
                found.append((key, str(err)))
        return found


@dataclass(frozen=True)
class HtmlSelectors:
    card: str = ""  # one listing on a list page
    detail_link: str = ""  # inside a card: the link to the profile page
    next_page: str = ""  # the link to the next list page


@dataclass(frozen=True, kw_only=True)
class HtmlSource(SourceSettings):
    base_url: str
    start_urls: list[str]
    selectors: HtmlSelectors
    fields: dict[str, str] = field(default_factory=dict)  # empty: rely on schema.org structured data
    # Fields read from the card on the list page itself: a directory whose cards carry everything
    # needs no detail page, and a card whose profile is gone (404) still gives a listing.
    card_fields: dict[str, str] = field(default_factory=dict)
    structured_data: bool = True  # read schema.org JSON-LD and microdata on every profile
    allowed_hosts: list[str] = field(default_factory=list)  # extra hosts links may lead to
    max_pages: int = 100  # list pages followed before stopping

    def problems(self):
        found = super().problems()
        found += [
            (f"fields.{key}", f"is not a known field; known: {', '.join(HTML_FIELDS)}")
            for key in self.fields
            if key not in HTML_FIELDS
        ]
        found += [
            (f"card_fields.{key}", f"is not a known field; known: {', '.join(HTML_FIELDS)}")
            for key in self.card_fields
            if key not in HTML_FIELDS
        ]
        if "name" not in self.fields and "name" not in self.card_fields and not self.structured_data:
            found.append(("fields.name", "is required when structured_data = false (a listing needs a name)"))
        if not self.selectors.card.strip():
            found.append(("selectors.card", "is required (a CSS selector)"))
        if not self.selectors.detail_link.strip() and "name" not in self.card_fields:
            found.append(("selectors.detail_link", "is required unless card_fields reads a name from the card"))
        if not self.start_urls:
            found.append(("start_urls", "must list at least one URL"))
        return found


@dataclass(frozen=True, kw_only=True)
class NppesSource(SourceSettings):
    """The CMS NPPES NPI Registry API (public domain)."""

    base_url: str = "https://npiregistry.cms.hhs.gov/api/"
    states: list[str]  # two-letter codes; the API rejects a search on state alone, so it pairs with taxonomy
    taxonomies: list[str] = field(default_factory=lambda: ["Massage Therapist"])  # taxonomy_description values
    # NUCC codes kept after fetching: the description search is loose (it finds assistants, surgeons).
    taxonomy_codes: list[str] = field(default_factory=lambda: ["225700000X"])
    page_size: int = 200  # the API's maximum `limit`
    max_skip: int = 1000  # the API's maximum `skip`: at most page_size + max_skip results per query

    def problems(self):
        found = super().problems()
        found += _states_problems(self.states, required=True)
        if not self.taxonomies:
            found.append(("taxonomies", "must list at least one taxonomy description"))
        if not self.taxonomy_codes:
            found.append(("taxonomy_codes", "must list at least one NUCC code (225700000X: Massage Therapist)"))
        if not 0 < self.page_size <= 200:
            found.append(("page_size", "must be from 1 to 200 (the API's limit)"))
        if self.max_skip < 0 or self.max_skip > 1000:
            found.append(("max_skip", "must be from 0 to 1000 (the API's limit)"))
        return found


@dataclass(frozen=True, kw_only=True)
class NppesBulkSource(SourceSettings):
    """The NPPES monthly dissemination file (npidata_pfile_*.csv, or the zip holding it)."""

    path: str  # local file; relative to the config file
    taxonomy_codes: list[str] = field(default_factory=lambda: ["225700000X"])  # NUCC codes kept
    states: list[str] = field(default_factory=list)  # practice-location states kept; empty = all

    def problems(self):
        found = super().problems() + _states_problems(self.states, required=False)
        if not self.taxonomy_codes:
            found.append(("taxonomy_codes", "must list at least one NUCC taxonomy code"))
        return found


@dataclass(frozen=True, kw_only=True)
class OverpassSource(SourceSettings):
    """OpenStreetMap through the Overpass API (ODbL: attribution travels with every record)."""

    base_url: str = "https://overpass-api.de/api/interpreter"
    areas: list[str] = field(default_factory=list)  # ISO 3166-2 codes such as "US-TX"
    bbox: list[float] = field(default_factory=list)  # south, west, north, east (instead of areas)
    tags: list[str] = field(
        default_factory=lambda: [
            "shop=massage",
            "healthcare=physiotherapist",
            "healthcare=alternative,healthcare:speciality=chiropractic",
        ]
    )
    timeout_seconds: int = 180  # the query's [timeout:]; the server gives up (with a remark) after it

    def problems(self):
        found = super().problems()
        if bool(self.areas) == bool(self.bbox):
            found.append(("areas", "or bbox must be given, not both"))
        found += [
            ("areas", f"{area!r} is not an ISO 3166-2 code like US-TX")
            for area in self.areas
            if not _ISO_AREA.match(area)
        ]
        if self.bbox and (len(self.bbox) != 4 or not (-90 <= self.bbox[0] < self.bbox[2] <= 90)):
            found.append(("bbox", "must be [south, west, north, east] in degrees"))
        for spec in self.tags:
            if not spec or not all(_TAG.match(part.strip()) for part in spec.split(",")):
                found.append(("tags", f'{spec!r} is not like "key=value" or "k1=v1,k2=v2"'))
        if not self.tags:
            found.append(("tags", "must list at least one tag filter"))
        return found


@dataclass(frozen=True, kw_only=True)
class CsvSource(SourceSettings):
    """A state licensing-board roster: a CSV download with a column mapping."""

    base_url: str = ""  # where `path` is fetched from; empty: `path` is a local file (relative to the config)
    path: str
    state: str  # the board's state (two letters)
    columns: dict[str, str]  # field -> column header
    license_types: list[str] = field(default_factory=list)  # keep these license types; empty = all
    active_statuses: list[str] = field(default_factory=lambda: ["Active"])  # other statuses are dropped
    encoding: str = "utf-8"

    def problems(self):
        found = super().problems() + _states_problems([self.state], required=True, key="state")
        found += [
            (f"columns.{key}", f"is not a known field; known: {', '.join(CSV_FIELDS)}")
            for key in self.columns
            if key not in CSV_FIELDS
        ]
        if "license_number" not in self.columns:
            found.append(("columns.license_number", "is required (it keys the roster's records)"))
        if "name" not in self.columns and "last_name" not in self.columns and "business_name" not in self.columns:
            found.append(("columns.name", "or columns.last_name or columns.business_name is required"))
        return found


@dataclass(frozen=True, kw_only=True)
class WebsitesSource(SourceSettings):
    """Each practice's own website, reached through the websites the other sources publish."""

    # Empty: the sites themselves. "samples:websites" serves the bundled practice sites on loopback,
    # each under its own host name, and skips every other host (the demo never leaves the machine).
    base_url: str = ""
    max_pages_per_site: int = 6  # the home page, then the links most likely to describe services
    max_hosts_in_parallel: int = 32  # sites crawled at once, each one request at a time
    # Hosts that are not a practice's own (booking platforms, social networks, directories), on top
    # of resolution.shared_hosts: a listing's link there is not followed.
    skip_hosts: list[str] = field(
        default_factory=lambda: [
            "google.com", "goo.gl", "g.page", "business.site", "yelp.com", "facebook.com", "fb.com",
            "instagram.com", "linkedin.com", "twitter.com", "x.com", "tiktok.com", "youtube.com",
            "massagebook.com", "vagaro.com", "styleseat.com", "mindbodyonline.com", "schedulicity.com",
            "booksy.com", "fresha.com", "squareup.com", "square.site", "acuityscheduling.com",
            "janeapp.com", "calendly.com", "genbook.com", "zocdoc.com", "healthgrades.com", "amtamassage.org",
            "massagetherapy.com", "psychologytoday.com", "groupon.com", "linktr.ee", "npiregistry.cms.hhs.gov",
            "openstreetmap.org",
        ]
    )  # fmt: skip
    cache_ttl: str = "30d"  # a site read within this is not asked again (sites change slowly)
    every: str = "30d"
    max_age: str = "60d"

    @property
    def fetches(self) -> bool:
        return True  # the live sites when base_url is empty

    def problems(self):
        found = super().problems()
        if not 1 <= self.max_pages_per_site <= 50:
            found.append(("max_pages_per_site", "must be from 1 to 50"))
        if not 1 <= self.max_hosts_in_parallel <= 512:
            found.append(("max_hosts_in_parallel", "must be from 1 to 512"))
        return found


def _states_problems(states: list[str], *, required: bool, key: str = "states") -> list[tuple[str, str]]:
    if required and not states:
        return [(key, "must list at least one two-letter state code")]
    return [(key, f"{state!r} is not a two-letter state code") for state in states if not _STATE.match(state)]


SOURCE_KINDS: dict[str, type[SourceSettings]] = {
    "html": HtmlSource,
    "nppes": NppesSource,
    "nppes_bulk": NppesBulkSource,
    "overpass": OverpassSource,
    "csv": CsvSource,
    "websites": WebsitesSource,
}
