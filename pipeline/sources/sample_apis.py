"""Loopback stand-ins for the public APIs, serving the bundled fictional samples in their real formats.

`therapists demo` and the tests talk to these exactly as the pipeline talks to the real NPPES
Registry and Overpass servers, quirks included: NPPES's limit/skip cap and HTTP-200 error
envelope, Overpass's `out center tags` JSON.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs


class NppesRegistry:
    """Answers NPPES API v2.1 searches from a list of result objects, honouring the real limits."""

    def __init__(self, records: list[dict], *, max_limit: int = 200, max_skip: int = 1000):
        self.records = sorted(records, key=lambda r: str(r.get("number")))
        self.max_limit, self.max_skip = max_limit, max_skip

    def answer(self, query: str) -> dict:
        params = {key: values[-1] for key, values in parse_qs(query).items()}
        criteria = {k: v for k, v in params.items() if k not in ("version", "limit", "skip", "pretty")}
        if not criteria:
            return _error("generic", "04", "No valid search criteria provided")
        if set(criteria) == {"state"}:
            return _error("state", "07", "State may not be used as the only criteria")
        try:
            limit, skip = int(params.get("limit", 10)), int(params.get("skip", 0))
        except ValueError:
            return _error("limit", "02", "Field limit must be a number")
        if not 0 < limit <= self.max_limit:
            return _error("limit", "02", f"Field limit must be between 1 and {self.max_limit}")
        if not 0 <= skip <= self.max_skip:
            return _error("skip", "02", f"Field skip must be between 0 and {self.max_skip}")
        found = [r for r in self.records if _matches(r, criteria)]
        page = found[skip : skip + limit]
        return {"result_count": len(page), "results": page}


def _matches(record: dict, criteria: dict) -> bool:
    location: dict = next((a for a in record.get("addresses", []) if a.get("address_purpose") == "LOCATION"), {})
    return all(_criterion(key, value.strip().upper(), record, location) for key, value in criteria.items())


def _criterion(key: str, value: str, record: dict, location: dict) -> bool:
    if key == "taxonomy_description":
        # As loose as the real search: any word of the query (five letters or more) starting a word
        # of a description ("Physical Therapist" finds a Physical Therapy Assistant too).
        words = [word for word in re.findall(r"[A-Z]+", value) if len(word) >= 5]
        return any(
            re.search(rf"\b{word}", str(t.get("desc", "")).upper())
            for t in record.get("taxonomies", [])
            for word in words
        )
    if key == "state":
        return str(location.get("state", "")).upper() in (value, _STATE_NAMES.get(value, value))
    if key == "postal_code":
        code = str(location.get("postal_code", ""))
        return code.startswith(value[:-1]) if value.endswith("*") else code[:5] == value[:5]
    if key == "city":
        return str(location.get("city", "")).upper() == value
    if key == "number":
        return str(record.get("number")) == value
    return True


def _error(field: str, number: str, description: str) -> dict:
    return {"Errors": [{"description": description, "field": field, "number": number}]}


_STATE_NAMES = {
    "TX": "TEXAS",
    "CO": "COLORADO",
    "OR": "OREGON",
    "NC": "NORTH CAROLINA",
    "IL": "ILLINOIS",
    "FL": "FLORIDA",
    "GA": "GEORGIA",
    "AK": "ALASKA",
}


def answer(root: Path, path: str, query: str) -> tuple[int, str, bytes] | None:
    """A dynamic answer for `path` under a sample folder, or None to serve files as they are."""
    if path.rstrip("/") == "/api" and (root / "registry.json").is_file():
        registry = NppesRegistry(json.loads((root / "registry.json").read_text(encoding="utf-8")))
        return 200, "application/json", json.dumps(registry.answer(query)).encode()
    if path == "/api/interpreter" and (root / "interpreter.json").is_file():
        return 200, "application/json", (root / "interpreter.json").read_bytes()
    return None
