"""OpenStreetMap through the Overpass API: massage shops, physiotherapists and chiropractors.

OSM data is ODbL: every record carries the attribution and the export keeps it. A `remark`
reporting a runtime error (timeout, out of memory) is a failed query, never an empty area.
"""

from __future__ import annotations

from urllib.parse import urlencode

from pipeline.config.sources import OverpassSource
from pipeline.errors import FetchError, SourceError
from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.pages import Page
from pipeline.records import RawListing
from pipeline.sources import Crawl, fetch_options, host_of, json_object

ATTRIBUTION = "© OpenStreetMap contributors (ODbL 1.0, https://www.openstreetmap.org/copyright)"
# What the kind tags say about a place, in words the relevance vocabulary understands.
TAG_SERVICES = {
    ("shop", "massage"): "Massage",
    ("healthcare", "physiotherapist"): "Physiotherapy",
    ("healthcare:speciality", "chiropractic"): "Chiropractic",
    ("healthcare:speciality", "massage_therapy"): "Massage therapy",
    ("healthcare:speciality", "physiotherapy"): "Physiotherapy",
    ("healthcare:speciality", "orthopaedics"): "Orthopedic care",
}


def build_query(source: OverpassSource) -> str:
    """Overpass QL for the configured areas (or bbox) and tag filters, centres for ways/relations."""
    lines = [f"[out:json][timeout:{source.timeout_seconds}];"]
    scopes = []
    for i, area in enumerate(source.areas):
        lines.append(f'area["ISO3166-2"="{area}"]->.a{i};')
        scopes.append(f"(area.a{i})")
    if source.bbox:
        scopes.append("(" + ",".join(f"{value:g}" for value in source.bbox) + ")")
    lines.append("(")
    for spec in source.tags:
        conditions = "".join(_condition(part.strip()) for part in spec.split(","))
        lines += [f"  nwr{conditions}{scope};" for scope in scopes]
    lines += [");", "out center tags;"]
    return "\n".join(lines)


def _condition(part: str) -> str:
    key, _, value = part.partition("=")
    return f'["{key}"="{value}"]' if value else f'["{key}"]'


def crawl(source: OverpassSource, fetcher: Fetcher) -> Crawl:
    result = Crawl(source=source.name)
    url = f"{source.base_url}?{urlencode({'data': build_query(source)})}"
    try:
        page = fetcher.get(url, **fetch_options(source, host_of(source.base_url)))
    except FetchError as err:
        result.fail(err.reason, f"Overpass query failed: {err}")
        return result.finish()
    elements, remark = parse_elements(page.text)
    if remark:
        # Overpass writes a remark when it stopped early (a timeout, out of memory): whatever came
        # is kept, but the crawl is partial, so nothing missing from it is marked inactive.
        result.fail("remark", f"the Overpass answer is incomplete: {remark}")
    for element in elements:
        if element.get("type") == "area":
            result.drop("not_a_place")  # an area is the query's own scope, not a practice
            continue
        listing = parse_element(element, source=source.name, page=page)
        if listing is None:
            result.drop("no_name" if element.get("tags") else "no_tags")
        else:
            result.listings.append(listing)
    return result.finish()


def parse_elements(text: str) -> tuple[list[dict], str]:
    """The elements of an answer and its remark ("" when there is none). Broken JSON, an answer
    without an `elements` list, or a remark with no elements at all is a SourceError: never an
    empty area."""
    data = json_object(text, "Overpass", "overpass")
    remark = " ".join(str(data.get("remark") or "").split())
    elements = data.get("elements")
    if not isinstance(elements, list):
        raise SourceError(
            f"the Overpass answer has no elements list ({remark or 'keys: ' + ', '.join(sorted(data)) or 'empty'})",
            source="overpass",
        )
    if remark and not elements:
        raise SourceError(f"the Overpass query failed on the server: {remark}", source="overpass")
    return [e for e in elements if isinstance(e, dict)], remark


def parse_element(element: dict, *, source: str, page: Page) -> RawListing | None:
    tags = element.get("tags") or {}
    name = tags.get("name") or tags.get("official_name") or tags.get("brand")
    kind, osm_id = element.get("type"), element.get("id")
    if not name or kind not in ("node", "way", "relation") or osm_id is None:
        return None
    point = element if kind == "node" else element.get("center") or {}
    street = " ".join(p for p in (tags.get("addr:housenumber"), tags.get("addr:street")) if p)
    if tags.get("addr:unit"):
        street = f"{street}, Unit {tags['addr:unit']}" if street else ""
    services = services_from_tags(tags)
    fields = {
        "name": name,
        "phone": tags.get("phone") or tags.get("contact:phone") or "",
        "website": tags.get("website") or tags.get("contact:website") or "",
        "email": tags.get("email") or tags.get("contact:email") or "",
        "street": street,
        "address": tags.get("addr:full", "") if not street else "",
        "city": tags.get("addr:city", ""),
        "state": tags.get("addr:state", ""),
        "postal_code": tags.get("addr:postcode", ""),
        "country": tags.get("addr:country", ""),
        "description": tags.get("description", ""),
        "opening_hours": tags.get("opening_hours", ""),
        "services": services,
    }
    return RawListing(
        source=source,
        source_key=f"osm:{kind}/{osm_id}",
        url=f"https://www.openstreetmap.org/{kind}/{osm_id}",
        fetched_at=page.fetched_at,
        raw_sha256=page.sha256,
        fields={key: value for key, value in fields.items() if value},
        lat=_number(point.get("lat")),
        lon=_number(point.get("lon")),
        attribution=ATTRIBUTION,
        kind="business",  # a place on the map: "Café do Ponto", "Berkeley Yacht Club" are not people
    )


def services_from_tags(tags: dict) -> list[str]:
    """What an element's kind tags say it offers, in words the relevance vocabulary understands."""
    services = [label for (key, value), label in TAG_SERVICES.items() if tags.get(key) == value]
    if tags.get("massage") and tags["massage"] not in ("yes", "no"):
        services.append(tags["massage"].replace("_", " ").replace(";", ", ") + " massage")
    return services


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
