"""The directory website's HTML: every page rendered from exported records, every text escaped.

Pages are plain HTML that works without JavaScript (the search page needs it for the search
itself); scripts and styles are files of the site, allowed by a Content-Security-Policy meta tag
that admits nothing else. Links taken from the data are kept only when they are http(s), and
open without `window.opener`. Every page links its assets relatively, so the site can be served
from any folder of any static host. A therapist's own page is in site_profile.py.
"""

from __future__ import annotations

import functools
import html
import json
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

ASSET_VERSION = "1"  # part of every page's hash: bump when the page templates change


@dataclass(frozen=True)
class SiteInfo:
    """What every page needs: the site's name, where it lives, the tile layer and the vocabulary."""

    title: str
    base_url: str  # absolute, no trailing slash
    tile_url: str
    tile_attribution: str
    technique_names: dict[str, str]  # slug -> name, techniques and conditions
    techniques: list[tuple[str, str]]  # (slug, name) offered in the search form, core first
    tiers: list[str]  # the tiers the export holds, best first
    sources: dict[str, dict]  # source name -> {kind, license}
    attribution: list[str]


TIER_NAMES = {"high": "High", "medium": "Medium", "low": "Low", "unknown": "Not yet known", "none": "None"}
TIER_MEANINGS = {
    "high": "two core techniques (deep tissue, neuromuscular, trigger point, myofascial release), or one and sciatica",
    "medium": "one core technique, or sciatica treated",
    "low": "secondary techniques (medical, orthopedic or sports massage, assisted stretching) or low back pain",
    "unknown": "no source has said yet what this therapist treats",
    "none": "no sciatica-relevant technique or condition found",
}
STATE_NAMES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming", "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands", "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}  # fmt: skip
LISTS = "massage-for-sciatica"  # the folder of state and city pages


def e(value) -> str:
    """Escaped text for HTML content and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def web_link(url: str | None) -> str | None:
    """The URL if it is an http(s) link with a host, else None (javascript:, data:, mailto: never)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or url).removeprefix("www.")


@functools.cache
def city_slug(city: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFKD", city) if not unicodedata.combining(c))
    return "-".join("".join(c if c.isalnum() else " " for c in folded.lower()).split()) or "unknown"


def json_for_script(data) -> str:
    """JSON safe inside <script type="application/ld+json">: no "</script>" can end it early."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")


def csp(site: SiteInfo) -> str:
    images = "'self' data:"
    if site.tile_url:
        parts = urlsplit(site.tile_url.replace("{s}", "a"))
        images += f" {parts.scheme}://{parts.netloc}"
    return (
        f"default-src 'self'; script-src 'self'; style-src 'self'; img-src {images}; connect-src 'self'; "
        "base-uri 'none'; form-action 'self'; object-src 'none'"
    )


def layout(
    site: SiteInfo,
    *,
    root: str,
    title: str,
    body: str,
    canonical: str,
    description: str = "",
    scripts: tuple[str, ...] = (),
    head: str = "",
    breadcrumb: list[tuple[str, str | None]] | None = None,
) -> str:
    """A whole page. `root` is the relative way back to the site root ("", "../../")."""
    crumbs = ""
    if breadcrumb:
        items = "".join(
            f'<li><a href="{e(href)}">{e(text)}</a></li>'
            if href is not None
            else f'<li aria-current="page">{e(text)}</li>'
            for text, href in breadcrumb
        )
        crumbs = f'<nav class="breadcrumb" aria-label="Breadcrumb"><ol>{items}</ol></nav>\n'
    script_tags = "".join(f'<script src="{e(root + src)}" defer></script>\n' for src in scripts)
    notices = " · ".join(e(notice) for notice in site.attribution)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{e(csp(site))}">
<title>{e(title)}</title>
<meta name="description" content="{e(description or title)}">
<link rel="canonical" href="{e(canonical)}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{e(root)}assets/vendor/leaflet/leaflet.css">
<link rel="stylesheet" href="{e(root)}assets/site.css">
{head}</head>
<body data-root="{e(root)}" data-tiles-url="{e(site.tile_url)}" data-tiles-attribution="{e(site.tile_attribution)}">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><a class="site-name" href="{e(root) or "./"}">{e(site.title)}</a>
<a href="{e(root)}{LISTS}/">Browse by state</a></header>
<main id="main">
{crumbs}{body}
</main>
<footer class="site-footer"><p class="notice">Listings are gathered from public registers, maps and
the practices' own websites, and judged for sciatica-relevant techniques; each page quotes the
words it was judged on. Not medical advice. {notices}</p></footer>
{script_tags}</body>
</html>
"""


def tier_badge(tier: str) -> str:
    return f'<span class="tier tier-{e(tier)}">{e(TIER_NAMES.get(tier, tier))}</span>'


def technique_list(site: SiteInfo, slugs: list[str]) -> str:
    if not slugs:
        return ""
    items = "".join(f'<li class="technique">{e(site.technique_names.get(s, s))}</li>' for s in slugs)
    return f'<ul class="techniques">{items}</ul>'


def search_page(site: SiteInfo) -> str:
    techniques = "".join(
        f'<label><input type="checkbox" name="technique" value="{e(slug)}"> {e(name)}</label>'
        for slug, name in site.techniques
    )
    tiers = "".join(
        f'<option value="{e(t)}"{" selected" if t == "low" else ""}>{e(TIER_NAMES[t])} or better</option>'
        for t in site.tiers
        if t != "none"
    )
    radii = "".join(
        f'<option value="{r}"{" selected" if r == 25 else ""}>{r} miles</option>' for r in (5, 10, 25, 50, 100)
    )
    body = f"""<h1>{e(site.title)}</h1>
<p>Massage therapists, physical therapists and chiropractors whose own words show they work with
sciatica: deep tissue, neuromuscular and trigger point therapy, myofascial release.</p>
<form id="search" class="search-form" role="search" action="./" method="get">
<p><label for="place">ZIP code or city</label>
<input id="place" name="place" type="text" autocomplete="postal-code" placeholder="78701 or Austin, TX" required>
<button type="button" id="locate">Use my location</button></p>
<p><label for="radius">Within</label> <select id="radius" name="radius">{radii}</select></p>
<fieldset id="techniques"><legend>Techniques (all required)</legend>{techniques}</fieldset>
<p><label for="min-tier">Relevance</label> <select id="min-tier" name="min_tier">{tiers}</select></p>
<p><label for="sort">Sort by</label> <select id="sort" name="sort"><option value="distance" selected>Distance</option>
<option value="relevance">Relevance</option></select></p>
<p><button type="submit">Search</button></p>
</form>
<p id="status" role="status" aria-live="polite"></p>
<div id="map" class="results-map" role="region" aria-label="Map of the results"></div>
<ol id="results" class="results"></ol>
<noscript><p>The search needs JavaScript;
<a href="{LISTS}/">browse therapists by state and city</a> instead.</p></noscript>"""
    return layout(
        site,
        root="",
        title=site.title,
        description="Find massage therapists near you who treat sciatica, with the evidence for each.",
        body=body,
        canonical=f"{site.base_url}/",
        scripts=(
            "assets/vendor/leaflet/leaflet.js",
            "assets/vendor/topojson-client/topojson-client.min.js",
            "assets/basemap.js",
            "assets/search.js",
        ),
    )


def list_item(site: SiteInfo, record: dict, root: str) -> str:
    evidence = (record.get("evidence") or [None])[0]
    quote = f' <q class="evidence">{e(evidence["snippet"])}</q>' if evidence else ""
    phone = (
        f' <a class="contact" href="tel:{e(record["phone"])}">{e(record.get("phone_display") or record["phone"])}</a>'
        if record.get("phone")
        else ""
    )
    return (
        f'<li><a href="{e(root)}t/{e(record["slug"])}/">{e(record["name"])}</a> {tier_badge(record["relevance_tier"])}'
        f"{technique_list(site, record.get('techniques') or [])}{quote}{phone}</li>"
    )


def city_page(site: SiteInfo, state: str, city: str, records: list[dict]) -> str:
    root = "../../../"
    state_name = STATE_NAMES.get(state, state)
    items = "".join(list_item(site, record, root) for record in records)
    body = f"""<h1>Massage for sciatica in {e(city)}, {e(state)}</h1>
<p>{len(records)} therapist{"s" if len(records) != 1 else ""} in {e(city)}, best evidence first.</p>
<ul class="list">{items}</ul>"""
    return layout(
        site,
        root=root,
        title=f"Massage for sciatica in {city}, {state} · {site.title}",
        body=body,
        canonical=f"{site.base_url}/{LISTS}/{state.lower()}/{city_slug(city)}/",
        breadcrumb=[("Home", root), ("States", f"{root}{LISTS}/"), (state_name, "../"), (city, None)],
    )


def state_page(site: SiteInfo, state: str, cities: list[tuple[str, int]]) -> str:
    root = "../../"
    state_name = STATE_NAMES.get(state, state)
    items = "".join(f'<li><a href="{e(city_slug(city))}/">{e(city)}</a> ({count})</li>' for city, count in cities)
    body = f"""<h1>Massage for sciatica in {e(state_name)}</h1>
<ul class="list">{items}</ul>"""
    return layout(
        site,
        root=root,
        title=f"Massage for sciatica in {state_name} · {site.title}",
        body=body,
        canonical=f"{site.base_url}/{LISTS}/{state.lower()}/",
        breadcrumb=[("Home", root), ("States", "../"), (state_name, None)],
    )


def states_page(site: SiteInfo, states: list[tuple[str, int]]) -> str:
    root = "../"
    items = "".join(
        f'<li><a href="{e(state.lower())}/">{e(STATE_NAMES.get(state, state))}</a> ({count})</li>'
        for state, count in states
    )
    body = f'<h1>Massage for sciatica by state</h1>\n<ul class="list">{items}</ul>'
    return layout(
        site,
        root=root,
        title=f"By state · {site.title}",
        body=body,
        canonical=f"{site.base_url}/{LISTS}/",
        breadcrumb=[("Home", root), ("States", None)],
    )


def redirect_page(site: SiteInfo, target: str, absolute: str) -> str:
    """A page that sends the visitor on: meta refresh (no script), canonical, and a link."""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{e(csp(site))}">
<meta http-equiv="refresh" content="0; url={e(target)}">
<link rel="canonical" href="{e(absolute)}">
<link rel="icon" href="data:,">
<meta name="robots" content="noindex">
<title>Moved</title>
</head>
<body>
<p class="redirect">This page has moved to <a href="{e(target)}">{e(absolute)}</a>.</p>
</body>
</html>
"""


def not_found_page(site: SiteInfo) -> str:
    return layout(
        site,
        root="/",
        title=f"Not found · {site.title}",
        body='<h1>Not found</h1><p>That page is not here. <a href="/">Search again</a>.</p>',
        canonical=f"{site.base_url}/404.html",
    )
