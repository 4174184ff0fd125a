"""The settings of each `pipeline.toml` table as frozen dataclasses, and `Config`, which holds them all."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config.sources import SourceSettings

# Relevance tiers, lowest first (the order of the tier_rank macro): "unknown" is a therapist no
# source says anything about beyond a name (no text was read), above "none" (text was read and
# showed nothing relevant, or another kind of business).
TIERS = ("none", "unknown", "low", "medium", "high")
GEOCODERS = ("source", "offline")


@dataclass(frozen=True)
class Paths:
    database: str = "data/directory.duckdb"  # the published snapshot readers query
    work_database: str = "data/work.duckdb"  # the pipeline's own working database
    raw_dir: str = "data/raw"  # raw response archive, never edited
    export_dir: str = "data/export"  # JSON for the website
    report: str = "data/report.html"  # the operator's run report (`therapists report`)
    site_dir: str = "data/site"  # the static directory website (`therapists site`)


@dataclass(frozen=True)
class Scope:
    # The directory's country (ISO code). Listings elsewhere (a foreign address, postcode or
    # province, coordinates abroad) are counted as scrape/dropped/outside_country and not loaded.
    # The gazetteer, the address parser and ZIP codes are the United States' (territories included),
    # so "US" is the one value accepted today.
    country: str = "US"


@dataclass(frozen=True)
class Http:
    user_agent: str = ""
    delay_seconds: float = 1.0  # minimum gap between two requests to one host
    jitter: float = 0.1  # each wait grows by a random 0..jitter fraction of itself
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    max_retries: int = 3  # extra tries after a timeout, connection error, 408, 429 or 5xx
    backoff_seconds: float = 1.0  # first retry waits this long, doubling each time
    max_wait_seconds: float = 120.0  # longest backoff or Retry-After we wait; longer gives up on the URL
    max_redirects: int = 5
    max_body_bytes: int = 10_000_000  # larger responses are refused (streamed, never read whole)
    max_hosts_in_parallel: int = 4  # different hosts are fetched concurrently, each one at a time


@dataclass(frozen=True)
class GeocoderSettings:
    """An online geocoder reached through geopy, in `[geocode.providers.NAME]`."""

    service: str = ""  # geopy service name (nominatim, photon, arcgis, googlev3, ...); default: NAME
    domain: str = ""  # e.g. a self-hosted Nominatim; empty: the service's public default
    scheme: str = "https"
    min_delay_seconds: float = 1.0  # at most one request per this many seconds (Nominatim's policy: 1 s)
    timeout: float = 10.0
    api_key_env: str = ""  # name of the environment variable holding the API key, if the service needs one
    options: dict[str, str] = field(default_factory=dict)  # further keyword arguments for the geopy class


@dataclass(frozen=True)
class Geocode:
    chain: list[str] = field(default_factory=lambda: ["source", "offline"])
    max_distance_miles: float = 30.0  # a result farther than this from the listing's ZIP/city centroid is rejected
    retry_failures_after: str = "30d"  # a remembered "not found" is asked again after this long
    providers: dict[str, GeocoderSettings] = field(default_factory=dict)


@dataclass(frozen=True)
class Relevance:
    vocabulary: str = "vocabulary.toml"
    # Score thresholds (0-100) for each tier; below `low` is tier none.
    high: int = 70
    medium: int = 35
    low: int = 10


@dataclass(frozen=True)
class Checks:
    # The run-level check active_count_drop fails (severity error, so nothing is published) when
    # the active therapists fall by more than this percentage against the last published run.
    max_active_drop_percent: float = 20.0
    # Below this many active therapists in the last published run the drop check does not apply:
    # a small directory swings by more than any sensible percentage.
    min_active_for_drop: int = 50


# Fields whose value survivorship picks from one listing (lists like techniques are unions).
# "address" moves street, suite, city, state, ZIP, coordinates and precision together.
SURVIVING_FIELDS = (
    "name",
    "business_name",
    "phone",
    "website",
    "email",
    "address",
    "description",
    "opening_hours",
    "npi",
)


@dataclass(frozen=True)
class Resolution:
    threshold: float = 5.0  # pairs of listings scoring at least this are one therapist
    max_block_size: int = 50  # a blocking key shared by more listings (a call centre) is not used
    max_cluster_size: int = 25  # no therapist is made of more listings than this
    # Sites many unrelated therapists share: their host says nothing about who a listing is.
    shared_hosts: list[str] = field(
        default_factory=lambda: [
            "facebook.com",
            "instagram.com",
            "linkedin.com",
            "yelp.com",
            "google.com",
            "goo.gl",
            "linktr.ee",
            "massagebook.com",
            "vagaro.com",
            "styleseat.com",
            "mindbodyonline.com",
            "schedulicity.com",
            "booksy.com",
            "squareup.com",
            "square.site",
            "wixsite.com",
            "wix.com",
            "squarespace.com",
            "godaddysites.com",
            "weebly.com",
            "wordpress.com",
            "blogspot.com",
            "abmp.com",
            "amtamassage.org",
            "psychologytoday.com",
            "healthgrades.com",
            "zocdoc.com",
            "npiregistry.cms.hhs.gov",
            "openstreetmap.org",
        ]
    )


@dataclass(frozen=True)
class Survivorship:
    # Sources (by name or kind) best first; a field takes its value from the best-ranked active
    # listing that has one, then the freshest (last seen), then the oldest listing.
    source_priority: list[str] = field(default_factory=lambda: ["nppes", "nppes_bulk", "csv", "html", "overpass"])
    # Per-field orders that override source_priority (fields: see SURVIVING_FIELDS).
    fields: dict[str, list[str]] = field(default_factory=dict)
    stale_after: str = "180d"  # a listing not seen for this long loses to any fresher one


@dataclass(frozen=True)
class Export:
    min_tier: str = "low"  # therapists below this tier are not exported


@dataclass(frozen=True)
class Site:
    """The static directory website built from the export (`therapists site`)."""

    title: str = "Massage therapists for sciatica"
    # Where the site will be served: canonical links, the sitemap and JSON-LD URLs are absolute.
    base_url: str = "https://directory.example.org"
    # An optional street tile layer under the offline US outlines, e.g. your own tile server's
    # "https://tiles.example.org/{z}/{x}/{y}.png"; its host is allowed by the pages' CSP. Empty: none.
    tile_url: str = ""
    tile_attribution: str = ""  # required with tile_url: the notice the tile provider asks for


# The tables of pipeline.toml besides [sources.*], and the settings class each becomes.
SECTIONS = {
    "paths": Paths,
    "scope": Scope,
    "http": Http,
    "geocode": Geocode,
    "relevance": Relevance,
    "export": Export,
    "site": Site,
    "resolution": Resolution,
    "survivorship": Survivorship,
    "checks": Checks,
}


@dataclass(frozen=True)
class Config:
    path: Path
    root: Path  # relative paths in the file are relative to this folder
    paths: Paths
    scope: Scope
    http: Http
    geocode: Geocode
    relevance: Relevance
    export: Export
    site: Site
    resolution: Resolution
    survivorship: Survivorship
    checks: Checks
    sources: dict[str, SourceSettings]

    def resolve(self, relative: str) -> Path:
        path = Path(relative)
        return path if path.is_absolute() else self.root / path

    def shown(self, path: Path | str) -> str:
        """A path as messages show it: relative to the config's folder when inside it, so output
        and logs name `data/directory.duckdb`, not the machine's checkout."""
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    @property
    def database(self) -> Path:
        return self.resolve(self.paths.database)

    @property
    def work_database(self) -> Path:
        return self.resolve(self.paths.work_database)

    @property
    def lock_path(self) -> Path:
        """Held by the run in progress (pipeline/run/lock.py)."""
        return self.work_database.with_suffix(".lock")

    @property
    def raw_dir(self) -> Path:
        return self.resolve(self.paths.raw_dir)

    @property
    def export_dir(self) -> Path:
        return self.resolve(self.paths.export_dir)

    @property
    def site_dir(self) -> Path:
        return self.resolve(self.paths.site_dir)

    @property
    def vocabulary_path(self) -> Path:
        return self.resolve(self.relevance.vocabulary)

    def enabled_sources(self) -> list[SourceSettings]:
        return [source for source in self.sources.values() if source.enabled]
