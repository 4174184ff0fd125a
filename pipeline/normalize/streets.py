"""One street line: the street to visit, its suite, a PO box beside it, rural routes.

`usaddress` tags the line; this module adds what it gets wrong or leaves out on real listings: it
takes "CLN 408" for a PO box, a rural route's box for a PO box, "2nd Floor" for a unit called
"2nd", and it cannot say which of a street and a PO box on one line is the place to visit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import usaddress

from pipeline.normalize.names import proper_case

_SPACE = re.compile(r"\s+")
# Only the real forms: P.O. Box, PO BOX, POB, Post Office Box ("CLN 408" is a clinic's room).
PO_BOX = re.compile(
    r"(?<![A-Za-z])(?:p\.?\s?o\.?\s?box|post\s+office\s+box|p\.?\s?o\.?\s?b\.?|pob)\s*#?\s*(?P<id>[A-Za-z0-9-]+)",
    re.IGNORECASE,
)
# Rural and highway contract routes are delivery addresses, not PO boxes.
_RURAL = re.compile(
    r"^(?P<kind>r\.?\s?r\.?|rural\s+route|rural\s+rte?\.?|h\.?\s?c\.?|highway\s+contract(?:\s+route)?|star\s+route)"
    r"\s*#?\s*(?P<route>\d+)[\s,]+box\s*#?\s*(?P<box>[A-Za-z0-9-]+)$",
    re.IGNORECASE,
)
_PMB = re.compile(r"(?<![A-Za-z])(?:pmb|private\s+mail\s*box)\s*#?\s*(?P<id>[A-Za-z0-9-]+)", re.IGNORECASE)
_ORDINAL_FLOOR = re.compile(r"(?<![A-Za-z0-9])(?P<n>\d+)(?:st|nd|rd|th)\s+(?:floor|fl)\b\.?", re.IGNORECASE)
# A unit word and its identifier; the identifier holds a digit or is one letter ("Unit B"), so
# "Floor St" or "Unit Rd" stay street names.
_UNIT = re.compile(
    r"(?:(?<=[\s,])|^)(?P<type>suite|ste|unit|apt|apartment|room|rm|floor|fl|bldg|building|bld|lot|space|spc|"
    r"office|ofc|dept|no)\.?\s*#?\s*(?P<id>[A-Za-z]?\d[A-Za-z0-9-]*|[A-Za-z](?![A-Za-z]))"
    r"|(?:(?<=[\s,])|^)#\s*(?P<hash>[A-Za-z0-9-]+)",
    re.IGNORECASE,
)
_UNIT_WORDS = {
    "suite": "Suite", "ste": "Suite", "no": "Suite", "#": "Suite", "unit": "Unit", "apt": "Apt",
    "apartment": "Apt", "room": "Room", "rm": "Room", "floor": "Floor", "fl": "Floor", "bldg": "Building",
    "building": "Building", "bld": "Building", "lot": "Lot", "space": "Space", "spc": "Space",
    "office": "Office", "ofc": "Office", "dept": "Dept", "pmb": "PMB",
}  # fmt: skip
# Buildings are named before the suite inside them: "Building E, Suite 100".
_UNIT_ORDER = {"Building": 0}
_STREET_TAGS = (
    "AddressNumberPrefix", "AddressNumber", "AddressNumberSuffix", "StreetNamePreModifier",
    "StreetNamePreDirectional", "StreetNamePreType", "StreetNamePreType", "StreetName", "StreetNamePostType",
    "StreetNamePostDirectional", "StreetNamePostModifier",
)  # fmt: skip
# "1200 S Congress Ave, Ste. 210": most lines are this simple, and the parser is ~10x slower.
_SIMPLE = re.compile(
    r"^(?P<street>\d+[A-Za-z]?(?: [A-Za-z0-9.'-]+){1,6}?)"
    r"(?:,? (?P<type>suite|ste\.?|unit|apt\.?|#) ?#? ?(?P<id>[A-Za-z]?\d[A-Za-z0-9-]*|[A-Za-z]))?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StreetLine:
    street: str | None = None  # number and street (or a rural route), without the suite
    suite: str | None = None  # "Suite 210", "Building E, Suite 100", "PMB 45"
    po_box: str | None = None  # "PO Box 729"


def parse_street(text: str | None) -> StreetLine:
    """Split one street line into the street, its units and a PO box."""
    text = _SPACE.sub(" ", text or "").strip(" ,")
    if not text:
        return StreetLine()
    lower = text.lower()
    if (simple := _SIMPLE.match(text)) and "box" not in lower and "pmb" not in lower and "p.o" not in lower:
        street, found_units = _street_and_units(text, simple)  # the common case: one pass, no parser
        street = street.strip(" ,").removesuffix(".")
        return StreetLine(street=proper_case(street) if street else None, suite=", ".join(found_units) or None)
    if rural := _RURAL.match(text):
        kind = rural.group("kind")
        kind = kind.upper().replace(".", "").replace(" ", "") if len(kind) <= 5 else proper_case(kind.upper())
        return StreetLine(street=f"{kind} {rural.group('route')} Box {rural.group('box').upper()}")
    po_box = None
    if box := PO_BOX.search(text):
        po_box = f"PO Box {box.group('id').upper()}"
        text = (text[: box.start()] + " " + text[box.end() :]).strip(" ,")
    units: list[str] = []
    for pattern, word in ((_PMB, "PMB"), (_ORDINAL_FLOOR, "Floor")):
        if found := pattern.search(text):
            units.append(f"{word} {(found.groupdict().get('id') or found.group('n')).upper()}")
            text = _SPACE.sub(" ", text[: found.start()] + " " + text[found.end() :]).strip(" ,")
    street, more = _street_and_units(text)
    units += more
    units.sort(key=lambda unit: _UNIT_ORDER.get(unit.split(" ", 1)[0], 1))
    street = street.strip(" ,").removesuffix(".")
    return StreetLine(street=proper_case(street) if street else None, suite=", ".join(units) or None, po_box=po_box)


def _street_and_units(text: str, simple: re.Match | None = None) -> tuple[str, list[str]]:
    """The street and the units of a line holding no PO box: the parser's tags when it reads the
    line as a street address, the unit patterns otherwise."""
    if not text:
        return "", []
    simple = simple or _SIMPLE.match(text)
    if simple and not _UNIT.search(simple.group("street")):
        unit = _unit(simple.group("type"), simple.group("id")) if simple.group("id") else None
        return simple.group("street"), [unit] if unit else []
    try:
        tags, kind = usaddress.tag(text)
    except usaddress.RepeatedLabelError:
        tags, kind = {}, "Ambiguous"
    if kind == "Street Address" and tags.get("AddressNumber") and not tags.keys() & {"Recipient", "PlaceName"}:
        street = " ".join(tags[key] for key in dict.fromkeys(_STREET_TAGS) if tags.get(key))
        pairs = (("SubaddressType", "SubaddressIdentifier"), ("OccupancyType", "OccupancyIdentifier"))
        units = [unit for kind_key, id_key in pairs if (unit := _unit(tags.get(kind_key), tags.get(id_key)))]
        if street and _UNIT.search(street) is None:
            return street, units
    # The parser's reading failed or kept a unit in the street: find the units by their words.
    units = []
    street_has_number = text[:1].isdigit()
    for found in list(_UNIT.finditer(text))[::-1]:
        if found.group("hash") and not street_has_number:
            continue  # "Calle 5 #23" (Puerto Rico): the number of the house, not a unit
        units.insert(0, _unit(found.group("type") or "#", found.group("id") or found.group("hash")) or "")
        text = text[: found.start()] + text[found.end() :]
    return _SPACE.sub(" ", text).strip(" ,"), [unit for unit in units if unit]


def _unit(kind: str | None, identifier: str | None) -> str | None:
    """("Ste.", "4") -> "Suite 4"; ("", "# 210") -> "Suite 210"; a bare identifier is a suite."""
    identifier = (identifier or "").replace("#", "").strip(" ,.")
    kind = (kind or "").strip(" ,.#").lower()
    if not identifier:
        return None
    word = _UNIT_WORDS.get(kind, kind.title() if kind else "Suite")
    return f"{word} {identifier.upper()}"


def normalize_suite(text: str) -> str:
    """A unit line as a source wrote it ("Ste. 4", "# 4", "2nd Floor") in the canonical form."""
    line = parse_street(text)
    if line.suite and not line.street:
        return line.suite
    return proper_case(_SPACE.sub(" ", text).strip(" ,"))
