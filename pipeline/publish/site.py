"""The directory website (`therapists site`): a static site built from the published export.

Takes in the export folder (manifest.json, therapists.json, redirects.json) and the [site]
settings; gives out plain files any static host serves: the search page and its sharded data
(data/meta.json, data/cells/*.json by a grid of about 70-mile cells, data/places/ for ZIPs and
cities), a page per therapist (t/<slug>/), state and city lists that work without JavaScript,
redirect pages and `_redirects` for retired slugs and merged IDs, sitemap.xml and robots.txt,
and the site's own scripts, styles and vendored libraries (assets/).

The browser never downloads every therapist: a search reads the cells its box touches (at most
four for a 25-mile search: a cell is one degree of latitude high and at least 69 miles wide).
Builds are incremental and deterministic: the state file remembers each therapist's export hash
and every file's hash, so only the pages of changed therapists and the lists and cells they
appear in are rendered again, a file is written only when its bytes change, and the same export
gives byte-identical files.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections import defaultdict
from pathlib import Path

from pipeline.config import TIERS, Site
from pipeline.errors import NothingToDo
from pipeline.gazetteer import city_rows, reference_version, zip_rows
from pipeline.publish import site_output as output
from pipeline.publish import site_pages as pages
from pipeline.publish import site_profile as profile
from pipeline.publish.site_output import SiteResult, Writer, load_state, save_state
from pipeline.publish.site_pages import LISTS, SiteInfo, city_slug
from pipeline.relevance.vocabulary import Vocabulary

ASSETS = Path(__file__).resolve().parent / "site_assets"
SITEMAP_URLS = 50_000  # the sitemap protocol's limit per file
CELL_LON_ROUNDING = 0.25  # cell widths are multiples of this many degrees
ZIP_PREFIX = 2  # ZIP centroids are sharded by their first two digits: about 100 files of 10-20 KB gzip


def build_site(export_dir: Path, site_dir: Path, settings: Site, vocabulary: Vocabulary) -> SiteResult:
    """Build (or bring up to date) the static site in `site_dir` from the export in `export_dir`."""
    manifest_path = Path(export_dir) / "manifest.json"
    if not manifest_path.exists():
        raise NothingToDo(f"no export in {export_dir}; run `therapists export` first")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    records = json.loads((Path(export_dir) / "therapists.json").read_text(encoding="utf-8"))
    redirects = json.loads((Path(export_dir) / "redirects.json").read_text(encoding="utf-8"))
    site = _site_info(settings, vocabulary, manifest)
    site_dir = Path(site_dir)
    site_dir.mkdir(parents=True, exist_ok=True)
    state = load_state(site_dir)
    fingerprint = _settings_fingerprint(site)
    full = state.get("fingerprint") != fingerprint
    result = SiteResult(directory=site_dir, therapists=len(records), full=full)
    writer = Writer(site_dir, {} if full else state.get("files", {}), result)
    before: dict[str, dict] = {} if full else state.get("therapists", {})
    hashes = {tid: entry["sha256"] for tid, entry in manifest["therapists"].items()}
    by_id = {record["therapist_id"]: record for record in records}
    now = {tid: _facts(record, hashes.get(tid, "")) for tid, record in by_id.items()}
    changed = {tid for tid, facts in now.items() if before.get(tid) != facts}
    gone = set(before) - set(now)
    result.changed_therapists = len(changed) + len(gone)

    # Therapist pages: the changed ones; a page whose slug moved or whose therapist left goes.
    for tid in sorted(changed):
        writer.write(f"t/{now[tid]['slug']}/index.html", profile.therapist_page(site, by_id[tid]))
        result.rendered += 1
    for tid in sorted(gone | changed):
        old = before.get(tid)
        if old and (tid in gone or old["slug"] != now[tid]["slug"]):
            writer.remove(f"t/{old['slug']}/index.html")

    # Lists and cells: those a changed therapist is in, before or after.
    touched = [before[tid] for tid in gone | changed if tid in before] + [now[tid] for tid in changed]
    cities = _group(records, lambda r: _city_of(r))
    wanted_cities = set(cities) if full else {tuple(facts["city"]) for facts in touched if facts["city"]}
    for key in sorted(wanted_cities):
        state_code, city = key
        path = f"{LISTS}/{state_code.lower()}/{city_slug(city)}/index.html"
        if key in cities:
            writer.write(path, pages.city_page(site, state_code, city, _ranked(cities[key])))
            result.rendered += 1
        else:
            writer.remove(path)
    cells = _group([r for r in records if r.get("lat") is not None], lambda r: cell_key(r["lat"], r["lon"]))
    wanted_cells = set(cells) if full else {facts["cell"] for facts in touched if facts["cell"]}
    for key in sorted(wanted_cells):
        if key in cells:
            writer.write(f"data/cells/{key}.json", _json([_search_record(r) for r in sorted(cells[key], key=_by_id)]))
            result.rendered += 1
        else:
            writer.remove(f"data/cells/{key}.json")

    # The rest is small: written every build, kept when unchanged.
    states = _group(records, lambda r: r.get("state") if _city_of(r) else None)
    for state_code, members in sorted(states.items()):
        counts = _group(members, lambda r: r["city"])
        listing = sorted(((city, len(rows)) for city, rows in counts.items()), key=lambda item: city_slug(item[0]))
        writer.write(f"{LISTS}/{state_code.lower()}/index.html", pages.state_page(site, state_code, listing))
    for old in set(state.get("states", [])) - set(states):
        writer.remove(f"{LISTS}/{old.lower()}/index.html")
    writer.write(f"{LISTS}/index.html", pages.states_page(site, [(s, len(m)) for s, m in sorted(states.items())]))
    writer.write("index.html", pages.search_page(site))
    writer.write("404.html", pages.not_found_page(site))
    slugs = {r["therapist_id"]: r["slug"] for r in records}
    _write_redirects(writer, site, redirects, slugs, state.get("redirects", []))
    places = _write_places(writer, state, full)
    writer.write("data/meta.json", _json(_meta(site, manifest, records, cells, places)))
    _write_sitemaps(writer, site, records, cities, states, state.get("sitemaps", 0))
    writer.write("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {site.base_url}/sitemap.xml\n")
    _copy_assets(writer)

    # Files an earlier build wrote that this one no longer produces (full builds know them all).
    if full:
        for relative in sorted(set(state.get("files", {})) - set(writer.produced)):
            writer.remove(relative)
    # What the site holds, from the state and this build: no stat of 10^5 files per build.
    files = {**({} if full else state.get("files", {})), **writer.produced}
    files = {path: entry for path, entry in files.items() if path not in writer.removed}
    save_state(
        site_dir,
        {
            "fingerprint": fingerprint,
            "therapists": now,
            "files": dict(sorted(files.items())),
            "states": sorted(states),
            "redirects": sorted(_redirect_paths(redirects)),
            "sitemaps": _sitemap_count(records, cities, states),
            "places": places,
        },
    )
    result.files = len(files)
    result.bytes = sum(size for _, size in files.values())
    return result


# -- the search data -----------------------------------------------------------------------------
def lon_step(band: int) -> float:
    """Cell width in degrees of longitude for a one-degree band of latitude: at least 69 miles
    at the band's poleward edge (a degree of latitude is at least 68.7), so a 25-mile search box
    (at most 50 miles across) touches at most two bands and two cells in each."""
    edge = max(abs(band), abs(band + 1))
    width = 1 / math.cos(math.radians(min(edge, 89)))
    return math.ceil(width / CELL_LON_ROUNDING) * CELL_LON_ROUNDING


def cell_key(lat: float, lon: float) -> str:
    band = math.floor(lat)
    return f"{band}_{math.floor(lon / lon_step(band))}"


def _search_record(record: dict) -> dict:
    """What a search result shows, and no more (a cell of a dense city stays small)."""
    evidence = (record.get("evidence") or [None])[0]
    return {
        "id": record["therapist_id"],
        "slug": record["slug"],
        "url": f"t/{record['slug']}/",
        "name": record["name"],
        "lat": record["lat"],
        "lon": record["lon"],
        "tier": record["relevance_tier"],
        "score": record["relevance_score"],
        "techniques": record.get("techniques") or [],
        "conditions": record.get("conditions") or [],
        "evidence": (
            {"technique": evidence["technique"], "snippet": evidence["snippet"], "source_url": evidence["source_url"]}
            if evidence
            else None
        ),
        "phone": record.get("phone"),
        "phone_display": record.get("phone_display"),
        "website": pages.web_link(record.get("website")),
        "city": record.get("city"),
        "state": record.get("state"),
        "precision": record.get("geocode_precision"),
    }


def _meta(site: SiteInfo, manifest: dict, records: list[dict], cells: dict[str, list], places: dict) -> dict:
    bands = sorted({int(key.split("_")[0]) for key in cells})
    return {
        "version": 1,
        "generated_at": manifest.get("generated_at"),
        "count": len(records),
        "min_tier": manifest.get("min_tier"),
        "tier_ranks": {tier: rank for rank, tier in enumerate(TIERS)},
        "tier_names": pages.TIER_NAMES,
        "techniques": [{"slug": slug, "name": name} for slug, name in site.techniques],
        "conditions": [
            {"slug": slug, "name": name}
            for slug, name in site.technique_names.items()
            if slug not in dict(site.techniques)
        ],
        "grid": {"lat_step": 1, "lon_steps": {str(band): lon_step(band) for band in bands}},
        "cells": sorted(cells),
        "zip_prefix_length": ZIP_PREFIX,
        "zip_prefixes": places["zip_prefixes"],
        "states": places["states"],
        "attribution": site.attribution,
    }


def _write_places(writer: Writer, state: dict, full: bool) -> dict:
    """ZIP and city centroids, sharded by ZIP prefix and by state: the gazetteer the CLI's
    `search --near` uses, so a search in the browser starts from the same point. Written again
    only when the gazetteer changes; returns which shards exist."""
    before = state.get("places") or {}
    if not full and before.get("version") == reference_version():
        writer.produced.update(
            {path: digest for path, digest in state.get("files", {}).items() if path.startswith("data/places/")}
        )
        return before
    for path, content in _place_files():
        writer.write(path, content)
    return {
        "version": reference_version(),
        "zip_prefixes": sorted({row["postal_code"][:ZIP_PREFIX] for row in zip_rows()}),
        "states": sorted({row["state"].lower() for row in city_rows()}),
    }


@functools.cache
def _place_files() -> tuple[tuple[str, bytes], ...]:
    by_prefix: dict[str, dict] = defaultdict(dict)
    for row in zip_rows():
        by_prefix[row["postal_code"][:ZIP_PREFIX]][row["postal_code"]] = [
            row["lat"],
            row["lon"],
            row["city"],
            row["state"],
        ]
    by_state: dict[str, dict] = defaultdict(dict)
    for row in city_rows():
        by_state[row["state"].lower()][row["city_key"].rsplit("|", 1)[0]] = [row["lat"], row["lon"], row["city"]]
    return tuple(
        [
            (f"data/places/zip/{prefix}.json", _json(dict(sorted(p.items()))).encode())
            for prefix, p in sorted(by_prefix.items())
        ]
        + [
            (f"data/places/city/{state}.json", _json(dict(sorted(p.items()))).encode())
            for state, p in sorted(by_state.items())
        ]
    )


# -- redirects, sitemaps, assets -------------------------------------------------------------------
def _redirect_paths(redirects: dict) -> list[str]:
    return [f"t/{old}/index.html" for old in redirects.get("slugs", {})] + [
        f"id/{old}/index.html" for old in redirects.get("therapist_ids", {})
    ]


def _write_redirects(
    writer: Writer, site: SiteInfo, redirects: dict, slug_of: dict[str, str], before: list[str]
) -> None:
    """A page per retired slug and merged ID that sends the visitor on, and `_redirects` (the
    format Netlify and Cloudflare Pages read) saying the same as permanent redirects."""
    lines = []
    live = set(slug_of.values())
    for old, new in sorted(redirects.get("slugs", {}).items()):
        if old in live:
            continue  # a slug handed back to a live therapist is that therapist's page
        writer.write(f"t/{old}/index.html", pages.redirect_page(site, f"../{new}/", f"{site.base_url}/t/{new}/"))
        lines.append(f"/t/{old}/ /t/{new}/ 301")
    for old, new in sorted(redirects.get("therapist_ids", {}).items()):
        slug = slug_of.get(new)
        if slug is None:
            continue
        writer.write(
            f"id/{old}/index.html", pages.redirect_page(site, f"../../t/{slug}/", f"{site.base_url}/t/{slug}/")
        )
        lines.append(f"/id/{old}/ /t/{slug}/ 301")
    for relative in sorted(set(before) - set(_redirect_paths(redirects))):
        if not relative.startswith("t/") or relative.split("/")[1] not in live:
            writer.remove(relative)
    writer.write("_redirects", "".join(f"{line}\n" for line in lines))


def _write_sitemaps(
    writer: Writer, site: SiteInfo, records: list[dict], cities: dict, states: dict, before: int
) -> None:
    urls: list[tuple[str, str | None]] = [(f"{site.base_url}/", None), (f"{site.base_url}/{LISTS}/", None)]
    urls += [(f"{site.base_url}/{LISTS}/{s.lower()}/", None) for s in sorted(states)]
    urls += [(f"{site.base_url}/{LISTS}/{s.lower()}/{city_slug(c)}/", None) for s, c in sorted(cities)]
    urls += [(f"{site.base_url}/t/{r['slug']}/", (r.get("updated_at") or "")[:10]) for r in sorted(records, key=_by_id)]
    chunks = [urls[i : i + SITEMAP_URLS] for i in range(0, len(urls), SITEMAP_URLS)]
    if len(chunks) == 1:
        writer.write("sitemap.xml", _urlset(chunks[0]))
    else:
        index = "".join(
            f"<sitemap><loc>{pages.e(site.base_url)}/sitemap-{n}.xml</loc></sitemap>\n"
            for n in range(1, len(chunks) + 1)
        )
        writer.write(
            "sitemap.xml",
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{index}</sitemapindex>\n",
        )
        for n, chunk in enumerate(chunks, start=1):
            writer.write(f"sitemap-{n}.xml", _urlset(chunk))
    for n in range(len(chunks) + 1 if len(chunks) > 1 else 1, before + 1):
        writer.remove(f"sitemap-{n}.xml")


def _sitemap_count(records: list, cities: dict, states: dict) -> int:
    total = 2 + len(states) + len(cities) + len(records)
    chunks = math.ceil(total / SITEMAP_URLS)
    return chunks if chunks > 1 else 0


def _urlset(urls: list[tuple[str, str | None]]) -> str:
    body = "".join(
        f"<url><loc>{pages.e(url)}</loc>{f'<lastmod>{lastmod}</lastmod>' if lastmod else ''}</url>\n"
        for url, lastmod in urls
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n'


def _copy_assets(writer: Writer) -> None:
    for path in sorted(ASSETS.rglob("*")):
        if path.is_file():
            writer.write(f"assets/{path.relative_to(ASSETS).as_posix()}", path.read_bytes())


# -- state and helpers -------------------------------------------------------------------------------
def _site_info(settings: Site, vocabulary: Vocabulary, manifest: dict) -> SiteInfo:
    names = {entry.slug: entry.name for entry in (*vocabulary.techniques, *vocabulary.conditions)}
    techniques = [(entry.slug, entry.name) for entry in vocabulary.techniques]
    minimum = TIERS.index(manifest.get("min_tier") or "low")
    return SiteInfo(
        title=settings.title,
        base_url=settings.base_url.rstrip("/"),
        tile_url=settings.tile_url,
        tile_attribution=settings.tile_attribution,
        technique_names=names,
        techniques=techniques,
        tiers=[tier for tier in reversed(TIERS) if TIERS.index(tier) >= minimum],
        sources={source["name"]: source for source in manifest.get("sources", [])},
        attribution=list(manifest.get("attribution", [])),
    )


def _settings_fingerprint(site: SiteInfo) -> str:
    """What every page depends on besides its record: settings, templates, vocabulary names."""
    assets = sorted((p.relative_to(ASSETS).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest())
                    for p in ASSETS.rglob("*") if p.is_file())  # fmt: skip
    # The site's own code, every module of it: a change to any of them renders everything again.
    code_files = (pages.__file__, profile.__file__, output.__file__, __file__)
    code = hashlib.sha256(b"".join(Path(source).read_bytes() for source in code_files)).hexdigest()
    text = json.dumps([pages.ASSET_VERSION, code, assets, site.__dict__], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _facts(record: dict, digest: str) -> dict:
    """What the state file keeps of a therapist: its export hash and where it appears."""
    city = _city_of(record)
    return {
        "sha256": digest,
        "slug": record["slug"],
        "city": list(city) if city else None,
        "cell": cell_key(record["lat"], record["lon"]) if record.get("lat") is not None else None,
    }


def _city_of(record: dict) -> tuple[str, str] | None:
    return (record["state"], record["city"]) if record.get("state") and record.get("city") else None


def _group(records, key) -> dict:
    groups: dict = defaultdict(list)
    for record in records:
        value = key(record)
        if value is not None:
            groups[tuple(value) if isinstance(value, list) else value].append(record)
    return dict(groups)


def _ranked(records: list[dict]) -> list[dict]:
    """A city's list: best evidence first, then by name."""
    return sorted(records, key=lambda r: (-r["relevance_score"], r["name"].lower(), r["therapist_id"]))


def _by_id(record: dict) -> str:
    return record["therapist_id"]


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
