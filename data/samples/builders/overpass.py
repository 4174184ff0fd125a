"""The Overpass API sample: ``overpass/interpreter.json`` and ``overpass/timeout.json``.

``interpreter.json`` is ``out center tags`` output (nodes with ``lat``/``lon``,
ways and relations with a ``center``); ``timeout.json`` is the HTTP-200 style
runtime-error remark, with no elements.
"""

from __future__ import annotations

from .entities import CITY_CENTRES, ENTITIES, check_site_match, haversine_km
from .formats import SAMPLES, fmt_phone, write_json
from .identifiers import RNG

# --------------------------------------------------------------------------
# Overpass elements: (key, type, lat, lon, kind tags, extras)
# phone_tag: "phone" or "contact:phone"; phone_style per fmt_phone.
# --------------------------------------------------------------------------
SCIATICA = "Deep tissue and trigger point therapy for sciatica and low back pain"
RELAX = "Relaxation and hot stone massage"
OVERPASS = [
    # same businesses as the sample directory site
    dict(
        key="jane",
        name="Alvarez Therapeutic Bodywork",
        type="node",
        lat=30.2508412,
        lon=-97.7493867,
        tags={"shop": "massage", "massage": "deep_tissue", "description": SCIATICA},
        phone_style="intl",
        web="https://www.alvarez-bodywork.example.com/",
        hours="Mo-Fr 09:00-18:00; Sa 10:00-14:00",
    ),
    dict(
        key="keisha",
        name="Brooks Neuromuscular Studio",
        type="node",
        lat=30.2498105,
        lon=-97.7676321,
        tags={"shop": "massage"},
        phone_tag="contact:phone",
        phone_style="intl_dash",
        web="https://brooks-nmt.test/",
        web_tag="contact:website",
        hours="Mo-Fr 10:00-19:00",
    ),
    dict(
        key="willow",
        name="Willow Creek Day Spa",
        type="node",
        lat=30.2652870,
        lon=-97.7437344,
        tags={"shop": "massage", "description": RELAX},
        phone_style="paren",
        email="relax@willowcreekspa.example.org",
        web="https://willowcreekspa.example.org/",
        hours="Tu-Su 10:00-20:00",
    ),
    dict(
        key="cedar",
        name="Cedar Clinical Massage",
        type="way",
        lat=39.7290616,
        lon=-104.9836402,
        tags={
            "shop": "massage",
            "massage": "deep_tissue",
            "description": "Medical and orthopedic massage for herniated disc and low back pain",
        },
        phone_style="intl",
        web="https://cedar-clinic.example.net/",
        email="book@cedar-clinic.example.net",
        hours="Mo-Fr 08:00-19:00; Sa 09:00-13:00",
    ),
    dict(
        key="eli",
        name="Flatiron Sports Massage",
        type="node",
        lat=40.0187733,
        lon=-105.2801915,
        tags={"shop": "massage", "massage": "sports"},
        phone_style="intl_space",
        web="https://flatiron-sportsmassage.example.com/",
        hours="Mo-Sa 08:00-18:00",
    ),
    dict(
        key="dana",
        name="Hawthorne Bodywork",
        type="way",
        lat=45.5121744,
        lon=-122.6468190,
        tags={"shop": "massage", "description": SCIATICA},
        phone_style="intl",
        web="https://hawthorne-bodywork.example.com/",
        hours="Mo-Fr 09:00-18:00; Sa 10:00-14:00",
    ),
    dict(
        key="priya",
        name="DeLuca Neuromuscular",
        type="node",
        lat=35.7814966,
        lon=-78.6450713,
        tags={"shop": "massage", "massage": "deep_tissue"},
        phone_tag="contact:phone",
        phone_style="intl",
        web="https://deluca-nmt.test/",
        web_tag="contact:website",
        hours="Mo-Th 10:00-19:00; Fr 10:00-16:00",
    ),
    dict(
        key="lotustide",
        name="Lotus Tide Day Spa",
        type="way",
        lat=27.9489811,
        lon=-82.4611587,
        tags={"shop": "massage", "description": RELAX},
        phone_style="intl",
        hours="Mo-Su 10:00-21:00",
    ),
    # no site counterpart
    dict(
        key="lucia",
        name="Ferrante Deep Tissue",
        type="node",
        lat=30.2459677,
        lon=-97.7559811,
        tags={"shop": "massage", "massage": "deep_tissue", "description": SCIATICA},
        phone_style="intl",
        web="https://ferrante-deeptissue.example.com/",
        hours="Mo-Fr 09:00-18:00; Sa 10:00-14:00",
    ),
    dict(
        key="capital",
        name="Capital City Sciatica Relief",
        type="relation",
        lat=30.2707214,
        lon=-97.7450566,
        tags={"shop": "massage", "type": "multipolygon", "building": "commercial", "description": SCIATICA},
        phone_style="intl",
        web="https://capitalcity-sciatica.example.com/",
        hours="Mo-Fr 08:00-20:00; Sa 09:00-15:00",
    ),
    dict(
        key="bangkok",
        name="Bangkok Lotus Thai Massage",
        type="node",
        lat=30.2954120,
        lon=-97.7417904,
        tags={"shop": "massage", "massage": "thai"},
        phone=False,
        web="http://bangkoklotus.example.com/",
        hours="Mo-Su 11:00-21:00",
    ),
    dict(
        key="eastsoak",
        name="Eastside Stone & Soak",
        type="node",
        lat=30.2616450,
        lon=-97.7229218,
        tags={"shop": "massage", "description": RELAX},
        phone_style="intl",
        web="https://eastsidestoneandsoak.example.com/",
        email="hello@eastsidestoneandsoak.example.com",
        hours="Tu-Sa 10:00-20:00; Su 11:00-17:00",
    ),
    dict(
        key="caleb",
        name="Morrow Sports Physical Therapy",
        type="way",
        lat=30.2963655,
        lon=-97.7339468,
        tags={"healthcare": "physiotherapist"},
        phone_style="intl",
        web="https://morrow-pt.example.org/",
        hours="Mo-Fr 07:00-19:00",
    ),
    dict(
        key="gabriel",
        name="South Congress Chiropractic",
        type="node",
        lat=30.2422779,
        lon=-97.7511604,
        tags={"healthcare": "alternative", "healthcare:speciality": "chiropractic"},
        phone_style="intl",
        hours="Mo-Fr 08:00-18:00",
    ),
    dict(
        key="palmvalley",
        name="Palm Valley Massage",
        type="node",
        lat=30.5167612,
        lon=-97.6703128,
        tags={"shop": "massage"},
        phone_style="intl",
        web="https://palmvalleymassage.example.com/",
        hours="Mo-Sa 09:00-19:00",
    ),
    dict(
        key="rino",
        name="RiNo Recovery Massage",
        type="node",
        lat=39.7605812,
        lon=-104.9829440,
        tags={"shop": "massage", "massage": "deep_tissue", "description": SCIATICA},
        phone_style="intl",
        email="recover@rino-massage.example.net",
        web="https://rino-massage.example.net/",
        hours="Mo-Fr 09:00-20:00; Sa 09:00-17:00",
    ),
    dict(
        key="cheesman",
        name="Cheesman Park Physiotherapy",
        type="way",
        lat=39.7370551,
        lon=-104.9726903,
        tags={"healthcare": "physiotherapist"},
        phone_tag="contact:phone",
        phone_style="intl",
        web="https://cheesman-physio.example.org/",
        web_tag="contact:website",
        hours="Mo-Fr 07:30-18:30",
    ),
    dict(
        key="pearl",
        name="Pearl District Relaxation Spa",
        type="way",
        lat=45.5285773,
        lon=-122.6810958,
        tags={"shop": "massage", "description": RELAX},
        phone_style="intl",
        web="https://pearldistrictspa.example.com/",
        hours="Mo-Su 10:00-20:00",
    ),
    dict(
        key="westavl",
        name="West Asheville Chiropractic",
        type="node",
        lat=35.5795830,
        lon=-82.5889512,
        tags={"healthcare": "alternative", "healthcare:speciality": "chiropractic"},
        phone_style="intl",
        hours="Mo,We,Fr 08:00-17:00; Tu,Th 12:00-19:00",
    ),
    dict(
        key="oakwood",
        name="Oakwood Trigger Point Studio",
        type="node",
        lat=35.7869894,
        lon=-78.6331287,
        tags={"shop": "massage", "massage": "deep_tissue", "description": SCIATICA},
        phone_style="intl",
        web="https://oakwood-triggerpoint.example.com/",
        web_tag="contact:website",
        hours="Mo-Fr 10:00-18:00",
    ),
    dict(
        key="fulton",
        name="Fulton Market Bodywork",
        type="node",
        lat=41.8866491,
        lon=-87.6527335,
        tags={"shop": "massage", "description": SCIATICA},
        phone_style="intl",
        web="https://fultonmarketbodywork.example.com/",
        hours="Mo-Fr 09:00-20:00; Sa 09:00-16:00",
    ),
    dict(
        key="lpthai",
        name="Lincoln Park Thai Massage",
        type="node",
        lat=41.9157233,
        lon=-87.6486119,
        tags={"shop": "massage", "massage": "thai"},
        phone_style="intl",
        web="https://lincolnparkthai.example.com/",
        hours="Mo-Su 10:00-22:00",
    ),
    dict(
        key="hydeswedish",
        name="Hyde Park Swedish Spa",
        type="node",
        lat=27.9383804,
        lon=-82.4782617,
        tags={"shop": "massage", "description": RELAX},
        phone_style="intl",
        hours="Mo-Sa 10:00-19:00",
    ),
    dict(
        key="sohosports",
        name="SoHo Sports Massage",
        type="node",
        lat=27.9419650,
        lon=-82.4829571,
        tags={"shop": "massage", "massage": "sports"},
        phone_style="intl",
        web="https://sohosportsmassage.example.com/",
        hours="Mo-Fr 07:00-19:00; Sa 08:00-12:00",
    ),
]
OSM_GENERATOR = "Overpass API 0.7.62.1 (fictional sample)"
OSM3S = {
    "timestamp_osm_base": "2026-11-01T00:00:00Z",
    "timestamp_areas_base": "2026-10-30T00:00:00Z",
    "copyright": "The data included in this document is from www.openstreetmap.org. The data is made available under ODbL.",
}
_ID_RANGES = {
    "node": (4_000_000_000, 12_400_000_000),
    "way": (200_000_000, 1_300_000_000),
    "relation": (1_000_000, 18_000_000),
}


def build_overpass_element(spec) -> dict:
    e = ENTITIES[spec["key"]]
    tags = dict(spec["tags"])
    tags["name"] = spec["name"]
    num, _, rest = e["street"].partition(" ")
    tags["addr:housenumber"] = num
    tags["addr:street"] = expand_street(rest)
    if e["unit"]:
        tags["addr:unit"] = e["unit"].split(" ", 1)[1]
    tags["addr:city"] = e["city"]
    tags["addr:state"] = e["state"]
    tags["addr:postcode"] = e["zip"]
    if spec.get("phone", True) and e["phone"]:
        tags[spec.get("phone_tag", "phone")] = fmt_phone(e["phone"], spec["phone_style"])
    if spec.get("web"):
        tags[spec.get("web_tag", "website")] = spec["web"]
    if spec.get("email"):
        tags["email"] = spec["email"]
    tags["opening_hours"] = spec["hours"]
    centre = CITY_CENTRES[e["city"]]
    assert haversine_km(spec["lat"], spec["lon"], *centre) <= 5.0, spec["name"]
    lo, hi = _ID_RANGES[spec["type"]]
    el = {"type": spec["type"], "id": RNG.randint(lo, hi)}
    if spec["type"] == "node":
        el["lat"], el["lon"] = spec["lat"], spec["lon"]
    else:
        el["center"] = {"lat": spec["lat"], "lon": spec["lon"]}
    el["tags"] = dict(sorted(tags.items()))  # Overpass prints tags sorted by key
    return el


_STREET_WORDS = {
    "St": "Street",
    "Ave": "Avenue",
    "Blvd": "Boulevard",
    "Rd": "Road",
    "Dr": "Drive",
    "Ln": "Lane",
    "S": "South",
    "N": "North",
    "E": "East",
    "W": "West",
    "SE": "Southeast",
    "SW": "Southwest",
    "NE": "Northeast",
    "NW": "Northwest",
}


def expand_street(street: str) -> str:
    """OSM spells street names out ("South Congress Avenue")."""
    words = street.split()
    out = []
    for i, w in enumerate(words):
        if w in ("S", "N", "E", "W", "SE", "SW", "NE", "NW") and i != 0:
            out.append(w)
        else:
            out.append(_STREET_WORDS.get(w, w))
    return " ".join(out)


# Places mapped with coordinates and no addr:* tags at all (common in OSM), and one across the
# border; fixed ids, so adding them draws nothing from RNG and the other samples stay as they were.
UNADDRESSED = [
    dict(
        id=11801234567,
        type="node",
        lat=30.2628312,
        lon=-97.7571445,
        tags={
            "shop": "massage",
            "massage": "deep_tissue",
            "name": "Barton Springs Sciatica Bodywork",
            "description": "Deep tissue massage and neuromuscular therapy for sciatica",
            "phone": "+1 512 555 0177",
            "opening_hours": "Mo-Sa 09:00-19:00",
            "website": "https://bartonsprings-sciatica.test/",
        },
    ),
    dict(
        id=11801234568,
        type="node",
        lat=30.2986170,
        lon=-97.7062244,
        tags={
            "shop": "massage",
            "name": "Mueller Trigger Point Studio",
            "description": "Trigger point therapy and myofascial release for sciatica and piriformis pain",
            "website": "mueller-triggerpoint.example.net",
        },
    ),
    dict(
        id=1288001234,
        type="way",
        lat=30.2671534,
        lon=-97.7715012,
        tags={
            "shop": "massage",
            "massage": "sports",
            "building": "retail",
            "name": "Zilker Recovery Massage",
            "description": "Sports massage and assisted stretching",
        },
    ),
    # Across the Rio Grande from El Paso: a foreign address (the scrape counts it outside_country).
    dict(
        id=11801234569,
        type="node",
        lat=31.7389012,
        lon=-106.4870315,
        tags={
            "shop": "massage",
            "name": "Masajes Terapéuticos Río Bravo",
            "addr:street": "Avenida Juárez",
            "addr:housenumber": "214",
            "addr:city": "Ciudad Juárez",
            "addr:state": "CHIH",
            "addr:postcode": "32000",
            "addr:country": "MX",
            "description": "Masaje de tejido profundo",
        },
    ),
]


def build() -> list[dict]:
    """The elements, nodes then ways then relations, each by id. Draws the OSM ids from ``RNG``."""
    elements = [build_overpass_element(s) for s in OVERPASS]
    for spec in UNADDRESSED:
        point = {"lat": spec["lat"], "lon": spec["lon"]}
        elements.append(
            {"type": spec["type"], "id": spec["id"], **(point if spec["type"] == "node" else {"center": point}),
             "tags": dict(sorted(spec["tags"].items()))}
        )  # fmt: skip
    order = {"node": 0, "way": 1, "relation": 2}
    elements.sort(key=lambda el: (order[el["type"]], el["id"]))
    return elements


def write(elements: list[dict]) -> None:
    write_json(
        SAMPLES / "overpass" / "interpreter.json",
        {"version": 0.6, "generator": OSM_GENERATOR, "osm3s": OSM3S, "elements": elements},
    )
    write_json(
        SAMPLES / "overpass" / "timeout.json",
        {
            "version": 0.6,
            "generator": OSM_GENERATOR,
            "osm3s": OSM3S,
            "elements": [],
            "remark": 'runtime error: Query timed out in "query" at line 3 after 180 seconds.',
        },
    )


def site_matches(site_truth) -> dict[str, str]:
    """Site slug -> element name, for the elements declared as the same business as a site listing (checked)."""
    matches = {}
    for s in OVERPASS:
        e = ENTITIES[s["key"]]
        if e["site"]:
            check_site_match(site_truth, e["site"], s["name"], e["phone"], e["zip"])
            matches[e["site"]] = s["name"]
    return matches
