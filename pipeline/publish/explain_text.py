"""The text `therapists explain` shows: why a therapist is listed and why its listings are one therapist."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.publish.search import Explanation


def explanation_lines(found: Explanation, threshold: float) -> Iterator[str]:
    """The lines of `therapists explain` in text form, for the CLI to print; `threshold` is the
    resolution threshold a pair must score to match."""
    t = found.therapist
    region = " ".join(p for p in (t["state"], t["postal_code"]) if p)
    place = ", ".join(p for p in (t["street"], t["city"], region) if p)
    yield f"{t['name']} ({t['therapist_id']}){'' if t['active'] else ' [inactive]'}"
    if found.asked_for:
        yield f"  ({found.asked_for} was merged into this therapist and redirects here)"
    derived = " (derived from the source's coordinates)" if "from_coordinates" in (t.get("address_flags") or []) else ""
    yield f"  {place or 'no address'}{derived}; located by {t['geocode_precision'] or 'nothing'}"
    yield f"  Relevance: {t['relevance_tier']} (score {t['relevance_score']} of 100)"
    if not t["evidence"]:
        yield "  No sciatica-relevant technique or condition was found in its listings."
    for item in t["evidence"]:
        yield f'  - {item["technique"]}: "{item["snippet"]}" ({item["field"]} of {item["source_url"]})'
    own = [listing for listing in found.listings if not listing["attached"]]
    sites = [listing for listing in found.listings if listing["attached"]]
    yield f"  Listings ({len(own)}):"
    for listing in own:
        note = f"; {listing['exclusion']}" if listing["exclusion"] else ""
        yield (
            f"  - {listing['source']}:{listing['source_key']} {listing['name']}, tier {listing['relevance_tier']}"
            f"{'' if listing['active'] else ', inactive'}{note}"
        )
        for address_note in listing["address_notes"]:
            yield f"      address: {address_note}"
        if listing["mailing_address"]:
            yield f"      mailing address: {listing['mailing_address']}"
    if sites:
        yield "  Practice websites its listings name (read for evidence, never merged):"
    for site in sites:
        note = f"; {site['exclusion']}" if site["exclusion"] else ""
        yield (
            f"  - {site['source']}:{site['source_key']} {site['name']}, tier {site['relevance_tier']}, "
            f"read {site['fetched_at']:%Y-%m-%d}{note}"
        )
    inside = [link for link in found.links if link["inside"]]
    outside = [link for link in found.links if not link["inside"]]
    if inside:
        yield (f"  Why these listings are one therapist (a pair scoring {threshold:g} or more matches):")
        for link in inside:
            yield from _link_lines(link)
    if outside:
        yield "  Close calls kept apart:"
        for link in outside:
            yield from _link_lines(link)
    if t["provenance"]:
        yield (
            "  Field provenance: "
            + "; ".join(f"{p['field']} from {p['source']}:{p['source_key']}" for p in t["provenance"])
        )
    for retired in found.retired_ids:
        yield f"  Retired ID {retired['therapist_id']} (merged {retired['retired_at']:%Y-%m-%d}) redirects here"


def _link_lines(link: dict) -> Iterator[str]:
    verdict = link["decision"].replace("_", " ") + (f": {link['reason']}" if link["reason"] else "")
    signals = "; ".join(f"{s['signal']} {s['points']:+g} ({s['detail']})" for s in link["signals"])
    yield (
        f"  - {link['a_source']}:{link['a_key']} + {link['b_source']}:{link['b_key']}: "
        f"score {link['score']:g}, {verdict}"
    )
    yield f"      {signals or 'no signal'}"
