"""Score a listing's relevance for sciatica from its text, keeping the evidence for each match."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from pipeline.config import Relevance
from pipeline.records import Evidence, Listing
from pipeline.vocabulary import Entry, Vocabulary

# Fields searched, most telling first; the first match of a term supplies its evidence.
FIELDS = ("services", "description", "name", "business_name")
SNIPPET = 160  # maximum characters of evidence text
_SENTENCE_END = re.compile(r"[.!?;:\n•|]")


def classify(listing: Listing, vocabulary: Vocabulary, relevance: Relevance,
             counts: Counter | None = None) -> Listing:
    counts = counts if counts is not None else Counter()
    found: dict[str, Evidence] = {}
    excluded: list[str] = []
    for field, text in _texts(listing):
        for entry in vocabulary.scored:
            if entry.slug in found:
                continue
            evidence = _first_match(entry, text, field, listing.url, vocabulary, counts)
            if evidence:
                found[entry.slug] = evidence
        excluded += [entry.name for entry in vocabulary.exclusions if entry.pattern.search(text)]
    techniques = [e.slug for e in vocabulary.techniques if e.slug in found]
    conditions = [e.slug for e in vocabulary.conditions if e.slug in found]
    score = min(100, sum(e.weight for e in vocabulary.scored if e.slug in found))
    exclusion = None
    if excluded and not techniques:
        exclusion = f"not a therapy business ({excluded[0].lower()})"
        score = 0
        counts["classify/excluded"] += 1
    tier = tier_for(score, relevance)
    counts[f"classify/tier/{tier}"] += 1
    return dataclasses.replace(
        listing, techniques=techniques, conditions=conditions, relevance_score=score,
        relevance_tier=tier, exclusion=exclusion,
        evidence=[found[slug] for slug in techniques + conditions],
    )


def tier_for(score: int, relevance: Relevance) -> str:
    if score >= relevance.high:
        return "high"
    if score >= relevance.medium:
        return "medium"
    if score >= relevance.low:
        return "low"
    return "none"


def _texts(listing: Listing):
    for field in FIELDS:
        value = getattr(listing, field)
        for text in value if isinstance(value, list) else [value]:
            if text:
                yield field, text


def _first_match(entry: Entry, text: str, field: str, url: str, vocabulary: Vocabulary,
                 counts: Counter) -> Evidence | None:
    for match in entry.pattern.finditer(text):
        if _negated(text, match.start(), vocabulary):
            counts["classify/negated"] += 1
            continue
        return Evidence(technique=entry.slug, snippet=snippet(text, match.start(), match.end()),
                        field=field, source_url=url)
    return None


def _negated(text: str, start: int, vocabulary: Vocabulary) -> bool:
    """A negation cue shortly before the term, within the same sentence, cancels it."""
    window_start = max(0, start - vocabulary.window)
    boundary = max((m.end() for m in _SENTENCE_END.finditer(text, window_start, start)), default=window_start)
    return bool(vocabulary.negation.search(text, boundary, start))


def snippet(text: str, start: int, end: int, limit: int = SNIPPET) -> str:
    """The exact text around a match, at most `limit` characters, cut at word boundaries."""
    if len(text) <= limit:
        return text
    room = max(0, limit - (end - start))
    left = max(0, start - room // 2)
    right = min(len(text), left + limit)
    left = max(0, right - limit)
    if left > 0 and " " in text[left:start]:
        left = text.index(" ", left, start) + 1
    if right < len(text) and " " in text[end:right]:
        right = text.rindex(" ", end, right)
    return text[left:right].strip()
