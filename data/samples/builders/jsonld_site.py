"""The JSON-LD directory site sample, ``jsonld-site/``: profiles whose fields exist only as schema.org markup.

``robots.txt``, ``index.html`` and ``p/<slug>.html`` profiles whose fields
exist only as schema.org JSON-LD or microdata (this folder is deleted and
rewritten).
"""

from __future__ import annotations

import html
import json
import shutil

from .entities import CITY_CENTRES, ENTITIES, check_site_match, haversine_km
from .formats import SAMPLES, fmt_phone, write_text

SITE_DIR = SAMPLES / "jsonld-site"


# --------------------------------------------------------------------------
# JSON-LD directory site. Which page is which:
#   single object (5): brooks (LocalBusiness), eastsoak (HealthAndBeautyBusiness),
#       park (MedicalBusiness, "@context": "http://schema.org/"), rosecity (DaySpa),
#       milehigh (MedicalClinic)
#   @graph (3):        bullcreek, fulton, glenwood
#   top-level list (1): mapleton
#   microdata only (2): southlamar, tampabay
#   broken JSON (1):   avltp (trailing comma + truncated; no microdata)
#   same businesses as site-truth.json: brooks (keisha-brooks-austin),
#       park (elaine-park-austin), rosecity (rose-city-day-spa-portland)
#   relevant (sciatica / deep tissue / NMT / trigger point / myofascial): brooks, park,
#       milehigh, bullcreek, fulton, mapleton, southlamar; relaxation-only: eastsoak,
#       rosecity, glenwood, tampabay
# --------------------------------------------------------------------------
def svc_offers(names):
    return [{"@type": "Offer", "itemOffered": {"@type": "Service", "name": n}} for n in names]


def catalog(name, names):
    return {"@type": "OfferCatalog", "name": name, "itemListElement": svc_offers(names)}


def postal(e, street_override=None):
    street = street_override or (e["street"] + (", " + e["unit"] if e["unit"] else ""))
    return {
        "@type": "PostalAddress",
        "streetAddress": street,
        "addressLocality": e["city"],
        "addressRegion": e["state"],
        "postalCode": e["zip"],
        "addressCountry": "US",
    }


def geo(lat, lon):
    return {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}


JSONLD_PAGES = []  # dicts: slug, key, variant, relevant, name, title, body, data|microdata|broken


def jpage(slug, key, variant, relevant, name, intro, data=None, microdata=None, broken=None, geo_pt=None):
    e = ENTITIES[key]
    if geo_pt:
        assert haversine_km(*geo_pt, *CITY_CENTRES[e["city"]]) <= 5.0, slug
    JSONLD_PAGES.append(
        dict(
            slug=slug,
            key=key,
            variant=variant,
            relevant=relevant,
            name=name,
            intro=intro,
            data=data,
            microdata=microdata,
            broken=broken,
        )
    )


def build_jsonld_pages():
    JSONLD_PAGES.clear()
    ORG = "https://schema.org"
    # --- 5 single objects ---
    e = ENTITIES["keisha"]
    jpage(
        "brooks-neuromuscular-studio-austin",
        "keisha",
        "single",
        True,
        "Brooks Neuromuscular Studio",
        "Neuromuscular therapy in South Austin.",
        data={
            "@context": ORG,
            "@type": "LocalBusiness",
            "name": "Brooks Neuromuscular Studio",
            "telephone": fmt_phone(e["phone"], "intl_dash"),
            "url": "https://brooks-nmt.test/",
            "address": postal(e),
            "geo": geo(30.2498105, -97.7676321),
            "openingHours": "Mo-Fr 10:00-19:00",
            "description": "Keisha Brooks, LMT, NMT uses neuromuscular therapy and myofascial release for sciatica and piriformis syndrome.",
            "makesOffer": svc_offers(["Neuromuscular Therapy", "Myofascial Release", "Deep Tissue Massage"]),
        },
        geo_pt=(30.2498105, -97.7676321),
    )
    e = ENTITIES["eastsoak"]
    jpage(
        "eastside-stone-and-soak-austin",
        "eastsoak",
        "single",
        False,
        "Eastside Stone & Soak",
        "A calm east-side retreat.",
        data={
            "@context": ORG,
            "@type": "HealthAndBeautyBusiness",
            "name": "Eastside Stone & Soak",
            "telephone": fmt_phone(e["phone"], "paren"),
            "url": "https://eastsidestoneandsoak.example.com/",
            "email": "hello@eastsidestoneandsoak.example.com",
            "address": postal(e),
            "openingHours": ["Tu-Sa 10:00-20:00", "Su 11:00-17:00"],
            "description": "Relaxation and hot stone massage, aromatherapy and soaking tubs. Unwind after a long week.",
            "hasOfferCatalog": catalog(
                "Spa menu", ["Hot Stone Massage", "Aromatherapy Massage", "Swedish Relaxation Massage"]
            ),
        },
    )
    e = ENTITIES["elaine"]
    jpage(
        "park-orthopedic-medical-massage-austin",
        "elaine",
        "single",
        True,
        "Park Orthopedic & Medical Massage",
        "Orthopedic assessment and medical massage.",
        data={
            "@context": "http://schema.org/",
            "@type": "MedicalBusiness",
            "name": "Park Orthopedic & Medical Massage",
            "telephone": fmt_phone(e["phone"], "paren"),
            "url": "https://park-ortho.example.org",
            "address": postal(e, "3801 N Capital of Texas Hwy, Bldg E"),
            "openingHours": "Mo-Th 07:30-17:30",
            "description": "Dr. Elaine Park, DPT, LMT combines an orthopedic assessment with medical massage for herniated disc and sciatica patients.",
            "makesOffer": svc_offers(["Medical Massage", "Orthopedic Massage", "Post-surgical Rehabilitation"]),
        },
    )
    e = ENTITIES["rosecity"]
    jpage(
        "rose-city-day-spa-portland",
        "rosecity",
        "single",
        False,
        "Rose City Day Spa",
        "Downtown Portland day spa.",
        data={
            "@context": ORG,
            "@type": "DaySpa",
            "name": "Rose City Day Spa",
            "telephone": fmt_phone(e["phone"], "dash"),
            "url": "https://rosecitydayspa.example.com/",
            "email": "info@rosecitydayspa.example.com",
            "address": postal(e),
            "geo": geo(45.5177140, -122.6796203),
            "openingHours": "Mo-Su 09:00-21:00",
            "description": "Relaxation and hot stone massage, facials and body wraps in the heart of downtown.",
            "hasOfferCatalog": catalog("Treatments", ["Swedish Massage", "Hot Stone Massage", "Signature Facial"]),
        },
        geo_pt=(45.5177140, -122.6796203),
    )
    e = ENTITIES["milehigh"]
    jpage(
        "mile-high-spine-massage-clinic-denver",
        "milehigh",
        "single",
        True,
        "Mile High Spine & Massage Clinic",
        "Clinical massage near Cheesman Park.",
        data={
            "@context": ORG,
            "@type": "MedicalClinic",
            "name": "Mile High Spine & Massage Clinic",
            "telephone": fmt_phone(e["phone"], "intl"),
            "url": "https://milehighspine.example.org/",
            "email": "frontdesk@milehighspine.example.org",
            "address": postal(e),
            "geo": geo(39.7412305, -104.9594168),
            "openingHours": ["Mo-Fr 08:00-18:00", "Sa 09:00-13:00"],
            "description": "Clinical massage for sciatica: trigger point therapy and neuromuscular therapy for low back pain and herniated discs.",
            "makesOffer": svc_offers(["Trigger Point Therapy", "Neuromuscular Therapy", "Sciatica Relief Massage"]),
        },
        geo_pt=(39.7412305, -104.9594168),
    )
    # --- 3 @graph ---
    e = ENTITIES["bullcreek"]
    base = "https://bullcreek-myofascial.example.com/"
    jpage(
        "bull-creek-myofascial-therapy-austin",
        "bullcreek",
        "graph",
        True,
        "Bull Creek Myofascial Therapy",
        "Myofascial release in northwest Austin.",
        data={
            "@context": ORG,
            "@graph": [
                {
                    "@type": "WebPage",
                    "@id": base + "#webpage",
                    "url": base,
                    "name": "Bull Creek Myofascial Therapy | Austin",
                    "breadcrumb": {"@id": base + "#breadcrumb"},
                    "about": {"@id": base + "#business"},
                },
                {
                    "@type": "BreadcrumbList",
                    "@id": base + "#breadcrumb",
                    "itemListElement": [
                        {"@type": "ListItem", "position": 1, "name": "Home", "item": base},
                        {"@type": "ListItem", "position": 2, "name": "Austin", "item": base + "austin/"},
                    ],
                },
                {
                    "@type": "HealthAndBeautyBusiness",
                    "@id": base + "#business",
                    "name": "Bull Creek Myofascial Therapy",
                    "telephone": fmt_phone(e["phone"], "dash"),
                    "url": base,
                    "address": postal(e),
                    "openingHours": "Mo-Fr 09:00-17:00",
                    "description": "Myofascial release and deep tissue work for sciatica, piriformis syndrome and chronic low back pain.",
                    "employee": {"@id": base + "#colette"},
                    "makesOffer": svc_offers(["Myofascial Release", "Deep Tissue Massage"]),
                },
                {
                    "@type": "Person",
                    "@id": base + "#colette",
                    "name": "Colette Baptiste",
                    "jobTitle": "Licensed Massage Therapist",
                    "worksFor": {"@id": base + "#business"},
                },
            ],
        },
    )
    e = ENTITIES["fulton"]
    base = "https://fultonmarketbodywork.example.com/"
    jpage(
        "fulton-market-bodywork-chicago",
        "fulton",
        "graph",
        True,
        "Fulton Market Bodywork",
        "West Loop bodywork studio.",
        data={
            "@context": ORG,
            "@graph": [
                {"@type": "WebPage", "@id": base + "#webpage", "url": base, "name": "Fulton Market Bodywork"},
                {
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {"@type": "ListItem", "position": 1, "name": "Therapists", "item": base + "therapists/"},
                        {"@type": "ListItem", "position": 2, "name": "Fulton Market Bodywork"},
                    ],
                },
                {
                    "@type": "LocalBusiness",
                    "@id": base + "#business",
                    "name": "Fulton Market Bodywork",
                    "telephone": fmt_phone(e["phone"], "intl"),
                    "url": base,
                    "email": "studio@fultonmarketbodywork.example.com",
                    "address": postal(e),
                    "geo": geo(41.8866491, -87.6527335),
                    "openingHours": ["Mo-Fr 09:00-20:00", "Sa 09:00-16:00"],
                    "description": "Deep tissue and trigger point therapy for sciatica and low back pain.",
                    "employee": [
                        {"@type": "Person", "name": "Desiree Vance", "jobTitle": "Licensed Massage Therapist"}
                    ],
                    "hasOfferCatalog": catalog("Services", ["Deep Tissue Massage", "Trigger Point Therapy"]),
                },
            ],
        },
        geo_pt=(41.8866491, -87.6527335),
    )
    e = ENTITIES["glenwood"]
    base = "https://glenwoodhotstone.example.net/"
    jpage(
        "glenwood-hot-stone-retreat-raleigh",
        "glenwood",
        "graph",
        False,
        "Glenwood Hot Stone Retreat",
        "Hot stone and aromatherapy in Raleigh.",
        data={
            "@context": ORG,
            "@graph": [
                {"@type": "WebPage", "@id": base + "#webpage", "url": base, "name": "Glenwood Hot Stone Retreat"},
                {
                    "@type": "BreadcrumbList",
                    "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Home", "item": base}],
                },
                {
                    "@type": "DaySpa",
                    "@id": base + "#business",
                    "name": "Glenwood Hot Stone Retreat",
                    "telephone": fmt_phone(e["phone"], "dot"),
                    "url": base,
                    "address": postal(e),
                    "openingHours": "Tu-Su 10:00-19:00",
                    "description": "Relaxation and hot stone massage with aromatherapy. A quiet hour just for you.",
                    "employee": {"@type": "Person", "name": "Harriet Lowe", "jobTitle": "Licensed Massage Therapist"},
                    "makesOffer": svc_offers(["Hot Stone Massage", "Aromatherapy Massage"]),
                },
            ],
        },
    )
    # --- 1 top-level list ---
    e = ENTITIES["mapleton"]
    jpage(
        "mapleton-deep-tissue-boulder",
        "mapleton",
        "list",
        True,
        "Mapleton Deep Tissue",
        "Deep tissue massage in north Boulder.",
        data=[
            {
                "@context": ORG,
                "@type": "WebSite",
                "name": "Mapleton Deep Tissue",
                "url": "https://mapleton-deeptissue.test/",
            },
            {
                "@context": ORG,
                "@type": "HealthAndBeautyBusiness",
                "name": "Mapleton Deep Tissue",
                "telephone": fmt_phone(e["phone"], "paren"),
                "url": "https://mapleton-deeptissue.test/",
                "address": postal(e),
                "geo": geo(40.0234018, -105.2786542),
                "openingHours": "Mo-Sa 09:00-19:00",
                "description": "Deep tissue massage and myofascial release for sciatica and hip pain.",
                "makesOffer": svc_offers(["Deep Tissue Massage", "Myofascial Release"]),
            },
        ],
        geo_pt=(40.0234018, -105.2786542),
    )
    # --- 2 microdata only ---
    jpage(
        "south-lamar-sciatica-relief-austin",
        "southlamar",
        "microdata",
        True,
        "South Lamar Sciatica Relief Massage",
        "",
        microdata=dict(
            url="https://southlamar-sciatica.example.com/",
            description="Trigger point therapy and deep tissue massage focused on sciatica and low back pain.",
        ),
    )
    jpage(
        "tampa-bay-swedish-aroma-tampa",
        "tampabay",
        "microdata",
        False,
        "Tampa Bay Swedish & Aroma",
        "",
        microdata=dict(
            url="https://tampabayswedish.example.org/",
            description="Swedish and aromatherapy massage for pure relaxation.",
        ),
    )
    # --- 1 broken ---
    e = ENTITIES["avltp"]
    broken = (
        '{\n  "@context": "https://schema.org",\n  "@type": "HealthAndBeautyBusiness",\n'
        '  "name": "Asheville Trigger Point Center",\n'
        f'  "telephone": "{fmt_phone(e["phone"], "intl")}",\n'
        '  "address": {\n    "@type": "PostalAddress",\n'
        f'    "streetAddress": "{e["street"]}",\n    "addressLocality": "Asheville",\n'
        '    "addressRegion": "NC",\n    "postalCode": "28801",\n  },\n'
        '  "description": "Trigger point therapy for sciatica",\n  "makesOffer": [\n    {"@type": "Offer", "itemOffered": {"@type": "Serv'
    )
    jpage(
        "asheville-trigger-point-center",
        "avltp",
        "broken",
        False,
        "Asheville Trigger Point Center",
        "Trigger point therapy downtown.",
        broken=broken,
    )


PAGE_TMPL = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | Bodywork Finder</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{scripts}</head>
<body>
<div class="wrap">
<nav class="n1"><a href="/index.html">All profiles</a></nav>
{main}
<div class="f9">Bodywork Finder is a fictional sample site. Nothing here is real.</div>
</div>
</body>
</html>
"""


def render_page(p) -> str:
    e = ENTITIES[p["key"]]
    title = html.escape(p["name"])
    scripts = ""
    if p["data"] is not None:
        body = json.dumps(p["data"], indent=2, ensure_ascii=False)
        scripts = f'<script type="application/ld+json">\n{body}\n</script>\n'
    elif p["broken"] is not None:
        scripts = f'<script type="application/ld+json">\n{p["broken"]}\n</script>\n'
    if p["microdata"] is not None:
        md = p["microdata"]
        unit = f", {html.escape(e['unit'])}" if e["unit"] else ""
        main = (
            '<div class="x1" itemscope itemtype="https://schema.org/HealthAndBeautyBusiness">\n'
            f'  <h1 class="x2" itemprop="name">{title}</h1>\n'
            f'  <p class="x3" itemprop="description">{html.escape(md["description"])}</p>\n'
            '  <div class="x4" itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">\n'
            f'    <span itemprop="streetAddress">{html.escape(e["street"])}{unit}</span><br>\n'
            f'    <span itemprop="addressLocality">{html.escape(e["city"])}</span>,\n'
            f'    <span itemprop="addressRegion">{e["state"]}</span>\n'
            f'    <span itemprop="postalCode">{e["zip"]}</span>\n'
            "  </div>\n"
            f'  <p class="x5">Call <span itemprop="telephone">{fmt_phone(e["phone"], "paren")}</span> or visit '
            f'<a itemprop="url" href="{md["url"]}">our website</a>.</p>\n'
            "</div>"
        )
    else:
        main = (
            '<div class="x1">\n'
            f'  <h1 class="x2">{title}</h1>\n'
            f'  <p class="x3">{html.escape(p["intro"])} Details and booking below.</p>\n'
            '  <div class="x6"><button type="button">Book now</button></div>\n'
            "</div>"
        )
    return PAGE_TMPL.format(title=title, scripts=scripts, main=main)


def render_index(pages) -> str:
    items = "\n".join(
        f'<li class="result"><a class="result-link" href="/p/{p["slug"]}.html">{html.escape(p["name"])}</a></li>'
        for p in sorted(pages, key=lambda p: p["slug"])
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Bodywork Finder: all profiles</title>\n</head>\n<body>\n"
        '<h1>All profiles</h1>\n<ul class="results">\n'
        f"{items}\n</ul>\n"
        '<p class="f9">Bodywork Finder is a fictional sample site. Nothing here is real.</p>\n'
        "</body>\n</html>\n"
    )


def build() -> list[dict]:
    """The pages (``JSONLD_PAGES``), in the order they are declared."""
    build_jsonld_pages()
    return JSONLD_PAGES


def write(pages: list[dict]) -> None:
    if SITE_DIR.exists():
        shutil.rmtree(SITE_DIR)
    write_text(SITE_DIR / "robots.txt", "User-agent: *\nAllow: /\n")
    write_text(SITE_DIR / "index.html", render_index(pages))
    for p in pages:
        write_text(SITE_DIR / "p" / f"{p['slug']}.html", render_page(p))


def site_matches(site_truth, pages: list[dict]) -> dict[str, str]:
    """Site slug -> page slug, for the pages declared as the same business as a site listing (checked)."""
    matches = {}
    for p in pages:
        e = ENTITIES[p["key"]]
        if e["site"]:
            check_site_match(site_truth, e["site"], p["name"], e["phone"], e["zip"])
            matches[e["site"]] = p["slug"]
    return matches
