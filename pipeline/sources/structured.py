"""schema.org structured data on a page: JSON-LD (objects, lists, @graph) and microdata."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

# The schema.org types a therapist or practice is published as; Person only when nothing else is.
BUSINESS_TYPES = frozenset(
    {
        "LocalBusiness",
        "HealthAndBeautyBusiness",
        "MedicalBusiness",
        "MedicalClinic",
        "DaySpa",
        "Physician",
        "MedicalOrganization",
        "HealthClub",
        "Physiotherapy",
        "Chiropractor",
        "MedicalTherapy",
        "ProfessionalService",
        "Organization",
    }
)
PERSON_TYPES = frozenset({"Person"})
SERVICE_KEYS = ("makesOffer", "hasOfferCatalog", "availableService", "medicalSpecialty", "knowsAbout")


@dataclass
class Structured:
    """What the page's structured data says about its main entity."""

    fields: dict[str, str | list[str]] = field(default_factory=dict)
    lat: float | None = None
    lon: float | None = None
    origin: str = ""  # json-ld or microdata
    problems: list[str] = field(default_factory=list)  # e.g. bad_jsonld
    types_seen: list[str] = field(default_factory=list)


def extract(soup: BeautifulSoup) -> Structured:
    """Read JSON-LD then microdata; the first business-like entity wins, else a Person."""
    result = Structured()
    candidates: list[tuple[str, dict]] = []
    for script in soup.find_all("script", type=lambda t: bool(t and "ld+json" in t.lower())):
        try:
            data = json.loads(script.string or script.get_text() or "", strict=False)
        except json.JSONDecodeError:
            result.problems.append("bad_jsonld")
            continue
        candidates += [("json-ld", item) for item in _flatten(data)]
    candidates += [("microdata", item) for item in _microdata(soup)]
    result.types_seen = sorted({t for _, item in candidates for t in _types(item)})
    chosen = next(((o, i) for o, i in candidates if _types(i) & BUSINESS_TYPES), None) or next(
        ((o, i) for o, i in candidates if _types(i) & PERSON_TYPES), None
    )
    if chosen is None:
        return result
    result.origin, entity = chosen
    result.fields, result.lat, result.lon = _fields(entity)
    return result


def extract_html(text: str) -> Structured:
    """extract() of a page's HTML text."""
    return extract(BeautifulSoup(text, "lxml"))


def _flatten(data) -> list[dict]:
    """Every object of a JSON-LD document: top-level lists, @graph members, employees."""
    if isinstance(data, list):
        return [item for element in data for item in _flatten(element)]
    if not isinstance(data, dict):
        return []
    items = [data] if "@type" in data else []
    items += [item for element in data.get("@graph", []) for item in _flatten(element)]
    return items


def _types(item: dict) -> set[str]:
    value = item.get("@type", [])
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1].removeprefix("schema:") for v in values if v}


def _fields(entity: dict) -> tuple[dict, float | None, float | None]:
    fields: dict[str, str | list[str]] = {}
    for key, target in (
        ("name", "name"),
        ("telephone", "phone"),
        ("email", "email"),
        ("url", "website"),
        ("description", "description"),
    ):
        text = _text(entity.get(key))
        if text:
            fields[target] = text
    # Other pages of the same business (its own site, social profiles): websites to follow.
    if same_as := [url for url in dict.fromkeys(_text(v) for v in _as_list(entity.get("sameAs"))) if url]:
        fields["same_as"] = same_as
    address = entity.get("address")
    if isinstance(address, list):
        address = address[0] if address else None
    if isinstance(address, dict):
        for key, target in (
            ("streetAddress", "street"),
            ("addressLocality", "city"),
            ("addressRegion", "state"),
            ("postalCode", "postal_code"),
            ("addressCountry", "country"),
        ):
            if _text(address.get(key)):
                fields[target] = _text(address.get(key))
    elif _text(address):
        fields["address"] = _text(address)  # schema.org allows the whole address as text
    hours = entity.get("openingHours")
    if hours:
        fields["opening_hours"] = "; ".join(
            _text(h) for h in (hours if isinstance(hours, list) else [hours]) if _text(h)
        )
    elif specification := opening_hours(entity.get("openingHoursSpecification")):
        fields["opening_hours"] = specification
    if price := _text(entity.get("priceRange")):
        fields["price_range"] = price
    if payment := _text(entity.get("paymentAccepted")):
        fields["payment_accepted"] = [p.strip() for p in re.split(r"[,;/]", payment) if p.strip()]
    languages = [_text(v) for key in ("availableLanguage", "knowsLanguage") for v in _as_list(entity.get(key))]
    if languages := [language for language in dict.fromkeys(languages) if language]:
        fields["languages"] = languages
    services = [name for key in SERVICE_KEYS for name in _names(entity.get(key))]
    if services:
        fields["services"] = list(dict.fromkeys(services))
    geo: dict = entity["geo"] if isinstance(entity.get("geo"), dict) else {}
    return fields, _number(geo.get("latitude")), _number(geo.get("longitude"))


_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_NAMES = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                "sunday"))}  # fmt: skip


def opening_hours(specification) -> str:
    """schema.org openingHoursSpecification as OSM-style hours: "Mo-Fr 09:00-17:00; Sa 10:00-14:00"."""
    slots: dict[int, str] = {}
    for spec in _as_list(specification):
        if not isinstance(spec, dict) or not spec.get("opens") or not spec.get("closes"):
            continue
        hours = f"{str(spec['opens'])[:5]}-{str(spec['closes'])[:5]}"
        for day in _as_list(spec.get("dayOfWeek")):
            index = _DAY_NAMES.get(_text(day).rsplit("/", 1)[-1].lower())
            if index is not None:
                slots[index] = f"{slots[index]},{hours}" if index in slots else hours
    runs: list[tuple[int, int, str]] = []
    for index in sorted(slots):
        if runs and runs[-1][1] == index - 1 and runs[-1][2] == slots[index]:
            runs[-1] = (runs[-1][0], index, slots[index])
        else:
            runs.append((index, index, slots[index]))
    return "; ".join(
        f"{_DAYS[first]}{'-' + _DAYS[last] if last > first else ''} {hours}" for first, last, hours in runs
    )


def _as_list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _names(value) -> list[str]:
    """Service names inside offers, offer catalogs and item lists, however deeply nested."""
    if isinstance(value, list):
        return [name for element in value for name in _names(element)]
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if not isinstance(value, dict):
        return []
    for key in ("itemOffered", "itemListElement", "item"):
        if key in value:
            return _names(value[key])
    return [_text(value.get("name"))] if _text(value.get("name")) else []


def _microdata(soup: BeautifulSoup) -> list[dict]:
    """Top-level itemscope elements as JSON-LD-like dicts (@type from itemtype)."""
    return [_item(node) for node in soup.find_all(itemscope=True) if not node.find_parent(itemscope=True)]


def _item(node: Tag) -> dict:
    item: dict = {"@type": [t.rsplit("/", 1)[-1] for t in attribute(node, "itemtype").split()]}
    for prop in node.find_all(itemprop=True):
        if prop.find_parent(itemscope=True) is not node:
            continue  # belongs to a nested item
        value = (
            _item(prop)
            if prop.has_attr("itemscope")
            else (prop.get("content") or prop.get("href") or prop.get("src") or prop.get_text(" ", strip=True))
        )
        for name in attribute(prop, "itemprop").split():
            if name in item:
                item[name] = (item[name] if isinstance(item[name], list) else [item[name]]) + [value]
            else:
                item[name] = value
    return item


def attribute(node: Tag, name: str) -> str:
    """An attribute's text ("" when absent); multi-valued ones (class, rel) joined by spaces."""
    value = node.get(name)
    return " ".join(value) if isinstance(value, list) else (value or "")


def _text(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    return " ".join(str(value).split()) if value is not None else ""


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
