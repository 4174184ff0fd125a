"""A therapist's own page (/t/<slug>/): the whole record in plain language, its evidence, the
schema.org JSON-LD that describes it, and a small map."""

from __future__ import annotations

from pipeline.publish.site_pages import (
    LISTS,
    STATE_NAMES,
    TIER_MEANINGS,
    TIER_NAMES,
    SiteInfo,
    city_slug,
    e,
    host_of,
    json_for_script,
    layout,
    technique_list,
    tier_badge,
    web_link,
)


def therapist_page(site: SiteInfo, record: dict) -> str:
    """/t/<slug>/: the whole record in plain language, its evidence, JSON-LD, a small map."""
    root = "../../"
    name = record["name"]
    place = ", ".join(p for p in (record.get("city"), record.get("state")) if p)
    canonical = f"{site.base_url}/t/{record['slug']}/"
    facts: list[tuple[str, str]] = []
    if record.get("credentials"):
        facts.append(("Credentials", e(", ".join(record["credentials"]))))
    if record.get("business_name") and record["business_name"] != name:
        facts.append(("Practice", e(record["business_name"])))
    address = ", ".join(p for p in (record.get("street"), record.get("city")) if p)
    region = " ".join(p for p in (record.get("state"), record.get("postal_code")) if p)
    if address or region:
        derived = " (derived from the map's coordinates)" if record.get("address_derived") else ""
        facts.append(("Address", e(", ".join(p for p in (address, region) if p) + derived)))
    if record.get("phone"):
        facts.append(
            ("Phone", f'<a href="tel:{e(record["phone"])}">{e(record.get("phone_display") or record["phone"])}</a>')
        )
    if link := web_link(record.get("website")):
        facts.append(("Website", f'<a href="{e(link)}" rel="noopener noreferrer nofollow">{e(host_of(link))}</a>'))
    if record.get("email"):
        facts.append(("Email", f'<a href="mailto:{e(record["email"])}">{e(record["email"])}</a>'))
    for key, label in (("opening_hours", "Opening hours"), ("price_range", "Prices")):
        if record.get(key):
            facts.append((label, e(record[key])))
    for key, label in (("payment_accepted", "Payment"), ("languages", "Languages")):
        if record.get(key):
            facts.append((label, e(", ".join(record[key]))))
    for licence in record.get("licenses") or []:
        state = STATE_NAMES.get(licence.get("state") or "", licence.get("state") or "")
        status = f", {licence['status']}" if licence.get("status") else ""
        facts.append(("Licence", e(f"{state} licence {licence.get('number')}{status}, as the sources below list it")))
    if record.get("npi"):
        registry = f"https://npiregistry.cms.hhs.gov/provider-view/{record['npi']}"
        facts.append(
            ("NPI", f'<a href="{e(registry)}" rel="noopener noreferrer">{e(record["npi"])}</a> (NPPES registry)')
        )
    facts_html = "".join(f"<dt>{e(label)}</dt><dd>{value}</dd>" for label, value in facts)
    evidence = "".join(
        f"<li><strong>{e(site.technique_names.get(item['technique'], item['technique']))}</strong>: "
        f"<q>{e(item['snippet'])}</q> "
        + (
            f'<a href="{e(link)}" rel="noopener noreferrer nofollow">from {e(host_of(link))}</a>'
            if (link := web_link(item.get("source_url")))
            else ""
        )
        + "</li>"
        for item in record.get("evidence") or []
    )
    tier = record["relevance_tier"]
    sources = "".join(
        f"<li>{e(source)}"
        + (f' <span class="notice">({e(site.sources[source].get("license"))})</span>' if source in site.sources else "")
        + "</li>"
        for source in record.get("sources") or []
    )
    notices = record.get("attribution") or []
    notices = [notices] if isinstance(notices, str) else notices
    attribution = f'<p class="notice">{e(" · ".join(notices))}</p>' if notices else ""
    located = record.get("lat") is not None and record.get("lon") is not None
    map_div = (
        f'<div id="map" class="profile-map" data-lat="{record["lat"]}" data-lon="{record["lon"]}" '
        f'data-name="{e(name)}" data-tier="{e(tier)}" role="region" aria-label="Map: {e(name)}"></div>'
        if located
        else ""
    )
    conditions = ", ".join(site.technique_names.get(c, c) for c in record.get("conditions") or [])
    body = f"""<article class="profile">
<h1>{e(name)}</h1>
<p>{tier_badge(tier)} relevance for sciatica ({e(record["relevance_score"])} of 100): {e(TIER_MEANINGS.get(tier, ""))}.
{e(place)}</p>
{technique_list(site, record.get("techniques") or [])}
{f"<p>Treats: {e(conditions)}.</p>" if conditions else ""}
<h2>Why it is listed</h2>
{f'<ul class="evidence-list">{evidence}</ul>' if evidence else f"<p>{e(TIER_MEANINGS['unknown'].capitalize())}.</p>"}
<h2>Details</h2>
<dl class="facts">{facts_html}</dl>
{map_div}
<h2>Sources</h2>
<ul>{sources}</ul>
{attribution}<p class="notice">Listed since {e((record.get("first_seen") or "")[:10])};
last updated {e((record.get("updated_at") or "")[:10])}.</p>
</article>"""
    state = record.get("state")
    crumbs: list[tuple[str, str | None]] = [("Home", root), ("States", f"{root}{LISTS}/")]
    if state and record.get("city"):
        crumbs += [
            (STATE_NAMES.get(state, state), f"{root}{LISTS}/{state.lower()}/"),
            (record["city"], f"{root}{LISTS}/{state.lower()}/{city_slug(record['city'])}/"),
        ]
    crumbs.append((name, None))
    ld = f'<script type="application/ld+json">{json_for_script(json_ld(record, canonical))}</script>\n'
    description = f"{name}, {place}: {TIER_NAMES.get(tier, tier)} relevance for sciatica." if place else name
    return layout(
        site,
        root=root,
        title=f"{name} · {site.title}",
        description=description,
        body=body,
        canonical=canonical,
        head=ld,
        breadcrumb=crumbs,
        scripts=(
            (
                "assets/vendor/leaflet/leaflet.js",
                "assets/vendor/topojson-client/topojson-client.min.js",
                "assets/basemap.js",
                "assets/profile.js",
            )
            if located
            else ()
        ),  # fmt: skip
    )


def json_ld(record: dict, url: str) -> dict:
    """schema.org: a HealthAndBeautyBusiness, or a Person working at a Place."""
    address = {
        key: value
        for key, value in (
            ("@type", "PostalAddress"),
            ("streetAddress", record.get("street")),
            ("addressLocality", record.get("city")),
            ("addressRegion", record.get("state")),
            ("postalCode", record.get("postal_code")),
            ("addressCountry", "US"),
        )
        if value
    }
    geo = (
        {"@type": "GeoCoordinates", "latitude": record["lat"], "longitude": record["lon"]}
        if record.get("lat") is not None
        else None
    )
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Person" if record.get("kind") == "person" else "HealthAndBeautyBusiness",
        "@id": f"{url}#therapist",
        "name": record["name"],
        "url": url,
        "address": address,
    }
    if record.get("phone"):
        data["telephone"] = record["phone"]
    if link := web_link(record.get("website")):
        data["sameAs"] = [link]
    if record.get("npi"):
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "NPI", "value": record["npi"]}
    if data["@type"] == "Person":
        place: dict = {"@type": "Place", "address": address}
        if geo:
            place["geo"] = geo
        data["workLocation"] = place
        if record.get("credentials"):
            data["hasCredential"] = [
                {"@type": "EducationalOccupationalCredential", "name": c} for c in record["credentials"]
            ]
    else:
        if geo:
            data["geo"] = geo
        if record.get("opening_hours"):
            data["openingHours"] = record["opening_hours"]
        if record.get("price_range"):
            data["priceRange"] = record["price_range"]
    return data
