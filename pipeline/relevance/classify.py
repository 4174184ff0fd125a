"""Score a listing's relevance for sciatica from its text and provider type, keeping the evidence.

The score is the sum of the weights of the techniques and conditions a listing positively offers
(vocabulary.toml), plus a provider boost, capped at 100; the tier follows from the thresholds in
pipeline.toml. A match does not count when a negation cue precedes it in its sentence ("we do not
offer deep tissue") or when its sentence is about something else (a blog link, a gift-card footer).
A listing that names no therapy at all, or that is clearly another business (a nail salon, a shop
selling massage chairs), scores 0 with the reason in `exclusion`. A listing with no text to judge
is `unknown`: the open registers say who practises, not what they treat.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections import Counter

from pipeline.config import Relevance
from pipeline.records import Evidence, Listing
from pipeline.relevance.vocabulary import Provider, Vocabulary

# Fields searched, most telling first; the first match of a term supplies its evidence.
FIELDS = ("services", "description", "name", "business_name")
IDENTITY_FIELDS = ("name", "business_name")
# What a practice's website says the business is: its name and its own description. An exclusion
# ("gift shop", "yoga classes") on one of its pages is a passing mention, never the business's kind.
SITE_KIND_FIELDS = ("name", "business_name", "description")
SNIPPET = 160  # maximum characters of evidence text
SHORT_LINE = 60  # a page's line shorter than this (a heading) is quoted with the line after it
# A sentence ends at a full stop, but not at the one of a title or an abbreviation ("Dr. Penn").
_ABBREVIATIONS = ("Dr", "Mr", "Ms", "Mrs", "St", "No", "Ave", "Inc", "Ste", "vs")


def _stop_pattern(stops: str) -> re.Pattern:
    """One of the characters `stops` not just after an abbreviation. The character comes first and
    the look-backs (which take it in) after: a pattern that starts with a character class is
    searched by skipping to those characters, twenty times faster than trying every look-back at
    every position of the text."""
    return re.compile(f"[{stops}]" + "".join(rf"(?<!\b{word}[{stops}])" for word in _ABBREVIATIONS))


_SENTENCE_END = _stop_pattern(r".!?;\n•|")
_FULL_STOP = _stop_pattern(r".!?\n•|")
_ANSWERED_NO = re.compile(r"\s*(?:no|nope|sorry|unfortunately not|not any ?more)\b", re.IGNORECASE)


def classify(
    listing: Listing,
    vocabulary: Vocabulary,
    relevance: Relevance,
    counts: Counter | None = None,
    pages: list[dict] | tuple = (),
) -> Listing:
    """Judge a listing; `pages` ([{url, text}], services pages first) are a practice website's pages.

    A website is judged page by page: each page's words are evidence quoted with the page's URL, a
    technique the site says anywhere it does not offer counts on no page, and an exclusion counts
    only from what the business is (its name, its description), never from a page's passing
    mention of a gift shop or a class. A listing with no text to judge (no services, description
    or pages) and nothing in its name is `unknown`, not `none`.
    """
    counts = counts if counts is not None else Counter()
    found: dict[str, Evidence] = {}
    vetoed: set[str] = set()  # terms a website says it does not offer
    excluded: list[tuple[str, str, bool]] = []  # (exclusion name, field, hosts therapists)
    therapy_words = False
    groups = vocabulary.groups
    kind_fields = SITE_KIND_FIELDS if listing.kind == "site" else FIELDS
    for field, original, url in _texts(listing, pages):
        # One-letter misspellings of long terms ("triger point") are read as meant; evidence still
        # quotes the original text.
        corrected = vocabulary.speller.correct(original)
        text = corrected.text if corrected else original
        for match in vocabulary.combined.finditer(text):
            entry = groups[match.lastgroup]  # type: ignore[index]  # every alternative is a named group
            if entry.kind == "false_friend":
                continue  # "deep tissue infection", "neuromuscular dentistry": no offering
            if entry.kind == "exclusion":
                if field in kind_fields and not _negated(text, match.start(), vocabulary):
                    excluded.append((entry.name, field, entry.hosts))
            elif field == "page" and _negated(text, match.start(), vocabulary, match.end()):
                vetoed.add(entry.slug)
                counts["classify/negated"] += 1
            elif entry.slug not in found and _offered(text, match, vocabulary, counts):
                # The evidence quotes what the listing wrote, misspelt or not.
                start, end = corrected.span(match.start(), match.end()) if corrected else match.span()
                found[entry.slug] = Evidence(entry.slug, snippet(original, start, end), field=field, source_url=url)
        therapy_words = therapy_words or bool(vocabulary.therapy_words.search(text))
    # A provider of another kind, by its credential or registration (a dentist's DDS, a surgeon's code).
    credentials = {c.upper().replace(".", "") for c in listing.credentials}
    codes = set(listing.taxonomy_codes)
    for entry in vocabulary.marking if credentials or codes else ():
        if entry.marks(credentials, codes):
            excluded.append((entry.name, "credentials", False))
    for slug in vetoed:
        if slug in found and found[slug].field == "page":
            del found[slug]
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
    core = vocabulary.core
    offered = {
        slug
        for slug in techniques
        if found[slug].field in ("services", "description", "page")
        and (slug in core or "massage" in found[slug].snippet.lower())
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
    if tier == "none" and not exclusion and not _says_what_it_treats(listing, pages):
        tier = "unknown"  # nothing read that could say what the therapist treats
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


# A service that only names the profession (a roster's licence type, an OSM shop=massage tag):
# it says what the provider is, not what they treat.
_PROFESSION_ONLY = re.compile(
    r"(licensed |registered )?(massage|bodywork|chiropractic|chiropractor|physiotherapy|physiotherapist|"
    r"physical therapy|physical therapist)( therapist| therapy| practitioner| shop| clinic)?s?",
    re.IGNORECASE,
)


def _says_what_it_treats(listing: Listing, pages) -> bool:
    """Text that could say what the listing treats: a description, a page, a service beyond a profession."""
    if listing.description or any(page.get("text") for page in pages):
        return True
    return any(not _PROFESSION_ONLY.fullmatch(service.strip()) for service in listing.services)


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


def _texts(listing: Listing, pages):
    for field in FIELDS:
        value = getattr(listing, field)
        for text in value if isinstance(value, list) else [value]:
            if text:
                yield field, text, listing.url
    for page in pages:
        if page.get("text"):
            yield "page", page["text"], page["url"]


def _offered(text: str, match: re.Match, vocabulary: Vocabulary, counts: Counter) -> bool:
    """The match counts as evidence: it is not negated, and its sentence is not about something else."""
    if _negated(text, match.start(), vocabulary, match.end()):
        counts["classify/negated"] += 1
        return False
    if _out_of_scope(text, match.start(), match.end(), vocabulary):
        counts["classify/out_of_scope"] += 1
        return False
    return True


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from the end of the last stop before `start` to the
    first stop at or after `end`."""
    stops = _stops(text)
    before = bisect.bisect_left(stops, start)  # the stops left of `start`
    after = bisect.bisect_left(stops, end, before)
    return stops[before - 1] + 1 if before else 0, stops[after] if after < len(stops) else len(text)


@functools.lru_cache(maxsize=1)  # the text being judged, which may be a whole web page
def _stops(text: str) -> tuple[int, ...]:
    """Where a text's sentences stop (each stop one character), found once for all its matches:
    a text is asked about every term in it, several times each."""
    return tuple(match.start() for match in _SENTENCE_END.finditer(text))


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
    # A question answered no: "Do you still do deep tissue? No, ..."
    if text[right : right + 1] == "?" and _ANSWERED_NO.match(text, right + 1):
        return True
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
    """The exact text around a match, at most `limit` characters, cut at word boundaries. A page's
    text is one block a line: the snippet keeps to the match's line, and the next one when the
    match's line is only a heading ("Trigger point therapy" and what the page says of it)."""
    if "\n" in text:
        left = text.rfind("\n", 0, start) + 1
        right = text.find("\n", end)
        right = len(text) if right < 0 else right
        if right - left < SHORT_LINE and right < len(text):
            after = text.find("\n", right + 1)
            right = len(text) if after < 0 else after
        return snippet(text[left:right].replace("\n", " · "), start - left, end - left, limit)
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
