"""Rebuild the fictional sample data in data/samples/: the directory site, then the sources that overlap with it.

Run from anywhere (paths are relative to this file; Python 3.11 standard library only):

    python3 data/samples/build.py                    # everything
    python3 data/samples/build.py site roster        # only the named parts

Parts, in build order (``nppes`` names both NPPES parts, ``sources`` all but the site):

    site           site/ and site-truth.json          (builders/directory_site.py)
    nppes-api      nppes/registry.json                (builders/nppes_api.py)
    nppes-bulk     nppes/bulk/npidata_pfile_*.csv     (builders/nppes_bulk.py)
    overpass       overpass/*.json                    (builders/overpass.py)
    roster         rosters/tx_massage_roster.csv      (builders/roster.py)
    address-roster rosters/ma_massage_roster.csv      (builders/address_roster.py)
    results-site   results-site/ (cards, dead links)  (builders/results_page.py)
    jsonld-site    jsonld-site/                       (builders/jsonld_site.py)
    websites       websites/<host>/ (practice sites)  (builders/practice_sites.py)
    sources-truth  sources-truth.json                 (builders/truth.py)

Every file is rewritten byte for byte deterministically. The sources all draw from one seeded random source
(``builders.identifiers.RNG``) whose draw order is part of the output, so they are always all computed, in one
fixed order; the named parts only choose which files are written. They check their overlaps against
site-truth.json, which is why the site is built first.
"""

from __future__ import annotations

import argparse

from builders import (
    address_roster,
    directory_site,
    entities,
    jsonld_site,
    nppes_api,
    nppes_bulk,
    overpass,
    practice_sites,
    results_page,
    roster,
    truth,
)

SITE = "site"
SOURCES = (
    "nppes-api",
    "nppes-bulk",
    "overpass",
    "roster",
    "address-roster",
    "jsonld-site",
    "results-site",
    "websites",
    "sources-truth",
)
PARTS = (SITE, *SOURCES)
GROUPS = {"nppes": ("nppes-api", "nppes-bulk"), "sources": SOURCES}


def write_sources(parts: set[str]) -> None:
    """Compute every source (in the RNG's draw order: see builders.identifiers), then write the named ones."""
    site_truth = entities.load_site_truth()
    entities.check_site_phones(site_truth)
    entities.assign_npis([s["key"] for s in nppes_api.REGISTRY] + [s["key"] for s in nppes_bulk.BULK_ONLY])
    records = nppes_api.build()
    rows = nppes_bulk.build()
    elements = overpass.build()
    roster_rows = roster.build()
    pages = jsonld_site.build()
    address_rows = address_roster.build()
    results_files = results_page.build()
    sites = practice_sites.build()  # no RNG draws: checks every link the sources above publish
    sources_truth = truth.build(site_truth, records, rows, elements, roster_rows, pages)
    sources_truth["address_roster"] = address_roster.truth(address_rows)
    sources_truth["results_site"] = results_page.truth()
    sources_truth["practice_sites"] = practice_sites.truth(
        sites, elements, roster_rows, address_rows, pages, results_files
    )

    writes = {
        "nppes-api": lambda: nppes_api.write(records),
        "nppes-bulk": lambda: nppes_bulk.write(rows),
        "overpass": lambda: overpass.write(elements),
        "roster": lambda: roster.write(roster_rows),
        "address-roster": lambda: address_roster.write(address_rows),
        "results-site": lambda: results_page.write(results_files),
        "jsonld-site": lambda: jsonld_site.write(pages),
        "websites": lambda: practice_sites.write(sites),
        "sources-truth": lambda: truth.write(sources_truth),
    }
    for part in SOURCES:
        if part in parts:
            writes[part]()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Rebuild the fictional sample data in data/samples/.")
    names = (*PARTS, *GROUPS)
    parser.add_argument("parts", nargs="*", metavar="PART", help=f"what to rebuild (default: all): {', '.join(names)}")
    args = parser.parse_args(argv)
    unknown = [p for p in args.parts if p not in names]
    if unknown:
        parser.error(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(names)}")
    parts = {part for name in args.parts for part in GROUPS.get(name, (name,))} or set(PARTS)
    if SITE in parts:
        directory_site.build()
    if parts & set(SOURCES):
        write_sources(parts)


if __name__ == "__main__":
    main()
