"""Durations in config: "90", "90s", "30m", "12h", "7d", "2w"."""

from __future__ import annotations

import re

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str) -> float:
    """Seconds in "90", "90s", "30m", "12h", "7d" or "2w"; ValueError otherwise."""
    match = _DURATION.match(text or "")
    if not match:
        raise ValueError(f"{text!r} is not a duration like 30m, 12h or 7d")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
