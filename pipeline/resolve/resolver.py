"""The resolve stage: cluster listings of the same therapist, give each cluster a stable ID, say why.

Blocking, features and pair scores are set-based SQL (sql/resolve/prepare.sql): DuckDB compares
millions of pairs with its built-in Jaro-Winkler and Damerau-Levenshtein in a few seconds, and
the signals stay in a table `therapists explain` can show. Clustering is here: a union-find over
the pairs above the threshold, strongest first, that refuses any union putting two listings with
conflicting identities in one cluster (README "Entity resolution").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from pipeline.config import Config
from pipeline.database import Warehouse


def resolve_staged(warehouse: Warehouse, config: Config, *, now: datetime, counts: Counter) -> None:
    """Assign `therapist_id` to staged listings; stage the ID changes the load stage applies."""
    settings = config.resolution
    params: dict[str, object] = {
        "now": now,
        "threshold": settings.threshold,
        "max_block_size": settings.max_block_size,
        "shared_hosts": shared_hosts_pattern(settings.shared_hosts),
    }
    with warehouse.transaction():
        warehouse.run("resolve/prepare.sql", params)
        edges = warehouse.run("resolve/edges.sql", params)
        facts = {row[0]: Identity(*row[1:]) for row in warehouse.run("resolve/node_facts.sql", params)}
        clusters, refused = cluster(edges, facts, max_size=settings.max_cluster_size)
        rows: list[dict] = [{"node": node, "cluster": label} for node, label in clusters.items()]
        rows += [{"a": a, "b": b, "reason": reason} for a, b, reason in refused]
        warehouse.stage_rows("resolve/insert_clusters.sql", rows or [{"a": None}])
        therapists, listings, retired = warehouse.run("resolve/assign.sql", params)[0]
    counts["resolve/listings"] = listings
    counts["resolve/therapists"] = therapists
    counts["resolve/candidate_pairs_matched"] = len(edges)
    counts["resolve/merges_refused"] = len(refused)
    counts["resolve/ids_retired"] = retired


def shared_hosts_pattern(hosts: list[str]) -> str:
    """A regex matching the hosts (and their subdomains) whose sites many unrelated therapists share."""
    if not hosts:
        return "^$"
    return "(^|\\.)(" + "|".join(host.lower().replace(".", "\\.") for host in hosts) + ")$"


@dataclass
class Identity:
    """Who a listing says it is: enough to tell whether two listings can be one therapist."""

    kind: str | None
    first: str | None
    middle: str | None
    last: str | None
    rest: str | None  # the words after the first name, initials left out, space-separated
    tail: str | None  # the last two words joined ("ortegabrandt")
    npi: str | None
    license_keys: str | None = None  # "TX:MT5001 CO:MT77", as in res_nodes
    license_states: str | None = None  # "TX CO"


def conflict(x: Identity, y: Identity) -> str | None:
    """Why listings x and y cannot be the same therapist, or None if they can."""
    if x.npi and y.npi:
        return None if x.npi == y.npi else "different NPIs"
    if x.license_keys and y.license_keys:
        if set(x.license_keys.split()) & set(y.license_keys.split()):
            return None  # one licence: one person, whatever the spelling of the name
        if set((x.license_states or "").split()) & set((y.license_states or "").split()):
            return "different licence numbers in one state"
    if x.kind == "person" and y.kind == "person" and x.last and y.last:
        a, b = x.first or "", y.first or ""
        first = (words_match(a, b) and not given_name_variants(a, b)) or (
            bool(a and b) and (len(a) == 1 or len(b) == 1) and a[0] == b[0]
        )
        if not (first and surnames_match(x, y)):
            return "different people"
        if x.middle and y.middle and x.middle != y.middle:
            return "different middle initials"
    return None


def surnames_match(x: Identity, y: Identity) -> bool:
    """The same surname, allowing a typo, two words written apart or together, or one of two left out.

    Mirrors `last_match` in sql/resolve/prepare.sql; keep them in step.
    """
    return (
        words_match(x.last, y.last)
        or (x.tail is not None and x.tail == y.last)
        or (y.tail is not None and y.tail == x.last)
        or y.last in (x.rest or "").split()
        or x.last in (y.rest or "").split()
    )


def words_match(a: str | None, b: str | None) -> bool:
    """The same word, allowing one typo in words of four letters or more (never in words with digits).

    Mirrors the `words_match` macro in sql/views/resolution_macros.sql; keep them in step.
    """
    if not a or not b:
        return False
    if a == b:
        return True
    return min(len(a), len(b)) >= 4 and not any(c.isdigit() for c in a + b) and _one_edit_apart(a, b)


_VOWELS = frozenset("aeiou")


def given_name_variants(a: str, b: str) -> bool:
    """Given names one edit apart that are different names (Mario/Maria, Julian/Juliana, Francis/Frances).

    Mirrors the `given_name_variants` macro in sql/views/resolution_macros.sql; keep them in step.
    """
    if a == b:
        return False
    if a + "a" == b or b + "a" == a or a + "e" == b or b + "e" == a:
        return True
    if len(a) == len(b) and a[:-1] == b[:-1] and a[-1] in _VOWELS and b[-1] in _VOWELS:
        return True
    return len(a) > 3 and a[:-2] == b[:-2] and sorted((a[-2:], b[-2:])) == ["es", "is"]


def _one_edit_apart(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1: one insertion, deletion, substitution or adjacent swap."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def cluster(
    edges: list[tuple[int, int, float]], facts: dict[int, Identity], *, max_size: int
) -> tuple[dict[int, int], list[tuple[int, int, str]]]:
    """Union-find over edges (strongest first) with a guard: two clusters join only if no listing of
    one conflicts with a listing of the other. A clinic's shared phone can link each of its
    therapists to the clinic's listing, but never two of its therapists to each other.

    Returns {node: cluster label (smallest node)} for nodes in clusters of two or more, and the
    refused edges with the reason.
    """
    parent: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    refused: list[tuple[int, int, str]] = []

    def root(node: int) -> int:
        while parent.get(node, node) != node:
            parent[node] = parent.get(parent[node], parent[node])  # path halving
            node = parent[node]
        return node

    for a, b, _score in edges:
        ra, rb = root(a), root(b)
        if ra == rb:
            continue
        left, right = members.get(ra, [ra]), members.get(rb, [rb])
        if len(left) + len(right) > max_size:
            refused.append((a, b, f"the therapist would have more than {max_size} listings"))
            continue
        reason = next((why for x in left for y in right if (why := conflict(facts[x], facts[y]))), None)
        if reason:
            refused.append((a, b, f"{reason} in the two clusters"))
            continue
        if len(left) < len(right):
            ra, rb, left, right = rb, ra, right, left
        parent[rb] = ra
        members[ra] = left + right
        members.pop(rb, None)
    labels: dict[int, int] = {}
    for group in members.values():
        label = min(group)
        labels.update((node, label) for node in group)
    return labels, refused
