"""Load the relevance vocabulary (techniques, conditions, exclusions, negation cues) from TOML."""

from __future__ import annotations

import dataclasses
import functools
import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.relevance.typos import Speller

_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
_NOTHING = r"(?!x)x"  # a pattern that matches nowhere


@dataclass(frozen=True)
class Terms:
    """Words and phrases found as whole words in any case (see `compile_terms`), searched like an
    re.Pattern. ASCII text, nearly all, is searched in lower case without folding case: the engine
    then passes over a term at its first letter, where folding the case of every letter it tries
    takes about twice as long. A term written in other letters keeps its case folding, so `lower`
    finds what `pattern` finds, at the same places (lowering ASCII keeps every character where it
    was)."""

    pattern: re.Pattern  # for any text
    lower: re.Pattern  # for ASCII text in lower case

    def search(self, text: str, start: int = 0, end: int = sys.maxsize) -> re.Match | None:
        lowered = _lowered_ascii(text)
        return self.pattern.search(text, start, end) if lowered is None else self.lower.search(lowered, start, end)

    def finditer(self, text: str, start: int = 0, end: int = sys.maxsize) -> Iterator[re.Match]:
        lowered = _lowered_ascii(text)
        return self.pattern.finditer(text, start, end) if lowered is None else self.lower.finditer(lowered, start, end)


@functools.lru_cache(maxsize=1)  # the text being judged, searched for each of its terms and cues
def _lowered_ascii(text: str) -> str | None:
    """The text in lower case when it is ASCII, else None (see Terms)."""
    return text.lower() if text.isascii() else None


def terms(words: list[str]) -> Terms:
    """The words as Terms (none: Terms found nowhere)."""
    if not words:
        return Terms(re.compile(_NOTHING), re.compile(_NOTHING))
    return Terms(compile_terms(words), re.compile(_whole_words(_alternation(words, lower=True))))


@dataclass(frozen=True)
class Entry:
    slug: str
    kind: str  # technique, condition or exclusion
    name: str
    weight: int
    terms: tuple[str, ...]
    pattern: re.Pattern
    group: str = ""  # entries of a group add up to at most Vocabulary.group_caps[group]
    patterns: tuple[str, ...] = ()  # regular expressions for what words alone cannot list
    hosts: bool = False  # an exclusion for a business therapists work inside (a gym, a salon)
    # An exclusion also applies to a listing holding one of these credentials or NUCC codes (a
    # code ending in "*" is a prefix: "1223*" is every dentist).
    credentials: frozenset[str] = frozenset()
    taxonomy_codes: tuple[str, ...] = ()

    def marks(self, credentials: set[str], codes: set[str]) -> bool:
        return bool(credentials & self.credentials) or any(
            code.startswith(want[:-1]) if want.endswith("*") else code == want
            for want in self.taxonomy_codes
            for code in codes
        )


@dataclass(frozen=True)
class Provider:
    slug: str
    name: str
    boost: int  # points added once something relevant matched
    taxonomy_codes: frozenset[str]
    credentials: frozenset[str]


@dataclass(frozen=True, eq=False)
class Vocabulary:
    techniques: tuple[Entry, ...]
    conditions: tuple[Entry, ...]
    exclusions: tuple[Entry, ...]
    negation: Terms
    window: int  # characters before a term searched for a negation cue
    contrast: Terms = terms([])  # words that end a negation ("but")
    after: Terms = terms([])  # cues after a term that negate it ("is not available")
    scope: Terms = terms([])  # cues of a sentence about something else
    providers: tuple[Provider, ...] = ()
    therapy_words: Terms = terms([])  # the gate for listings with no provider mark
    group_caps: dict[str, int] = dataclasses.field(default_factory=dict)
    strongest_condition: bool = True  # conditions do not add up: the strongest one counts
    never_corrected: tuple[str, ...] = ()  # real words one letter from a term ([typos].never)
    false_friends: tuple[str, ...] = ()  # phrases holding a term that are no offering ("deep tissue infection")

    @functools.cached_property
    def speller(self) -> Speller:
        """Reads one-letter misspellings of the techniques' and conditions' long words."""
        return Speller((term for entry in self.scored for term in entry.terms), self.never_corrected)

    @property
    def core(self) -> frozenset[str]:
        """The core techniques: those in no capped group (deep tissue, NMT, trigger point, myofascial)."""
        return frozenset(entry.slug for entry in self.techniques if not entry.group)

    @functools.cached_property
    def marking(self) -> tuple[Entry, ...]:
        """The exclusions a credential or taxonomy code marks (most mark none: asking each of them
        about every listing's credentials took 2% of judging it)."""
        return tuple(entry for entry in self.exclusions if entry.credentials or entry.taxonomy_codes)

    def score(self, slugs: set[str]) -> int:
        """Points for the matched slugs: techniques add up (groups capped), conditions per the rule."""
        by_group: dict[str, int] = {}
        for entry in self.techniques:
            if entry.slug in slugs:
                by_group[entry.group] = by_group.get(entry.group, 0) + entry.weight
        points = sum(min(total, self.group_caps.get(group, total)) for group, total in by_group.items())
        conditions = [entry.weight for entry in self.conditions if entry.slug in slugs]
        points += max(conditions, default=0) if self.strongest_condition else sum(conditions)
        return points

    @property
    def scored(self) -> tuple[Entry, ...]:
        return self.techniques + self.conditions

    @functools.cached_property
    def combined(self) -> Terms:
        """Every scored and exclusion term in one pattern (one pass per text); its group names the
        entry in `groups`."""
        return Terms(
            re.compile(_combine(self.groups, lower=False), re.IGNORECASE), re.compile(_combine(self.groups, lower=True))
        )

    @functools.cached_property
    def groups(self) -> dict[str, Entry]:
        """The entries by their group in `combined`."""
        groups = {}
        if self.false_friends:  # first: at the same position, the look-alike phrase wins
            groups["ff"] = Entry("false_friend", "false_friend", "", 0, self.false_friends, re.compile(""))
        return groups | {f"e{i}": entry for i, entry in enumerate(self.scored + self.exclusions)}

    def slugs(self, kind: str) -> list[str]:
        return [entry.slug for entry in getattr(self, f"{kind}s")]


def load_vocabulary(path: Path) -> Vocabulary:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"vocabulary file {path} does not exist (relevance.vocabulary)", path=str(path)) from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"vocabulary file {path} is not valid TOML: {err}", path=str(path)) from err
    unknown = set(data) - {
        "techniques",
        "conditions",
        "exclusions",
        "negation",
        "scope",
        "providers",
        "gate",
        "scoring",
        "typos",
        "false_friends",
    }
    if unknown:
        raise ConfigError(f"unknown key '{sorted(unknown)[0]}' in vocabulary file {path}", path=str(path))
    entries = {
        kind: tuple(_entries(data.get(f"{kind}s", {}), kind, path)) for kind in ("technique", "condition", "exclusion")
    }
    negation = data.get("negation", {})
    extra = sorted(set(negation) - {"cues", "window", "contrast", "after"}) if isinstance(negation, dict) else [""]
    if extra:
        raise ConfigError(f"unknown key 'negation.{extra[0]}' in vocabulary file {path}", path=str(path))
    window = negation.get("window", 40)
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise ConfigError(f"key 'negation.window' in {path} must be a whole number of characters", path=str(path))
    cues = negation.get("cues", [])
    if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
        raise ConfigError(f"key 'negation.cues' in {path} must be a list of strings", path=str(path))
    return Vocabulary(
        techniques=entries["technique"],
        conditions=entries["condition"],
        exclusions=entries["exclusion"],
        negation=terms(cues),
        window=window,
        contrast=_word_list(negation, "contrast", "negation", path),
        after=_word_list(negation, "after", "negation", path),
        scope=_words(data.get("scope", {}), "cues", "scope", path),
        providers=tuple(_providers(data.get("providers", {}), path)),
        therapy_words=_words(data.get("gate", {}), "therapy_words", "gate", path),
        never_corrected=tuple(_strings(data.get("typos", {}), "never", "typos", path)),
        false_friends=tuple(_strings(data.get("false_friends", {}), "terms", "false_friends", path)),
        **_scoring(data.get("scoring", {}), path),
    )


def _scoring(table, path: Path) -> dict:
    if not isinstance(table, dict) or set(table) - {"group_caps", "conditions"}:
        extra = sorted(set(table) - {"group_caps", "conditions"}) if isinstance(table, dict) else [""]
        raise ConfigError(f"unknown key 'scoring.{extra[0]}' in vocabulary file {path}", path=str(path))
    caps = table.get("group_caps", {})
    if not isinstance(caps, dict) or not all(isinstance(v, int) and v >= 0 for v in caps.values()):
        raise ConfigError(f"key 'scoring.group_caps' in {path} must map group names to points", path=str(path))
    rule = table.get("conditions", "strongest")
    if rule not in ("strongest", "sum"):
        raise ConfigError(f'key \'scoring.conditions\' in {path} must be "strongest" or "sum"', path=str(path))
    return {"group_caps": dict(caps), "strongest_condition": rule == "strongest"}


def _word_list(table: dict, key: str, where: str, path: Path) -> Terms:
    words = table.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ConfigError(f"key '{where}.{key}' in {path} must be a list of strings", path=str(path))
    return terms(words)


def _words(table, key: str, where: str, path: Path) -> Terms:
    return terms(_strings(table, key, where, path))


def _strings(table, key: str, where: str, path: Path) -> list[str]:
    """The list `key` of a table that holds nothing else."""
    if not isinstance(table, dict) or set(table) - {key}:
        extra = sorted(set(table) - {key}) if isinstance(table, dict) else [""]
        raise ConfigError(f"unknown key '{where}.{extra[0]}' in vocabulary file {path}", path=str(path))
    words = table.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ConfigError(f"key '{where}.{key}' in {path} must be a list of strings", path=str(path))
    return words


def _providers(table: dict, path: Path):
    allowed = {"name", "boost", "taxonomy_codes", "credentials"}
    for slug, spec in table.items():
        if not isinstance(spec, dict) or set(spec) - allowed:
            extra = sorted(set(spec) - allowed) if isinstance(spec, dict) else [""]
            raise ConfigError(f"unknown key 'providers.{slug}.{extra[0]}' in vocabulary file {path}", path=str(path))
        boost = spec.get("boost", 0)
        if not isinstance(boost, int) or not 0 <= boost <= 100:
            raise ConfigError(
                f"key 'providers.{slug}.boost' in {path} must be an integer from 0 to 100", path=str(path)
            )
        yield Provider(
            slug=slug,
            name=str(spec.get("name", slug)),
            boost=boost,
            taxonomy_codes=frozenset(c.upper() for c in spec.get("taxonomy_codes", [])),
            credentials=frozenset(c.upper().replace(".", "") for c in spec.get("credentials", [])),
        )


def _entries(table: dict, kind: str, path: Path):
    for slug, spec in table.items():
        where = f"{kind}s.{slug}"
        if not _SLUG.match(slug):
            raise ConfigError(f"slug '{slug}' in {path} must be lowercase letters, digits and _", path=str(path))
        allowed = {"name", "weight", "terms", "group", "patterns"} | (
            {"hosts_therapists", "credentials", "taxonomy_codes"} if kind == "exclusion" else set()
        )
        if not isinstance(spec, dict) or set(spec) - allowed:
            extra = sorted(set(spec) - allowed) if isinstance(spec, dict) else [where]
            raise ConfigError(f"unknown key '{where}.{extra[0]}' in vocabulary file {path}", path=str(path))
        terms = spec.get("terms")
        if not terms or not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
            raise ConfigError(f"key '{where}.terms' in {path} must be a non-empty list of strings", path=str(path))
        weight = spec.get("weight", 0)
        if kind != "exclusion" and (not isinstance(weight, int) or not 0 < weight <= 100):
            raise ConfigError(f"key '{where}.weight' in {path} must be an integer from 1 to 100", path=str(path))
        yield Entry(
            slug=slug,
            kind=kind,
            name=str(spec.get("name", slug)),
            weight=int(weight),
            terms=tuple(terms),
            pattern=compile_terms(terms),
            group=str(spec.get("group", "")),
            patterns=tuple(_patterns(spec.get("patterns", []), where, path)),
            hosts=bool(spec.get("hosts_therapists", False)),
            credentials=frozenset(str(c).upper().replace(".", "") for c in spec.get("credentials", [])),
            taxonomy_codes=tuple(str(c).upper() for c in spec.get("taxonomy_codes", [])),
        )


def _patterns(patterns, where: str, path: Path) -> list[str]:
    """Regular expressions of an entry: each must compile, and hold no named group of its own."""
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p.strip() for p in patterns):
        raise ConfigError(f"key '{where}.patterns' in {path} must be a list of regular expressions", path=str(path))
    for pattern in patterns:
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as err:
            raise ConfigError(
                f"key '{where}.patterns' in {path} holds an invalid regular expression {pattern!r}: {err}",
                path=str(path),
            ) from err
        if compiled.groupindex:
            raise ConfigError(f"key '{where}.patterns' in {path}: use (?:...) groups, not named ones", path=str(path))
    return [f"(?:{pattern})" for pattern in patterns]


def compile_terms(terms: list[str]) -> re.Pattern:
    """One case-insensitive pattern; a space in a term also matches a hyphen or nothing, and a
    plural ending is allowed ("trigger point" finds "trigger points", "herniated disk" "disks")."""
    return re.compile(_whole_words(_alternation(terms)), re.IGNORECASE)


def _whole_words(alternatives: str) -> str:
    """The alternatives matched as whole words, a plural ending allowed."""
    return r"(?<!\w)(?:" + alternatives + r")(?:e?s)?(?!\w)"


def _combine(groups: dict[str, Entry], lower: bool) -> str:
    """The pattern of Vocabulary.combined (`lower`: for lower-case ASCII text), a named group an entry."""
    alternatives = []
    for name, entry in groups.items():
        expressions = [_folding(expression) for expression in entry.patterns] if lower else list(entry.patterns)
        alternatives.append(f"(?P<{name}>{'|'.join([_alternation(entry.terms, lower), *expressions])})")
    return _whole_words("|".join(alternatives))


def _alternation(terms, lower: bool = False) -> str:
    """The terms as alternatives, longest first. `lower`: for lower-case ASCII text searched without
    IGNORECASE (see Terms): an ASCII term in lower case, any other folding its case as before."""
    alternatives = []
    for term in sorted(terms, key=len, reverse=True):
        words = [re.escape(word) for word in re.split(r"[\s\-]+", term.strip())]
        alternative = r"[\s\-]*".join(words)
        if lower:
            alternative = alternative.lower() if term.isascii() else _folding(alternative)
        alternatives.append(alternative)
    return "|".join(alternatives)


def _folding(pattern: str) -> str:
    """The pattern matching regardless of case inside a pattern that does not."""
    return f"(?i:{pattern})"
