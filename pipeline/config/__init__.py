"""Load `pipeline.toml` into typed, validated settings; unknown or mistyped keys are errors."""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from pathlib import Path

from pipeline.config.durations import parse_duration
from pipeline.config.reader import Reader
from pipeline.config.settings import (
    GEOCODERS,
    SECTIONS,
    SURVIVING_FIELDS,
    TIERS,
    Checks,
    Config,
    Export,
    Geocode,
    GeocoderSettings,
    Http,
    Paths,
    Relevance,
    Resolution,
    Scope,
    Site,
    Survivorship,
)
from pipeline.config.sources import SOURCE_KINDS
from pipeline.errors import ConfigError

# The package is the entry point: the settings classes are imported from here (`from pipeline.config import Http`).
__all__ = [
    "DEFAULT_PATH",
    "ENV_VAR",
    "EXAMPLE_CONTACTS",
    "GEOCODERS",
    "SECTIONS",
    "SURVIVING_FIELDS",
    "TIERS",
    "Checks",
    "Config",
    "Export",
    "Geocode",
    "GeocoderSettings",
    "Http",
    "Paths",
    "Relevance",
    "Resolution",
    "Scope",
    "Site",
    "Survivorship",
    "config_path",
    "is_example_agent",
    "load_config",
    "parse_config",
]

DEFAULT_PATH = "pipeline.toml"
ENV_VAR = "THERAPISTS_CONFIG"


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
    reader = Reader(path)
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


def _validate(config: Config, reader: Reader) -> None:
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
