"""One-letter misspellings of the vocabulary's long words ("triger point", "siatica", "myofacial").

A text's words that miss a vocabulary word by one letter (one added, dropped, changed or two
swapped) are read as that word. The corrected text keeps a map back to the original, so evidence
still quotes exactly what the listing wrote. Short words are never corrected (too many real words
sit one letter from a short term), nor the words of `never` (real words one letter from a term:
"message", "facial", "issue").
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

MIN_TERM_WORD = 5  # vocabulary words at least this long may be misspelt ...
MIN_TEXT_WORD = 4  # ... by text words at least this long (four letters: only a dropped one, "pont");
SWAP_ONLY_BELOW = 6  # shorter words only by two swapped letters ("piont"; "short" is no "sport")
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Corrected:
    text: str  # the text with misspellings replaced by the vocabulary word
    origin: list[int]  # for each position of `text` (and its end), the position in the original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the corrected text as a span of the original."""
        return self.origin[start], self.origin[end]


class Speller:
    """The vocabulary's long words, indexed by themselves and each of their one-letter deletions."""

    def __init__(self, terms: Iterable[str], never: Iterable[str] = ()):
        words = {w.lower() for term in terms for w in _WORD.findall(term) if len(w) >= MIN_TERM_WORD}
        self.words = frozenset(words)
        self.never = frozenset(w.lower() for w in never)
        index: dict[str, set[str]] = defaultdict(set)
        for word in words:
            for variant in (word, *_deletions(word)):
                index[variant].add(word)
        self.index = {key: frozenset(value) for key, value in index.items()}

    def correct(self, text: str) -> Corrected | None:
        """The text with every misspelt vocabulary word corrected, or None when there is none."""
        pieces: list[str] = []
        origin: list[int] = []
        last = 0
        for found in _WORD.finditer(text):
            meant = _remembered(self, found.group().lower())
            if meant is None:
                continue
            pieces.append(text[last : found.start()])
            origin.extend(range(last, found.start()))
            pieces.append(meant)
            origin.extend(min(found.start() + i, found.end() - 1) for i in range(len(meant)))
            last = found.end()
        if not pieces:
            return None
        pieces.append(text[last:])
        origin.extend(range(last, len(text) + 1))  # the end of the text maps to the end
        return Corrected("".join(pieces), origin)

    def meant(self, word: str) -> str | None:
        """The vocabulary word a lower-case text word misspells, or None (a short, known or correct word)."""
        if len(word) < MIN_TEXT_WORD or word in self.words or word in self.never:
            return None
        candidates: set[str] = set()
        for variant in (word, *_deletions(word)):
            candidates |= self.index.get(variant, frozenset())
        close = sorted(
            c
            for c in candidates
            if (len(word) == MIN_TEXT_WORD and len(c) == len(word) + 1 and _one_edit(word, c))
            or (len(word) > MIN_TEXT_WORD and _one_edit(word, c, swap_only=len(word) < SWAP_ONLY_BELOW))
        )
        # "sciatic" and "sciatica" are both vocabulary words; a word one letter from two of them
        # is read as the closest in length, then the first alphabetically (deterministic).
        return min(close, key=lambda c: (abs(len(c) - len(word)), c)) if close else None


# Distinct words remembered: a listing's words are mostly those of the listings before it, and
# looking one up afresh (its deletions, their candidates) cost 7% of judging a listing.
_MEANT_CACHE = 1 << 14


@functools.lru_cache(maxsize=_MEANT_CACHE)
def _remembered(speller: Speller, word: str) -> str | None:
    """`speller.meant(word)`, remembered (a Speller is hashed by identity; its words never change)."""
    return speller.meant(word)


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _one_edit(a: str, b: str, swap_only: bool = False) -> bool:
    """One letter added, dropped or changed, or two neighbours swapped (only that with `swap_only`)."""
    if a == b or abs(len(a) - len(b)) > 1 or (swap_only and len(a) != len(b)):
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return (len(diffs) == 1 and not swap_only) or (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
