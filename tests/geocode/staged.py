"""A staged listing row for the geocode and load tests: the name, address and coordinates vary."""

from pipeline.records import Listing


def staged_row(key, *, street="1 Main St", name=None, **address) -> dict:
    return Listing(
        source="s",
        source_key=key,
        url=f"http://x.test/{key}",
        fetched_at="2026-01-01T00:00:00",
        raw_sha256="0" * 64,
        raw_fields={},
        name=name or key,
        street=street,
        **address,
    ).row()
