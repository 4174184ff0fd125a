"""Score a listing's relevance for sciatica from its text and provider type, keeping the evidence.

The score is the sum of the weights of the techniques and conditions a listing positively offers
(vocabulary.toml), plus a provider boost, capped at 100; the tier follows from the thresholds in
pipeline.toml. A match does not count when a negation cue precedes it in its sentence ("we do not
offer deep tissue") or when its sentence is about something else (a blog link, a gift-card footer).
A listing that names no therapy at all, or that is clearly another business (a nail salon, a shop
selling massage chairs), scores 0 with the reason in `exclusion`.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from pipeline.config import Relevance
from pipeline.records import Evidence, Listing
from pipeline.relevance.vocabulary import Entry, Provider, Vocabulary

# Fields searched, most telling first; the first match of a term supplies its evidence.
FIELDS = ("services", "description", "name", "business_name")
IDENTITY_FIELDS = ("name", "business_name")
SNIPPET = 160  # maximum characters of evidence text
# A sentence ends at a full stop, but not at the one of a title or an abbreviation ("Dr. Penn").
_ABBREVIATIONS = r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bNo)(?<!\bAve)(?<!\bInc)(?<!\bSte)(?<!\bvs)"
_SENTENCE_END = re.compile(_ABBREVIATIONS + r"[.!?;\n•|]")
_FULL_STOP = re.compile(_ABBREVIATIONS + r"[.!?\n•|]")


def classify(listing: Listing, vocabulary: Vocabulary, relevance: Relevance, counts: Counter | None = None) -> Listing:
    counts = counts if counts is not None else Counter()
    found: dict[str, Evidence] = {}
    excluded: list[tuple[str, str, bool]] = []  # (exclusion name, field, hosts therapists)
    therapy_words = False
    pattern, groups = vocabulary.combined
    for field, original in _texts(listing):
        # One-letter misspellings of long terms ("triger point") are read as meant; evidence still
        # quotes the original text.
        corrected = vocabulary.speller.correct(original)
        text = corrected.text if corrected else original
        for match in pattern.finditer(text):
            entry = groups[match.lastgroup]
            if entry.kind == "false_friend":
                continue  # "deep tissue infection", "neuromuscular dentistry": no offering
            if entry.kind == "exclusion":
                if not _negated(text, match.start(), vocabulary):
                    excluded.append((entry.name, field, entry.hosts))
            elif entry.slug not in found:
                start, end = corrected.span(match.start(), match.end()) if corrected else match.span()
                evidence = _evidence(entry, text, match, field, listing.url, vocabulary, counts)
                if evidence:
                    found[entry.slug] = dataclasses.replace(evidence, snippet=snippet(original, start, end))
        therapy_words = therapy_words or bool(vocabulary.therapy_words.search(text))
    # A provider of another kind, by its credential or registration (a dentist's DDS, a surgeon's code).
    credentials = {c.upper().replace(".", "") for c in listing.credentials}
    for entry in vocabulary.exclusions:
        if entry.marks(credentials, set(listing.taxonomy_codes)):
            excluded.append((entry.name, "credentials", False))
    techniques = [e.slug for e in vocabulary.techniques if e.slug in found]
    conditions = [e.slug for e in vocabulary.conditions if e.slug in found]
    provider = provider_of(listing, vocabulary)
    score = vocabulary.score(set(found))
    if score and provider:
        score += provider.boost
    exclusion = None
    # Another kind of business scores nothing unless a therapist's mark (a credential, a massage
    # taxonomy) shows a therapist. Businesses that host therapists (a yoga studio, a salon, a gym)
    # also keep what they offer in their services or description as massage: a licensed massage
    # therapist there who offers deep tissue (or sports massage) is a real offering; a technique word
    # in the name alone ("Trigger Point Nail Lounge") or a stretching class is not.
    offered = {
        slug
        for slug in techniques
        if found[slug].field in ("services", "description")
        and (slug in vocabulary.core or "massage" in found[slug].snippet.lower())
    }
    blocking = [(name, field) for name, field, hosts in excluded if not (hosts and offered)]
    if blocking and not provider:
        exclusion = f"not a therapy business ({blocking[0][0].lower()})"
    elif score and not provider and not therapy_words and not techniques:
        # Techniques are therapy language themselves; a condition alone ("back pain") is not.
        exclusion = "names no therapy and no therapy credential or registration"
    if exclusion:
        score = 0
        counts["classify/excluded"] += 1
        techniques, conditions = [], []
    score = min(100, score)
    tier = tier_for(score, relevance)
    counts[f"classify/tier/{tier}"] += 1
    return dataclasses.replace(
        listing,
        techniques=techniques,
        conditions=conditions,
        relevance_score=score,
        relevance_tier=tier,
        exclusion=exclusion,
        evidence=[found[slug] for slug in techniques + conditions],
    )


def provider_of(listing: Listing, vocabulary: Vocabulary) -> Provider | None:
    """The provider type the listing's NUCC taxonomy codes or stated credentials show, if any."""
    codes = set(listing.taxonomy_codes)
    credentials = {c.upper().replace(".", "") for c in listing.credentials}
    for provider in vocabulary.providers:
        if codes & provider.taxonomy_codes or credentials & provider.credentials:
            return provider
    return None


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


def _evidence(
    entry: Entry, text: str, match: re.Match, field: str, url: str, vocabulary: Vocabulary, counts: Counter
) -> Evidence | None:
    """The match as evidence, unless it is negated or its sentence is about something else."""
    if _negated(text, match.start(), vocabulary, match.end()):
        counts["classify/negated"] += 1
        return None
    if _out_of_scope(text, match.start(), match.end(), vocabulary):
        counts["classify/out_of_scope"] += 1
        return None
    return Evidence(
        technique=entry.slug, snippet=snippet(text, match.start(), match.end()), field=field, source_url=url
    )


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return left, right.start() if right else len(text)


def _negated(text: str, start: int, vocabulary: Vocabulary, end: int | None = None) -> bool:
    """A negation cue shortly before the term in its sentence (with no "but" in between), or an
    `after` cue following it ("deep tissue is not available"), cancels it."""
    left, right = _sentence(text, start, start if end is None else end)
    window_start = max(left, start - vocabulary.window)
    cues = list(vocabulary.negation.finditer(text, window_start, start))
    if cues and not vocabulary.contrast.search(text, cues[-1].end(), start):
        return True
    if end is None:
        return False
    # An after-cue may sit past a semicolon ("myofascial release; it is not yet offered").
    stop = _FULL_STOP.search(text, end)
    return bool(vocabulary.after.search(text, end, min(stop.start() if stop else len(text), end + vocabulary.window)))


def _out_of_scope(text: str, start: int, end: int, vocabulary: Vocabulary) -> bool:
    """The term's sentence is about something else: a blog link, a gift card, a partner clinic.
    A question ("Suffering from sciatica?") is read with the sentence that answers it."""
    left, right = _sentence(text, start, end)
    if text[right : right + 1] == "?":
        _, right = _sentence(text, right + 1, right + 1)
    return bool(vocabulary.scope.search(text, left, right))


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
