"""The NPPES NPI Registry API sample, ``nppes/registry.json``, as the API answers a search.

A JSON *array* of NPPES NPI Registry API v2.1 ``results`` objects (not the
``{"result_count", "results"}`` envelope). Both shapes are mixed: "old"
(2019-style: integer ``number``, epoch *seconds* as integers, ``basic.gender``,
``basic.name``, no ``endpoints``, taxonomy ``desc`` without comma, e.g.
"Physical Therapist Orthopedic") and "new" (string ``number``, epoch
*milliseconds* as strings, ``basic.sex``, ``"--"`` placeholders, ``endpoints``,
``taxonomy_group`` on every taxonomy, desc with comma, e.g.
"Physical Therapist, Orthopedic").
"""

from __future__ import annotations

import datetime as dt

from .entities import AREA_CODES, CITY_ZIPS, ENTITIES, STATE_NAMES, STATE_OF, check_site_match, display_name, zip9
from .formats import SAMPLES, fmt_phone, write_json
from .identifiers import RNG, npi_check_digit

# --------------------------------------------------------------------------
# NPPES taxonomy descriptions (old = 2019 API wording, new = current wording)
# --------------------------------------------------------------------------
TAXONOMY = {
    "225700000X": ("Massage Therapist", "Massage Therapist"),
    "2251X0800X": ("Physical Therapist Orthopedic", "Physical Therapist, Orthopedic"),
    "2251S0007X": ("Physical Therapist Sports", "Physical Therapist, Sports"),
    "225100000X": ("Physical Therapist", "Physical Therapist"),
    "225200000X": ("Physical Therapy Assistant", "Physical Therapy Assistant"),
    "111N00000X": ("Chiropractor", "Chiropractor"),
    "111NX0800X": ("Chiropractor Orthopedic", "Chiropractor, Orthopedic"),
    "171100000X": ("Acupuncturist", "Acupuncturist"),
    "2255A2300X": ("Specialist/Technologist Athletic Trainer", "Specialist/Technologist, Athletic Trainer"),
}
GROUP_SINGLE = "193400000X SINGLE SPECIALTY  GROUP"  # sic: the double space is NPPES's

# --------------------------------------------------------------------------
# NPPES Registry API results
# Each spec: key, style (old/new), tax [(code, state, license, primary)],
# dates, and optional quirks.
# --------------------------------------------------------------------------
REGISTRY = [
    # --- TX, site counterparts ---
    dict(
        key="jane",
        style="old",
        enum="2009-06-15",
        upd="2018-11-02",
        tax=[("225700000X", "TX", "MT061482", True)],
        bulk=True,
    ),
    dict(
        key="marisol",
        style="new",
        enum="2012-03-08",
        upd="2025-02-17",
        tax=[("225700000X", "TX", "MT088213", True)],
        endpoints=[("DIRECT", "marisol.vega@direct.bodywork.test")],
    ),
    dict(key="tomas", style="old", enum="2014-09-22", upd="2019-01-30", tax=[("225700000X", "TX", "MT097750", True)]),
    dict(
        key="elaine",
        style="new",
        enum="2010-04-01",
        upd="2026-05-12",
        tax=[("2251X0800X", "TX", "1187420", True), ("225700000X", "TX", "MT070034", False)],
        identifiers=[("05", "MEDICAID", "", "E118742", "TX")],
        bulk=True,
    ),
    dict(
        key="ben",
        style="old",
        enum="2016-02-11",
        upd="2019-03-04",
        tax=[("225700000X", "TX", "MT112094", True)],
        state_spelled=True,
    ),
    dict(key="keisha", style="new", enum="2013-07-19", upd="2024-09-30", tax=[("225700000X", "TX", "MT090517", True)]),
    dict(key="aaron", style="new", enum="2018-05-03", upd="2023-08-21", tax=[("225700000X", "TX", "MT131678", True)]),
    dict(
        key="carla",
        style="old",
        enum="2011-10-27",
        upd="2017-06-09",
        tax=[("225700000X", "TX", "MT079905", True)],
        other_names=[("Former Name", "1", "CARLA", "TRAN")],
    ),
    dict(key="renee", style="new", enum="2019-01-14", upd="2025-07-01", tax=[("225700000X", "TX", "MT140221", True)]),
    dict(key="willow", style="old", enum="2015-08-05", upd="2018-12-13", tax=[("225700000X", "TX", "ME004871", True)]),
    # --- TX, no site counterpart ---
    dict(
        key="lucia",
        style="new",
        enum="2020-02-24",
        upd="2026-01-08",
        tax=[("225700000X", "TX", "MT149336", True)],
        bulk=True,
    ),
    dict(
        key="owen",
        style="old",
        enum="2008-11-12",
        upd="2016-04-27",
        tax=[("225700000X", "TX", "MT052268", True)],
        zip5=True,
    ),
    dict(
        key="harper",
        style="new",
        enum="2021-06-30",
        upd="2024-12-05",
        tax=[("225700000X", "TX", "MT160947", True)],
        zip5=True,
    ),
    dict(
        key="desmond",
        style="old",
        enum="2012-12-03",
        upd="2019-05-16",
        tax=[("225700000X", "TX", "MT085530", True)],
        bulk=True,
    ),
    dict(key="yuki", style="new", enum="2022-08-09", upd="2025-10-20", tax=[("225700000X", "TX", "MT171205", True)]),
    dict(
        key="greta",
        style="new",
        enum="2010-09-13",
        upd="2024-08-19",
        tax=[("225700000X", "TX", "MT067718", True)],
        status="D",
        deact="2024-08-19",
        bulk=True,
    ),
    dict(
        key="roy",
        style="old",
        enum="2013-05-20",
        upd="2019-02-28",
        tax=[("225700000X", "TX", "MT091846", True)],
        deact="2019-02-28",
    ),
    dict(
        key="pauline",
        style="old",
        enum="2010-02-08",
        upd="2019-03-11",
        tax=[("225700000X", "TX", "MT063390", True)],
        deact="2016-05-31",
        react="2018-09-04",
    ),
    dict(
        key="samira",
        style="new",
        enum="2017-03-15",
        upd="2026-03-03",
        tax=[("225700000X", "TX", "MT126604", True), ("225700000X", "CO", "MT.0024518", False)],
        practice=[
            dict(
                street="1600 Stout St",
                unit="Ste 1200",
                city="Denver",
                zip="80202",
                phone="3035550151",
                upd="2025-11-14 10:11",
            )
        ],
    ),
    dict(key="trevor", style="new", enum="2019-11-04", upd="2022-06-15", tax=[("225700000X", "TX", "MT143818", True)]),
    dict(
        key="capital",
        style="new",
        enum="2016-06-01",
        upd="2025-04-22",
        tax=[("225700000X", "TX", "ME005612", True)],
        other_names=[("Doing Business As", "3", "CAPITAL CITY SCIATICA RELIEF")],
        bulk=True,
        practice=[
            dict(
                street="1101 E Palm Valley Blvd",
                unit="Ste 210",
                city="Round Rock",
                zip="78664",
                phone="5125550121",
                upd="2024-02-06 09:02",
            )
        ],
    ),
    dict(
        key="bullcreek", style="old", enum="2017-09-18", upd="2019-06-10", tax=[("225700000X", "TX", "ME005977", True)]
    ),
    dict(key="joseib", style="new", enum="2023-01-23", upd="2023-01-23", tax=[("225700000X", "TX", "MT178402", True)]),
    dict(
        key="nadia",
        style="old",
        enum="2015-04-07",
        upd="2018-08-14",
        tax=[("225700000X", "TX", "MT108863", True)],
        pobox="PO BOX 5123",
    ),
    dict(
        key="caleb",
        style="new",
        enum="2014-01-29",
        upd="2025-09-09",
        tax=[("2251S0007X", "TX", "1204471", True)],
        bulk=True,
        identifiers=[("05", "MEDICAID", "", "C120447", "TX")],
    ),
    dict(key="irene", style="old", enum="2011-07-11", upd="2018-03-22", tax=[("225100000X", "TX", "1169952", True)]),
    dict(
        key="gabriel",
        style="old",
        enum="2007-08-16",
        upd="2019-02-07",
        tax=[("111N00000X", "TX", "10472", True)],
        identifiers=[("01", "Other", "BCBS", "G104720", "TX")],
    ),
    dict(key="andrea", style="new", enum="2018-10-02", upd="2024-05-28", tax=[("111NX0800X", "TX", "13390", True)]),
    # --- other states, site counterparts ---
    dict(
        key="marcus", style="old", enum="2012-02-06", upd="2019-04-18", tax=[("225700000X", "CO", "MT.0008417", True)]
    ),
    dict(
        key="grace",
        style="new",
        enum="2016-11-21",
        upd="2025-03-31",
        tax=[("225700000X", "CO", "MT.0015236", True)],
        state_spelled=True,
    ),
    dict(
        key="cedar",
        style="old",
        enum="2014-03-24",
        upd="2019-01-08",
        tax=[("225700000X", "CO", "", True)],
        other_names=[("Doing Business As", "3", "CEDAR CLINICAL MASSAGE")],
        identifiers=[("01", "Other", "ANTHEM", "CC80203", "CO")],
    ),
    dict(
        key="aspen",
        style="new",
        enum="2019-07-08",
        upd="2026-02-02",
        tax=[("225700000X", "CO", "MT.0021904", True), ("225700000X", "OR", "24117", False)],
        endpoints=[("DIRECT", "aspen.chen@direct.example.org")],
    ),
    dict(key="dana", style="old", enum="2010-05-17", upd="2017-10-25", tax=[("225700000X", "OR", "16842", True)]),
    dict(
        key="wren",
        style="new",
        enum="2020-09-28",
        upd="2024-11-18",
        tax=[("225700000X", "NC", "18840", True)],
        other_names=[("Former Name", "1", "WREN", "BAKER")],
    ),
    dict(key="priya", style="old", enum="2013-01-09", upd="2018-07-30", tax=[("225700000X", "NC", "9915", True)]),
    dict(key="anton", style="new", enum="2015-12-14", upd="2023-04-04", tax=[("225700000X", "IL", "227.014882", True)]),
    dict(key="jose", style="old", enum="2011-03-02", upd="2019-05-21", tax=[("225700000X", "FL", "MA61247", True)]),
    dict(
        key="victor",
        style="new",
        enum="2008-06-18",
        upd="2026-04-27",
        tax=[("111N00000X", "FL", "CH9921", True), ("225700000X", "FL", "MA70318", False)],
        bulk=True,
        identifiers=[("05", "MEDICAID", "", "V992100", "FL")],
        practice=[
            dict(
                street="3500 W Kennedy Blvd",
                unit="Ste 110",
                city="Tampa",
                zip="33609",
                phone="8135550145",
                upd="2026-04-27 16:04",
            ),
            dict(
                street="1710 W Swann Ave",
                unit="",
                city="Tampa",
                zip="33606",
                phone="8135550145",
                upd="2025-12-01 08:12",
            ),
        ],
    ),
    # --- other states, no site counterpart ---
    dict(key="lena", style="old", enum="2012-08-30", upd="2019-03-19", tax=[("2251X0800X", "CO", "PTL.0009931", True)]),
    dict(key="marco", style="new", enum="2021-02-15", upd="2025-06-06", tax=[("2251S0007X", "OR", "PT-8814", True)]),
    dict(
        key="rosa",
        style="old",
        enum="2010-01-25",
        upd="2018-09-05",
        tax=[("2251X0800X", "IL", "070.017744", True)],
        identifiers=[("05", "MEDICAID", "", "R177440", "IL")],
    ),
    dict(key="curtis", style="new", enum="2009-04-13", upd="2024-01-16", tax=[("111N00000X", "NC", "7731", True)]),
    dict(
        key="felix",
        style="old",
        enum="2016-10-10",
        upd="2019-04-29",
        tax=[("111N00000X", "IL", "038.011209", True)],
        zip5=True,
    ),
    dict(
        key="odette",
        style="new",
        enum="2024-03-18",
        upd="2026-08-24",
        tax=[("225700000X", "NC", "21356", True)],
        zip5=True,
    ),
]


def epoch_s(date: str) -> int:
    return int(dt.datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=dt.UTC).timestamp())


def nppes_addr(purpose, e, street, unit, city, state, postal, phone, *, street_upper=True):
    return {
        "country_code": "US",
        "country_name": "United States",
        "address_purpose": purpose,
        "address_type": "DOM",
        "address_1": street.upper() if street_upper else street,
        "address_2": unit.upper().replace("SUITE ", "STE "),
        "city": city.upper(),
        "state": state,
        "postal_code": postal,
        "telephone_number": fmt_phone(phone),
    }


def build_registry_record(spec) -> dict:
    e = ENTITIES[spec["key"]]
    old = spec["style"] == "old"
    npi = e["npi"]
    created = epoch_s(spec["enum"])
    updated = epoch_s(spec["upd"]) + RNG.randint(3600, 80000)
    is_org = bool(e["org"])
    postal = e["zip"] if spec.get("zip5") else zip9(e)
    loc_state = STATE_NAMES[e["state"]] if spec.get("state_spelled") else e["state"]

    loc = nppes_addr("LOCATION", e, e["street"], e["unit"], e["city"], loc_state, postal, e["phone"])
    if spec.get("pobox"):
        mail = nppes_addr("MAILING", e, spec["pobox"], "", e["city"], e["state"], e["zip"] + "0123", e["phone"])
    else:
        mail = dict(loc, address_purpose="MAILING", state=e["state"])
    addresses = [loc, mail] if old else [mail, loc]  # the API uses both orders

    # basic
    if is_org:
        off_first, off_last, off_title = e["official"]
        basic = {
            "organization_name": e["org"].upper(),
            "organizational_subpart": "NO",
            "enumeration_date": spec["enum"],
            "last_updated": spec["upd"],
        }
        if old:
            basic.update(
                status=spec.get("status", "A"),
                authorized_official_first_name=off_first,
                authorized_official_last_name=off_last,
                authorized_official_telephone_number=fmt_phone(e["phone"]),
                authorized_official_title_or_position=off_title,
                name=e["org"].upper(),
            )
        else:
            basic.update(
                status=spec.get("status", "A"),
                authorized_official_first_name=off_first,
                authorized_official_last_name=off_last,
                authorized_official_telephone_number=fmt_phone(e["phone"]),
                authorized_official_title_or_position=off_title,
                authorized_official_name_prefix="--",
                authorized_official_credential="--",
            )
    else:
        basic = {}
        if old:
            if e.get("prefix"):
                basic["name_prefix"] = e["prefix"]
            basic["first_name"] = e["first"].upper()
            basic["last_name"] = e["last"].upper()
            if e["middle"]:
                basic["middle_name"] = e["middle"].upper()
            if e["cred"] != "--":
                basic["credential"] = e["cred"]
            basic["sole_proprietor"] = "YES" if spec["key"] in ("jane", "ben", "carla", "nadia", "jose") else "NO"
            basic["gender"] = e["sex"]
            basic["enumeration_date"] = spec["enum"]
            basic["last_updated"] = spec["upd"]
            if spec.get("react"):
                basic["reactivation_date"] = spec["react"]
            basic["status"] = spec.get("status", "A")
            if spec.get("deact"):
                basic["deactivation_date"] = spec["deact"]
            basic["name"] = f"{e['last'].upper()} {e['first'].upper()}"
        else:
            basic["first_name"] = e["first"].upper()
            basic["last_name"] = e["last"].upper()
            if e["middle"]:
                basic["middle_name"] = e["middle"].upper()
            basic["credential"] = e["cred"]
            basic["sole_proprietor"] = "YES" if spec["key"] in ("keisha", "aaron", "yuki", "odette") else "NO"
            basic["sex"] = e["sex"]
            basic["enumeration_date"] = spec["enum"]
            basic["last_updated"] = spec["upd"]
            if spec.get("deact"):
                basic["deactivation_date"] = spec["deact"]
            if spec.get("react"):
                basic["reactivation_date"] = spec["react"]
            basic["status"] = spec.get("status", "A")
            basic["name_prefix"] = e.get("prefix") or "--"
            basic["name_suffix"] = "--"

    taxonomies = []
    for code, st, lic, primary in spec["tax"]:
        desc = TAXONOMY[code][0 if old else 1]
        if old:
            t = {"code": code, "desc": desc, "primary": primary, "state": st, "license": lic}
            if is_org:
                t["taxonomy_group"] = GROUP_SINGLE
        else:
            t = {
                "code": code,
                "taxonomy_group": GROUP_SINGLE if is_org else "",
                "desc": desc,
                "state": st,
                "license": lic,
                "primary": primary,
            }
        taxonomies.append(t)

    identifiers = []
    for code, desc, issuer, ident, st in spec.get("identifiers", []):
        if old:
            identifiers.append({"identifier": ident, "code": code, "desc": desc, "state": st, "issuer": issuer})
        else:
            identifiers.append({"code": code, "desc": desc, "issuer": issuer, "identifier": ident, "state": st})

    other_names = []
    for typ, code, *rest in spec.get("other_names", []):
        if typ == "Doing Business As":
            if old:
                other_names.append({"organization_name": rest[0], "code": code, "type": typ})
            else:
                other_names.append({"type": typ, "code": code, "organization_name": rest[0]})
        else:
            first, last = rest
            if old:
                other_names.append({"code": code, "type": typ, "last_name": last, "first_name": first})
            else:
                other_names.append(
                    {
                        "type": typ,
                        "code": code,
                        "first_name": first,
                        "last_name": last,
                        "prefix": "--",
                        "suffix": "--",
                        "credential": e["cred"],
                    }
                )

    practice = []
    for p in spec.get("practice", []):
        assert p["phone"][:3] in AREA_CODES[p["city"]] and p["zip"] in CITY_ZIPS[p["city"]], spec["key"]
        practice.append(
            {
                "address_type": "DOM",
                "address_1": p["street"].upper(),
                "address_2": p["unit"].upper().replace("SUITE ", "STE "),
                "city": p["city"].upper(),
                "state": STATE_OF[p["city"]],
                "postal_code": p["zip"] + f"{RNG.randint(1000, 9899):04d}",
                "country_code": "US",
                "country_name": "United States",
                "telephone_number": fmt_phone(p["phone"]),
                "update_date": p["upd"],
            }
        )

    endpoints = []
    for etype, addr in spec.get("endpoints", []):
        endpoints.append(
            {
                "endpointType": etype,
                "endpointTypeDescription": "Direct Messaging Address",
                "endpoint": addr,
                "affiliation": "N",
                "use": "DIRECT",
                "useDescription": "Direct",
                "contentType": "OTHER",
                "contentTypeDescription": "Other",
                "country_code": "US",
                "country_name": "United States",
                "address_type": "DOM",
                "address_1": e["street"].upper(),
                "city": e["city"].upper(),
                "state": e["state"],
                "postal_code": zip9(e),
            }
        )

    etype = "NPI-2" if is_org else "NPI-1"
    if old:
        rec = {
            "enumeration_type": etype,
            "number": int(npi),
            "last_updated_epoch": updated,
            "created_epoch": created,
            "basic": basic,
            "other_names": other_names,
            "addresses": addresses,
            "taxonomies": taxonomies,
            "identifiers": identifiers,
        }
        if practice:
            rec["practiceLocations"] = practice
    else:
        rec = {
            "created_epoch": str(created * 1000),
            "enumeration_type": etype,
            "last_updated_epoch": str(updated * 1000 + RNG.randint(0, 999)),
            "number": npi,
            "addresses": addresses,
            "practiceLocations": practice,
            "basic": basic,
            "taxonomies": taxonomies,
            "identifiers": identifiers,
            "endpoints": endpoints,
            "other_names": other_names,
        }
    return rec


def registry_is_active(rec) -> bool:
    b = rec["basic"]
    if b.get("status") != "A":
        return False
    d, r = b.get("deactivation_date"), b.get("reactivation_date")
    return not d or bool(r and r > d)


def _address(purpose: str, line_1: str, line_2: str, city: str, state: str, postal: str, phone: str) -> dict:
    return {
        "country_code": "US", "country_name": "United States", "address_purpose": purpose, "address_type": "DOM",
        "address_1": line_1, "address_2": line_2, "city": city, "state": state, "postal_code": postal,
        "telephone_number": phone,
    }  # fmt: skip


def _record(stem: str, kind: str, basic: dict, addresses: list[dict], taxonomies: list[tuple]) -> dict:
    """A current-style record written out by hand (its NPI from a fixed stem: no RNG draw)."""
    return {
        "created_epoch": "1420070400000",
        "enumeration_type": kind,
        "last_updated_epoch": "1767225600000",
        "number": stem + npi_check_digit(stem),
        "addresses": addresses,
        "practiceLocations": [],
        "basic": {**basic, "enumeration_date": "2015-01-01", "last_updated": "2026-01-01", "status": "A"},
        "taxonomies": [
            {"code": code, "taxonomy_group": "", "desc": desc, "state": state, "license": license, "primary": primary}
            for code, desc, state, license, primary in taxonomies
        ],
        "identifiers": [],
        "endpoints": [],
        "other_names": [],
    }


# Records the API's loose taxonomy_description search brings back with the wanted ones (a
# "Physical Therapist" search finds a Physical Therapy Assistant, "Therapist" a respiratory
# therapist), and the shapes real records take: a state that disagrees with its ZIP (the city
# agrees with the ZIP), a PO box on line 1 with the street on line 2, one licence under two
# taxonomies, and an orthopaedic surgery group that also employs physical therapists.
LOOSE = [
    _record("108765430", "NPI-1",
            {"first_name": "DARNELL", "last_name": "OKAFOR", "credential": "PTA", "sex": "M"},
            [_address("LOCATION", "4410 GUADALUPE ST", "", "AUSTIN", "TX", "787512218", "512-555-0157")],
            [("225200000X", "Physical Therapy Assistant", "TX", "PTA31877", True)]),
    _record("108765431", "NPI-1",
            {"first_name": "GRETCHEN", "last_name": "VOSS", "credential": "RRT", "sex": "F"},
            [_address("LOCATION", "1601 E 19TH AVE", "", "DENVER", "CO", "802181201", "303-555-0159")],
            [("227800000X", "Respiratory Therapist, Certified", "CO", "RT.0044211", True)]),
    _record("108765432", "NPI-1",
            {"first_name": "REYNA", "last_name": "BALDWIN", "credential": "LMT", "sex": "F"},
            [_address("LOCATION", "PO BOX 4471", "2210 S 1ST ST", "AUSTIN", "CO", "787040123", "512-555-0158"),
             _address("MAILING", "PO BOX 4471", "", "AUSTIN", "TX", "787674471", "512-555-0158")],
            [("225700000X", "Massage Therapist", "TX", "MT199001", True),
             ("171100000X", "Acupuncturist", "TX", "MT199001", False)]),
    _record("108765433", "NPI-2",
            {"organization_name": "ROUND ROCK ORTHOPAEDIC SURGERY ASSOCIATES PA", "organizational_subpart": "NO"},
            [_address("LOCATION", "2400 ROUND ROCK AVE", "STE 310", "ROUND ROCK", "TX", "786812345", "512-555-0161")],
            [("207X00000X", "Orthopaedic Surgery", "TX", "Q4471", True),
             ("225100000X", "Physical Therapist", "TX", "1299410", False)]),
]  # fmt: skip


def build() -> list[dict]:
    """The registry records, sorted by NPI. Draws from ``RNG`` (epoch time-of-day, practice-location ZIP+4)."""
    records = [build_registry_record(s) for s in REGISTRY] + [dict(record) for record in LOOSE]
    records.sort(key=lambda r: str(r["number"]))
    return records


def write(records: list[dict]) -> None:
    write_json(SAMPLES / "nppes" / "registry.json", records)


def site_matches(site_truth) -> dict[str, str]:
    """Site slug -> NPI, for the records declared as the same provider as a site listing (checked against it)."""
    matches = {}
    for s in REGISTRY:
        e = ENTITIES[s["key"]]
        if e["site"]:
            check_site_match(site_truth, e["site"], display_name(e), e["phone"], e["zip"])
            matches[e["site"]] = e["npi"]
    return matches
