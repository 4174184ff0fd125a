"""When to retry a request and how long to wait: exponential backoff with jitter, Retry-After."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# Statuses worth another try: the server says "later", not "never".
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None if absent or garbled."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_seconds(retry: int, base: float, jitter: float, rng: random.Random) -> float:
    """The wait before retry number `retry` (1, 2, ...): base * 2^(retry-1), plus up to `jitter` of it."""
    wait = base * 2 ** (retry - 1)
    return wait * (1 + rng.uniform(0, jitter))
