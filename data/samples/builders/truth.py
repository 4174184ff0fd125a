"""The sources' truth file, ``sources-truth.json``: the counts and overlaps the tests assert.

Computed from the built records, rows, elements and pages, never typed in.
"""

from __future__ import annotations

from collections import Counter

from . import jsonld_site, nppes_api, overpass, roster
from .entities import ENTITIES, STATE_NAMES
from .formats import SAMPLES, write_json
from .nppes_api import registry_is_active
from .nppes_bulk import BULK_COLUMNS, row_codes
from .overpass import RELAX

# The taxonomy_codes of [sources.sample_nppes] in pipeline.toml.
WANTED_CODES = frozenset({"225700000X", "225100000X", "2251X0800X", "2251S0007X", "111N00000X", "111NX0800X"})


def _codes(record: dict) -> set[str]:
    return {t["code"] for t in record["taxonomies"]}


def build(site_truth, records, rows, elements, roster_rows, pages) -> dict:
    """The truth of the built sources; ``site_truth`` (site-truth.json by slug, or None) checks their overlaps."""
    # ---- NPPES registry ----
    by_state: Counter = Counter()
    rev_states = {v: k for k, v in STATE_NAMES.items()}
    massage = massage_active = pts = chiros = 0
    deactivated, reactivated = [], []
    for r in records:
        loc = next(a for a in r["addresses"] if a["address_purpose"] == "LOCATION")
        by_state[rev_states.get(loc["state"], loc["state"])] += 1
        codes = {t["code"] for t in r["taxonomies"]}
        if "225700000X" in codes:
            massage += 1
            massage_active += registry_is_active(r)
        pts += any(c.startswith("2251") for c in codes)
        chiros += any(c.startswith("111N") for c in codes)
        b = r["basic"]
        if not registry_is_active(r):
            deactivated.append(str(r["number"]))
        elif b.get("reactivation_date"):
            reactivated.append(str(r["number"]))
    nppes_match_npi = nppes_api.site_matches(site_truth)

    # ---- NPPES bulk ----
    bulk_deact = [r["NPI"] for r in rows if r["NPI Deactivation Date"] and not r["NPI Reactivation Date"]]
    bulk_massage = [r for r in rows if "225700000X" in row_codes(r) and r["NPI"] not in bulk_deact]
    bulk_massage_primary = [
        r
        for r in bulk_massage
        if any(
            r[f"Healthcare Provider Taxonomy Code_{i}"] == "225700000X"
            and r[f"Healthcare Provider Primary Taxonomy Switch_{i}"] == "Y"
            for i in range(1, 16)
        )
    ]
    bulk_massage_not_first = [
        r["NPI"] for r in bulk_massage if r["Healthcare Provider Taxonomy Code_1"] != "225700000X"
    ]
    bulk_pt_chiro = [
        r
        for r in rows
        if "225700000X" not in row_codes(r) and any(c.startswith(("2251", "2252", "111N")) for c in row_codes(r))
    ]
    bulk_unrelated = [
        r
        for r in rows
        if row_codes(r)
        and "225700000X" not in row_codes(r)
        and not any(c.startswith(("2251", "2252", "111N")) for c in row_codes(r))
    ]
    registry_npis = {str(r["number"]) for r in records}
    bulk_site = {}
    for r in bulk_massage:
        for e in ENTITIES.values():
            if e.get("npi") == r["NPI"] and e["site"]:
                bulk_site[e["site"]] = r["NPI"]

    # ---- the others ----
    osm_matches = overpass.site_matches(site_truth)
    roster_matches = roster.site_matches(site_truth)
    jsonld_matches = jsonld_site.site_matches(site_truth, pages)

    def slugs(variant):
        return sorted(p["slug"] for p in pages if p["variant"] == variant)

    truth_out = {
        "_notes": [
            "matches_site lists canonical site-truth slugs (duplicate_of null) whose phone_digits and 5-digit zip equal the source record's; the site's listed-twice duplicates (e.g. jane-m-alvarez-austin) match the same records.",
            "nppes.active: basic.status == 'A' and no deactivation_date without a later reactivation_date. nppes.massage: records with 225700000X in any taxonomy (any status). by_state: LOCATION address state, spelled-out names mapped to codes.",
            "nppes_bulk.with_taxonomy_225700000X_active: rows with 225700000X in any Healthcare Provider Taxonomy Code_N slot and no NPI Deactivation Date.",
            "roster.active_massage_therapists: License Type 'Massage Therapist' and License Status 'Active'.",
            "jsonld_site.relevant excludes the broken page (it must be counted as a drop).",
        ],
        "nppes": {
            "records": len(records),
            "old_style": sum(isinstance(r["number"], int) for r in records),
            "new_style": sum(isinstance(r["number"], str) for r in records),
            "active": sum(registry_is_active(r) for r in records),
            # What the sample source keeps: active records holding one of its taxonomy_codes
            # (pipeline.toml); the loose description search also brings back these others.
            "kept": sum(registry_is_active(r) and bool(_codes(r) & WANTED_CODES) for r in records),
            "other_taxonomy": sorted(
                str(r["number"]) for r in records if registry_is_active(r) and not _codes(r) & WANTED_CODES
            ),
            "massage": massage,
            "massage_active": massage_active,
            "physical_therapists": pts,
            "chiropractors": chiros,
            "organizations": sum(r["enumeration_type"] == "NPI-2" for r in records),
            "by_state": dict(sorted(by_state.items())),
            "deactivated": sorted(deactivated),
            "reactivated": sorted(reactivated),
            "matches_site": sorted(nppes_match_npi),
            "match_npi": dict(sorted(nppes_match_npi.items())),
        },
        "nppes_bulk": {
            "rows": len(rows),
            "columns": len(BULK_COLUMNS),
            "line_terminator": "\r\n",
            "with_taxonomy_225700000X_active": len(bulk_massage),
            "with_taxonomy_225700000X_primary": len(bulk_massage_primary),
            "taxonomy_225700000X_not_in_slot_1": sorted(bulk_massage_not_first),
            "pt_or_chiro_without_massage": len(bulk_pt_chiro),
            "unrelated": len(bulk_unrelated),
            "deactivated": sorted(bulk_deact),
            "organizations": sum(r["Entity Type Code"] == "2" for r in rows),
            "same_npi_as_registry": sorted(r["NPI"] for r in rows if r["NPI"] in registry_npis),
            "matches_site": sorted(bulk_site),
        },
        "overpass": {
            "elements": len(elements),
            "by_type": dict(sorted(Counter(el["type"] for el in elements).items())),
            "shop_massage": sum(el["tags"].get("shop") == "massage" for el in elements),
            "physiotherapist": sum(el["tags"].get("healthcare") == "physiotherapist" for el in elements),
            "chiropractic": sum(el["tags"].get("healthcare:speciality") == "chiropractic" for el in elements),
            "relaxation_only": sorted(el["tags"]["name"] for el in elements if el["tags"].get("description") == RELAX),
            "sciatica_description": sorted(
                el["tags"]["name"] for el in elements if "sciatica" in el["tags"].get("description", "")
            ),
            "without_phone": sorted(
                el["tags"]["name"] for el in elements if "phone" not in el["tags"] and "contact:phone" not in el["tags"]
            ),
            "matches_site": sorted(osm_matches),
            "match_name": dict(sorted(osm_matches.items())),
            # Mapped with coordinates only (no addr:* tags), and across the border.
            "coordinate_only": sorted(
                el["tags"]["name"] for el in elements if not any(k.startswith("addr:") for k in el["tags"])
            ),
            "foreign": sorted(el["tags"]["name"] for el in elements if el["tags"].get("addr:country", "US") != "US"),
        },
        "roster": {
            "rows": len(roster_rows),
            "active": sum(r[2] == "Active" for r in roster_rows),
            "active_massage_therapists": sum(r[1] == "Massage Therapist" and r[2] == "Active" for r in roster_rows),
            "by_status": dict(sorted(Counter(r[2] for r in roster_rows).items())),
            "by_type": dict(sorted(Counter(r[1] for r in roster_rows).items())),
            "empty_phone": sum(not r[14] for r in roster_rows),
            "matches_site": sorted(roster_matches),
            "match_license": dict(sorted(roster_matches.items())),
        },
        "jsonld_site": {
            "profiles": len(pages),
            "single": slugs("single"),
            "graph": slugs("graph"),
            "list": slugs("list"),
            "microdata": slugs("microdata"),
            "broken": slugs("broken"),
            "relevant": sorted(p["slug"] for p in pages if p["relevant"]),
            "relaxation_only": sorted(p["slug"] for p in pages if not p["relevant"] and p["variant"] != "broken"),
            "matches_site": sorted(jsonld_matches),
            "match_profile": dict(sorted(jsonld_matches.items())),
        },
    }
    return truth_out


def write(truth: dict) -> None:
    write_json(SAMPLES / "sources-truth.json", truth)
