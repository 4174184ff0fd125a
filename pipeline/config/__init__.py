"""Load `pipeline.toml` into typed, validated settings; unknown or mistyped keys are errors."""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config.durations import parse_duration
from pipeline.config.sources import SOURCE_KINDS, SourceSettings
from pipeline.errors import ConfigError

DEFAULT_PATH = "pipeline.toml"
ENV_VAR = "THERAPISTS_CONFIG"
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


# Contacts that mark the shipped example User-Agent: fine for loopback demos, refused elsewhere.
EXAMPLE_CONTACTS = ("example.org", "example.com", "example.net", ".test", "example@")


def is_example_agent(user_agent: str) -> bool:
    """The User-Agent still carries the shipped example contact (not someone's real one)."""
    agent = user_agent.lower()
    return any(contact in agent for contact in EXAMPLE_CONTACTS)


def config_path(explicit: str | None = None) -> Path:
    """The config file to use: --config, then $THERAPISTS_CONFIG, then ./pipeline.toml."""
    return Path(explicit or os.environ.get(ENV_VAR) or DEFAULT_PATH)


def load_config(path: str | Path | None = None) -> Config:
    path = config_path(str(path) if path else None)
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(
            f"config file {path} does not exist; pass --config PATH or set {ENV_VAR}", path=str(path)
        ) from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"config file {path} is not valid TOML: {err}", path=str(path)) from err
    except OSError as err:
        raise ConfigError(f"cannot read config file {path}: {err.strerror}", path=str(path)) from err
    return parse_config(data, path)


def parse_config(data: dict, path: Path) -> Config:
    reader = _Reader(path)
    reader.reject_unknown(data, [*SECTIONS, "sources"], prefix="")
    built = {name: reader.build(cls, data.get(name, {}), name) for name, cls in SECTIONS.items()}
    raw_sources = data.get("sources", {})
    reader.expect(raw_sources, dict, "sources")
    sources = {}
    for name, raw in raw_sources.items():
        where = f"sources.{name}"
        reader.expect(raw, dict, where)
        kind = raw.get("kind")
        if kind not in SOURCE_KINDS:
            known = ", ".join(sorted(SOURCE_KINDS))
            raise reader.error(f"key '{where}.kind' must be one of {known}, got {kind!r}", f"{where}.kind")
        sources[name] = reader.build(SOURCE_KINDS[kind], {"name": name, **raw}, where)
    config = Config(path=Path(path), root=Path(path).resolve().parent, sources=sources, **built)
    _validate(config, reader)
    return config


def _validate(config: Config, reader: _Reader) -> None:
    if config.scope.country != "US":
        raise reader.error(
            f"key 'scope.country' must be \"US\" (the only country the gazetteer and the address parser know), "
            f"got {config.scope.country!r}",
            "scope.country",
        )
    http = config.http
    # Only a config that reaches a server needs to say who is asking: all-local sources (a roster
    # file, the bulk NPPES file) and the offline geocoders do not.
    online = any(source.fetches for source in config.sources.values()) or any(
        name not in GEOCODERS for name in config.geocode.chain
    )
    if online and not re.search(r"(https?://\S+|[\w.+-]+@[\w-]+\.[\w.-]+)", http.user_agent):
        raise reader.error(
            "key 'http.user_agent' must name the crawler and include a contact URL or email", "http.user_agent"
        )
    for key in ("delay_seconds", "jitter", "backoff_seconds", "max_retries"):
        if getattr(http, key) < 0:
            raise reader.error(f"key 'http.{key}' must not be negative", f"http.{key}")
    for key in ("connect_timeout", "read_timeout", "max_wait_seconds", "max_body_bytes", "max_hosts_in_parallel"):
        if getattr(http, key) <= 0:
            raise reader.error(f"key 'http.{key}' must be more than 0", f"http.{key}")
    known = [*GEOCODERS, *config.geocode.providers]
    for name in config.geocode.chain:
        if name not in known:
            raise reader.error(
                f"key 'geocode.chain' names unknown geocoder {name!r}; use one of "
                f"{', '.join(known)} or declare it in [geocode.providers.{name}]",
                "geocode.chain",
            )
    if config.geocode.max_distance_miles <= 0:
        raise reader.error("key 'geocode.max_distance_miles' must be more than 0", "geocode.max_distance_miles")
    try:
        parse_duration(config.geocode.retry_failures_after)
    except ValueError as err:
        raise reader.error(f"key 'geocode.retry_failures_after': {err}", "geocode.retry_failures_after") from None
    for name, provider in config.geocode.providers.items():
        if provider.min_delay_seconds < 0 or provider.timeout <= 0:
            raise reader.error(
                f"keys of 'geocode.providers.{name}' must be positive numbers of seconds", f"geocode.providers.{name}"
            )
    rel = config.relevance
    if not 0 < rel.low < rel.medium < rel.high <= 100:
        raise reader.error(
            "keys 'relevance.low' < 'relevance.medium' < 'relevance.high' must rise within 1-100", "relevance"
        )
    site = config.site
    if not re.match(r"https?://[^/\s]+(/\S*)?$", site.base_url):
        raise reader.error(
            "key 'site.base_url' must be an http(s) URL such as \"https://directory.example.org\"", "site.base_url"
        )
    if site.tile_url and not (re.match(r"https://[^/\s]+/\S*\{z\}\S*$", site.tile_url) and site.tile_attribution):
        raise reader.error(
            "key 'site.tile_url' must be an https URL template with {z}, {x} and {y}, "
            "and needs 'site.tile_attribution'",
            "site.tile_url",
        )
    if config.export.min_tier not in TIERS:
        raise reader.error(f"key 'export.min_tier' must be one of {', '.join(TIERS)}", "export.min_tier")
    if not 0 < config.checks.max_active_drop_percent <= 100:
        raise reader.error(
            "key 'checks.max_active_drop_percent' must be more than 0 and at most 100", "checks.max_active_drop_percent"
        )
    res = config.resolution
    if res.threshold <= 0 or res.max_block_size < 2 or res.max_cluster_size < 2:
        raise reader.error(
            "keys 'resolution.threshold' must be more than 0, 'resolution.max_block_size' and "
            "'resolution.max_cluster_size' at least 2",
            "resolution",
        )
    for name in config.survivorship.fields:
        if name not in SURVIVING_FIELDS:
            hint = difflib.get_close_matches(name, SURVIVING_FIELDS, n=1)
            raise reader.error(
                f"key 'survivorship.fields.{name}' is not a field survivorship picks"
                + (f"; did you mean '{hint[0]}'?" if hint else f"; use one of {', '.join(SURVIVING_FIELDS)}"),
                f"survivorship.fields.{name}",
            )
    try:
        parse_duration(config.survivorship.stale_after)
    except ValueError as err:
        raise reader.error(f"key 'survivorship.stale_after': {err}", "survivorship.stale_after") from None
    for source in config.sources.values():
        for key, message in source.problems():
            where = f"sources.{source.name}.{key}"
            raise reader.error(f"key '{where}' {message}", where)


class _Reader:
    """Builds dataclasses from TOML tables, naming the key and the file in every error."""

    def __init__(self, path: Path):
        self.path = path

    def error(self, message: str, key: str) -> ConfigError:
        return ConfigError(f"{message} (in {self.path})", path=str(self.path), key=key)

    def reject_unknown(self, data: dict, known: list[str], prefix: str) -> None:
        for key in data:
            if key not in known:
                hint = difflib.get_close_matches(key, known, n=1)
                suggestion = f"; did you mean '{prefix}{hint[0]}'?" if hint else f"; known keys: {', '.join(known)}"
                raise self.error(f"unknown key '{prefix}{key}'{suggestion}", f"{prefix}{key}")

    def expect(self, value, kind: type, key: str) -> None:
        if not isinstance(value, kind) or (kind in (int, float) and isinstance(value, bool)):
            raise self.error(f"key '{key}' must be {_describe(kind)}, got {_describe(type(value))}", key)

    def build(self, cls: type, data, where: str):
        self.expect(data, dict, where)
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        self.reject_unknown(data, list(fields), prefix=f"{where}.")
        values = {}
        for name, spec in fields.items():
            key = f"{where}.{name}"
            if name not in data:
                if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
                    raise self.error(f"key '{key}' is required", key)
                continue
            values[name] = self.convert(hints[name], data[name], key)
        return cls(**values)

    def convert(self, hint, value, key: str):
        origin = typing.get_origin(hint)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return self.build(hint, value, key)
        if origin is list:
            self.expect(value, list, key)
            (item,) = typing.get_args(hint)
            return [self.convert(item, element, f"{key}[{i}]") for i, element in enumerate(value)]
        if origin is dict:
            self.expect(value, dict, key)
            _, item = typing.get_args(hint)
            return {k: self.convert(item, v, f"{key}.{k}") for k, v in value.items()}
        if origin in (typing.Union, types.UnionType):
            raise TypeError(f"unsupported config type {hint}")  # keep the schema simple
        if hint is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        self.expect(value, hint, key)
        return value


def _describe(kind: type) -> str:
    return {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "a table",
    }.get(kind, kind.__name__)
